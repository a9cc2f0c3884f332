#!/usr/bin/env bash
# The hashing comparison: Arsenal's selection and providers against hash4j, zero-allocation-hashing
# and lz4-java (HashingBenchmark for XXH3, Xxh64Benchmark), what the engine's dispatch objects add
# (DispatchBenchmark, which also measures LZ4 block calls), then a Markdown table
# per benchmark class for docs/benchmarks.md.
#
#   benchmarks/run-hashing.sh                         # everything: about 20 minutes
#   benchmarks/run-hashing.sh HashingBenchmark -p size=65536 -p input=heap
#
# Arguments, if any, replace the benchmark selection (JMH regexes and -p options); the iteration
# settings stay those below, chosen for a small (2-core) machine: one fork, one thread, 3 warmup and
# 5 measured iterations of 1 s each. Override them with JMH_SETTINGS="-f 3 -wi 5 -w 2s -i 10 -r 2s".
#
# Builds benchmarks/target/benchmarks.jar when it is missing or older than a source it contains.
# Writes benchmarks/target/hashing.json (JMH's result) and benchmarks/target/hashing.md (the tables).
set -euo pipefail

# shellcheck source=../scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
find_jdk
cd "$ARSENAL_ROOT"

jar=benchmarks/target/benchmarks.jar
json=benchmarks/target/hashing.json
markdown=benchmarks/target/hashing.md

stale() {
    [ ! -f "$jar" ] && return 0
    [ -n "$(find pom.xml benchmarks/pom.xml api spi engine providers-java providers-native providers-simd \
        -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
        -newer "$jar" -print -quit)" ]
}

if stale; then
    find_maven
    echo "run-hashing: building $jar" >&2
    mvn -B -q -pl benchmarks -am package -DskipTests
fi

if [ $# -eq 0 ]; then
    set -- 'HashingBenchmark' 'Xxh64Benchmark' 'DispatchBenchmark'
fi
# shellcheck disable=SC2086 # JMH_SETTINGS is a list of options
# The flag quiets JDK 25's warning about JMH's own use of sun.misc.Unsafe in this (host) JVM.
java --sun-misc-unsafe-memory-access=allow -jar "$jar" "$@" ${JMH_SETTINGS:--f 1 -t 1 -wi 3 -w 1s -i 5 -r 1s} -rf json -rff "$json"

java -cp "$jar" dev.arsenal.benchmarks.report.MarkdownReport "$json" "$markdown"
echo "run-hashing: results in $json, tables in $markdown" >&2
