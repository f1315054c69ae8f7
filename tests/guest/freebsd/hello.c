/* FreeBSD guest: the acceptance hello-world (issue 4), dynamically linked
 * against the 13.2 libc and run with the sysroot as root. */
#include <stdio.h>

int main(void)
{
    printf("hello, world\n");
    return 0;
}
