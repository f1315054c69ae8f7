#!/usr/bin/env bash
# --trace output on the busybox rootfs, checked line by line: the decoded calls of a
# small shell command, --trace=FILE, errors with their errno names, signals, exits,
# several processes and threads (pid prefixes, <unfinished ...>/<... resumed>),
# struct stat summaries, cut strings, bad pointers.
source "$TOP/tests/lib.sh"
R=$(rootfs busybox) || { notok "busybox rootfs"; exit 1; }
L=$LSL2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# has NAME REGEX FILE: some line of FILE matches
has() {
    if grep -Eq -- "$2" "$3"; then ok "$1"
    else notok "$1"; printf '#   wanted a line /%s/; last lines:\n' "$2"; tail -5 "$3" | sed 's/^/#   /'; fi
}
# hasnt NAME REGEX FILE: no line matches
hasnt() {
    if ! grep -Eq -- "$2" "$3"; then ok "$1"
    else notok "$1"; grep -E -- "$2" "$3" | head -3 | sed 's/^/#   /'; fi
}

# Every line of a trace has one of the shapes strace -f prints, with the pid first.
line_re='^[0-9]+ ('
line_re+='[a-z_0-9]+\(.*\) = (-?[0-9]+|0x[0-9a-f]+|0[0-7]*|\?|-1 E[A-Z0-9_]+ \(.*\)|\? ERESTART[A-Z_]+ \(.*\))'
line_re+='|[a-z_0-9]+\(.* <unfinished \.\.\.>(\) = \?)?'
line_re+='|<\.\.\. [a-z_0-9]+ resumed>.*\) = .*'
line_re+='|--- SIG[A-Z0-9_]+( \{si_signo=SIG[A-Z0-9_]+, si_code=.*\})? ---'
line_re+='|\+\+\+ (exited with [0-9]+|killed by SIG[A-Z0-9_]+( \(core dumped\))?) \+\+\+'
line_re+=')$'
well_formed() {   # NAME FILE
    local bad; bad=$(grep -Evc -- "$line_re" "$2")
    if [ "$bad" = 0 ] && [ -s "$2" ]; then ok "$1: every line well-formed"
    else notok "$1: $bad malformed lines"; grep -Ev -- "$line_re" "$2" | head -5 | sed 's/^/#   /'; fi
}
# Every <unfinished ...> is resumed later by the same pid, and nothing resumes unannounced.
paired() {   # NAME FILE
    local res
    res=$(awk '
        / <unfinished \.\.\.>$/ { n = $2; sub(/\(.*/, "", n); open[$1 " " n]++; next }
        / <\.\.\. [a-z_0-9]+ resumed>/ { n = $3; sub(/ *resumed>.*/, "", n); k = $1 " " n
            if (open[k] > 0) open[k]--; else { print "resumed without entry: " $0; bad = 1 } }
        END { for (k in open) if (open[k]) { print "never resumed: " k; bad = 1 } exit bad }' "$2")
    if [ $? = 0 ]; then ok "$1: unfinished/resumed pairs"; else notok "$1"; printf '%s\n' "$res" | head -5 | sed 's/^/#   /'; fi
}

# 1. The acceptance command, to stderr by default.
"$L" --trace "$R" /bin/sh -c 'echo hi > /dev/null' > "$tmp/out" 2> "$tmp/t1"; st=$?
[ $st = 0 ] && ok "trace: status 0" || notok "trace: status $st"
well_formed "trace: echo hi" "$tmp/t1"
has "trace: execve with argv, envp as a count" \
    '^[0-9]+ execve\("/bin/sh", \["/bin/sh", "-c", "echo hi > /dev/null"\], 0x[0-9a-f]+ /\* [0-9]+ vars \*/\) = 0$' "$tmp/t1"
has "trace: open of /dev/null returns a descriptor" \
    '^[0-9]+ (open|openat)\((AT_FDCWD, )?"/dev/null", O_WRONLY\|O_CREAT\|O_TRUNC, 0666\) = [0-9]+$' "$tmp/t1"
has "trace: write of hi" '^[0-9]+ write\(1, "hi\\n", 3\) = 3$' "$tmp/t1"
has "trace: brk result in hex" '^[0-9]+ brk\(NULL\) = 0x[0-9a-f]+$' "$tmp/t1"
has "trace: arch_prctl by name" '^[0-9]+ arch_prctl\(ARCH_SET_FS, 0x[0-9a-f]+\) = 0$' "$tmp/t1"
has "trace: exit_group does not return" '^[0-9]+ exit_group\(0\) = \?$' "$tmp/t1"
if [ "$(tail -1 "$tmp/t1")" = "$(head -1 "$tmp/t1" | cut -d' ' -f1) +++ exited with 0 +++" ]; then
    ok "trace: last line is the exit of the first pid"
else notok "trace: last line: $(tail -1 "$tmp/t1")"; fi
[ ! -s "$tmp/out" ] && ok "trace: nothing on stdout" || notok "trace: stdout: $(head -2 "$tmp/out")"

# 2. --trace=FILE: the trace goes to the file, the guest's output where it belongs.
out=$("$L" --trace="$tmp/t2" "$R" /bin/sh -c 'echo out; echo err >&2' 2> "$tmp/err")
[ "$out" = out ] && ok "trace=FILE: guest stdout intact" || notok "trace=FILE: stdout '$out'"
[ "$(cat "$tmp/err")" = err ] && ok "trace=FILE: stderr has only the guest's" || notok "trace=FILE: stderr: $(head -3 "$tmp/err")"
has "trace=FILE: file has the write" '^[0-9]+ write\(1, "out\\n", 4\) = 4$' "$tmp/t2"
has "trace=FILE: file has the exit" '^[0-9]+ \+\+\+ exited with 0 \+\+\+$' "$tmp/t2"

# 3. Errors by name, exit statuses.
"$L" --trace="$tmp/t3" "$R" /bin/cat /nonexistent 2>/dev/null; st=$?
[ $st = 1 ] && ok "ENOENT: cat fails with 1" || notok "ENOENT: status $st"
has "ENOENT: open fails by name" \
    '^[0-9]+ (open|openat)\((AT_FDCWD, )?"/nonexistent", O_RDONLY(\|O_LARGEFILE)?\) = -1 ENOENT \(No such file or directory\)$' "$tmp/t3"
has "ENOENT: exit status 1" '^[0-9]+ \+\+\+ exited with 1 \+\+\+$' "$tmp/t3"
"$L" --trace="$tmp/t3b" "$R" /bin/sh -c 'exit 3'; st=$?
[ $st = 3 ] && has "exit 3 shown" '^[0-9]+ \+\+\+ exited with 3 \+\+\+$' "$tmp/t3b" || notok "exit 3: status $st"

# 4. Signals: a child's SIGCHLD reaches the shell; a process killed by a signal.
"$L" --trace="$tmp/t4" "$R" /bin/sh -c '/bin/true; echo x' >/dev/null
has "SIGCHLD with siginfo" \
    '^[0-9]+ --- SIGCHLD \{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=[0-9]+, si_uid=[0-9]+, si_status=0, si_utime=[0-9]+, si_stime=[0-9]+\} ---$' "$tmp/t4"
"$L" --trace="$tmp/t4b" "$R" /bin/sh -c 'kill -USR1 $$'; st=$?
[ $st = $((128 + 10)) ] && ok "SIGUSR1: status 138" || notok "SIGUSR1: status $st"
has "SIGUSR1 sent by kill" '^[0-9]+ kill\([0-9]+, SIGUSR1\) = (0|\?)' "$tmp/t4b"
has "SIGUSR1 delivered" '^[0-9]+ --- SIGUSR1 \{si_signo=SIGUSR1, si_code=SI_USER, si_pid=[0-9]+, si_uid=[0-9]+\} ---$' "$tmp/t4b"
has "killed by SIGUSR1" '^[0-9]+ \+\+\+ killed by SIGUSR1 \+\+\+$' "$tmp/t4b"
well_formed "signals" "$tmp/t4b"

# 5. Several processes: every line has its pid, entries interrupted by others resume.
"$L" --trace="$tmp/t5" "$R" /bin/sh -c 'echo a | cat; (sleep 0.1; echo b) | cat' >/dev/null
well_formed "pipeline" "$tmp/t5"
paired "pipeline" "$tmp/t5"
n=$(grep -Eo '^[0-9]+' "$tmp/t5" | sort -u | wc -l)
[ "$n" -ge 4 ] && ok "pipeline: $n pids" || notok "pipeline: only $n pids"
n=$(grep -Ec '^[0-9]+ \+\+\+ exited with 0 \+\+\+$' "$tmp/t5")
[ "$n" -ge 4 ] && ok "pipeline: an exit line per process" || notok "pipeline: $n exit lines"
has "pipeline: fork by clone or fork" '^[0-9]+ (fork\(\)|vfork\(\)|clone\(.*SIGCHLD.*\)) = [0-9]+$|<\.\.\. (fork|vfork|clone) resumed>.* = [0-9]+$' "$tmp/t5"
has "pipeline: wait4 of a child" '^[0-9]+ (wait4\(|<\.\.\. wait4 resumed>).*\) = [0-9]+$' "$tmp/t5"
has "pipeline: an interrupted call" '<unfinished \.\.\.>$' "$tmp/t5"

# 6. Threads: clone flags by name, lines never torn.
if [ -x "$R/t/threads16" ]; then
    "$L" --trace="$tmp/t6" "$R" /t/threads16 >/dev/null
    well_formed "threads" "$tmp/t6"
    paired "threads" "$tmp/t6"
    has "threads: clone flags by name" '^[0-9]+ clone\(CLONE_VM\|CLONE_FS\|CLONE_FILES\|CLONE_SIGHAND\|CLONE_THREAD' "$tmp/t6"
    n=$(grep -Eo '^[0-9]+' "$tmp/t6" | sort -u | wc -l)
    [ "$n" -ge 17 ] && ok "threads: $n tids" || notok "threads: only $n tids"
else
    skip "threads" "no /t/threads16 in the rootfs"
fi

# 7. Decoding details: struct stat summaries, cut strings, bad pointers.
"$L" --trace="$tmp/t7" "$R" /bin/ls -ld / /dev/null >/dev/null
has "stat: directory summary" '(stat|lstat|newfstatat)\((AT_FDCWD, )?"/", \{st_mode=S_IFDIR\|0[0-7]{3}, st_size=[0-9]+, \.\.\.\}' "$tmp/t7"
has "stat: device summary" '(stat|lstat|newfstatat)\((AT_FDCWD, )?"/dev/null", \{st_mode=S_IFCHR\|0666, st_rdev=makedev\(0x1, 0x3\), \.\.\.\}' "$tmp/t7"
long=$(printf 'x%.0s' $(seq 40))
"$L" --trace="$tmp/t7b" "$R" /bin/sh -c "echo $long" >/dev/null
has "long write cut at 32 bytes" "^[0-9]+ write\\(1, \"$(printf 'x%.0s' $(seq 32))\"\\.\\.\\., 41\\) = 41$" "$tmp/t7b"
if [ -x "$R/t/badptr" ]; then
    # stdout to a file: /dev/null would accept the bad buffer without reading it
    "$L" --trace="$tmp/t7c" "$R" /t/badptr > "$tmp/badptr.out"
    has "bad path pointer in hex" '^[0-9]+ open\(0x1, O_RDONLY\) = -1 EFAULT \(Bad address\)$' "$tmp/t7c"
    has "bad buffer pointer in hex" '^[0-9]+ write\(1, 0x1, 5\) = -1 EFAULT \(Bad address\)$' "$tmp/t7c"
    has "bad stat pointers" '^[0-9]+ stat\(0x1, 0x1\) = -1 EFAULT \(Bad address\)$' "$tmp/t7c"
    has "lsl2 carried on" '^[0-9]+ \+\+\+ exited with 0 \+\+\+$' "$tmp/t7c"
else
    skip "bad pointers" "no /t/badptr in the rootfs"
fi
"$L" --trace="$tmp/t7d" "$R" /bin/sh -c 'exec 2>/dev/null; ls /nope; true' >/dev/null
hasnt "no host errno leaks as a number" ' = -1 ERRNO_' "$tmp/t7d"
