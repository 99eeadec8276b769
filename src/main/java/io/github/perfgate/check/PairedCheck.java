package io.github.perfgate.check;

import io.github.perfgate.jmh.BenchmarkDiscovery;
import io.github.perfgate.jmh.JmhRunException;
import io.github.perfgate.model.PerfgateException;
import io.github.perfgate.revision.AgainstSide;
import io.github.perfgate.revision.BuiltSide;
import io.github.perfgate.revision.Git;
import io.github.perfgate.revision.NestedMaven;
import io.github.perfgate.revision.Revision;
import io.github.perfgate.revision.SideRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The preparation of a same-machine A/B check: which revision, whether the working tree is that revision unchanged
 * (an A/A run), the against side built in a worktree ({@link AgainstSide}), and which benchmark methods each side
 * has. The rounds are {@link PairedRun}'s, the decision {@link CheckProcedure#runPaired}'s.
 */
public final class PairedCheck {

    /** The word of {@code perfgate.against} that means the commit recorded in the baseline file. */
    public static final String BASELINE = "baseline";

    /**
     * What to prepare.
     *
     * @param revision the revision the user named, or {@link #BASELINE}
     * @param baselineCommit the commit recorded in the baseline file; null or empty when there is none
     * @param moduleDirectory the module's base directory
     * @param buildDirectory the module's build directory ({@code target}), left out of the A/A test
     * @param reactorRoot the outer build's top-level directory
     * @param moduleId {@code groupId:artifactId}
     * @param pluginGoal the full coordinates of perfgate's {@code test-classpath} goal
     * @param maven how to start the nested build
     * @param cacheRoot where worktrees and built sides go
     * @param cacheKeyExtra what else a built side depends on (the forwarded options)
     * @param rounds rounds every benchmark runs
     * @param maxRounds the most rounds a benchmark runs (adaptive rounds when above {@code rounds})
     * @param seed the seed of the rounds' order
     * @param timeout bounds every git command and the nested build
     */
    public record Request(String revision, String baselineCommit, Path moduleDirectory, Path buildDirectory,
            Path reactorRoot, String moduleId, String pluginGoal, NestedMaven maven, Path cacheRoot,
            String cacheKeyExtra, int rounds, int maxRounds, long seed, Duration timeout) {

        public Request {
            Objects.requireNonNull(revision, "revision");
        }
    }

    /**
     * A prepared check.
     *
     * @param against the revision, as the reports name it
     * @param againstClasspath the against side's test classpath
     * @param both benchmark methods both sides have, selected
     * @param currentOnly selected methods only the working tree has
     * @param againstOnly selected methods only the revision has
     * @param buildLog the nested build's log
     */
    public record Prepared(Against against, List<Path> againstClasspath, List<String> both, List<String> currentOnly,
            List<String> againstOnly, Path buildLog) {
    }

    private PairedCheck() {
    }

    /**
     * Resolves the revision, builds its side and lists both sides' benchmarks.
     *
     * @param currentClasspath the working tree's test classpath
     * @param selected which benchmark methods the run's {@code include}/{@code exclude} select
     * @param progress receives the lines to log
     * @throws PerfgateException when git, the revision, the nested build or the against side's benchmarks fail
     */
    public static Prepared prepare(Request request, List<Path> currentClasspath, Predicate<String> selected,
            Consumer<String> progress) throws PerfgateException, InterruptedException {
        Git git = Git.at(request.moduleDirectory(), request.timeout());
        String name = request.revision().trim();
        if (name.equals(BASELINE)) {
            String commit = request.baselineCommit() == null ? "" : request.baselineCommit().trim();
            if (commit.isEmpty()) {
                throw new PerfgateException("perfgate.against=baseline compares with the commit recorded in the"
                        + " baseline file, but there is no baseline file or it records no commit (it was recorded"
                        + " outside a git checkout). Name a revision instead, e.g. -Dperfgate.against=HEAD.");
            }
            if (commit.endsWith("-dirty")) {
                commit = commit.substring(0, commit.length() - "-dirty".length());
                progress.accept("perfgate: the baseline was recorded with uncommitted changes on " + commit
                        + "; comparing with that commit as committed");
            }
            name = commit;
        }
        Revision revision = git.resolve(name);
        List<String> all = BenchmarkDiscovery.discover(currentClasspath);
        List<String> current = all.stream().filter(selected).toList();
        if (current.isEmpty()) {
            throw new PerfgateException("perfgate.include/perfgate.exclude select none of the working tree's "
                    + all.size() + " benchmark methods (" + String.join(", ", all.subList(0, Math.min(5,
                    all.size()))) + (all.size() > 5 ? ", ..." : "") + "); nothing was built or measured."
                    + " Check the patterns, e.g. -Dperfgate.include=ParserBench.parse");
        }
        boolean sameCode = revision.sha().equals(git.headCommit()) && git.isClean(request.buildDirectory());
        Against against = new Against(name, revision.sha(), sameCode, request.rounds(), request.maxRounds(),
                request.seed());
        progress.accept("perfgate: same-machine A/B: the working tree against " + against.revisionName()
                + (sameCode ? " (the same code: an A/A run, which shows this machine's noise)" : ""));
        BuiltSide side = AgainstSide.build(new SideRequest(request.moduleDirectory(), request.reactorRoot(),
                request.moduleId(), revision, request.maven(), request.pluginGoal(), request.cacheRoot(),
                request.timeout(), request.cacheKeyExtra()), progress);
        List<String> other;
        try {
            other = BenchmarkDiscovery.discover(side.testClasspath()).stream().filter(selected).toList();
        } catch (JmhRunException e) {
            throw new PerfgateException("The against side (" + against.revisionName() + ") has no JMH benchmarks to"
                    + " compare with: " + e.getMessage() + " Its build log: " + side.buildLog(), e);
        }
        List<String> both = new ArrayList<>(current);
        both.retainAll(other);
        List<String> currentOnly = new ArrayList<>(current);
        currentOnly.removeAll(other);
        List<String> againstOnly = new ArrayList<>(other);
        againstOnly.removeAll(current);
        return new Prepared(against, side.testClasspath(), both, currentOnly, againstOnly, side.buildLog());
    }
}
