package io.github.perfgate.shard;

import io.github.perfgate.model.BenchmarkKey;
import java.util.List;
import java.util.Objects;

/**
 * What a merge needs to know about one shard's result file to tell whether the shards make one suite: which shard
 * it was, what it was cut from, and which benchmarks it holds results for.
 *
 * @param source where the result came from, as the user should see it (a path relative to the merge's
 *     directory), for messages
 * @param shard K/N the job ran with
 * @param baseline the identity of the baseline the plan was cut from, e.g. a hash of the baseline file's bytes; all
 *     shards of one suite must have the same
 * @param settings a fingerprint of the settings that change the plan or the verdicts (forks, iterations, times,
 *     confidence, tolerance, metric, error control, JMH arguments); all shards must have the same
 * @param selected the whole selection the plan was cut from (every shard's, not only this one's)
 * @param ran the benchmarks this shard has results for
 */
public record ShardResult(String source, Shard shard, String baseline, String settings, List<BenchmarkKey> selected,
        List<BenchmarkKey> ran) {

    public ShardResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(shard, "shard");
        baseline = Objects.requireNonNullElse(baseline, "");
        settings = Objects.requireNonNullElse(settings, "");
        selected = List.copyOf(selected);
        ran = List.copyOf(ran);
    }

    /** {@code shard 2/4 (jobs/shard-2/perfgate-shard-2-of-4.json)}, for messages. */
    public String describe() {
        return "shard " + shard + " (" + source + ")";
    }
}
