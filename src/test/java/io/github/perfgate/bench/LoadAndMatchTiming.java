package io.github.perfgate.bench;

import io.github.perfgate.baseline.BaselineStore;
import io.github.perfgate.baseline.ResultFiles;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.report.ReportData;
import io.github.perfgate.report.ReportWriter;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Where the time of {@code perfgate:compare} on two large baselines goes: generates two baselines of
 * {@code benchmarks} entries each (5 forks x 10 iterations, with allocation and a calibration), writes them, then
 * times each step of the compare goal separately: loading both files, matching and judging with a stub estimator
 * (matching alone), judging with the real estimator, and writing the reports. Prints the median of {@code runs}
 * runs of each step. With a fourth argument {@code renamed}, every benchmark of the second file has another class
 * name: 10,000 new and 10,000 missing benchmarks, the case where each new one is looked up among the baseline's
 * for a mode change. Not a test: run it by hand, e.g.
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.github.perfgate.bench.LoadAndMatchTiming 10000 3 [directory for the files] [renamed]
 * </pre>
 */
public final class LoadAndMatchTiming {

    private LoadAndMatchTiming() {
    }

    public static void main(String[] args) throws Exception {
        int benchmarks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("perfgate-timing");
        Files.createDirectories(dir);
        Path base = dir.resolve("base.json");
        Path current = dir.resolve("current.json");
        BaselineStore store = new BaselineStore();
        boolean renamed = args.length > 3 && args[3].equals("renamed");
        store.write(base, generate(benchmarks, 1, ""));
        store.write(current, generate(benchmarks, 2, renamed ? "Renamed" : ""));
        System.out.printf("%,d benchmarks per file, %,d bytes each; median of %d runs%n", benchmarks,
                Files.size(base), runs);
        GateSettings settings = new GateSettings(0.10, List.of(), 0.99);
        RegressionGate stub = new RegressionGate((b, c, confidence) -> new ChangeEstimate(1, 1, 1, 0.99, 1.01,
                confidence, true, ""), settings);
        RegressionGate real = new RegressionGate(new HierarchicalBootstrap(), settings);
        Baseline[] loaded = new Baseline[2];
        GateReport[] report = new GateReport[1];
        time("load both files", runs, () -> {
            loaded[0] = load(base);
            loaded[1] = load(current);
            return loaded[1].benchmarks().size();
        });
        time("match (stub estimator)", runs, () -> stub.compare(loaded[0], loaded[1].benchmarks(),
                loaded[1].environment(), loaded[1].calibration()).comparisons().size());
        time("match + statistics", runs, () -> {
            report[0] = real.compare(loaded[0], loaded[1].benchmarks(), loaded[1].environment(),
                    loaded[1].calibration());
            return report[0].comparisons().size();
        });
        Path out = dir.resolve("reports");
        time("reports", runs, () -> {
            try {
                return ReportWriter.writeAll(ReportData.check(report[0], List.of(), loaded[1].environment(),
                        loaded[0].environment(), "timing", Instant.now(), List.of()), out).size();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Baseline load(Path file) {
        try {
            return ResultFiles.load(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the step {@code runs} times; prints the median wall-clock and CPU time (this thread's) of a run. */
    private static void time(String what, int runs, Supplier<Integer> step) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            step.get();
            wall[r] = (System.nanoTime() - start) / 1e9;
            cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        }
        System.out.printf("%-24s wall median %6.2f s, thread CPU median %6.2f s  (wall of each run: %s)%n", what,
                median(wall), median(cpu), Arrays.toString(Arrays.stream(wall).map(w -> Math.round(w * 100) / 100.0)
                        .toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A baseline of {@code n} benchmarks in several classes, modes and parameters, with realistic noise. */
    static Baseline generate(int n, long seed, String classSuffix) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Mode mode = i % 3 == 0 ? Mode.THROUGHPUT : Mode.AVERAGE_TIME;
            String unit = mode == Mode.THROUGHPUT ? "ops/ms" : "us/op";
            double location = 1 + random.nextDouble() * 100;
            BenchmarkKey key = new BenchmarkKey("acme.module" + (i % 50) + ".Bench" + (i / 50) + classSuffix + ".method",
                    new TreeMap<>(Map.of("size", Integer.toString(10 * (i % 4 + 1)))), mode);
            double[][] samples = new double[5][10];
            double[][] bytes = new double[5][10];
            for (double[] fork : samples) {
                double forkEffect = Math.exp(random.nextGaussian() * 0.05);
                for (int k = 0; k < fork.length; k++) {
                    fork[k] = location * forkEffect * Math.exp(random.nextGaussian() * 0.1);
                }
            }
            for (double[] fork : bytes) {
                Arrays.fill(fork, 48 * (i % 5));
            }
            results.add(new BenchmarkResult(key, new Metric(location, location * 0.05, location * 0.95,
                    location * 1.05, unit, samples), new Metric(48 * (i % 5), Double.NaN, Double.NaN, Double.NaN,
                    "B/op", bytes)));
        }
        double[][] calibration = new double[4][10];
        for (double[] fork : calibration) {
            for (int k = 0; k < fork.length; k++) {
                fork[k] = 1000 * Math.exp(random.nextGaussian() * 0.02);
            }
        }
        Environment env = new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37", "Linux",
                "6.1", "amd64", "Timing CPU", 2);
        return new Baseline("2026-12-03T00:00:00Z", "", env, results, new Calibration(io.github.perfgate.calibration.CalibrationWorkload.ID, calibration));
    }
}
