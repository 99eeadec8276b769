package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Metric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The re-measure defence: benchmarks that look regressed or inconclusive are run again, with more forks, and their
 * new forks are pooled with the first ones before the verdict is final ({@code CheckProcedure} also pools the
 * second machine calibration with the first). A burst of noise on a shared machine rarely hits both runs; a real
 * regression shows in both.
 */
public final class Remeasure {

    private Remeasure() {
    }

    /** The benchmarks that need a second look: regressed or inconclusive. */
    public static List<BenchmarkKey> suspects(GateReport report) {
        return report.comparisons().stream()
                .filter(c -> c.verdict() == Verdict.REGRESSED || c.verdict() == Verdict.INCONCLUSIVE)
                .map(BenchmarkComparison::key)
                .toList();
    }

    /**
     * The first results with the forks of the second run appended for every benchmark that was re-measured (same
     * name, parameters and mode, and the same unit); other results are kept as they were.
     */
    public static List<BenchmarkResult> pool(List<BenchmarkResult> first, Collection<BenchmarkResult> second,
            Collection<BenchmarkKey> suspects) {
        Map<BenchmarkKey, BenchmarkResult> again = new LinkedHashMap<>();
        for (BenchmarkResult r : second) {
            if (suspects.contains(r.key())) {
                again.put(r.key(), r);
            }
        }
        List<BenchmarkResult> pooled = new ArrayList<>();
        for (BenchmarkResult r : first) {
            BenchmarkResult extra = again.get(r.key());
            if (extra == null || !extra.primary().unit().equals(r.primary().unit())) {
                pooled.add(r);
                continue;
            }
            Metric allocation = r.allocation() != null && extra.allocation() != null
                    ? concat(r.allocation(), extra.allocation()) : r.allocation();
            // CPU time only when both have it: pooled forks of a metric must all be of that metric.
            Metric cpu = r.cpu() != null && extra.cpu() != null ? concat(r.cpu(), extra.cpu()) : null;
            pooled.add(new BenchmarkResult(r.key(), concat(r.primary(), extra.primary()), allocation, cpu));
        }
        return pooled;
    }

    private static Metric concat(Metric a, Metric b) {
        double[][] forks = Arrays.copyOf(a.samples(), a.forkCount() + b.forkCount());
        double[][] more = b.samples();
        System.arraycopy(more, 0, forks, a.forkCount(), more.length);
        double sum = 0;
        int n = 0;
        for (double[] fork : forks) {
            for (double v : fork) {
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        return new Metric(n == 0 ? Double.NaN : sum / n, Double.NaN, Double.NaN, Double.NaN, a.unit(), forks);
    }
}
