package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import io.github.perfgate.process.OutputTail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Feeds {@link JmhOutputTracker} real JMH 1.37 output captured from the fixture benchmarks and a few
 * scratch benchmarks (a {@code @Setup} that throws, a benchmark calling {@code System.exit(3)}, a bad fork option).
 */
class JmhOutputTrackerTest {

    private static final List<String> ARGS = List.of("NoSuchBenchmark", "-jvmArgs=", "-foe", "true");

    private final OutputTail tail = new OutputTail(OutputTail.LINES);
    private final List<String> events = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final JmhRunListener listener = new JmhRunListener() {
        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void progress(int index, int total, String benchmark, Duration eta) {
            events.add(index + "/" + total + " " + benchmark + " eta " + eta);
        }
    };

    @Test
    void reportsEachBenchmarkAndParameterCombinationOnce() throws IOException {
        List<String> output = resource("two-parameters.txt");

        feed(new JmhOutputTracker(listener, 2), output);

        assertThat(events).containsExactly(
                "1/2 io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 1) eta PT0S",
                "2/2 io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 2) eta PT0S");
        assertThat(lines).isEqualTo(output);
    }

    @Test
    void reportsABenchmarkWithSeveralForksOnce() throws IOException {
        JmhOutputTracker tracker = new JmhOutputTracker(listener, 1);
        feed(tracker, resource("warmup-fork.txt"));

        assertThat(events).containsExactly("1/1 io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 1) eta PT0S");
        assertThat(tracker.running()).isEqualTo("io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 1)"
                + " (benchmark 1 of 1)");
    }

    @Test
    void totalBecomesUnknownWhenTheRunHasMoreBenchmarksThanCounted() throws IOException {
        JmhOutputTracker tracker = new JmhOutputTracker(listener, 1);
        feed(tracker, resource("two-parameters.txt"));

        assertThat(events).extracting(e -> e.substring(0, 4)).containsExactly("1/1 ", "2/0 ");
        assertThat(tracker.running()).endsWith("(benchmark 2)");
    }

    @Test
    void parsesEtaWithDays() {
        JmhOutputTracker tracker = new JmhOutputTracker(listener, 0);
        feed(tracker, List.of("# Benchmark mode: Average time, time/op", "# Benchmark: a.B.c",
                "# Run progress: 12,50% complete, ETA 2 days, 01:02:03"));

        assertThat(events).containsExactly("1/0 a.B.c eta PT49H2M3S");
    }

    @Test
    void nothingRunningBeforeTheFirstBenchmark() {
        assertThat(new JmhOutputTracker(listener, 3).running()).isNull();
    }

    @Test
    void throwingBenchmarkNamesTheBenchmarkAndException() throws IOException {
        assertThat(failure("benchmark-throws.txt", 1))
                .returns(JmhRunException.Kind.BENCHMARK_FAILED, JmhRunException::kind)
                .hasMessage("Benchmark io.github.perfgate.jmh.fixtures.FailingBenchmark.boom failed:"
                        + " java.lang.IllegalStateException: boom. JMH's output has the full stack trace.");
    }

    @Test
    void aHeldJmhLockIsExplained() throws IOException {
        assertThat(failure("lock-held.txt", 1))
                .returns(JmhRunException.Kind.LOCKED, JmhRunException::kind)
                .hasMessageStartingWith("Another JMH run on this machine holds JMH's lock")
                .hasMessageContaining("mvn -T").hasMessageContaining("Unable to acquire the JMH lock");
    }

    @Test
    void throwingSetupInWarmupIsABenchmarkFailure() throws IOException {
        assertThat(failure("setup-throws.txt", 1))
                .returns(JmhRunException.Kind.BENCHMARK_FAILED, JmhRunException::kind)
                .hasMessage("Benchmark s.SetupFail.run failed: java.lang.IllegalArgumentException: bad setup."
                        + " JMH's output has the full stack trace.");
    }

    @Test
    void forkedJvmThatExitsIsABenchmarkFailure() throws IOException {
        assertThat(failure("forked-vm-exits.txt", 1))
                .returns(JmhRunException.Kind.BENCHMARK_FAILED, JmhRunException::kind)
                .hasMessage("Benchmark s.Exit.run failed: VM prematurely exited before JMH had finished with it,"
                        + " explicit System.exit was called? JMH's output has the full stack trace.");
    }

    @Test
    void forkedJvmThatCannotStartShowsItsError() throws IOException {
        assertThat(failure("forked-vm-bad-option.txt", 1))
                .returns(JmhRunException.Kind.BENCHMARK_FAILED, JmhRunException::kind)
                .hasMessage("Benchmark s.SetupFail.run failed: forked VM failed with exit code 1"
                        + " (Unrecognized option: -Xbogus). JMH's output has the full stack trace.");
    }

    @Test
    void forkedJvmThatCannotBeLaunchedShowsWhy() throws IOException {
        // JMH 1.37 forking with a classpath over Linux's 128 KiB argument limit.
        assertThat(failure("fork-command-too-long.txt", 1))
                .returns(JmhRunException.Kind.BENCHMARK_FAILED, JmhRunException::kind)
                .hasMessage("Benchmark io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 1) failed: JMH could"
                        + " not start the forked VM: IOException: Cannot run program"
                        + " \"/usr/lib/jvm/java-17-openjdk-amd64/bin/java\": error=7, Argument list too long."
                        + " JMH's output has the full stack trace.");
    }

    @Test
    void noMatchingBenchmarks() throws IOException {
        assertThat(failure("no-matching-benchmarks.txt", 1))
                .returns(JmhRunException.Kind.NO_BENCHMARKS, JmhRunException::kind)
                .hasMessage("No benchmark matches the selection passed to JMH (arguments: NoSuchBenchmark -jvmArgs="
                        + " -foe true). Includes (-Dperfgate.include) and excludes are regular expressions that JMH"
                        + " looks for anywhere in package.Class.method; check them against the benchmarks in your"
                        + " test sources.");
    }

    @Test
    void missingBenchmarkList() throws IOException {
        assertThat(failure("no-benchmark-list.txt", 1))
                .returns(JmhRunException.Kind.NO_BENCHMARKS, JmhRunException::kind)
                .hasMessage(BenchmarkDiscovery.noBenchmarkListMessage());
    }

    @Test
    void missingJmh() throws IOException {
        assertThat(failure("no-jmh.txt", 1))
                .returns(JmhRunException.Kind.NO_JMH, JmhRunException::kind)
                .hasMessage(BenchmarkDiscovery.noJmhMessage());
    }

    @Test
    void otherJmhErrorsShowExitCodeAndLastLines() throws IOException {
        assertThat(failure("duplicate-option.txt", 1))
                .returns(JmhRunException.Kind.JMH_FAILED, JmhRunException::kind)
                .hasMessage("JMH failed with exit code 1. Its last output lines:\n"
                        + "Error parsing command line:\n"
                        + " Found multiple arguments for option f, but you asked for only one");
    }

    @Test
    void jmhFailedQuotesTheLast20LinesAndCarriesTheWholeTail() {
        JmhOutputTracker tracker = new JmhOutputTracker(listener, 0);
        List<String> output = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            output.add("line " + i);
        }
        feed(tracker, output);

        JmhRunException failure = tracker.failure(2, tail.lines(), ARGS);

        assertThat(failure.getMessage()).startsWith("JMH failed with exit code 2. Its last output lines:\nline 31\n")
                .endsWith("\nline 50").doesNotContain("line 30\n");
        assertThat(failure.outputTail()).hasSize(OutputTail.LINES).startsWith("line 11").endsWith("line 50");
    }

    @Test
    void aBenchmarkFailureCarriesJmhsLastLinesWithTheException() throws IOException {
        // The trace of the first report is out of the tail by now; JMH's summary repeats it as suppressed.
        assertThat(failure("benchmark-throws.txt", 1).outputTail())
                .anyMatch(line -> line.contains("java.lang.IllegalStateException: boom"));
    }

    @Test
    void signalExitIsAnInterruption() throws IOException {
        JmhOutputTracker tracker = new JmhOutputTracker(listener, 0);
        feed(tracker, resource("two-parameters.txt").subList(0, 15));

        assertThat(tracker.failure(130, tail.lines(), ARGS))
                .returns(JmhRunException.Kind.INTERRUPTED, JmhRunException::kind)
                .hasMessage("JMH was stopped by a signal (exit code 130) while running"
                        + " io.github.perfgate.jmh.fixtures.TinyBenchmark.sum (size = 1) (benchmark 1).");
    }

    private JmhRunException failure(String resource, int exitCode) throws IOException {
        JmhOutputTracker tracker = new JmhOutputTracker(listener, 0);
        feed(tracker, resource(resource));
        return tracker.failure(exitCode, tail.lines(), ARGS);
    }

    /** Feeds the tracker, and the tail as the supervisor would. */
    private void feed(JmhOutputTracker tracker, List<String> output) {
        output.forEach(line -> {
            tail.add(line);
            tracker.accept(line);
        });
    }

    private static List<String> resource(String name) throws IOException {
        try (InputStream in = JmhOutputTrackerTest.class.getResourceAsStream("runner/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
