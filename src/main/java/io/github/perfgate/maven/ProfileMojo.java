package io.github.perfgate.maven;

import io.github.perfgate.check.ParameterCheck;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.jmh.Measure;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.profile.BenchmarkProfile;
import io.github.perfgate.profile.ProfileException;
import io.github.perfgate.profile.ProfileFiles;
import io.github.perfgate.profile.ProfileReport;
import io.github.perfgate.profile.ProfilerArguments;
import io.github.perfgate.profile.Profiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Before optimising, finds where the time goes: runs the selected benchmarks once with a sampling profiler and
 * JMH's {@code gc} profiler, then prints each benchmark's hottest methods by self time and its allocation per
 * operation, and writes them to {@code target/perfgate/profile.md}:
 * {@code mvn test-compile perfgate:profile -Dperfgate.include=ParserBench.parse}.
 *
 * <p>The sampling profiler is JMH's {@code jfr} (JDK Flight Recorder, built into the JDK; it needs {@code jcmd}
 * next to the {@code java} that runs the benchmarks, i.e. a full JDK), which records the measurement iterations
 * only; its recordings are kept in {@code target/perfgate/jfr}. With {@code asyncProfiler} set, JMH's
 * {@code async} profiler is used instead and its files are listed. The warm-up and measurement parameters apply
 * as for the other goals; nothing is compared or gated, and the baseline is not read or written.
 */
@Mojo(name = "profile", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ProfileMojo extends AbstractPerfgateMojo {

    /**
     * Forked JVMs for the profile run. One is enough to see where the time goes; JMH's {@code jfr} profiler writes
     * every fork's recording to the same file, so with more forks only the last fork's samples are shown (the
     * timings and allocation use all forks).
     */
    @Parameter(property = "perfgate.profileForks", defaultValue = "1")
    private int profileForks;

    /** How many methods each benchmark's table lists. */
    @Parameter(property = "perfgate.profileTop", defaultValue = "20")
    private int profileTop;

    /**
     * The async-profiler library ({@code libasyncProfiler.so} on Linux, {@code .dylib} on macOS). When set,
     * JMH's {@code async} profiler samples the benchmarks instead of JFR, and its text summary and flame graphs
     * are written to {@code target/perfgate/async/<benchmark>/}.
     */
    @Parameter(property = "perfgate.asyncProfiler")
    private File asyncProfiler;

    @Override
    protected String compileAndRun() {
        return "test-compile perfgate:profile";
    }

    @Override
    protected void checkGoalParameters(ParameterCheck check) {
        check.atLeast("perfgate.profileForks", profileForks, 1, 1).atLeast("perfgate.profileTop", profileTop, 1, 20);
    }

    @Override
    protected void perform() throws PerfgateException {
        List<String> selection = list(include);
        if (selection.isEmpty()) {
            getLog().warn("perfgate: no benchmark selected, so all of them are profiled. Profiling is meant for one"
                    + " benchmark at a time: mvn test-compile perfgate:profile -Dperfgate.include=<Class.method>");
        }
        if (profileForks > 1 && asyncProfiler == null) {
            getLog().warn("perfgate: JMH's jfr profiler writes every fork's recording to the same file, so the"
                    + " profile shows the last of the " + profileForks + " forks only.");
        }
        if (resultsFile != null) {
            getLog().warn("perfgate: perfgate.resultsFile is ignored by perfgate:profile, which always runs the"
                    + " benchmarks.");
        }
        Path output = outputDirectory.toPath();
        boolean async = asyncProfiler != null;
        Path profilerDir = output.resolve(async ? "async" : "jfr");
        String profilerArguments = profilerArguments(profilerDir);
        try {
            ProfileFiles.clear(profilerDir);
        } catch (IOException e) {
            throw new PerfgateException("cannot clear " + profilerDir + ": " + e, e);
        }

        Measure.Request base = request(selection, profileForks, output.resolve("profile-result.json"), false);
        String jmhArguments = (base.jmhArgs() + " " + profilerArguments).trim();
        // The gc profiler is in jmhArguments, after the sampling profiler (see ProfilerArguments), not added by
        // Measure, which would list it first.
        Measure.Request profiled = new Measure.Request(base.javaExecutable(), base.classpath(),
                base.workingDirectory(), base.resultFile(), base.include(), base.exclude(), base.forks(),
                base.warmupIterations(), base.warmupTime(), base.iterations(), base.time(), base.jvmArgs(),
                jmhArguments, false, false, base.timeout());
        getLog().info("perfgate: profiling with " + (async ? "async-profiler (" + asyncProfiler + ")"
                : "JDK Flight Recorder (JMH's jfr profiler)") + (allocation ? " and JMH's gc profiler" : ""));
        JmhRun run = runProfiled(profiled, async);
        if (run.results().isEmpty()) {
            throw new PerfgateException("JMH produced no results, so there is nothing to profile."
                    + " Check perfgate.include/perfgate.exclude.");
        }

        List<BenchmarkProfile> profiles;
        try {
            profiles = async ? Profiles.fromAsync(run, profilerDir) : Profiles.fromJfr(run, profilerDir);
        } catch (ProfileException e) {
            throw new PerfgateException(e.getMessage() + " Profile longer measurement"
                    + " iterations, e.g.: mvn test-compile perfgate:profile -Dperfgate.include=" + includeHint(run)
                    + " -Dperfgate.time=5s", e);
        } catch (LinkageError e) {
            throw new PerfgateException("cannot read JFR recordings in this JVM (" + e + "). Run"
                    + " Maven on a full JDK 17 or newer, which includes the jdk.jfr module.", e);
        }
        ProfileReport report = new ProfileReport(profiles,
                async ? ProfileReport.Sampler.ASYNC : ProfileReport.Sampler.JFR, profileTop);
        for (String line : report.consoleLines()) {
            getLog().info(line);
        }
        Path markdown = output.resolve("profile.md");
        try {
            Files.createDirectories(output);
            Files.writeString(markdown, report.markdown(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PerfgateException("cannot write " + markdown + ": " + e, e);
        }
        getLog().info("perfgate: profile written to " + markdown);
    }

    private String profilerArguments(Path profilerDir) throws PerfgateException {
        try {
            if (asyncProfiler == null) {
                return ProfilerArguments.jfr(profilerDir, allocation);
            }
            if (!asyncProfiler.isFile()) {
                throw new PerfgateException("perfgate.asyncProfiler " + asyncProfiler + " is not a"
                        + " file. Point it to async-profiler's library, e.g."
                        + " -Dperfgate.asyncProfiler=/opt/async-profiler/lib/libasyncProfiler.so");
            }
            return ProfilerArguments.async(asyncProfiler.toPath(), profilerDir, allocation);
        } catch (IllegalArgumentException e) {
            throw new PerfgateException(e.getMessage(), e);
        }
    }

    private JmhRun runProfiled(Measure.Request request, boolean async) throws PerfgateException {
        try {
            return run(request).run();
        } catch (PerfgateException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (!async && message.contains("jcmd")) {
                throw new PerfgateException(message + "\nJMH's jfr profiler starts and stops the recording"
                        + " with jcmd, which must be next to the java that runs the benchmarks: set perfgate.jvm to"
                        + " a full JDK's bin/java.", e);
            }
            if (async && message.toLowerCase().contains("async")) {
                throw new PerfgateException(message + "\nCheck that perfgate.asyncProfiler (" + asyncProfiler
                        + ") is an async-profiler library built for this platform.", e);
            }
            throw e;
        }
    }

    /**
     * The value of {@code -Dperfgate.include} to suggest in a command: exactly the only benchmark that ran (quoted
     * for the shell), or the user's selection.
     */
    private String includeHint(JmhRun run) {
        if (run.results().size() == 1) {
            return "'" + BenchmarkSelection.exactly(run.results().get(0).key()) + "'";
        }
        List<String> selected = list(include);
        return selected.isEmpty() ? "<Class.method>" : String.join(",", selected);
    }
}
