/**
 * CPU time per operation: a JMH profiler of perfgate's own that runs in the benchmark forks, and what puts it there.
 *
 * <p>{@link io.github.perfgate.cpu.ThreadCpuProfiler} is the one class of perfgate that imports JMH (compiled against
 * {@code jmh-core} in {@code provided} scope, so the fork loads the project's own JMH); {@link
 * io.github.perfgate.cpu.WorkerCpu} holds its arithmetic and depends on the JDK only, and {@link
 * io.github.perfgate.cpu.CpuProfilerInstall} copies both class files into a directory that perfgate appends to the
 * JMH host's classpath (every fork inherits it).
 */
package io.github.perfgate.cpu;
