/**
 * The parent watchdog that every child JVM of perfgate runs under: it ends the JVM and its descendants when the
 * pipe from Maven closes, and {@link io.github.perfgate.watchdog.ClassFiles}, which copies that class (and the CPU-time
 * profiler's) where a child JVM loads it. Depends on the JDK only: its classes are put on benchmark classpaths.
 */
package io.github.perfgate.watchdog;
