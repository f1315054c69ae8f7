#!/usr/bin/env bash
# The FreeBSD process start: a freestanding FreeBSD-branded program checks its initial
# stack, auxv and ps_strings, and the sysctl/sysarch emulation, from inside the guest.
source "$TOP/tests/lib.sh"
need_fixture fb13
out=$FX/start
src=$TOP/tests/guest/freebsd/start.c
if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then
    clang --target=x86_64-unknown-freebsd13.2 --sysroot="$FX" -fuse-ld=lld -O2 \
        -ffreestanding -nostdlib -static -fno-stack-protector -o "$out" "$src" || { notok "build start.c"; exit 1; }
    # A freestanding link carries no ABI note: brand it FreeBSD through EI_OSABI (byte 7).
    printf '\x09' | dd of="$out" bs=1 seek=7 conv=notrunc status=none
fi
res=$("$LSL2" "$FX" /start hi 2>&1); rc=$?
while IFS= read -r line; do
    case "$line" in
        "ok "*)   ok "start: ${line#ok }" ;;
        "FAIL "*) notok "start: ${line#FAIL }" ;;
    esac
done <<<"$res"
[ "$rc" = 0 ] && ok "start: exit status 0" || { notok "start: exit status $rc"; printf '%s\n' "$res" | sed 's/^/#   /'; }
t_match "start: detected as FreeBSD by its brand" 'personality freebsd' "$LSL2" -d "$FX" /start hi
