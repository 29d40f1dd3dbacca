/* ip stats show|set (iproute2 6.1's ip/ipstats.c; NSBOX_FEATURE_IP_STATS): RTM_GETSTATS of one
 * link or a dump of all, printed by group, subgroup and suite, with ip link xstats' and
 * afstats' printers where the output is theirs; RTM_SETSTATS of l3_stats. The dump streams
 * on show_sock(0): names are looked up on ip_sock(). */
#include <errno.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_bridge.h>
#include <linux/mpls.h>
#include "ip_print.h"
#include "out.h"
#include "rtnl_stats.h"

#ifndef AF_MPLS
#define AF_MPLS 28
#endif
enum { BOND_XSTATS_3AD = 1 };   /* linux/if_bonding.h's, which musl's net/if.h cannot come with */

NSBOX_USAGE(stats_usage,
	"Usage: ip stats help\n"
	NSBOX_USAGE_MORE("       ip stats show [ dev DEV ] [ group GROUP [ subgroup SUBGROUP [ suite SUITE ] ... ] ... ] ...\n"
	"       ip stats set dev DEV l3_stats { on | off }\n"
	"GROUP := { link | xstats | xstats_slave | offload | afstats }\n"
	"xstats SUBGROUP := { bridge [ suite stp ] [ suite mcast ] | bond [ suite 802.3ad ] }\n"
	"xstats_slave SUBGROUP := { bridge [ suite stp ] [ suite mcast ] | bond [ suite 802.3ad ] }\n"
	"offload SUBGROUP := { cpu_hit | hw_stats_info | l3_stats }\n"
	"afstats SUBGROUP := { mpls }\n"));

/* The leaves, in the order iproute2 prints them (it sorts them by the addresses of its
 * descriptors). */
enum { S_MPLS, S_LINK, S_L3, S_HWSI, S_CPU, S_SL_BOND, S_X_BOND, S_SL_BR_MCAST, S_SL_BR_STP,
       S_X_BR_MCAST, S_X_BR_STP, S_N, GROUP = 0xff };

/* iproute2's tree of descriptors: each node's name, parent and leaf (GROUP for a group). */
static const struct node { const char *name; uint8_t parent, leaf; } tree[] = {
	{ "top-level", 0, GROUP }, { "link", 0, S_LINK }, { "xstats", 0, GROUP }, { "xstats_slave", 0, GROUP },
	{ "offload", 0, GROUP }, { "afstats", 0, GROUP },
	{ "bridge", 2, GROUP }, { "bond", 2, GROUP }, { "bridge", 3, GROUP }, { "bond", 3, GROUP },
	{ "cpu_hit", 4, S_CPU }, { "hw_stats_info", 4, S_HWSI }, { "l3_stats", 4, S_L3 }, { "mpls", 5, S_MPLS },
	{ "stp", 6, S_X_BR_STP }, { "mcast", 6, S_X_BR_MCAST }, { "802.3ad", 7, S_X_BOND },
	{ "stp", 8, S_SL_BR_STP }, { "mcast", 8, S_SL_BR_MCAST }, { "802.3ad", 9, S_SL_BOND },
};
#define NNODES (sizeof(tree) / sizeof(tree[0]))
static const char *const levels[] = { "group", "subgroup", "suite" };

/* What each leaf asks for: a bit of the filter mask, and one of the offload nest. */
static const uint8_t want[S_N][2] = {
	[S_MPLS] = { IFLA_STATS_AF_SPEC, 0 }, [S_LINK] = { IFLA_STATS_LINK_64, 0 },
	[S_L3] = { IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_L3_STATS },
	[S_HWSI] = { IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_HW_S_INFO },
	[S_CPU] = { IFLA_STATS_LINK_OFFLOAD_XSTATS, IFLA_OFFLOAD_XSTATS_CPU_HIT },
	[S_SL_BOND] = { IFLA_STATS_LINK_XSTATS_SLAVE, 0 }, [S_X_BOND] = { IFLA_STATS_LINK_XSTATS, 0 },
	[S_SL_BR_MCAST] = { IFLA_STATS_LINK_XSTATS_SLAVE, 0 }, [S_SL_BR_STP] = { IFLA_STATS_LINK_XSTATS_SLAVE, 0 },
	[S_X_BR_MCAST] = { IFLA_STATS_LINK_XSTATS, 0 }, [S_X_BR_STP] = { IFLA_STATS_LINK_XSTATS, 0 },
};

/* The leaves under node n. */
static unsigned leaves_of(unsigned n)
{
	unsigned m = 0;

	if (tree[n].leaf != GROUP)
		return 1u << tree[n].leaf;
	for (unsigned i = 1; i < NNODES; i++)
		if (tree[i].parent == n && i != n)
			m |= leaves_of(i);
	return m;
}

/* iproute2's ipstats_enable: the leaves of the selection, or -EINVAL (said). */
static int enable(const char *const sel[3], unsigned *leaves)
{
	unsigned n = 0, i, l;

	for (l = 0; l < 3 && sel[l]; l++) {
		if (tree[n].leaf != GROUP) {
			errf("Error: %s %s requested inside leaf %s %s\n", levels[l], sel[l], levels[l - 1], tree[n].name);
			return -EINVAL;
		}
		for (i = 1; i < NNODES && (tree[i].parent != n || strcmp(tree[i].name, sel[l])); i++)
			;
		if (i == NNODES) {
			errf("Error: no %s named %s found inside %s\n", levels[l], sel[l], tree[n].name);
			return -EINVAL;
		}
		n = i;
	}
	*leaves |= leaves_of(n);
	return 0;
}

/* ---- printing ---- */

static const struct nlattr *nested(const struct nlattr *a, int type)
{
	const struct nlattr *i;
	size_t rem;

	if (a)
		nla_for_each(i, nla_data(a), nla_len(a), rem)
			if (nla_type(i) == type)
				return i;
	return NULL;
}

/* iproute2's __ipstats_show_hw_s_info_one of the l3_stats in an HW_S_INFO nest, named or not;
 * -EINVAL for a request that is there and not 0 or 1. */
static int hw_s_info(const struct nlattr *hwsi, const char *name)
{
	const struct nlattr *l3 = nested(hwsi, IFLA_OFFLOAD_XSTATS_L3_STATS);
	const struct nlattr *rq = nested(l3, IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST);
	int req = ip_hw_s_flag(rq, "request"), used;

	if (rq && req < 0)
		return -EINVAL;
	used = ip_hw_s_flag(nested(l3, IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED), "used");
	pr_obj_open("info");
	if (l3) {
		if (name) {
			pr_text("    %s", name);
			pr_obj_open(name);
		}
		if (req >= 0)
			pr_bool(PR_ANY, "request", req ? " on" : " off", req);
		if (used >= 0)
			pr_bool(PR_ANY, "used", used ? " used on" : " used off", used);
		if (name)
			pr_obj_close();
	}
	pr_obj_close();
	return 0;
}

static void stats64(const struct nlattr *a)
{
	struct link_info li;

	memset(&li, 0, sizeof(li));
	li.tb[IFLA_STATS64] = (struct nlattr *)a;
	pr_link_stats(&li);   /* under -j in an object "stats64" */
}

static void hw_stats64(const struct nlattr *a)
{
	struct rtnl_hw_stats64 s;
	uint64_t v[2][5];

	memset(&s, 0, sizeof(s));
	memcpy(&s, nla_data(a), nla_len(a) < sizeof(s) ? nla_len(a) : sizeof(s));
	v[0][0] = s.rx_bytes, v[0][1] = s.rx_packets, v[0][2] = s.rx_errors, v[0][3] = s.rx_dropped;
	v[0][4] = s.multicast;
	v[1][0] = s.tx_bytes, v[1][1] = s.tx_packets, v[1][2] = s.tx_errors, v[1][3] = s.tx_dropped, v[1][4] = 0;
	pr_obj_open("stats64");
	ip_rxtx_rows("    ", "multicast", "mcast", (const uint64_t (*)[5])v);
	pr_obj_close();
}

/* One leaf of a link's statistics: 0, or -errno that ends the listing. */
static int show_leaf(unsigned s, struct nlattr *const *tb)
{
	const struct nlattr *off = tb[IFLA_STATS_LINK_OFFLOAD_XSTATS], *a, *x;
	/* the xstats leaves: the kind's nest, the suite's attribute and its printer */
	static const uint8_t xs[S_N][3] = {
		[S_SL_BOND] = { LINK_XSTATS_TYPE_BOND, BOND_XSTATS_3AD, 2 },
		[S_X_BOND] = { LINK_XSTATS_TYPE_BOND, BOND_XSTATS_3AD, 2 },
		[S_SL_BR_MCAST] = { LINK_XSTATS_TYPE_BRIDGE, BRIDGE_XSTATS_MCAST, 0 },
		[S_SL_BR_STP] = { LINK_XSTATS_TYPE_BRIDGE, BRIDGE_XSTATS_STP, 1 },
		[S_X_BR_MCAST] = { LINK_XSTATS_TYPE_BRIDGE, BRIDGE_XSTATS_MCAST, 0 },
		[S_X_BR_STP] = { LINK_XSTATS_TYPE_BRIDGE, BRIDGE_XSTATS_STP, 1 },
	};

	switch (s) {
	case S_LINK:
		pr_nl();
		if (tb[IFLA_STATS_LINK_64])
			stats64(tb[IFLA_STATS_LINK_64]);
		return 0;
	case S_CPU:
		pr_nl();
		if ((a = nested(off, IFLA_OFFLOAD_XSTATS_CPU_HIT)))
			stats64(a);
		return 0;
	case S_HWSI:
		if (!(a = nested(off, IFLA_OFFLOAD_XSTATS_HW_S_INFO)))
			return 0;
		pr_nl();
		return hw_s_info(a, "l3_stats");
	case S_L3:
		if (!(a = nested(off, IFLA_OFFLOAD_XSTATS_HW_S_INFO)))
			return 0;
		if (hw_s_info(a, NULL))
			return -EINVAL;
		if ((a = nested(off, IFLA_OFFLOAD_XSTATS_L3_STATS))) {
			pr_nl();
			hw_stats64(a);
		}
		return 0;
	case S_MPLS:
		if (!(a = nested(tb[IFLA_STATS_AF_SPEC], AF_MPLS)))
			return 0;
		if (!nested(a, MPLS_STATS_LINK))
			return -ENOENT;
		pr_nl();
		pr_obj_open("mpls_stats");
		ip_mpls_stats(a, "    ");
		pr_obj_close();
		return 0;
	}
	x = tb[s == S_SL_BOND || s == S_SL_BR_MCAST || s == S_SL_BR_STP ? IFLA_STATS_LINK_XSTATS_SLAVE : IFLA_STATS_LINK_XSTATS];
	if ((a = nested(nested(x, xs[s][0]), xs[s][1]))) {
		pr_nl();
		ip_xstats_suite(xs[s][2], a);
	}
	return 0;
}

/* iproute2's ipstats_process_ifsm: each leaf as a record "N: DEV: group G [subgroup S [suite
 * X]]" and its statistics; 0, or -errno that stops (the record left open, as there). */
int ip_stats_print(const struct nlmsghdr *h, unsigned leaves)
{
	struct stats_info si;
	const char *dev;
	int err;

	if (rtnl_stats_parse(h, &si) == -EPROTO) {
		errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(si.ifsm))));
		return -EINVAL;
	}
	dev = ifname_of((int)si.ifsm.ifindex);
	for (unsigned s = 0; s < S_N; s++) {
		unsigned path[3], np = 0, n;

		if (!(leaves & 1u << s))
			continue;
		for (n = 1; tree[n].leaf != s; n++)
			;
		for (; n; n = tree[n].parent)
			path[np++] = n;
		pr_obj_open(NULL);
		pr_int(PR_ANY, "ifindex", "%d:", (int)si.ifsm.ifindex);
		pr_str(PR_ANY, "ifname", " %s:", dev);
		for (unsigned l = 0; l < np; l++) {
			pr_str(PR_JSON, levels[l], NULL, tree[path[np - 1 - l]].name);
			pr_text(" %s %s", levels[l], tree[path[np - 1 - l]].name);
		}
		if ((err = show_leaf(s, si.tb)))
			return err;
		pr_obj_close();
		pr_nl();
	}
	return 0;
}

struct dump { unsigned leaves; int err; };

static int one_link(const struct nlmsghdr *h, void *arg)
{
	struct dump *d = arg;

	if ((d->err = ip_stats_print(h, d->leaves)))
		return 1;
	pr_nl();
	return 0;
}

static int one_get(const struct nlmsghdr *h, void *arg)
{
	struct dump *d = arg;

	d->err = ip_stats_print(h, d->leaves);
	return 0;
}

/* ---- the commands ---- */

static int stats_help(void)
{
	sputs(ERR, USAGE_TEXT(stats_usage));
	return 0;
}

/* iproute2's "What is"; its exit code is that of -EINVAL. */
static int what_is(const char *w)
{
	errf("What is \"%s\"?\n", w);
	stats_help();
	return 22;
}

static const char *dev_word(const char *dev, int *argc, char ***argv)
{
	if (--*argc <= 0)
		ip_incomplete();
	++*argv;
	if (dev)
		die(255, "Error: either \"dev\" is duplicate, or \"%s\" is a garbage.\n", **argv);
	if (ip_check_ifname(**argv, IFNAMSIZ))
		ip_invarg("\"dev\" not a valid ifname", **argv);
	return **argv;
}

static int stats_show(int argc, char **argv)
{
	const char *sel[3] = { NULL, NULL, NULL }, *dev = NULL;
	struct dump d = { 0, 0 };
	uint32_t mask = 0, offload = 0;
	int index = 0, err;

	for (; argc > 0; argc--, argv++) {
		unsigned l;

		if (!strcmp(*argv, "dev")) {
			dev = dev_word(dev, &argc, &argv);
			continue;
		}
		if (!strcmp(*argv, "help"))
			return stats_help();
		for (l = 0; l < 3 && strcmp(*argv, levels[l]); l++)
			;
		if (l == 3)
			return what_is(*argv);
		NEXT_ARG();
		/* iproute2's ipstats_select: a word of a level above one missing is refused; one at
		 * or above the deepest given first takes the selection so far */
		for (unsigned i = 0; i < l; i++)
			if (!sel[i]) {
				errf("Error: %s %s requested without selecting a %s first\n", levels[l], *argv, levels[i]);
				return 22;
			}
		for (unsigned i = l; i < 3; i++)
			if (sel[i]) {
				if (enable(sel, &d.leaves))
					return 22;
				break;
			}
		sel[l] = *argv;
		for (unsigned i = l + 1; i < 3; i++)
			sel[i] = NULL;
	}
	if (enable(sel, &d.leaves))
		return 22;
	if (dev && !(index = ip_ll_index(dev))) {
		errf("Cannot find device \"%s\"\n", dev);
		return 1;
	}
	for (unsigned s = 0; s < S_N; s++)
		if (d.leaves & 1u << s) {
			mask |= IFLA_STATS_FILTER_BIT(want[s][0]);
			if (want[s][1])
				offload |= IFLA_STATS_FILTER_BIT(want[s][1]);
			if (s == S_L3)
				offload |= IFLA_STATS_FILTER_BIT(IFLA_OFFLOAD_XSTATS_HW_S_INFO);
		}
	/* iproute2 sends the offload filter only when it leaves some of them out */
	if (offload == (1u << IFLA_OFFLOAD_XSTATS_MAX) - 1)
		offload = 0;
	pr_begin();
	if (index) {
		err = rtnl_stats_get(show_sock(0), index, mask, offload, one_get, &d);
		if (err < 0) {
			pr_end();
			return ip_report_nlerr(show_sock(0), err);
		}
	} else {
		err = rtnl_stats_get(show_sock(0), 0, mask, offload, one_link, &d);
		if (err < 0 || d.err) {
			if (err < 0)
				ip_dump_failed(show_sock(0), err, "Dump");
			else
				errf("Dump terminated\n");
			pr_end();
			return 2;
		}
	}
	pr_end();
	return d.err ? -d.err : 0;
}

static int stats_set(int argc, char **argv)
{
	const char *dev = NULL;
	int at = 0, on = 0, index, err;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dev")) {
			dev = dev_word(dev, &argc, &argv);
		} else if (!strcmp(*argv, "l3_stats")) {
			NEXT_ARG();
			if (at) {
				errf("A statistics suite to toggle was already given.\n");
				return 22;
			}
			at = IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS;
			if (strcmp(*argv, "on") && strcmp(*argv, "off")) {
				errf("Error: argument of \"l3_stats\" must be one of \"off\", \"on\", not \"%s\"\n", *argv);
				return 22;
			}
			on = !strcmp(*argv, "on");
		} else if (!strcmp(*argv, "help")) {
			return stats_help();
		} else {
			return what_is(*argv);
		}
	}
	if (!dev)
		die(255, "Not enough information: \"dev\" argument is required.\n");
	if (!at)
		die(255, "Not enough information: stat type to toggle is required.\n");
	if (!(index = ip_ll_index(dev))) {
		errf("Cannot find device \"%s\"\n", dev);
		return 1;
	}
	err = rtnl_stats_set(ip_sock(), index, (uint16_t)at, (uint8_t)on);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

int do_stats(int argc, char **argv)
{
	if (argc < 1)
		return stats_show(0, NULL);
	if (!strcmp(*argv, "help"))
		return stats_help();
	if (!strcmp(*argv, "show")) {
		/* "stats show" is one -s more, -d another; they last through a batch, as there */
		ipo.stats += (NSBOX_FEATURE_DETAIL ? ipo.details : 0) + 1;
		return stats_show(argc - 1, argv + 1);
	}
	if (!strcmp(*argv, "set"))
		return stats_set(argc - 1, argv + 1);
	errf("Command \"%s\" is unknown, try \"ip stats help\".\n", *argv);
	return 1;
}
