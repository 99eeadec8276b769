package io.github.perfgate.shard;

import io.github.perfgate.model.BenchmarkKey;
import java.util.List;
import java.util.Objects;

/**
 * One reason why shard results cannot be merged into one verdict, as a sentence that names what is wrong and says
 * how to fix it, with the shards and benchmarks it concerns for a report.
 *
 * @param kind what is wrong
 * @param message the sentence for the log
 * @param shards the results concerned ({@link ShardResult#describe()}), or for a missing shard its {@code K/N}
 * @param benchmarks the benchmarks concerned, if any
 */
public record ShardProblem(Kind kind, String message, List<String> shards, List<BenchmarkKey> benchmarks) {

    /** What is wrong with a set of shard results. */
    public enum Kind {
        /** No result given at all. */
        NO_SHARDS,
        /** The results say different N. */
        SHARD_COUNT_MISMATCH,
        /** A K of 1..N has no result. */
        MISSING_SHARD,
        /** Two results for the same K (a job's artifact downloaded twice, a rerun next to the first run). */
        DUPLICATE_SHARD,
        /** The shards were cut from different baselines. */
        BASELINE_MISMATCH,
        /** The shards ran with different settings. */
        SETTINGS_MISMATCH,
        /** The shards were planned from different selections of benchmarks. */
        SELECTION_MISMATCH,
        /** A benchmark has results in two shards. */
        DUPLICATE_BENCHMARK,
        /** A benchmark of the selection has results in no shard. */
        MISSING_BENCHMARK,
        /** A shard has results for a benchmark outside the selection. */
        UNPLANNED_BENCHMARK
    }

    public ShardProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        shards = List.copyOf(shards);
        benchmarks = List.copyOf(benchmarks);
    }
}
