/* ip route add|del|replace|change|append (show lives in ip_show_route.c). */
#include <stdlib.h>
#include <string.h>
#include "lib.h"
#include "inet.h"
#include "ip.h"
#include "out.h"

static const char route_usage[] =
	"Usage: ip route { list | flush } SELECTOR\n"
	"       ip route { add | del | change | append | replace } ROUTE\n"
	"ROUTE := NODE_SPEC [ INFO_SPEC ]\n"
	"NODE_SPEC := [ TYPE ] PREFIX [ table TABLE_ID ] [ metric NUMBER ]\n"
	"INFO_SPEC := NH [ dev STRING ]\n"
	"NH := [ via ADDRESS ]\n"
	"TYPE := { unicast | local | broadcast | multicast | throw |\n"
	"          unreachable | prohibit | blackhole | nat }\n"
	"TABLE_ID := [ local | main | default | all | NUMBER ]\n";

static const struct { const char *name; uint8_t type; } rtypes[] = {
	{ "unicast", RTN_UNICAST }, { "local", RTN_LOCAL }, { "broadcast", RTN_BROADCAST },
	{ "multicast", RTN_MULTICAST }, { "throw", RTN_THROW }, { "unreachable", RTN_UNREACHABLE },
	{ "prohibit", RTN_PROHIBIT }, { "blackhole", RTN_BLACKHOLE }, { "nat", RTN_NAT },
};

static int parse_table(const char *s, uint32_t *t)
{
	if (!strcmp(s, "main"))
		*t = RT_TABLE_MAIN;
	else if (!strcmp(s, "local"))
		*t = RT_TABLE_LOCAL;
	else if (!strcmp(s, "default"))
		*t = RT_TABLE_DEFAULT;
	else if (parse_u32(s, t, 0))
		return -1;
	return 0;
}

static int route_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	struct route_req r;
	struct inet_prefix dst, gw;
	const char *dev = NULL;
	char buf[RTNL_BUF];
	struct nlb b;
	int have_dst = 0, err;
	uint32_t v;

	route_req_init(&r);
	if (ipo.family == AF_INET6)
		r.family = AF_INET6;
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];
		size_t i;

		if (!strcmp(w, "via")) {
			NEXT_ARG();
			if (inet_get_addr(&gw, argv[0], ipo.family))
				die(1, "Error: any valid address is expected rather than \"%s\".\n", argv[0]);
			if (have_dst && gw.family != r.family)
				die(1, "Error: inconsistent address families.\n");
			r.family = gw.family;
			memcpy(r.gw, gw.data, 16);
			r.has_gw = 1;
		} else if (!strcmp(w, "dev") || !strcmp(w, "oif")) {
			NEXT_ARG();
			dev = argv[0];
		} else if (kw_is(w, "metric") || kw_is(w, "priority") || !strcmp(w, "preference")) {
			NEXT_ARG();
			if (parse_u32(argv[0], &v, 0))
				die(255, "Error: argument \"%s\" is wrong: \"metric\" value is invalid\n\n", argv[0]);
			r.metric = v;
		} else if (kw_is(w, "table")) {
			NEXT_ARG();
			if (parse_table(argv[0], &v))
				die(255, "Error: argument \"%s\" is wrong: \"table\" value is invalid\n\n", argv[0]);
			r.table = v;
		} else if (kw_is(w, "help")) {
			sputs(ERR, route_usage);
			out_exit(255);
		} else {
			for (i = 0; i < sizeof(rtypes) / sizeof(rtypes[0]); i++)
				if (!strcmp(w, rtypes[i].name))
					break;
			if (i < sizeof(rtypes) / sizeof(rtypes[0])) {
				r.type = rtypes[i].type;
				NEXT_ARG();
				w = argv[0];
			} else if (!strcmp(w, "to")) {
				NEXT_ARG();
				w = argv[0];
			}
			if (have_dst)
				die(255, "Error: either \"to\" is duplicate, or \"%s\" is a garbage.\n", w);
			if (inet_get_prefix(&dst, w, r.has_gw ? r.family : ipo.family))
				die(1, "Error: any valid prefix is expected rather than \"%s\".\n", w);
			if (r.has_gw && dst.family != r.family)
				die(1, "Error: inconsistent address families.\n");
			r.family = dst.family;
			r.dst_len = dst.bitlen < 0 ? inet_alen(dst.family) * 8 : dst.bitlen;
			memcpy(r.dst, dst.data, 16);
			r.has_dst = !dst.is_default || dst.bitlen > 0;
			have_dst = 1;
		}
	}
	if (!have_dst)
		die(1, "Error: either \"to\" is not specified, or it is not a valid prefix.\n");
	if (dev)
		r.oif = ip_xindex(dev);
	if (r.type == RTN_LOCAL || r.type == RTN_NAT)
		r.scope = RT_SCOPE_HOST;
	else if (r.type == RTN_BROADCAST || r.type == RTN_MULTICAST)
		r.scope = RT_SCOPE_LINK;
	else if (r.type != RTN_UNICAST)
		r.scope = RT_SCOPE_UNIVERSE;
	rtnl_route_build(&b, buf, sizeof(buf), type, nlflags | NLM_F_ACK, &r);
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

static int route_add(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, argc, argv); }
static int route_change(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_REPLACE, argc, argv); }
static int route_replace(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, argc, argv); }
static int route_append(int argc, char **argv) { return route_modify(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND, argc, argv); }
static int route_del(int argc, char **argv) { return route_modify(RTM_DELROUTE, 0, argc, argv); }

static const struct kw route_cmds[] = {
	{ "add", 1, route_add }, { "change", 1, route_change }, { "chg", 3, route_change },
	{ "replace", 1, route_replace }, { "prepend", 1, route_replace }, { "append", 1, route_append },
	{ "delete", 1, route_del }, { "list", 1, ip_route_show }, { "show", 1, ip_route_show },
	{ "lst", 1, ip_route_show }, { NULL, 0, NULL }
};

int do_route(int argc, char **argv)
{
	if (argc < 1)
		return ip_route_show(0, NULL);
	return ip_dispatch(route_cmds, "route", route_usage, argc, argv);
}
