package io.github.perfgate.quality;

import io.github.perfgate.check.Against;
import io.github.perfgate.check.CheckOptions;
import io.github.perfgate.check.CheckProcedure;
import io.github.perfgate.check.PairedRun;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.TimeMetric;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.jmh.JmhResultException;
import io.github.perfgate.jmh.JmhResultParser;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Mode;
import io.github.perfgate.quality.AbVerdictQuality.Case;
import io.github.perfgate.quality.AbVerdictQuality.Condition;
import io.github.perfgate.stats.RoundOrder;
import io.github.perfgate.stats.RoundOrder.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict-quality study of issue 14, offline: CPU time against wall time, adaptive against fixed rounds, on a
 * corpus recorded as perfgate's A/B mode measures ({@code LAYOUT=pairs} of {@code record-ab.sh}, with perfgate's
 * CPU-time profiler: {@code round-NN-V-cur.json} and {@code round-NN-V-ref.json} per round and variant).
 *
 * <p>Every replay goes through the product's own code: {@link PairedRun} (with {@link CheckProcedure#looker()} for
 * adaptive rounds) serves the recorded forks round by round, and {@link CheckProcedure#runPaired} gives the verdict,
 * at the product's confidence (0.99) and the scheme's metric and rounds. A replay of a run starts at any of its
 * rounds and takes the following ones, wrapping around at the end (circular windows), so that a run of 12 rounds
 * gives 12 replays of up to 12 rounds; they share rounds, so they are not independent: the counts are of replays,
 * not of independent builds. A/A replays go both ways (cur against ref and ref against cur); a slowed variant is
 * measured against base one way.
 *
 * <p>Machine time per benchmark: the rounds the replay used, times 2 forks, times the median wall-clock duration
 * of one recorded fork (a launch of the pairs layout is one fork: JVM start-up included, as in the product).
 */
public final class AbAdaptiveQuality {

    /** The corpus recorded for this study. */
    public static final Path DEFAULT_CORPUS = Path.of("bench", "verdict-quality", "corpus-ab-cpu");

    /** The product's confidence. */
    public static final double CONFIDENCE = 0.99;

    /** The tolerances the study reports: the 5% and the product's 10%. */
    public static final List<Double> TOLERANCES = List.of(0.05, 0.10);

    /** How a scheme measures and decides. */
    public enum Scheme {
        FIXED_WALL("fixed 6 rounds, wall time (issue 13's A/B)", 6, 6, TimeMetric.WALL),
        FIXED_CPU("fixed 6 rounds, CPU time", 6, 6, TimeMetric.CPU),
        FIXED_AUTO("fixed 6 rounds, auto", 6, 6, TimeMetric.AUTO),
        ADAPTIVE_WALL("adaptive 4-12 rounds, wall time", 4, 12, TimeMetric.WALL),
        ADAPTIVE_CPU("adaptive 4-12 rounds, CPU time", 4, 12, TimeMetric.CPU),
        ADAPTIVE_AUTO("adaptive 4-12 rounds, auto", 4, 12, TimeMetric.AUTO),
        ADAPTIVE_AUTO_3("adaptive 3-12 rounds, auto", 3, 12, TimeMetric.AUTO),
        /** The defaults of the A/B mode: 4-12 rounds, auto, forks of 2 warm-up and 2 measurement iterations. */
        DEFAULT("the defaults: adaptive 4-12 rounds, auto, 2 iterations per fork", 4, 12, TimeMetric.AUTO, 2);

        private final String label;
        private final int minRounds;
        private final int maxRounds;
        private final TimeMetric metric;
        /** Measurement iterations kept per fork (the first ones), 0 for all. */
        private final int iterations;

        Scheme(String label, int minRounds, int maxRounds, TimeMetric metric) {
            this(label, minRounds, maxRounds, metric, 0);
        }

        Scheme(String label, int minRounds, int maxRounds, TimeMetric metric, int iterations) {
            this.label = label;
            this.minRounds = minRounds;
            this.maxRounds = maxRounds;
            this.metric = metric;
            this.iterations = iterations;
        }

        /** The recorded fork as this scheme would have measured it: its first {@code iterations} iterations. */
        BenchmarkResult shorten(BenchmarkResult r) {
            return iterations == 0 ? r : new BenchmarkResult(r.key(), first(r.primary()), r.allocation(),
                    first(r.cpu()));
        }

        private io.github.perfgate.model.Metric first(io.github.perfgate.model.Metric m) {
            double[][] forks = m.samples();
            for (int f = 0; f < forks.length; f++) {
                forks[f] = java.util.Arrays.copyOf(forks[f], Math.min(iterations, forks[f].length));
            }
            return new io.github.perfgate.model.Metric(m.score(), m.scoreError(), m.confidenceLow(),
                    m.confidenceHigh(), m.unit(), forks);
        }

        /**
         * Seconds a fork takes under this scheme, from a recorded fork of {@code recordedIterations} measurement
         * iterations of 500 ms: each iteration this scheme leaves out is 500 ms less.
         */
        double forkSeconds(double recorded, int recordedIterations) {
            return iterations == 0 || iterations >= recordedIterations ? recorded
                    : recorded - (recordedIterations - iterations) * ITERATION_SECONDS;
        }

        /** The measurement iterations this scheme uses of a recording with {@code recorded} per fork. */
        int iterationsOf(int recorded) {
            return iterations == 0 ? recorded : Math.min(iterations, recorded);
        }

        public String label() {
            return label;
        }

        public int minRounds() {
            return minRounds;
        }
    }

    /** The length of a recorded measurement iteration (the A/B mode's per-fork default). */
    static final double ITERATION_SECONDS = 0.5;

    /** One recorded fork: its result and the wall-clock seconds its launch took. */
    record Fork(BenchmarkResult result, double seconds) {
    }

    /** One round: per variant, its fork ({@code cur}) and the base fork measured beside it ({@code ref}). */
    record Round(Map<String, Fork> cur, Map<String, Fork> ref) {
    }

    /** One run: its rounds in order. */
    record Run(Condition condition, String name, List<Round> rounds) {
    }

    /** Which figures a tally counts. */
    public record Key(Condition condition, Scheme scheme, double tolerance, Case kase) {
    }

    /** The verdicts and the rounds of the replays of one key. */
    public static final class Tally {
        private final EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        private final List<Double> rounds = new ArrayList<>();

        void add(Verdict verdict, int used) {
            counts.merge(verdict, 1, Integer::sum);
            rounds.add((double) used);
        }

        public int replays() {
            return rounds.size();
        }

        public int count(Verdict verdict) {
            return counts.getOrDefault(verdict, 0);
        }

        public double fraction(Verdict verdict) {
            return replays() == 0 ? Double.NaN : (double) count(verdict) / replays();
        }

        public double medianRounds() {
            return AbVerdictQuality.median(rounds);
        }

        public double maxRounds() {
            return rounds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }
    }

    /** Everything the study found. */
    public record Result(Path corpus, Map<Condition, List<Run>> runs, Map<Key, Tally> tallies,
            Map<Condition, Double> forkSeconds, Map<Condition, Integer> iterations) {

        public boolean has(Condition condition) {
            return runs.containsKey(condition);
        }

        public Tally tally(Condition condition, Scheme scheme, double tolerance, Case kase) {
            Tally t = tallies.get(new Key(condition, scheme, tolerance, kase));
            if (t == null) {
                throw new IllegalArgumentException("no replays for " + condition + " " + scheme + " " + tolerance + " "
                        + kase + " in " + corpus);
            }
            return t;
        }

        /** The median machine seconds per benchmark over every replay of the scheme in the condition. */
        public double medianSeconds(Condition condition, Scheme scheme, double tolerance) {
            List<Double> rounds = new ArrayList<>();
            for (Case kase : Case.values()) {
                rounds.addAll(tally(condition, scheme, tolerance, kase).rounds);
            }
            return AbVerdictQuality.median(rounds) * 2 * scheme.forkSeconds(forkSeconds.get(condition),
                    iterations.get(condition));
        }

        /** The median machine seconds per benchmark of issue 13's A/B (6 rounds, forks of 4 iterations). */
        public double fixedRoundSeconds(Condition condition) {
            int recorded = iterations.get(condition);
            double fork = forkSeconds.get(condition) + Math.max(0, 4 - recorded) * ITERATION_SECONDS;
            return 6 * 2 * fork;
        }
    }

    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : DEFAULT_CORPUS;
        if (!Files.isDirectory(corpus)) {
            System.err.println("No corpus at " + corpus + ". Record one with: CORPUS=" + corpus
                    + " LAYOUT=pairs bench/verdict-quality/record-ab.sh 2 hog");
            System.exit(2);
        }
        long start = System.nanoTime();
        System.out.print(render(new AbAdaptiveQuality().evaluate(corpus)));
        System.out.printf(Locale.ROOT, "%nEvaluated in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    }

    /** Replays every run of the corpus under every scheme. */
    public Result evaluate(Path corpus) throws IOException, JmhResultException {
        Map<Condition, List<Run>> runs = new EnumMap<>(Condition.class);
        Map<Condition, Double> forkSeconds = new EnumMap<>(Condition.class);
        Map<Condition, Integer> iterations = new EnumMap<>(Condition.class);
        for (Condition condition : Condition.values()) {
            List<Run> list = readRuns(condition, corpus.resolve(condition.directory()));
            if (!list.isEmpty()) {
                runs.put(condition, list);
                List<Double> seconds = new ArrayList<>();
                list.forEach(run -> run.rounds().forEach(round -> {
                    round.cur().values().forEach(f -> seconds.add(f.seconds()));
                    round.ref().values().forEach(f -> seconds.add(f.seconds()));
                }));
                forkSeconds.put(condition, AbVerdictQuality.median(seconds.stream().filter(Double::isFinite).toList()));
                iterations.put(condition, list.get(0).rounds().get(0).cur().get(Case.UNCHANGED.currentVariant())
                        .result().primary().samples()[0].length);
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No recorded runs (hog/run-NN/, quiet/run-NN/) of the pairs layout in "
                    + corpus + ". Record them with: CORPUS=" + corpus + " LAYOUT=pairs bench/verdict-quality/record-ab.sh");
        }
        Map<Key, Tally> tallies = new LinkedHashMap<>();
        for (Map.Entry<Condition, List<Run>> entry : runs.entrySet()) {
            for (Scheme scheme : Scheme.values()) {
                for (double tolerance : TOLERANCES) {
                    for (Case kase : Case.values()) {
                        Tally tally = new Tally();
                        for (Run run : entry.getValue()) {
                            replay(run, scheme, tolerance, kase, tally);
                        }
                        tallies.put(new Key(entry.getKey(), scheme, tolerance, kase), tally);
                    }
                }
            }
        }
        return new Result(corpus, runs, tallies, forkSeconds, iterations);
    }

    private static final BenchmarkKey SUBJECT = BenchmarkKey.of("subject.Bench.work", Mode.AVERAGE_TIME);
    private static final Against AGAINST = new Against("HEAD", "0123456789abcdef0123456789abcdef01234567", false, 4,
            12, 1);

    /** Every circular window of the run, through the product's A/B path. */
    static void replay(Run run, Scheme scheme, double tolerance, Case kase, Tally tally) {
        int n = run.rounds().size();
        if (n < scheme.maxRounds) {
            return;
        }
        Against against = new Against(AGAINST.revision(), AGAINST.commit(), false, scheme.minRounds,
                scheme.maxRounds, 1);
        GateSettings gate = new GateSettings(tolerance, List.of(), CONFIDENCE).withMetric(scheme.metric);
        CheckProcedure procedure = new CheckProcedure(new CheckOptions(gate, List.of(), false, true, false, false, 1,
                null, Path.of("baseline.json"), Path.of("JOURNAL.md")).against(against));
        List<Boolean> directions = kase == Case.UNCHANGED ? List.of(true, false) : List.of(true);
        for (int start = 0; start < n; start++) {
            for (boolean forward : directions) {
                int first = start;
                PairedRun.ForkRunner runner = (side, include, round) -> {
                    Round r = run.rounds().get((first + round) % n);
                    boolean cur = (side == Side.CURRENT) == forward;
                    Fork fork = cur ? r.cur().get(kase.currentVariant()) : r.ref().get(kase.currentVariant());
                    BenchmarkResult result = scheme.shorten(fork.result());
                    return new JmhRun(List.of(new BenchmarkResult(SUBJECT, result.primary(), result.allocation(),
                            result.cpu())), "1.37", "17", "vm", "17");
                };
                try {
                    PairedRun.Result result = new PairedRun(scheme.minRounds, scheme.maxRounds, null,
                            new RoundOrder(start), runner,
                            scheme.minRounds < scheme.maxRounds ? procedure.looker() : PairedRun.FIXED, s -> { },
                            System::nanoTime).run(List.of(SUBJECT.name()), List.of(), List.of());
                    BenchmarkComparison c = procedure.runPaired(result, null).report().comparisons().get(0);
                    tally.add(c.verdict(), result.current().get(0).primary().forkCount());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (io.github.perfgate.model.PerfgateException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static List<Run> readRuns(Condition condition, Path dir) throws IOException, JmhResultException {
        List<Path> runDirs = AbVerdictQuality.runDirectories(dir);
        JmhResultParser parser = new JmhResultParser();
        List<Run> runs = new ArrayList<>();
        for (Path runDir : runDirs) {
            Map<Integer, String> orders = AbVerdictQuality.readOrder(runDir.resolve("order.txt"));
            Map<String, Double> seconds = AbVerdictQuality.readTimings(runDir.resolve("timings.tsv"));
            List<Round> rounds = new ArrayList<>();
            for (int number : orders.keySet()) {
                Map<String, Fork> cur = new LinkedHashMap<>();
                Map<String, Fork> ref = new LinkedHashMap<>();
                for (Case kase : Case.values()) {
                    for (String role : List.of("cur", "ref")) {
                        String id = String.format(Locale.ROOT, "round-%02d-%s-%s", number, kase.currentVariant(), role);
                        Path file = runDir.resolve(id + ".json");
                        if (!Files.isRegularFile(file)) {
                            throw new IllegalArgumentException(runDir + " has no " + file.getFileName()
                                    + ": not a recording of the pairs layout, or an interrupted one");
                        }
                        BenchmarkResult result = parser.parse(file).results().get(0);
                        if (result.cpu() == null) {
                            throw new IllegalArgumentException(file + " has no CPU time (perfgate.cpu): record with"
                                    + " perfgate's profiler (CPU=1, the record script's default)");
                        }
                        (role.equals("cur") ? cur : ref).put(kase.currentVariant(),
                                new Fork(result, seconds.getOrDefault(id, Double.NaN)));
                    }
                }
                rounds.add(new Round(Map.copyOf(cur), Map.copyOf(ref)));
            }
            runs.add(new Run(condition, runDir.getFileName().toString(), List.copyOf(rounds)));
        }
        return runs;
    }

    /**
     * The median over the condition's runs of the standard deviation of the per-round log-ratio of the A/A pair
     * (base against base), of wall time ({@code cpu = false}) or CPU time.
     */
    public static double roundSd(Result result, Condition condition, boolean cpu) {
        List<Double> sds = new ArrayList<>();
        for (Run run : result.runs().get(condition)) {
            io.github.perfgate.stats.PairedRounds rounds = new io.github.perfgate.stats.PairedRounds();
            for (Round round : run.rounds()) {
                BenchmarkResult now = round.cur().get(Case.UNCHANGED.currentVariant()).result();
                BenchmarkResult ref = round.ref().get(Case.UNCHANGED.currentVariant()).result();
                rounds.add(io.github.perfgate.gate.RegressionGate.timePerOp(cpu ? now.cpu() : now.primary()),
                        io.github.perfgate.gate.RegressionGate.timePerOp(cpu ? ref.cpu() : ref.primary()));
            }
            sds.add(rounds.standardError() * Math.sqrt(rounds.rounds()));
        }
        return AbVerdictQuality.median(sds);
    }

    /** The study as markdown. */
    public static String render(Result result) {
        StringBuilder md = new StringBuilder();
        md.append("## CPU time and adaptive rounds (").append(result.corpus()).append(")\n\n");
        for (Condition condition : Condition.values()) {
            if (!result.has(condition)) {
                continue;
            }
            List<Run> runs = result.runs().get(condition);
            md.append(String.format(Locale.ROOT, "### %s: %d runs of %d rounds, forks of %d x 500 ms, median fork %.1f s"
                    + " (JVM start-up included)%n%n", condition.directory(), runs.size(), runs.get(0).rounds().size(),
                    result.iterations().get(condition), result.forkSeconds().get(condition)));
            md.append(String.format(Locale.ROOT, "Per-round sd of the A/A log-ratio (median over runs): wall time"
                    + " %.3f, CPU time %.3f.%n%n", roundSd(result, condition, false), roundSd(result, condition, true)));
            for (double tolerance : TOLERANCES) {
                md.append(String.format(Locale.ROOT, "Tolerance %.0f%%:%n%n", tolerance * 100));
                md.append("| scheme | A/A false alarms | 10% caught | 30% caught | 2x caught | 2x rounds (max) |"
                        + " median rounds | median machine s/benchmark |\n");
                md.append("|---|---|---|---|---|---|---|---|\n");
                for (Scheme scheme : Scheme.values()) {
                    if (scheme.iterations == 0 && result.iterations().get(condition) < 4) {
                        continue;
                    }
                    Tally aa = result.tally(condition, scheme, tolerance, Case.UNCHANGED);
                    Tally ten = result.tally(condition, scheme, tolerance, Case.SLOWED_10);
                    Tally thirty = result.tally(condition, scheme, tolerance, Case.SLOWED_30);
                    Tally twice = result.tally(condition, scheme, tolerance, Case.SLOWED_2X);
                    List<Double> all = new ArrayList<>();
                    for (Case kase : Case.values()) {
                        all.addAll(result.tally(condition, scheme, tolerance, kase).rounds);
                    }
                    md.append(String.format(Locale.ROOT, "| %s | %d/%d | %s | %s | %s | %.0f (%.0f) | %.0f | %.1f |%n",
                            scheme.label(), aa.count(Verdict.REGRESSED), aa.replays(), caught(ten), caught(thirty),
                            caught(twice), twice.medianRounds(), twice.maxRounds(), AbVerdictQuality.median(all),
                            result.medianSeconds(condition, scheme, tolerance)));
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String caught(Tally t) {
        return String.format(Locale.ROOT, "%d/%d (%.0f%%)", t.count(Verdict.REGRESSED), t.replays(),
                100 * t.fraction(Verdict.REGRESSED));
    }
}
