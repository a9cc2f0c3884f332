#!/usr/bin/env bash
# Start-up, measured as whole processes (issue 15): the first use of each family in a fresh JVM
# (FirstUse, timed inside the process), and the wall time of `arsenal version` and of `arsenal hash`
# on a small file, each the median of RUNS fresh processes after one warm-up run.
#
#   benchmarks/run-startup.sh            # RUNS=11
#   RUNS=21 benchmarks/run-startup.sh
#
# JMH cannot measure this: its forks are warmed up by design. The JVM options are those of the
# arsenal command (the Vector API module, native access), without its class-data archive for
# FirstUse (an application has none unless it makes one) and with it for the commands.
set -euo pipefail

# shellcheck source=../scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
find_jdk
cd "$ARSENAL_ROOT"
runs="${RUNS:-11}"

./arsenal version >/dev/null # builds the launcher and its class-data archive when stale
if [ ! -f benchmarks/target/classes/dev/arsenal/benchmarks/startup/FirstUse.class ] \
        || [ -n "$(find benchmarks/src/main/java/dev/arsenal/benchmarks/startup -newer \
            benchmarks/target/classes/dev/arsenal/benchmarks/startup/FirstUse.class -print -quit)" ]; then
    find_maven
    mvn -B -q -o -DskipTests -Dspotless.check.skip=true -pl benchmarks -am compile >/dev/null
fi

cp="benchmarks/target/classes:launcher/target/lib/*"
opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"

decisions="$(mktemp -d)"
trap 'rm -rf "$decisions"' EXIT

first_use() { # $1: families, $2: label, $3...: JVM options; prints the median of each family's first-use ms
    local families="$1" label="$2" out
    shift 2
    out="$(mktemp)"
    "$JAVA_HOME/bin/java" "${opts[@]}" "$@" -cp "$cp" dev.arsenal.benchmarks.startup.FirstUse $families >/dev/null 2>&1
    for _ in $(seq "$runs"); do
        "$JAVA_HOME/bin/java" "${opts[@]}" "$@" -cp "$cp" dev.arsenal.benchmarks.startup.FirstUse $families 2>/dev/null >>"$out"
    done
    for family in $families; do
        printf '  first %-12s %-22s %7s ms (median of %s; in order: %s)\n' "$family" "$label" \
            "$(sed -n "s/.*$family \([0-9.]*\) ms.*/\1/p" "$out" | median)" "$runs" "$families"
    done
    rm -f "$out"
}

wall() { # $@: a command; prints its median wall time in milliseconds
    local times=() start end
    "$@" >/dev/null 2>&1 || true
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | median
}

echo "first use in an application (FirstUse, no class-data archive):"
# Without stored decisions, then with them: the warm-up run of each stores what it decided.
for families in "hashing compression crypto" "compression" "crypto" "digest" "crypto digest" "sign"; do
    first_use "$families" "(no stored decision)" -Darsenal.decisions=off
    first_use "$families" "(stored decision)" -Darsenal.decisions.file="$decisions/$(echo "$families" | tr ' ' _)"
done
echo "whole commands (wall, median of $runs):"
printf '  arsenal version                    %5s ms\n' "$(wall ./arsenal version)"
printf '  arsenal hash -a xxh3 README.md     %5s ms\n' "$(wall ./arsenal hash -a xxh3 README.md)"
if command -v xxhsum >/dev/null; then
    printf '  xxhsum -H3 README.md               %5s ms\n' "$(wall xxhsum -H3 README.md)"
fi
