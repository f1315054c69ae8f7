#!/usr/bin/env bash
# Builds a small Linux test rootfs offline from the host's packages.
#   tests/mkrootfs.sh busybox DIR   Debian's busybox-static, every applet linked, plus the
#                                   Linux guest test programs of tests/guest/linux in /t
#   tests/mkrootfs.sh musl DIR      a dynamically linked musl program with its loader,
#                                   and busybox's sh for scripts
#   tests/mkrootfs.sh glibc DIR     the same with the host's glibc: the program, and the
#                                   libraries and loader it needs (from ldd)
set -euo pipefail
kind=$1 dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
bb=$(command -v busybox || true)
[ -n "$bb" ] && file -L "$bb" | grep -q 'statically linked' || bb=/bin/busybox
[ -x "$bb" ] || { echo "mkrootfs: busybox-static is not installed (apt-get install busybox-static)" >&2; exit 1; }

rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
cd "$dir.tmp"
mkdir -p bin sbin usr/bin usr/sbin proc dev sys tmp etc root t
chmod 1777 tmp
install -m 0755 "$bb" bin/busybox
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' > etc/passwd
printf 'root:x:0:\nnogroup:x:65534:\n' > etc/group
: > etc/resolv.conf
case "$kind" in
busybox)
    for app in $(./bin/busybox --list-full); do
        [ -e "$app" ] || ln -s /bin/busybox "$app"
    done
    shopt -s nullglob
    for src in "$top"/tests/guest/linux/*.c; do
        musl-gcc -static -O2 -pthread -o "t/$(basename "$src" .c)" "$src"
    done
    ;;
musl)
    ln -s busybox bin/sh
    mkdir -p lib
    cp -L /lib/ld-musl-x86_64.so.1 lib/ld-musl-x86_64.so.1
    musl-gcc -O2 -o bin/hello "$top/tests/guest/hello.c"
    ;;
glibc)
    ln -s busybox bin/sh
    gcc -O2 -o bin/hello "$top/tests/guest/hello.c"
    # every library ldd names, and the loader, at the same paths as on the host
    for lib in $(ldd bin/hello | grep -o '/[^ ]*'); do
        mkdir -p ".$(dirname "$lib")"
        cp -L "$lib" ".$lib"
    done
    ;;
*) echo "mkrootfs: unknown rootfs kind '$kind'" >&2; exit 2 ;;
esac
touch .built
cd - >/dev/null
rm -rf "$dir"; mv "$dir.tmp" "$dir"
echo "$dir"
