package io.github.perfgate.jmh;

import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Measurement;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeasureTest {

    @TempDir
    Path dir;

    private Measure.Request request(Path resultFile) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return new Measure.Request(Path.of(System.getProperty("java.home"), "bin", "java"), classpath, dir,
                resultFile, List.of("fixtures\\.TinyBenchmark\\.sum"), List.of(), 1, 0, "100ms", 1, "100ms", "",
                "-p size=1", true, false, Duration.ofMinutes(5));
    }

    @Test
    void unsetForkOptionsGoToTheHostWhoseOptionsForksWithoutForkJvmArgsInherit() {
        Measure.Request unset = request(dir.resolve("a.json"));
        assertThat(unset.jvmArgs()).isNull();
        assertThat(unset.arguments()).noneMatch(a -> a.startsWith("-jvmArgs"));
        assertThat(Measure.hostJvmArguments(unset, dir)).startsWith("-Xms1g", "-Xmx1g")
                .noneMatch(a -> a.startsWith("-Xmx512m"));

        Measure.Request set = new Measure.Request(unset.javaExecutable(), unset.classpath(), dir, dir.resolve("b.json"),
                unset.include(), List.of(), 1, 0, "100ms", 1, "100ms", "-Xmx2g", "", true, false,
                Duration.ofMinutes(5));
        assertThat(set.arguments()).contains("-jvmArgs=-Xmx2g");
        assertThat(Measure.hostJvmArguments(set, dir)).startsWith("-Xmx512m").doesNotContain("-Xms1g", "-Xmx1g");
    }

    @Test
    void runsJmhAndReadsItsResultsWithAllocation() throws Exception {
        Measurement m = new Measure().run(request(dir.resolve("result.json")), JmhRunListener.NONE);

        assertThat(m.calibration()).isNull();
        assertThat(m.run().results()).hasSize(1);
        BenchmarkResult result = m.run().results().get(0);
        assertThat(result.key().name()).isEqualTo("io.github.perfgate.jmh.fixtures.TinyBenchmark.sum");
        assertThat(result.key().params()).containsEntry("size", "1");
        assertThat(result.primary().samples()).hasNumberOfRows(1);
        assertThat(result.allocation()).as("the gc profiler ran").isNotNull();
    }

    @Test
    void recordsTheCpuTimeOfTheBenchmarkThreadsPerOperationEveryIteration() throws Exception {
        Measure.Request busy = request(dir.resolve("busy.json")).withSelection(
                List.of("fixtures\\.TinyBenchmark\\.sum"), 1, dir.resolve("busy.json"), false);
        Measure.Request napping = busy.withSelection(List.of("fixtures\\.NapBenchmark\\.nap"), 1,
                dir.resolve("nap.json"), false);

        BenchmarkResult sum = new Measure().run(busy, JmhRunListener.NONE).run().results().get(0);
        BenchmarkResult nap = new Measure().run(napping, JmhRunListener.NONE).run().results().get(0);

        assertThat(sum.cpu()).as("perfgate's profiler ran").isNotNull();
        assertThat(sum.cpu().unit()).isEqualTo("ns/op");
        assertThat(sum.cpu().samples()).as("one value per fork and iteration, like the primary metric")
                .hasDimensions(1, sum.primary().samples()[0].length);
        assertThat(Arrays.stream(sum.cpu().samples()[0]).allMatch(v -> v > 0 && Double.isFinite(v))).isTrue();
        // 2 ms asleep per operation: the wall time is at least 2,000 us/op, the CPU time a small part of it.
        double napWallNs = nap.primary().score() * 1_000;
        assertThat(napWallNs).isGreaterThan(1_900_000);
        assertThat(nap.cpu().score()).isGreaterThan(0).isLessThan(napWallNs / 5);
    }

    @Test
    void withSeveralBenchmarkThreadsTheirCpuTimeIsSummedOverAllTheirOperations() throws Exception {
        Measure.Request one = request(dir.resolve("t1.json")).withSelection(
                List.of("fixtures\\.SpinNapBenchmark\\.spinThenNap"), 1, dir.resolve("t1.json"), false);
        Measure.Request two = new Measure.Request(one.javaExecutable(), one.classpath(), one.workingDirectory(),
                dir.resolve("t2.json"), one.include(), one.exclude(), 1, 0, "100ms", 2, "200ms", "", "-t 2", false,
                false, one.timeout());
        one = new Measure.Request(one.javaExecutable(), one.classpath(), one.workingDirectory(), dir.resolve("t1.json"),
                one.include(), one.exclude(), 1, 0, "100ms", 2, "200ms", "", "-t 1", false, false, one.timeout());

        double single = new Measure().run(one, JmhRunListener.NONE).run().results().get(0).cpu().score();
        double both = new Measure().run(two, JmhRunListener.NONE).run().results().get(0).cpu().score();

        // Each operation costs the same CPU on either thread. Counting one thread of two would halve the figure,
        // dividing both threads' time by one thread's operations would double it.
        assertThat(both / single).isBetween(0.7, 1.4);
    }

    @Test
    void aForkOfAnABRoundSkipsTheListingAndTheCalibrationAndRunsOnTheClasspathItIsGiven() throws Exception {
        Measure.Request listed = request(dir.resolve("listed.json"));
        int[] totals = new int[2];
        new Measure().run(listed, new JmhRunListener() {
            @Override
            public void progress(int index, int total, String benchmark, Duration eta) {
                totals[0] = total;
            }
        });
        Measure.Request other = listed.withSelection(listed.include(), 1, dir.resolve("fork.json"), true)
                .withClasspath(listed.classpath());

        var run = new Measure().runFork(other, new JmhRunListener() {
            @Override
            public void progress(int index, int total, String benchmark, Duration eta) {
                totals[1] = total;
            }
        });

        assertThat(totals[0]).as("a normal run lists its benchmarks first").isEqualTo(1);
        assertThat(totals[1]).as("a fork of a round does not start the listing JVM").isZero();
        assertThat(run.results()).hasSize(1);
        assertThat(run.results().get(0).primary().samples()).hasNumberOfRows(1);
        assertThatThrownBy(() -> new Measure().runFork(listed.withClasspath(List.of(dir.resolve("nothing.jar"))),
                JmhRunListener.NONE)).as("the classpath given is the one the fork runs on")
                .isInstanceOf(JmhRunException.class);
    }

    @Test
    void waitsWhileAnotherBuildMeasuresAndRunsJmhWhileHoldingTheLockItself() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolderMain.class.getName(),
                MeasurementLock.defaultDirectory().toString(), "perfgate").redirectErrorStream(true).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine())
                    .isEqualTo("LOCKED");
            CountDownLatch waiting = new CountDownLatch(1);
            JmhRunListener listener = new JmhRunListener() {
                @Override
                public void waiting(String why) {
                    if (why.contains("held by pid " + other.pid() + ", acme:other-build")) {
                        waiting.countDown();
                    }
                }
            };
            CompletableFuture<Measurement> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Measure().run(request(dir.resolve("locked.json")), listener);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(waiting.await(2, TimeUnit.MINUTES)).as("perfgate said whom it waits for").isTrue();
            assertThat(run).isNotDone();
            other.getOutputStream().close();
            // JMH's host runs although this JVM now holds JMH's lock file: it was told to ignore it.
            Measurement m = run.get(5, TimeUnit.MINUTES);
            assertThat(m.run().results()).hasSize(1);
            assertThat(dir.resolve("tmp")).as("the host's temporary files stay beside the result").isDirectory();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theForksOfASecondLookWinOverForksInJmhArgs() throws Exception {
        Measure.Request first = new Measure.Request(Path.of("java"), List.of(), dir, dir.resolve("a.json"),
                List.of(), List.of("Slow"), 3, 3, "1s", 5, "1s", "", "-f 2 -wi 2 -p 'name=a b'", true, true,
                Duration.ofMinutes(5));

        Measure.Request again = first.withSelection(List.of("^\\Qa.B.slow\\E$"), 5, dir.resolve("b.json"), false);

        org.openjdk.jmh.runner.options.CommandLineOptions options =
                new org.openjdk.jmh.runner.options.CommandLineOptions(again.arguments().toArray(String[]::new));
        assertThat(options.getForkCount().get()).isEqualTo(5);
        assertThat(options.getWarmupIterations().get()).isEqualTo(2);
        assertThat(options.getIncludes()).containsExactly("^\\Qa.B.slow\\E$");
        assertThat(options.getExcludes()).containsExactly("Slow");
        assertThat(options.getParameter("name").get()).containsExactly("a b");
        assertThat(again.calibrate()).isFalse();
        assertThat(again.settings()).isEqualTo("5 forks x 2 warm-up x 1s, 5 x 1s; -wi from perfgate.jmhArgs");
        assertThat(first.settings()).isEqualTo("2 forks x 2 warm-up x 1s, 5 x 1s; -f, -wi from perfgate.jmhArgs");
    }
}
