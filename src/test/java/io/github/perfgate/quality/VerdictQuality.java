package io.github.perfgate.quality;

import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.MachineDrift;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.Remeasure;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.ScoreUnit;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The verdict-quality benchmark of the gate itself, offline: replays every pair of recorded runs of the subject
 * project ({@code bench/verdict-quality/}) through perfgate's own {@link RegressionGate} and through two naive
 * rules, and counts false alarms and detections.
 *
 * <p>The corpus holds one directory per condition ({@code quiet}, {@code hog}), each with {@code run-NN.json}
 * baselines recorded by {@code scripts/verdict-quality-record.sh} and a {@code timings.tsv}. Every run measured
 * the same workload at five known sizes, so the true change between any two variants is known: for each ordered
 * pair of distinct runs (i as the baseline, j as the check) and each case, the variant of run i is compared with
 * the variant of run j under one benchmark name. A/A compares {@code base} with {@code base} (any failing verdict
 * is a false alarm); the slowdowns compare {@code base} with {@code slow10}, {@code slow30} and {@code slow2x}
 * (detection is {@link Verdict#REGRESSED}); the speed-up compares {@code slow43} with {@code base} (detection is
 * {@link Verdict#IMPROVED}, a regression is a false alarm).
 *
 * <p>The re-measure defence of {@code perfgate:check} starts a new JMH run, which cannot be replayed offline. It is
 * simulated instead ({@link Rule#PERFGATE_REMEASURED}): when the first verdict is regressed or inconclusive, the
 * next recorded run of the check's condition (skipping the baseline run) stands in for the re-measure, its forks
 * and its calibration pooled with the check's, as {@code perfgate:check} pools its second measurement. It has 3
 * forks where the real re-measure has 5, so it is, if anything, less decisive than the real one.
 */
public final class VerdictQuality {

    /** Where the record script writes the corpus, relative to the repository root. */
    public static final Path DEFAULT_CORPUS = Path.of("bench", "verdict-quality", "corpus");

    /** The gate's settings: perfgate's defaults (tolerance 10%, confidence 0.99, allocation tolerance 10%). */
    public static final GateSettings SETTINGS = new GateSettings(0.10, List.of(), 0.99);

    /** The naive fixed threshold on JMH's point scores: 10% more time per operation. */
    static final double NAIVE_THRESHOLD = 0.10;

    /**
     * The ratio rule of github-action-benchmark's default {@code alert-threshold: 200%}: an alert when the current
     * time per operation is more than twice the previous one. It reports no improvements.
     */
    static final double ALERT_RATIO = 2.0;

    /** JMH's own defaults per benchmark: 5 forks x (5 x 10 s warm-up + 5 x 10 s measurement). */
    static final double JMH_DEFAULT_SECONDS = 5 * (5 * 10 + 5 * 10);

    /** perfgate's defaults per benchmark: 3 forks x (3 x 1 s warm-up + 5 x 1 s measurement). */
    static final double PERFGATE_DEFAULT_SECONDS = 3 * (3 * 1 + 5 * 1);

    /** Work of each variant of the subject relative to {@code base}: the true ratios of their times. */
    static final Map<String, Double> WORK = variants();

    /** The name every compared variant is given, so that the gate compares it with the other side. */
    private static final String COMPARED_NAME = "verdict-quality.variant";

    /** A recording condition: one directory of the corpus. */
    public enum Condition {
        QUIET("quiet"), HOG("hog");

        private final String directory;

        Condition(String directory) {
            this.directory = directory;
        }

        public String directory() {
            return directory;
        }
    }

    /** Which condition the baseline was recorded in, and which the check ran in. */
    public enum Pairing {
        QUIET_QUIET(Condition.QUIET, Condition.QUIET, "quiet / quiet"),
        HOG_HOG(Condition.HOG, Condition.HOG, "hog / hog"),
        QUIET_HOG(Condition.QUIET, Condition.HOG, "quiet / hog (drift)"),
        HOG_QUIET(Condition.HOG, Condition.QUIET, "hog / quiet");

        private final Condition baseline;
        private final Condition check;
        private final String label;

        Pairing(Condition baseline, Condition check, String label) {
            this.baseline = baseline;
            this.check = check;
            this.label = label;
        }

        public Condition baseline() {
            return baseline;
        }

        public Condition check() {
            return check;
        }

        public String label() {
            return label;
        }
    }

    /** A known true change: which variant is the baseline, which the check, and what a good gate says. */
    public enum Case {
        UNCHANGED("A/A, unchanged", "base", "base", null),
        SLOWED_10("slowed 10%", "base", "slow10", Outcome.REGRESSED),
        SLOWED_30("slowed 30%", "base", "slow30", Outcome.REGRESSED),
        SLOWED_2X("slowed 2x", "base", "slow2x", Outcome.REGRESSED),
        SPED_UP_30("sped up 30%", "slow43", "base", Outcome.IMPROVED);

        private final String label;
        private final String baselineVariant;
        private final String checkVariant;
        private final Outcome detection;

        Case(String label, String baselineVariant, String checkVariant, Outcome detection) {
            this.label = label;
            this.baselineVariant = baselineVariant;
            this.checkVariant = checkVariant;
            this.detection = detection;
        }

        public String label() {
            return label;
        }

        /** The outcome that counts as detecting the change; null for A/A, where nothing should be found. */
        public Outcome detection() {
            return detection;
        }
    }

    /** A way of deciding. */
    public enum Rule {
        PERFGATE("perfgate", true, true),
        PERFGATE_REMEASURED("perfgate after re-measure (simulated)", true, true),
        PERFGATE_NO_DRIFT_CORRECTION("perfgate, no drift correction", true, true),
        THRESHOLD_10("10% on JMH scores", false, true),
        RATIO_200("200% rule", false, false);

        private final String label;
        private final boolean reportsInconclusive;
        private final boolean reportsImprovement;

        Rule(String label, boolean reportsInconclusive, boolean reportsImprovement) {
            this.label = label;
            this.reportsInconclusive = reportsInconclusive;
            this.reportsImprovement = reportsImprovement;
        }

        public String label() {
            return label;
        }

        boolean reports(Outcome outcome) {
            return switch (outcome) {
                case INCONCLUSIVE -> reportsInconclusive;
                case IMPROVED -> reportsImprovement;
                case ALLOCATION_REGRESSED -> this == PERFGATE || this == PERFGATE_REMEASURED
                        || this == PERFGATE_NO_DRIFT_CORRECTION;
                default -> true;
            };
        }
    }

    /** What a rule said about one pair. */
    public enum Outcome {
        REGRESSED, ALLOCATION_REGRESSED, INCONCLUSIVE, UNCHANGED, IMPROVED;

        /** True for the outcomes that fail a build. */
        public boolean failing() {
            return this == REGRESSED || this == ALLOCATION_REGRESSED;
        }
    }

    /** The outcomes of one rule over the pairs of one pairing and case, with the changes it measured. */
    public static final class Tally {
        private final EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        private final List<Double> changes = new ArrayList<>();

        void add(Outcome outcome, double change) {
            counts.merge(outcome, 1, Integer::sum);
            if (Double.isFinite(change)) {
                changes.add(change);
            }
        }

        public int pairs() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(Outcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }

        /** Pairs with a failing outcome (time or allocation regressed). */
        public int failing() {
            return count(Outcome.REGRESSED) + count(Outcome.ALLOCATION_REGRESSED);
        }

        public double fraction(int count) {
            return pairs() == 0 ? Double.NaN : (double) count / pairs();
        }

        /** The median of the change each pair showed (current over baseline time per operation, minus one). */
        public double medianChange() {
            return median(changes.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** How the calibration saw the machine over the pairs of one pairing. */
    public static final class DriftTally {
        private int pairs;
        private int significant;
        private int unstable;
        private final List<Double> changes = new ArrayList<>();

        void add(MachineDrift drift) {
            pairs++;
            if (drift == null) {
                return;
            }
            changes.add(drift.estimate().change());
            significant += drift.significant() ? 1 : 0;
            unstable += drift.unstable() ? 1 : 0;
        }

        public int pairs() {
            return pairs;
        }

        /** Pairs where both runs had a calibration of the same workload. */
        public int calibrated() {
            return changes.size();
        }

        public int significant() {
            return significant;
        }

        public int unstable() {
            return unstable;
        }

        public double medianChange() {
            return median(changes.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /**
     * Wall-clock cost of the recordings of one condition, from its {@code timings.tsv}.
     *
     * @param settings the distinct values of the settings column ({@code defaults} for perfgate's defaults)
     */
    public record Timing(int runs, double medianSecondsPerRun, double medianBenchmarks,
            double medianSecondsPerBenchmark, List<String> settings) {
    }

    /** One recorded run: its file name and the five variants. */
    record Run(String name, Baseline baseline, Map<String, BenchmarkResult> variants) {
    }

    /**
     * Everything the evaluation found.
     *
     * @param runs recorded runs per condition present in the corpus
     * @param shape forks x iterations per benchmark as recorded, e.g. {@code 3 forks x 5 iterations}
     * @param subject per condition, how each variant measured against {@code base} within the same runs
     * @param details one line per pair and case: the runs, and perfgate's verdict sentence with the drift it saw
     */
    public record Result(Path corpus, Map<Condition, Integer> runs, String shape,
            Map<Pairing, Map<Case, Map<Rule, Tally>>> tallies, Map<Pairing, DriftTally> drift,
            Map<Condition, Timing> timings, Map<Condition, List<SubjectCheck>> subject, List<String> details) {

        public Tally tally(Pairing pairing, Case kase, Rule rule) {
            Map<Case, Map<Rule, Tally>> byCase = tallies.get(pairing);
            if (byCase == null) {
                throw new IllegalArgumentException("The corpus has no runs for the pairing " + pairing.label());
            }
            return byCase.get(kase).get(rule);
        }

        public boolean has(Pairing pairing) {
            return tallies.containsKey(pairing);
        }
    }

    private final RegressionGate gate = new RegressionGate(new HierarchicalBootstrap(), SETTINGS);

    private static Map<String, Double> variants() {
        Map<String, Double> work = new LinkedHashMap<>();
        work.put("base", 1.0);
        work.put("slow10", 1.1);
        work.put("slow30", 1.3);
        work.put("slow43", 10.0 / 7);
        work.put("slow2x", 2.0);
        return Collections.unmodifiableMap(work);
    }

    /**
     * How one variant of the subject measured against {@code base} within the same runs: a check that the subject
     * scales as designed, so that the cases' true changes are what they claim.
     *
     * @param expectedRatio the variant's work relative to {@code base}
     * @param medianRatio the median over runs of the variant's JMH score over {@code base}'s, in time per operation
     * @param medianMicros the median over runs of the variant's JMH score, microseconds per operation
     */
    public record SubjectCheck(String variant, double expectedRatio, double medianRatio, double minRatio,
            double maxRatio, double medianMicros) {
    }

    /**
     * Evaluates the corpus and prints the tables. Arguments: the corpus directory (optional), and {@code --pairs}
     * to print perfgate's verdict for every pair as well.
     */
    public static void main(String[] args) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean pairs = arguments.remove("--pairs");
        Path corpus = arguments.isEmpty() ? DEFAULT_CORPUS : Path.of(arguments.get(0));
        if (!Files.isDirectory(corpus)) {
            System.err.println("No corpus directory at " + corpus + ". Record one with: "
                    + "scripts/verdict-quality-record.sh");
            System.exit(2);
        }
        long start = System.nanoTime();
        Result result = new VerdictQuality().evaluate(corpus);
        System.out.print(render(result));
        if (pairs) {
            System.out.println();
            System.out.println("### perfgate's verdict per pair");
            System.out.println();
            result.details().forEach(line -> System.out.println("- " + line));
        }
        System.out.printf(Locale.ROOT, "%nEvaluated in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Replays every pair of runs of the corpus through every rule.
     *
     * @throws IllegalArgumentException when the corpus has no runs, or a run lacks one of the variants
     */
    public Result evaluate(Path corpus) throws IOException, BaselineException {
        Map<Condition, List<Run>> runs = new EnumMap<>(Condition.class);
        Map<Condition, Timing> timings = new EnumMap<>(Condition.class);
        for (Condition condition : Condition.values()) {
            Path dir = corpus.resolve(condition.directory());
            List<Run> list = readRuns(dir);
            if (!list.isEmpty()) {
                runs.put(condition, list);
            }
            Path tsv = dir.resolve("timings.tsv");
            if (Files.isRegularFile(tsv)) {
                timings.put(condition, readTimings(tsv));
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No recorded runs (quiet/run-NN.json, hog/run-NN.json) in " + corpus
                    + ". Record them with: scripts/verdict-quality-record.sh");
        }
        List<Job> jobs = new ArrayList<>();
        for (Pairing pairing : Pairing.values()) {
            List<Run> baselines = runs.get(pairing.baseline());
            List<Run> checks = runs.get(pairing.check());
            if (baselines == null || checks == null) {
                continue;
            }
            for (Run baseline : baselines) {
                for (int c = 0; c < checks.size(); c++) {
                    Run check = checks.get(c);
                    if (baseline == check) {
                        continue;
                    }
                    // The re-measure is simulated with the next recorded run of the check's condition.
                    Run again = checks.get((c + 1) % checks.size());
                    if (again == baseline) {
                        again = checks.get((c + 2) % checks.size());
                    }
                    jobs.add(new Job(pairing, baseline, check, again == check ? null : again));
                }
            }
        }
        // The pairs are independent and the gate is stateless: replay them in parallel, then count in order.
        List<Replay> replays = jobs.parallelStream().map(this::replay).toList();
        Map<Pairing, Map<Case, Map<Rule, Tally>>> tallies = new EnumMap<>(Pairing.class);
        Map<Pairing, DriftTally> drift = new EnumMap<>(Pairing.class);
        List<String> details = new ArrayList<>();
        for (Replay replay : replays) {
            Pairing pairing = replay.job().pairing();
            Map<Case, Map<Rule, Tally>> byCase = tallies.computeIfAbsent(pairing, p -> newTallies());
            for (Case kase : Case.values()) {
                for (Rule rule : Rule.values()) {
                    Observation o = replay.observations().get(kase).get(rule);
                    byCase.get(kase).get(rule).add(o.outcome(), o.change());
                }
                details.add(pairing.label() + " | " + replay.job().baseline().name() + " -> "
                        + replay.job().check().name() + " | " + kase.label() + " | " + replay.sentences().get(kase));
            }
            drift.computeIfAbsent(pairing, p -> new DriftTally()).add(replay.drift());
        }
        Map<Condition, Integer> counts = new EnumMap<>(Condition.class);
        runs.forEach((condition, list) -> counts.put(condition, list.size()));
        Map<Condition, List<SubjectCheck>> subject = new EnumMap<>(Condition.class);
        runs.forEach((condition, list) -> subject.put(condition, subjectChecks(list)));
        return new Result(corpus, counts, shape(runs), tallies, drift, timings, subject, details);
    }

    private static Map<Case, Map<Rule, Tally>> newTallies() {
        Map<Case, Map<Rule, Tally>> byCase = new EnumMap<>(Case.class);
        for (Case kase : Case.values()) {
            Map<Rule, Tally> byRule = new EnumMap<>(Rule.class);
            for (Rule rule : Rule.values()) {
                byRule.put(rule, new Tally());
            }
            byCase.put(kase, byRule);
        }
        return byCase;
    }

    /**
     * One ordered pair of runs, the first as the baseline, the second as the check, and the run that stands in for
     * the check's re-measure (null when the condition has too few runs).
     */
    private record Job(Pairing pairing, Run baseline, Run check, Run again) {
    }

    /** What one rule said about one case of a pair, and the change it measured. */
    private record Observation(Outcome outcome, double change) {
    }

    /**
     * Every rule's outcome for every case of one pair, the machine drift perfgate saw (null without calibration),
     * and perfgate's verdict sentence per case.
     */
    private record Replay(Job job, Map<Case, Map<Rule, Observation>> observations, MachineDrift drift,
            Map<Case, String> sentences) {
    }

    private Replay replay(Job job) {
        Map<Case, Map<Rule, Observation>> observations = new EnumMap<>(Case.class);
        Map<Case, String> sentences = new EnumMap<>(Case.class);
        MachineDrift drift = null;
        for (Case kase : Case.values()) {
            Map<Rule, Observation> byRule = new EnumMap<>(Rule.class);
            BenchmarkResult before = renamed(job.baseline().variants().get(kase.baselineVariant));
            BenchmarkResult after = renamed(job.check().variants().get(kase.checkVariant));
            Baseline recorded = job.baseline().baseline();
            Baseline baseline = new Baseline(recorded.recorded(), recorded.commit(), recorded.environment(),
                    List.of(before), recorded.calibration());
            Environment environment = job.check().baseline().environment();

            Calibration calibration = job.check().baseline().calibration();
            GateReport corrected = gate.compare(baseline, List.of(after), environment, calibration);
            Observation first = observe(corrected);
            byRule.put(Rule.PERFGATE, first);
            byRule.put(Rule.PERFGATE_REMEASURED, first);
            if (job.again() != null && (first.outcome() == Outcome.REGRESSED
                    || first.outcome() == Outcome.INCONCLUSIVE)) {
                // As perfgate:check does: the suspect's forks of a second measurement pooled with the first ones,
                // and the calibration of that measurement pooled with the first calibration.
                BenchmarkResult more = renamed(job.again().variants().get(kase.checkVariant));
                List<BenchmarkResult> pooled = Remeasure.pool(List.of(after), List.of(more), List.of(after.key()));
                Calibration moreCalibration = job.again().baseline().calibration();
                Calibration pooledCalibration = calibration == null || moreCalibration == null ? calibration
                        : calibration.pooledWith(moreCalibration);
                byRule.put(Rule.PERFGATE_REMEASURED,
                        observe(gate.compare(baseline, pooled, environment, pooledCalibration)));
            }
            GateReport uncorrected = gate.compare(baseline, List.of(after), environment, null);
            byRule.put(Rule.PERFGATE_NO_DRIFT_CORRECTION, observe(uncorrected));

            double ratio = timePerOp(after) / timePerOp(before);
            Outcome threshold = ratio > 1 + NAIVE_THRESHOLD ? Outcome.REGRESSED
                    : ratio < 1 - NAIVE_THRESHOLD ? Outcome.IMPROVED : Outcome.UNCHANGED;
            byRule.put(Rule.THRESHOLD_10, new Observation(threshold, ratio - 1));
            byRule.put(Rule.RATIO_200, new Observation(ratio > ALERT_RATIO ? Outcome.REGRESSED : Outcome.UNCHANGED,
                    ratio - 1));
            observations.put(kase, byRule);
            drift = corrected.driftIfAny().orElse(null);
            sentences.put(kase, Describe.sentence(corrected.comparisons().get(0), corrected.confidence())
                    + corrected.driftIfAny().map(d -> " [" + d.describe() + "]").orElse(""));
        }
        return new Replay(job, observations, drift, sentences);
    }

    private static Observation observe(GateReport report) {
        if (report.comparisons().size() != 1) {
            throw new IllegalStateException("Expected one comparison, got " + report.comparisons());
        }
        BenchmarkComparison c = report.comparisons().get(0);
        Outcome outcome = switch (c.verdict()) {
            case REGRESSED -> Outcome.REGRESSED;
            case ALLOCATION_REGRESSED -> Outcome.ALLOCATION_REGRESSED;
            case INCONCLUSIVE -> Outcome.INCONCLUSIVE;
            case UNCHANGED -> Outcome.UNCHANGED;
            case IMPROVED -> Outcome.IMPROVED;
            default -> throw new IllegalStateException("Unexpected verdict " + c.verdict() + " for " + c.key());
        };
        return new Observation(outcome,
                c.estimateIfAny().filter(e -> e.estimable()).map(e -> e.change()).orElse(Double.NaN));
    }

    /** The JMH point score in seconds per operation. */
    private static double timePerOp(BenchmarkResult result) {
        return ScoreUnit.parse(result.primary().unit()).toSecondsPerOp(result.primary().score());
    }

    private static BenchmarkResult renamed(BenchmarkResult result) {
        BenchmarkKey key = new BenchmarkKey(COMPARED_NAME, result.key().params(), result.key().mode());
        return new BenchmarkResult(key, result.primary(), result.allocation());
    }

    private static List<SubjectCheck> subjectChecks(List<Run> runs) {
        List<SubjectCheck> checks = new ArrayList<>();
        for (Map.Entry<String, Double> variant : WORK.entrySet()) {
            double[] ratios = new double[runs.size()];
            double[] micros = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                BenchmarkResult result = runs.get(i).variants().get(variant.getKey());
                micros[i] = timePerOp(result) * 1e6;
                ratios[i] = timePerOp(result) / timePerOp(runs.get(i).variants().get("base"));
            }
            checks.add(new SubjectCheck(variant.getKey(), variant.getValue(), median(ratios),
                    Arrays.stream(ratios).min().orElse(Double.NaN), Arrays.stream(ratios).max().orElse(Double.NaN),
                    median(micros)));
        }
        return checks;
    }

    private static List<Run> readRuns(Path dir) throws IOException, BaselineException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().matches("run-\\d+\\.json")).sorted().toList();
        }
        BaselineStore store = new BaselineStore();
        List<Run> runs = new ArrayList<>();
        for (Path file : files) {
            Baseline baseline = store.read(file);
            Map<String, BenchmarkResult> variants = new LinkedHashMap<>();
            for (BenchmarkResult result : baseline.benchmarks()) {
                String method = result.key().name().substring(result.key().name().lastIndexOf('.') + 1);
                if (variants.put(method, result) != null) {
                    throw new IllegalArgumentException(file + " holds the benchmark method " + method
                            + " more than once (parameters or modes); the subject must have one result per variant");
                }
            }
            for (String variant : WORK.keySet()) {
                if (!variants.containsKey(variant)) {
                    throw new IllegalArgumentException(file + " has no benchmark method '" + variant + "'; it has "
                            + variants.keySet());
                }
            }
            runs.add(new Run(dir.getFileName() + "/" + file.getFileName(), baseline, variants));
        }
        return runs;
    }

    /** Reads {@code timings.tsv}: a header line naming the columns, then one line per run. */
    static Timing readTimings(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            return new Timing(0, Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int seconds = header.indexOf("seconds");
        int benchmarks = header.indexOf("benchmarks");
        int settings = header.indexOf("settings");
        if (seconds < 0 || benchmarks < 0) {
            throw new IllegalArgumentException(tsv + " has no 'seconds' and 'benchmarks' columns: " + header);
        }
        List<Double> perRun = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<Double> perBenchmark = new ArrayList<>();
        TreeSet<String> distinctSettings = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            double s = Double.parseDouble(cells[seconds]);
            double n = Double.parseDouble(cells[benchmarks]);
            perRun.add(s);
            counts.add(n);
            if (n > 0) {
                perBenchmark.add(s / n);
            }
            if (settings >= 0 && settings < cells.length) {
                distinctSettings.add(cells[settings]);
            }
        }
        return new Timing(perRun.size(), median(toArray(perRun)), median(toArray(counts)),
                median(toArray(perBenchmark)), List.copyOf(distinctSettings));
    }

    /** Forks and iterations per benchmark as recorded, e.g. {@code 3 forks x 5 iterations}. */
    private static String shape(Map<Condition, List<Run>> runs) {
        TreeSet<String> shapes = new TreeSet<>();
        for (List<Run> list : runs.values()) {
            for (Run run : list) {
                for (BenchmarkResult result : run.baseline().benchmarks()) {
                    double[][] samples = result.primary().samples();
                    int iterations = Arrays.stream(samples).mapToInt(f -> f.length).max().orElse(0);
                    shapes.add(samples.length + (samples.length == 1 ? " fork" : " forks") + " x " + iterations
                            + (iterations == 1 ? " iteration" : " iterations"));
                }
            }
        }
        return String.join(", ", shapes);
    }

    /** The result as markdown: a summary, every verdict, the machine drift, and the cost. */
    public static String render(Result result) {
        StringBuilder out = new StringBuilder();
        out.append("## perfgate verdict quality\n\n");
        List<String> runCounts = new ArrayList<>();
        result.runs().forEach((condition, n) -> runCounts.add(condition.directory() + " " + n + " runs"));
        out.append("Corpus `").append(result.corpus()).append("`: ").append(String.join(", ", runCounts))
                .append("; ").append(result.shape()).append(" per benchmark.\n");
        out.append("Gate: perfgate's defaults (tolerance ").append(percent(SETTINGS.tolerance()))
                .append(", confidence ").append(percent(SETTINGS.confidence())).append(", allocation tolerance ")
                .append(percent(SETTINGS.allocationTolerance())).append("). Every ordered pair of distinct runs,")
                .append(" the first as the baseline, the second as the check.\n\n");
        out.append("*perfgate* is the verdict of the first measurement. `perfgate:check` then re-measures every"
                + " regressed or inconclusive benchmark (5 more forks and a second machine calibration, pooled with"
                + " the first) before it decides. A real re-measure needs a new JMH run; *perfgate after re-measure"
                + " (simulated)* stands in for it with the next recorded run of the check's condition: its 3 forks"
                + " and its calibration pooled with the check's.\n\n");
        out.append("Naive rules on JMH's point scores (time per operation): *10% on JMH scores* fails when the"
                + " check is more than 10% slower and calls more than 10% faster improved; the *200% rule* is"
                + " github-action-benchmark's default `alert-threshold: 200%` (alert when more than 2x slower; it"
                + " reports no improvements). *Slowed 10%* sits exactly at the tolerance: no rule with a 10%"
                + " tolerance should be expected to catch it reliably.\n\n");

        out.append("### Summary\n\n");
        List<String> summaryHeader = new ArrayList<>(List.of("Baseline / check", "Case", "Counted"));
        for (Rule rule : Rule.values()) {
            summaryHeader.add(rule.label());
        }
        row(out, summaryHeader);
        separator(out, summaryHeader.size());
        for (Pairing pairing : Pairing.values()) {
            if (!result.has(pairing)) {
                continue;
            }
            for (Case kase : Case.values()) {
                if (kase.detection() == null || kase.detection() == Outcome.IMPROVED) {
                    summaryRow(out, result, pairing, kase, "false alarms", null);
                }
                if (kase.detection() != null) {
                    summaryRow(out, result, pairing, kase, kase.detection() == Outcome.IMPROVED
                            ? "detected (improved)" : "detected (regressed)", kase.detection());
                }
            }
        }

        out.append("\n### Every verdict\n\n");
        out.append("Share of pairs per outcome; *regressed* includes allocation regressions (counted separately in"
                + " the footnote when there are any). *Median change*: perfgate's estimate of the change of time per"
                + " operation (drift-corrected in the first rule); for the naive rules the ratio of the point"
                + " scores.\n\n");
        List<String> header = List.of("Baseline / check", "Case", "Rule", "Pairs", "Regressed", "Inconclusive",
                "Unchanged", "Improved", "Median change");
        row(out, header);
        separator(out, header.size());
        int allocation = 0;
        for (Pairing pairing : Pairing.values()) {
            if (!result.has(pairing)) {
                continue;
            }
            for (Case kase : Case.values()) {
                for (Rule rule : Rule.values()) {
                    Tally t = result.tally(pairing, kase, rule);
                    allocation += t.count(Outcome.ALLOCATION_REGRESSED);
                    row(out, List.of(pairing.label(), kase.label(), rule.label(), Integer.toString(t.pairs()),
                            share(t, t.failing()), rule.reports(Outcome.INCONCLUSIVE)
                                    ? share(t, t.count(Outcome.INCONCLUSIVE)) : "-",
                            share(t, t.count(Outcome.UNCHANGED)), rule.reports(Outcome.IMPROVED)
                                    ? share(t, t.count(Outcome.IMPROVED)) : "-",
                            signedPercent(t.medianChange())));
                }
            }
        }
        if (allocation > 0) {
            out.append("\nOf the regressed verdicts, ").append(allocation)
                    .append(" were allocation regressions (time within tolerance).\n");
        }

        out.append("\n### Machine drift seen by the calibration\n\n");
        out.append("The correction is right when the calibration workload drifts as much as the benchmark: compare"
                + " the median drift with the median A/A change of `base` before correction.\n\n");
        List<String> driftHeader = List.of("Baseline / check", "Pairs", "Calibrated", "Median drift",
                "Median A/A change, uncorrected", "Significant (corrected)", "Unstable (spread over 50%)");
        row(out, driftHeader);
        separator(out, driftHeader.size());
        for (Pairing pairing : Pairing.values()) {
            DriftTally d = result.drift().get(pairing);
            if (d == null) {
                continue;
            }
            double benchmark = result.tally(pairing, Case.UNCHANGED, Rule.PERFGATE_NO_DRIFT_CORRECTION)
                    .medianChange();
            row(out, List.of(pairing.label(), Integer.toString(d.pairs()), Integer.toString(d.calibrated()),
                    signedPercent(d.medianChange()), signedPercent(benchmark), countShare(d.significant(), d.pairs()),
                    countShare(d.unstable(), d.pairs())));
        }

        out.append("\n### The subject: each variant against `base` within the same run\n\n");
        List<String> subjectHeader = List.of("Condition", "Variant", "Work", "Median ratio", "Range over runs",
                "Median us/op");
        row(out, subjectHeader);
        separator(out, subjectHeader.size());
        for (Map.Entry<Condition, List<SubjectCheck>> e : result.subject().entrySet()) {
            for (SubjectCheck c : e.getValue()) {
                row(out, List.of(e.getKey().directory(), c.variant(), ratio(c.expectedRatio()),
                        ratio(c.medianRatio()), ratio(c.minRatio()) + ".." + ratio(c.maxRatio()),
                        number(c.medianMicros())));
            }
        }

        out.append("\n### Cost\n\n");
        List<String> costHeader = List.of("Condition", "Runs", "Benchmarks per run", "Median s per run",
                "Median s per benchmark", "Settings");
        row(out, costHeader);
        separator(out, costHeader.size());
        for (Map.Entry<Condition, Timing> e : result.timings().entrySet()) {
            Timing t = e.getValue();
            row(out, List.of(e.getKey().directory(), Integer.toString(t.runs()), number(t.medianBenchmarks()),
                    number(t.medianSecondsPerRun()), number(t.medianSecondsPerBenchmark()),
                    String.join("; ", t.settings())));
        }
        out.append(String.format(Locale.ROOT, "%nSeconds per benchmark are wall-clock time of the whole `mvn"
                + " test-compile perfgate:baseline`, including Maven's start-up and the machine calibration (two"
                + " calibrations of 2 JVMs each per run), divided by the benchmarks measured. perfgate's defaults"
                + " nominally cost 3 forks x (3 x 1 s warm-up + 5 x 1 s) = %.0f s per benchmark plus fork start-up;"
                + " JMH's own defaults cost 5 forks x (5 x 10 s warm-up + 5 x 10 s) = %.0f s plus fork start-up.%n",
                PERFGATE_DEFAULT_SECONDS, JMH_DEFAULT_SECONDS));
        return out.toString();
    }

    private static void summaryRow(StringBuilder out, Result result, Pairing pairing, Case kase, String counted,
            Outcome detection) {
        List<String> cells = new ArrayList<>(List.of(pairing.label(), kase.label(), counted));
        for (Rule rule : Rule.values()) {
            Tally t = result.tally(pairing, kase, rule);
            if (detection == null) {
                cells.add(countShare(t.failing(), t.pairs()));
            } else if (!rule.reports(detection)) {
                cells.add("-");
            } else {
                cells.add(countShare(t.count(detection), t.pairs()));
            }
        }
        row(out, cells);
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static void separator(StringBuilder out, int columns) {
        out.append("|").append("---|".repeat(columns)).append('\n');
    }

    private static String share(Tally t, int count) {
        return percentOfPairs(count, t.pairs());
    }

    private static String countShare(int count, int pairs) {
        return percentOfPairs(count, pairs) + " (" + count + "/" + pairs + ")";
    }

    private static String percentOfPairs(int count, int pairs) {
        if (pairs == 0) {
            return "n/a";
        }
        double p = 100.0 * count / pairs;
        if (count > 0 && p < 1) {
            return "<1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", p);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String signedPercent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
