package io.github.perfgate.check;

import io.github.perfgate.gate.ClaimParser;
import io.github.perfgate.gate.Percent;
import io.github.perfgate.gate.ThresholdRule;
import io.github.perfgate.gate.TimeMetric;
import io.github.perfgate.jmh.DurationParser;
import io.github.perfgate.jmh.JmhArguments;
import io.github.perfgate.model.PerfgateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the parameters of a goal before anything is measured or read, so that a wrong value ends the build at
 * once with a message that names the parameter (by its user property, e.g. {@code perfgate.remeasureForks}) and
 * the form it accepts, instead of reaching JMH (where {@code -f 0} silently runs unforked) or failing after
 * minutes of measurement. Every problem is collected; {@link #problems()} lists them all.
 */
public final class ParameterCheck {

    /** The last sentence of every message. */
    static final String STOPPED = "perfgate stopped before running or reading anything.";

    private final List<String> problems = new ArrayList<>();

    /**
     * A whole number that must be at least {@code min}, e.g. a fork count (1) or warm-up iterations (0).
     *
     * @param example a sensible value for the message, usually the default
     */
    public ParameterCheck atLeast(String property, int value, int min, int example) {
        if (value < min) {
            problems.add(property + " is " + value + "; it must be a whole number of " + min + " or more, e.g. -D"
                    + property + "=" + example);
        }
        return this;
    }

    /** {@code perfgate.metric}: {@code auto}, {@code wall} or {@code cpu}. */
    public ParameterCheck metric(String property, String value) {
        try {
            TimeMetric.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(property + " is '" + value + "'; it must be auto, wall or cpu, e.g. -D" + property
                    + "=auto");
        }
        return this;
    }

    /** A problem of its own when {@code condition} holds, e.g. two parameters that exclude each other. */
    public ParameterCheck problemIf(boolean condition, String problem) {
        if (condition) {
            problems.add(problem);
        }
        return this;
    }

    /** A duration as perfgate reads it ({@code 90s}, {@code 30m}, {@code PT1H}), such as the timeout. */
    public ParameterCheck duration(String property, String value) {
        try {
            DurationParser.parse(value, property);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return this;
    }

    /**
     * A time per iteration that perfgate can hand to JMH: JMH's form ({@code 500ms}, {@code 1s}) or a duration
     * perfgate converts to it ({@code 1.5s}, {@code PT1S}, see {@link DurationParser#toJmhTime(String, String)}).
     */
    public ParameterCheck jmhTime(String property, String value) {
        try {
            DurationParser.toJmhTime(value, property);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return this;
    }

    /** Regular expressions of benchmark names, compiled as JMH compiles them ({@code java.util.regex}). */
    public ParameterCheck regexes(String property, List<String> values) {
        for (String value : values) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                problems.add(property + " '" + value + "' is not a valid regular expression (" + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + "); write a Java regular"
                        + " expression matched against package.Class.method, e.g. -D" + property
                        + "=ParserBench, or quote special characters: '^\\Qacme.ParserBench.parse\\E$'");
            }
        }
        return this;
    }

    /** A percentage such as {@code 10%}; with {@code offAllowed}, {@code off} too. */
    public ParameterCheck percent(String property, String value, boolean offAllowed) {
        if (offAllowed && value != null && "off".equals(value.trim().toLowerCase(Locale.ROOT))) {
            return this;
        }
        try {
            Percent.parse(value, property);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage() + (offAllowed ? ", or off" : ""));
        }
        return this;
    }

    /** The confidence level of the intervals: above 0.5 and below 1. */
    public ParameterCheck confidence(String property, double value) {
        if (!(value > 0.5 && value < 1)) {
            problems.add(property + " is " + value + "; it must be above 0.5 and below 1, e.g. -D" + property
                    + "=0.99");
        }
        return this;
    }

    /** A per-benchmark tolerance ({@code <threshold>}); {@code null} parts are reported. */
    public ParameterCheck threshold(String property, String benchmark, String tolerance) {
        if (benchmark == null || benchmark.isBlank() || tolerance == null || tolerance.isBlank()) {
            problems.add(property + ": every <threshold> needs a <benchmark> and a <tolerance>, e.g."
                    + " <benchmark>ParserBench.parse</benchmark><tolerance>25%</tolerance>");
            return this;
        }
        try {
            ThresholdRule.parse(benchmark, tolerance);
        } catch (IllegalArgumentException e) {
            problems.add(property + " " + benchmark + ": " + e.getMessage());
        }
        return this;
    }

    /** Claims on the command line ({@code ParserBench.parse>=20%,...}). */
    public ParameterCheck claims(String property, String value) {
        try {
            ClaimParser.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(property + ": " + e.getMessage());
        }
        return this;
    }

    /** One claim of the POM ({@code <claim>}). */
    public ParameterCheck claim(String property, String benchmark, String target, String reason) {
        try {
            ClaimParser.of(benchmark, target, reason);
        } catch (IllegalArgumentException e) {
            problems.add(property + ": " + e.getMessage());
        }
        return this;
    }

    /**
     * Raw JMH arguments: their quotes must close, and they may not set {@code -rf}/{@code -rff} when perfgate reads
     * JMH's JSON from its own file.
     */
    public ParameterCheck jmhArgs(String property, String value, boolean perfgateReadsResults) {
        List<String> args;
        try {
            args = JmhArguments.tokenize(value);
        } catch (IllegalArgumentException e) {
            problems.add(property + " (" + value + ") has an unclosed quote; close it, or quote the whole value"
                    + " with the other kind, e.g. -D" + property + "=\"-p 'name=a b'\"");
            return this;
        }
        if (perfgateReadsResults) {
            try {
                new JmhArguments().resultFile(Path.of("jmh-result.json")).extraArguments(value).toList();
            } catch (IllegalArgumentException e) {
                problems.add(property + " (" + String.join(" ", args) + ") sets -rf or -rff: remove them; perfgate"
                        + " has JMH write its results as JSON to its own file and reads them from there");
            }
        }
        return this;
    }

    /** A file perfgate writes: not a directory, and its folder exists or can be created. */
    public ParameterCheck writableFile(String property, Path file) {
        if (file == null) {
            problems.add(property + " is not set; name the file to write, e.g. perf/baseline.json");
            return this;
        }
        if (Files.isDirectory(file)) {
            problems.add(property + " " + file + " is a directory; name a file in it, e.g. -D" + property + "="
                    + file.resolve("baseline.json"));
            return this;
        }
        Path parent = file.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent != null && (!Files.isDirectory(parent) || !Files.isWritable(parent))) {
            problems.add(property + " " + file + " cannot be created: " + parent + (Files.isDirectory(parent)
                    ? " is not writable" : " is not a directory") + "; name a file in a writable directory");
        }
        return this;
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** One message for every problem, or empty when the parameters are fine. */
    public Optional<String> message() {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        if (problems.size() == 1) {
            return Optional.of("perfgate: " + problems.get(0) + ". " + STOPPED);
        }
        StringBuilder message = new StringBuilder("perfgate: ").append(problems.size())
                .append(" parameters are wrong:");
        for (String problem : problems) {
            message.append("\n  ").append(problem);
        }
        message.append("\n").append(STOPPED);
        return Optional.of(message.toString());
    }

    /**
     * Ends the goal when a parameter is wrong.
     *
     * @throws PerfgateException an error naming every wrong parameter ({@link #message()})
     */
    public void verify() throws PerfgateException {
        Optional<String> problems = message();
        if (problems.isPresent()) {
            throw new PerfgateException(problems.get());
        }
    }
}
