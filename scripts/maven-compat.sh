#!/usr/bin/env bash
# Runs the gate on a copy of examples/quickstart with other Maven versions (downloaded from Maven Central into
# target/maven-compat): records a baseline, checks unchanged code (must pass), checks a 5x slowdown (must fail).
# Usage: scripts/maven-compat.sh [version ...]     (default: 3.6.3 4.0.0-rc-4)
# Needs the plugin installed first: ./mvnw -B install -DskipTests -Dinvoker.skip=true
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(3.6.3 4.0.0-rc-4)
work="$root/target/maven-compat"
mkdir -p "$work"
status=0
for v in "${versions[@]}"; do
  home="$work/apache-maven-$v"
  if [ ! -x "$home/bin/mvn" ]; then
    curl -sSfL "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$v/apache-maven-$v-bin.tar.gz" \
      | tar xz -C "$work"
  fi
  project="$work/quickstart-$v"
  rm -rf "$project" && cp -r examples/quickstart "$project" && rm -rf "$project/perf" "$project/target"
  mvn=("$home/bin/mvn" -B -f "$project/pom.xml" -Dperfgate.regressionThreshold=100%)
  echo "== Maven $v"
  "${mvn[@]}" test-compile perfgate:baseline > "$work/$v-baseline.log" 2>&1 || { echo "baseline FAILED (see $work/$v-baseline.log)"; status=1; continue; }
  if "${mvn[@]}" verify > "$work/$v-unchanged.log" 2>&1; then echo "unchanged code: passed (expected)"; else echo "unchanged code: FAILED (see $work/$v-unchanged.log)"; status=1; fi
  if "${mvn[@]}" verify -Dperfgate.jmhArgs="-jvmArgsAppend -Dslowdown=5" > "$work/$v-slowed.log" 2>&1; then
    echo "5x slower: passed (NOT expected, see $work/$v-slowed.log)"; status=1
  else
    grep -m1 "regressed +" "$work/$v-slowed.log" | sed 's/^/5x slower: failed (expected): /'
  fi
done
exit $status
