package io.github.perfgate.jmh;

import io.github.perfgate.process.JvmLaunch;
import io.github.perfgate.process.ProcessSupervisor.Completion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark count a run's progress is reported against: before the run, JMH is started once more with the same
 * arguments plus {@code -lp} (list benchmarks with their parameters; about one JVM start-up, no benchmark runs). The
 * total is the sum over the listed benchmarks of the product of their parameter value counts; with {@code -bm}, the
 * number of distinct benchmarks and parameters times the number of modes. That matches how JMH 1.37 expands its run
 * plan, except for {@code @BenchmarkMode(Mode.All)} (listed once, run in four modes) and string parameter values
 * containing {@code ", "}. JMH's own {@code # Run progress: x% complete} is not used for the total because it is
 * weighted by each benchmark's estimated time, so it gives a count only when all benchmarks have the same settings.
 * If the listing shows no benchmark, the run fails with {@code NO_BENCHMARKS} without running anything.
 */
final class BenchmarkListing {

    /** Runs a JMH launch to its end under the supervisor, with the run's deadline. */
    @FunctionalInterface
    interface Execution {
        Completion run(JvmLaunch launch, Consumer<String> onLine) throws JmhRunException, InterruptedException;
    }

    private static final Pattern LISTED_PARAM = Pattern.compile("^\\s+param \"(.*)\" = \\{(.*)}$");
    /** A listed benchmark has no whitespace; this skips JVM warnings that stderr may add to the listing. */
    private static final Pattern BENCHMARK_NAME = Pattern.compile("^\\S+$");

    private BenchmarkListing() {
    }

    /**
     * Runs {@code -lp}; returns the number of benchmarks the run will have, or 0 if it cannot be known.
     *
     * @throws JmhRunException {@code NO_BENCHMARKS} if none is listed; the failure the run itself would have if the
     *                         listing fails
     */
    static int count(JmhCommandLine commandLine, List<String> jmhArguments, Execution execution)
            throws JmhRunException, InterruptedException {
        List<String> arguments = new ArrayList<>(jmhArguments);
        arguments.add("-lp");
        List<String> output = new ArrayList<>();
        Completion listing = execution.run(commandLine.launch(arguments), output::add);
        if (listing.exitCode() != 0) {
            // The run itself would fail the same way; report it now.
            JmhOutputTracker tracker = new JmhOutputTracker(JmhRunListener.NONE, 0);
            output.forEach(tracker::accept);
            throw tracker.failure(listing.exitCode(), listing.outputTail(), jmhArguments);
        }
        int count = countListed(output, jmhArguments);
        if (count == 0) {
            throw new JmhRunException(JmhRunException.Kind.NO_BENCHMARKS, JmhHints.noMatch(jmhArguments));
        }
        return Math.max(count, 0);
    }

    /** Counts the benchmark runs in the output of {@code -lp}: 0 if it lists none, -1 if it cannot be told. */
    static int countListed(List<String> listing, List<String> jmhArguments) {
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
        for (String value : JmhOptions.values(jmhArguments, "bm")) {
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
}
