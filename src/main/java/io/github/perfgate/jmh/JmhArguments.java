package io.github.perfgate.jmh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the argument list for {@code org.openjdk.jmh.Main}. Settings left unset are not passed, so the
 * benchmark's annotations (or JMH's defaults) apply.
 *
 * <p>Always passed:
 * <ul>
 *   <li>{@code -jvmArgs=<jvmArgs>} (empty if unset), so the forked benchmark JVMs get exactly these options
 *       instead of inheriting the JMH host JVM's. Note that this also overrides {@code @Fork(jvmArgs = ...)}
 *       annotations; {@code @Fork(jvmArgsAppend/jvmArgsPrepend)} still apply.</li>
 *   <li>{@code -foe true}, so a benchmark that throws makes JMH exit non-zero.</li>
 * </ul>
 *
 * <p>The user's {@link #extraArguments(String) extra arguments} win over the options built here. JMH 1.37 does
 * <em>not</em> let a later option override an earlier one: its jopt-simple parser rejects a repeated
 * single-valued option ({@code Found multiple arguments for option f, but you asked for only one}). So an
 * option the extra arguments set (in any form JMH accepts: {@code -f 3}, {@code -f=3}, {@code --f 3},
 * {@code -f3}, or an unambiguous abbreviation such as {@code -fo} for {@code -foe}) is left out of the built
 * options, and the extra arguments come last. Multi-valued settings (includes, {@code -e}, {@code -prof}) add up.
 * The extra arguments may not set {@code -rf} or {@code -rff} when a {@link #resultFile(Path) result file} is
 * set, because the caller reads JMH's JSON from there.
 */
public final class JmhArguments {

    /** Every option of JMH 1.37's {@code org.openjdk.jmh.runner.options.CommandLineOptions}. */
    private static final List<String> JMH_OPTIONS = List.of(
            "i", "bs", "r", "wi", "wbs", "w", "to", "t", "bm", "si", "gc", "foe", "v", "f", "wf", "o", "rff",
            "prof", "tg", "jvm", "jvmArgs", "jvmArgsAppend", "jvmArgsPrepend", "tu", "opi", "rf", "wm", "e", "p",
            "wmb", "l", "lp", "lrf", "lprof", "h");

    /** The JMH options that take no value; all others require one. */
    private static final Set<String> JMH_FLAGS = Set.of("l", "lp", "lrf", "lprof", "h");

    private List<String> include = List.of();
    private List<String> exclude = List.of();
    private Integer forks;
    private Integer warmupIterations;
    private String warmupTime;
    private Integer iterations;
    private String time;
    private String jvmArgs = "";
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
        this.jvmArgs = jvmArgs == null ? "" : jvmArgs.trim();
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
        for (Option option : parseOptions(extra)) {
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
        if (!userOptions.contains("jvmArgs")) {
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
     * Splits a command-line string into arguments at whitespace. Single or double quotes group text with
     * whitespace into one argument and are removed ({@code -jvmArgs "-Xmx1g -Dx=1"} gives two arguments);
     * quoted and unquoted text next to each other join ({@code -Dname="a b"} gives {@code -Dname=a b}). A quote
     * of the other kind inside quotes is literal. Backslashes are not special, so Windows paths work as typed.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static List<String> tokenize(String commandLine) {
        List<String> tokens = new ArrayList<>();
        if (commandLine == null) {
            return tokens;
        }
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    token.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
            } else {
                token.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed " + quote + " quote in JMH arguments: " + commandLine);
        }
        if (inToken) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /**
     * The values given to one JMH option in an argument list, in order, resolving option spellings as JMH 1.37
     * does. For a flag such as {@code -lp} each occurrence gives an empty string.
     */
    static List<String> optionValues(List<String> args, String optionName) {
        List<String> values = new ArrayList<>();
        for (Option option : parseOptions(args)) {
            if (option.name().equals(optionName)) {
                values.add(option.value() == null ? "" : option.value());
            }
        }
        return values;
    }

    /**
     * An option found in an argument list; {@code value} is {@code null} for flags or a missing value.
     * {@code first} and {@code last} are the indices of the arguments it takes up.
     */
    record Option(String name, String value, int first, int last) {
    }

    /**
     * Finds the options in a JMH argument list the way JMH 1.37's jopt-simple parser does: {@code -name} or
     * {@code --name}, the value attached ({@code -name=value}) or in the next argument (taken even if it starts
     * with {@code -}), exact names before unambiguous abbreviations, then a one-letter option with its value
     * attached ({@code -f3}). Arguments after {@code --}, non-options and unknown options are skipped.
     */
    static List<Option> parseOptions(List<String> args) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int start = i;
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-") || arg.length() == 1) {
                continue;
            }
            String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
            int equals = body.indexOf('=');
            String name = resolveOptionName(equals >= 0 ? body.substring(0, equals) : body);
            String value = equals >= 0 ? body.substring(equals + 1) : null;
            if (name == null) {
                String first = body.isEmpty() ? "" : body.substring(0, 1);
                if (!JMH_OPTIONS.contains(first) || JMH_FLAGS.contains(first)) {
                    continue;
                }
                name = first;
                value = body.substring(1);
            }
            if (JMH_FLAGS.contains(name)) {
                options.add(new Option(name, null, start, i));
            } else if (value != null) {
                options.add(new Option(name, value, start, i));
            } else {
                String next = i + 1 < args.size() ? args.get(++i) : null;
                options.add(new Option(name, next, start, i));
            }
        }
        return options;
    }

    /**
     * The extra arguments without the given JMH option (in any spelling JMH accepts), as a command-line string
     * that {@link #tokenize(String)} splits back into the remaining arguments: used where perfgate's own value of
     * the option must win, such as the forks of a re-measurement.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static String withoutOption(String extraArguments, String optionName) {
        List<String> args = tokenize(extraArguments);
        boolean[] drop = new boolean[args.size()];
        for (Option option : parseOptions(args)) {
            if (option.name().equals(optionName)) {
                for (int i = option.first(); i <= option.last(); i++) {
                    drop[i] = true;
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!drop[i]) {
                kept.add(quote(args.get(i)));
            }
        }
        return String.join(" ", kept);
    }

    /** An argument written so that {@link #tokenize(String)} gives it back unchanged. */
    static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')) {
            return arg;
        }
        if (arg.indexOf('\'') < 0) {
            return "'" + arg + "'";
        }
        if (arg.indexOf('"') < 0) {
            return '"' + arg + '"';
        }
        // Both kinds of quote: quoted pieces next to each other join into one argument.
        return "'" + arg.replace("'", "'\"'\"'") + "'";
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
        String forks = last(arguments, "f");
        String warmupIterations = last(arguments, "wi");
        String warmupTime = last(arguments, "w");
        String iterations = last(arguments, "i");
        String time = last(arguments, "r");
        List<String> fromExtra = new ArrayList<>();
        List<Option> extra = parseOptions(tokenize(extraArguments));
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

    private static String last(List<String> arguments, String optionName) {
        List<String> values = optionValues(arguments, optionName);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static boolean isCount(String value) {
        return value != null && value.trim().matches("\\d{1,9}");
    }

    private static boolean isTime(String value) {
        return value != null && DurationParser.JMH_TIME.matcher(value.trim().toLowerCase(java.util.Locale.ROOT))
                .matches();
    }

    private static String resolveOptionName(String name) {
        if (JMH_OPTIONS.contains(name)) {
            return name;
        }
        List<String> candidates = JMH_OPTIONS.stream().filter(option -> option.startsWith(name)).toList();
        return !name.isEmpty() && candidates.size() == 1 ? candidates.get(0) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
