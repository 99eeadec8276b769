/**
 * Statistics over JMH's raw per-fork, per-iteration samples: robust per-fork locations and the hierarchical
 * bootstrap of a change. Depends on the JDK and commons-math only.
 */
package io.github.perfgate.stats;
