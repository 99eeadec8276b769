/**
 * Verdicts: the regression gate, the allocation gate, claims (judged on the measurement, then on the tests),
 * tolerances, machine drift, benchmark selection (the one builder of exact include expressions) and the
 * re-measure of suspects. Depends on {@code model}, {@code stats}, {@code surefire} (test summaries) and
 * {@code baseline} (the command that records one, for messages); never on Maven.
 */
package io.github.perfgate.gate;
