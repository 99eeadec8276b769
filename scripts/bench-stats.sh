#!/usr/bin/env bash
# Measures the statistics engine: how long comparing 10,000 benchmarks (5 forks x 10 iterations each
# side, 99% interval) takes. Runs src/test/java/io/github/perfgate/bench/EstimatorBench.java with JMH in
# a forked JVM and prints the median over its measurement iterations.
#
# Usage: scripts/bench-stats.sh [extra JMH options, e.g. -f 1 -wi 2 -i 3 for a quick look]
set -euo pipefail
cd "$(dirname "$0")/.."

cp_file=target/bench-classpath.txt
./mvnw -q -B -DskipTests -Dinvoker.skip test-compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
json=target/bench-stats.json
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main EstimatorBench \
    -rf json -rff "$json" "$@"

# Median of all measurement iterations (ms per 1,000 comparisons) -> seconds per 10,000.
python3 - "$json" <<'PY'
import json, statistics, sys
for result in json.load(open(sys.argv[1])):
    raw = [v for fork in result["primaryMetric"]["rawData"] for v in fork]
    median = statistics.median(raw)
    params = result.get("params", {})
    print(f"EstimatorBench {params}: median {median:.1f} ms per 1,000 comparisons "
          f"(min {min(raw):.1f}, max {max(raw):.1f}, {len(raw)} iterations) "
          f"= {median * 10 / 1000:.2f} s per 10,000 benchmarks, one thread")
PY
