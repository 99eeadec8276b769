package io.github.perfgate.gate;

import io.github.perfgate.jmh.BenchmarkKey;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JMH {@code -include} expressions that select exactly the named benchmark methods. JMH runs every benchmark whose
 * full name ({@code package.Class.method}) contains a match of an include ({@code find()}), so an expression is
 * anchored at both ends and quotes the name: {@code ^\Qacme.ParserBench.parse\E$} runs {@code parse} but neither
 * {@code parseAll} nor {@code other.acme.ParserBench.parse}. All parameter combinations of a method run.
 *
 * <p>The expressions hold no comma (Maven splits {@code -Dperfgate.include} at commas) and no single quote, so a
 * command line can give them in single quotes: {@code -Dperfgate.include='^\Qacme.ParserBench.parse\E$'}.
 */
public final class BenchmarkSelection {

    private BenchmarkSelection() {
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
