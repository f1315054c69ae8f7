#!/usr/bin/env bash
# make bench: nanoseconds per syscall for a getpid loop and a stat loop, for native runs,
# lsl2 in each of its modes, strace and PRoot, all measured in this run, with ratios to
# native. The loops are tests/guest/linux/bench_loop.c, built into the busybox test rootfs.
set -u
cd "$(dirname "$0")/.."
: "${BUILD:=build}" "${LSL2:=./lsl2}"
LSL2=$(realpath "$LSL2")
TOP=$PWD
source tests/lib.sh
ROOT=$(rootfs busybox) || { echo "bench: cannot build the busybox rootfs" >&2; exit 1; }
BIN=$ROOT/t/bench_loop
[ -x "$BIN" ] || { echo "bench: $BIN missing (rebuild the rootfs: rm -rf $ROOT)" >&2; exit 1; }
FAST=${BENCH_FAST_N:-2000000}     # iterations when no syscall stops
SLOW=${BENCH_SLOW_N:-20000}       # iterations when every call stops

# run LABEL N CMD...: the loop's ns/call for getpid and stat, best of 3 runs.
best() {
    local n=$1 op=$2; shift 2
    local b="" v i
    for i in 1 2 3; do
        v=$("$@" "$op" "$n" 2>/dev/null | tail -1)
        [[ "$v" =~ ^[0-9.]+$ ]] || { echo "-"; return; }
        if [ -z "$b" ] || awk "BEGIN{exit !($v < $b)}"; then b=$v; fi
    done
    echo "$b"
}
declare -a rows
row() {
    local label=$1 n=$2; shift 2
    local g s; g=$(best "$n" getpid "$@"); s=$(best "$n" stat "$@")
    rows+=("$label|$g|$s")
}

row "native"                                "$FAST" "$BIN"
row "lsl2, untraced"                        "$FAST" "$LSL2" "$ROOT" /t/bench_loop
row "lsl2 --supervise (seccomp), same CPU"  "$FAST" env LSL2_PLACEMENT=same "$LSL2" --supervise "$ROOT" /t/bench_loop
row "lsl2 --trace=/dev/null, same CPU"      "$SLOW" env LSL2_PLACEMENT=same "$LSL2" --trace=/dev/null "$ROOT" /t/bench_loop
row "lsl2 --trace=/dev/null, any CPU"       "$SLOW" env LSL2_PLACEMENT=any "$LSL2" --trace=/dev/null "$ROOT" /t/bench_loop
if command -v strace >/dev/null; then
    row "strace -f, same CPU"               "$SLOW" taskset -c 0 strace -f -o /dev/null "$BIN"
    row "strace -f, any CPU"                "$SLOW" strace -f -o /dev/null "$BIN"
fi
command -v proot >/dev/null && row "proot -r ROOTFS"  "$SLOW" proot -r "$ROOT" /t/bench_loop

# The same loops as FreeBSD programs (13.2 sysroot fixture), through the FreeBSD
# personality: every call stops and is translated.
if FX=$(fixture fb13) && fbl=$(fb_guest bench_loop 2>/dev/null); then
    row "FreeBSD guest under lsl2, same CPU"  "$SLOW" env LSL2_PLACEMENT=same "$LSL2" "$FX" "$fbl"
    row "FreeBSD guest under lsl2, any CPU"   "$SLOW" env LSL2_PLACEMENT=any "$LSL2" "$FX" "$fbl"
else
    echo "bench: no FreeBSD 13.2 sysroot fixture: FreeBSD rows left out" >&2
fi

native_g=$(echo "${rows[0]}" | cut -d'|' -f2); native_s=$(echo "${rows[0]}" | cut -d'|' -f3)
ratio() { [[ "$1" =~ ^[0-9.]+$ ]] && awk "BEGIN{printf \"%.2fx\", $1/$2}" || echo "-"; }
printf '%-40s %12s %9s %12s %9s\n' "mode" "getpid ns" "ratio" "stat ns" "ratio"
for r in "${rows[@]}"; do
    IFS='|' read -r label g s <<<"$r"
    printf '%-40s %12s %9s %12s %9s\n' "$label" "$g" "$(ratio "$g" "$native_g")" "$s" "$(ratio "$s" "$native_s")"
done
