package io.github.perfgate.profile;

import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Puts a profiled JMH run's results together with what its profiler wrote, one {@link BenchmarkProfile} each. */
public final class Profiles {

    private Profiles() {
    }

    /**
     * Reads the recordings that JMH's {@code jfr} profiler wrote into {@code jfrDir}, one per benchmark of
     * {@code run}. A benchmark without a recording gets an empty ranking.
     *
     * @throws ProfileException when a recording cannot be read, when there is no recording at all, or when the
     *                          recordings hold no execution sample at all (measurement iterations too short for
     *                          JFR's 10 ms sampling, or a benchmark that spends its time off the CPU)
     */
    public static List<BenchmarkProfile> fromJfr(JmhRun run, Path jfrDir) throws ProfileException {
        List<BenchmarkProfile> profiles = new ArrayList<>();
        boolean anyRecording = false;
        long samples = 0;
        for (BenchmarkResult result : run.results()) {
            Path recording = ProfileFiles.jfrRecording(jfrDir, result.key());
            List<Path> files = Files.isRegularFile(recording) ? List.of(recording) : List.of();
            anyRecording |= !files.isEmpty();
            HotMethods hot = files.isEmpty() ? HotMethods.empty() : HotMethods.read(files);
            samples += hot.totalSamples();
            profiles.add(new BenchmarkProfile(result.key(), result.primary(), result.allocation(), hot, files));
        }
        if (!run.results().isEmpty() && !anyRecording) {
            throw new ProfileException("JMH's jfr profiler wrote no recording into " + jfrDir + " (expected "
                    + ProfileFiles.jfrRecording(jfrDir, run.results().get(0).key()) + ").");
        }
        if (!run.results().isEmpty() && samples == 0) {
            throw new ProfileException("JFR recorded no CPU sample (jdk.ExecutionSample) during the measurement"
                    + " iterations of " + names(run) + ". JFR samples running threads every 10 ms, so the"
                    + " measurement iterations were too short, or the benchmark spends its time off the CPU"
                    + " (sleeping, blocked or in native code).");
        }
        return profiles;
    }

    /**
     * Lists the files that JMH's {@code async} profiler wrote into {@code asyncDir} for each benchmark of
     * {@code run}; they are not read.
     *
     * @throws ProfileException when the output directory cannot be listed
     */
    public static List<BenchmarkProfile> fromAsync(JmhRun run, Path asyncDir) throws ProfileException {
        List<BenchmarkProfile> profiles = new ArrayList<>();
        for (BenchmarkResult result : run.results()) {
            Path trialDir = ProfileFiles.asyncTrialDirectory(asyncDir, result.key());
            try {
                profiles.add(new BenchmarkProfile(result.key(), result.primary(), result.allocation(), null,
                        ProfileFiles.filesIn(trialDir)));
            } catch (IOException e) {
                throw new ProfileException("Cannot list async-profiler's output in " + trialDir + ": " + e, e);
            }
        }
        return profiles;
    }

    private static String names(JmhRun run) {
        List<String> names = new ArrayList<>();
        for (BenchmarkResult result : run.results()) {
            names.add(result.key().displayName());
        }
        return String.join(", ", names);
    }
}
