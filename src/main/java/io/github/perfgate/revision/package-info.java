/**
 * The <em>against</em> side of a same-machine A/B run (#13): {@code Git} (resolving a revision, the state of the
 * working tree, worktrees, all through the process supervisor) and {@code AgainstSide}, which checks a revision out
 * into a temporary worktree, builds the module there with the outer build's Maven ({@code NestedMaven}, computed by
 * the Maven layer) up to its test classes, and keeps its test classpath in a cache keyed by the commit. Depends on
 * {@code model}, {@code process} and {@code files}; never on Maven.
 */
package io.github.perfgate.revision;
