package io.github.perfgate.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.jmh.DurationParser;
import io.github.perfgate.jmh.JmhResultException;
import io.github.perfgate.jmh.JmhResultParser;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.stats.PairedRounds;
import io.github.perfgate.stats.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The verdict-quality benchmark of perfgate's same-machine A/B mode, offline: replays windows of consecutive
 * recorded rounds through the A/B mode's own statistics ({@link PairedRounds}, {@link RegressionGate#decide}) and
 * counts false alarms and detections.
 *
 * <p>The corpus ({@code bench/verdict-quality/corpus-ab/}, recorded by {@code bench/verdict-quality/record-ab.sh})
 * holds one directory per condition ({@code hog}, {@code quiet}) with one {@code run-NN} directory per recording.
 * A run is a sequence of rounds; a round is two JMH launches of the same subject code back to back, side A and
 * side B, in the recorded order ({@code order.txt}), each launch one fork of each variant of {@code ChecksumBench}.
 * Since both sides ran the same code, every variant exists on both sides and the true change of every pair is
 * known: {@code A.base} against {@code B.base} is A/A, {@code A.base} against {@code B.slow30} a 30% slowdown.
 *
 * <p>Every window of {@code n} consecutive rounds of a run (n = 4, 6, 8; the product's default is
 * {@value #ROUNDS}) is replayed as the A/B mode decides one benchmark: per round {@code d = ln(location(current
 * fork)) - ln(location(against fork))} via {@link PairedRounds#add(Samples, Samples)}, then
 * {@code RegressionGate.decide(rounds.estimate(0.99), tolerance)}. Each window is replayed in both directions:
 * against A with current B, and against B with current A (the mirror), so that a side that happened to run first
 * more often cannot bias the figures one way.
 *
 * <p>Machine time per benchmark is derived, not measured per benchmark: {@code rounds x 2 sides x (iteration time
 * per fork + overhead per fork)}, where the iteration time per fork is the warm-up and measurement time JMH was
 * configured with (from the JSON, e.g. 2 x 500 ms + 4 x 500 ms = 3 s) and the overhead per fork is the median
 * wall-clock duration of a launch ({@code timings.tsv}) minus the iteration time of all its forks, divided by the
 * forks per launch. A launch starts one JMH host JVM for all its forks, while perfgate's A/B mode starts one per fork
 * ({@code Measure.runFork}): the product pays about one host start more per fork than derived here.
 */
public final class AbVerdictQuality {

    /** Where the record script writes the corpus, relative to the repository root. */
    public static final Path DEFAULT_CORPUS = Path.of("bench", "verdict-quality", "corpus-ab");

    /** perfgate's default tolerance. */
    public static final double TOLERANCE = 0.10;

    /** A tighter tolerance, shown for context (issue 14). */
    public static final double CONTEXT_TOLERANCE = 0.05;

    /** perfgate's default confidence. */
    public static final double CONFIDENCE = 0.99;

    /** Rounds per benchmark of the A/B mode's default. */
    public static final int ROUNDS = 6;

    /** The window sizes replayed: the default, and one fewer and more block of two rounds for context. */
    public static final List<Integer> WINDOWS = List.of(4, 6, 8);

    /** The variant every case measures against. */
    static final String AGAINST_VARIANT = "base";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A recording condition: one directory of the corpus. */
    public enum Condition {
        HOG("hog"), QUIET("quiet");

        private final String directory;

        Condition(String directory) {
            this.directory = directory;
        }

        public String directory() {
            return directory;
        }
    }

    /** One side of a recorded round. Both sides ran the same code. */
    public enum Side {
        A, B;

        Side other() {
            return this == A ? B : A;
        }
    }

    /** A known true change: the current side's variant measured against the other side's {@code base}. */
    public enum Case {
        UNCHANGED("A/A, unchanged", "base"),
        SLOWED_10("slowed 10%", "slow10"),
        SLOWED_30("slowed 30%", "slow30"),
        SLOWED_2X("slowed 2x", "slow2x");

        private final String label;
        private final String currentVariant;

        Case(String label, String currentVariant) {
            this.label = label;
            this.currentVariant = currentVariant;
        }

        public String label() {
            return label;
        }

        public String currentVariant() {
            return currentVariant;
        }
    }

    /**
     * One JMH launch of a round.
     *
     * @param variants time per operation (seconds) per variant (the benchmark method's simple name)
     * @param iterationSeconds the warm-up and measurement time JMH was configured with, summed over the launch's forks
     * @param seconds the launch's wall-clock duration from {@code timings.tsv}, NaN when not recorded
     */
    record Launch(Map<String, Samples> variants, double iterationSeconds, double seconds) {
    }

    /**
     * One recorded round: its number, the order its launches ran in ({@code AB} or {@code BA}), and its launches:
     * in the {@code launch} layout one per side ({@code launches}, {@code pairs} empty); in the {@code pairs}
     * layout ({@code LAYOUT=pairs} of the record script, as perfgate's A/B mode measures) per variant its own fork
     * and a fork of {@code base}, back to back ({@code pairs}: variant to [cur, ref], {@code launches} empty).
     */
    record Round(int number, String order, Map<Side, Launch> launches, Map<String, List<Launch>> pairs) {

        Round(int number, String order, Map<Side, Launch> launches) {
            this(number, order, launches, Map.of());
        }

        /**
         * The current and against samples of {@code kase} with {@code current} as the current side, or null when
         * the layout has no such pair (the pairs layout measured each slowed variant against base one way only).
         */
        Samples[] pair(Case kase, Side current) {
            if (pairs.isEmpty()) {
                return new Samples[] {launches.get(current).variants().get(kase.currentVariant()),
                        launches.get(current.other()).variants().get(AGAINST_VARIANT)};
            }
            List<Launch> pair = pairs.get(kase.currentVariant());
            if (current == Side.A) {
                return new Samples[] {pair.get(0).variants().get(kase.currentVariant()),
                        pair.get(1).variants().get(AGAINST_VARIANT)};
            }
            return kase == Case.UNCHANGED ? new Samples[] {pair.get(1).variants().get(AGAINST_VARIANT),
                    pair.get(0).variants().get(AGAINST_VARIANT)} : null;
        }

        List<Launch> all() {
            List<Launch> all = new ArrayList<>(launches.values());
            pairs.values().forEach(all::addAll);
            return all;
        }
    }

    /** One recorded run: its directory name and its rounds in order. */
    record Run(Condition condition, String name, List<Round> rounds) {
    }

    /** Which figures a tally counts: condition, rounds per window, tolerance and case. */
    public record Key(Condition condition, int rounds, double tolerance, Case kase) {
    }

    /** The verdicts of the windows of one key, with the change and per-round spread each window measured. */
    public static final class Tally {
        private final EnumMap<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        private final List<Double> changes = new ArrayList<>();
        private final List<Double> roundSds = new ArrayList<>();

        void add(Verdict verdict, double change, double roundSd) {
            counts.merge(verdict, 1, Integer::sum);
            if (Double.isFinite(change)) {
                changes.add(change);
            }
            if (Double.isFinite(roundSd)) {
                roundSds.add(roundSd);
            }
        }

        /** The number of windows replayed (both directions counted). */
        public int windows() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int count(Verdict verdict) {
            return counts.getOrDefault(verdict, 0);
        }

        public double fraction(Verdict verdict) {
            return windows() == 0 ? Double.NaN : (double) count(verdict) / windows();
        }

        /** The median over windows of the estimated change (current over against, minus one). */
        public double medianChange() {
            return median(changes);
        }

        /** The median over windows of the standard deviation of the rounds' log-ratios {@code d}. */
        public double medianRoundSd() {
            return median(roundSds);
        }
    }

    /**
     * What one condition's launches cost, and the machine time per benchmark derived from it (see the class
     * comment).
     *
     * @param launches launches with a recorded duration
     * @param medianLaunchSeconds the median wall-clock duration of a launch
     * @param iterationSecondsPerLaunch configured warm-up and measurement time of all forks of a launch
     * @param forksPerLaunch forks per launch (one per variant)
     */
    public record Cost(int launches, double medianLaunchSeconds, double iterationSecondsPerLaunch,
            int forksPerLaunch) {

        /** Configured warm-up and measurement time of one fork. */
        public double iterationSecondsPerFork() {
            return iterationSecondsPerLaunch / forksPerLaunch;
        }

        /** Wall-clock time of a fork beyond its iterations: JVM start-up, JIT, setup, the gc profiler, JMH. */
        public double overheadSecondsPerFork() {
            return (medianLaunchSeconds - iterationSecondsPerLaunch) / forksPerLaunch;
        }

        /** Machine time per benchmark for both sides together at {@code rounds} rounds. */
        public double secondsPerBenchmark(int rounds) {
            return rounds * 2 * (iterationSecondsPerFork() + overheadSecondsPerFork());
        }
    }

    /** Everything the evaluation found. */
    public record Result(Path corpus, Map<Condition, List<Run>> runs, Map<Key, Tally> tallies,
            Map<Condition, Cost> costs) {

        public boolean has(Condition condition) {
            return runs.containsKey(condition);
        }

        public int runCount(Condition condition) {
            return runs.getOrDefault(condition, List.of()).size();
        }

        public Tally tally(Condition condition, int rounds, double tolerance, Case kase) {
            Tally tally = tallies.get(new Key(condition, rounds, tolerance, kase));
            if (tally == null) {
                throw new IllegalArgumentException("No windows of " + rounds + " rounds at tolerance " + tolerance
                        + " for " + condition.directory() + " in " + corpus);
            }
            return tally;
        }

        public Cost cost(Condition condition) {
            Cost cost = costs.get(condition);
            if (cost == null) {
                throw new IllegalArgumentException("No launch timings for " + condition.directory() + " in " + corpus);
            }
            return cost;
        }
    }

    /**
     * Evaluates the corpus and prints the tables. Arguments: the corpus directory (optional); today's corpus
     * ({@code bench/verdict-quality/corpus}) is evaluated beside it when it exists.
     */
    public static void main(String[] args) throws Exception {
        Path corpus = args.length > 0 ? Path.of(args[0]) : DEFAULT_CORPUS;
        if (!Files.isDirectory(corpus)) {
            System.err.println("No A/B corpus directory at " + corpus + ". Record one with: "
                    + "bench/verdict-quality/record-ab.sh");
            System.exit(2);
        }
        long start = System.nanoTime();
        Result result = new AbVerdictQuality().evaluate(corpus);
        VerdictQuality.Result today = null;
        if (Files.isDirectory(VerdictQuality.DEFAULT_CORPUS.resolve("hog"))) {
            today = new VerdictQuality().evaluate(VerdictQuality.DEFAULT_CORPUS);
        }
        System.out.print(render(result, today));
        System.out.printf(Locale.ROOT, "%nEvaluated in %.1f s.%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * Replays every window of every run of the corpus.
     *
     * @throws IllegalArgumentException when the corpus has no runs, or a run is incomplete
     */
    public Result evaluate(Path corpus) throws IOException, JmhResultException {
        Map<Condition, List<Run>> runs = new EnumMap<>(Condition.class);
        for (Condition condition : Condition.values()) {
            List<Run> list = readRuns(condition, corpus.resolve(condition.directory()));
            if (!list.isEmpty()) {
                runs.put(condition, list);
            }
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("No recorded A/B runs (hog/run-NN/, quiet/run-NN/) in " + corpus
                    + ". Record them with: bench/verdict-quality/record-ab.sh");
        }
        Map<Key, Tally> tallies = new LinkedHashMap<>();
        for (Map.Entry<Condition, List<Run>> entry : runs.entrySet()) {
            for (double tolerance : List.of(TOLERANCE, CONTEXT_TOLERANCE)) {
                for (int window : WINDOWS) {
                    for (Case kase : Case.values()) {
                        Tally tally = new Tally();
                        for (Run run : entry.getValue()) {
                            replay(run, window, tolerance, kase, tally);
                        }
                        if (tally.windows() > 0) {
                            tallies.put(new Key(entry.getKey(), window, tolerance, kase), tally);
                        }
                    }
                }
            }
        }
        Map<Condition, Cost> costs = new EnumMap<>(Condition.class);
        runs.forEach((condition, list) -> {
            Cost cost = cost(list);
            if (cost != null) {
                costs.put(condition, cost);
            }
        });
        return new Result(corpus, runs, tallies, costs);
    }

    /** Replays every window of {@code window} consecutive rounds of the run, in both directions. */
    static void replay(Run run, int window, double tolerance, Case kase, Tally tally) {
        List<Round> rounds = run.rounds();
        for (int first = 0; first + window <= rounds.size(); first++) {
            for (Side current : Side.values()) {
                PairedRounds paired = new PairedRounds();
                boolean measured = true;
                for (Round round : rounds.subList(first, first + window)) {
                    Samples[] pair = round.pair(kase, current);
                    if (pair == null) {
                        measured = false;
                        break;
                    }
                    paired.add(pair[0], pair[1]);
                }
                if (!measured) {
                    continue;
                }
                Verdict verdict = RegressionGate.decide(paired.estimate(CONFIDENCE), tolerance);
                double se = paired.standardError();
                tally.add(verdict, Math.expm1(paired.meanLogRatio()), se * Math.sqrt(paired.rounds()));
            }
        }
    }

    private static Cost cost(List<Run> runs) {
        List<Double> durations = new ArrayList<>();
        List<Double> iterations = new ArrayList<>();
        List<Double> forks = new ArrayList<>();
        for (Run run : runs) {
            for (Round round : run.rounds()) {
                for (Launch launch : round.all()) {
                    if (Double.isFinite(launch.seconds())) {
                        durations.add(launch.seconds());
                        iterations.add(launch.iterationSeconds());
                        forks.add((double) launch.variants().size());
                    }
                }
            }
        }
        if (durations.isEmpty()) {
            return null;
        }
        return new Cost(durations.size(), median(durations), median(iterations), (int) Math.round(median(forks)));
    }

    /** The {@code run-NN} directories of a condition's directory, in order; none when it does not exist. */
    static List<Path> runDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches("run-\\d+"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Run> readRuns(Condition condition, Path dir) throws IOException, JmhResultException {
        List<Path> runDirs = runDirectories(dir);
        List<Run> runs = new ArrayList<>();
        for (Path runDir : runDirs) {
            runs.add(readRun(condition, runDir));
        }
        return runs;
    }

    /** Reads one run directory: {@code order.txt}, {@code timings.tsv} and the launches' JSON. */
    static Run readRun(Condition condition, Path dir) throws IOException, JmhResultException {
        Map<Integer, String> orders = readOrder(dir.resolve("order.txt"));
        Map<String, Double> seconds = readTimings(dir.resolve("timings.tsv"));
        JmhResultParser parser = new JmhResultParser();
        List<Round> rounds = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve("round-01-base-cur.json"))) {
            return readPairsRun(condition, dir, orders, seconds, parser);
        }
        for (Map.Entry<Integer, String> entry : orders.entrySet()) {
            int number = entry.getKey();
            Map<Side, Launch> launches = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                String id = String.format(Locale.ROOT, "round-%02d-%s", number, side);
                Path file = dir.resolve(id + ".json");
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(dir + " lists round " + number + " in order.txt but has no "
                            + file.getFileName() + ": an interrupted recording? Delete " + dir + " and record again");
                }
                launches.put(side, readLaunch(parser, file, seconds.getOrDefault(id, Double.NaN)));
            }
            for (Case kase : Case.values()) {
                for (Side side : Side.values()) {
                    if (!launches.get(side).variants().containsKey(kase.currentVariant())) {
                        throw new IllegalArgumentException(dir + ": round " + number + " side " + side + " lacks the"
                                + " variant " + kase.currentVariant());
                    }
                }
            }
            rounds.add(new Round(number, entry.getValue(), launches));
        }
        return new Run(condition, dir.getFileName().toString(), List.copyOf(rounds));
    }

    /** A run of the {@code pairs} layout: per round and variant {@code round-NN-V-cur.json} and {@code -ref.json}. */
    private static Run readPairsRun(Condition condition, Path dir, Map<Integer, String> orders,
            Map<String, Double> seconds, JmhResultParser parser) throws IOException, JmhResultException {
        List<Round> rounds = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : orders.entrySet()) {
            Map<String, List<Launch>> pairs = new HashMap<>();
            for (Case kase : Case.values()) {
                List<Launch> pair = new ArrayList<>();
                for (String role : List.of("cur", "ref")) {
                    String id = String.format(Locale.ROOT, "round-%02d-%s-%s", entry.getKey(), kase.currentVariant(),
                            role);
                    Path file = dir.resolve(id + ".json");
                    if (!Files.isRegularFile(file)) {
                        throw new IllegalArgumentException(dir + " lists round " + entry.getKey() + " in order.txt but"
                                + " has no " + file.getFileName() + ": an interrupted recording? Delete " + dir
                                + " and record again");
                    }
                    Launch launch = readLaunch(parser, file, seconds.getOrDefault(id, Double.NaN));
                    String variant = role.equals("cur") ? kase.currentVariant() : AGAINST_VARIANT;
                    if (!launch.variants().containsKey(variant)) {
                        throw new IllegalArgumentException(file + " lacks the variant " + variant);
                    }
                    pair.add(launch);
                }
                pairs.put(kase.currentVariant(), List.copyOf(pair));
            }
            rounds.add(new Round(entry.getKey(), entry.getValue(), Map.of(), Map.copyOf(pairs)));
        }
        return new Run(condition, dir.getFileName().toString(), List.copyOf(rounds));
    }

    private static Launch readLaunch(JmhResultParser parser, Path file, double seconds)
            throws IOException, JmhResultException {
        JmhRun run = parser.parse(file);
        Map<String, Samples> variants = new HashMap<>();
        for (BenchmarkResult result : run.results()) {
            String name = result.key().name();
            variants.put(name.substring(name.lastIndexOf('.') + 1), RegressionGate.timePerOp(result.primary()));
        }
        double iterationSeconds = 0;
        for (JsonNode node : MAPPER.readTree(file.toFile())) {
            iterationSeconds += node.path("forks").asInt(1) * (
                    node.path("warmupIterations").asInt() * jmhSeconds(node.path("warmupTime").asText())
                    + node.path("measurementIterations").asInt() * jmhSeconds(node.path("measurementTime").asText()));
        }
        return new Launch(Map.copyOf(variants), iterationSeconds, seconds);
    }

    private static double jmhSeconds(String time) {
        return DurationParser.parseJmhTime(time, "JMH iteration time").toNanos() / 1e9;
    }

    /** {@code seed N}, then one line per round: its number and order ({@code AB} or {@code BA}). */
    static Map<Integer, String> readOrder(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is missing: every run directory needs the order of its"
                    + " rounds, as bench/verdict-quality/record-ab.sh writes it");
        }
        Map<Integer, String> orders = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 2 && cells[0].matches("\\d+") && cells[1].matches("AB|BA")) {
                orders.put(Integer.parseInt(cells[0]), cells[1]);
            }
        }
        return orders;
    }

    /** Launch durations in seconds by {@code round-NN-S}; empty when the file is missing. */
    static Map<String, Double> readTimings(Path file) throws IOException {
        Map<String, Double> seconds = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return seconds;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return seconds;
        }
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int round = header.indexOf("round");
        int side = header.indexOf("side");
        int ms = header.indexOf("ms");
        if (round < 0 || side < 0 || ms < 0) {
            throw new IllegalArgumentException(file + " has no 'round', 'side' and 'ms' columns: " + header);
        }
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            seconds.put(String.format(Locale.ROOT, "round-%02d-%s", Integer.parseInt(cells[round]), cells[side]),
                    Double.parseDouble(cells[ms]) / 1000);
        }
        return seconds;
    }

    // ---- Rendering ----

    /** The result as markdown; {@code today} (may be null) is today's mode on the same machine, for comparison. */
    public static String render(Result result, VerdictQuality.Result today) {
        StringBuilder out = new StringBuilder();
        out.append("## perfgate A/B verdict quality\n\n");
        out.append("Corpus `").append(result.corpus()).append("`: ");
        List<String> shape = new ArrayList<>();
        result.runs().forEach((condition, runs) -> shape.add(condition.directory() + " " + runs.size() + " runs of "
                + runs.stream().map(r -> String.valueOf(r.rounds().size())).distinct()
                        .reduce((a, b) -> a + "/" + b).orElse("0") + " rounds"));
        out.append(String.join(", ", shape)).append(". ");
        out.append("Every window of consecutive rounds, in both directions (against A with current B, and the"
                + " mirror), replayed through `PairedRounds` and `RegressionGate.decide` at confidence "
                + percent(CONFIDENCE) + ". Windows overlap: read the shares as \"how many of the possible"
                + " builds\", not as independent trials.\n\n");

        out.append("### Target (issue 13): beside two CPU hogs, ").append(ROUNDS).append(" rounds, tolerance ")
                .append(percent(TOLERANCE)).append("\n\n");
        if (result.has(Condition.HOG)) {
            Tally aa = result.tally(Condition.HOG, ROUNDS, TOLERANCE, Case.UNCHANGED);
            Tally slow30 = result.tally(Condition.HOG, ROUNDS, TOLERANCE, Case.SLOWED_30);
            out.append("- A/A false alarms: ").append(count(aa.count(Verdict.REGRESSED), aa.windows()))
                    .append(" (target: none)\n");
            out.append("- 30% slowdown caught: ").append(count(slow30.count(Verdict.REGRESSED), slow30.windows()))
                    .append(" (target: at least 95%)\n");
            if (result.costs().containsKey(Condition.HOG)) {
                out.append("- machine time per benchmark, both sides: ")
                        .append(seconds(result.cost(Condition.HOG).secondsPerBenchmark(ROUNDS)))
                        .append(" (target: at most 60 s)\n");
            }
        } else {
            out.append("- no hog runs in the corpus\n");
        }
        out.append('\n');

        out.append("### Per run: ").append(ROUNDS).append(" rounds, tolerance ").append(percent(TOLERANCE))
                .append("\n\n");
        out.append("What the machine did during each recording matters more than the condition's name: *load* is the"
                + " mean and the highest 1-minute load average after the run's launches (`timings.tsv`); two hogs"
                + " and the benchmark make about 3.\n\n");
        row(out, List.of("Run", "Load (mean, max)", "A/A false alarms", "30% caught", "2x caught"));
        separator(out, 5);
        result.runs().forEach((condition, runs) -> {
            for (Run run : runs) {
                List<String> cells = new ArrayList<>();
                cells.add(condition.directory() + "/" + run.name());
                cells.add(load(result.corpus().resolve(condition.directory()).resolve(run.name())));
                for (Case kase : List.of(Case.UNCHANGED, Case.SLOWED_30, Case.SLOWED_2X)) {
                    Tally t = new Tally();
                    replay(run, ROUNDS, TOLERANCE, kase, t);
                    cells.add(count(t.count(Verdict.REGRESSED), t.windows()));
                }
                row(out, cells);
            }
        });
        out.append('\n');

        out.append("### Every verdict\n\n");
        out.append("*Detected* counts regressed windows; for A/A a regressed window is a false alarm. *sd of d*:"
                + " the median over windows of the standard deviation of the per-round log-ratios. *Machine time*:"
                + " derived per benchmark for both sides (see the cost section).\n\n");
        row(out, List.of("Condition", "Rounds", "Tolerance", "Case", "Windows", "Regressed", "Inconclusive",
                "Unchanged", "Improved", "Median change", "sd of d", "Machine time"));
        separator(out, 12);
        for (double tolerance : List.of(TOLERANCE, CONTEXT_TOLERANCE)) {
            for (Condition condition : result.runs().keySet()) {
                for (int window : WINDOWS) {
                    if (tolerance == CONTEXT_TOLERANCE && window != ROUNDS) {
                        continue;
                    }
                    for (Case kase : Case.values()) {
                        Tally t = result.tallies().get(new Key(condition, window, tolerance, kase));
                        if (t == null) {
                            continue;
                        }
                        Cost cost = result.costs().get(condition);
                        row(out, List.of(condition.directory(), String.valueOf(window), percent(tolerance),
                                kase.label(), String.valueOf(t.windows()), share(t, Verdict.REGRESSED),
                                share(t, Verdict.INCONCLUSIVE), share(t, Verdict.UNCHANGED),
                                share(t, Verdict.IMPROVED), signedPercent(t.medianChange()),
                                number(t.medianRoundSd()),
                                cost == null ? "-" : seconds(cost.secondsPerBenchmark(window))));
                    }
                }
            }
        }
        out.append('\n');

        if (today != null) {
            renderToday(out, result, today);
        }

        out.append("### Machine time per benchmark\n\n");
        out.append("Derived as rounds x 2 sides x (iteration time per fork + overhead per fork). The iteration time"
                + " is JMH's configured warm-up and measurement time of one fork; the overhead per fork is the"
                + " median launch's wall-clock time minus the iteration time of its forks, over its forks. A launch"
                + " starts one JMH host JVM for its 4 forks; perfgate's A/B mode starts one per fork (without the"
                + " benchmark listing), so it pays about one host start more per fork than derived here: the README"
                + " gives the product's measured cost per round.\n\n");
        row(out, List.of("Condition", "Launches", "Median launch", "Forks per launch", "Iteration time per fork",
                "Overhead per fork", "4 rounds", "6 rounds", "8 rounds"));
        separator(out, 9);
        result.costs().forEach((condition, cost) -> row(out, List.of(condition.directory(),
                String.valueOf(cost.launches()), seconds(cost.medianLaunchSeconds()),
                String.valueOf(cost.forksPerLaunch()), seconds(cost.iterationSecondsPerFork()),
                seconds(cost.overheadSecondsPerFork()), seconds(cost.secondsPerBenchmark(4)),
                seconds(cost.secondsPerBenchmark(6)), seconds(cost.secondsPerBenchmark(8)))));
        return out.toString();
    }

    /** The mean and highest load average of a run's launches, from its {@code timings.tsv}; "-" without one. */
    private static String load(Path run) {
        Path timings = run.resolve("timings.tsv");
        try {
            List<Double> loads = Files.readAllLines(timings, StandardCharsets.UTF_8).stream().skip(1)
                    .map(line -> line.split("\t")).filter(cells -> cells.length >= 6)
                    .map(cells -> Double.parseDouble(cells[5])).toList();
            if (loads.isEmpty()) {
                return "-";
            }
            return String.format(Locale.ROOT, "%.1f, %.1f", loads.stream().mapToDouble(d -> d).average()
                    .orElse(Double.NaN), loads.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
        } catch (IOException | NumberFormatException e) {
            return "-";
        }
    }

    private static void renderToday(StringBuilder out, Result result, VerdictQuality.Result today) {
        out.append("### Beside today's mode, same machine\n\n");
        out.append("Today's mode: a baseline recorded in one build, checked in another of the same condition"
                + " (`bench/verdict-quality/corpus`, every ordered pair of runs; 3 forks x (3 x 1 s + 5 x 1 s)"
                + " per benchmark plus the machine calibration; its cost is the median wall-clock time of one"
                + " recording over its benchmarks, the re-measure not included). A/B: " + ROUNDS + " rounds, "
                + percent(TOLERANCE) + ".\n\n");
        row(out, List.of("Condition", "Case", "Counted", "A/B", "today: perfgate",
                "today: after re-measure (simulated)"));
        separator(out, 6);
        Map<Condition, VerdictQuality.Pairing> pairings = Map.of(Condition.HOG, VerdictQuality.Pairing.HOG_HOG,
                Condition.QUIET, VerdictQuality.Pairing.QUIET_QUIET);
        Map<Case, VerdictQuality.Case> cases = Map.of(Case.UNCHANGED, VerdictQuality.Case.UNCHANGED,
                Case.SLOWED_10, VerdictQuality.Case.SLOWED_10, Case.SLOWED_30, VerdictQuality.Case.SLOWED_30,
                Case.SLOWED_2X, VerdictQuality.Case.SLOWED_2X);
        for (Condition condition : result.runs().keySet()) {
            VerdictQuality.Pairing pairing = pairings.get(condition);
            if (!today.has(pairing)) {
                continue;
            }
            for (Case kase : Case.values()) {
                Tally ab = result.tally(condition, ROUNDS, TOLERANCE, kase);
                VerdictQuality.Tally first = today.tally(pairing, cases.get(kase), VerdictQuality.Rule.PERFGATE);
                VerdictQuality.Tally again = today.tally(pairing, cases.get(kase),
                        VerdictQuality.Rule.PERFGATE_REMEASURED);
                row(out, List.of(pairing.label(), kase.label(),
                        kase == Case.UNCHANGED ? "false alarms" : "detected (regressed)",
                        count(ab.count(Verdict.REGRESSED), ab.windows()),
                        count(first.failing(), first.pairs()), count(again.failing(), again.pairs())));
            }
            VerdictQuality.Timing timing = today.timings().get(pairing.check());
            Cost cost = result.costs().get(condition);
            row(out, List.of(pairing.label(), "-", "machine time per benchmark",
                    cost == null ? "-" : seconds(cost.secondsPerBenchmark(ROUNDS)), timing == null ? "-"
                            : seconds(timing.medianSecondsPerBenchmark()), "more (5 more forks when suspect)"));
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static void separator(StringBuilder out, int columns) {
        out.append("|").append("---|".repeat(columns)).append('\n');
    }

    private static String share(Tally t, Verdict verdict) {
        return percent(t.fraction(verdict));
    }

    private static String count(int count, int of) {
        return (of == 0 ? "-" : percent((double) count / of)) + " (" + count + "/" + of + ")";
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String signedPercent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f s", value);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
