/* Layout check of lsl2's FreeBSD ABI definitions (abi/freebsd/) against the real
 * FreeBSD 13.2 headers.  Built with the 13.2 sysroot:
 *   clang --target=x86_64-unknown-freebsd13.2 --sysroot=SYSROOT -I TOP ...
 * With -DCHECK_<FAMILY> (ERRNO, FCNTL, ...) the file only holds compile-time
 * assertions for that family: it compiles exactly when abi/ agrees with the
 * headers (tests/integration/abi_layout.sh).  Linked as a program, it prints
 * "name real ours" for every value and exits 1 on a mismatch, so it can also run
 * under lsl2 once the FreeBSD personality runs programs. */
#define _WANT_FREEBSD11_STAT
#define _WANT_FREEBSD11_STATFS
#define _WANT_FREEBSD11_DIRENT
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/mount.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/time.h>
#include <sys/ioctl.h>
#include <sys/filio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "abi/freebsd/errno.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/mman.h"
#include "abi/freebsd/stat.h"
#include "abi/freebsd/statfs.h"
#include "abi/freebsd/vfsconf.h"
#include "abi/freebsd/dirent.h"
#include "abi/freebsd/time.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/wait.h"
#include "abi/freebsd/signal.h"
#if __has_include("abi/freebsd/termios.h")
#include "abi/freebsd/termios.h"
#define HAVE_TERMIOS 1
#endif
#if __has_include("abi/freebsd/ipc.h")
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <sys/eventfd.h>
#include <sys/specialfd.h>
#include "abi/freebsd/ipc.h"
#define HAVE_IPC 1
#endif
#if __has_include("abi/freebsd/ucontext.h")
#include <sys/ucontext.h>
#include <machine/sigframe.h>
#include "abi/freebsd/ucontext.h"
#define HAVE_UCONTEXT 1
#endif
#if __has_include("abi/freebsd/socket.h")
#include "abi/freebsd/socket.h"
#define HAVE_SOCKET 1
#endif

/* Each family is a list of checks: V(NAME) compares NAME with FBSD_NAME,
 * S(real type, our type) compares sizes, O(real type, field, our type, our field)
 * compares offsets. */
#define ERRNO_LIST \
    V(EPERM) \
    V(ENOENT) \
    V(ESRCH) \
    V(EINTR) \
    V(EIO) \
    V(ENXIO) \
    V(E2BIG) \
    V(ENOEXEC) \
    V(EBADF) \
    V(ECHILD) \
    V(EDEADLK) \
    V(ENOMEM) \
    V(EACCES) \
    V(EFAULT) \
    V(ENOTBLK) \
    V(EBUSY) \
    V(EEXIST) \
    V(EXDEV) \
    V(ENODEV) \
    V(ENOTDIR) \
    V(EISDIR) \
    V(EINVAL) \
    V(ENFILE) \
    V(EMFILE) \
    V(ENOTTY) \
    V(ETXTBSY) \
    V(EFBIG) \
    V(ENOSPC) \
    V(ESPIPE) \
    V(EROFS) \
    V(EMLINK) \
    V(EPIPE) \
    V(EDOM) \
    V(ERANGE) \
    V(EAGAIN) \
    V(EINPROGRESS) \
    V(EALREADY) \
    V(ENOTSOCK) \
    V(EDESTADDRREQ) \
    V(EMSGSIZE) \
    V(EPROTOTYPE) \
    V(ENOPROTOOPT) \
    V(EPROTONOSUPPORT) \
    V(ESOCKTNOSUPPORT) \
    V(EOPNOTSUPP) \
    V(EPFNOSUPPORT) \
    V(EAFNOSUPPORT) \
    V(EADDRINUSE) \
    V(EADDRNOTAVAIL) \
    V(ENETDOWN) \
    V(ENETUNREACH) \
    V(ENETRESET) \
    V(ECONNABORTED) \
    V(ECONNRESET) \
    V(ENOBUFS) \
    V(EISCONN) \
    V(ENOTCONN) \
    V(ESHUTDOWN) \
    V(ETOOMANYREFS) \
    V(ETIMEDOUT) \
    V(ECONNREFUSED) \
    V(ELOOP) \
    V(ENAMETOOLONG) \
    V(EHOSTDOWN) \
    V(EHOSTUNREACH) \
    V(ENOTEMPTY) \
    V(EPROCLIM) \
    V(EUSERS) \
    V(EDQUOT) \
    V(ESTALE) \
    V(EREMOTE) \
    V(EBADRPC) \
    V(ERPCMISMATCH) \
    V(EPROGUNAVAIL) \
    V(EPROGMISMATCH) \
    V(EPROCUNAVAIL) \
    V(ENOLCK) \
    V(ENOSYS) \
    V(EFTYPE) \
    V(EAUTH) \
    V(ENEEDAUTH) \
    V(EIDRM) \
    V(ENOMSG) \
    V(EOVERFLOW) \
    V(ECANCELED) \
    V(EILSEQ) \
    V(ENOATTR) \
    V(EDOOFUS) \
    V(EBADMSG) \
    V(EMULTIHOP) \
    V(ENOLINK) \
    V(EPROTO) \
    V(ENOTCAPABLE) \
    V(ECAPMODE) \
    V(ENOTRECOVERABLE) \
    V(EOWNERDEAD) \
    V(EINTEGRITY) \
    V(ELAST) \
    V(EWOULDBLOCK)

#define FCNTL_LIST \
    V(O_RDONLY) V(O_WRONLY) V(O_RDWR) V(O_ACCMODE) V(O_NONBLOCK) V(O_APPEND) V(O_SHLOCK) \
    V(O_EXLOCK) V(O_ASYNC) V(O_FSYNC) V(O_SYNC) V(O_NOFOLLOW) V(O_CREAT) V(O_TRUNC) \
    V(O_EXCL) V(O_NOCTTY) V(O_DIRECT) V(O_DIRECTORY) V(O_EXEC) V(O_SEARCH) V(O_TTY_INIT) \
    V(O_CLOEXEC) V(O_VERIFY) V(O_PATH) V(O_RESOLVE_BENEATH) V(O_DSYNC) V(O_EMPTY_PATH) \
    V(AT_FDCWD) V(AT_EACCESS) V(AT_SYMLINK_NOFOLLOW) V(AT_SYMLINK_FOLLOW) V(AT_REMOVEDIR) \
    V(AT_RESOLVE_BENEATH) V(AT_EMPTY_PATH) \
    V(F_DUPFD) V(F_GETFD) V(F_SETFD) V(F_GETFL) V(F_SETFL) V(F_GETOWN) V(F_SETOWN) \
    V(F_OGETLK) V(F_OSETLK) V(F_OSETLKW) V(F_DUP2FD) V(F_GETLK) V(F_SETLK) V(F_SETLKW) \
    V(F_SETLK_REMOTE) V(F_READAHEAD) V(F_RDAHEAD) V(F_DUPFD_CLOEXEC) V(F_DUP2FD_CLOEXEC) \
    V(F_ADD_SEALS) V(F_GET_SEALS) V(F_ISUNIONSTACK) V(F_KINFO) V(FD_CLOEXEC) \
    V(F_SEAL_SEAL) V(F_SEAL_SHRINK) V(F_SEAL_GROW) V(F_SEAL_WRITE) \
    V(F_RDLCK) V(F_UNLCK) V(F_WRLCK) V(LOCK_SH) V(LOCK_EX) V(LOCK_NB) V(LOCK_UN) \
    V(F_OK) V(X_OK) V(W_OK) V(R_OK) V(SEEK_SET) V(SEEK_CUR) V(SEEK_END) V(SEEK_DATA) \
    V(SEEK_HOLE) V(POSIX_FADV_NORMAL) V(POSIX_FADV_RANDOM) V(POSIX_FADV_SEQUENTIAL) \
    V(POSIX_FADV_WILLNEED) V(POSIX_FADV_DONTNEED) V(POSIX_FADV_NOREUSE) \
    S(struct flock, struct fbsd_flock) \
    O(struct flock, l_start, struct fbsd_flock, l_start) \
    O(struct flock, l_len, struct fbsd_flock, l_len) \
    O(struct flock, l_pid, struct fbsd_flock, l_pid) \
    O(struct flock, l_type, struct fbsd_flock, l_type) \
    O(struct flock, l_whence, struct fbsd_flock, l_whence) \
    O(struct flock, l_sysid, struct fbsd_flock, l_sysid)

#define MMAN_LIST \
    V(PROT_NONE) V(PROT_READ) V(PROT_WRITE) V(PROT_EXEC) V(PROT_MAX(7)) \
    V(MAP_SHARED) V(MAP_PRIVATE) V(MAP_FIXED) V(MAP_HASSEMAPHORE) V(MAP_STACK) \
    V(MAP_NOSYNC) V(MAP_FILE) V(MAP_ANON) V(MAP_GUARD) V(MAP_EXCL) V(MAP_NOCORE) \
    V(MAP_PREFAULT_READ) V(MAP_32BIT) V(MAP_ALIGNMENT_SHIFT) V(MAP_ALIGNED(21)) \
    E((uint32_t)MAP_ALIGNMENT_MASK, FBSD_MAP_ALIGNMENT_MASK) V(MAP_ALIGNED_SUPER) V(MS_SYNC) V(MS_ASYNC) V(MS_INVALIDATE) \
    V(MCL_CURRENT) V(MCL_FUTURE) V(MADV_NORMAL) V(MADV_RANDOM) V(MADV_SEQUENTIAL) \
    V(MADV_WILLNEED) V(MADV_DONTNEED) V(MADV_FREE) V(MADV_NOSYNC) V(MADV_AUTOSYNC) \
    V(MADV_NOCORE) V(MADV_CORE) V(MADV_PROTECT)

#define STAT_FIELDS(real, ours) \
    O(real, st_dev, ours, st_dev) O(real, st_ino, ours, st_ino) \
    O(real, st_nlink, ours, st_nlink) O(real, st_mode, ours, st_mode) \
    O(real, st_uid, ours, st_uid) O(real, st_gid, ours, st_gid) \
    O(real, st_rdev, ours, st_rdev) O(real, st_atim, ours, st_atim) \
    O(real, st_mtim, ours, st_mtim) O(real, st_ctim, ours, st_ctim) \
    O(real, st_birthtim, ours, st_birthtim) O(real, st_size, ours, st_size) \
    O(real, st_blocks, ours, st_blocks) O(real, st_blksize, ours, st_blksize) \
    O(real, st_flags, ours, st_flags) O(real, st_gen, ours, st_gen)

#define STAT_LIST \
    S(struct stat, struct fbsd_stat) STAT_FIELDS(struct stat, struct fbsd_stat) \
    O(struct stat, st_spare, struct fbsd_stat, st_spare) \
    S(struct freebsd11_stat, struct fbsd_freebsd11_stat) \
    STAT_FIELDS(struct freebsd11_stat, struct fbsd_freebsd11_stat) \
    O(struct freebsd11_stat, st_lspare, struct fbsd_freebsd11_stat, st_lspare) \
    S(struct timespec, struct fbsd_timespec) \
    V(S_IFMT) V(S_IFIFO) V(S_IFCHR) V(S_IFDIR) V(S_IFBLK) V(S_IFREG) V(S_IFLNK) \
    V(S_IFSOCK) V(S_IFWHT) V(S_ISUID) V(S_ISGID) V(S_ISVTX) \
    V(UF_NODUMP) V(UF_IMMUTABLE) V(UF_APPEND) V(UF_OPAQUE) V(UF_NOUNLINK) \
    V(UF_SYSTEM) V(UF_SPARSE) V(UF_OFFLINE) \
    V(UF_REPARSE) V(UF_ARCHIVE) V(UF_READONLY) V(UF_HIDDEN) V(SF_ARCHIVED) \
    V(SF_IMMUTABLE) V(SF_APPEND) V(SF_NOUNLINK) V(SF_SNAPSHOT)

#define STATFS_FIELDS(real, ours) \
    O(real, f_version, ours, f_version) O(real, f_type, ours, f_type) \
    O(real, f_flags, ours, f_flags) O(real, f_bsize, ours, f_bsize) \
    O(real, f_iosize, ours, f_iosize) O(real, f_blocks, ours, f_blocks) \
    O(real, f_bfree, ours, f_bfree) O(real, f_bavail, ours, f_bavail) \
    O(real, f_files, ours, f_files) O(real, f_ffree, ours, f_ffree) \
    O(real, f_syncwrites, ours, f_syncwrites) O(real, f_asyncreads, ours, f_asyncreads) \
    O(real, f_spare, ours, f_spare) O(real, f_namemax, ours, f_namemax) \
    O(real, f_owner, ours, f_owner) O(real, f_fsid, ours, f_fsid) \
    O(real, f_charspare, ours, f_charspare) O(real, f_fstypename, ours, f_fstypename) \
    O(real, f_mntfromname, ours, f_mntfromname) O(real, f_mntonname, ours, f_mntonname)

#define STATFS_LIST \
    S(struct statfs, struct fbsd_statfs) STATFS_FIELDS(struct statfs, struct fbsd_statfs) \
    S(struct freebsd11_statfs, struct fbsd_freebsd11_statfs) \
    STATFS_FIELDS(struct freebsd11_statfs, struct fbsd_freebsd11_statfs) \
    V(MFSNAMELEN) V(MNAMELEN) V(STATFS_VERSION) V(FREEBSD11_STATFS_VERSION) \
    V(MNT_RDONLY) V(MNT_SYNCHRONOUS) V(MNT_NOEXEC) V(MNT_NOSUID) V(MNT_NFS4ACLS) \
    V(MNT_UNION) V(MNT_ASYNC) V(MNT_LOCAL) V(MNT_QUOTA) V(MNT_ROOTFS) V(MNT_USER) \
    V(MNT_SUIDDIR) V(MNT_SOFTDEP) V(MNT_NOSYMFOLLOW) V(MNT_IGNORE) V(MNT_ACLS) \
    V(MNT_NOATIME) V(MNT_NOCLUSTERR) V(MNT_NOCLUSTERW) V(MNT_WAIT) V(MNT_NOWAIT) \
    S(struct xvfsconf, struct fbsd_xvfsconf) \
    O(struct xvfsconf, vfc_name, struct fbsd_xvfsconf, vfc_name) \
    O(struct xvfsconf, vfc_typenum, struct fbsd_xvfsconf, vfc_typenum) \
    O(struct xvfsconf, vfc_refcount, struct fbsd_xvfsconf, vfc_refcount) \
    O(struct xvfsconf, vfc_flags, struct fbsd_xvfsconf, vfc_flags) \
    O(struct xvfsconf, vfc_next, struct fbsd_xvfsconf, vfc_next) \
    V(VFCF_STATIC) V(VFCF_NETWORK) V(VFCF_READONLY) V(VFCF_SYNTHETIC) V(VFCF_LOOPBACK) \
    V(VFCF_UNICODE) V(VFCF_JAIL) V(VFCF_DELEGADMIN) V(VFCF_SBDRY) V(VFCF_FILEMOUNT)

#define DIRENT_LIST \
    S(struct dirent, struct fbsd_dirent) \
    O(struct dirent, d_fileno, struct fbsd_dirent, d_fileno) \
    O(struct dirent, d_off, struct fbsd_dirent, d_off) \
    O(struct dirent, d_reclen, struct fbsd_dirent, d_reclen) \
    O(struct dirent, d_type, struct fbsd_dirent, d_type) \
    O(struct dirent, d_namlen, struct fbsd_dirent, d_namlen) \
    O(struct dirent, d_name, struct fbsd_dirent, d_name) \
    S(struct freebsd11_dirent, struct fbsd_freebsd11_dirent) \
    O(struct freebsd11_dirent, d_fileno, struct fbsd_freebsd11_dirent, d_fileno) \
    O(struct freebsd11_dirent, d_reclen, struct fbsd_freebsd11_dirent, d_reclen) \
    O(struct freebsd11_dirent, d_type, struct fbsd_freebsd11_dirent, d_type) \
    O(struct freebsd11_dirent, d_namlen, struct fbsd_freebsd11_dirent, d_namlen) \
    O(struct freebsd11_dirent, d_name, struct fbsd_freebsd11_dirent, d_name) \
    V(MAXNAMLEN) V(DT_UNKNOWN) V(DT_FIFO) V(DT_CHR) V(DT_DIR) V(DT_BLK) V(DT_REG) \
    V(DT_LNK) V(DT_SOCK) V(DT_WHT) \
    E(_GENERIC_DIRLEN(0), FBSD_DIRLEN(0)) E(_GENERIC_DIRLEN(7), FBSD_DIRLEN(7)) \
    E(_GENERIC_DIRLEN(8), FBSD_DIRLEN(8)) E(_GENERIC_DIRLEN(255), FBSD_DIRLEN(255))

#define TIME_LIST \
    V(CLOCK_REALTIME) V(CLOCK_VIRTUAL) V(CLOCK_PROF) V(CLOCK_MONOTONIC) V(CLOCK_UPTIME) \
    V(CLOCK_UPTIME_PRECISE) V(CLOCK_UPTIME_FAST) V(CLOCK_REALTIME_PRECISE) \
    V(CLOCK_REALTIME_FAST) V(CLOCK_MONOTONIC_PRECISE) V(CLOCK_MONOTONIC_FAST) \
    V(CLOCK_SECOND) V(CLOCK_THREAD_CPUTIME_ID) V(CLOCK_PROCESS_CPUTIME_ID) \
    V(TIMER_ABSTIME) V(ITIMER_REAL) V(ITIMER_VIRTUAL) V(ITIMER_PROF) \
    S(struct timeval, struct fbsd_timeval) S(struct timespec, struct fbsd_timespec) \
    O(struct timeval, tv_usec, struct fbsd_timeval, tv_usec) \
    O(struct timespec, tv_nsec, struct fbsd_timespec, tv_nsec) \
    S(struct itimerval, struct fbsd_itimerval) \
    O(struct itimerval, it_value, struct fbsd_itimerval, it_value)

#define RESOURCE_LIST \
    V(RLIMIT_CPU) V(RLIMIT_FSIZE) V(RLIMIT_DATA) V(RLIMIT_STACK) V(RLIMIT_CORE) \
    V(RLIMIT_RSS) V(RLIMIT_MEMLOCK) V(RLIMIT_NPROC) V(RLIMIT_NOFILE) V(RLIMIT_SBSIZE) \
    V(RLIMIT_VMEM) V(RLIMIT_AS) V(RLIMIT_NPTS) V(RLIMIT_SWAP) V(RLIMIT_KQUEUES) \
    V(RLIMIT_UMTXP) V(RLIM_NLIMITS) V(RLIM_INFINITY) V(RUSAGE_SELF) V(RUSAGE_CHILDREN) \
    V(RUSAGE_THREAD) V(PRIO_PROCESS) V(PRIO_PGRP) V(PRIO_USER) \
    S(struct rlimit, struct fbsd_rlimit) O(struct rlimit, rlim_max, struct fbsd_rlimit, rlim_max) \
    S(struct rusage, struct fbsd_rusage) \
    O(struct rusage, ru_stime, struct fbsd_rusage, ru_stime) \
    O(struct rusage, ru_maxrss, struct fbsd_rusage, ru_maxrss) \
    O(struct rusage, ru_nivcsw, struct fbsd_rusage, ru_nivcsw) \
    S(struct __wrusage, struct fbsd_wrusage) \
    O(struct __wrusage, wru_children, struct fbsd_wrusage, wru_children)

#define WAIT_LIST \
    V(WNOHANG) V(WUNTRACED) V(WSTOPPED) V(WCONTINUED) V(WNOWAIT) V(WEXITED) V(WTRAPPED) \
    V(P_PID) V(P_PPID) V(P_PGID) V(P_SID) V(P_CID) V(P_UID) V(P_GID) V(P_ALL) V(P_LWPID) \
    V(P_TASKID) V(P_PROJID) V(P_POOLID) V(P_JAILID) V(P_CTID) V(P_CPUID) V(P_PSETID) \
    V(WCOREFLAG) E(_WSTOPPED, FBSD_WSTOPPED_CODE) \
    E(WIFCONTINUED(FBSD_WCONTINUED_STATUS), 1) \
    E(WIFSTOPPED((FBSD_SIGTSTP << 8) | FBSD_WSTOPPED_CODE), 1) \
    E(WSTOPSIG((FBSD_SIGTSTP << 8) | FBSD_WSTOPPED_CODE), FBSD_SIGTSTP) \
    E(!!WCOREDUMP(FBSD_SIGSEGV | FBSD_WCOREFLAG), 1)

#define SIGNAL_LIST \
    V(SIGHUP) \
    V(SIGINT) \
    V(SIGQUIT) \
    V(SIGILL) \
    V(SIGTRAP) \
    V(SIGABRT) \
    V(SIGEMT) \
    V(SIGFPE) \
    V(SIGKILL) \
    V(SIGBUS) \
    V(SIGSEGV) \
    V(SIGSYS) \
    V(SIGPIPE) \
    V(SIGALRM) \
    V(SIGTERM) \
    V(SIGURG) \
    V(SIGSTOP) \
    V(SIGTSTP) \
    V(SIGCONT) \
    V(SIGCHLD) \
    V(SIGTTIN) \
    V(SIGTTOU) \
    V(SIGIO) \
    V(SIGXCPU) \
    V(SIGXFSZ) \
    V(SIGVTALRM) \
    V(SIGPROF) \
    V(SIGWINCH) \
    V(SIGINFO) \
    V(SIGUSR1) \
    V(SIGUSR2) \
    V(SIGTHR) \
    V(SIGLIBRT) \
    V(SIGRTMIN) \
    V(SIGRTMAX) \
    E(_SIG_MAXSIG, FBSD_NSIG) V(SIG_BLOCK) V(SIG_UNBLOCK) V(SIG_SETMASK) \
    V(SA_ONSTACK) V(SA_RESTART) V(SA_RESETHAND) V(SA_NOCLDSTOP) V(SA_NODEFER) \
    V(SA_NOCLDWAIT) V(SA_SIGINFO) V(SS_ONSTACK) V(SS_DISABLE) V(MINSIGSTKSZ) V(SIGSTKSZ) \
    \
    V(SI_NOINFO) V(SI_USER) V(SI_QUEUE) V(SI_TIMER) V(SI_ASYNCIO) V(SI_MESGQ) V(SI_KERNEL) \
    V(SI_LWP) V(SIGEV_NONE) V(SIGEV_SIGNAL) V(SIGEV_THREAD) V(SIGEV_KEVENT) \
    V(SIGEV_THREAD_ID) \
    S(sigset_t, fbsd_sigset_t) \
    S(struct sigaction, struct fbsd_sigaction) \
    O(struct sigaction, __sigaction_u, struct fbsd_sigaction, fsa_handler) \
    O(struct sigaction, sa_flags, struct fbsd_sigaction, fsa_flags) \
    O(struct sigaction, sa_mask, struct fbsd_sigaction, fsa_mask) \
    S(stack_t, struct fbsd_stack) O(stack_t, ss_sp, struct fbsd_stack, ss_sp) \
    O(stack_t, ss_size, struct fbsd_stack, ss_size) \
    O(stack_t, ss_flags, struct fbsd_stack, ss_flags) \
    S(siginfo_t, struct fbsd_siginfo) \
    O(siginfo_t, si_signo, struct fbsd_siginfo, fsi_signo) \
    O(siginfo_t, si_errno, struct fbsd_siginfo, fsi_errno) \
    O(siginfo_t, si_code, struct fbsd_siginfo, fsi_code) \
    O(siginfo_t, si_pid, struct fbsd_siginfo, fsi_pid) \
    O(siginfo_t, si_uid, struct fbsd_siginfo, fsi_uid) \
    O(siginfo_t, si_status, struct fbsd_siginfo, fsi_status) \
    O(siginfo_t, si_addr, struct fbsd_siginfo, fsi_addr) \
    O(siginfo_t, si_value, struct fbsd_siginfo, fsi_value) \
    O(siginfo_t, _reason, struct fbsd_siginfo, fsi_reason)

#define TERMIOS_LIST \
    V(NCCS) V(VEOF) V(VEOL) V(VEOL2) V(VERASE) V(VWERASE) V(VKILL) V(VREPRINT) V(VERASE2) \
    V(VINTR) V(VQUIT) V(VSUSP) V(VDSUSP) V(VSTART) V(VSTOP) V(VLNEXT) V(VDISCARD) V(VMIN) \
    V(VTIME) V(VSTATUS) E(_POSIX_VDISABLE, FBSD_POSIX_VDISABLE) \
    V(IGNBRK) V(BRKINT) V(IGNPAR) V(PARMRK) V(INPCK) V(ISTRIP) V(INLCR) V(IGNCR) V(ICRNL) \
    V(IXON) V(IXOFF) V(IXANY) V(IMAXBEL) V(OPOST) V(ONLCR) V(TABDLY) V(TAB0) V(TAB3) \
    V(ONOEOT) V(OCRNL) V(ONOCR) V(ONLRET) V(CIGNORE) V(CSIZE) V(CS5) V(CS6) V(CS7) V(CS8) \
    V(CSTOPB) V(CREAD) V(PARENB) V(PARODD) V(HUPCL) V(CLOCAL) V(CCTS_OFLOW) V(CRTS_IFLOW) \
    V(CRTSCTS) V(CDTR_IFLOW) V(CDSR_OFLOW) V(CCAR_OFLOW) V(CNO_RTSDTR) V(ECHOKE) V(ECHOE) \
    V(ECHOK) V(ECHO) V(ECHONL) V(ECHOPRT) V(ECHOCTL) V(ISIG) V(ICANON) V(ALTWERASE) \
    V(IEXTEN) V(EXTPROC) V(TOSTOP) V(FLUSHO) V(NOKERNINFO) V(PENDIN) V(NOFLSH) \
    V(TCSANOW) V(TCSADRAIN) V(TCSAFLUSH) \
    S(struct termios, struct fbsd_termios) \
    O(struct termios, c_oflag, struct fbsd_termios, c_oflag) \
    O(struct termios, c_lflag, struct fbsd_termios, c_lflag) \
    O(struct termios, c_cc, struct fbsd_termios, c_cc) \
    O(struct termios, c_ispeed, struct fbsd_termios, c_ispeed) \
    O(struct termios, c_ospeed, struct fbsd_termios, c_ospeed) \
    S(struct winsize, struct fbsd_winsize) \
    O(struct winsize, ws_col, struct fbsd_winsize, ws_col) \
    O(struct winsize, ws_ypixel, struct fbsd_winsize, ws_ypixel)

/* ioctl numbers compared as the 32-bit values a program passes. */
#define I(n) E((uint32_t)(n), FBSD_##n)
#define IOCTL_LIST \
    I(TIOCEXCL) I(TIOCNXCL) I(TIOCGPTN) I(TIOCFLUSH) I(TIOCGETA) I(TIOCSETA) I(TIOCSETAW) \
    I(TIOCSETAF) I(TIOCGETD) I(TIOCSETD) I(TIOCPTMASTER) I(TIOCDRAIN) I(TIOCSCTTY) \
    I(TIOCCONS) I(TIOCGSID) I(TIOCSWINSZ) I(TIOCGWINSZ) I(TIOCMGET) I(TIOCMBIC) I(TIOCMBIS) \
    I(TIOCMSET) I(TIOCSTART) I(TIOCSTOP) I(TIOCPKT) I(TIOCNOTTY) I(TIOCSTI) I(TIOCOUTQ) \
    I(TIOCSPGRP) I(TIOCGPGRP) I(TIOCCBRK) I(TIOCSBRK) I(FIOCLEX) I(FIONCLEX) I(FIONREAD) \
    I(FIONBIO) I(FIOASYNC) I(FIOSETOWN) I(FIOGETOWN) I(FIODTYPE) I(FIODGNAME) I(FIONWRITE) \
    I(FIONSPACE) I(FIOSEEKDATA) I(FIOSEEKHOLE) \
    S(struct fiodgname_arg, struct fbsd_fiodgname_arg) \
    O(struct fiodgname_arg, buf, struct fbsd_fiodgname_arg, buf)

#define IPC_LIST \
    V(IPC_CREAT) V(IPC_EXCL) V(IPC_NOWAIT) V(IPC_RMID) V(IPC_SET) V(IPC_STAT) V(IPC_INFO) \
    V(SHM_RDONLY) V(SHM_RND) V(SHM_LOCK) V(SHM_UNLOCK) V(SHM_STAT) V(SHM_INFO) \
    V(SEM_UNDO) V(GETNCNT) V(GETPID) V(GETVAL) V(GETALL) V(GETZCNT) V(SETVAL) V(SETALL) \
    V(SEM_STAT) V(SEM_INFO) V(MSG_NOERROR) \
    V(SHM_ALLOW_SEALING) V(SHM_GROW_ON_WRITE) V(SHM_LARGEPAGE) \
    V(SHM_RENAME_NOREPLACE) V(SHM_RENAME_EXCHANGE) V(MFD_CLOEXEC) V(MFD_ALLOW_SEALING) \
    V(EFD_SEMAPHORE) V(EFD_NONBLOCK) V(EFD_CLOEXEC) V(SPECIALFD_EVENTFD) \
    S(struct specialfd_eventfd, struct fbsd_specialfd_eventfd) \
    O(struct specialfd_eventfd, flags, struct fbsd_specialfd_eventfd, flags) \
    S(struct ipc_perm, struct fbsd_ipc_perm) \
    O(struct ipc_perm, cuid, struct fbsd_ipc_perm, cuid) O(struct ipc_perm, cgid, struct fbsd_ipc_perm, cgid) \
    O(struct ipc_perm, uid, struct fbsd_ipc_perm, uid) O(struct ipc_perm, gid, struct fbsd_ipc_perm, gid) \
    O(struct ipc_perm, mode, struct fbsd_ipc_perm, mode) O(struct ipc_perm, seq, struct fbsd_ipc_perm, seq) \
    O(struct ipc_perm, key, struct fbsd_ipc_perm, key) \
    S(struct shmid_ds, struct fbsd_shmid_ds) \
    O(struct shmid_ds, shm_segsz, struct fbsd_shmid_ds, shm_segsz) \
    O(struct shmid_ds, shm_lpid, struct fbsd_shmid_ds, shm_lpid) \
    O(struct shmid_ds, shm_cpid, struct fbsd_shmid_ds, shm_cpid) \
    O(struct shmid_ds, shm_nattch, struct fbsd_shmid_ds, shm_nattch) \
    O(struct shmid_ds, shm_atime, struct fbsd_shmid_ds, shm_atime) \
    O(struct shmid_ds, shm_dtime, struct fbsd_shmid_ds, shm_dtime) \
    O(struct shmid_ds, shm_ctime, struct fbsd_shmid_ds, shm_ctime) \
    S(struct semid_ds, struct fbsd_semid_ds) \
    O(struct semid_ds, sem_nsems, struct fbsd_semid_ds, sem_nsems) \
    O(struct semid_ds, sem_otime, struct fbsd_semid_ds, sem_otime) \
    O(struct semid_ds, sem_ctime, struct fbsd_semid_ds, sem_ctime) \
    S(struct msqid_ds, struct fbsd_msqid_ds) \
    O(struct msqid_ds, msg_cbytes, struct fbsd_msqid_ds, msg_cbytes) \
    O(struct msqid_ds, msg_qnum, struct fbsd_msqid_ds, msg_qnum) \
    O(struct msqid_ds, msg_qbytes, struct fbsd_msqid_ds, msg_qbytes) \
    O(struct msqid_ds, msg_lspid, struct fbsd_msqid_ds, msg_lspid) \
    O(struct msqid_ds, msg_lrpid, struct fbsd_msqid_ds, msg_lrpid) \
    O(struct msqid_ds, msg_stime, struct fbsd_msqid_ds, msg_stime) \
    O(struct msqid_ds, msg_rtime, struct fbsd_msqid_ds, msg_rtime) \
    O(struct msqid_ds, msg_ctime, struct fbsd_msqid_ds, msg_ctime)

#define SOCKET_LIST \
    V(AF_UNSPEC) V(AF_UNIX) V(AF_LOCAL) V(AF_INET) V(AF_ROUTE) V(AF_INET6) \
    V(SOCK_STREAM) V(SOCK_DGRAM) V(SOCK_RAW) V(SOCK_RDM) V(SOCK_SEQPACKET) V(SOCK_CLOEXEC) \
    V(SOCK_NONBLOCK) V(SOL_SOCKET) V(SO_DEBUG) V(SO_ACCEPTCONN) V(SO_REUSEADDR) \
    V(SO_KEEPALIVE) V(SO_DONTROUTE) V(SO_BROADCAST) V(SO_USELOOPBACK) V(SO_LINGER) \
    V(SO_OOBINLINE) V(SO_REUSEPORT) V(SO_TIMESTAMP) V(SO_NOSIGPIPE) V(SO_ACCEPTFILTER) \
    V(SO_BINTIME) V(SO_REUSEPORT_LB) V(SO_SNDBUF) V(SO_RCVBUF) V(SO_SNDLOWAT) V(SO_RCVLOWAT) \
    V(SO_SNDTIMEO) V(SO_RCVTIMEO) V(SO_ERROR) V(SO_TYPE) V(SO_LISTENQLIMIT) V(SO_LISTENQLEN) \
    V(SO_SETFIB) V(SO_PROTOCOL) V(SO_DOMAIN) V(IPPROTO_IP) V(IPPROTO_TCP) V(IPPROTO_UDP) \
    V(IPPROTO_IPV6) V(TCP_NODELAY) V(IPV6_V6ONLY) \
    V(MSG_OOB) V(MSG_PEEK) V(MSG_DONTROUTE) V(MSG_EOR) V(MSG_TRUNC) V(MSG_CTRUNC) \
    V(MSG_WAITALL) V(MSG_DONTWAIT) V(MSG_EOF) V(MSG_NOTIFICATION) V(MSG_NBIO) V(MSG_COMPAT) \
    V(MSG_NOSIGNAL) V(MSG_CMSG_CLOEXEC) V(MSG_WAITFORONE) V(SCM_RIGHTS) V(SCM_TIMESTAMP) \
    V(SCM_CREDS) V(SCM_BINTIME) V(SHUT_RD) V(SHUT_WR) V(SHUT_RDWR) \
    E(sizeof(((struct sockaddr_un *)0)->sun_path), FBSD_SUN_PATH_LEN) \
    S(struct sockaddr, struct fbsd_sockaddr) \
    O(struct sockaddr, sa_family, struct fbsd_sockaddr, sa_family) \
    S(struct sockaddr_in, struct fbsd_sockaddr_in) \
    O(struct sockaddr_in, sin_port, struct fbsd_sockaddr_in, sin_port) \
    O(struct sockaddr_in, sin_addr, struct fbsd_sockaddr_in, sin_addr) \
    S(struct sockaddr_in6, struct fbsd_sockaddr_in6) \
    O(struct sockaddr_in6, sin6_flowinfo, struct fbsd_sockaddr_in6, sin6_flowinfo) \
    O(struct sockaddr_in6, sin6_addr, struct fbsd_sockaddr_in6, sin6_addr) \
    O(struct sockaddr_in6, sin6_scope_id, struct fbsd_sockaddr_in6, sin6_scope_id) \
    S(struct sockaddr_un, struct fbsd_sockaddr_un) \
    O(struct sockaddr_un, sun_path, struct fbsd_sockaddr_un, sun_path) \
    S(struct linger, struct fbsd_linger) S(struct cmsghdr, struct fbsd_cmsghdr) \
    O(struct cmsghdr, cmsg_type, struct fbsd_cmsghdr, cmsg_type)

/* Signal delivery: mcontext_t, ucontext_t, struct sigframe (machine/sigframe.h). */
#define MO(f) O(mcontext_t, f, struct fbsd_mcontext, f)
#define UCONTEXT_LIST \
    S(mcontext_t, struct fbsd_mcontext) S(ucontext_t, struct fbsd_ucontext) \
    S(struct sigframe, struct fbsd_sigframe) \
    MO(mc_onstack) MO(mc_rdi) MO(mc_rsi) MO(mc_rdx) MO(mc_rcx) MO(mc_r8) MO(mc_r9) MO(mc_rax) \
    MO(mc_rbx) MO(mc_rbp) MO(mc_r10) MO(mc_r11) MO(mc_r12) MO(mc_r13) MO(mc_r14) MO(mc_r15) \
    MO(mc_trapno) MO(mc_fs) MO(mc_gs) MO(mc_addr) MO(mc_flags) MO(mc_es) MO(mc_ds) MO(mc_err) \
    MO(mc_rip) MO(mc_cs) MO(mc_rflags) MO(mc_rsp) MO(mc_ss) MO(mc_len) MO(mc_fpformat) \
    MO(mc_ownedfp) MO(mc_fpstate) MO(mc_fsbase) MO(mc_gsbase) MO(mc_xfpustate) \
    MO(mc_xfpustate_len) MO(mc_spare) \
    O(ucontext_t, uc_sigmask, struct fbsd_ucontext, uc_sigmask) \
    O(ucontext_t, uc_mcontext, struct fbsd_ucontext, uc_mcontext) \
    O(ucontext_t, uc_link, struct fbsd_ucontext, uc_link) \
    O(ucontext_t, uc_stack, struct fbsd_ucontext, uc_stack) \
    O(ucontext_t, uc_flags, struct fbsd_ucontext, uc_flags) \
    O(struct sigframe, sf_ahu, struct fbsd_sigframe, sf_ahu) \
    O(struct sigframe, sf_uc, struct fbsd_sigframe, sf_uc) \
    O(struct sigframe, sf_si, struct fbsd_sigframe, sf_si) \
    E(_MC_HASSEGS, FBSD_MC_HASSEGS) E(_MC_HASBASES, FBSD_MC_HASBASES) \
    E(_MC_HASFPXSTATE, FBSD_MC_HASFPXSTATE) E(_MC_FPFMT_NODEV, FBSD_MC_FPFMT_NODEV) \
    E(_MC_FPFMT_XMM, FBSD_MC_FPFMT_XMM) E(_MC_FPOWNED_NONE, FBSD_MC_FPOWNED_NONE) \
    E(_MC_FPOWNED_FPU, FBSD_MC_FPOWNED_FPU) E(_MC_FPOWNED_PCB, FBSD_MC_FPOWNED_PCB) \
    E(MINSIGSTKSZ, FBSD_MINSIGSTKSZ) E(SS_ONSTACK, FBSD_SS_ONSTACK) E(SS_DISABLE, FBSD_SS_DISABLE)

/* kqueue (abi/freebsd/kevent.h): both struct kevent layouts and the constants.
 * Checked at compile time only (tests/integration/abi_layout.sh). */
#define _WANT_FREEBSD11_KEVENT
#include <sys/event.h>
#include "abi/freebsd/kevent.h"
#define KEVENT_LIST \
    S(struct kevent, struct fbsd_kevent) \
    O(struct kevent, ident, struct fbsd_kevent, ident) O(struct kevent, filter, struct fbsd_kevent, filter) \
    O(struct kevent, flags, struct fbsd_kevent, flags) O(struct kevent, fflags, struct fbsd_kevent, fflags) \
    O(struct kevent, data, struct fbsd_kevent, data) O(struct kevent, udata, struct fbsd_kevent, udata) \
    O(struct kevent, ext, struct fbsd_kevent, ext) \
    S(struct kevent_freebsd11, struct fbsd_kevent11) \
    O(struct kevent_freebsd11, data, struct fbsd_kevent11, data) \
    O(struct kevent_freebsd11, udata, struct fbsd_kevent11, udata) \
    V(EVFILT_READ) V(EVFILT_WRITE) V(EVFILT_AIO) V(EVFILT_VNODE) V(EVFILT_PROC) V(EVFILT_SIGNAL) \
    V(EVFILT_TIMER) V(EVFILT_PROCDESC) V(EVFILT_FS) V(EVFILT_LIO) V(EVFILT_USER) V(EVFILT_SENDFILE) \
    V(EVFILT_EMPTY) V(EVFILT_SYSCOUNT) \
    V(EV_ADD) V(EV_DELETE) V(EV_ENABLE) V(EV_DISABLE) V(EV_ONESHOT) V(EV_CLEAR) V(EV_RECEIPT) \
    V(EV_DISPATCH) V(EV_FORCEONESHOT) V(EV_SYSFLAGS) V(EV_DROP) V(EV_FLAG1) V(EV_FLAG2) V(EV_EOF) V(EV_ERROR) \
    V(NOTE_FFNOP) V(NOTE_FFAND) V(NOTE_FFOR) V(NOTE_FFCOPY) V(NOTE_FFCTRLMASK) V(NOTE_FFLAGSMASK) \
    V(NOTE_TRIGGER) V(NOTE_LOWAT) V(NOTE_FILE_POLL) \
    V(NOTE_DELETE) V(NOTE_WRITE) V(NOTE_EXTEND) V(NOTE_ATTRIB) V(NOTE_LINK) V(NOTE_RENAME) V(NOTE_REVOKE) \
    V(NOTE_OPEN) V(NOTE_CLOSE) V(NOTE_CLOSE_WRITE) V(NOTE_READ) \
    V(NOTE_EXIT) V(NOTE_FORK) V(NOTE_EXEC) V(NOTE_PCTRLMASK) V(NOTE_PDATAMASK) V(NOTE_TRACK) \
    V(NOTE_TRACKERR) V(NOTE_CHILD) \
    V(NOTE_SECONDS) V(NOTE_MSECONDS) V(NOTE_USECONDS) V(NOTE_NSECONDS) V(NOTE_ABSTIME)

#define FAMILIES(F) F(ERRNO) F(FCNTL) F(MMAN) F(STAT) F(STATFS) F(DIRENT) F(TIME) \
    F(RESOURCE) F(WAIT) F(SIGNAL) FAMILIES_MORE(F)
#ifdef HAVE_TERMIOS
#define FAMILIES_TERMIOS(F) F(TERMIOS) F(IOCTL)
#else
#define FAMILIES_TERMIOS(F)
#endif
#ifdef HAVE_SOCKET
#define FAMILIES_SOCKET(F) F(SOCKET)
#else
#define FAMILIES_SOCKET(F)
#endif
#ifdef HAVE_IPC
#define FAMILIES_IPC(F) F(IPC)
#else
#define FAMILIES_IPC(F)
#endif
#ifdef HAVE_UCONTEXT
#define FAMILIES_UCONTEXT(F) F(UCONTEXT)
#else
#define FAMILIES_UCONTEXT(F)
#endif
#define FAMILIES_MORE(F) FAMILIES_TERMIOS(F) FAMILIES_SOCKET(F) FAMILIES_UCONTEXT(F) FAMILIES_IPC(F)

#ifdef CHECK_ONLY
/* Compile-time mode: one family, chosen with -DCHECK_ONLY=NAME_LIST. */
#define V(n)  _Static_assert((long long)(n) == (long long)(FBSD_##n), #n " differs from FBSD_" #n);
#define E(real, ours) _Static_assert((long long)(real) == (long long)(ours), #real " differs from " #ours);
#define S(rt, ot) _Static_assert(sizeof(rt) == sizeof(ot), "sizeof(" #rt ") differs from sizeof(" #ot ")");
#define O(rt, rf, ot, of) _Static_assert(offsetof(rt, rf) == offsetof(ot, of), \
                                         "offsetof(" #rt ", " #rf ") differs from offsetof(" #ot ", " #of ")");
CHECK_ONLY
#else
/* Program mode: prints every check as "name real ours", exit status 1 on a mismatch. */
static int bad;
static void check(const char *name, long long real, long long ours)
{
    printf("%s %lld %lld%s\n", name, real, ours, real == ours ? "" : " MISMATCH");
    if (real != ours)
        bad = 1;
}
#define V(n)  check(#n, (long long)(n), (long long)(FBSD_##n));
#define E(real, ours) check(#real, (long long)(real), (long long)(ours));
#define S(rt, ot) check("sizeof(" #rt ")", (long long)sizeof(rt), (long long)sizeof(ot));
#define O(rt, rf, ot, of) check("offsetof(" #rt ", " #rf ")", (long long)offsetof(rt, rf), \
                                (long long)offsetof(ot, of));
#define RUN(fam) fam##_LIST
int main(void)
{
    FAMILIES(RUN)
    return bad;
}
#endif
