package io.github.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {

    static final BenchmarkKey HOT = BenchmarkKey.of("it.profile.HotBench.hotLoop", Mode.AVERAGE_TIME);
    static final BenchmarkKey COLD = BenchmarkKey.of("it.profile.HotBench.idle", Mode.AVERAGE_TIME);

    @TempDir
    Path dir;

    static BenchmarkResult result(BenchmarkKey key, Double bytesPerOp) {
        Metric time = new Metric(150, 1, 149, 151, "us/op", new double[][] {{150, 151}});
        Metric alloc = bytesPerOp == null ? null
                : new Metric(bytesPerOp, 0, bytesPerOp, bytesPerOp, "B/op", new double[][] {{bytesPerOp}});
        return new BenchmarkResult(key, time, alloc);
    }

    static JmhRun run(BenchmarkResult... results) {
        return new JmhRun(List.of(results), "1.37", "17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6");
    }

    @Test
    void readsEachBenchmarksRecordingFromWhereJmhWroteIt() throws Exception {
        Path recording = ProfileFiles.jfrRecording(dir, HOT);
        Files.createDirectories(recording.getParent());
        JfrFixtures.recordSpinning(recording);

        List<BenchmarkProfile> profiles = Profiles.fromJfr(run(result(HOT, 3.3), result(COLD, null)), dir);

        assertThat(profiles).hasSize(2);
        BenchmarkProfile hot = profiles.get(0);
        assertThat(hot.key()).isEqualTo(HOT);
        assertThat(hot.files()).containsExactly(recording);
        assertThat(hot.allocation().score()).isEqualTo(3.3);
        assertThat(hot.hotMethods().ranked().get(0).method())
                .isEqualTo("io.github.perfgate.profile.JfrFixtures.spinForOneSecond");
        BenchmarkProfile cold = profiles.get(1);
        assertThat(cold.files()).isEmpty();
        assertThat(cold.allocation()).isNull();
        assertThat(cold.hotMethods().totalSamples()).isZero();
    }

    @Test
    void noRecordingAtAllSaysWhereItWasExpected() {
        assertThatThrownBy(() -> Profiles.fromJfr(run(result(HOT, 0.0)), dir))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("JMH's jfr profiler wrote no recording into " + dir)
                .hasMessageContaining("it.profile.HotBench.hotLoop-AverageTime");
    }

    @Test
    void recordingsWithoutSamplesExplainThatTheIterationsWereTooShort() throws Exception {
        Path recording = ProfileFiles.jfrRecording(dir, HOT);
        Files.createDirectories(recording.getParent());
        JfrFixtures.recordNothing(recording);

        assertThatThrownBy(() -> Profiles.fromJfr(run(result(HOT, 0.0)), dir))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("JFR recorded no CPU sample (jdk.ExecutionSample) during the measurement"
                        + " iterations of it.profile.HotBench.hotLoop")
                .hasMessageContaining("too short");
    }

    @Test
    void asyncProfilerOutputIsListedPerBenchmark() throws Exception {
        Path trial = Files.createDirectories(ProfileFiles.asyncTrialDirectory(dir, HOT));
        Files.writeString(trial.resolve("summary-cpu.txt"), "flat");
        Files.writeString(trial.resolve("flame-cpu-forward.html"), "<html>");

        List<BenchmarkProfile> profiles = Profiles.fromAsync(run(result(HOT, 8.0)), dir);

        assertThat(profiles).singleElement().satisfies(p -> {
            assertThat(p.hotMethods()).isNull();
            assertThat(p.files()).containsExactly(trial.resolve("flame-cpu-forward.html"),
                    trial.resolve("summary-cpu.txt"));
        });
    }
}
