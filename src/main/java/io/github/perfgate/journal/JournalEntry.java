package io.github.perfgate.journal;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.stats.ChangeEstimate;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One accepted optimisation, as the journal records it.
 *
 * @param title e.g. {@code Performance: 27% faster in ParserBench.parse}
 * @param date the day the claim was accepted
 * @param commit the commit the measurement was taken at; empty when unknown
 * @param benchmark the benchmark with its parameters and mode, e.g. {@code acme.ParserBench.parse[size=10] (avgt)}
 * @param baseline the baseline's figure, e.g. {@code 212 us/op}
 * @param current the new figure, e.g. {@code 154 us/op}
 * @param change the interval of the change in time per operation, e.g. {@code -30.2%..-24.1%}
 * @param improvement time saved per operation, a fraction
 * @param lowerImprovement lower end of the improvement's interval
 * @param upperImprovement upper end of the improvement's interval
 * @param confidence the confidence level of the intervals, e.g. 0.99
 * @param target the claimed improvement, a fraction
 * @param reason why the change is faster, as the claim gave it; may be empty
 * @param allocation the allocation per operation the optimisation trades for its speed, old and new, e.g.
 *     {@code 22.9 -> 20,019 B/op (+87320.5%)}; empty unless its growth was beyond the allocation tolerance
 */
public record JournalEntry(String title, LocalDate date, String commit, String benchmark, String baseline,
        String current, String change, double improvement, double lowerImprovement, double upperImprovement,
        double confidence, double target, String reason, String allocation) {

    public JournalEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        commit = commit == null ? "" : commit.trim();
        reason = reason == null ? "" : reason;
        allocation = allocation == null ? "" : allocation;
    }

    /** An entry without an allocation trade-off. */
    public JournalEntry(String title, LocalDate date, String commit, String benchmark, String baseline,
            String current, String change, double improvement, double lowerImprovement, double upperImprovement,
            double confidence, double target, String reason) {
        this(title, date, commit, benchmark, baseline, current, change, improvement, lowerImprovement,
                upperImprovement, confidence, target, reason, "");
    }

    /**
     * The entry for a met claim. When the claimed benchmark also allocates more than its allocation tolerance
     * allows (accepted as a trade-off), the entry records the allocation before and after.
     *
     * @param met a result whose status is {@link ClaimResult.Status#MET}
     * @param date the day it was accepted
     * @param commit the commit it was measured at (e.g. {@code GitInfo.headCommit}); empty or null when unknown
     * @throws IllegalArgumentException for a claim that was not met
     */
    public static JournalEntry of(ClaimResult met, LocalDate date, String commit) {
        if (!met.met()) {
            throw new IllegalArgumentException("Only a met claim goes into the journal; the claim on "
                    + met.claim().pattern() + " is " + met.status());
        }
        BenchmarkComparison c = met.comparison();
        ChangeEstimate e = c.estimate();
        String title = "Performance: " + wholePercent(met.improvement()) + " faster in " + subject(met);
        return new JournalEntry(title, date, commit, c.key().toString(), Describe.baselineScore(c),
                Describe.currentScore(c), Describe.interval(e), met.improvement(), met.lowerImprovement(),
                met.upperImprovement(), e.confidence(), met.claim().target(), met.claim().reason(),
                c.verdict() == Verdict.ALLOCATION_REGRESSED && c.allocation() != null
                        ? Describe.allocationFigures(c.allocation()) : "");
    }

    /** What the title names: the claim as written, or for a wildcard the benchmark's {@code Class.method}. */
    private static String subject(ClaimResult met) {
        if (!met.claim().pattern().hasWildcard()) {
            return met.claim().pattern().text();
        }
        BenchmarkKey key = met.comparison().key();
        String[] parts = key.name().split("\\.");
        String simple = parts.length < 2 ? key.name() : parts[parts.length - 2] + "." + parts[parts.length - 1];
        String display = key.displayName();
        return simple + display.substring(key.name().length());
    }

    /** The improvement rounded down to a whole percent, so a title never overstates it: 0.273 -> {@code 27%}. */
    static String wholePercent(double fraction) {
        return (long) Math.floor(fraction * 100 + 1e-6) + "%";
    }

    /**
     * The entry in Markdown: a level-two heading and one bullet per fact (the allocation only for a trade-off),
     * ending with a newline. The reason is
     * kept as written, except that line breaks become spaces so it stays one bullet.
     */
    public String toMarkdown() {
        StringBuilder s = new StringBuilder();
        s.append("## ").append(title).append("\n\n");
        s.append("- Date: ").append(date).append('\n');
        s.append("- Commit: ").append(commit.isEmpty() ? "unknown" : commit).append('\n');
        s.append("- Benchmark: ").append(benchmark).append('\n');
        s.append("- Baseline: ").append(baseline).append('\n');
        s.append("- Now: ").append(current).append(" (change in time per operation ").append(change).append(", ")
                .append(Percent.format(confidence)).append(" CI)\n");
        s.append("- Improvement: ").append(figure(improvement)).append(" less time per operation (")
                .append(Percent.format(confidence)).append(" CI ").append(figure(lowerImprovement)).append("..")
                .append(figure(upperImprovement)).append(")\n");
        s.append("- Target: ").append(Percent.format(target)).append('\n');
        if (!allocation.isEmpty()) {
            s.append("- Allocation: ").append(allocation)
                    .append(", beyond the allocation tolerance, accepted as the price of the speed-up\n");
        }
        String oneLine = reason.strip().replaceAll("\\s*\\R\\s*", " ");
        s.append("- Reason: ").append(oneLine.isEmpty() ? "none given" : oneLine).append('\n');
        return s.toString();
    }

    private static String figure(double fraction) {
        String text = String.format(Locale.ROOT, "%.1f", fraction * 100);
        return (text.equals("-0.0") ? "0.0" : text) + "%";
    }
}
