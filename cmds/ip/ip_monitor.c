/* ip monitor: rtnetlink notifications (or a file of them) printed as iproute2 6.1's
 * ip/ipmonitor.c prints them, through the show commands' printers. Each event is written as
 * it is printed, so the monitor works in a pipe. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <linux/netconf.h>
#include <linux/net_namespace.h>
#include "ip_print.h"
#include "ip_addr.h"
#include "out.h"
#include "mon_source.h"
#include "rtnl_mon.h"
#include "rtnl_stats.h"
#include "sys.h"
#include "tz.h"

NSBOX_USAGE(monitor_usage,
	"Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]\n"
	NSBOX_USAGE_MORE("                  [ dev DEVICE ]\n"
	"OBJECTS :=  address | link | mroute | neigh | netconf |\n"
	"            nexthop | nsid | prefix | route | rule | stats\n"
	"FILE := file FILENAME\n"));

enum { L_LINK = 1, L_ADDR = 2, L_ROUTE = 4, L_MROUTE = 8, L_PREFIX = 16, L_NEIGH = 32, L_NETCONF = 64,
       L_STATS = 128, L_RULE = 256, L_NSID = 512, L_NEXTHOP = 1024 };
enum { A_OBJ, A_FILE, A_LABEL, A_ALL_NSID, A_HELP, A_DEV };

/* In iproute2's order of checks, kwt_find's: the minimum length (the whole word where it compares
 * with strcmp), the action, for A_OBJ the bit of its L_ value; the name. */
static const char words[] =
	"\x01\x01\x00" "file\0" "\x01\x02\x00" "label\0" "\x01\x00\x00" "link\0"
	"\x01\x00\x01" "address\0" "\x01\x00\x02" "route\0" "\x01\x00\x03" "mroute\0"
	"\x01\x00\x04" "prefix\0" "\x01\x00\x05" "neigh\0" "\x01\x00\x06" "netconf\0"
	"\x01\x00\x08" "rule\0" "\x01\x00\x09" "nsid\0" "\x01\x00\x0a" "nexthop\0"
	"\x05\x00\x07" "stats\0" "\x03\x02\x00" "all\0" "\x01\x03\x00" "all-nsid\0"
	"\x01\x04\x00" "help\0" "\x03\x05\x00" "dev\0" "\0\0\0";
_Static_assert(L_STATS == 1 << 7 && L_NEXTHOP == 1 << 10 && A_DEV == 5, "words' bytes");

/* The groups each object joins; family: joined only without -4/-6, or with that family. */
static const struct { uint16_t obj; uint8_t group, family; } groups[] = {
	{ L_LINK, RTNLGRP_LINK, 0 },
	{ L_ADDR, RTNLGRP_IPV4_IFADDR, AF_INET }, { L_ADDR, RTNLGRP_IPV6_IFADDR, AF_INET6 },
	{ L_ROUTE, RTNLGRP_IPV4_ROUTE, AF_INET }, { L_ROUTE, RTNLGRP_IPV6_ROUTE, AF_INET6 },
	{ L_ROUTE, RTNLGRP_MPLS_ROUTE, AF_MPLS },
	{ L_MROUTE, RTNLGRP_IPV4_MROUTE, AF_INET }, { L_MROUTE, RTNLGRP_IPV6_MROUTE, AF_INET6 },
	{ L_PREFIX, RTNLGRP_IPV6_PREFIX, AF_INET6 }, { L_NEIGH, RTNLGRP_NEIGH, 0 },
	{ L_NETCONF, RTNLGRP_IPV4_NETCONF, AF_INET }, { L_NETCONF, RTNLGRP_IPV6_NETCONF, AF_INET6 },
	{ L_NETCONF, RTNLGRP_MPLS_NETCONF, AF_MPLS },
	{ L_RULE, RTNLGRP_IPV4_RULE, AF_INET }, { L_RULE, RTNLGRP_IPV6_RULE, AF_INET6 },
	{ L_NSID, RTNLGRP_NSID, 0 }, { L_NEXTHOP, RTNLGRP_NEXTHOP, 0 }, { L_STATS, RTNLGRP_STATS, 0 },
};

static struct {
	int banner;     /* label, all: [LINK] ... before each event */
	int all_nsid;   /* [nsid N] before each event */
	int index;      /* dev */
} mon;

/* ---- the nsid -> name map ---- */

/* iproute2's: read from the run dir at the start; an [NSID] line takes the name it prints out,
 * a new nsid it lacks is looked up afresh and put in. Link lines read the same map. */
#define NSNAMES 16
static struct {
	int built, n;
	struct { int nsid; char name[NAME_MAX + 1]; } e[NSNAMES];
} nsn;

static int nsn_find(int nsid)
{
	for (int i = 0; i < nsn.n; i++)
		if (nsn.e[i].nsid == nsid)
			return i;
	return -1;
}

static void nsn_add(int nsid, const char *name)
{
	if (nsid < 0 || nsn_find(nsid) >= 0 || nsn.n == NSNAMES)
		return;
	nsn.e[nsn.n].nsid = nsid;
	bfmt(nsn.e[nsn.n++].name, sizeof(nsn.e[0].name), "%s", name);
}

/* The name the run dir has now for nsid (its first, in readdir order), or NULL. */
static const char *nsid_lookup(int nsid, char *buf)
{
	netns_forget();
	return netns_name_of_nsid(nsid, buf, NAME_MAX + 1);
}

static int take_nsid(const struct nlmsghdr *h, void *arg)
{
	int *ids = arg, id = rtnl_nsid_parse(h, NULL);

	if (id >= 0 && ids[0] < NSNAMES)
		ids[++ids[0]] = id;
	return 0;
}

static void nsn_init(void)
{
	int ids[NSNAMES + 1] = { 0 };
	char name[NAME_MAX + 1];

	if (nsn.built++)
		return;
	rtnl_nsid_dump(ip_sock(), -1, -1, take_nsid, ids);
	netns_forget();
	for (int i = 1; i <= ids[0]; i++)
		if (netns_name_of_nsid(ids[i], name, sizeof(name)))
			nsn_add(ids[i], name);
}

static const char *nsn_name(int nsid)
{
	int i;

	nsn_init();
	return (i = nsn_find(nsid)) >= 0 ? nsn.e[i].name : NULL;
}

/* ---- printers of their own ---- */

static const char wdays[] = "SunMonTueWedThuFriSat", months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";


/* asctime's text, without its newline. */
static void pr_asctime(time_t t)
{
	struct tm tm;

	tm_local(t, &tm);
	outf("%.3s %.3s%3d %02d:%02d:%02d %d", wdays + 3 * (tm.tm_wday % 7), months + 3 * (tm.tm_mon % 12),
	     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
}

void ip_mon_timestamp(void)
{
	struct timeval tv;
	struct tm tm;

	gettimeofday(&tv, NULL);
	if (ipo.timestamp == 1) {
		outs("Timestamp: ");
		pr_asctime(tv.tv_sec);
		outf(" %ld usec\n", (long)tv.tv_usec);
		return;
	}
	tm_local(tv.tv_sec, &tm);
	outf("[%d-%02d-%02dT%02d:%02d:%02d.%06ld] ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	     tm.tm_hour, tm.tm_min, tm.tm_sec, (long)tv.tv_usec);
}

/* NLMSG_TSTAMP, the records rtmon puts in its files. */
static void pr_tstamp(const struct nlmsghdr *h)
{
	uint32_t t[2] = { 0, 0 };

	memcpy(t, nlmsg_data(h), nlmsg_payload(h) < sizeof(t) ? nlmsg_payload(h) : sizeof(t));
	outs("Timestamp: ");
	pr_asctime(t[0]);
	outf(" %u us\n", t[1]);
}

static void pr_link_msg(const struct nlmsghdr *h)
{
	struct link_info li;

	if (rtnl_link_parse(h, &li) < 0 || (mon.index && li.ifi->ifi_index != mon.index))
		return;
	if (h->nlmsg_type == RTM_DELLINK)
		outs("Deleted ");
	pr_link(&li, PR_LINK_MONITOR, AF_UNSPEC);
}

/* A message shorter than need: said as iproute2 says it, 1. */
static int bad_len(const struct nlmsghdr *h, size_t need)
{
	if (h->nlmsg_len >= need)
		return 0;
	errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - need));
	return 1;
}

static void pr_netconf(const struct nlmsghdr *h)
{
	/* rp_filter's words by value, each 7 bytes; the on/off attributes in order, each its
	 * NETCONFA_ type, then its name (rp_filter's printed apart). */
	static const char rp_filter[] = "off\0\0\0\0strict\0loose";
	static const char onoff[] = "\x02" "forwarding\0" "\x03\0" "\x04" "mc_forwarding\0"
				    "\x05" "proxy_neigh\0" "\x06" "ignore_routes_with_linkdown\0" "\x07" "input";
	_Static_assert(NETCONFA_FORWARDING == 2 && NETCONFA_INPUT == 7, "onoff's types");
	const char *e = onoff;
	const struct netconfmsg *ncm = nlmsg_data(h);
	struct nlattr *tb[NETCONFA_MAX + 1];
	size_t hl = NLMSG_ALIGN(sizeof(*ncm));
	uint32_t index = 0, v;

	if (bad_len(h, NLMSG_SPACE(sizeof(*ncm))))
		return;
	if (nla_parse(tb, NETCONFA_MAX, (char *)ncm + hl, nlmsg_payload(h) - hl))
		return;
	nla_get_u32(tb[NETCONFA_IFINDEX], &index);
	if (mon.index && (uint32_t)mon.index != index)
		return;
	if (h->nlmsg_type == RTM_DELNETCONF)
		outs("Deleted ");
	outf("%s ", name_family(ncm->ncm_family));
	if (tb[NETCONFA_IFINDEX])
		outf("%s ", (int)index == NETCONFA_IFINDEX_ALL ? "all" :
			    (int)index == NETCONFA_IFINDEX_DEFAULT ? "default" : ifname_of(index));
	for (int i = 0; i < 6; i++, e += 2 + strlen(e + 1)) {
		if (nla_get_u32(tb[(int)*e], &v))
			continue;
		if (*e != NETCONFA_RP_FILTER)
			outf("%s %s ", e + 1, v ? "on" : "off");
		else if (v < 3)
			outf("rp_filter %s ", rp_filter + 7 * v);
		else
			outf("rp_filter %u ", v);
	}
	outc('\n');
}

static void pr_nsid(const struct nlmsghdr *h)
{
	struct nlattr *tb[NETNSA_MAX + 1];
	size_t hl = NLMSG_ALIGN(sizeof(struct rtgenmsg));
	char name[NAME_MAX + 1];
	int32_t nsid, cur = -1;
	int has_cur, i;

	if (h->nlmsg_len < NLMSG_SPACE(sizeof(struct rtgenmsg))) {
		errf("BUG: wrong nlmsg len %d in print_nsid\n",
		     (int)(h->nlmsg_len - NLMSG_SPACE(sizeof(struct rtgenmsg))));
		return;
	}
	if (nla_parse(tb, NETNSA_MAX, (char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl))
		return;
	if (nla_get_s32(tb[NETNSA_NSID], &nsid)) {
		errf("BUG: NETNSA_NSID is missing print_nsid\n");
		return;
	}
	if (h->nlmsg_type == RTM_DELNSID)
		outs("Deleted ");
	if (nsid < 0)
		outs("nsid unassigned ");
	else
		outf("nsid %d ", nsid);
	has_cur = !nla_get_s32(tb[NETNSA_CURRENT_NSID], &cur);
	if (has_cur && cur < 0)
		outs("current-nsid unassigned ");
	else if (has_cur)
		outf("current-nsid %d ", cur);
	if ((i = nsn_find(has_cur ? cur : nsid)) >= 0) {
		outf("(iproute2 netns name: %s)", nsn.e[i].name);
		nsn.e[i] = nsn.e[--nsn.n];
	} else if (h->nlmsg_type == RTM_NEWNSID && nsid >= 0 && nsid_lookup(nsid, name)) {
		outf("(iproute2 netns name: %s)", name);
		nsn_add(nsid, name);
	}
	outc('\n');
}

#define IF_PREFIX_ONLINK 0x01
#define IF_PREFIX_AUTOCONF 0x02
#define ND_OPT_PREFIX_INFO 3

static void pr_prefix(const struct nlmsghdr *h)
{
	const struct prefixmsg *p = nlmsg_data(h);
	struct nlattr *tb[PREFIX_MAX + 1];
	size_t hl = NLMSG_ALIGN(sizeof(*p));
	char b[PR_ADDRSZ];

	if (bad_len(h, NLMSG_LENGTH(sizeof(*p))))
		return;
	if (ipo.family && ipo.family != AF_INET6)
		return;
	if (p->prefix_family != AF_INET6) {
		errf("incorrect protocol family: %d\n", p->prefix_family);
		return;
	}
	if (p->prefix_type != ND_OPT_PREFIX_INFO) {
		errf("wrong ND type %d\n", p->prefix_type);
		return;
	}
	if (nla_parse(tb, PREFIX_MAX, (char *)p + hl, nlmsg_payload(h) - hl))
		return;
	/* sic: no space before "dev" */
	if (tb[PREFIX_ADDRESS])
		outf("prefix %s/%u", fmt_inet(AF_INET6, nla_data(tb[PREFIX_ADDRESS]), nla_len(tb[PREFIX_ADDRESS]), b),
		     p->prefix_len);
	outf("dev %s ", p->prefix_ifindex ? ifname_of(p->prefix_ifindex) : "*");
	if (p->prefix_flags & IF_PREFIX_ONLINK)
		outs("onlink ");
	if (p->prefix_flags & IF_PREFIX_AUTOCONF)
		outs("autoconf ");
	if (tb[PREFIX_CACHEINFO] && nla_len(tb[PREFIX_CACHEINFO]) >= sizeof(struct prefix_cacheinfo)) {
		struct prefix_cacheinfo pc;

		memcpy(&pc, nla_data(tb[PREFIX_CACHEINFO]), sizeof(pc));
		outf("valid %u preferred %u ", pc.valid_time, pc.preferred_time);
	}
	outc('\n');
}

static void pr_addr_ev(const struct nlmsghdr *h) { pr_addr_msg(h, mon.index); }
static void pr_route_ev(const struct nlmsghdr *h) { pr_route_msg(h, mon.index); }
static void pr_neigh_ev(const struct nlmsghdr *h) { pr_neigh_msg(h, mon.index); }
static void pr_mroute_ev(const struct nlmsghdr *h) { pr_mroute_msg(h, mon.index); }

/* iproute2's ipstats_print: "N: DEV:" and the hw_stats_info of the offload statistics. */
void pr_stats_msg(const struct nlmsghdr *h)
{
	struct nlattr *off[IFLA_OFFLOAD_XSTATS_MAX + 1], *one[IFLA_OFFLOAD_XSTATS_HW_S_INFO_MAX + 1];
	struct stats_info si;
	int req, used;

	if (rtnl_stats_parse(h, &si) == -EPROTO) {
		errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(si.ifsm))));
		return;
	}
	outf("%d: %s:", (int)si.ifsm.ifindex, ifname_of((int)si.ifsm.ifindex));
	if (si.tb[IFLA_STATS_LINK_OFFLOAD_XSTATS]) {
		nla_parse_nested(off, IFLA_OFFLOAD_XSTATS_MAX, si.tb[IFLA_STATS_LINK_OFFLOAD_XSTATS]);
		if (off[IFLA_OFFLOAD_XSTATS_HW_S_INFO]) {
			pr_nl();
			nla_parse_nested(off, IFLA_OFFLOAD_XSTATS_MAX, off[IFLA_OFFLOAD_XSTATS_HW_S_INFO]);
			if (off[IFLA_OFFLOAD_XSTATS_L3_STATS]) {
				nla_parse_nested(one, IFLA_OFFLOAD_XSTATS_HW_S_INFO_MAX, off[IFLA_OFFLOAD_XSTATS_L3_STATS]);
				req = ip_hw_s_flag(one[IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST], "request");
				/* a request that is there must be valid: the event ends unfinished (before
				 * "used" is read, as iproute2's ipstats_dissect_hw_s_info_one) */
				if (one[IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST] && req < 0)
					return;
				used = ip_hw_s_flag(one[IFLA_OFFLOAD_XSTATS_HW_S_INFO_USED], "used");
				outs("    l3_stats");
				if (req >= 0)
					outs(req ? " on" : " off");
				if (used >= 0)
					outs(used ? " used on" : " used off");
			}
		}
	}
	pr_nl();
}

/* The nexthop and address label printers are ip nexthop's and ip addrlabel's, there when the
 * build has them. */
static void pr_nexthop_ev(const struct nlmsghdr *h)
{
	if (NSBOX_FEATURE_IP_NEXTHOP)
		pr_nexthop_msg(h);
}

static void pr_nh_bucket_ev(const struct nlmsghdr *h)
{
	if (NSBOX_FEATURE_IP_NEXTHOP)
		pr_nh_bucket_msg(h);
}

static void pr_addrlabel_ev(const struct nlmsghdr *h)
{
	if (NSBOX_FEATURE_IP_ADDRLABEL)
		ip_addrlabel_print(h, NULL);
}

/* ---- one message ---- */

/* Each message type's kind: its banner and printer. Kinds whose printer the build leaves out
 * (nexthops and their buckets, address labels) are left out whole, their banner too. */
enum { K_SKIP, K_ROUTE, K_LINK, K_ADDR, K_NEIGH, K_PREFIX, K_RULE, K_NETCONF, K_NSID, K_NEXTHOP, K_STATS,
       K_MROUTE, K_ADDRLABEL, K_NHBUCKET, K_TSTAMP };
static const char labels[] = "\0[ROUTE]\0[LINK]\0[ADDR]\0[NEIGH]\0[PREFIX]\0[RULE]\0[NETCONF]\0[NSID]\0"
			     "[NEXTHOP]\0[STATS]\0[MROUTE]\0[ADDRLABEL]\0[NEXTHOPBUCKET]";   /* by K_ */
static void (*const printers[])(const struct nlmsghdr *h) = {
	NULL, pr_route_ev, pr_link_msg, pr_addr_ev, pr_neigh_ev, pr_prefix, pr_rule_msg, pr_netconf, pr_nsid,
	pr_nexthop_ev, pr_stats_msg, pr_mroute_ev, pr_addrlabel_ev, pr_nh_bucket_ev, pr_tstamp,
};
#define K_NH (NSBOX_FEATURE_IP_NEXTHOP ? K_NEXTHOP : K_SKIP)
#define K_NB (NSBOX_FEATURE_IP_NEXTHOP ? K_NHBUCKET : K_SKIP)
#define K_AL (NSBOX_FEATURE_IP_ADDRLABEL ? K_ADDRLABEL : K_SKIP)
static const uint8_t kinds[][2] = {
	{ RTM_NEWROUTE, K_ROUTE }, { RTM_DELROUTE, K_ROUTE }, { RTM_NEWLINK, K_LINK }, { RTM_DELLINK, K_LINK },
	{ RTM_NEWADDR, K_ADDR }, { RTM_DELADDR, K_ADDR }, { RTM_NEWNEIGH, K_NEIGH }, { RTM_DELNEIGH, K_NEIGH },
	{ RTM_GETNEIGH, K_NEIGH }, { RTM_NEWPREFIX, K_PREFIX }, { RTM_NEWRULE, K_RULE }, { RTM_DELRULE, K_RULE },
	{ RTM_NEWNETCONF, K_NETCONF }, { RTM_DELNETCONF, K_NETCONF }, { RTM_NEWNSID, K_NSID },
	{ RTM_DELNSID, K_NSID }, { 15 /* NLMSG_TSTAMP */, K_TSTAMP }, { RTM_NEWNEXTHOP, K_NH },
	{ RTM_DELNEXTHOP, K_NH }, { RTM_NEWNEXTHOPBUCKET, K_NB }, { RTM_DELNEXTHOPBUCKET, K_NB },
	{ RTM_NEWADDRLABEL, K_AL }, { RTM_DELADDRLABEL, K_AL }, { RTM_NEWSTATS, K_STATS },
	{ NLMSG_ERROR, K_SKIP }, { NLMSG_NOOP, K_SKIP }, { NLMSG_DONE, K_SKIP },
};

/* iproute2's ll_remember_index: names and flags as the link messages go by. */
static void remember_link(const struct nlmsghdr *h)
{
	struct link_info li;

	if (!rtnl_link_parse(h, &li))
		ifcache_learn(li.ifi->ifi_index, nla_get_str(li.tb[IFLA_IFNAME]), li.ifi->ifi_flags,
			      h->nlmsg_type == RTM_DELLINK);
}

/* -1 stops the monitor, as iproute2's handler does for a route too short to be one. */
static int accept_msg(const struct nlmsghdr *h, int nsid)
{
	size_t i, n = sizeof(kinds) / sizeof(kinds[0]);
	const struct rtmsg *r = nlmsg_data(h);
	int k;

	for (i = 0; i < n && kinds[i][0] != h->nlmsg_type; i++)
		;
	if (i == n) {
		errf("Unknown message: type=0x%08x(%d) flags=0x%08x(%d) len=0x%08x(%d)\n", h->nlmsg_type,
		     h->nlmsg_type, h->nlmsg_flags, h->nlmsg_flags, h->nlmsg_len, h->nlmsg_len);
		return 0;
	}
	k = kinds[i][1];
	if (k == K_ROUTE && bad_len(h, NLMSG_LENGTH(sizeof(*r))))
		return -1;
	if (k == K_ROUTE && (r->rtm_family == RTNL_FAMILY_IPMR || r->rtm_family == RTNL_FAMILY_IP6MR))
		k = K_MROUTE;
	if (k == K_SKIP || ((k == K_ROUTE || k == K_MROUTE) && (r->rtm_flags & RTM_F_CLONED)) ||
	    (k == K_NEIGH && ipo.family && nlmsg_payload(h) &&
	     ((const struct ndmsg *)nlmsg_data(h))->ndm_family != ipo.family))
		return 0;
	if (k == K_LINK)
		remember_link(h);
	if (k != K_TSTAMP) {
		if (ipo.timestamp)
			ip_mon_timestamp();
		if (mon.all_nsid && nsid < 0)
			outs("[nsid current]");
		else if (mon.all_nsid)
			outf("[nsid %d]", nsid);
		if (mon.banner) {
			const char *l = labels;

			for (int i = 0; i < k; i++)
				l += kw_skip(l);
			outs(l);
		}
	}
	printers[k](h);
	out_flush();
	return 0;
}

/* ---- sources ---- */

/* iproute2's ll_init_map: the names of the links there are at the start. */
static int note_link(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	remember_link(h);
	return 0;
}

static int listen_groups(unsigned lmask, unsigned asked)
{
	static struct nlsock sk;
	struct rtnl_filter f = { 0 };
	int err = rtnl_mon_open(&sk);

	if (err)
		die(1, "Cannot open netlink socket: %s\n", errtext(-err));
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
		if (!(lmask & groups[i].obj) || (groups[i].family && ipo.family && ipo.family != groups[i].family))
			continue;
		err = rtnl_mon_join(&sk, groups[i].group);
		if (!err)
			continue;
		if (groups[i].obj == L_NEXTHOP)
			die(1, "Failed to add nexthop group to list\n");
		if (groups[i].obj == L_STATS && (asked & L_STATS))
			die(1, "Failed to add stats group to list\n");
		if (groups[i].obj != L_STATS)
			die(1, "Cannot bind netlink socket: %s\n", errtext(-err));
	}
	if (mon.all_nsid && (err = rtnl_mon_all_nsid(&sk)))
		die(1, "NETLINK_LISTEN_ALL_NSID: %s\n", errtext(-err));
	rtnl_link_dump(ip_sock(), &f, note_link, NULL);
	nsn_init();
	return mon_listen(&sk, accept_msg);
}

int do_monitor(int argc, char **argv)
{
	const char *file = NULL;
	unsigned lmask = 0;
	int json = IPO_JSON, rc;

	memset(&mon, 0, sizeof(mon));
	for (; argc > 0; argc--, argv++) {
		const char *w = kwt_find(words, 3, 0, *argv);

		if (!w)
			die(255, "Argument \"%s\" is unknown, try \"ip monitor help\".\n", *argv);
		switch (w[1]) {
		case A_OBJ:
			lmask |= 1u << w[2];
			break;
		case A_FILE:
			NEXT_ARG();
			file = *argv;
			break;
		case A_LABEL:
			mon.banner = 1;
			break;
		case A_ALL_NSID:
			mon.all_nsid = 1;
			break;
		case A_HELP:
			ip_usage_exit(monitor_usage);
		case A_DEV:
			NEXT_ARG();
			if (!(mon.index = addr_dev_index(*argv)))
				ip_invarg("Device does not exist\n", *argv);
			break;
		}
	}
	/* Under -j iproute2's monitor still prints text: it opens no JSON writer. */
	ipo.json = 0;
	pr_nsid_name = nsn_name;
	rc = file ? rtmon_file_read(file, accept_msg, 1) : listen_groups(lmask ? lmask : ~0u, lmask);
	/* The rest of a batch as before. */
	ipo.json = json;
	pr_nsid_name = NULL;
	return rc;
}
