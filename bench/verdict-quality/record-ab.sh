#!/usr/bin/env bash
# Records the A/B corpus of perfgate's verdict-quality benchmark (bench/verdict-quality/README.md, "A/B mode").
#
# Usage: bench/verdict-quality/record-ab.sh [runs] [hog|quiet|both]
#   runs   recordings per condition (default 3)
#   hog    two CPU-bound processes (HOGS) share the machine for the whole of each recording
#   quiet  nothing else of ours runs
#   both   (default) all hog runs first, then all quiet runs
#
# One recording (a "run") is ROUNDS rounds (default 12). A round is two JMH launches of the same subject code back to
# back, side A and side B, in an order drawn per block of two rounds by a seeded coin (ABBA or BAAB, as
# io.github.perfgate.stats.RoundOrder does). Every launch runs one fork of each variant at the settings perfgate's
# A/B mode uses per fork (-f 1 -wi 2 -w 500ms -i 4 -r 500ms -prof gc). Both sides run the same code, so every
# variant exists on both sides: A.base against B.base is an A/A pair, A.base against B.slow30 a 30% slowdown.
#
# Per run, <corpus>/<condition>/run-NN/ holds:
#   round-NN-A.json, round-NN-B.json  JMH's JSON result of each launch
#   order.txt                         seed, then one line per round: round number and order (AB or BA)
#   timings.tsv                       per launch: round, side, position in the round, wall-clock ms (lock waits
#                                     excluded), lock waits in s, 1-minute load average after the launch
#   machine.txt                       uptime and the busiest processes before and after the run, the settings
# Numbering continues after existing runs; delete a condition's directory to start over.
#
# Environment:
#   CORPUS           corpus directory (default bench/verdict-quality/corpus-ab)
#   ROUNDS           rounds per run (default 12; keep it even so that every block is complete)
#   JMH_EXTRA        replaces the per-fork settings, e.g. for a smoke run: '-f 1 -wi 1 -w 100ms -i 2 -r 100ms'
#   SEED             base seed of the order coin (default 13; run NN of a condition uses SEED * 1000 + NN, plus
#                    500 for quiet)
#   MVN              the Maven command (default: this repository's ./mvnw)
#   MVN_ARGS         extra arguments for the Maven calls that build the subject, e.g. -o
#   HOGS             CPU-bound processes in the hog condition (default 2)
#   LOCK_WAIT_SECONDS  how long one launch waits while another JMH run holds JMH's lock (default 3600)
#   CPU              1 (default): add perfgate's CPU-time profiler (needs ./mvnw compile), 0: wall time only
#   LAYOUT           launch (default): a round is two launches, A and B, each one fork of every variant;
#                    pairs: as perfgate's A/B mode measures, a round is, per variant V (base, slow10, slow30,
#                    slow2x), two single-fork launches back to back, V ("cur") and base ("ref"), in the round's
#                    order (cur first for AB); files round-NN-V-cur.json and round-NN-V-ref.json. Use another
#                    CORPUS for it (e.g. bench/verdict-quality/corpus-ab-pairs).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

runs=${1:-3}
which=${2:-both}
case "$runs" in
    '' | *[!0-9]* | 0) echo "runs must be a positive number, got '$runs'" >&2; exit 2 ;;
esac
case "$which" in
    quiet) conditions=(quiet) ;;
    hog) conditions=(hog) ;;
    both) conditions=(hog quiet) ;;
    *) echo "condition must be hog, quiet or both, got '$which'" >&2; exit 2 ;;
esac
rounds=${ROUNDS:-12}
case "$rounds" in
    '' | *[!0-9]* | 0) echo "ROUNDS must be a positive number, got '$rounds'" >&2; exit 2 ;;
esac
if ((rounds % 2 != 0)); then
    echo "ROUNDS must be even (blocks of two rounds), got $rounds" >&2
    exit 2
fi

corpus=${CORPUS:-bench/verdict-quality/corpus-ab}
mkdir -p "$corpus"
corpus=$(cd "$corpus" && pwd)
subject=bench/verdict-quality/subject
logs=$subject/target/verdict-quality-ab-logs
classpath_file=$subject/target/ab.classpath
mvn_cmd=${MVN:-./mvnw}
hog_count=${HOGS:-2}
lock_wait_seconds=${LOCK_WAIT_SECONDS:-3600}
base_seed=${SEED:-13}
layout=${LAYOUT:-launch}
case "$layout" in
    launch | pairs) ;;
    *) echo "LAYOUT must be launch or pairs, got '$layout'" >&2; exit 2 ;;
esac
fork_settings=(-f 1 -wi 2 -w 500ms -i 4 -r 500ms)
if [ -n "${JMH_EXTRA:-}" ]; then
    read -r -d '' -a fork_settings < <(printf '%s' "$JMH_EXTRA") || true
fi
mvn_args=()
read -r -d '' -a mvn_args < <(printf '%s' "${MVN_ARGS:-}") || true
# The subject's benchmark methods are the variants (see ChecksumBench); slow43 is not needed here.
benchmarks='ChecksumBench\.(base|slow10|slow30|slow2x)$'

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

next_run() {
    local dir=$1 last=0 entry n
    for entry in "$dir"/run-*; do
        [ -d "$entry" ] || continue
        n=${entry##*/run-}
        n=$((10#$n))
        if ((n > last)); then last=$n; fi
    done
    echo $((last + 1))
}

machine_state() {
    echo "== $1 $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
    uptime
    echo "-- busiest processes over half a second (top):"
    top -b -n 2 -d 0.5 -w 200 | awk '/^top -/ { n++ } n == 2' | sed -n '7,16p'
    echo "-- ps: the 8 processes with the most CPU time since they started:"
    ps -eo pcpu,etimes,comm --sort=-pcpu | head -n 9
}

# One JMH launch; waits (and retries) while another JMH run holds JMH's lock. Prints the lock waits in seconds.
launch() {
    local file=$1 log=$2 selected=${3:-$benchmarks} waited=0
    while :; do
        if java -cp "$classpath" org.openjdk.jmh.Main "$selected" "${fork_settings[@]}" -prof gc "${cpu_prof[@]}" \
                -foe true \
                -rf json -rff "$file" > "$log" 2>&1; then
            echo "$waited"
            return 0
        fi
        if grep -q 'Unable to acquire the JMH lock' "$log" && ((waited < lock_wait_seconds)); then
            echo "Another JMH run holds its lock (/tmp/jmh.lock); waiting 10 s" >&2
            sleep 10
            waited=$((waited + 10))
            continue
        fi
        tail -n 40 "$log" >&2
        echo "JMH launch failed; the full log is $log" >&2
        return 1
    done
}

# LAYOUT=pairs: per variant, its fork and a fork of base back to back, in the round's order (AB: cur first).
record_pairs() {
    local dir=$1 round=$2 order=$3 logdir=$4 variant position role start end waited
    for variant in base slow10 slow30 slow2x; do
        for position in 1 2; do
            if [ "${order:position-1:1}" = A ]; then role=cur; else role=ref; fi
            local selected="ChecksumBench\\.$variant\$"
            if [ "$role" = ref ]; then selected='ChecksumBench\.base$'; fi
            start=$(date +%s%N)
            waited=$(launch "$dir/$(printf 'round-%02d-%s-%s.json' "$round" "$variant" "$role")" \
                "$logdir/$(printf 'round-%02d-%s-%s.log' "$round" "$variant" "$role")" "$selected")
            end=$(date +%s%N)
            printf '%02d\t%s-%s\t%s\t%s\t%s\t%s\n' "$round" "$variant" "$role" "$position" \
                $(((end - start) / 1000000 - waited * 1000)) "$waited" "$(cut -d' ' -f1 /proc/loadavg)" \
                >> "$dir/timings.tsv"
        done
    done
}

record_one() {
    local condition=$1 offset=$2 dir number name seed round first second side position start end waited order
    number=$(next_run "$corpus/$condition")
    name=$(printf 'run-%02d' "$number")
    dir=$corpus/$condition/$name
    mkdir -p "$dir" "$logs/$condition-$name"
    seed=$((base_seed * 1000 + offset + number))
    RANDOM=$seed
    {
        echo "condition $condition, $rounds rounds, layout $layout, per launch: $benchmarks ${fork_settings[*]} -prof gc ${cpu_prof[*]}"
        echo "java: $(java -version 2>&1 | head -n 1)"
        machine_state before
    } > "$dir/machine.txt"
    printf 'seed %s\n' "$seed" > "$dir/order.txt"
    printf 'round\tside\tposition\tms\tlock_wait_s\tload1\n' > "$dir/timings.tsv"
    echo "$(date '+%H:%M:%S') $condition $name: $rounds rounds (load average $(cut -d' ' -f1-3 /proc/loadavg)) ..."
    if [ "$condition" = hog ]; then
        start_hogs
        sleep 2
    fi
    for ((round = 1; round <= rounds; round++)); do
        # A coin per block of two rounds: ABBA or BAAB.
        if ((round % 2 == 1)); then
            if ((RANDOM % 2 == 0)); then order=AB; else order=BA; fi
        else
            order=${order:1:1}${order:0:1}
        fi
        printf '%02d\t%s\n' "$round" "$order" >> "$dir/order.txt"
        if [ "$layout" = pairs ]; then
            record_pairs "$dir" "$round" "$order" "$logs/$condition-$name"
            continue
        fi
        for position in 1 2; do
            side=${order:position-1:1}
            start=$(date +%s%N)
            waited=$(launch "$dir/$(printf 'round-%02d-%s.json' "$round" "$side")" \
                "$logs/$condition-$name/$(printf 'round-%02d-%s.log' "$round" "$side")")
            end=$(date +%s%N)
            printf '%02d\t%s\t%s\t%s\t%s\t%s\n' "$round" "$side" "$position" \
                $(((end - start) / 1000000 - waited * 1000)) "$waited" "$(cut -d' ' -f1 /proc/loadavg)" \
                >> "$dir/timings.tsv"
        done
    done
    stop_hogs
    machine_state after >> "$dir/machine.txt"
    echo "$(date '+%H:%M:%S') $condition $name done (load average $(cut -d' ' -f1-3 /proc/loadavg)) -> $dir"
}

"$mvn_cmd" -B -q "${mvn_args[@]+"${mvn_args[@]}"}" -f "$subject/pom.xml" test-compile
"$mvn_cmd" -B -q "${mvn_args[@]+"${mvn_args[@]}"}" -f "$subject/pom.xml" dependency:build-classpath \
    -DincludeScope=test "-Dmdep.outputFile=target/ab.classpath"
classpath=$root/$subject/target/test-classes:$(cat "$classpath_file")
# perfgate's CPU-time profiler (io.github.perfgate.cpu), as the plugin appends it: its two class files only.
cpu_prof=()
if [ "${CPU:-1}" = 1 ]; then
    cpu_classes=$root/$subject/target/perfgate-cpu
    mkdir -p "$cpu_classes/io/github/perfgate/cpu"
    for class in ThreadCpuProfiler WorkerCpu; do
        if [ ! -f "$root/target/classes/io/github/perfgate/cpu/$class.class" ]; then
            echo "perfgate's classes are not compiled: run ./mvnw -q compile first (or CPU=0)" >&2
            exit 2
        fi
        cp "$root/target/classes/io/github/perfgate/cpu/$class.class" "$cpu_classes/io/github/perfgate/cpu/"
    done
    classpath=$classpath:$cpu_classes
    cpu_prof=(-prof io.github.perfgate.cpu.ThreadCpuProfiler)
fi

for condition in "${conditions[@]}"; do
    offset=0
    if [ "$condition" = quiet ]; then offset=500; fi
    for ((run = 1; run <= runs; run++)); do
        sleep 5
        record_one "$condition" "$offset"
    done
done
echo "Done. Evaluate with: scripts/verdict-quality-evaluate-ab.sh $corpus"
