/* RTM_GETSTATS dump requests and the parsing of RTM_NEWSTATS. */
#include <errno.h>
#include <string.h>
#include "rtnl_stats.h"

void rtnl_stats_dump_build(struct nlb *b, void *buf, size_t cap, uint32_t mask)
{
	struct if_stats_msg *ifsm = nlb_start(b, buf, cap, RTM_GETSTATS, NLM_F_REQUEST | NLM_F_DUMP,
					      sizeof(*ifsm));

	if (ifsm)
		ifsm->filter_mask = mask;
}

int rtnl_stats_dump(struct nlsock *sk, uint32_t mask, nl_cb cb, void *arg)
{
	char buf[32];
	struct nlb b;

	rtnl_stats_dump_build(&b, buf, sizeof(buf), mask);
	return nl_talk(sk, &b, cb, arg);
}

void rtnl_stats_get_build(struct nlb *b, void *buf, size_t cap, int ifindex, uint32_t mask, uint32_t offload)
{
	struct if_stats_msg *ifsm = nlb_start(b, buf, cap, RTM_GETSTATS,
					      NLM_F_REQUEST | (ifindex ? 0 : NLM_F_DUMP), sizeof(*ifsm));
	struct nlattr *nest;

	if (ifsm) {
		ifsm->ifindex = ifindex;
		ifsm->filter_mask = mask;
	}
	if (offload) {
		nest = nlb_nest_start(b, IFLA_STATS_GET_FILTERS | NLA_F_NESTED);
		nlb_put_u32(b, IFLA_STATS_LINK_OFFLOAD_XSTATS, offload);
		nlb_nest_end(b, nest);
	}
}

int rtnl_stats_get(struct nlsock *sk, int ifindex, uint32_t mask, uint32_t offload, nl_cb cb, void *arg)
{
	char buf[48];
	struct nlb b;

	rtnl_stats_get_build(&b, buf, sizeof(buf), ifindex, mask, offload);
	return nl_talk(sk, &b, cb, arg);
}

void rtnl_stats_set_build(struct nlb *b, void *buf, size_t cap, int ifindex, uint16_t attr, uint8_t on)
{
	struct if_stats_msg *ifsm = nlb_start(b, buf, cap, RTM_SETSTATS, NLM_F_REQUEST | NLM_F_ACK, sizeof(*ifsm));

	if (ifsm)
		ifsm->ifindex = ifindex;
	nlb_put_u8(b, attr, on);
}

int rtnl_stats_set(struct nlsock *sk, int ifindex, uint16_t attr, uint8_t on)
{
	char buf[40];
	struct nlb b;

	rtnl_stats_set_build(&b, buf, sizeof(buf), ifindex, attr, on);
	return nl_talk(sk, &b, NULL, NULL);
}

int rtnl_stats_parse(const struct nlmsghdr *h, struct stats_info *si)
{
	size_t hl = NLMSG_ALIGN(sizeof(si->ifsm));

	memset(si, 0, sizeof(*si));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	memcpy(&si->ifsm, nlmsg_data(h), sizeof(si->ifsm));
	return nla_parse(si->tb, IFLA_STATS_MAX, (const char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl);
}
