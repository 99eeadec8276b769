/**
 * File helpers shared by the stores: one atomic write (temporary file, fsync, atomic move). Depends on the JDK only.
 */
package io.github.perfgate.files;
