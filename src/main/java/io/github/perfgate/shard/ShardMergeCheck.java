package io.github.perfgate.shard;

import io.github.perfgate.model.Baseline;
import io.github.perfgate.model.BenchmarkKey;
import io.github.perfgate.shard.ShardProblem.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether N shard results make one suite that a merge may judge as if one check had run it: every K of 1..N once,
 * cut from the same baseline, with the same settings and the same selection, every selected benchmark in exactly one
 * shard. {@link #check} lists every problem it finds, each with the shards and benchmarks concerned, so one BUILD
 * ERROR can name them all.
 *
 * <p>When the results disagree on N, only that is reported: which shard is missing or which benchmark is doubled
 * means nothing across two different splits.
 */
public final class ShardMergeCheck {

    /** How many benchmark names a message lists before it says {@code and 12 more}. */
    static final int NAMED = 10;

    private ShardMergeCheck() {
    }

    /** The problems of these shard results, none when they can be merged. */
    public static List<ShardProblem> check(Collection<ShardResult> results) {
        List<ShardResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingInt((ShardResult r) -> r.shard().index()).thenComparing(ShardResult::source));
        List<ShardProblem> problems = new ArrayList<>();
        if (sorted.isEmpty()) {
            problems.add(new ShardProblem(Kind.NO_SHARDS, "No shard result to merge; point perfgate.shards at the"
                    + " folder the shard jobs' target/perfgate/ artifacts were downloaded into, or list the files",
                    List.of(), List.of()));
            return problems;
        }
        Map<Integer, List<ShardResult>> byCount = group(sorted, r -> r.shard().count());
        if (byCount.size() > 1) {
            problems.add(new ShardProblem(Kind.SHARD_COUNT_MISMATCH, "The shard results were cut for different"
                    + " numbers of shards: " + groups(byCount, n -> "N=" + n) + "; merge the results of one run of N"
                    + " jobs, all with -Dperfgate.shard=K/N for the same N", describe(sorted), List.of()));
            return problems;
        }
        int n = sorted.get(0).shard().count();
        shards(sorted, n, problems);
        sameEverywhere(sorted, ShardResult::baseline, Kind.BASELINE_MISMATCH, "The shards were cut from different"
                + " baselines", "baseline", "; run every shard job on the same commit, with the same baseline file",
                problems);
        sameEverywhere(sorted, ShardResult::settings, Kind.SETTINGS_MISMATCH, "The shards ran with different"
                + " settings", "settings", "; give every shard job the same perfgate parameters", problems);
        List<BenchmarkKey> selection = selection(sorted, problems);
        benchmarks(sorted, selection, problems);
        return problems;
    }

    /** Missing and doubled K. */
    private static void shards(List<ShardResult> sorted, int n, List<ShardProblem> problems) {
        Map<Integer, List<ShardResult>> byIndex = group(sorted, r -> r.shard().index());
        for (int k = 1; k <= n; k++) {
            List<ShardResult> same = byIndex.get(k);
            Shard shard = new Shard(k, n);
            if (same == null) {
                problems.add(new ShardProblem(Kind.MISSING_SHARD, "Shard " + shard + " is missing: no result for it"
                        + " among the " + sorted.size() + " given (" + present(byIndex.keySet(), n) + "); download"
                        + " the artifact of the job that ran -Dperfgate.shard=" + shard + ", or rerun that job",
                        List.of(shard.toString()), List.of()));
            } else if (same.size() > 1) {
                problems.add(new ShardProblem(Kind.DUPLICATE_SHARD, "Shard " + shard + " has " + same.size()
                        + " results: " + same.stream().map(ShardResult::source).collect(Collectors.joining(", "))
                        + "; keep the one of the run to merge and remove the other"
                        + (same.size() > 2 ? "s" : ""), describe(same), List.of()));
            }
        }
    }

    private static String present(Set<Integer> indices, int n) {
        if (indices.isEmpty()) {
            return "none";
        }
        return "shard" + (indices.size() == 1 ? " " : "s ") + new TreeSet<>(indices).stream()
                .map(k -> k + "/" + n).collect(Collectors.joining(", "));
    }

    private static void sameEverywhere(List<ShardResult> sorted, Function<ShardResult, String> value, Kind kind,
            String what, String label, String fix, List<ShardProblem> problems) {
        Map<String, List<ShardResult>> byValue = group(sorted, value);
        if (byValue.size() > 1) {
            problems.add(new ShardProblem(kind, what + ": " + groups(byValue, v -> label + " "
                    + (v.isEmpty() ? "(none recorded)" : "'" + v + "'")) + fix, describe(sorted), List.of()));
        }
    }

    /**
     * The selection the plan was cut from: the one most shards have (ties: the first shard's). Shards with another
     * are reported, with what they lack and add.
     */
    private static List<BenchmarkKey> selection(List<ShardResult> sorted, List<ShardProblem> problems) {
        Map<Set<BenchmarkKey>, List<ShardResult>> bySelection = group(sorted, r -> new HashSet<>(r.selected()));
        if (bySelection.size() == 1) {
            return sorted.get(0).selected();
        }
        Set<BenchmarkKey> reference = bySelection.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<Set<BenchmarkKey>, List<ShardResult>> e) -> e.getValue().size()))
                .orElseThrow().getKey();
        List<ShardResult> agree = bySelection.get(reference);
        for (Map.Entry<Set<BenchmarkKey>, List<ShardResult>> e : bySelection.entrySet()) {
            if (e.getKey().equals(reference)) {
                continue;
            }
            List<BenchmarkKey> lacks = inKeyOrder(reference.stream().filter(k -> !e.getKey().contains(k)).toList());
            List<BenchmarkKey> adds = inKeyOrder(e.getKey().stream().filter(k -> !reference.contains(k)).toList());
            StringBuilder s = new StringBuilder("The shards were planned from different selections of benchmarks: ")
                    .append(names(e.getValue())).append(" selected ").append(e.getKey().size()).append(", ")
                    .append(names(agree)).append(' ').append(reference.size());
            if (!lacks.isEmpty()) {
                s.append("; only the latter select ").append(list(lacks));
            }
            if (!adds.isEmpty()) {
                s.append("; only the former select ").append(list(adds));
            }
            s.append("; give every shard job the same perfgate.include and perfgate.exclude, on the same commit");
            List<BenchmarkKey> concerned = new ArrayList<>(lacks);
            concerned.addAll(adds);
            problems.add(new ShardProblem(Kind.SELECTION_MISMATCH, s.toString(), describe(e.getValue()), concerned));
        }
        return List.copyOf(reference);
    }

    /** Benchmarks in two shards, in none, or outside the selection. */
    private static void benchmarks(List<ShardResult> sorted, List<BenchmarkKey> selection,
            List<ShardProblem> problems) {
        Set<BenchmarkKey> selected = new HashSet<>(selection);
        Map<BenchmarkKey, ShardResult> owner = new HashMap<>(selected.size() * 2);
        // By pair of results, in shard order: one problem per pair, however many benchmarks both hold.
        Map<List<ShardResult>, List<BenchmarkKey>> doubled = new LinkedHashMap<>();
        for (ShardResult result : sorted) {
            List<BenchmarkKey> unplanned = new ArrayList<>();
            for (BenchmarkKey key : new LinkedHashSet<>(result.ran())) {
                ShardResult first = owner.putIfAbsent(key, result);
                if (first != null && first.shard().index() != result.shard().index()) {
                    doubled.computeIfAbsent(List.of(first, result), p -> new ArrayList<>()).add(key);
                }
                if (!selected.contains(key)) {
                    unplanned.add(key);
                }
            }
            if (!unplanned.isEmpty()) {
                List<BenchmarkKey> keys = inKeyOrder(unplanned);
                problems.add(new ShardProblem(Kind.UNPLANNED_BENCHMARK, capitalised(result.describe()) + " has results"
                        + " for " + count(keys) + " outside the selection the shards were planned from: " + list(keys)
                        + "; it ran with another perfgate.include or on other code than the other shards",
                        List.of(result.describe()), keys));
            }
        }
        for (Map.Entry<List<ShardResult>, List<BenchmarkKey>> e : doubled.entrySet()) {
            ShardResult a = e.getKey().get(0);
            ShardResult b = e.getKey().get(1);
            List<BenchmarkKey> keys = inKeyOrder(e.getValue());
            problems.add(new ShardProblem(Kind.DUPLICATE_BENCHMARK, count(keys) + (keys.size() == 1 ? " has" : " have")
                    + " results in both " + a.describe() + " and " + b.describe() + ": " + list(keys) + "; every"
                    + " benchmark must run in exactly one shard: were both jobs given the same baseline and settings,"
                    + " and no perfgate.include of their own?", List.of(a.describe(), b.describe()), keys));
        }
        List<BenchmarkKey> missing = inKeyOrder(selection.stream().filter(k -> !owner.containsKey(k)).toList());
        if (!missing.isEmpty()) {
            boolean shardMissing = problems.stream().anyMatch(p -> p.kind() == Kind.MISSING_SHARD);
            problems.add(new ShardProblem(Kind.MISSING_BENCHMARK, count(missing) + " of the selection "
                    + (missing.size() == 1 ? "has" : "have") + " results in no shard: " + list(missing)
                    + (shardMissing ? "; the missing shard held them"
                            : "; a shard's run left them out: see its log, and rerun that shard"),
                    List.of(), missing));
        }
    }

    private static <K> Map<K, List<ShardResult>> group(List<ShardResult> sorted, Function<ShardResult, K> by) {
        Map<K, List<ShardResult>> map = new LinkedHashMap<>();
        for (ShardResult r : sorted) {
            map.computeIfAbsent(by.apply(r), k -> new ArrayList<>()).add(r);
        }
        return map;
    }

    private static <K> String groups(Map<K, List<ShardResult>> groups, Function<K, String> label) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<K, List<ShardResult>> e : groups.entrySet()) {
            parts.add(label.apply(e.getKey()) + " in " + names(e.getValue()));
        }
        return String.join("; ", parts);
    }

    private static String names(List<ShardResult> results) {
        return results.stream().map(ShardResult::describe).collect(Collectors.joining(", "));
    }

    private static List<String> describe(List<ShardResult> results) {
        return results.stream().map(ShardResult::describe).toList();
    }

    private static List<BenchmarkKey> inKeyOrder(Collection<BenchmarkKey> keys) {
        return Baseline.inKeyOrder(keys, Function.identity());
    }

    private static String count(List<BenchmarkKey> keys) {
        return keys.size() + (keys.size() == 1 ? " benchmark" : " benchmarks");
    }

    /** Up to {@value #NAMED} benchmarks, then how many more. */
    static String list(List<BenchmarkKey> keys) {
        String named = keys.stream().limit(NAMED).map(BenchmarkKey::toString).collect(Collectors.joining(", "));
        return keys.size() > NAMED ? named + " and " + (keys.size() - NAMED) + " more" : named;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
