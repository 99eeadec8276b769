package io.github.perfgate.report;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The inline SVG chart of {@code report.html}: one row per compared benchmark with the change as a point, its
 * interval as a bar, the zero line, the row's tolerance as a shaded band with a dashed regression threshold, and
 * any claimed target as a blue tick. The change axis is logarithmic in the ratio current/baseline, so that halving
 * and doubling are equally far from zero, and labelled in percent. Every row also carries its change and verdict as
 * text, so the chart reads without colour; hovering a row shows perfgate's sentence for it.
 */
final class HtmlChart {

    private static final int WIDTH = 1120;
    private static final int LABEL_RIGHT = 336;
    private static final int PLOT_LEFT = 348;
    private static final int PLOT_RIGHT = 900;
    private static final int VALUE_LEFT = 912;
    private static final int TOP = 62;
    private static final int ROW = 24;
    private static final int BOTTOM = 50;
    private static final int LABEL_CHARS = 48;
    private static final int TICK_SPACING = 46;
    private static final double MIN_RATIO = 0.01;
    private static final double MAX_RATIO = 100;
    private static final double[] TICKS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99,
        1.01, 1.02, 1.05, 1.1, 1.2, 1.3, 1.5, 2, 3, 5, 10, 20, 50, 100};

    static final String CLAIM_COLOUR = "#1f5fbf";
    private static final String AXIS_COLOUR = "#24292f";
    private static final String GRID_COLOUR = "#d0d7de";
    private static final String MUTED_COLOUR = "#57606a";

    private final List<BenchmarkComparison> rows;
    private final Map<BenchmarkKey, List<ClaimResult>> claims = new HashMap<>();
    private final double confidence;
    private double lo;
    private double hi;

    private HtmlChart(List<BenchmarkComparison> rows, List<ClaimResult> claimResults, double confidence) {
        this.rows = rows;
        this.confidence = confidence;
        for (ClaimResult r : claimResults) {
            if (r.comparison() != null) {
                claims.computeIfAbsent(r.comparison().key(), k -> new ArrayList<>()).add(r);
            }
        }
        domain();
    }

    /** The SVG element for the rows, in the order given. */
    static String svg(List<BenchmarkComparison> rows, List<ClaimResult> claims, double confidence) {
        return new HtmlChart(rows, claims, confidence).render();
    }

    private String render() {
        int height = TOP + rows.size() * ROW + BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"system-ui, -apple-system, "
                        + "'Segoe UI', Roboto, Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        s.append("<title id=\"chart-title\">Change in time per operation per benchmark, with ")
                .append(Percent.format(confidence)).append(" confidence intervals and tolerances</title>\n");
        legend(s);
        for (int i = 0; i < rows.size(); i++) {
            if (i % 2 == 1) {
                s.append("<rect x=\"0\" y=\"").append(top(i)).append("\" width=\"").append(WIDTH)
                        .append("\" height=\"").append(ROW).append("\" fill=\"#f6f8fa\"/>\n");
            }
        }
        axis(s, height);
        List<String> labels = labels();
        for (int i = 0; i < rows.size(); i++) {
            row(s, i, rows.get(i), labels.get(i));
        }
        double zero = x(1);
        s.append("<line x1=\"").append(Html.f(zero)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(Html.f(zero))
                .append("\" y2=\"").append(TOP + rows.size() * ROW + 4).append("\" stroke=\"").append(AXIS_COLOUR)
                .append("\" stroke-width=\"1.5\"/>\n");
        s.append("</svg>");
        return s.toString();
    }

    private void legend(StringBuilder s) {
        int y = 16;
        s.append("<g class=\"legend\">");
        s.append("<rect x=\"").append(PLOT_LEFT).append("\" y=\"").append(y - 9)
                .append("\" width=\"22\" height=\"14\" fill=\"#8c959f\" fill-opacity=\"0.22\"/>");
        s.append(Html.text(PLOT_LEFT + 28, y + 2, "start", "tolerance", MUTED_COLOUR, false));
        int x = PLOT_LEFT + 100;
        s.append("<line x1=\"").append(x + 8).append("\" y1=\"").append(y - 9).append("\" x2=\"").append(x + 8)
                .append("\" y2=\"").append(y + 5).append("\" stroke=\"").append(Html.colour(Verdict.REGRESSED))
                .append("\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>");
        s.append(Html.text(x + 16, y + 2, "start", "regression threshold", MUTED_COLOUR, false));
        x += 160;
        s.append("<rect x=\"").append(x).append("\" y=\"").append(y - 5).append("\" width=\"30\" height=\"6\" fill=\"")
                .append(Html.colour(Verdict.UNCHANGED)).append("\" fill-opacity=\"0.4\"/>");
        s.append("<circle cx=\"").append(x + 15).append("\" cy=\"").append(y - 2).append("\" r=\"4.5\" fill=\"")
                .append(Html.colour(Verdict.UNCHANGED)).append("\"/>");
        s.append(Html.text(x + 36, y + 2, "start", "change, " + Percent.format(confidence) + " CI", MUTED_COLOUR, false));
        x += 150;
        s.append("<line x1=\"").append(x + 4).append("\" y1=\"").append(y - 9).append("\" x2=\"").append(x + 4)
                .append("\" y2=\"").append(y + 5).append("\" stroke=\"").append(CLAIM_COLOUR)
                .append("\" stroke-width=\"2.5\"/>");
        s.append(Html.text(x + 12, y + 2, "start", "claimed target", MUTED_COLOUR, false));
        s.append("</g>\n");
    }

    private void axis(StringBuilder s, int height) {
        int bottom = TOP + rows.size() * ROW;
        for (double tick : ticks()) {
            double x = x(tick);
            s.append("<line x1=\"").append(Html.f(x)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(Html.f(x))
                    .append("\" y2=\"").append(bottom + 4).append("\" stroke=\"").append(GRID_COLOUR)
                    .append("\" stroke-width=\"1\"/>");
            String label = tickLabel(tick);
            s.append(Html.text(x, TOP - 9, "middle", label, MUTED_COLOUR, false));
            s.append(Html.text(x, bottom + 17, "middle", label, MUTED_COLOUR, false)).append('\n');
        }
        s.append(Html.text(PLOT_LEFT, height - 10, "start", "\u2190 faster", MUTED_COLOUR, false));
        s.append(Html.text((PLOT_LEFT + PLOT_RIGHT) / 2.0, height - 10, "middle",
                "change in time per operation (log scale)", MUTED_COLOUR, false));
        s.append(Html.text(PLOT_RIGHT, height - 10, "end", "slower \u2192", MUTED_COLOUR, false)).append('\n');
    }

    private void row(StringBuilder s, int i, BenchmarkComparison c, String label) {
        double cy = top(i) + ROW / 2.0;
        String colour = Html.colour(c.verdict());
        s.append("<g class=\"row ").append(Html.cssName(c.verdict())).append("\"><title>")
                .append(Html.escape(Describe.sentence(c, confidence))).append("</title>");
        s.append(Html.text(LABEL_RIGHT, cy + 4, "end", label, AXIS_COLOUR, false));
        if (!drawable(c)) {
            String why = c.estimate() != null && !c.estimate().caveat().isEmpty() ? c.estimate().caveat()
                    : c.reason().isEmpty() ? "not compared" : c.reason();
            s.append(Html.text(PLOT_LEFT + 8, cy + 4, "start", why, MUTED_COLOUR, true));
            s.append(Html.text(VALUE_LEFT, cy + 4, "start", c.verdict().label(), colour, false));
            s.append("</g>\n");
            return;
        }
        ChangeEstimate e = c.estimate();
        double t = c.tolerance();
        double bandLeft = x(1 - t > 0 ? 1 - t : 0);
        double bandRight = x(1 + t);
        s.append("<rect x=\"").append(Html.f(bandLeft)).append("\" y=\"").append(Html.f(cy - ROW / 2.0 + 3)).append("\" width=\"")
                .append(Html.f(Math.max(bandRight - bandLeft, 0.5))).append("\" height=\"").append(ROW - 6)
                .append("\" fill=\"#8c959f\" fill-opacity=\"0.22\"/>");
        if (1 + t <= Math.exp(hi)) {
            s.append("<line x1=\"").append(Html.f(bandRight)).append("\" y1=\"").append(Html.f(cy - ROW / 2.0 + 3))
                    .append("\" x2=\"").append(Html.f(bandRight)).append("\" y2=\"").append(Html.f(cy + ROW / 2.0 - 3))
                    .append("\" stroke=\"").append(Html.colour(Verdict.REGRESSED))
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>");
        }
        for (ClaimResult r : claims.getOrDefault(c.key(), List.of())) {
            double tx = x(1 - r.claim().target());
            s.append("<line x1=\"").append(Html.f(tx)).append("\" y1=\"").append(Html.f(cy - 9)).append("\" x2=\"").append(Html.f(tx))
                    .append("\" y2=\"").append(Html.f(cy + 9)).append("\" stroke=\"").append(CLAIM_COLOUR)
                    .append("\" stroke-width=\"2.5\"/>");
        }
        double left = x(e.lowerRatio());
        double right = x(e.upperRatio());
        s.append("<rect x=\"").append(Html.f(left)).append("\" y=\"").append(Html.f(cy - 3)).append("\" width=\"")
                .append(Html.f(Math.max(right - left, 1))).append("\" height=\"6\" rx=\"2\" fill=\"").append(colour)
                .append("\" fill-opacity=\"0.45\"/>");
        s.append("<circle cx=\"").append(Html.f(x(e.ratio()))).append("\" cy=\"").append(Html.f(cy))
                .append("\" r=\"4.5\" fill=\"").append(colour).append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
        // The change is in time; "-85.8% allocates more" would read as less allocation.
        String value = Percent.signed(e.change()) + (c.verdict() == Verdict.ALLOCATION_REGRESSED ? " time, " : " ")
                + c.verdict().label();
        s.append(Html.text(VALUE_LEFT, cy + 4, "start", value, colour,
                false, c.verdict().failing()));
        s.append("</g>\n");
    }

    /**
     * Row labels: the name without package, with the mode where two rows would otherwise read the same, cut at the
     * end when too long (the row's tooltip and the table have the full name).
     */
    private List<String> labels() {
        Map<String, Integer> seen = new HashMap<>();
        for (BenchmarkComparison c : rows) {
            seen.merge(ReportText.shortName(c.key()), 1, Integer::sum);
        }
        List<String> labels = new ArrayList<>();
        for (BenchmarkComparison c : rows) {
            String label = ReportText.shortName(c.key());
            if (seen.get(label) > 1) {
                label += " (" + c.key().mode().shortName() + ")";
            }
            if (label.length() > LABEL_CHARS) {
                label = label.substring(0, LABEL_CHARS - 1) + "\u2026";
            }
            labels.add(label);
        }
        return labels;
    }

    private static boolean drawable(BenchmarkComparison c) {
        return ReportText.hasNumbers(c) && c.estimate().lowerRatio() > 0 && c.estimate().ratio() > 0;
    }

    private void domain() {
        double low = 0;
        double high = 0;
        for (BenchmarkComparison c : rows) {
            if (!drawable(c)) {
                continue;
            }
            ChangeEstimate e = c.estimate();
            low = Math.min(low, Math.log(e.lowerRatio()));
            high = Math.max(high, Math.log(e.upperRatio()));
            high = Math.max(high, Math.log(1 + c.tolerance()));
            if (c.tolerance() < 1) {
                low = Math.min(low, Math.log(1 - c.tolerance()));
            }
            for (ClaimResult r : claims.getOrDefault(c.key(), List.of())) {
                low = Math.min(low, Math.log(1 - r.claim().target()));
            }
        }
        low = Math.max(Math.min(low, Math.log(0.95)), Math.log(MIN_RATIO));
        high = Math.min(Math.max(high, Math.log(1.05)), Math.log(MAX_RATIO));
        double pad = (high - low) * 0.05;
        lo = low - pad;
        hi = high + pad;
    }

    private List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        ticks.add(1.0);
        double last = x(1);
        for (double tick : TICKS) {
            if (tick > 1 && Math.log(tick) <= hi && x(tick) - last >= TICK_SPACING) {
                ticks.add(tick);
                last = x(tick);
            }
        }
        last = x(1);
        for (int i = TICKS.length - 1; i >= 0; i--) {
            double tick = TICKS[i];
            if (tick < 1 && Math.log(tick) >= lo && last - x(tick) >= TICK_SPACING) {
                ticks.add(tick);
                last = x(tick);
            }
        }
        return ticks;
    }

    static String tickLabel(double ratio) {
        double percent = Math.round((ratio - 1) * 1000) / 10.0;
        if (percent == 0) {
            return "0%";
        }
        return String.format(Locale.ROOT, percent == Math.rint(percent) ? "%+.0f%%" : "%+.1f%%", percent);
    }

    /** The x position of a ratio, clamped to the plot. */
    private double x(double ratio) {
        double r = ratio <= 0 ? lo : Math.min(Math.max(Math.log(ratio), lo), hi);
        return PLOT_LEFT + (r - lo) / (hi - lo) * (PLOT_RIGHT - PLOT_LEFT);
    }

    private static int top(int row) {
        return TOP + row * ROW;
    }
}
