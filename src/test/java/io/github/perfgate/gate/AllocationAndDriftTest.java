package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.HierarchicalBootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationAndDriftTest {

    private final RegressionGate gate = new RegressionGate(new HierarchicalBootstrap(),
            new GateSettings(0.10, List.of(), 0.99, 0.10));

    static BenchmarkResult withAllocation(double timeCenter, double bytes) {
        double[][] alloc = {{bytes, bytes}, {bytes, bytes}, {bytes, bytes}};
        return new BenchmarkResult(BenchmarkKey.of("a.B.m", Mode.AVERAGE_TIME),
                new Metric(timeCenter, 0, 0, 0, "ns/op", RegressionGateTest.around(timeCenter)),
                new Metric(bytes, 0, 0, 0, "B/op", alloc));
    }

    private BenchmarkComparison compare(BenchmarkResult before, BenchmarkResult after) {
        return gate.compare(RegressionGateTest.baseline(before), List.of(after), RegressionGateTest.ENV)
                .comparisons().get(0);
    }

    @Test
    void moreAllocationFailsEvenWhenTimeIsUnchanged() {
        BenchmarkComparison c = compare(withAllocation(100, 48), withAllocation(100, 72));

        assertThat(c.verdict()).isEqualTo(Verdict.ALLOCATION_REGRESSED);
        assertThat(c.verdict().failing()).isTrue();
        assertThat(c.allocation().change()).isCloseTo(0.5, within(1e-9));
        assertThat(c.reason()).contains("allocation 48.0 -> 72.0 B/op (+50.0%), beyond the 10% allocation tolerance");
    }

    @Test
    void allocatingFromNothingFailsAndFractionsOfAByteDoNot() {
        assertThat(compare(withAllocation(100, 0.02), withAllocation(100, 24)).verdict())
                .isEqualTo(Verdict.ALLOCATION_REGRESSED);
        assertThat(compare(withAllocation(100, 0.1), withAllocation(100, 0.3)).verdict())
                .isEqualTo(Verdict.UNCHANGED);
        assertThat(compare(withAllocation(100, 48), withAllocation(100, 52)).verdict())
                .isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void aSlowerAllocationFreeBenchmarkIsNotReadAsAllocatingMore() {
        // JMH's ~6 KB per iteration spread over fewer operations: 2 ms/op -> 3.4 ms/op reads 11.6 -> 19.7 B/op.
        BenchmarkResult before = new BenchmarkResult(BenchmarkKey.of("a.B.m", Mode.AVERAGE_TIME),
                new Metric(2, 0, 0, 0, "ms/op", RegressionGateTest.around(2)),
                new Metric(11.6, 0, 0, 0, "B/op", new double[][] {{11.6, 11.6}, {11.6, 11.6}, {11.6, 11.6}}));
        BenchmarkResult after = new BenchmarkResult(BenchmarkKey.of("a.B.m", Mode.AVERAGE_TIME),
                new Metric(3.4, 0, 0, 0, "ms/op", RegressionGateTest.around(3.4)),
                new Metric(19.7, 0, 0, 0, "B/op", new double[][] {{19.7, 19.7}, {19.7, 19.7}, {19.7, 19.7}}));

        BenchmarkComparison c = compare(before, after);

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.reason()).doesNotContain("allocation");
    }

    @Test
    void theAllocationGateCanBeTurnedOff() {
        RegressionGate off = new RegressionGate(new HierarchicalBootstrap(),
                new GateSettings(0.10, List.of(), 0.99, -1));
        BenchmarkComparison c = off.compare(RegressionGateTest.baseline(withAllocation(100, 48)),
                List.of(withAllocation(100, 96)), RegressionGateTest.ENV).comparisons().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.allocation().change()).isCloseTo(1.0, within(1e-9));
    }

    static Calibration calibration(double center) {
        return new Calibration("sort-4096-v1", RegressionGateTest.around(center));
    }

    @Test
    void aSlowerMachineIsNotReadAsARegression() {
        // Unchanged code checked beside a CPU hog: the benchmark and the calibration both read +70%.
        BenchmarkResult quiet = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(100));
        BenchmarkResult loaded = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(170));
        Baseline baseline = new Baseline("t", "", RegressionGateTest.ENV, List.of(quiet), calibration(1000));

        GateReport uncorrected = gate.compare(baseline, List.of(loaded), RegressionGateTest.ENV, null);
        GateReport corrected = gate.compare(baseline, List.of(loaded), RegressionGateTest.ENV, calibration(1700));

        assertThat(uncorrected.comparisons().get(0).verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(corrected.drift().significant()).isTrue();
        assertThat(corrected.drift().describe()).contains("70% slower");
        BenchmarkComparison c = corrected.comparisons().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
        assertThat(c.estimate().change()).isCloseTo(0, within(0.01));
        assertThat(c.reason()).contains("corrected for machine drift +70.0%");
    }

    @Test
    void aRealSlowdownOnASlowerMachineStillFails() {
        BenchmarkResult quiet = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(100));
        BenchmarkResult slowedAndLoaded = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(100 * 2 * 1.7));
        Baseline baseline = new Baseline("t", "", RegressionGateTest.ENV, List.of(quiet), calibration(1000));

        BenchmarkComparison c = gate.compare(baseline, List.of(slowedAndLoaded), RegressionGateTest.ENV,
                calibration(1700)).comparisons().get(0);

        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.estimate().change()).isCloseTo(1.0, within(0.03));
    }

    @Test
    void smallDriftIsNotCorrected() {
        BenchmarkResult base = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(100));
        Baseline baseline = new Baseline("t", "", RegressionGateTest.ENV, List.of(base), calibration(1000));

        GateReport small = gate.compare(baseline, List.of(base), RegressionGateTest.ENV, calibration(1020));

        assertThat(small.drift().significant()).isFalse();
        assertThat(small.drift().noteworthy()).isFalse();
        assertThat(small.drift().describe()).startsWith("machine speed matches the baseline's");
        BenchmarkComparison c = small.comparisons().get(0);
        assertThat(c.estimate().change()).isCloseTo(0, within(1e-9));
        // The interval allows for the 2% the calibration saw: its lower end is divided by 1.02.
        assertThat(c.estimate().lowerRatio()).isLessThan(1 / 1.019);
        assertThat(c.verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void aLargeDriftTooNoisyToBeSignificantIsStillAllowedFor() {
        // Beside CPU hogs the calibration's JVMs disagree widely: +70% on average, but not significantly.
        double[][] noisy = {{1000, 1000, 1000, 1000, 1000}, {1000, 1000, 1000, 1000, 1000},
            {2400, 2400, 2400, 2400, 2400}, {2400, 2400, 2400, 2400, 2400}};
        Baseline baseline = new Baseline("t", "", RegressionGateTest.ENV, List.of(RegressionGateTest.result("a.B.m",
                Mode.AVERAGE_TIME, "ns/op", RegressionGateTest.around(100))), calibration(1000));
        BenchmarkResult slowerMachine = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(160));

        GateReport report = gate.compare(baseline, List.of(slowerMachine), RegressionGateTest.ENV,
                new Calibration("sort-4096-v1", noisy));

        assertThat(report.drift().significant()).isFalse();
        assertThat(report.drift().estimate().change()).isCloseTo(0.7, within(0.01));
        assertThat(report.drift().plausibleUpper()).isCloseTo(1.7, within(0.01));
        assertThat(report.drift().noteworthy()).isTrue();
        assertThat(report.drift().describe()).contains("machine drift not significant (calibration workload +70.0%")
                .contains("varied widely");
        // Unchanged code on a machine that may be 70% slower: not a regression (the old rule called it one).
        BenchmarkComparison c = report.comparisons().get(0);
        assertThat(c.estimate().change()).isCloseTo(0.6, within(0.01));
        assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason()).contains("interval allows for machine drift +70.0%");
        // A 5x slowdown is beyond any drift the calibration saw.
        BenchmarkComparison fiveTimes = gate.compare(baseline, List.of(RegressionGateTest.result("a.B.m",
                Mode.AVERAGE_TIME, "ns/op", RegressionGateTest.around(500))), RegressionGateTest.ENV,
                new Calibration("sort-4096-v1", noisy)).comparisons().get(0);
        assertThat(fiveTimes.verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void anUnstableMachineIsReportedButStillGatesBigChangesAndAllocation() {
        Baseline baseline = new Baseline("t", "", RegressionGateTest.ENV, List.of(withAllocation(100, 48)),
                calibration(1000));
        double[][] erratic = {{1000, 1000, 1000}, {2000, 2000, 2000}};

        GateReport report = gate.compare(baseline, List.of(withAllocation(100, 96)), RegressionGateTest.ENV,
                new Calibration("sort-4096-v1", erratic));
        GateReport slowed = gate.compare(baseline, List.of(withAllocation(500, 48)), RegressionGateTest.ENV,
                new Calibration("sort-4096-v1", erratic));

        assertThat(report.drift().unstable()).isTrue();
        assertThat(report.drift().noteworthy()).isTrue();
        assertThat(report.drift().describe()).contains("the machine's speed varied widely during this check"
                + " (calibration spread 100%");
        // Allocation is counted, not timed: an unstable machine does not hide its growth.
        assertThat(report.comparisons().get(0).verdict()).isEqualTo(Verdict.ALLOCATION_REGRESSED);
        assertThat(slowed.comparisons().get(0).verdict()).isEqualTo(Verdict.REGRESSED);
    }

    @Test
    void anUnstableBaselineCalibrationIsReportedAndItsNoiseAllowedFor() {
        double[][] erratic = {{1000, 1000, 1000}, {2500, 2500, 2500}};
        BenchmarkResult base = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(100));
        Baseline baseline = new Baseline("t", "", RegressionGateTest.ENV, List.of(base),
                new Calibration("sort-4096-v1", erratic));

        GateReport report = gate.compare(baseline, List.of(RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME,
                "ns/op", RegressionGateTest.around(500))), RegressionGateTest.ENV, calibration(3000));

        assertThat(report.drift().baselineUnstable()).isTrue();
        assertThat(report.drift().unstable()).isFalse();
        assertThat(report.drift().describe()).contains("re-record the baseline");
        BenchmarkComparison c = report.comparisons().get(0);
        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(c.estimate().lowerRatio()).isLessThanOrEqualTo(5.0 * 1.01 / report.drift().plausibleUpper());
    }

    @Test
    void differentWorkloadsAreNotCompared() {
        assertThat(MachineDrift.between(calibration(1000), new Calibration("other-v2",
                RegressionGateTest.around(2000)), new HierarchicalBootstrap(), 0.99)).isEmpty();
        assertThat(MachineDrift.between(null, calibration(1), new HierarchicalBootstrap(), 0.99)).isEmpty();
    }

    @Test
    void aBaselineCalibratedWithAnotherWorkloadOrNotAtAllIsReportedAsAnEnvironmentDifference() {
        BenchmarkResult unchanged = RegressionGateTest.result("a.B.m", Mode.AVERAGE_TIME, "ns/op",
                RegressionGateTest.around(100));
        Baseline older = new Baseline("t", "", RegressionGateTest.ENV, List.of(unchanged), calibration(1000));
        Baseline uncalibrated = new Baseline("t", "", RegressionGateTest.ENV, List.of(unchanged), null);
        Calibration now = new Calibration("mix64-4096-v2", RegressionGateTest.around(1000));

        GateReport otherWorkload = gate.compare(older, List.of(unchanged), RegressionGateTest.ENV, now);
        GateReport none = gate.compare(uncalibrated, List.of(unchanged), RegressionGateTest.ENV, now);

        assertThat(otherWorkload.drift()).isNull();
        assertThat(otherWorkload.environmentDifferences()).singleElement().asString()
                .contains("sort-4096-v1 -> mix64-4096-v2").contains("machine drift not corrected")
                .contains("record the baseline again");
        assertThat(none.environmentDifferences()).singleElement().asString()
                .contains("none -> mix64-4096-v2").contains("machine drift not corrected");
        assertThat(gate.compare(older, List.of(unchanged), RegressionGateTest.ENV, calibration(1000))
                .environmentDifferences()).isEmpty();
        assertThat(gate.compare(uncalibrated, List.of(unchanged), RegressionGateTest.ENV, null)
                .environmentDifferences()).isEmpty();
    }
}
