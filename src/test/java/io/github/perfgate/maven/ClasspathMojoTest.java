package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The internal {@code test-classpath} goal: its two properties bind, it writes the project's test classpath
 * elements one per line, and it does nothing on another project of the reactor.
 */
@MojoTest
class ClasspathMojoTest extends MojoHarness {

    private static final Path OUT = BASEDIR.toPath().resolve("target/classpath-test/cp.txt");

    @BeforeEach
    void commandLine() throws Exception {
        Files.deleteIfExists(OUT);
        userProperties.setProperty("perfgate.classpathFile", OUT.toString());
        userProperties.setProperty("perfgate.classpathFor", "io.github.perfgate.test:harness-project");
    }

    @Test
    @InjectMojo(goal = "test-classpath", pom = POMS + "defaults-pom.xml")
    void bothPropertiesBind(ClasspathMojo mojo) {
        assertThat((File) field(mojo, "classpathFile")).isEqualTo(OUT.toFile());
        assertThat((String) field(mojo, "classpathFor")).isEqualTo("io.github.perfgate.test:harness-project");
    }

    @Test
    @InjectMojo(goal = "test-classpath", pom = POMS + "defaults-pom.xml")
    void writesTheTestClasspathElementsOnePerLine(ClasspathMojo mojo) throws Exception {
        MavenProject project = field(mojo, "project");
        project.getBuild().setOutputDirectory(inBasedir("target/classes").getPath());
        project.getBuild().setTestOutputDirectory(inBasedir("target/test-classes").getPath());

        mojo.execute();

        assertThat(Files.readAllLines(OUT, StandardCharsets.UTF_8)).isEqualTo(project.getTestClasspathElements())
                .containsExactly(inBasedir("target/test-classes").getPath(), inBasedir("target/classes").getPath());
    }

    @Test
    @InjectMojo(goal = "test-classpath", pom = POMS + "defaults-pom.xml")
    void doesNothingOnAnotherProjectOfTheReactor(ClasspathMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "classpathFor", "io.github.perfgate.test:sibling");

        mojo.execute();

        assertThat(OUT).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "test-classpath", pom = POMS + "defaults-pom.xml")
    void withoutTheFileOnTheWantedProjectItSaysWhatItNeeds(ClasspathMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "classpathFile", null);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("-Dperfgate.classpathFile=<file>");
    }
}
