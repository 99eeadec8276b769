package io.github.perfgate.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the JMH benchmarks on a classpath without starting a JVM, by reading the {@code META-INF/BenchmarkList}
 * files that JMH's annotation processor ({@code jmh-generator-annprocess}) writes at compile time. JMH itself is
 * not on the plugin's classpath, so the file is read here, not with {@code org.openjdk.jmh.runner.BenchmarkList}.
 *
 * <p>Format relied on (JMH's {@code BenchmarkListEntry.toLine()} through {@code org.openjdk.jmh.util.lines
 * .TestLineWriter}, checked against JMH 1.37's generator output): one benchmark and mode per line, lines starting
 * with {@code #} and blank lines ignored; each line starts with the magic {@code "JMH "} followed by tagged
 * fields, the first three being strings {@code S <length> <chars> }: the user class's qualified name, the
 * generated class's name, and the method name. For example
 * {@code JMH S 23 com.example.ParserBench S 51 com.example.jmh_generated.ParserBench_parse_jmhTest S 5 parse S 10
 * Throughput ...}. Lines in other formats (JMH before 1.12 used {@code ===,===} separators) are skipped.
 */
public final class BenchmarkDiscovery {

    static final String BENCHMARK_LIST = "META-INF/BenchmarkList";
    static final String JMH_MAIN_CLASS = "org/openjdk/jmh/Main.class";
    /** JMH's annotation processor, in {@code jmh-generator-annprocess}. */
    static final String PROCESSOR_CLASS = "org/openjdk/jmh/generators/BenchmarkProcessor.class";
    static final String PROCESSOR_POM_PROPERTIES =
            "META-INF/maven/org.openjdk.jmh/jmh-generator-annprocess/pom.properties";

    private BenchmarkDiscovery() {
    }

    /**
     * Returns the benchmarks on the classpath as {@code package.Class.method}, sorted and without duplicates
     * (a method benchmarked in several modes is listed once).
     *
     * @param classpath directories and jars; entries that do not exist are skipped
     * @throws JmhRunException {@code NO_JMH} if {@code org.openjdk.jmh.Main} is not on the classpath,
     *                         {@code NO_BENCHMARKS} if no {@code META-INF/BenchmarkList} lists a benchmark
     */
    public static List<String> discover(List<Path> classpath) throws JmhRunException {
        return discover(classpath, null);
    }

    /**
     * {@link #discover(List)}, and when there is no {@code META-INF/BenchmarkList} at all, a message that says why,
     * from what the build says about its compilations: not compiled, annotation processing off or not run (javac
     * 23 and newer), JMH's processor missing from the processor path or the classpath.
     *
     * @param facts how the classpath's classes were to be compiled; {@code null} when not known
     */
    public static List<String> discover(List<Path> classpath, CompileFacts facts) throws JmhRunException {
        Scan scan = new Scan();
        try {
            for (Path entry : classpath) {
                if (Files.isDirectory(entry)) {
                    scan.read(name -> Files.isRegularFile(entry.resolve(name)) ? entry.resolve(name) : null,
                            Files::newInputStream);
                } else if (Files.isRegularFile(entry)) {
                    try (ZipFile jar = new ZipFile(entry.toFile())) {
                        scan.read(jar::getEntry, jar::getInputStream);
                    } catch (IOException notAJar) {
                        // Not a zip (e.g. a stray file on the classpath): the JVM ignores it too.
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new JmhRunException(JmhRunException.Kind.NO_BENCHMARKS,
                    "Could not read the benchmark list on the test classpath: " + e.getMessage(), e);
        }
        if (!scan.jmhFound) {
            throw new JmhRunException(JmhRunException.Kind.NO_JMH, noJmhMessage());
        }
        if (scan.benchmarks.isEmpty()) {
            String message;
            if (scan.listFiles > 0) {
                message = emptyBenchmarkListMessage();
            } else if (facts == null) {
                message = noBenchmarkListMessage();
            } else {
                message = MissingBenchmarks.diagnose(facts, scan.processorVersion).message();
            }
            throw new JmhRunException(JmhRunException.Kind.NO_BENCHMARKS, message);
        }
        return List.copyOf(scan.benchmarks);
    }

    /** Opens an entry of a classpath element found by {@link Finder}. */
    @FunctionalInterface
    private interface Opener<E> {
        InputStream open(E entry) throws IOException;
    }

    /** Finds an entry of a classpath element by its path, {@code null} when there is none. */
    @FunctionalInterface
    private interface Finder<E> {
        E find(String name);
    }

    /** What the classpath elements read so far hold. */
    private static final class Scan {
        boolean jmhFound;
        int listFiles;
        /** The version of JMH's annotation processor on the classpath, {@code ""} if unknown; null if absent. */
        String processorVersion;
        final Set<String> benchmarks = new TreeSet<>();

        /** Reads one classpath element, a directory or a jar. */
        <E> void read(Finder<E> finder, Opener<E> opener) throws IOException {
            jmhFound |= finder.find(JMH_MAIN_CLASS) != null;
            E list = finder.find(BENCHMARK_LIST);
            if (list != null) {
                listFiles++;
                try (InputStream in = opener.open(list)) {
                    readBenchmarkList(in, benchmarks);
                }
            }
            if (processorVersion == null && finder.find(PROCESSOR_CLASS) != null) {
                E pom = finder.find(PROCESSOR_POM_PROPERTIES);
                processorVersion = "";
                if (pom != null) {
                    try (InputStream in = opener.open(pom)) {
                        Properties properties = new Properties();
                        properties.load(in);
                        processorVersion = properties.getProperty("version", "").strip();
                    }
                }
            }
        }
    }

    static String noJmhMessage() {
        return "JMH is not on the test classpath (no org/openjdk/jmh/Main.class). Add org.openjdk.jmh:jmh-core"
                + " as a test-scoped dependency:\n"
                + "  <dependency>\n"
                + "    <groupId>org.openjdk.jmh</groupId>\n"
                + "    <artifactId>jmh-core</artifactId>\n"
                + "    <version>1.37</version>\n"
                + "    <scope>test</scope>\n"
                + "  </dependency>";
    }

    static String noBenchmarkListMessage() {
        return "No JMH benchmarks found: there is no META-INF/BenchmarkList on the test classpath. JMH's"
                + " annotation processor writes it when it compiles @Benchmark methods. Add"
                + " org.openjdk.jmh:jmh-generator-annprocess as a test-scoped dependency (or to"
                + " maven-compiler-plugin's <annotationProcessorPaths> if your project configures that, because"
                + " then dependencies are not scanned for annotation processors), then run: mvn test-compile";
    }

    static String emptyBenchmarkListMessage() {
        return "No JMH benchmarks found: META-INF/BenchmarkList on the test classpath lists none. Annotate"
                + " benchmark methods in src/test/java with @org.openjdk.jmh.annotations.Benchmark, then run:"
                + " mvn test-compile";
    }

    private static void readBenchmarkList(InputStream in, Set<String> benchmarks) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String name = benchmarkName(line);
            if (name != null) {
                benchmarks.add(name);
            }
        }
    }

    /**
     * The {@code package.Class.method} of one BenchmarkList line, or {@code null} for comments, blank lines and
     * lines in a format this class does not know.
     */
    static String benchmarkName(String line) {
        if (!line.startsWith("JMH ")) {
            return null;
        }
        int[] cursor = {"JMH ".length()};
        String userClass = nextString(line, cursor);
        String generatedClass = nextString(line, cursor);
        String method = nextString(line, cursor);
        if (userClass == null || generatedClass == null || method == null) {
            return null;
        }
        return userClass + "." + method;
    }

    /** Reads one {@code S <length> <chars> } field at {@code cursor[0]} and moves past it. */
    private static String nextString(String line, int[] cursor) {
        int pos = cursor[0];
        if (!line.startsWith("S ", pos)) {
            return null;
        }
        pos += 2;
        int lengthEnd = line.indexOf(' ', pos);
        if (lengthEnd < 0) {
            return null;
        }
        int length;
        try {
            length = Integer.parseInt(line.substring(pos, lengthEnd));
        } catch (NumberFormatException e) {
            return null;
        }
        int start = lengthEnd + 1;
        if (length < 0 || start + length > line.length()) {
            return null;
        }
        cursor[0] = start + length + 1;
        return line.substring(start, start + length);
    }
}
