package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.report.TextTable.Align;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    private static final Align L = Align.LEFT;
    private static final Align R = Align.RIGHT;

    private static Align[] align(Align... columns) {
        return columns;
    }

    private static List<String[]> rows(String[]... rows) {
        return List.of(rows);
    }

    @Test
    void columnsAreAsWideAsTheirWidestCellAndTwoSpacesApart() {
        List<String[]> rows = rows(new String[] {"Name", "Score", "Note"}, new String[] {"a", "1", "first"},
                new String[] {"longer", "12345", "x"});

        assertThat(TextTable.lines(rows, align(L, L, L), align(L, R, L))).containsExactly(
                "Name    Score  Note",
                "a           1  first",
                "longer  12345  x");
    }

    @Test
    void theHeaderCanBeAlignedLikeTheBody() {
        Align[] columns = align(R, R, L);

        assertThat(TextTable.lines(rows(new String[] {"#", "Samples", "Method"}, new String[] {"1", "12", "a.B.c"},
                new String[] {"10", "3", "d.E.f"}), columns, columns)).containsExactly(
                        " #  Samples  Method",
                        " 1       12  a.B.c",
                        "10        3  d.E.f");
    }

    @Test
    void noLineEndsInSpaces() {
        List<String[]> rows = rows(new String[] {"Left", "Last"}, new String[] {"a", ""},
                new String[] {"b", "a long last cell"});

        assertThat(TextTable.lines(rows, align(L, L), align(L, L))).containsExactly("Left  Last", "a",
                "b     a long last cell");
        assertThat(TextTable.lines(rows, align(L, R), align(L, R))).containsExactly("Left              Last", "a",
                "b     a long last cell");
    }

    @Test
    void aHeaderAloneIsATable() {
        assertThat(TextTable.lines(rows(new String[] {"One", "Two"}), align(R, L), align(R, L)))
                .containsExactly("One  Two");
    }

    @Test
    void everyColumnNeedsAnAlignment() {
        List<String[]> rows = rows(new String[] {"a", "b"});

        assertThatThrownBy(() -> TextTable.lines(rows, align(L), align(L, L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns");
        assertThatThrownBy(() -> TextTable.lines(rows, align(L, L), align(L, L, L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 for the body");
    }
}
