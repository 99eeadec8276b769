package it.forks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends what a fork sees of its own JVM options to target/forks-observed.txt (the forks run in the project). */
final class Observed {
    private Observed() {
    }

    static void record(String benchmark) throws IOException {
        String line = benchmark
                + " marker=" + System.getProperty("perfgate.it.marker")
                + " leak=" + System.getProperty("perfgate.it.leak")
                + " heapMiB=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024)
                + System.lineSeparator();
        Files.writeString(Path.of("target", "forks-observed.txt"), line, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
