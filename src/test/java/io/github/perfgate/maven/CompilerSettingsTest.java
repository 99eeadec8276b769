package io.github.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.jmh.CompileFacts;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.junit.jupiter.api.Test;

/** How the POM's maven-compiler-plugin settings become the core's {@link CompileFacts}. */
class CompilerSettingsTest {

    private static final File BASEDIR = new File("target/compiler-settings-project").getAbsoluteFile();

    private final Properties userProperties = new Properties();

    @Test
    void withoutCompilerSettingsBothCompilationsUseJavacsDefaults() {
        CompileFacts facts = read(project(null));

        assertThat(facts.compilations()).extracting(CompileFacts.Compilation::execution)
                .containsExactly("default-testCompile", "default-compile");
        CompileFacts.Compilation test = facts.compilations().get(0);
        assertThat(test.sourceRoots()).containsExactly(BASEDIR.toPath().resolve("src/test/java"));
        assertThat(test.outputDirectory()).isEqualTo(BASEDIR.toPath().resolve("target/test-classes"));
        assertThat(test.proc()).isNull();
        assertThat(test.processorPath()).isNull();
        assertThat(facts.javacVersion()).isEqualTo(Runtime.version().feature());
        assertThat(facts.rerun()).isEqualTo("test-compile perfgate:baseline");
        assertThat(facts.baseDirectory()).isEqualTo(BASEDIR.toPath());
    }

    @Test
    void theTestCompileExecutionWinsOverThePluginConfiguration() throws Exception {
        Plugin compiler = compiler("<configuration><proc>none</proc></configuration>");
        compiler.addExecution(execution("default-testCompile", "<configuration><proc>full</proc>"
                + "<annotationProcessorPaths><path><groupId>org.openjdk.jmh</groupId>"
                + "<artifactId>jmh-generator-annprocess</artifactId><version>1.37</version></path>"
                + "</annotationProcessorPaths></configuration>"));

        CompileFacts facts = read(project(compiler));

        CompileFacts.Compilation test = facts.compilations().get(0);
        assertThat(test.proc()).isEqualTo("full");
        assertThat(test.procSetting()).isEqualTo("<proc>full</proc>");
        assertThat(test.processorPath()).containsExactly("org.openjdk.jmh:jmh-generator-annprocess");
        CompileFacts.Compilation main = facts.compilations().get(1);
        assertThat(main.proc()).isEqualTo("none");
        assertThat(main.processorPath()).isNull();
    }

    @Test
    void anEmptyProcessorPathIsNone() throws Exception {
        Plugin compiler = compiler("<configuration><annotationProcessorPaths/></configuration>");

        assertThat(read(project(compiler)).compilations().get(0).processorPath()).isNull();
    }

    @Test
    void procComesFromCompilerArgsThenFromTheProperty() throws Exception {
        MavenProject project = project(compiler(
                "<configuration><compilerArgs><arg>-Xlint:all</arg><arg>-proc:none</arg></compilerArgs></configuration>"));
        project.getProperties().setProperty("maven.compiler.proc", "full");

        CompileFacts.Compilation test = read(project).compilations().get(0);

        assertThat(test.proc()).isEqualTo("none");
        assertThat(test.procSetting()).isEqualTo("-proc:none in maven-compiler-plugin's <compilerArgs>");
    }

    @Test
    void aUserPropertyWinsOverThePomsProperty() {
        MavenProject project = project(null);
        project.getProperties().setProperty("maven.compiler.proc", "none");
        userProperties.setProperty("maven.compiler.proc", "full");

        CompileFacts.Compilation test = read(project).compilations().get(0);

        assertThat(test.proc()).isEqualTo("full");
        assertThat(test.procSetting()).isEqualTo("maven.compiler.proc=full");
    }

    @Test
    void anUndefinedExpressionIsNotASetting() throws Exception {
        CompileFacts.Compilation test = read(project(compiler(
                "<configuration><proc>${no.such.property}</proc></configuration>"))).compilations().get(0);

        assertThat(test.proc()).isNull();
    }

    private CompileFacts read(MavenProject project) {
        return CompilerSettings.read(project, userProperties, "test-compile perfgate:baseline");
    }

    private static MavenProject project(Plugin compiler) {
        Model model = new Model();
        model.setModelVersion("4.0.0");
        model.setGroupId("g");
        model.setArtifactId("a");
        model.setVersion("1");
        Build build = new Build();
        build.setDirectory(new File(BASEDIR, "target").getPath());
        build.setOutputDirectory(new File(BASEDIR, "target/classes").getPath());
        build.setTestOutputDirectory(new File(BASEDIR, "target/test-classes").getPath());
        if (compiler != null) {
            build.addPlugin(compiler);
        }
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(new File(BASEDIR, "pom.xml"));
        project.addCompileSourceRoot(new File(BASEDIR, "src/main/java").getPath());
        project.addTestCompileSourceRoot(new File(BASEDIR, "src/test/java").getPath());
        return project;
    }

    private static Plugin compiler(String configuration) throws IOException, XmlPullParserException {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-compiler-plugin");
        plugin.setConfiguration(dom(configuration));
        return plugin;
    }

    private static PluginExecution execution(String id, String configuration)
            throws IOException, XmlPullParserException {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setConfiguration(dom(configuration));
        return execution;
    }

    private static Xpp3Dom dom(String xml) throws IOException, XmlPullParserException {
        return Xpp3DomBuilder.build(new StringReader(xml));
    }
}
