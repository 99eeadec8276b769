package io.github.perfgate.profile;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where JMH 1.37's profilers write their files, and how to clear them before a run.
 *
 * <p>Both the {@code jfr} and the {@code async} profiler write into {@code <dir>/<trial id>/}, where the trial id
 * is JMH's {@code BenchmarkParams.id()}: the benchmark's {@code package.Class.method}, {@code -}, the name of the
 * mode's JMH enum constant ({@code Throughput}, {@code AverageTime}, {@code SampleTime}, {@code SingleShotTime}),
 * then {@code -key-value} for each {@code @Param} in key order, each part URL-encoded (UTF-8); e.g.
 * {@code acme.ParserBench.parse-AverageTime-size-10}. The {@code async} profiler also replaces {@code %} by
 * {@code _}. The {@code jfr} profiler writes {@code profile.jfr} there when a fork's last measurement iteration
 * ends, so every fork of a benchmark writes the same file and only the last fork's recording is left.
 */
public final class ProfileFiles {

    /** The file name of the {@code jfr} profiler's recording inside a trial directory. */
    public static final String JFR_FILE = "profile.jfr";

    private static final Map<Mode, String> JMH_MODE_NAMES = Map.of(
            Mode.THROUGHPUT, "Throughput",
            Mode.AVERAGE_TIME, "AverageTime",
            Mode.SAMPLE_TIME, "SampleTime",
            Mode.SINGLE_SHOT, "SingleShotTime");

    private ProfileFiles() {
    }

    /** JMH's trial id of a benchmark, the name of its output directory (see the class comment). */
    public static String trialId(BenchmarkKey key) {
        StringBuilder id = new StringBuilder(encode(key.name())).append('-').append(JMH_MODE_NAMES.get(key.mode()));
        key.params().forEach((name, value) -> id.append('-').append(encode(name)).append('-').append(encode(value)));
        return id.toString();
    }

    /** The {@code async} profiler's output directory of a benchmark, below {@code dir}. */
    public static Path asyncTrialDirectory(Path dir, BenchmarkKey key) {
        return dir.resolve(trialId(key).replace('%', '_'));
    }

    /** The {@code jfr} profiler's recording of a benchmark, below {@code dir}; it may not exist. */
    public static Path jfrRecording(Path dir, BenchmarkKey key) {
        return dir.resolve(trialId(key)).resolve(JFR_FILE);
    }

    /**
     * Deletes the profiler output of earlier runs: the regular files directly inside each subdirectory of
     * {@code dir}, then those subdirectories if they are empty. Nothing else is touched; a missing {@code dir} is
     * created.
     */
    public static void clear(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (DirectoryStream<Path> trials = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path trial : trials) {
                try (Stream<Path> files = Files.list(trial)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (Files.isRegularFile(file)) {
                            Files.delete(file);
                        }
                    }
                }
                try (Stream<Path> left = Files.list(trial)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(trial);
                    }
                }
            }
        }
    }

    /** The regular files in a directory, sorted by name; empty if it does not exist. */
    public static List<Path> filesIn(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
