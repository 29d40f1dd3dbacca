/* ip route show: a streamed route dump, filtered by the kernel where it can (table, device,
 * protocol) and here for the rest, printed in iproute2's order. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/icmpv6.h>
#include "inet.h"
#include "lib.h"
#include "ip_print.h"
#include "out.h"

struct rfilter {
	int family;
	uint32_t table;          /* 0 = all */
	unsigned protocol, protocolmask;
	unsigned scope, scopemask;
	unsigned typemask;
	int oif;                 /* 0 = any */
	uint32_t metric;
	int metricmask;
	struct inet_prefix rdst, mdst, rvia, rprefsrc; /* family 0 = unused */
	int ip6_multiple_tables;
};

static const char *const unsupported[] = { "vrf", "cached", "cloned", "dsfield", "realms", "from", NULL };

static void parse_args(struct rfilter *f, int argc, char **argv, const char **dev)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		int i;

		for (i = 0; unsupported[i] && !kw_is(w, unsupported[i]); i++)
			;
		if (unsupported[i] || !strcmp(w, "tos") || !strcmp(w, "iif") || !strcmp(w, "mark"))
			die(1, "ip: route selector \"%s\" is not implemented in nsbox\n", w);
		if (kw_is(w, "table")) {
			NEXT_ARG();
			if (parse_table(*argv, &f->table)) {
				if (!strcmp(*argv, "all"))
					f->table = 0;
				else if (!strcmp(*argv, "help"))
					out_exit(do_route(1, (char *[]){ "help", NULL }));
				else
					ip_invarg("table id value is invalid\n", *argv);
			}
		} else if (kw_is(w, "protocol")) {
			NEXT_ARG();
			f->protocolmask = ~0u;
			if (parse_proto(*argv, &f->protocol)) {
				if (strcmp(*argv, "all"))
					ip_invarg("invalid \"protocol\"\n", *argv);
				f->protocol = f->protocolmask = 0;
			}
		} else if (kw_is(w, "scope")) {
			NEXT_ARG();
			f->scopemask = ~0u;
			if (parse_scope(*argv, &f->scope)) {
				if (strcmp(*argv, "all"))
					ip_invarg("invalid \"scope\"\n", *argv);
				f->scope = RT_SCOPE_NOWHERE;
				f->scopemask = 0;
			}
		} else if (kw_is(w, "type")) {
			unsigned t;
			NEXT_ARG();
			if (parse_rtntype(*argv, &t) || t > 31)
				ip_invarg("node type value is invalid\n", *argv);
			f->typemask = 1u << t;
		} else if (!strcmp(w, "dev") || !strcmp(w, "oif")) {
			NEXT_ARG();
			*dev = *argv;
		} else if (kw_is(w, "metric") || kw_is(w, "priority") || !strcmp(w, "preference")) {
			NEXT_ARG();
			if (parse_u32(*argv, &f->metric, 0))
				ip_invarg("\"metric\" value is invalid\n", *argv);
			f->metricmask = -1;
		} else if (!strcmp(w, "via")) {
			int fam = f->family;
			NEXT_ARG();
			if (!strcmp(*argv, "inet") || !strcmp(*argv, "inet6")) {
				fam = (*argv)[4] ? AF_INET6 : AF_INET;
				NEXT_ARG();
			}
			show_get_prefix(&f->rvia, *argv, fam);
		} else if (!strcmp(w, "src")) {
			NEXT_ARG();
			show_get_prefix(&f->rprefsrc, *argv, f->family);
		} else {
			if (kw_is(w, "to"))
				NEXT_ARG();
			if (kw_is(*argv, "root")) {
				NEXT_ARG();
				show_get_prefix(&f->rdst, *argv, f->family);
			} else if (kw_is(*argv, "match")) {
				NEXT_ARG();
				show_get_prefix(&f->mdst, *argv, f->family);
			} else {
				if (kw_is(*argv, "exact"))
					NEXT_ARG();
				show_get_prefix(&f->mdst, *argv, f->family);
				f->rdst = f->mdst;
			}
		}
	}
}

/* The first bits of two addresses agree. */
static int bits_match(const unsigned char *a, const unsigned char *b, int bits)
{
	if (bits <= 0)
		return 1;
	if (memcmp(a, b, bits / 8))
		return 0;
	return bits % 8 == 0 || !((a[bits / 8] ^ b[bits / 8]) & (0xff00 >> (bits % 8)));
}

static void attr_addr(unsigned char *out, const struct nlattr *a)
{
	memset(out, 0, 16);
	if (a)
		memcpy(out, nla_data(a), nla_len(a) < 16 ? nla_len(a) : 16);
}

static int route_match(struct rfilter *f, const struct route_info *ri)
{
	const struct rtmsg *r = ri->rtm;
	struct nlattr *const *tb = ri->tb;
	uint32_t table = rtnl_route_table(ri), u = 0;
	unsigned char a[16];

	if (f->family != AF_UNSPEC && r->rtm_family != f->family)
		return 0;
	if (r->rtm_family == AF_INET6 && table != RT_TABLE_MAIN)
		f->ip6_multiple_tables = 1;
	if (r->rtm_flags & RTM_F_CLONED)
		return 0;
	/* Without multiple IPv6 tables the kernel answers every table from main. */
	if (r->rtm_family == AF_INET6 && !f->ip6_multiple_tables) {
		if (f->table == RT_TABLE_LOCAL ? r->rtm_type != RTN_LOCAL :
		    f->table == RT_TABLE_MAIN ? r->rtm_type == RTN_LOCAL : f->table != 0)
			return 0;
	} else if (f->table && f->table != table) {
		return 0;
	}
	if (((f->protocol ^ r->rtm_protocol) & f->protocolmask) || ((f->scope ^ r->rtm_scope) & f->scopemask))
		return 0;
	if (f->typemask && !(f->typemask & (1u << (r->rtm_type & 31))))
		return 0;
	if (f->rdst.family && (r->rtm_family != f->rdst.family || f->rdst.bitlen > r->rtm_dst_len))
		return 0;
	if (f->mdst.family && (r->rtm_family != f->mdst.family || f->mdst.bitlen < r->rtm_dst_len))
		return 0;
	attr_addr(a, tb[RTA_DST]);
	if (f->rdst.family && !bits_match(a, f->rdst.data, f->rdst.bitlen))
		return 0;
	if (f->mdst.family && !bits_match(a, f->mdst.data, r->rtm_dst_len))
		return 0;
	if (f->rvia.family) {
		int fam = r->rtm_family;
		if (tb[RTA_VIA] && nla_len(tb[RTA_VIA]) >= 2)
			fam = *(const uint16_t *)nla_data(tb[RTA_VIA]);
		if (fam != f->rvia.family)
			return 0;
		if (tb[RTA_VIA] && nla_len(tb[RTA_VIA]) >= 2) {
			memset(a, 0, 16);
			memcpy(a, (char *)nla_data(tb[RTA_VIA]) + 2,
			       nla_len(tb[RTA_VIA]) - 2 < 16 ? nla_len(tb[RTA_VIA]) - 2 : 16);
		} else {
			attr_addr(a, tb[RTA_GATEWAY]);
		}
		if (!bits_match(a, f->rvia.data, f->rvia.bitlen))
			return 0;
	}
	if (f->rprefsrc.family) {
		if (r->rtm_family != f->rprefsrc.family)
			return 0;
		attr_addr(a, tb[RTA_PREFSRC]);
		if (!bits_match(a, f->rprefsrc.data, f->rprefsrc.bitlen))
			return 0;
	}
	if (f->oif) {
		nla_get_u32(tb[RTA_OIF], &u);
		if ((int)u != f->oif)
			return 0;
	}
	if (f->metricmask) {
		u = 0;
		nla_get_u32(tb[RTA_PRIORITY], &u);
		if (u != f->metric)
			return 0;
	}
	return 1;
}

static int host_len(int family)
{
	return family == AF_INET6 ? 128 : family == AF_INET ? 32 : 0;
}

/* Multicast routes of the multicast-routing families print as IPv4 / IPv6. */
static int real_family(const struct rtmsg *r)
{
	if (r->rtm_type != RTN_MULTICAST)
		return r->rtm_family;
	return r->rtm_family == RTNL_FAMILY_IPMR ? AF_INET :
	       r->rtm_family == RTNL_FAMILY_IP6MR ? AF_INET6 : r->rtm_family;
}

static void pr_prefix(const char *key, const char *fmt, int family, const struct nlattr *a,
		      int len, int hlen)
{
	char b[PR_ADDRSZ], both[PR_ADDRSZ + 8];

	fmt_inet(family, nla_data(a), nla_len(a), b);
	if (len != hlen) {
		bfmt(both, sizeof(both), "%s/%u", b, len);
		pr_str(PR_ANY, key, fmt, both);
	} else {
		pr_str(PR_ANY, key, fmt, b);
	}
}

static void pr_gateway(int family, const struct nlattr *a)
{
	char b[PR_ADDRSZ];

	fmt_inet(family, nla_data(a), nla_len(a), b);
	pr_str(PR_JSON, "gateway", NULL, b);
	pr_text("via %s ", b);
}

static void pr_via(const struct nlattr *a)
{
	char b[PR_ADDRSZ];
	uint16_t fam;

	if (nla_len(a) < 2)
		return;
	memcpy(&fam, nla_data(a), 2);
	fmt_inet(fam, (char *)nla_data(a) + 2, nla_len(a) - 2, b);
	pr_obj_open("via");
	pr_str(PR_JSON, "family", NULL, name_family(fam));
	pr_str(PR_JSON, "host", NULL, b);
	pr_obj_close();
	pr_text("via %s %s ", name_family(fam), b);
}

static void pr_rt_flags(unsigned flags)
{
	static const struct { unsigned mask; const char *name; } names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" }, { RTNH_F_PERVASIVE, "pervasive" },
		{ RTNH_F_OFFLOAD, "offload" }, { RTNH_F_TRAP, "trap" }, { RTM_F_NOTIFY, "notify" },
		{ RTNH_F_LINKDOWN, "linkdown" }, { RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};

	pr_arr_open(PR_JSON, "flags");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].mask)
			pr_str(PR_ANY, NULL, "%s ", names[i].name);
	pr_arr_close(PR_JSON, NULL);
}

static const char *realm_name(unsigned id, char *b)
{
	if (!id)
		return "cosmos";
	bfmt(b, PR_NAMESZ, "%u", id);
	return b;
}

static void pr_flow(const struct nlattr *a)
{
	uint32_t to = 0, from;
	char b[PR_NAMESZ];

	nla_get_u32(a, &to);
	from = to >> 16;
	to &= 0xffff;
	if (pr_json()) {
		pr_obj_open("flow");
		if (from)
			pr_str(PR_JSON, "from", NULL, realm_name(from, b));
		pr_str(PR_JSON, "to", NULL, realm_name(to, b));
		pr_obj_close();
		return;
	}
	pr_text("realm%s ", from ? "s" : "");
	if (from)
		pr_text("%s/", realm_name(from, b));
	pr_text("%s ", realm_name(to, b));
}

static void pr_cacheinfo(const struct nlattr *a)
{
	const struct rta_cacheinfo *ci = nla_data(a);
	/* clock_t from the kernel counts USER_HZ, 100 on Linux: what sysconf(_SC_CLK_TCK) says. */
	const long hz = 100;
	char b[24];

	if (nla_len(a) < sizeof(*ci))
		return;
	if (ci->rta_expires)
		pr_int(PR_ANY, "expires", "expires %dsec ", (int)(ci->rta_expires / hz));
	if (ci->rta_error)
		pr_uint(PR_ANY, "error", "error %u ", ci->rta_error);
	if (ipo.stats) {
		if (ci->rta_clntref)
			pr_uint(PR_ANY, "users", "users %u ", ci->rta_clntref);
		if (ci->rta_used)
			pr_uint(PR_ANY, "used", "used %u ", ci->rta_used);
		if (ci->rta_lastuse)
			pr_uint(PR_ANY, "age", "age %usec ", (unsigned)(ci->rta_lastuse / hz));
	}
	if (ci->rta_id) {
		bfmt(b, sizeof(b), "0x%04x", ci->rta_id);
		pr_str(PR_ANY, "ipid", "ipid %s ", b);
	}
	if (ci->rta_ts || ci->rta_tsage) {
		bfmt(b, sizeof(b), "0x%x", ci->rta_ts);
		pr_str(PR_ANY, "ts", "ts %s", b);
		pr_uint(PR_ANY, "tsage", "tsage %usec ", (unsigned)(ci->rta_tsage / hz));
	}
}

static void pr_metrics(const struct nlattr *m)
{
	static const char *const names[RTAX_MAX + 1] = {
		[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window", [RTAX_RTT] = "rtt",
		[RTAX_RTTVAR] = "rttvar", [RTAX_SSTHRESH] = "ssthresh", [RTAX_CWND] = "cwnd",
		[RTAX_ADVMSS] = "advmss", [RTAX_REORDERING] = "reordering",
		[RTAX_HOPLIMIT] = "hoplimit", [RTAX_INITCWND] = "initcwnd",
		[RTAX_FEATURES] = "features", [RTAX_RTO_MIN] = "rto_min",
		[RTAX_INITRWND] = "initrwnd", [RTAX_QUICKACK] = "quickack",
		[RTAX_CC_ALGO] = "congctl", [RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
	};
	struct nlattr *tb[RTAX_MAX + 1];
	uint32_t lock = 0, v;
	char b[24];

	if (nla_parse_nested(tb, RTAX_MAX, m) < 0)
		return;
	nla_get_u32(tb[RTAX_LOCK], &lock);
	pr_arr_open(PR_JSON, "metrics");
	pr_obj_open(NULL);
	for (int i = 2; i <= RTAX_MAX; i++) {
		if (!tb[i] && !(lock & (1u << i)))
			continue;
		v = 0;
		if (tb[i] && i != RTAX_CC_ALGO)
			nla_get_u32(tb[i], &v);
		if (i == RTAX_HOPLIMIT && (int)v == -1)
			continue;
		if (names[i])
			pr_text("%s ", names[i]);
		else
			pr_text("metric %d ", i);
		if (lock & (1u << i))
			pr_text("lock ");
		if (i == RTAX_FEATURES) {
			if (v & RTAX_FEATURE_ECN)
				pr_null("ecn"), pr_text("ecn ");
			if (v & ~RTAX_FEATURE_ECN) {
				bfmt(b, sizeof(b), "%#x", v);
				pr_str(PR_ANY, "features", "%s ", b);
			}
		} else if (i == RTAX_RTT || i == RTAX_RTTVAR || i == RTAX_RTO_MIN) {
			v /= i == RTAX_RTT ? 8 : i == RTAX_RTTVAR ? 4 : 1;
			pr_uint(PR_JSON, names[i], NULL, v);
			if (v >= 1000)
				pr_text("%ss ", fmt_g(b, v / 1e3));
			else
				pr_text("%ums ", v);
		} else if (i == RTAX_CC_ALGO) {
			const char *s = nla_get_str(tb[i]);
			pr_str(PR_ANY, "congestion", "%s ", s ? s : "");
		} else {
			pr_uint(PR_ANY, names[i], "%u ", v);
		}
	}
	pr_obj_close();
	pr_arr_close(PR_JSON, NULL);
}

static void pr_multipath(const struct rtmsg *r, const struct nlattr *mp)
{
	const struct rtnexthop *nh = nla_data(mp);
	size_t len = nla_len(mp);
	struct nlattr *tb[RTA_MAX + 1];

	pr_arr_open(PR_JSON, "nexthops");
	while (len >= sizeof(*nh) && nh->rtnh_len >= sizeof(*nh) && nh->rtnh_len <= len) {
		pr_obj_open(NULL);
		pr_text("%s\tnexthop ", pr_sl());
		if (nh->rtnh_len > sizeof(*nh) &&
		    nla_parse(tb, RTA_MAX, RTNH_DATA(nh), nh->rtnh_len - sizeof(*nh)) == 0) {
			if (tb[RTA_GATEWAY])
				pr_gateway(r->rtm_family, tb[RTA_GATEWAY]);
			if (tb[RTA_VIA])
				pr_via(tb[RTA_VIA]);
			if (tb[RTA_FLOW])
				pr_flow(tb[RTA_FLOW]);
		}
		pr_str(PR_ANY, "dev", "dev %s ", ifname_of(nh->rtnh_ifindex));
		if (r->rtm_family != AF_MPLS)
			pr_int(PR_ANY, "weight", "weight %d ", nh->rtnh_hops + 1);
		pr_rt_flags(nh->rtnh_flags);
		pr_obj_close();
		if (NLMSG_ALIGN(nh->rtnh_len) >= len)
			break;
		len -= NLMSG_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
	}
	pr_arr_close(PR_JSON, NULL);
}

static const char *dsfield_name(unsigned tos, char *b)
{
	static const unsigned char v[] = { 0x28, 0x30, 0x38, 0x48, 0x50, 0x58, 0x68, 0x70, 0x78,
		0x88, 0x90, 0x98, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0, 0xb8 };
	static const char *const n[] = { "AF11", "AF12", "AF13", "AF21", "AF22", "AF23", "AF31",
		"AF32", "AF33", "AF41", "AF42", "AF43", "CS1", "CS2", "CS3", "CS4", "CS5", "CS6",
		"CS7", "EF" };

	for (size_t i = 0; i < sizeof(v); i++)
		if (v[i] == tos)
			return n[i];
	bfmt(b, PR_NAMESZ, "0x%02x", tos);
	return b;
}

static void pr_route(const struct rfilter *f, const struct route_info *ri)
{
	const struct rtmsg *r = ri->rtm;
	struct nlattr *const *tb = ri->tb;
	int hlen = host_len(r->rtm_family);
	uint32_t table = rtnl_route_table(ri), v;
	uint8_t pref;
	char b[PR_ADDRSZ];

	pr_begin();
	pr_obj_open(NULL);
	if ((r->rtm_type != RTN_UNICAST || ipo.details) &&
	    (!f->typemask || (f->typemask & (1u << (r->rtm_type & 31)))))
		pr_str(PR_ANY, "type", "%s ", name_rtntype(r->rtm_type, b));
	if (tb[RTA_DST]) {
		pr_prefix("dst", "%s ", real_family(r), tb[RTA_DST], r->rtm_dst_len, hlen);
	} else if (r->rtm_dst_len) {
		bfmt(b, sizeof(b), "0/%d ", r->rtm_dst_len);
		pr_str(PR_ANY, "dst", "%s ", b);
	} else {
		pr_str(PR_ANY, "dst", "%s ", "default");
	}
	if (tb[RTA_SRC]) {
		pr_prefix("from", "from %s ", real_family(r), tb[RTA_SRC], r->rtm_src_len, hlen);
	} else if (r->rtm_src_len) {
		bfmt(b, sizeof(b), "0/%u", r->rtm_src_len);
		pr_str(PR_ANY, "src", "from %s ", b);
	}
	if (!nla_get_u32(tb[RTA_NH_ID], &v))
		pr_uint(PR_ANY, "nhid", "nhid %u ", v);
	if (r->rtm_tos)
		pr_str(PR_ANY, "tos", "tos %s ", dsfield_name(r->rtm_tos, b));
	if (tb[RTA_GATEWAY] && !(f->rvia.family && f->rvia.bitlen == hlen))
		pr_gateway(r->rtm_family, tb[RTA_GATEWAY]);
	if (tb[RTA_VIA])
		pr_via(tb[RTA_VIA]);
	if (!nla_get_u32(tb[RTA_OIF], &v) && !f->oif) {
		pr_str(PR_JSON, "dev", NULL, ifname_of(v));
		pr_text("dev %s ", ifname_of(v));
	}
	if (table && (table != RT_TABLE_MAIN || ipo.details) && !f->table)
		pr_str(PR_ANY, "table", "table %s ", name_table(table, b));
	if (!(r->rtm_flags & RTM_F_CLONED)) {
		if ((r->rtm_protocol != RTPROT_BOOT || ipo.details) && f->protocolmask != ~0u)
			pr_str(PR_ANY, "protocol", "proto %s ", name_proto(r->rtm_protocol, b));
		if ((r->rtm_scope != RT_SCOPE_UNIVERSE || ipo.details) && f->scopemask != ~0u)
			pr_str(PR_ANY, "scope", "scope %s ", name_scope(r->rtm_scope, b));
	}
	if (tb[RTA_PREFSRC] && !(f->rprefsrc.family && f->rprefsrc.bitlen == hlen)) {
		fmt_inet(r->rtm_family, nla_data(tb[RTA_PREFSRC]), nla_len(tb[RTA_PREFSRC]), b);
		pr_str(PR_JSON, "prefsrc", NULL, b);
		pr_text("src %s ", b);
	}
	if (!nla_get_u32(tb[RTA_PRIORITY], &v) && f->metricmask != -1)
		pr_uint(PR_ANY, "metric", "metric %u ", v);
	pr_rt_flags(r->rtm_flags);
	if (!nla_get_u32(tb[RTA_MARK], &v) && v) {
		pr_uint(PR_JSON, "mark", NULL, v);
		pr_text("mark 0x%x ", v);
	}
	if (tb[RTA_FLOW])
		pr_flow(tb[RTA_FLOW]);
	if (!nla_get_u32(tb[RTA_UID], &v))
		pr_uint(PR_ANY, "uid", "uid %u ", v);
	if ((r->rtm_family == AF_INET || r->rtm_family == AF_INET6) && tb[RTA_CACHEINFO])
		pr_cacheinfo(tb[RTA_CACHEINFO]);
	if (tb[RTA_METRICS])
		pr_metrics(tb[RTA_METRICS]);
	if (!nla_get_u32(tb[RTA_IIF], &v)) {
		pr_str(PR_JSON, "iif", NULL, ifname_of(v));
		pr_text("iif %s ", ifname_of(v));
	}
	if (!nla_get_u8(tb[RTA_PREF], &pref)) {
		if (pref == ICMPV6_ROUTER_PREF_LOW)
			pr_str(PR_ANY, "pref", "pref %s", "low");
		else if (pref == ICMPV6_ROUTER_PREF_MEDIUM)
			pr_str(PR_ANY, "pref", "pref %s", "medium");
		else if (pref == ICMPV6_ROUTER_PREF_HIGH)
			pr_str(PR_ANY, "pref", "pref %s", "high");
		else
			pr_uint(PR_ANY, "pref", "%u", pref);
	}
	if (tb[RTA_MULTIPATH])
		pr_multipath(r, tb[RTA_MULTIPATH]);
	pr_text("\n");
	pr_obj_close();
	out_record_end();
}

static int one_route(const struct nlmsghdr *h, void *arg)
{
	struct rfilter *f = arg;
	struct route_info ri;

	if (h->nlmsg_type != RTM_NEWROUTE || rtnl_route_parse(h, &ri) < 0)
		return 0;
	if (route_match(f, &ri))
		pr_route(f, &ri);
	return 0;
}

static int dump_routes(struct rfilter *f)
{
	struct rtnl_filter kf = { .family = f->family, .table = f->table, .protocol = f->protocol, .oif = f->oif };
	struct nlsock *sk = show_sock(0);
	int err;

	err = rtnl_route_dump(sk, &kf, one_route, f);
	if (sk->dump_intr)
		errf("Dump was interrupted and may be inconsistent.\n");
	/* A namespace without IPv4 routes has no main table yet; iproute2 shows it empty. */
	if (err == -ENOENT && f->table == RT_TABLE_MAIN)
		return 0;
	return err < 0 ? show_dump_failed(sk, err) : 0;
}

int ip_route_show(int argc, char **argv)
{
	struct rfilter f;
	const char *dev = NULL;
	int err;

	memset(&f, 0, sizeof(f));
	f.family = ipo.family;
	f.table = RT_TABLE_MAIN;
	parse_args(&f, argc, argv, &dev);
	if (f.family == AF_UNSPEC && f.table)
		f.family = AF_INET;
	if (dev) {
		f.oif = rtnl_link_index(ip_sock(), dev);
		if (f.oif <= 0)
			ip_fail(1, "Cannot find device \"%s\"\n", dev);
	}
	pr_begin();
	err = dump_routes(&f);
	if (err)
		return err;
	pr_end();
	return 0;
}
