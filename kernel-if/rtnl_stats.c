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

int rtnl_stats_parse(const struct nlmsghdr *h, struct stats_info *si)
{
	size_t hl = NLMSG_ALIGN(sizeof(si->ifsm));

	memset(si, 0, sizeof(*si));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	memcpy(&si->ifsm, nlmsg_data(h), sizeof(si->ifsm));
	return nla_parse(si->tb, IFLA_STATS_MAX, (const char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl);
}
