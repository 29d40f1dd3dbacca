/* Where ip monitor and bridge monitor read their events: the netlink socket (iproute2's
 * rtnl_listen) or a file of messages as rtmon writes them (rtnl_from_file). */
#ifndef NSBOX_MON_SOURCE_H
#define NSBOX_MON_SOURCE_H

#include <linux/netlink.h>
#include "nl.h"

/* Called for each message with its nsid (-1 from a file); < 0 stops the reading. */
typedef int (*mon_accept_fn)(const struct nlmsghdr *h, int nsid);

/* Until the end of the file or until accept returns < 0: 0 then, or fail after a short read or a
 * bad length (each tool exits with its own code: ip 1, bridge 255). An unopenable file dies
 * with 255. */
int rtmon_file_read(const char *path, mon_accept_fn accept, int fail);
/* Receives from sk for ever; 2 when it gives up (a receive error, EOF, a truncated message or
 * accept < 0); a malformed message or a remnant dies with 1. */
int mon_listen(struct nlsock *sk, mon_accept_fn accept);

#endif
