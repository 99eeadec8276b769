package io.github.perfgate.maven;

import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.io.File;
import java.util.Properties;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

/**
 * What the parameter-binding tests share: a real {@link MavenProject} (so that {@code ${project.basedir}} and
 * {@code ${project.build.directory}} evaluate as in a build) and a session whose user properties a test fills in
 * its {@code @BeforeEach}, as {@code -Dperfgate.x=y} would. The Mojos are only configured, never executed: what
 * they do is the invoker ITs' job.
 */
abstract class MojoHarness {

    /** The directory of the test POMs, relative to the plugin's base directory. */
    static final String POMS = "src/test/resources/io/github/perfgate/maven/";

    /** The base directory of the simulated project; nothing is read or written there. */
    static final File BASEDIR = new File(MojoExtension.getBasedir(), "target/harness-project").getAbsoluteFile();

    /** The session's user properties ({@code -D} on the command line). */
    final Properties userProperties = new Properties();

    @Provides
    MavenProject project() {
        Model model = new Model();
        model.setModelVersion("4.0.0");
        model.setGroupId("io.github.perfgate.test");
        model.setArtifactId("harness-project");
        model.setVersion("1.0");
        Build build = new Build();
        build.setDirectory(new File(BASEDIR, "target").getPath());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(BASEDIR, "pom.xml"));
        return project;
    }

    @Provides
    MavenSession session() {
        MavenSession session = mock(MavenSession.class);
        lenient().when(session.getUserProperties()).thenReturn(userProperties);
        lenient().when(session.getSystemProperties()).thenReturn(new Properties());
        lenient().when(session.getExecutionRootDirectory()).thenReturn(BASEDIR.getPath());
        return session;
    }

    /** The value of a Mojo's (possibly private, possibly inherited) field. */
    @SuppressWarnings("unchecked")
    static <T> T field(Object mojo, String name) {
        try {
            return (T) MojoExtension.getVariableValueFromObject(mojo, name);
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot read " + name + " of " + mojo.getClass().getSimpleName(), e);
        }
    }

    static File inBasedir(String path) {
        return new File(BASEDIR, path);
    }
}
