/* ip address add|change|replace|delete and the object's dispatch (show and flush live in
 * ip_show_addr.c, the address words in ip_prefix.c). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_addr.h>
#include "lib.h"
#include "inet.h"
#include "ip.h"
#include "ip_addr.h"
#include "ip_print.h"
#include "out.h"

static const char addr_usage[] =
	"Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n"
	"                                                      [ CONFFLAG-LIST ]\n"
	"       ip address del IFADDR dev IFNAME [mngtmpaddr]\n"
	"       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n"
	"                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n"
	"       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]\n"
	"                         [ nomaster ]\n"
	"                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]\n"
	"                         [ label LABEL ] [up] [ vrf NAME ] ]\n"
	"       ip address {showdump|restore}\n"
	"IFADDR := PREFIX | ADDR peer PREFIX\n"
	"          [ broadcast ADDR ] [ anycast ADDR ]\n"
	"          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\n"
	"SCOPE-ID := [ host | link | global | NUMBER ]\n"
	"FLAG-LIST := [ FLAG-LIST ] FLAG\n"
	"FLAG  := [ permanent | dynamic | secondary | primary |\n"
	"           [-]tentative | [-]deprecated | [-]dadfailed | temporary |\n"
	"           CONFFLAG-LIST ]\n"
	"CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\n"
	"CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]\n"
	"LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]\n"
	"LFT := forever | SECONDS\n"
	IP_LINK_TYPES_HELP;

/* ---- add, change, replace, delete ---- */

_Noreturn static void duparg(const char *key, const char *arg)
{
	die(255, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
}

static int lifetime(const char *s, uint32_t *out)
{
	if (!strcmp(s, "forever")) {
		*out = 0xffffffffu;
		return 0;
	}
	return parse_u32(s, out, 0);
}

static int is_multicast(const struct inet_prefix *a)
{
	return (a->family == AF_INET && (a->data[0] & 0xf0) == 0xe0) ||
	       (a->family == AF_INET6 && a->data[0] == 0xff);
}

static int addr_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	struct addr_req r;
	struct inet_prefix lcl, peer, a;
	const char *dev = NULL, *lcl_arg = NULL, *valid_arg = NULL, *pref_arg = NULL;
	uint32_t valid = 0xffffffffu, pref = 0xffffffffu;
	unsigned flags = 0;
	int local_len = 0, peer_len = 0, brd_len = 0, any_len = 0, scoped = 0, err;
	char buf[RTNL_BUF];
	struct nlb b;

	memset(&lcl, 0, sizeof(lcl));
	memset(&peer, 0, sizeof(peer));
	addr_req_init(&r);
	addr_req_push(&r, 0);
	r.family = ipo.family;
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		const struct ifa_flag *fl;

		if (!strcmp(w, "peer") || !strcmp(w, "remote")) {
			NEXT_ARG();
			if (peer_len)
				duparg("peer", *argv);
			ip_get_prefix(&peer, *argv, r.family);
			peer_len = peer.bytelen;
			if (!r.family)
				r.family = peer.family;
			memcpy(r.peer, peer.data, 16);
			addr_req_push(&r, IFA_ADDRESS);
			r.plen = peer.bitlen;
		} else if (kw_is(w, "broadcast") || !strcmp(w, "brd")) {
			NEXT_ARG();
			if (brd_len)
				duparg("broadcast", *argv);
			if (!strcmp(*argv, "+") || !strcmp(*argv, "-")) {
				brd_len = **argv == '+' ? -1 : -2;
				continue;
			}
			ip_get_addr(&a, *argv, r.family);
			if (!r.family)
				r.family = a.family;
			memcpy(r.brd, a.data, 16);
			r.has_brd = 1;
			addr_req_push(&r, IFA_BROADCAST);
			brd_len = a.bytelen;
		} else if (!strcmp(w, "anycast")) {
			NEXT_ARG();
			if (any_len)
				duparg("anycast", *argv);
			ip_get_addr(&a, *argv, r.family);
			if (!r.family)
				r.family = a.family;
			memcpy(r.anycast, a.data, 16);
			addr_req_push(&r, IFA_ANYCAST);
			any_len = a.bytelen;
		} else if (!strcmp(w, "scope")) {
			unsigned sc;
			NEXT_ARG();
			if (parse_scope(*argv, &sc))
				ip_invarg("invalid scope value.", *argv);
			r.scope = sc;
			scoped = 1;
		} else if (!strcmp(w, "dev")) {
			NEXT_ARG();
			dev = *argv;
		} else if (!strcmp(w, "label")) {
			NEXT_ARG();
			r.label = *argv;
			addr_req_push(&r, IFA_LABEL);
		} else if (kw_is(w, "metric") || kw_is(w, "priority") || kw_is(w, "preference")) {
			NEXT_ARG();
			if (parse_u32(*argv, &r.metric, 0))
				ip_invarg("\"metric\" value is invalid\n", *argv);
			addr_req_push(&r, IFA_RT_PRIORITY);
		} else if (kw_is(w, "valid_lft") || kw_is(w, "preferred_lft")) {
			int v = kw_is(w, "valid_lft");
			const char *key = v ? "valid_lft" : "preferred_lft";

			if (v ? valid_arg : pref_arg)
				duparg(key, w);
			NEXT_ARG();
			*(v ? &valid_arg : &pref_arg) = *argv;
			if (lifetime(*argv, v ? &valid : &pref))
				ip_invarg(v ? "valid_lft value" : "preferred_lft value", *argv);
		} else if ((fl = ifa_flag_find(w))) {
			if (fl->readonly)
				errf("Warning: %s option is not mutable from userspace\n", fl->name);
			else if (fl->v6only && r.family != AF_INET6)
				errf("Warning: %s option can be set only for IPv6 addresses\n", fl->name);
			else
				flags |= fl->mask;
		} else {
			if (!strcmp(w, "local")) {
				NEXT_ARG();
				w = *argv;
			}
			if (kw_is(w, "help")) {
				sfmt(ERR, "%.*s", NSBOX_USAGE_LEN(addr_usage), addr_usage);
				out_exit(255);
			}
			if (local_len)
				die(255, "Error: either \"local\" is duplicate, or \"%s\" is a garbage.\n", w);
			lcl_arg = w;
			ip_get_prefix(&lcl, w, r.family);
			if (!r.family)
				r.family = lcl.family;
			memcpy(r.local, lcl.data, 16);
			addr_req_push(&r, IFA_LOCAL);
			local_len = lcl.bytelen;
			r.empty_local = !local_len;
		}
	}
	r.ifa_flags = flags;
	if (!dev)
		ip_fail(1, "Not enough information: \"dev\" argument is required.\n");
	r.has_peer = peer_len != 0;
	r.no_address = !local_len;
	if (!peer_len && local_len) {
		if (type == RTM_DELADDR && lcl.family == AF_INET && !(lcl.flags & PFX_LEN_GIVEN)) {
			errf("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
			     "         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"
			     "         This special behaviour is likely to disappear in further releases,\n"
			     "         fix your scripts!\n", lcl_arg, local_len * 8);
			r.no_address = 1;
		} else {
			peer = lcl;
		}
	}
	if (!r.plen)
		r.plen = lcl.bitlen;
	if (brd_len < 0 && type != RTM_DELADDR) {
		if (r.family != AF_INET)
			ip_fail(1, "Broadcast can be set only for IPv4 addresses\n");
		if (peer.bitlen <= 30) {
			uint32_t v, mask = peer.bitlen > 0 ? htonl(~0u << (32 - peer.bitlen)) : 0;
			memcpy(&v, peer.data, 4);
			v = brd_len == -1 ? (v | ~mask) : (v & mask);
			memcpy(r.brd, &v, 4);
			r.has_brd = 1;
		}
	}
	if (!scoped && type != RTM_DELADDR)
		r.scope = lcl.family == AF_INET && lcl.bytelen && lcl.data[0] == 127 ? RT_SCOPE_HOST : 0;
	if (!(r.index = addr_dev_index(dev)))
		ip_fail(1, "Cannot find device \"%s\"\n", dev);
	if (valid_arg || pref_arg) {
		if (!valid)
			ip_fail(1, "valid_lft is zero\n");
		if (valid < pref)
			ip_fail(1, "preferred_lft is greater than valid_lft\n");
		r.has_cacheinfo = 1;
		r.valid_lft = valid;
		r.preferred_lft = pref;
	}
	if ((flags & IFA_F_MCAUTOJOIN) && !is_multicast(&lcl))
		ip_fail(1, "autojoin needs multicast address\n");
	rtnl_addr_build(&b, buf, sizeof(buf), type, nlflags | NLM_F_ACK, &r);
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

static int addr_add(int argc, char **argv) { return addr_modify(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, argc, argv); }
static int addr_change(int argc, char **argv) { return addr_modify(RTM_NEWADDR, NLM_F_REPLACE, argc, argv); }
static int addr_replace(int argc, char **argv) { return addr_modify(RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, argc, argv); }
static int addr_del(int argc, char **argv) { return addr_modify(RTM_DELADDR, 0, argc, argv); }

static int addr_show(int argc, char **argv)
{
	return show_links(argc, argv, 0, addr_usage);
}

static int addr_flush(int argc, char **argv)
{
	return ip_addr_flush(argc, argv, addr_usage);
}

static const struct kw addr_cmds[] = {
	{ "add", 1, addr_add }, { "change", 1, addr_change }, { "chg", 3, addr_change },
	{ "replace", 1, addr_replace }, { "delete", 1, addr_del }, { "list", 1, addr_show },
	{ "show", 1, addr_show }, { "lst", 1, addr_show }, { "flush", 1, addr_flush },
	{ "save", 1, NULL }, { "showdump", 1, NULL }, { "restore", 1, NULL },
	{ NULL, 0, NULL }
};

int do_addr(int argc, char **argv)
{
	if (argc < 1)
		return addr_show(0, NULL);
	return ip_dispatch(addr_cmds, "address", addr_usage, argc, argv);
}
