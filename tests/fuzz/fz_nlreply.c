/* Netlink replies: nl_parse_error, nla_parse and the typed getters, the rtnl_*_parse functions,
 * the multipath walk, and the printers of ip link/addr/route/neigh/rule/netconf/addrlabel, of ip
 * link xstats/afstats, of ip stats, of ip mroute (ip monitor's mroute too), nexthop and stats
 * events fed one message each; generic netlink: the family reply (and its multicast groups), the
 * dumps of ip ila, fou and macsec show, and ip mptcp's endpoints, limits and events (types
 * 0x7c-0x7f stand for their ids; GENL_ID_CTRL is RTM_NEWLINK's number, so every message goes
 * through genl_family_parse too).
 * Input: an options byte (-j, -p, -d, -s, -o, -br, family), a selector byte, then messages as
 * the kernel sends them, one after another. Each message is copied to a heap block of exactly
 * its length, so a read past it is caught. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "fuzz.h"
#include "ip.h"
#include "ip_print.h"
#include "out.h"
#include "rtnl.h"
#include "rtnl_fdb.h"
#include "rtnl_neigh.h"
#include "rtnl_netconf.h"
#include "rtnl_addrlabel.h"
#include "rtnl_rule.h"
#include "rtnl_stats.h"
#include "genl.h"

static const int families[4] = { AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET };

/* Every attribute of a block through the getters, nests one level down. */
static void walk_attrs(const void *data, size_t len, int depth)
{
	struct nlattr *tb[64], *a;
	size_t rem;
	uint8_t u8;
	uint32_t u32;
	int32_t s32;

	nla_parse(tb, 63, data, len);
	nla_for_each(a, data, len, rem) {
		nla_get_u8(a, &u8);
		nla_get_u32(a, &u32);
		nla_get_s32(a, &s32);
		nla_get_str(a);
		if (depth < 2 && (a->nla_type & NLA_F_NESTED || nla_len(a) >= NLA_HDRLEN))
			walk_attrs(nla_data(a), nla_len(a), depth + 1);
	}
}

static void one(const struct nlmsghdr *h, int sel)
{
	char msg[NL_ERRMSG_MAX];
	int index = sel & 1 ? 1 : 0, mode = (sel >> 1) % 3, fam = families[(sel >> 3) & 3];

	genl_family_parse(h);
	genl_mcast_group_parse(h, "mptcp_pm_events");
	switch (h->nlmsg_type) {
	case NLMSG_ERROR:
		nl_parse_error(h, msg, sel & 1 ? sizeof(msg) : 4);
		nl_parse_error(h, NULL, 0);
		return;
	case RTM_NEWLINK: case RTM_DELLINK: {
		struct link_info li;
		struct link_filter f = { .index = 0, .up = sel & 1, .master = sel & 2 ? -1 : 0,
					 .kind = sel & 4 ? "veth" : NULL, .slave_kind = sel & 8 ? "bridge" : NULL };
		if (rtnl_link_parse(h, &li) < 0)
			return;
		link_filter_match(&f, &li);
		pr_begin();
		pr_obj_open(NULL);
		pr_link(&li, mode, fam);
		pr_obj_close();
		pr_end();
		return;
	}
	case RTM_NEWADDR: case RTM_DELADDR:
		pr_begin();
		pr_addr_msg(h, index);
		pr_end();
		return;
	case RTM_NEWROUTE: case RTM_DELROUTE: {
		struct route_info ri;
		if (rtnl_route_parse(h, &ri) == 0) {
			rtnl_route_table(&ri);
			if (ri.tb[RTA_MULTIPATH]) {
				struct rtnl_nh_iter it;
				const struct rtnexthop *nh;
				struct nlattr *tb[RTA_MAX + 1];
				rtnl_nh_iter_init(&it, ri.tb[RTA_MULTIPATH]);
				while (rtnl_nh_next(&it, &nh, tb) > 0)
					;
			}
		}
		pr_begin();
		pr_route_msg(h, index);
		pr_end();
		pr_begin();
		pr_mroute_msg(h, index ? 40 : 0);
		pr_end();
		return;
	}
	case RTM_NEWSTATS: {
		struct stats_info si;
		rtnl_stats_parse(h, &si);
		pr_stats_msg(h);
		pr_begin();
		ip_link_stats_print(h, sel);
		pr_end();
		/* ip stats: every leaf, or one */
		pr_begin();
		ip_stats_print(h, sel & 8 ? 0x7ff : 1u << (sel % 11));
		pr_end();
		return;
	}
	case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP:
		pr_nexthop_msg(h);
		return;
	case RTM_NEWNEXTHOPBUCKET: case RTM_DELNEXTHOPBUCKET:
		pr_nh_bucket_msg(h);
		return;
	case RTM_NEWNEIGH: case RTM_DELNEIGH: case RTM_GETNEIGH: {
		struct fdb_entry e;
		rtnl_fdb_parse(h, &e);
		pr_begin();
		pr_neigh_msg(h, index);
		pr_end();
		return;
	}
	case RTM_NEWRULE: case RTM_DELRULE: {
		struct rule_info ri;
		if (rtnl_rule_parse(h, &ri) == 0) {
			rtnl_rule_table(&ri);
			for (int t = 0; t <= FRA_MAX; t++)
				rule_u32(&ri, t);
		}
		pr_begin();
		pr_rule_msg(h);
		pr_end();
		return;
	}
	case RTM_NEWNETCONF: case RTM_DELNETCONF: {
		struct netconf_info ni;
		rtnl_netconf_parse(h, &ni);
		pr_begin();
		ip_netconf_print(h, NULL);
		pr_end();
		return;
	}
	case 0x7c:   /* as mptcp_pm's id: an endpoint, the limits or an event, by the selector */
		ip_mptcp_print(h, sel % 3);
		return;
	case 0x7d: case 0x7e: case 0x7f: {   /* as the ids of ila, fou and macsec (no rtnetlink type): their dumps */
		uint16_t id = h->nlmsg_type;
		struct nlattr *tb[16];

		genl_parse(h, tb, 15);
		pr_begin();
		if (id == 0x7d)
			ip_ila_print(h, &id);
		else if (id == 0x7e)
			ip_fou_print(h, &id);
		else
			ip_macsec_print(h, &id);
		pr_end();
		return;
	}
	case RTM_NEWADDRLABEL: case RTM_DELADDRLABEL: {
		struct addrlabel_info ai;
		rtnl_addrlabel_parse(h, &ai);
		pr_begin();
		ip_addrlabel_print(h, NULL);
		pr_end();
		return;
	}
	case RTM_NEWNSID: case RTM_DELNSID: {
		int cur;
		rtnl_nsid_parse(h, &cur);
		return;
	}
	}
}

static const uint8_t *in;
static size_t in_len;

/* The messages of the input, under the options of its first two bytes. */
static int run(int argc, char **argv)
{
	int opt = in[0], sel = in[1];
	size_t len = in_len - 2;
	/* An aligned copy: the kernel's messages start 4-aligned. Freed at the next input, as a
	 * printer may leave by exit(). */
	static char *buf, *c;
	const struct nlmsghdr *h;

	(void)argc, (void)argv;
	free(buf);
	free(c);
	c = NULL;
	buf = malloc(len ? len : 1);
	FZ_ASSERT(buf);
	memcpy(buf, in + 2, len);
	ipo.json = opt & 1;
	ipo.pretty = !!(opt & 2);
	ipo.details = !!(opt & 4);
	ipo.stats = (opt >> 3) & 3;
	ipo.oneline = !!(opt & 0x20);
	ipo.brief = !!(opt & 0x40);
	ipo.family = families[(opt >> 7) | ((sel >> 6) & 2)];
	for (h = (const struct nlmsghdr *)buf; nlmsg_ok(h, len); h = nlmsg_next(h, &len)) {
		c = malloc(h->nlmsg_len);
		FZ_ASSERT(c);
		memcpy(c, h, h->nlmsg_len);
		walk_attrs(nlmsg_data((struct nlmsghdr *)c), nlmsg_payload((struct nlmsghdr *)c), 0);
		one((struct nlmsghdr *)c, sel);
		free(c);
		c = NULL;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *argv[2] = { "ip", NULL };

	if (len < 2)
		return 0;
	in = data;
	in_len = len;
	fz_reset();
	fz_replies(NULL, 0);
	fz_call(run, 1, argv);
	return 0;
}
