package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.RegressionGate;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    private final ReportData data = ReportFixtures.sample();
    private final String md = MarkdownReport.render(data);
    private final List<String> lines = md.lines().toList();

    @TempDir
    Path dir;

    @Test
    void theFirstLineIsTheHeadlineWithTheStatusWordAndTheCountsMostUrgentFirst() {
        assertThat(lines.get(0)).isEqualTo("**perfgate FAILED: 1 regression, 1 allocation regression, 1 claim not met, 1 inconclusive, "
                + "1 missing, 1 mode changed, 1 claim met, 1 improved, 1 new, 4 unchanged**");
    }

    @Test
    void aReportWithoutRegressionsOrMissedClaimsPasses() {
        GateReport report = new RegressionGate(new HierarchicalBootstrap(), new GateSettings(0.10, List.of(), 0.99))
                .compare(new io.github.perfgate.model.Baseline("2026-11-20T08:00:00Z", "", ReportFixtures.CURRENT_ENV,
                        List.of(ReportFixtures.result("a.B.m", Mode.AVERAGE_TIME, "ns/op", ReportFixtures.around(10)))),
                        List.of(ReportFixtures.result("a.B.m", Mode.AVERAGE_TIME, "ns/op", ReportFixtures.around(10))),
                        ReportFixtures.CURRENT_ENV);
        String passed = MarkdownReport.render(ReportData.check(report, List.of(), ReportFixtures.CURRENT_ENV,
                ReportFixtures.CURRENT_ENV, "demo", ReportFixtures.GENERATED, List.of()));

        assertThat(passed.lines().findFirst()).contains("**perfgate PASSED: 1 unchanged**");
        assertThat(passed).doesNotContain("**Claims**", "different environment", "Notes:");
    }

    @Test
    void theVerdictTableUsesTheFiguresOfDescribeAndListsWhatNeedsALookFirst() {
        int header = lines.indexOf("| Benchmark | Mode | Baseline | Current | Change | 99% CI | Verdict |");
        assertThat(header).isPositive();
        assertThat(lines.get(header + 1)).isEqualTo("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        assertThat(lines.get(header + 2)).isEqualTo("| `acme.parser.ParserBench.parse[size=10]` | avgt | 200 us/op "
                + "| 290 us/op | +45.0% | " + ci(ReportFixtures.find(data.report(), ReportFixtures.REGRESSED, "10"))
                + " | **regressed** |");
        assertThat(lines.get(header + 3)).isEqualTo("| `acme.parser.BufferBench.copy` | avgt | 30.0 ns/op | 30.3 ns/op "
                + "| +1.0% | " + ci(ReportFixtures.ALLOCATES) + " | **allocates more** (allocation 48.0 -\\> 120 B/op (+150.0%), beyond the 10%"
                + " allocation tolerance) |");
        assertThat(lines.get(header + 4)).startsWith("| `acme.parser.CacheBench.lookup` | avgt | 100 ns/op | 112 ns/op "
                + "| +12.4% | " + ci(ReportFixtures.INCONCLUSIVE) + " | inconclusive |");
        assertThat(lines.get(header + 5)).isEqualTo("| `acme.parser.OldBench.retired` | avgt | 10.0 ns/op | - | - | - "
                + "| missing (in the baseline but not run) |");
        assertThat(lines.get(header + 6)).contains("`acme.parser.SwitchBench.run`", "mode changed (baseline mode thrpt");
        assertThat(lines.get(header + 7)).contains("`acme.parser.LexerBench.tokenize` | thrpt | 1000 ops/s | 1600 ops/s"
                + " | -37.5%", "| improved |");
        assertThat(lines.get(header + 8)).contains("`acme.parser.NewBench.fresh`", "| - | 7.00 ns/op |",
                "new (not in the baseline)");
        assertThat(lines.get(header + 9)).isEmpty();
    }

    @Test
    void unchangedBenchmarksAreFoldedAwayAndAnOddToleranceIsNoted() {
        int details = lines.indexOf("<details><summary>4 unchanged</summary>");
        int end = lines.indexOf("</details>");
        assertThat(details).isPositive();
        List<String> folded = lines.subList(details, end);
        assertThat(folded).filteredOn(l -> l.startsWith("| `")).hasSize(4).allMatch(l -> l.contains("unchanged"));
        assertThat(folded).anyMatch(l -> l.startsWith("| `acme.parser.SlowBench.io` | sample | 3.00 ms/op | 3.30 ms/op |"
                + " +10.0% | " + ci("acme.parser.SlowBench.io") + " | unchanged (tolerance 25%) |"));
        assertThat(lines.get(2)).contains("99% confidence intervals; tolerance 10% unless noted.");
    }

    @Test
    void theClaimsTableShowsTargetsTimeSavedAndStatus() {
        int header = lines.indexOf("| Claim | Benchmark | Target | Improvement | 99% CI | Status | Details |");
        assertThat(header).isPositive();
        assertThat(lines.get(header + 2)).startsWith("| `LexerBench.tokenize` | `acme.parser.LexerBench.tokenize` thrpt"
                + " | 20% | +37.5% | " + ReportText.improvementInterval(data.claims().get(0))
                + " | met | acme.parser.LexerBench.tokenize met its claim");
        assertThat(lines.get(header + 3)).startsWith("| `WriterBench.write` | `acme.parser.WriterBench.write` avgt | 25%"
                + " | +4.0% | " + ReportText.improvementInterval(data.claims().get(1)) + " | **missed** |");
    }

    @Test
    void environmentDifferencesNotesAndEnvironmentAreStated() {
        assertThat(md).contains("**The baseline was recorded on a different environment** (JDK 17.0.15 -\\> "
                + "21.0.5); that alone can explain a change.");
        assertThat(data.report().drift().describe()).startsWith("machine speed matches the baseline's");
        assertThat(md).contains("Machine drift: " + MarkdownReport.text(data.report().drift().describe()) + ".\n");
        assertThat(md).contains("Notes:\n\n- re-measured 2 benchmarks\n- ran with perfgate.include=acme.parser"
                + ".\\*\n");
        assertThat(lines.get(lines.size() - 1)).startsWith("Environment: JDK 21.0.5 (OpenJDK 64-Bit Server VM")
                .endsWith("8 CPUs, JMH 1.37.");
    }

    @Test
    void hostileNamesStayInsideOneCodeSpanAndOneCell() {
        String row = lines.stream().filter(l -> l.contains("Escape")).findFirst().orElseThrow();

        assertThat(row).startsWith("| ``acme.parser.Escape&\"Bench.run[payload=<script>alert(1)</script>,"
                + "sep=a\\|b*c_`d`]`` | avgt |");
        assertThat(cells(row)).hasSize(7);
        assertThat(outsideCodeSpans(md)).doesNotContain("<script").doesNotContain("a|b");
    }

    @Test
    void textEscapesEveryMarkdownSpecialAndCodeSpansOutgrowTheirBackticks() {
        assertThat(MarkdownReport.text("see <b>*x*</b> | [y](z) _w_ `v` & ~~s~~ $m$ # !"))
                .isEqualTo("see \\<b\\>\\*x\\*\\</b\\> \\| \\[y\\](z) \\_w\\_ \\`v\\` \\& \\~\\~s\\~\\~ \\$m\\$ \\# \\!");
        assertThat(MarkdownReport.text("two\nlines")).isEqualTo("two lines");
        assertThat(MarkdownReport.cellCode("a.B.m")).isEqualTo("`a.B.m`");
        assertThat(MarkdownReport.cellCode("x``y")).isEqualTo("```x``y```");
        assertThat(MarkdownReport.cellCode("`x")).isEqualTo("`` `x ``");
        assertThat(MarkdownReport.cellCode("a|b")).isEqualTo("`a\\|b`");
    }

    @Test
    void aReportThatComparedNothingHasNoTables() {
        String none = MarkdownReport.render(ReportFixtures.empty());
        assertThat(none).startsWith("**perfgate PASSED: no benchmarks compared**\n\nempty, 2026-11-23T10:15:30Z. "
                + "Change is time per operation (positive = slower), with 99% confidence intervals.\n\n");
        assertThat(none).doesNotContain("| Benchmark", "<details>");
    }

    @Test
    void anUnestimableChangeShowsDashesAndItsReason() {
        String extreme = MarkdownReport.render(ReportFixtures.extremes());
        assertThat(extreme).contains("| `x.One.fork` | avgt | 5.00 ns/op | 5.00 ns/op | - | - | inconclusive "
                + "(only one fork) |");
        assertThat(extreme).contains("| Benchmark | Mode | Baseline | Current | Change | 95% CI | Verdict |",
                "| `x.Slow.down` | avgt | 4.00 ns/op | 1.00 us/op | +24900.0% | +23900.0%..+25900.0% | **regressed** |");
    }

    @Test
    void aRecordingListsWhatWasMeasured() {
        String recorded = MarkdownReport.render(ReportFixtures.recording());
        List<String> rec = recorded.lines().toList();

        assertThat(rec.get(0)).isEqualTo("**perfgate RECORDED: 10 benchmarks recorded**");
        assertThat(recorded).contains("Recorded as the new baseline; nothing was compared.",
                "| Benchmark | Mode | Score | Error | Samples |",
                "| `acme.parser.LexerBench.tokenize` | thrpt | 1600 ops/s | ± 32.0 | 15 (3 forks) |",
                "**The previous baseline was recorded on a different environment** (JDK 17.0.15");
        assertThat(rec).filteredOn(l -> l.startsWith("| `")).hasSize(10);
    }

    @Test
    void theStepSummaryIsAppendedOnlyWhenGitHubNamesAFile() throws IOException {
        Path summary = dir.resolve("step_summary.md");
        Files.writeString(summary, "earlier step\n");

        assertThat(MarkdownReport.appendToGitHubStepSummary(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), md))
                .isTrue();
        assertThat(MarkdownReport.appendToGitHubStepSummary(Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
                "**second**")).isTrue();
        assertThat(Files.readString(summary)).isEqualTo("earlier step\n" + md + "\n**second**\n\n");

        assertThat(MarkdownReport.appendToGitHubStepSummary(Map.of(), md)).isFalse();
        assertThat(MarkdownReport.appendToGitHubStepSummary(Map.of("GITHUB_STEP_SUMMARY", " "), md)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(summary);
        }
    }

    /** The interval of a comparison's change as Describe prints it (the figures come from the estimator). */
    private String ci(String name) {
        return ci(ReportFixtures.find(data.report(), name));
    }

    private static String ci(io.github.perfgate.gate.BenchmarkComparison c) {
        return io.github.perfgate.gate.Describe.interval(c.estimate());
    }

    /** The cells of a GitHub table row: split at pipes that are not escaped. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.length() - 1);
        return List.of(inner.split("(?<!\\\\)\\|"));
    }

    private static String outsideCodeSpans(String markdown) {
        return markdown.replaceAll("(`+)[^`].*?\\1", "");
    }
}
