#!/usr/bin/env bash
# Records the corpus of perfgate's verdict-quality benchmark (bench/verdict-quality/README.md).
#
# Usage: scripts/verdict-quality-record.sh [runs] [quiet|hog|both]
#   runs   recordings per condition (default 10)
#   quiet  nothing else runs: start it on an idle machine
#   hog    two CPU-bound processes (HOGS) share the machine for the whole of each recording
#   both   (default) both conditions, interleaved run by run so that slow drift of the machine over the
#          recording does not masquerade as a difference between the conditions
#
# Every recording is `perfgate:baseline` of bench/verdict-quality/subject at perfgate's DEFAULT settings, written
# to <corpus>/<condition>/run-NN.json (numbering continues after existing files; delete a condition's directory to
# start over). Wall-clock seconds, benchmark count and load average per run go to <corpus>/<condition>/timings.tsv.
# At the defaults one recording takes about 2.8 minutes: 10 runs of both conditions take about 55 minutes.
#
# Environment:
#   CORPUS           corpus directory (default bench/verdict-quality/corpus)
#   PERFGATE_EXTRA   extra arguments for the recording only, e.g. shortened settings for a smoke run:
#                    PERFGATE_EXTRA='-Dperfgate.forks=1 -Dperfgate.iterations=2 -Dperfgate.time=200ms
#                    -Dperfgate.warmupIterations=1 -Dperfgate.warmupTime=200ms'
#   MVN_ARGS         extra arguments for every Maven call, e.g. -o or -Dmaven.repo.local=...
#   MVN              the Maven command (default: this repository's ./mvnw)
#   HOGS             CPU-bound processes in the hog condition (default 2)
#   LOCK_WAIT_SECONDS  how long to wait while another JMH run holds JMH's lock (default 3600)
#   SETTLE_SECONDS   pause before each recording (default 5)
#   VQ_SKIP_INSTALL  1 to use the installed plugin as it is instead of installing this checkout first
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runs=${1:-10}
which=${2:-both}
case "$runs" in
    '' | *[!0-9]* | 0) echo "runs must be a positive number, got '$runs'" >&2; exit 2 ;;
esac
case "$which" in
    quiet) conditions=(quiet) ;;
    hog) conditions=(hog) ;;
    both) conditions=(quiet hog) ;;
    *) echo "condition must be quiet, hog or both, got '$which'" >&2; exit 2 ;;
esac

corpus=${CORPUS:-bench/verdict-quality/corpus}
mkdir -p "$corpus"
corpus=$(cd "$corpus" && pwd)
subject=bench/verdict-quality/subject/pom.xml
logs=bench/verdict-quality/subject/target/verdict-quality-logs
mvn_cmd=${MVN:-./mvnw}
hog_count=${HOGS:-2}
lock_wait_seconds=${LOCK_WAIT_SECONDS:-3600}
settle_seconds=${SETTLE_SECONDS:-5}
# These two hold several arguments, separated by spaces or new lines.
mvn_args=()
extra=()
read -r -d '' -a mvn_args < <(printf '%s' "${MVN_ARGS:-}") || true
read -r -d '' -a extra < <(printf '%s' "${PERFGATE_EXTRA:-}") || true
settings=${extra[*]+"${extra[*]}"}
settings=${settings:-defaults}

hog_pids=()

# A hog is a shell spinning on arithmetic (pure user CPU). Every 100,000 iterations (a fraction of a second) it checks
# that this script still runs, so that no hog survives even a kill -9 of the script.
start_hogs() {
    local i
    for ((i = 0; i < hog_count; i++)); do
        sh -c 'while kill -0 "$1" 2> /dev/null; do i=0; while [ "$i" -lt 100000 ]; do i=$((i + 1)); done; done' \
            hog $$ &
        hog_pids+=("$!")
    done
}

stop_hogs() {
    local pid
    for pid in "${hog_pids[@]+"${hog_pids[@]}"}"; do
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    hog_pids=()
}

trap stop_hogs EXIT
trap 'stop_hogs; exit 130' INT
trap 'stop_hogs; exit 143' TERM

# The next free run number in a condition's directory.
next_run() {
    local dir=$1 last=0 file n
    for file in "$dir"/run-*.json; do
        [ -e "$file" ] || continue
        n=${file##*/run-}
        n=${n%.json}
        n=$((10#$n))
        if ((n > last)); then last=$n; fi
    done
    echo $((last + 1))
}

record_one() {
    local condition=$1 dir number name file log start end seconds benchmarks load
    dir=$corpus/$condition
    mkdir -p "$dir" "$logs"
    number=$(next_run "$dir")
    name=$(printf 'run-%02d' "$number")
    file=$dir/$name.json
    log=$logs/$condition-$name.log
    local waited=0
    # Let the machine settle (the hogs of the previous run, Maven's own JVM) before measuring.
    sleep "$settle_seconds"
    while :; do
        load=$(cut -d' ' -f1 /proc/loadavg 2> /dev/null || echo NA)
        echo "$(date '+%H:%M:%S') $condition $name (load average $load) ..."
        if [ "$condition" = hog ]; then
            start_hogs
        fi
        start=$(date +%s%N)
        if "$mvn_cmd" -B "${mvn_args[@]+"${mvn_args[@]}"}" -f "$subject" test-compile perfgate:baseline \
                "-Dperfgate.baselineFile=$file" "${extra[@]+"${extra[@]}"}" > "$log" 2>&1; then
            end=$(date +%s%N)
            stop_hogs
            break
        fi
        stop_hogs
        # Another JMH run on this machine holds JMH's lock: wait for it rather than measure beside it.
        if grep -q 'Unable to acquire the JMH lock' "$log" && ((waited < lock_wait_seconds)); then
            echo "Another JMH run holds its lock (/tmp/jmh.lock); waiting 30 s" >&2
            sleep 30
            waited=$((waited + 30))
            continue
        fi
        tail -n 40 "$log" >&2
        echo "Recording $condition/$name failed; the full log is $log" >&2
        exit 1
    done
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
    benchmarks=$(grep -c '"benchmark" *:' "$file" || true)
    if [ ! -s "$dir/timings.tsv" ]; then
        printf 'run\tseconds\tbenchmarks\tload1\tsettings\n' > "$dir/timings.tsv"
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$seconds" "$benchmarks" "$load" "$settings" \
        >> "$dir/timings.tsv"
    echo "$(date '+%H:%M:%S') $condition $name: $benchmarks benchmarks in $seconds s -> $file"
}

if [ "${VQ_SKIP_INSTALL:-0}" != 1 ]; then
    echo "Installing the plugin from this checkout ..."
    "$mvn_cmd" -B -q "${mvn_args[@]+"${mvn_args[@]}"}" install -DskipTests -Dinvoker.skip=true
fi
"$mvn_cmd" -B -q "${mvn_args[@]+"${mvn_args[@]}"}" -f "$subject" test-compile

for ((run = 1; run <= runs; run++)); do
    for condition in "${conditions[@]}"; do
        record_one "$condition"
    done
done
echo "Done. Evaluate with: scripts/verdict-quality-evaluate.sh $corpus"
