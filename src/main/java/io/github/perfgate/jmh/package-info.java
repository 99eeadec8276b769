/**
 * Running JMH and reading its results: the result model (benchmark key, result, metric, mode), the command line,
 * the supervised JMH process ({@code JmhRunner}), the machine-wide measurement lock ({@code MeasurementLock}) and
 * the JSON parser. Depends on {@code calibration} and {@code watchdog}; never on Maven, and never on JMH classes at
 * compile time (JMH runs in a forked JVM on the project's test classpath).
 */
package io.github.perfgate.jmh;
