# Helpers for integration tests: each check prints one TAP line.
# Sourced by tests/integration/*.sh, which run from the top of the tree with
# $LSL2 (absolute path of the binary), $BUILD and $TOP set by tests/run.sh.
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${BUILD:=build}" "${LSL2:=$TOP/lsl2}"
case "$BUILD" in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
FIXTURES_SRC=${LSL2_FIXTURES:-$TOP/../shared/fixtures}

ok()    { echo "ok - $*"; }
notok() { echo "not ok - $*"; }
skip()  { echo "ok - $1 # SKIP ${2:-}"; }

# t_status NAME WANT CMD...: the command exits with status WANT.
t_status() {
    local name=$1 want=$2; shift 2
    local got; "$@" >/dev/null 2>&1 </dev/null; got=$?
    if [ "$got" = "$want" ]; then ok "$name"; else notok "$name (status $got, wanted $want)"; fi
}

# t_out NAME WANT CMD...: the command's standard output is exactly WANT.
t_out() {
    local name=$1 want=$2; shift 2
    local got; got=$("$@" 2>/tmp/lsl2-t-err.$$ </dev/null)
    if [ "$got" = "$want" ]; then ok "$name"
    else notok "$name"; printf '#   wanted: %q\n#   got:    %q\n' "$want" "$got"; sed 's/^/#   stderr: /' /tmp/lsl2-t-err.$$ | head -5; fi
    rm -f /tmp/lsl2-t-err.$$
}

# t_match NAME REGEX CMD...: stdout+stderr of the command matches the extended regex.
t_match() {
    local name=$1 re=$2; shift 2
    local got; got=$("$@" 2>&1 </dev/null)
    if printf '%s\n' "$got" | grep -Eq -- "$re"; then ok "$name"
    else notok "$name"; printf '#   wanted /%s/, got:\n' "$re"; printf '%s\n' "$got" | head -8 | sed 's/^/#   /'; fi
}

# fixture NAME: unpacks the FreeBSD fixture NAME (fb10, fb13) under $BUILD/fixtures once and
# prints its path. When the tarball is missing: a failure under CI=true, a skip otherwise.
fixture() {
    local name=$1 tarball dir=$BUILD/fixtures/$1
    case "$name" in
        fb10) tarball=$FIXTURES_SRC/freebsd-10.2-amd64-base.tar.xz ;;
        fb13) tarball=$FIXTURES_SRC/freebsd-13.2-amd64-sysroot.tar.xz ;;
        *) return 2 ;;
    esac
    if [ ! -e "$dir/.unpacked" ]; then
        if [ ! -f "$tarball" ]; then return 1; fi
        rm -rf "$dir"; mkdir -p "$dir"
        tar -xJf "$tarball" -C "$dir" --no-same-owner || return 1
        touch "$dir/.unpacked"
    fi
    printf '%s\n' "$dir"
}

# need_fixture NAME: sets $FX to the unpacked fixture, or reports and exits the script.
need_fixture() {
    if FX=$(fixture "$1"); then return 0; fi
    if [ "${CI:-}" = true ]; then notok "fixture $1 present (looked in $FIXTURES_SRC)"; exit 1; fi
    skip "fixture $1" "not found in $FIXTURES_SRC"; exit 0
}

# rootfs NAME: builds the test rootfs NAME (busybox, musl) under $BUILD/rootfs once.
rootfs() {
    local dir=$BUILD/rootfs/$1
    # Rebuilt when the builder or a Linux guest program changed since.
    if [ ! -e "$dir/.built" ] || [ -n "$(find "$TOP/tests/mkrootfs.sh" "$TOP/tests/guest/linux" \
            "$TOP/tests/guest/hello.c" -newer "$dir/.built" 2>/dev/null | head -1)" ]; then
        bash "$TOP/tests/mkrootfs.sh" "$1" "$dir" >/dev/null || return 1
    fi
    printf '%s\n' "$dir"
}

# fb_guest NAME [CFLAGS...]: cross-compiles tests/guest/freebsd/NAME.c against the 13.2
# sysroot (need_fixture fb13 first: $FX) into $FX/t/NAME, once per source change, and
# prints the guest path /t/NAME.
fb_guest() {
    local name=$1; shift
    local src=$TOP/tests/guest/freebsd/$name.c out=$FX/t/$name
    mkdir -p "$FX/t"
    # rebuilt when the program or a header beside it changed
    if [ ! -x "$out" ] || [ -n "$(find "$src" "$TOP"/tests/guest/freebsd/*.h -newer "$out" 2>/dev/null | head -1)" ]; then
        clang --target=x86_64-unknown-freebsd13.2 --sysroot="$FX" -fuse-ld=lld -O2 -Wall \
            -o "$out" "$src" "$@" >&2 || return 1
    fi
    printf '/t/%s\n' "$name"
}

# fb_run NAME [ARG...]: runs the FreeBSD guest program NAME (built with fb_guest, in
# $FX) and turns each of its check lines into a TAP line — "ok - X" / "not ok - X"
# (tests/guest/freebsd/check.h) or "check X ok" / "check X FAIL(...)" closed by
# "fails N" (check_fmt.h) — then checks that it ran to the end: status 0, no failure,
# and at least ${FB_MIN_CHECKS:-1} checks.
fb_run() {
    local name=$1; shift
    local g out rc n=0 line rest
    if ! g=$(fb_guest "$name"); then notok "$name: builds"; return; fi
    out=$(timeout 120 "$LSL2" "$FX" "$g" "$@" 2>&1 </dev/null); rc=$?
    while IFS= read -r line; do
        case "$line" in
            "ok - "*)     ok "$name: ${line#ok - }"; n=$((n + 1)) ;;
            "not ok - "*) notok "$name: ${line#not ok - }"; n=$((n + 1)) ;;
            "check "*)
                rest=${line#check }
                case "$rest" in *" ok") ok "$name: ${rest% ok}" ;; *) notok "$name: $rest" ;; esac
                n=$((n + 1)) ;;
        esac
    done <<<"$out"
    if printf '%s\n' "$out" | grep -q '^fails [1-9]'; then rc=1; fi
    if [ "$rc" = 0 ] && [ "$n" -ge "${FB_MIN_CHECKS:-1}" ]; then ok "$name: ran to the end ($n checks)"
    else notok "$name: ran to the end (status $rc, $n checks)"; printf '%s\n' "$out" | tail -5 | sed 's/^/#   /'; fi
}
