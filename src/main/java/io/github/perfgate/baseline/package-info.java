/**
 * The committed baseline file: its model ({@code Baseline}), reading with content validation and atomic writing
 * ({@code BaselineStore}, {@code BaselineValidator}), and the update that turns a run into the next baseline.
 * Depends on {@code jmh} (the result model), {@code calibration} and {@code io}; never on Maven.
 */
package io.github.perfgate.baseline;
