package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void runsJmhAndReadsItsResultsWithAllocation() throws Exception {
        Measure.Measurement m = new Measure().run(request(dir.resolve("result.json")), JmhRunListener.NONE);

        assertThat(m.calibration()).isNull();
        assertThat(m.run().results()).hasSize(1);
        BenchmarkResult result = m.run().results().get(0);
        assertThat(result.key().name()).isEqualTo("io.github.perfgate.jmh.fixtures.TinyBenchmark.sum");
        assertThat(result.key().params()).containsEntry("size", "1");
        assertThat(result.primary().samples()).hasNumberOfRows(1);
        assertThat(result.allocation()).as("the gc profiler ran").isNotNull();
    }

    @Test
    void waitsWhileAnotherJmhRunHoldsTheLock() throws Exception {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        CountDownLatch waiting = new CountDownLatch(1);
        JmhRunListener listener = new JmhRunListener() {
            @Override
            public void waiting(String why) {
                assertThat(why).contains("holds JMH's lock");
                waiting.countDown();
            }
        };
        CompletableFuture<Measure.Measurement> run;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            org.junit.jupiter.api.Assumptions.assumeTrue(lock != null, "another JMH run holds the lock right now");
            run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Measure(new JmhRunner(), Duration.ofMillis(500))
                            .run(request(dir.resolve("locked.json")), listener);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(waiting.await(2, TimeUnit.MINUTES)).as("perfgate said it waits for the lock").isTrue();
        }
        Measure.Measurement m = run.get(5, TimeUnit.MINUTES);
        assertThat(m.run().results()).hasSize(1);
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
