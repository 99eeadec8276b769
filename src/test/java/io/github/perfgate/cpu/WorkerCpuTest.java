package io.github.perfgate.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkerCpuTest {

    @Test
    void sumsTheWorkersGrowthAndDividesByTheOperations() {
        Map<Long, Long> before = Map.of(11L, 1_000L, 12L, 5_000L);
        Map<Long, Long> after = Map.of(11L, 401_000L, 12L, 605_000L);

        // (400,000 + 600,000) ns over 500 operations.
        assertThat(WorkerCpu.nanosPerOp(before, after, 500)).isEqualTo(2_000.0);
    }

    @Test
    void aWorkerStartedDuringTheIterationCountsWithAllItsTime() {
        assertThat(WorkerCpu.nanosPerOp(Map.of(), Map.of(7L, 90_000L), 30)).isEqualTo(3_000.0);
        assertThat(WorkerCpu.nanosPerOp(Map.of(7L, 10_000L), Map.of(7L, 10_000L, 8L, 20_000L), 4))
                .isEqualTo(5_000.0);
    }

    @Test
    void noOperationsNoWorkersOrATimeGoingBackwardsGiveNoValue() {
        assertThat(WorkerCpu.nanosPerOp(Map.of(), Map.of(1L, 10L), 0)).isNaN();
        assertThat(WorkerCpu.nanosPerOp(Map.of(1L, 10L), Map.of(), 10)).isNaN();
        assertThat(WorkerCpu.nanosPerOp(Map.of(1L, 10L), Map.of(1L, 5L), 10)).isNaN();
    }

    @Test
    void onlyJmhsWorkerThreadsAreTheBenchmarks() {
        assertThat(WorkerCpu.isWorker("io.github.acme.ParserBench.parse-jmh-worker-1")).isTrue();
        assertThat(WorkerCpu.isWorker("main")).isFalse();
        assertThat(WorkerCpu.isWorker("C2 CompilerThread0")).isFalse();
        assertThat(WorkerCpu.isWorker("G1 Conc#0")).isFalse();
        assertThat(WorkerCpu.isWorker(null)).isFalse();
    }

    @Test
    void aSnapshotHoldsTheCpuTimeOfLiveWorkersOnly() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(1);
        Thread spinner = new Thread(() -> {
            running.countDown();
            long x = 0;
            while (!stop.get()) {
                x += System.nanoTime() % 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        }, "acme.Bench.spin-jmh-worker-1");
        spinner.start();
        try {
            running.await();
            var threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> first = WorkerCpu.snapshot(threads);
            Thread.sleep(200);
            Map<Long, Long> second = WorkerCpu.snapshot(threads);

            assertThat(first).containsOnlyKeys(spinner.getId());
            double spentMillis = WorkerCpu.nanosPerOp(first, second, 1) / 1e6;
            // A spinning thread is on a core for most of 200 ms; a loaded machine gives it less, never more.
            assertThat(spentMillis).isGreaterThan(5).isLessThanOrEqualTo(200 + 20);
        } finally {
            stop.set(true);
            spinner.join();
        }
    }
}
