package io.github.perfgate.history;

import java.util.Map;
import java.util.Objects;

/**
 * One benchmark of one check: enough to draw a trend. {@code benchmark} is the display name (method and
 * parameters), the key of a trend together with {@code mode}. {@code estimate} is the check's location of the time
 * (or throughput) per operation in {@code unit}; {@code lower}/{@code upper} the interval of that location, derived
 * from the interval of the change against the baseline ({@code baseline x (1 + low)}, {@code baseline x (1 + high)}),
 * {@code null} when the check had none. {@code cpu} is the CPU time per operation when recorded, {@code allocation}
 * B/op when measured. {@code date} is ISO-8601 UTC to the second; {@code commit} is empty outside git.
 */
public record HistoryEntry(String commit, String date, String benchmark, String name, Map<String, String> params,
                           String mode, String unit, Double estimate, Double lower, Double upper, Double baseline,
                           Double change, Double cpuChange, Double allocation, String verdict) {

    public HistoryEntry {
        Objects.requireNonNull(benchmark, "benchmark");
        commit = commit == null ? "" : commit;
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** The key of this benchmark's trend: its display name and mode. */
    public String trendKey() {
        return benchmark + " [" + mode + "]";
    }
}
