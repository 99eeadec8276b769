package io.github.perfgate.baseline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.perfgate.jmh.JsonNumbers;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the parts of a baseline file for {@link BaselineStore}: one benchmark entry at a time from a streaming
 * parser (its samples straight into arrays), the environment, and sample arrays. A problem with an entry is an
 * {@link IllegalArgumentException} that names the benchmark and the field; the store turns it into its message.
 */
final class BaselineEntries {

    private BaselineEntries() {
    }

    static Environment environment(JsonNode node) {
        return new Environment(node.path("jdkVersion").asText(""), node.path("vmName").asText(""),
                node.path("vmVersion").asText(""), node.path("jmhVersion").asText(""), node.path("osName").asText(""),
                node.path("osVersion").asText(""), node.path("osArch").asText(""), node.path("cpuModel").asText(""),
                node.path("cpuCount").asInt(0));
    }

    /**
     * Reads one entry of {@code benchmarks}, from its first token to its last, before judging it, so that the parser
     * is past the entry whatever is wrong with it.
     */
    static BenchmarkResult benchmark(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            throw new IllegalArgumentException("a benchmark entry has no \"benchmark\" name");
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        StreamedSamples samples = null;
        Secondary alloc = null;
        Secondary cpu = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("samples")) {
                samples = StreamedSamples.read(parser);
            } else if (field.equals("allocation") && value == JsonToken.START_OBJECT) {
                alloc = Secondary.read(parser);
            } else if (field.equals("cpu") && value == JsonToken.START_OBJECT) {
                cpu = Secondary.read(parser);
            } else {
                node.set(field, parser.readValueAsTree());
            }
        }
        String name = node.path("benchmark").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a benchmark entry has no \"benchmark\" name");
        }
        Mode mode;
        try {
            mode = Mode.fromShortName(node.path("mode").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("benchmark " + name + ", mode: " + e.getMessage(), e);
        }
        Map<String, String> params = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("params").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        String unit = node.path("unit").asText("");
        JsonNode confidence = node.path("scoreConfidence");
        Metric primary = new Metric(JsonNumbers.read(node.path("score")), JsonNumbers.read(node.path("scoreError")),
                JsonNumbers.read(confidence.path(0)), JsonNumbers.read(confidence.path(1)), unit,
                StreamedSamples.values(samples, name));
        Metric allocation = alloc == null ? null : alloc.metric("B/op", name);
        Metric cpuTime = cpu == null ? null : cpu.metric("ns/op", name);
        return new BenchmarkResult(new BenchmarkKey(name, new TreeMap<>(params), mode), primary, allocation, cpuTime);
    }

    static double[][] samples(JsonNode node, String name) {
        if (!node.isArray()) {
            // An empty array is read as it is: BaselineValidator names the benchmark and field.
            throw new IllegalArgumentException("benchmark " + name + " has no samples");
        }
        double[][] forks = new double[node.size()][];
        for (int f = 0; f < node.size(); f++) {
            JsonNode fork = node.get(f);
            if (!fork.isArray()) {
                throw new IllegalArgumentException("benchmark " + name + ": samples must be one array per fork");
            }
            forks[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                forks[f][i] = JsonNumbers.read(fork.get(i));
            }
        }
        return forks;
    }

    /** A secondary metric's object ({@code allocation}, {@code cpu}): its fields, its samples streamed. */
    private record Secondary(ObjectNode fields, StreamedSamples samples) {

        /** Reads the object the parser is at, to its end. */
        static Secondary read(JsonParser parser) throws IOException {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            StreamedSamples samples = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("samples")) {
                    samples = StreamedSamples.read(parser);
                } else {
                    fields.set(field, parser.readValueAsTree());
                }
            }
            return new Secondary(fields, samples);
        }

        Metric metric(String defaultUnit, String name) {
            return new Metric(JsonNumbers.read(fields.path("score")), Double.NaN, Double.NaN, Double.NaN,
                    fields.path("unit").asText(defaultUnit), StreamedSamples.values(samples, name));
        }
    }

    /** The samples of one metric as the parser streamed them: one array per fork, or what was wrong with them. */
    private record StreamedSamples(double[][] forks, String problem) {

        /** Reads the value the parser is at, to its end. */
        static StreamedSamples read(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return new StreamedSamples(null, "has no samples");
            }
            List<double[]> forks = new ArrayList<>();
            String problem = null;
            double[] values = new double[16];
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    problem = problem == null ? "samples must be one array per fork" : problem;
                    continue;
                }
                int n = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (n == values.length) {
                        values = Arrays.copyOf(values, n * 2);
                    }
                    try {
                        values[n++] = JsonNumbers.read(parser);
                    } catch (IllegalArgumentException e) {
                        parser.skipChildren();
                        problem = problem == null ? e.getMessage() : problem;
                    }
                }
                forks.add(Arrays.copyOf(values, n));
            }
            return new StreamedSamples(forks.toArray(new double[0][]), problem);
        }

        /** The forks of a benchmark's samples; a missing field or a problem is an error naming the benchmark. */
        static double[][] values(StreamedSamples samples, String name) {
            if (samples == null || samples.forks() == null) {
                // An empty array is read as it is: BaselineValidator names the benchmark and field.
                throw new IllegalArgumentException("benchmark " + name + " has no samples");
            }
            if (samples.problem() != null) {
                throw new IllegalArgumentException("benchmark " + name + ": " + samples.problem());
            }
            return samples.forks();
        }
    }
}
