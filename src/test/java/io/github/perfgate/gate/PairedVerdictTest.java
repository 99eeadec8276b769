package io.github.perfgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perfgate.stats.PairedRounds;
import io.github.perfgate.stats.StoppingPlan;
import io.github.perfgate.stats.StoppingPlan.Look;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The A/B stopping plan and the verdict table agree: a look's estimate, given to {@link RegressionGate#decide}, gets
 * the verdict the look's outcome names, so the A/B mode needs no verdict rules of its own.
 */
class PairedVerdictTest {

    @Test
    void everyLookMapsOntoTheVerdictTable() {
        double tolerance = 0.05;
        StoppingPlan plan = new StoppingPlan(12, 0.99, tolerance);
        SplittableRandom random = new SplittableRandom(13);
        Map<StoppingPlan.Outcome, Integer> seen = new EnumMap<>(StoppingPlan.Outcome.class);
        for (int run = 0; run < 2000; run++) {
            double change = -0.4 + 0.8 * random.nextDouble();
            PairedRounds rounds = new PairedRounds();
            for (int r = 0; r < plan.maxRounds(); r++) {
                double d = change + 0.05 * gaussian(random);
                rounds.add(new double[] {100 * Math.exp(d)}, new double[] {100});
                if (!plan.isLook(rounds.rounds())) {
                    continue;
                }
                Look look = plan.look(rounds);
                Verdict verdict = RegressionGate.decide(look.estimate(), tolerance);
                seen.merge(look.outcome(), 1, Integer::sum);
                switch (look.outcome()) {
                    case REGRESSED -> assertThat(verdict).isEqualTo(Verdict.REGRESSED);
                    case WITHIN_TOLERANCE -> assertThat(verdict).isIn(Verdict.UNCHANGED, Verdict.IMPROVED);
                    case UNDECIDED, INCONCLUSIVE -> assertThat(verdict).isEqualTo(Verdict.INCONCLUSIVE);
                    default -> throw new AssertionError(look.outcome());
                }
                if (look.stop()) {
                    break;
                }
            }
        }
        assertThat(seen).as("every outcome was exercised").containsOnlyKeys(StoppingPlan.Outcome.values());
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
