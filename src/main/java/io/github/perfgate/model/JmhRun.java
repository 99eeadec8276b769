package io.github.perfgate.model;

import java.util.List;

/**
 * All results of one JMH run, with the versions JMH recorded for it.
 *
 * @param jmhVersion the JMH version, e.g. {@code 1.37}; empty when unknown
 * @param jdkVersion the JDK of the benchmark forks, e.g. {@code 17.0.15}
 * @param vmName the VM name, e.g. {@code OpenJDK 64-Bit Server VM}
 * @param vmVersion the VM version string
 */
public record JmhRun(List<BenchmarkResult> results, String jmhVersion, String jdkVersion, String vmName,
        String vmVersion) {

    public JmhRun {
        results = List.copyOf(results);
        jmhVersion = jmhVersion == null ? "" : jmhVersion;
        jdkVersion = jdkVersion == null ? "" : jdkVersion;
        vmName = vmName == null ? "" : vmName;
        vmVersion = vmVersion == null ? "" : vmVersion;
    }
}
