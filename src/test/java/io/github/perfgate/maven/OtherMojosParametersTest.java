package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/** The documented defaults of {@code perfgate:baseline}, {@code perfgate:profile} and {@code perfgate:compare}. */
@MojoTest
@SuppressWarnings("unchecked")
class OtherMojosParametersTest extends MojoHarness {

    @Test
    @InjectMojo(goal = "baseline", pom = POMS + "defaults-pom.xml")
    void baselineDefaults(BaselineMojo mojo) {
        assertSharedDefaults(mojo);
    }

    @Test
    @InjectMojo(goal = "profile", pom = POMS + "defaults-pom.xml")
    void profileDefaults(ProfileMojo mojo) {
        assertSharedDefaults(mojo);
        assertThat((int) field(mojo, "profileForks")).isEqualTo(1);
        assertThat((int) field(mojo, "profileTop")).isEqualTo(20);
        assertThat((File) field(mojo, "asyncProfiler")).isNull();
    }

    @Test
    @InjectMojo(goal = "profile", pom = POMS + "profile-configured-pom.xml")
    void profileConfiguration(ProfileMojo mojo) {
        assertThat((int) field(mojo, "profileTop")).isEqualTo(7);
        assertThat((int) field(mojo, "profileForks")).isEqualTo(2);
        assertThat((File) field(mojo, "asyncProfiler")).isEqualTo(new File("/opt/async/libasyncProfiler.so"));
        assertThat((List<String>) field(mojo, "include")).containsExactly("ParserBench.parse");
    }

    @Test
    @InjectMojo(goal = "compare", pom = POMS + "defaults-pom.xml")
    void compareDefaults(CompareMojo mojo) {
        assertThat((File) field(mojo, "base")).isNull();
        assertThat((File) field(mojo, "current")).isNull();
        assertThat((String) field(mojo, "regressionThreshold")).isEqualTo("10%");
        assertThat((List<ThresholdConfig>) field(mojo, "thresholds")).isNull();
        assertThat((double) field(mojo, "confidence")).isEqualTo(0.99);
        assertThat((String) field(mojo, "allocationThreshold")).isEqualTo("10%");
        assertThat((String) field(mojo, "metric")).isEqualTo("auto");
        assertThat((boolean) field(mojo, "failOnRegression")).isTrue();
        // Without a project: under the directory Maven was started in.
        assertThat((File) field(mojo, "outputDirectory")).isEqualTo(inBasedir("target/perfgate"));
        assertThat((boolean) field(mojo, "skip")).isFalse();
    }

    @Test
    @InjectMojo(goal = "history", pom = POMS + "defaults-pom.xml")
    void historyDefaults(HistoryMojo mojo) {
        assertThat((String) field(mojo, "history")).isNull();
        assertThat((int) field(mojo, "historyLength")).isEqualTo(20);
        assertThat((File) field(mojo, "outputDirectory")).isEqualTo(inBasedir("target/perfgate"));
        assertThat((boolean) field(mojo, "skip")).isFalse();
    }

    private static void assertSharedDefaults(AbstractPerfgateMojo mojo) {
        assertThat((boolean) field(mojo, "skip")).isFalse();
        assertThat((List<String>) field(mojo, "include")).isNullOrEmpty();
        assertThat((List<String>) field(mojo, "exclude")).isNullOrEmpty();
        assertThat((int) field(mojo, "forks")).isEqualTo(3);
        assertThat((Object) field(mojo, "warmupIterations")).isNull();
        assertThat(mojo.warmupIterations()).isEqualTo(3);
        assertThat(mojo.warmupTime()).isEqualTo("1s");
        assertThat(mojo.iterations()).isEqualTo(5);
        assertThat(mojo.time()).isEqualTo("1s");
        assertThat((String) field(mojo, "jvmArgs")).isNull();
        assertThat((String) field(mojo, "jmhArgs")).isNull();
        assertThat((String) field(mojo, "timeout")).isEqualTo("60m");
        assertThat((File) field(mojo, "jvm")).isNull();
        assertThat((boolean) field(mojo, "allocation")).isTrue();
        assertThat((boolean) field(mojo, "calibrate")).isTrue();
        assertThat((File) field(mojo, "baselineFile")).isEqualTo(inBasedir("perf/baseline.json"));
        assertThat((File) field(mojo, "resultsFile")).isNull();
        assertThat((File) field(mojo, "outputDirectory")).isEqualTo(inBasedir("target/perfgate"));
    }
}
