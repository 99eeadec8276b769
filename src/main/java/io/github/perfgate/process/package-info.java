/**
 * Supervision of every JVM perfgate starts (the JMH host, its benchmark listing, the machine calibration): one
 * environment policy, one deadline-and-kill policy (the whole process tree, also on Ctrl-C), one bounded output
 * tail, and the launch under {@code watchdog.ParentWatchdog}. Knows nothing of JMH: callers turn its
 * {@code ProcessException} kinds into their own messages. Depends on the JDK, {@code model} (the exception base)
 * and {@code watchdog}; never on Maven.
 */
package io.github.perfgate.process;
