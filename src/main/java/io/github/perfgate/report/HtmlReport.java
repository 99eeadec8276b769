package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code report.html}: one self-contained page to open from the build directory or a CI artifact. Styles are
 * inline, the chart is inline SVG ({@link HtmlChart}), there is no JavaScript and nothing is loaded from the network;
 * a Content-Security-Policy forbids both, as a second guard behind the escaping of every name and value. The
 * markup is also well-formed XML (void elements self-closed), which lets the tests parse all of it.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: #1f2328; background: #ffffff; margin: 24px auto; max-width: 1160px; padding: 0 16px; }
            h1 { font-size: 22px; margin: 0 0 6px; }
            h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; }
            p { margin: 6px 0; }
            .headline { font-size: 16px; }
            .status { display: inline-block; padding: 1px 10px; border-radius: 12px; color: #ffffff; font-weight: 700;
                      font-size: 13px; letter-spacing: .04em; margin-right: 6px; }
            .status-passed { background: #2e7d32; } .status-failed { background: #c62828; }
            .status-recorded { background: #1f5fbf; }
            .muted { color: #57606a; }
            .warning { border-left: 4px solid #a15c00; background: #fff8e6; padding: 8px 12px; margin: 12px 0; }
            .chart { overflow-x: auto; }
            .chart svg { display: block; max-width: 100%; height: auto; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { padding: 5px 8px; border-bottom: 1px solid #d8dee4; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
                   overflow-wrap: break-word; }
            .params { display: block; color: #57606a; font-size: 12px; overflow-wrap: anywhere; }
            .why { display: block; color: #57606a; font-size: 12px; }
            .verdict { font-weight: 600; white-space: nowrap; }
            tr.row > td:first-child { border-left: 4px solid transparent; }
            /* verdict colours */
            tr.differs td { background: #fff8e6; }
            footer { margin-top: 32px; color: #57606a; font-size: 12px; }
            """;

    private HtmlReport() {
    }

    public static String render(ReportData data) {
        StringBuilder h = new StringBuilder(16_384);
        String status = data.status().name();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; img-src data:\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>perfgate ").append(status).append(": ").append(Html.escape(data.title()))
                .append("</title>\n<style>\n").append(style()).append("</style>\n</head>\n<body>\n");
        h.append("<h1>perfgate report: ").append(Html.escape(data.title())).append("</h1>\n");
        h.append("<p class=\"headline\"><span class=\"status status-").append(status.toLowerCase(Locale.ROOT))
                .append("\">").append(status).append("</span> ").append(Html.escape(data.summary())).append("</p>\n");
        if (data.compared()) {
            comparison(h, data);
        } else {
            recording(h, data);
        }
        environment(h, data);
        h.append(HtmlTrend.MARKER).append('\n'); // the history goal puts the trend section here
        h.append("<footer>Written by perfgate on ").append(Html.escape(data.generated().toString()))
                .append(". This page is self-contained: no scripts, no network.</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String style() {
        StringBuilder verdicts = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            String name = Html.cssName(v);
            String colour = Html.colour(v);
            verdicts.append("tr.").append(name).append(" > td:first-child { border-left-color: ").append(colour)
                    .append("; } .verdict.").append(name).append(" { color: ").append(colour).append("; }\n");
        }
        return STYLE.replace("/* verdict colours */", verdicts.toString().strip());
    }

    private static void comparison(StringBuilder h, ReportData data) {
        GateReport report = data.report();
        String ci = Percent.format(report.confidence()) + " CI";
        h.append("<p class=\"muted\">Generated ").append(Html.escape(data.generated().toString()))
                .append(". Change is the change in time per operation for every JMH mode (positive = slower), with ")
                .append(Percent.format(report.confidence()))
                .append(" confidence intervals over ").append(Html.escape(report.intervalsOver())).append(".</p>\n");
        notes(h, data);
        List<String> differences = data.environmentDifferences();
        if (!differences.isEmpty()) {
            h.append("<p class=\"warning\"><strong>The baseline was recorded on a different environment:</strong> ")
                    .append(Html.escape(String.join("; ", differences)))
                    .append(". That alone can explain a change; record the baseline on the machine that checks.</p>\n");
        }
        report.driftIfAny().ifPresent(d -> h.append(d.noteworthy() ? "<p class=\"warning\">"
                : "<p class=\"muted\">").append("<strong>Machine drift:</strong> ").append(Html.escape(d.describe()))
                .append(".</p>\n"));
        List<BenchmarkComparison> ordered = ReportText.byUrgency(report.comparisons());
        boolean allocation = ordered.stream().anyMatch(c -> c.allocation() != null);
        if (!ordered.isEmpty()) {
            h.append("<h2>Changes</h2>\n<div class=\"chart\">\n")
                    .append(HtmlChart.svg(ordered, data.claims(), report.confidence())).append("\n</div>\n");
        }
        h.append("<h2>Benchmarks</h2>\n");
        if (ordered.isEmpty()) {
            h.append("<p>No benchmarks were compared.</p>\n");
        } else {
            h.append("<table>\n<thead><tr><th>Benchmark</th><th>Mode</th><th class=\"num\">Baseline</th>"
                    + "<th class=\"num\">Current</th><th class=\"num\">Change</th><th class=\"num\">").append(ci)
                    .append("</th><th class=\"num\">Tolerance</th>")
                    .append(allocation ? "<th class=\"num\">Allocation</th>" : "")
                    .append("<th>Verdict</th></tr></thead>\n<tbody>\n");
            for (BenchmarkComparison c : ordered) {
                boolean numbers = ReportText.hasNumbers(c);
                h.append("<tr class=\"row ").append(Html.cssName(c.verdict())).append("\">");
                h.append("<td>").append(benchmark(c.key())).append("</td>");
                h.append("<td>").append(Html.escape(c.key().mode().shortName())).append("</td>");
                num(h, c.baseline() == null ? "-" : Describe.baselineScore(c));
                num(h, c.current() == null ? "-" : Describe.currentScore(c));
                num(h, numbers ? Percent.signed(c.estimate().change()) : "-");
                num(h, numbers ? Describe.interval(c.estimate()) : "-");
                num(h, Percent.format(c.tolerance()));
                if (allocation) {
                    h.append("<td class=\"num\">").append(allocation(c.allocation())).append("</td>");
                }
                h.append("<td><span class=\"verdict ").append(Html.cssName(c.verdict())).append("\">")
                        .append(Html.escape(Describe.verdictLabel(c))).append("</span>");
                String why = Describe.otherFigure(c) + (c.reason().isEmpty() || Describe.otherFigure(c).isEmpty()
                        ? "" : "; ") + c.reason();
                if (!why.isEmpty()) {
                    h.append("<span class=\"why\">").append(Html.escape(why)).append("</span>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        claims(h, data.claims(), ci);
    }

    /**
     * The allocation cell: bytes per operation before and after with the change below ({@code 48.0 → 96.0 B/op},
     * {@code +100.0%}), or {@code 48.0 B/op} when both read the same; {@code -} without figures.
     */
    private static String allocation(ChangeEstimate a) {
        if (a == null) {
            return "-";
        }
        if (Describe.number(a.baselineLocation()).equals(Describe.number(a.currentLocation()))) {
            return Html.escape(Describe.number(a.currentLocation()) + " B/op");
        }
        String change = a.estimable() && Double.isFinite(a.change())
                ? "<span class=\"why\">" + Html.escape(Percent.signed(a.change())) + "</span>" : "";
        return Html.escape(Describe.number(a.baselineLocation()) + " \u2192 " + Describe.number(a.currentLocation())
                + " B/op") + change;
    }

    private static void claims(StringBuilder h, List<ClaimResult> claims, String ci) {
        h.append("<h2>Claims</h2>\n");
        if (claims.isEmpty()) {
            h.append("<p>No optimisation was claimed in this build.</p>\n");
            return;
        }
        h.append("<p class=\"muted\">A claim is met when the time saved per operation reaches the target and its "
                + "interval shows the saving is real.</p>\n");
        h.append("<table>\n<thead><tr><th>Claim</th><th>Benchmark</th><th class=\"num\">Target</th>"
                + "<th class=\"num\">Time saved</th><th class=\"num\">").append(ci)
                .append("</th><th>Status</th><th>Details</th></tr></thead>\n<tbody>\n");
        for (ClaimResult r : claims) {
            boolean numbers = ReportText.hasNumbers(r);
            String css = r.met() ? Html.cssName(Verdict.IMPROVED) : Html.cssName(Verdict.REGRESSED);
            h.append("<tr class=\"row ").append(css).append("\">");
            h.append("<td><code>").append(Html.breakable(r.claim().pattern().text())).append("</code></td>");
            h.append("<td>").append(r.comparison() == null ? "-" : benchmark(r.comparison().key())).append("</td>");
            num(h, Percent.format(r.claim().target()));
            num(h, numbers ? Percent.signed(r.improvement()) : "-");
            num(h, numbers ? ReportText.improvementInterval(r) : "-");
            h.append("<td><span class=\"verdict ").append(css).append("\">")
                    .append(Html.escape(ReportText.statusLabel(r.status()))).append("</span></td>");
            h.append("<td>").append(Html.escape(r.message()));
            if (!r.claim().reason().isEmpty()) {
                h.append("<span class=\"why\">Why it should be faster: ").append(Html.escape(r.claim().reason()))
                        .append("</span>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void recording(StringBuilder h, ReportData data) {
        h.append("<p class=\"muted\">Generated ").append(Html.escape(data.generated().toString()))
                .append(". These measurements were recorded as the new baseline; nothing was compared.</p>\n");
        notes(h, data);
        List<String> differences = data.environmentDifferences();
        if (!differences.isEmpty()) {
            h.append("<p class=\"warning\"><strong>The previous baseline was recorded on a different environment:"
                    + "</strong> ").append(Html.escape(String.join("; ", differences))).append(".</p>\n");
        }
        h.append("<h2>Recorded benchmarks</h2>\n");
        if (data.measured().isEmpty()) {
            h.append("<p>No benchmarks were measured.</p>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>Benchmark</th><th>Mode</th><th class=\"num\">Score</th>"
                + "<th class=\"num\">Error</th><th class=\"num\">Samples</th><th class=\"num\">Allocation</th></tr>"
                + "</thead>\n<tbody>\n");
        for (BenchmarkResult result : data.measured().stream().sorted(Comparator.comparing(BenchmarkResult::key))
                .toList()) {
            Metric m = result.primary();
            h.append("<tr class=\"row\"><td>").append(benchmark(result.key())).append("</td><td>")
                    .append(Html.escape(result.key().mode().shortName())).append("</td>");
            num(h, Describe.number(m.score()) + " " + m.unit());
            num(h, Double.isFinite(m.scoreError()) ? "\u00b1 " + Describe.number(m.scoreError()) : "-");
            num(h, MarkdownReport.samples(m));
            num(h, result.allocationMetric().map(a -> Describe.number(a.score()) + " " + a.unit()).orElse("-"));
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void notes(StringBuilder h, ReportData data) {
        if (data.notes().isEmpty()) {
            return;
        }
        h.append("<ul class=\"notes\">\n");
        for (String note : data.notes()) {
            h.append("<li>").append(Html.escape(note)).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void environment(StringBuilder h, ReportData data) {
        Environment now = data.environment();
        Environment base = data.baselineEnvironment();
        h.append("<h2>Environment</h2>\n<table class=\"environment\">\n<thead><tr><th>Property</th>");
        if (base != null) {
            h.append("<th>Baseline</th>");
        }
        h.append("<th>This run</th>").append(base != null ? "<th></th>" : "").append("</tr></thead>\n<tbody>\n");
        environmentRow(h, "JDK", base, now, Environment::jdkVersion);
        environmentRow(h, "VM", base, now, e -> (e.vmName() + " " + e.vmVersion()).trim());
        environmentRow(h, "JMH", base, now, Environment::jmhVersion);
        environmentRow(h, "OS", base, now, e -> (e.osName() + " " + e.osVersion() + " " + e.osArch()).trim());
        environmentRow(h, "CPU", base, now, Environment::cpuModel);
        environmentRow(h, "CPU count", base, now, e -> e.cpuCount() > 0 ? String.valueOf(e.cpuCount()) : "");
        h.append("</tbody>\n</table>\n");
    }

    private static void environmentRow(StringBuilder h, String what, Environment base, Environment now,
            Function<Environment, String> value) {
        String current = value.apply(now);
        boolean differs = base != null && !Objects.equals(value.apply(base), current);
        h.append(differs ? "<tr class=\"differs\">" : "<tr>").append("<th>").append(what).append("</th>");
        if (base != null) {
            h.append("<td>").append(Html.escape(value.apply(base))).append("</td>");
        }
        h.append("<td>").append(Html.escape(current)).append("</td>");
        if (base != null) {
            h.append("<td>").append(differs ? "<strong>differs</strong>" : "").append("</td>");
        }
        h.append("</tr>\n");
    }

    private static String benchmark(BenchmarkKey key) {
        StringBuilder cell = new StringBuilder("<code>").append(Html.breakable(key.name())).append("</code>");
        if (!key.params().isEmpty()) {
            cell.append("<span class=\"params\">").append(Html.escape(ReportText.params(key))).append("</span>");
        }
        return cell.toString();
    }

    private static void num(StringBuilder h, String value) {
        h.append("<td class=\"num\">").append(Html.escape(value)).append("</td>");
    }
}
