/* ip route list|flush|get: route dumps filtered as iproute2 filters them (the kernel filters
 * table, device and protocol), the flush rounds, one lookup, and the printer they share. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <linux/icmpv6.h>
#include <linux/in_route.h>
#include "inet.h"
#include "lib.h"
#include "ip_bond_vrf.h"
#include "ip_print.h"
#include "ip_route.h"
#include "out.h"
#include "sys.h"

/* Without it, save, restore, showdump and the rarer words of show and get are left out. */
#define MORE NSBOX_FEATURE_IP_ROUTE_MORE
/* Without it, flush and get are left out. */
#define FLUSH_GET NSBOX_FEATURE_IP_FLUSH_GET
/* -s: show, flush and get leave it out without MORE; ip monitor prints with it. */
#define STATS ((MORE || NSBOX_FEATURE_IP_MONITOR) ? ipo.stats : 0)

/* A call that prints only under JSON: not built without NSBOX_FEATURE_JSON. */
#define JSON_ONLY(call) do { if (NSBOX_FEATURE_JSON) call; } while (0)
/* pr_str, pr_uint, pr_int where they print text or JSON; only the text without JSON. */
#define PRS(key, fmt, v) (NSBOX_FEATURE_JSON ? pr_str(PR_ANY, key, fmt, v) : outf(fmt, v))
#define PRU(key, fmt, v) (NSBOX_FEATURE_JSON ? pr_uint(PR_ANY, key, fmt, v) : outf(fmt, v))
/* A JSON key: none without JSON. */
#define K(key) (NSBOX_FEATURE_JSON ? (key) : NULL)
#define PRI(key, fmt, v) (NSBOX_FEATURE_JSON ? pr_int(PR_ANY, key, fmt, v) : outf(fmt, v))


/* The rfilter's am: the devices first, in the order iproute2 looks them up (iif, oif); from A_MARK
 * on, left out without MORE. */
enum { A_IIF, A_OIF, A_MARK, A_REALM, A_METRIC };
static const uint8_t rt_attrs[] = { RTA_IIF, RTA_OIF, RTA_MARK, RTA_FLOW, RTA_PRIORITY };

struct rfilter {
	uint32_t tb;             /* 0 = all tables */
	int cloned;              /* 1: only the cache; 2: anything (get) */
	unsigned protocol, protocolmask, scope, scopemask, tos, tosmask, typemask;
	/* The attributes a route must have (attr_u32 of rt_attrs[i]) under am[i].mask. */
	struct { unsigned v, mask; } am[5];
	struct inet_prefix rprefsrc, rvia, rdst, mdst, rsrc, msrc;
	struct nl_batch *flush;
	int flushed;
	int save;                /* ip route save: the matching routes written as they came */
};

__attribute__((noinline)) static void filter_reset(struct rfilter *f)
{
	memset(f, 0, sizeof(*f));
	f->mdst.bitlen = f->msrc.bitlen = -1;
}

static int af_bits(int family)
{
	return family == AF_INET6 ? 128 : family == AF_INET ? 32 : family == AF_MPLS ? 20 : 0;
}

/* ---- matching ---- */

/* The first bits of two addresses agree. */
static int bits_match(const unsigned char *a, const unsigned char *b, int bits)
{
	if (bits > 128)
		bits = 128;
	if (bits <= 0)
		return 1;
	if (memcmp(a, b, bits / 8))
		return 0;
	return bits % 8 == 0 || !((a[bits / 8] ^ b[bits / 8]) & (0xff00 >> (bits % 8)));
}

static void take_addr(unsigned char *out, const struct nlattr *a, size_t n, size_t skip)
{
	if (!a || nla_len(a) < skip)
		return;
	if (n > nla_len(a) - skip)
		n = nla_len(a) - skip;
	memcpy(out, (char *)nla_data(a) + skip, n < 16 ? n : 16);
}

static int used(const struct inet_prefix *p) { return p->family || (p->flags & PFX_LEN_GIVEN); }

/* root P: routes inside P; match P: routes that P lies inside. */
static int root_ok(const struct inet_prefix *p, int family, int len)
{
	return p->family ? family == p->family && p->bitlen <= len : !(p->flags & PFX_LEN_GIVEN) || p->bitlen <= len;
}

static int match_ok(const struct inet_prefix *p, int family, int len)
{
	if (p->family && family != p->family)
		return 0;
	return !used(p) || p->bitlen < 0 || p->bitlen >= len;
}

static uint32_t attr_u32(const struct nlattr *a)
{
	uint32_t v = 0;

	nla_get_u32(a, &v);
	return v;
}

/* iproute2's filter_nlmsg; its checks have no side effects but the first, so their order is
 * free. */
static int route_match(const struct rfilter *f, const struct route_info *ri)
{
	static int ip6_multiple_tables;
	const struct rtmsg *r = ri->rtm;
	struct nlattr *const *tb = ri->tb;
	unsigned char a[16];
	uint32_t table = rtnl_route_table(ri);
	int fam = r->rtm_family, hlen = af_bits(fam);

	if (ipo.family != AF_UNSPEC && fam != ipo.family)
		return 0;
	if (fam == AF_INET6 && table != RT_TABLE_MAIN)
		ip6_multiple_tables = 1;
	if (f->cloned == !(r->rtm_flags & RTM_F_CLONED))
		return 0;
	/* Without multiple IPv6 tables the kernel answers every table from main. */
	if (fam == AF_INET6 && !ip6_multiple_tables) {
		if (f->tb && (f->tb == RT_TABLE_LOCAL ? r->rtm_type != RTN_LOCAL :
			      f->tb != RT_TABLE_MAIN || r->rtm_type == RTN_LOCAL))
			return 0;
	} else if (f->tb && f->tb != table) {
		return 0;
	}
	if (((f->protocol ^ r->rtm_protocol) & f->protocolmask) || ((f->scope ^ r->rtm_scope) & f->scopemask) ||
	    (f->typemask && !(f->typemask & (1u << (r->rtm_type & 31)))) || (MORE && ((f->tos ^ r->rtm_tos) & f->tosmask)))
		return 0;
	/* root and match of the destination (i 0), then of the source. */
	for (int i = 0; i < 2; i++) {
		const struct inet_prefix *root = i ? &f->rsrc : &f->rdst, *match = i ? &f->msrc : &f->mdst;
		int len = i ? r->rtm_src_len : r->rtm_dst_len;

		memset(a, 0, sizeof(a));
		take_addr(a, tb[i ? RTA_SRC : RTA_DST], (len + 7) / 8, 0);
		if (!root_ok(root, fam, len) || !match_ok(match, fam, len) ||
		    (used(root) && !bits_match(a, root->data, root->bitlen)) ||
		    (used(match) && (!i || match->bitlen >= 0) && !bits_match(a, match->data, len)))
			return 0;
	}
	/* via (i 0: the gateway, or RTA_VIA's address and family), then src (RTA_PREFSRC). */
	for (int i = 0; MORE && i < 2; i++) {
		const struct inet_prefix *p = i ? &f->rprefsrc : &f->rvia;
		int vf = fam;
		uint16_t f16;

		if (!p->family)
			continue;
		if (!i && tb[RTA_VIA] && nla_len(tb[RTA_VIA]) >= 2)
			memcpy(&f16, nla_data(tb[RTA_VIA]), 2), vf = f16;
		memset(a, 0, sizeof(a));
		if (p->bitlen > 0) {
			take_addr(a, tb[i ? RTA_PREFSRC : RTA_GATEWAY], hlen / 8, 0);
			if (!i)
				take_addr(a, tb[RTA_VIA], 16, 2);
		}
		if (vf != p->family || !bits_match(a, p->data, p->bitlen))
			return 0;
	}
	for (int i = MORE ? A_IIF : A_OIF; i < (MORE ? A_METRIC + 1 : A_OIF + 1); i++)
		if ((attr_u32(tb[rt_attrs[i]]) ^ f->am[i].v) & f->am[i].mask)
			return 0;
	/* The kernel's own IPv6 default unreachable route (metric -1) is not flushed. */
	if (FLUSH_GET && f->flush && fam == AF_INET6 && !r->rtm_dst_len && r->rtm_type == RTN_UNREACHABLE &&
	    tb[RTA_PRIORITY] && attr_u32(tb[RTA_PRIORITY]) == UINT32_MAX)
		return 0;
	return 1;
}

/* ---- printing ---- */

__attribute__((noinline)) static const char *dev_name(uint32_t index)
{
	return index ? ifname_of(index) : "*";
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
	char b[PR_HOSTSZ], both[PR_ADDRSZ + 8];

	if (len != hlen) {
		fmt_inet(family, nla_data(a), nla_len(a), b);
		bfmt(both, sizeof(both), "%s/%u", b, len);
		PRS(key, fmt, both);
	} else {
		PRS(key, fmt, fmt_host(family, nla_data(a), nla_len(a), b));
	}
}

/* A field that is a key in JSON and "WORD value " in text. */
static void pr_kv(const char *key, const char *word, const char *val)
{
	JSON_ONLY(pr_str(PR_JSON, key, NULL, val));
	pr_text("%s %s ", word, val);
}

/* An address as -r names it (gateway, new destination); not a preferred source, which
 * iproute2 keeps numeric. */
static void pr_addr_kv(const char *key, const char *word, int family, const struct nlattr *a, int numeric)
{
	char b[PR_HOSTSZ];

	pr_kv(key, word, (numeric ? fmt_inet : fmt_host)(family, nla_data(a), nla_len(a), b));
}

static void pr_via(const struct nlattr *a)
{
	char b[PR_HOSTSZ];
	uint16_t fam;

	if (nla_len(a) < 2)
		return;
	memcpy(&fam, nla_data(a), 2);
	fmt_host(fam, (char *)nla_data(a) + 2, nla_len(a) - 2, b);
	JSON_ONLY(pr_obj_open("via"));
	JSON_ONLY(pr_str(PR_JSON, "family", NULL, name_family(fam)));
	JSON_ONLY(pr_str(PR_JSON, "host", NULL, b));
	JSON_ONLY(pr_obj_close());
	pr_text("via %s %s ", name_family(fam), b);
}

static void pr_flow(const struct nlattr *a)
{
	uint32_t to = attr_u32(a), from = to >> 16;
	char b[PR_NAMESZ];

	to &= 0xffff;
	if (pr_json()) {
		pr_obj_open("flow");
		if (from)
			pr_str(PR_JSON, "from", NULL, rt_realm_name(from, b));
		pr_str(PR_JSON, "to", NULL, rt_realm_name(to, b));
		pr_obj_close();
		return;
	}
	pr_text("realm%s ", from ? "s" : "");
	if (from)
		pr_text("%s/", rt_realm_name(from, b));
	pr_text("%s ", rt_realm_name(to, b));
}

/* The RTCF_* flags of an IPv4 cache entry. */
static void pr_cache_flags(unsigned flags)
{
static const char names[] = "local\0reject\0mc\0brd\0dst-nat\0src-nat\0masq\0dst-direct\0src-direct\0"
		"redirected\0redirect\0fastroute\0notify\0proxy\0";
#define CF(bit) __builtin_ctz(bit)
	static const uint8_t bits[] = {
		CF(RTCF_LOCAL), CF(RTCF_REJECT), CF(RTCF_MULTICAST), CF(RTCF_BROADCAST), CF(RTCF_DNAT),
		CF(RTCF_SNAT), CF(RTCF_MASQ), CF(RTCF_DIRECTDST), CF(RTCF_DIRECTSRC), CF(RTCF_REDIRECTED),
		CF(RTCF_DOREDIRECT), CF(RTCF_FAST), CF(RTCF_NOTIFY), CF(RTCF_TPROXY),
	};
	const char *name = names;
	char b[16];

	flags &= ~0xffffu;
	JSON_ONLY(pr_arr_open(PR_JSON, "cache"));
	pr_text("%s    cache ", pr_sl());
	if (!flags && !pr_json())
		return;
	pr_text("<");
	for (size_t i = 0; i < sizeof(bits); i++, name += kw_skip(name)) {
		unsigned mask = 1u << bits[i];

		if (!(flags & mask))
			continue;
		flags &= ~mask;
		PRS(NULL, flags ? "%s," : "%s> ", name);
	}
	if (flags) {
		bfmt(b, sizeof(b), "%x", flags);
		PRS("flags", "%s>", b);
	}
	JSON_ONLY(pr_arr_close(PR_JSON, NULL));
}

static void pr_hex(const char *key, const char *fmt, unsigned v)
{
	char b[24];

	if (pr_json()) {
		bfmt(b, sizeof(b), "%#x", v);
		pr_str(PR_JSON, key, NULL, b);
	} else {
		outf(fmt, v);
	}
}

static void pr_cacheinfo(const struct nlattr *a)
{
	const struct rta_cacheinfo *ci = nla_data(a);
	/* clock_t from the kernel counts USER_HZ, 100 on Linux: what sysconf(_SC_CLK_TCK) says. */
	const long hz = 100;

	if (nla_len(a) < sizeof(*ci))
		return;
	if (ci->rta_expires)
		PRI("expires", "expires %dsec ", (int)(ci->rta_expires / hz));
	if (ci->rta_error)
		PRU("error", "error %u ", ci->rta_error);
	if (STATS) {
		if (ci->rta_clntref)
			PRU("users", "users %u ", ci->rta_clntref);
		if (ci->rta_used)
			PRU("used", "used %u ", ci->rta_used);
		if (ci->rta_lastuse)
			PRU("age", "age %usec ", (unsigned)(ci->rta_lastuse / hz));
	}
	if (ci->rta_id)
		pr_hex("ipid", "ipid 0x%04x ", ci->rta_id);
	if (ci->rta_ts || ci->rta_tsage) {
		pr_hex("ts", "ts 0x%x", ci->rta_ts);
		PRU("tsage", "tsage %usec ", ci->rta_tsage);
	}
}

static void pr_metrics(const struct nlattr *m)
{
	/* The names of RTAX_MTU (2) on. */
	static const char names[] = "mtu\0window\0rtt\0rttvar\0ssthresh\0cwnd\0advmss\0reordering\0hoplimit\0"
		"initcwnd\0features\0rto_min\0initrwnd\0quickack\0congctl\0fastopen_no_cookie\0";
	_Static_assert(RTAX_MAX == RTAX_FASTOPEN_NO_COOKIE, "a metric without a name");
	struct nlattr *tb[RTAX_MAX + 1];
	const char *name;
	uint32_t lock, v;
	char b[24];

	JSON_ONLY(pr_arr_open(PR_JSON, "metrics"));
	JSON_ONLY(pr_obj_open(NULL));
	if (nla_parse_nested(tb, RTAX_MAX, m) < 0)
		memset(tb, 0, sizeof(tb));
	lock = attr_u32(tb[RTAX_LOCK]);
	for (int i = 2; i <= RTAX_MAX; i++) {
		if (!tb[i] && !(lock & (1u << i)))
			continue;
		v = i != RTAX_CC_ALGO ? attr_u32(tb[i]) : 0;
		if (i == RTAX_HOPLIMIT && (int)v == -1)
			continue;
		name = kw_nth(names, i - 2);
		pr_text("%s ", name);
		if (lock & (1u << i))
			pr_text("lock ");
		if (i == RTAX_FEATURES) {
			if (v & RTAX_FEATURE_ECN) {
				JSON_ONLY(pr_null("ecn"));
				pr_text("ecn ");
			}
			if (v & ~RTAX_FEATURE_ECN)
				pr_hex("features", "%#x ", v);
		} else if (i == RTAX_RTT || i == RTAX_RTTVAR || i == RTAX_RTO_MIN) {
			v /= i == RTAX_RTT ? 8 : i == RTAX_RTTVAR ? 4 : 1;
			JSON_ONLY(pr_uint(PR_JSON, name, NULL, v));
			if (v >= 1000)
				pr_text("%ss ", fmt_g(b, v / 1e3));
			else
				pr_text("%ums ", v);
		} else if (i == RTAX_CC_ALGO) {
			const char *s = nla_get_str(tb[i]);
			PRS("congestion", "%s ", s ? s : "");
		} else {
			PRU(name, "%u ", v);
		}
	}
	JSON_ONLY(pr_obj_close());
	JSON_ONLY(pr_arr_close(PR_JSON, NULL));
}

static void pr_multipath(const struct rtmsg *r, const struct nlattr *mp)
{
	struct rtnl_nh_iter it;
	const struct rtnexthop *nh;
	struct nlattr *tb[RTA_MAX + 1];

	JSON_ONLY(pr_arr_open(PR_JSON, "nexthops"));
	rtnl_nh_iter_init(&it, mp);
	while (rtnl_nh_next(&it, &nh, tb) > 0) {
		JSON_ONLY(pr_obj_open(NULL));
		pr_text("%s\tnexthop ", pr_sl());
		if (tb[RTA_NEWDST])
			pr_addr_kv(K("to"), "as to", r->rtm_family, tb[RTA_NEWDST], 0);
		if (tb[RTA_GATEWAY])
			pr_addr_kv(K("gateway"), "via", r->rtm_family, tb[RTA_GATEWAY], 0);
		if (tb[RTA_VIA])
			pr_via(tb[RTA_VIA]);
		if (tb[RTA_FLOW])
			pr_flow(tb[RTA_FLOW]);
		PRS("dev", "dev %s ", dev_name(nh->rtnh_ifindex));
		if (r->rtm_family != AF_MPLS)
			PRI("weight", "weight %d ", nh->rtnh_hops + 1);
		pr_rt_flags(nh->rtnh_flags);
		JSON_ONLY(pr_obj_close());
	}
	JSON_ONLY(pr_arr_close(PR_JSON, NULL));
}

static void pr_route(const struct rfilter *f, const struct route_info *ri)
{
	const struct rtmsg *r = ri->rtm;
	struct nlattr *const *tb = ri->tb;
	int hlen = af_bits(r->rtm_family);
	uint32_t table = rtnl_route_table(ri), v;
	uint8_t pref;
	char b[PR_ADDRSZ];

	JSON_ONLY(pr_obj_open(NULL));
	if ((r->rtm_type != RTN_UNICAST || IPO_DETAILS) &&
	    (!f->typemask || (f->typemask & (1u << (r->rtm_type & 31)))))
		PRS("type", "%s ", name_rtntype(r->rtm_type, b));
	if (tb[RTA_DST]) {
		pr_prefix("dst", "%s ", real_family(r), tb[RTA_DST], r->rtm_dst_len, hlen);
	} else if (r->rtm_dst_len) {
		bfmt(b, sizeof(b), "0/%d ", r->rtm_dst_len);
		PRS("dst", "%s ", b);
	} else {
		PRS("dst", "%s ", "default");
	}
	if (tb[RTA_SRC]) {
		pr_prefix("from", "from %s ", real_family(r), tb[RTA_SRC], r->rtm_src_len, hlen);
	} else if (r->rtm_src_len) {
		bfmt(b, sizeof(b), "0/%u", r->rtm_src_len);
		PRS("src", "from %s ", b);
	}
	if (tb[RTA_NH_ID])
		PRU("nhid", "nhid %u ", attr_u32(tb[RTA_NH_ID]));
	if (tb[RTA_NEWDST])
		pr_addr_kv(K("to"), "as to", r->rtm_family, tb[RTA_NEWDST], 0);
	if (r->rtm_tos && (!MORE || f->tosmask != ~0u))
		PRS("tos", "tos %s ", rt_dsfield_name(r->rtm_tos, b));
	if (tb[RTA_GATEWAY] && (MORE ? f->rvia.bitlen : 0) != hlen)
		pr_addr_kv(K("gateway"), "via", r->rtm_family, tb[RTA_GATEWAY], 0);
	if (tb[RTA_VIA])
		pr_via(tb[RTA_VIA]);
	if (tb[RTA_OIF] && f->am[A_OIF].mask != ~0u)
		pr_kv("dev", "dev", dev_name(attr_u32(tb[RTA_OIF])));
	if (table && (table != RT_TABLE_MAIN || IPO_DETAILS) && !f->tb)
		PRS("table", "table %s ", name_table(table, b));
	if (!(r->rtm_flags & RTM_F_CLONED)) {
		if ((r->rtm_protocol != RTPROT_BOOT || IPO_DETAILS) && f->protocolmask != ~0u)
			PRS("protocol", "proto %s ", name_proto(r->rtm_protocol, b));
		if ((r->rtm_scope != RT_SCOPE_UNIVERSE || IPO_DETAILS) && f->scopemask != ~0u)
			PRS("scope", "scope %s ", name_scope(r->rtm_scope, b));
	}
	if (tb[RTA_PREFSRC] && (MORE ? f->rprefsrc.bitlen : 0) != hlen)
		pr_addr_kv(K("prefsrc"), "src", r->rtm_family, tb[RTA_PREFSRC], 1);
	if (tb[RTA_PRIORITY] && (!MORE || f->am[A_METRIC].mask != ~0u))
		PRU("metric", "metric %u ", attr_u32(tb[RTA_PRIORITY]));
	pr_rt_flags(r->rtm_flags);
	if ((v = attr_u32(tb[RTA_MARK]))) {
		JSON_ONLY(pr_uint(PR_JSON, "mark", NULL, v));
		pr_text(v >= 16 ? "mark 0x%x " : "mark %u ", v);
	}
	if (tb[RTA_FLOW] && (!MORE || f->am[A_REALM].mask != ~0u))
		pr_flow(tb[RTA_FLOW]);
	if (tb[RTA_UID])
		PRU("uid", "uid %u ", attr_u32(tb[RTA_UID]));
	if (r->rtm_family == AF_INET && (r->rtm_flags & RTM_F_CLONED))
		pr_cache_flags(r->rtm_flags);
	if ((r->rtm_family == AF_INET || r->rtm_family == AF_INET6) && tb[RTA_CACHEINFO])
		pr_cacheinfo(tb[RTA_CACHEINFO]);
	if (tb[RTA_METRICS])
		pr_metrics(tb[RTA_METRICS]);
	if (tb[RTA_IIF] && (!MORE || f->am[A_IIF].mask != ~0u))
		pr_kv("iif", "iif", dev_name(attr_u32(tb[RTA_IIF])));
	if (!nla_get_u8(tb[RTA_PREF], &pref)) {
		if (pref < 4 && pref != 2)
			PRS("pref", "pref %s", kw_nth(rt_prefs, pref == ICMPV6_ROUTER_PREF_LOW ? 2 : pref));
		else
			PRU("pref", "%u", pref);
	}
	if (!nla_get_u8(tb[RTA_TTL_PROPAGATE], &pref)) {
		JSON_ONLY(pr_bool(PR_JSON, "ttl-propogate", NULL, pref));
		pr_text("ttl-propogate %s", pref ? "enabled" : "disabled");
	}
	if (NSBOX_FEATURE_IP_NEXTHOP && tb[RTA_NH_ID] && ipo.details)
		ip_nexthop_pr_id(attr_u32(tb[RTA_NH_ID]));
	if (tb[RTA_MULTIPATH])
		pr_multipath(r, tb[RTA_MULTIPATH]);
	pr_text("\n");
	JSON_ONLY(pr_obj_close());
	out_record_end();
}

void pr_route_msg(const struct nlmsghdr *h, int index)
{
	struct route_info ri;
	struct rfilter f;

	filter_reset(&f);
	if (index > 0)
		f.am[A_OIF].v = index, f.am[A_OIF].mask = ~0u;
	if (rtnl_route_parse(h, &ri) < 0 || !route_match(&f, &ri))
		return;
	if (h->nlmsg_type == RTM_DELROUTE)
		pr_text("Deleted ");
	pr_route(&f, &ri);
}

/* ---- list and flush ---- */

/* From S_CLONED on, left out without MORE (and with cached, table cache: the flush of the
 * routing cache). */
enum { S_TABLE, S_VRF, S_PROTO, S_SCOPE, S_TYPE, S_DEV, S_FROM, S_CLONED, S_TOS, S_IIF, S_MARK, S_METRIC,
       S_VIA, S_SRC, S_REALMS };
#define P KWL_PREFIX
#define SELECTORS(X) X("table", P | S_TABLE) X("vrf", P | S_VRF) X("cached", P | S_CLONED) \
	X("cloned", P | S_CLONED) X("tos", S_TOS) X("dsfield", P | S_TOS) X("protocol", P | S_PROTO) \
	X("scope", P | S_SCOPE) X("type", P | S_TYPE) X("dev", S_DEV) X("oif", S_DEV) X("iif", S_IIF) \
	X("mark", S_MARK) X("metric", P | S_METRIC) X("priority", P | S_METRIC) X("preference", S_METRIC) \
	X("via", S_VIA) X("src", S_SRC) X("realms", P | S_REALMS) X("from", P | S_FROM)
static const char sel_names[] = SELECTORS(KWL_NAME);
static const unsigned char sel_codes[] = { SELECTORS(KWL_CODE) };

/* [to|from] [root|match|exact] PREFIX */
static void parse_pfx(struct inet_prefix *root, struct inet_prefix *match, int family, int *argc, char ***argv)
{
	int i = kw_index("root\0match\0exact\0", **argv);

	/* a prefix alone is exact */
	ip_get_prefix(i ? match : root, i >= 0 ? rt_next_word(argc, argv) : **argv, family);
	if (i < 0 || i == 2)
		*root = *match;
}

static void parse_selectors(struct rfilter *f, int argc, char **argv, int family, const char **devs)
{
	uint32_t v;
	unsigned u;

	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		int code = rt_word_code(sel_names, sel_codes, w, -1);

		if (code < 0) {
			if (kw_is(w, "to"))
				rt_next_word(&argc, &argv);
			parse_pfx(&f->rdst, &f->mdst, family, &argc, &argv);
			continue;
		}
		if (!MORE && code >= S_CLONED)
			rt_left_out(w);
		if (code == S_CLONED) {
			f->cloned = 1;
			continue;
		}
		w = rt_next_word(&argc, &argv);
		switch (code) {
		case S_TABLE:
			if (!parse_table(w, &v))
				f->tb = v;
			else if (!strcmp(w, "all"))
				f->tb = 0;
			else if (!strcmp(w, "cache") && !MORE)
				rt_left_out("route table cache");
			else if (!strcmp(w, "cache"))
				f->cloned = 1;
			else if (!strcmp(w, "help"))
				ip_route_usage();
			else
				ip_invarg("table id value is invalid\n", w);
			break;
		case S_VRF:
			if (!NSBOX_FEATURE_VRF)
				rt_left_out(NULL);
			if (!(f->tb = NSBOX_FEATURE_VRF ? ip_vrf_table(w) : 0))
				ip_invarg("Invalid VRF\n", w);
			f->typemask = ~(1u << RTN_LOCAL | 1u << RTN_BROADCAST);
			break;
		case S_TOS:
			if (rt_parse_dsfield(w, &v))
				ip_invarg("TOS value is invalid\n", w);
			f->tos = v;
			f->tosmask = ~0u;
			break;
		case S_PROTO:
		case S_SCOPE:
			rt_sel_proto_scope(code == S_PROTO, w, code == S_PROTO ? &f->protocol : &f->scope,
					   code == S_PROTO ? &f->protocolmask : &f->scopemask);
			break;
		case S_TYPE:
			if (rt_parse_type(w, &u))
				ip_invarg("node type value is invalid\n", w);
			f->typemask = 1u << (u & 31);
			break;
		case S_DEV:
		case S_IIF:
			devs[code == S_DEV] = w;
			break;
		case S_MARK:
		case S_METRIC:
			u = code == S_MARK ? A_MARK : A_METRIC;
			if (parse_u32(w, &f->am[u].v, 0))
				ip_invarg(code == S_MARK ? "invalid mark value" : "\"metric\" value is invalid\n", w);
			f->am[u].mask = ~0u;
			break;
		case S_VIA:
			u = rt_via_family(family, &argc, &argv);
			ip_get_prefix(&f->rvia, *argv, u);
			break;
		case S_SRC:
			ip_get_prefix(&f->rprefsrc, w, family);
			break;
		case S_REALMS:
			if (rt_parse_realms(w, &v))
				ip_invarg("invalid realms\n", w);
			f->am[A_REALM].v = v;
			u = ~0u;
			if (!(v & 0xffff) && w[strlen(w) - 1] == '/')
				u &= ~0xffffu;
			if (!(v & 0xffff0000u) && (!strchr(w, '/') || w[0] == '/'))
				u &= ~0xffff0000u;
			f->am[A_REALM].mask = u;
			break;
		case S_FROM:
			parse_pfx(&f->rsrc, &f->msrc, family, &argc, &argv);
			break;
		}
	}
}

struct walk {
	struct rfilter *f;
	int err;
};

static int one_route(const struct nlmsghdr *h, void *arg)
{
	struct walk *wk = arg;
	struct rfilter *f = wk->f;
	struct route_info ri;

	if (h->nlmsg_type != RTM_NEWROUTE || rtnl_route_parse(h, &ri) < 0 || !route_match(f, &ri))
		return 0;
	if (FLUSH_GET && f->flush) {
		wk->err = nl_batch_add(f->flush, h);
		if (wk->err)
			return -1;
		f->flushed++;
		if (STATS < 2)
			return 0;
	}
	if (MORE && f->save)
		return ip_save_msg(h, NULL);
	pr_route(f, &ri);
	return 0;
}

static int dump(struct rfilter *f, int family, struct walk *wk)
{
	struct rtnl_filter kf = { .family = family, .table = f->tb, .protocol = f->protocol, .oif = f->am[A_OIF].v,
				  .rt_flags = f->cloned ? RTM_F_CLONED : 0 };
	struct nlsock *sk = show_sock(0);
	int err;

	wk->f = f;
	wk->err = 0;
	err = rtnl_route_dump(sk, &kf, one_route, wk);
	if (sk->dump_intr)
		errf("Dump was interrupted and may be inconsistent.\n");
	return err;
}

__attribute__((noinline)) static int flush_failed(int err)
{
	errf("Failed to send flush request: %s\n", errtext(-err));
	return 2;
}

static int flush(struct rfilter *f, int family)
{
	static char buf[4096 - 512];
	/* The deletes go on the dump's socket, as iproute2's do: errors of the batches sent while
	 * the dump runs are passed over by it, those of the last batch are seen. */
	struct nl_batch bt = { show_sock(0), RTM_DELROUTE, buf, sizeof(buf), 0 };
	/* iproute2 counts with time(); the monotonic clock of sys.c spares libc's vDSO lookup. */
	long long start, start0 = sys_mono_us() / 1000000;
	struct walk wk;
	int round = 0, err, fd;

	if (MORE && f->cloned) {
		if (family != AF_INET6) {
			fd = open("/proc/sys/net/ipv4/route/flush", O_WRONLY | O_CLOEXEC);
			if (fd < 0) {
				errf("Cannot open \"%s\": %s\n", "/proc/sys/net/ipv4/route/flush", errtext(errno));
				return 1;
			}
			err = write(fd, "-1", 2) < 2;
			close(fd);
			if (err) {
				errf("Cannot flush routing cache\n");
				return 1;
			}
			if (STATS)
				outs("*** IPv4 routing cache is flushed.\n");
		}
		if (family == AF_INET)
			return 0;
	}
	f->flush = &bt;
	for (;;) {
		f->flushed = 0;
		err = dump(f, family, &wk);
		if (wk.err) {
			flush_failed(wk.err);
			errf("Flush terminated\n");
			return 2;
		}
		if (err)
			return ip_dump_failed(show_sock(0), err, "Flush");
		if (!f->flushed) {
			if (STATS) {
				if (!round && (!f->cloned || family == AF_INET6))
					outs("Nothing to flush.\n");
				else
					outf("*** Flush is complete after %d round%s ***\n", round, round > 1 ? "s" : "");
			}
			return 0;
		}
		round++;
		if ((err = nl_batch_send(&bt)))
			return flush_failed(err);
		if ((start = sys_mono_us() / 1000000 - start0) > 30) {
			outf("\n*** Flush not completed after %ld seconds, %d entries remain ***\n",
			     (long)start, f->flushed);
			return 1;
		}
		if (STATS) {
			outf("\n*** Round %d, deleting %d entries ***\n", round, f->flushed);
			out_flush();
		}
	}
}

/* do_flush: 0 list, 1 flush, 2 save */
static int list_or_flush(int argc, char **argv, int do_flush)
{
	static struct rfilter f;
	const char *devs[2] = { NULL, NULL };   /* iif, oif */
	int family = ipo.family, err;
	struct walk wk;

	if (!MORE && ipo.stats)
		rt_left_out("route statistics (-s)");
	if (MORE && do_flush == 2)
		ip_save_start(0x45311224);
	filter_reset(&f);
	f.tb = RT_TABLE_MAIN;
	f.save = MORE && do_flush == 2;
	if (do_flush == 1 && argc <= 0)
		ip_fail(1, "\"ip route flush\" requires arguments.\n");
	parse_selectors(&f, argc, argv, family, devs);
	if (family == AF_UNSPEC && f.tb)
		family = AF_INET;
	for (int i = A_IIF; i <= A_OIF; i++)
		if (devs[i]) {
			f.am[i].v = ip_xindex(devs[i]);
			f.am[i].mask = ~0u;
		}
	if (FLUSH_GET && do_flush == 1) {
		/* iproute2 opens no JSON output for a flush: -j -s -s lists the routes as text. */
		int json = IPO_JSON;

		if (NSBOX_FEATURE_JSON)
			ipo.json = 0;
		err = flush(&f, family);
		if (NSBOX_FEATURE_JSON)
			ipo.json = json;
		return err;
	}
	pr_begin();
	err = dump(&f, family, &wk);
	/* A namespace without IPv4 routes has no main table yet; iproute2 shows it empty. */
	if (err && !(err == -ENOENT && f.tb == RT_TABLE_MAIN))
		return ip_dump_failed(show_sock(0), err, "Dump");
	pr_end();
	return 0;
}

int ip_route_show(int argc, char **argv)
{
	return list_or_flush(argc, argv, 0);
}

int ip_route_flush(int argc, char **argv)
{
	if (!FLUSH_GET)
		NSBOX_LEFT_OUT("route flush", "NSBOX_FEATURE_IP_FLUSH_GET");
	return list_or_flush(argc, argv, 1);
}

int ip_route_save(int argc, char **argv)
{
	if (!MORE)
		rt_left_out("route save");
	return list_or_flush(argc, argv, 2);
}

/* ip route restore: the routes of local addresses, then those of local networks (a source that
 * is not their own destination), then those through a gateway; three passes over stdin, which
 * must be a file (iproute2's order, which lets each find what it needs). */
static int restore_pass;

static int restore_one(struct nlmsghdr *h)
{
	struct route_info ri;
	struct nlattr *gw, *src, *dst;
	int prio;

	if (rtnl_route_parse(h, &ri) < 0)
		return 0;
	gw = ri.tb[RTA_GATEWAY], src = ri.tb[RTA_PREFSRC], dst = ri.tb[RTA_DST];
	prio = gw ? 2 : src && !(dst && src->nla_len == dst->nla_len &&
				  !memcmp(nla_data(src), nla_data(dst), nla_len(src)));
	return prio == restore_pass ? ip_restore_send(h) : 0;
}

int ip_route_restore(int argc, char **argv)
{
	off_t pos;

	(void)argc, (void)argv;
	if (!MORE)
		rt_left_out("route restore");
	if (ip_saved_magic(0x45311224, "route"))
		return 1;
	if ((pos = lseek(0, 0, SEEK_CUR)) < 0) {
		errf("Failed to restore: ftell: %s\n", errtext(errno));
		return 1;
	}
	for (restore_pass = 0; restore_pass < 3; restore_pass++) {
		if (ip_saved_each(restore_one))
			return 2;
		if (lseek(0, pos, SEEK_SET) < 0) {
			errf("Failed to restore: fseek: %s\n", errtext(errno));
			return 1;
		}
	}
	return 0;
}

/* ip route showdump: each route of a save file as ip route show prints it (as text whatever
 * -j says: iproute2 opens no JSON output there). */
static int showdump_one(struct nlmsghdr *h)
{
	static struct rfilter f;
	struct route_info ri;

	memset(&f, 0, sizeof(f));
	if (h->nlmsg_type == RTM_NEWROUTE && rtnl_route_parse(h, &ri) == 0 &&
	    (!ipo.family || ipo.family == ri.rtm->rtm_family))
		pr_route(&f, &ri);
	return 0;
}

int ip_route_showdump(int argc, char **argv)
{
	(void)argc, (void)argv;
	if (!MORE)
		rt_left_out("route showdump");
	if (ip_saved_magic(0x45311224, "route"))
		return 1;
	ipo.json = 0;
	return ip_saved_each(showdump_one) ? 2 : 0;
}

/* ---- get ---- */

/* Up to G_IPPROTO they take one value; from G_TOS on, left out without MORE. */
/* G_MARK to G_DPORT: a number each, in this order. */
enum { G_FROM, G_IIF, G_OIF, G_VRF, G_TOS, G_MARK, G_UID, G_SPORT, G_DPORT, G_IPPROTO, G_NOTIFY,
       G_CONNECTED, G_FIBMATCH, G_AS };
#define GET_WORDS(X) X("tos", G_TOS) X("dsfield", P | G_TOS) X("from", P | G_FROM) X("iif", P | G_IIF) \
	X("mark", P | G_MARK) X("oif", P | G_OIF) X("dev", G_OIF) X("notify", P | G_NOTIFY) \
	X("connected", P | G_CONNECTED) X("vrf", P | G_VRF) X("uid", P | G_UID) X("fibmatch", P | G_FIBMATCH) \
	X("as", G_AS) X("sport", P | G_SPORT) X("dport", P | G_DPORT) X("ipproto", P | G_IPPROTO)
static const char get_names[] = GET_WORDS(KWL_NAME);
static const unsigned char get_codes[] = { GET_WORDS(KWL_CODE) };

static int print_answer(struct rfilter *f, const struct rt_answer *a)
{
	const struct nlmsghdr *h = (const void *)a->buf;
	struct route_info ri;

	if (!a->len)
		ip_fail(1, "An error :-)\n");
	if (h->nlmsg_type != RTM_NEWROUTE && h->nlmsg_type != RTM_DELROUTE)
		ip_fail(1, "Not a route: %08x %08x %08x\nAn error :-)\n", h->nlmsg_len, h->nlmsg_type, h->nlmsg_flags);
	if (rtnl_route_parse(h, &ri) < 0)
		ip_fail(1, "BUG: wrong nlmsg len %d\nAn error :-)\n", (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(struct rtmsg))));
	if (route_match(f, &ri))
		pr_route(f, &ri);
	return 0;
}

/* A host's length for the destination of a get, with iproute2's warning for another. */
static void set_dst_len(struct rt_req *q, unsigned bitlen)
{
	unsigned family = q->rtm.rtm_family, host = family == AF_INET6 ? 128 : 32;

	if ((family == AF_INET || family == AF_INET6) && bitlen != host) {
		errf("Warning: /%u as prefix is invalid, only /%u (or none) is supported.\n", bitlen, host);
		q->rtm.rtm_dst_len = host;
	} else {
		q->rtm.rtm_dst_len = bitlen;
	}
}

/* The attributes a get puts after its words, in iproute2's order, and its flags. */
static void get_finish(struct rt_req *q, const char *idev, const char *odev, uint32_t mark, int fibmatch)
{
	if (idev)
		nlb_put_u32(&q->b, RTA_IIF, ip_xindex(idev));
	if (odev)
		nlb_put_u32(&q->b, RTA_OIF, ip_xindex(odev));
	if (mark)
		nlb_put_u32(&q->b, RTA_MARK, mark);
	if (q->rtm.rtm_family == AF_UNSPEC)
		q->rtm.rtm_family = AF_INET;
	/* Only IPv4 knows RTM_F_LOOKUP_TABLE. */
	if (q->rtm.rtm_family == AF_INET)
		q->rtm.rtm_flags |= RTM_F_LOOKUP_TABLE;
	if (fibmatch)
		q->rtm.rtm_flags |= RTM_F_FIB_MATCH;
}

void ip_route_get_parse(struct rt_req *q, int *connected, int argc, char **argv)
{
	struct inet_prefix a;
	const char *idev = NULL, *odev = NULL;
	int fibmatch = 0, from_ok = 0, found = 0;
	uint32_t v, mark = 0;

	*connected = 0;
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		int code = rt_word_code(get_names, get_codes, w, -1);

		if (!MORE && code >= G_TOS)
			rt_left_out(w);
		if (code == G_VRF && !NSBOX_FEATURE_VRF)
			rt_left_out(NULL);
		if (code >= 0 && code <= G_IPPROTO)
			NEXT_ARG();
		switch (code) {
		case G_TOS:
			rt_word_tos(q, *argv, "TOS value is invalid\n");
			break;
		case G_FROM:
			if (kw_is(*argv, "help"))
				ip_route_usage();
			from_ok = 1;
			rt_word_from(q, *argv);
			break;
		case G_IIF:
			idev = *argv;
			break;
		case G_OIF:
			odev = *argv;
			break;
		case G_NOTIFY:
			q->rtm.rtm_flags |= RTM_F_NOTIFY;
			break;
		case G_CONNECTED:
			*connected = 1;
			break;
		case G_VRF:
			if (!(NSBOX_FEATURE_VRF && ip_vrf_index(*argv)))
				ip_invarg("Invalid VRF\n", *argv);
			odev = *argv;
			break;
		case G_FIBMATCH:
			fibmatch = 1;
			break;
		case G_AS:
			rt_word_as(q, &argc, &argv);
			break;
		case G_MARK:
		case G_UID:
		case G_SPORT:
		case G_DPORT:
			if (parse_u32(*argv, &v, 0) || (code >= G_SPORT && v > 0xffff))
				ip_invarg(kw_nth("invalid mark value\0invalid UID\n\0invalid sport\n\0invalid dport\n",
						 code - G_MARK), *argv);
			if (code == G_MARK)
				mark = v;
			else if (code == G_UID)
				nlb_put_u32(&q->b, RTA_UID, v);
			else
				nlb_put_u16(&q->b, code == G_SPORT ? RTA_SPORT : RTA_DPORT, htons(v));
			break;
		case G_IPPROTO:
			nlb_put_u8(&q->b, RTA_IP_PROTO, rt_xipproto(*argv));
			break;
		default:
			if (!strcmp(w, "to"))
				NEXT_ARG();
			if (kw_is(*argv, "help"))
				ip_route_usage();
			rt_put_prefix(q, RTA_DST, *argv, &a);
			set_dst_len(q, a.bitlen);
			found = 1;
		}
	}
	if (!found)
		ip_fail(1, "need at least a destination address\n");
	get_finish(q, idev, odev, mark, fibmatch);
	if (from_ok)
		*connected = 0;
	rt_req_end(q);
}

int ip_route_get(int argc, char **argv)
{
	static struct rt_answer ans;
	static struct rfilter f;
	char buf[1024];
	struct rt_req q;
	struct route_info ri;
	int connected, err, json = IPO_JSON;

	if (!FLUSH_GET)
		NSBOX_LEFT_OUT("route get", "NSBOX_FEATURE_IP_FLUSH_GET");
	if (!MORE && ipo.stats)
		rt_left_out("route statistics (-s)");
	filter_reset(&f);
	f.cloned = 2;
	rt_req_start(&q, buf, sizeof(buf), RTM_GETROUTE, 0);
	ip_route_get_parse(&q, &connected, argc, argv);
	/* connected: iproute2 asks again with the same request, and prints the answer as text. */
	for (int again = 0;; again = 1) {
		ans.len = 0;
		if ((err = nl_talk(show_sock(0), &q.b, rt_take_answer, &ans)))
			return ip_report_nlerr(show_sock(0), err);
		if (again)
			ipo.json = 0;
		else
			pr_begin();
		print_answer(&f, &ans);
		if (again) {
			ipo.json = json;
			return 0;
		}
		if (!(MORE && connected))
			break;
		if (rtnl_route_parse((const void *)ans.buf, &ri) || (!ri.tb[RTA_PREFSRC] && !ri.tb[RTA_SRC]))
			ip_fail(1, "Failed to connect the route\n");
		pr_end();
	}
	pr_end();
	return 0;
}
