package io.github.perfgate.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.jmh.JmhRunException;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.RoundOrder;
import io.github.perfgate.stats.RoundOrder.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PairedRunTest {

    static final List<String> METHODS = List.of("a.B.one", "a.B.two", "a.B.three");

    /** A fork runner that records its calls and answers with the round number as the score. */
    static final class Recording implements PairedRun.ForkRunner {
        final List<String> calls = new ArrayList<>();
        final Set<String> failingOnAgainst;

        Recording(Set<String> failingOnAgainst) {
            this.failingOnAgainst = failingOnAgainst;
        }

        @Override
        public JmhRun fork(Side side, String include, int round) throws JmhRunException {
            String method = METHODS.stream().filter(m -> Pattern.compile(include).matcher(m).find()).findFirst()
                    .orElseThrow();
            assertThat(include).isEqualTo(BenchmarkSelection.exactly(method));
            calls.add(round + " " + side + " " + method);
            if (side == Side.AGAINST && failingOnAgainst.contains(method)) {
                throw new JmhRunException(JmhRunException.Kind.BENCHMARK_FAILED, "boom in " + method + "\nmore");
            }
            double score = 1000 * (round + 2) + (side == Side.CURRENT ? 1 : 0);
            return new JmhRun(List.of(new BenchmarkResult(BenchmarkKey.of(method, Mode.AVERAGE_TIME),
                    new Metric(score, 0, score, score, "us/op", new double[][] {{score, score}}), null)), "1.37",
                    "17", "vm", "17");
        }
    }

    @Test
    void everyRoundRunsBothSidesOfABenchmarkBackToBackInTheSeededOrder() throws Exception {
        Recording runner = new Recording(Set.of());
        RoundOrder order = new RoundOrder(42);
        List<String> progress = new ArrayList<>();
        PairedRun.Result result = new PairedRun(4, order, runner, progress::add).run(METHODS, List.of(), List.of());

        assertThat(runner.calls).hasSize(4 * 3 * 2);
        for (int i = 0; i < runner.calls.size(); i += 2) {
            String[] first = runner.calls.get(i).split(" ");
            String[] second = runner.calls.get(i + 1).split(" ");
            int round = Integer.parseInt(first[0]);
            assertThat(second[0]).isEqualTo(first[0]);
            assertThat(second[2]).as("the pair of a round is one benchmark").isEqualTo(first[2]);
            assertThat(List.of(Side.valueOf(first[1]), Side.valueOf(second[1]))).isEqualTo(order.sides(round));
        }
        // Within a round the benchmarks run in the order's shuffle.
        List<String> roundTwo = runner.calls.stream().filter(c -> c.startsWith("1 ")).map(c -> c.split(" ")[2])
                .distinct().toList();
        assertThat(roundTwo).isEqualTo(order.benchmarks(1, METHODS));

        // Fork i of both sides is round i: the pairing the estimate relies on.
        assertThat(result.current()).hasSize(3);
        for (BenchmarkResult r : result.current()) {
            double[][] forks = r.primary().samples();
            assertThat(forks).hasNumberOfRows(4);
            for (int round = 0; round < 4; round++) {
                assertThat(forks[round][0]).isEqualTo(1000 * (round + 2) + 1);
            }
        }
        for (BenchmarkResult r : result.against()) {
            assertThat(r.primary().samples()[3][0]).isEqualTo(5000);
        }
        assertThat(result.order()).hasSize(4);
        assertThat(progress).anyMatch(line -> line.contains("A/B round 4 of 4: 3 benchmarks"));
    }

    @Test
    void aBenchmarkFailingOnTheAgainstSideIsReportedAndNotMeasuredFurther() throws Exception {
        Recording runner = new Recording(Set.of("a.B.two"));
        PairedRun.Result result = new PairedRun(4, new RoundOrder(7), runner, s -> { }).run(METHODS, List.of(),
                List.of());
        assertThat(result.againstFailures()).isEqualTo(Map.of("a.B.two", "boom in a.B.two"));
        assertThat(runner.calls.stream().filter(c -> c.endsWith("AGAINST a.B.two"))).hasSize(1);
        assertThat(result.against()).extracting(r -> r.key().name()).containsExactlyInAnyOrder("a.B.one", "a.B.three");
        // The working tree's side of it is still reported (one fork at least), as a benchmark without a pair.
        assertThat(result.current()).extracting(r -> r.key().name()).contains("a.B.two");
    }

    @Test
    void aFailureOnTheCurrentSideIsTheBuildsError() {
        PairedRun.ForkRunner failing = (side, include, round) -> {
            throw new JmhRunException(JmhRunException.Kind.BENCHMARK_FAILED, "current broke");
        };
        assertThatThrownBy(() -> new PairedRun(2, new RoundOrder(1), (side, include, round) -> {
            if (side == Side.CURRENT) {
                return failing.fork(side, include, round);
            }
            return new Recording(Set.of()).fork(side, include, round);
        }, s -> { }).run(METHODS, List.of(), List.of())).isInstanceOf(JmhRunException.class)
                .hasMessageContaining("current broke");
    }

    @Test
    void methodsOfOneSideOnlyRunOneForkThere() throws Exception {
        Recording runner = new Recording(Set.of());
        PairedRun.Result result = new PairedRun(2, new RoundOrder(3), runner, s -> { }).run(List.of("a.B.one"),
                List.of("a.B.two"), List.of("a.B.three"));
        assertThat(runner.calls).contains("-1 CURRENT a.B.two", "-1 AGAINST a.B.three");
        assertThat(result.current()).extracting(r -> r.key().name()).containsExactlyInAnyOrder("a.B.one", "a.B.two");
        assertThat(result.against()).extracting(r -> r.key().name())
                .containsExactlyInAnyOrder("a.B.one", "a.B.three");
    }

    @Test
    void aSettledBenchmarkStopsAtTheLookAndTheRestRunOnToTheMaximum() throws Exception {
        Recording runner = new Recording(Set.of());
        List<String> looks = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        PairedRun.Looker looker = (method, current, against, rounds) -> {
            looks.add(method + "@" + rounds);
            assertThat(current).singleElement().satisfies(r -> assertThat(r.primary().forkCount()).isEqualTo(rounds));
            assertThat(against).singleElement().satisfies(r -> assertThat(r.primary().forkCount()).isEqualTo(rounds));
            return method.equals("a.B.one") ? java.util.Optional.of("regressed (CPU time)")
                    : method.equals("a.B.two") && rounds == 6 ? java.util.Optional.of("unchanged (CPU time)")
                    : java.util.Optional.empty();
        };
        PairedRun.Result result = new PairedRun(4, 8, null, new RoundOrder(5), runner, looker, progress::add,
                System::nanoTime).run(METHODS, List.of(), List.of());

        assertThat(looks).as("looks after 4 rounds, then every 2, to the maximum; a stopped method is not looked at")
                .containsExactly("a.B.one@4", "a.B.two@4", "a.B.three@4", "a.B.two@6", "a.B.three@6", "a.B.three@8");
        assertThat(runner.calls.stream().filter(c -> c.endsWith(" a.B.one"))).hasSize(4 * 2);
        assertThat(runner.calls.stream().filter(c -> c.endsWith(" a.B.two"))).hasSize(6 * 2);
        assertThat(runner.calls.stream().filter(c -> c.endsWith(" a.B.three"))).hasSize(8 * 2);
        assertThat(result.stops()).containsExactly(
                Map.entry("a.B.one", "decided after 4 rounds: regressed (CPU time)"),
                Map.entry("a.B.two", "decided after 6 rounds: unchanged (CPU time)"),
                Map.entry("a.B.three", "undecided after 8 rounds: inconclusive"));
        assertThat(progress).contains("perfgate: a.B.one: decided after 4 rounds: regressed (CPU time)",
                "perfgate: a.B.three: undecided after 8 rounds: inconclusive");
        assertThat(progress).filteredOn(l -> l.startsWith("perfgate: A/B round 5 of at most 8")).singleElement()
                .asString().contains("2 benchmarks");
    }

    @Test
    void whenTheNextTwoRoundsWouldOverrunTheBudgetTheUndecidedStopAtThisLook() throws Exception {
        Recording runner = new Recording(Set.of());
        long[] now = {0};
        // Every fork takes 1 s of the fake clock: a round of 3 methods is 6 s, 4 rounds 24 s.
        PairedRun.ForkRunner timed = (side, include, round) -> {
            now[0] += 1_000_000_000L;
            return runner.fork(side, include, round);
        };
        PairedRun.Result result = new PairedRun(4, 12, java.time.Duration.ofSeconds(30), new RoundOrder(5), timed,
                PairedRun.FIXED, s -> { }, () -> now[0]).run(METHODS, List.of(), List.of());

        // After 4 rounds (24 s), two more at 6 s each would end at 36 s > 30 s.
        assertThat(runner.calls).hasSize(4 * 3 * 2);
        assertThat(result.stops().values()).hasSize(3)
                .allMatch(why -> why.equals("undecided after 4 rounds: the budget of 30s is spent"));
    }

    @Test
    void fixedRoundsLookNowhereAndGiveNoStops() throws Exception {
        Recording runner = new Recording(Set.of());
        PairedRun.Result result = new PairedRun(4, new RoundOrder(5), runner, s -> { }).run(METHODS, List.of(),
                List.of());
        assertThat(runner.calls).hasSize(4 * 3 * 2);
        assertThat(result.stops()).isEmpty();
    }
}
