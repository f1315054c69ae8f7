#!/usr/bin/env bash
# Runs every test of lsl2 and ends with one summary line: "N passed, M failed[, K skipped]".
# Unit tests are cmocka programs (TAP output); integration tests are shell scripts in
# tests/integration/ that print TAP lines through tests/lib.sh.
set -u
cd "$(dirname "$0")/.."
: "${BUILD:=build}" "${LSL2:=./lsl2}"
export BUILD LSL2
LSL2=$(realpath "$LSL2"); export LSL2
export TOP=$PWD
only=${TESTS:-}          # TESTS="unit_args integration/basic" runs a subset
pass=0 fail=0 skip=0
log=$BUILD/test-logs; mkdir -p "$log"

count() {   # reads TAP on stdin, echoes it, accumulates the counters
    local line
    while IFS= read -r line; do
        printf '%s\n' "$line"
        case "$line" in
            "not ok"*) fail=$((fail + 1)) ;;
            ok*"# SKIP"*|ok*"# skip"*) skip=$((skip + 1)) ;;
            ok*) pass=$((pass + 1)) ;;
        esac
    done
}

wanted() { [ -z "$only" ] && return 0; local w; for w in $only; do case "$1" in *"$w"*) return 0 ;; esac; done; return 1; }

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=unit/$(basename "$t"); wanted "$name" || continue
    echo "# $name"
    out=$(CMOCKA_MESSAGE_OUTPUT=TAP timeout 300 "$t" 2>&1); rc=$?
    count < <(printf '%s\n' "$out" | grep -E '^(not )?ok ' | sed -E "s#^((not )?ok( [0-9]+)? - )#\1$name: #")
    printf '%s\n' "$out" > "$log/$(basename "$t").log"
    if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok'; then
        echo "not ok - $name exited with status $rc"; fail=$((fail + 1))
    fi
done

for t in tests/integration/*.sh; do
    [ -f "$t" ] || continue
    name=integration/$(basename "$t" .sh); wanted "$name" || continue
    echo "# $name"
    timeout 900 bash "$t" > "$log/$(basename "$t").log" 2>&1; rc=$?
    count < <(grep -E '^(not )?ok ' "$log/$(basename "$t").log" | sed -E "s#^((not )?ok( [0-9]+)? - )#\1$name: #")
    if [ $rc -ne 0 ]; then
        echo "not ok - $name: script exited with status $rc (log: $log/$(basename "$t").log)"; fail=$((fail + 1))
    fi
done

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
