package io.github.perfgate.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementLockTest {

    private static final Duration LONG = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void aSecondModuleOfTheSameJvmQueuesAndIsToldWhoHoldsTheLock() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        CountDownLatch told = new CountDownLatch(1);
        CompletableFuture<Void> second;
        try (MeasurementLock.Held first = MeasurementLock.acquire(dir, "acme:mod-a (/src/mod-a)", LONG, w -> { })) {
            assertThat(Files.readString(dir.resolve(MeasurementLock.OWNER_FILE)))
                    .isEqualTo("pid " + ProcessHandle.current().pid() + ", acme:mod-a (/src/mod-a)\n");
            second = CompletableFuture.runAsync(() -> {
                try (MeasurementLock.Held held = MeasurementLock.acquire(dir, "acme:mod-b (/src/mod-b)", LONG, w -> {
                    said.add(w);
                    told.countDown();
                })) {
                    said.add("acquired");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(told.await(1, TimeUnit.MINUTES)).isTrue();
            assertThat(said).doesNotContain("acquired");
        }
        second.get(1, TimeUnit.MINUTES);
        assertThat(said.get(0)).startsWith("waiting for another measurement on this machine to finish (held by pid "
                + ProcessHandle.current().pid() + ", acme:mod-a (/src/mod-a), another module of this build)");
        assertThat(said).last().isEqualTo("acquired");
        assertThat(dir.resolve(MeasurementLock.OWNER_FILE)).as("removed when let go").doesNotExist();
    }

    @Test
    void theHolderMayTakeItAgainAndKeepsItUntilTheOuterHoldEnds() throws Exception {
        try (MeasurementLock.Held outer = MeasurementLock.acquire(dir, "outer", LONG, w -> { })) {
            try (MeasurementLock.Held inner = MeasurementLock.acquire(dir, "inner", LONG, w -> { })) {
                assertThat(Files.readString(dir.resolve(MeasurementLock.OWNER_FILE))).contains("outer");
            }
            JmhRunException refused = CompletableFuture.supplyAsync(() -> catchThrowableOfType(JmhRunException.class,
                    () -> MeasurementLock.acquire(dir, "other", Duration.ofMillis(300), w -> { }))).get();
            assertThat(refused).as("still held after the inner hold ended").isNotNull();
            assertThat(refused.kind()).isEqualTo(JmhRunException.Kind.LOCKED);
            assertThat(refused.getMessage()).startsWith("Waited the whole timeout of 300ms for another measurement")
                    .contains("held by pid " + ProcessHandle.current().pid() + ", outer")
                    .contains("-Dperfgate.timeout=600ms");
        }
        boolean free = CompletableFuture.supplyAsync(() -> {
            try (MeasurementLock.Held again = MeasurementLock.acquire(dir, "other", Duration.ofSeconds(30), w -> { })) {
                return true;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get();
        assertThat(free).as("free once the outer hold ended").isTrue();
    }

    @Test
    void onlyTheThreadThatTookItCanLetItGo() throws Exception {
        MeasurementLock.Held held = MeasurementLock.acquire(dir, "owner", LONG, w -> { });
        try {
            Throwable refused = CompletableFuture.supplyAsync(() -> org.assertj.core.api.Assertions.catchThrowable(
                    held::close)).get();
            assertThat(refused).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("let go by the thread that took it");
        } finally {
            held.close();
        }
    }

    @Test
    void anotherProcessHoldingItIsNamedAndWaitedFor() throws Exception {
        Process other = holder("perfgate");
        try {
            JmhRunException refused = catchThrowableOfType(JmhRunException.class,
                    () -> MeasurementLock.acquire(dir, "this", Duration.ofMillis(500), w -> { }));
            assertThat(refused.getMessage()).contains("(held by pid " + other.pid() + ", acme:other-build (/src/other))");
            other.getOutputStream().close();
            try (MeasurementLock.Held held = MeasurementLock.acquire(dir, "this", LONG, w -> { })) {
                assertThat(other.waitFor(1, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aPlainJmhRunHoldingJmhsLockIsWaitedForToo() throws Exception {
        Process jmh = holder("jmh");
        try {
            List<String> said = new CopyOnWriteArrayList<>();
            JmhRunException refused = catchThrowableOfType(JmhRunException.class,
                    () -> MeasurementLock.acquire(dir, "this", Duration.ofSeconds(3), said::add));
            assertThat(refused.getMessage()).contains("held by a JMH run that is not perfgate's ("
                    + dir.resolve("jmh.lock") + ")");
            assertThat(said).singleElement().asString().startsWith("waiting for another measurement");
        } finally {
            jmh.getOutputStream().close();
            jmh.waitFor(1, TimeUnit.MINUTES);
            jmh.destroyForcibly();
        }
    }

    @Test
    void aPerfgateHolderThatHasNotYetWrittenItsNameIsNotTakenForAPlainJmhRun() throws Exception {
        Process late = holder("late");
        try {
            List<String> said = new CopyOnWriteArrayList<>();
            catchThrowableOfType(JmhRunException.class,
                    () -> MeasurementLock.acquire(dir, "this", Duration.ofSeconds(3), said::add));
            assertThat(said).as("the first line names the holder, which wrote its name 400 ms after it took the lock")
                    .isNotEmpty().allSatisfy(line -> assertThat(line)
                            .contains("held by pid " + late.pid() + ", acme:late (/src/late)")
                            .doesNotContain("not perfgate's"));
        } finally {
            late.getOutputStream().close();
            late.waitFor(1, TimeUnit.MINUTES);
            late.destroyForcibly();
        }
    }

    /** Starts {@link LockHolderMain} and returns once it holds the lock. */
    private Process holder(String kind) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), dir.toString(), kind)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the other process took the lock").isEqualTo("LOCKED");
        return process;
    }
}
