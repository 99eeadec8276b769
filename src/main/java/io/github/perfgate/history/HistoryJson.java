package io.github.perfgate.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;

/** One {@link HistoryEntry} per line of JSON (JSON lines), with Jackson; shared by both stores. */
final class HistoryJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private HistoryJson() {
    }

    static String line(HistoryEntry entry) {
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a history entry: " + e.getMessage(), e);
        }
    }

    static String lines(List<HistoryEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (HistoryEntry e : entries) {
            text.append(line(e)).append('\n');
        }
        return text.toString();
    }

    /**
     * Parses JSON lines; blank lines are skipped.
     *
     * @param source where the text comes from, for the message of a corrupt line
     */
    static List<HistoryEntry> parse(String text, String source) throws HistoryException {
        List<HistoryEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                HistoryEntry entry = MAPPER.readValue(line, HistoryEntry.class);
                if (entry == null || entry.benchmark() == null) {
                    throw new HistoryException(source + " line " + (i + 1) + " is not a perfgate history entry");
                }
                entries.add(entry);
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                throw new HistoryException(source + " line " + (i + 1) + " is not a perfgate history entry ("
                        + firstLine(e.getMessage()) + "). Nothing was appended; repair or remove that line.", e);
            }
        }
        return entries;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
