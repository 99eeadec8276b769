package io.github.perfgate.shard;

import io.github.perfgate.gate.BenchmarkSelection;
import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which benchmarks each of N shards runs, so that N CI jobs given the same inputs run disjoint sets whose union is
 * the whole selection, and finish at about the same time.
 *
 * <p><b>The unit is the benchmark method</b> ({@code package.Class.method}), with all its parameter combinations and
 * modes: JMH selects benchmarks by a regular expression over the method's full name ({@code find()} against
 * {@code package.Class.method}), never by parameter values or mode, so a combination cannot be sent to another
 * shard than its method's. A method weighs the sum of its benchmarks' durations.
 *
 * <p><b>Longest first into the lightest shard</b> (LPT, Graham 1969): the methods sorted by duration, longest first,
 * ties by name; each goes to the shard with the least duration so far, ties to the lowest shard number. The longest
 * shard is then at most {@code 4/3 - 1/(3N)} of the optimum, and on a realistic mix (200 methods, log-normal durations) within 0.2% of the mean
 * ({@code ShardPlanTest} has the figures), unless one method is longer than the mean, which then is its shard alone.
 * Durations are whole nanoseconds and summed exactly, so the plan depends only on the set of benchmarks and their
 * durations, not on the order they were given in, the machine or the JVM.
 */
public final class ShardPlan {

    private final List<List<BenchmarkKey>> benchmarks;
    private final List<List<String>> methods;
    private final long[] loads;
    private final Map<String, Integer> shardOfMethod;

    private ShardPlan(List<List<BenchmarkKey>> benchmarks, List<List<String>> methods, long[] loads,
            Map<String, Integer> shardOfMethod) {
        this.benchmarks = benchmarks;
        this.methods = methods;
        this.loads = loads;
        this.shardOfMethod = shardOfMethod;
    }

    /**
     * Plans {@code shards} shards of the selected benchmarks.
     *
     * @param selected the benchmarks the run selects (each parameter combination and mode); duplicates count once
     * @param duration each benchmark's duration, e.g. {@link RunSettings#recordedOrEstimated}; negative counts as 0
     * @param shards N, at least 1
     */
    public static ShardPlan plan(Collection<BenchmarkKey> selected, Function<BenchmarkKey, Duration> duration,
            int shards) {
        Objects.requireNonNull(duration, "duration");
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1: " + shards);
        }
        record Method(String name, List<BenchmarkKey> keys, long nanos) {
        }
        Map<String, List<BenchmarkKey>> byName = selected.stream().distinct()
                .collect(Collectors.groupingBy(BenchmarkKey::name));
        List<Method> order = new ArrayList<>(byName.size());
        for (Map.Entry<String, List<BenchmarkKey>> e : byName.entrySet()) {
            long nanos = 0;
            for (BenchmarkKey key : e.getValue()) {
                nanos = saturatedAdd(nanos, nanosOf(duration.apply(key)));
            }
            order.add(new Method(e.getKey(), e.getValue(), nanos));
        }
        order.sort(Comparator.comparingLong(Method::nanos).reversed().thenComparing(Method::name));

        long[] loads = new long[shards];
        List<List<BenchmarkKey>> keys = new ArrayList<>(shards);
        List<List<String>> names = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            keys.add(new ArrayList<>());
            names.add(new ArrayList<>());
        }
        Map<String, Integer> shardOf = new HashMap<>(order.size() * 2);
        for (Method method : order) {
            int lightest = 0;
            for (int s = 1; s < shards; s++) {
                if (loads[s] < loads[lightest]) {
                    lightest = s;
                }
            }
            loads[lightest] = saturatedAdd(loads[lightest], method.nanos());
            keys.get(lightest).addAll(method.keys());
            names.get(lightest).add(method.name());
            shardOf.put(method.name(), lightest + 1);
        }
        List<List<BenchmarkKey>> sortedKeys = new ArrayList<>(shards);
        List<List<String>> sortedNames = new ArrayList<>(shards);
        for (int s = 0; s < shards; s++) {
            sortedKeys.add(Baseline.inKeyOrder(keys.get(s), Function.identity()));
            List<String> n = new ArrayList<>(names.get(s));
            Collections.sort(n);
            sortedNames.add(List.copyOf(n));
        }
        return new ShardPlan(List.copyOf(sortedKeys), List.copyOf(sortedNames), loads, Map.copyOf(shardOf));
    }

    /** N. */
    public int shardCount() {
        return loads.length;
    }

    /** The benchmarks of this shard (every parameter combination and mode), in key order. */
    public List<BenchmarkKey> benchmarks(Shard shard) {
        return benchmarks.get(checked(shard));
    }

    /** The benchmark methods of this shard, sorted. */
    public List<String> methods(Shard shard) {
        return methods.get(checked(shard));
    }

    /** The summed duration of this shard's benchmarks. */
    public Duration duration(Shard shard) {
        return Duration.ofNanos(loads[checked(shard)]);
    }

    /** The shard that runs this benchmark method, or empty when it is not in the plan. */
    public Optional<Shard> shardOf(String method) {
        Integer k = shardOfMethod.get(method);
        return k == null ? Optional.empty() : Optional.of(new Shard(k, loads.length));
    }

    /**
     * The JMH include expressions that run exactly this shard's benchmarks, one per method
     * ({@link BenchmarkSelection#exactly(String)}: {@code ^\Qacme.ParserBench.parse\E$}). They replace the user's
     * include expressions (the plan was cut from what those selected); the excludes may stay. Empty for a shard
     * without benchmarks (more shards than methods): JMH given no include runs everything, so such a shard must not
     * run JMH at all.
     */
    public List<String> includes(Shard shard) {
        return methods(shard).stream().map(BenchmarkSelection::exactly).toList();
    }

    /**
     * One expression for this shard's methods, the anchored alternatives of {@link #includes}:
     * {@code ^(?:\Qa.B.m\E|\Qa.B.n\E)$}; empty for a shard without benchmarks (see {@link #includes}). It has no
     * comma, so it survives Maven's splitting of {@code -Dperfgate.include} at commas.
     */
    public Optional<String> include(Shard shard) {
        List<String> names = methods(shard);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(names.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "^(?:", ")$")));
    }

    private int checked(Shard shard) {
        if (shard.count() != loads.length) {
            throw new IllegalArgumentException("shard " + shard + " is not a shard of this plan of " + loads.length);
        }
        return shard.index() - 1;
    }

    private static long nanosOf(Duration d) {
        if (d == null || d.isNegative()) {
            return 0;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ShardPlan[");
        for (int k = 0; k < loads.length; k++) {
            s.append(k == 0 ? "" : ", ").append(k + 1).append(": ").append(methods.get(k).size()).append(" methods ")
                    .append(Duration.ofNanos(loads[k]));
        }
        return s.append(']').toString();
    }
}
