#!/usr/bin/env bash
# Evaluates the A/B corpus of perfgate's verdict-quality benchmark offline (bench/verdict-quality/README.md, "A/B
# mode"): replays every window of consecutive recorded rounds through the A/B mode's statistics and prints markdown
# tables, beside today's baseline mode on bench/verdict-quality/corpus. Takes seconds; runs no benchmark.
#
# Usage: scripts/verdict-quality-evaluate-ab.sh [corpusDir]
#        scripts/verdict-quality-evaluate-ab.sh --adaptive [corpusDir]
#   corpusDir   default bench/verdict-quality/corpus-ab (record it with bench/verdict-quality/record-ab.sh)
#   --adaptive  issue 14's study instead: CPU time against wall time, adaptive against fixed rounds, through the
#               product's A/B code (io.github.perfgate.quality.AbAdaptiveQuality) on a corpus of the pairs layout
#               recorded with CPU time; corpusDir default bench/verdict-quality/corpus-ab-cpu
#
# Environment:
#   MVN       the Maven command (default: this repository's ./mvnw)
#   MVN_ARGS  extra arguments for every Maven call, e.g. -o
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

evaluator=io.github.perfgate.quality.AbVerdictQuality
default_corpus=bench/verdict-quality/corpus-ab
if [ "${1:-}" = --adaptive ]; then
    evaluator=io.github.perfgate.quality.AbAdaptiveQuality
    default_corpus=bench/verdict-quality/corpus-ab-cpu
    shift
fi
corpus=${1:-$default_corpus}
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
    "$evaluator" "$corpus"
