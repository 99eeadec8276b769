/**
 * The machine calibration: a fixed arithmetic workload measured in fresh JVMs around the benchmarks, so that the
 * gate can correct for a machine that runs slower or faster than when the baseline was recorded. Depends on the
 * JDK, {@code model} and {@code process} (which runs its JVMs under the watchdog) only; never on Maven.
 */
package io.github.perfgate.calibration;
