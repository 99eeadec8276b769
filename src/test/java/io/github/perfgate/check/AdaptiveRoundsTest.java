package io.github.perfgate.check;

import static io.github.perfgate.check.CheckProcedureTest.BASELINE_FILE;
import static io.github.perfgate.check.CheckProcedureTest.JOURNAL_FILE;
import static io.github.perfgate.check.CheckProcedureTest.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.gate.BenchmarkComparison;
import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.gate.GateSettings;
import io.github.perfgate.gate.TimeMetric;
import io.github.perfgate.gate.Verdict;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.JmhRun;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.RoundOrder;
import io.github.perfgate.stats.RoundOrder.Side;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The product's adaptive A/B path end to end on simulated machines: {@link PairedRun} with {@link
 * CheckProcedure#looker()} at every look and {@link CheckProcedure#runPaired} for the verdict, with
 * {@code perfgate.metric=auto} (wall and CPU time, each at half the error rate), rounds 4 to 12, confidence 0.99.
 *
 * <p>The simulated machine: per round a speed shared by both forks of the round (log-normal, sd 0.3: it cancels in
 * the pair), per fork a JVM's own offset (wall time sd 0.06, CPU time sd 0.02 of the log, so the per-round
 * log-ratio has sd 0.085 and 0.028, about what beside two CPU hogs was measured), and 1% noise per iteration.
 */
class AdaptiveRoundsTest {

    private static final int RUNS = 1_500;
    private static final double ALPHA = 0.01;

    private static final Against AGAINST = new Against("HEAD", "0123456789abcdef0123456789abcdef01234567", false, 4,
            12, 1);

    private static CheckProcedure procedure(double tolerance) {
        GateSettings gate = new GateSettings(tolerance, List.of(), 1 - ALPHA).withMetric(TimeMetric.AUTO);
        return new CheckProcedure(new CheckOptions(gate, List.of(), false, true, false, false, 1, null, BASELINE_FILE,
                JOURNAL_FILE, false, BenchmarkSelection.ALL, PROJECT).against(AGAINST));
    }

    /** One simulated A/B check of one benchmark whose current side is {@code wallRatio} / {@code cpuRatio} slower. */
    private static Simulated simulate(long seed, double wallRatio, double cpuRatio, double tolerance) throws Exception {
        Random random = new Random(seed);
        double[] machine = new double[12];
        Arrays.setAll(machine, r -> Math.exp(0.3 * random.nextGaussian()));
        PairedRun.ForkRunner runner = (side, include, round) -> {
            double speed = machine[round];
            double wall = Math.exp(0.06 * random.nextGaussian());
            double cpu = Math.exp(0.02 * random.nextGaussian());
            double w = 100 * speed * wall * (side == Side.CURRENT ? wallRatio : 1);
            double c = 90_000 * cpu * (side == Side.CURRENT ? cpuRatio : 1);
            double[][] wallSamples = new double[1][4];
            double[][] cpuSamples = new double[1][4];
            for (int i = 0; i < 4; i++) {
                wallSamples[0][i] = w * Math.exp(0.01 * random.nextGaussian());
                cpuSamples[0][i] = c * Math.exp(0.01 * random.nextGaussian());
            }
            BenchmarkResult r = new BenchmarkResult(BenchmarkKey.of("a.B.work", Mode.AVERAGE_TIME),
                    new Metric(w, 0, w, w, "us/op", wallSamples), null, new Metric(c, 0, c, c, "ns/op", cpuSamples));
            return new JmhRun(List.of(r), "1.37", "17", "vm", "17");
        };
        CheckProcedure procedure = procedure(tolerance);
        PairedRun.Result result = new PairedRun(4, 12, null, new RoundOrder(seed), runner, procedure.looker(),
                s -> { }, System::nanoTime).run(List.of("a.B.work"), List.of(), List.of());
        BenchmarkComparison c = procedure.runPaired(result, null).report().comparisons().get(0);
        return new Simulated(c.verdict(), result.current().get(0).primary().forkCount(),
                result.stops().get("a.B.work"));
    }

    private record Simulated(Verdict verdict, int rounds, String why) {
    }

    @Test
    void unchangedCodeRaisesFalseAlarmsInAtMostOnePercentOfChecksOverAllLooks() throws Exception {
        int falseAlarms = 0;
        int[] rounds = new int[RUNS];
        for (int run = 0; run < RUNS; run++) {
            Simulated s = simulate(1_000 + run, 1, 1, 0.05);
            falseAlarms += s.verdict() == Verdict.REGRESSED ? 1 : 0;
            rounds[run] = s.rounds();
        }
        Arrays.sort(rounds);
        System.out.printf("A/A, 5%% tolerance: %d false alarms in %d checks, median %d rounds%n", falseAlarms, RUNS,
                rounds[RUNS / 2]);
        assertThat((double) falseAlarms / RUNS).isLessThanOrEqualTo(ALPHA);
    }

    @Test
    void aDoublingIsDecidedAfterTheMinimumRounds() throws Exception {
        for (int run = 0; run < 200; run++) {
            Simulated s = simulate(5_000 + run, 2, 2, 0.05);
            assertThat(s.verdict()).isEqualTo(Verdict.REGRESSED);
            assertThat(s.rounds()).isEqualTo(4);
            assertThat(s.why()).isEqualTo("decided after 4 rounds: regressed (CPU time)");
        }
    }

    @Test
    void aBenchmarkThatOnlyWaitsLongerFailsByWallTime() throws Exception {
        Simulated s = simulate(9_001, 3, 1, 0.05);
        assertThat(s.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(s.why()).isEqualTo("decided after 4 rounds: regressed (wall time)");
    }
}
