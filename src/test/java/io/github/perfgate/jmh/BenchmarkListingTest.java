package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.perfgate.process.JvmLaunch;
import io.github.perfgate.process.ProcessSupervisor.Completion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code -lp} run before a JMH run, fed real JMH 1.37 listings instead of a JVM. */
class BenchmarkListingTest {

    private static final List<String> ARGS = List.of("NoSuchBenchmark", "-jvmArgs=", "-foe", "true");

    @TempDir
    Path dir;

    private final List<List<String>> launched = new ArrayList<>();

    @Test
    void countsListedBenchmarksTimesParameterCombinations() throws IOException {
        List<String> listing = resource("listing.txt");

        // TinyBenchmark.sum: 2; Modes.two in two modes: 2 x 2 x 3; Modes.all (Mode.All, listed once): 2 x 3.
        assertThat(BenchmarkListing.countListed(listing, List.of())).isEqualTo(2 + 12 + 6);
        assertThat(BenchmarkListing.countListed(listing, List.of("-bm", "avgt,thrpt"))).isEqualTo((2 + 6 + 6) * 2);
        assertThat(BenchmarkListing.countListed(listing, List.of("-bm", "all"))).isEqualTo((2 + 6 + 6) * 4);
        assertThat(BenchmarkListing.countListed(listing, List.of("-bm", "avgt", "-bm", "AverageTime")))
                .isEqualTo(2 + 6 + 6);
    }

    @Test
    void countsNothingListedAsZeroAndUnreadableListingAsUnknown() {
        assertThat(BenchmarkListing.countListed(List.of("Benchmarks: "), List.of())).isZero();
        List<String> withJvmWarning =
                List.of("Benchmarks: ", "a.B.c", "OpenJDK 64-Bit Server VM warning: Sharing is only supported");
        assertThat(BenchmarkListing.countListed(withJvmWarning, List.of())).isEqualTo(1);
        assertThat(BenchmarkListing.countListed(List.of("Something else"), List.of())).isEqualTo(-1);
        assertThat(BenchmarkListing.countListed(List.of("Benchmarks: ", "a.B.c", "  param \"e\" = {}"), List.of()))
                .isEqualTo(-1);
    }

    @Test
    void runsTheSameArgumentsWithListParametersAndCounts() throws Exception {
        try (JmhCommandLine commandLine = commandLine()) {
            int count = BenchmarkListing.count(commandLine, List.of("fixtures", "-f", "1"),
                    listingOf(0, resource("listing.txt")));

            assertThat(count).isEqualTo(20);
            assertThat(launched).hasSize(1);
            assertThat(launched.get(0)).endsWith(JmhCommandLine.JMH_MAIN, "fixtures", "-f", "1", "-lp");
        }
    }

    @Test
    void unreadableListingCountsAsUnknownAndRuns() throws Exception {
        try (JmhCommandLine commandLine = commandLine()) {
            assertThat(BenchmarkListing.count(commandLine, ARGS, listingOf(0, List.of("Something else")))).isZero();
        }
    }

    @Test
    void anEmptyListingFailsWithoutRunning() throws Exception {
        try (JmhCommandLine commandLine = commandLine()) {
            JmhRunException failure = catchThrowableOfType(JmhRunException.class,
                    () -> BenchmarkListing.count(commandLine, ARGS, listingOf(0, List.of("Benchmarks: "))));

            assertThat(failure.kind()).isEqualTo(JmhRunException.Kind.NO_BENCHMARKS);
            assertThat(failure).hasMessage(JmhHints.noMatch(ARGS));
        }
    }

    @Test
    void aFailedListingIsExplainedAsTheRunWouldBeWithItsTail() throws Exception {
        List<String> output = resource("duplicate-option.txt");
        try (JmhCommandLine commandLine = commandLine()) {
            JmhRunException failure = catchThrowableOfType(JmhRunException.class,
                    () -> BenchmarkListing.count(commandLine, ARGS, listingOf(1, output)));

            assertThat(failure.kind()).isEqualTo(JmhRunException.Kind.JMH_FAILED);
            assertThat(failure).hasMessageStartingWith("JMH failed with exit code 1. Its last output lines:\n");
            assertThat(failure.outputTail()).isEqualTo(output);
        }
    }

    /** Stands in for the supervisor: records the command line and replays a listing. */
    private BenchmarkListing.Execution listingOf(int exitCode, List<String> output) {
        return (JvmLaunch launch, java.util.function.Consumer<String> onLine) -> {
            launched.add(launch.command());
            output.forEach(onLine);
            return new Completion(exitCode, output);
        };
    }

    private JmhCommandLine commandLine() throws JmhRunException {
        return JmhCommandLine.prepare(new JmhRunRequest(Path.of("java"), List.of(), List.of(), dir,
                Duration.ofMinutes(1), List.of(), dir.resolve("tmp")));
    }

    static List<String> resource(String name) throws IOException {
        try (InputStream in = BenchmarkListingTest.class.getResourceAsStream("runner/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
