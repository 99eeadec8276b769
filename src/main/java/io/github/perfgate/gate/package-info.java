/**
 * Verdicts: the regression gate, the allocation gate, claims, tolerances, machine drift, benchmark selection
 * and the re-measure of suspects. Depends on {@code jmh} (model), {@code baseline}, {@code stats}, {@code calibration}
 * and {@code tests} (test summaries); never on Maven.
 */
package io.github.perfgate.gate;
