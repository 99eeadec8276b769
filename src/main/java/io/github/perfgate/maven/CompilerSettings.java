package io.github.perfgate.maven;

import io.github.perfgate.jmh.CompileFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the POM tells maven-compiler-plugin about annotation processing, as the core's {@link CompileFacts}: per
 * compilation (test sources first, where benchmarks usually are) its {@code proc} (the execution's
 * {@code <proc>}, else the plugin's, else {@code -proc:} in {@code <compilerArgs>}, else the property
 * {@code maven.compiler.proc}, a {@code -D} first) and its {@code <annotationProcessorPaths>}. The javac is taken to
 * be the JDK Maven runs on; a toolchain's JDK is not seen.
 */
final class CompilerSettings {

    static final String COMPILER_PLUGIN = "org.apache.maven.plugins:maven-compiler-plugin";
    static final String PROC_PROPERTY = "maven.compiler.proc";

    private static final Pattern PROC_ARGUMENT = Pattern.compile("-proc:(\\w+)");

    private CompilerSettings() {
    }

    /**
     * @param userProperties the session's user properties ({@code -D} on the command line)
     * @param rerun          the arguments of {@code mvn} that compile and run the goal again
     */
    static CompileFacts read(MavenProject project, Properties userProperties, String rerun) {
        Plugin compiler = project.getBuild() == null ? null : project.getBuild().getPluginsAsMap().get(COMPILER_PLUGIN);
        String property = userProperties.getProperty(PROC_PROPERTY, project.getProperties().getProperty(PROC_PROPERTY));
        List<CompileFacts.Compilation> compilations = List.of(
                compilation(compiler, "default-testCompile", "testCompile", project.getTestCompileSourceRoots(),
                        project.getBuild().getTestOutputDirectory(), property),
                compilation(compiler, "default-compile", "compile", project.getCompileSourceRoots(),
                        project.getBuild().getOutputDirectory(), property));
        return new CompileFacts(project.getBasedir().toPath(), Runtime.version().feature(), compilations, rerun);
    }

    private static CompileFacts.Compilation compilation(Plugin compiler, String executionId, String goal,
            List<String> sourceRoots, String outputDirectory, String procProperty) {
        List<Xpp3Dom> configurations = configurations(compiler, executionId, goal);
        String proc = null;
        String procSetting = null;
        String configured = value(configurations, "proc");
        if (configured != null) {
            proc = configured;
            procSetting = "<proc>" + configured + "</proc>";
        } else {
            String argument = procArgument(configurations);
            if (argument != null) {
                proc = argument;
                procSetting = "-proc:" + argument + " in maven-compiler-plugin's <compilerArgs>";
            } else if (set(procProperty)) {
                proc = procProperty.strip();
                procSetting = PROC_PROPERTY + "=" + proc;
            }
        }
        return new CompileFacts.Compilation(executionId, sourceRoots.stream().map(Path::of).toList(),
                Path.of(outputDirectory), proc, procSetting, processorPath(configurations));
    }

    /**
     * The configurations that apply to the execution of {@code goal}, the execution's first: it wins over the
     * plugin's, as when Maven configures the Mojo.
     */
    private static List<Xpp3Dom> configurations(Plugin compiler, String executionId, String goal) {
        List<Xpp3Dom> result = new ArrayList<>();
        if (compiler == null) {
            return result;
        }
        for (PluginExecution execution : compiler.getExecutions()) {
            if (execution.getId().equals(executionId) || execution.getGoals().contains(goal)) {
                add(result, execution.getConfiguration());
            }
        }
        add(result, compiler.getConfiguration());
        return result;
    }

    private static void add(List<Xpp3Dom> configurations, Object configuration) {
        if (configuration instanceof Xpp3Dom dom) {
            configurations.add(dom);
        }
    }

    /** The first set value of {@code name} among the configurations. */
    private static String value(List<Xpp3Dom> configurations, String name) {
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom child = configuration.getChild(name);
            if (child != null && set(child.getValue())) {
                return child.getValue().strip();
            }
        }
        return null;
    }

    /** The policy of a {@code -proc:} in {@code <compilerArgs>} or {@code <compilerArgument>}. */
    private static String procArgument(List<Xpp3Dom> configurations) {
        for (Xpp3Dom configuration : configurations) {
            List<String> arguments = new ArrayList<>();
            Xpp3Dom args = configuration.getChild("compilerArgs");
            if (args != null) {
                for (Xpp3Dom arg : args.getChildren()) {
                    arguments.add(arg.getValue());
                }
            }
            Xpp3Dom argument = configuration.getChild("compilerArgument");
            if (argument != null) {
                arguments.add(argument.getValue());
            }
            for (String a : arguments) {
                Matcher m = a == null ? null : PROC_ARGUMENT.matcher(a.strip());
                if (m != null && m.matches()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    /**
     * The {@code groupId:artifactId} of each {@code <annotationProcessorPaths>} entry of the first configuration that
     * has any; {@code null} when none has (an empty element leaves javac looking on the classpath, as no element).
     */
    private static List<String> processorPath(List<Xpp3Dom> configurations) {
        for (Xpp3Dom configuration : configurations) {
            Xpp3Dom paths = configuration.getChild("annotationProcessorPaths");
            if (paths != null && paths.getChildCount() > 0) {
                List<String> names = new ArrayList<>();
                for (Xpp3Dom path : paths.getChildren()) {
                    names.add(text(path, "groupId") + ":" + text(path, "artifactId"));
                }
                return names;
            }
        }
        return null;
    }

    private static String text(Xpp3Dom parent, String name) {
        Xpp3Dom child = parent.getChild(name);
        return child == null || child.getValue() == null ? "" : child.getValue().strip();
    }

    /** A value Maven would pass: not blank, and not an expression that nothing defined. */
    private static boolean set(String value) {
        return value != null && !value.isBlank() && !value.strip().startsWith("${");
    }
}
