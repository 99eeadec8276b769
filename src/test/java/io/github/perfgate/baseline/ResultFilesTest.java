package io.github.perfgate.baseline;

import io.github.perfgate.jmh.JmhResultParser;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.JmhRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsJmhResultsAndBaselinesAlike() throws Exception {
        Path jmh = Path.of(getClass().getResource("/io/github/perfgate/jmh/jmh-1.37.json").toURI());
        Baseline fromJmh = ResultFiles.load(jmh);
        assertThat(fromJmh.benchmarks()).hasSize(8);
        assertThat(fromJmh.environment().jmhVersion()).isEqualTo("1.37");
        assertThat(fromJmh.calibration()).isNull();

        JmhRun run = new JmhResultParser().parse(jmh);
        Path baselineFile = dir.resolve("baseline.json");
        new BaselineStore().write(baselineFile, new Baseline("t", "c", BaselineStoreTest.env(), run.results()));
        Baseline fromBaseline = ResultFiles.load(baselineFile);
        assertThat(fromBaseline.benchmarks()).hasSize(8);
        assertThat(fromBaseline.commit()).isEqualTo("c");
    }

    @Test
    void explainsWhatItAccepts() throws Exception {
        assertThatThrownBy(() -> ResultFiles.load(dir.resolve("nope.json"))).hasMessageContaining("No file at")
                .hasMessageContaining("-rf json");
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "[ {\"benchmark\": 3 ");
        assertThatThrownBy(() -> ResultFiles.load(garbage)).hasMessageContaining("garbage.json");
    }
}
