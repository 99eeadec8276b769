package io.github.perfgate.baseline;

import io.github.perfgate.calibration.Calibration;
import io.github.perfgate.jmh.BenchmarkKey;
import io.github.perfgate.jmh.BenchmarkResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the baseline to write from a measurement and, when only part of the suite ran, the previous baseline. */
public final class BaselineUpdate {

    private BaselineUpdate() {
    }

    /**
     * The new baseline.
     *
     * @param previous the current baseline, or null when there is none
     * @param measured the benchmarks just measured; they replace their previous entries
     * @param keepUnmeasured true when only a selection of benchmarks ran ({@code include}/{@code exclude}): entries
     *     of the previous baseline that were not measured are kept; false replaces the whole file
     * @param calibration the calibration measured with these benchmarks; null keeps the previous one
     */
    public static Baseline of(Baseline previous, Collection<BenchmarkResult> measured, Environment environment,
            String commit, boolean keepUnmeasured, Calibration calibration) {
        Map<BenchmarkKey, BenchmarkResult> entries = new TreeMap<>();
        if (previous != null && keepUnmeasured) {
            entries.putAll(previous.byKey());
        }
        for (BenchmarkResult result : measured) {
            entries.put(result.key(), result);
        }
        Calibration kept = calibration != null ? calibration
                : keepUnmeasured && previous != null ? previous.calibration() : null;
        return new Baseline(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), commit, environment,
                List.copyOf(entries.values()), kept);
    }

    /** How many entries of the previous baseline {@link #of} keeps without re-measuring them. */
    public static int keptCount(Baseline previous, Collection<BenchmarkResult> measured, boolean keepUnmeasured) {
        if (previous == null || !keepUnmeasured) {
            return 0;
        }
        Map<BenchmarkKey, BenchmarkResult> entries = new TreeMap<>(previous.byKey());
        for (BenchmarkResult result : measured) {
            entries.remove(result.key());
        }
        return entries.size();
    }
}
