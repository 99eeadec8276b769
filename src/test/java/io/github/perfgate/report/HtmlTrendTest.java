package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.history.HistoryEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTrendTest {

    private static HistoryEntry entry(String date, Double estimate) {
        return new HistoryEntry("0123456789abcdef", date, "B.x", "com.example.B.x", Map.of(), "avgt", "us/op",
                estimate, estimate == null ? null : estimate - 0.1, estimate == null ? null : estimate + 0.1, 1.0,
                0.0, null, null, "UNCHANGED");
    }

    @Test
    void oneSparklinePerBenchmarkWithAPointPerCheck() {
        Map<String, List<HistoryEntry>> trends = Map.of("B.x [avgt]", List.of(entry("2026-12-01T00:00:00Z", 1.0),
                entry("2026-12-02T00:00:00Z", 2.0), entry("2026-12-03T00:00:00Z", 3.0)));
        String html = HtmlTrend.section(trends);
        assertThat(html).contains("<section id=\"trend\">", "<svg class=\"sparkline\" id=\"trend-0\"",
                "aria-label=\"trend of B.x [avgt]\"", "<td>1.000 us/op</td><td>3.000 us/op</td>");
        assertThat(html.split("<circle", -1)).hasSize(4);
        assertThat(html.split("class=\"interval\"", -1)).hasSize(4);
        // Rising estimates: the first point low (largest y), the last high; the intervals widen the scale.
        assertThat(html).contains("points=\"4.0,34.5 120.0,20.0 236.0,5.5\"");
        assertThat(html).contains("<title>2026-12-03T00:00:00Z 0123456789: 3.000 us/op (UNCHANGED)</title>");
    }

    @Test
    void anEntryWithoutAnEstimateDrawsNoPointAndAFlatTrendStaysInside() {
        String svg = HtmlTrend.sparkline("t", "B.x", List.of(entry("d1", 2.0), entry("d2", null), entry("d3", 2.0)));
        assertThat(svg.split("<circle", -1)).hasSize(3);
        assertThat(svg).doesNotContain("NaN", "Infinity");
    }

    @Test
    void theReportLeavesTheMarkerAndInsertReplacesIt() {
        String page = "<body>\n" + HtmlTrend.MARKER + "\n<footer>";
        String done = HtmlTrend.insert(page, Map.of("B.x [avgt]", List.of(entry("d", 1.0))));
        assertThat(done).doesNotContain(HtmlTrend.MARKER).contains("id=\"trend-0\"");
    }
}
