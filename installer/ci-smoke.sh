#!/usr/bin/env bash
# CI step for the installer (issue 8): build the jpackage app-image from an already-built target/
# (mvn -B package, or mvn -B verify, ran before) and smoke-test the packaged launcher headlessly:
#   1. ChartLens --version   exits 0 and prints "ChartLens"
#   2. ChartLens self-test   exits 0 (demo EHR, sign-in, sync one patient, render one view)
#   3. running it wrote nothing into the installation and left no native-library cache in HOME
# No display is used: DISPLAY and WAYLAND_DISPLAY are unset for every run.
# Exit status: 0 only if every check passed; each failure is printed with its reason.
#
# Usage: installer/ci-smoke.sh [--no-build]
#   --no-build          test the app-image already in target/installer/image (skip jpackage)
# Environment:
#   MVN                 Maven command (default: mvn -B -q); e.g. MVN="mvn -B -q -o" offline
#   SELF_TEST_TIMEOUT   seconds before self-test counts as hung (default 300)
set -uo pipefail
cd "$(dirname "$0")/.."

MVN=${MVN:-mvn -B -q}
SELF_TEST_TIMEOUT=${SELF_TEST_TIMEOUT:-300}
IMAGE=target/installer/image/ChartLens
LAUNCHER=$IMAGE/bin/ChartLens
build=yes
[ "${1:-}" = "--no-build" ] && build=no

failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

if [ "$build" = yes ]; then
    if [ ! -f target/chartlens.jar ] || [ ! -d target/lib ]; then
        echo "FAIL  target/chartlens.jar and target/lib/ are missing: run 'mvn -B -DskipTests package' first"
        exit 1
    fi
    echo "== building the app-image (installer profile, app-image only)"
    # exec:exec@installer runs only the profile's jpackage step, on the jars already in target/.
    if ! $MVN -Pinstaller -Dinstaller.types=app-image exec:exec@installer; then
        echo "FAIL  building the app-image (see the installer: lines above)"
        exit 1
    fi
fi
if [ ! -x "$LAUNCHER" ]; then
    echo "FAIL  no packaged launcher at $LAUNCHER"
    exit 1
fi
[ "$build" = no ] && [ -f target/installer/sizes.txt ] && cat target/installer/sizes.txt

# A throwaway HOME and data folder: CI must not read or write a real user's ChartLens data.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
marker="$scratch/before-runs"
touch "$marker"
sleep 1   # so that anything written by the runs below is strictly newer than the marker

run_headless() {   # run_headless OUT_FILE TIMEOUT ARGS...
    local out=$1 secs=$2
    shift 2
    env -u DISPLAY -u WAYLAND_DISPLAY HOME="$scratch/home" CHARTLENS_HOME="$scratch/data" \
        timeout --kill-after=10 "$secs" "$LAUNCHER" "$@" >"$out" 2>&1
}
mkdir -p "$scratch/home"

echo "== $LAUNCHER --version"
run_headless "$scratch/version.out" 60 --version
rc=$?
cat "$scratch/version.out"
if [ $rc -eq 0 ] && grep -q "ChartLens" "$scratch/version.out"; then
    pass "--version (exit 0, prints ChartLens)"
else
    fail "--version: exit $rc, output above (expected exit 0 and 'ChartLens')"
fi

echo "== $LAUNCHER self-test (headless, timeout ${SELF_TEST_TIMEOUT}s)"
start=$(date +%s)
run_headless "$scratch/self-test.out" "$SELF_TEST_TIMEOUT" self-test
rc=$?
secs=$(( $(date +%s) - start ))
cat "$scratch/self-test.out"
if [ $rc -eq 0 ]; then
    pass "self-test (exit 0, ${secs} s)"
elif [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    fail "self-test hung: killed after ${SELF_TEST_TIMEOUT} s"
else
    fail "self-test: exit $rc after ${secs} s ($(tail -n 1 "$scratch/self-test.out"))"
fi

# Per-user data belongs in the data folder, never in the installation.
changed=$(find "$IMAGE" -newer "$marker" -print 2>/dev/null | head -n 5)
if [ -z "$changed" ]; then
    pass "nothing written inside the installation"
else
    fail "the runs wrote inside the installation: $changed"
fi
if [ -e "$scratch/home/.openjfx" ]; then
    fail "JavaFX extracted natives into HOME/.openjfx (they should load from the installation)"
else
    pass "JavaFX natives loaded from the installation (no ~/.openjfx cache)"
fi

if [ $failures -eq 0 ]; then
    echo "ci-smoke: all checks passed"
    exit 0
fi
echo "ci-smoke: $failures check(s) failed"
exit 1
