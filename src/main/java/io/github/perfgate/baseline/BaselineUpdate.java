package io.github.perfgate.baseline;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the baseline to write from a measurement and, when only part of the suite ran, the previous baseline. */
public final class BaselineUpdate {

    private BaselineUpdate() {
    }

    /**
     * The new baseline and what the caller should tell the user about it.
     *
     * @param notes sentences to log as information, such as that the previous calibration was kept
     * @param warnings sentences to log as warnings, such as that the new baseline lost its calibration
     */
    public record Result(Baseline baseline, List<String> notes, List<String> warnings) {

        public Result {
            Objects.requireNonNull(baseline, "baseline");
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The new baseline.
     *
     * @param previous the current baseline, or null when there is none
     * @param measured the benchmarks just measured; they replace their previous entries
     * @param keepUnmeasured true when only a selection of benchmarks ran ({@code include}/{@code exclude}): entries
     *     of the previous baseline that were not measured are kept; false replaces the whole file
     * @param calibration the calibration measured with these benchmarks; null keeps the previous one when it was
     *     measured on the same machine (see {@link #update})
     */
    public static Baseline of(Baseline previous, Collection<BenchmarkResult> measured, Environment environment,
            String commit, boolean keepUnmeasured, Calibration calibration) {
        return update(previous, measured, environment, commit, keepUnmeasured, calibration).baseline();
    }

    /**
     * The new baseline, with notes. When this update measured no calibration ({@code calibrate=false}, or the
     * results came from a file), the previous baseline's calibration is kept if it was recorded on the same
     * machine and JVM ({@link Environment#sameMachineAs}): the machine's speed then is what it measured. On
     * another machine it would describe the wrong machine, so it is dropped, and a note says that later checks
     * cannot correct machine drift until the baseline is recorded with a calibration again.
     */
    public static Result update(Baseline previous, Collection<BenchmarkResult> measured, Environment environment,
            String commit, boolean keepUnmeasured, Calibration calibration) {
        Map<BenchmarkKey, BenchmarkResult> entries = new HashMap<>();
        if (previous != null && keepUnmeasured) {
            entries.putAll(previous.byKey());
        }
        for (BenchmarkResult result : measured) {
            entries.put(result.key(), result);
        }
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Calibration kept = calibration;
        Calibration before = previous == null ? null : previous.calibration();
        if (kept == null && before != null) {
            if (environment.sameMachineAs(previous.environment())) {
                kept = before;
                notes.add("this run measured no machine calibration; the baseline keeps the previous one ("
                        + before.workload() + ", recorded " + when(previous) + " on the same machine and JVM)");
            } else {
                List<String> differences = environment.differencesFrom(previous.environment());
                warnings.add("the new baseline has no machine calibration: this run measured none and the previous"
                        + " one was recorded on " + (differences.isEmpty() ? "a machine not known to be this one"
                                : "another machine or JVM (" + String.join("; ", differences) + ")")
                        + ", so it was dropped. Later checks cannot correct for machine drift; record the baseline"
                        + " with perfgate.calibrate=true (the default) to restore it");
            }
        }
        return new Result(new Baseline(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), commit, environment,
                List.copyOf(entries.values()), kept), notes, warnings);
    }

    private static String when(Baseline previous) {
        return previous.recorded().isEmpty() ? "earlier" : previous.recorded();
    }

    /** How many entries of the previous baseline {@link #of} keeps without re-measuring them. */
    public static int keptCount(Baseline previous, Collection<BenchmarkResult> measured, boolean keepUnmeasured) {
        if (previous == null || !keepUnmeasured) {
            return 0;
        }
        Map<BenchmarkKey, BenchmarkResult> entries = new HashMap<>(previous.byKey());
        for (BenchmarkResult result : measured) {
            entries.remove(result.key());
        }
        return entries.size();
    }
}
