package it.unchanged;

import java.util.concurrent.TimeUnit;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Two checksums over 16 KiB; one in average time, one in throughput, so both directions of the scale meet.
 * The checksum objects are reused: allocating them per call would make the allocation figure depend on whether
 * the JIT's escape analysis has kicked in yet, which on a busy machine differs from run to run.
 */
@State(Scope.Benchmark)
public class ChecksumBench {

    private byte[] data;
    private final CRC32 crc = new CRC32();
    private final Adler32 adler = new Adler32();

    @Setup
    public void setup() {
        data = new byte[16 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long crc32() {
        crc.reset();
        crc.update(data);
        return crc.getValue();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long adler32() {
        adler.reset();
        adler.update(data);
        return adler.getValue();
    }
}
