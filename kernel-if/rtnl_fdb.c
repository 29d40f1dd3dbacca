/* The bridge forwarding database dump, and bridge port options. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/neighbour.h>
#include "rtnl_fdb.h"

int rtnl_fdb_dump(struct nlsock *sk, int master, nl_cb cb, void *arg)
{
	char buf[64];
	struct nlb b;
	struct ndmsg *ndm;

	ndm = nlb_start(&b, buf, sizeof(buf), RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, sizeof(*ndm));
	if (ndm)
		ndm->ndm_family = AF_BRIDGE;
	nlb_put_u32(&b, NDA_MASTER, (uint32_t)master);
	return nl_talk(sk, &b, cb, arg);
}

static uint32_t get_u32(const struct nlattr *a)
{
	uint32_t v = 0;

	if (a && nla_len(a) == sizeof(v))
		memcpy(&v, nla_data(a), sizeof(v));
	return v;
}

int rtnl_fdb_parse(const struct nlmsghdr *h, struct fdb_entry *e)
{
	struct nlattr *tb[NDA_MAX + 1];
	const struct ndmsg *ndm;
	struct nda_cacheinfo ci;

	memset(e, 0, sizeof(*e));
	if (h->nlmsg_type != RTM_NEWNEIGH || !(ndm = nlmsg_parse(h, sizeof(*ndm), tb, NDA_MAX)) ||
	    ndm->ndm_family != AF_BRIDGE || !tb[NDA_LLADDR] || nla_len(tb[NDA_LLADDR]) != sizeof(e->mac))
		return -EPROTO;
	e->ifindex = ndm->ndm_ifindex;
	e->state = ndm->ndm_state;
	e->master = (int)get_u32(tb[NDA_MASTER]);
	memcpy(e->mac, nla_data(tb[NDA_LLADDR]), sizeof(e->mac));
	if (tb[NDA_CACHEINFO] && nla_len(tb[NDA_CACHEINFO]) >= sizeof(ci)) {
		memcpy(&ci, nla_data(tb[NDA_CACHEINFO]), sizeof(ci));
		e->updated = ci.ndm_updated;
	}
	return 0;
}

void rtnl_brport_build(struct nlb *b, void *buf, size_t cap, int index, uint16_t type,
		       const void *val, size_t len)
{
	struct ifinfomsg *ifi;
	struct nlattr *info, *data;

	ifi = nlb_start(b, buf, cap, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, sizeof(*ifi));
	if (!ifi)
		return;
	ifi->ifi_index = index;
	info = nlb_nest_start(b, IFLA_LINKINFO);
	data = nlb_nest_start(b, IFLA_INFO_SLAVE_DATA);
	nlb_put(b, type, val, len);
	nlb_nest_end(b, data);
	nlb_nest_end(b, info);
}
