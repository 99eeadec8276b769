package io.github.perfgate.report;

import io.github.perfgate.gate.Verdict;
import java.util.Locale;

/**
 * What the HTML page and its inline SVG chart share: escaping, the verdicts' colours and class names, and the
 * small elements both write.
 */
final class Html {

    private Html() {
    }

    /** The chart's colour for a verdict (also used by the HTML tables). */
    static String colour(Verdict verdict) {
        return switch (verdict) {
            case REGRESSED -> "#c62828";
            case ALLOCATION_REGRESSED -> "#ad1457";
            case INCONCLUSIVE -> "#a15c00";
            case UNCHANGED -> "#4f6875";
            case IMPROVED -> "#2e7d32";
            case NEW, MISSING, MODE_CHANGED -> "#6e7781";
        };
    }

    /** A dotted name, escaped, with a line-break opportunity after each dot, so a narrow column breaks it there. */
    static String breakable(String name) {
        return escape(name).replace(".", ".<wbr/>");
    }

    static String cssName(Verdict verdict) {
        return "v-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Text for HTML content, attribute values and inline SVG alike: {@code & < > " '} become character references
     * and characters XML forbids become U+FFFD.
     */
    static String escape(String text) {
        String safe = ReportText.xmlSafe(text);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char ch = safe.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static String text(double x, double y, String anchor, String content, String colour, boolean italic) {
        return text(x, y, anchor, content, colour, italic, false);
    }

    static String text(double x, double y, String anchor, String content, String colour, boolean italic,
            boolean bold) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + colour + "\""
                + (italic ? " font-style=\"italic\"" : "") + (bold ? " font-weight=\"bold\"" : "") + ">"
                + escape(content) + "</text>";
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
