/* ip link xstats and afstats (RTM_GETSTATS dumps; NSBOX_FEATURE_IP_LINK_STATS) as iproute2 6.1
 * prints them (ip/iplink_xstats.c, iplink_bridge.c, iplink_bond.c, iplink.c). The dump streams
 * on a socket of its own: names are looked up on ip_sock() from inside it, and a lookup on the
 * dump's socket would overwrite the replies not yet read. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_bridge.h>
#include <linux/mpls.h>
#include "ip_print.h"
#include "out.h"
#include "rtnl_stats.h"

/* linux/if_bonding.h's, which cannot come with musl's net/if.h (both define struct ifreq). */
enum { BOND_XSTATS_3AD = 1 };
enum { BOND_3AD_STAT_LACPDU_RX, BOND_3AD_STAT_LACPDU_TX, BOND_3AD_STAT_LACPDU_UNKNOWN_RX,
       BOND_3AD_STAT_LACPDU_ILLEGAL_RX, BOND_3AD_STAT_MARKER_RX, BOND_3AD_STAT_MARKER_TX,
       BOND_3AD_STAT_MARKER_RESP_RX, BOND_3AD_STAT_MARKER_RESP_TX, BOND_3AD_STAT_MARKER_UNKNOWN_RX,
       BOND_3AD_STAT_MAX };

#ifndef AF_MPLS
#define AF_MPLS 28
#endif

/* "%-16s    " of "": where a stats line starts under the device's name. */
#define IND "                    "

/* A payload as the struct it should hold: what there is of it, the rest zero. */
static void payload(void *dst, size_t size, const struct nlattr *a)
{
	memset(dst, 0, size);
	memcpy(dst, nla_data(a), nla_len(a) < size ? nla_len(a) : size);
}

static uint64_t attr_u64(const struct nlattr *a)
{
	uint64_t v;

	payload(&v, sizeof(v), a);
	return v;
}

/* ---- bridge ---- */

/* "IGMP queries:" then its RX and TX lines of versions 1..n (v[version][direction]). */
static void mc_versions(const char *key, const char *title, const __u64 (*v)[2], int n)
{
	static const char *const keys[2][3] = { { "rx_v1", "rx_v2", "rx_v3" }, { "tx_v1", "tx_v2", "tx_v3" } };

	pr_obj_open(key);
	pr_text(IND "%s:\n", title);
	for (int d = 0; d < 2; d++) {
		pr_text(IND "  %s: ", d ? "TX" : "RX");
		for (int i = 0; i < n; i++) {
			pr_text("v%d ", i + 1);
			pr_u64(PR_ANY, keys[d][i], i + 1 < n ? "%llu " : "%llu\n", v[i][d]);
		}
	}
	pr_obj_close();
}

static void mc_leaves(const char *key, const char *title, const __u64 *v)
{
	pr_obj_open(key);
	pr_text(IND "%s leaves: ", title);
	pr_u64(PR_ANY, "rx", "RX: %llu ", v[BR_MCAST_DIR_RX]);
	pr_u64(PR_ANY, "tx", "TX: %llu\n", v[BR_MCAST_DIR_TX]);
	pr_obj_close();
}

static void br_mcast(const struct nlattr *a)
{
	struct br_mcast_stats m;
	__u64 q[3][2], r[3][2];

	payload(&m, sizeof(m), a);
	pr_obj_open("multicast");
	memcpy(q[0], m.igmp_v1queries, 16), memcpy(q[1], m.igmp_v2queries, 16), memcpy(q[2], m.igmp_v3queries, 16);
	memcpy(r[0], m.igmp_v1reports, 16), memcpy(r[1], m.igmp_v2reports, 16), memcpy(r[2], m.igmp_v3reports, 16);
	mc_versions("igmp_queries", "IGMP queries", (const __u64 (*)[2])q, 3);
	mc_versions("igmp_reports", "IGMP reports", (const __u64 (*)[2])r, 3);
	mc_leaves("igmp_leaves", "IGMP", m.igmp_leaves);
	pr_text(IND "IGMP parse errors: ");
	pr_u64(PR_ANY, "igmp_parse_errors", "%llu\n", m.igmp_parse_errors);
	memcpy(q[0], m.mld_v1queries, 16), memcpy(q[1], m.mld_v2queries, 16);
	memcpy(r[0], m.mld_v1reports, 16), memcpy(r[1], m.mld_v2reports, 16);
	mc_versions("mld_queries", "MLD queries", (const __u64 (*)[2])q, 2);
	mc_versions("mld_reports", "MLD reports", (const __u64 (*)[2])r, 2);
	mc_leaves("mld_leaves", "MLD", m.mld_leaves);
	pr_text(IND "MLD parse errors: ");
	pr_u64(PR_ANY, "mld_parse_errors", "%llu\n", m.mld_parse_errors);
	pr_obj_close();
}

static void br_stp(const struct nlattr *a)
{
	struct bridge_stp_xstats s;

	payload(&s, sizeof(s), a);
	pr_obj_open("stp");
	pr_text(IND "STP BPDU:  ");
	pr_u64(PR_ANY, "rx_bpdu", "RX: %llu ", s.rx_bpdu);
	pr_u64(PR_ANY, "tx_bpdu", "TX: %llu\n", s.tx_bpdu);
	pr_text(IND "STP TCN:   ");
	pr_u64(PR_ANY, "rx_tcn", "RX: %llu ", s.rx_tcn);
	pr_u64(PR_ANY, "tx_tcn", "TX: %llu\n", s.tx_tcn);
	pr_text(IND "STP Transitions: ");
	pr_u64(PR_ANY, "transition_blk", "Blocked: %llu ", s.transition_blk);
	pr_u64(PR_ANY, "transition_fwd", "Forwarding: %llu\n", s.transition_fwd);
	pr_obj_close();
}

/* ---- bond ---- */

static void bond_3ad(const struct nlattr *a)
{
	static const struct { const char *key, *fmt; } st[] = {
		[BOND_3AD_STAT_LACPDU_RX] = { "lacpdu_rx", "LACPDU Rx %llu\n" },
		[BOND_3AD_STAT_LACPDU_TX] = { "lacpdu_tx", "LACPDU Tx %llu\n" },
		[BOND_3AD_STAT_LACPDU_UNKNOWN_RX] = { "lacpdu_unknown_rx", "LACPDU Unknown type Rx %llu\n" },
		[BOND_3AD_STAT_LACPDU_ILLEGAL_RX] = { "lacpdu_illegal_rx", "LACPDU Illegal Rx %llu\n" },
		[BOND_3AD_STAT_MARKER_RX] = { "marker_rx", "Marker Rx %llu\n" },
		[BOND_3AD_STAT_MARKER_TX] = { "marker_tx", "Marker Tx %llu\n" },
		[BOND_3AD_STAT_MARKER_RESP_RX] = { "marker_response_rx", "Marker response Rx %llu\n" },
		[BOND_3AD_STAT_MARKER_RESP_TX] = { "marker_response_tx", "Marker response Tx %llu\n" },
		[BOND_3AD_STAT_MARKER_UNKNOWN_RX] = { "marker_unknown_rx", "Marker unknown type Rx %llu\n" },
	};
	struct nlattr *tb[BOND_3AD_STAT_MAX + 1];

	nla_parse_nested(tb, BOND_3AD_STAT_MAX, a);
	pr_obj_open("802.3ad");
	for (size_t i = 0; i < sizeof(st) / sizeof(st[0]); i++) {
		if (!tb[i])
			continue;
		pr_text(IND);
		pr_u64(PR_ANY, st[i].key, st[i].fmt, attr_u64(tb[i]));
	}
	pr_obj_close();
}

/* ---- ip link xstats ---- */

/* The kinds iproute2 6.1 has a link_util for; those past the first four print no xstats. */
static const char *const xkinds[] = {
	"bridge", "bridge_slave", "bond", "bond_slave",
	"amt", "bareudp", "batadv", "can", "dsa", "dummy", "erspan", "geneve", "gre", "gretap", "gtp",
	"hsr", "ifb", "ip6erspan", "ip6gre", "ip6gretap", "ip6tnl", "ipip", "ipoib", "ipvlan", "ipvtap",
	"macsec", "macvlan", "macvtap", "netdevsim", "nlmon", "rmnet", "sit", "team", "team_slave",
	"tun", "vcan", "veth", "virt_wifi", "vlan", "vrf", "vrf_slave", "vti", "vti6", "vxcan", "vxlan",
	"wwan", "xfrm",
};

struct xstats {
	int bond;          /* the bond printer, else the bridge's */
	uint16_t only;     /* print only this attribute of the kind's list (0: all) */
	int index;         /* dev: its index, else 0 */
};

/* One device's IFLA_STATS_LINK_XSTATS[_SLAVE]: its name, then the kind's attributes. */
static void xstats_attr(const struct xstats *x, const struct nlattr *a, int index)
{
	struct nlattr *tb[LINK_XSTATS_TYPE_MAX + 1], *i;
	uint16_t want = x->bond ? LINK_XSTATS_TYPE_BOND : LINK_XSTATS_TYPE_BRIDGE;
	size_t rem;

	nla_parse_nested(tb, LINK_XSTATS_TYPE_MAX, a);
	if (!tb[want])
		return;
	pr_obj_open(NULL);
	pr_str(PR_ANY, "ifname", "%-16s\n", ifname_of(index));
	nla_for_each(i, nla_data(tb[want]), nla_len(tb[want]), rem) {
		uint16_t t = nla_type(i);

		if (x->only && t != x->only)
			continue;
		if (x->bond) {
			/* sic: iproute2 stops after the first attribute it does not skip */
			if (t == BOND_XSTATS_3AD)
				bond_3ad(i);
			break;
		}
		if (t == BRIDGE_XSTATS_MCAST)
			br_mcast(i);
		else if (t == BRIDGE_XSTATS_STP)
			br_stp(i);
	}
	pr_obj_close();
}

static int xstats_msg(const struct nlmsghdr *h, void *arg)
{
	const struct xstats *x = arg;
	struct stats_info si;

	if (rtnl_stats_parse(h, &si) == -EPROTO) {
		errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(si.ifsm))));
		return -1;
	}
	if (x->index && x->index != (int)si.ifsm.ifindex)
		return 0;
	if (si.tb[IFLA_STATS_LINK_XSTATS])
		xstats_attr(x, si.tb[IFLA_STATS_LINK_XSTATS], (int)si.ifsm.ifindex);
	if (si.tb[IFLA_STATS_LINK_XSTATS_SLAVE])
		xstats_attr(x, si.tb[IFLA_STATS_LINK_XSTATS_SLAVE], (int)si.ifsm.ifindex);
	return 0;
}

int ip_link_xstats(int argc, char **argv)
{
	/* iproute2 keeps the words of the bridge and of the bond printer in statics: in a batch,
	 * a later xstats of the same printer still filters as the words before said, as far as
	 * they were read */
	static struct xstats kept[2] = { { 0, 0, 0 }, { 1, 0, 0 } };
	struct xstats *x;
	const char *kind;
	size_t k, n = sizeof(xkinds) / sizeof(xkinds[0]);
	int err;

	if (argc < 1)
		ip_fail(1, "xstats: missing argument\n");
	if (kw_is(*argv, "help")) {
		outs("Usage: ... xstats type TYPE [ ARGS ]\n");
		return 0;
	}
	if (!kw_is(*argv, "type"))
		ip_invarg("unknown argument", *argv);
	NEXT_ARG();
	kind = *argv;
	for (k = 0; k < n && strcmp(kind, xkinds[k]); k++)
		;
	if (k == n)
		ip_invarg("invalid type", kind);
	if (k >= 4)
		ip_fail(1, "xstats: link type %s doesn't support xstats\n", kind);
	x = &kept[k >= 2];
	for (argc--, argv++; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, x->bond ? "lacp" : "igmp") || !strcmp(*argv, x->bond ? "802.3ad" : "mcast")) {
			x->only = x->bond ? BOND_XSTATS_3AD : BRIDGE_XSTATS_MCAST;
		} else if (!x->bond && !strcmp(*argv, "stp")) {
			x->only = BRIDGE_XSTATS_STP;
		} else if (!strcmp(*argv, "dev")) {
			NEXT_ARG();
			if (!(x->index = ip_ll_index(*argv)))
				ip_fail(1, "Cannot find device \"%s\"\n", *argv);
		} else if (!strcmp(*argv, "help")) {
			outf("Usage: ... %s [ %s ] [ dev DEVICE ]\n", kind, x->bond ? "802.3ad" : "igmp");
			out_exit(0);
		} else {
			ip_invarg("unknown attribute", *argv);
		}
	}
	pr_begin();
	/* the _slave kinds ask for what the master's kind says of each port */
	err = rtnl_stats_dump(show_sock(0), k & 1 ? IFLA_STATS_FILTER_BIT(IFLA_STATS_LINK_XSTATS_SLAVE) :
			      IFLA_STATS_FILTER_BIT(IFLA_STATS_LINK_XSTATS), xstats_msg, x);
	if (err < 0) {
		ip_dump_failed(show_sock(0), err, "Dump");
		return 1;
	}
	pr_end();
	return err ? 1 : 0;
}

/* ---- ip link afstats ---- */

/* iproute2's print_mpls_link_stats and print_hw_stats64: RX and TX rows of v (RX five
 * values, the fifth key5 / head5; TX four) under ind, or two JSON objects. */
void ip_rxtx_rows(const char *ind, const char *key5, const char *head5, const uint64_t v[2][5])
{
	const char *heads[5] = { "bytes", "packets", "errors", "dropped", head5 };
	unsigned cols[5] = { 9, 7, 6, 7, 7 };   /* "*X: bytes" packets errors ... */

	if (IPO_JSON) {
		heads[4] = key5;
		for (int d = 0; d < 2; d++) {
			pr_obj_open(d ? "tx" : "rx");
			for (int i = 0; i < 5 - d; i++)
				pr_u64(PR_JSON, heads[i], NULL, v[d][i]);
			pr_obj_close();
		}
		return;
	}
	for (int i = 0; i < 10 && !ipo.human; i++) {
		unsigned len = 1;

		for (uint64_t x = v[i / 5][i % 5]; x > 9; x /= 10)
			len++;
		if (len > cols[i % 5])
			cols[i % 5] = len;
	}
	for (int d = 0; d < 2; d++) {
		outf("%s%s: %*s", ind, d ? "TX" : "RX", (int)cols[0] - 4, heads[0]);
		for (int i = 1; i < 5 - d; i++)
			outf(" %*s", (int)cols[i], heads[i]);
		outf("%s%s", pr_sl(), ind);
		for (int i = 0; i < 5 - d; i++)
			pr_num(cols[i], v[d][i]);
		if (!d)
			pr_nl();
	}
}

/* The MPLS_STATS_LINK of an AF_MPLS block under ind (0 when there is none). */
int ip_mpls_stats(const struct nlattr *a, const char *ind)
{
	struct nlattr *tb[MPLS_STATS_MAX + 1];
	struct mpls_link_stats s;
	uint64_t v[2][5];

	nla_parse_nested(tb, MPLS_STATS_MAX, a);
	if (!tb[MPLS_STATS_LINK])
		return 0;
	payload(&s, sizeof(s), tb[MPLS_STATS_LINK]);
	v[0][0] = s.rx_bytes, v[0][1] = s.rx_packets, v[0][2] = s.rx_errors, v[0][3] = s.rx_dropped;
	v[0][4] = s.rx_noroute;
	v[1][0] = s.tx_bytes, v[1][1] = s.tx_packets, v[1][2] = s.tx_errors, v[1][3] = s.tx_dropped, v[1][4] = 0;
	if (!IPO_JSON && !*ind) {
		outs("    mpls:");
		pr_nl();
	}
	ip_rxtx_rows(*ind ? ind : "        ", "noroute", "noroute", (const uint64_t (*)[5])v);
	return 1;
}

static void mpls_stats(const struct nlattr *a)
{
	if (ip_mpls_stats(a, "") && !IPO_JSON)
		outs("\n");
}

static int afstats_msg(const struct nlmsghdr *h, void *arg)
{
	int index = *(int *)arg, printed = 0;
	struct stats_info si;
	const struct nlattr *i;
	size_t rem;

	if (rtnl_stats_parse(h, &si) == -EPROTO) {
		errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(si.ifsm))));
		return -1;
	}
	if ((index && (int)si.ifsm.ifindex != index) || !si.tb[IFLA_STATS_AF_SPEC])
		return 0;
	nla_for_each(i, nla_data(si.tb[IFLA_STATS_AF_SPEC]), nla_len(si.tb[IFLA_STATS_AF_SPEC]), rem) {
		if (ipo.family != AF_UNSPEC && nla_type(i) != ipo.family)
			continue;
		if (!printed++) {
			/* sic: no object around a device's keys under -j */
			pr_uint(PR_ANY, "ifindex", "%u:", si.ifsm.ifindex);
			pr_str(PR_ANY, "ifname", "%s", ifname_of((int)si.ifsm.ifindex));
			pr_nl();
		}
		if (nla_type(i) == AF_MPLS)
			mpls_stats(i);
		else
			errf("    unknown af(%d)\n", nla_type(i));
	}
	out_flush();
	return 0;
}

int ip_link_afstats(int argc, char **argv, const char *usage)
{
	const char *dev = NULL;
	int index = 0, err;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dev")) {
			NEXT_ARG();
			if (dev)
				die(255, "Error: either \"dev\" is duplicate, or \"%s\" is a garbage.\n", *argv);
			dev = *argv;
		} else if (kw_is(*argv, "help")) {
			sputs(ERR, USAGE_TEXT(usage));
			out_exit(255);
		} else {
			die(255, "Command \"%s\" is unknown, try \"ip link help\".\n", *argv);
		}
	}
	/* iproute2 exits 0 whatever happens past the words */
	if (dev && !(index = ip_ll_index(dev))) {
		errf("Device \"%s\" does not exist.\n", dev);
		return 0;
	}
	pr_begin();
	err = rtnl_stats_dump(show_sock(0), IFLA_STATS_FILTER_BIT(IFLA_STATS_AF_SPEC), afstats_msg, &index);
	if (err < 0) {
		ip_dump_failed(show_sock(0), err, "Dump");
		return 0;
	}
	if (!err)
		pr_end();
	return 0;
}

/* One dumped message through the printer that sel picks (bits 0-1: bridge or bond xstats, of
 * one attribute or all, afstats; bit 2: of ifindex 1 only): for the fuzz target. */
void ip_xstats_suite(int which, const struct nlattr *a)
{
	static void (*const pr[])(const struct nlattr *) = { br_mcast, br_stp, bond_3ad };

	pr[which](a);
}

int ip_link_stats_print(const struct nlmsghdr *h, int sel)
{
	struct xstats x = { sel & 1, 0, sel & 4 ? 1 : 0 };

	if ((sel & 3) == 3)
		return afstats_msg(h, &x.index);
	if (sel & 2)
		x.only = x.bond ? BOND_XSTATS_3AD : BRIDGE_XSTATS_STP;
	return xstats_msg(h, &x);
}
