/* ip route add|del|change|replace|append|prepend|test and the object's dispatch (list, flush
 * and get are in ip_show_route.c, the words both use in ip_route_words.c). */
#include <arpa/inet.h>
#include <string.h>
#include <linux/icmpv6.h>
#include "lib.h"
#include "inet.h"
#include "ip_bond_vrf.h"
#include "ip_print.h"
#include "ip_route.h"
#include "out.h"

/* ---- add, change, replace, delete ---- */

/* The words of a route, in iproute2's order of checks; matched exactly or by any beginning.
 * W_SRC to W_TTLPROP take one value; those from W_FROM on are left out without
 * NSBOX_FEATURE_IP_ROUTE_MORE. */
enum {
	W_VIA, W_ONLINK, W_ENCAP, W_SRC, W_METRIC, W_SCOPE, W_PROTO, W_TABLE, W_VRF, W_DEV, W_FROM, W_TOS,
	W_NHID, W_EXPIRES, W_REALMS, W_PREF, W_TTLPROP, W_AS, W_NEXTHOP, W_MX,
};
/* Metric options. */
enum { MX_LOCK = 1, MX_U8 = 2, MX_TIME = 4, MX_BOOL = 8, MX_STR = 16, MX_ALWAYS_LOCK = 32, MX_FEAT = 64 };

/* Rows of kwl_find: the code; a metric's is W_MX + its RTAX_*, its options in mx_modes. */
#define P KWL_PREFIX
#define MX(rtax) (W_MX + (rtax))
#define RWORDS(X) X("src", W_SRC) X("as", W_AS) X("via", W_VIA) X("from", W_FROM) X("tos", W_TOS) \
	X("dsfield", P | W_TOS) X("expires", W_EXPIRES) X("metric", P | W_METRIC) \
	X("priority", P | W_METRIC) X("preference", W_METRIC) X("scope", W_SCOPE) X("mtu", MX(RTAX_MTU)) \
	X("hoplimit", MX(RTAX_HOPLIMIT)) X("advmss", MX(RTAX_ADVMSS)) X("reordering", P | MX(RTAX_REORDERING)) \
	X("rtt", MX(RTAX_RTT)) X("rto_min", MX(RTAX_RTO_MIN)) X("window", P | MX(RTAX_WINDOW)) \
	X("cwnd", P | MX(RTAX_CWND)) X("initcwnd", P | MX(RTAX_INITCWND)) X("initrwnd", P | MX(RTAX_INITRWND)) \
	X("features", P | MX(RTAX_FEATURES)) X("quickack", P | MX(RTAX_QUICKACK)) \
	X("congctl", P | MX(RTAX_CC_ALGO)) X("rttvar", P | MX(RTAX_RTTVAR)) X("ssthresh", P | MX(RTAX_SSTHRESH)) \
	X("realms", P | W_REALMS) X("onlink", W_ONLINK) X("nexthop", W_NEXTHOP) X("nhid", W_NHID) \
	X("protocol", P | W_PROTO) X("table", P | W_TABLE) X("vrf", P | W_VRF) X("dev", W_DEV) X("oif", W_DEV) \
	X("pref", P | W_PREF) X("encap", W_ENCAP) X("ttl-propagate", W_TTLPROP) \
	X("fastopen_no_cookie", P | MX(RTAX_FASTOPEN_NO_COOKIE))
static const char rw_names[] = RWORDS(KWL_NAME);
static const unsigned char rw_codes[] = { RWORDS(KWL_CODE) };
static const unsigned char mx_modes[RTAX_MAX + 1] = {
	[RTAX_MTU] = MX_LOCK, [RTAX_HOPLIMIT] = MX_LOCK | MX_U8, [RTAX_ADVMSS] = MX_LOCK,
	[RTAX_REORDERING] = MX_LOCK, [RTAX_RTT] = MX_LOCK | MX_TIME, [RTAX_RTO_MIN] = MX_TIME | MX_ALWAYS_LOCK,
	[RTAX_WINDOW] = MX_LOCK, [RTAX_CWND] = MX_LOCK, [RTAX_INITCWND] = MX_LOCK, [RTAX_INITRWND] = MX_LOCK,
	[RTAX_FEATURES] = MX_FEAT, [RTAX_QUICKACK] = MX_BOOL, [RTAX_CC_ALGO] = MX_LOCK | MX_STR,
	[RTAX_RTTVAR] = MX_LOCK | MX_TIME, [RTAX_SSTHRESH] = MX_LOCK, [RTAX_FASTOPEN_NO_COOKIE] = MX_BOOL,
};

_Noreturn static void not_taken(const char *w)
{
	die(1, "ip: route option \"%s\" is not implemented in nsbox\n", w);
}

/* "\"NAME\" value is invalid" and its kin, with iproute2's own wording per option. */
_Noreturn static void bad_value(const char *name, const char *how, const char *arg)
{
	char what[64];

	bfmt(what, sizeof(what), "\"%s\" %s\n", name, how);
	ip_invarg(what, arg);
}

static int digit_val(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : 99;
}

/* iproute2's get_time_rtt: a number (strtoul's syntax, or a decimal fraction) of ms, or with
 * s/sec/secs or ms/msec/msecs after it; a fraction rounds up. *raw: no unit was written. */
static int get_time_rtt(const char *s, uint32_t *val, int *raw)
{
	uint64_t n = 0, frac = 0, scale = 1;
	const char *p = s;
	int base = 10, d, any = 0, i;

	if (!strchr(s, '.')) {
		if (p[0] == '0' && (p[1] | 32) == 'x' && digit_val(p[2]) < 16)
			base = 16, p += 2;
		else if (p[0] == '0')
			base = 8;
	}
	for (; (d = digit_val(*p)) < base; p++, any = 1)
		if ((n = n * base + d) > UINT32_MAX)
			return -1;
	if (base == 10 && *p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, any = 1)
			if (scale < 1000000)
				frac = frac * 10 + (*p - '0'), scale *= 10;
	if (!any)
		return -1;
	*raw = !*p;
	if (*p) {
		if ((i = kw_whole_case("s\0sec\0secs\0ms\0msec\0msecs\0", p)) < 0)
			return -1;
		if (i < 3)
			n *= 1000, frac *= 1000;
	}
	*val = (uint32_t)(n + frac / scale + (frac % scale != 0));
	return 0;
}

/* RTA_METRICS gathers its words wherever they come; it goes out after RTA_OIF (iproute2's
 * separate buffer of 256 bytes, its rtattr header included). */
struct metrics {
	struct nlb b;
	uint32_t lock;
	char buf[NLMSG_HDRLEN + 256 - NLA_HDRLEN];
};

static void add_metric(struct metrics *mx, const char *wname, int rtax, int *argc, char ***argv)
{
	const char *name = rtax == RTAX_ADVMSS ? "mss" : wname;
	unsigned mode = mx_modes[rtax];
	char *arg = rt_next_word(argc, argv);
	uint32_t v = 0;
	int raw = 1;

	if ((mode & MX_LOCK) && !strcmp(arg, "lock")) {
		mx->lock |= 1u << rtax;
		arg = rt_next_word(argc, argv);
	}
	if (mode & MX_ALWAYS_LOCK)
		mx->lock |= 1u << rtax;
	if (mode & MX_STR) {
		nlb_put_str(&mx->b, rtax, arg);
		return;
	}
	if (mode & MX_FEAT) {
		if (strcmp(arg, "ecn"))
			bad_value(name, "value not valid", arg);
		v = RTAX_FEATURE_ECN;
	} else if (mode & MX_TIME ? get_time_rtt(arg, &v, &raw) : parse_u32(arg, &v, 0)) {
		bad_value(name, "value is invalid", arg);
	} else if ((mode & MX_U8) && v > 255) {
		bad_value(name, "value is invalid", arg);
	} else if ((mode & MX_BOOL) && v > 1) {
		bad_value(name, "value should be 0 or 1", arg);
	}
	if (!raw)
		v *= rtax == RTAX_RTT ? 8 : rtax == RTAX_RTTVAR ? 4 : 1;
	nlb_put_u32(&mx->b, rtax, v);
}

/* The nest after the attributes of the words: RTAX_LOCK last, as iproute2 adds it. */
static void put_metrics(struct rt_req *q, struct metrics *mx)
{
	if (mx->lock)
		nlb_put_u32(&mx->b, RTAX_LOCK, mx->lock);
	if (mx->b.overflow)
		q->b.overflow = 1;
	else if (nlb_hdr(&mx->b)->nlmsg_len > NLMSG_HDRLEN)
		nlb_put(&q->b, RTA_METRICS, mx->buf + NLMSG_HDRLEN, nlb_hdr(&mx->b)->nlmsg_len - NLMSG_HDRLEN);
}

/* via [FAMILY] ADDR: RTA_GATEWAY in the route's family, RTA_VIA (family + address) in another. */
static void add_via(struct rt_req *q, int *argc, char ***argv)
{
	struct inet_prefix a;
	unsigned char via[2 + 16];
	int f = rt_via_family(q->rtm.rtm_family, argc, argv);
	uint16_t f16;

	ip_get_addr(&a, **argv, f);
	if (q->rtm.rtm_family == AF_UNSPEC)
		q->rtm.rtm_family = a.family;
	if (a.family == q->rtm.rtm_family) {
		nlb_put(&q->b, RTA_GATEWAY, a.data, a.bytelen);
	} else {
		f16 = a.family;
		memcpy(via, &f16, 2);
		memcpy(via + 2, a.data, a.bytelen);
		nlb_put(&q->b, RTA_VIA, via, a.bytelen + 2);
	}
}

/* One nexthop's words after "nexthop" into its rtnexthop; argv at the first word not its own. */
#define NHWORDS(X) X("via", 0) X("dev", 1) X("weight", 2) X("onlink", 3) X("realms", P | 4) X("as", 5) \
	X("encap", 6)
static const char nhw_names[] = NHWORDS(KWL_NAME);
static const unsigned char nhw_codes[] = { NHWORDS(KWL_CODE) };

static void parse_nexthop(struct rt_req *q, struct rtnexthop *nh, int *argc, char ***argv)
{
	struct rtnexthop spare;   /* the words' target when nh did not fit */
	struct inet_prefix a;
	uint32_t v;

	if (!nh)
		nh = &spare;

	while (++*argv, --*argc > 0) {
		char *w = **argv;
		int code = rt_word_code(nhw_names, nhw_codes, w, -1);

		if (code < 0)
			break;
		if (code == 6)
			not_taken(w);
		if (code != 3)
			w = rt_next_word(argc, argv);
		switch (code) {
		case 0:
			add_via(q, argc, argv);
			break;
		case 1: {
			int index = rtnl_link_index(ip_sock(), w);

			if (index <= 0)
				die(255, "Cannot find device \"%s\"\nError: cannot parse nexthop\n", w);
			nh->rtnh_ifindex = index;
			break;
		}
		case 2:
			if (parse_u32(w, &v, 0) || v == 0 || v > 256)
				ip_invarg("\"weight\" is invalid\n", w);
			nh->rtnh_hops = v - 1;
			break;
		case 3:
			nh->rtnh_flags |= RTNH_F_ONLINK;
			break;
		case 4:
			if (rt_parse_realms(w, &v))
				ip_invarg("\"realm\" value is invalid\n", w);
			nlb_put_u32(&q->b, RTA_FLOW, v);
			break;
		default:
			if (!strcmp(w, "to"))
				w = rt_next_word(argc, argv);
			ip_get_addr(&a, w, q->rtm.rtm_family);
			nlb_put(&q->b, RTA_NEWDST, a.data, a.bytelen);
		}
	}
}

/* nexthop NH [nexthop NH]...: argv at the first "nexthop"; RTA_MULTIPATH. */
static void parse_nexthops(struct rt_req *q, int argc, char **argv)
{
	struct nlattr *mp = nlb_nest_start(&q->b, RTA_MULTIPATH);

	while (argc > 0) {
		struct rtnexthop *nh;

		if (strcmp(*argv, "nexthop"))
			die(255, "Error: \"nexthop\" or end of line is expected instead of \"%s\"\n", *argv);
		if (argc <= 1)
			die(255, "Error: unexpected end of line after \"nexthop\"\n");
		nh = rtnl_nh_start(&q->b);
		parse_nexthop(q, nh, &argc, &argv);
		rtnl_nh_end(&q->b, nh);
	}
	nlb_nest_end(&q->b, mp);
}

/* The header before any word: what iproute2 sends when the words do not say. */
static void route_defaults(struct rtmsg *rtm, int del)
{
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_scope = del ? RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE;
	rtm->rtm_protocol = del ? 0 : RTPROT_BOOT;
	rtm->rtm_type = del ? 0 : RTN_UNICAST;
}

/* What the words left unsaid, once all are read: the table of local routes, the scope. */
static void route_finish(struct rtmsg *rtm, int del, int table_ok, int scope_ok, int type_ok, int gw_or_nh)
{
	int t = rtm->rtm_type;

	if (rtm->rtm_family == AF_UNSPEC)
		rtm->rtm_family = AF_INET;
	if (!table_ok && (t == RTN_LOCAL || t == RTN_BROADCAST || t == RTN_NAT || t == RTN_ANYCAST))
		rtm->rtm_table = RT_TABLE_LOCAL;
	if (scope_ok)
		;
	else if (rtm->rtm_family == AF_INET6 || rtm->rtm_family == AF_MPLS)
		rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	else if (t == RTN_LOCAL || t == RTN_NAT)
		rtm->rtm_scope = RT_SCOPE_HOST;
	else if (t == RTN_BROADCAST || t == RTN_MULTICAST || t == RTN_ANYCAST)
		rtm->rtm_scope = RT_SCOPE_LINK;
	else if (t == RTN_UNICAST || t == RTN_UNSPEC)
		rtm->rtm_scope = del ? RT_SCOPE_NOWHERE : !gw_or_nh ? RT_SCOPE_LINK : rtm->rtm_scope;
	if (!type_ok && rtm->rtm_family == AF_MPLS)
		rtm->rtm_type = RTN_UNICAST;
}

static uint8_t route_pref(const char *s)
{
	int i = kw_whole(rt_prefs, s);
	uint32_t v;

	if (i >= 0)
		return i == 2 ? ICMPV6_ROUTER_PREF_LOW : i;
	if (parse_u32(s, &v, 0) || v > 255)
		ip_invarg("\"pref\" value is invalid\n", s);
	return (uint8_t)v;
}

/* What the words of a route said, for the checks and defaults once all are read. */
struct rstate {
	const char *dev;
	int gw_ok, dst_ok, nhs_ok, scope_ok, table_ok, type_ok;
	uint32_t nhid;
};

/* [to] [TYPE] PREFIX: argv at its first word. */
static void route_dst_word(struct rt_req *q, struct rstate *st, int *argc, char ***argv)
{
	struct inet_prefix a;
	unsigned u;

	if (!strcmp(**argv, "to"))
		rt_next_word(argc, argv);
	if ((***argv < '0' || ***argv > '9') && !rt_parse_type(**argv, &u)) {
		rt_next_word(argc, argv);
		q->rtm.rtm_type = u;
		st->type_ok = 1;
	}
	if (kw_is(**argv, "help"))
		ip_route_usage();
	if (st->dst_ok)
		die(255, "Error: either \"to\" is duplicate, or \"%s\" is a garbage.\n", **argv);
	rt_put_prefix(q, RTA_DST, **argv, &a);
	q->rtm.rtm_dst_len = a.bitlen;
	st->dst_ok = 1;
}

void ip_route_parse(struct rt_req *q, int argc, char **argv)
{
	static struct metrics mx;
	struct rstate st = { .dev = NULL };
	int del = q->type == RTM_DELROUTE;
	uint32_t v;
	unsigned u;

	route_defaults(&q->rtm, del);
	mx.lock = 0;
	if (NSBOX_FEATURE_IP_ROUTE_MORE)
		nlb_init(&mx.b, mx.buf, sizeof(mx.buf), 0, 0);
	for (; argc > 0; argc--, argv++) {
		int code = -1;
		const char *wname = kwl_find(rw_names, rw_codes, *argv, &code);

		if (!NSBOX_FEATURE_IP_ROUTE_MORE && code >= W_FROM)
			rt_left_out(*argv);
		if (code >= W_SRC && code <= W_TTLPROP)
			NEXT_ARG();
		switch (code) {
		case W_SRC:
			rt_put_addr(q, RTA_PREFSRC, *argv);
			break;
		case W_AS:
			rt_word_as(q, &argc, &argv);
			break;
		case W_VIA:
			if (st.gw_ok)
				ip_invarg("use nexthop syntax to specify multiple via\n", *argv);
			st.gw_ok = 1;
			NEXT_ARG();
			add_via(q, &argc, &argv);
			break;
		case W_FROM:
			rt_word_from(q, *argv);
			break;
		case W_TOS:
			rt_word_tos(q, *argv, "\"tos\" value is invalid\n");
			break;
		case W_EXPIRES:
		case W_METRIC:
		case W_NHID:
			if (parse_u32(*argv, &v, 0))
				bad_value(code == W_NHID ? "id" : code == W_METRIC ? "metric" : "expires",
					  "value is invalid", *argv);
			if (code == W_NHID)
				st.nhid = v;
			nlb_put_u32(&q->b, code == W_NHID ? RTA_NH_ID : code == W_METRIC ? RTA_PRIORITY : RTA_EXPIRES, v);
			break;
		case W_SCOPE:
			if (parse_scope(*argv, &u))
				ip_invarg("invalid \"scope\" value\n", *argv);
			q->rtm.rtm_scope = u;
			st.scope_ok = 1;
			break;
		case W_PROTO:
			q->rtm.rtm_protocol = rt_xproto(*argv);
			break;
		case W_VRF:
			if (!NSBOX_FEATURE_VRF)
				rt_left_out(NULL);
			/* fall through */
		case W_TABLE:
			if (NSBOX_FEATURE_VRF && code == W_VRF ? !(v = ip_vrf_table(*argv)) : parse_table(*argv, &v))
				ip_invarg(code == W_VRF ? "Invalid VRF\n" : "\"table\" value is invalid\n", *argv);
			rt_put_table(&q->b, &q->rtm.rtm_table, v);
			st.table_ok = 1;
			break;
		case W_PREF:
			nlb_put_u8(&q->b, RTA_PREF, route_pref(*argv));
			break;
		case W_TTLPROP:
			if ((int)(u = kw_index("enabled\0disabled\0", *argv)) < 0)
				ip_invarg("\"ttl-propagate\" value is invalid\n", *argv);
			nlb_put_u8(&q->b, RTA_TTL_PROPAGATE, !u);
			break;
		default:
			if (NSBOX_FEATURE_IP_ROUTE_MORE && code >= W_MX) {
				add_metric(&mx, wname, code - W_MX, &argc, &argv);
				break;
			}
			route_dst_word(q, &st, &argc, &argv);
			break;
		case W_REALMS:
			if (rt_parse_realms(*argv, &v))
				ip_invarg("\"realm\" value is invalid\n", *argv);
			nlb_put_u32(&q->b, RTA_FLOW, v);
			break;
		case W_ONLINK:
			q->rtm.rtm_flags |= RTNH_F_ONLINK;
			break;
		case W_NEXTHOP:
			st.nhs_ok = 1;
			goto args_done;
		case W_DEV:
			st.dev = *argv;
			break;
		case W_ENCAP:
			not_taken(*argv);
		}
	}
args_done:
	if (!st.dst_ok)
		ip_route_usage();
	if (st.dev)
		nlb_put_u32(&q->b, RTA_OIF, ip_xindex(st.dev));
	if (NSBOX_FEATURE_IP_ROUTE_MORE)
		put_metrics(q, &mx);
	if (NSBOX_FEATURE_IP_ROUTE_MORE && st.nhs_ok)
		parse_nexthops(q, argc, argv);
	route_finish(&q->rtm, del, st.table_ok, st.scope_ok, st.type_ok, st.gw_ok || st.nhs_ok || st.nhid);
	rt_req_end(q);
}

/* add, change, chg, replace, prepend, append, test, delete: the first names of route_names, which
 * route_modify takes (i), with the flags of each; the others go through ip_dispatch_names. */
#define ROUTE_MOD_NAMES "add\0change\0chg\0replace\0prepend\0append\0test\0delete\0"
#define ROUTE_MODS 8
static const char route_names[] = ROUTE_MOD_NAMES "list\0show\0lst\0get\0flush\0save\0restore\0showdump\0";
static ip_cmd_fn *const route_fns[] = {
	ip_route_show, ip_route_show, ip_route_show, ip_route_get, ip_route_flush, ip_route_save,
	ip_route_restore, ip_route_showdump,
};

static int route_modify(int i, int argc, char **argv)
{
	static const uint16_t flags[ROUTE_MODS] = {
		NLM_F_CREATE | NLM_F_EXCL, NLM_F_REPLACE, NLM_F_REPLACE, NLM_F_CREATE | NLM_F_REPLACE,
		NLM_F_CREATE, NLM_F_CREATE | NLM_F_APPEND, NLM_F_EXCL, 0,
	};
	static char buf[8192];
	struct rt_req q;
	int err;

	rt_req_start(&q, buf, sizeof(buf), i == 7 ? RTM_DELROUTE : RTM_NEWROUTE, flags[i] | NLM_F_ACK);
	ip_route_parse(&q, argc, argv);
	err = nl_talk(ip_sock(), &q.b, NULL, NULL);
	if (err)
		return ip_report_nlerr(ip_sock(), err);
	ip_report_warning(ip_sock());
	return 0;
}

int do_route(int argc, char **argv)
{
	int i;

	if (argc < 1)
		return ip_route_show(0, NULL);
	/* No command begins with h. */
	if (kw_is(argv[0], "help"))
		ip_route_usage();
	/* A word that is none of the first names is matched in the rest as in the whole list. */
	if ((unsigned)(i = kw_index(route_names, argv[0])) < ROUTE_MODS)
		return route_modify(i, argc - 1, argv + 1);
	return ip_dispatch_names(route_names + sizeof(ROUTE_MOD_NAMES) - 1, route_fns, "route", ip_route_help, argc, argv);
}
