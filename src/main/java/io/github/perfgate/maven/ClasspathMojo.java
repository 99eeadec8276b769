package io.github.perfgate.maven;

import io.github.perfgate.files.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * <b>Internal</b>, used by the same-machine A/B mode ({@code perfgate.against}): writes a module's test classpath
 * elements, one per line, to a file. The A/B mode runs it in the nested build of the other revision
 * ({@code mvn test-compile perfgate:test-classpath}), so that the against side's classpath is obtained exactly as the
 * current side's ({@code project.getTestClasspathElements()}): the module's own classes, its test classes and its
 * test-scope dependencies, reactor siblings as their {@code target/classes}. It has no default phase and nothing to
 * configure in a POM.
 */
@Mojo(name = "test-classpath", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ClasspathMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * The file the classpath is written to (UTF-8, one element per line, replaced atomically). No default: required
     * on the project the goal writes for.
     */
    @Parameter(property = "perfgate.classpathFile")
    private File classpathFile;

    /**
     * The module to write the classpath of, as {@code groupId:artifactId}: the goal does nothing on every other
     * project of the reactor (an {@code -am} build runs it on the module's dependencies too). No default: without
     * it the goal writes for every project it runs on.
     */
    @Parameter(property = "perfgate.classpathFor")
    private String classpathFor;

    @Override
    public void execute() throws MojoExecutionException {
        String id = project.getGroupId() + ":" + project.getArtifactId();
        if (classpathFor != null && !classpathFor.isBlank() && !classpathFor.strip().equals(id)) {
            getLog().debug("perfgate: test-classpath is for " + classpathFor + ", not " + id);
            return;
        }
        if (classpathFile == null) {
            throw new MojoExecutionException("perfgate: test-classpath needs the file to write to:"
                    + " -Dperfgate.classpathFile=<file>. It is an internal goal of the A/B mode (perfgate.against).");
        }
        List<String> elements;
        try {
            elements = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("perfgate: the test classpath of " + id + " is not resolved: "
                    + e.getMessage(), e);
        }
        StringBuilder text = new StringBuilder();
        elements.forEach(element -> text.append(element).append('\n'));
        try {
            AtomicFiles.write(classpathFile.toPath(), text.toString(), AtomicFiles.Permissions.DEFAULT);
        } catch (IOException e) {
            throw new MojoExecutionException("perfgate: could not write the test classpath of " + id + " to "
                    + classpathFile + ": " + e.getMessage(), e);
        }
        getLog().info("perfgate: test classpath of " + id + " (" + elements.size() + " elements) written to "
                + classpathFile);
    }
}
