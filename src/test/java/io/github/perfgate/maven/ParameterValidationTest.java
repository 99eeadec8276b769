package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/**
 * Bad values stop each goal in {@code execute()} before anything is read or measured, with a BUILD ERROR that names
 * the parameter; the simulated project has no classes, so a goal that went on would fail differently.
 */
@MojoTest
class ParameterValidationTest extends MojoHarness {

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "remeasureForks", value = "0")
    void aForkCountOfZeroIsRefused(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.remeasureForks is 0")
                .hasMessageContaining("perfgate stopped before running or reading anything");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "forks", value = "0")
    @MojoParameter(name = "remeasureForks", value = "-2")
    @MojoParameter(name = "iterations", value = "0")
    void everyForkCountOfTheCheckIsRefusedBeforeJmhRuns(CheckMojo mojo) {
        // The simulated project has no test classpath: a goal that went on to JMH would fail on it instead.
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.forks is 0")
                .hasMessageContaining("perfgate.remeasureForks is -2")
                .hasMessageContaining("perfgate.iterations is 0")
                .hasMessageContaining("perfgate stopped before running or reading anything");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "against", value = "HEAD")
    @MojoParameter(name = "rounds", value = "1")
    @MojoParameter(name = "update", value = "true")
    void anABCheckRefusesOneRoundAndAnUpdateBeforeTouchingGit(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.rounds is 1")
                .hasMessageContaining("perfgate.update=true cannot be combined with perfgate.against")
                .hasMessageContaining("To record a baseline, run without perfgate.against")
                .hasMessageContaining("perfgate stopped before running or reading anything");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "against", value = "HEAD")
    @MojoParameter(name = "rounds", value = "6")
    @MojoParameter(name = "maxRounds", value = "5")
    @MojoParameter(name = "budget", value = "ten minutes")
    @MojoParameter(name = "metric", value = "user")
    void anABCheckRefusesFewerMaxRoundsThanRoundsABadBudgetAndAnUnknownMetric(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.maxRounds is 5; it must be at least perfgate.rounds (6)")
                .hasMessageContaining("perfgate.budget")
                .hasMessageContaining("perfgate.metric is 'user'; it must be auto, wall or cpu")
                .hasMessageContaining("perfgate stopped before running or reading anything");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "rounds", value = "1")
    @MojoParameter(name = "forks", value = "0")
    void roundsAreNotCheckedWithoutAgainst(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.forks is 0")
                .hasMessageNotContaining("perfgate.rounds");
    }

    @Test
    @InjectMojo(goal = "profile", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "forks", value = "0")
    @MojoParameter(name = "profileTop", value = "0")
    void theProfileGoalChecksTheSharedForksToo(ProfileMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.forks is 0")
                .hasMessageContaining("perfgate.profileTop is 0");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "confidence", value = "1")
    @MojoParameter(name = "include", value = "[bad")
    @MojoParameter(name = "time", value = "1.5 seconds")
    void everyWrongValueIsListedInOneError(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.confidence")
                .hasMessageContaining("perfgate.include '[bad' is not a valid regular expression")
                .hasMessageContaining("perfgate.time '1.5 seconds' is not a time per iteration");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "time", value = "1.5s")
    @MojoParameter(name = "warmupTime", value = "PT0.25S")
    void decimalAndIsoTimesReachJmhInItsForm(CheckMojo mojo) {
        assertThat(mojo.time()).isEqualTo("1500ms");
        assertThat(mojo.warmupTime()).isEqualTo("250ms");
    }

    @Test
    @InjectMojo(goal = "baseline", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "forks", value = "0")
    @MojoParameter(name = "warmupIterations", value = "-1")
    void theBaselineGoalChecksItsForksAndIterations(BaselineMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.forks is 0")
                .hasMessageContaining("perfgate.warmupIterations is -1");
    }

    @Test
    @InjectMojo(goal = "profile", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "profileForks", value = "0")
    void theProfileGoalChecksItsForks(ProfileMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("perfgate.profileForks is 0");
    }

    @Test
    @InjectMojo(goal = "check", pom = POMS + "defaults-pom.xml")
    @MojoParameter(name = "forks", value = "0")
    void aModuleOfPomPackagingIsSkippedBeforeAnyCheck(CheckMojo mojo) throws Exception {
        org.apache.maven.project.MavenProject project = field(mojo, "project");
        project.setPackaging("pom");

        mojo.execute();
    }
}
