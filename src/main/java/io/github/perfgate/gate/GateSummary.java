package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a comparison actually checked, counted honestly: how many benchmarks were compared and with which
 * verdicts, and apart from them the baseline's benchmarks that did not run (missing), those the selection left
 * out, the new ones and those whose mode changed. A run that measured 3 of a baseline's 10,000 benchmarks says
 * {@code 3 compared (2 unchanged, 1 inconclusive); 9,997 in the baseline not run (first 5: ...)}, never "no
 * regression in 10,000 benchmarks".
 *
 * @param compared the comparisons with a time verdict (regressed, allocates more, inconclusive, improved,
 *     unchanged)
 * @param missing the baseline's benchmarks that the run selected but did not measure, in key order
 * @param notSelected the baseline's benchmarks that {@code include}/{@code exclude} left out
 * @param fresh the benchmarks measured now that the baseline does not have
 * @param modeChanged the benchmarks measured in another mode than the baseline's; not compared
 */
public record GateSummary(List<BenchmarkComparison> compared, List<BenchmarkKey> missing,
        List<BenchmarkKey> notSelected, List<BenchmarkKey> fresh, List<BenchmarkKey> modeChanged) {

    /** How many missing benchmarks the sentence names. */
    public static final int NAMED = 5;

    /** The compared verdicts, in the order the breakdown lists them. */
    private static final List<Verdict> COMPARED = List.of(Verdict.REGRESSED, Verdict.ALLOCATION_REGRESSED,
            Verdict.INCONCLUSIVE, Verdict.IMPROVED, Verdict.UNCHANGED);

    public GateSummary {
        compared = List.copyOf(compared);
        missing = List.copyOf(missing);
        notSelected = List.copyOf(notSelected);
        fresh = List.copyOf(fresh);
        modeChanged = List.copyOf(modeChanged);
    }

    /** The summary of a report of a run that selected every benchmark. */
    public static GateSummary of(GateReport report) {
        return of(report, BenchmarkSelection.ALL);
    }

    /** The summary of a report; baseline benchmarks outside {@code selection} count as not selected, not missing. */
    public static GateSummary of(GateReport report, BenchmarkSelection selection) {
        List<BenchmarkComparison> compared = new ArrayList<>();
        List<BenchmarkKey> missing = new ArrayList<>();
        List<BenchmarkKey> notSelected = new ArrayList<>();
        List<BenchmarkKey> fresh = new ArrayList<>();
        List<BenchmarkKey> modeChanged = new ArrayList<>();
        for (BenchmarkComparison c : report.comparisons()) {
            switch (c.verdict()) {
                case MISSING -> (selection.selects(c.key()) ? missing : notSelected).add(c.key());
                case NEW -> fresh.add(c.key());
                case MODE_CHANGED -> modeChanged.add(c.key());
                default -> compared.add(c);
            }
        }
        return new GateSummary(compared, missing, notSelected, fresh, modeChanged);
    }

    /** How many compared benchmarks had this verdict. */
    public int count(Verdict verdict) {
        return (int) compared.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** True when every benchmark of the baseline that the run selected was compared. */
    public boolean comparedAllSelected() {
        return missing.isEmpty() && modeChanged.isEmpty();
    }

    /**
     * The whole sentence: {@code 3 compared benchmarks (1 regressed, 2 unchanged); 9,997 in the baseline not run
     * (first 5: ...); 1 new; 1 mode changed (not compared)}.
     */
    public String sentence() {
        String rest = notCompared();
        return comparedPhrase() + (rest.isEmpty() ? "" : "; " + rest);
    }

    /** {@code 3 compared benchmarks (1 regressed, 2 unchanged)}; {@code 0 compared benchmarks} when none was. */
    public String comparedPhrase() {
        List<String> parts = new ArrayList<>();
        for (Verdict verdict : COMPARED) {
            int n = count(verdict);
            if (n > 0) {
                parts.add(number(n) + " " + verdict.label());
            }
        }
        return number(compared.size()) + (compared.size() == 1 ? " compared benchmark" : " compared benchmarks")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    /**
     * What was not compared: {@code 9,997 in the baseline not run (first 5: a, b, c, d, e); 12 in the baseline not
     * selected; 1 new; 1 mode changed (not compared)}; empty when everything was.
     */
    public String notCompared() {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add(number(missing.size()) + " in the baseline not run (" + named(missing) + ")");
        }
        if (!notSelected.isEmpty()) {
            parts.add(number(notSelected.size()) + " in the baseline not selected by include/exclude");
        }
        if (!fresh.isEmpty()) {
            parts.add(number(fresh.size()) + " new");
        }
        if (!modeChanged.isEmpty()) {
            parts.add(number(modeChanged.size()) + " mode changed (not compared: " + named(modeChanged) + ")");
        }
        return String.join("; ", parts);
    }

    /** {@code a, b} when there are at most {@link #NAMED}, else {@code first 5: a, b, c, d, e}. */
    public static String named(List<BenchmarkKey> keys) {
        List<String> names = keys.stream().limit(NAMED).map(BenchmarkKey::displayName).toList();
        return (keys.size() > NAMED ? "first " + NAMED + ": " : "") + String.join(", ", names);
    }

    /** {@code 9,997}: grouped digits, the same in every locale. */
    static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
