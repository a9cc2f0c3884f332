# Shared by ./arsenal, ./run-tests and .ci/run: find a JDK 25 and Maven, install test tools.
# shellcheck shell=bash

lib_dir="${BASH_SOURCE[0]%/*}"
[ "$lib_dir" = "${BASH_SOURCE[0]}" ] && lib_dir=.
ARSENAL_ROOT="$(cd "$lib_dir/.." && pwd)"
ARSENAL_JAVA_FEATURE=25

# The feature version of the JDK at $1 (a JAVA_HOME), or nothing.
jdk_feature() {
    local home="$1"
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
    if [ -f "$home/release" ]; then
        sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release"
    else
        "$home/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
    fi
}

# Sets JAVA_HOME to a JDK whose feature version is at least 25: $JAVA_HOME if it is one, else the
# java on PATH, else the newest under /usr/lib/jvm (Linux) or /Library/Java/JavaVirtualMachines
# (macOS). Exits with a message naming what was looked at when none is found.
find_jdk() {
    local candidates=() home v best="" best_v=0
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        [ -d "$home" ] && candidates+=("$home")
    done
    for home in "${candidates[@]}"; do
        v="$(jdk_feature "$home")"
        if [ -n "$v" ] && [ "$v" -ge "$ARSENAL_JAVA_FEATURE" ] && [ "$v" -gt "$best_v" ]; then
            best="$home"
            best_v="$v"
            # An explicit JAVA_HOME that qualifies wins.
            [ "$home" = "${JAVA_HOME:-}" ] && break
        fi
    done
    if [ -z "$best" ]; then
        echo "arsenal: no JDK $ARSENAL_JAVA_FEATURE or newer found (looked at JAVA_HOME, the java on PATH," \
            "/usr/lib/jvm and /Library/Java/JavaVirtualMachines); install one, e.g. 'apt-get install" \
            "openjdk-25-jdk', or set JAVA_HOME" >&2
        exit 3
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}

# Checks that Maven is there; Maven on JDK 25 needs sun.misc.Unsafe allowed to stay quiet.
find_maven() {
    if ! command -v mvn >/dev/null 2>&1; then
        echo "arsenal: Maven (mvn) not found; install it, e.g. 'apt-get install maven'" >&2
        exit 3
    fi
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
}

# Installs the Debian packages the tests use (reference tools and libraries) when a command or
# library is missing and we can install: as root with apt-get. Otherwise says what is missing;
# the tests that need it then fail with that cause.
ensure_test_packages() {
    local missing=()
    command -v xxhsum >/dev/null 2>&1 || missing+=(xxhash)
    # The compression tools CompressionInteropIT compares with; each package is named as its command.
    local tool
    # ... and the digest tools the hash command is compared with (b2sum, sha256sum: coreutils).
    command -v b3sum >/dev/null 2>&1 || missing+=(b3sum)
    for tool in zstd lz4 gzip; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    ldconfig -p 2>/dev/null | grep -q 'libxxhash\.so\.0' || missing+=(libxxhash0)
    ldconfig -p 2>/dev/null | grep -q 'libz\.so\.1' || missing+=(zlib1g)
    ldconfig -p 2>/dev/null | grep -q 'liblz4\.so\.1' || missing+=(liblz4-1)
    ldconfig -p 2>/dev/null | grep -q 'libdeflate\.so\.0' || missing+=(libdeflate0)
    # The crypto family's native providers: libsodium's and OpenSSL's AEADs through FFM.
    ldconfig -p 2>/dev/null | grep -q 'libsodium\.so\.23' || missing+=(libsodium23)
    ldconfig -p 2>/dev/null | grep -q 'libcrypto\.so\.3' || missing+=(libssl3)
    # The random family's statistical check (DieharderIT).
    command -v dieharder >/dev/null 2>&1 || missing+=(dieharder)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "arsenal: installing ${missing[*]} for the tests" >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "arsenal: missing test packages: ${missing[*]} (install them with apt-get)" >&2
    fi
}
