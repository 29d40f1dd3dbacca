/* ip address add|change|replace|delete and the object's dispatch (show and flush live in
 * ip_show_addr.c, the address words in ip_prefix.c). */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
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

/* What the words of ip address add/change/replace/del say, as they come. The request is built
 * as they come too, attributes in iproute2's order; ifa holds its family, prefix length, scope. */
enum { A_PEER, A_BRD, A_ANY, A_LOCAL, A_SCOPE, A_DEV, A_LABEL, A_METRIC, A_VALID, A_PREF };
struct addr_words {
	const char *dev, *lcl_arg, *lft_arg[2];   /* lifetimes: valid, preferred */
	uint32_t lft[2];
	unsigned flags;
	int len[4];          /* bytes of the peer, broadcast, anycast and local addresses */
	int scoped, nattr;
	struct ifaddrmsg *ifa;
	struct nlb b;
	struct inet_prefix lcl, peer, a;
};

/* An attribute of a word; those past the 16th are dropped, as nsbox always has. */
static void addr_attr(struct addr_words *s, int type, const void *data, size_t len)
{
	if (s->nattr++ < 16)
		nlb_put(&s->b, type, data, len);
}

/* The address of an A_PEER .. A_LOCAL word: all the family's bytes, none for a local any/all. */
static void addr_put(struct addr_words *s, int c, const struct inet_prefix *p)
{
	static const unsigned char attr[] = { IFA_ADDRESS, IFA_BROADCAST, IFA_ANYCAST, IFA_LOCAL };

	if (!s->ifa->ifa_family)
		s->ifa->ifa_family = p->family;
	addr_attr(s, attr[c], p->data, c == A_LOCAL && !p->bytelen ? 0 : s->ifa->ifa_family == AF_INET6 ? 16 : 4);
	s->len[c] = p->bytelen;
}
/* The address itself (after an optional "local"), or help. */
static void addr_local_word(struct addr_words *s, const char *w)
{
	if (kw_is(w, "help")) {
		sputs(ERR, USAGE_TEXT(addr_usage));
		out_exit(255);
	}
	if (s->len[A_LOCAL])
		ip_duparg2("local", w);
	s->lcl_arg = w;
	ip_get_prefix(&s->lcl, w, s->ifa->ifa_family);
	addr_put(s, A_LOCAL, &s->lcl);
}

/* peer, broadcast and anycast come at 0, 2 and 4: the names their duplicates are reported by. */
#define P KWL_PREFIX
#define AWORDS(X) \
	X("peer", A_PEER) X("remote", A_PEER) X("broadcast", P | A_BRD) X("brd", A_BRD) \
	X("anycast", A_ANY) X("scope", A_SCOPE) X("dev", A_DEV) X("label", A_LABEL) \
	X("metric", P | A_METRIC) X("priority", P | A_METRIC) X("preference", P | A_METRIC) \
	X("valid_lft", P | A_VALID) X("preferred_lft", P | A_PREF)
static const char aword_names[] = AWORDS(KWL_NAME);
static const unsigned char aword_codes[] = { AWORDS(KWL_CODE) };
#undef P

static __attribute__((noinline)) void addr_parse(struct addr_words *s, int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		struct inet_prefix *p;
		const char *k;
		uint32_t metric;
		unsigned sc;
		int c, i;

		if ((k = kwl_find(aword_names, aword_codes, w, &c))) {
			if (c >= A_VALID && s->lft_arg[c - A_VALID])
				ip_duparg(k, w);
			NEXT_ARG();
		} else if ((i = ifa_flag_index(w)) >= 0) {
			if ((IFA_FLAGS_RO >> i & 1) || ((IFA_FLAGS_V6 >> i & 1) && s->ifa->ifa_family != AF_INET6))
				errf("Warning: %s option %s\n", w, IFA_FLAGS_RO >> i & 1 ?
				     "is not mutable from userspace" : "can be set only for IPv6 addresses");
			else
				s->flags |= ifa_flag_masks[i];
			continue;
		} else {
			if (!strcmp(w, "local")) {
				NEXT_ARG();
				w = *argv;
			}
			addr_local_word(s, w);
			continue;
		}
		switch (c) {
		case A_PEER: case A_BRD: case A_ANY:
			if (s->len[c])
				ip_duparg(kw_nth(aword_names, 2 * c), *argv);   /* peer, broadcast, anycast */
			if (c == A_BRD && (**argv == '+' || **argv == '-') && !(*argv)[1]) {
				s->len[c] = **argv == '+' ? -1 : -2;
				break;
			}
			p = c == A_PEER ? &s->peer : &s->a;
			(c == A_PEER ? ip_get_prefix : ip_get_addr)(p, *argv, s->ifa->ifa_family);
			addr_put(s, c, p);
			if (c == A_PEER)
				s->ifa->ifa_prefixlen = p->bitlen;
			break;
		case A_SCOPE:
			if (parse_scope(*argv, &sc))
				ip_invarg("invalid scope value.", *argv);
			s->ifa->ifa_scope = sc;
			s->scoped = 1;
			break;
		case A_DEV:
			s->dev = *argv;
			break;
		case A_LABEL:
			addr_attr(s, IFA_LABEL, *argv, strlen(*argv) + 1);
			break;
		case A_METRIC:
			if (parse_u32(*argv, &metric, 0))
				ip_invarg("\"metric\" value is invalid\n", *argv);
			addr_attr(s, IFA_RT_PRIORITY, &metric, 4);
			break;
		default:   /* A_VALID, A_PREF */
			i = c - A_VALID;
			s->lft_arg[i] = *argv;
			if (lifetime(*argv, &s->lft[i]))
				ip_invarg(i ? "preferred_lft value" : "valid_lft value", *argv);
		}
	}
}

static int addr_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	struct addr_words st, *s = &st;
	char buf[RTNL_BUF];
	const struct inet_prefix *pp;
	struct ifaddrmsg *ifa;
	int err;

	memset(s, 0, sizeof(*s));
	s->lft[0] = s->lft[1] = 0xffffffffu;
	s->ifa = ifa = nlb_start(&s->b, buf, sizeof(buf), type, NLM_F_REQUEST | NLM_F_ACK | nlflags, sizeof(*ifa));
	ifa->ifa_family = ipo.family;
	addr_parse(s, argc, argv);
	if (s->flags > 0xff)
		nlb_put_u32(&s->b, IFA_FLAGS, s->flags);
	else
		ifa->ifa_flags = s->flags;
	if (!s->dev)
		ip_fail(1, "Not enough information: \"dev\" argument is required.\n");
	if (!s->len[A_PEER] && s->len[A_LOCAL]) {
		if (type == RTM_DELADDR && s->lcl.family == AF_INET && !(s->lcl.flags & PFX_LEN_GIVEN)) {
			errf("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
			     "         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"
			     "         This special behaviour is likely to disappear in further releases,\n"
			     "         fix your scripts!\n", s->lcl_arg, s->len[A_LOCAL] * 8);
		} else {
			nlb_put(&s->b, IFA_ADDRESS, s->lcl.data, ifa->ifa_family == AF_INET6 ? 16 : 4);
		}
	}
	if (!ifa->ifa_prefixlen)
		ifa->ifa_prefixlen = s->lcl.bitlen;
	/* The peer's prefix, else the local one's (not on a wildcard delete, which takes no brd). */
	pp = s->len[A_PEER] ? &s->peer : &s->lcl;
	if (s->len[A_BRD] < 0 && type != RTM_DELADDR) {
		if (ifa->ifa_family != AF_INET)
			ip_fail(1, "Broadcast can be set only for IPv4 addresses\n");
		if (pp->bitlen <= 30) {
			uint32_t v, mask = pp->bitlen > 0 ? htonl(~0u << (32 - pp->bitlen)) : 0;
			memcpy(&v, pp->data, 4);
			v = s->len[A_BRD] == -1 ? (v | ~mask) : (v & mask);
			nlb_put(&s->b, IFA_BROADCAST, &v, 4);
		}
	}
	if (!s->scoped && type != RTM_DELADDR)
		ifa->ifa_scope = s->lcl.family == AF_INET && s->lcl.bytelen && s->lcl.data[0] == 127 ? RT_SCOPE_HOST : 0;
	if (!(ifa->ifa_index = addr_dev_index(s->dev)))
		ip_fail(1, "Cannot find device \"%s\"\n", s->dev);
	if (s->lft_arg[0] || s->lft_arg[1]) {
		struct ifa_cacheinfo ci = { .ifa_prefered = s->lft[1], .ifa_valid = s->lft[0] };

		if (!s->lft[0])
			ip_fail(1, "valid_lft is zero\n");
		if (s->lft[0] < s->lft[1])
			ip_fail(1, "preferred_lft is greater than valid_lft\n");
		nlb_put(&s->b, IFA_CACHEINFO, &ci, sizeof(ci));
	}
	if ((s->flags & IFA_F_MCAUTOJOIN) && !is_multicast(&s->lcl))
		ip_fail(1, "autojoin needs multicast address\n");
	err = nl_talk(ip_sock(), &s->b, NULL, NULL);
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

/* One message for the three, to keep a build without them small. */
static void save_left_out(void)
{
	if (!NSBOX_FEATURE_IP_EXTRAS)
		NSBOX_LEFT_OUT("address save, showdump and restore", "NSBOX_FEATURE_IP_EXTRAS");
}

static int addr_save(int argc, char **argv)
{
	save_left_out();
	ip_addr_save(argc, argv, addr_usage);
}

static int addr_showdump(int argc, char **argv)
{
	save_left_out();
	(void)argc, (void)argv;
	ip_addr_showdump();
}

static int addr_restore(int argc, char **argv)
{
	save_left_out();
	(void)argc, (void)argv;   /* iproute2 reads no more words */
	ip_restore(0x47361222, "address");
}

#define ADDR_CMDS(X) \
	X("add", addr_add) X("change", addr_change) X("chg", addr_change) X("replace", addr_replace) \
	X("delete", addr_del) X("list", addr_show) X("show", addr_show) X("lst", addr_show) \
	X("flush", addr_flush) X("save", addr_save) X("showdump", addr_showdump) X("restore", addr_restore)
#define NAME(name, fn) name "\0"
#define FN(name, fn) fn,
static const char addr_names[] = ADDR_CMDS(NAME);
static ip_cmd_fn *const addr_fns[] = { ADDR_CMDS(FN) };

int do_addr(int argc, char **argv)
{
	if (argc < 1)
		return addr_show(0, NULL);
	return ip_dispatch_names(addr_names, addr_fns, "address", addr_usage, argc, argv);
}
