package io.github.perfgate.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads claimed optimisations as users write them.
 *
 * <p>On the command line ({@code -Dperfgate.claims}) a claim is a benchmark pattern, optionally followed by
 * {@code >=} and a target percentage; claims are separated by commas:
 * {@code ParserBench.parse>=20%,JsonBench.write>=35%}. Spaces around the parts are allowed
 * ({@code ParserBench.parse >= 20 %}); a claim without a target asks for {@link Claim#DEFAULT_TARGET}. Commas
 * inside brackets belong to the parameters ({@code ParserBench.parse[size=10,mode=fast]>=20%}).
 *
 * <p>Every mistake is refused with an {@link IllegalArgumentException} that quotes the claim and shows the
 * correct form, rather than silently claiming something else: {@code >} or {@code =} instead of {@code >=}, an
 * empty name, a target of 0% or less, of 100% or more (time cannot fall by 100%), and a bare fraction such as
 * {@code >=0.2} that might mean 20% or 0.2%.
 */
public final class ClaimParser {

    /** How a claim is written, for error messages. */
    public static final String EXAMPLE = "ParserBench.parse>=20%";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private static final Pattern TRAILING_TARGET = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*$");

    private ClaimParser() {
    }

    /**
     * Parses the comma-separated claims of {@code -Dperfgate.claims}.
     *
     * @param commandLine e.g. {@code "ParserBench.parse>=20%,JsonBench.write>=35%"}; null or blank means no claims
     * @return the claims in the order written
     * @throws IllegalArgumentException for a claim that is not written as {@code <benchmark>[>=<target>%]}, or
     *         for the same benchmark pattern claimed twice
     */
    public static List<Claim> parse(String commandLine) {
        List<Claim> claims = new ArrayList<>();
        if (commandLine == null || commandLine.isBlank()) {
            return claims;
        }
        List<String> entries = split(commandLine);
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).trim();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("Claim " + (i + 1) + " of '" + commandLine.trim()
                        + "' is empty; separate claims with single commas, e.g. " + EXAMPLE + ",JsonBench.write>=35%");
            }
            Claim claim = parseOne(entry);
            String previous = seen.put(claim.pattern().text(), entry);
            if (previous != null) {
                throw new IllegalArgumentException("The benchmark " + claim.pattern().text() + " is claimed twice ('"
                        + previous + "' and '" + entry + "'); keep one claim per benchmark");
            }
            claims.add(claim);
        }
        return claims;
    }

    /**
     * Builds a claim from a POM {@code <claim>} entry.
     *
     * @param benchmark the benchmark pattern ({@code <benchmark>})
     * @param target the target percentage ({@code <target>}, e.g. {@code 20%}); null or blank for the default
     * @param reason why the change should be faster ({@code <reason>}); may be null
     * @throws IllegalArgumentException for a missing benchmark or a target outside (0%, 100%)
     */
    public static Claim of(String benchmark, String target, String reason) {
        if (benchmark == null || benchmark.isBlank()) {
            throw new IllegalArgumentException("A <claim> has no <benchmark>; name the benchmark that should be"
                    + " faster, e.g. <benchmark>ParserBench.parse</benchmark>");
        }
        String name = benchmark.trim();
        String what = "<claim> on " + name;
        checkName(name, what, true);
        double fraction = Claim.DEFAULT_TARGET;
        if (target != null && !target.isBlank()) {
            String text = target.trim();
            fraction = target(text.startsWith(">=") ? text.substring(2).trim() : text, what);
        }
        return new Claim(BenchmarkPattern.parse(name), fraction, reason);
    }

    /**
     * The claim as it is written on the command line, e.g. {@code ParserBench.parse>=20%}; parsing the text gives
     * the same pattern and target back (the reason is not part of it).
     */
    public static String format(Claim claim) {
        return claim.pattern().text() + ">=" + Percent.format(claim.target());
    }

    static Claim parseOne(String entry) {
        String what = "Claim '" + entry + "'";
        int op = operatorIndex(entry);
        String name = (op < 0 ? entry : entry.substring(0, op)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " names no benchmark; write e.g. " + EXAMPLE);
        }
        if (op < 0) {
            checkName(name, what, false);
            return new Claim(BenchmarkPattern.parse(name), Claim.DEFAULT_TARGET, "");
        }
        String rest = entry.substring(op);
        if (!rest.startsWith(">=")) {
            String written = rest.startsWith("=>") || rest.startsWith("<=") || rest.startsWith("==")
                    ? rest.substring(0, 2) : rest.substring(0, 1);
            throw new IllegalArgumentException(what + " uses '" + written + "'; a claim says the benchmark is at"
                    + " least the target faster, so write >=, e.g. " + name + ">=" + targetTextAfter(rest));
        }
        checkName(name, what, false);
        String targetText = rest.substring(2).trim();
        if (targetText.isEmpty()) {
            throw new IllegalArgumentException(what + " has no target after >=; write e.g. " + name + ">=20%, or "
                    + name + " alone for the default " + Percent.format(Claim.DEFAULT_TARGET));
        }
        return new Claim(BenchmarkPattern.parse(name), target(targetText, what), "");
    }

    /** The suggested target in an error message: the user's own number when there is one. */
    private static String targetTextAfter(String rest) {
        String digits = rest.replaceAll("^[<>=]+", "").trim();
        return digits.isEmpty() ? "20%" : digits.endsWith("%") ? digits : digits + "%";
    }

    private static double target(String text, String what) {
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text;
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException(what + ": the target '" + text + "' is not a percentage; write e.g. "
                    + "20% (20% less time per operation than the baseline)");
        }
        double value = Double.parseDouble(number);
        if (value <= 0) {
            throw new IllegalArgumentException(what + ": the target " + text + " must be above 0%; a claim promises"
                    + " an improvement, e.g. 20% (20% less time per operation)");
        }
        if (value >= 100) {
            throw new IllegalArgumentException(what + ": the target " + text + " must be below 100%; it is the time"
                    + " saved per operation, (baseline - current) / baseline, so 50% means twice as fast and 100%"
                    + " would mean no time at all");
        }
        if (!text.endsWith("%") && value < 1) {
            throw new IllegalArgumentException(what + ": the target " + text + " is ambiguous; write it as a"
                    + " percentage, e.g. " + trim(value * 100) + "% or " + trim(value) + "%");
        }
        return value / 100.0;
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Refuses names that carry a misplaced target or operator, which would otherwise match nothing. */
    private static void checkName(String name, String what, boolean pom) {
        String outside = name.replaceAll("\\[[^\\]]*\\]", "");
        String example = pom ? "<benchmark>ParserBench.parse</benchmark> <target>20%</target>" : EXAMPLE;
        for (char c : new char[] {'<', '>', '='}) {
            if (outside.indexOf(c) >= 0) {
                throw new IllegalArgumentException(what + ": the benchmark name '" + name + "' contains '" + c
                        + "'; write e.g. " + example);
            }
        }
        if (outside.contains("%")) {
            Matcher target = TRAILING_TARGET.matcher(name);
            String suggestion = !target.find() ? example : pom
                    ? "<benchmark>" + name.substring(0, target.start()).trim() + "</benchmark> <target>"
                            + target.group(1) + "%</target>"
                    : name.substring(0, target.start()).trim() + ">=" + target.group(1) + "%";
            throw new IllegalArgumentException(what + " has a target in the benchmark name; write e.g. " + suggestion);
        }
        if (outside.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + ": the benchmark name '" + name + "' contains a space;"
                    + " write e.g. " + example + (pom ? "" : " and separate claims with commas"));
        }
    }

    /** The index of the first comparison character outside brackets, or -1. */
    private static int operatorIndex(String entry) {
        int depth = 0;
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == '>' || c == '<' || c == '=')) {
                return i;
            }
        }
        return -1;
    }

    /** Splits at commas outside brackets. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
