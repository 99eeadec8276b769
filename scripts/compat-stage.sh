#!/usr/bin/env bash
# Compatibility stage of CI (.ci/run runs it after the README's test command): builds the plugin and runs a set of
# invoker ITs on JDK 25, then the same set with Maven 4 and with Maven 3.6.3 (the oldest Maven the plugin supports),
# each downloaded from Maven Central into target/compat. The ITs keep the tolerances and settings they have in the
# main suite; each stage prints its verdict and the script fails if any stage failed.
#
# Usage: scripts/compat-stage.sh [stage ...]      stages: jdk25 maven4 maven3.6.3 (default: all three)
# Environment: PERFGATE_COMPAT_JDK (a JDK 23+ home; default: the newest JDK 25 under /usr/lib/jvm),
#              PERFGATE_COMPAT_MAVEN4 (default 4.0.0-rc-4, the newest 4.x on Maven Central on 2026-12-05),
#              PERFGATE_COMPAT_ITS (comma-separated ITs; default below).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work="$root/target/compat"
mkdir -p "$work"

maven4=${PERFGATE_COMPAT_MAVEN4:-4.0.0-rc-4}
# One IT per kind of behaviour: passing and failing gates, a claim, bad input, a goal without a project, the A/B
# mode (its nested build runs the same Maven), reports, and what is specific to new JDKs and to JMH's annotations.
its=${PERFGATE_COMPAT_ITS:-unchanged-passes,regression-fails,compare-without-project,ab-working-tree-slowdown-fails,fork-jvmargs-respected,history-three-runs,jdk23-classpath-processor-not-run}
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(jdk25 maven4 maven3.6.3)

find_jdk() {
  if [ -n "${PERFGATE_COMPAT_JDK:-}" ]; then echo "$PERFGATE_COMPAT_JDK"; return; fi
  local home
  for home in $(ls -d /usr/lib/jvm/*25* 2>/dev/null | sort -r); do
    if [ -x "$home/bin/javac" ]; then echo "$home"; return; fi
  done
  return 1
}

maven_home() { # version -> a Maven home under target/compat, downloaded once
  local v=$1 home="$work/apache-maven-$1"
  if [ ! -x "$home/bin/mvn" ]; then
    curl -sSfL --retry 3 \
      "https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$v/apache-maven-$v-bin.tar.gz" \
      | tar xz -C "$work"
  fi
  echo "$home"
}

status=0
summary=()
run_stage() { # name, then the arguments of ./mvnw
  local name=$1; shift
  local log="$work/$name.log" start=$SECONDS
  echo "== compatibility: $name (ITs: $its)"
  if ./mvnw -B verify -DskipTests -Dinvoker.test="setup-parent,$its" "$@" > "$log" 2>&1; then
    summary+=("$name: passed ($((SECONDS - start))s)")
  else
    summary+=("$name: FAILED ($((SECONDS - start))s, see $log)")
    grep -E "^\[INFO\] .*(FAILED|ERROR)|Build Summary|Passed:|Failed:" "$log" | tail -20 || true
    status=1
  fi
  grep -E "Passed: [0-9]+, Failed: [0-9]+" "$log" | tail -1 || true
}

for stage in "${stages[@]}"; do
  case $stage in
    jdk25)
      if ! jdk=$(find_jdk); then
        echo "no JDK 25 under /usr/lib/jvm: install Temurin 25 or set PERFGATE_COMPAT_JDK to a JDK 23+ home" >&2
        summary+=("jdk25: FAILED (no JDK 25 found)"); status=1; continue
      fi
      echo "JDK: $("$jdk/bin/java" -version 2>&1 | head -1) at $jdk"
      # The plugin builds on that JDK; the ITs' builds run on it too (invoker.javaHome), while the outer build stays
      # on the default JDK, whose JVM runs the verify.groovy scripts (invoker 3.9.0's Groovy cannot read JDK 25's
      # class files).
      if JAVA_HOME="$jdk" ./mvnw -B package -DskipTests -Dinvoker.skip=true > "$work/jdk25-build.log" 2>&1; then
        echo "plugin built on $jdk"
      else
        summary+=("jdk25: FAILED (the plugin did not build, see $work/jdk25-build.log)"); status=1; continue
      fi
      run_stage jdk25 -Dinvoker.javaHome="$jdk" ;;
    maven4)
      run_stage "maven-$maven4" -Dinvoker.mavenHome="$(maven_home "$maven4")" ;;
    maven3.6.3)
      run_stage maven-3.6.3 -Dinvoker.mavenHome="$(maven_home 3.6.3)" ;;
    *) echo "unknown stage '$stage' (jdk25, maven4, maven3.6.3)" >&2; exit 2 ;;
  esac
done

echo "== compatibility summary"
printf '%s\n' "${summary[@]}"
exit $status
