/**
 * File helpers every writer shares: the one atomic write (temporary file, fsync, atomic move, permissions kept or
 * defaulted) and how a hint names a path (relative to the project's base directory). Depends on the JDK only.
 */
package io.github.perfgate.files;
