#!/usr/bin/env bash
# FreeBSD stat/statfs/getdirentries/mknod handlers: guest programs built
# against the 13.2 sysroot check fields against the host's view of the same
# files, then FreeBSD 10.2's own ls, find, stat and df run on prepared files.
source "$TOP/tests/lib.sh"
need_fixture fb13
F13=$FX

# Files made from the host, so that their expected stat fields are known.
prep() {   # prep ROOT: ROOT/tmp/fbstat with a file, hard link, symlink, dir, 500 long names
    local d=$1/tmp/fbstat i pad
    rm -rf "$d"; mkdir -p "$d/big" "$d/sub" "$d/nodes"
    printf 'hello world\n' > "$d/file"
    chmod 0640 "$d/file"
    ln "$d/file" "$d/hard"
    ln -s file "$d/link"
    touch -m -d '2001-02-03 04:05:06.123456789' "$d/file"
    touch -a -d '2002-03-04 05:06:07.5' "$d/file"
    pad=$(printf 'x%.0s' $(seq 1 200))
    for i in $(seq -f %03g 0 499); do : > "$d/big/e-$i-$pad"; done
}
prep "$F13"

# host_line PATH GUESTPATH: the line stat_fields prints, from GNU stat on the host
host_line() {
    local t
    case $(stat -c %F "$1") in
        "regular file"|"regular empty file") t=f ;; directory) t=d ;; "symbolic link") t=l ;;
        "character special file") t=c ;; fifo) t=p ;; *) t='?' ;;
    esac
    local birth=no; [ "$(stat -c %W "$1")" -gt 0 ] && birth=yes
    stat -c "$2 type=$t mode=%04a nlink=%h uid=%u gid=%g size=%s mtime=%.9Y atime=%.9X rdev=%Hr,%Lr blksize=%o blocks=%b birth=$birth" "$1"
}

if g=$(fb_guest stat_fields); then
    out=$("$LSL2" "$F13" "$g" /tmp/fbstat/file /tmp/fbstat/hard /tmp/fbstat/link /tmp/fbstat/sub /dev/null 2>&1)
    for p in file hard link sub; do
        want=$(host_line "$F13/tmp/fbstat/$p" "/tmp/fbstat/$p")
        got=$(printf '%s\n' "$out" | grep -m1 "^/tmp/fbstat/$p ")
        if [ "$got" = "$want" ]; then ok "stat fields of $p"
        else notok "stat fields of $p"; printf '#   wanted: %s\n#   got:    %s\n' "$want" "$got"; fi
        # the old layout shows the same fields (no birth time)
        want_old="old ${want% birth=*}"
        got=$(printf '%s\n' "$out" | grep -m1 "^old /tmp/fbstat/$p ")
        if [ "$got" = "$want_old" ]; then ok "freebsd11_lstat fields of $p"
        else notok "freebsd11_lstat fields of $p"; printf '#   wanted: %s\n#   got:    %s\n' "$want_old" "$got"; fi
    done
    # /dev/null is the host's character device 1,3 in both layouts
    t_match "stat of /dev/null: char device 1,3" '^/dev/null type=c .* rdev=1,3 ' printf '%s\n' "$out"
    t_match "freebsd11_lstat of /dev/null" '^old /dev/null type=c .* rdev=1,3 ' printf '%s\n' "$out"
    printf '%s\n' "$out" | grep '^check ' | while read -r _ name; do
        case "$name" in *" ok") ok "stat_fields: ${name% ok}" ;; *) notok "stat_fields: $name" ;; esac
    done
    t_match "stat_fields: no failure" '^fails 0$' printf '%s\n' "$out"
else
    notok "stat_fields builds"
fi

# t_stdout_match NAME REGEX CMD...: like t_match, on standard output alone (a
# tool's complaints about calls outside this test's scope stay out of the way)
t_stdout_match() {
    local name=$1 re=$2; shift 2
    local got; got=$("$@" 2>/dev/null </dev/null)
    if printf '%s\n' "$got" | grep -Eq -- "$re"; then ok "$name"
    else notok "$name"; printf '#   wanted /%s/, got:\n' "$re"; printf '%s\n' "$got" | head -8 | sed 's/^/#   /'; fi
}

guest_checks() {   # guest_checks LABEL OUTPUT: one TAP line per "check" line
    local label=$1 out=$2
    printf '%s\n' "$out" | grep '^check ' | while read -r _ name; do
        case "$name" in *" ok") ok "$label: ${name% ok}" ;; *) notok "$label: $name" ;; esac
    done
    t_match "$label: ran to the end, no failure" '^fails 0$' printf '%s\n' "$out"
}

if g=$(fb_guest dir_read); then
    guest_checks dir_read "$("$LSL2" "$F13" "$g" /tmp/fbstat/big 500 2>&1)"
else
    notok "dir_read builds"
fi

if g=$(fb_guest stat_fs); then
    out=$("$LSL2" "$F13" "$g" / /tmp /dev /proc 2>&1)
    t_match "statfs /: mounted on /, MNT_ROOTFS" '^statfs / type=[a-z0-9]+ on=/ rootfs=1 .*version_ok=1 blocks_ok=1$' printf '%s\n' "$out"
    t_match "statfs /tmp: on the root's file system" '^statfs /tmp type=[a-z0-9]+ on=/ ' printf '%s\n' "$out"
    t_match "statfs /dev: devfs on /dev" '^statfs /dev type=devfs on=/dev rootfs=0 ' printf '%s\n' "$out"
    t_match "statfs /proc: procfs on /proc" '^statfs /proc type=procfs on=/proc rootfs=0 ' printf '%s\n' "$out"
    guest_checks stat_fs "$out"
else
    notok "stat_fs builds"
fi

if g=$(fb_guest stat_mknod); then
    guest_checks stat_mknod "$("$LSL2" "$F13" "$g" /tmp/fbstat/nodes 2>&1)"
else
    notok "stat_mknod builds"
fi

# FreeBSD 10.2's own tools (freebsd11_* calls) on the same kind of files.
need_fixture fb10
F10=$FX
prep "$F10"
t_stdout_match "10.2 ls -l: mode, links, size, date" \
    '^-rw-r-----  2 [a-z0-9]+ +[a-z0-9]+ +12 Feb  3  2001 /tmp/fbstat/file$' \
    "$LSL2" "$F10" /bin/ls -l /tmp/fbstat/file
t_stdout_match "10.2 ls -l: symlink" '^l[rwx-]{9}  1 [a-z0-9]+ +[a-z0-9]+ +4 .* /tmp/fbstat/link -> file$' \
    "$LSL2" "$F10" /bin/ls -l /tmp/fbstat/link
want=$(( $(ls -A "$F10" | wc -l) + 2 + 1 ))   # entries, . and .., the "total" line
t_out "10.2 ls -la / lists every entry" "$want" "$LSL2" "$F10" /bin/sh -c 'ls -la / | wc -l | tr -d " "'
t_stdout_match "10.2 ls -la /: etc is a directory" '^d[rwx-]{9} +[0-9]+ .* etc$' "$LSL2" "$F10" /bin/ls -la /
t_out "10.2 ls of 500 long names" 500 "$LSL2" "$F10" /bin/sh -c 'ls /tmp/fbstat/big | wc -l | tr -d " "'
t_out "10.2 find /etc -name '*.conf'" "$(cd "$F10" && find etc -name '*.conf' | sed 's#^#/#' | sort)" \
    "$LSL2" "$F10" /bin/sh -c "find /etc -name '*.conf' | sort"
t_out "10.2 stat -f: size, mode, links, mtime" "12 100640 2 981173106 /tmp/fbstat/file" \
    "$LSL2" "$F10" /usr/bin/stat -f '%z %p %l %m %N' /tmp/fbstat/file
t_out "10.2 stat -L through a symlink" "12 100640" \
    "$LSL2" "$F10" /usr/bin/stat -L -f '%z %p' /tmp/fbstat/link
t_match "10.2 stat of a missing file fails" 'No such file or directory' \
    "$LSL2" "$F10" /usr/bin/stat /tmp/fbstat/none
t_match "10.2 df /: root file system mounted on /" '^[^ ]+ +[0-9]+ +[0-9]+ +-?[0-9]+ +[0-9]+% +/$' \
    "$LSL2" "$F10" /bin/df /
t_match "10.2 df lists /dev" ' /dev$' "$LSL2" "$F10" /bin/df
t_match "10.2 mount lists / and devfs on /dev" '^[^ ]+ on / \(.*\).*on /dev \(devfs' "$LSL2" "$F10" /bin/sh -c '/sbin/mount | tr "\n" " "'
t_match "10.2 df -h /tmp" '^Filesystem +Size +Used +Avail +Capacity +Mounted on' \
    "$LSL2" "$F10" /bin/df -h /tmp
rm -rf "$F13/tmp/fbstat" "$F10/tmp/fbstat"
