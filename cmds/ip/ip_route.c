/* ip route add|del|change|replace|append|prepend|test and the object's dispatch (list, flush
 * and get are in ip_show_route.c, the words both use in ip_route_words.c). */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include <linux/icmpv6.h>
#include "lib.h"
#include "inet.h"
#include "ip_print.h"
#include "ip_route.h"
#include "out.h"

/* ---- add, change, replace, delete ---- */

/* The words of a route, in iproute2's order of checks; matched exactly or by any beginning. */
enum {
	W_SRC, W_AS, W_VIA, W_FROM, W_TOS, W_EXPIRES, W_METRIC, W_SCOPE, W_MX, W_REALMS, W_ONLINK,
	W_NEXTHOP, W_NHID, W_PROTO, W_TABLE, W_VRF, W_DEV, W_PREF, W_ENCAP, W_TTLPROP,
};
/* Metric options. */
enum { MX_LOCK = 1, MX_U8 = 2, MX_TIME = 4, MX_BOOL = 8, MX_STR = 16, MX_ALWAYS_LOCK = 32, MX_FEAT = 64 };

static const struct rword {
	const char *name;
	uint8_t exact, code, rtax, mode;
} rwords[] = {
	{ "src", 1, W_SRC, 0, 0 }, { "as", 1, W_AS, 0, 0 }, { "via", 1, W_VIA, 0, 0 },
	{ "from", 1, W_FROM, 0, 0 }, { "tos", 1, W_TOS, 0, 0 }, { "dsfield", 0, W_TOS, 0, 0 },
	{ "expires", 1, W_EXPIRES, 0, 0 }, { "metric", 0, W_METRIC, 0, 0 },
	{ "priority", 0, W_METRIC, 0, 0 }, { "preference", 1, W_METRIC, 0, 0 },
	{ "scope", 1, W_SCOPE, 0, 0 },
	{ "mtu", 1, W_MX, RTAX_MTU, MX_LOCK }, { "hoplimit", 1, W_MX, RTAX_HOPLIMIT, MX_LOCK | MX_U8 },
	{ "advmss", 1, W_MX, RTAX_ADVMSS, MX_LOCK }, { "reordering", 0, W_MX, RTAX_REORDERING, MX_LOCK },
	{ "rtt", 1, W_MX, RTAX_RTT, MX_LOCK | MX_TIME },
	{ "rto_min", 1, W_MX, RTAX_RTO_MIN, MX_TIME | MX_ALWAYS_LOCK },
	{ "window", 0, W_MX, RTAX_WINDOW, MX_LOCK }, { "cwnd", 0, W_MX, RTAX_CWND, MX_LOCK },
	{ "initcwnd", 0, W_MX, RTAX_INITCWND, MX_LOCK }, { "initrwnd", 0, W_MX, RTAX_INITRWND, MX_LOCK },
	{ "features", 0, W_MX, RTAX_FEATURES, MX_FEAT }, { "quickack", 0, W_MX, RTAX_QUICKACK, MX_BOOL },
	{ "congctl", 0, W_MX, RTAX_CC_ALGO, MX_LOCK | MX_STR },
	{ "rttvar", 0, W_MX, RTAX_RTTVAR, MX_LOCK | MX_TIME }, { "ssthresh", 0, W_MX, RTAX_SSTHRESH, MX_LOCK },
	{ "realms", 0, W_REALMS, 0, 0 }, { "onlink", 1, W_ONLINK, 0, 0 }, { "nexthop", 1, W_NEXTHOP, 0, 0 },
	{ "nhid", 1, W_NHID, 0, 0 }, { "protocol", 0, W_PROTO, 0, 0 }, { "table", 0, W_TABLE, 0, 0 },
	{ "vrf", 0, W_VRF, 0, 0 }, { "dev", 1, W_DEV, 0, 0 }, { "oif", 1, W_DEV, 0, 0 },
	{ "pref", 0, W_PREF, 0, 0 }, { "encap", 1, W_ENCAP, 0, 0 }, { "ttl-propagate", 1, W_TTLPROP, 0, 0 },
	{ "fastopen_no_cookie", 0, W_MX, RTAX_FASTOPEN_NO_COOKIE, MX_BOOL }, { NULL, 0, 0, 0, 0 },
};

static const struct rword *rword_find(const char *s)
{
	for (const struct rword *w = rwords; w->name; w++)
		if (w->exact ? !strcmp(s, w->name) : kw_is(s, w->name))
			return w;
	return NULL;
}

_Noreturn static void not_taken(const char *w)
{
	die(1, "ip: route option \"%s\" is not implemented in nsbox\n", w);
}

static void xattr(int err)
{
	if (err)
		die(1, "Error: too many route attributes for nsbox\n");
}

/* "\"NAME\" value is invalid" and its kin, with iproute2's own wording per option. */
_Noreturn static void bad_value(const char *name, const char *how, const char *arg)
{
	char what[64];

	bfmt(what, sizeof(what), "\"%s\" %s\n", name, how);
	ip_invarg(what, arg);
}

static char *next_arg(int *argc, char ***argv)
{
	if (--*argc <= 0)
		ip_incomplete();
	return *++*argv;
}

static int digit_val(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : 99;
}

/* iproute2's get_time_rtt: a number (strtoul's syntax, or a decimal fraction) of ms, or with
 * s/sec/secs or ms/msec/msecs after it; a fraction rounds up. *raw: no unit was written. */
static int get_time_rtt(const char *s, uint32_t *val, int *raw)
{
	static const char *const units[] = { "s", "sec", "secs", "ms", "msec", "msecs" };
	uint64_t n = 0, frac = 0, scale = 1;
	const char *p = s;
	int base = 10, d, any = 0;
	size_t i;

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
		for (i = 0; i < 6 && strcasecmp(p, units[i]); i++)
			;
		if (i == 6)
			return -1;
		if (i < 3)
			n *= 1000, frac *= 1000;
	}
	*val = (uint32_t)(n + frac / scale + (frac % scale != 0));
	return 0;
}

static void add_metric(struct route_req *r, const struct rword *w, int *argc, char ***argv)
{
	const char *name = w->rtax == RTAX_ADVMSS ? "mss" : w->name;
	char *arg = next_arg(argc, argv);
	uint32_t v = 0;
	int raw = 1;

	if ((w->mode & MX_LOCK) && !strcmp(arg, "lock")) {
		r->mx_lock |= 1u << w->rtax;
		arg = next_arg(argc, argv);
	}
	if (w->mode & MX_ALWAYS_LOCK)
		r->mx_lock |= 1u << w->rtax;
	if (w->mode & MX_STR) {
		xattr(route_req_mx(r, w->rtax, arg, strlen(arg)));
		return;
	}
	if (w->mode & MX_FEAT) {
		if (strcmp(arg, "ecn"))
			bad_value(name, "value not valid", arg);
		v = RTAX_FEATURE_ECN;
	} else if (w->mode & MX_TIME ? get_time_rtt(arg, &v, &raw) : parse_u32(arg, &v, 0)) {
		bad_value(name, "value is invalid", arg);
	} else if ((w->mode & MX_U8) && v > 255) {
		bad_value(name, "value is invalid", arg);
	} else if ((w->mode & MX_BOOL) && v > 1) {
		bad_value(name, "value should be 0 or 1", arg);
	}
	if (!raw)
		v *= w->rtax == RTAX_RTT ? 8 : w->rtax == RTAX_RTTVAR ? 4 : 1;
	xattr(route_req_mx(r, w->rtax, &v, 4));
}

/* via [FAMILY] ADDR: RTA_GATEWAY in the route's family, RTA_VIA (family + address) in another. */
static void add_via(struct rt_attr *list, int *n, int max, int *family, const char *fam_or_addr,
		    int *argc, char ***argv)
{
	struct inet_prefix a;
	unsigned char via[2 + 16];
	int f = rt_read_family(fam_or_addr);
	uint16_t f16;

	if (f == AF_UNSPEC)
		f = *family;
	else
		next_arg(argc, argv);
	ip_get_addr(&a, **argv, f);
	if (*family == AF_UNSPEC)
		*family = a.family;
	if (a.family == *family) {
		xattr(rt_attr_put(list, n, max, RTA_GATEWAY, a.data, a.bytelen));
	} else {
		f16 = a.family;
		memcpy(via, &f16, 2);
		memcpy(via + 2, a.data, a.bytelen);
		xattr(rt_attr_put(list, n, max, RTA_VIA, via, a.bytelen + 2));
	}
}

/* nexthop NH [nexthop NH]...: argv at the first "nexthop". */
static void parse_nexthops(struct route_req *r, int argc, char **argv)
{
	struct inet_prefix a;
	uint32_t v;

	while (argc > 0) {
		struct rt_nexthop *nh;

		if (strcmp(*argv, "nexthop"))
			die(255, "Error: \"nexthop\" or end of line is expected instead of \"%s\"\n", *argv);
		if (argc <= 1)
			die(255, "Error: unexpected end of line after \"nexthop\"\n");
		if (r->nnh == RT_NH_MAX)
			die(255, "Error: cannot parse nexthop\n");
		nh = &r->nh[r->nnh++];
		memset(nh, 0, sizeof(*nh));
		while (argv++, --argc > 0) {
			int err = 0;

			if (!strcmp(*argv, "via")) {
				NEXT_ARG();
				add_via(nh->attr, &nh->nattr, RT_NH_ATTR_MAX, &r->family, *argv, &argc, &argv);
			} else if (!strcmp(*argv, "dev")) {
				NEXT_ARG();
				nh->ifindex = rtnl_link_index(ip_sock(), *argv);
				if (nh->ifindex <= 0)
					die(255, "Cannot find device \"%s\"\nError: cannot parse nexthop\n", *argv);
			} else if (!strcmp(*argv, "weight")) {
				NEXT_ARG();
				if (parse_u32(*argv, &v, 0) || v == 0 || v > 256)
					ip_invarg("\"weight\" is invalid\n", *argv);
				nh->hops = v - 1;
			} else if (!strcmp(*argv, "onlink")) {
				nh->flags |= RTNH_F_ONLINK;
			} else if (kw_is(*argv, "realms")) {
				NEXT_ARG();
				if (rt_parse_realms(*argv, &v))
					ip_invarg("\"realm\" value is invalid\n", *argv);
				err = rt_nh_attr(nh, RTA_FLOW, &v, 4);
			} else if (!strcmp(*argv, "as")) {
				NEXT_ARG();
				if (!strcmp(*argv, "to"))
					NEXT_ARG();
				ip_get_addr(&a, *argv, r->family);
				err = rt_nh_attr(nh, RTA_NEWDST, a.data, a.bytelen);
			} else if (!strcmp(*argv, "encap")) {
				not_taken(*argv);
			} else {
				break;
			}
			if (err)
				die(255, "Error: cannot parse nexthop\n");
		}
	}
}

void ip_route_parse(int cmd, struct route_req *r, int argc, char **argv)
{
	struct inet_prefix a;
	const char *dev = NULL;
	int gw_ok = 0, dst_ok = 0, nhs_ok = 0, scope_ok = 0, table_ok = 0, type_ok = 0, err;
	uint32_t v, nhid = 0;
	unsigned u;
	uint8_t u8;

	route_req_init(r);
	r->family = ipo.family;
	r->table = RT_TABLE_MAIN;
	r->scope = RT_SCOPE_NOWHERE;
	r->protocol = r->type = 0;
	if (cmd != RTM_DELROUTE) {
		r->protocol = RTPROT_BOOT;
		r->scope = RT_SCOPE_UNIVERSE;
		r->type = RTN_UNICAST;
	}
	for (; argc > 0; argc--, argv++) {
		const struct rword *w = rword_find(*argv);

		err = 0;
		switch (w ? w->code : -1) {
		case W_SRC:
		case W_AS:
			NEXT_ARG();
			if (w->code == W_AS && !strcmp(*argv, "to"))
				NEXT_ARG();
			err = rt_put_addr(r, w->code == W_SRC ? RTA_PREFSRC : RTA_NEWDST, *argv);
			break;
		case W_VIA:
			if (gw_ok)
				ip_invarg("use nexthop syntax to specify multiple via\n", *argv);
			gw_ok = 1;
			NEXT_ARG();
			add_via(r->attr, &r->nattr, RT_ATTR_MAX, &r->family, *argv, &argc, &argv);
			break;
		case W_FROM:
			NEXT_ARG();
			err = rt_put_prefix(r, RTA_SRC, *argv, &a);
			r->src_len = a.bitlen;
			break;
		case W_TOS:
			NEXT_ARG();
			if (rt_parse_dsfield(*argv, &v))
				ip_invarg("\"tos\" value is invalid\n", *argv);
			r->tos = v;
			break;
		case W_EXPIRES:
		case W_METRIC:
		case W_NHID:
			NEXT_ARG();
			if (parse_u32(*argv, &v, 0))
				bad_value(w->code == W_NHID ? "id" : w->code == W_METRIC ? "metric" : "expires",
					  "value is invalid", *argv);
			if (w->code == W_NHID)
				nhid = v;
			err = route_req_attr(r, w->code == W_NHID ? RTA_NH_ID : w->code == W_METRIC ?
					     RTA_PRIORITY : RTA_EXPIRES, &v, 4);
			break;
		case W_SCOPE:
			NEXT_ARG();
			if (parse_scope(*argv, &u))
				ip_invarg("invalid \"scope\" value\n", *argv);
			r->scope = u;
			scope_ok = 1;
			break;
		case W_MX:
			add_metric(r, w, &argc, &argv);
			break;
		case W_REALMS:
			NEXT_ARG();
			if (rt_parse_realms(*argv, &v))
				ip_invarg("\"realm\" value is invalid\n", *argv);
			err = route_req_attr(r, RTA_FLOW, &v, 4);
			break;
		case W_ONLINK:
			r->flags |= RTNH_F_ONLINK;
			break;
		case W_NEXTHOP:
			nhs_ok = 1;
			goto args_done;
		case W_PROTO:
			NEXT_ARG();
			if (parse_proto(*argv, &u))
				ip_invarg("\"protocol\" value is invalid\n", *argv);
			r->protocol = u;
			break;
		case W_TABLE:
			NEXT_ARG();
			if (parse_table(*argv, &v))
				ip_invarg("\"table\" value is invalid\n", *argv);
			r->table = v < 256 ? v : RT_TABLE_UNSPEC;
			if (v >= 256)
				err = route_req_attr(r, RTA_TABLE, &v, 4);
			table_ok = 1;
			break;
		case W_DEV:
			NEXT_ARG();
			dev = *argv;
			break;
		case W_PREF:
			NEXT_ARG();
			if (!strcmp(*argv, "low"))
				u8 = ICMPV6_ROUTER_PREF_LOW;
			else if (!strcmp(*argv, "medium"))
				u8 = ICMPV6_ROUTER_PREF_MEDIUM;
			else if (!strcmp(*argv, "high"))
				u8 = ICMPV6_ROUTER_PREF_HIGH;
			else if (parse_u32(*argv, &v, 0) || v > 255)
				ip_invarg("\"pref\" value is invalid\n", *argv);
			else
				u8 = v;
			err = route_req_attr(r, RTA_PREF, &u8, 1);
			break;
		case W_TTLPROP:
			NEXT_ARG();
			if (kw_is(*argv, "enabled"))
				u8 = 1;
			else if (kw_is(*argv, "disabled"))
				u8 = 0;
			else
				ip_invarg("\"ttl-propagate\" value is invalid\n", *argv);
			err = route_req_attr(r, RTA_TTL_PROPAGATE, &u8, 1);
			break;
		case W_VRF:
		case W_ENCAP:
			not_taken(*argv);
		default:
			if (!strcmp(*argv, "to"))
				NEXT_ARG();
			if ((**argv < '0' || **argv > '9') && !rt_parse_type(*argv, &u)) {
				NEXT_ARG();
				r->type = u;
				type_ok = 1;
			}
			if (kw_is(*argv, "help"))
				ip_route_usage();
			if (dst_ok)
				die(255, "Error: either \"to\" is duplicate, or \"%s\" is a garbage.\n", *argv);
			err = rt_put_prefix(r, RTA_DST, *argv, &a);
			r->dst_len = a.bitlen;
			dst_ok = 1;
		}
		xattr(err);
	}
args_done:
	if (!dst_ok)
		ip_route_usage();
	if (dev)
		r->oif = ip_xindex(dev);
	if (nhs_ok)
		parse_nexthops(r, argc, argv);
	if (r->family == AF_UNSPEC)
		r->family = AF_INET;
	if (!table_ok && (r->type == RTN_LOCAL || r->type == RTN_BROADCAST || r->type == RTN_NAT ||
			  r->type == RTN_ANYCAST))
		r->table = RT_TABLE_LOCAL;
	if (scope_ok)
		;
	else if (r->family == AF_INET6 || r->family == AF_MPLS)
		r->scope = RT_SCOPE_UNIVERSE;
	else if (r->type == RTN_LOCAL || r->type == RTN_NAT)
		r->scope = RT_SCOPE_HOST;
	else if (r->type == RTN_BROADCAST || r->type == RTN_MULTICAST || r->type == RTN_ANYCAST)
		r->scope = RT_SCOPE_LINK;
	else if (r->type == RTN_UNICAST || r->type == RTN_UNSPEC)
		r->scope = cmd == RTM_DELROUTE ? RT_SCOPE_NOWHERE :
			  !gw_ok && !nhs_ok && !nhid ? RT_SCOPE_LINK : r->scope;
	if (!type_ok && r->family == AF_MPLS)
		r->type = RTN_UNICAST;
}

static int route_modify(int cmd, uint16_t nlflags, int argc, char **argv)
{
	static struct route_req r;
	static char buf[8192];
	struct nlb b;
	int err;

	ip_route_parse(cmd, &r, argc, argv);
	rtnl_route_build(&b, buf, sizeof(buf), cmd, nlflags | NLM_F_ACK, &r);
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	if (err)
		return ip_report_nlerr(ip_sock(), err);
	ip_report_warning(ip_sock());
	return 0;
}

static int route_add(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, argc, argv); }
static int route_change(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_REPLACE, argc, argv); }
static int route_replace(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, argc, argv); }
static int route_prepend(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_CREATE, argc, argv); }
static int route_append(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND, argc, argv); }
static int route_test(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_EXCL, argc, argv); }
static int route_del(int argc, char **argv) { return route_modify(RTM_DELROUTE, 0, argc, argv); }

static const struct kw route_cmds[] = {
	{ "add", 1, route_add }, { "change", 1, route_change }, { "chg", 3, route_change },
	{ "replace", 1, route_replace }, { "prepend", 1, route_prepend }, { "append", 1, route_append },
	{ "test", 1, route_test }, { "delete", 1, route_del }, { "list", 1, ip_route_show },
	{ "show", 1, ip_route_show }, { "lst", 1, ip_route_show }, { "get", 1, ip_route_get },
	{ "flush", 1, ip_route_flush }, { "save", 1, NULL }, { "restore", 1, NULL },
	{ "showdump", 1, NULL }, { NULL, 0, NULL }
};

int do_route(int argc, char **argv)
{
	if (argc < 1)
		return ip_route_show(0, NULL);
	if (!kw_find(route_cmds, argv[0]) && kw_is(argv[0], "help"))
		ip_route_usage();
	return ip_dispatch(route_cmds, "route", ip_route_help, argc, argv);
}
