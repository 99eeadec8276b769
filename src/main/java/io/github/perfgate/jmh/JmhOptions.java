package io.github.perfgate.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JMH 1.37's command-line grammar: its option names, how its jopt-simple parser reads an argument list, and how a
 * user's argument string ({@code perfgate.jmhArgs}) splits into arguments.
 */
final class JmhOptions {

    /** Every option of JMH 1.37's {@code org.openjdk.jmh.runner.options.CommandLineOptions}. */
    private static final List<String> NAMES = List.of(
            "i", "bs", "r", "wi", "wbs", "w", "to", "t", "bm", "si", "gc", "foe", "v", "f", "wf", "o", "rff",
            "prof", "tg", "jvm", "jvmArgs", "jvmArgsAppend", "jvmArgsPrepend", "tu", "opi", "rf", "wm", "e", "p",
            "wmb", "l", "lp", "lrf", "lprof", "h");

    /** The JMH options that take no value; all others require one. */
    private static final Set<String> FLAGS = Set.of("l", "lp", "lrf", "lprof", "h");

    /**
     * An option found in an argument list; {@code value} is {@code null} for flags or a missing value.
     * {@code first} and {@code last} are the indices of the arguments it takes up.
     */
    record Option(String name, String value, int first, int last) {
    }

    private JmhOptions() {
    }

    /**
     * Splits a command-line string into arguments at whitespace. Single or double quotes group text with
     * whitespace into one argument and are removed ({@code -jvmArgs "-Xmx1g -Dx=1"} gives two arguments);
     * quoted and unquoted text next to each other join ({@code -Dname="a b"} gives {@code -Dname=a b}). A quote
     * of the other kind inside quotes is literal. Backslashes are not special, so Windows paths work as typed.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    static List<String> tokenize(String commandLine) {
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
     * Finds the options in a JMH argument list the way JMH 1.37's jopt-simple parser does: {@code -name} or
     * {@code --name}, the value attached ({@code -name=value}) or in the next argument (taken even if it starts
     * with {@code -}), exact names before unambiguous abbreviations, then a one-letter option with its value
     * attached ({@code -f3}). Arguments after {@code --}, non-options and unknown options are skipped.
     */
    static List<Option> parse(List<String> args) {
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
            String name = resolveName(equals >= 0 ? body.substring(0, equals) : body);
            String value = equals >= 0 ? body.substring(equals + 1) : null;
            if (name == null) {
                String first = body.isEmpty() ? "" : body.substring(0, 1);
                if (!NAMES.contains(first) || FLAGS.contains(first)) {
                    continue;
                }
                name = first;
                value = body.substring(1);
            }
            if (FLAGS.contains(name)) {
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
     * The values given to one JMH option in an argument list, in order, resolving option spellings as JMH 1.37
     * does. For a flag such as {@code -lp} each occurrence gives an empty string.
     */
    static List<String> values(List<String> args, String optionName) {
        List<String> values = new ArrayList<>();
        for (Option option : parse(args)) {
            if (option.name().equals(optionName)) {
                values.add(option.value() == null ? "" : option.value());
            }
        }
        return values;
    }

    /** The last value of an option in an argument list, or {@code null} if it is not there. */
    static String last(List<String> args, String optionName) {
        List<String> values = values(args, optionName);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /**
     * An argument string without the given JMH option (in any spelling JMH accepts), as a string that
     * {@link #tokenize(String)} splits back into the remaining arguments.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    static String without(String commandLine, String optionName) {
        List<String> args = tokenize(commandLine);
        boolean[] drop = new boolean[args.size()];
        for (Option option : parse(args)) {
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

    private static String resolveName(String name) {
        if (NAMES.contains(name)) {
            return name;
        }
        List<String> candidates = NAMES.stream().filter(option -> option.startsWith(name)).toList();
        return !name.isEmpty() && candidates.size() == 1 ? candidates.get(0) : null;
    }
}
