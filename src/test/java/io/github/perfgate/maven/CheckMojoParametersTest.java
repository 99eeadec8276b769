package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** How {@code perfgate:check}'s parameters bind: the documented defaults, and the POM's configuration. */
@MojoTest
@SuppressWarnings("unchecked")
class CheckMojoParametersTest extends MojoHarness {

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    void withoutConfigurationEveryParameterHasItsDocumentedDefault(CheckMojo mojo) {
        assertThat((Object) field(mojo, "project")).isInstanceOf(MavenProject.class);
        assertThat((Object) field(mojo, "session")).isInstanceOf(MavenSession.class);
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

        assertThat((String) field(mojo, "regressionThreshold")).isNull();
        assertThat(mojo.regressionThreshold()).isEqualTo("10%");
        assertThat((String) field(mojo, "allocationThreshold")).isEqualTo("10%");
        assertThat((List<ThresholdConfig>) field(mojo, "thresholds")).isNull();
        assertThat((double) field(mojo, "confidence")).isEqualTo(0.99);
        assertThat((boolean) field(mojo, "failOnRegression")).isTrue();
        assertThat((boolean) field(mojo, "update")).isFalse();
        assertThat((boolean) field(mojo, "remeasure")).isTrue();
        assertThat((int) field(mojo, "remeasureForks")).isEqualTo(5);
        assertThat((List<ClaimConfig>) field(mojo, "claims")).isNull();
        assertThat((String) field(mojo, "claimsProperty")).isNull();
        assertThat((boolean) field(mojo, "strictClaims")).isFalse();
        assertThat((File) field(mojo, "journalFile")).isEqualTo(inBasedir("perf/JOURNAL.md"));
        assertThat((List<File>) field(mojo, "testReportsDirectories"))
                .containsExactly(inBasedir("target/surefire-reports"), inBasedir("target/failsafe-reports"));
        assertThat((boolean) field(mojo, "failOnMissing")).isFalse();
        assertThat((String) field(mojo, "against")).isNull();
        assertThat((int) field(mojo, "rounds")).isEqualTo(4);
        assertThat((int) field(mojo, "maxRounds")).isEqualTo(12);
        assertThat((String) field(mojo, "budget")).isNull();
        assertThat((String) field(mojo, "metric")).isEqualTo("auto");
        assertThat(mojo.pairedMode()).isFalse();
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "against", value = "origin/main")
    void anABCheckMeasuresShorterForksByDefaultAndKeepsWhatIsSet(CheckMojo mojo) {
        assertThat(mojo.pairedMode()).isTrue();
        assertThat(mojo.warmupIterations()).isEqualTo(2);
        assertThat(mojo.warmupTime()).isEqualTo("500ms");
        assertThat(mojo.iterations()).isEqualTo(2);
        assertThat(mojo.time()).isEqualTo("500ms");
        assertThat(mojo.regressionThreshold()).as("an A/B check tolerates 5% by default").isEqualTo("5%");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "against", value = "origin/main")
    @MojoParameter(name = "regressionThreshold", value = "15%")
    void anABCheckKeepsTheToleranceThatIsSet(CheckMojo mojo) {
        assertThat(mojo.regressionThreshold()).isEqualTo("15%");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "check-configured-pom.xml")
    void thePomsConfigurationBindsListsBeansAndFiles(CheckMojo mojo) {
        assertThat((List<String>) field(mojo, "include")).containsExactly("ParserBench.parse", "JsonBench.*");
        assertThat((List<String>) field(mojo, "exclude")).containsExactly("SlowBench");
        assertThat((String) field(mojo, "jvmArgs")).isEqualTo("-Xms256m -Xmx256m -XX:+UseSerialGC");
        assertThat((String) field(mojo, "timeout")).isEqualTo("90s");
        assertThat((File) field(mojo, "jvm")).isEqualTo(new File("/opt/jdk-21/bin/java"));
        assertThat((boolean) field(mojo, "remeasure")).isFalse();
        assertThat((File) field(mojo, "baselineFile")).isEqualTo(inBasedir("bench/base.json"));
        assertThat((List<ThresholdConfig>) field(mojo, "thresholds"))
                .extracting(ThresholdConfig::getBenchmark, ThresholdConfig::getTolerance)
                .containsExactly(tuple("*", "15%"), tuple("ParserBench.parse", "25%"));
        assertThat((List<ClaimConfig>) field(mojo, "claims"))
                .extracting(ClaimConfig::getBenchmark, ClaimConfig::getTarget, ClaimConfig::getReason)
                .containsExactly(tuple("ParserBench.parse", "30%", "a lookup table instead of a regex"),
                        tuple("JsonBench.write", null, "no intermediate String"));
        assertThat((List<File>) field(mojo, "testReportsDirectories"))
                .containsExactly(inBasedir("target/it-reports"), new File("/var/reports"));
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "testReportsDirectories", value = "target/a-reports,target/b-reports")
    @MojoParameter(name = "include", value = "A.a, B.b")
    void aCommaSeparatedValueBecomesAList(CheckMojo mojo) {
        assertThat((List<File>) field(mojo, "testReportsDirectories"))
                .containsExactly(inBasedir("target/a-reports"), inBasedir("target/b-reports"));
        assertThat(AbstractPerfgateMojo.list(field(mojo, "include"))).containsExactly("A.a", "B.b");
    }
}
