/**
 * The domain model every other package shares: a benchmark's key (name, mode, parameters), its result (metrics
 * with per-fork, per-iteration samples), a JMH run, a measurement (a run and its machine calibration), the
 * environment it ran in, a baseline, and {@code PerfgateException}, the base of every exception the core throws.
 * Immutable records; depends on the JDK only.
 */
package io.github.perfgate.model;
