/**
 * The parent watchdog that every child JVM of perfgate runs under: it ends the JVM and its descendants when the
 * pipe from Maven closes. Depends on the JDK only: its one class is put on benchmark classpaths.
 */
package io.github.perfgate.watchdog;
