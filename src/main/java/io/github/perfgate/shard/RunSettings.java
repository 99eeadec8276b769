package io.github.perfgate.shard;

import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.model.Mode;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JMH settings a run gives every benchmark (perfgate always passes {@code -f}, {@code -wi}, {@code -w},
 * {@code -i}, {@code -r}), and the duration they imply for one benchmark run (one parameter combination in one
 * mode): {@code forks x (fork start + warmupIterations x warmupTime + iterations x time)}.
 *
 * <p>The estimate is what the shard plan falls back on for a benchmark without a recorded duration. It is exact for
 * the iterations of the time-based modes ({@code thrpt}, {@code avgt}, {@code sample}: JMH ends an iteration when its
 * time is up, plus at most one operation) and leaves out set-up and tear-down methods. A single-shot ({@code ss})
 * iteration is one call, whose time the settings do not say: it is estimated at {@link #SINGLE_SHOT_ITERATION}, so a
 * suite of single-shot benchmarks is balanced by its number of iterations.
 *
 * @param forks forked JVMs per benchmark
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime time per warm-up iteration
 * @param iterations measurement iterations per fork
 * @param time time per measurement iteration
 */
public record RunSettings(int forks, int warmupIterations, Duration warmupTime, int iterations, Duration time) {

    /**
     * The start of one forked JVM with JMH's set-up, before its first iteration: about half a second on a CI
     * machine. It weighs benchmarks with short iterations and many forks fairly against ones with long iterations.
     */
    public static final Duration FORK_START = Duration.ofMillis(500);

    /** What one single-shot iteration is assumed to take when nothing is recorded. */
    public static final Duration SINGLE_SHOT_ITERATION = Duration.ofMillis(100);

    public RunSettings {
        Objects.requireNonNull(warmupTime, "warmupTime");
        Objects.requireNonNull(time, "time");
        if (forks < 1 || warmupIterations < 0 || iterations < 1 || warmupTime.isNegative() || time.isNegative()) {
            throw new IllegalArgumentException("forks and iterations must be at least 1, warm-up iterations and times"
                    + " at least 0: " + forks + " forks, " + warmupIterations + " x " + warmupTime + " warm-up, "
                    + iterations + " x " + time);
        }
    }

    /** The estimated duration of one benchmark run (one parameter combination, one mode) under these settings. */
    public Duration estimate(BenchmarkKey key) {
        boolean singleShot = key.mode() == Mode.SINGLE_SHOT;
        Duration warmup = singleShot ? SINGLE_SHOT_ITERATION : warmupTime;
        Duration measurement = singleShot ? SINGLE_SHOT_ITERATION : time;
        Duration fork = FORK_START.plus(warmup.multipliedBy(warmupIterations)).plus(measurement.multipliedBy(iterations));
        return fork.multipliedBy(forks);
    }

    /**
     * Each benchmark's recorded duration where there is one (above zero), else {@link #estimate}: what
     * {@link ShardPlan#plan} balances.
     *
     * @param recorded durations recorded for benchmarks, e.g. in the baseline; may be empty
     */
    public Function<BenchmarkKey, Duration> recordedOrEstimated(Map<BenchmarkKey, Duration> recorded) {
        Objects.requireNonNull(recorded, "recorded");
        return key -> {
            Duration d = recorded.get(key);
            return d != null && d.compareTo(Duration.ZERO) > 0 ? d : estimate(key);
        };
    }
}
