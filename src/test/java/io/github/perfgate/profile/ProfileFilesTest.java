package io.github.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFilesTest {

    @TempDir
    Path dir;

    @Test
    void trialIdIsJmhsBenchmarkParamsId() {
        // As JMH 1.37 wrote it: target/perfgate/jfr/it.profile.HotBench.hotLoop-AverageTime/profile.jfr
        assertThat(ProfileFiles.trialId(BenchmarkKey.of("it.profile.HotBench.hotLoop", Mode.AVERAGE_TIME)))
                .isEqualTo("it.profile.HotBench.hotLoop-AverageTime");
        assertThat(ProfileFiles.trialId(BenchmarkKey.of("a.B.m", Mode.THROUGHPUT))).isEqualTo("a.B.m-Throughput");
        assertThat(ProfileFiles.trialId(BenchmarkKey.of("a.B.m", Mode.SAMPLE_TIME))).isEqualTo("a.B.m-SampleTime");
        assertThat(ProfileFiles.trialId(BenchmarkKey.of("a.B.m", Mode.SINGLE_SHOT)))
                .isEqualTo("a.B.m-SingleShotTime");
    }

    @Test
    void parametersFollowInKeyOrderUrlEncoded() {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("text", "a b/c");
        params.put("size", "10");

        BenchmarkKey key = new BenchmarkKey("a.B.m", params, Mode.AVERAGE_TIME);

        assertThat(ProfileFiles.trialId(key)).isEqualTo("a.B.m-AverageTime-size-10-text-a+b%2Fc");
        assertThat(ProfileFiles.jfrRecording(dir, key))
                .isEqualTo(dir.resolve("a.B.m-AverageTime-size-10-text-a+b%2Fc").resolve("profile.jfr"));
        assertThat(ProfileFiles.asyncTrialDirectory(dir, key))
                .isEqualTo(dir.resolve("a.B.m-AverageTime-size-10-text-a+b_2Fc"));
    }

    @Test
    void clearDeletesEarlierProfilerOutputOnly() throws Exception {
        Path trial = Files.createDirectories(dir.resolve("a.B.m-AverageTime"));
        Files.writeString(trial.resolve("profile.jfr"), "old");
        Path nested = Files.createDirectories(dir.resolve("x.Y.z-Throughput").resolve("keep"));
        Files.writeString(nested.getParent().resolve("summary-cpu.txt"), "old");
        Path topLevel = Files.writeString(dir.resolve("README.txt"), "not ours");

        ProfileFiles.clear(dir);

        assertThat(trial).doesNotExist();
        assertThat(nested).isDirectory();
        assertThat(nested.getParent().resolve("summary-cpu.txt")).doesNotExist();
        assertThat(topLevel).exists();
    }

    @Test
    void clearCreatesAMissingDirectory() throws Exception {
        Path missing = dir.resolve("target/perfgate/jfr");

        ProfileFiles.clear(missing);

        assertThat(missing).isDirectory();
    }

    @Test
    void filesInListsRegularFilesByName() throws Exception {
        Files.writeString(dir.resolve("summary-cpu.txt"), "");
        Files.writeString(dir.resolve("flame-cpu-forward.html"), "");
        Files.createDirectories(dir.resolve("sub"));

        assertThat(ProfileFiles.filesIn(dir)).containsExactly(dir.resolve("flame-cpu-forward.html"),
                dir.resolve("summary-cpu.txt"));
        assertThat(ProfileFiles.filesIn(dir.resolve("missing"))).isEmpty();
    }
}
