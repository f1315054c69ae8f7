/* Syscall loop for `make bench`, FreeBSD build: the same source as the Linux one. */
#include "../linux/bench_loop.c"
