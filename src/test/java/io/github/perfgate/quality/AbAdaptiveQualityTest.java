package io.github.perfgate.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.gate.Verdict;
import io.github.perfgate.quality.AbAdaptiveQuality.Result;
import io.github.perfgate.quality.AbAdaptiveQuality.Scheme;
import io.github.perfgate.quality.AbAdaptiveQuality.Tally;
import io.github.perfgate.quality.AbVerdictQuality.Case;
import io.github.perfgate.quality.AbVerdictQuality.Condition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #14's targets for the A/B mode at its defaults (CPU and wall time weighed by {@code perfgate.metric=auto},
 * adaptive rounds 4-12, forks of 2 x 500 ms warm-up and 2 x 500 ms measurement, 5% tolerance), asserted on two
 * recorded corpora: {@code corpus-ab-cpu}, the study the defaults were chosen on, and {@code corpus-ab-cpu-holdout},
 * recorded afterwards at exactly those defaults and used for nothing else. A missing corpus fails the test.
 *
 * <p>The targets: no A/A false alarm in any condition and scheme; beside two CPU hogs a 10% slowdown caught in at
 * least 90% of replays at the 5% tolerance, quiet at least 95%; a 2x slowdown decided after the minimum rounds;
 * the median machine time per benchmark at least 40% below issue 13's fixed-round A/B (6 rounds, forks of 4
 * iterations) with detection at least as good. And issue #13's, which its wall-time design missed: a 30% slowdown
 * caught in at least 95% of builds beside the hogs, at most 60 s of machine time per benchmark.
 */
class AbAdaptiveQualityTest {

    static final Path HOLDOUT = Path.of("bench", "verdict-quality", "corpus-ab-cpu-holdout");
    static final double DEFAULT_TOLERANCE = 0.05;

    @Test
    void onTheStudyCorpusTheDefaultsMeetIssue14sTargets() throws Exception {
        Result result = evaluate(AbAdaptiveQuality.DEFAULT_CORPUS);
        assertTargets(result);
        for (Condition condition : Condition.values()) {
            // Detection at least as good as the fixed-round A/B's at both tolerances.
            for (double tolerance : AbAdaptiveQuality.TOLERANCES) {
                for (Case kase : List.of(Case.SLOWED_10, Case.SLOWED_30, Case.SLOWED_2X)) {
                    assertThat(result.tally(condition, Scheme.DEFAULT, tolerance, kase).fraction(Verdict.REGRESSED))
                            .as(condition + ", " + kase + ", tolerance " + tolerance + ": caught at least as often as"
                                    + " with fixed rounds")
                            .isGreaterThanOrEqualTo(result.tally(condition, Scheme.FIXED_WALL, tolerance, kase)
                                    .fraction(Verdict.REGRESSED));
                }
            }
            assertThat(result.medianSeconds(condition, Scheme.DEFAULT, DEFAULT_TOLERANCE))
                    .as(condition + ": median machine time per benchmark against the fixed-round A/B replayed")
                    .isLessThanOrEqualTo(0.6 * result.medianSeconds(condition, Scheme.FIXED_WALL, DEFAULT_TOLERANCE));
        }
    }

    @Test
    void onTheHoldoutCorpusRecordedAtTheDefaultsTheTargetsHoldToo() throws Exception {
        assertTargets(evaluate(HOLDOUT));
    }

    private static Result evaluate(Path corpus) throws Exception {
        for (Condition condition : Condition.values()) {
            assertThat(Files.isDirectory(corpus.resolve(condition.directory()).resolve("run-01")))
                    .as("the recorded corpus " + corpus.resolve(condition.directory()) + " (record it with CORPUS="
                            + corpus + " LAYOUT=pairs bench/verdict-quality/record-ab.sh 1 " + condition.directory()
                            + ")")
                    .isTrue();
        }
        Result result = new AbAdaptiveQuality().evaluate(corpus);
        System.out.println(AbAdaptiveQuality.render(result));
        return result;
    }

    private static void assertTargets(Result result) {
        for (Condition condition : Condition.values()) {
            for (Scheme scheme : Scheme.values()) {
                for (double tolerance : AbAdaptiveQuality.TOLERANCES) {
                    Tally aa = result.tally(condition, scheme, tolerance, Case.UNCHANGED);
                    if (aa.replays() == 0) {
                        continue;
                    }
                    assertThat(aa.count(Verdict.REGRESSED) + aa.count(Verdict.ALLOCATION_REGRESSED))
                            .as("A/A false alarms, " + condition + ", " + scheme + ", tolerance " + tolerance).isZero();
                }
            }
            Tally aa = result.tally(condition, Scheme.DEFAULT, DEFAULT_TOLERANCE, Case.UNCHANGED);
            assertThat(aa.replays()).as(condition + ": A/A replays at the defaults").isPositive();
            double target = condition == Condition.HOG ? 0.90 : 0.95;
            assertThat(result.tally(condition, Scheme.DEFAULT, DEFAULT_TOLERANCE, Case.SLOWED_10)
                    .fraction(Verdict.REGRESSED)).as(condition + ": 10% slower caught at the 5% tolerance")
                    .isGreaterThanOrEqualTo(target);
            Tally twice = result.tally(condition, Scheme.DEFAULT, DEFAULT_TOLERANCE, Case.SLOWED_2X);
            assertThat(twice.fraction(Verdict.REGRESSED)).as(condition + ": 2x caught").isEqualTo(1.0);
            assertThat(twice.maxRounds()).as(condition + ": 2x decided after the minimum rounds")
                    .isEqualTo(Scheme.DEFAULT.minRounds());
            assertThat(result.medianSeconds(condition, Scheme.DEFAULT, DEFAULT_TOLERANCE))
                    .as(condition + ": median machine time per benchmark, 40% below the fixed-round A/B's")
                    .isLessThanOrEqualTo(0.6 * result.fixedRoundSeconds(condition));
            // Issue #13's target, met at these defaults: a 30% slowdown caught in at least 95% of builds at the
            // default tolerance, at most 60 s of machine time per benchmark.
            assertThat(result.tally(condition, Scheme.DEFAULT, DEFAULT_TOLERANCE, Case.SLOWED_30)
                    .fraction(Verdict.REGRESSED)).as(condition + ": 30% slower caught").isGreaterThanOrEqualTo(0.95);
            assertThat(result.medianSeconds(condition, Scheme.DEFAULT, DEFAULT_TOLERANCE))
                    .as(condition + ": machine seconds per benchmark").isLessThanOrEqualTo(60);
        }
    }
}
