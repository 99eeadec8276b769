package com.example.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void splitsRecordsAndFields() {
        assertEquals(List.of(List.of("a", "b"), List.of("1", "2")), CsvParser.parse("a,b\n1,2\n"));
    }

    @Test
    void lastRecordNeedsNoLineBreak() {
        assertEquals(List.of(List.of("a", ""), List.of("1", "2")), CsvParser.parse("a,\r\n1,2"));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        assertEquals(List.of(List.of("1", "say \"hi\", then\nleave")),
                CsvParser.parse("1,\"say \"\"hi\"\", then\nleave\"\n"));
    }

    @Test
    void emptyTextHasNoRecords() {
        assertEquals(List.of(), CsvParser.parse(""));
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> CsvParser.parse("1,\"open\n"));
    }
}
