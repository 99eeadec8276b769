package io.github.perfgate.jmh;

import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JmhResultParserTest {

    private final JmhResultParser parser = new JmhResultParser();

    /** A real JMH 1.37 result: thrpt, avgt, sample and ss modes, @Param size=10/100, gc profiler, 2 forks x 2. */
    static Path fixture() throws URISyntaxException {
        return Path.of(JmhResultParserTest.class.getResource("jmh-1.37.json").toURI());
    }

    @Test
    void readsEveryModeAndParameterOfARealJmhFile() throws Exception {
        JmhRun run = parser.parse(fixture());

        assertThat(run.jmhVersion()).isEqualTo("1.37");
        assertThat(run.jdkVersion()).startsWith("17");
        assertThat(run.vmName()).contains("OpenJDK");
        assertThat(run.results()).hasSize(8);
        assertThat(run.results()).extracting(r -> r.key().mode()).containsOnly(Mode.THROUGHPUT,
                Mode.AVERAGE_TIME, Mode.SAMPLE_TIME, Mode.SINGLE_SHOT);

        BenchmarkResult sum = find(run, "fx.FixtureBench.sum", Mode.AVERAGE_TIME, "100");
        assertThat(sum.primary().unit()).isEqualTo("ns/op");
        assertThat(sum.primary().samples()).hasDimensions(2, 2);
        assertThat(sum.key().params()).containsExactly(Map.entry("size", "100"));
        assertThat(sum.key().displayName()).isEqualTo("fx.FixtureBench.sum[size=100]");
        double mean = (sum.primary().samples()[0][0] + sum.primary().samples()[0][1]
                + sum.primary().samples()[1][0] + sum.primary().samples()[1][1]) / 4;
        assertThat(sum.primary().score()).isCloseTo(mean, within(mean * 1e-9));
        assertThat(sum.allocation()).isNotNull();
        assertThat(sum.allocation().unit()).isEqualTo("B/op");

        BenchmarkResult thrpt = find(run, "fx.FixtureBench.concat", Mode.THROUGHPUT, "10");
        assertThat(thrpt.primary().unit()).isEqualTo("ops/us");
        assertThat(thrpt.unit().isTimePerOperation()).isFalse();
    }

    @Test
    void summarisesSampleModeHistogramsByTheirMedianPerIteration() throws Exception {
        BenchmarkResult sample = find(parser.parse(fixture()), "fx.FixtureBench.concat", Mode.SAMPLE_TIME, "10");

        double[][] samples = sample.primary().samples();
        assertThat(samples).hasDimensions(2, 2);
        // the JMH score is the mean, pulled up by multi-millisecond GC pauses; the medians are nanoseconds
        for (double[] fork : samples) {
            for (double value : fork) {
                assertThat(value).isPositive().isLessThan(sample.primary().score());
            }
        }
    }

    @Test
    void histogramMedianWeighsValuesByTheirCounts() throws Exception {
        String json = "[" + benchmark("a.B.m", "sample", "us/op",
                "\"rawDataHistogram\": [[ [[1.0, 3], [2.0, 1], [100.0, 1]], [[5.0, 1], [7.0, 1]] ]]") + "]";

        Metric metric = parser.parse(json, "test").results().get(0).primary();

        assertThat(metric.samples()[0]).containsExactly(1.0, 6.0);
    }

    @Test
    void readsJmhNonFiniteStrings() throws Exception {
        String json = "[" + benchmark("a.B.m", "avgt", "ns/op",
                "\"rawData\": [[\"NaN\", \"+INF\", \"-INF\", 2.5]]") + "]";

        Metric metric = parser.parse(json, "test").results().get(0).primary();

        assertThat(metric.samples()[0]).containsExactly(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 2.5);
        assertThat(metric.scoreError()).isNaN();
    }

    @Test
    void rejectsWhatIsNotAJmhResultWithAMessageNamingTheFile(@TempDir Path dir) throws Exception {
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{ this is not json");
        assertThatThrownBy(() -> parser.parse(notJson)).isInstanceOf(JmhResultException.class)
                .hasMessageContaining("broken.json").hasMessageContaining("not valid JSON");

        assertThatThrownBy(() -> parser.parse("{\"a\": 1}", "x.json")).hasMessageContaining("expected an array");
        assertThatThrownBy(() -> parser.parse("[{\"benchmark\": \"a.B.m\", \"mode\": \"fast\"}]", "x.json"))
                .hasMessageContaining("#1").hasMessageContaining("Unknown JMH mode 'fast'");
        assertThatThrownBy(() -> parser.parse(dir.resolve("absent.json")))
                .hasMessageContaining("absent.json does not exist");
    }

    private static String benchmark(String name, String mode, String unit, String data) {
        return "{\"jmhVersion\": \"1.37\", \"benchmark\": \"" + name + "\", \"mode\": \"" + mode + "\","
                + "\"primaryMetric\": {\"score\": 1.0, \"scoreError\": \"NaN\", \"scoreConfidence\": [\"NaN\", \"NaN\"],"
                + "\"scoreUnit\": \"" + unit + "\", " + data + "}}";
    }

    static BenchmarkResult find(JmhRun run, String name, Mode mode, String size) {
        return run.results().stream()
                .filter(r -> r.key().name().equals(name) && r.key().mode() == mode
                        && size.equals(r.key().params().get("size")))
                .findFirst().orElseThrow();
    }
}
