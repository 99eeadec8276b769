package io.github.perfgate.check;

import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.jmh.JmhRunException;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.process.Deadline;
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.stats.RoundOrder;
import io.github.perfgate.stats.RoundOrder.Side;
import io.github.perfgate.stats.StoppingPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The measuring half of a same-machine A/B check: rounds of paired forks.
 *
 * <p>Every round runs, for every benchmark method both sides have, one fork on each side back to back, the side
 * that goes first drawn per block of two rounds ({@link RoundOrder}: ABBA or BAAB), the benchmarks in an order
 * shuffled per round. Round-major, not benchmark-major: a benchmark's rounds are spread over the whole run, so a
 * burst of the machine hits one of its rounds (both forks of it alike), not all of them. A fork runs every
 * parameter combination and mode of its method, so both sides' results come back per {@link BenchmarkKey}, with
 * one fork per round in round order: fork {@code i} of the current side and fork {@code i} of the against side are
 * round {@code i}'s pair ({@link io.github.perfgate.stats.PairedForks}).
 *
 * <p>Methods on one side only run one fork on that side, so the report can name them as new or missing. A method
 * that fails on the against side only (a bug the working tree fixed, say) is not a build error: it stops being
 * measured, and is reported with its failure. A failure on the current side is the build's error.
 *
 * <p>With adaptive rounds ({@code minRounds < maxRounds}) the {@link Looker} is asked, after the minimum rounds and
 * every two rounds after them, which benchmarks are settled; those stop, the others go on to the maximum, and a
 * budget can stop them all at a look. With an even minimum (the default, 4) every look ends a counterbalanced block
 * (ABBA or BAAB), so each benchmark's rounds stay balanced between the sides.
 *
 * <p>It runs nothing itself: every fork goes through the {@link ForkRunner} it is given.
 */
public final class PairedRun {

    /** Runs one fork on one side. */
    @FunctionalInterface
    public interface ForkRunner {

        /**
         * @param side the side to run on
         * @param include the JMH {@code -include} regular expression of one benchmark method
         * @param round the round, 0-based; -1 for the single fork of a method that only one side has
         * @return the results of the fork: one per parameter combination and mode
         */
        JmhRun fork(Side side, String include, int round) throws PerfgateException, InterruptedException;
    }

    /** Decides, at a look, whether a benchmark method needs more rounds. */
    @FunctionalInterface
    public interface Looker {

        /**
         * @param method the benchmark method
         * @param current its results on the working tree so far, one per key, one fork per round
         * @param against its results on the revision so far
         * @param rounds the rounds so far
         * @return what was decided when the method needs no more rounds ({@code regressed}, {@code within
         *     tolerance}), empty to measure on
         */
        Optional<String> settled(String method, List<BenchmarkResult> current, List<BenchmarkResult> against,
                int rounds);
    }

    /** Never settled: every method runs the maximum (fixed rounds). */
    public static final Looker FIXED = (method, current, against, rounds) -> Optional.empty();

    /**
     * What the rounds measured.
     *
     * @param current the working tree's results, one fork per round in round order
     * @param against the revision's results, likewise
     * @param againstFailures benchmark methods that failed on the against side, with the reason
     * @param run the versions of the current side's JMH run
     * @param order one line per round: which side ran first
     * @param stops per benchmark method measured on both sides, why it stopped when it did: {@code decided after 4
     *     rounds: regressed}, {@code undecided after 12 rounds: inconclusive}
     */
    public record Result(List<BenchmarkResult> current, List<BenchmarkResult> against,
            Map<String, String> againstFailures, JmhRun run, List<String> order, Map<String, String> stops) {

        public Result {
            current = List.copyOf(current);
            against = List.copyOf(against);
            againstFailures = Map.copyOf(againstFailures);
            order = List.copyOf(order);
            stops = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stops));
        }

        /** A result without stopping reasons. */
        public Result(List<BenchmarkResult> current, List<BenchmarkResult> against,
                Map<String, String> againstFailures, JmhRun run, List<String> order) {
            this(current, against, againstFailures, run, order, Map.of());
        }
    }

    private final int minRounds;
    private final int maxRounds;
    private final Duration budget;
    private final RoundOrder order;
    private final ForkRunner runner;
    private final Looker looker;
    private final Consumer<String> progress;
    private final LongSupplier clock;

    /** Fixed rounds: every benchmark runs {@code rounds} rounds. */
    public PairedRun(int rounds, RoundOrder order, ForkRunner runner, Consumer<String> progress) {
        this(rounds, rounds, null, order, runner, FIXED, progress, System::nanoTime);
    }

    /**
     * Adaptive rounds: every benchmark runs {@code minRounds}; from then on, at every look of the {@link
     * io.github.perfgate.stats.StoppingPlan} ({@code minRounds}, then every 2 rounds, and {@code maxRounds}), the
     * looker says which benchmarks are settled, and they stop; the rest go on, up to {@code maxRounds}.
     *
     * @param budget the most time all rounds may take; at a look that the next two rounds at the pace so far would
     *     overrun, every benchmark still undecided stops there. Null: no budget
     * @param clock nanoseconds, for the budget ({@code System::nanoTime})
     */
    public PairedRun(int minRounds, int maxRounds, Duration budget, RoundOrder order, ForkRunner runner,
            Looker looker, Consumer<String> progress, LongSupplier clock) {
        if (minRounds < 2) {
            throw new IllegalArgumentException("an A/B run needs at least 2 rounds, got " + minRounds);
        }
        if (maxRounds < minRounds) {
            throw new IllegalArgumentException("maxRounds (" + maxRounds + ") must be at least the minimum rounds ("
                    + minRounds + ")");
        }
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
        this.budget = budget;
        this.order = Objects.requireNonNull(order, "order");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.looker = Objects.requireNonNull(looker, "looker");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
    }


    /**
     * Runs the rounds.
     *
     * @param both the benchmark methods ({@code package.Class.method}) both sides have
     * @param currentOnly methods only the working tree has
     * @param againstOnly methods only the revision has
     */
    public Result run(List<String> both, List<String> currentOnly, List<String> againstOnly)
            throws PerfgateException, InterruptedException {
        Forks current = new Forks();
        Forks against = new Forks();
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> active = new ArrayList<>(both);
        List<String> orderLines = new ArrayList<>();
        JmhRun firstRun = null;
        Map<String, String> stops = new LinkedHashMap<>();
        long start = clock.getAsLong();
        for (int round = 0; round < maxRounds && !active.isEmpty(); round++) {
            List<Side> sides = order.sides(round);
            orderLines.add("round " + (round + 1) + ": " + name(sides.get(0)) + " first");
            progress.accept("perfgate: A/B round " + (round + 1) + " of " + (minRounds == maxRounds ? "" : "at most ")
                    + maxRounds + ": " + FailureMessage.count(active.size(), "benchmark", "benchmarks") + ", "
                    + name(sides.get(0)) + " side first");
            for (String method : order.benchmarks(round, active)) {
                Map<Side, JmhRun> pair = new LinkedHashMap<>();
                for (Side side : sides) {
                    try {
                        pair.put(side, runner.fork(side, BenchmarkSelection.exactly(method), round));
                    } catch (JmhRunException e) {
                        if (side != Side.AGAINST || e.kind() != JmhRunException.Kind.BENCHMARK_FAILED) {
                            throw e;
                        }
                        failures.put(method, firstLine(e.getMessage()));
                        progress.accept("perfgate: " + method + " failed on the against side; it is reported,"
                                + " not measured further");
                        break;
                    }
                }
                if (failures.containsKey(method)) {
                    active.remove(method);
                    // Keep the current side's forks so far; without any, one fork shows what the working tree does.
                    if (current.lacks(method)) {
                        current.add(runner.fork(Side.CURRENT, BenchmarkSelection.exactly(method), -1));
                    }
                    continue;
                }
                // A round counts only with both forks: the pairs stay aligned.
                current.add(pair.get(Side.CURRENT));
                against.add(pair.get(Side.AGAINST));
                firstRun = firstRun == null ? pair.get(Side.CURRENT) : firstRun;
            }
            int done = round + 1;
            if (StoppingPlan.isLook(done, minRounds, maxRounds)) {
                look(done, active, current, against, stops, clock.getAsLong() - start);
            }
        }
        for (String method : currentOnly) {
            JmhRun fork = runner.fork(Side.CURRENT, BenchmarkSelection.exactly(method), -1);
            current.add(fork);
            firstRun = firstRun == null ? fork : firstRun;
        }
        for (String method : againstOnly) {
            try {
                against.add(runner.fork(Side.AGAINST, BenchmarkSelection.exactly(method), -1));
            } catch (JmhRunException e) {
                if (e.kind() != JmhRunException.Kind.BENCHMARK_FAILED) {
                    throw e;
                }
                failures.put(method, firstLine(e.getMessage()));
            }
        }
        JmhRun versions = firstRun == null ? new JmhRun(List.of(), "", "", "", "") : firstRun;
        return new Result(current.results(), against.results(), failures, new JmhRun(current.results(),
                versions.jmhVersion(), versions.jdkVersion(), versions.vmName(), versions.vmVersion()), orderLines,
                stops);
    }

    /** At a look: stops the settled methods, and at the maximum or when the budget is spent, all the others. */
    private void look(int rounds, List<String> active, Forks current, Forks against, Map<String, String> stops,
            long elapsedNanos) throws PerfgateException {
        boolean adaptive = minRounds < maxRounds;
        // The next look is two rounds away: stop at this one if those would overrun the budget at the pace so far.
        boolean budgetSpent = budget != null && rounds < maxRounds
                && elapsedNanos + 2 * (elapsedNanos / rounds) > budget.toNanos();
        for (String method : List.copyOf(active)) {
            Optional<String> settled = looker.settled(method, current.resultsOf(method), against.resultsOf(method),
                    rounds);
            String why = null;
            if (settled.isPresent()) {
                why = "decided after " + rounds + " rounds: " + settled.get();
            } else if (rounds == maxRounds && adaptive) {
                why = "undecided after " + rounds + " rounds: inconclusive";
            } else if (budgetSpent) {
                why = "undecided after " + rounds + " rounds: the budget of "
                        + Deadline.format(budget) + " is spent";
            }
            if (why != null) {
                active.remove(method);
                stops.put(method, why);
                progress.accept("perfgate: " + method + ": " + why);
            }
        }
    }

    private static String name(Side side) {
        return side == Side.CURRENT ? "current" : "against";
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** One side's forks, appended per key in the order they ran. */
    private static final class Forks {

        private final Map<BenchmarkKey, List<BenchmarkResult>> byKey = new LinkedHashMap<>();

        void add(JmhRun fork) {
            for (BenchmarkResult r : fork.results()) {
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }

        /** The results of one method's keys so far. */
        List<BenchmarkResult> resultsOf(String method) {
            Forks one = new Forks();
            byKey.forEach((key, forks) -> {
                if (key.name().equals(method)) {
                    one.byKey.put(key, forks);
                }
            });
            return one.results();
        }

        boolean lacks(String method) {
            return byKey.keySet().stream().noneMatch(k -> k.name().equals(method));
        }

        List<BenchmarkResult> results() {
            List<BenchmarkResult> results = new ArrayList<>();
            for (List<BenchmarkResult> forks : byKey.values()) {
                BenchmarkResult first = forks.get(0);
                Metric allocation = forks.stream().allMatch(f -> f.allocation() != null)
                        ? concat(forks.stream().map(BenchmarkResult::allocation).toList()) : null;
                Metric cpu = forks.stream().allMatch(f -> f.cpu() != null)
                        ? concat(forks.stream().map(BenchmarkResult::cpu).toList()) : null;
                results.add(new BenchmarkResult(first.key(),
                        concat(forks.stream().map(BenchmarkResult::primary).toList()), allocation, cpu));
            }
            return results;
        }

        /** The forks of several one-fork metrics as one metric, in order; the score is the mean of the samples. */
        private static Metric concat(List<Metric> metrics) {
            List<double[]> forks = new ArrayList<>();
            double sum = 0;
            int n = 0;
            for (Metric m : metrics) {
                for (double[] fork : m.samples()) {
                    forks.add(fork);
                    for (double v : fork) {
                        if (Double.isFinite(v)) {
                            sum += v;
                            n++;
                        }
                    }
                }
            }
            return new Metric(n == 0 ? Double.NaN : sum / n, Double.NaN, Double.NaN, Double.NaN,
                    metrics.get(0).unit(), forks.toArray(new double[0][]));
        }
    }
}
