package io.github.perfgate.check;

import java.util.Objects;

/**
 * What a same-machine A/B check compares the working tree with: a git revision, measured in the same build, fork
 * by fork, in interleaved rounds.
 *
 * @param revision the revision as the user named it ({@code HEAD~1}, {@code origin/main}, or the commit of the
 *        baseline file for {@code baseline})
 * @param commit the revision's full commit id
 * @param sameCode true when the working tree is that commit, unchanged: an A/A run, which shows the machine's
 *        noise and nothing else
 * @param rounds the rounds every benchmark runs: each one fork of each side, back to back
 * @param maxRounds the most rounds a benchmark runs when its verdict is not settled after {@code rounds};
 *        equal to {@code rounds} for fixed rounds
 * @param seed the seed of the rounds' order ({@link io.github.perfgate.stats.RoundOrder})
 */
public record Against(String revision, String commit, boolean sameCode, int rounds, int maxRounds, long seed) {

    public Against {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(commit, "commit");
        if (rounds < 2) {
            throw new IllegalArgumentException("an A/B run needs at least 2 rounds, got " + rounds);
        }
        if (maxRounds < rounds) {
            throw new IllegalArgumentException("maxRounds (" + maxRounds + ") is below the rounds (" + rounds + ")");
        }
    }

    /** Fixed rounds. */
    public Against(String revision, String commit, boolean sameCode, int rounds, long seed) {
        this(revision, commit, sameCode, rounds, rounds, seed);
    }

    /** True when benchmarks stop as soon as their verdict is settled. */
    public boolean adaptive() {
        return maxRounds > rounds;
    }

    /** The commit id shortened to 10 characters, as the reports show it. */
    public String shortCommit() {
        return commit.length() <= 10 ? commit : commit.substring(0, 10);
    }

    /** {@code origin/main (1a2b3c4d5e)}, or just the short commit when the revision is named by it. */
    public String revisionName() {
        return commit.startsWith(revision) ? shortCommit() : revision + " (" + shortCommit() + ")";
    }

    /**
     * {@code same-machine A/B against origin/main (1a2b3c4d5e), 6 rounds per benchmark}, or with adaptive rounds
     * {@code ..., 4 to 12 rounds per benchmark, each stopped once its verdict was settled}.
     */
    public String describe() {
        return "same-machine A/B against " + revisionName() + ", " + (adaptive() ? rounds + " to " + maxRounds
                + " rounds per benchmark, each stopped once its verdict was settled" : rounds + " rounds per benchmark");
    }
}
