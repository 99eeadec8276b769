package io.github.perfgate.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The machine and software a measurement was taken on. Results from different environments are still compared,
 * but every difference is reported, because a different JDK or CPU explains a change as well as the code does.
 */
public record Environment(String jdkVersion, String vmName, String vmVersion, String jmhVersion, String osName,
        String osVersion, String osArch, String cpuModel, int cpuCount) {

    public Environment {
        jdkVersion = orEmpty(jdkVersion);
        vmName = orEmpty(vmName);
        vmVersion = orEmpty(vmVersion);
        jmhVersion = orEmpty(jmhVersion);
        osName = orEmpty(osName);
        osVersion = orEmpty(osVersion);
        osArch = orEmpty(osArch);
        cpuModel = orEmpty(cpuModel);
    }

    /** The environment of this machine, with the JDK, VM and JMH versions the JMH run reported. */
    public static Environment detect(JmhRun run) {
        return new Environment(run.jdkVersion(), run.vmName(), run.vmVersion(), run.jmhVersion(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                detectCpuModel(), Runtime.getRuntime().availableProcessors());
    }

    static String detectCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name") && line.contains(":")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall through to the other sources
            }
        }
        String windows = System.getenv("PROCESSOR_IDENTIFIER");
        return windows == null ? "unknown" : windows;
    }

    /**
     * The differences that matter for timing between a baseline's environment and this one, as sentences such as
     * {@code JDK 17.0.15 -> 21.0.2}. Empty when they match. Unknown values on either side are not reported.
     */
    public List<String> differencesFrom(Environment baseline) {
        List<String> differences = new ArrayList<>();
        compare(differences, "JDK", baseline.jdkVersion, jdkVersion);
        compare(differences, "VM", baseline.vmName, vmName);
        compare(differences, "OS", baseline.osName + " " + baseline.osArch, osName + " " + osArch);
        compare(differences, "CPU", baseline.cpuModel, cpuModel);
        if (baseline.cpuCount > 0 && cpuCount > 0 && baseline.cpuCount != cpuCount) {
            differences.add("CPU count " + baseline.cpuCount + " -> " + cpuCount);
        }
        compare(differences, "JMH", baseline.jmhVersion, jmhVersion);
        return differences;
    }

    /**
     * True when both environments are surely the same machine and JVM, as far as a calibration is concerned: the
     * same CPU model and count, operating system (name, version, architecture), JDK and VM. A calibration
     * measured on one is valid for the other. Unknown or empty values on either side are never the same: keeping
     * a calibration of another machine would correct for a drift that is not there.
     */
    public boolean sameMachineAs(Environment other) {
        return known(cpuModel, other.cpuModel) && cpuCount > 0 && cpuCount == other.cpuCount
                && known(osName, other.osName) && known(osVersion, other.osVersion) && known(osArch, other.osArch)
                && known(jdkVersion, other.jdkVersion) && known(vmName, other.vmName)
                && known(vmVersion, other.vmVersion);
    }

    private static boolean known(String a, String b) {
        String x = a.trim();
        return !x.isEmpty() && !x.equals("unknown") && x.equals(b.trim());
    }

    private static void compare(List<String> differences, String what, String before, String now) {
        String b = before.trim();
        String n = now.trim();
        if (!b.isEmpty() && !n.isEmpty() && !b.equals("unknown") && !n.equals("unknown") && !b.equals(n)) {
            differences.add(what + " " + b + " -> " + n);
        }
    }

    private static String orEmpty(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
