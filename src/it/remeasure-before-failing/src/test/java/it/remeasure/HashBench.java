package it.remeasure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A polynomial hash over 2,000 ints, done 5 times over in the forks that are told to be slow. Each round feeds
 * on the previous one, so the JIT can neither hoist nor merge rounds: a slow fork does 5x the work.
 *
 * <p>Which forks are slow is decided by counting forks, not by timing, so the IT is deterministic:
 * <ul>
 *   <li>{@code -Dforks.log=DIR}: every forked benchmark JVM takes the next free ordinal in DIR by atomically
 *       creating {@code fork-<n>} (create-new fails if another fork took it), and writes {@code slow} or
 *       {@code normal} into it, so verify.groovy can count the forks that ran and see which were slow;</li>
 *   <li>{@code -Dslow.forks=N}: forks with ordinal below N are slow; {@code all} makes every fork slow.
 *       Default 0: nothing is slow (the baseline).</li>
 * </ul>
 * JMH runs the forks of one benchmark one after another, and perfgate's re-measurement is a second JMH run
 * after the first, so with {@code -Dslow.forks=1} exactly the first run's fork is slow and the re-measured ones
 * are not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HashBench {

    static final int SLOWDOWN = 5;

    private int[] data;
    private int rounds;

    @Setup(Level.Trial)
    public void setup() {
        int ordinal = takeOrdinal(System.getProperty("forks.log"));
        String slowForks = System.getProperty("slow.forks", "0");
        boolean slow = "all".equals(slowForks) || ordinal < Integer.parseInt(slowForks);
        rounds = slow ? SLOWDOWN : 1;
        record(System.getProperty("forks.log"), ordinal, slow ? "slow" : "normal");
        data = new int[2_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 0x9E3779B9;
        }
    }

    @Benchmark
    public int hash() {
        int h = 17;
        for (int r = 0; r < rounds; r++) {
            for (int value : data) {
                h = 31 * h + value;
            }
        }
        return h;
    }

    /** The first n for which DIR/fork-n did not exist yet (and now does); Integer.MAX_VALUE without a DIR. */
    private static int takeOrdinal(String dir) {
        if (dir == null) {
            return Integer.MAX_VALUE;
        }
        try {
            Path log = Files.createDirectories(Path.of(dir));
            for (int n = 0; ; n++) {
                try {
                    Files.createFile(log.resolve("fork-" + n));
                    return n;
                } catch (FileAlreadyExistsException taken) {
                    // an earlier fork has this ordinal: try the next
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void record(String dir, int ordinal, String what) {
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(Path.of(dir, "fork-" + ordinal), what + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
