package io.github.perfgate.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.gate.Verdict;
import io.github.perfgate.quality.AbVerdictQuality.Case;
import io.github.perfgate.quality.AbVerdictQuality.Condition;
import io.github.perfgate.quality.AbVerdictQuality.Result;
import io.github.perfgate.quality.AbVerdictQuality.Tally;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same-machine A/B mode's verdict quality on the recorded A/B corpus ({@code bench/verdict-quality/corpus-ab}),
 * against the targets issue #13 set, and the evaluator's own mechanics on copies of recorded runs.
 */
class AbVerdictQualityTest {

    /** The corpus recorded with {@code LAYOUT=pairs}, as the A/B mode measures. */
    static final Path PAIRS_CORPUS = Path.of("bench", "verdict-quality", "corpus-ab-pairs");

    @TempDir
    Path dir;

    /**
     * Issue #13's targets, beside two CPU hogs at the default tolerance and rounds: no A/A false alarm, and at most
     * 60 s of machine time per benchmark for both sides together. Its third target, a 30% slowdown caught in at
     * least 95% of builds beside the hogs, is NOT met on this corpus with wall time per operation (see the README,
     * "Verdict quality of the A/B mode"): it is printed, not guarded by a weaker figure. The A/B mode's defaults of
     * issue #14 (CPU time, adaptive rounds, 5% tolerance) meet it: {@link AbAdaptiveQualityTest} asserts it on the
     * corpora recorded with CPU time. Quiet, the targets issue #3 set for every mode hold too: no false
     * alarm, 30% caught in at least 95% of builds, every doubling caught. A missing corpus fails the test.
     */
    @Test
    void onTheRecordedABCorpusTheModeMeetsTheTargetsItCanBeHeldTo() throws Exception {
        Path corpus = AbVerdictQuality.DEFAULT_CORPUS;
        for (Condition condition : Condition.values()) {
            assertThat(hasRuns(corpus.resolve(condition.directory())))
                    .as("the recorded A/B corpus in " + corpus.resolve(condition.directory())
                            + " (record it with bench/verdict-quality/record-ab.sh, about 6 minutes per run)")
                    .isTrue();
        }
        Result result = new AbVerdictQuality().evaluate(corpus);
        System.out.println(AbVerdictQuality.render(result, null));

        for (Condition condition : Condition.values()) {
            for (int rounds : AbVerdictQuality.WINDOWS) {
                Tally aa = result.tally(condition, rounds, AbVerdictQuality.TOLERANCE, Case.UNCHANGED);
                assertThat(aa.windows()).isPositive();
                assertThat(aa.count(Verdict.REGRESSED) + aa.count(Verdict.ALLOCATION_REGRESSED))
                        .as("A/A false alarms, " + condition + ", " + rounds + " rounds").isZero();
            }
        }
        assertThat(result.cost(Condition.HOG).secondsPerBenchmark(AbVerdictQuality.ROUNDS))
                .as("machine time per benchmark beside hogs, both sides, default rounds").isLessThanOrEqualTo(60);

        Tally quiet30 = result.tally(Condition.QUIET, AbVerdictQuality.ROUNDS, AbVerdictQuality.TOLERANCE,
                Case.SLOWED_30);
        assertThat(quiet30.fraction(Verdict.REGRESSED)).as("quiet 30% slowdowns caught").isGreaterThanOrEqualTo(0.95);
        Tally quiet2x = result.tally(Condition.QUIET, AbVerdictQuality.ROUNDS, AbVerdictQuality.TOLERANCE,
                Case.SLOWED_2X);
        assertThat(quiet2x.count(Verdict.REGRESSED)).as("quiet doublings caught").isEqualTo(quiet2x.windows());
    }

    /**
     * Issue #13's targets on the corpus recorded as the A/B mode measures ({@code LAYOUT=pairs}: each variant's fork
     * and a fork of {@code base} back to back), beside two CPU hogs at the default tolerance and rounds: no A/A false
     * alarm at any number of rounds, and at most 60 s of machine time per benchmark for both sides. The third, a 30%
     * slowdown caught in at least 95% of builds, is not met (see the comment below). A missing corpus fails the test.
     */
    @Test
    void onTheCorpusRecordedAsTheModeMeasuresBesideHogsTheTargetsOfIssue13ThatHoldAreChecked() throws Exception {
        Path corpus = PAIRS_CORPUS;
        assertThat(hasRuns(corpus.resolve("hog"))).as("the recorded A/B corpus in " + corpus.resolve("hog")
                + " (record it with LAYOUT=pairs CORPUS=" + corpus + " bench/verdict-quality/record-ab.sh 2 hog)")
                .isTrue();
        Result result = new AbVerdictQuality().evaluate(corpus);
        System.out.println(AbVerdictQuality.render(result, null));

        for (int rounds : AbVerdictQuality.WINDOWS) {
            Tally aa = result.tally(Condition.HOG, rounds, AbVerdictQuality.TOLERANCE, Case.UNCHANGED);
            assertThat(aa.windows()).isPositive();
            assertThat(aa.count(Verdict.REGRESSED) + aa.count(Verdict.ALLOCATION_REGRESSED))
                    .as("A/A false alarms beside hogs, " + rounds + " rounds").isZero();
        }
        // Not asserted: a 30% slowdown caught in at least 95% of builds. Measured 71% (10/14) at 6 rounds, 100% (10/10)
        // at 8 rounds, which cost 69 s; printed above, left to issue #14 (CPU time per operation), not guarded by a
        // weaker figure.
        assertThat(result.cost(Condition.HOG).secondsPerBenchmark(AbVerdictQuality.ROUNDS))
                .as("machine time per benchmark beside hogs, both sides").isLessThanOrEqualTo(60);
    }

    @Test
    void aRunOfThePairsLayoutIsReplayedWithEachSlowedVariantAgainstItsOwnBaseFork() throws Exception {
        Path run = Files.list(PAIRS_CORPUS.resolve("hog")).sorted().findFirst().orElseThrow();
        copy(run, dir.resolve("pairs/hog/run-01"));

        Result result = new AbVerdictQuality().evaluate(dir.resolve("pairs"));

        int rounds = result.runs().get(Condition.HOG).get(0).rounds().size();
        assertThat(rounds).isEqualTo(12);
        Tally aa = result.tally(Condition.HOG, 6, AbVerdictQuality.TOLERANCE, Case.UNCHANGED);
        Tally slow2x = result.tally(Condition.HOG, 6, AbVerdictQuality.TOLERANCE, Case.SLOWED_2X);
        assertThat(aa.windows()).as("A/A in both directions").isEqualTo(2 * (rounds - 6 + 1));
        assertThat(slow2x.windows()).as("a slowed variant was measured one way").isEqualTo(rounds - 6 + 1);
        assertThat(slow2x.medianChange()).isBetween(0.8, 1.2);
        assertThat(result.cost(Condition.HOG).forksPerLaunch()).isEqualTo(1);
    }

    @Test
    void everyWindowOfConsecutiveRoundsIsReplayedInBothDirections() throws Exception {
        Path run = Files.list(AbVerdictQuality.DEFAULT_CORPUS.resolve("quiet")).sorted().findFirst().orElseThrow();
        copy(run, dir.resolve("quiet/run-01"));

        Result result = new AbVerdictQuality().evaluate(dir);

        assertThat(result.runCount(Condition.QUIET)).isEqualTo(1);
        assertThat(result.has(Condition.HOG)).isFalse();
        int rounds = result.runs().get(Condition.QUIET).get(0).rounds().size();
        assertThat(rounds).isEqualTo(12);
        for (int window : AbVerdictQuality.WINDOWS) {
            for (Case kase : Case.values()) {
                assertThat(result.tally(Condition.QUIET, window, AbVerdictQuality.TOLERANCE, kase).windows())
                        .as(window + " rounds, " + kase).isEqualTo(2 * (rounds - window + 1));
            }
        }
        // The known change is what the replay measures: the subject's 2x variant reads about +100%.
        assertThat(result.tally(Condition.QUIET, 6, AbVerdictQuality.TOLERANCE, Case.SLOWED_2X).medianChange())
                .isBetween(0.8, 1.2);
        assertThat(result.tally(Condition.QUIET, 6, AbVerdictQuality.TOLERANCE, Case.UNCHANGED).medianChange())
                .isBetween(-0.05, 0.05);
    }

    @Test
    void aRunWithARoundMissingAndAnEmptyCorpusAreErrorsNotFigures() throws Exception {
        Path run = Files.list(AbVerdictQuality.DEFAULT_CORPUS.resolve("quiet")).sorted().findFirst().orElseThrow();
        Path copy = dir.resolve("broken/quiet/run-01");
        copy(run, copy);
        Files.delete(copy.resolve("round-05-B.json"));

        assertThatThrownBy(() -> new AbVerdictQuality().evaluate(dir.resolve("broken")))
                .isInstanceOf(Exception.class).hasMessageContaining("round-05-B.json");
        Files.createDirectories(dir.resolve("empty/hog"));
        assertThatThrownBy(() -> new AbVerdictQuality().evaluate(dir.resolve("empty")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record-ab.sh");
    }

    private static boolean hasRuns(Path condition) throws IOException {
        if (!Files.isDirectory(condition)) {
            return false;
        }
        try (Stream<Path> runs = Files.list(condition)) {
            return runs.anyMatch(r -> r.getFileName().toString().startsWith("run-"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
