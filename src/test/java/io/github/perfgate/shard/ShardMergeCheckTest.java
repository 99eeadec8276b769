package io.github.perfgate.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import io.github.perfgate.shard.ShardProblem.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShardMergeCheckTest {

    private static final List<BenchmarkKey> SUITE = List.of(key("acme.A.a"), key("acme.B.b"), key("acme.C.c"),
            key("acme.D.d"), key("acme.E.e"), key("acme.F.f"),
            new BenchmarkKey("acme.P.parse", new TreeMap<>(Map.of("size", "10")), Mode.AVERAGE_TIME),
            new BenchmarkKey("acme.P.parse", new TreeMap<>(Map.of("size", "99")), Mode.AVERAGE_TIME));

    @Test
    void aCompleteConsistentSetHasNoProblem() {
        for (int n = 1; n <= 8; n++) {
            assertThat(ShardMergeCheck.check(planned(n))).as("N=%d", n).isEmpty();
        }
    }

    @Test
    void noResultAtAll() {
        assertThat(ShardMergeCheck.check(List.of())).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.NO_SHARDS);
            assertThat(p.message()).contains("perfgate.shards");
        });
    }

    @Test
    void aMissingShardIsNamedWithTheJobToRerunAndItsBenchmarks() {
        List<ShardResult> results = new ArrayList<>(planned(3));
        ShardResult second = results.remove(1);

        List<ShardProblem> problems = ShardMergeCheck.check(results);

        assertThat(problems).extracting(ShardProblem::kind).containsExactly(Kind.MISSING_SHARD,
                Kind.MISSING_BENCHMARK);
        assertThat(problems.get(0).message()).isEqualTo("Shard 2/3 is missing: no result for it among the 2 given"
                + " (shards 1/3, 3/3); download the artifact of the job that ran -Dperfgate.shard=2/3, or rerun"
                + " that job");
        assertThat(problems.get(0).shards()).containsExactly("2/3");
        assertThat(problems.get(1).benchmarks()).containsExactlyInAnyOrderElementsOf(second.ran());
        assertThat(problems.get(1).message()).endsWith("; the missing shard held them");
    }

    @Test
    void aBenchmarkInTwoShardsIsNamedWithBothShards() {
        List<ShardResult> results = new ArrayList<>(planned(2));
        ShardResult first = results.get(0);
        ShardResult second = results.get(1);
        BenchmarkKey stray = first.ran().get(0);
        List<BenchmarkKey> more = new ArrayList<>(second.ran());
        more.add(stray);
        results.set(1, new ShardResult(second.source(), second.shard(), second.baseline(), second.settings(),
                second.selected(), more));

        List<ShardProblem> problems = ShardMergeCheck.check(results);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.DUPLICATE_BENCHMARK);
            assertThat(p.benchmarks()).containsExactly(stray);
            assertThat(p.shards()).containsExactly("shard 1/2 (shard-1/result.json)", "shard 2/2 (shard-2/result.json)");
            assertThat(p.message()).startsWith("1 benchmark has results in both shard 1/2 (shard-1/result.json) and"
                    + " shard 2/2 (shard-2/result.json): " + stray + "; every benchmark must run in exactly one"
                    + " shard");
        });
    }

    @Test
    void aBenchmarkNoShardRanIsNamed() {
        List<ShardResult> results = new ArrayList<>(planned(2));
        ShardResult first = results.get(0);
        BenchmarkKey lost = first.ran().get(0);
        results.set(0, new ShardResult(first.source(), first.shard(), first.baseline(), first.settings(),
                first.selected(), first.ran().subList(1, first.ran().size())));

        assertThat(ShardMergeCheck.check(results)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.MISSING_BENCHMARK);
            assertThat(p.benchmarks()).containsExactly(lost);
            assertThat(p.message()).isEqualTo("1 benchmark of the selection has results in no shard: " + lost
                    + "; a shard's run left them out: see its log, and rerun that shard");
        });
    }

    @Test
    void theSameShardTwiceIsOneProblemNotADuplicateOfEveryBenchmark() {
        List<ShardResult> results = new ArrayList<>(planned(2));
        ShardResult first = results.get(0);
        results.add(new ShardResult("rerun/shard-1/result.json", first.shard(), first.baseline(), first.settings(),
                first.selected(), first.ran()));

        assertThat(ShardMergeCheck.check(results)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.DUPLICATE_SHARD);
            assertThat(p.message()).isEqualTo("Shard 1/2 has 2 results: rerun/shard-1/result.json,"
                    + " shard-1/result.json; keep the one of the run to merge and remove the other");
        });
    }

    @Test
    void differentBaselinesAndSettingsAreNamedByShard() {
        List<ShardResult> results = new ArrayList<>(planned(3));
        ShardResult third = results.get(2);
        results.set(2, new ShardResult(third.source(), third.shard(), "9f8e7d", "3 forks x 3 x 1s, 5 x 2s",
                third.selected(), third.ran()));

        List<ShardProblem> problems = ShardMergeCheck.check(results);

        assertThat(problems).extracting(ShardProblem::kind).containsExactly(Kind.BASELINE_MISMATCH,
                Kind.SETTINGS_MISMATCH);
        assertThat(problems.get(0).message()).isEqualTo("The shards were cut from different baselines: baseline"
                + " '1a2b3c' in shard 1/3 (shard-1/result.json), shard 2/3 (shard-2/result.json); baseline '9f8e7d'"
                + " in shard 3/3 (shard-3/result.json); run every shard job on the same commit, with the same"
                + " baseline file");
        assertThat(problems.get(1).message()).contains("settings '3 forks x 3 x 1s, 5 x 1s' in shard 1/3",
                "settings '3 forks x 3 x 1s, 5 x 2s' in shard 3/3", "same perfgate parameters");
    }

    @Test
    void differentShardCountsAreTheOnlyProblemReported() {
        List<ShardResult> results = new ArrayList<>(planned(2));
        results.add(planned(3).get(2));

        assertThat(ShardMergeCheck.check(results)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.SHARD_COUNT_MISMATCH);
            assertThat(p.message()).startsWith("The shard results were cut for different numbers of shards: N=2 in"
                    + " shard 1/2 (shard-1/result.json), shard 2/2 (shard-2/result.json); N=3 in shard 3/3"
                    + " (shard-3/result.json)");
        });
    }

    @Test
    void aShardPlannedFromAnotherSelectionIsNamedWithWhatDiffers() {
        List<ShardResult> results = new ArrayList<>(planned(3));
        ShardResult third = results.get(2);
        BenchmarkKey extra = key("acme.Z.new");
        List<BenchmarkKey> selected = new ArrayList<>(third.selected());
        selected.add(extra);
        List<BenchmarkKey> ran = new ArrayList<>(third.ran());
        ran.add(extra);
        results.set(2, new ShardResult(third.source(), third.shard(), third.baseline(), third.settings(), selected,
                ran));

        List<ShardProblem> problems = ShardMergeCheck.check(results);

        assertThat(problems).extracting(ShardProblem::kind).containsExactly(Kind.SELECTION_MISMATCH,
                Kind.UNPLANNED_BENCHMARK);
        assertThat(problems.get(0).message()).contains("shard 3/3 (shard-3/result.json) selected 9",
                "only the former select acme.Z.new (avgt)", "same perfgate.include and perfgate.exclude");
        assertThat(problems.get(1).benchmarks()).containsExactly(extra);
        assertThat(problems.get(1).shards()).containsExactly("shard 3/3 (shard-3/result.json)");
    }

    @Test
    void longListsNameTenAndCountTheRest() {
        List<BenchmarkKey> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            keys.add(key("acme.B" + (char) ('a' + i) + ".m"));
        }
        assertThat(ShardMergeCheck.list(keys)).endsWith("acme.Bj.m (avgt) and 15 more").doesNotContain("acme.Bk.m");
    }

    @Test
    void tenThousandBenchmarksInTwentyShardsAreCheckedQuickly() {
        List<BenchmarkKey> keys = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(key("acme.bench" + i % 50 + ".Bench" + i + ".run"));
        }
        ShardPlan plan = ShardPlan.plan(keys, k -> Duration.ofSeconds(k.name().length()), 20);
        List<ShardResult> results = new ArrayList<>();
        for (int k = 1; k <= 20; k++) {
            Shard shard = new Shard(k, 20);
            results.add(new ShardResult("shard-" + k, shard, "b", "s", keys, plan.benchmarks(shard)));
        }
        assertThat(ShardMergeCheck.check(results)).isEmpty();
    }

    /** Results of the plan of {@link #SUITE} over n shards, each having run its share. */
    private static List<ShardResult> planned(int n) {
        ShardPlan plan = ShardPlan.plan(SUITE, k -> Duration.ofSeconds(10 + k.name().length()), n);
        List<ShardResult> results = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            Shard shard = new Shard(k, n);
            results.add(new ShardResult("shard-" + k + "/result.json", shard, "1a2b3c", "3 forks x 3 x 1s, 5 x 1s",
                    SUITE, plan.benchmarks(shard)));
        }
        return results;
    }

    private static BenchmarkKey key(String name) {
        return BenchmarkKey.of(name, Mode.AVERAGE_TIME);
    }
}
