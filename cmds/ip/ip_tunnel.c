/* ip tunnel: IPv4 tunnels of the modes ipip, gre, sit, isatap and vti over the ioctls of their
 * base devices (tunl0, gre0, sit0, ip_vti0), as iproute2 6.1's ip tunnel does add, change, del
 * and show (its words, messages, exit codes, and its listing in text, -o, -j and -s). The IPv6
 * tunnels (ip -6 tunnel, IPv6 modes) and the prl and 6rd commands are not in nsbox. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <linux/if_arp.h>
#include <linux/if_tunnel.h>
#include <linux/sockios.h>
#include "inet.h"
#include "ip.h"
#include "ip_print.h"
#include "ip_route.h"
#include "out.h"
#include "sys.h"

#define TNL_DF htons(0x4000)   /* IP_DF in frag_off */

static const char tunnel_usage[] =
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
	"       KEY  := { DOTTED_QUAD | NUMBER }\n");

static _Noreturn void usage(void)
{
	die(255, "%s", tunnel_usage);
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

/* tnl_parse_key */
static uint32_t tkey(const char *name, const char *s)
{
	uint32_t v;

	if (strchr(s, '.'))
		return addr32(s);
	if (parse_u32(s, &v, 0))
		die(255, "invalid value for \"%s\": \"%s\"; it should be an unsigned integer\n", name, s);
	return htonl(v);
}

static void set_proto(struct ip_tunnel_parm *p, int proto)
{
	if (p->iph.protocol && p->iph.protocol != proto)
		die(255, "You managed to ask for more than one tunnel mode.\n");
	p->iph.protocol = (uint8_t)proto;
}

static int tnl_get(const char *dev, struct ip_tunnel_parm *p)
{
	int err = if_tunnel_ioctl(AF_INET, SIOCGETTUNNEL, dev, p);

	if (err)
		errf("get tunnel \"%s\" failed: %s\n", dev, errtext(err));
	return err;
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

static void mode_word(struct ip_tunnel_parm *p, const char *s, int *isatap)
{
	if (!strcmp(s, "ipip") || !strcmp(s, "ip/ip")) {
		set_proto(p, IPPROTO_IPIP);
	} else if (!strcmp(s, "gre") || !strcmp(s, "gre/ip")) {
		set_proto(p, IPPROTO_GRE);
	} else if (!strcmp(s, "sit") || !strcmp(s, "ipv6/ip")) {
		set_proto(p, IPPROTO_IPV6);
	} else if (!strcmp(s, "isatap")) {
		set_proto(p, IPPROTO_IPV6);
		++*isatap;
	} else if (!strcmp(s, "vti")) {
		set_proto(p, IPPROTO_IPIP);
		p->i_flags |= VTI_ISVTI;
	} else {
		die(255, "Unknown tunnel mode \"%s\"\n", s);
	}
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

/* The GRE flag words: name, which flags (1 in, 2 out), the flag. */
static const struct { const char *name; uint8_t io; uint16_t flag; } gflags[] = {
	{ "seq", 3, GRE_SEQ }, { "iseq", 1, GRE_SEQ }, { "oseq", 2, GRE_SEQ },
	{ "csum", 3, GRE_CSUM }, { "icsum", 1, GRE_CSUM }, { "ocsum", 2, GRE_CSUM },
};

/* One word at argv (and its value); 0 when it is not one of the tunnel's own. */
static int tnl_word(struct ip_tunnel_parm *p, int *argc, char ***argv, const char **medium, int *isatap)
{
	const char *w = **argv;
	unsigned i;
	uint32_t v;

	for (i = 0; i < sizeof(gflags) / sizeof(gflags[0]); i++)
		if (!strcmp(w, gflags[i].name)) {
			p->i_flags |= gflags[i].io & 1 ? gflags[i].flag : 0;
			p->o_flags |= gflags[i].io & 2 ? gflags[i].flag : 0;
			return 1;
		}
	if (!strcmp(w, "nopmtudisc") || !strcmp(w, "pmtudisc")) {
		p->iph.frag_off = *w == 'n' ? 0 : TNL_DF;
		return 1;
	}
	if (strcmp(w, "mode") && strcmp(w, "key") && strcmp(w, "ikey") && strcmp(w, "okey") &&
	    strcmp(w, "remote") && strcmp(w, "local") && strcmp(w, "dev") && strcmp(w, "ttl") &&
	    strcmp(w, "hoplimit") && strcmp(w, "hlim") && strcmp(w, "tos") && strcmp(w, "tclass") &&
	    !kw_is(w, "dsfield"))
		return 0;
	if (--*argc <= 0)
		ip_incomplete();
	++*argv;
	if (!strcmp(w, "mode")) {
		mode_word(p, **argv, isatap);
	} else if (strstr(w, "key")) {
		if (*w != 'o')
			p->i_flags |= GRE_KEY, p->i_key = tkey(w, **argv);
		if (*w != 'i')
			p->o_flags |= GRE_KEY, p->o_key = tkey(w, **argv);
	} else if (!strcmp(w, "remote") || !strcmp(w, "local")) {
		*(*w == 'r' ? &p->iph.daddr : &p->iph.saddr) = addr32(**argv);
	} else if (!strcmp(w, "dev")) {
		*medium = **argv;
	} else if (*w == 'h' || !strcmp(w, "ttl")) {
		if (strcmp(**argv, "inherit")) {
			if (parse_u32(**argv, &v, 0) || v > 255)
				ip_invarg("invalid TTL\n", **argv);
			p->iph.ttl = (uint8_t)v;
		}
	} else {
		tos_word(p, **argv);
	}
	return 1;
}

/* parse_args: -1 after a message that ends the command with 1. */
static int tnl_parse(int argc, char **argv, unsigned long cmd, struct ip_tunnel_parm *p)
{
	const char *medium = NULL;
	int count = 0, isatap = 0;

	memset(p, 0, sizeof(*p));
	p->iph.version = 4;
	p->iph.ihl = 5;
	p->iph.frag_off = TNL_DF;
	for (; argc > 0; argc--, argv++, count++) {
		if (tnl_word(p, &argc, &argv, &medium, &isatap))
			continue;
		if (!strcmp(*argv, "name"))
			NEXT_ARG();
		else if (kw_is(*argv, "help"))
			usage();
		if (p->name[0])
			die(255, "Error: either \"name\" is duplicate, or \"%s\" is a garbage.\n", *argv);
		if (bad_ifname(*argv))
			ip_invarg("\"name\" not a valid ifname", *argv);
		memcpy(p->name, *argv, strlen(*argv) + 1);
		if (cmd == SIOCCHGTUNNEL && count == 0) {
			struct ip_tunnel_parm old;
			memset(&old, 0, sizeof(old));
			if (tnl_get(*argv, &old))
				return -1;
			*p = old;
		}
	}
	if (!p->iph.protocol) {
		static const struct { const char *pfx; uint8_t proto, flag; } by_name[] = {
			{ "gre", IPPROTO_GRE, 0 }, { "ipip", IPPROTO_IPIP, 0 }, { "sit", IPPROTO_IPV6, 0 },
			{ "isatap", IPPROTO_IPV6, 1 }, { "vti", IPPROTO_IPIP, 2 },
		};
		for (unsigned i = 0; i < 5; i++)
			if (!memcmp(p->name, by_name[i].pfx, strlen(by_name[i].pfx))) {
				p->iph.protocol = by_name[i].proto;
				isatap += by_name[i].flag == 1;
				p->i_flags |= by_name[i].flag == 2 ? VTI_ISVTI : 0;
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

static int tnl_add(unsigned long cmd, int argc, char **argv)
{
	struct ip_tunnel_parm p;
	const char *base, *dev;
	int err;

	if (tnl_parse(argc, argv, cmd, &p))
		return 1;
	if (p.iph.ttl && !p.iph.frag_off)
		return errf("ttl != 0 and nopmtudisc are incompatible\n"), 1;
	if (!(base = defname(&p)))
		return errf("cannot determine tunnel mode (ipip, gre, vti or sit)\n"), 1;
	dev = cmd == SIOCCHGTUNNEL && p.name[0] ? p.name : base;
	if ((err = if_tunnel_ioctl(AF_INET, cmd, dev, &p)))
		return errf("add tunnel \"%s\" failed: %s\n", dev, errtext(err)), 1;
	return 0;
}

static int tnl_addcmd(int argc, char **argv) { return tnl_add(SIOCADDTUNNEL, argc, argv); }
static int tnl_change(int argc, char **argv) { return tnl_add(SIOCCHGTUNNEL, argc, argv); }

static int tnl_del(int argc, char **argv)
{
	struct ip_tunnel_parm p;
	const char *dev;
	int err;

	if (tnl_parse(argc, argv, SIOCDELTUNNEL, &p))
		return 1;
	dev = p.name[0] || !defname(&p) ? p.name : defname(&p);
	if ((err = if_tunnel_ioctl(AF_INET, SIOCDELTUNNEL, dev, &p)))
		return errf("delete tunnel \"%s\" failed: %s\n", dev, errtext(err)), 1;
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

/* tnl_print_gre_flags */
static void pr_gre_flags(const struct ip_tunnel_parm *p)
{
	static const struct { int out; uint16_t flag; const char *key, *text; } lines[] = {
		{ 0, GRE_SEQ, "rx_drop_ooseq", "Drop packets out of sequence." },
		{ 0, GRE_CSUM, "rx_csum", "Checksum in received packet is required." },
		{ 1, GRE_SEQ, "tx_seq", "Sequence packets on output." },
		{ 1, GRE_CSUM, "tx_csum", "Checksum output packets." },
	};

	if (p->i_flags & GRE_KEY && p->o_flags & GRE_KEY && p->o_key == p->i_key) {
		pr_uint(PR_ANY, "key", " key %u", ntohl(p->i_key));
	} else {
		if (p->i_flags & GRE_KEY)
			pr_uint(PR_ANY, "ikey", " ikey %u", ntohl(p->i_key));
		if (p->o_flags & GRE_KEY)
			pr_uint(PR_ANY, "okey", " okey %u", ntohl(p->o_key));
	}
	if (p->iph.protocol != IPPROTO_GRE)
		return;
	pr_arr_open(PR_JSON, "flags");
	for (unsigned i = 0; i < 4; i++)
		if ((lines[i].out ? p->o_flags : p->i_flags) & lines[i].flag) {
			pr_str(PR_JSON, NULL, "%s", lines[i].key);
			pr_text("%s  %s", pr_sl(), lines[i].text);
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

/* print_tunnel */
static void pr_tunnel(const struct ip_tunnel_parm *p)
{
	char b[PR_HOSTSZ];

	pr_obj_open(NULL);
	pr_str(PR_ANY, "ifname", "%s: ", p->name);
	bfmt(b, sizeof(b), "%s/ip", proto_name(p->iph.protocol));
	pr_str(PR_ANY, "mode", "%s ", b);
	pr_text("remote ");
	pr_str(PR_ANY, "remote", "%s ", p->iph.daddr || pr_json() ? fmt_host(AF_INET, &p->iph.daddr, 4, b) : "any");
	pr_text("local ");
	pr_str(PR_ANY, "local", "%s", p->iph.saddr || pr_json() ? fmt_inet(AF_INET, &p->iph.saddr, 4, b) : "any");
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
	if (!(p->iph.frag_off & TNL_DF)) {
		pr_text(" nopmtudisc");
		pr_null("nopmtudisc");
	}
	if (p->iph.protocol == IPPROTO_IPV6)
		pr_6rd(p->name);
	pr_gre_flags(p);
	pr_obj_close();
}

/* tnl_print_stats: raw lines, in JSON too, as iproute2 writes them. */
static void pr_tstats(const struct nlattr *a)
{
	struct rtnl_link_stats64 st;
	const char *sl = ipo.oneline ? "\\" : "\n";

	if (!a || nla_len(a) < sizeof(st))
		return;
	memcpy(&st, nla_data(a), sizeof(st));
	outf("%sRX: Packets    Bytes        Errors CsumErrs OutOfSeq Mcasts%s", sl, sl);
	outf("    %-10lld %-12lld %-6lld %-8lld %-8lld %-8lld%s", (long long)st.rx_packets,
	     (long long)st.rx_bytes, (long long)st.rx_errors, (long long)st.rx_frame_errors,
	     (long long)st.rx_fifo_errors, (long long)st.multicast, sl);
	outf("TX: Packets    Bytes        Errors DeadLoop NoRoute  NoBufs%s", sl);
	outf("    %-10lld %-12lld %-6lld %-8lld %-8lld %-6lld", (long long)st.tx_packets,
	     (long long)st.tx_bytes, (long long)st.tx_errors, (long long)st.collisions,
	     (long long)st.tx_carrier_errors, (long long)st.tx_dropped);
}

/* One link of the dump: an IPv4 tunnel's parameters by its name, when they match p1's. */
static int list_one(const struct nlmsghdr *h, void *arg)
{
	const struct ip_tunnel_parm *p1 = arg;
	struct ip_tunnel_parm p2;
	struct link_info li;
	const char *name;

	if (h->nlmsg_type != RTM_NEWLINK || rtnl_link_parse(h, &li) || !li.tb[IFLA_IFNAME])
		return 0;
	if (li.ifi->ifi_type != ARPHRD_TUNNEL && li.ifi->ifi_type != ARPHRD_IPGRE && li.ifi->ifi_type != ARPHRD_SIT)
		return 0;
	name = nla_data(li.tb[IFLA_IFNAME]);
	if (p1->name[0] && strcmp(p1->name, name))
		return 0;
	memset(&p2, 0, sizeof(p2));
	if (tnl_get(name, &p2))
		return 0;
	if ((p1->link && p1->link != p2.link) || (p1->name[0] && strcmp(p1->name, p2.name)) ||
	    (p1->iph.daddr && p1->iph.daddr != p2.iph.daddr) ||
	    (p1->iph.saddr && p1->iph.saddr != p2.iph.saddr) || (p1->i_key && p1->i_key != p2.i_key))
		return 0;
	pr_tunnel(&p2);
	if (ipo.stats)
		pr_tstats(li.tb[IFLA_STATS64]);
	outc('\n');   /* iproute2: a newline after each tunnel, in -o and JSON too */
	return 0;
}

static int tnl_show(int argc, char **argv)
{
	struct ip_tunnel_parm p;
	struct rtnl_filter f;
	const char *base;
	int err, json = IPO_JSON;

	if (tnl_parse(argc, argv, SIOCGETTUNNEL, &p))
		return 1;
	if (!(base = defname(&p))) {
		memset(&f, 0, sizeof(f));
		f.family = AF_INET;
		pr_begin();
		err = rtnl_link_dump(show_sock(0), &f, list_one, &p);
		if (err < 0) {
			errf("Dump terminated\n");
			return 1;
		}
		pr_end();
		return 0;
	}
	if (tnl_get(p.name[0] ? p.name : base, &p))
		return 1;
	ipo.json = 0;   /* iproute2 has no JSON writer open here: text */
	pr_tunnel(&p);
	ipo.json = json;
	outc('\n');
	return 0;
}

/* What nsbox leaves out: iproute2's ip6tunnel.c, prl and 6rd. */
static int not_here(const char *what)
{
	errf("ip: \"%s\" is not implemented in nsbox\n", what);
	return 1;
}

static int tnl_prl(int argc, char **argv) { (void)argc, (void)argv; return not_here("ip tunnel prl"); }
static int tnl_6rd(int argc, char **argv) { (void)argc, (void)argv; return not_here("ip tunnel 6rd"); }
static int tnl_help(int argc, char **argv) { (void)argc, (void)argv; usage(); }

int do_tunnel(int argc, char **argv)
{
	static const char *const v6modes[] = { "ipv6/ipv6", "ip6ip6", "vti6", "ip/ipv6", "ipv4/ipv6",
		"ipip6", "ip4ip6", "ip6gre", "gre/ipv6", "any/ipv6", "any", NULL };
	static const struct kw cmds[] = {
		{ "add", 1, tnl_addcmd }, { "change", 1, tnl_change }, { "delete", 1, tnl_del },
		{ "show", 1, tnl_show }, { "lst", 1, tnl_show }, { "list", 1, tnl_show },
		{ "prl", 1, tnl_prl }, { "6rd", 1, tnl_6rd }, { "help", 1, tnl_help }, { NULL, 0, NULL }
	};
	int family = ipo.family;
	const struct kw *c;

	for (int i = 0; i < argc - 1; i++)
		if (!strcmp(argv[i], "mode")) {
			for (const char *const *m = v6modes; *m; m++)
				if (!strcmp(*m, argv[i + 1]))
					family = AF_INET6;
			break;
		}
	if (family == AF_INET6)
		return not_here("ip -6 tunnel");
	if (family != AF_UNSPEC && family != AF_INET)
		die(255, "Unsupported protocol family: %d\n", family);
	if (argc < 1)
		return tnl_show(0, NULL);
	if (!(c = kw_find(cmds, argv[0])))
		die(255, "Command \"%s\" is unknown, try \"ip tunnel help\"\n", argv[0]);
	return c->fn(argc - 1, argv + 1);
}
