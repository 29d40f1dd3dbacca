/* rtnetlink notifications: a socket in multicast groups, read one datagram at a time. */
#ifndef NSBOX_RTNL_MON_H
#define NSBOX_RTNL_MON_H

#include <sys/types.h>
#include "nl.h"

/* nl_open's socket with iproute2's receive buffer for monitors (1 MiB): 0 or -errno. */
int rtnl_mon_open(struct nlsock *sk);
/* Join a multicast group (RTNLGRP_*): 0 or -errno. */
int rtnl_mon_join(struct nlsock *sk, unsigned group);
/* Also hear the namespaces this one has an nsid for (NETLINK_LISTEN_ALL_NSID): 0 or -errno. */
int rtnl_mon_all_nsid(struct nlsock *sk);
/* The next datagram into sk->rx: its length, 0 at EOF, or -errno. *nsid: the namespace it came
 * from (-1 for this one), *trunc: it did not fit. */
ssize_t rtnl_mon_recv(struct nlsock *sk, int *nsid, int *trunc);

#endif
