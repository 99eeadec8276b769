package io.github.perfgate.check;

import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.jmh.JmhRunException;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.report.FailureMessage;
import io.github.perfgate.stats.RoundOrder;
import io.github.perfgate.stats.RoundOrder.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

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

    /**
     * What the rounds measured.
     *
     * @param current the working tree's results, one fork per round in round order
     * @param against the revision's results, likewise
     * @param againstFailures benchmark methods that failed on the against side, with the reason
     * @param run the versions of the current side's JMH run
     * @param order one line per round: which side ran first
     */
    public record Result(List<BenchmarkResult> current, List<BenchmarkResult> against,
            Map<String, String> againstFailures, JmhRun run, List<String> order) {

        public Result {
            current = List.copyOf(current);
            against = List.copyOf(against);
            againstFailures = Map.copyOf(againstFailures);
            order = List.copyOf(order);
        }
    }

    private final int rounds;
    private final RoundOrder order;
    private final ForkRunner runner;
    private final Consumer<String> progress;

    public PairedRun(int rounds, RoundOrder order, ForkRunner runner, Consumer<String> progress) {
        if (rounds < 2) {
            throw new IllegalArgumentException("an A/B run needs at least 2 rounds, got " + rounds);
        }
        this.rounds = rounds;
        this.order = Objects.requireNonNull(order, "order");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.progress = Objects.requireNonNull(progress, "progress");
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
        for (int round = 0; round < rounds && !active.isEmpty(); round++) {
            List<Side> sides = order.sides(round);
            orderLines.add("round " + (round + 1) + ": " + name(sides.get(0)) + " first");
            progress.accept("perfgate: A/B round " + (round + 1) + " of " + rounds + ": "
                    + FailureMessage.count(active.size(), "benchmark", "benchmarks") + ", " + name(sides.get(0))
                    + " side first");
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
                versions.jmhVersion(), versions.jdkVersion(), versions.vmName(), versions.vmVersion()), orderLines);
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

        boolean lacks(String method) {
            return byKey.keySet().stream().noneMatch(k -> k.name().equals(method));
        }

        List<BenchmarkResult> results() {
            List<BenchmarkResult> results = new ArrayList<>();
            for (List<BenchmarkResult> forks : byKey.values()) {
                BenchmarkResult first = forks.get(0);
                Metric allocation = forks.stream().allMatch(f -> f.allocation() != null)
                        ? concat(forks.stream().map(BenchmarkResult::allocation).toList()) : null;
                results.add(new BenchmarkResult(first.key(),
                        concat(forks.stream().map(BenchmarkResult::primary).toList()), allocation));
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
