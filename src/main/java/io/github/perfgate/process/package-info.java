/**
 * Supervision of every child process perfgate starts: the JVMs (the JMH host, its benchmark listing, the machine
 * calibration) under {@code watchdog.ParentWatchdog} with one environment policy, and the other programs (git, the
 * nested Maven build of the A/B mode) as a {@code CommandLaunch}; for all of them one deadline-and-kill policy (the
 * whole process tree, also on Ctrl-C) and one bounded output tail. Knows nothing of JMH or git: callers turn its
 * {@code ProcessException} kinds into their own messages. Depends on the JDK, {@code model} (the exception base) and
 * {@code watchdog}; never on Maven.
 */
package io.github.perfgate.process;
