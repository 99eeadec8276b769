package io.github.perfgate.baseline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.perfgate.files.AtomicFiles;
import io.github.perfgate.jmh.JsonProblem;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Metric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the committed baseline file.
 *
 * <p>Writing is atomic ({@link AtomicFiles}): a crash, a full disk or Ctrl-C leaves either the old file or the new
 * one, never a half-written one; a rewritten file keeps its permissions, a new one is {@code rw-r--r--}. Reading validates the format name and version before anything else uses the file.
 */
public final class BaselineStore {

    /** The value of the {@code format} field that marks a perfgate baseline. */
    public static final String FORMAT = "perfgate-baseline";

    /**
     * Reads numbers with Jackson's fast double parser (correctly rounded, like {@link Double#parseDouble}): parsing
     * the samples is most of the time of reading a large baseline.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    /** The command that records a fresh baseline, for messages. */
    public static final String RECORD_COMMAND = "mvn test-compile perfgate:baseline";

    public Baseline read(Path file) throws BaselineException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BaselineException("No baseline file at " + file + ". Record one with: " + RECORD_COMMAND
                    + ", then commit " + file.getFileName() + ".", e);
        } catch (IOException e) {
            throw new BaselineException("Cannot read baseline file " + file + ": " + e, e);
        }
        return parse(text, file);
    }

    Baseline parse(String text, Path file) throws BaselineException {
        return parse(text, file, " The file was left unchanged. Restore it from version control (git checkout -- "
                + file + ") or record a new one with: " + RECORD_COMMAND);
    }

    /**
     * Parses a baseline.
     *
     * @param fix the sentences that say how to fix a file that is not a valid baseline, fitting the goal
     */
    Baseline parse(String text, Path file, String fix) throws BaselineException {
        if (text.isBlank()) {
            throw new BaselineException("Baseline file " + file + " is empty (" + text.getBytes(StandardCharsets.UTF_8)
                    .length + " bytes)." + fix);
        }
        // Streamed: the samples, nearly all of a large file, go straight into arrays instead of a node per number
        // (two 10,000-benchmark files: see the README's measured figures); the rest is read as small trees.
        JsonNode root;
        List<BenchmarkResult> streamed = null;
        IllegalArgumentException badEntry = null;
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                root = MAPPER.readTree(text);
            } else {
                ObjectNode head = MAPPER.createObjectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("benchmarks") && value == JsonToken.START_ARRAY) {
                        streamed = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            try {
                                BenchmarkResult result = BaselineEntries.benchmark(parser);
                                if (badEntry == null) {
                                    streamed.add(result);
                                }
                            } catch (IllegalArgumentException e) {
                                badEntry = badEntry == null ? e : badEntry;
                            }
                        }
                    } else {
                        head.set(field, parser.readValueAsTree());
                    }
                }
                root = head;
            }
        } catch (JsonProcessingException e) {
            throw new BaselineException("Baseline file " + file + " is corrupt: not valid JSON ("
                    + JsonProblem.describe(e) + ")." + fix, e);
        } catch (IOException e) {
            throw new BaselineException("Cannot read baseline file " + file + ": " + e, e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new BaselineException("Baseline file " + file + " is not a perfgate baseline (no \"format\": \""
                    + FORMAT + "\" field)." + fix);
        }
        JsonNode versionNode = root.path("formatVersion");
        if (!versionNode.canConvertToInt()) {
            throw new BaselineException("Baseline file " + file + " has no valid formatVersion." + fix);
        }
        int version = versionNode.asInt();
        if (version > Baseline.FORMAT_VERSION || version < 1) {
            throw new BaselineException("Baseline file " + file + " has format version " + version
                    + ", but this perfgate reads versions up to " + Baseline.FORMAT_VERSION
                    + ". It was probably written by a newer perfgate: upgrade the plugin, or record a new baseline"
                    + " with: " + RECORD_COMMAND + ". The file was left unchanged.");
        }
        try {
            if (badEntry != null) {
                throw badEntry;
            }
            if (streamed == null) {
                throw new IllegalArgumentException("\"benchmarks\" must be an array");
            }
            List<BenchmarkResult> benchmarks = streamed;
            Calibration calibration = null;
            JsonNode cal = root.path("calibration");
            if (cal.isObject()) {
                calibration = new Calibration(cal.path("workload").asText(""), BaselineEntries.samples(cal.path("samples"),
                        "calibration"));
            }
            Baseline baseline = new Baseline(root.path("recorded").asText(""), root.path("commit").asText(""),
                    BaselineEntries.environment(root.path("environment")), benchmarks, calibration);
            BaselineValidator.check(baseline, file, true);
            return baseline;
        } catch (IllegalArgumentException e) {
            throw new BaselineException("Baseline file " + file + " is corrupt: " + e.getMessage() + "." + fix, e);
        }
    }

    /**
     * Writes the baseline atomically, creating parent directories as needed.
     *
     * @throws BaselineException when the file cannot be written, or the baseline holds values that would not read
     *     back ({@link BaselineValidator}); the previous file is then untouched
     */
    public void write(Path file, Baseline baseline) throws BaselineException {
        BaselineValidator.check(baseline, file, false);
        byte[] bytes = toJson(baseline).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        try {
            AtomicFiles.write(target, bytes, AtomicFiles.Permissions.KEEP_OR_WORLD_READABLE);
        } catch (IOException e) {
            throw new BaselineException("Cannot write baseline file " + target + ": " + e
                    + ". The previous file, if any, was left unchanged.", e);
        }
    }

    /** A secondary metric's entry: unit, score and samples. */
    private static Map<String, Object> secondary(Metric metric) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("unit", metric.unit());
        map.put("score", metric.score());
        map.put("samples", List.of((Object[]) metric.samples()));
        return map;
    }

    /** The JSON text of a baseline, in the stable layout described by {@link StableJson}. */
    public String toJson(Baseline baseline) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("formatVersion", Baseline.FORMAT_VERSION);
        root.put("recorded", baseline.recorded());
        root.put("commit", baseline.commit());
        root.put("environment", environmentMap(baseline.environment()));
        List<Object> benchmarks = new ArrayList<>();
        for (BenchmarkResult result : baseline.benchmarks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("benchmark", result.key().name());
            entry.put("mode", result.key().mode().shortName());
            entry.put("params", new TreeMap<>(result.key().params()));
            Metric primary = result.primary();
            entry.put("unit", primary.unit());
            entry.put("score", primary.score());
            entry.put("scoreError", primary.scoreError());
            entry.put("scoreConfidence", new double[] {primary.confidenceLow(), primary.confidenceHigh()});
            entry.put("samples", List.of((Object[]) primary.samples()));
            if (result.allocation() != null) {
                entry.put("allocation", secondary(result.allocation()));
            }
            if (result.cpu() != null) {
                entry.put("cpu", secondary(result.cpu()));
            }
            benchmarks.add(entry);
        }
        root.put("benchmarks", benchmarks);
        if (baseline.calibration() != null) {
            Map<String, Object> calibration = new LinkedHashMap<>();
            calibration.put("workload", baseline.calibration().workload());
            calibration.put("unit", "ns/op");
            calibration.put("samples", List.of((Object[]) baseline.calibration().samples()));
            root.put("calibration", calibration);
        }
        return StableJson.write(root);
    }

    static Map<String, Object> environmentMap(Environment env) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("jdkVersion", env.jdkVersion());
        map.put("vmName", env.vmName());
        map.put("vmVersion", env.vmVersion());
        map.put("jmhVersion", env.jmhVersion());
        map.put("osName", env.osName());
        map.put("osVersion", env.osVersion());
        map.put("osArch", env.osArch());
        map.put("cpuModel", env.cpuModel());
        map.put("cpuCount", env.cpuCount());
        return map;
    }
}
