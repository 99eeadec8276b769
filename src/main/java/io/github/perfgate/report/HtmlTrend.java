package io.github.perfgate.report;

import io.github.perfgate.history.HistoryEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trend section of {@code report.html}: per benchmark an inline SVG sparkline of its estimate over the last
 * entries of the history (this check included), the interval as a band where the entries have one. No script; the
 * page stays self-contained. {@link HtmlReport} leaves {@link #MARKER} where the section goes.
 */
public final class HtmlTrend {

    /** Where {@link HtmlReport} leaves room for the trend section. */
    public static final String MARKER = "<!-- perfgate:trend -->";

    static final int WIDTH = 240;
    static final int HEIGHT = 40;

    private HtmlTrend() {
    }

    /** {@code html} (a {@code report.html}) with the trend section at its {@link #MARKER}; unchanged without one. */
    public static String insert(String html, Map<String, List<HistoryEntry>> trends) {
        return html.replace(MARKER, section(trends));
    }

    /** The section: a heading, then per benchmark its name, the sparkline and the first and last estimates. */
    public static String section(Map<String, List<HistoryEntry>> trends) {
        StringBuilder h = new StringBuilder();
        h.append("<section id=\"trend\">\n<h2>Trend</h2>\n<table class=\"trend\">\n")
                .append("<tr><th>Benchmark</th><th>Last ").append(trends.values().stream().mapToInt(List::size)
                        .max().orElse(0)).append(" checks</th><th>First</th><th>Last</th></tr>\n");
        int index = 0;
        for (Map.Entry<String, List<HistoryEntry>> t : trends.entrySet()) {
            List<HistoryEntry> entries = t.getValue();
            HistoryEntry first = entries.get(0);
            HistoryEntry last = entries.get(entries.size() - 1);
            h.append("<tr><td>").append(Html.escape(t.getKey())).append("</td><td>")
                    .append(sparkline("trend-" + index++, t.getKey(), entries)).append("</td><td>")
                    .append(value(first)).append("</td><td>").append(value(last)).append("</td></tr>\n");
        }
        return h.append("</table>\n</section>\n").toString();
    }

    /** One sparkline: a polyline through the estimates, a dot per check, the intervals as a light band. */
    static String sparkline(String id, String title, List<HistoryEntry> entries) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (HistoryEntry e : entries) {
            for (Double v : new Double[] {e.estimate(), e.lower(), e.upper()}) {
                if (v != null && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"sparkline\" id=\"").append(id).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.escape("trend of " + title))
                .append("\">");
        if (min > max) {
            return s.append("</svg>").toString();
        }
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        StringBuilder band = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            HistoryEntry e = entries.get(i);
            double x = entries.size() == 1 ? WIDTH / 2.0 : 4 + i * (WIDTH - 8.0) / (entries.size() - 1);
            if (e.lower() != null && e.upper() != null) {
                band.append("<line class=\"interval\" x1=\"").append(f(x)).append("\" y1=\"")
                        .append(f(y(e.lower(), min, span))).append("\" x2=\"").append(f(x)).append("\" y2=\"")
                        .append(f(y(e.upper(), min, span))).append("\" stroke=\"#bbb\" stroke-width=\"3\"/>");
            }
            if (e.estimate() != null) {
                double y = y(e.estimate(), min, span);
                line.append(line.isEmpty() ? "" : " ").append(f(x)).append(',').append(f(y));
                dots.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y))
                        .append("\" r=\"2\" fill=\"#335\"><title>").append(Html.escape(e.commit().isEmpty()
                                ? e.date() : e.date() + " " + shortCommit(e.commit()))).append(": ")
                        .append(value(e)).append(" (").append(Html.escape(e.verdict())).append(")</title></circle>");
            }
        }
        return s.append(band).append("<polyline fill=\"none\" stroke=\"#335\" stroke-width=\"1.5\" points=\"")
                .append(line).append("\"/>").append(dots).append("</svg>").toString();
    }

    private static double y(double value, double min, double span) {
        return HEIGHT - 4 - (value - min) / span * (HEIGHT - 8);
    }

    private static String value(HistoryEntry e) {
        return e.estimate() == null ? "n/a" : Html.escape(String.format(Locale.ROOT, "%.4g %s", e.estimate(),
                e.unit()));
    }

    private static String shortCommit(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
