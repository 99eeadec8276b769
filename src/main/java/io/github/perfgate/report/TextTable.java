package io.github.perfgate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the build log: every column as wide as its widest cell, columns two spaces apart, no
 * trailing spaces. The first row is the header, which may be aligned differently from the rows below it.
 */
public final class TextTable {

    /** Where a cell sits in its column. */
    public enum Align {
        /** Against the left edge, as text reads. */
        LEFT,
        /** Against the right edge, so that numbers line up. */
        RIGHT
    }

    private TextTable() {
    }

    /**
     * The lines of a table.
     *
     * @param rows the header first, then the body; every row has a cell per column
     * @param header the alignment of each column in the header row
     * @param body the alignment of each column in the other rows
     */
    public static List<String> lines(List<String[]> rows, Align[] header, Align[] body) {
        int columns = rows.get(0).length;
        if (header.length != columns || body.length != columns) {
            throw new IllegalArgumentException("a table of " + columns + " columns needs as many alignments, got "
                    + header.length + " for the header and " + body.length + " for the body");
        }
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Align[] align = r == 0 ? header : body;
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r)[i];
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[i] - cell.length());
                line.append(align[i] == Align.RIGHT ? pad + cell : cell + (i == columns - 1 ? "" : pad));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
