/**
 * Running JMH and reading its results: the command line, the supervised JMH process ({@code JmhRunner}), the
 * machine-wide measurement lock ({@code MeasurementLock}) and the JSON result parser, which produce the
 * {@code model}. Depends on {@code model}, {@code calibration} and {@code watchdog}; never on Maven, and never on JMH
 * classes at compile time (JMH runs in a forked JVM on the project's test classpath).
 */
package io.github.perfgate.jmh;
