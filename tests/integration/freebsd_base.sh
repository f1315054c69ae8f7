#!/usr/bin/env bash
# Issue 4 acceptance on the FreeBSD 10.2 base fixture: every acceptance command
# with its exact output, the base tools (find, sort, sed, grep, wc, head, cut,
# tr, xargs, env, expr, test, cp, mv, ln, chmod, stat, readlink, gzip, bzip2,
# cksum, md5) checked against what FreeBSD prints, extended attributes, ACLs and
# getvfsbyname from a 13.2 guest, the 13.2 hello-world, --trace, and runs as a
# non-root user (uid 65534, with -r and without).
source "$TOP/tests/lib.sh"
need_fixture fb10
R=$FX

# FreeBSD's ls shows dot files to the superuser as if -A were given.
entries() { if [ "$1" = 0 ]; then ls -A "$R" | wc -l; else ls "$R" | wc -l; fi; }

# --- acceptance lines -------------------------------------------------------
t_out "accept: echo, uname -s, ls / | wc -l" "hello
FreeBSD
$(entries "$(id -u)")" \
    bash -c "'$LSL2' -p freebsd '$R' /bin/sh -c 'echo hello; uname -s; ls / | wc -l' | sed 's/^ *//'"

rm -rf "$R/tmp/a"
out=$("$LSL2" "$R" /bin/sh -c 'cd /tmp && mkdir -p a/b && echo x > a/b/f && ls -lR a && tar -cf - a | tar -tvf - && rm -r a && ls' 2>&1); rc=$?
D='[A-Z][a-z]{2} [ 0-9]{2} ([0-9]{2}:[0-9]{2}| [0-9]{4})'
U=$(id -un); G=$(id -gn); [ "$U" = root ] && G=wheel   # FreeBSD's group 0 is wheel
want_re="^total [0-9]+
drwxr-xr-x  2 $U  $G  [0-9]+ $D b

a/b:
total [0-9]+
-rw-r--r--  1 $U  $G  2 $D f
drwxr-xr-x  0 $U +$G +0 $D a/
drwxr-xr-x  0 $U +$G +0 $D a/b/
-rw-r--r--  0 $U +$G +2 $D a/b/f\$"
if [ $rc = 0 ] && printf '%s' "$out" | tr '\n' '\r' | grep -Eq "$(printf '%s' "$want_re" | tr '\n' '\r')"; then
    ok "accept: ls -lR, tar -cf - | tar -tvf -, rm -r: FreeBSD listings, right sizes, nothing else printed"
else
    notok "accept: ls -lR, tar -cf - | tar -tvf -, rm -r (status $rc)"; printf '%s\n' "$out" | sed 's/^/#   /' | head -20
fi
left=$(ls -A "$R/tmp"); [ -z "$left" ] && ok "accept: /tmp left empty" || notok "accept: /tmp left empty (has: $left)"

t_out "accept: awk BEGIN { print 6 * 7 }" "42" "$LSL2" "$R" /usr/bin/awk 'BEGIN { print 6 * 7 }'
t_out "accept: md5 -s abc" 'MD5 ("abc") = 900150983cd24fb0d6963f7d28e17f72' "$LSL2" "$R" /sbin/md5 -s abc
t_out "accept: date -u -r 0" "Thu Jan  1 00:00:00 UTC 1970" "$LSL2" "$R" /bin/date -u -r 0
t_out "accept: sysctl -n kern.ostype" "FreeBSD" "$LSL2" "$R" /sbin/sysctl -n kern.ostype
out=$(printf 'echo interactive\nexit 3\n' | "$LSL2" "$R" 2>&1); rc=$?
[ "$out" = interactive ] && [ $rc = 3 ] && ok "accept: sh from stdin prints interactive, exits 3" ||
    notok "accept: sh from stdin (status $rc, output $out)"

# --trace: FreeBSD names and constants.  10.2's echo writes with writev and
# needs no sysctl (the auxv answers its libc), so __sysctl, write and an ioctl
# command come from sh running uname and test -t.
tr_out=$("$LSL2" --trace "$R" /bin/echo x 2>&1 >/dev/null)
tr_sh=$("$LSL2" --trace "$R" /bin/sh -c 'uname -s; echo x; test -t 0' 2>&1 >/dev/null)
tr_check() {   # tr_check TEXT REGEX
    printf '%s\n' "$1" | grep -Eq -- "$2" && ok "accept: --trace shows /$2/" ||
        { notok "accept: --trace shows /$2/"; printf '%s\n' "$1" | head -40 | sed 's/^/#   /'; }
}
tr_check "$tr_out" '^[0-9]+ freebsd11_fstat\(3, \{st_mode=S_IFREG\|0[0-7]+, st_size=[0-9]+, \.\.\.\}\) = 0$'
tr_check "$tr_out" '^[0-9]+ writev\(1, 0x[0-9a-f]+, 2\) = 2$'
tr_check "$tr_out" '^[0-9]+ openat\(AT_FDCWD, "/lib/libc.so.7", O_RDONLY\|O_CLOEXEC\) = 3$'
tr_check "$tr_out" '^[0-9]+ mmap\(NULL, [0-9]+, PROT_READ\|PROT_WRITE, MAP_PRIVATE\|MAP_ANON, -1, 0\) = 0x'
tr_check "$tr_out" '^[0-9]+ sigprocmask\(SIG_BLOCK, '
tr_check "$tr_sh" '^[0-9]+ __sysctl\(0x[0-9a-f]+, 2, '
tr_check "$tr_sh" '^[0-9]+ write\(1, "x\\n", 2\) = 2$'
tr_check "$tr_sh" '^[0-9]+ ioctl\(0, TIOCGETA, 0x[0-9a-f]+\) = -1 ENOTTY'
tr_check "$tr_sh" '^[0-9]+ wait4\(-1, 0x[0-9a-f]+, 0|WUNTRACED|WNOHANG'

# --- the base tools, in one guest shell; each line "name: value" ------------
script='
cd /tmp && rm -rf w && mkdir w && cd w || exit 1
printf "3\n1\n2\n10\n2\n" > n
echo "sort-n: $(sort -n n | tr "\n" " ")"
echo "sort-rn: $(sort -rn n | tr "\n" " ")"
echo "sort-u: $(sort -u n | tr "\n" " ")"
echo "sort-k: $(printf "b 2\na 3\nc 1\n" | sort -k2,2n | tr "\n" " ")"
echo "sed: $(echo hello world | sed -e s/o/0/g -e "s/^h/H/")"
echo "sed-E: $(echo abc123 | sed -E "s/([a-z]+)([0-9]+)/\2\1/")"
echo "sed-n: $(sed -n 2p n)"
echo "grep-c: $(grep -c 2 n)"
echo "grep-v: $(grep -v -e 1 -e 2 n | tr "\n" " ")"
echo "grep-E: $(printf "foo\nbar\nbaz\n" | grep -E "^ba(r|z)$" | tr "\n" " ")"
echo "grep-status: $(grep -q nothing n; echo $?)"
echo "wc: $(wc -l < n | tr -d " ") $(printf "a b c\n" | wc -w | tr -d " ") $(printf abcd | wc -c | tr -d " ")"
echo "head: $(head -n 2 n | tr "\n" " ")"
echo "cut: $(echo a:b:c:d | cut -d: -f2,4) $(echo abcdef | cut -c2-4)"
echo "tr: $(echo hello | tr a-z A-Z) $(echo aabbcc | tr -d b) $(echo aaabbb | tr -s ab)"
echo "xargs: $(printf "1 2 3 4 5\n" | xargs -n 2 echo | tr "\n" "|")"
echo "env: $(env -i FOO=bar /usr/bin/env)"
echo "expr: $(expr 6 \* 7) $(expr 17 / 5) $(expr 17 % 5) $(expr abcdef : "ab\(.*\)e") $(expr abc : "a.*") $(expr 3 \< 10)"
test -f n && echo "test-f: yes"; test -d . && echo "test-d: yes"
ln -s n sl; test -L sl && echo "test-L: yes"; test -f nosuch || echo "test-f-missing: no"
test 5 -gt 3 && echo "test-gt: yes"
echo "readlink: $(readlink sl)"
mkdir -p src/sub; echo data > src/sub/file; chmod 640 src/sub/file; chmod 751 src/sub
touch -t 200102030405 src/sub/file
cp -Rp src dst; echo "cp-Rp: $(cat dst/sub/file) $(stat -f %Lp dst/sub/file) $(stat -f %Lp dst/sub) $(stat -f %Sm -t %Y%m%d%H%M dst/sub/file)"
cp src/sub/file plain; echo "cp: $(stat -f %Lp plain) $(cat plain)"
mkdir d2; mv dst/sub/file d2/moved; echo "mv: $(ls dst/sub | wc -l | tr -d " ") $(cat d2/moved)"
ln n hard; echo "ln: $(stat -f %l n) $(stat -f %i n | tr -d " ") $(stat -f %i hard)" | awk "{ print \$1, \$2, (\$3 == \$4) }"
chmod 4755 n; echo "chmod: $(stat -f %Sp n)"; chmod u-s,go-rx n; echo "chmod-sym: $(stat -f %Sp n)"
echo "stat: $(stat -f "%N %z %HT" n)"
echo "stat-l: $(stat -f "%Y" sl) $(stat -L -f "%HT" sl)"
seq 1 2000 > big
gzip -c big > big.gz && gunzip -c big.gz | cmp -s - big && echo "gzip: roundtrip $(gzip -l big.gz | awk "NR==2 { print \$2 }")"
rm -f big.gz && gzip -9 big && test -f big.gz && ! test -f big && gunzip big.gz && echo "gunzip: $(wc -l < big | tr -d " ")"
bzip2 -c big > big.bz2 && bzip2 -dc big.bz2 | cmp -s - big && echo "bzip2: roundtrip"
echo "cksum: $(printf "hello\n" | cksum)"
echo "cksum-o3: $(printf "hello\n" | cksum -o 3)"
echo "md5: $(printf "hello\n" | md5)"
touch -t 200001010000 old; sleep 1; touch new
echo "find-newer: $(find . -type f -newer old -name "n*" | sort | tr "\n" " ")"
echo "find-d: $(find . -type d | sort | tr "\n" " ")"
echo "find-exec: $(find src -type f -exec echo F {} \;)"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do r=$(echo $i); done; echo "forks: $r"
cd /tmp && rm -rf w && echo "cleanup: $(ls -A /tmp | wc -l | tr -d " ")"
'
res=$("$LSL2" "$R" /bin/sh -c "$script" 2>&1)
check() {   # check NAME WANT: the line "NAME: WANT" was printed
    if printf '%s\n' "$res" | grep -qxF -- "$1: $2"; then ok "tool $1"
    else notok "tool $1"; printf '#   wanted: %s\n#   got:    %s\n' "$1: $2" "$(printf '%s\n' "$res" | grep -F -- "$1:" | head -2)"; fi
}
check sort-n "1 2 2 3 10 "
check sort-rn "10 3 2 2 1 "
check sort-u "1 10 2 3 "
check sort-k "c 1 b 2 a 3 "
check sed "Hell0 w0rld"
check sed-E "123abc"
check sed-n "1"
check grep-c "2"
check grep-v "3 "
check grep-E "bar baz "
check grep-status "1"
check wc "5 3 4"
check head "3 1 "
check cut "b:d bcd"
check tr "HELLO aacc ab"
check xargs "1 2|3 4|5|"
check env "FOO=bar"
check expr "42 3 2 cd 3 1"
check test-f yes; check test-d yes; check test-L yes; check test-f-missing no; check test-gt yes
check readlink "n"
check cp-Rp "data 640 751 200102030405"
check cp "640 data"
check mv "0 data"
check ln "2 1"
check chmod "-rwsr-xr-x"
check chmod-sym "-rwx------"
check stat "n 11 Regular File"
check stat-l "n Regular File"
check gzip "roundtrip $(seq 1 2000 | wc -c)"
check gunzip "2000"
check bzip2 "roundtrip"
check cksum "$(printf 'hello\n' | cksum)"          # POSIX CRC: GNU cksum prints the same
# cksum -o 3 is ISO 3309's CRC-32, the one in gzip's trailer
check cksum-o3 "$(printf 'hello\n' | gzip -c | tail -c8 | od -An -tu4 -N4 | tr -d ' ') 6"
check md5 "$(printf 'hello\n' | md5sum | cut -d' ' -f1)"
check find-newer "./n ./new "
check find-d ". ./d2 ./dst ./dst/sub ./src ./src/sub "
check find-exec "F src/sub/file"
check forks "20"
check cleanup "0"
if printf '%s\n' "$res" | grep -vE '^[a-zA-Z0-9-]+: ' | grep -q .; then
    notok "tools: no unexpected output"; printf '%s\n' "$res" | grep -vE '^[a-zA-Z0-9-]+: ' | head -5 | sed 's/^/#   /'
else ok "tools: no unexpected output"; fi

# --- a 13.2 guest: extended attributes, ACLs, getvfsbyname ---------------
need_fixture fb13
S=$FX
if g=$(fb_guest attr_ext); then
    rm -rf "$S/tmp/ax.$$"; mkdir -p "$S/tmp/ax.$$"
    res=$("$LSL2" "$S" "$g" "/tmp/ax.$$" 2>&1); rc=$?; n=0
    while IFS= read -r line; do
        case "$line" in
            "ok - "*) ok "attr_ext: ${line#ok - }"; n=$((n + 1)) ;;
            "not ok - "*) notok "attr_ext: ${line#not ok - }"; n=$((n + 1)) ;;
        esac
    done <<<"$res"
    [ $rc = 0 ] && [ $n -ge 20 ] && ok "attr_ext: ran to the end ($n checks)" ||
        { notok "attr_ext: ran to the end (status $rc, $n checks)"; printf '%s\n' "$res" | tail -5 | sed 's/^/#   /'; }
    rmdir "$S/tmp/ax.$$" 2>/dev/null && ok "attr_ext: left its directory empty" || notok "attr_ext: left its directory empty"
else notok "attr_ext: builds"; fi

# --- the 13.2 hello-world, with the sysroot as root -----------------------
if g=$(fb_guest hello); then t_out "accept: 13.2 hello-world" "hello, world" "$LSL2" "$S" "$g"
else notok "accept: 13.2 hello-world builds"; fi

# --- a non-root user (uid 65534): the tracer is pid 1 of a PID namespace ----
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    cp "$LSL2" "$BUILD/lsl2-nobody.$$" && chmod 755 "$BUILD/lsl2-nobody.$$"
    NB=(setpriv --reuid=65534 --regid=65534 --clear-groups "$BUILD/lsl2-nobody.$$")
    # the fixture must be reachable by uid 65534
    if "${NB[@]}" --version >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$R/bin/sh"; then
        t_out "non-root: sh, id -u, uname, sysctl, ls" "hi
65534
FreeBSD
amd64
$(entries 65534)" "${NB[@]}" "$R" /bin/sh -c 'echo hi; id -u; uname -s; sysctl -n hw.machine; ls / | wc -l | tr -d " "'
        t_out "non-root -r: appears as uid 0, md5 -s abc" "0
MD5 (\"abc\") = 900150983cd24fb0d6963f7d28e17f72" "${NB[@]}" -r "$R" /bin/sh -c 'id -u; md5 -s abc'
        t_status "non-root: sh from stdin exits 3" 3 bash -c "printf 'exit 3\n' | ${NB[*]} '$R'"
    else
        skip "non-root runs" "the fixture or build directory is not readable by uid 65534"
    fi
    rm -f "$BUILD/lsl2-nobody.$$"
else
    skip "non-root runs" "needs root and setpriv to switch to uid 65534"
fi
