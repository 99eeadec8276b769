package io.github.perfgate.revision;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link AgainstSide#build} builds.
 *
 * @param moduleDirectory the module's base directory in the outer build
 * @param reactorRoot     the outer build's top-level directory (may equal {@code moduleDirectory})
 * @param moduleId        {@code groupId:artifactId} of the module to build
 * @param revision        the commit to build
 * @param maven           how to run the nested build
 * @param pluginGoal      the goal that writes the test classpath, fully qualified, e.g.
 *                        {@code io.github.perfgate:perfgate-maven-plugin:0.2.0-SNAPSHOT:test-classpath}
 * @param cacheRoot       where worktrees and built sides go, e.g. {@code <module>/target/perfgate/ab}
 * @param timeout         how long the nested build may take; each git command gets the same limit
 * @param cacheKeyExtra   whatever else makes a built side different (the forwarded options), part of the cache key
 */
public record SideRequest(Path moduleDirectory, Path reactorRoot, String moduleId, Revision revision,
        NestedMaven maven, String pluginGoal, Path cacheRoot, Duration timeout, String cacheKeyExtra) {

    public SideRequest {
        Objects.requireNonNull(moduleDirectory, "moduleDirectory");
        Objects.requireNonNull(reactorRoot, "reactorRoot");
        Objects.requireNonNull(moduleId, "moduleId");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(maven, "maven");
        Objects.requireNonNull(pluginGoal, "pluginGoal");
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(timeout, "timeout");
        cacheKeyExtra = cacheKeyExtra == null ? "" : cacheKeyExtra;
    }
}
