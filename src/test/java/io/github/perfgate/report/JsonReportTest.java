package io.github.perfgate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ReportData data = ReportFixtures.sample();
    private final JsonNode json = read(JsonReport.render(data));

    @Test
    void theTopLevelNamesTheFormatAndTheOutcome() {
        assertThat(names(json)).containsExactly("baselineEnvironment", "benchmarks", "claims", "confidence", "counts",
                "environment", "environmentDifferences", "format", "generated", "goal", "headline", "machineDrift", "notes",
                "status",
                "title", "version");
        assertThat(json.get("format").asText()).isEqualTo("perfgate-report");
        assertThat(json.get("version").isInt()).isTrue();
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("goal").asText()).isEqualTo("check");
        assertThat(json.get("title").asText()).isEqualTo("acme-parser");
        assertThat(json.get("generated").asText()).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("headline").asText()).isEqualTo(data.headline());
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.99);
        assertThat(json.get("environmentDifferences")).hasSize(1);
        assertThat(json.get("environmentDifferences").get(0).asText()).isEqualTo("JDK 17.0.15 -> 21.0.5");
        assertThat(json.get("notes").get(0).asText()).isEqualTo("re-measured 2 benchmarks");
        assertThat(json.get("notes").get(1).asText()).isEqualTo("ran with perfgate.include=acme.parser.*");
    }

    @Test
    void countsEveryVerdictAndClaimOutcome() {
        JsonNode counts = json.get("counts");
        assertThat(names(counts)).containsExactly("allocationRegressed", "claimsMet", "claimsNotMet", "improved",
                "inconclusive", "missing", "modeChanged", "new", "recorded", "regressed", "unchanged");
        assertThat(counts.get("allocationRegressed").asInt()).isEqualTo(1);
        assertThat(counts.get("regressed").asInt()).isEqualTo(1);
        assertThat(counts.get("inconclusive").asInt()).isEqualTo(1);
        assertThat(counts.get("unchanged").asInt()).isEqualTo(4);
        assertThat(counts.get("improved").asInt()).isEqualTo(1);
        assertThat(counts.get("new").asInt()).isEqualTo(1);
        assertThat(counts.get("missing").asInt()).isEqualTo(1);
        assertThat(counts.get("modeChanged").asInt()).isEqualTo(1);
        assertThat(counts.get("recorded").asInt()).isZero();
        assertThat(counts.get("claimsMet").asInt()).isEqualTo(1);
        assertThat(counts.get("claimsNotMet").asInt()).isEqualTo(1);
    }

    @Test
    void bothEnvironmentsAreWrittenInFull() {
        JsonNode env = json.get("environment");
        assertThat(names(env)).containsExactly("cpuCount", "cpuModel", "jdkVersion", "jmhVersion", "osArch", "osName",
                "osVersion", "vmName", "vmVersion");
        assertThat(env.get("jdkVersion").asText()).isEqualTo("21.0.5");
        assertThat(env.get("vmName").asText()).isEqualTo("OpenJDK 64-Bit Server VM");
        assertThat(env.get("vmVersion").asText()).isEqualTo("21.0.5+11");
        assertThat(env.get("jmhVersion").asText()).isEqualTo("1.37");
        assertThat(env.get("osName").asText()).isEqualTo("Linux");
        assertThat(env.get("osVersion").asText()).isEqualTo("6.1.0");
        assertThat(env.get("osArch").asText()).isEqualTo("amd64");
        assertThat(env.get("cpuModel").asText()).isEqualTo("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz");
        assertThat(env.get("cpuCount").asInt()).isEqualTo(8);
        assertThat(json.get("baselineEnvironment").get("jdkVersion").asText()).isEqualTo("17.0.15");
        assertThat(json.get("baselineEnvironment").get("vmVersion").asText()).isEqualTo("17.0.15+6");
    }

    @Test
    void aComparedBenchmarkHasEveryFigure() {
        BenchmarkComparison c = ReportFixtures.find(data.report(), ReportFixtures.REGRESSED, "10");
        ChangeEstimate e = c.estimate();
        JsonNode b = benchmark("acme.parser.ParserBench.parse[size=10]");

        assertThat(names(b)).containsExactly("allocation", "baseline", "caveat", "change", "confidence", "cpu",
                "current", "decidedBy", "displayName",
                "interval", "mode", "name", "params", "reason", "sentence", "tolerance", "unit", "verdict", "wall");
        assertThat(b.get("decidedBy").asText()).as("the fixtures have no CPU time: wall time decided")
                .isEqualTo("wall");
        assertThat(b.get("cpu").isNull()).isTrue();
        assertThat(b.get("wall").get("change").asDouble()).isCloseTo(e.change(), within(1e-6));
        assertThat(b.get("wall").get("interval").get("low").asDouble()).isCloseTo(e.lowerChange(), within(1e-6));
        assertThat(b.get("name").asText()).isEqualTo("acme.parser.ParserBench.parse");
        assertThat(b.get("params").get("size").asText()).isEqualTo("10");
        assertThat(b.get("params")).hasSize(1);
        assertThat(b.get("mode").asText()).isEqualTo("avgt");
        assertThat(b.get("unit").asText()).isEqualTo("us/op");
        assertThat(b.get("verdict").asText()).isEqualTo("REGRESSED");
        assertThat(b.get("tolerance").asDouble()).isEqualTo(0.1);
        assertThat(b.get("baseline").asDouble()).isCloseTo(e.baselineLocation() * 1e6, within(1e-3));
        assertThat(b.get("current").asDouble()).isCloseTo(e.currentLocation() * 1e6, within(1e-3));
        assertThat(b.get("current").asDouble()).isCloseTo(290, within(0.5));
        assertThat(b.get("change").asDouble()).isCloseTo(e.change(), within(1e-6));
        assertThat(b.get("interval").get("low").asDouble()).isCloseTo(e.lowerChange(), within(1e-6));
        assertThat(b.get("interval").get("high").asDouble()).isCloseTo(e.upperChange(), within(1e-6));
        assertThat(b.get("interval").get("low").asDouble()).isGreaterThan(0.1);
        assertThat(b.get("confidence").asDouble()).isEqualTo(0.99);
        assertThat(b.get("caveat").asText()).isEmpty();
        assertThat(b.get("reason").asText()).isEmpty();
        assertThat(b.get("sentence").asText()).isEqualTo(Describe.sentence(c, 0.99));
    }

    @Test
    void bothLocationsAreInTheCurrentUnitEvenWhenTheBaselineUsedAnother() {
        JsonNode b = benchmark("acme.parser.ParserBench.parse[size=1000]");
        assertThat(b.get("unit").asText()).isEqualTo("ms/op");
        assertThat(b.get("baseline").asDouble()).as("20000 us/op in ms/op").isCloseTo(20.0, within(0.01));
        assertThat(b.get("current").asDouble()).isCloseTo(20.1, within(0.01));

        JsonNode throughput = benchmark("acme.parser.LexerBench.tokenize");
        assertThat(throughput.get("unit").asText()).isEqualTo("ops/s");
        assertThat(throughput.get("current").asDouble()).isCloseTo(1600, within(1.0));
        assertThat(throughput.get("change").asDouble()).as("time per operation").isCloseTo(-0.375, within(1e-3));
    }

    @Test
    void allocationFiguresAreInBytesPerOperation() {
        JsonNode b = benchmark(ReportFixtures.ALLOCATES);
        assertThat(b.get("verdict").asText()).isEqualTo("ALLOCATION_REGRESSED");
        JsonNode a = b.get("allocation");
        assertThat(names(a)).containsExactly("baseline", "caveat", "change", "current", "interval", "unit");
        assertThat(a.get("unit").asText()).isEqualTo("B/op");
        assertThat(a.get("baseline").asDouble()).isEqualTo(48);
        assertThat(a.get("current").asDouble()).isEqualTo(120);
        assertThat(a.get("change").asDouble()).isCloseTo(1.5, within(1e-9));
        assertThat(a.get("interval").get("low").asDouble()).isCloseTo(1.5, within(1e-9));
        assertThat(a.get("interval").get("high").asDouble()).isCloseTo(1.5, within(1e-9));
        assertThat(a.get("caveat").asText()).isEmpty();
        assertThat(benchmark("acme.parser.NewBench.fresh").get("allocation").isNull()).isTrue();
    }

    @Test
    void machineDriftIsReportedWithItsInterval() {
        JsonNode drift = json.get("machineDrift");
        assertThat(names(drift)).containsExactly("allowed", "change", "description", "interval", "significant",
                "unstable");
        // Not significant: the allowed drift runs from none to the measured +2%.
        assertThat(drift.get("allowed").get("low").asDouble()).isEqualTo(0.0);
        assertThat(drift.get("allowed").get("high").asDouble()).isCloseTo(0.02, within(1e-6));
        assertThat(drift.get("change").asDouble()).isCloseTo(0.02, within(1e-6));
        assertThat(drift.get("interval").get("low").asDouble()).isLessThan(0.02);
        assertThat(drift.get("interval").get("high").asDouble()).isGreaterThan(0.02);
        assertThat(drift.get("significant").asBoolean()).isFalse();
        assertThat(drift.get("unstable").asBoolean()).isFalse();
        assertThat(drift.get("description").asText()).isEqualTo(data.report().drift().describe());
    }

    @Test
    void benchmarksWithoutAComparisonHaveNullFigures() {
        JsonNode fresh = benchmark("acme.parser.NewBench.fresh");
        assertThat(fresh.get("verdict").asText()).isEqualTo("NEW");
        assertThat(fresh.get("baseline").isNull()).isTrue();
        assertThat(fresh.get("current").asDouble()).isCloseTo(7.0, within(0.01));
        assertThat(fresh.get("change").isNull()).isTrue();
        assertThat(fresh.get("interval").isNull()).isTrue();
        assertThat(fresh.get("confidence").isNull()).isTrue();
        assertThat(fresh.get("reason").asText()).isEqualTo("not in the baseline");

        JsonNode gone = benchmark("acme.parser.OldBench.retired");
        assertThat(gone.get("verdict").asText()).isEqualTo("MISSING");
        assertThat(gone.get("current").isNull()).isTrue();
        assertThat(gone.get("baseline").asDouble()).isCloseTo(10.0, within(0.01));

        JsonNode switched = benchmark("acme.parser.SwitchBench.run");
        assertThat(switched.get("verdict").asText()).isEqualTo("MODE_CHANGED");
        assertThat(switched.get("unit").asText()).isEqualTo("ns/op");
        assertThat(switched.get("baseline").asDouble()).as("5 ops/ms is 200000 ns/op").isCloseTo(200_000,
                within(100.0));
    }

    @Test
    void everyComparisonIsWrittenInTheGatesOrder() {
        GateReport report = data.report();
        List<String> names = new ArrayList<>();
        json.get("benchmarks").forEach(b -> names.add(b.get("displayName").asText() + " " + b.get("mode").asText()));
        assertThat(names).containsExactlyElementsOf(report.comparisons().stream()
                .map(c -> c.key().displayName() + " " + c.key().mode().shortName()).toList());
    }

    @Test
    void claimsCarryPatternTargetStatusImprovementAndMessage() {
        JsonNode met = json.get("claims").get(0);
        assertThat(names(met)).containsExactly("benchmark", "improvement", "interval", "message", "mode", "pattern",
                "reason", "status", "target");
        assertThat(met.get("pattern").asText()).isEqualTo("LexerBench.tokenize");
        assertThat(met.get("target").asDouble()).isEqualTo(0.2);
        assertThat(met.get("reason").asText()).isEqualTo("single-pass tokenizer");
        assertThat(met.get("benchmark").asText()).isEqualTo("acme.parser.LexerBench.tokenize");
        assertThat(met.get("mode").asText()).isEqualTo("thrpt");
        assertThat(met.get("status").asText()).isEqualTo("MET");
        assertThat(met.get("improvement").asDouble()).isCloseTo(0.375, within(1e-3));
        assertThat(met.get("interval").get("low").asDouble()).isCloseTo(data.claims().get(0).lowerImprovement(),
                within(1e-6));
        assertThat(met.get("interval").get("high").asDouble()).isCloseTo(data.claims().get(0).upperImprovement(),
                within(1e-6));
        assertThat(met.get("message").asText()).isEqualTo(data.claims().get(0).message());

        JsonNode missed = json.get("claims").get(1);
        assertThat(missed.get("status").asText()).isEqualTo("MISSED");
        assertThat(missed.get("target").asDouble()).isEqualTo(0.25);
    }

    @Test
    void aClaimThatMatchedNothingHasNullFigures() {
        GateReport report = data.report();
        ReportData noMatch = ReportData.check(report, List.of(ReportFixtures.claim("Nothing*", 0.1, null,
                io.github.perfgate.gate.ClaimResult.Status.NO_MATCH, "")), ReportFixtures.CURRENT_ENV, null, "x",
                ReportFixtures.GENERATED, List.of());
        JsonNode doc = read(JsonReport.render(noMatch));
        JsonNode claim = doc.get("claims").get(0);

        assertThat(claim.get("status").asText()).isEqualTo("NO_MATCH");
        assertThat(claim.get("benchmark").isNull()).isTrue();
        assertThat(claim.get("mode").isNull()).isTrue();
        assertThat(claim.get("improvement").isNull()).isTrue();
        assertThat(claim.get("interval").isNull()).isTrue();
        assertThat(doc.get("baselineEnvironment").isNull()).isTrue();
        assertThat(doc.get("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void aRecordingListsWhatWasMeasured() {
        JsonNode rec = read(JsonReport.render(ReportFixtures.recording()));
        assertThat(rec.get("goal").asText()).isEqualTo("baseline");
        assertThat(rec.get("status").asText()).isEqualTo("RECORDED");
        assertThat(rec.get("confidence").isNull()).isTrue();
        assertThat(rec.get("counts").get("recorded").asInt()).isEqualTo(10);
        assertThat(rec.get("machineDrift").isNull()).isTrue();
        assertThat(rec.get("benchmarks")).hasSize(10);
        JsonNode first = rec.get("benchmarks").get(0);
        assertThat(first.get("displayName").asText()).isEqualTo("acme.parser.BufferBench.copy");
        assertThat(first.get("verdict").asText()).isEqualTo("RECORDED");
        assertThat(first.get("current").asDouble()).isCloseTo(30.3, within(0.01));
        assertThat(first.get("allocation").isNull()).isTrue();
        assertThat(first.get("baseline").isNull()).isTrue();
        assertThat(first.get("tolerance").isNull()).isTrue();
        assertThat(rec.get("claims")).isEmpty();
    }

    @Test
    void anUnestimableChangeIsNullWithItsCaveat() {
        JsonNode doc = read(JsonReport.render(ReportFixtures.extremes()));
        JsonNode one = doc.get("benchmarks").get(0);
        assertThat(one.get("displayName").asText()).isEqualTo("x.One.fork");
        assertThat(one.get("verdict").asText()).isEqualTo("INCONCLUSIVE");
        assertThat(one.get("change").isNull()).isTrue();
        assertThat(one.get("interval").isNull()).isTrue();
        assertThat(one.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(one.get("caveat").asText()).isEqualTo("only one fork");
        assertThat(one.get("baseline").asDouble()).isEqualTo(5);
        JsonNode slow = doc.get("benchmarks").get(1);
        assertThat(slow.get("unit").asText()).isEqualTo("us/op");
        assertThat(slow.get("baseline").asDouble()).isEqualTo(0.004);
        assertThat(slow.get("current").asDouble()).isEqualTo(1);
        assertThat(slow.get("change").asDouble()).isEqualTo(249);
    }

    @Test
    void hostileTextSurvivesTheRoundTrip() {
        JsonNode b = benchmark(ReportFixtures.HOSTILE_NAME + "[payload=<script>alert(1)</script>,sep=a|b*c_`d`]");
        assertThat(b.get("name").asText()).isEqualTo(ReportFixtures.HOSTILE_NAME);
        assertThat(b.get("params").get("payload").asText()).isEqualTo(ReportFixtures.SCRIPT);
    }

    private JsonNode benchmark(String displayName) {
        for (JsonNode b : json.get("benchmarks")) {
            if (b.get("displayName").asText().equals(displayName)) {
                return b;
            }
        }
        throw new AssertionError("no benchmark " + displayName);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
