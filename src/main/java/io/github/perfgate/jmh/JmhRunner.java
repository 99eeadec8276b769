package io.github.perfgate.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import io.github.perfgate.watchdog.WatchdogInstall;

/**
 * Runs JMH in its own JVM: {@code java <hostJvmArguments> @<argfile> org.openjdk.jmh.Main <jmhArguments>}, where
 * the argfile (a JDK {@code @argfiles} file in the temp directory) holds {@code -cp <classpath>}, so long
 * classpaths do not hit command-line length limits; classpath entries that do not exist are left out. JMH
 * then forks one JVM per benchmark fork with {@code -cp <its own java.class.path>}; for classpaths over 30,000
 * characters the host also gets {@code -Djmh.separateClasspathJAR=true}, which makes JMH pass the forks a
 * manifest-only jar in the temp directory instead (JMH falls back to {@code -cp} if an entry is on another
 * drive than the temp directory). The environment variables {@code MAVEN_OPTS}, {@code JAVA_TOOL_OPTIONS},
 * {@code _JAVA_OPTIONS} and {@code JDK_JAVA_OPTIONS} are removed from the child's environment.
 *
 * <p><b>Progress.</b> Before the run, JMH is started once more with the same arguments plus {@code -lp} (list
 * benchmarks with their parameters; about one JVM start-up, no benchmark runs). The total is the sum over the
 * listed benchmarks of the product of their parameter value counts; with {@code -bm}, the number of distinct
 * benchmarks and parameters times the number of modes. That matches how JMH 1.37 expands its run plan, except for
 * {@code @BenchmarkMode(Mode.All)} (listed once, run in four modes) and string parameter values containing
 * {@code ", "}; if the run turns out to have more benchmarks than counted, the total is reported as 0 (unknown)
 * from then on. JMH's own {@code # Run progress: x% complete} is not used for the total because it is weighted
 * by each benchmark's estimated time, so it gives a count only when all benchmarks have the same settings. During
 * the run, {@code # Benchmark mode:}, {@code # Benchmark:} and {@code # Parameters:} name the benchmark and the
 * {@code # Run progress} line that follows gives the ETA; progress is reported once per benchmark, mode and
 * parameter combination, not per fork. If the listing shows no benchmark, the run fails with
 * {@code NO_BENCHMARKS} without running anything.
 *
 * <p><b>Failures</b> are classified from JMH 1.37's output (checked against real runs): a benchmark that throws
 * prints {@code Iteration 1: <failure>}, a blank line, then the exception ({@code java.lang
 * .IllegalStateException: boom}) and its stack trace; a forked JVM that dies prints {@code <failure: reason>}
 * and/or {@code <forked VM failed with exit code N>} followed by its last stderr lines, or
 * {@code <failed to invoke the VM, caught IOException: ...>} if it could not start; with {@code -foe true} JMH
 * then prints {@code Benchmark had encountered error, and fail on error was requested} and exits with 1. Such a
 * run ends in {@code BENCHMARK_FAILED} naming the benchmark and the first exception line. Other non-zero exits
 * are {@code JMH_FAILED} with the exit code and JMH's last 20 output lines, except {@code No matching benchmarks}
 * ({@code NO_BENCHMARKS}), a missing {@code META-INF/BenchmarkList} ({@code NO_BENCHMARKS}), a missing
 * {@code org.openjdk.jmh.Main} ({@code NO_JMH}) and exit codes 130/143, i.e. SIGINT/SIGTERM ({@code INTERRUPTED}).
 *
 * <p><b>Stopping.</b> On timeout, interruption of the calling thread, an exception from the listener, or JVM
 * shutdown (Ctrl-C; a shutdown hook is registered while JMH runs), the whole process tree is stopped: the
 * descendants and then the JMH process get {@link ProcessHandle#destroy()}, and whatever is still alive after a
 * grace period of 3 seconds gets {@link ProcessHandle#destroyForcibly()}. {@code run} returns only after that
 * (or after 10 more seconds if a killed process does not go away).
 */
public final class JmhRunner {

    static final String JMH_MAIN = "org.openjdk.jmh.Main";

    private static final List<String> STRIPPED_ENVIRONMENT =
            List.of("MAVEN_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");
    private static final int LONG_CLASSPATH = 30_000;
    private static final String ARG_FILE_PREFIX = "perfgate-jmh-";
    private static final String ARG_FILE_SUFFIX = ".args";
    private static final String SEPARATE_CLASSPATH_JAR = "jmh.separateClasspathJAR";
    private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;
    /** Marks the end of the output in the line queue; compared by identity. */
    private static final String END_OF_OUTPUT = new String("<end of output>");

    private final Duration gracePeriod;

    public JmhRunner() {
        this(Duration.ofSeconds(3));
    }

    /** @param gracePeriod how long to wait after {@code destroy()} before {@code destroyForcibly()} */
    JmhRunner(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    /**
     * Runs JMH and returns when it has finished successfully; results are wherever the JMH arguments told JMH to
     * write them ({@code -rff}).
     *
     * @throws JmhRunException      if JMH or a benchmark failed, the run timed out, or it was stopped from outside;
     *                              no JMH process is left running
     * @throws InterruptedException if the calling thread was interrupted; the JMH processes have been stopped
     */
    public void run(JmhRunRequest request, JmhRunListener listener) throws JmhRunException, InterruptedException {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        removeLeftovers(request.temporaryDirectory());
        // The JVM skips missing entries anyway, and JMH's classpath jar refuses them. The watchdog's directory comes
        // first: it holds one class, which ends the host (and its forks) when Maven is gone.
        List<Path> classpath = new ArrayList<>();
        classpath.add(watchdogDirectory(request.temporaryDirectory()));
        request.classpath().stream().filter(Files::exists).forEach(classpath::add);
        Path argFile = writeArgFile(classpath, request.temporaryDirectory());
        boolean longClasspath = classpathString(classpath).length() > LONG_CLASSPATH;
        try {
            List<String> command = command(request, argFile, longClasspath);
            int total = listBenchmarks(request, command, deadline);
            OutputTracker tracker = new OutputTracker(listener, total);
            int exitCode = execute(with(command, request.jmhArguments()), request, deadline,
                    tracker::accept, tracker::running);
            if (exitCode != 0) {
                throw tracker.failure(exitCode, request.jmhArguments());
            }
        } finally {
            try {
                Files.deleteIfExists(argFile);
            } catch (IOException ignored) {
                // A leftover file is removed at the next start.
            }
        }
    }

    /** Removes the argfiles of a build that was killed before it could (they are only ever this build's). */
    private static void removeLeftovers(Path temporaryDirectory) {
        if (!Files.isDirectory(temporaryDirectory)
                || temporaryDirectory.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
            return;
        }
        try (var files = Files.newDirectoryStream(temporaryDirectory, ARG_FILE_PREFIX + "*" + ARG_FILE_SUFFIX)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // Leftovers are harmless.
        }
    }

    private static Path watchdogDirectory(Path temporaryDirectory) throws JmhRunException {
        try {
            return WatchdogInstall.classDirectory(temporaryDirectory);
        } catch (IOException e) {
            throw new JmhRunException(JmhRunException.Kind.JMH_FAILED, "Could not write perfgate's watchdog class to "
                    + temporaryDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code -lp}; returns the number of benchmarks, or 0 if it cannot be known. */
    private int listBenchmarks(JmhRunRequest request, List<String> command, long deadline)
            throws JmhRunException, InterruptedException {
        List<String> arguments = new ArrayList<>(request.jmhArguments());
        arguments.add("-lp");
        List<String> output = new ArrayList<>();
        int exitCode = execute(with(command, arguments), request, deadline, output::add, () -> null);
        if (exitCode != 0) {
            // The run itself would fail the same way; report it now.
            OutputTracker tracker = new OutputTracker(JmhRunListener.NONE, 0);
            output.forEach(tracker::accept);
            throw tracker.failure(exitCode, request.jmhArguments());
        }
        int count = countListedBenchmarks(output, request.jmhArguments());
        if (count == 0) {
            throw new JmhRunException(JmhRunException.Kind.NO_BENCHMARKS, noMatchMessage(request.jmhArguments()));
        }
        return Math.max(count, 0);
    }

    /** {@code java <host options> @argfile org.openjdk.jmh.Main}, without JMH's arguments. */
    private static List<String> command(JmhRunRequest request, Path argFile, boolean longClasspath) {
        List<String> command = new ArrayList<>();
        command.add(request.javaExecutable().toString());
        command.addAll(request.hostJvmArguments());
        boolean separateJarSet = request.hostJvmArguments().stream().anyMatch(a -> a.contains(SEPARATE_CLASSPATH_JAR));
        if (longClasspath && !separateJarSet) {
            command.add("-D" + SEPARATE_CLASSPATH_JAR + "=true");
        }
        command.add("@" + argFile);
        command.add(WatchdogInstall.MAIN_CLASS);
        command.add(JMH_MAIN);
        return command;
    }

    private static List<String> with(List<String> command, List<String> arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(arguments);
        return full;
    }

    private static String classpathString(List<Path> classpath) {
        return classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * Writes {@code -cp "<classpath>"} in the JDK's {@code @argfiles} syntax: inside double quotes a backslash
     * escapes the next character, so backslashes and double quotes are escaped. The launcher reads the file in
     * the platform's native encoding.
     */
    static Path writeArgFile(List<Path> classpath, Path directory) throws JmhRunException {
        String escaped = classpathString(classpath).replace("\\", "\\\\").replace("\"", "\\\"");
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, ARG_FILE_PREFIX, ARG_FILE_SUFFIX);
            try (Writer writer = Files.newBufferedWriter(file, nativeCharset())) {
                writer.write("-cp \"" + escaped + "\"\n");
            }
            return file;
        } catch (IOException e) {
            throw new JmhRunException(JmhRunException.Kind.JMH_FAILED,
                    "Could not write the JMH classpath to a temporary file: " + e.getMessage(), e);
        }
    }

    private static Charset nativeCharset() {
        String name = System.getProperty("native.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    /**
     * Starts the command, passes each output line to {@code onLine} on this thread, and returns the exit code.
     * Whatever way this method leaves early, the process tree is stopped first.
     */
    private int execute(List<String> command, JmhRunRequest request, long deadline, Consumer<String> onLine,
                        Supplier<String> running) throws JmhRunException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(request.workingDirectory().toFile())
                .redirectErrorStream(true);
        STRIPPED_ENVIRONMENT.forEach(builder.environment()::remove);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new JmhRunException(JmhRunException.Kind.JMH_FAILED,
                    "Could not start " + command.get(0) + ": " + e.getMessage(), e);
        }
        AtomicBoolean stoppedByShutdown = new AtomicBoolean();
        Thread shutdownHook = new Thread(() -> {
            stoppedByShutdown.set(true);
            destroyTree(process.toHandle());
        }, "perfgate-jmh-shutdown");
        boolean finished = false;
        try {
            try {
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                throw stoppedByShutdown(running.get());
            }
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> pump(process, lines), "perfgate-jmh-output");
            reader.setDaemon(true);
            reader.start();
            for (String line = poll(lines, deadline); line != END_OF_OUTPUT; line = poll(lines, deadline)) {
                if (line == null) {
                    throw timeout(request, running.get());
                }
                onLine.accept(line);
            }
            if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timeout(request, running.get());
            }
            finished = true;
            // The child's standard input stays open until here: its watchdog ends it when the pipe closes.
            java.lang.ref.Reference.reachabilityFence(process.getOutputStream());
        } finally {
            if (!finished) {
                destroyTree(process.toHandle());
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run; nothing to remove.
            }
        }
        if (stoppedByShutdown.get()) {
            throw stoppedByShutdown(running.get());
        }
        return process.exitValue();
    }

    private static JmhRunException stoppedByShutdown(String running) {
        return new JmhRunException(JmhRunException.Kind.INTERRUPTED, "The build was stopped (Ctrl-C or shutdown)"
                + (running == null ? "" : " while JMH was running " + running)
                + "; perfgate stopped JMH and its forked JVMs.");
    }

    /** The next line, or {@code null} once the deadline has passed (even if JMH keeps printing). */
    private static String poll(BlockingQueue<String> lines, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        return left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
    }

    private static void pump(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), nativeCharset()))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // The process was destroyed while we read; treat as end of output.
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    private static JmhRunException timeout(JmhRunRequest request, String running) {
        // The request carries the configured timeout itself: waiting for the measurement lock is bounded
        // separately and does not shorten it.
        Duration limit = request.timeout();
        return new JmhRunException(JmhRunException.Kind.TIMEOUT, "JMH did not finish within the timeout of "
                + format(limit) + " and was stopped "
                + (running == null ? "before any benchmark had started" : "while running " + running) + ". "
                + "Allow more time with -Dperfgate.timeout=" + format(limit.multipliedBy(2))
                + ", use fewer or shorter iterations or forks, or select fewer benchmarks with"
                + " -Dperfgate.include=<regex>.");
    }

    /** A duration as a user would type it: {@code 500ms}, {@code 3s}, {@code 2m30s}, {@code 1h}. */
    static String format(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || text.length() == 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }

    /**
     * Stops a process and all its descendants: {@code destroy()} (descendants first), then
     * {@code destroyForcibly()} for whatever is alive after the grace period. While the root lives, its
     * descendants are looked up again every few milliseconds: JMH may start a fork between two look-ups, and a
     * fork whose JMH host has died is no longer a descendant but keeps running (checked with JMH 1.37).
     */
    void destroyTree(ProcessHandle root) {
        boolean interrupted = Thread.interrupted();
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        destroyNew(root, tree);
        long graceEnd = System.nanoTime() + gracePeriod.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < graceEnd) {
            if (root.isAlive()) {
                destroyNew(root, tree);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            interrupted |= !awaitExit(tree, FORCED_EXIT_WAIT);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void destroyNew(ProcessHandle root, Set<ProcessHandle> tree) {
        root.descendants().forEach(process -> {
            if (tree.add(process)) {
                process.destroy();
            }
        });
        if (tree.add(root)) {
            root.destroy();
        }
    }

    /** Waits for the processes to exit; returns {@code false} only if interrupted. */
    private static boolean awaitExit(Set<ProcessHandle> processes, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // Nothing more to do than SIGKILL; go on waiting for the others.
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern LISTED_PARAM = Pattern.compile("^\\s+param \"(.*)\" = \\{(.*)}$");
    /** A listed benchmark has no whitespace; this skips JVM warnings that stderr may add to the listing. */
    private static final Pattern BENCHMARK_NAME = Pattern.compile("^\\S+$");

    /**
     * Counts the benchmark runs in the output of {@code -lp}: 0 if it lists none, -1 if it cannot be told.
     * See the class comment for the rules.
     */
    static int countListedBenchmarks(List<String> listing, List<String> jmhArguments) {
        int start = -1;
        for (int i = 0; i < listing.size() && start < 0; i++) {
            if (listing.get(i).strip().equals("Benchmarks:")) {
                start = i + 1;
            }
        }
        if (start < 0) {
            return -1;
        }
        List<String> names = new ArrayList<>();
        List<Long> combinations = new ArrayList<>();
        for (String line : listing.subList(start, listing.size())) {
            Matcher param = LISTED_PARAM.matcher(line);
            if (param.matches() && !names.isEmpty()) {
                String values = param.group(2);
                if (values.isEmpty()) {
                    return -1;
                }
                int last = combinations.size() - 1;
                combinations.set(last, combinations.get(last) * values.split(", ", -1).length);
            } else if (BENCHMARK_NAME.matcher(line).matches()) {
                names.add(line.strip());
                combinations.add(1L);
            }
        }
        long total = 0;
        Set<String> modes = benchmarkModes(jmhArguments);
        if (modes.isEmpty()) {
            for (long c : combinations) {
                total += c;
            }
        } else {
            Map<String, Long> distinct = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                distinct.putIfAbsent(names.get(i), combinations.get(i));
            }
            for (long c : distinct.values()) {
                total += c * modes.size();
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** The modes given with {@code -bm}, normalised to JMH's short labels; empty if none. */
    private static Set<String> benchmarkModes(List<String> jmhArguments) {
        Set<String> modes = new LinkedHashSet<>();
        for (String value : JmhArguments.optionValues(jmhArguments, "bm")) {
            for (String mode : value.split(",")) {
                switch (mode.strip().toLowerCase(Locale.ROOT)) {
                    case "" -> { }
                    case "thrpt", "throughput" -> modes.add("thrpt");
                    case "avgt", "averagetime" -> modes.add("avgt");
                    case "sample", "sampletime" -> modes.add("sample");
                    case "ss", "singleshottime" -> modes.add("ss");
                    case "all" -> modes.addAll(List.of("thrpt", "avgt", "sample", "ss"));
                    default -> modes.add(mode.strip());
                }
            }
        }
        return modes;
    }

    static String noMatchMessage(List<String> jmhArguments) {
        return "No benchmark matches the selection passed to JMH (arguments: " + String.join(" ", jmhArguments)
                + "). Includes (-Dperfgate.include) and excludes are regular expressions that JMH looks for"
                + " anywhere in package.Class.method; check them against the benchmarks in your test sources.";
    }

    /** Follows JMH's output: reports progress, and remembers what is needed to explain a failure. */
    static final class OutputTracker {

        private static final int TAIL_LINES = 20;
        private static final Pattern MODE = Pattern.compile("^# Benchmark mode: (.*)$");
        private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)\\s*$");
        private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)\\s*$");
        private static final Pattern RUN_PROGRESS = Pattern.compile("^# Run progress: .*complete, ETA (.*)$");
        private static final Pattern ETA = Pattern.compile("^(?:(\\d+) days?, )?(\\d+):(\\d+):(\\d+)\\s*$");
        private static final Pattern FAILURE_INLINE = Pattern.compile("<failure: (.*)>\\s*$");
        private static final Pattern FORKED_VM_FAILED = Pattern.compile("^<forked VM failed with exit code (-?\\d+)>");
        private static final Pattern FORK_NOT_STARTED = Pattern.compile("^<failed to invoke the VM, caught (.*)>\\s*$");

        private final JmhRunListener listener;
        private int total;
        private final Deque<String> tail = new ArrayDeque<>();

        private String headerMode;
        private String headerBenchmark;
        private String headerParameters;
        private String lastKey;
        private int index;
        private String current;

        private String failedBenchmark;
        private String failureCause;
        private boolean awaitingCause;
        private boolean forkedVmFailed;
        private boolean inForkStderr;
        private String forkStderr;
        private boolean noMatchingBenchmarks;
        private boolean noBenchmarkList;
        private boolean noJmhMain;

        OutputTracker(JmhRunListener listener, int total) {
            this.listener = listener;
            this.total = total;
        }

        void accept(String line) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
            listener.line(line);
            trackProgress(line);
            trackFailure(line);
        }

        private void trackProgress(String line) {
            Matcher m;
            if ((m = MODE.matcher(line)).matches()) {
                headerMode = m.group(1);
                headerBenchmark = null;
                headerParameters = null;
            } else if ((m = BENCHMARK.matcher(line)).matches()) {
                headerBenchmark = m.group(1);
                headerParameters = null;
            } else if ((m = PARAMETERS.matcher(line)).matches()) {
                headerParameters = m.group(1);
            } else if ((m = RUN_PROGRESS.matcher(line)).matches() && headerBenchmark != null) {
                String key = headerMode + '\n' + headerBenchmark + '\n' + headerParameters;
                if (!key.equals(lastKey)) {
                    lastKey = key;
                    index++;
                    if (total > 0 && index > total) {
                        total = 0;
                    }
                    current = headerParameters == null ? headerBenchmark
                            : headerBenchmark + " (" + headerParameters + ")";
                    listener.progress(index, total, current, parseEta(m.group(1)));
                }
            }
        }

        private void trackFailure(String line) {
            if (awaitingCause) {
                if (!line.isBlank()) {
                    failureCause = line.strip();
                    awaitingCause = false;
                }
                return;
            }
            Matcher m;
            if (line.stripTrailing().endsWith("<failure>")) {
                markFailed();
                awaitingCause = failureCause == null;
            } else if ((m = FAILURE_INLINE.matcher(line)).find()) {
                markFailed();
                if (failureCause == null) {
                    failureCause = m.group(1);
                }
            } else if ((m = FORKED_VM_FAILED.matcher(line)).find()) {
                markFailed();
                forkedVmFailed = true;
                if (failureCause == null) {
                    failureCause = "forked VM failed with exit code " + m.group(1);
                }
            } else if ((m = FORK_NOT_STARTED.matcher(line)).matches()) {
                markFailed();
                if (failureCause == null) {
                    failureCause = "JMH could not start the forked VM: " + m.group(1);
                }
            } else if (line.startsWith("<stderr last=")) {
                inForkStderr = forkedVmFailed;
            } else if (line.startsWith("</stderr>")) {
                inForkStderr = false;
            } else if (inForkStderr && forkStderr == null && !line.isBlank()) {
                forkStderr = line.strip();
            } else if (line.contains("Benchmark had encountered error, and fail on error was requested")) {
                markFailed();
            } else if (line.startsWith("No matching benchmarks. Miss-spelled regexp?")) {
                noMatchingBenchmarks = true;
            } else if (line.contains("Unable to find the resource: /META-INF/BenchmarkList")) {
                noBenchmarkList = true;
            } else if (line.contains("Could not find or load main class " + JMH_MAIN)) {
                noJmhMain = true;
            }
        }

        private void markFailed() {
            if (failedBenchmark == null) {
                failedBenchmark = current == null ? "(unknown benchmark)" : current;
            }
        }

        /** The benchmark running now, with its position, for messages; {@code null} before the first. */
        String running() {
            if (current == null) {
                return null;
            }
            return current + " (benchmark " + index + (total > 0 ? " of " + total : "") + ")";
        }

        /** Explains a non-zero exit of JMH. */
        JmhRunException failure(int exitCode, List<String> jmhArguments) {
            if (failedBenchmark != null) {
                String cause = failureCause == null ? "see JMH's output" : failureCause;
                if (forkStderr != null && cause.startsWith("forked VM failed")) {
                    cause += " (" + forkStderr + ")";
                }
                String stop = cause.endsWith(".") || cause.endsWith("?") || cause.endsWith("!") ? "" : ".";
                return new JmhRunException(JmhRunException.Kind.BENCHMARK_FAILED, "Benchmark " + failedBenchmark
                        + " failed: " + cause + stop + " JMH's output has the full stack trace.");
            }
            if (noJmhMain) {
                return new JmhRunException(JmhRunException.Kind.NO_JMH, BenchmarkDiscovery.noJmhMessage());
            }
            if (noBenchmarkList) {
                return new JmhRunException(JmhRunException.Kind.NO_BENCHMARKS,
                        BenchmarkDiscovery.noBenchmarkListMessage());
            }
            if (noMatchingBenchmarks) {
                return new JmhRunException(JmhRunException.Kind.NO_BENCHMARKS, noMatchMessage(jmhArguments));
            }
            if (exitCode == 130 || exitCode == 143) {
                String what = running();
                return new JmhRunException(JmhRunException.Kind.INTERRUPTED, "JMH was stopped by a signal (exit code "
                        + exitCode + ")" + (what == null ? "" : " while running " + what) + ".");
            }
            if (tail.stream().anyMatch(l -> l.contains("Unable to acquire the JMH lock"))) {
                return new JmhRunException(JmhRunException.Kind.LOCKED, "Another JMH run on this machine holds"
                        + " JMH's lock (jmh.lock in the temporary directory), and benchmarks running side by side"
                        + " disturb each other's timings. Wait for the other run to finish; in a parallel build"
                        + " (mvn -T) run the modules with benchmarks one at a time. JMH said:\n"
                        + String.join("\n", tail));
            }
            return new JmhRunException(JmhRunException.Kind.JMH_FAILED, "JMH failed with exit code " + exitCode
                    + ". Its last output lines:\n" + String.join("\n", tail));
        }

        private static Duration parseEta(String text) {
            Matcher m = ETA.matcher(text);
            if (!m.matches()) {
                return null;
            }
            long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            return Duration.ofDays(days)
                    .plusHours(Long.parseLong(m.group(2)))
                    .plusMinutes(Long.parseLong(m.group(3)))
                    .plusSeconds(Long.parseLong(m.group(4)));
        }
    }
}
