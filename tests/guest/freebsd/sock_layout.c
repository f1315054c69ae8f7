/* The FreeBSD layouts and constants that abi/freebsd/cmsg.h and poll.h restate
 * (checked there by _Static_assert with the same numbers): printed from the 13.2
 * headers, compared by the test. */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ucred.h>
#include <sys/un.h>
#include <sys/select.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>

int main(void)
{
    printf("msghdr %zu namelen@%zu iovlen@%zu controllen@%zu flags@%zu\n", sizeof(struct msghdr),
           offsetof(struct msghdr, msg_namelen), offsetof(struct msghdr, msg_iovlen),
           offsetof(struct msghdr, msg_controllen), offsetof(struct msghdr, msg_flags));
    printf("cmsghdr %zu CMSG_LEN(0) %zu CMSG_SPACE(4) %zu CMSG_SPACE(84) %zu\n",
           sizeof(struct cmsghdr), (size_t)CMSG_LEN(0), (size_t)CMSG_SPACE(4), (size_t)CMSG_SPACE(84));
    printf("cmsgcred %zu groups@%zu xucred %zu pid@%zu\n", sizeof(struct cmsgcred),
           offsetof(struct cmsgcred, cmcred_groups), sizeof(struct xucred), offsetof(struct xucred, cr_pid));
    printf("sf_hdtr %zu trailers@%zu sockaddr_un %zu\n", sizeof(struct sf_hdtr),
           offsetof(struct sf_hdtr, trailers), sizeof(struct sockaddr_un));
    printf("pollfd %zu POLLRDNORM %#x POLLWRNORM %#x POLLRDBAND %#x POLLWRBAND %#x POLLINIGNEOF %#x POLLRDHUP %#x\n",
           sizeof(struct pollfd), POLLRDNORM, POLLWRNORM, POLLRDBAND, POLLWRBAND, POLLINIGNEOF, POLLRDHUP);
    printf("fd_set %zu FD_SETSIZE %d\n", sizeof(fd_set), FD_SETSIZE);
    printf("SCM_RIGHTS %d SCM_TIMESTAMP %d SCM_CREDS %d LOCAL_PEERCRED %d SOL_LOCAL %d\n", SCM_RIGHTS,
           SCM_TIMESTAMP, SCM_CREDS, LOCAL_PEERCRED, SOL_LOCAL);
    return 0;
}
