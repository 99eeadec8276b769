package io.github.perfgate.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ShardPlan} on a realistic suite: 200 benchmark methods whose durations are log-normal (median 30 s, a
 * factor e^1 = 2.7 either side for one standard deviation, so a few run several minutes), a quarter of them with 2 to
 * 4 parameter combinations, some in two modes.
 *
 * <p>Measured, the longest shard over the mean for N = 1..8 (seed 16): 1.000, 1.000, 1.000, 1.000, 1.001, 1.001,
 * 1.001, 1.002; the bound asserted is 1.10.
 */
class ShardPlanTest {

    private static final long SEED = 16;

    @Test
    void shardsAreDisjointAndTogetherEveryBenchmarkForOneToEightShards() {
        Suite suite = Suite.realistic(SEED, 200);
        for (int n = 1; n <= 8; n++) {
            ShardPlan plan = ShardPlan.plan(suite.keys, suite.durations::get, n);
            Set<BenchmarkKey> union = new HashSet<>();
            Set<String> methods = new HashSet<>();
            int total = 0;
            for (int k = 1; k <= n; k++) {
                Shard shard = new Shard(k, n);
                List<BenchmarkKey> keys = plan.benchmarks(shard);
                total += keys.size();
                union.addAll(keys);
                for (String method : plan.methods(shard)) {
                    assertThat(methods.add(method)).as("method %s in two shards", method).isTrue();
                    assertThat(plan.shardOf(method)).contains(shard);
                }
                for (BenchmarkKey key : keys) {
                    assertThat(plan.methods(shard)).as("a shard holds whole methods").contains(key.name());
                }
            }
            assertThat(total).as("no benchmark in two shards (N=%d)", n).isEqualTo(union.size());
            assertThat(union).as("every benchmark in some shard (N=%d)", n).containsExactlyInAnyOrderElementsOf(
                    suite.keys);
        }
    }

    @Test
    void theLongestShardIsWithinTenPercentOfTheMean() {
        Suite suite = Suite.realistic(SEED, 200);
        StringBuilder measured = new StringBuilder();
        for (int n = 1; n <= 8; n++) {
            ShardPlan plan = ShardPlan.plan(suite.keys, suite.durations::get, n);
            double ratio = longest(plan) / mean(plan);
            measured.append(String.format("%.3f ", ratio));
            assertThat(ratio).as("longest / mean with %d shards", n).isLessThanOrEqualTo(1.10);
        }
        System.out.println("ShardPlanTest longest/mean for N=1..8: " + measured);
    }

    @Test
    void aMethodLongerThanTheMeanIsItsShardAlone() {
        Suite suite = Suite.realistic(SEED, 40);
        List<BenchmarkKey> keys = new ArrayList<>(suite.keys);
        Map<BenchmarkKey, Duration> durations = new HashMap<>(suite.durations);
        BenchmarkKey huge = BenchmarkKey.of("acme.Huge.everything", Mode.AVERAGE_TIME);
        keys.add(huge);
        durations.put(huge, Duration.ofHours(5));

        ShardPlan plan = ShardPlan.plan(keys, durations::get, 8);

        Shard first = plan.shardOf("acme.Huge.everything").orElseThrow();
        assertThat(first.index()).as("the longest goes first, to shard 1").isEqualTo(1);
        assertThat(plan.methods(first)).containsExactly("acme.Huge.everything");
        assertThat(longest(plan)).isEqualTo(Duration.ofHours(5).toNanos());
        for (int k = 2; k <= 8; k++) {
            assertThat(plan.duration(new Shard(k, 8))).isLessThan(Duration.ofHours(5));
        }
    }

    @Test
    void theSameInputsInAnotherOrderGiveTheSamePlan() {
        Suite suite = Suite.realistic(SEED, 200);
        // Equal durations everywhere too, so that only the tie-break decides.
        Function<BenchmarkKey, Duration> equal = key -> Duration.ofSeconds(30);
        for (int n : new int[] {1, 3, 7}) {
            ShardPlan reference = ShardPlan.plan(suite.keys, suite.durations::get, n);
            ShardPlan ties = ShardPlan.plan(suite.keys, equal, n);
            for (long seed = 1; seed <= 5; seed++) {
                List<BenchmarkKey> shuffled = new ArrayList<>(suite.keys);
                Collections.shuffle(shuffled, new Random(seed));
                ShardPlan again = ShardPlan.plan(shuffled, new HashMap<>(suite.durations)::get, n);
                ShardPlan tiesAgain = ShardPlan.plan(shuffled, equal, n);
                for (int k = 1; k <= n; k++) {
                    Shard shard = new Shard(k, n);
                    assertThat(again.benchmarks(shard)).isEqualTo(reference.benchmarks(shard));
                    assertThat(again.include(shard)).isEqualTo(reference.include(shard));
                    assertThat(tiesAgain.methods(shard)).isEqualTo(ties.methods(shard));
                }
            }
        }
    }

    @Test
    void tiesGoByNameToTheLowestShard() {
        List<BenchmarkKey> keys = List.of(key("b.B.m"), key("a.A.m"), key("c.C.m"), key("d.D.m"));
        ShardPlan plan = ShardPlan.plan(keys, k -> Duration.ofSeconds(10), 2);

        assertThat(plan.methods(new Shard(1, 2))).containsExactly("a.A.m", "c.C.m");
        assertThat(plan.methods(new Shard(2, 2))).containsExactly("b.B.m", "d.D.m");
    }

    @Test
    void aMethodKeepsAllItsParameterCombinationsAndModesInOneShard() {
        List<BenchmarkKey> keys = new ArrayList<>();
        for (int size : new int[] {10, 100, 1000}) {
            keys.add(new BenchmarkKey("acme.ParserBench.parse", new TreeMap<>(Map.of("size", "" + size)),
                    Mode.AVERAGE_TIME));
        }
        keys.add(BenchmarkKey.of("acme.ParserBench.parse", Mode.THROUGHPUT));
        keys.add(key("acme.Other.a"));
        keys.add(key("acme.Other.b"));
        keys.add(key("acme.Other.c"));

        ShardPlan plan = ShardPlan.plan(keys, k -> Duration.ofSeconds(10), 2);

        Shard shard = plan.shardOf("acme.ParserBench.parse").orElseThrow();
        assertThat(plan.benchmarks(shard)).filteredOn(k -> k.name().equals("acme.ParserBench.parse")).hasSize(4);
        assertThat(plan.duration(shard)).as("4 combinations of 10 s weigh 40 s").isEqualTo(Duration.ofSeconds(40));
        assertThat(plan.methods(new Shard(3 - shard.index(), 2))).containsExactly("acme.Other.a", "acme.Other.b",
                "acme.Other.c");
    }

    @Test
    void theIncludeSelectsExactlyTheShardsMethodsAsJmhMatchesThem() {
        List<BenchmarkKey> keys = List.of(key("acme.ParserBench.parse"), key("acme.ParserBench.parseAll"),
                key("acme.Lexer.lex"), key("acme.Lexer.lex$1"), key("acme.Odd.a+b"));
        ShardPlan plan = ShardPlan.plan(keys, k -> Duration.ofSeconds(10), 2);
        List<String> names = List.of("acme.ParserBench.parse", "acme.ParserBench.parseAll", "acme.Lexer.lex",
                "acme.Lexer.lex$1", "acme.Odd.a+b", "other.acme.ParserBench.parse", "acme.ParserBench.parseX");
        for (int k = 1; k <= 2; k++) {
            Shard shard = new Shard(k, 2);
            Pattern one = Pattern.compile(plan.include(shard).orElseThrow());
            List<Pattern> each = plan.includes(shard).stream().map(Pattern::compile).toList();
            for (String name : names) {
                boolean inShard = plan.methods(shard).contains(name);
                assertThat(one.matcher(name).find()).as("%s against %s", name, one).isEqualTo(inShard);
                assertThat(each.stream().anyMatch(p -> p.matcher(name).find())).isEqualTo(inShard);
            }
            assertThat(plan.include(shard).orElseThrow()).doesNotContain(",").startsWith("^(?:\\Q").endsWith("\\E)$");
        }
    }

    @Test
    void moreShardsThanMethodsLeavesSomeEmptyWithoutAnInclude() {
        ShardPlan plan = ShardPlan.plan(List.of(key("a.A.m"), key("b.B.m")), k -> Duration.ofSeconds(1), 3);

        Shard third = new Shard(3, 3);
        assertThat(plan.benchmarks(third)).isEmpty();
        assertThat(plan.include(third)).as("no include would make JMH run everything").isEmpty();
        assertThat(plan.includes(third)).isEmpty();
        assertThat(plan.duration(third)).isZero();
    }

    @Test
    void estimatesFromTheSettingsWhenNothingIsRecorded() {
        RunSettings settings = new RunSettings(3, 3, Duration.ofSeconds(1), 5, Duration.ofSeconds(1));
        BenchmarkKey recorded = key("a.A.m");
        BenchmarkKey estimated = key("b.B.m");
        Function<BenchmarkKey, Duration> durations = settings.recordedOrEstimated(
                Map.of(recorded, Duration.ofSeconds(90)));

        assertThat(durations.apply(recorded)).isEqualTo(Duration.ofSeconds(90));
        assertThat(durations.apply(estimated)).as("3 x (0.5 s + 3 x 1 s + 5 x 1 s)")
                .isEqualTo(Duration.ofMillis(25_500));
        assertThat(settings.estimate(BenchmarkKey.of("c.C.m", Mode.SINGLE_SHOT))).as("3 x (0.5 s + 8 x 0.1 s)")
                .isEqualTo(Duration.ofMillis(3_900));
    }

    @Test
    void theShardPlanRejectsAShardOfAnotherCount() {
        ShardPlan plan = ShardPlan.plan(List.of(key("a.A.m")), k -> Duration.ofSeconds(1), 2);
        assertThatThrownBy(() -> plan.benchmarks(new Shard(1, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1/3");
    }

    private static BenchmarkKey key(String name) {
        return BenchmarkKey.of(name, Mode.AVERAGE_TIME);
    }

    private static double longest(ShardPlan plan) {
        long max = 0;
        for (int k = 1; k <= plan.shardCount(); k++) {
            max = Math.max(max, plan.duration(new Shard(k, plan.shardCount())).toNanos());
        }
        return max;
    }

    private static double mean(ShardPlan plan) {
        double sum = 0;
        for (int k = 1; k <= plan.shardCount(); k++) {
            sum += plan.duration(new Shard(k, plan.shardCount())).toNanos();
        }
        return sum / plan.shardCount();
    }

    /** A suite of benchmark methods with log-normal durations per benchmark run. */
    record Suite(List<BenchmarkKey> keys, Map<BenchmarkKey, Duration> durations) {

        static Suite realistic(long seed, int methods) {
            SplittableRandom random = new SplittableRandom(seed);
            List<BenchmarkKey> keys = new ArrayList<>();
            Map<BenchmarkKey, Duration> durations = new HashMap<>();
            for (int m = 0; m < methods; m++) {
                String name = "acme.bench" + (m % 17) + ".Bench" + m + ".run";
                int combinations = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
                boolean twoModes = random.nextInt(10) == 0;
                double seconds = 30 * Math.exp(gaussian(random));
                for (int c = 0; c < combinations; c++) {
                    for (Mode mode : twoModes ? List.of(Mode.AVERAGE_TIME, Mode.THROUGHPUT)
                            : List.of(Mode.AVERAGE_TIME)) {
                        BenchmarkKey key = new BenchmarkKey(name, combinations == 1 ? new TreeMap<>()
                                : new TreeMap<>(Map.of("size", "" + c)), mode);
                        keys.add(key);
                        durations.put(key, Duration.ofMillis((long) (seconds * 1000)));
                    }
                }
            }
            return new Suite(List.copyOf(keys), Map.copyOf(durations));
        }

        private static double gaussian(SplittableRandom random) {
            double u = 1 - random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }
    }
}
