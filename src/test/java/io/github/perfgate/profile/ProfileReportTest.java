package io.github.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileReportTest {

    static final Path OUT = Path.of("/work/app/target/perfgate");
    static final Path RECORDING = OUT.resolve("jfr/it.profile.HotBench.hotLoop-AverageTime/profile.jfr");
    static final BenchmarkKey KEY = BenchmarkKey.of("it.profile.HotBench.hotLoop", Mode.AVERAGE_TIME);

    static Metric bytes(double perOp) {
        return new Metric(perOp, 0, perOp, perOp, "B/op", new double[][] {{perOp}});
    }

    static final Metric SCORE = new Metric(152.4, 3, 149.4, 155.4, "us/op", new double[][] {{150, 154.8}});

    static BenchmarkProfile profile(Map<String, Long> samples, Metric allocation) {
        return new BenchmarkProfile(KEY, SCORE, allocation, HotMethods.of(samples), List.of(RECORDING));
    }

    static Map<String, Long> crunchDominates() {
        Map<String, Long> samples = new LinkedHashMap<>();
        samples.put("it.profile.Work.crunch", 190L);
        samples.put("it.profile.jmh_generated.HotBench_hotLoop_jmhTest.hotLoop_avgt_jmhStub", 6L);
        samples.put("it.profile.HotBench.hotLoop", 4L);
        return samples;
    }

    @Test
    void consolePrintsAnAlignedTablePerBenchmark() {
        ProfileReport report = new ProfileReport(List.of(profile(crunchDominates(), bytes(3.318))),
                ProfileReport.Sampler.JFR, 20);

        assertThat(report.consoleLines()).containsExactly(
                "Profile of it.profile.HotBench.hotLoop (avgt): 152 us/op, 3.32 B/op allocated, 200 CPU samples",
                "  #  Samples  Self time  Method",
                "  1      190      95.0%  it.profile.Work.crunch",
                "  2        6       3.0%  it.profile.jmh_generated.HotBench_hotLoop_jmhTest.hotLoop_avgt_jmhStub",
                "  3        4       2.0%  it.profile.HotBench.hotLoop",
                "  JFR recording: " + RECORDING);
    }

    @Test
    void markdownHasATablePerBenchmarkWithAllocationAndHowItWasSampled() {
        ProfileReport report = new ProfileReport(List.of(profile(crunchDominates(), bytes(3.318))),
                ProfileReport.Sampler.JFR, 2);

        String md = report.markdown(OUT);

        assertThat(md).startsWith("# perfgate profile\n");
        assertThat(md).contains("## `it.profile.HotBench.hotLoop` (avgt)\n");
        assertThat(md).contains("- Score: 152 us/op (measured while profiling, for orientation only)\n");
        assertThat(md).contains("- CPU samples: 200\n");
        assertThat(md).contains("- Allocation: 3.32 B/op (`gc.alloc.rate.norm`)\n");
        assertThat(md).contains("- JFR recording: [`jfr/it.profile.HotBench.hotLoop-AverageTime/profile.jfr`]"
                + "(jfr/it.profile.HotBench.hotLoop-AverageTime/profile.jfr)\n");
        assertThat(md).contains("| # | Method | Samples | Self time |\n|--:|:--|--:|--:|\n"
                + "| 1 | `it.profile.Work.crunch` | 190 | 95.0% |\n"
                + "| 2 | `it.profile.jmh_generated.HotBench_hotLoop_jmhTest.hotLoop_avgt_jmhStub` | 6 | 3.0% |\n"
                + "\n1 more method had the other 2.0% of the samples.\n");
        assertThat(md).contains("## How this was measured");
        assertThat(md).contains("every 10 ms (`jdk.ExecutionSample`)");
        assertThat(md).contains("warm-up is not recorded");
        assertThat(md).doesNotContain("> ");
    }

    @Test
    void pipesInMethodNamesAreEscapedInTableCells() {
        Map<String, Long> samples = Map.of("weird.Na|me.op|er", 150L);

        String md = new ProfileReport(List.of(profile(samples, null)), ProfileReport.Sampler.JFR, 20)
                .markdown(OUT);

        assertThat(md).contains("| 1 | `weird.Na\\|me.op\\|er` | 150 | 100.0% |\n");
        assertThat(md).contains("- Allocation: not measured\n");
    }

    @Test
    void codeSpansShowBackticksLiterally() {
        assertThat(ProfileReport.codeSpan("a.B.m")).isEqualTo("`a.B.m`");
        assertThat(ProfileReport.codeSpan("a.`B`.m")).isEqualTo("``a.`B`.m``");
        assertThat(ProfileReport.codeSpan("`x``")).isEqualTo("``` `x`` ```");
        assertThat(ProfileReport.codeSpan("two\nlines")).isEqualTo("`two lines`");
        assertThat(ProfileReport.tableCode("a|b")).isEqualTo("`a\\|b`");
    }

    @Test
    void fewSamplesAndAHarnessDominatedProfileGetNotes() {
        Map<String, Long> samples = new LinkedHashMap<>();
        samples.put("acme.jmh_generated.TinyBench_noop_jmhTest.noop_thrpt_jmhStub", 30L);
        samples.put("org.openjdk.jmh.infra.Blackhole.consume", 10L);
        samples.put("acme.Tiny.noop", 10L);

        ProfileReport report = new ProfileReport(List.of(profile(samples, bytes(0))), ProfileReport.Sampler.JFR, 20);

        assertThat(report.consoleLines()).anySatisfy(line -> assertThat(line).startsWith(
                "  Note: only 50 samples, so the shares are rough"));
        assertThat(report.consoleLines()).anySatisfy(line -> assertThat(line).startsWith(
                "  Note: 80.0% of the samples are in JMH's own code"));
        assertThat(report.markdown(OUT)).contains("> only 50 samples").contains("> 80.0% of the samples");
    }

    @Test
    void aBenchmarkWithoutSamplesSaysSo() {
        BenchmarkProfile empty = new BenchmarkProfile(KEY, SCORE, null, HotMethods.empty(), List.of());

        ProfileReport report = new ProfileReport(List.of(empty), ProfileReport.Sampler.JFR, 20);

        assertThat(report.consoleLines()).containsExactly(
                "Profile of it.profile.HotBench.hotLoop (avgt): 152 us/op, allocation not measured, 0 CPU samples",
                "  No CPU samples were recorded for this benchmark.");
        assertThat(report.markdown(OUT)).contains("No CPU samples were recorded for this benchmark.");
    }

    @Test
    void asyncProfilerOutputIsListedNotRanked() {
        Path summary = OUT.resolve("async/it.profile.HotBench.hotLoop-AverageTime/summary-cpu.txt");
        BenchmarkProfile async = new BenchmarkProfile(KEY, SCORE, bytes(16), null, List.of(summary));

        ProfileReport report = new ProfileReport(List.of(async), ProfileReport.Sampler.ASYNC, 20);

        assertThat(report.consoleLines()).containsExactly(
                "Profile of it.profile.HotBench.hotLoop (avgt): 152 us/op, 16.0 B/op allocated",
                "  async-profiler output: " + summary);
        assertThat(report.markdown(OUT))
                .contains("- async-profiler output: [`async/it.profile.HotBench.hotLoop-AverageTime/summary-cpu.txt`]")
                .doesNotContain("| # |")
                .contains("async-profiler");
    }
}
