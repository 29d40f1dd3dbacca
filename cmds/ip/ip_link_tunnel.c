/* The IP tunnel link kinds: gre, gretap, erspan (IFLA_GRE_* over IPv4), ip6gre, ip6gretap,
 * ip6erspan (over IPv6), ipip, sit and ip6tnl (IFLA_IPTUN_*), vti and vti6 (IFLA_VTI_*),
 * geneve, bareudp and xfrm. Their words as iproute2 6.1 parses them
 * (its order of checks, prefix or whole words, messages and exit codes), the attributes it
 * sends (all of them, defaults included, in its order; ip link set starts from the tunnel's
 * settings), and their -d data as it prints it. */
#include <arpa/inet.h>
#include <net/if.h>
#include <stddef.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include "inet.h"
#include "ip.h"
#include "ip_print.h"
#include "ip_route.h"
#include "ip_tunnel.h"
#include "out.h"

/* Classes of kinds: which words a kind takes. */
enum { C4 = 1, C6 = 2, CI = 4, CS = 8, CE = 16, CV = 32, CV6 = 64, CX = 128, CALL = C4 | C6 | CI | CX,
       CT = CV | CV6, CV6X = C6 | CV6 | CX /* over IPv6 */ };

/* The kinds, and their classes in lockstep. */
static const char tkind_names[] =
	"gre\0gretap\0erspan\0ip6gre\0ip6gretap\0ip6erspan\0ipip\0sit\0vti\0vti6\0ip6tnl\0";
static const unsigned char tkind_cls[] = { C4, C4, C4 | CE, C6, C6, C6, CI, CI | CS, CV, CV6, CX };

/* The kinds of their own parsers and printers. */
static const char okind_names[] = "geneve\0bareudp\0xfrm\0";

/* The class of a kind, 0 for another kind. */
static unsigned tkind(const char *kind)
{
	int i = kw_whole(tkind_names, kind);

	return i < 0 ? 0 : tkind_cls[i];
}

/* A tunnel's settings, as iproute2 keeps them while it reads the words. */
struct tnl {
	struct inet_prefix sa, da, rd, rdrelay;
	uint32_t ikey, okey, link, fwmark, flowinfo, flags, erspan_idx;
	uint16_t iflags, oflags, etype, eflags, esport, edport, erspan_hwid, sitflags;
	uint8_t pmtudisc, ignore_df, tos, ttl, elim, metadata, erspan_ver, erspan_dir, proto;
};

/* The words (W_ELIM to W_DSCP in the order of W6_*). G_*: the GRE flag words, arg = which flag, I and O, SET, and ARG for a key. */
enum {	/* from W_PMTU on, the words without an argument */
	W_GREF = 1, W_REMOTE, W_LOCAL, W_DEV, W_TTL, W_MODE, W_ELIM, W_TOS, W_FLOWLABEL, W_DSCP,
	W_ENCAP, W_ESPORT, W_EDPORT, W_RD, W_RDRELAY, W_FWMARK, W_ERSPAN, W_EVER, W_EDIR, W_EHWID,
	W_PMTU, W_ISATAP, W_NOENCAP, W_EFLAG, W_EXTERNAL, W_IGNDF, W_RDRESET, W_LOCALREMOTE,
};
enum { G_KEY = 0, G_SEQ = 1, G_CSUM = 2, G_I = 4, G_O = 8, G_SET = 16, G_ARG = 32 };
/* In arg too: a prefix of the word matches in the GRE kinds and vti (PG), in all its kinds (PA);
 * E_SET: an encap flag word sets its flag (TUNNEL_ENCAP_FLAG_*), else clears it. */
enum { PG = 0x40, PA = 0x80, E_SET = 0x10 };
#define GF(f, io, set) (uint8_t)((f) | (io) | ((set) ? G_SET : 0))

static const char tword_names[] =
	"mode\0key\0nokey\0ikey\0noikey\0okey\0nookey\0seq\0noseq\0iseq\0noiseq\0oseq\0nooseq\0csum\0"
	"nocsum\0icsum\0noicsum\0ocsum\0noocsum\0nopmtudisc\0pmtudisc\0remote\0local\0dev\0ttl\0"
	"hoplimit\0hlim\0tos\0tclass\0tc\0dsfield\0flowlabel\0fl\0dscp\0isatap\0noencap\0encap\0"
	"encap-sport\0encap-dport\0encap-csum\0noencap-csum\0encap-udp6-csum\0noencap-udp6-csum\0"
	"encap-remcsum\0noencap-remcsum\0external\0ignore-df\0noignore-df\0" "6rd-prefix\0"
	"6rd-relay_prefix\0" "6rd-reset\0fwmark\0allow-localremote\0noallow-localremote\0encaplimit\0"
	"erspan\0erspan_ver\0erspan_dir\0erspan_hwid\0";
/* In lockstep with tword_names. */
static const struct tword {
	unsigned char code, arg, cls;   /* arg: PG, PA when a prefix of the name matches */
} twords[] = {
	{ W_MODE, 0, CI | CX },	/* mode */
	{ W_GREF, GF(G_KEY, G_I | G_O, 1) | G_ARG | PG, C4 | C6 | CT },	/* key */
	{ W_GREF, GF(G_KEY, G_I | G_O, 0) | PG, C4 | C6 },	/* nokey */
	{ W_GREF, GF(G_KEY, G_I, 1) | G_ARG | PG, C4 | C6 | CT },	/* ikey */
	{ W_GREF, GF(G_KEY, G_I, 0) | PG, C4 | C6 },	/* noikey */
	{ W_GREF, GF(G_KEY, G_O, 1) | G_ARG | PG, C4 | C6 | CT },	/* okey */
	{ W_GREF, GF(G_KEY, G_O, 0) | PG, C4 | C6 },	/* nookey */
	{ W_GREF, GF(G_SEQ, G_I | G_O, 1) | PG, C4 | C6 },	/* seq */
	{ W_GREF, GF(G_SEQ, G_I | G_O, 0) | PG, C4 | C6 },	/* noseq */
	{ W_GREF, GF(G_SEQ, G_I, 1) | PG, C4 | C6 },	/* iseq */
	{ W_GREF, GF(G_SEQ, G_I, 0) | PG, C4 | C6 },	/* noiseq */
	{ W_GREF, GF(G_SEQ, G_O, 1) | PG, C4 | C6 },	/* oseq */
	{ W_GREF, GF(G_SEQ, G_O, 0) | PG, C4 | C6 },	/* nooseq */
	{ W_GREF, GF(G_CSUM, G_I | G_O, 1) | PG, C4 | C6 },	/* csum */
	{ W_GREF, GF(G_CSUM, G_I | G_O, 0) | PG, C4 | C6 },	/* nocsum */
	{ W_GREF, GF(G_CSUM, G_I, 1) | PG, C4 | C6 },	/* icsum */
	{ W_GREF, GF(G_CSUM, G_I, 0) | PG, C4 | C6 },	/* noicsum */
	{ W_GREF, GF(G_CSUM, G_O, 1) | PG, C4 | C6 },	/* ocsum */
	{ W_GREF, GF(G_CSUM, G_O, 0) | PG, C4 | C6 },	/* noocsum */
	{ W_PMTU, PG, C4 | CI },	/* nopmtudisc */
	{ W_PMTU, 1 | PG, C4 | CI },	/* pmtudisc */
	{ W_REMOTE, PG, CALL | CT },	/* remote */
	{ W_LOCAL, PG, CALL | CT },	/* local */
	{ W_DEV, PA, CALL | CT },	/* dev */
	{ W_TTL, PG, CALL },	/* ttl */
	{ W_TTL, PG, CALL },	/* hoplimit */
	{ W_TTL, PG, CALL },	/* hlim */
	{ W_TOS, PG, CALL },	/* tos */
	{ W_TOS, PG, CALL },	/* tclass */
	{ W_TOS, 0, CI | CX },	/* tc */
	{ W_TOS, PA, CALL },	/* dsfield */
	{ W_FLOWLABEL, 0, C6 | CX },	/* flowlabel */
	{ W_FLOWLABEL, 0, C6 | CX },	/* fl */
	{ W_DSCP, 0, C6 | CX },	/* dscp */
	{ W_ISATAP, 0, CS },	/* isatap */
	{ W_NOENCAP, 0, CALL },	/* noencap */
	{ W_ENCAP, 0, CALL },	/* encap */
	{ W_ESPORT, 0, CALL },	/* encap-sport */
	{ W_EDPORT, 0, CALL },	/* encap-dport */
	{ W_EFLAG, TUNNEL_ENCAP_FLAG_CSUM | E_SET, CALL },	/* encap-csum */
	{ W_EFLAG, TUNNEL_ENCAP_FLAG_CSUM, CALL },	/* noencap-csum */
	{ W_EFLAG, TUNNEL_ENCAP_FLAG_CSUM6 | E_SET, CALL },	/* encap-udp6-csum */
	{ W_EFLAG, TUNNEL_ENCAP_FLAG_CSUM6, CALL },	/* noencap-udp6-csum */
	{ W_EFLAG, TUNNEL_ENCAP_FLAG_REMCSUM | E_SET, CALL },	/* encap-remcsum */
	{ W_EFLAG, TUNNEL_ENCAP_FLAG_REMCSUM, CALL },	/* noencap-remcsum */
	{ W_EXTERNAL, 0, CALL },	/* external */
	{ W_IGNDF, 1, C4 },	/* ignore-df */
	{ W_IGNDF, 2, C4 },	/* noignore-df */
	{ W_RD, 0, CI },	/* 6rd-prefix */
	{ W_RDRELAY, 0, CI },	/* 6rd-relay_prefix */
	{ W_RDRESET, 0, CI },	/* 6rd-reset */
	{ W_FWMARK, 0, CALL | CT },	/* fwmark */
	{ W_LOCALREMOTE, 1, C6 | CX },	/* allow-localremote */
	{ W_LOCALREMOTE, 0, C6 | CX },	/* noallow-localremote */
	{ W_ELIM, 0, C6 | CX },	/* encaplimit */
	{ W_ERSPAN, 0, CE | C6 },	/* erspan */
	{ W_EVER, 0, CE | C6 },	/* erspan_ver */
	{ W_EDIR, 0, CE | C6 },	/* erspan_dir */
	{ W_EHWID, 0, CE | C6 }	/* erspan_hwid */
};

static const struct tword *tword_find(const char *w, unsigned cls)
{
	const struct tword *t = twords;
	const char *n;

	for (n = tword_names; *n; n += kw_skip(n), t++)
		if (t->cls & cls && (t->arg & PA || (t->arg & PG && cls & (C4 | C6 | CT)) ? kw_is(w, n) : !strcmp(w, n)))
			return t;
	return NULL;
}

NSBOX_USAGE(gre_usage,
	"Usage: ... %-9s\t[ remote ADDR ]\n"
	NSBOX_USAGE_MORE("\t\t\t[ local ADDR ]\n"
	"\t\t\t[ [no][i|o]seq ]\n"
	"\t\t\t[ [i|o]key KEY | no[i|o]key ]\n"
	"\t\t\t[ [no][i|o]csum ]\n"));
NSBOX_USAGE(gre4_usage,
	NSBOX_USAGE_MORE("\t\t\t[ ttl TTL ]\n"
	"\t\t\t[ tos TOS ]\n"
	"\t\t\t[ [no]pmtudisc ]\n"
	"\t\t\t[ [no]ignore-df ]\n"
	"\t\t\t[ dev PHYS_DEV ]\n"
	"\t\t\t[ fwmark MARK ]\n"));
NSBOX_USAGE(gre6_usage,
	NSBOX_USAGE_MORE("\t\t\t[ hoplimit TTL ]\n"
	"\t\t\t[ encaplimit ELIM ]\n"
	"\t\t\t[ tclass TCLASS ]\n"
	"\t\t\t[ flowlabel FLOWLABEL ]\n"
	"\t\t\t[ dscp inherit ]\n"
	"\t\t\t[ dev PHYS_DEV ]\n"
	"\t\t\t[ fwmark MARK ]\n"
	"\t\t\t[ [no]allow-localremote ]\n"));
NSBOX_USAGE(encap_usage,
	NSBOX_USAGE_MORE("\t\t\t[ external ]\n"
	"\t\t\t[ noencap ]\n"
	"\t\t\t[ encap { fou | gue | none } ]\n"
	"\t\t\t[ encap-sport PORT ]\n"
	"\t\t\t[ encap-dport PORT ]\n"
	"\t\t\t[ [no]encap-csum ]\n"
	"\t\t\t[ [no]encap-csum6 ]\n"
	"\t\t\t[ [no]encap-remcsum ]\n"));
NSBOX_USAGE(erspan_usage,
	NSBOX_USAGE_MORE("\t\t\t[ erspan_ver version ]\n"
	"\t\t\t[ erspan IDX ]\n"
	"\t\t\t[ erspan_dir { ingress | egress } ]\n"
	"\t\t\t[ erspan_hwid hwid ]\n"));
NSBOX_USAGE(gre4_where,
	"\n"
	"Where:\tADDR := { IP_ADDRESS | any }\n"
	"\tTOS  := { NUMBER | inherit }\n"
	"\tTTL  := { 1..255 | inherit }\n"
	"\tKEY  := { DOTTED_QUAD | NUMBER }\n"
	"\tMARK := { 0x0..0xffffffff }\n");
NSBOX_USAGE(gre6_where,
	"\n"
	"Where:\tADDR\t  := IPV6_ADDRESS\n"
	"\tTTL\t  := { 0..255 } (default=64)\n"
	"\tKEY\t  := { DOTTED_QUAD | NUMBER }\n"
	"\tELIM\t  := { none | 0..255 }(default=4)\n"
	"\tTCLASS\t  := { 0x0..0xff | inherit }\n"
	"\tFLOWLABEL := { 0x0..0xfffff | inherit }\n"
	"\tMARK\t  := { 0x0..0xffffffff | inherit }\n");
NSBOX_USAGE(iptnl_usage,
	"Usage: ... %-6s\t[ remote ADDR ]\n"
	NSBOX_USAGE_MORE("\t\t\t[ local ADDR ]\n"
	"\t\t\t[ ttl TTL ]\n"
	"\t\t\t[ tos TOS ]\n"
	"\t\t\t[ [no]pmtudisc ]\n"
	"\t\t\t[ 6rd-prefix ADDR ]\n"
	"\t\t\t[ 6rd-relay_prefix ADDR ]\n"
	"\t\t\t[ 6rd-reset ]\n"
	"\t\t\t[ dev PHYS_DEV ]\n"
	"\t\t\t[ fwmark MARK ]\n"));
NSBOX_USAGE(iptnl_where,
	"\t\t\t[ mode %s ]\n"
	"\n"
	"Where:\tADDR := { IP_ADDRESS | any }\n"
	"\tTOS  := { NUMBER | inherit }\n"
	"\tTTL  := { 1..255 | inherit }\n"
	"\tMARK := { 0x0..0xffffffff }\n");

NSBOX_USAGE(ip6tnl_usage,
	"Usage: ... %-6s\t[ remote ADDR ]\n"
	NSBOX_USAGE_MORE("\t\t\t[ local ADDR ]\n"
	"\t\t\t[ encaplimit ELIM ]\n"
	"\t\t\t[ hoplimit HLIM ]\n"
	"\t\t\t[ tclass TCLASS ]\n"
	"\t\t\t[ flowlabel FLOWLABEL ]\n"
	"\t\t\t[ dscp inherit ]\n"
	"\t\t\t[ [no]allow-localremote ]\n"
	"\t\t\t[ dev PHYS_DEV ]\n"
	"\t\t\t[ fwmark MARK ]\n"));
NSBOX_USAGE(ip6tnl_where,
	"\t\t\t[ mode { ip6ip6 | ipip6 | any } ]\n"
	"\n"
	"Where:\tADDR\t  := IPV6_ADDRESS\n"
	"\tELIM\t  := { none | 0..255 }(default=4)\n"
	"\tHLIM\t  := 0..255 (default=64)\n"
	"\tTCLASS    := { 0x0..0xff | inherit }\n"
	"\tFLOWLABEL := { 0x0..0xfffff | inherit }\n"
	"\tMARK\t  := { 0x0..0xffffffff | inherit }\n");
NSBOX_USAGE(vti_usage,
	"Usage: ... %-4s\t[ remote ADDR ]\n"
	NSBOX_USAGE_MORE("\t\t[ local ADDR ]\n"
	"\t\t[ [i|o]key KEY ]\n"
	"\t\t[ dev PHYS_DEV ]\n"
	"\t\t[ fwmark MARK ]\n"
	"\n"));

NSBOX_USAGE(vti_where,
	NSBOX_USAGE_MORE("Where:\tADDR := { %s }\n"
	"\tKEY  := { DOTTED_QUAD | NUMBER }\n"
	"\tMARK := { 0x0..0xffffffff }\n"));

/* The pieces of the kinds' help texts; a row of tusage_rows names them from 1. The first
 * piece takes the kind, the others the row's other argument. */
static const char *const tusage[] = {
	ip6tnl_usage, encap_usage, ip6tnl_where, vti_usage, vti_where, iptnl_usage, iptnl_where,
	gre_usage, gre4_usage, gre6_usage, erspan_usage, gre4_where, gre6_where,
};
static const unsigned char tusage_rows[][6] = {
	{ 1, 2, 3 },               /* ip6tnl */
	{ 4, 5 },                  /* vti, vti6 */
	{ 6, 2, 7 },               /* ipip, sit */
	{ 8, 9, 2, 12 },           /* gre, gretap */
	{ 8, 9, 2, 11, 12 },       /* erspan */
	{ 8, 10, 2, 11, 13 },      /* ip6gre, ip6gretap, ip6erspan */
};

/* A kind's help on stderr, then iproute2's "return -1": exit 1. */
static _Noreturn void tunnel_usage(unsigned cls, const char *kind)
{
	const unsigned char *p = tusage_rows[cls & CX ? 0 : cls & CT ? 1 : cls & CI ? 2 : cls & C6 ? 5 :
					     cls & CE ? 4 : 3];
	const char *arg = cls & CT ? (cls & CV6 ? "IPV6_ADDRESS" : "IP_ADDRESS") :
			  cls & CS ? "{ ip6ip | ipip | mplsip | any } ]\n\t\t\t[ isatap" : "{ ipip | mplsip | any }";

	for (unsigned i = 0; i < 6 && p[i]; i++)
		sfmt(ERR, USAGE_TEXT(tusage[p[i] - 1]), i ? arg : kind);
	ip_fail(1, "%s", "");
}

static int addr_set(const struct inet_prefix *p)
{
	static const unsigned char zero[16];

	return (p->family == AF_INET || p->family == AF_INET6) && !(p->flags & PFX_ANY) &&
	       memcmp(p->data, zero, (size_t)inet_alen(p->family));
}

/* ---- ip link set: the tunnel's settings first ---- */

struct tfill {
	unsigned char attr, off, size;
};
#define TF(a, f) { a, offsetof(struct tnl, f), sizeof(((struct tnl *)0)->f) }
static const struct tfill gre_fill[] = {
	TF(IFLA_GRE_IKEY, ikey), TF(IFLA_GRE_OKEY, okey), TF(IFLA_GRE_IFLAGS, iflags),
	TF(IFLA_GRE_OFLAGS, oflags), TF(IFLA_GRE_PMTUDISC, pmtudisc), TF(IFLA_GRE_IGNORE_DF, ignore_df),
	TF(IFLA_GRE_TOS, tos), TF(IFLA_GRE_TTL, ttl), TF(IFLA_GRE_LINK, link),
	TF(IFLA_GRE_ENCAP_TYPE, etype), TF(IFLA_GRE_ENCAP_FLAGS, eflags),
	TF(IFLA_GRE_ENCAP_SPORT, esport), TF(IFLA_GRE_ENCAP_DPORT, edport),
	TF(IFLA_GRE_FWMARK, fwmark), TF(IFLA_GRE_ERSPAN_INDEX, erspan_idx),
	TF(IFLA_GRE_ERSPAN_VER, erspan_ver), TF(IFLA_GRE_ERSPAN_DIR, erspan_dir),
	TF(IFLA_GRE_ERSPAN_HWID, erspan_hwid), TF(IFLA_GRE_ENCAP_LIMIT, elim),
	TF(IFLA_GRE_FLOWINFO, flowinfo), TF(IFLA_GRE_FLAGS, flags), { 0, 0, 0 }
}, iptun_fill[] = {
	TF(IFLA_IPTUN_TTL, ttl), TF(IFLA_IPTUN_PMTUDISC, pmtudisc), TF(IFLA_IPTUN_TOS, tos),
	TF(IFLA_IPTUN_FLAGS, sitflags), TF(IFLA_IPTUN_LINK, link), TF(IFLA_IPTUN_PROTO, proto),
	TF(IFLA_IPTUN_ENCAP_TYPE, etype), TF(IFLA_IPTUN_ENCAP_FLAGS, eflags),
	TF(IFLA_IPTUN_ENCAP_SPORT, esport), TF(IFLA_IPTUN_ENCAP_DPORT, edport),
	TF(IFLA_IPTUN_FWMARK, fwmark), { 0, 0, 0 }
}, ip6tnl_fill[] = {
	TF(IFLA_IPTUN_TTL, ttl), TF(IFLA_IPTUN_ENCAP_LIMIT, elim), TF(IFLA_IPTUN_FLOWINFO, flowinfo),
	TF(IFLA_IPTUN_FLAGS, flags), TF(IFLA_IPTUN_LINK, link), TF(IFLA_IPTUN_PROTO, proto),
	TF(IFLA_IPTUN_FWMARK, fwmark), { 0, 0, 0 }
}, vti_fill[] = {
	TF(IFLA_VTI_IKEY, ikey), TF(IFLA_VTI_OKEY, okey), TF(IFLA_VTI_FWMARK, fwmark), { 0, 0, 0 }
};

/* What the attributes of a family of kinds are called (in all of them remote is local + 1,
 * tos ttl + 1, flowinfo and flags elim + 1 and + 2). */
static const struct tfam {
	unsigned char max, local, remote, metadata, ttl, elim, encap, fwmark;
	const struct tfill *fill;
} tfams[] = {
	{ IFLA_GRE_MAX, IFLA_GRE_LOCAL, IFLA_GRE_REMOTE, IFLA_GRE_COLLECT_METADATA, IFLA_GRE_TTL,
	  IFLA_GRE_ENCAP_LIMIT, IFLA_GRE_ENCAP_TYPE, IFLA_GRE_FWMARK, gre_fill },
	{ IFLA_IPTUN_MAX, IFLA_IPTUN_LOCAL, IFLA_IPTUN_REMOTE, IFLA_IPTUN_COLLECT_METADATA, IFLA_IPTUN_TTL,
	  IFLA_IPTUN_ENCAP_LIMIT, IFLA_IPTUN_ENCAP_TYPE, IFLA_IPTUN_FWMARK, iptun_fill },
	{ IFLA_VTI_MAX, IFLA_VTI_LOCAL, IFLA_VTI_REMOTE, 0, 0, 0, 0, IFLA_VTI_FWMARK, vti_fill },
	{ IFLA_IPTUN_MAX, IFLA_IPTUN_LOCAL, IFLA_IPTUN_REMOTE, IFLA_IPTUN_COLLECT_METADATA, IFLA_IPTUN_TTL,
	  IFLA_IPTUN_ENCAP_LIMIT, IFLA_IPTUN_ENCAP_TYPE, IFLA_IPTUN_FWMARK, ip6tnl_fill },
};

static const struct tfam *tfam_of(unsigned cls)
{
	return &tfams[cls & CI ? 1 : cls & CT ? 2 : cls & CX ? 3 : 0];
}

struct fill_arg {
	struct tnl *t;
	unsigned cls;
	int ok;
};

static int fill_addr(struct inet_prefix *p, const struct nlattr *a, int family)
{
	if (!a)
		return 0;
	if (nla_len(a) != (size_t)inet_alen(family))
		return -1;
	p->family = family;
	p->bytelen = inet_alen(family);
	p->flags = 0;
	memcpy(p->data, nla_data(a), (size_t)p->bytelen);
	return 0;
}

static unsigned get_n(const struct nlattr *a, size_t size)
{
	uint32_t v32 = 0;
	uint16_t v16 = 0;
	uint8_t v8 = 0;

	if (!a || nla_len(a) < size)
		return 0;
	memcpy(size == 1 ? (void *)&v8 : size == 2 ? (void *)&v16 : (void *)&v32, nla_data(a), size);
	return size == 1 ? v8 : size == 2 ? v16 : v32;
}
#define U8(a) ((uint8_t)get_n(a, 1))
#define U16(a) ((uint16_t)get_n(a, 2))
#define U32(a) ((uint32_t)get_n(a, 4))

static int fill_cb(const struct nlmsghdr *h, void *arg)
{
	struct fill_arg *fa = arg;
	struct tnl *t = fa->t;
	struct link_info li;
	struct nlattr *tb[IFLA_GRE_MAX + IFLA_IPTUN_MAX + 1];
	const struct tfam *tf = tfam_of(fa->cls);
	int fam = fa->cls & CV6X ? AF_INET6 : AF_INET;
	const struct tfill *f;

	memset(tb, 0, sizeof(tb));
	if (rtnl_link_parse(h, &li) || !li.tb[IFLA_LINKINFO] || !li.li[IFLA_INFO_DATA] ||
	    nla_parse_nested(tb, tf->max, li.li[IFLA_INFO_DATA]) < 0)
		return 0;
	if (fill_addr(&t->sa, tb[tf->local], fam) || fill_addr(&t->da, tb[tf->remote], fam) ||
	    (fa->cls & CI && (fill_addr(&t->rd, tb[IFLA_IPTUN_6RD_PREFIX], AF_INET6) ||
			      fill_addr(&t->rdrelay, tb[IFLA_IPTUN_6RD_RELAY_PREFIX], AF_INET))))
		return 0;
	for (f = tf->fill; f->attr; f++)
		if (tb[f->attr] && nla_len(tb[f->attr]) >= f->size)
			memcpy((char *)t + f->off, nla_data(tb[f->attr]), f->size);
	if (fa->cls & CT && tb[IFLA_VTI_LINK] && nla_len(tb[IFLA_VTI_LINK]) >= 1)
		t->link = *(const uint8_t *)nla_data(tb[IFLA_VTI_LINK]);   /* iproute2 reads a u8 */
	if (fa->cls & CI) {
		t->rd.bitlen = U16(tb[IFLA_IPTUN_6RD_PREFIXLEN]);
		t->rdrelay.bitlen = U16(tb[IFLA_IPTUN_6RD_RELAY_PREFIXLEN]);
	}
	t->ignore_df = !!t->ignore_df;
	t->metadata = tf->metadata && tb[tf->metadata];
	fa->ok = 1;
	return 0;
}

static void tnl_init(struct tnl *t, const struct link_req *r, unsigned cls)
{
	memset(t, 0, sizeof(*t));
	t->pmtudisc = 1;
	t->erspan_ver = 1;
	if (cls & (C6 | CX)) {
		t->ttl = 64;
		t->elim = IPV6_DEFAULT_TNL_ENCAP_LIMIT;
		t->eflags = TUNNEL_ENCAP_FLAG_CSUM6;
	}
	if (r->index) {
		struct fill_arg fa = { t, cls, 0 };
		int err = rtnl_link_get(ip_sock(), NULL, r->index, 0, fill_cb, &fa);
		if (err)
			ip_report_nlerr(ip_sock(), err);
		if (!fa.ok)
			ip_fail(1, "Failed to get existing tunnel info.\n");
	}
}

/* ---- the words ---- */

static const uint16_t gre_bits[] = { GRE_KEY, GRE_SEQ, GRE_CSUM };

static void gre_flag(struct tnl *t, const struct tword *w, const char *arg)
{
	uint16_t bit = gre_bits[w->arg & 3];
	uint32_t key = 0;

	if (w->arg & G_ARG)
		key = tnl_key(kw_nth(tword_names, (unsigned)(w - twords)), arg);
	if (w->arg & G_I) {
		t->iflags = w->arg & G_SET ? t->iflags | bit : t->iflags & ~bit;
		if ((w->arg & 3) == G_KEY)
			t->ikey = key;
	}
	if (w->arg & G_O) {
		t->oflags = w->arg & G_SET ? t->oflags | bit : t->oflags & ~bit;
		if ((w->arg & 3) == G_KEY)
			t->okey = key;
	}
}

static void tos_word(struct tnl *t, unsigned cls, const char *s)
{
	uint32_t v;

	if (cls & (C6 | CX)) {
		tnl6_word(W6_TCLASS, s, &t->flowinfo, &t->flags, &t->elim);
	} else if (!strcmp(s, "inherit")) {
		t->tos = 1;
	} else {
		if ((NSBOX_FEATURE_IP_ROUTE || NSBOX_FEATURE_IP_MONITOR) ? rt_parse_dsfield(s, &v) :
		    parse_u32(s, &v, 16) || v > 255)
			ip_invarg("bad TOS value", s);
		t->tos = (uint8_t)v;
	}
}

/* The modes of ipip and sit (the first two sit's only), their protocols in lockstep (ip6tnl's:
 * tnl6_modes). */
static const char modes4[] =
	"ipv6/ipv4\0ip6ip\0ipv4/ipv4\0ipip\0ip4ip4\0mpls/ipv4\0mplsip\0any/ipv4\0any\0";
static const unsigned char protos4[] = { IPPROTO_IPV6, IPPROTO_IPV6, IPPROTO_IPIP, IPPROTO_IPIP,
					 IPPROTO_IPIP, IPPROTO_MPLS, IPPROTO_MPLS, 0, 0 };

static void mode_word(struct tnl *t, unsigned cls, const char *s)
{
	int i = kw_whole(cls & CX ? tnl6_modes : modes4, s);

	if (i < 0 || (cls & CX && i >= TNL6_KIND_MODES) || (cls & CI && !(cls & CS) && i < 2))
		ip_invarg("Cannot guess tunnel mode.", s);
	t->proto = (cls & CX ? tnl6_protos : protos4)[i];
}

/* The words that take no argument. */
static void flag_word(struct tnl *t, const struct tword *w)
{
	switch (w->code) {
	case W_GREF: gre_flag(t, w, NULL); break;
	case W_PMTU: t->pmtudisc = w->arg & 1; break;
	case W_ISATAP: t->sitflags |= SIT_ISATAP; break;
	case W_NOENCAP: t->etype = TUNNEL_ENCAP_NONE; break;
	case W_EFLAG:
		t->eflags = w->arg & E_SET ? t->eflags | (w->arg & 7) : t->eflags & ~(w->arg & 7);
		break;
	case W_EXTERNAL: t->metadata = 1; break;
	case W_IGNDF: t->ignore_df = w->arg; break;
	case W_RDRESET:
		inet_prefix_parse(&t->rd, "2002::/16", AF_INET6);
		memset(&t->rdrelay, 0, sizeof(t->rdrelay));
		break;
	case W_LOCALREMOTE:
		t->flags = w->arg ? t->flags | IP6_TNL_F_ALLOW_LOCAL_REMOTE :
			   t->flags & ~(uint32_t)IP6_TNL_F_ALLOW_LOCAL_REMOTE;
		break;
	}
}

/* The words with an argument s. */
static void arg_word(struct tnl *t, const struct tword *w, unsigned cls, const char *s)
{
	int fam = cls & CV6X ? AF_INET6 : AF_INET, i;
	uint32_t v;

	switch (w->code) {
	case W_GREF: gre_flag(t, w, s); break;
	case W_MODE: mode_word(t, cls, s); break;
	case W_REMOTE: ip_get_addr(&t->da, s, fam); break;
	case W_LOCAL: ip_get_addr(&t->sa, s, fam); break;
	case W_DEV:
		t->link = (uint32_t)ip_ll_index(s);
		if (!t->link)
			die(255, "Cannot find device \"%s\"\n", s);
		break;
	case W_TTL:
		t->ttl = strcmp(s, "inherit") ? (uint8_t)tnl_num(s, 0, 255, cls & (C6 | CX) ? "invalid HLIM\n" : "invalid TTL\n") : 0;
		break;
	case W_TOS: tos_word(t, cls, s); break;
	case W_ELIM:
	case W_FLOWLABEL:
	case W_DSCP:
		tnl6_word(w->code - W_ELIM, s, &t->flowinfo, &t->flags, &t->elim);
		break;
	case W_ENCAP:
		if ((i = kw_whole("none\0fou\0gue\0", s)) < 0)   /* TUNNEL_ENCAP_NONE, _FOU, _GUE */
			ip_invarg("Invalid encap type.", s);
		t->etype = (uint16_t)i;
		break;
	case W_ESPORT:
		t->esport = strcmp(s, "auto") ? (uint16_t)tnl_num(s, 0, 0xffff, "Invalid source port.") : 0;
		break;
	case W_EDPORT: t->edport = (uint16_t)tnl_num(s, 0, 0xffff, "Invalid destination port."); break;
	case W_RD:
		ip_get_prefix(&t->rd, s, AF_INET6);
		break;
	case W_RDRELAY:
		ip_get_prefix(&t->rdrelay, s, AF_INET);
		break;
	case W_FWMARK:
		if (cls & (C6 | CX) && !strcmp(s, "inherit")) {
			t->flags |= IP6_TNL_F_USE_ORIG_FWMARK;
			t->fwmark = 0;
		} else {
			t->fwmark = tnl_num(s, 0, 0xffffffffu, "invalid fwmark\n");
			t->flags &= ~(uint32_t)IP6_TNL_F_USE_ORIG_FWMARK;
		}
		break;
	case W_ERSPAN:
		v = tnl_num(s, 0, 0xffffffffu, "invalid erspan index\n");
		if (v & ~0xfffffu || !v)
			ip_invarg("erspan index must be > 0 and <= 20-bit\n", s);
		t->erspan_idx = v;
		break;
	case W_EVER:
		t->erspan_ver = (uint8_t)tnl_num(s, 0, 255, "invalid erspan version\n");
		if (t->erspan_ver > 2)
			ip_invarg("erspan version must be 0/1/2\n", s);
		break;
	case W_EDIR:
		if ((i = kw_index("ingress\0egress\0", s)) < 0)
			ip_invarg("Invalid erspan direction.", s);
		t->erspan_dir = (uint8_t)i;
		break;
	case W_EHWID: t->erspan_hwid = (uint16_t)tnl_num(s, 0, 0xffff, "invalid erspan hwid\n"); break;
	}
}

/* Words that take an argument. */
static int takes_arg(const struct tword *w)
{
	return w->code == W_GREF ? w->arg & G_ARG : w->code < W_PMTU;
}

/* ---- the attributes, in iproute2's order ---- */

static void put_encap(struct nlb *b, const struct tnl *t, int first)
{
	nlb_put_u16(b, (uint16_t)first, t->etype);
	nlb_put_u16(b, (uint16_t)(first + 1), t->eflags);
	nlb_put_u16(b, (uint16_t)(first + 2), htons(t->esport));
	nlb_put_u16(b, (uint16_t)(first + 3), htons(t->edport));
}

/* local and remote when set, as attributes local and local + 1 (all four kinds number them so),
 * len bytes each (0: their family's length). */
static void put_ends(struct nlb *b, const struct tnl *t, int local, size_t len)
{
	if (addr_set(&t->sa))
		nlb_put(b, (uint16_t)local, t->sa.data, len ? len : (size_t)inet_alen(t->sa.family));
	if (addr_set(&t->da))
		nlb_put(b, (uint16_t)(local + 1), t->da.data, len ? len : (size_t)inet_alen(t->da.family));
}

static void put_erspan(struct nlb *b, const struct tnl *t)
{
	nlb_put_u8(b, IFLA_GRE_ERSPAN_VER, t->erspan_ver);
	if (t->erspan_ver == 1 && t->erspan_idx) {
		nlb_put_u32(b, IFLA_GRE_ERSPAN_INDEX, t->erspan_idx);
	} else if (t->erspan_ver == 2) {
		nlb_put_u8(b, IFLA_GRE_ERSPAN_DIR, t->erspan_dir);
		nlb_put_u16(b, IFLA_GRE_ERSPAN_HWID, t->erspan_hwid);
	}
}

/* The attributes of a family that go out as they are, in iproute2's order. P_*: when a row goes
 * out (C4, C6: for those kinds only; NZ: when not 0), LSB: its lowest bit only (ignore-df);
 * ENDS: local and remote (put_ends), size being their length. */
enum { P_C4 = 1, P_C6 = 2, P_NZ = 4, P_LSB = 8, P_ENDS = 16 };
struct tput {
	unsigned char attr, off, size, when;
};
#define TP(a, f, w) { a, offsetof(struct tnl, f), sizeof(((struct tnl *)0)->f), w }
static const struct tput gre_put[] = {
	TP(IFLA_GRE_IKEY, ikey, 0), TP(IFLA_GRE_OKEY, okey, 0), TP(IFLA_GRE_IFLAGS, iflags, 0),
	TP(IFLA_GRE_OFLAGS, oflags, 0), { IFLA_GRE_LOCAL, 0, 0, P_ENDS },
	TP(IFLA_GRE_PMTUDISC, pmtudisc, P_C4), TP(IFLA_GRE_IGNORE_DF, ignore_df, P_C4 | P_NZ | P_LSB),
	TP(IFLA_GRE_TOS, tos, P_C4), TP(IFLA_GRE_LINK, link, P_NZ), TP(IFLA_GRE_TTL, ttl, 0),
	TP(IFLA_GRE_ENCAP_LIMIT, elim, P_C6), TP(IFLA_GRE_FLOWINFO, flowinfo, P_C6),
	TP(IFLA_GRE_FLAGS, flags, P_C6), TP(IFLA_GRE_FWMARK, fwmark, 0), { 0, 0, 0, 0 }
}, ip6tnl_put[] = {
	{ IFLA_IPTUN_LOCAL, 0, 16, P_ENDS }, TP(IFLA_IPTUN_TTL, ttl, 0),
	TP(IFLA_IPTUN_ENCAP_LIMIT, elim, 0), TP(IFLA_IPTUN_FLOWINFO, flowinfo, 0),
	TP(IFLA_IPTUN_FLAGS, flags, 0), TP(IFLA_IPTUN_LINK, link, 0), TP(IFLA_IPTUN_FWMARK, fwmark, 0),
	{ 0, 0, 0, 0 }
}, iptun_put[] = {
	{ IFLA_IPTUN_LOCAL, 0, 4, P_ENDS }, TP(IFLA_IPTUN_PMTUDISC, pmtudisc, 0), TP(IFLA_IPTUN_TOS, tos, 0),
	TP(IFLA_IPTUN_TTL, ttl, 0), TP(IFLA_IPTUN_LINK, link, 0), TP(IFLA_IPTUN_FWMARK, fwmark, 0),
	{ 0, 0, 0, 0 }
}, vti_put[] = {
	TP(IFLA_VTI_IKEY, ikey, 0), TP(IFLA_VTI_OKEY, okey, 0), { IFLA_VTI_LOCAL, 0, 0, P_ENDS },
	TP(IFLA_VTI_FWMARK, fwmark, 0), TP(IFLA_VTI_LINK, link, P_NZ), { 0, 0, 0, 0 }
};

static void put_rows(struct nlb *b, const struct tnl *t, const struct tput *p, unsigned cls)
{
	static const unsigned char zero[4];
	unsigned char v[4];

	for (; p->attr; p++) {
		if (p->when & P_ENDS) {
			put_ends(b, t, p->attr, p->size);
			continue;
		}
		memcpy(v, (const char *)t + p->off, p->size);
		if ((p->when & P_C4 && !(cls & C4)) || (p->when & P_C6 && !(cls & C6)) ||
		    (p->when & P_NZ && !memcmp(v, zero, p->size)))
			continue;
		if (p->when & P_LSB)
			v[0] &= 1;
		nlb_put(b, p->attr, v, p->size);
	}
}

static void put_gre(struct nlb *b, const struct tnl *t, unsigned cls)
{
	put_rows(b, t, gre_put, cls);
	if (cls & (CE | C6) && t->erspan_ver <= 2)
		put_erspan(b, t);
	put_encap(b, t, IFLA_GRE_ENCAP_TYPE);
}

static void put_iptun(struct nlb *b, const struct tnl *t, unsigned cls)
{
	put_rows(b, t, cls & CX ? ip6tnl_put : iptun_put, cls);
	put_encap(b, t, IFLA_IPTUN_ENCAP_TYPE);
	if (!(cls & CS))
		return;
	nlb_put_u16(b, IFLA_IPTUN_FLAGS, t->sitflags);
	if (t->rd.family == AF_INET6) {
		nlb_put(b, IFLA_IPTUN_6RD_PREFIX, t->rd.data, 16);
		nlb_put_u16(b, IFLA_IPTUN_6RD_PREFIXLEN, (uint16_t)t->rd.bitlen);
	}
	if (t->rdrelay.family == AF_INET) {
		nlb_put(b, IFLA_IPTUN_6RD_RELAY_PREFIX, t->rdrelay.data, 4);
		nlb_put_u16(b, IFLA_IPTUN_6RD_RELAY_PREFIXLEN, (uint16_t)t->rdrelay.bitlen);
	}
}

/* ---- geneve ---- */

NSBOX_USAGE(geneve_usage,
	"Usage: ... geneve id VNI\n"
	NSBOX_USAGE_MORE("\t\tremote ADDR\n"
	"\t\t[ ttl TTL ]\n"
	"\t\t[ tos TOS ]\n"
	"\t\t[ df DF ]\n"
	"\t\t[ flowlabel LABEL ]\n"
	"\t\t[ dstport PORT ]\n"
	"\t\t[ [no]external ]\n"
	"\t\t[ [no]udpcsum ]\n"
	"\t\t[ [no]udp6zerocsumtx ]\n"
	"\t\t[ [no]udp6zerocsumrx ]\n"
	"\t\t[ innerprotoinherit ]\n"
	"\n"
	"Where:\tVNI   := 0-16777215\n"
	"\tADDR  := IP_ADDRESS\n"
	"\tTOS   := { NUMBER | inherit }\n"
	"\tTTL   := { 1..255 | auto | inherit }\n"
	"\tDF    := { unset | set | inherit }\n"
	"\tLABEL := 0-1048575\n"));

/* geneve's and bareudp's words in iproute2's order (names in gword_names, bword_names); arg:
 * the flag's value, or 2 for a word with a value; key: the row whose name check_duparg says,
 * 0xff: the word; whole: only the whole word (else a prefix of it). */
static const char gword_names[] =
	"id\0vni\0remote\0ttl\0hoplimit\0tos\0dsfield\0df\0label\0flowlabel\0dstport\0external\0"
	"noexternal\0udpcsum\0noudpcsum\0udp6zerocsumtx\0noudp6zerocsumtx\0udp6zerocsumrx\0"
	"noudp6zerocsumrx\0innerprotoinherit\0";
static const struct gword {
	unsigned char attr, arg, whole, key;
} gwords[] = {
	{ IFLA_GENEVE_ID, 2, 0, 0 },	/* id */
	{ IFLA_GENEVE_ID, 2, 0, 0 },	/* vni */
	{ IFLA_GENEVE_REMOTE, 2, 0, 2 },	/* remote */
	{ IFLA_GENEVE_TTL, 2, 0, 3 },	/* ttl */
	{ IFLA_GENEVE_TTL, 2, 0, 3 },	/* hoplimit */
	{ IFLA_GENEVE_TOS, 2, 0, 5 },	/* tos */
	{ IFLA_GENEVE_TOS, 2, 0, 5 },	/* dsfield */
	{ IFLA_GENEVE_DF, 2, 0, 7 },	/* df */
	{ IFLA_GENEVE_LABEL, 2, 0, 9 },	/* label */
	{ IFLA_GENEVE_LABEL, 2, 0, 9 },	/* flowlabel */
	{ IFLA_GENEVE_PORT, 2, 0, 10 },	/* dstport */
	{ IFLA_GENEVE_COLLECT_METADATA, 1, 0, 0xff },	/* external */
	{ IFLA_GENEVE_COLLECT_METADATA, 0, 0, 0xff },	/* noexternal */
	{ IFLA_GENEVE_UDP_CSUM, 1, 0, 0xff },	/* udpcsum */
	{ IFLA_GENEVE_UDP_CSUM, 0, 0, 0xff },	/* noudpcsum */
	{ IFLA_GENEVE_UDP_ZERO_CSUM6_TX, 1, 0, 0xff },	/* udp6zerocsumtx */
	{ IFLA_GENEVE_UDP_ZERO_CSUM6_TX, 0, 0, 0xff },	/* noudp6zerocsumtx */
	{ IFLA_GENEVE_UDP_ZERO_CSUM6_RX, 1, 0, 0xff },	/* udp6zerocsumrx */
	{ IFLA_GENEVE_UDP_ZERO_CSUM6_RX, 0, 0, 0xff },	/* noudp6zerocsumrx */
	{ IFLA_GENEVE_INNER_PROTO_INHERIT, 1, 1, 0xff }	/* innerprotoinherit */
};

static const char df_names[] = "unset\0set\0inherit\0";

/* iproute2's is_addrtype_inet: an address, 0.0.0.0 and :: too, but not "any". */
static int geneve_addr(const struct inet_prefix *p)
{
	return (p->family == AF_INET || p->family == AF_INET6) && !(p->flags & PFX_ANY);
}

/* What the words of geneve or bareudp say. */
struct kopts {
	struct inet_prefix da;
	uint64_t seen;
	uint32_t vni, label;
	uint16_t port, etype, srcmin;
	uint8_t ttl, tos, val[IFLA_GENEVE_MAX + 1];
};

/* The names of iproute2's ll_proto table that a bareudp device can carry (the kernel takes
 * no other ethertype), in its order: the first of a number names it. */
static const char ethertype_names[] = "ip\0ipv6\0mpls_uc\0mpls_mc\0ipv4\0";
static const uint16_t ethertypes[] = { 0x0800, 0x86dd, 0x8847, 0x8848, 0x0800 };

/* A word with a value s of geneve, or of bareudp (B(attr)); geneve's TTL_INHERIT and DF go out
 * at once, as iproute2 puts them. */
#define B(attr) (32 + (attr))   /* bareudp's */
static void kind_arg(struct nlb *b, struct kopts *g, unsigned attr, const char *s)
{
	uint32_t v;

	switch (attr) {
	case IFLA_GENEVE_ID:
		if (parse_u32(s, &g->vni, 0) || g->vni >= 1u << 24)
			ip_invarg("invalid id", s);
		break;
	case IFLA_GENEVE_REMOTE:
		ip_get_addr(&g->da, s, AF_UNSPEC);
		if (!geneve_addr(&g->da) || (g->da.family == AF_INET ? (g->da.data[0] & 0xf0) == 0xe0 : g->da.data[0] == 0xff))
			ip_invarg("invalid remote address", s);
		break;
	case IFLA_GENEVE_TTL:
		if (!strcmp(s, "inherit")) {
			nlb_put_u8(b, IFLA_GENEVE_TTL_INHERIT, 1);
		} else if (strcmp(s, "auto")) {
			if (parse_u32(s, &v, 0))
				ip_invarg("invalid TTL", s);
			if (v > 255)
				ip_invarg("TTL must be <= 255", s);
			g->ttl = (uint8_t)v;
		}
		break;
	case IFLA_GENEVE_TOS:
		g->tos = 1;
		if (strcmp(s, "inherit")) {
			if ((NSBOX_FEATURE_IP_ROUTE || NSBOX_FEATURE_IP_MONITOR) ? rt_parse_dsfield(s, &v) :
			    parse_u32(s, &v, 16) || v > 255)
				ip_invarg("bad TOS value", s);
			g->tos = (uint8_t)v;
		}
		break;
	case IFLA_GENEVE_DF:
		v = (uint32_t)kw_whole(df_names, s);
		if (v == (uint32_t)-1)
			ip_invarg("DF must be 'unset', 'set' or 'inherit'", s);
		nlb_put_u8(b, IFLA_GENEVE_DF, (uint8_t)v);
		break;
	case IFLA_GENEVE_LABEL:
		if (parse_u32(s, &v, 0) || v & ~0xfffffu)
			ip_invarg("invalid flowlabel", s);
		g->label = htonl(v);
		break;
	case IFLA_GENEVE_PORT:
	case B(IFLA_BAREUDP_PORT):
		g->port = (uint16_t)tnl_num(s, 0, 0xffff, "dstport");
		break;
	case B(IFLA_BAREUDP_ETHERTYPE):
		v = (uint32_t)kw_whole_case(ethertype_names, s);
		g->etype = v != (uint32_t)-1 ? ethertypes[v] : (uint16_t)tnl_num(s, 0, 0xffff, "ethertype");
		break;
	case B(IFLA_BAREUDP_SRCPORT_MIN):
		g->srcmin = (uint16_t)tnl_num(s, 0, 0xffff, "srcportmin");
		break;
	}
}

static void kind_words(struct nlb *b, struct kopts *g, int o, int argc, char **argv);

static void geneve_parse(struct nlb *b, const struct link_req *r, int argc, char **argv)
{
	static const unsigned char flags[] = { IFLA_GENEVE_UDP_CSUM, IFLA_GENEVE_UDP_ZERO_CSUM6_TX,
					       IFLA_GENEVE_UDP_ZERO_CSUM6_RX };
	static struct kopts g;
	int set_op = r->index != 0, meta;
	unsigned i;

	kind_words(b, &g, 0, argc, argv);
	meta = g.val[IFLA_GENEVE_COLLECT_METADATA];
	if (meta && g.seen >> IFLA_GENEVE_ID & 1)
		ip_fail(1, "geneve: both 'external' and vni cannot be specified\n");
	if (!meta && !(g.seen >> IFLA_GENEVE_ID & 1))
		ip_fail(1, "geneve: missing virtual network identifier\n");
	if (!meta && !set_op && !geneve_addr(&g.da))
		ip_fail(1, "geneve: remote link partner not specified\n");
	nlb_put_u32(b, IFLA_GENEVE_ID, g.vni);
	if (geneve_addr(&g.da))
		nlb_put(b, g.da.family == AF_INET ? IFLA_GENEVE_REMOTE : IFLA_GENEVE_REMOTE6, g.da.data,
			(size_t)inet_alen(g.da.family));
	if (!set_op || g.seen >> IFLA_GENEVE_LABEL & 1)
		nlb_put_u32(b, IFLA_GENEVE_LABEL, g.label);
	if (!set_op || g.seen >> IFLA_GENEVE_TTL & 1)
		nlb_put_u8(b, IFLA_GENEVE_TTL, g.ttl);
	if (!set_op || g.seen >> IFLA_GENEVE_TOS & 1)
		nlb_put_u8(b, IFLA_GENEVE_TOS, g.tos);
	if (g.port)
		nlb_put_u16(b, IFLA_GENEVE_PORT, htons(g.port));
	if (meta)
		nlb_put(b, IFLA_GENEVE_COLLECT_METADATA, NULL, 0);
	if (g.val[IFLA_GENEVE_INNER_PROTO_INHERIT])
		nlb_put(b, IFLA_GENEVE_INNER_PROTO_INHERIT, NULL, 0);
	for (i = 0; i < 3; i++)
		if (g.seen >> flags[i] & 1)
			nlb_put_u8(b, flags[i], g.val[flags[i]]);
}

/* ---- bareudp and xfrm ---- */

NSBOX_USAGE(bareudp_usage,
	"Usage: ... bareudp dstport PORT\n"
	"		ethertype PROTO\n"
	"		[ srcportmin PORT ]\n"
	"		[ [no]multiproto ]\n"
	"\n"
	"Where:	PORT  := UDP_PORT\n"
	"	PROTO := ETHERTYPE\n"
	"\n"
	"Note: ETHERTYPE can be given as number or as protocol name (\"ipv4\", \"ipv6\",\n"
	"      \"mpls_uc\", etc.).\n");

static const char bword_names[] = "dstport\0ethertype\0srcportmin\0multiproto\0nomultiproto\0";
static const struct gword bwords[] = {
	{ IFLA_BAREUDP_PORT, 2, 0, 0 },	/* dstport */
	{ IFLA_BAREUDP_ETHERTYPE, 2, 0, 1 },	/* ethertype */
	{ IFLA_BAREUDP_SRCPORT_MIN, 2, 0, 2 },	/* srcportmin */
	{ IFLA_BAREUDP_MULTIPROTO_MODE, 1, 0, 0xff },	/* multiproto */
	{ IFLA_BAREUDP_MULTIPROTO_MODE, 0, 0, 0xff },	/* nomultiproto */
};

/* The words of geneve (o 0) or bareudp (1) into g: a flag's value in val[attr], the others
 * through kind_arg; seen, the attributes said (twice: check_duparg's message). */
static void kind_words(struct nlb *b, struct kopts *g, int o, int argc, char **argv)
{
	const char *names = o ? bword_names : gword_names, *n;
	const struct gword *w;

	memset(g, 0, sizeof(*g));
	for (; argc > 0; argc--, argv++) {
		for (n = names, w = o ? bwords : gwords; *n && !(w->whole ? !strcmp(*argv, n) : kw_is(*argv, n));
		     n += kw_skip(n), w++)
			;
		if (!*n) {
			if (!kw_is(*argv, "help"))
				errf("%s: unknown command \"%s\"?\n", kw_nth(okind_names, (unsigned)o), *argv);
			ip_fail(1, "%s", USAGE_TEXT(o ? bareudp_usage : geneve_usage));
		}
		if (w->arg == 2)
			NEXT_ARG();
		if (g->seen >> w->attr & 1)
			ip_duparg2(w->key != 0xff ? kw_nth(names, w->key) : *argv, *argv);
		g->seen |= 1ull << w->attr;
		if (w->arg == 2)
			kind_arg(b, g, (unsigned)o * 32 + w->attr, *argv);
		else
			g->val[w->attr] = w->arg;
	}
}

static void bareudp_parse(struct nlb *b, int argc, char **argv)
{
	static struct kopts g;

	kind_words(b, &g, 1, argc, argv);
	if (!(g.seen >> IFLA_BAREUDP_PORT & 1))
		die(255, "Error: argument \"%s\" is required\n", "dstport");
	if (!(g.seen >> IFLA_BAREUDP_ETHERTYPE & 1))
		die(255, "Error: argument \"%s\" is required\n", "ethertype");
	nlb_put_u16(b, IFLA_BAREUDP_PORT, htons(g.port));
	nlb_put_u16(b, IFLA_BAREUDP_ETHERTYPE, htons(g.etype));
	if (g.seen >> IFLA_BAREUDP_SRCPORT_MIN & 1)
		nlb_put_u16(b, IFLA_BAREUDP_SRCPORT_MIN, g.srcmin);
	if (g.val[IFLA_BAREUDP_MULTIPROTO_MODE])
		nlb_put(b, IFLA_BAREUDP_MULTIPROTO_MODE, NULL, 0);
}

NSBOX_USAGE(xfrm_usage,
	"Usage: ... xfrm dev [ PHYS_DEV ] [ if_id IF-ID ]\n"
	"		[ external ]\n\nWhere: IF-ID := { 0x1..0xffffffff }\n");

static void xfrm_parse(struct nlb *b, int argc, char **argv)
{
	uint32_t link = 0, id = 0;
	int meta = 0;

	for (; argc > 0; argc--, argv++) {
		if (kw_is(*argv, "dev")) {
			NEXT_ARG();
			if (!(link = (uint32_t)ip_ll_index(*argv)))
				die(255, "Cannot find device \"%s\"\n", *argv);
		} else if (kw_is(*argv, "if_id")) {
			NEXT_ARG();
			if (parse_u32(*argv, &id, 0) || !id)
				ip_invarg("if_id value is invalid", *argv);
			nlb_put_u32(b, IFLA_XFRM_IF_ID, id);
		} else if (!strcmp(*argv, "external")) {
			meta = 1;
		} else {
			ip_fail(1, "%s", USAGE_TEXT(xfrm_usage));
		}
	}
	if (meta) {
		if (id || link)
			ip_fail(1, "xfrmi: both 'external' and if_id/link cannot be specified\n");
		nlb_put(b, IFLA_XFRM_COLLECT_METADATA, NULL, 0);
		return;
	}
	if (!id)
		die(255, "Error: argument \"%s\" is required\n", "IF_ID");
	if (link)
		nlb_put_u32(b, IFLA_XFRM_LINK, link);
}

int tunnel_kind_parse(struct nlb *b, struct link_req *r, int argc, char **argv)
{
	unsigned cls = tkind(r->kind);
	static struct tnl t;

	int o = kw_whole(okind_names, r->kind);

	if (o == 0)
		geneve_parse(b, r, argc, argv);
	else if (o > 0)
		(o == 1 ? bareudp_parse : xfrm_parse)(b, argc, argv);
	if (o >= 0)
		return 0;
	if (!cls)
		return -1;
	tnl_init(&t, r, cls);
	for (; argc > 0; argc--, argv++) {
		const struct tword *w = tword_find(*argv, cls);

		if (!w)
			tunnel_usage(cls, r->kind);
		if (!takes_arg(w)) {
			flag_word(&t, w);
			continue;
		}
		NEXT_ARG();
		arg_word(&t, w, cls, *argv);
	}
	if (cls & C4 && addr_set(&t.da) && (t.da.data[0] & 0xf0) == 0xe0) {
		uint32_t key;
		memcpy(&key, t.da.data, 4);
		if (!t.ikey)
			t.ikey = key, t.iflags |= GRE_KEY;
		if (!t.okey)
			t.okey = key, t.oflags |= GRE_KEY;
		if (!addr_set(&t.sa))
			ip_fail(1, "A broadcast tunnel requires a source address.\n");
	}
	if (cls & CI && t.ttl && !t.pmtudisc)
		die(255, "ttl != 0 and nopmtudisc are incompatible\n");
	if (cls & (CI | CX))
		nlb_put_u8(b, IFLA_IPTUN_PROTO, t.proto);
	if (cls & CT)
		put_rows(b, &t, vti_put, cls);
	else if (t.metadata)
		nlb_put(b, cls & (CI | CX) ? IFLA_IPTUN_COLLECT_METADATA : IFLA_GRE_COLLECT_METADATA, NULL, 0);
	else if (cls & (CI | CX))
		put_iptun(b, &t, cls);
	else
		put_gre(b, &t, cls);
	return 0;
}

/* ---- -d ---- */

/* "KEY VALUE " in text, KEY: VALUE in JSON; v NULL: the number u. */
static void pr_kv(const char *key, const char *v, unsigned u)
{
	char f[24];

	bfmt(f, sizeof(f), v ? "%s %%s " : "%s %%u ", key);
	if (v)
		pr_str(PR_ANY, key, f, v);
	else
		pr_uint(PR_ANY, key, f, u);
}

/* The same with a hex number (fmt NULL) or another text. */
static void pr_hex(const char *key, const char *fmt, unsigned v)
{
	char b[16];

	bfmt(b, sizeof(b), "%#x", v);
	if (fmt)
		pr_str(PR_ANY, key, fmt, b);
	else
		pr_kv(key, b, 0);
}

/* tnl_print_endpoint */
static void pr_endpoint(const char *name, const struct nlattr *a, int family)
{
	static const unsigned char zero[16];
	char b[PR_HOSTSZ];
	const char *v = "any";

	if (a && nla_len(a) != (size_t)inet_alen(family))   /* family's length is 4 or 16 */
		v = "unknown";
	else if (a && memcmp(nla_data(a), zero, nla_len(a)))
		v = fmt_host(family, nla_data(a), nla_len(a), b);
	pr_kv(name, v, 0);
}

static void pr_link_dev(const struct nlattr *a)
{
	uint32_t link = U32(a);

	if (link)
		pr_str(PR_ANY, "link", "dev %s ", ifname_of((int)link));
}

/* tos when not 0 (1: inherit, in text) */
static void pr_tos(const struct nlattr *a)
{
	uint8_t tos = U8(a);

	if (tos && (pr_json() || tos != 1))
		pr_hex("tos", NULL, tos);
	else if (tos)
		pr_text("tos inherit ");
}

/* ttl a: its number (always in JSON), else the text zero */
static void pr_ttl(const struct nlattr *a, const char *zero)
{
	uint8_t ttl = U8(a);

	if (pr_json() || ttl)
		pr_kv("ttl", NULL, ttl);
	else
		pr_text("%s", zero);
}

/* ikey (i 0) or okey a */
static void pr_key(unsigned i, const struct nlattr *a)
{
	char b[PR_ADDRSZ];

	pr_str(PR_ANY, i ? "okey" : "ikey", i ? "okey %s " : "ikey %s ", fmt_inet(AF_INET, nla_data(a), 4, b));
}

/* tnl_print_encap */
static void pr_encap(struct nlattr **tb, int first)
{
	static const char flag[] = "csum\0csum6\0remcsum\0";
	uint16_t type, flags, sport, dport;
	unsigned i;

	if (!tb[first] || (type = U16(tb[first])) == TUNNEL_ENCAP_NONE)
		return;
	flags = U16(tb[first + 1]);
	sport = ntohs(U16(tb[first + 2]));
	dport = ntohs(U16(tb[first + 3]));
	pr_obj_open("encap");
	pr_text("encap ");
	if (type == TUNNEL_ENCAP_FOU || type == TUNNEL_ENCAP_GUE)
		pr_str(PR_ANY, "type", "%s ", type == TUNNEL_ENCAP_FOU ? "fou" : "gue");
	else if (pr_json())
		pr_null("type");
	else
		pr_text("unknown ");
	if (pr_json()) {
		pr_uint(PR_JSON, "sport", NULL, sport);
		pr_uint(PR_JSON, "dport", NULL, dport);
		for (i = 0; i < 3; i++)
			pr_bool(PR_JSON, kw_nth(flag, i), NULL, flags >> i & 1);
	} else {
		if (sport)
			pr_text("encap-sport %u ", sport);
		else
			pr_text("encap-sport auto ");
		pr_text("encap-dport %u ", dport);
		for (i = 0; i < 3; i++)
			pr_text("%sencap-%s ", flags >> i & 1 ? "" : "no", kw_nth(flag, i));
	}
	pr_obj_close();
}

static void pr_gre_keys(struct nlattr **tb)
{
	static const char names[] = "iseq\0oseq\0icsum\0ocsum\0";
	uint16_t f[2] = { U16(tb[IFLA_GRE_IFLAGS]), U16(tb[IFLA_GRE_OFLAGS]) };
	char t[8];
	unsigned i;

	for (i = 0; i < 2; i++)
		if (f[i] & GRE_KEY && tb[IFLA_GRE_IKEY + i] && nla_len(tb[IFLA_GRE_IKEY + i]) >= 4)
			pr_key(i, tb[IFLA_GRE_IKEY + i]);
	for (i = 0; i < 4; i++)
		if (f[i & 1] & (i < 2 ? GRE_SEQ : GRE_CSUM)) {
			bfmt(t, sizeof(t), "%s ", kw_nth(names, i));
			pr_bool(PR_ANY, kw_nth(names, i), t, 1);
		}
}

static void pr_erspan(struct nlattr **tb)
{
	if (tb[IFLA_GRE_ERSPAN_INDEX])
		pr_kv("erspan_index", NULL, U32(tb[IFLA_GRE_ERSPAN_INDEX]));
	if (tb[IFLA_GRE_ERSPAN_VER])
		pr_kv("erspan_ver", NULL, U8(tb[IFLA_GRE_ERSPAN_VER]));
	if (tb[IFLA_GRE_ERSPAN_DIR])
		pr_kv("erspan_dir", U8(tb[IFLA_GRE_ERSPAN_DIR]) ? "egress" : "ingress", 0);
	if (tb[IFLA_GRE_ERSPAN_HWID])
		pr_hex("erspan_hwid", NULL, U16(tb[IFLA_GRE_ERSPAN_HWID]));
}

static void pr_flag6(uint32_t flags, uint32_t bit, const char *key, const char *text)
{
	if (flags & bit)
		pr_bool(PR_ANY, key, text, 1);
}

/* hoplimit, encaplimit, tclass, flowlabel, dscp of ip6gre and ip6tnl: their attributes. */
static void pr_ip6_mid(const struct nlattr *ttl_a, const struct nlattr *elim, const struct nlattr *fia,
		       uint32_t flags)
{
	uint32_t fi = ntohl(U32(fia));
	uint8_t ttl = U8(ttl_a);
	char b[16];

	if (pr_json() || ttl)
		pr_uint(PR_ANY, "ttl", "hoplimit %u ", ttl);
	else
		pr_text("hoplimit inherit ");
	if (flags & IP6_TNL_F_IGN_ENCAP_LIMIT)
		pr_bool(PR_ANY, "ip6_tnl_f_ign_encap_limit", "encaplimit none ", 1);
	else if (elim)
		pr_uint(PR_ANY, "encap_limit", "encaplimit %u ", U8(elim));
	if (flags & IP6_TNL_F_USE_ORIG_TCLASS) {
		pr_bool(PR_ANY, "ip6_tnl_f_use_orig_tclass", "tclass inherit ", 1);
	} else if (fia) {
		bfmt(b, sizeof(b), "0x%02x", (fi & 0x0ff00000) >> 20);
		pr_kv("tclass", b, 0);
	}
	if (flags & IP6_TNL_F_USE_ORIG_FLOWLABEL) {
		pr_bool(PR_ANY, "ip6_tnl_f_use_orig_flowlabel", "flowlabel inherit ", 1);
	} else if (fia) {
		bfmt(b, sizeof(b), "0x%05x", fi & 0xfffff);
		pr_kv("flowlabel", b, 0);
	}
	pr_flag6(flags, IP6_TNL_F_RCV_DSCP_COPY, "ip6_tnl_f_rcv_dscp_copy", "dscp inherit ");
}

/* gre, gretap, erspan, ip6gre..., ipip, sit, ip6tnl, vti and vti6, their attributes named by
 * their family's row. */
static void pr_tnl(struct nlattr **tb, unsigned cls)
{
	static const char protos[] = "any\0ipip\0ip6ip\0mplsip\0ipip6\0ip6ip6\0";
	const struct tfam *tf = tfam_of(cls);
	int v6 = cls & CV6X, p;
	uint32_t flags = U32(tb[tf->elim + 2]);
	char b[PR_ADDRSZ], h[PR_HOSTSZ];
	uint16_t plen;
	uint32_t relay;

	if (tb[tf->metadata])
		pr_bool(PR_ANY, "external", "external ", 1);
	if (cls & (CI | CX) && tb[IFLA_IPTUN_PROTO]) {
		p = U8(tb[IFLA_IPTUN_PROTO]);
		p = p == 0 ? 0 : p == IPPROTO_IPIP ? 1 : p == IPPROTO_IPV6 ? 2 :
		    p == IPPROTO_MPLS && cls & CI ? 3 : -1;
		if (p >= 0)
			pr_str(PR_ANY, "proto", "%s ", kw_nth(protos, (unsigned)(cls & CX && p ? p + 3 : p)));
	}
	pr_endpoint("remote", tb[tf->remote], v6 ? AF_INET6 : AF_INET);
	pr_endpoint("local", tb[tf->local], v6 ? AF_INET6 : AF_INET);
	pr_link_dev(tb[IFLA_GRE_LINK]);
	if (cls & CT) {
		for (p = 0; p < 2; p++)
			if (U32(tb[IFLA_VTI_IKEY + p]))
				pr_key((unsigned)p, tb[IFLA_VTI_IKEY + p]);
	} else if (v6) {
		pr_ip6_mid(tb[tf->ttl], tb[tf->elim], tb[tf->elim + 1], flags);
	} else {
		pr_ttl(tb[tf->ttl], "ttl inherit ");
		pr_tos(tb[tf->ttl + 1]);
		p = U8(tb[IFLA_GRE_PMTUDISC]) != 0;   /* IFLA_IPTUN_PMTUDISC too */
		if (cls & CI || tb[IFLA_GRE_PMTUDISC])
			pr_bool(p && !(cls & CI) ? PR_JSON : PR_ANY, "pmtudisc", p ? "pmtudisc " : "nopmtudisc ", p);
		if (!(cls & CI) && U8(tb[IFLA_GRE_IGNORE_DF]))
			pr_bool(PR_ANY, "ignore_df", "ignore-df ", 1);
	}
	if (cls & CI) {
		if (U16(tb[IFLA_IPTUN_FLAGS]) & SIT_ISATAP)
			pr_bool(PR_ANY, "isatap", "isatap ", 1);
		if ((plen = U16(tb[IFLA_IPTUN_6RD_PREFIXLEN])) && tb[IFLA_IPTUN_6RD_PREFIX] &&
		    nla_len(tb[IFLA_IPTUN_6RD_PREFIX]) >= 16) {
			relay = U32(tb[IFLA_IPTUN_6RD_RELAY_PREFIX]);
			fmt_inet(AF_INET6, nla_data(tb[IFLA_IPTUN_6RD_PREFIX]), 16, b);
			pr_str(PR_JSON, "prefix", NULL, b);
			pr_int(PR_JSON, "prefixlen", NULL, plen);
			pr_text("6rd-prefix %s/%u ", b, plen);
			if (relay) {
				fmt_host(AF_INET, &relay, 4, h);
				pr_str(PR_JSON, "relay_prefix", NULL, h);
				pr_int(PR_JSON, "relay_prefixlen", NULL, U16(tb[IFLA_IPTUN_6RD_RELAY_PREFIXLEN]));
				pr_text("6rd-relay_prefix %s/%u ", h, U16(tb[IFLA_IPTUN_6RD_RELAY_PREFIXLEN]));
			}
		}
	}
	if (cls & (C4 | C6))
		pr_gre_keys(tb);
	if (cls & CX)
		pr_flag6(flags, IP6_TNL_F_MIP6_DEV, "ip6_tnl_f_mip6_dev", "mip6 ");
	if (cls & (C6 | CX))
		pr_flag6(flags, IP6_TNL_F_ALLOW_LOCAL_REMOTE, "ip6_tnl_f_allow_local_remote", "allow-localremote ");
	if (cls & (C6 | CX) && flags & IP6_TNL_F_USE_ORIG_FWMARK)
		pr_bool(PR_ANY, "ip6_tnl_f_use_orig_fwmark", "fwmark inherit ", 1);
	else if (U32(tb[tf->fwmark]))
		pr_hex("fwmark", NULL, U32(tb[tf->fwmark]));
	if (cls & (C4 | C6))
		pr_erspan(tb);
	if (!(cls & CT))
		pr_encap(tb, tf->encap);
}

static void pr_geneve(struct nlattr **tb)
{
	static const unsigned char flags[] = { IFLA_GENEVE_UDP_CSUM, IFLA_GENEVE_UDP_ZERO_CSUM6_TX,
					       IFLA_GENEVE_UDP_ZERO_CSUM6_RX };
	static const char fkeys[] = "udp_csum\0udpcsum \0udp_zero_csum6_tx\0udp6zerocsumtx \0"
				    "udp_zero_csum6_rx\0udp6zerocsumrx \0";
	const unsigned char *a6;
	char b[PR_HOSTSZ];
	uint32_t v;
	uint8_t u;
	unsigned i;

	if (tb[IFLA_GENEVE_COLLECT_METADATA])
		pr_bool(PR_ANY, "external", "external ", 1);
	if (tb[IFLA_GENEVE_ID] && nla_len(tb[IFLA_GENEVE_ID]) >= 4)
		pr_kv("id", NULL, U32(tb[IFLA_GENEVE_ID]));
	if (tb[IFLA_GENEVE_REMOTE]) {
		v = U32(tb[IFLA_GENEVE_REMOTE]);
		if (v)
			pr_kv("remote", fmt_host(AF_INET, &v, 4, b), 0);
	} else if (tb[IFLA_GENEVE_REMOTE6] && nla_len(tb[IFLA_GENEVE_REMOTE6]) >= 16) {
		a6 = nla_data(tb[IFLA_GENEVE_REMOTE6]);
		if (memcmp(a6, (const unsigned char[16]){ 0 }, 16) && a6[0] != 0xff)
			pr_str(PR_ANY, "remote6", "remote %s ", fmt_host(AF_INET6, a6, 16, b));
	}
	if (U8(tb[IFLA_GENEVE_TTL_INHERIT]))
		pr_text("ttl inherit ");
	else if (tb[IFLA_GENEVE_TTL])
		pr_ttl(tb[IFLA_GENEVE_TTL], "ttl auto ");
	pr_tos(tb[IFLA_GENEVE_TOS]);
	if (tb[IFLA_GENEVE_DF] && (u = U8(tb[IFLA_GENEVE_DF])) < 3)
		pr_str(u ? PR_ANY : PR_JSON, "df", "df %s ", kw_nth(df_names, u));
	if (U32(tb[IFLA_GENEVE_LABEL]))
		pr_hex("label", "flowlabel %s ", ntohl(U32(tb[IFLA_GENEVE_LABEL])));
	if (tb[IFLA_GENEVE_PORT])
		pr_uint(PR_ANY, "port", "dstport %u ", ntohs(U16(tb[IFLA_GENEVE_PORT])));
	for (i = 0; i < 3; i++)
		if (tb[flags[i]]) {
			u = U8(tb[flags[i]]);
			pr_bool(PR_JSON, kw_nth(fkeys, 2 * i), NULL, u);
			pr_text("%s%s", u ? "" : "no", kw_nth(fkeys, 2 * i + 1));
		}
	if (tb[IFLA_GENEVE_INNER_PROTO_INHERIT])
		pr_bool(PR_ANY, "inner_proto_inherit", "innerprotoinherit ", 1);
}

static void pr_bareudp(struct nlattr **tb)
{
	char b[16];
	const char *n = b;
	unsigned v;

	if (tb[IFLA_BAREUDP_PORT])
		pr_kv("dstport", NULL, ntohs(U16(tb[IFLA_BAREUDP_PORT])));
	if (tb[IFLA_BAREUDP_ETHERTYPE]) {
		v = ntohs(U16(tb[IFLA_BAREUDP_ETHERTYPE]));
		bfmt(b, sizeof(b), "[%u]", v);
		for (unsigned i = 0; !ipo.numeric && i < sizeof(ethertypes) / sizeof(ethertypes[0]); i++)
			if (ethertypes[i] == v) {
				n = kw_nth(ethertype_names, i);
				break;
			}
		pr_kv("ethertype", n, 0);
	}
	if (tb[IFLA_BAREUDP_SRCPORT_MIN])
		pr_kv("srcportmin", NULL, U16(tb[IFLA_BAREUDP_SRCPORT_MIN]));
	v = tb[IFLA_BAREUDP_MULTIPROTO_MODE] != NULL;
	pr_bool(PR_ANY, "multiproto", v ? "multiproto " : "nomultiproto ", (int)v);
}

static void pr_xfrm(struct nlattr **tb)
{
	if (tb[IFLA_XFRM_COLLECT_METADATA])
		pr_bool(PR_ANY, "external", "external ", 1);
	else if (tb[IFLA_XFRM_IF_ID])
		pr_hex("if_id", NULL, U32(tb[IFLA_XFRM_IF_ID]));
}

/* Their IFLA_*_MAX, in lockstep with okind_names. */
static const unsigned char okind_max[] = { IFLA_GENEVE_MAX, IFLA_BAREUDP_MAX, IFLA_XFRM_MAX };

int tunnel_kind_print(const char *kind, const char *key, const struct nlattr *data)
{
	unsigned cls = tkind(kind);
	struct nlattr *tb[IFLA_GRE_MAX + IFLA_IPTUN_MAX + 1];
	int o = kw_whole(okind_names, kind);

	if (!cls && o < 0)
		return 0;
	memset(tb, 0, sizeof(tb));
	if (data && nla_parse_nested(tb, o >= 0 ? okind_max[o] : tfam_of(cls)->max, data) < 0)
		return 1;
	pr_obj_open(key);
	if (data && o >= 0)
		(o == 0 ? pr_geneve : o == 1 ? pr_bareudp : pr_xfrm)(tb);
	else if (data)
		pr_tnl(tb, cls);
	pr_obj_close();
	return 1;
}
