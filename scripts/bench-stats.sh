#!/usr/bin/env bash
# Measures the statistics engine: how long comparing 10,000 benchmarks (5 forks x 10 iterations each
# side, 99% interval) takes. compare1000 is perfgate's engine; literal1000, the yardstick, is a literal
# two-level bootstrap that builds and sorts each resampled fork. Runs
# src/test/java/io/github/perfgate/bench/EstimatorBench.java with JMH in a forked JVM and prints the
# median over its measurement iterations, by wall clock and by the benchmark thread's CPU time (on a
# loaded machine the wall clock also counts other processes' turns).
#
# Usage: scripts/bench-stats.sh [extra JMH options: -f 1 -wi 2 -i 3 for a quick look, -e literal1000
#        to skip the slow yardstick]
# Needs java 17+ and python3. JMH refuses to start while another JMH run holds /tmp/jmh.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

cp_file=target/bench-classpath.txt
./mvnw -q -B -DskipTests -Dinvoker.skip test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
json=target/bench-stats.json
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main EstimatorBench \
    -rf json -rff "$json" "$@"

# Median over all measurement iterations of the wall-clock time per op (1,000 comparisons) and of the
# benchmark thread's CPU time per op; times 10 gives a 10,000-benchmark comparison.
python3 - "$json" <<'PY'
import json, statistics, sys
for result in json.load(open(sys.argv[1])):
    wall = [v for fork in result["primaryMetric"]["rawData"] for v in fork]
    aux = result.get("secondaryMetrics", {})
    cpu = [n / c / 1e6 for nf, cf in zip(aux["cpuNanos"]["rawData"], aux["calls"]["rawData"])
           for n, c in zip(nf, cf) if c > 0] if "cpuNanos" in aux else []
    params = result.get("params", {})
    name = result["benchmark"].rsplit(".", 1)[-1]
    print(f"{name} {params}, {len(wall)} iterations, ms per 1,000 comparisons:")
    print(f"  wall clock: median {statistics.median(wall):.1f} (min {min(wall):.1f}, max {max(wall):.1f})"
          f" = {statistics.median(wall) / 100:.2f} s per 10,000 benchmarks, one thread")
    if cpu:
        print(f"  thread CPU: median {statistics.median(cpu):.1f} (min {min(cpu):.1f}, max {max(cpu):.1f})"
              f" = {statistics.median(cpu) / 100:.2f} s per 10,000 benchmarks, one thread")
PY
