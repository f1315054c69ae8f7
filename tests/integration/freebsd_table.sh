#!/usr/bin/env bash
# The FreeBSD syscall table against the real sys/syscall.h of the 13.2 sysroot:
# every number it defines has an entry under the same name, and every number it
# names only in a comment (4.3BSD "old", FreeBSD 4/6 compat, obsolete) has the
# entry lsl2 names it by.  Read through `lsl2 --syscalls=freebsd`.
source "$TOP/tests/lib.sh"
need_fixture fb13
hdr=$FX/usr/include/sys/syscall.h
[ -f "$hdr" ] || { notok "sys/syscall.h in the fb13 fixture"; exit 1; }

table=$("$LSL2" --syscalls=freebsd) || { notok "lsl2 --syscalls freebsd runs"; exit 1; }
# "NUMBER NAME" of the table
have=$(printf '%s\n' "$table" | awk '!/^#/ && NF >= 2 { print $1, $2 }' | sort -n)
[ -n "$have" ] && ok "lsl2 --syscalls freebsd lists the table" || notok "lsl2 --syscalls freebsd lists the table"

# "NUMBER NAME" the header defines
want=$(awk '$1 == "#define" && $2 ~ /^SYS_/ && $2 != "SYS_MAXSYSCALL" { sub(/^SYS_/, "", $2); print $3, $2 }' "$hdr" | sort -n)
n=$(printf '%s\n' "$want" | wc -l)
missing=$(comm -23 <(printf '%s\n' "$want" | sort) <(printf '%s\n' "$have" | sort))
if [ -z "$missing" ] && [ "$n" -gt 400 ]; then ok "all $n numbers of sys/syscall.h, same names"
else notok "numbers of sys/syscall.h in the table"; printf '%s\n' "$missing" | head -20 | sed 's/^/#   missing: /'; fi

# numbers the header names in comments: "/* 8 is old creat */" -> "8 ocreat"
cwant=$(sed -En 's#^[[:space:]]*/\* ([0-9]+) is (old|freebsd4|freebsd6|obsolete) (.*) \*/$#\1 \2 \3#p' "$hdr" |
        awk '{ n = $1; k = $2; $1 = ""; $2 = ""; w = substr($0, 3)
               if (w == "4.2 sigreturn") name = "sigreturn_42"
               else if (k == "old") name = "o" w
               else if (k == "obsolete") name = w
               else name = k "_" w
               print n, name }' | sort -n)
cn=$(printf '%s\n' "$cwant" | wc -l)
cmissing=$(comm -23 <(printf '%s\n' "$cwant" | sort) <(printf '%s\n' "$have" | sort))
if [ -z "$cmissing" ] && [ "$cn" -gt 80 ]; then ok "all $cn compat/obsolete numbers named"
else notok "compat/obsolete numbers"; printf '%s\n' "$cmissing" | head -20 | sed 's/^/#   missing: /'; fi

# nothing invented in the 13.2 range: every table number up to the header's
# maximum is in the header, except those FreeBSD 14 filled (580 fspacectl) and
# the lkmnosys slot 219 (syscalls.master's NODEF entry), which lsl2 names because
# Linux's restart_syscall comes back with that number
max=$(awk '$2 == "SYS_MAXSYSCALL" { print $3 }' "$hdr")
extra=$(comm -13 <(printf '%s\n%s\n' "$want" "$cwant" | sort) \
                 <(printf '%s\n' "$have" | awk -v m="$max" '$1 < m && $1 != 580 && $1 != 219' | sort))
if [ -z "$extra" ]; then ok "no entry below $max that the header does not have"
else notok "entries not in sys/syscall.h"; printf '%s\n' "$extra" | head -20 | sed 's/^/#   extra: /'; fi

# FreeBSD 14/15 additions above the 13.2 maximum
for p in "583 kqueuex" "584 membarrier" "585 timerfd_create" "588 kcmp" "593 inotify_add_watch_at" "596 setgroups"; do
    if printf '%s\n' "$have" | grep -qx "$p"; then ok "FreeBSD 14+: $p"; else notok "FreeBSD 14+: $p"; fi
done
