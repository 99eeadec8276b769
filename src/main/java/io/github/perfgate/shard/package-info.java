/**
 * Sharding a suite over CI jobs: {@link io.github.perfgate.shard.Shard} ({@code perfgate.shard=K/N}),
 * {@link io.github.perfgate.shard.ShardPlan} (which benchmark methods shard K runs, balanced by duration, longest
 * first into the lightest shard), {@link io.github.perfgate.shard.RunSettings} (a benchmark's duration estimated from
 * the run's settings when none is recorded), and {@link io.github.perfgate.shard.ShardMergeCheck} (whether N shard
 * results make one complete, consistent suite before they are merged). Depends on {@code model} and {@code gate}
 * (its one builder of exact include expressions); never on Maven.
 */
package io.github.perfgate.shard;
