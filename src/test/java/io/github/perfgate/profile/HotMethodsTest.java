package io.github.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotMethodsTest {

    @TempDir
    Path dir;

    @Test
    void theMethodThatSpinsRanksFirstWithMostOfTheSamples() throws Exception {
        Path recording = JfrFixtures.recordSpinning(dir.resolve("spin.jfr"));

        HotMethods hot = HotMethods.read(List.of(recording));

        // About 100 at 10 ms on an idle machine; far fewer when other processes starve JFR's sampler thread.
        assertThat(hot.totalSamples()).isGreaterThanOrEqualTo(3);
        HotMethod first = hot.ranked().get(0);
        assertThat(first.method()).isEqualTo("io.github.perfgate.profile.JfrFixtures.spinForOneSecond");
        assertThat(first.share()).isGreaterThan(0.6);
        assertThat(hot.ranked()).extracting(HotMethod::method)
                .as("the profiler's own threads are left out")
                .doesNotContain("io.github.perfgate.profile.JfrFixtures.profilerWork");
        assertThat(hot.ranked()).extracting(HotMethod::share).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
        assertThat(hot.ranked().stream().mapToDouble(HotMethod::share).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(hot.ranked().stream().mapToLong(HotMethod::samples).sum()).isEqualTo(hot.totalSamples());
    }

    @Test
    void recordingsAddUp() throws Exception {
        Path recording = JfrFixtures.recordSpinning(dir.resolve("spin.jfr"));
        HotMethods once = HotMethods.read(List.of(recording));

        HotMethods twice = HotMethods.read(List.of(recording, recording));

        assertThat(twice.totalSamples()).isEqualTo(2 * once.totalSamples());
        assertThat(twice.ranked().get(0).samples()).isEqualTo(2 * once.ranked().get(0).samples());
    }

    @Test
    void aRecordingWithoutExecutionSamplesHasNoMethods() throws Exception {
        HotMethods hot = HotMethods.read(List.of(JfrFixtures.recordNothing(dir.resolve("empty.jfr"))));

        assertThat(hot.totalSamples()).isZero();
        assertThat(hot.ranked()).isEmpty();
        assertThat(hot.harnessShare()).isZero();
    }

    @Test
    void aFileThatIsNotARecordingIsReportedWithItsPath() throws IOException {
        Path notJfr = Files.writeString(dir.resolve("profile.jfr"), "not a recording");

        assertThatThrownBy(() -> HotMethods.read(List.of(notJfr)))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("Cannot read the JFR recording " + notJfr);
    }

    @Test
    void ranksByMostSamplesThenByName() {
        HotMethods hot = HotMethods.of(Map.of("b.B.two", 10L, "a.A.one", 10L, "c.C.hot", 30L));

        assertThat(hot.ranked()).containsExactly(
                new HotMethod("c.C.hot", 30, 0.6),
                new HotMethod("a.A.one", 10, 0.2),
                new HotMethod("b.B.two", 10, 0.2));
        assertThat(hot.top(1)).containsExactly(new HotMethod("c.C.hot", 30, 0.6));
        assertThat(hot.top(10)).hasSize(3);
        assertThat(hot.totalSamples()).isEqualTo(50);
    }

    @Test
    void countsJmhsOwnFramesAsHarnessWithoutDroppingThem() {
        HotMethods hot = HotMethods.of(Map.of(
                "acme.jmh_generated.ParserBench_parse_jmhTest.parse_avgt_jmhStub", 30L,
                "org.openjdk.jmh.infra.Blackhole.consume", 20L,
                "acme.Parser.parse", 50L));

        assertThat(hot.harnessShare()).isCloseTo(0.5, within(1e-9));
        assertThat(hot.ranked()).extracting(HotMethod::method).containsExactly("acme.Parser.parse",
                "acme.jmh_generated.ParserBench_parse_jmhTest.parse_avgt_jmhStub",
                "org.openjdk.jmh.infra.Blackhole.consume");
    }

    @Test
    void recognisesTheProfilersOwnThreads() {
        assertThat(HotMethods.isProfilerThread("Attach Listener")).isTrue();
        assertThat(HotMethods.isProfilerThread("JFR Periodic Tasks")).isTrue();
        assertThat(HotMethods.isProfilerThread("it.profile.HotBench.hotLoop-jmh-worker-1")).isFalse();
        assertThat(HotMethods.isProfilerThread("main")).isFalse();
        assertThat(HotMethods.isProfilerThread("JFRish")).isFalse();
        assertThat(HotMethods.isProfilerThread(null)).isFalse();
    }

    @Test
    void recognisesHarnessFrames() {
        assertThat(HotMethods.isHarness("org.openjdk.jmh.infra.Blackhole.consume")).isTrue();
        assertThat(HotMethods.isHarness("it.profile.jmh_generated.HotBench_hotLoop_jmhTest.hotLoop_avgt_jmhStub"))
                .isTrue();
        assertThat(HotMethods.isHarness("jmh_generated.Bench_m_jmhTest.m_thrpt_jmhStub")).isTrue();
        assertThat(HotMethods.isHarness("it.profile.Work.crunch")).isFalse();
        assertThat(HotMethods.isHarness("org.openjdk.jmhx.Other.m")).isFalse();
    }
}
