package io.github.perfgate.model;

/**
 * What one measurement produced: the benchmarks' results and, when the machine was calibrated around them, the
 * calibration.
 *
 * @param run the results of the benchmarks that ran, with the JMH and JVM versions
 * @param calibration the machine calibration measured around the benchmarks, or null when none was
 */
public record Measurement(JmhRun run, Calibration calibration) {
}
