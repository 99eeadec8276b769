package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkKey;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which benchmarks a run selects, decided as JMH decides: a benchmark runs when its fully qualified method name
 * ({@code package.Class.method}) contains a match ({@code find()}) of some include expression (or there is none)
 * and of no exclude expression. A benchmark of the baseline that the selection leaves out is not missing: it was
 * not meant to run.
 *
 * <p>{@link #exactly(String)} builds the include expression that selects exactly one benchmark method, used by the
 * re-measure, the claims and every rerun hint: anchored at both ends and quoted, {@code ^\Qacme.ParserBench.parse\E$}
 * runs {@code parse} but neither {@code parseAll} nor {@code other.acme.ParserBench.parse}; all parameter
 * combinations of the method run. The expressions hold no comma (Maven splits {@code -Dperfgate.include} at commas)
 * and no single quote, so a command line can give them in single quotes:
 * {@code -Dperfgate.include='^\Qacme.ParserBench.parse\E$'}.
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

    /** The expression that selects exactly this benchmark method. */
    public static String exactly(BenchmarkKey key) {
        return exactly(key.name());
    }

    /** The expression that selects exactly the benchmark method of this full name, e.g. {@code acme.B.parse}. */
    public static String exactly(String benchmarkName) {
        return "^" + Pattern.quote(benchmarkName) + "$";
    }

    /** One expression per distinct benchmark method, in order. */
    public static List<String> exactly(Collection<BenchmarkKey> keys) {
        return keys.stream().map(BenchmarkSelection::exactly).distinct().toList();
    }

    /** The value of {@code -Dperfgate.include} that reruns exactly these benchmark methods (comma-separated). */
    public static String includeProperty(Collection<BenchmarkKey> keys) {
        return String.join(",", exactly(keys));
    }
}
