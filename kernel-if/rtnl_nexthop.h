/* Nexthop objects (ip nexthop): RTM_NEWNEXTHOP / RTM_DELNEXTHOP / RTM_GETNEXTHOP requests,
 * dumps and the checked parse of one nexthop. */
#ifndef NSBOX_RTNL_NEXTHOP_H
#define NSBOX_RTNL_NEXTHOP_H

#include <stdint.h>
#include <linux/nexthop.h>
#include "nl.h"

/* A nexthop to add, replace or delete is built by the caller: this start (nlmsghdr and a
 * zeroed nhmsg of the family), then one attribute per word in the order the words came. */
struct nhmsg *rtnl_nexthop_start(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
				 uint8_t family);
/* RTM_DELNEXTHOP of one id, with an ack (ip nexthop flush). */
void rtnl_nexthop_del_build(struct nlb *b, void *buf, size_t cap, uint32_t id);
/* RTM_GETNEXTHOP of one id: cb gets the answer. */
int rtnl_nexthop_get(struct nlsock *sk, uint8_t family, uint32_t id, nl_cb cb, void *arg);
/* What a dump asks the kernel to keep (0: no filter): NHA_OIF, NHA_GROUPS, NHA_MASTER, NHA_FDB. */
struct nh_filter {
	uint32_t oif, master;
	int groups, fdb;
};
int rtnl_nexthop_dump(struct nlsock *sk, uint8_t family, const struct nh_filter *f, nl_cb cb, void *arg);
/* Parsed view of one RTM_NEWNEXTHOP/RTM_DELNEXTHOP; pointers into the message. Attributes are
 * checked for size (NHA_GROUP a whole, non-empty number of nexthop_grp; NHA_GATEWAY at most 16
 * bytes): -EPROTO when one is not. rg: inside NHA_RES_GROUP. */
struct nh_info {
	const struct nhmsg *nhm;
	struct nlattr *tb[NHA_MAX + 1];
	struct nlattr *rg[NHA_RES_GROUP_MAX + 1];
};
int rtnl_nexthop_parse(const struct nlmsghdr *h, struct nh_info *ni);

#endif
