package io.github.perfgate.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimEvaluator;
import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.ChangeEstimate;
import io.github.perfgate.surefire.TestSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final TestSummary PASSED = new TestSummary(12, 0, 0, 0, List.of(), 3, List.of());

    /** An avgt comparison: baseline 212 us/op, now {@code 212 * ratio} us/op, with the given interval. */
    static BenchmarkComparison compared(BenchmarkKey key, double ratio, double lowerRatio, double upperRatio) {
        double[][] base = {{212, 212, 212}, {212, 212, 212}};
        double[][] now = {{212 * ratio, 212 * ratio, 212 * ratio}, {212 * ratio, 212 * ratio, 212 * ratio}};
        ChangeEstimate e = new ChangeEstimate(212e-6, 212e-6 * ratio, ratio, lowerRatio, upperRatio, 0.99, true, "");
        return new BenchmarkComparison(key, RegressionGate.decide(e, 0.10),
                new BenchmarkResult(key, new Metric(212, 1, 211, 213, "us/op", base), null),
                new BenchmarkResult(key, new Metric(212 * ratio, 1, 0, 0, "us/op", now), null), e, 0.10, "");
    }

    static ClaimResult met(String claims, String reason, BenchmarkComparison c) {
        var claim = ClaimParser.parse(claims).get(0);
        claim = new io.github.perfgate.gate.Claim(claim.pattern(), claim.target(), reason);
        List<ClaimResult> results = new ClaimEvaluator().evaluate(List.of(claim),
                new GateReport(List.of(c), List.of(), 0.99), PASSED, false);
        assertThat(results).singleElement().satisfies(r -> assertThat(r.met()).as(r.message()).isTrue());
        return results.get(0);
    }

    static ClaimResult parserMet(String reason) {
        return met("ParserBench.parse>=20%", reason, compared(BenchmarkKey.of("acme.ParserBench.parse",
                Mode.AVERAGE_TIME), 0.727, 0.698, 0.759));
    }

    @Test
    void anEntryRecordsTheFiguresOfAMetClaim() {
        JournalEntry entry = JournalEntry.of(parserMet("Replaced the regex tokenizer with a hand-written scanner"),
                DAY, "4f2c1e0d9b8a");

        assertThat(entry.title()).isEqualTo("Performance: 27% faster in ParserBench.parse");
        assertThat(entry.toMarkdown()).isEqualTo("""
                ## Performance: 27% faster in ParserBench.parse

                - Date: 2026-11-23
                - Commit: 4f2c1e0d9b8a
                - Benchmark: acme.ParserBench.parse (avgt)
                - Baseline: 212 us/op
                - Now: 154 us/op (change in time per operation -30.2%..-24.1%, 99% CI)
                - Improvement: 27.3% less time per operation (99% CI 24.1%..30.2%)
                - Target: 20%
                - Reason: Replaced the regex tokenizer with a hand-written scanner
                """);
    }

    @Test
    void theTitleRoundsDownSoItNeverOverstates() {
        assertThat(JournalEntry.wholePercent(0.279)).isEqualTo("27%");
        assertThat(JournalEntry.wholePercent(0.2)).isEqualTo("20%");
        assertThat(JournalEntry.wholePercent(1 - 1 / 1.25)).isEqualTo("20%");
        assertThat(JournalEntry.wholePercent(0.5)).isEqualTo("50%");
    }

    @Test
    void aWildcardClaimIsTitledWithTheMatchedClassAndMethodAndItsParameters() {
        BenchmarkKey key = new BenchmarkKey("acme.json.JsonBench.write", new TreeMap<>(Map.of("size", "10")),
                Mode.THROUGHPUT);
        JournalEntry entry = JournalEntry.of(met("Json*.wr*>=30%", "", compared(key, 0.6, 0.55, 0.65)), DAY, "");

        assertThat(entry.title()).isEqualTo("Performance: 40% faster in JsonBench.write[size=10]");
        assertThat(entry.toMarkdown()).contains("- Benchmark: acme.json.JsonBench.write[size=10] (thrpt)\n")
                .contains("- Commit: unknown\n").contains("- Target: 30%\n").endsWith("- Reason: none given\n");
    }

    @Test
    void markdownInAReasonIsKeptAndLineBreaksBecomeSpaces() {
        String reason = "Use `char[]` instead of *String* & <b>cache</b> the _hot_ [table](x.md) | 100% \\o/\n"
                + "    ## not a heading\r\n  second line";
        JournalEntry entry = JournalEntry.of(parserMet(reason), DAY, "abc");

        assertThat(entry.toMarkdown()).endsWith("- Reason: Use `char[]` instead of *String* & <b>cache</b> the _hot_"
                + " [table](x.md) | 100% \\o/ ## not a heading second line\n");
        assertThat(entry.reason()).isEqualTo(reason.strip());
    }

    @Test
    void onlyMetClaimsMakeEntries() {
        ClaimResult missed = new ClaimEvaluator().evaluate(ClaimParser.parse("ParserBench.parse>=50%"),
                new GateReport(List.of(compared(BenchmarkKey.of("acme.ParserBench.parse", Mode.AVERAGE_TIME), 0.727,
                        0.698, 0.759)), List.of(), 0.99), PASSED, false).get(0);

        assertThatThrownBy(() -> JournalEntry.of(missed, DAY, "abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Only a met claim goes into the journal; the claim on ParserBench.parse is MISSED");
    }

    /** The parser comparison of {@link #parserMet}, with allocation 23 -> 20,019 B/op and the given verdict. */
    static BenchmarkComparison allocating(Verdict verdict) {
        BenchmarkComparison c = compared(BenchmarkKey.of("acme.ParserBench.parse", Mode.AVERAGE_TIME), 0.727, 0.698,
                0.759);
        ChangeEstimate allocation = new ChangeEstimate(23, 20_019, 20_019 / 23.0, 860, 880, 0.99, true, "");
        return new BenchmarkComparison(c.key(), verdict, c.baseline(), c.current(), c.estimate(), c.tolerance(),
                "allocation grew", allocation);
    }

    @Test
    void anAcceptedAllocationTradeOffIsRecordedBeforeAndAfter() {
        JournalEntry entry = JournalEntry.of(met("ParserBench.parse>=20%", "A lookup table per call",
                allocating(Verdict.ALLOCATION_REGRESSED)), DAY, "abc");

        assertThat(entry.allocation()).isEqualTo("23.0 -> 20,019 B/op (+86939.1%)");
        assertThat(entry.toMarkdown()).contains("- Target: 20%\n- Allocation: 23.0 -> 20,019 B/op (+86939.1%), beyond"
                + " the allocation tolerance, accepted as the price of the speed-up\n- Reason: A lookup table per call\n");
    }

    @Test
    void allocationWithinItsToleranceIsNotRecorded() {
        JournalEntry entry = JournalEntry.of(met("ParserBench.parse>=20%", "", allocating(Verdict.IMPROVED)), DAY,
                "abc");

        assertThat(entry.allocation()).isEmpty();
        assertThat(entry.toMarkdown()).doesNotContain("Allocation");
    }
}
