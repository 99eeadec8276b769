package io.github.perfgate.gate;

import io.github.perfgate.jmh.BenchmarkKey;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which benchmarks a run selected with {@code include}/{@code exclude}, decided as JMH decides: a benchmark runs
 * when its fully qualified method name contains a match of some include expression (or there is none) and of no
 * exclude expression. A benchmark of the baseline that the selection leaves out is not missing: it was not meant
 * to run.
 */
public final class BenchmarkSelection {

    /** Every benchmark: no include, no exclude. */
    public static final BenchmarkSelection ALL = new BenchmarkSelection(List.of(), List.of());

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    /**
     * @throws IllegalArgumentException when an expression is not a valid regular expression
     */
    public BenchmarkSelection(List<String> include, List<String> exclude) {
        this.include = compile(include);
        this.exclude = compile(exclude);
    }

    /** True when the run selected this benchmark. */
    public boolean selects(BenchmarkKey key) {
        String name = key.name();
        boolean included = include.isEmpty() || include.stream().anyMatch(p -> p.matcher(name).find());
        return included && exclude.stream().noneMatch(p -> p.matcher(name).find());
    }

    /** True when every benchmark is selected. */
    public boolean selectsAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    private static List<Pattern> compile(List<String> regexes) {
        try {
            return regexes.stream().map(Pattern::compile).toList();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + e.getPattern() + "' is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }
}
