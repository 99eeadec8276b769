package io.github.perfgate.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the argument list for {@code org.openjdk.jmh.Main}. Settings left unset are not passed, so the
 * benchmark's annotations (or JMH's defaults) apply.
 *
 * <p>Always passed:
 * <ul>
 *   <li>{@code -jvmArgs=<jvmArgs>} only when set: then the forked benchmark JVMs get exactly these options, and
 *       they override {@code @Fork(jvmArgs = ...)}. Unset, a benchmark's {@code @Fork(jvmArgs = ...)} applies, and
 *       forks of benchmarks without it inherit the JMH host's options, which perfgate starts clean
 *       ({@link Measure#hostJvmArguments}). {@code @Fork(jvmArgsAppend/jvmArgsPrepend)} apply either way.</li>
 *   <li>{@code -foe true}, so a benchmark that throws makes JMH exit non-zero.</li>
 * </ul>
 *
 * <p>The user's {@link #extraArguments(String) extra arguments} win over the options built here. JMH 1.37 does
 * <em>not</em> let a later option override an earlier one: its jopt-simple parser rejects a repeated
 * single-valued option ({@code Found multiple arguments for option f, but you asked for only one}). So an
 * option the extra arguments set (in any form JMH accepts: {@code -f 3}, {@code -f=3}, {@code --f 3},
 * {@code -f3}, or an unambiguous abbreviation such as {@code -fo} for {@code -foe}) is left out of the built
 * options, and the extra arguments come last (the option grammar is in {@link JmhOptions}). Multi-valued settings
 * (includes, {@code -e}, {@code -prof}) add up. The extra arguments may not set {@code -rf} or {@code -rff} when a
 * {@link #resultFile(Path) result file} is set, because the caller reads JMH's JSON from there.
 */
public final class JmhArguments {

    private List<String> include = List.of();
    private List<String> exclude = List.of();
    private Integer forks;
    private Integer warmupIterations;
    private String warmupTime;
    private Integer iterations;
    private String time;
    private String jvmArgs;
    private List<String> profilers = List.of();
    private Path resultFile;
    private String extraArguments = "";

    /** Regular expressions selecting benchmarks by {@code package.Class.method}; empty runs all. */
    public JmhArguments include(List<String> regexes) {
        this.include = List.copyOf(regexes);
        return this;
    }

    /** Regular expressions excluding benchmarks, each passed as {@code -e}. */
    public JmhArguments exclude(List<String> regexes) {
        this.exclude = List.copyOf(regexes);
        return this;
    }

    /** {@code -f}: forks per benchmark; {@code null} leaves it to the benchmark. */
    public JmhArguments forks(Integer forks) {
        this.forks = forks;
        return this;
    }

    /** {@code -wi}: warmup iterations; {@code null} leaves it to the benchmark. */
    public JmhArguments warmupIterations(Integer warmupIterations) {
        this.warmupIterations = warmupIterations;
        return this;
    }

    /** {@code -w}: time per warmup iteration in JMH's form, e.g. {@code 1s} or {@code 100ms}. */
    public JmhArguments warmupTime(String warmupTime) {
        this.warmupTime = blankToNull(warmupTime);
        return this;
    }

    /** {@code -i}: measurement iterations; {@code null} leaves it to the benchmark. */
    public JmhArguments iterations(Integer iterations) {
        this.iterations = iterations;
        return this;
    }

    /** {@code -r}: time per measurement iteration in JMH's form, e.g. {@code 1s} or {@code 100ms}. */
    public JmhArguments time(String time) {
        this.time = blankToNull(time);
        return this;
    }

    /** Options for the forked benchmark JVMs, space-separated as JMH expects; {@code null} means none. */
    public JmhArguments jvmArgs(String jvmArgs) {
        this.jvmArgs = jvmArgs == null ? null : jvmArgs.trim();
        return this;
    }

    /** Profilers, each passed as {@code -prof}, e.g. {@code gc}. */
    public JmhArguments profilers(List<String> profilers) {
        this.profilers = List.copyOf(profilers);
        return this;
    }

    /** Where JMH writes its JSON results ({@code -rf json -rff <file>}); {@code null} leaves JMH's default. */
    public JmhArguments resultFile(Path resultFile) {
        this.resultFile = resultFile;
        return this;
    }

    /** Raw JMH arguments from the user, split by {@link #tokenize(String)}; they win over the options above. */
    public JmhArguments extraArguments(String extraArguments) {
        this.extraArguments = extraArguments == null ? "" : extraArguments;
        return this;
    }

    /**
     * The arguments for {@code org.openjdk.jmh.Main}.
     *
     * @throws IllegalArgumentException if the extra arguments have an unclosed quote, or set {@code -rf} or
     *                                  {@code -rff} while a result file is set
     */
    public List<String> toList() {
        List<String> extra = tokenize(extraArguments);
        Set<String> userOptions = new HashSet<>();
        for (JmhOptions.Option option : JmhOptions.parse(extra)) {
            userOptions.add(option.name());
        }
        if (resultFile != null && (userOptions.contains("rf") || userOptions.contains("rff"))) {
            throw new IllegalArgumentException("Remove -rf/-rff from the extra JMH arguments (" + extraArguments
                    + "): perfgate has JMH write its results as JSON to " + resultFile + " and reads them from there.");
        }

        List<String> args = new ArrayList<>(include);
        for (String regex : exclude) {
            args.add("-e");
            args.add(regex);
        }
        addUnlessOverridden(args, userOptions, "f", forks);
        addUnlessOverridden(args, userOptions, "wi", warmupIterations);
        addUnlessOverridden(args, userOptions, "w", warmupTime);
        addUnlessOverridden(args, userOptions, "i", iterations);
        addUnlessOverridden(args, userOptions, "r", time);
        if (jvmArgs != null && !userOptions.contains("jvmArgs")) {
            // One token, so an empty value survives every platform's command line.
            args.add("-jvmArgs=" + jvmArgs);
        }
        for (String profiler : profilers) {
            args.add("-prof");
            args.add(profiler);
        }
        addUnlessOverridden(args, userOptions, "foe", "true");
        if (resultFile != null) {
            args.add("-rf");
            args.add("json");
            args.add("-rff");
            args.add(resultFile.toString());
        }
        args.addAll(extra);
        return List.copyOf(args);
    }

    private static void addUnlessOverridden(List<String> args, Set<String> userOptions, String name, Object value) {
        if (value != null && !userOptions.contains(name)) {
            args.add("-" + name);
            args.add(value.toString());
        }
    }

    /**
     * Splits a command-line string into arguments at whitespace, with single or double quotes grouping (see
     * {@link JmhOptions#tokenize(String)}).
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static List<String> tokenize(String commandLine) {
        return JmhOptions.tokenize(commandLine);
    }

    /**
     * The extra arguments without the given JMH option (in any spelling JMH accepts), as a command-line string
     * that {@link #tokenize(String)} splits back into the remaining arguments: used where perfgate's own value of
     * the option must win, such as the forks of a re-measurement.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static String withoutOption(String extraArguments, String optionName) {
        return JmhOptions.without(extraArguments, optionName);
    }

    /**
     * What JMH will run with, read from the final argument list: {@code 3 forks x 3 warm-up x 1s, 5 x 1s}, followed
     * by which of them the extra arguments set ({@code ; -f, -i from perfgate.jmhArgs}). When a value cannot be
     * read (a form perfgate does not know), {@code settings from perfgate.jmhArgs}.
     *
     * @param arguments the arguments from {@link #toList()}
     * @param extraArguments the raw arguments that were passed to {@link #extraArguments(String)}
     */
    public static String describeSettings(List<String> arguments, String extraArguments) {
        String forks = JmhOptions.last(arguments, "f");
        String warmupIterations = JmhOptions.last(arguments, "wi");
        String warmupTime = JmhOptions.last(arguments, "w");
        String iterations = JmhOptions.last(arguments, "i");
        String time = JmhOptions.last(arguments, "r");
        List<String> fromExtra = new ArrayList<>();
        List<JmhOptions.Option> extra = JmhOptions.parse(tokenize(extraArguments));
        for (String name : List.of("f", "wi", "w", "i", "r")) {
            if (extra.stream().anyMatch(o -> o.name().equals(name))) {
                fromExtra.add("-" + name);
            }
        }
        if (!isCount(forks) || !isCount(warmupIterations) || !isCount(iterations) || !isTime(warmupTime)
                || !isTime(time)) {
            return "settings from perfgate.jmhArgs";
        }
        int forkCount = Integer.parseInt(forks);
        String text = forkCount + (forkCount == 1 ? " fork" : " forks") + " x " + warmupIterations + " warm-up x "
                + warmupTime.replace(" ", "") + ", " + iterations + " x " + time.replace(" ", "");
        return fromExtra.isEmpty() ? text : text + "; " + String.join(", ", fromExtra) + " from perfgate.jmhArgs";
    }

    private static boolean isCount(String value) {
        return value != null && value.trim().matches("\\d{1,9}");
    }

    private static boolean isTime(String value) {
        return value != null && DurationParser.JMH_TIME.matcher(value.trim().toLowerCase(Locale.ROOT))
                .matches();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
