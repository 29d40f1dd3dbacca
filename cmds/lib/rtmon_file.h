/* Reading back a file of netlink messages as rtmon writes them (iproute2's rtnl_from_file). */
#ifndef NSBOX_RTMON_FILE_H
#define NSBOX_RTMON_FILE_H

#include <linux/netlink.h>

/* Hands each message to accept until the end of the file or until accept returns < 0: 0 then, or
 * fail after a short read or a bad length (each tool exits with its own code: ip 1, bridge 255). An
 * unopenable file dies with 255. */
int rtmon_file_read(const char *path, int (*accept)(const struct nlmsghdr *h), int fail);

#endif
