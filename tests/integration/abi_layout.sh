#!/usr/bin/env bash
# Checks abi/freebsd/'s constants and struct layouts against the real FreeBSD 13.2
# headers: tests/guest/freebsd/layout.c is compiled for FreeBSD with the 13.2
# sysroot once per family, holding only _Static_asserts comparing each header
# value with its FBSD_* / struct fbsd_* counterpart; a family passes when it
# compiles.  Mismatches are printed from the compiler's messages.
source "$TOP/tests/lib.sh"
need_fixture fb13

SRC=$TOP/tests/guest/freebsd/layout.c
OUT=$BUILD/guest/freebsd; mkdir -p "$OUT"
CC=(clang --target=x86_64-unknown-freebsd13.2 "--sysroot=$FX" -I "$TOP" -Wall -Werror)

if ! command -v clang >/dev/null || ! command -v ld.lld >/dev/null; then
    notok "clang and lld are installed"; exit 1
fi

families=$(sed -n 's/^#define \([A-Z]*\)_LIST.*/\1/p' "$SRC")
for fam in $families; do
    if err=$("${CC[@]}" -fsyntax-only "-DCHECK_ONLY=${fam}_LIST" "$SRC" 2>&1); then
        ok "abi/freebsd $fam matches the 13.2 headers"
    else
        notok "abi/freebsd $fam matches the 13.2 headers"
        printf '%s\n' "$err" | grep -Eo "(static_assert failed.*|error: .*)" | head -20 | sed 's/^/#   /'
    fi
done

# The check must be able to fail: a deliberately wrong value is refused.
if "${CC[@]}" -fsyntax-only '-DCHECK_ONLY=S(struct stat, struct fbsd_freebsd11_stat)' "$SRC" 2>/dev/null; then
    notok "a wrong layout is detected"
else
    ok "a wrong layout is detected"
fi

# As a program (to run under lsl2 later): it links against the real FreeBSD libc.
if "${CC[@]}" -fuse-ld=lld -O2 -o "$OUT/layout" "$SRC" 2>"$OUT/layout.err" &&
   readelf -n "$OUT/layout" 2>/dev/null | grep -q FreeBSD; then
    ok "layout program links as a FreeBSD executable"
else
    notok "layout program links as a FreeBSD executable"; sed 's/^/#   /' "$OUT/layout.err" | head -10
fi
