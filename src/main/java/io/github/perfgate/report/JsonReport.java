package io.github.perfgate.report;

import io.github.perfgate.baseline.StableJson;
import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.ClaimResult;
import io.github.perfgate.gate.Describe;
import io.github.perfgate.gate.GateReport;
import io.github.perfgate.gate.MachineDrift;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.ScoreUnit;
import io.github.perfgate.stats.ChangeEstimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.json}: the result for machines (bots, dashboards, trend stores). The schema, field by field, is in
 * {@code src/site/markdown/report-json.md}; {@link #FORMAT} and {@link #VERSION} identify it. Written with
 * {@link StableJson}: keys sorted, numbers to six significant digits, and {@code null} for a figure that does not
 * exist or is not finite.
 */
public final class JsonReport {

    public static final String FILE_NAME = "report.json";

    /** The value of the top-level {@code format} field. */
    public static final String FORMAT = "perfgate-report";

    /** The schema version; raised on any change a reader could trip over. */
    public static final int VERSION = 1;

    /** The verdict of every benchmark in the report of a {@code baseline} recording. */
    public static final String RECORDED = "RECORDED";

    private JsonReport() {
    }

    public static String render(ReportData data) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("goal", data.compared() ? "check" : "baseline");
        doc.put("title", data.title());
        doc.put("generated", data.generated().toString());
        doc.put("status", data.status().name());
        doc.put("headline", data.headline());
        doc.put("confidence", data.compared() ? finite(data.report().confidence()) : null);
        doc.put("counts", counts(data));
        doc.put("environment", environment(data.environment()));
        doc.put("baselineEnvironment", data.baselineEnvironment() == null ? null
                : environment(data.baselineEnvironment()));
        doc.put("environmentDifferences", data.environmentDifferences());
        doc.put("machineDrift", data.compared() ? data.report().driftIfAny().map(JsonReport::drift).orElse(null)
                : null);
        doc.put("notes", data.notes());
        List<Object> benchmarks = new ArrayList<>();
        if (data.compared()) {
            for (BenchmarkComparison c : data.report().comparisons()) {
                benchmarks.add(compared(c, data.report().confidence()));
            }
        } else {
            for (BenchmarkResult r : data.measured().stream().sorted(Comparator.comparing(BenchmarkResult::key))
                    .toList()) {
                benchmarks.add(recorded(r));
            }
        }
        doc.put("benchmarks", benchmarks);
        List<Object> claims = new ArrayList<>();
        for (ClaimResult r : data.claims()) {
            claims.add(claim(r));
        }
        doc.put("claims", claims);
        return StableJson.write(doc);
    }

    private static Map<String, Object> counts(ReportData data) {
        Map<String, Object> counts = new LinkedHashMap<>();
        GateReport report = data.report();
        for (Verdict v : Verdict.values()) {
            counts.put(countName(v), report == null ? 0 : (int) report.count(v));
        }
        counts.put("recorded", report == null ? data.measured().size() : 0);
        counts.put("claimsMet", (int) data.claimsMet());
        counts.put("claimsNotMet", (int) data.claimsNotMet());
        return counts;
    }

    /** The key of a verdict in {@code counts}: {@code regressed}, {@code allocationRegressed}, ..., {@code modeChanged}. */
    static String countName(Verdict verdict) {
        return switch (verdict) {
            case MODE_CHANGED -> "modeChanged";
            case ALLOCATION_REGRESSED -> "allocationRegressed";
            default -> verdict.name().toLowerCase(Locale.ROOT);
        };
    }

    private static Map<String, Object> compared(BenchmarkComparison c, double confidence) {
        Map<String, Object> b = key(c.key());
        ScoreUnit unit = ReportText.unit(c);
        ChangeEstimate e = c.estimate();
        boolean numbers = ReportText.hasNumbers(c);
        b.put("unit", unit.label());
        b.put("verdict", c.verdict().name());
        b.put("tolerance", finite(c.tolerance()));
        b.put("baseline", finite(ReportText.baselineLocation(c, unit)));
        b.put("current", finite(ReportText.currentLocation(c, unit)));
        b.put("change", numbers ? finite(e.change()) : null);
        b.put("interval", numbers ? interval(e.lowerChange(), e.upperChange()) : null);
        b.put("confidence", e == null ? null : finite(e.confidence()));
        b.put("caveat", e == null ? "" : e.caveat());
        b.put("reason", c.reason());
        b.put("sentence", Describe.sentence(c, confidence));
        b.put("allocation", c.allocation() == null ? null : allocation(c.allocation()));
        b.put("decidedBy", e == null ? null : c.decidedBy().parameterValue());
        b.put("wall", c.wallEstimate().map(JsonReport::timeChange).orElse(null));
        b.put("cpu", c.cpuEstimate().map(JsonReport::timeChange).orElse(null));
        return b;
    }

    /** One time metric's change: the change and, when it has one, its interval and confidence. */
    private static Map<String, Object> timeChange(ChangeEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("change", finite(e.change()));
        m.put("interval", e.estimable() ? interval(e.lowerChange(), e.upperChange()) : null);
        m.put("confidence", e.estimable() ? finite(e.confidence()) : null);
        return m;
    }

    private static Map<String, Object> recorded(BenchmarkResult r) {
        Map<String, Object> b = key(r.key());
        b.put("unit", r.primary().unit());
        b.put("verdict", RECORDED);
        b.put("tolerance", null);
        b.put("baseline", null);
        b.put("current", finite(r.primary().score()));
        b.put("change", null);
        b.put("interval", null);
        b.put("confidence", null);
        b.put("caveat", "");
        b.put("reason", "");
        b.put("sentence", r.key().displayName() + " recorded " + Describe.number(r.primary().score()) + " "
                + r.primary().unit());
        b.put("allocation", null);
        b.put("decidedBy", null);
        b.put("wall", null);
        b.put("cpu", null);
        return b;
    }

    private static Map<String, Object> key(BenchmarkKey key) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", key.name());
        b.put("displayName", key.displayName());
        b.put("params", new LinkedHashMap<>(key.params()));
        b.put("mode", key.mode().shortName());
        return b;
    }

    private static Map<String, Object> allocation(ChangeEstimate a) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean numbers = a.estimable() && Double.isFinite(a.change()) && Double.isFinite(a.lowerChange())
                && Double.isFinite(a.upperChange());
        m.put("unit", "B/op");
        m.put("baseline", finite(a.baselineLocation()));
        m.put("current", finite(a.currentLocation()));
        m.put("change", numbers ? finite(a.change()) : null);
        m.put("interval", numbers ? interval(a.lowerChange(), a.upperChange()) : null);
        m.put("caveat", a.caveat());
        return m;
    }

    private static Map<String, Object> drift(MachineDrift d) {
        ChangeEstimate e = d.estimate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("change", finite(e.change()));
        m.put("interval", interval(e.lowerChange(), e.upperChange()));
        m.put("significant", d.significant());
        m.put("allowed", interval(d.plausibleLower() - 1, d.plausibleUpper() - 1));
        m.put("unstable", d.unstable());
        m.put("description", d.describe());
        return m;
    }

    private static Map<String, Object> claim(ClaimResult r) {
        Map<String, Object> c = new LinkedHashMap<>();
        boolean numbers = ReportText.hasNumbers(r);
        c.put("pattern", r.claim().pattern().text());
        c.put("target", finite(r.claim().target()));
        c.put("reason", r.claim().reason());
        c.put("benchmark", r.comparison() == null ? null : r.comparison().key().displayName());
        c.put("mode", r.comparison() == null ? null : r.comparison().key().mode().shortName());
        c.put("status", r.status().name());
        c.put("improvement", numbers ? finite(r.improvement()) : null);
        c.put("interval", numbers ? interval(r.lowerImprovement(), r.upperImprovement()) : null);
        c.put("message", r.message());
        return c;
    }

    private static Map<String, Object> environment(Environment e) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdkVersion", e.jdkVersion());
        env.put("vmName", e.vmName());
        env.put("vmVersion", e.vmVersion());
        env.put("jmhVersion", e.jmhVersion());
        env.put("osName", e.osName());
        env.put("osVersion", e.osVersion());
        env.put("osArch", e.osArch());
        env.put("cpuModel", e.cpuModel());
        env.put("cpuCount", e.cpuCount());
        return env;
    }

    private static Map<String, Object> interval(double low, double high) {
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("low", finite(low));
        interval.put("high", finite(high));
        return interval;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
