/* RTM_GETSTATS: the dump of every link's statistics that a filter mask selects (ip link
 * xstats, afstats), and the checked parse of one RTM_NEWSTATS (those and ip monitor stats). */
#ifndef NSBOX_RTNL_STATS_H
#define NSBOX_RTNL_STATS_H

#include "rtnl.h"

/* The dump request: NLM_F_DUMP, an if_stats_msg of AF_UNSPEC, ifindex 0 (a strict kernel
 * refuses an index in a dump) and mask (IFLA_STATS_FILTER_BIT of the attributes wanted). */
void rtnl_stats_dump_build(struct nlb *b, void *buf, size_t cap, uint32_t mask);
int rtnl_stats_dump(struct nlsock *sk, uint32_t mask, nl_cb cb, void *arg);

/* ip stats: RTM_GETSTATS of one link (NLM_F_REQUEST; ifindex 0: NLM_F_DUMP of every link) with
 * the filter mask and, when offload is not 0, IFLA_STATS_GET_FILTERS holding offload as the
 * mask of the IFLA_STATS_LINK_OFFLOAD_XSTATS attributes wanted (iproute2 sends it only when it
 * leaves some out). */
void rtnl_stats_get_build(struct nlb *b, void *buf, size_t cap, int ifindex, uint32_t mask, uint32_t offload);
int rtnl_stats_get(struct nlsock *sk, int ifindex, uint32_t mask, uint32_t offload, nl_cb cb, void *arg);
/* RTM_SETSTATS (NLM_F_ACK) of one link: the u8 attribute attr (IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS). */
void rtnl_stats_set_build(struct nlb *b, void *buf, size_t cap, int ifindex, uint16_t attr, uint8_t on);
int rtnl_stats_set(struct nlsock *sk, int ifindex, uint16_t attr, uint8_t on);

/* Parsed view of one RTM_NEWSTATS: its header copied, attributes pointing into the message. */
struct stats_info {
	struct if_stats_msg ifsm;
	struct nlattr *tb[IFLA_STATS_MAX + 1];
};
/* 0; -EPROTO when the message is shorter than its header (nothing parsed); -EINVAL when an
 * attribute runs past the end, with the attributes before it in tb (iproute2 shows those). */
int rtnl_stats_parse(const struct nlmsghdr *h, struct stats_info *si);

#endif
