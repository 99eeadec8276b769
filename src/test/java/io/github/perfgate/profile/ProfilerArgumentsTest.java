package io.github.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.jmh.JmhArguments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilerArgumentsTest {

    private final Path jfrDir = Path.of("/work/app/target/perfgate/jfr");

    @Test
    void jfrComesBeforeGcSoTheAllocationSnapshotsAreTakenInsideTheRecording() {
        String arguments = ProfilerArguments.jfr(jfrDir, true);

        assertThat(JmhArguments.tokenize(arguments))
                .containsExactly("-prof", "jfr:dir=" + jfrDir.toAbsolutePath(), "-prof", "gc");
    }

    @Test
    void withoutAllocationOnlyTheSamplerIsAdded() {
        assertThat(JmhArguments.tokenize(ProfilerArguments.jfr(jfrDir, false)))
                .containsExactly("-prof", "jfr:dir=" + jfrDir.toAbsolutePath());
    }

    @Test
    void theProfilersFollowPerfgatesOwnJmhArgumentsInOrder() {
        List<String> args = new JmhArguments()
                .include(List.of("HotBench"))
                .forks(1)
                .extraArguments("-p size=10 " + ProfilerArguments.jfr(jfrDir, true))
                .toList();

        int jfr = args.indexOf("jfr:dir=" + jfrDir.toAbsolutePath());
        int gc = args.indexOf("gc");
        assertThat(jfr).isPositive();
        assertThat(args.get(jfr - 1)).isEqualTo("-prof");
        assertThat(gc).isGreaterThan(jfr);
        assertThat(args).containsSubsequence("-f", "1");
    }

    @Test
    void aPathWithSpacesStaysOneArgument() {
        Path spaced = Path.of("/home/me/my project/target/perfgate/jfr");

        assertThat(JmhArguments.tokenize(ProfilerArguments.jfr(spaced, true)))
                .containsExactly("-prof", "jfr:dir=" + spaced.toAbsolutePath(), "-prof", "gc");
    }

    @Test
    void aSemicolonInAPathIsRejectedBecauseJmhSplitsProfilerOptionsOnIt() {
        assertThatThrownBy(() -> ProfilerArguments.jfr(Path.of("/tmp/a;b"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains ';'");
    }

    @Test
    void asyncProfilerGetsItsLibraryDirectoryAndTextAndFlameGraphOutput() {
        Path lib = Path.of("/opt/async-profiler/lib/libasyncProfiler.so");
        Path dir = Path.of("/work/app/target/perfgate/async");

        assertThat(JmhArguments.tokenize(ProfilerArguments.async(lib, dir, true))).containsExactly("-prof",
                "async:libPath=" + lib.toAbsolutePath() + ";dir=" + dir.toAbsolutePath()
                        + ";output=text,flamegraph;flat=20",
                "-prof", "gc");
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(ProfilerArguments.quote("jfr:dir=/a")).isEqualTo("jfr:dir=/a");
        assertThat(ProfilerArguments.quote("jfr:dir=/a b")).isEqualTo("\"jfr:dir=/a b\"");
        assertThat(ProfilerArguments.quote("jfr:dir=/it's")).isEqualTo("\"jfr:dir=/it's\"");
        assertThat(ProfilerArguments.quote("jfr:dir=/say \"x\"")).isEqualTo("'jfr:dir=/say \"x\"'");
    }
}
