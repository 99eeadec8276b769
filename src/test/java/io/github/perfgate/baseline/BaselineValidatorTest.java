package io.github.perfgate.baseline;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineValidatorTest {

    private final BaselineStore store = new BaselineStore();

    @TempDir
    Path dir;

    /** A baseline file with one benchmark, acme.ParserBench.parse, and the given fields. */
    static String file(String mode, String unit, String samples, String allocation, String calibration) {
        return "{\"format\": \"perfgate-baseline\", \"formatVersion\": 1, \"recorded\": \"2026-12-01T10:00:00Z\","
                + " \"benchmarks\": [{\"benchmark\": \"acme.ParserBench.parse\", \"mode\": \"" + mode + "\","
                + " \"params\": {}, \"unit\": \"" + unit + "\", \"score\": 1, \"samples\": " + samples
                + (allocation == null ? "" : ", \"allocation\": {\"unit\": \"B/op\", \"score\": 48, \"samples\": "
                        + allocation + "}")
                + "}]" + (calibration == null ? "" : ", \"calibration\": {\"workload\": \"w\", \"samples\": "
                        + calibration + "}")
                + "}";
    }

    static String samples(String samples) {
        return file("avgt", "us/op", samples, null, null);
    }

    /** Reads the text as a baseline file and returns the message it is refused with; the file must stay as it was. */
    private String refused(String text) throws Exception {
        Path file = dir.resolve("perf/baseline.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        byte[] before = Files.readAllBytes(file);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> store.read(file));
        assertThat(thrown).isInstanceOf(BaselineException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(thrown.getMessage()).contains("git checkout -- " + file);
        return thrown.getMessage();
    }

    @Test
    void aValidFileReads() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, file("avgt", "us/op", "[[1.5, 2], [1.75]]", "[[0, 48]]", "[[100, 101]]"));
        assertThat(store.read(file).benchmarks()).hasSize(1);
    }

    @Test
    void aNaNSampleIsRefusedNamingTheBenchmarkForkAndIteration() throws Exception {
        String message = refused(samples("[[1, 2, 3], [1, 2, \"NaN\"]]"));
        assertThat(message).contains("is invalid: benchmark acme.ParserBench.parse, primary metric, fork 2,"
                + " iteration 3: sample is NaN; samples must be finite and positive.")
                .contains("mvn verify -Dperfgate.update=true");
    }

    @Test
    void infiniteSamplesAreRefused() throws Exception {
        assertThat(refused(samples("[[\"+INF\", 1]]"))).contains("fork 1, iteration 1: sample is Infinity;");
        assertThat(refused(samples("[[1, \"-Infinity\"]]"))).contains("fork 1, iteration 2: sample is -Infinity;");
    }

    @Test
    void negativeAndZeroSamplesAreRefused() throws Exception {
        assertThat(refused(samples("[[1, -2]]"))).contains("iteration 2: sample is negative (-2.0);");
        assertThat(refused(samples("[[0, 1]]"))).contains("iteration 1: sample is 0; samples must be finite and"
                + " positive");
    }

    @Test
    void emptyForksAndNoForksAreRefused() throws Exception {
        assertThat(refused(samples("[[], []]"))).contains("primary metric, fork 1: no samples")
                .contains("(and 1 more problem)");
        assertThat(refused(samples("[]"))).contains("benchmark acme.ParserBench.parse, primary metric: no forks");
    }

    @Test
    void unknownUnitsAndModesAreRefused() throws Exception {
        assertThat(refused(file("avgt", "furlongs", "[[1]]", null, null)))
                .contains("benchmark acme.ParserBench.parse, primary metric: unknown unit 'furlongs'");
        assertThat(refused(file("fast", "us/op", "[[1]]", null, null)))
                .contains("benchmark acme.ParserBench.parse, mode: Unknown JMH mode 'fast'");
    }

    @Test
    void allocationMustBeFiniteAndNotNegative() throws Exception {
        assertThat(refused(file("avgt", "us/op", "[[1]]", "[[48, -1]]", null)))
                .contains("benchmark acme.ParserBench.parse, allocation, fork 1, iteration 2: value is negative"
                        + " (-1.0); values must be finite and not negative");
        assertThat(refused(file("avgt", "us/op", "[[1]]", "[[\"NaN\"]]", null))).contains("allocation, fork 1,"
                + " iteration 1: value is NaN");
        assertThat(refused(file("avgt", "us/op", "[[1]]", "[]", null))).contains("allocation: no forks");
    }

    @Test
    void calibrationSamplesMustBeFiniteAndPositive() throws Exception {
        assertThat(refused(file("avgt", "us/op", "[[1]]", null, "[[100, 0]]")))
                .contains("machine calibration, fork 1, iteration 2: sample is 0");
        assertThat(refused(file("avgt", "us/op", "[[1]]", null, "[[\"NaN\"]]")))
                .contains("machine calibration, fork 1, iteration 1: sample is NaN");
        assertThat(refused(file("avgt", "us/op", "[[1]]", null, "[[]]"))).contains("machine calibration, fork 1: no"
                + " samples");
    }

    @Test
    void everyProblemIsListedAndParametersAreNamed() {
        BenchmarkResult bad = new BenchmarkResult(new BenchmarkKey("a.B.c", new java.util.TreeMap<>(
                java.util.Map.of("size", "10")), Mode.THROUGHPUT),
                new Metric(1, 0, 0, 0, "ops/s", new double[][] {{Double.NaN, 0}}), null);
        assertThat(BaselineValidator.problems(List.of(bad), new Calibration("w", new double[][] {{-1}})))
                .containsExactly(
                        "benchmark a.B.c[size=10], primary metric, fork 1, iteration 1: sample is NaN; samples must be"
                                + " finite and positive",
                        "benchmark a.B.c[size=10], primary metric, fork 1, iteration 2: sample is 0; samples must be"
                                + " finite and positive",
                        "machine calibration, fork 1, iteration 1: sample is negative (-1.0); samples must be finite"
                                + " and positive");
    }

    @Test
    void aBaselineThatWouldNotReadBackIsNotWritten() throws Exception {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "previous");
        Baseline poisoned = new Baseline("t", "", BaselineStoreTest.env(), List.of(BaselineStoreTest.result("a.B.c",
                Mode.AVERAGE_TIME, "us/op", new double[][] {{1, Double.NaN}})));

        assertThatThrownBy(() -> store.write(file, poisoned)).isInstanceOf(InvalidBaselineException.class)
                .hasMessageContaining("Not writing baseline file").hasMessageContaining("sample is NaN");
        assertThat(Files.readString(file)).isEqualTo("previous");
    }

    @Test
    void aMeasurementWithANaNIsNamedWithItsSource() {
        BenchmarkResult nan = BaselineStoreTest.result("a.B.c", Mode.AVERAGE_TIME, "us/op",
                new double[][] {{Double.NaN}});
        assertThat(BaselineValidator.measurementProblem(List.of(nan), null, "The JMH results in r.json"))
                .startsWith("The JMH results in r.json cannot be compared: benchmark a.B.c[size=10], primary"
                        + " metric, fork 1, iteration 1: sample is NaN;");
        BenchmarkResult fine = BaselineStoreTest.result("a.B.c", Mode.AVERAGE_TIME, "us/op", new double[][] {{1}});
        assertThat(BaselineValidator.measurementProblem(List.of(fine), null, "x")).isNull();
    }

    @Test
    void aJmhResultFileWithANaNIsRefusedByCompare() throws Exception {
        Path jmh = dir.resolve("result.json");
        Files.writeString(jmh, "[{\"jmhVersion\": \"1.37\", \"benchmark\": \"a.B.c\", \"mode\": \"avgt\","
                + " \"threads\": 1, \"forks\": 1, \"jdkVersion\": \"17\", \"vmName\": \"vm\", \"vmVersion\": \"17\","
                + " \"primaryMetric\": {\"score\": \"NaN\", \"scoreError\": \"NaN\", \"scoreConfidence\": [\"NaN\","
                + " \"NaN\"], \"scoreUnit\": \"us/op\", \"rawData\": [[\"NaN\", 1.0]]}, \"secondaryMetrics\": {}}]");
        assertThatThrownBy(() -> ResultFiles.load(jmh)).isInstanceOf(BaselineException.class)
                .hasMessageContaining("The JMH results in " + jmh + " cannot be compared: benchmark a.B.c, primary"
                        + " metric, fork 1, iteration 1: sample is NaN");
    }
}
