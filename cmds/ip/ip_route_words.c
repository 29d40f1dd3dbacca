/* ip route's words that the requests (ip_route.c) and the listings (ip_show_route.c) share:
 * the usage, addresses and prefixes, families, and the name tables of types, dsfields and
 * realms. */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include <linux/icmpv6.h>
#include "lib.h"
#include "inet.h"
#include "ip_print.h"
#include "ip_route.h"
#include "out.h"

NSBOX_USAGE(route_help,
	"Usage: ip route { list | flush } SELECTOR\n"
	NSBOX_USAGE_MORE("       ip route save SELECTOR\n"
	"       ip route restore\n"
	"       ip route showdump\n"
	"       ip route get [ ROUTE_GET_FLAGS ] ADDRESS\n"
	"                            [ from ADDRESS iif STRING ]\n"
	"                            [ oif STRING ] [ tos TOS ]\n"
	"                            [ mark NUMBER ] [ vrf NAME ]\n"
	"                            [ uid NUMBER ] [ ipproto PROTOCOL ]\n"
	"                            [ sport NUMBER ] [ dport NUMBER ]\n"
	"       ip route { add | del | change | append | replace } ROUTE\n"
	"SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n"
	"            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]\n"
	"            [ type TYPE ] [ scope SCOPE ]\n"
	"ROUTE := NODE_SPEC [ INFO_SPEC ]\n"
	"NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n"
	"             [ table TABLE_ID ] [ proto RTPROTO ]\n"
	"             [ scope SCOPE ] [ metric METRIC ]\n"
	"             [ ttl-propagate { enabled | disabled } ]\n"
	"INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...\n"
	"NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n"
	"      [ dev STRING ] [ weight NUMBER ] NHFLAGS\n"
	"FAMILY := [ inet | inet6 | mpls | bridge | link ]\n"
	"OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n"
	"           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n"
	"           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n"
	"           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n"
	"           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n"
	"           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n"
	"           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]\n"
	"TYPE := { unicast | local | broadcast | multicast | throw |\n"
	"          unreachable | prohibit | blackhole | nat }\n"
	"TABLE_ID := [ local | main | default | all | NUMBER ]\n"
	"SCOPE := [ host | link | global | NUMBER ]\n"
	"NHFLAGS := [ onlink | pervasive ]\n"
	"RTPROTO := [ kernel | boot | static | NUMBER ]\n"
	"PREF := [ low | medium | high ]\n"
	"TIME := NUMBER[s|ms]\n"
	"BOOL := [1|0]\n"
	"FEATURES := ecn\n"
	"ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]\n"
	"ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]\n"
	"SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]\n"
	"SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]\n"
	"SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]\n"
	"ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |\n"
	"            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |\n"
	"            End.BM | End.S | End.AS | End.AM | End.BPF }\n"
	"OPTIONS := OPTION [ OPTIONS ]\n"
	"OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |\n"
	"            table TABLEID | vrftable TABLEID | endpoint PROGNAME }\n"
	"FLAVORS := { FLAVOR[,FLAVOR] }\n"
	"FLAVOR := { psp | usp | usd | next-csid }\n"
	"IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE\n"
	"XFRMINFO := if_id IF_ID [ link_dev LINK ]\n"
	"ROUTE_GET_FLAGS := [ fibmatch ]\n"));
const char *const ip_route_help = route_help;

void ip_route_usage(void)
{
	ip_usage_exit(route_help);
}

/* ---- words shared with the listings ---- */

_Static_assert(ICMPV6_ROUTER_PREF_MEDIUM == 0 && ICMPV6_ROUTER_PREF_HIGH == 1 && ICMPV6_ROUTER_PREF_LOW == 3,
	       "rt_prefs' order");
const char rt_prefs[] = "medium\0high\0low\0";

int rt_word_code(const char *names, const unsigned char *codes, const char *s, int none)
{
	kwl_find(names, codes, s, &none);
	return none;
}

void rt_left_out(const char *what)
{
	if (!what)
		NSBOX_LEFT_OUT("route vrf", "NSBOX_FEATURE_VRF");
	NSBOX_LEFT_OUT(what, "NSBOX_FEATURE_IP_ROUTE_MORE");
}

#define P KWL_PREFIX
#define FAMS(X) X("inet", AF_INET) X("inet6", AF_INET6) X("link", AF_PACKET) X("mpls", AF_MPLS) X("bridge", AF_BRIDGE)
static const char fam_names[] = FAMS(KWL_NAME);
static const unsigned char fam_codes[] = { FAMS(KWL_CODE) };

int rt_via_family(int dflt, int *argc, char ***argv)
{
	int f = rt_word_code(fam_names, fam_codes, **argv, AF_UNSPEC);

	if (f == AF_UNSPEC)
		return dflt;
	rt_next_word(argc, argv);
	return f;
}

int rt_take_answer(const struct nlmsghdr *h, void *arg)
{
	struct rt_answer *a = arg;

	a->len = h->nlmsg_len <= sizeof(a->buf) ? (int)h->nlmsg_len : 0;
	memcpy(a->buf, h, a->len);
	return 0;
}

void rt_sel_proto_scope(int proto, const char *w, unsigned *val, unsigned *mask)
{
	*mask = ~0u;
	if (!(proto ? parse_proto(w, val) : parse_scope(w, val)))
		return;
	if (strcmp(w, "all"))
		ip_invarg(proto ? "invalid \"protocol\"\n" : "invalid \"scope\"\n", w);
	*val = proto ? 0 : RT_SCOPE_NOWHERE;
	*mask = 0;
}

uint8_t rt_xproto(const char *s)
{
	unsigned u;

	if (parse_proto(s, &u))
		ip_invarg("\"protocol\" value is invalid\n", s);
	return u;
}

uint8_t rt_xipproto(const char *s)
{
	uint32_t v;
	int p;

	if (!parse_u32(s, &v, 10) && v <= 255)
		return v;
	if ((p = ip_ipproto_db(s, 0, NULL)) < 0)
		ip_invarg("Invalid \"ipproto\" value\n", s);
	return p;
}

void rt_req_start(struct rt_req *q, void *buf, size_t cap, uint16_t type, uint16_t nlflags)
{
	memset(&q->rtm, 0, sizeof(q->rtm));
	q->rtm.rtm_family = ipo.family;
	q->type = type;
	q->hdr = nlb_start(&q->b, buf, cap, type, NLM_F_REQUEST | nlflags, sizeof(q->rtm));
}

void rt_req_end(struct rt_req *q)
{
	if (q->hdr)
		*q->hdr = q->rtm;
}

void rt_put_prefix(struct rt_req *q, int type, const char *s, struct inet_prefix *a)
{
	ip_get_prefix(a, s, q->rtm.rtm_family);
	if (q->rtm.rtm_family == AF_UNSPEC)
		q->rtm.rtm_family = a->family;
	if (a->bytelen)
		nlb_put(&q->b, type, a->data, a->bytelen);
}

void rt_put_addr(struct rt_req *q, int type, const char *s)
{
	struct inet_prefix a;

	ip_get_addr(&a, s, q->rtm.rtm_family);
	if (q->rtm.rtm_family == AF_UNSPEC)
		q->rtm.rtm_family = a.family;
	nlb_put(&q->b, type, a.data, a.bytelen);
}

void rt_put_table(struct nlb *b, uint8_t *table, uint32_t v)
{
	*table = v < 256 ? v : RT_TABLE_UNSPEC;
	if (v >= 256)
		nlb_put_u32(b, RTA_TABLE, v);
}

void rt_word_from(struct rt_req *q, const char *s)
{
	struct inet_prefix a;

	rt_put_prefix(q, RTA_SRC, s, &a);
	q->rtm.rtm_src_len = a.bitlen;
}

char *rt_next_word(int *argc, char ***argv)
{
	if (--*argc <= 0)
		ip_incomplete();
	return *++*argv;
}

void rt_word_as(struct rt_req *q, int *argc, char ***argv)
{
	if (!strcmp(rt_next_word(argc, argv), "to"))
		rt_next_word(argc, argv);
	rt_put_addr(q, RTA_NEWDST, **argv);
}

void rt_word_tos(struct rt_req *q, const char *s, const char *msg)
{
	uint32_t v;

	if (rt_parse_dsfield(s, &v))
		ip_invarg(msg, s);
	q->rtm.rtm_tos = v;
}

#define TYPES(X) X("local", RTN_LOCAL) X("nat", RTN_NAT) X("broadcast", P | RTN_BROADCAST) \
	X("brd", RTN_BROADCAST) X("anycast", P | RTN_ANYCAST) X("multicast", P | RTN_MULTICAST) \
	X("prohibit", P | RTN_PROHIBIT) X("unreachable", P | RTN_UNREACHABLE) X("blackhole", P | RTN_BLACKHOLE) \
	X("xresolve", P | RTN_XRESOLVE) X("unicast", P | RTN_UNICAST) X("throw", RTN_THROW)
static const char type_names[] = TYPES(KWL_NAME);
static const unsigned char type_codes[] = { TYPES(KWL_CODE) };

int rt_parse_type(const char *s, unsigned *out)
{
	int t = rt_word_code(type_names, type_codes, s, -1);
	uint32_t v;

	if (t >= 0)
		return *out = t, 0;
	if (parse_u32(s, &v, 0) || v > 255)
		return -1;
	*out = v;
	return 0;
}

/* /etc/iproute2/rt_dsfield of Debian; the codes are the values / 8, all whole names. */
#define DSFIELDS(X) X("default", 0x00) X("AF11", 0x28 >> 3) X("AF12", 0x30 >> 3) X("AF13", 0x38 >> 3) \
	X("AF21", 0x48 >> 3) X("AF22", 0x50 >> 3) X("AF23", 0x58 >> 3) X("AF31", 0x68 >> 3) \
	X("AF32", 0x70 >> 3) X("AF33", 0x78 >> 3) X("AF41", 0x88 >> 3) X("AF42", 0x90 >> 3) \
	X("AF43", 0x98 >> 3) X("CS1", 0x20 >> 3) X("CS2", 0x40 >> 3) X("CS3", 0x60 >> 3) \
	X("CS4", 0x80 >> 3) X("CS5", 0xa0 >> 3) X("CS6", 0xc0 >> 3) X("CS7", 0xe0 >> 3) X("EF", 0xb8 >> 3)
static const char ds_names[] = DSFIELDS(KWL_NAME);
static const unsigned char ds_codes[] = { DSFIELDS(KWL_CODE) };

int rt_parse_dsfield(const char *s, uint32_t *out)
{
	int v = rt_word_code(ds_names, ds_codes, s, -1);

	if (v >= 0)
		return *out = (uint32_t)v << 3, 0;
	return parse_u32(s, out, 16) || *out > 255 ? -1 : 0;
}

const char *rt_dsfield_name(unsigned tos, char *buf)
{
	for (unsigned i = 1; i < sizeof(ds_codes) && !ipo.numeric; i++)
		if ((unsigned)ds_codes[i] << 3 == tos)
			return kw_nth(ds_names, i);
	bfmt(buf, PR_NAMESZ, "0x%02x", tos);
	return buf;
}

const char *rt_realm_name(unsigned id, char *b)
{
	if (!id && !ipo.numeric)
		return "cosmos";
	bfmt(b, PR_NAMESZ, "%u", id);
	return b;
}

static int realm_a2n(const char *s, uint32_t *out)
{
	if (!strcmp(s, "cosmos"))
		return *out = 0, 0;
	return parse_u32(s, out, 0) || *out > 255 ? -1 : 0;
}

/* FROM/TO or TO (realm names or numbers), else a raw number. */
int rt_parse_realms(const char *s, uint32_t *out)
{
	const char *slash = strchr(s, '/');
	char from[32];
	uint32_t hi = 0, lo = 0;

	if (slash && (size_t)(slash - s) < sizeof(from)) {
		memcpy(from, s, slash - s);
		from[slash - s] = 0;
		if (realm_a2n(from, &hi))
			goto raw;
	} else if (slash) {
		goto raw;
	}
	if (*(slash ? slash + 1 : s) && realm_a2n(slash ? slash + 1 : s, &lo))
		goto raw;
	*out = hi << 16 | lo;
	return 0;
raw:
	return parse_u32(s, out, 0);
}
