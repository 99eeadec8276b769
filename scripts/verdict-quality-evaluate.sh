#!/usr/bin/env bash
# Evaluates the corpus of perfgate's verdict-quality benchmark offline (bench/verdict-quality/README.md): replays
# every pair of recorded runs through perfgate's gate and two naive rules and prints markdown tables. Takes
# seconds; runs no benchmark.
#
# Usage: scripts/verdict-quality-evaluate.sh [corpusDir] [--pairs]
#   corpusDir  default bench/verdict-quality/corpus
#   --pairs    also print perfgate's verdict sentence for every pair and case
#
# Environment:
#   MVN       the Maven command (default: this repository's ./mvnw)
#   MVN_ARGS  extra arguments for every Maven call, e.g. -Dmaven.repo.local=...
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

corpus=bench/verdict-quality/corpus
if [ $# -gt 0 ] && [ "$1" != --pairs ]; then
    corpus=$1
    shift
fi
mvn_cmd=${MVN:-./mvnw}
mvn_args=()
read -r -d '' -a mvn_args < <(printf '%s' "${MVN_ARGS:-}") || true
classpath_file=target/verdict-quality.classpath

"$mvn_cmd" -q -B "${mvn_args[@]+"${mvn_args[@]}"}" test-compile -Dinvoker.skip=true
if [ ! -s "$classpath_file" ] || [ pom.xml -nt "$classpath_file" ]; then
    "$mvn_cmd" -q -B "${mvn_args[@]+"${mvn_args[@]}"}" dependency:build-classpath -Dmdep.includeScope=test \
        "-Dmdep.outputFile=$classpath_file"
fi
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
    io.github.perfgate.quality.VerdictQuality "$corpus" "$@"
