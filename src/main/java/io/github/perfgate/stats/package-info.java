/**
 * Statistics over JMH's raw per-fork, per-iteration samples: robust per-fork locations and the hierarchical
 * bootstrap of a change between a baseline and a run; for a same-machine A/B run, the order of its rounds
 * ({@link io.github.perfgate.stats.RoundOrder}), the paired t-interval over rounds
 * ({@link io.github.perfgate.stats.PairedRounds}) and when a benchmark may stop
 * ({@link io.github.perfgate.stats.StoppingPlan}). Depends on the JDK and commons-math only.
 */
package io.github.perfgate.stats;
