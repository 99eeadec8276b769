package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.baseline.BaselineException;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.model.PerfgateException.Consequence;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The one mapping of the core's exceptions to Maven's: FAILURE is BUILD FAILURE, ERROR is BUILD ERROR. */
class FailuresTest {

    @Test
    void aVerdictIsABuildFailureWithTheCoreMessageAsItIs() {
        PerfgateException verdict = new PerfgateException(Consequence.FAILURE,
                "perfgate: 1 of 2 benchmarks regressed beyond its tolerance:\n  a.B.slow regressed", null);

        assertThatThrownBy(() -> Failures.mapped(() -> {
            throw verdict;
        })).isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("perfgate: 1 of 2 benchmarks regressed beyond its tolerance:\n  a.B.slow regressed");
    }

    @Test
    void anErrorIsABuildErrorNamingPerfgateWithItsCause() {
        BaselineException error = new BaselineException("Baseline file perf/baseline.json is empty (0 bytes).");

        assertThatThrownBy(() -> Failures.mapped(() -> {
            throw error;
        })).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("perfgate: Baseline file perf/baseline.json is empty (0 bytes).")
                .hasCause(error);
    }

    @Test
    void aMessageThatAlreadyNamesPerfgateIsNotPrefixedTwice() {
        PerfgateException error = new PerfgateException("perfgate: perfgate.forks is 0. perfgate stopped.");

        assertThatThrownBy(() -> Failures.mapped(() -> {
            throw error;
        })).isExactlyInstanceOf(MojoExecutionException.class).hasMessage("perfgate: perfgate.forks is 0. perfgate"
                + " stopped.");
    }

    @Test
    void aBodyThatThrowsNothingPasses() throws Exception {
        int[] ran = {0};

        Failures.mapped(() -> ran[0]++);

        assertThat(ran[0]).isEqualTo(1);
    }

    @Test
    void aRuntimeExceptionIsNotMistakenForAVerdict() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> Failures.mapped(() -> {
            throw bug;
        })).isSameAs(bug);
    }
}
