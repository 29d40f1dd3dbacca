/* Neighbours: RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH requests, dumps
 * and parsing. */
#ifndef NSBOX_RTNL_NEIGH_H
#define NSBOX_RTNL_NEIGH_H

#include <linux/neighbour.h>
#include "rtnl.h"

/* A neighbour to add, change, delete or get. Attributes go out in iproute2's order:
 * NDA_PROTOCOL, NDA_DST, NDA_FLAGS_EXT, NDA_LLADDR. */
struct neigh_req {
	uint8_t family;       /* ndm_family */
	uint8_t flags;        /* ndm_flags: NTF_PROXY, NTF_ROUTER ... */
	uint16_t state;       /* ndm_state: NUD_* */
	int index;            /* ndm_ifindex, 0 = none */
	int proto;            /* NDA_PROTOCOL, or -1 */
	int dst_len;          /* bytes of NDA_DST (0: an empty one) */
	unsigned char dst[16];
	uint32_t ext_flags;   /* NDA_FLAGS_EXT when not 0 */
	int lladdr_len;       /* NDA_LLADDR when > 0 */
	unsigned char lladdr[24];
};
void neigh_req_init(struct neigh_req *r);
/* type RTM_NEWNEIGH, RTM_DELNEIGH or RTM_GETNEIGH; NLM_F_REQUEST is added to nlflags. */
void rtnl_neigh_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
		      const struct neigh_req *r);

/* The dump request: ndm_family and ndm_flags (NTF_PROXY for the proxy table), then
 * NDA_IFINDEX and NDA_MASTER when not 0 (master -1 asks for devices without one). */
struct neigh_dump {
	uint8_t family;
	uint8_t flags;
	int ifindex;
	int master;
};
void rtnl_neigh_dump_build(struct nlb *b, void *buf, size_t cap, const struct neigh_dump *d);
int rtnl_neigh_dump(struct nlsock *sk, const struct neigh_dump *d, nl_cb cb, void *arg);

/* Parsed view of one neighbour message; pointers into it. */
struct neigh_info {
	const struct ndmsg *ndm;
	struct nlattr *tb[NDA_MAX + 1];
};
int rtnl_neigh_parse(const struct nlmsghdr *h, struct neigh_info *ni);


#endif
