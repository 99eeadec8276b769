package io.github.perfgate.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code target/perfgate/jmh-result.json} is JMH's own {@code -rf json} output of the last measurement (written by
 * JMH through {@code AbstractPerfgateMojo}'s run request), so tools that read JMH's JSON can read it. This checks
 * that a JMH 1.37 result, as the file holds it, carries what those tools read:
 * <ul>
 *   <li>github-action-benchmark ({@code tool: 'jmh'}, {@code src/extract.ts}, {@code extractJmhResult}): a JSON
 *       array; per element {@code benchmark}, {@code params}, {@code primaryMetric.score},
 *       {@code primaryMetric.scoreError}, {@code primaryMetric.scoreUnit}, {@code forks}, {@code threads},
 *       {@code measurementIterations};</li>
 *   <li>Bencher ({@code bencher run --adapter java_jmh}, {@code lib/bencher_adapter/src/adapters/java/jmh.rs},
 *       {@code AdapterJavaJmh}): a JSON array ({@code Jmh(Vec<Benchmark>)}), per element {@code benchmark},
 *       {@code mode} and {@code primaryMetric} with {@code score}, {@code scoreError}, {@code scoreUnit}.</li>
 * </ul>
 */
class JmhResultForOtherToolsTest {

    @Test
    void jmhJsonHasTheFieldsTheAdaptersRead() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/io/github/perfgate/jmh/jmh-1.37.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        assertThat(doc.isArray()).isTrue();
        assertThat(doc.size()).isPositive();
        for (JsonNode b : doc) {
            assertThat(b.path("benchmark").isTextual()).isTrue();
            assertThat(b.path("mode").asText()).isIn("thrpt", "avgt", "sample", "ss");
            assertThat(b.path("forks").isInt()).isTrue();
            assertThat(b.path("threads").isInt()).isTrue();
            assertThat(b.path("measurementIterations").isInt()).isTrue();
            JsonNode m = b.path("primaryMetric");
            assertThat(m.path("score").isNumber()).isTrue();
            assertThat(m.path("scoreError").isNumber() || "NaN".equals(m.path("scoreError").asText())).isTrue();
            assertThat(m.path("scoreUnit").isTextual()).isTrue();
        }
    }
}
