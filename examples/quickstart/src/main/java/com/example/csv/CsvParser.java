package com.example.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV parser: comma-separated fields, one record per line ({@code \n} or {@code \r\n}), fields
 * optionally in double quotes, where a quoted field may hold commas, line breaks and doubled quotes
 * ({@code ""} stands for one {@code "}).
 *
 * <p><b>Demo knob.</b> So that the perfgate quick start can show a real regression without editing code, the
 * parser does its work {@code Integer.getInteger("slowdown", 1)} times: run the benchmarks with
 * {@code -Dslowdown=5} and parsing really is about five times slower. A real parser would not have this.
 */
public final class CsvParser {

    private static final int SLOWDOWN = Math.max(1, Integer.getInteger("slowdown", 1));

    private CsvParser() {
    }

    /**
     * Parses CSV text into records of fields.
     *
     * @throws IllegalArgumentException if a quoted field is not closed
     */
    public static List<List<String>> parse(CharSequence text) {
        List<List<String>> records = parseOnce(text);
        for (int round = 1; round < SLOWDOWN; round++) {
            // The extra rounds must not be optimised away: compare each with the first.
            if (!parseOnce(text).equals(records)) {
                throw new IllegalStateException("parsing the same text twice gave different records");
            }
        }
        return records;
    }

    private static List<List<String>> parseOnce(CharSequence text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = text.length();
        int i = 0;
        boolean fieldStarted = false;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                i = readQuoted(text, i + 1, field);
                fieldStarted = true;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                records.add(record);
                record = new ArrayList<>();
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** Reads a quoted field's content starting after its opening quote; returns the index after the closing one. */
    private static int readQuoted(CharSequence text, int start, StringBuilder field) {
        int i = start;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < length && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("unclosed quoted field starting at index " + (start - 1));
    }
}
