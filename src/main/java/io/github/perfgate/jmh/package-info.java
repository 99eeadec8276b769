/**
 * Running JMH and reading its results: the JMH arguments ({@code JmhArguments}, grammar in {@code JmhOptions}), the
 * host's command line and classpath argfile ({@code JmhCommandLine}), the benchmark listing that counts the run
 * ({@code BenchmarkListing}), the run itself under the process supervisor ({@code JmhRunner}), the output tracker that
 * reports progress and explains failures ({@code JmhOutputTracker}), the hints that name {@code perfgate.*}
 * properties ({@code JmhHints}), the machine-wide measurement lock ({@code MeasurementLock}) and the JSON result
 * parser, which produce the {@code model}; {@code BenchmarkDiscovery} finds the benchmarks on a classpath and, with
 * the build's {@code CompileFacts}, {@code MissingBenchmarks} says why there are none (not compiled, annotation
 * processing off or not run on javac 23+, JMH's processor missing). Depends on {@code model}, {@code process},
 * {@code calibration}, {@code watchdog}, {@code cpu} and {@code files} (paths in messages); never on Maven, and never on JMH classes at compile time (JMH runs in a forked JVM on the
 * project's test classpath).
 */
package io.github.perfgate.jmh;
