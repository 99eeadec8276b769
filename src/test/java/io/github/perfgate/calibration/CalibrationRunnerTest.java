package io.github.perfgate.calibration;

import io.github.perfgate.model.Calibration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalibrationRunnerTest {

    @Test
    void measuresTheWorkloadInFreshJvms() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Calibration calibration =
                new CalibrationRunner(java, Path.of("").toAbsolutePath(), Duration.ofMinutes(5)).run();

        assertThat(calibration.workload()).isEqualTo(CalibrationWorkload.ID);
        assertThat(calibration.samples()).hasNumberOfRows(CalibrationRunner.FORKS);
        for (double[] fork : calibration.samples()) {
            assertThat(fork).hasSize(5);
            for (double nanosPerOp : fork) {
                assertThat(nanosPerOp).isPositive().isFinite();
            }
        }
    }

    @Test
    void theConfiguredTimeoutStopsTheCalibrationAndSaysWhatToDo(@TempDir Path owner) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        // One calibration JVM measures for seconds; 300ms always runs out.
        assertThatThrownBy(() -> new CalibrationRunner(java, owner, Duration.ofMillis(300)).run())
                .isInstanceOf(CalibrationException.class)
                .hasMessage("The calibration JVM did not finish within the timeout of 300ms and was stopped; the"
                        + " machine is overloaded. Allow more time with -Dperfgate.timeout=600ms or disable"
                        + " calibration with -Dperfgate.calibrate=false.");
        assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")))
                .as("no calibration JVM of this owner is left").noneMatch(c -> c.contains("-Dperfgate.owner=" + owner));
    }

    @Test
    void readsOnlyTheMarkedLineAndExplainsAFailure() throws Exception {
        assertThat(CalibrationRunner.parse(List.of("OpenJDK warning: something", "PERFGATE-CALIBRATION 1.5 2.5"), 0))
                .containsExactly(1.5, 2.5);
        assertThatThrownBy(() -> CalibrationRunner.parse(List.of("Error: Could not find main class"), 1))
                .isInstanceOf(CalibrationException.class).hasMessageContaining("exited with code 1")
                .hasMessageContaining("Could not find main class").hasMessageContaining("perfgate.calibrate=false");
    }

    @Test
    void theWorkloadIsDeterministic() {
        assertThat(CalibrationWorkload.operation(7)).isEqualTo(CalibrationWorkload.operation(7));
        assertThat(CalibrationWorkload.operation(7)).isNotEqualTo(CalibrationWorkload.operation(8));
    }

    @Test
    void poolingKeepsBothRunsAndRefusesOtherWorkloads() {
        Calibration before = new Calibration("w", new double[][] {{1, 2}});
        Calibration after = new Calibration("w", new double[][] {{3, 4}});
        assertThat(before.pooledWith(after).samples()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> before.pooledWith(new Calibration("v", new double[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
