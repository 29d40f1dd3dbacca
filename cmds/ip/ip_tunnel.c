/* ip tunnel: IPv4 tunnels of the modes ipip, gre, sit, isatap and vti over the ioctls of their
 * base devices (tunl0, gre0, sit0, ip_vti0), as iproute2 6.1's ip tunnel does add, change, del
 * and show (its words, messages, exit codes, and its listing in text, -o, -j and -s); and ip -6
 * tunnel, its ip6tunnel.c: modes ip6ip6, ip4ip6, vti6, ip6gre and any over ip6tnl0, ip6_vti0 and
 * ip6gre0 with struct ip6_tnl_parm2. The prl and 6rd commands are not in nsbox. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stddef.h>
#include <string.h>
#include <linux/if_arp.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <linux/snmp.h>
#include <linux/sockios.h>
#include "inet.h"
#include "ip.h"
#include "ip_print.h"
#include "ip_route.h"
#include "ip_tunnel.h"
#include "out.h"
#include "scan.h"
#include "sys.h"

#define TNL_DF htons(0x4000)   /* IP_DF in frag_off */

NSBOX_USAGE(tunnel_usage,
	"Usage: ip tunnel { add | change | del | show | prl | 6rd } [ NAME ]\n"
	NSBOX_USAGE_MORE("        [ mode { gre | ipip | isatap | sit | vti } ]\n"
	"        [ remote ADDR ] [ local ADDR ]\n"
	"        [ [i|o]seq ] [ [i|o]key KEY ] [ [i|o]csum ]\n"
	"        [ prl-default ADDR ] [ prl-nodefault ADDR ] [ prl-delete ADDR ]\n"
	"        [ 6rd-prefix ADDR ] [ 6rd-relay_prefix ADDR ] [ 6rd-reset ]\n"
	"        [ ttl TTL ] [ tos TOS ] [ [no]pmtudisc ] [ dev PHYS_DEV ]\n"
	"\n"
	"Where: NAME := STRING\n"
	"       ADDR := { IP_ADDRESS | any }\n"
	"       TOS  := { STRING | 00..ff | inherit | inherit/STRING | inherit/00..ff }\n"
	"       TTL  := { 1..255 | inherit }\n"
	"       KEY  := { DOTTED_QUAD | NUMBER }\n"));

static _Noreturn void usage(void)
{
	ip_usage_exit(tunnel_usage);
}

/* get_addr32: an IPv4 address or any/default/all (0). */
static uint32_t addr32(const char *s)
{
	struct inet_prefix p;
	uint32_t a = 0;

	if (inet_addr_parse(&p, s, AF_INET))
		die(1, "Error: an IP address is expected rather than \"%s\"\n", s);
	if (p.bytelen == 4)
		memcpy(&a, p.data, 4);
	return a;
}

static void set_proto(struct ip_tunnel_parm *p, int proto)
{
	if (p->iph.protocol && p->iph.protocol != proto)
		die(255, "You managed to ask for more than one tunnel mode.\n");
	p->iph.protocol = (uint8_t)proto;
}

/* check_ifname */
static int bad_ifname(const char *s)
{
	if (!*s || strlen(s) >= IFNAMSIZ)
		return 1;
	for (; *s; s++)
		if (*s == '/' || *s == ' ' || (*s >= '\t' && *s <= '\r'))
			return 1;
	return 0;
}

/* The modes of ip tunnel, and their protocols in lockstep (ISATAP, VTI: flags of them). */
#define ISATAP 0x40
#define VTI4 0x80
static const char modes4[] = "ipip\0ip/ip\0gre\0gre/ip\0sit\0ipv6/ip\0isatap\0vti\0";
static const unsigned char protos4[] = { IPPROTO_IPIP, IPPROTO_IPIP, IPPROTO_GRE, IPPROTO_GRE,
	IPPROTO_IPV6, IPPROTO_IPV6, IPPROTO_IPV6 | ISATAP, IPPROTO_IPIP | VTI4 };

/* Mode i of modes4. */
static void mode_set(struct ip_tunnel_parm *p, int i, int *isatap)
{
	set_proto(p, protos4[i] & 0x3f);
	*isatap += !!(protos4[i] & ISATAP);
	if (protos4[i] & VTI4)
		p->i_flags |= VTI_ISVTI;
}

static void mode_word(struct ip_tunnel_parm *p, const char *s, int *isatap)
{
	int i = kw_whole(modes4, s);

	if (i < 0)
		die(255, "Unknown tunnel mode \"%s\"\n", s);
	mode_set(p, i, isatap);
}

static void tos_word(struct ip_tunnel_parm *p, char *s)
{
	char *slash = strchr(s, '/'), *ds = slash ? slash + 1 : NULL;
	uint32_t v;

	if (slash)
		*slash = 0;
	if (strcmp(s, "inherit")) {
		ds = s;
		p->iph.tos = 0;
	} else {
		p->iph.tos = 1;
	}
	if (ds) {
		if ((NSBOX_FEATURE_IP_ROUTE || NSBOX_FEATURE_IP_MONITOR) ? rt_parse_dsfield(ds, &v) :
		    parse_u32(ds, &v, 16) || v > 255)
			ip_invarg("bad TOS value", s);
		p->iph.tos |= (uint8_t)v;
	}
}

/* The words of parse_args in ip_tunnel.c (T4) and ip6tunnel.c (T6): what each is, TV when a
 * value follows (W_ELIM to W_DSCP in the order of W6_*). iproute2 compares them whole, but for a
 * prefix of dsfield. */
enum { W_GRE = 1, W_PMTU, W_LOCALREMOTE, W_MODE, W_KEY, W_ADDR, W_DEV, W_TTL, W_ELIM, W_TOS, W_FLOW, W_DSCP };
#define T4 0x10
#define T6 0x20
#define TV 0x40
#define TP KWL_PREFIX   /* a prefix of the word matches */
static const char tword_names[] =
	"seq\0iseq\0oseq\0csum\0icsum\0ocsum\0nopmtudisc\0pmtudisc\0allow-localremote\0"
	"noallow-localremote\0mode\0key\0ikey\0okey\0remote\0local\0dev\0ttl\0hoplimit\0hlim\0tos\0"
	"tclass\0tc\0encaplimit\0flowlabel\0fl\0dscp\0dsfield\0";
static const unsigned char tword_vals[] = {	/* in lockstep with tword_names */
	W_GRE | T4 | T6, W_GRE | T4 | T6, W_GRE | T4 | T6, W_GRE | T4 | T6, W_GRE | T4 | T6,
	W_GRE | T4 | T6, W_PMTU | T4, W_PMTU | T4, W_LOCALREMOTE | T6, W_LOCALREMOTE | T6,
	W_MODE | T4 | T6 | TV, W_KEY | T4 | T6 | TV, W_KEY | T4 | T6 | TV, W_KEY | T4 | T6 | TV,
	W_ADDR | T4 | T6 | TV, W_ADDR | T4 | T6 | TV, W_DEV | T4 | T6 | TV, W_TTL | T4 | T6 | TV,
	W_TTL | T4 | T6 | TV, W_TTL | T4 | T6 | TV, W_TOS | T4 | T6 | TV, W_TOS | T4 | T6 | TV,
	W_TOS | T6 | TV, W_ELIM | T6 | TV, W_FLOW | T6 | TV, W_FLOW | T6 | TV, W_DSCP | T6 | TV,
	W_TOS | T4 | T6 | TV | TP
};

/* The word w of the family's (T4 or T6) parse_args, or 0. */
static int tword(const char *w, int family)
{
	int k = 0;

	kwl_find(tword_names, tword_vals, w, &k);
	return k & family ? k : 0;
}

/* [i|o]seq, [i|o]csum */
static void gre_word(const char *w, uint16_t *iflags, uint16_t *oflags)
{
	uint16_t f = str_in(w, "seq") ? GRE_SEQ : GRE_CSUM;

	if (*w != 'o')
		*iflags |= f;
	if (*w != 'i')
		*oflags |= f;
}

/* [i|o]key KEY */
static void key_word(const char *w, const char *v, uint16_t *iflags, uint16_t *oflags, uint32_t *ikey,
		     uint32_t *okey)
{
	uint32_t k = tnl_key(w, v);

	if (*w != 'o')
		*iflags |= GRE_KEY, *ikey = k;
	if (*w != 'i')
		*oflags |= GRE_KEY, *okey = k;
}

static _Noreturn void usage6(void);

static int tget(int family, const char *dev, void *p)
{
	int err = if_tunnel_ioctl(family, SIOCGETTUNNEL, dev, p);

	if (err)
		errf("get tunnel \"%s\" failed: %s\n", dev, errtext(err));
	return err;
}

/* NAME, or "name NAME", at argv into p's name (its first member); change takes the parameters
 * of the tunnel its first word names (size bytes into p): -1 when it cannot. */
static int name_word(int *argcp, char ***argvp, int count, unsigned long cmd, int family, void *p,
		     size_t size)
{
	int argc = *argcp;
	char **argv = *argvp;

	if (!strcmp(*argv, "name"))
		NEXT_ARG();
	else if (kw_is(*argv, "help"))
		family == AF_INET6 ? usage6() : usage();
	if (*(char *)p)
		ip_duparg2("name", *argv);
	if (bad_ifname(*argv))
		ip_invarg("\"name\" not a valid ifname", *argv);
	memcpy(p, *argv, strlen(*argv) + 1);
	if (cmd == SIOCCHGTUNNEL && count == 0) {
		union { struct ip_tunnel_parm p4; struct ip6_tnl_parm2 p6; } old;

		memset(&old, 0, sizeof(old));
		if (tget(family, *argv, &old))
			return -1;
		memcpy(p, &old, size);
	}
	*argcp = argc;
	*argvp = argv;
	return 0;
}

/* A word of ip_tunnel.c's parse_args (k: its tword) with its value v, of those tnl_words leaves
 * to the family. */
static void tnl4_valword(struct ip_tunnel_parm *p, int k, const char *w, char *v, int *isatap)
{
	switch (k & 15) {
	case W_MODE:
		mode_word(p, v, isatap);
		break;
	case W_ADDR:
		*(*w == 'r' ? &p->iph.daddr : &p->iph.saddr) = addr32(v);
		break;
	case W_TTL:
		if (strcmp(v, "inherit"))
			p->iph.ttl = (uint8_t)tnl_num(v, 0, 255, "invalid TTL\n");
		break;
	default:
		tos_word(p, v);
	}
}

static int tnl_words(int argc, char **argv, unsigned long cmd, int family, void *p, const char **medium,
		     int *isatap);

/* parse_args: -1 after a message that ends the command with 1. */
static int tnl_parse(int argc, char **argv, unsigned long cmd, struct ip_tunnel_parm *p)
{
	const char *medium;
	int isatap = 0;

	memset(p, 0, sizeof(*p));
	p->iph.version = 4;
	p->iph.ihl = 5;
	p->iph.frag_off = TNL_DF;
	if (tnl_words(argc, argv, cmd, AF_INET, p, &medium, &isatap))
		return -1;
	if (!p->iph.protocol) {
		/* The mode a name begins with (the modes without a slash; no name begins with two). */
		const char *n = modes4;
		for (int i = 0; *n; n += kw_skip(n), i++)
			if (!strchr(n, '/') && !strncmp(p->name, n, strlen(n))) {
				mode_set(p, i, &isatap);
				break;
			}
	}
	if ((p->i_flags | p->o_flags) & GRE_KEY && !(p->i_flags & VTI_ISVTI) && p->iph.protocol != IPPROTO_GRE)
		return errf("Keys are not allowed with ipip and sit tunnels\n"), -1;
	if (medium && !(p->link = ip_ll_index(medium)))
		return errf("Cannot find device \"%s\"\n", medium), -1;
	if ((ntohl(p->iph.daddr) & 0xf0000000) == 0xe0000000) {
		if (!p->i_key)
			p->i_key = p->iph.daddr, p->i_flags |= GRE_KEY;
		if (!p->o_key)
			p->o_key = p->iph.daddr, p->o_flags |= GRE_KEY;
		if (!p->iph.saddr)
			return errf("A broadcast tunnel requires a source address\n"), -1;
	}
	if (isatap)
		p->i_flags |= SIT_ISATAP;
	return 0;
}

static const char *defname(const struct ip_tunnel_parm *p)
{
	switch (p->iph.protocol) {
	case IPPROTO_IPIP: return p->i_flags & VTI_ISVTI ? "ip_vti0" : "tunl0";
	case IPPROTO_GRE: return "gre0";
	case IPPROTO_IPV6: return "sit0";
	}
	return NULL;
}

/* ip -6 tunnel (or mode of one): the commands go to their IPv6 versions. */
static int tnl_v6;
static int tnl6_args(int argc, char **argv, unsigned long cmd, struct ip6_tnl_parm2 *p);
static const char *base6(const struct ip6_tnl_parm2 *p);

/* add, change (cmd SIOCADDTUNNEL, SIOCCHGTUNNEL) and del (SIOCDELTUNNEL) of both families, to
 * the tunnel named, else (add, and del without a name) to the base device of its mode. */
static int tnl_cmd(unsigned long cmd, int argc, char **argv)
{
	union { struct ip_tunnel_parm p4; struct ip6_tnl_parm2 p6; } p;   /* both begin with the name */
	const char *base, *dev, *name = p.p4.name;
	int err;

	if (tnl_v6) {
		tnl6_init(&p.p6, 1);
		if (tnl6_args(argc, argv, cmd, &p.p6))
			return 1;
		if (cmd != SIOCDELTUNNEL && !name[0])
			errf("Tunnel interface name not specified\n");
		base = base6(&p.p6);
	} else {
		if (tnl_parse(argc, argv, cmd, &p.p4))
			return 1;
		base = defname(&p.p4);
		if (cmd != SIOCDELTUNNEL && p.p4.iph.ttl && !p.p4.iph.frag_off)
			return errf("ttl != 0 and nopmtudisc are incompatible\n"), 1;
		if (cmd != SIOCDELTUNNEL && !base)
			return errf("cannot determine tunnel mode (ipip, gre, vti or sit)\n"), 1;
	}
	dev = (name[0] && cmd != SIOCADDTUNNEL) || !base ? name : base;
	if ((err = if_tunnel_ioctl(tnl_v6 ? AF_INET6 : AF_INET, cmd, dev, &p)))
		return errf("%s tunnel \"%s\" failed: %s\n", cmd == SIOCDELTUNNEL ? "delete" : "add", dev,
			    errtext(err)), 1;
	return 0;
}

/* ---- show ---- */

static const char *proto_name(unsigned proto)
{
	switch (proto) {
	case IPPROTO_IPIP: return "ip";
	case IPPROTO_GRE: return "gre";
	case IPPROTO_IPV6: return "ipv6";
	case IPPROTO_ESP: return "esp";
	case IPPROTO_MPLS: return "mpls";
	case 0: return "any";
	}
	return "unknown";
}

/* The potential routers of an isatap tunnel (SIOCGETPRL). */
static void pr_prl(const char *name)
{
	struct ip_tunnel_prl prl[16];
	char b[PR_HOSTSZ];
	int i, err;

	memset(prl, 0, sizeof(prl));
	prl[0].datalen = sizeof(prl) - sizeof(prl[0]);
	if ((err = if_tunnel_ioctl(AF_INET, SIOCGETPRL, name, prl))) {
		errf("%s: ioctl %x failed: %s\n", name, (unsigned)SIOCGETPRL, errtext(err));
		return;
	}
	for (i = 1; i < 16; i++)
		if (prl[i].addr)
			pr_str(PR_ANY, prl[i].flags & PRL_DEFAULT ? "pdr" : "pr",
			       prl[i].flags & PRL_DEFAULT ? " pdr %s" : " pr %s",
			       fmt_host(AF_INET, &prl[i].addr, 4, b));
}

/* The 6rd prefixes of a sit tunnel (SIOCGET6RD; EINVAL: none, said nothing of). */
static void pr_6rd(const char *name)
{
	struct ip_tunnel_6rd rd;
	char b[PR_HOSTSZ];
	int err;

	memset(&rd, 0, sizeof(rd));
	if ((err = if_tunnel_ioctl(AF_INET, SIOCGET6RD, name, &rd))) {
		if (err != -EINVAL)
			errf("%s: ioctl %x failed: %s\n", name, (unsigned)SIOCGET6RD, errtext(err));
		return;
	}
	if (!rd.prefixlen)
		return;
	pr_str(PR_ANY, "6rd-prefix", " 6rd-prefix %s", fmt_inet(AF_INET6, &rd.prefix, 16, b));
	pr_uint(PR_ANY, "6rd-prefixlen", "/%u", rd.prefixlen);
	if (rd.relay_prefix) {
		pr_str(PR_ANY, "6rd-relay_prefix", " 6rd-relay_prefix %s", fmt_host(AF_INET, &rd.relay_prefix, 4, b));
		pr_uint(PR_ANY, "6rd-relay_prefixlen", "/%u", rd.relay_prefixlen);
	}
}

/* tnl_print_gre_flags (flags and keys in network order, as both parameter blocks hold them) */
static void pr_gre_flags(unsigned proto, uint16_t iflags, uint16_t oflags, uint32_t ikey, uint32_t okey)
{
	/* Input (i < 2) and output flags, SEQ then CSUM: their keys, then their lines. */
	static const char lines[] = "rx_drop_ooseq\0rx_csum\0tx_seq\0tx_csum\0Drop packets out of sequence.\0"
		"Checksum in received packet is required.\0Sequence packets on output.\0Checksum output packets.\0";

	if (iflags & GRE_KEY && oflags & GRE_KEY && okey == ikey) {
		pr_uint(PR_ANY, "key", " key %u", ntohl(ikey));
	} else {
		if (iflags & GRE_KEY)
			pr_uint(PR_ANY, "ikey", " ikey %u", ntohl(ikey));
		if (oflags & GRE_KEY)
			pr_uint(PR_ANY, "okey", " okey %u", ntohl(okey));
	}
	if (proto != IPPROTO_GRE)
		return;
	pr_arr_open(PR_JSON, "flags");
	for (unsigned i = 0; i < 4; i++)
		if ((i < 2 ? iflags : oflags) & (i & 1 ? GRE_CSUM : GRE_SEQ)) {
			pr_str(PR_JSON, NULL, "%s", kw_nth(lines, i));
			pr_text("%s  %s", pr_sl(), kw_nth(lines, i + 4));
		}
	pr_arr_close(PR_JSON, NULL);
}

static void pr_tos(unsigned tos)
{
	char b[PR_NAMESZ], b2[PR_NAMESZ + 8];

	if (tos == 1) {
		pr_text(" tos inherit");
		return;
	}
	if (!pr_json() && tos & 1)
		bfmt(b2, sizeof(b2), "inherit/%s", rt_dsfield_name(tos & ~1u, b));
	else
		bfmt(b2, sizeof(b2), "%s", rt_dsfield_name(tos, b));
	pr_str(PR_ANY, "tos", " tos %s", b2);
}

/* When set: text in text, key null in JSON. */
static int pr_set(int set, const char *text, const char *key)
{
	if (set) {
		pr_text("%s", text);
		pr_null(key);
	}
	return set;
}

/* The head of both print_tunnel: name, mode, the remote and local addresses (IPv4's 0 is any
 * in text). */
static void pr_head(const char *name, unsigned proto, int family, const void *remote, const void *local)
{
	char b[PR_HOSTSZ];
	int v6 = family == AF_INET6, len = v6 ? 16 : 4;
	uint32_t a;

	pr_obj_open(NULL);
	pr_str(PR_ANY, "ifname", "%s: ", name);
	bfmt(b, sizeof(b), v6 ? "%s/ipv6" : "%s/ip", proto_name(proto));
	pr_str(PR_ANY, "mode", "%s ", b);
	for (int i = 0; i < 2; i++) {
		const void *x = i ? local : remote;
		memcpy(&a, x, 4);
		pr_text(i ? "local " : "remote ");
		pr_str(PR_ANY, i ? "local" : "remote", i ? "%s" : "%s ",
		       v6 || a || pr_json() ? (i ? fmt_inet : fmt_host)(family, x, (size_t)len, b) : "any");
	}
}

/* print_tunnel */
static void pr_tunnel(const struct ip_tunnel_parm *p)
{
	pr_head(p->name, p->iph.protocol, AF_INET, &p->iph.daddr, &p->iph.saddr);
	if (p->iph.protocol == IPPROTO_IPV6 && p->i_flags & SIT_ISATAP)
		pr_prl(p->name);
	if (p->link)
		pr_str(PR_ANY, "dev", " dev %s", ifname_of(p->link));
	if (p->iph.ttl)
		pr_uint(PR_ANY, "ttl", " ttl %u", p->iph.ttl);
	else
		pr_text(" ttl inherit");
	if (p->iph.tos)
		pr_tos(p->iph.tos);
	pr_set(!(p->iph.frag_off & TNL_DF), " nopmtudisc", "nopmtudisc");
	if (p->iph.protocol == IPPROTO_IPV6)
		pr_6rd(p->name);
	pr_gre_flags(p->iph.protocol, p->i_flags, p->o_flags, p->i_key, p->o_key);
	pr_obj_close();
}

/* get_rtnl_link_stats_rta: IFLA_STATS64, IFLA_STATS, or (the links of an AF_INET6 dump) the
 * IPv6 counters in IFLA_PROTINFO; -1 when the link has none of them. */
static int tstats_of(const struct link_info *li, struct rtnl_link_stats64 *st)
{
	struct nlattr *pi[IFLA_INET6_MAX + 1];
	const struct nlattr *a;
	uint64_t mib[IPSTATS_MIB_CSUMERRORS + 1];
	size_t n;

	memset(st, 0, sizeof(*st));
	if ((a = li->tb[IFLA_STATS64])) {
		n = nla_len(a) < sizeof(*st) ? nla_len(a) : sizeof(*st);
		memcpy(st, nla_data(a), n);
	} else if ((a = li->tb[IFLA_STATS])) {
		struct rtnl_link_stats s32;
		uint32_t *from = (uint32_t *)&s32;
		uint64_t *to = (uint64_t *)st;

		memset(&s32, 0, sizeof(s32));
		n = nla_len(a) < sizeof(s32) ? nla_len(a) : sizeof(s32);
		memcpy(&s32, nla_data(a), n);
		/* rtnl_link_stats is rtnl_link_stats64's first fields, 32 bits wide */
		for (n = 0; n < sizeof(s32) / 4; n++)
			to[n] = from[n];
	} else if ((a = li->tb[IFLA_PROTINFO])) {
		if (nla_parse_nested(pi, IFLA_INET6_MAX, a) || !pi[IFLA_INET6_STATS])
			return 0;
		memset(mib, 0, sizeof(mib));
		n = nla_len(pi[IFLA_INET6_STATS]);
		memcpy(mib, nla_data(pi[IFLA_INET6_STATS]), n < sizeof(mib) ? n : sizeof(mib));
		st->rx_packets = mib[IPSTATS_MIB_INPKTS];
		st->rx_bytes = mib[IPSTATS_MIB_INOCTETS];
		st->tx_packets = mib[IPSTATS_MIB_OUTPKTS];
		st->tx_bytes = mib[IPSTATS_MIB_OUTOCTETS];
		st->rx_errors = mib[IPSTATS_MIB_INDISCARDS];
		st->tx_errors = mib[IPSTATS_MIB_OUTDISCARDS];
		st->multicast = mib[IPSTATS_MIB_INMCASTPKTS];
		st->rx_frame_errors = mib[IPSTATS_MIB_CSUMERRORS];
	} else {
		return -1;
	}
	return 0;
}

/* tnl_print_stats: raw lines, in JSON too, as iproute2 writes them: each head, then its six
 * counters (their places in rtnl_link_stats64) in columns of these widths. */
#define TS(f) (unsigned char)(offsetof(struct rtnl_link_stats64, f) / 8)
static const unsigned char tstat_cols[2][6] = {
	{ TS(rx_packets), TS(rx_bytes), TS(rx_errors), TS(rx_frame_errors), TS(rx_fifo_errors), TS(multicast) },
	{ TS(tx_packets), TS(tx_bytes), TS(tx_errors), TS(collisions), TS(tx_carrier_errors), TS(tx_dropped) },
};
static const unsigned char tstat_widths[2][6] = { { 10, 12, 6, 8, 8, 8 }, { 10, 12, 6, 8, 8, 6 } };

static void pr_tstats(const struct rtnl_link_stats64 *st)
{
	const char *sl = ipo.oneline ? "\\" : "\n";
	const uint64_t *v = (const uint64_t *)st;

	for (int r = 0; r < 2; r++) {
		outf("%s%s%s   ", r ? "" : sl, r ? "TX: Packets    Bytes        Errors DeadLoop NoRoute  NoBufs" :
		     "RX: Packets    Bytes        Errors CsumErrs OutOfSeq Mcasts", sl);
		for (int i = 0; i < 6; i++)
			outf(" %-*lld", tstat_widths[r][i], (long long)v[tstat_cols[r][i]]);
		if (!r)
			outs(sl);
	}
}

/* The name of a link of the dump that is an IPv4 (IPv6: v6, which takes an RTM_DELLINK too)
 * tunnel, and want's when want is not empty; else NULL. */
static const char *tnl_link(const struct nlmsghdr *h, struct link_info *li, const char *want, int v6)
{
	const char *name;
	unsigned t;

	if ((h->nlmsg_type != RTM_NEWLINK && (!v6 || h->nlmsg_type != RTM_DELLINK)) ||
	    rtnl_link_parse(h, li) || !li->tb[IFLA_IFNAME])
		return NULL;
	t = li->ifi->ifi_type;
	if (v6 ? t != ARPHRD_TUNNEL6 && t != ARPHRD_IP6GRE : t != ARPHRD_TUNNEL && t != ARPHRD_IPGRE && t != ARPHRD_SIT)
		return NULL;
	name = nla_data(li->tb[IFLA_IFNAME]);
	return want[0] && strcmp(want, name) ? NULL : name;
}

/* After a tunnel of the dump: its counters with -s, and a newline (iproute2: in -o and JSON too). */
static int tnl_end(const struct link_info *li)
{
	if (ipo.stats) {
		struct rtnl_link_stats64 st;

		if (tstats_of(li, &st))
			return -1;
		pr_tstats(&st);
	}
	outc('\n');
	return 0;
}

static int tnl_dump(int family, nl_cb one, void *p)
{
	struct rtnl_filter f;

	memset(&f, 0, sizeof(f));
	f.family = (uint8_t)family;
	pr_begin();
	if (rtnl_link_dump(show_sock(0), &f, one, p) < 0) {
		errf("Dump terminated\n");
		return 1;
	}
	pr_end();
	return 0;
}

/* ---- ip -6 tunnel: iproute2's ip6tunnel.c over struct ip6_tnl_parm2 ---- */

#define TCLASS_MASK htonl(0x0ff00000)
#define FLOWLABEL_MASK htonl(0x000fffff)
#define TNL6_HOPLIMIT 64

NSBOX_USAGE(tunnel6_usage,
	"Usage: ip -f inet6 tunnel { add | change | del | show } [ NAME ]\n"
	NSBOX_USAGE_MORE("          [ mode { ip6ip6 | ipip6 | ip6gre | vti6 | any } ]\n"
	"          [ remote ADDR local ADDR ] [ dev PHYS_DEV ]\n"
	"          [ encaplimit ELIM ]\n"
	"          [ hoplimit TTL ] [ tclass TCLASS ] [ flowlabel FLOWLABEL ]\n"
	"          [ dscp inherit ]\n"
	"          [ [no]allow-localremote ]\n"
	"          [ [i|o]seq ] [ [i|o]key KEY ] [ [i|o]csum ]\n"
	"\n"
	"Where: NAME      := STRING\n"
	"       ADDR      := IPV6_ADDRESS\n"
	"       ELIM      := { none | 0..255 }(default=4)\n"
	"       TTL       := 0..255 (default=64)\n"
	"       TCLASS    := { 0x0..0xff | inherit }\n"
	"       FLOWLABEL := { 0x0..0xfffff | inherit }\n"
	"       KEY       := { DOTTED_QUAD | NUMBER }\n"));

static _Noreturn void usage6(void)
{
	ip_usage_exit(tunnel6_usage);
}

/* mode WORD: the protocol, VTI_ISVTI for vti6. */
static void mode6_word(struct ip6_tnl_parm2 *p, const char *s)
{
	int i = kw_whole(tnl6_modes, s);

	if (i >= 0) {
		p->proto = tnl6_protos[i] & ~TNL6_VTI;
		p->i_flags |= tnl6_protos[i] & TNL6_VTI ? VTI_ISVTI : 0;
		return;
	}
	die(255, "Unknown tunnel mode \"%s\"\n", s);
}

/* One word of ip6tunnel.c's parse_args (k: its tword) with its value v, of those tnl_words
 * leaves to the family. */
static void tnl6_valword(struct ip6_tnl_parm2 *p, int k, const char *w, const char *v)
{
	struct inet_prefix a;

	switch (k & 15) {
	case W_MODE:
		mode6_word(p, v);
		break;
	case W_ADDR:
		ip_get_addr(&a, v, AF_INET6);
		memcpy(*w == 'r' ? &p->raddr : &p->laddr, a.data, 16);
		break;
	case W_TTL:
		p->hop_limit = (uint8_t)tnl_num(v, 0, 255, "invalid TTL");
		break;
	default:   /* W_ELIM: iproute2 tests get_u8() < -1, never true, and sends an uninitialized
		    * byte: nsbox does what its code means, as for the ip6tnl kind */
		tnl6_word((unsigned)(k & 15) - W_ELIM, v, &p->flowinfo, &p->flags, &p->encap_limit);
	}
}

/* parse_args of ip tunnel (family AF_INET, p a struct ip_tunnel_parm) or of ip -6 tunnel
 * (AF_INET6, struct ip6_tnl_parm2): the dev word's name in *medium, -1 when change could not
 * read the tunnel it names first. */
static int tnl_words(int argc, char **argv, unsigned long cmd, int family, void *p, const char **medium,
		     int *isatap)
{
	struct ip_tunnel_parm *p4 = p;
	struct ip6_tnl_parm2 *p6 = p;
	int v6 = family == AF_INET6, count = 0;
	uint16_t *iflags = v6 ? &p6->i_flags : &p4->i_flags, *oflags = v6 ? &p6->o_flags : &p4->o_flags;
	uint32_t *ikey = v6 ? &p6->i_key : &p4->i_key, *okey = v6 ? &p6->o_key : &p4->o_key;

	*medium = NULL;
	for (; argc > 0; argc--, argv++, count++) {
		const char *w = *argv;
		int k = tword(w, v6 ? T6 : T4);

		if (!k) {
			if (name_word(&argc, &argv, count, cmd, family, p, v6 ? sizeof(*p6) : sizeof(*p4)))
				return -1;
			continue;
		}
		if (k & TV)
			NEXT_ARG();
		switch (k & 15) {
		case W_GRE:
			gre_word(w, iflags, oflags);
			break;
		case W_KEY:
			key_word(w, *argv, iflags, oflags, ikey, okey);
			break;
		case W_DEV:
			*medium = *argv;
			break;
		case W_PMTU:
			p4->iph.frag_off = *w == 'n' ? 0 : TNL_DF;
			break;
		case W_LOCALREMOTE:
			if (*w == 'a')
				p6->flags |= IP6_TNL_F_ALLOW_LOCAL_REMOTE;
			else
				p6->flags &= ~IP6_TNL_F_ALLOW_LOCAL_REMOTE;
			break;
		default:
			if (v6)
				tnl6_valword(p6, k, w, *argv);
			else
				tnl4_valword(p4, k, w, *argv, isatap);
		}
	}
	return 0;
}

int tnl6_parse(int argc, char **argv, unsigned long cmd, struct ip6_tnl_parm2 *p, const char **medium)
{
	return tnl_words(argc, argv, cmd, AF_INET6, p, medium, NULL);
}

void tnl6_init(struct ip6_tnl_parm2 *p, int defaults)
{
	memset(p, 0, sizeof(*p));
	p->proto = IPPROTO_IPV6;
	if (defaults) {
		p->hop_limit = TNL6_HOPLIMIT;
		p->encap_limit = IPV6_DEFAULT_TNL_ENCAP_LIMIT;
	}
}

/* parse_args and its dev lookup: -1 after a message (exit 1). */
static int tnl6_args(int argc, char **argv, unsigned long cmd, struct ip6_tnl_parm2 *p)
{
	const char *medium;

	if (tnl6_parse(argc, argv, cmd, p, &medium))
		return -1;
	if (medium && !(p->link = ip_ll_index(medium)))
		return errf("Cannot find device \"%s\"\n", medium), -1;
	return 0;
}

static const char *base6(const struct ip6_tnl_parm2 *p)
{
	return p->proto == IPPROTO_GRE ? "ip6gre0" : p->i_flags & VTI_ISVTI ? "ip6_vti0" : "ip6tnl0";
}

/* ip6tunnel.c's print_tunnel */
static void pr_tunnel6(const struct ip6_tnl_parm2 *p)
{
	char b[PR_HOSTSZ];

	pr_head(p->name, p->proto, AF_INET6, &p->raddr, &p->laddr);
	if (p->link)
		pr_str(PR_ANY, "link", " dev %s", ifname_of(p->link));
	if (!pr_set(p->flags & IP6_TNL_F_IGN_ENCAP_LIMIT, " encaplimit none", "ip6_tnl_f_ign_encap_limit"))
		pr_uint(PR_ANY, "encap_limit", " encaplimit %u", p->encap_limit);
	if (p->hop_limit)
		pr_uint(PR_ANY, "hoplimit", " hoplimit %u", p->hop_limit);
	else
		pr_text(" hoplimit inherit");
	if (!pr_set(p->flags & IP6_TNL_F_USE_ORIG_TCLASS, " tclass inherit", "ip6_tnl_f_use_orig_tclass")) {
		bfmt(b, sizeof(b), "0x%02x", (unsigned)(ntohl(p->flowinfo & TCLASS_MASK) >> 20) & 0xff);
		pr_str(PR_ANY, "tclass", " tclass %s", b);
	}
	if (!pr_set(p->flags & IP6_TNL_F_USE_ORIG_FLOWLABEL, " flowlabel inherit", "ip6_tnl_f_use_orig_flowlabel")) {
		bfmt(b, sizeof(b), "0x%05x", (unsigned)ntohl(p->flowinfo & FLOWLABEL_MASK));
		pr_str(PR_ANY, "flowlabel", " flowlabel %s", b);
	}
	bfmt(b, sizeof(b), "0x%08x", (unsigned)ntohl(p->flowinfo));
	pr_str(PR_ANY, "flowinfo", " (flowinfo %s)", b);
	pr_set(p->flags & IP6_TNL_F_RCV_DSCP_COPY, " dscp inherit", "ip6_tnl_f_rcv_dscp_copy");
	pr_set(p->flags & IP6_TNL_F_ALLOW_LOCAL_REMOTE, " allow-localremote", "ip6_tnl_f_allow_local_remote");
	pr_gre_flags(p->proto, p->i_flags, p->o_flags, p->i_key, p->o_key);
	pr_obj_close();
}

static int addr6_zero(const struct in6_addr *a)
{
	static const struct in6_addr z;

	return !memcmp(a, &z, sizeof(z));
}

/* ip6_tnl_parm_match */
static int tnl6_match(const struct ip6_tnl_parm2 *p1, const struct ip6_tnl_parm2 *p2)
{
	return (!p1->link || p1->link == p2->link) && (!p1->name[0] || !strcmp(p1->name, p2->name)) &&
	       (addr6_zero(&p1->laddr) || !memcmp(&p1->laddr, &p2->laddr, 16)) &&
	       (addr6_zero(&p1->raddr) || !memcmp(&p1->raddr, &p2->raddr, 16)) &&
	       (!p1->proto || !p2->proto || p1->proto == p2->proto) &&
	       (!p1->encap_limit || p1->encap_limit == p2->encap_limit) &&
	       (!p1->hop_limit || p1->hop_limit == p2->hop_limit) &&
	       (!(p1->flowinfo & TCLASS_MASK) || !((p1->flowinfo ^ p2->flowinfo) & TCLASS_MASK)) &&
	       (!(p1->flowinfo & FLOWLABEL_MASK) || !((p1->flowinfo ^ p2->flowinfo) & FLOWLABEL_MASK)) &&
	       (!p1->flags || (p1->flags & p2->flags));
}

/* ip_tunnel.c's match of the parameters p1 of the words with p2's */
static int tnl4_match(const struct ip_tunnel_parm *p1, const struct ip_tunnel_parm *p2)
{
	return (!p1->link || p1->link == p2->link) && (!p1->name[0] || !strcmp(p1->name, p2->name)) &&
	       (!p1->iph.daddr || p1->iph.daddr == p2->iph.daddr) &&
	       (!p1->iph.saddr || p1->iph.saddr == p2->iph.saddr) && (!p1->i_key || p1->i_key == p2->i_key);
}

/* One link of the dump: a tunnel of the family's (tnl_v6) parameters by its name, when they
 * match those of the words (arg, a struct ip_tunnel_parm or ip6_tnl_parm2). */
static int list_one(const struct nlmsghdr *h, void *arg)
{
	union { struct ip_tunnel_parm p4; struct ip6_tnl_parm2 p6; } p2;
	struct link_info li;
	const char *name;

	if (!(name = tnl_link(h, &li, arg, tnl_v6)))   /* arg begins with the name */
		return 0;
	memset(&p2, 0, sizeof(p2));
	if (tnl_v6) {
		tnl6_init(&p2.p6, 0);
		if (li.ifi->ifi_type == ARPHRD_IP6GRE)
			p2.p6.proto = IPPROTO_GRE;
		p2.p6.link = li.ifi->ifi_index;
		memcpy(p2.p6.name, arg, sizeof(p2.p6.name));
	}
	if (tget(tnl_v6 ? AF_INET6 : AF_INET, name, &p2) ||
	    !(tnl_v6 ? tnl6_match(arg, &p2.p6) : tnl4_match(arg, &p2.p4)))
		return 0;
	if (tnl_v6)
		pr_tunnel6(&p2.p6);
	else
		pr_tunnel(&p2.p4);
	return tnl_end(&li);
}

/* show: a dump of the tunnels that match the words, or the one they name (the base device
 * of the mode without a name, in IPv4), printed without JSON as iproute2 does (in IPv6 without
 * the newline too); ip -6 tunnel -s always dumps. */
static int tnl_show(int argc, char **argv)
{
	union { struct ip_tunnel_parm p4; struct ip6_tnl_parm2 p6; } p;
	const char *dev, *name = p.p4.name;
	int json = IPO_JSON, family = tnl_v6 ? AF_INET6 : AF_INET;

	if (tnl_v6) {
		tnl6_init(&p.p6, 0);
		p.p6.proto = 0;
		if (tnl6_args(argc, argv, SIOCGETTUNNEL, &p.p6))
			return 1;
		dev = name[0] && !ipo.stats ? name : NULL;
	} else {
		if (tnl_parse(argc, argv, SIOCGETTUNNEL, &p.p4))
			return 1;
		dev = !defname(&p.p4) ? NULL : name[0] ? name : defname(&p.p4);
	}
	if (!dev)
		return tnl_dump(family, list_one, &p);
	if (tget(family, dev, &p))
		return 1;
	ipo.json = 0;
	if (tnl_v6) {
		pr_tunnel6(&p.p6);
	} else {
		pr_tunnel(&p.p4);
		outc('\n');
	}
	ipo.json = json;
	return 0;
}

int do_tunnel(int argc, char **argv)
{
	int family = ipo.family;

	for (int i = 0; i < argc - 1; i++)
		if (!strcmp(argv[i], "mode")) {
			if (kw_whole(tnl6_modes, argv[i + 1]) >= 0)
				family = AF_INET6;
			break;
		}
	tnl_v6 = family == AF_INET6;
	if (!tnl_v6 && family != AF_UNSPEC && family != AF_INET)
		die(255, "Unsupported protocol family: %d\n", family);
	if (argc < 1)
		return tnl_show(0, NULL);
	switch (kw_index("add\0change\0delete\0show\0lst\0list\0prl\0" "6rd\0help\0", argv[0])) {
	case 0:
		return tnl_cmd(SIOCADDTUNNEL, argc - 1, argv + 1);
	case 1:
		return tnl_cmd(SIOCCHGTUNNEL, argc - 1, argv + 1);
	case 2:
		return tnl_cmd(SIOCDELTUNNEL, argc - 1, argv + 1);
	case 3: case 4: case 5:
		return tnl_show(argc - 1, argv + 1);
	case 6: case 7:   /* not in nsbox; ip6tunnel.c has neither */
		if (tnl_v6)
			break;
		errf("ip: \"ip tunnel %s\" is not implemented in nsbox\n", *argv[0] == 'p' ? "prl" : "6rd");
		return 1;
	case 8:
		tnl_v6 ? usage6() : usage();
	}
	die(255, tnl_v6 ? "Command \"%s\" is unknown, try \"ip -f inet6 tunnel help\".\n" :
	    "Command \"%s\" is unknown, try \"ip tunnel help\"\n", argv[0]);
}
