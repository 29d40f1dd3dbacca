/* route: net-tools 2.10's route over rtnetlink. The tables come from an RTM_GETROUTE dump (so
 * they read the same in any namespace, /proc or not) in the columns net-tools prints from
 * /proc/net/route and /proc/net/ipv6_route; add and del send RTM_NEWROUTE / RTM_DELROUTE with
 * the meaning the kernel gives the SIOCADDRT / SIOCDELRT ioctls net-tools uses (create without
 * exclusive, unicast type, metric + 1, reject routes ...), and answer with their messages.
 * Names come from /etc/hosts and /etc/networks only (no DNS). `via` is taken for `gw`. */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include "gnuopt.h"
#include "hostsdb.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"

APPLET(route, route_main);

enum { E_OPTERR = 3, E_LOOKUP = 6, E_SOCK = 7 };
enum { SHOW, ADD, DEL, FLUSH, HELP };
enum { FIB = 1, CACHE = 2 };

NSBOX_USAGE(usage_text,
	"Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n"
	NSBOX_USAGE_MORE(
	"       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n\n"
	"       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.\n"
	"       route {-V|--version}                  Display version/author and exit.\n\n"
	"        -v, --verbose            be verbose\n"
	"        -n, --numeric            don't resolve names\n"
	"        -e, --extend             display other/more information\n"
	"        -F, --fib                display Forwarding Information Base (default)\n"
	"        -C, --cache              display routing cache instead of FIB\n\n"
	"  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet\n"
	"  List of possible address families (which support routing):\n"));
/* net-tools prints the families on stderr, whatever the usage text's stream. */
NSBOX_USAGE(aflist, NSBOX_USAGE_MORE(
	"    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n"
	"    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n"
	"    ddp (Appletalk DDP) x25 (CCITT X.25) \n"));
NSBOX_USAGE(usage4_text,
	"Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]\n"
	NSBOX_USAGE_MORE(
	"       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]\n"
	"                              [netmask N] [mss Mss] [window W] [irtt I]\n"
	"                              [mod] [dyn] [reinstate] [[dev] If]\n"
	"       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject\n"
	"       inet_route [-FC] flush      NOT supported\n"));
NSBOX_USAGE(usage6_text,
	"Usage: inet6_route [-vF] del Target\n"
	NSBOX_USAGE_MORE(
	"       inet6_route [-vF] add Target [gw Gw] [metric M] [[dev] If]\n"
	"       inet6_route [-FC] flush      NOT supported\n"));

static const struct gopt longs[] = {
	{ "inet", 0, '4' }, { "inet6", 0, '6' }, { "extend", 0, 'e' }, { "verbose", 0, 'v' },
	{ "version", 0, 'V' }, { "numeric", 0, 'n' }, { "symbolic", 0, 'N' }, { "protocol", 1, 'A' },
	{ "cache", 0, 'C' }, { "fib", 0, 'F' }, { "help", 0, 'h' }, { NULL, 0, 0 },
};

static int numeric;

/* net-tools' usage(rc): the text (a NSBOX_USAGE one) on stdout when rc is 0, else on stderr. */
static int af_usage(const char *text, int rc)
{
	sputs(rc ? ERR : OUT, USAGE_TEXT(text));
	return rc;
}

static _Noreturn void usage(int rc)
{
	sputs(rc ? ERR : OUT, USAGE_TEXT(usage_text));
	sputs(ERR, USAGE_TEXT(aflist));
	out_exit(rc);
}

/* atoi, as glibc's: strtol's number, cut to an int. */
static int xatoi(const char *s)
{
	unsigned long long v = 0;
	int neg = 0;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9'; s++)
		if ((v = v * 10 + (unsigned)(*s - '0')) > 1ull << 63)
			v = 1ull << 63;
	if (!neg && v > (1ull << 63) - 1)
		v = (1ull << 63) - 1;
	return (int)(unsigned)(neg ? 0 - v : v);
}

static int isdig(int c)
{
	return c >= '0' && c <= '9';
}

/* ---- listing ---- */

/* net-tools' INET_rresolve: "default" for 0.0.0.0/0 (dflt), a host or a network name. */
static const char *name4(uint32_t a, uint32_t mask, int host, int dflt, char *buf)
{
	const unsigned char *b = (const unsigned char *)&a;

	if (!numeric) {
		if (!a && !mask)
			return dflt ? "default" : "*";
		if (a && (host || (a & ~mask) ? hdb_host_name(AF_INET, &a, buf) : hdb_net_name(ntohl(a), buf)))
			return buf;
	}
	bfmt(buf, HDB_NAMESZ, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
}

static const unsigned char zero[16];

/* net-tools' INET6_rresolve: names from /etc/hosts, [::] for the unspecified address, and
 * IPv4-mapped addresses as IPv4. */
static const char *name6(const unsigned char *a, char *buf)
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	if (!memcmp(a, mapped, 12)) {
		bfmt(buf, HDB_NAMESZ, "%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
		return buf;
	}
	if (!numeric && !memcmp(a, zero, 16))
		return "[::]";
	if (!numeric && hdb_host_name(AF_INET6, a, buf))
		return buf;
	return fmt_inet(AF_INET6, a, 16, buf);
}

struct nh {
	const unsigned char *gw;   /* NULL: none */
	int oif;
	unsigned flags;            /* rtnh_flags */
	int via;                   /* an RTA_VIA gateway */
};

/* A gateway attribute of the route's family, or NULL (none, or not an address of it). */
static const unsigned char *gw_of(const struct nlattr *a, int family)
{
	return a && nla_len(a) == (family == AF_INET ? 4 : 16) ? nla_data(a) : NULL;
}

/* The first nexthop (IPv4 shows only that one, as /proc/net/route does), or with each=1 every
 * nexthop of a multipath route through fn. */
static int nexthops(const struct route_info *ri, int each, void (*fn)(const struct route_info *, const struct nh *, void *), void *arg)
{
	const struct nlattr *mp = ri->tb[RTA_MULTIPATH];
	int fam = ri->rtm->rtm_family, count = 0;
	struct nh n = { gw_of(ri->tb[RTA_GATEWAY], fam), 0, ri->rtm->rtm_flags, ri->tb[RTA_VIA] != NULL };

	if (ri->tb[RTA_OIF])
		nla_get_u32(ri->tb[RTA_OIF], (uint32_t *)&n.oif);
	if (mp) {
		struct rtnl_nh_iter it;
		const struct rtnexthop *h;
		struct nlattr *tb[RTA_MAX + 1];

		rtnl_nh_iter_init(&it, mp);
		while (rtnl_nh_next(&it, &h, tb) == 1) {
			n.gw = gw_of(tb[RTA_GATEWAY], fam);
			n.via = tb[RTA_VIA] != NULL;
			n.oif = h->rtnh_ifindex;
			n.flags = h->rtnh_flags;
			fn(ri, &n, arg);
			count++;
			if (!each)
				return count;
		}
		if (count)
			return count;
	}
	fn(ri, &n, arg);
	return 1;
}

static __attribute__((noinline)) uint32_t attr_u32(const struct nlattr *a)
{
	uint32_t v = 0;

	nla_get_u32(a, &v);
	return v;
}

static void row4(const struct route_info *ri, const struct nh *n, void *arg)
{
	const struct rtmsg *rtm = ri->rtm;
	int ext = *(int *)arg, plen = rtm->rtm_dst_len < 32 ? rtm->rtm_dst_len : 32, metric = (int)attr_u32(ri->tb[RTA_PRIORITY]);
	int reject = rtm->rtm_type == RTN_UNREACHABLE || rtm->rtm_type == RTN_PROHIBIT;
	uint32_t dst = 0, gw = 0, mask = plen ? htonl(~0u << (32 - plen)) : 0, mx[RTAX_MAX + 1] = { 0 };
	char d[HDB_NAMESZ], g[HDB_NAMESZ], m[HDB_NAMESZ], flags[8], *f = flags;
	const char *dev = n->oif ? ifname_of(n->oif) : "*";
	const unsigned char *mb = (const unsigned char *)&mask;
	struct nlattr *a;
	size_t rem;

	if (ri->tb[RTA_DST] && nla_len(ri->tb[RTA_DST]) >= 4)
		memcpy(&dst, nla_data(ri->tb[RTA_DST]), 4);
	if (n->gw)
		memcpy(&gw, n->gw, 4);
	if (ri->tb[RTA_METRICS])
		nla_for_each(a, nla_data(ri->tb[RTA_METRICS]), nla_len(ri->tb[RTA_METRICS]), rem)
			if (nla_type(a) <= RTAX_MAX)
				nla_get_u32(a, &mx[nla_type(a)]);
	*f++ = 'U';
	if (gw || n->via)
		*f++ = 'G';
	if (reject)
		f = flags, *f++ = '!';
	if (plen == 32)
		*f++ = 'H';
	*f = 0;
	/* The Destination and Gateway columns keep 15 characters of a name. */
	bfmt(d, 16, "%s", name4(dst, mask, plen == 32, 1, m));
	bfmt(g, 16, "%s", name4(gw, 0xffffff00, 1, 0, m));
	bfmt(m, 16, "%u.%u.%u.%u", mb[0], mb[1], mb[2], mb[3]);
	outf("%-15s %-15s %-15s %-5s ", d, reject ? "-" : g, m, flags);
	if (reject) {
		if (ext == 2)
			outs("    - -          - -\n");
		else
			outf(ext == 1 ? "%-6d -  %7d -\n" : "%-6d -  %7d -        -     -      -\n", metric, 0);
		return;
	}
	if (ext == 1)
		outf("%-6d %-2d %7d %s\n", metric, 0, 0, dev);
	else if (ext == 2)
		outf("%5d %-5d %6d %s\n", mx[RTAX_ADVMSS] ? (int)mx[RTAX_ADVMSS] + 40 : 0, (int)mx[RTAX_WINDOW],
		     (int)(mx[RTAX_RTT] >> 3), dev);
	else
		outf("%-6d %-3d %6d %-6.6s   %-5d %-6d %d\n", metric, 0, 0, dev, mx[RTAX_ADVMSS] ? (int)mx[RTAX_ADVMSS] + 40 : 0,
		     (int)mx[RTAX_WINDOW], (int)(mx[RTAX_RTT] >> 3));
}

static void row6(const unsigned char *dst, int plen, const unsigned char *gw, const char *flags, int metric, const char *dev)
{
	char d[HDB_NAMESZ + 8], g[HDB_NAMESZ];

	bfmt(d, sizeof(d), "%s/%d", name6(dst, g), plen);
	outf("%-30s %-26s %-4s %-3d %-1d %6d %s\n", d, name6(gw ? gw : zero, g), flags, metric, 1, 0, dev);
}

/* The tables of /proc/net/ipv6_route end in their root, which holds the null entry when no
 * default route is there: main and local always exist. */
struct t6 {
	int started, root, seen_main, seen_local;
	uint32_t table;
};

static void null6(void)
{

	row6(zero, 0, zero, "!n", -1, "lo");
}

static void table6(struct t6 *t, uint32_t next, int end)
{
	if (t->started && t->table != next && !t->root)
		null6();
	if (!t->seen_main && (end || ((next & 255) >= 254 && next != 254)))
		null6(), t->seen_main = 1;
	if (!t->seen_local && (end || ((next & 255) == 255 && next != 255)))
		null6(), t->seen_local = 1;
	t->seen_main |= next == 254;
	t->seen_local |= next == 255;
	t->table = next;
	t->started = 1;
}

static void nh6(const struct route_info *ri, const struct nh *n, void *arg)
{
	const struct rtmsg *rtm = ri->rtm;
	const struct rta_cacheinfo *ci = ri->tb[RTA_CACHEINFO] && nla_len(ri->tb[RTA_CACHEINFO]) >= sizeof(*ci) ?
					 nla_data(ri->tb[RTA_CACHEINFO]) : NULL;
	int reject = rtm->rtm_type == RTN_UNREACHABLE || rtm->rtm_type == RTN_PROHIBIT ||
		     rtm->rtm_type == RTN_BLACKHOLE || rtm->rtm_type == RTN_THROW;
	char flags[12], *f = flags;

	(void)arg;
	*f++ = reject ? '!' : 'U';
	if (n->gw)
		*f++ = 'G';
	if (n->flags & RTNH_F_ONLINK)
		*f++ = 'H';
	if (rtm->rtm_protocol == RTPROT_RA && !rtm->rtm_dst_len)
		*f++ = 'D', *f++ = 'A';
	if (ci && ci->rta_expires)
		*f++ = 'e';
	if (reject || rtm->rtm_type == RTN_LOCAL || rtm->rtm_type == RTN_ANYCAST)
		*f++ = 'n';
	*f = 0;
	row6(ri->tb[RTA_DST] && nla_len(ri->tb[RTA_DST]) >= 16 ? nla_data(ri->tb[RTA_DST]) : zero, rtm->rtm_dst_len,
	     n->gw, flags, (int)attr_u32(ri->tb[RTA_PRIORITY]), n->oif ? ifname_of(n->oif) : "");
}

struct show {
	int family, ext;
	struct t6 t6;
};

static int show_cb(const struct nlmsghdr *h, void *arg)
{
	struct show *s = arg;
	struct route_info ri;

	if (h->nlmsg_type != RTM_NEWROUTE || rtnl_route_parse(h, &ri) || ri.rtm->rtm_family != s->family ||
	    (ri.rtm->rtm_flags & RTM_F_CLONED))
		return 0;
	if (s->family == AF_INET) {
		if (rtnl_route_table(&ri) == RT_TABLE_MAIN && ri.rtm->rtm_type != RTN_BROADCAST &&
		    ri.rtm->rtm_type != RTN_MULTICAST)
			nexthops(&ri, 0, row4, &s->ext);
		return 0;
	}
	table6(&s->t6, rtnl_route_table(&ri), 0);
	s->t6.root = !ri.rtm->rtm_dst_len;
	nexthops(&ri, 1, nh6, NULL);
	return 0;
}

static int show(int family, int fc, int ext)
{
	struct show s = { family, ext, { 0, 0, 0, 0, 0 } };
	struct rtnl_filter f = { .family = (uint8_t)family, .table = family == AF_INET ? RT_TABLE_MAIN : 0 };
	int err = 0;

	if (family == AF_INET6) {
		static const char head[] = "Destination                    Next Hop                   Flag Met Ref  Use If\n";
		if (fc & FIB) {
			outf("Kernel IPv6 routing table\n%s", head);
			err = rtnl_route_dump(show_sock(0), &f, show_cb, &s);
			if (!err)
				table6(&s.t6, 0, 1);
		}
		if (fc & CACHE)
			outf("Kernel IPv6 routing cache\n%s", head);
	} else {
		static const char *const head[] = {
			"", "Flags Metric Ref    Use Iface\n", "Flags   MSS Window  irtt Iface\n",
			"Flags Metric Ref    Use Iface    MSS   Window irtt\n",
			"Flags Metric Ref    Use Iface    MSS   Window irtt  TOS HHRef HHUptod     SpecDst\n",
		};
		if (fc & FIB) {
			outf("Kernel IP routing table\n");
			if (ext) {
				outf("Destination     Gateway         Genmask         %s", head[ext]);
				err = rtnl_route_dump(show_sock(0), &f, show_cb, &s);
			}
		}
		if (fc & CACHE) {
			outf("Kernel IP routing cache\n");
			if (ext)
				outf("Source          Destination     Gateway         %s", head[ext == 3 ? 4 : ext]);
		}
	}
	/* No IPv4 route yet, no main table: /proc/net/route is empty then, and net-tools fails. */
	if (err && err != -ENOENT) {
		out_flush();
		errf("route: %s\n", errtext(-err));
	}
	return err != 0;
}

/* ---- add and del ---- */

/* net-tools' INET_resolve: 1 network, 0 host, -1 after herror's message. */
static int resolve4(const char *name, int hostfirst, uint32_t *a)
{
	uint32_t net;
	const char *p;

	if (!strcmp(name, "default")) {
		*a = 0;
		return 1;
	}
	if (hdb_aton(name, a) || (hostfirst && hdb_host_addr(name, AF_INET, a, NULL)))
		return 0;
	if (!hdb_net_addr(name, &net)) {
		*a = htonl(net);
		return 1;
	}
	if (!hostfirst && hdb_host_addr(name, AF_INET, a, NULL))
		return 0;
	/* What glibc's resolver leaves in h_errno when no DNS server answers; names of digits and
	 * dots never reach it. */
	for (p = name; *p && (isdig(*p) || *p == '.'); p++)
		;
	errf("%s: %s\n", name, hostfirst || !*p ? "Unknown host" : "Host name lookup failure");
	return -1;
}

static int type_cb(const struct nlmsghdr *h, void *arg)
{
	struct route_info ri;

	if (!rtnl_route_parse(h, &ri))
		*(int *)arg = ri.rtm->rtm_type;
	return 0;
}

/* The type of address a is (inet_addr_type: local, broadcast ... unicast), from the route the
 * kernel finds for it; one it has no route to is unicast for inet_addr_type too. -errno when
 * the kernel cannot say. */
static int addr_type(uint32_t a)
{
	struct route_req q;
	char buf[RTNL_BUF];
	struct nlb b;
	int t = RTN_UNICAST, err;

	route_req_init(&q);
	memcpy(q.dst, &a, 4);
	q.has_dst = 1;
	q.dst_len = 32;
	q.table = 0;
	q.protocol = q.scope = q.type = 0;
	rtnl_route_build(&b, buf, sizeof(buf), RTM_GETROUTE, 0, &q);
	err = nl_talk(ip_sock(), &b, type_cb, &t);
	return err && err != -ENETUNREACH && err != -EHOSTUNREACH ? err : t;
}

struct alias {
	const char *label;
	uint32_t addr;
	int found;
};

static int alias_cb(const struct nlmsghdr *h, void *arg)
{
	struct alias *al = arg;
	struct addr_info ai;
	const char *l;

	if (!al->found && !rtnl_addr_parse(h, &ai) && (l = nla_get_str(ai.tb[IFA_LABEL])) && !strcmp(l, al->label) &&
	    ai.tb[IFA_LOCAL] && nla_len(ai.tb[IFA_LOCAL]) == 4) {
		memcpy(&al->addr, nla_data(ai.tb[IFA_LOCAL]), 4);
		al->found = 1;
	}
	return 0;
}

/* The request, with what rtnl_route_build does not take: a priority of any 32 bits, the
 * preferred source of an alias device, and the metrics (mss, window, irtt; 0 = none). */
static int send_route(struct route_req *r, int type, const uint32_t *prio, uint32_t prefsrc, const uint32_t *mx)
{
	char buf[RTNL_BUF];
	struct nlb b;

	rtnl_route_build(&b, buf, sizeof(buf), (uint16_t)type, NLM_F_ACK | (type == RTM_NEWROUTE ? NLM_F_CREATE : 0), r);
	if (prio)
		nlb_put_u32(&b, RTA_PRIORITY, *prio);
	if (prefsrc)
		nlb_put(&b, RTA_PREFSRC, &prefsrc, 4);
	if (mx && (mx[0] | mx[1] | mx[2])) {
		struct nlattr *nest = nlb_nest_start(&b, RTA_METRICS);
		static const uint16_t ids[3] = { RTAX_ADVMSS, RTAX_WINDOW, RTAX_RTT };
		for (int i = 0; i < 3; i++)
			if (mx[i])
				nlb_put_u32(&b, ids[i], mx[i] - 1);
		nlb_nest_end(&b, nest);
	}
	return nl_talk(ip_sock(), &b, NULL, NULL);
}

/* perror("SIOCADDRT") and net-tools' E_SOCK. */
static int ioctl_fail(int action, int err)
{
	errf("%s: %s\n", action == ADD ? "SIOCADDRT" : "SIOCDELRT", errtext(err));
	return E_SOCK;
}

/* The words after the target, and what they are. */
enum { K_DEV = 1, K_METRIC, K_GW, K_NETMASK, K_MSS, K_WINDOW, K_IRTT, K_REJECT, K_MOD, K_REINSTATE };
static const struct { char name[10]; unsigned char code; } words[] = {
	{ "device", K_DEV }, { "dev", K_DEV }, { "metric", K_METRIC }, { "gw", K_GW }, { "gateway", K_GW },
	{ "via", K_GW }, { "netmask", K_NETMASK }, { "mss", K_MSS }, { "mtu", K_MSS }, { "window", K_WINDOW },
	{ "irtt", K_IRTT }, { "reject", K_REJECT }, { "mod", K_MOD }, { "dyn", K_MOD }, { "reinstate", K_REINSTATE },
};

static int keyword(const char *w)
{
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(words[i].name, w))
			return words[i].code;
	return 0;
}

enum { HOST = 1, GW = 2, REJECT = 4 };

/* The words of an IPv4 route. */
struct r4 {
	uint32_t dst, mask, gw, mx[3];
	const char *dev, *masktext;
	int isnet, flags;
	short rt_metric;
};

/* A netmask that a host route, the mask itself and the address agree with: 0, or -1. */
static int check_mask(const struct r4 *a)
{
	uint32_t m = ~ntohl(a->mask);

	if ((a->flags & HOST) && m != 0xffffffff) {
		errf("route: netmask %08x doesn't make sense with host route\n", m);
		return -1;
	}
	if (m & (m + 1)) {
		errf("route: bogus netmask %s\n", a->masktext);
		return -1;
	}
	if (a->dst & ~a->mask) {
		errf("route: netmask doesn't match route address\n");
		return -1;
	}
	return 0;
}

/* 0, -1 for the usage text, or E_LOOKUP. */
static int route4_words(char **args, struct r4 *a)
{
	char target[128], *slash;
	int xflag = 0;

	memset(a, 0, sizeof(*a));
	a->masktext = "";
	if (!strcmp(*args, "#net"))
		xflag = 1, args++;
	else if (!strcmp(*args, "#host"))
		xflag = 2, args++;
	if (!*args)
		return -1;
	bfmt(target, sizeof(target), "%s", *args++);
	if ((slash = strchr(target, '/'))) {
		uint32_t prefix = 0;
		*slash = 0;
		/* strtoul's number; net-tools shifts by it as x86 does (counts past 31 wrap). */
		if (slash[1] && parse_u32(slash + 1, &prefix, 0))
			return -1;
		a->mask = htonl(~(0xffffffffu >> (prefix & 31)));
	}
	if ((a->isnet = resolve4(target, xflag == 2, &a->dst)) < 0)
		return E_LOOKUP;
	if (xflag)
		a->isnet = xflag == 1;
	if (!a->isnet)
		a->flags |= HOST;
	for (; *args; args++) {
		int k = keyword(*args), n;
		if (k == K_REJECT) {
			a->flags |= REJECT;
			continue;
		}
		if (k >= K_MOD)
			continue;      /* flags the kernel ignores */
		if (!k) {
			/* A last word is the device. */
			if (a->dev || args[1])
				return -1;
			a->dev = *args;
			continue;
		}
		if (!*++args)
			return -1;
		n = xatoi(*args);
		switch (k) {
		case K_METRIC:
			if (!isdig(**args))
				return -1;
			a->rt_metric = (short)(n + 1);
			break;
		case K_NETMASK:
			if (a->mask)
				return -1;
			a->masktext = *args;
			if (resolve4(*args, 0, &a->mask) < 0)
				return E_LOOKUP;
			break;
		case K_GW:
			if (a->flags & GW)
				return -1;
			if ((a->isnet = resolve4(*args, 1, &a->gw)) < 0)
				return E_LOOKUP;
			if (a->isnet) {
				errf("route: %s: cannot use a NETWORK as gateway!\n", *args);
				return -1;
			}
			a->flags |= GW;
			break;
		case K_MSS:
			if (n < 64 || n > 65536) {
				errf("route: Invalid MSS/MTU.\n");
				return -1;
			}
			a->mx[0] = (uint32_t)n - 40 + 1;
			break;
		case K_WINDOW:
			if (n < 128) {
				errf("route: Invalid window.\n");
				return -1;
			}
			a->mx[1] = (uint32_t)n + 1;
			break;
		case K_IRTT:
			a->mx[2] = ((uint32_t)n << 3) + 1;
			break;
		default:   /* K_DEV */
			if (a->dev)
				return -1;
			a->dev = *args;
		}
	}
	return a->mask ? check_mask(a) : 0;
}

static int route4(int action, char **args)
{
	struct route_req r;
	struct r4 a;
	uint32_t prefsrc = 0, net, prio, *pp = NULL;
	int err = route4_words(args, &a);

	if (err < 0)
		return af_usage(usage4_text, E_OPTERR);
	if (err)
		return err;
	/* What the kernel's ioctl makes of it (rtentry_to_fib_config). */
	route_req_init(&r);
	memcpy(r.dst, &a.dst, 4);
	r.has_dst = 1;
	for (net = ntohl(a.mask); net & 0x80000000u; net <<= 1)
		r.dst_len++;
	if (a.flags & HOST)
		r.dst_len = 32;
	if (a.rt_metric)
		prio = (uint32_t)(a.rt_metric - 1), pp = &prio;
	r.type = RTN_UNICAST;
	if (a.flags & REJECT) {
		/* The ioctl leaves the table unset here: main, but 0 in the route's fib_info. */
		r.type = RTN_UNREACHABLE;
		r.scope = RT_SCOPE_HOST;
		r.table = 0;
		err = send_route(&r, action == ADD ? RTM_NEWROUTE : RTM_DELROUTE, pp, 0, NULL);
		return err ? ioctl_fail(action, -err) : 0;
	}
	if (a.dev) {
		char base[IFNAMSIZ + 1];
		bfmt(base, sizeof(base), "%.*s", (int)strcspn(a.dev, ":"), a.dev);
		r.oif = rtnl_link_index(ip_sock(), base);
		if (r.oif > 0 && a.dev[strlen(base)]) {
			struct alias al = { a.dev, 0, 0 };
			struct rtnl_filter f = { .family = AF_INET, .ifindex = r.oif };
			rtnl_addr_dump(ip_sock(), &f, alias_cb, &al);
			r.oif = al.found ? r.oif : -ENODEV;
			prefsrc = al.addr;
		}
		if (r.oif <= 0)
			return ioctl_fail(action, ENODEV);
	}
	if (a.gw) {
		memcpy(r.gw, &a.gw, 4);
		r.has_gw = 1;
	}
	if (action == DEL)
		err = send_route(&r, RTM_DELROUTE, pp, prefsrc, NULL);
	else if ((a.flags & GW) && !a.gw)
		err = -EINVAL;
	/* The ioctl gives scope universe only to a gateway that is a unicast address: another
	 * (broadcast, local ...) gets scope link, which the kernel tells from the error. */
	else if ((err = a.gw ? addr_type(a.gw) : RTN_UNICAST) >= 0) {
		r.scope = a.gw && err == RTN_UNICAST ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
		err = send_route(&r, RTM_NEWROUTE, pp, prefsrc, a.mx);
	}
	return err ? ioctl_fail(action, -err) : 0;}

static int route6(int action, char **args)
{
	struct route_req r;
	const char *dev = NULL;
	char target[128], *slash;
	int gw = 0, named = 0, err;
	uint32_t metric = 1;

	route_req_init(&r);
	r.family = AF_INET6;
	r.has_dst = 1;
	bfmt(target, sizeof(target), "%s", *args++);
	r.dst_len = 128;
	if ((slash = strchr(target, '/'))) {
		*slash = 0;
		r.dst_len = xatoi(slash + 1);
		if (r.dst_len < 0 || r.dst_len > 128)
			goto usage;
	}
	if (!strcmp(target, "default")) {
		if (!slash)
			r.dst_len = 0;
	} else if (inet_pton(AF_INET6, target, r.dst) != 1 && !(named = hdb_host_addr(target, AF_INET6, r.dst, NULL))) {
		unsigned char v4[4];
		int v = hdb_aton(target, v4);
		errf("getaddrinfo: %s: %d\n%s: %s\n", target, v ? -9 : -3, target,
		     v ? "Resolver Error 0 (no error)" : "Host name lookup failure");
		return 1;
	}
	for (; *args; args++) {
		int k = keyword(*args);
		if (k == K_MOD)
			continue;      /* flags the kernel ignores */
		if (k != K_DEV && k != K_METRIC && k != K_GW) {
			/* A last word is the device. */
			if (args[1])
				goto usage;
			dev = *args;
			continue;
		}
		if (!*++args)
			goto usage;
		if (k == K_DEV) {
			dev = *args;
		} else if (k == K_METRIC) {
			if (!isdig(**args))
				goto usage;
			metric = (uint32_t)xatoi(*args);
		} else {
			if (gw)
				goto usage;
			if (inet_pton(AF_INET6, *args, r.gw) != 1) {
				/* herror with what the target's lookup left in h_errno */
				errf("%s: %s\n", *args, named ? "Unknown host" : "Resolver Error 0 (no error)");
				return E_LOOKUP;
			}
			r.has_gw = gw = 1;
		}
	}
	if (dev && (r.oif = rtnl_link_index(ip_sock(), dev)) <= 0) {
		errf("SIOGIFINDEX: %s\n", errtext(ENODEV));
		return E_SOCK;
	}
	/* ip6_route_add/ip6_route_del as the ioctl calls them: metric 0 means 1024; RTF_HOST of
	 * a /128 is RTNH_F_ONLINK's bit. */
	if (r.dst_len == 128)
		r.flags = RTNH_F_ONLINK;
	if (!metric)
		metric = 1024;
	if ((err = send_route(&r, action == ADD ? RTM_NEWROUTE : RTM_DELROUTE, &metric, 0, NULL)))
		return ioctl_fail(action, -err);
	return 0;
usage:
	return af_usage(usage6_text, E_OPTERR);
}

static int edit(int family, int action, int fc, char **args)
{
	const char *text = family == AF_INET6 ? usage6_text : usage4_text;

	if (action == FLUSH) {
		errf("Flushing `%s' routing table not supported\n", family == AF_INET6 ? "inet6" : "inet");
		return af_usage(text, E_OPTERR);
	}
	if (family == AF_INET) {
		if (fc & CACHE) {
			errf("Modifying `inet' routing cache not supported\n");
			return af_usage(text, E_OPTERR);
		}
		if (!*args || action == HELP)
			return af_usage(text, 0);
		return route4(action, args);
	}
	if (action == HELP)
		return af_usage(text, 0);
	if (!*args)
		return af_usage(text, E_OPTERR);
	return route6(action, args);
}

int route_main(int argc, char **argv)
{
	int fams[8], nfam = 0, ext = 1, fc = 0, help = 0, what = SHOW, rc = 0, c;

	/* getopt would take -net and -host for options. */
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-net") || !strcmp(argv[i], "-host"))
			argv[i] = argv[i][1] == 'n' ? "#net" : "#host";
	while ((c = gopt_next(argc, argv, "A:eCFhnN64Vv?", longs)) != -1) {
		switch (c) {
		case 'n': case 'N': numeric = 1; break;
		case 'e': ext++; break;
		case 'C': fc |= CACHE; break;
		case 'F': fc |= FIB; break;
		case 'v': break;
		case 'V':
			outs("net-tools 2.10 (nsbox)\n");
			return 0;
		case '4': case '6': case 'A': {
			char buf[64], *save, *w;
			bfmt(buf, sizeof(buf), "%s", c == 'A' ? gopt_arg : c == '4' ? "inet" : "inet6");
			for (save = buf; (w = str_word(&save, ",")); ) {
				if (strcmp(w, "inet") && strcmp(w, "inet6")) {
					errf("Unknown address family `%s'.\n", w);
					return 1;
				}
				if (nfam < 8)
					fams[nfam++] = w[4] ? AF_INET6 : AF_INET;
			}
			break;
		}
		default: help = 1; break;
		}
	}
	argv += gopt_ind;
	if (help) {
		if (!nfam)
			usage(0);
		what = HELP;
	} else {
		if (!nfam)
			fams[nfam++] = AF_INET;
		if (*argv) {
			if (!strcmp(*argv, "add"))
				what = ADD;
			else if (!strcmp(*argv, "del") || !strcmp(*argv, "delete"))
				what = DEL;
			else if (!strcmp(*argv, "flush"))
				what = FLUSH;
			else
				usage(E_OPTERR);
		}
	}
	if (what != SHOW)
		return edit(fams[0], what, fc, argv + 1);
	for (int i = 0; i < nfam; i++)
		rc = show(fams[i], fc ? fc : FIB, ext & 3);
	return rc;
}
