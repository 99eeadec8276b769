package io.github.perfgate.revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The against side, built.
 *
 * @param testClasspath the side's test classpath, in the nested build's order; every element outside the worktree
 *                      (the module's and its reactor siblings' classes are copies in the cache)
 * @param buildLog      the nested build's full log, kept
 * @param reused        true when a side built earlier for the same key was reused (no build ran)
 */
public record BuiltSide(List<Path> testClasspath, Path buildLog, boolean reused) {

    public BuiltSide {
        testClasspath = List.copyOf(testClasspath);
        Objects.requireNonNull(buildLog, "buildLog");
    }
}
