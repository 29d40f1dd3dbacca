/* rtnetlink notifications: group membership and the read that tells where a message came from. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "rtnl_mon.h"
#include "sys.h"

#ifndef NETLINK_LISTEN_ALL_NSID
#define NETLINK_LISTEN_ALL_NSID 8
#endif

static int opt(struct nlsock *sk, int level, int name, int val)
{
	return setsockopt(sk->fd, level, name, &val, sizeof(val)) < 0 ? -errno : 0;
}

int rtnl_mon_open(struct nlsock *sk)
{
	int err = nl_open(sk, NETLINK_ROUTE);

	/* A burst of events (a namespace torn down) overflows the default buffer: ENOBUFS. */
	if (!err && (err = opt(sk, SOL_SOCKET, SO_RCVBUF, 1024 * 1024)))
		nl_close(sk);
	return err;
}

int rtnl_mon_join(struct nlsock *sk, unsigned group)
{
	return opt(sk, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, (int)group);
}

int rtnl_mon_all_nsid(struct nlsock *sk)
{
	return opt(sk, SOL_NETLINK, NETLINK_LISTEN_ALL_NSID, 1);
}

ssize_t rtnl_mon_recv(struct nlsock *sk, int *nsid, int *trunc)
{
	struct sockaddr_nl sa;
	union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
	struct iovec iov = { sk->rx, sizeof(sk->rx) };
	struct msghdr m = { .msg_name = &sa, .msg_namelen = sizeof(sa), .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = ctl.buf, .msg_controllen = sizeof(ctl.buf) };
	struct cmsghdr *c;
	ssize_t n = sys_recvmsg(sk->fd, &m, 0);

	if (n < 0)
		return -errno;
	*nsid = -1;
	*trunc = !!(m.msg_flags & MSG_TRUNC);
	for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
		if (c->cmsg_level == SOL_NETLINK && c->cmsg_type == NETLINK_LISTEN_ALL_NSID &&
		    c->cmsg_len == CMSG_LEN(sizeof(int)))
			memcpy(nsid, CMSG_DATA(c), sizeof(int));
	return n;
}
