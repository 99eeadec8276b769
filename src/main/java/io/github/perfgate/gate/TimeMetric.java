package io.github.perfgate.gate;

import java.util.Locale;

/**
 * Which time per operation decides a benchmark's verdict ({@code perfgate.metric}).
 *
 * <ul>
 *   <li>{@link #WALL}: JMH's score, the wall-clock time per operation (throughput inverted). It sees everything the
 *       benchmark waits for, and everything the machine does to it: beside other CPU-bound work it grows because
 *       the benchmark's thread waits for a core.
 *   <li>{@link #CPU}: the CPU time of the benchmark's threads per operation ({@code perfgate.cpu}, perfgate's own
 *       JMH profiler). A busy machine barely moves it; it cannot see time spent waiting (locks, sleeps, I/O).
 *   <li>{@link #AUTO}: in a same-machine A/B check, both, each at half the error rate (so the pair keeps the
 *       configured false-alarm rate): regressed when either is certainly beyond the tolerance, otherwise CPU time
 *       decides; in a baseline check, wall time, as before CPU time was recorded. Benchmarks without CPU time on
 *       both sides are decided by wall time.
 * </ul>
 */
public enum TimeMetric {
    AUTO, WALL, CPU;

    /** {@code auto}, {@code wall}, {@code cpu}, as the parameter is written. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code wall time}, {@code CPU time}: how reports name the metric that decided. */
    public String label() {
        return this == CPU ? "CPU time" : this == WALL ? "wall time" : "wall and CPU time";
    }

    /**
     * Reads the parameter's value, ignoring case.
     *
     * @throws IllegalArgumentException naming the values allowed
     */
    public static TimeMetric parse(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (TimeMetric m : values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("perfgate.metric must be auto, wall or cpu; got '" + value + "'");
    }
}
