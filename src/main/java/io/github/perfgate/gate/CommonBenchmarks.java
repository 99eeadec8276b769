package io.github.perfgate.gate;

import io.github.perfgate.model.BenchmarkKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether two sets of results share a benchmark (same name and parameters, in any mode), so that comparing them
 * can say anything: two files of different projects, or a JMH result of other benchmarks, would otherwise
 * "pass" with nothing compared.
 */
public final class CommonBenchmarks {

    /** How many names of each side a message lists. */
    static final int SHOWN = 5;

    private CommonBenchmarks() {
    }

    /**
     * Empty when at least one benchmark is on both sides; otherwise the sentence that says so and lists a few
     * names of each side.
     *
     * @param baseLabel names the reference side in the message, e.g. {@code perfgate.base (old.json)}
     * @param currentLabel names the other side
     */
    public static Optional<String> problem(Collection<BenchmarkKey> base, Collection<BenchmarkKey> current,
            String baseLabel, String currentLabel) {
        boolean shared = base.stream().anyMatch(b -> current.stream().anyMatch(b::sameBenchmark));
        if (shared) {
            return Optional.empty();
        }
        return Optional.of(baseLabel + " and " + currentLabel + " have no benchmark in common, so nothing can be"
                + " compared. " + baseLabel + " holds " + names(base) + "; " + currentLabel + " holds "
                + names(current) + ". Compare results of the same benchmarks: two perfgate baselines or JMH JSON"
                + " results (-rf json) of the same project.");
    }

    /** {@code a.B.x, a.B.y and 3 more}, or {@code no benchmark}. */
    static String names(Collection<BenchmarkKey> keys) {
        List<String> names = keys.stream().map(BenchmarkKey::displayName).distinct().sorted().toList();
        if (names.isEmpty()) {
            return "no benchmark";
        }
        String shown = String.join(", ", names.subList(0, Math.min(SHOWN, names.size())));
        return names.size() > SHOWN ? shown + " and " + (names.size() - SHOWN) + " more" : shown;
    }
}
