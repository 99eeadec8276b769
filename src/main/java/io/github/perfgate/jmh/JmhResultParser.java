package io.github.perfgate.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perfgate.cpu.CpuProfilerInstall;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.model.ScoreUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the JSON that JMH writes with {@code -rf json} (checked against JMH 1.37) into {@link JmhRun}.
 *
 * <p>JMH writes non-finite numbers as the strings {@code "NaN"}, {@code "+INF"} and {@code "-INF"}; they are read
 * as the corresponding doubles. In {@code sample} mode JMH keeps a histogram per iteration
 * ({@code rawDataHistogram}); each iteration is summarised by the median of its samples, so that a few very long
 * samples (a GC pause, a descheduled thread) do not dominate it.
 */
public final class JmhResultParser {

    /** The secondary metric of JMH's {@code gc} profiler that holds bytes allocated per operation. */
    public static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";
    /** The secondary metric of perfgate's CPU-time profiler: CPU time of the benchmark threads per operation. */
    public static final String CPU_METRIC = CpuProfilerInstall.METRIC;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Parses a JMH JSON result file.
     *
     * @throws JmhResultException when the file is missing, is not JSON, or is not a JMH result
     */
    public JmhRun parse(Path file) throws JmhResultException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new JmhResultException("JMH result file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new JmhResultException("Cannot read JMH result file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses JMH JSON from a string; {@code source} names it in error messages. */
    public JmhRun parse(String json, String source) throws JmhResultException {
        if (json.isBlank()) {
            throw new JmhResultException(source + " is empty (" + json.getBytes(StandardCharsets.UTF_8).length
                    + " bytes); expected the output of JMH's -rf json");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JmhResultException(source + " is not valid JSON (" + JsonProblem.describe(e)
                    + "); expected the output of JMH's -rf json", e);
        }
        if (root == null || !root.isArray()) {
            throw new JmhResultException(source + " is not a JMH JSON result: expected an array of benchmark results"
                    + " as written by JMH's -rf json");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        String jmhVersion = "";
        String jdkVersion = "";
        String vmName = "";
        String vmVersion = "";
        int index = 0;
        for (JsonNode node : root) {
            try {
                results.add(readResult(node));
            } catch (IllegalArgumentException e) {
                throw new JmhResultException(source + ": benchmark result #" + (index + 1) + " is malformed: "
                        + e.getMessage(), e);
            }
            if (index == 0) {
                jmhVersion = node.path("jmhVersion").asText("");
                jdkVersion = node.path("jdkVersion").asText("");
                vmName = node.path("vmName").asText("");
                vmVersion = node.path("vmVersion").asText("");
            }
            index++;
        }
        return new JmhRun(results, jmhVersion, jdkVersion, vmName, vmVersion);
    }

    private static BenchmarkResult readResult(JsonNode node) {
        String name = requiredText(node, "benchmark");
        Mode mode = Mode.fromShortName(requiredText(node, "mode"));
        Map<String, String> params = new TreeMap<>();
        JsonNode paramsNode = node.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        JsonNode primaryNode = node.path("primaryMetric");
        if (!primaryNode.isObject()) {
            throw new IllegalArgumentException("'" + name + "' has no primaryMetric");
        }
        Metric primary = readMetric(primaryNode, name);
        ScoreUnit.parse(primary.unit());
        Metric allocation = null;
        JsonNode alloc = node.path("secondaryMetrics").path(ALLOCATION_METRIC);
        if (alloc.isObject()) {
            allocation = readMetric(alloc, name + ":" + ALLOCATION_METRIC);
        }
        Metric cpu = null;
        JsonNode cpuNode = node.path("secondaryMetrics").path(CPU_METRIC);
        if (cpuNode.isObject()) {
            cpu = readMetric(cpuNode, name + ":" + CPU_METRIC);
        }
        return new BenchmarkResult(new BenchmarkKey(name, new TreeMap<>(params), mode), primary, allocation, cpu);
    }

    private static Metric readMetric(JsonNode node, String what) {
        double score = number(node.path("score"));
        double error = number(node.path("scoreError"));
        JsonNode confidence = node.path("scoreConfidence");
        double low = confidence.isArray() && confidence.size() == 2 ? number(confidence.get(0)) : Double.NaN;
        double high = confidence.isArray() && confidence.size() == 2 ? number(confidence.get(1)) : Double.NaN;
        String unit = requiredText(node, "scoreUnit");
        double[][] samples;
        if (node.path("rawData").isArray() && node.path("rawData").size() > 0) {
            samples = readRawData(node.path("rawData"));
        } else if (node.path("rawDataHistogram").isArray()) {
            samples = readHistograms(node.path("rawDataHistogram"));
        } else {
            throw new IllegalArgumentException("'" + what + "' has neither rawData nor rawDataHistogram");
        }
        return new Metric(score, error, low, high, unit, samples);
    }

    private static double[][] readRawData(JsonNode rawData) {
        double[][] forks = new double[rawData.size()][];
        for (int f = 0; f < rawData.size(); f++) {
            JsonNode fork = rawData.get(f);
            if (!fork.isArray()) {
                throw new IllegalArgumentException("rawData must be an array of arrays (one per fork)");
            }
            forks[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                forks[f][i] = number(fork.get(i));
            }
        }
        return forks;
    }

    /** Histogram layout: forks, then iterations, then [value, count] pairs. */
    private static double[][] readHistograms(JsonNode histograms) {
        double[][] forks = new double[histograms.size()][];
        for (int f = 0; f < histograms.size(); f++) {
            JsonNode fork = histograms.get(f);
            forks[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                forks[f][i] = histogramMedian(fork.get(i));
            }
        }
        return forks;
    }

    static double histogramMedian(JsonNode iteration) {
        int n = iteration.size();
        double[] values = new double[n];
        long[] counts = new long[n];
        long total = 0;
        for (int k = 0; k < n; k++) {
            JsonNode pair = iteration.get(k);
            if (!pair.isArray() || pair.size() != 2) {
                throw new IllegalArgumentException("rawDataHistogram entries must be [value, count] pairs");
            }
            values[k] = number(pair.get(0));
            counts[k] = pair.get(1).asLong();
            total += counts[k];
        }
        if (total == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double lowerMedian = Double.NaN;
        long lowerRank = (total - 1) / 2;
        long upperRank = total / 2;
        long seen = 0;
        for (int k : order) {
            long next = seen + counts[k];
            if (Double.isNaN(lowerMedian) && lowerRank < next) {
                lowerMedian = values[k];
            }
            if (upperRank < next) {
                return (lowerMedian + values[k]) / 2;
            }
            seen = next;
        }
        return lowerMedian;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }

    /** Reads a JSON number or one of JMH's non-finite strings ("NaN", "+INF", "-INF", "Infinity"). */
    static double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return numberText(node.asText());
    }

    /** The double value of a number as JMH writes it in a string: a decimal, "NaN", "+INF" or "-INF". */
    static double numberText(String value) {
        String text = value.trim();
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+INF":
            case "INF":
            case "Infinity":
            case "+Infinity":
                return Double.POSITIVE_INFINITY;
            case "-INF":
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number");
                }
        }
    }
}
