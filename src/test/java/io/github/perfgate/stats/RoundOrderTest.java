package io.github.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.perfgate.stats.RoundOrder.Side;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoundOrderTest {

    private static final List<String> BENCHMARKS = List.of("a", "b", "c", "d", "e");

    @Test
    void sameSeedGivesTheSameOrderWhateverWasAskedBefore() {
        RoundOrder first = new RoundOrder(42);
        RoundOrder second = new RoundOrder(42);
        // ask the second in reverse: the order is a function of seed and round only
        List<Side> forward = new ArrayList<>();
        List<List<String>> shuffles = new ArrayList<>();
        for (int r = 0; r < 50; r++) {
            forward.add(first.firstSide(r));
            shuffles.add(first.benchmarks(r, BENCHMARKS));
        }
        for (int r = 49; r >= 0; r--) {
            assertThat(second.firstSide(r)).isEqualTo(forward.get(r));
            assertThat(second.benchmarks(r, BENCHMARKS)).isEqualTo(shuffles.get(r));
        }
    }

    @Test
    void anotherSeedGivesAnotherOrder() {
        RoundOrder a = new RoundOrder(1);
        RoundOrder b = new RoundOrder(2);
        int sameSides = 0;
        int sameShuffles = 0;
        for (int r = 0; r < 100; r++) {
            sameSides += a.firstSide(r) == b.firstSide(r) ? 1 : 0;
            sameShuffles += a.benchmarks(r, BENCHMARKS).equals(b.benchmarks(r, BENCHMARKS)) ? 1 : 0;
        }
        assertThat(sameSides).isBetween(25, 75);
        assertThat(sameShuffles).isLessThan(10);
    }

    @Test
    void eachBlockOfTwoRoundsPutsEachSideFirstOnce() {
        RoundOrder order = new RoundOrder(RoundOrder.DEFAULT_SEED);
        int abba = 0;
        for (int block = 0; block < 1000; block++) {
            Side first = order.firstSide(2 * block);
            assertThat(order.firstSide(2 * block + 1)).isEqualTo(first.other());
            assertThat(order.sides(2 * block)).containsExactly(first, first.other());
            abba += first == Side.CURRENT ? 1 : 0;
        }
        assertThat(abba).as("ABBA blocks of 1000, by a fair coin").isBetween(440, 560);
    }

    @Test
    void blocksAreNotAllAlike() {
        RoundOrder order = new RoundOrder(7);
        List<Side> firsts = new ArrayList<>();
        for (int block = 0; block < 20; block++) {
            firsts.add(order.firstSide(2 * block));
        }
        assertThat(firsts).contains(Side.CURRENT, Side.AGAINST);
    }

    @Test
    void benchmarksAreShuffledWithinARoundWithoutLosingAny() {
        RoundOrder order = new RoundOrder(9);
        List<String> input = new ArrayList<>(BENCHMARKS);
        int[] firstCounts = new int[BENCHMARKS.size()];
        for (int r = 0; r < 1000; r++) {
            List<String> shuffled = order.benchmarks(r, input);
            assertThat(shuffled).containsExactlyInAnyOrderElementsOf(BENCHMARKS);
            firstCounts[BENCHMARKS.indexOf(shuffled.get(0))]++;
        }
        assertThat(input).as("argument not modified").isEqualTo(BENCHMARKS);
        for (int count : firstCounts) {
            assertThat(count).as("each benchmark first in about a fifth of 1000 rounds").isBetween(150, 250);
        }
    }

    @Test
    void refusesANegativeRound() {
        assertThatThrownBy(() -> new RoundOrder(1).firstSide(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("round must be 0 or more: -1");
    }
}
