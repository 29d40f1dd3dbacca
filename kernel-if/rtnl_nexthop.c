/* RTM_*NEXTHOP requests, nexthop dumps and the checked parse of a nexthop. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include "rtnl_nexthop.h"

struct nhmsg *rtnl_nexthop_start(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
				 uint8_t family)
{
	struct nhmsg *nhm = nlb_start(b, buf, cap, type, NLM_F_REQUEST | nlflags, sizeof(*nhm));

	if (nhm)
		nhm->nh_family = family;
	return nhm;
}

void rtnl_nexthop_del_build(struct nlb *b, void *buf, size_t cap, uint32_t id)
{
	rtnl_nexthop_start(b, buf, cap, RTM_DELNEXTHOP, NLM_F_ACK, AF_UNSPEC);
	nlb_put_u32(b, NHA_ID, id);
}

int rtnl_nexthop_get(struct nlsock *sk, uint8_t family, uint32_t id, nl_cb cb, void *arg)
{
	char buf[NLMSG_HDRLEN + sizeof(struct nhmsg) + 8];
	struct nlb b;

	rtnl_nexthop_start(&b, buf, sizeof(buf), RTM_GETNEXTHOP, 0, family);
	nlb_put_u32(&b, NHA_ID, id);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_nexthop_dump(struct nlsock *sk, uint8_t family, const struct nh_filter *f, nl_cb cb, void *arg)
{
	char buf[NLMSG_HDRLEN + sizeof(struct nhmsg) + 32];
	struct nlb b;

	rtnl_nexthop_start(&b, buf, sizeof(buf), RTM_GETNEXTHOP, NLM_F_DUMP, family);
	if (f->oif)
		nlb_put_u32(&b, NHA_OIF, f->oif);
	if (f->groups)
		nlb_put(&b, NHA_GROUPS, NULL, 0);
	if (f->master)
		nlb_put_u32(&b, NHA_MASTER, f->master);
	if (f->fdb)
		nlb_put(&b, NHA_FDB, NULL, 0);
	return nl_talk(sk, &b, cb, arg);
}

/* Smallest payload of each attribute the printer reads. */
static const unsigned char nh_policy[NHA_MAX + 1] = {
	[NHA_ID] = 4, [NHA_GROUP] = sizeof(struct nexthop_grp), [NHA_GROUP_TYPE] = 2, [NHA_OIF] = 4,
	[NHA_ENCAP_TYPE] = 2,
};
static const unsigned char rg_policy[NHA_RES_GROUP_MAX + 1] = {
	[NHA_RES_GROUP_BUCKETS] = 2, [NHA_RES_GROUP_IDLE_TIMER] = 4,
	[NHA_RES_GROUP_UNBALANCED_TIMER] = 4, [NHA_RES_GROUP_UNBALANCED_TIME] = 8,
};

static int sizes_ok(struct nlattr *const *tb, const unsigned char *policy, int max)
{
	for (int t = 1; t <= max; t++)
		if (tb[t] && nla_len(tb[t]) < policy[t])
			return 0;
	return 1;
}

int rtnl_nexthop_parse(const struct nlmsghdr *h, struct nh_info *ni)
{
	memset(ni, 0, sizeof(*ni));
	if (!(ni->nhm = nlmsg_parse(h, sizeof(struct nhmsg), ni->tb, NHA_MAX)) ||
	    !sizes_ok(ni->tb, nh_policy, NHA_MAX) ||
	    (ni->tb[NHA_GROUP] && nla_len(ni->tb[NHA_GROUP]) % sizeof(struct nexthop_grp)) ||
	    (ni->tb[NHA_GATEWAY] && nla_len(ni->tb[NHA_GATEWAY]) > 16))
		return -EPROTO;
	if (ni->tb[NHA_RES_GROUP] && (nla_parse_nested(ni->rg, NHA_RES_GROUP_MAX, ni->tb[NHA_RES_GROUP]) < 0 ||
				      !sizes_ok(ni->rg, rg_policy, NHA_RES_GROUP_MAX)))
		return -EPROTO;
	return 0;
}
