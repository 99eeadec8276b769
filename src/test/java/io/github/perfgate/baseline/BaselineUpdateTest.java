package io.github.perfgate.baseline;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Calibration;
import io.github.perfgate.model.Environment;
import io.github.perfgate.model.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class BaselineUpdateTest {

    static final Calibration CALIBRATION = new Calibration("mix64-4096-v2", new double[][] {{100, 101}, {99}});

    static BenchmarkResult bench(String name) {
        return BaselineStoreTest.result(name, Mode.AVERAGE_TIME, "us/op", new double[][] {{1, 2}});
    }

    static Baseline previous(Environment environment, Calibration calibration) {
        return new Baseline("2026-12-01T10:00:00Z", "abc", environment, List.of(bench("a.B.old"), bench("a.B.m")),
                calibration);
    }

    @Test
    void anUpdateWithoutCalibrationOnTheSameMachineKeepsThePreviousOneAndSaysSo() {
        BaselineUpdate.Result result = BaselineUpdate.update(previous(BaselineStoreTest.env(), CALIBRATION),
                List.of(bench("a.B.m")), BaselineStoreTest.env(), "def", false, null);

        assertThat(result.baseline().calibration()).isEqualTo(CALIBRATION);
        assertThat(result.baseline().benchmarks()).extracting(b -> b.key().name()).containsExactly("a.B.m");
        assertThat(result.notes()).containsExactly("this run measured no machine calibration; the baseline keeps"
                + " the previous one (mix64-4096-v2, recorded 2026-12-01T10:00:00Z on the same machine and JVM)");
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void onAnotherMachineThePreviousCalibrationIsDroppedWithAWarningThatSaysWhatItCosts() {
        Environment other = new Environment("21.0.2", "OpenJDK 64-Bit Server VM", "21.0.2+13", "1.37", "Linux", "6.1",
                "amd64", "Test CPU @ 2.0GHz", 2);

        BaselineUpdate.Result result = BaselineUpdate.update(previous(BaselineStoreTest.env(), CALIBRATION),
                List.of(bench("a.B.m")), other, "def", false, null);

        assertThat(result.baseline().calibration()).isNull();
        assertThat(result.notes()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("the new baseline has no machine calibration: this run measured none and the previous"
                        + " one was recorded on another machine or JVM (JDK 17.0.15 -> 21.0.2)")
                .contains("Later checks cannot correct for machine drift")
                .contains("perfgate.calibrate=true");
    }

    @Test
    void aNewCalibrationReplacesThePreviousOneSilently() {
        Calibration fresh = new Calibration("mix64-4096-v2", new double[][] {{90}});

        BaselineUpdate.Result result = BaselineUpdate.update(previous(BaselineStoreTest.env(), CALIBRATION),
                List.of(bench("a.B.m")), BaselineStoreTest.env(), "def", true, fresh);

        assertThat(result.baseline().calibration()).isEqualTo(fresh);
        assertThat(result.baseline().benchmarks()).hasSize(2);
        assertThat(result.notes()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void nothingToKeepNothingToSay() {
        BaselineUpdate.Result first = BaselineUpdate.update(null, List.of(bench("a.B.m")), BaselineStoreTest.env(),
                "", false, null);
        BaselineUpdate.Result uncalibrated = BaselineUpdate.update(previous(BaselineStoreTest.env(), null),
                List.of(bench("a.B.m")), BaselineStoreTest.env(), "", false, null);

        assertThat(first.baseline().calibration()).isNull();
        assertThat(first.notes()).isEmpty();
        assertThat(first.warnings()).isEmpty();
        assertThat(uncalibrated.baseline().calibration()).isNull();
        assertThat(uncalibrated.warnings()).isEmpty();
    }

    @Test
    void theSameMachineMeansSameCpuOsAndJvmAndNeverUnknown() {
        Environment env = BaselineStoreTest.env();
        assertThat(env.sameMachineAs(BaselineStoreTest.env())).isTrue();
        assertThat(env.sameMachineAs(new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.38",
                "Linux", "6.1", "amd64", "Test CPU @ 2.0GHz", 2))).as("another JMH version only").isTrue();
        assertThat(env.sameMachineAs(new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37",
                "Linux", "6.1", "amd64", "Test CPU @ 2.0GHz", 4))).as("CPU count").isFalse();
        assertThat(env.sameMachineAs(new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37",
                "Linux", "6.1", "amd64", "Other CPU", 2))).as("CPU model").isFalse();
        assertThat(env.sameMachineAs(new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37",
                "Linux", "6.2", "amd64", "Test CPU @ 2.0GHz", 2))).as("OS version").isFalse();
        Environment unknownCpu = new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37", "Linux",
                "6.1", "amd64", "unknown", 2);
        assertThat(unknownCpu.sameMachineAs(unknownCpu)).as("unknown CPU").isFalse();
        Environment fromJmhFile = new Environment("17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15+6", "1.37", "", "",
                "", "", 0);
        assertThat(fromJmhFile.sameMachineAs(fromJmhFile)).as("machine not recorded").isFalse();
    }
}
