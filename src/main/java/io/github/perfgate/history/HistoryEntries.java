package io.github.perfgate.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entries of the last check (its {@code report.json}), the store a setting names, and trends per benchmark. */
public final class HistoryEntries {

    /** The value of {@code perfgate.history} that selects {@link GitNotesHistory}. */
    public static final String GIT_NOTES = "git-notes";

    private HistoryEntries() {
    }

    /**
     * The store {@code setting} names: {@value #GIT_NOTES}, or a JSON-lines file resolved against {@code basedir}.
     */
    public static HistoryStore store(String setting, Path basedir, Duration gitTimeout) {
        if (GIT_NOTES.equals(setting.strip())) {
            return new GitNotesHistory(basedir, gitTimeout);
        }
        return new JsonLinesHistory(basedir.resolve(setting.strip()));
    }

    /**
     * One entry per benchmark of the check whose {@code report.json} this is.
     *
     * @throws HistoryException the file is missing (no check ran), unreadable, or not a check's report
     */
    public static List<HistoryEntry> fromReport(Path reportJson, String commit, Instant date)
            throws HistoryException {
        if (!Files.isRegularFile(reportJson)) {
            throw new HistoryException("there is no check to record: " + reportJson + " does not exist");
        }
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(reportJson.toFile());
        } catch (IOException e) {
            throw new HistoryException("cannot read the check's report " + reportJson + ": " + e.getMessage(), e);
        }
        if (doc == null || !"perfgate-report".equals(doc.path("format").asText())) {
            throw new HistoryException(reportJson + " is not a perfgate report.json");
        }
        if (!"check".equals(doc.path("goal").asText())) {
            throw new HistoryException(reportJson + " is the report of a baseline recording, not of a check");
        }
        String when = date.truncatedTo(ChronoUnit.SECONDS).toString();
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonNode b : doc.path("benchmarks")) {
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
            Double baseline = number(b.path("baseline"));
            Double low = number(b.path("interval").path("low"));
            Double high = number(b.path("interval").path("high"));
            entries.add(new HistoryEntry(commit, when, b.path("displayName").asText(), b.path("name").asText(),
                    params, b.path("mode").asText(), b.path("unit").asText(), number(b.path("current")),
                    baseline == null || low == null ? null : baseline * (1 + low),
                    baseline == null || high == null ? null : baseline * (1 + high),
                    baseline, number(b.path("change")), number(b.path("cpu").path("change")),
                    number(b.path("allocation").path("current")), b.path("verdict").asText()));
        }
        return entries;
    }

    /** The last {@code length} entries of each benchmark, oldest first, in the order the benchmarks first appear. */
    public static Map<String, List<HistoryEntry>> trends(List<HistoryEntry> entries, int length) {
        Map<String, List<HistoryEntry>> trends = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            trends.computeIfAbsent(e.trendKey(), k -> new ArrayList<>()).add(e);
        }
        trends.replaceAll((k, list) -> List.copyOf(list.subList(Math.max(0, list.size() - length), list.size())));
        return trends;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
