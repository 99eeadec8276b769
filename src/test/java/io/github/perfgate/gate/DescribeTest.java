package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.BenchmarkResult;
import io.github.perfgate.model.Metric;
import io.github.perfgate.model.Mode;
import io.github.perfgate.stats.ChangeEstimate;
import org.junit.jupiter.api.Test;

class DescribeTest {

    static final BenchmarkKey KEY = BenchmarkKey.of("acme.SieveBench.primes", Mode.AVERAGE_TIME);

    /** Time per operation 1.20 -> 1.20 * ratio us/op with the interval given, allocation 22.9 -> 20,019 B/op. */
    static BenchmarkComparison allocatesMore(double ratio, double lower, double upper) {
        ChangeEstimate time = new ChangeEstimate(1.2e-6, 1.2e-6 * ratio, ratio, lower, upper, 0.99, true, "");
        ChangeEstimate allocation = new ChangeEstimate(22.9, 20_019, 20_019 / 22.9, 870, 880, 0.99, true, "");
        BenchmarkResult base = new BenchmarkResult(KEY, new Metric(1.2, 0, 0, 0, "us/op", new double[][] {{1.2}}),
                null);
        BenchmarkResult now = new BenchmarkResult(KEY, new Metric(1.2 * ratio, 0, 0, 0, "us/op",
                new double[][] {{1.2 * ratio}}), null);
        return new BenchmarkComparison(KEY, Verdict.ALLOCATION_REGRESSED, base, now, time, 0.10,
                Describe.allocationGrowth(allocation, 0.10), allocation);
    }

    @Test
    void aFasterBenchmarkThatAllocatesMoreSaysBothInWordsThatAgree() {
        String sentence = Describe.sentence(allocatesMore(0.142, 0.097, 0.169), 0.99);

        assertThat(sentence).isEqualTo("acme.SieveBench.primes is 85.8% faster but allocates more (baseline 1.20"
                + " us/op, now 0.170 us/op, 99% CI -90.3%..-83.1%, tolerance 10%; allocation 22.9 -> 20,019 B/op"
                + " (+87319.2%), beyond the 10% allocation tolerance)");
        assertThat(sentence).doesNotContain("more -85.8%");
    }

    @Test
    void aSlowerOrUnchangedBenchmarkThatAllocatesMoreSaysSo() {
        assertThat(Describe.sentence(allocatesMore(1.031, 1.01, 1.05), 0.99))
                .startsWith("acme.SieveBench.primes is 3.1% slower and allocates more (baseline 1.20 us/op");
        assertThat(Describe.sentence(allocatesMore(1.0002, 0.99, 1.01), 0.99))
                .startsWith("acme.SieveBench.primes is as fast as before but allocates more (baseline");
    }

    @Test
    void bytesOfAThousandAndMoreAreGroupedAndGrowthFromNothingSaysSo() {
        assertThat(Describe.bytes(20_019.4)).isEqualTo("20,019");
        assertThat(Describe.bytes(999)).isEqualTo("999");
        assertThat(Describe.bytes(22.93)).isEqualTo("22.9");
        assertThat(Describe.allocationFigures(ChangeEstimate.notEstimable(0.02, 96, 0.99, "none")))
                .isEqualTo("0.020 -> 96.0 B/op (was none)");
    }
}
