/**
 * {@code perfgate:profile}: profiler arguments for JMH, and reading JFR or async-profiler output into the hot
 * methods of each benchmark. Depends on {@code jmh} and {@code jdk.jfr.consumer}; never on Maven.
 */
package io.github.perfgate.profile;
