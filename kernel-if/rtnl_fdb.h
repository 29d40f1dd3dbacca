/* Bridges, for brctl: the forwarding database (an RTM_GETNEIGH dump of family AF_BRIDGE) and
 * the options of a bridge port (IFLA_INFO_SLAVE_DATA, which struct link_req does not carry). */
#ifndef NSBOX_RTNL_FDB_H
#define NSBOX_RTNL_FDB_H

#include <stdint.h>
#include "rtnl.h"

/* One forwarding entry, as the kernel reports it. */
struct fdb_entry {
	int ifindex;          /* the port; the bridge itself for its own addresses */
	int master;           /* NDA_MASTER: the bridge; 0 for a device's own address list */
	uint16_t state;       /* NUD_PERMANENT local, NUD_NOARP static, NUD_REACHABLE, NUD_STALE aged out */
	uint32_t updated;     /* clock ticks since the entry was last seen (NDA_CACHEINFO) */
	unsigned char mac[6];
};

/* Dump the entries of the bridge master (and the address lists of its devices). */
int rtnl_fdb_dump(struct nlsock *sk, int master, nl_cb cb, void *arg);
/* 0, or -EPROTO when the message is not an AF_BRIDGE neighbour with a 6-byte address. */
int rtnl_fdb_parse(const struct nlmsghdr *h, struct fdb_entry *e);

/* RTM_NEWLINK on the port index with IFLA_LINKINFO { IFLA_INFO_SLAVE_DATA { type: val } } and
 * NLM_F_ACK. No kind: the kernel takes the port's from its master. */
void rtnl_brport_build(struct nlb *b, void *buf, size_t cap, int index, uint16_t type,
		       const void *val, size_t len);

#endif
