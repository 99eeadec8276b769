package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/**
 * The one exception mapping, seen from a Mojo: the core's verdict that fails the build is a BUILD FAILURE, its error
 * a BUILD ERROR, with the core's messages. The files are those of the compare-without-project IT.
 */
@MojoTest
class CompareMojoMappingTest extends MojoHarness {

    private static final File FILES = new File(MojoExtension.getBasedir(), "src/it/compare-without-project");

    private static void compare(CompareMojo mojo, String current) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "base", new File(FILES, "base.json"));
        MojoExtension.setVariableValueToObject(mojo, "current", new File(FILES, current));
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", inBasedir("target/compare-mapping"));
    }

    @Test
    @InjectMojo(goal = "compare", pom = POMS + "defaults-pom.xml")
    void aRegressionIsABuildFailureThatSaysNothingWasRun(CompareMojo mojo) throws Exception {
        compare(mojo, "current.json");

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("perfgate: 1 of ")
                .hasMessageContaining("it.results.CodecBench.decode regressed +400.0%")
                .hasMessageEndingWith("The files were only read; nothing was run.");
    }

    @Test
    @InjectMojo(goal = "compare", pom = POMS + "defaults-pom.xml")
    void filesWithNothingInCommonAreABuildError(CompareMojo mojo) throws Exception {
        compare(mojo, "other-project.json");

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("perfgate: " + new File(FILES, "other-project.json") + " against "
                        + new File(FILES, "base.json") + ": perfgate.base and perfgate.current have no benchmark"
                        + " in common");
    }
}
