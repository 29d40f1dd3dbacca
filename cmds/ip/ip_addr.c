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

NSBOX_USAGE(addr_usage,
	"Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n"
	NSBOX_USAGE_MORE("                                                      [ CONFFLAG-LIST ]\n"
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
	IP_LINK_TYPES_HELP));

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

/* What the words of ip address add/change/replace/del say, as they come. */
struct addr_words {
	struct addr_req r;
	struct inet_prefix lcl, peer, a;
	const char *dev, *lcl_arg, *valid_arg, *pref_arg;
	uint32_t valid, pref;
	unsigned flags;
	int local_len, peer_len, brd_len, any_len, scoped;
};

/* The address itself (after an optional "local"), or help. */
static void addr_local_word(struct addr_words *s, const char *w)
{
	if (kw_is(w, "help")) {
		sputs(ERR, USAGE_TEXT(addr_usage));
		out_exit(255);
	}
	if (s->local_len)
		die(255, "Error: either \"local\" is duplicate, or \"%s\" is a garbage.\n", w);
	s->lcl_arg = w;
	ip_get_prefix(&s->lcl, w, s->r.family);
	if (!s->r.family)
		s->r.family = s->lcl.family;
	memcpy(s->r.local, s->lcl.data, 16);
	addr_req_push(&s->r, IFA_LOCAL);
	s->local_len = s->lcl.bytelen;
	s->r.empty_local = !s->local_len;
}

static void addr_parse(struct addr_words *s, int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		const struct ifa_flag *fl;

		if (!strcmp(w, "peer") || !strcmp(w, "remote")) {
			NEXT_ARG();
			if (s->peer_len)
				duparg("peer", *argv);
			ip_get_prefix(&s->peer, *argv, s->r.family);
			s->peer_len = s->peer.bytelen;
			if (!s->r.family)
				s->r.family = s->peer.family;
			memcpy(s->r.peer, s->peer.data, 16);
			addr_req_push(&s->r, IFA_ADDRESS);
			s->r.plen = s->peer.bitlen;
		} else if (kw_is(w, "broadcast") || !strcmp(w, "brd")) {
			NEXT_ARG();
			if (s->brd_len)
				duparg("broadcast", *argv);
			if (!strcmp(*argv, "+") || !strcmp(*argv, "-")) {
				s->brd_len = **argv == '+' ? -1 : -2;
				continue;
			}
			ip_get_addr(&s->a, *argv, s->r.family);
			if (!s->r.family)
				s->r.family = s->a.family;
			memcpy(s->r.brd, s->a.data, 16);
			s->r.has_brd = 1;
			addr_req_push(&s->r, IFA_BROADCAST);
			s->brd_len = s->a.bytelen;
		} else if (!strcmp(w, "anycast")) {
			NEXT_ARG();
			if (s->any_len)
				duparg("anycast", *argv);
			ip_get_addr(&s->a, *argv, s->r.family);
			if (!s->r.family)
				s->r.family = s->a.family;
			memcpy(s->r.anycast, s->a.data, 16);
			addr_req_push(&s->r, IFA_ANYCAST);
			s->any_len = s->a.bytelen;
		} else if (!strcmp(w, "scope")) {
			unsigned sc;
			NEXT_ARG();
			if (parse_scope(*argv, &sc))
				ip_invarg("invalid scope value.", *argv);
			s->r.scope = sc;
			s->scoped = 1;
		} else if (!strcmp(w, "dev")) {
			NEXT_ARG();
			s->dev = *argv;
		} else if (!strcmp(w, "label")) {
			NEXT_ARG();
			s->r.label = *argv;
			addr_req_push(&s->r, IFA_LABEL);
		} else if (kw_is(w, "metric") || kw_is(w, "priority") || kw_is(w, "preference")) {
			NEXT_ARG();
			if (parse_u32(*argv, &s->r.metric, 0))
				ip_invarg("\"metric\" value is invalid\n", *argv);
			addr_req_push(&s->r, IFA_RT_PRIORITY);
		} else if (kw_is(w, "valid_lft") || kw_is(w, "preferred_lft")) {
			int v = kw_is(w, "valid_lft");
			const char *key = v ? "valid_lft" : "preferred_lft";

			if (v ? s->valid_arg : s->pref_arg)
				duparg(key, w);
			NEXT_ARG();
			*(v ? &s->valid_arg : &s->pref_arg) = *argv;
			if (lifetime(*argv, v ? &s->valid : &s->pref))
				ip_invarg(v ? "valid_lft value" : "preferred_lft value", *argv);
		} else if ((fl = ifa_flag_find(w))) {
			if (fl->readonly)
				errf("Warning: %s option is not mutable from userspace\n", fl->name);
			else if (fl->v6only && s->r.family != AF_INET6)
				errf("Warning: %s option can be set only for IPv6 addresses\n", fl->name);
			else
				s->flags |= fl->mask;
		} else {
			if (!strcmp(w, "local")) {
				NEXT_ARG();
				w = *argv;
			}
			addr_local_word(s, w);
		}
	}
}

static int addr_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	static struct addr_words st;
	struct addr_words *s = &st;
	char buf[RTNL_BUF];
	struct nlb b;
	int err;

	memset(s, 0, sizeof(*s));
	s->valid = s->pref = 0xffffffffu;
	addr_req_init(&s->r);
	addr_req_push(&s->r, 0);
	s->r.family = ipo.family;
	addr_parse(s, argc, argv);
	s->r.ifa_flags = s->flags;
	if (!s->dev)
		ip_fail(1, "Not enough information: \"dev\" argument is required.\n");
	s->r.has_peer = s->peer_len != 0;
	s->r.no_address = !s->local_len;
	if (!s->peer_len && s->local_len) {
		if (type == RTM_DELADDR && s->lcl.family == AF_INET && !(s->lcl.flags & PFX_LEN_GIVEN)) {
			errf("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
			     "         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"
			     "         This special behaviour is likely to disappear in further releases,\n"
			     "         fix your scripts!\n", s->lcl_arg, s->local_len * 8);
			s->r.no_address = 1;
		} else {
			s->peer = s->lcl;
		}
	}
	if (!s->r.plen)
		s->r.plen = s->lcl.bitlen;
	if (s->brd_len < 0 && type != RTM_DELADDR) {
		if (s->r.family != AF_INET)
			ip_fail(1, "Broadcast can be set only for IPv4 addresses\n");
		if (s->peer.bitlen <= 30) {
			uint32_t v, mask = s->peer.bitlen > 0 ? htonl(~0u << (32 - s->peer.bitlen)) : 0;
			memcpy(&v, s->peer.data, 4);
			v = s->brd_len == -1 ? (v | ~mask) : (v & mask);
			memcpy(s->r.brd, &v, 4);
			s->r.has_brd = 1;
		}
	}
	if (!s->scoped && type != RTM_DELADDR)
		s->r.scope = s->lcl.family == AF_INET && s->lcl.bytelen && s->lcl.data[0] == 127 ? RT_SCOPE_HOST : 0;
	if (!(s->r.index = addr_dev_index(s->dev)))
		ip_fail(1, "Cannot find device \"%s\"\n", s->dev);
	if (s->valid_arg || s->pref_arg) {
		if (!s->valid)
			ip_fail(1, "valid_lft is zero\n");
		if (s->valid < s->pref)
			ip_fail(1, "preferred_lft is greater than valid_lft\n");
		s->r.has_cacheinfo = 1;
		s->r.valid_lft = s->valid;
		s->r.preferred_lft = s->pref;
	}
	if ((s->flags & IFA_F_MCAUTOJOIN) && !is_multicast(&s->lcl))
		ip_fail(1, "autojoin needs multicast address\n");
	rtnl_addr_build(&b, buf, sizeof(buf), type, nlflags | NLM_F_ACK, &s->r);
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

static int addr_save(int argc, char **argv)
{
	ip_addr_save(argc, argv, addr_usage);
}

static int addr_showdump(int argc, char **argv)
{
	(void)argc, (void)argv;
	ip_addr_showdump();
}

static int addr_restore(int argc, char **argv)
{
	(void)argc, (void)argv;   /* iproute2 reads no more words */
	ip_restore(0x47361222, "address");
}

static const struct kw addr_cmds[] = {
	{ "add", 1, addr_add }, { "change", 1, addr_change }, { "chg", 3, addr_change },
	{ "replace", 1, addr_replace }, { "delete", 1, addr_del }, { "list", 1, addr_show },
	{ "show", 1, addr_show }, { "lst", 1, addr_show }, { "flush", 1, addr_flush },
	{ "save", 1, addr_save }, { "showdump", 1, addr_showdump }, { "restore", 1, addr_restore },
	{ NULL, 0, NULL }
};

int do_addr(int argc, char **argv)
{
	if (argc < 1)
		return addr_show(0, NULL);
	return ip_dispatch(addr_cmds, "address", addr_usage, argc, argv);
}
