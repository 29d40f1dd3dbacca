/* ip address add|change|replace|delete (show lives in ip_show_addr.c). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_addr.h>
#include "lib.h"
#include "inet.h"
#include "ip.h"
#include "out.h"

static const char addr_usage[] =
	"Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n"
	"                                                      [ CONFFLAG-LIST ]\n"
	"       ip address del IFADDR dev IFNAME\n"
	"       ip address show [ dev IFNAME ]\n"
	"IFADDR := PREFIX | ADDR peer PREFIX\n"
	"          [ broadcast ADDR ] [ label IFNAME ] [ scope SCOPE-ID ]\n"
	"SCOPE-ID := [ host | link | global | NUMBER ]\n"
	"CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\n"
	"CONFFLAG  := [ nodad | noprefixroute ]\n";

static const struct { const char *name; int scope; } scopes[] = {
	{ "global", RT_SCOPE_UNIVERSE }, { "universe", RT_SCOPE_UNIVERSE }, { "site", RT_SCOPE_SITE },
	{ "link", RT_SCOPE_LINK }, { "host", RT_SCOPE_HOST }, { "nowhere", RT_SCOPE_NOWHERE },
};

static int parse_scope(const char *s)
{
	uint32_t v;

	for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (!strcmp(s, scopes[i].name))
			return scopes[i].scope;
	if (parse_u32(s, &v, 0) || v > 255)
		die(255, "Error: argument \"%s\" is wrong: invalid scope value.\n", s);
	return v;
}

_Noreturn static void bad_prefix(const char *s)
{
	die(1, "Error: any valid prefix is expected rather than \"%s\".\n", s);
}

static int addr_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	struct addr_req r;
	struct inet_prefix lcl = { .bitlen = -1 }, peer = { .bitlen = -1 };
	const char *dev = NULL, *brd = NULL, *local_arg = NULL;
	char buf[RTNL_BUF];
	struct nlb b;
	int have_local = 0, have_peer = 0, err;

	addr_req_init(&r);
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (!strcmp(w, "peer") || !strcmp(w, "remote")) {
			NEXT_ARG();
			if (have_peer)
				die(255, "Error: duplicate \"peer\": \"%s\" is the second value.\n", argv[0]);
			if (inet_get_prefix(&peer, argv[0], ipo.family))
				bad_prefix(argv[0]);
			have_peer = 1;
		} else if (kw_is(w, "broadcast") || !strcmp(w, "brd")) {
			NEXT_ARG();
			brd = argv[0];
		} else if (kw_is(w, "scope")) {
			NEXT_ARG();
			r.scope = parse_scope(argv[0]);
		} else if (!strcmp(w, "dev")) {
			NEXT_ARG();
			dev = argv[0];
		} else if (kw_is(w, "label")) {
			NEXT_ARG();
			r.label = argv[0];
		} else if (!strcmp(w, "nodad")) {
			r.ifa_flags |= IFA_F_NODAD;
		} else if (!strcmp(w, "noprefixroute")) {
			r.ifa_flags |= IFA_F_NOPREFIXROUTE;
		} else if (kw_is(w, "help")) {
			sputs(ERR, addr_usage);
			out_exit(255);
		} else {
			if (kw_is(w, "local")) {
				NEXT_ARG();
				w = argv[0];
			}
			if (have_local)
				die(255, "Error: either \"local\" is duplicate, or \"%s\" is a garbage.\n", w);
			if (inet_get_prefix(&lcl, w, ipo.family) || lcl.is_default)
				bad_prefix(w);
			local_arg = w;
			have_local = 1;
		}
	}
	if (!dev)
		ip_fail(1, "Not enough information: \"dev\" argument is required.\n");
	if (!have_local) {
		/* Nothing to add: the kernel says why, as with iproute2. */
		lcl.family = ipo.family == AF_INET6 ? AF_INET6 : AF_INET;
	}
	r.family = have_local ? lcl.family : (have_peer ? peer.family : lcl.family);
	if (have_peer && have_local && peer.family != lcl.family)
		die(1, "Error: inconsistent address families.\n");
	r.index = ip_xindex(dev);
	memcpy(r.local, lcl.data, 16);
	r.plen = lcl.bitlen >= 0 ? lcl.bitlen : inet_alen(r.family) * 8;
	if (have_peer) {
		r.has_peer = 1;
		memcpy(r.peer, peer.data, 16);
		if (peer.bitlen >= 0)
			r.plen = peer.bitlen;
	}
	if (brd) {
		if (r.family != AF_INET)
			die(1, "Broadcast can be set only for IPv4 addresses\n");
		if (!strcmp(brd, "+") || !strcmp(brd, "-")) {
			if (r.plen <= 30) {
				uint32_t a, mask = r.plen ? htonl(~0u << (32 - r.plen)) : 0;
				memcpy(&a, r.local, 4);
				a = brd[0] == '+' ? (a | ~mask) : (a & mask);
				memcpy(r.brd, &a, 4);
				r.has_brd = 1;
			}
		} else {
			struct inet_prefix bp;
			if (inet_get_addr(&bp, brd, AF_INET))
				die(1, "Error: inet address is expected rather than \"%s\".\n", brd);
			memcpy(r.brd, bp.data, 4);
			r.has_brd = 1;
		}
	}
	if (r.scope < 0 && type != RTM_DELADDR && r.family == AF_INET && r.local[0] == 127)
		r.scope = RT_SCOPE_HOST;
	if (type == RTM_DELADDR && have_local && lcl.bitlen < 0 && !have_peer && r.family == AF_INET) {
		errf("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
		     "         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"
		     "         This special behaviour is likely to disappear in further releases,\n"
		     "         fix your scripts!\n", local_arg, inet_alen(r.family) * 8);
		r.no_address = 1;
	}
	rtnl_addr_build(&b, buf, sizeof(buf), type, nlflags | NLM_F_ACK, &r);
	if (!have_local) {
		/* Only the header: iproute2 sends no address either. */
		struct nlmsghdr *h = nlb_hdr(&b);
		h->nlmsg_len = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct ifaddrmsg));
	}
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

static int addr_add(int argc, char **argv) { return addr_modify(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, argc, argv); }
static int addr_change(int argc, char **argv) { return addr_modify(RTM_NEWADDR, NLM_F_REPLACE, argc, argv); }
static int addr_replace(int argc, char **argv) { return addr_modify(RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, argc, argv); }
static int addr_del(int argc, char **argv) { return addr_modify(RTM_DELADDR, 0, argc, argv); }

static const struct kw addr_cmds[] = {
	{ "add", 1, addr_add }, { "change", 1, addr_change }, { "chg", 3, addr_change },
	{ "replace", 1, addr_replace }, { "delete", 1, addr_del }, { "list", 1, ip_addr_show },
	{ "show", 1, ip_addr_show }, { "lst", 1, ip_addr_show },
	{ NULL, 0, NULL }
};

int do_addr(int argc, char **argv)
{
	if (argc < 1)
		return ip_addr_show(0, NULL);
	return ip_dispatch(addr_cmds, "address", addr_usage, argc, argv);
}
