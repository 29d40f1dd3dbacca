/* Text-or-JSON field printer with iproute2's layouts, and the small lookups the show commands
 * share (link names by index, dump sockets, dump errors). */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>
#include "hostsdb.h"
#include "inet.h"
#include "lib.h"
#include "lines.h"
#include "genl.h"
#include "ip_print.h"
#include "out.h"

/* glibc's <net/if.h> (the unit-test build) lacks the flags only the kernel sets. */
#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#define IFF_DORMANT 0x20000
#define IFF_ECHO 0x40000
#endif

/* JSON writer. iproute2's layout: a separator is owed before every element after the first of a
 * container; under -p each name starts a new line indented four spaces per level, arrays open
 * with "[ " and close with " ]", and a container's closing bracket gets its own line only
 * when it is an object that holds something. */
static struct {
	int depth;
	char sep;
} jw;

static void jw_eol(void)
{
	if (!ipo.pretty)
		return;
	outc('\n');
	for (int i = 0; i < jw.depth; i++)
		outs("    ");
}

static void jw_eor(void)
{
	if (jw.sep)
		outc(jw.sep);
	jw.sep = ',';
}

static void jw_quoted(const char *s)
{
	static const char from[] = "\t\n\r\f\b\\\"", to[] = "tnrfb\\\"";

	outc('"');
	for (; *s; s++) {
		const char *e = strchr(from, *s);
		if (e) {
			outc('\\');
			outc(to[e - from]);
		} else {
			outc(*s);
		}
	}
	outc('"');
}

static void jw_begin(int c)
{
	jw_eor();
	outc(c);
	jw.depth++;
	jw.sep = 0;
	if (c == '[' && ipo.pretty)
		outc(' ');
}

static void jw_end(int c)
{
	if (c == ']') {
		if (ipo.pretty && jw.sep)
			outc(' ');
		jw.sep = 0;
	}
	jw.depth--;
	if (jw.sep)
		jw_eol();
	outc(c);
	jw.sep = ',';
}

/* The name of the next element, when it has one; its value then calls jw_eor(). */
static void jw_key(const char *key)
{
	if (!key)
		return;
	jw_eor();
	jw_eol();
	jw_quoted(key);
	outc(':');
	if (ipo.pretty)
		outc(' ');
	jw.sep = 0;
}

static int in_text(int where) { return !IPO_JSON && where != PR_JSON; }
static int in_json(int where) { return IPO_JSON && where != PR_TEXT; }

/* The key of a JSON member, when where is printed in JSON; 1 then, for its value to follow. */
static int json_key(int where, const char *key)
{
	if (!in_json(where))
		return 0;
	jw_key(key);
	jw_eor();
	return 1;
}

/* Idempotent: the show commands open the output only once they know they will not fail first.
 * pr_end closes it, so the next command of a batch opens its own. */
static int begun;

void pr_begin(void)
{
	if (IPO_JSON && !begun)
		jw_begin('[');
	begun = 1;
}

void pr_end(void)
{
	if (!IPO_JSON)
		return;
	jw_end(']');
	outc('\n');
	begun = 0;
	jw.sep = 0;
	jw.depth = 0;
}

void pr_obj_open(const char *key)
{
	if (!IPO_JSON)
		return;
	if (key)
		jw_key(key);
	jw_begin('{');
}

void pr_obj_close(void)
{
	if (IPO_JSON)
		jw_end('}');
}

void pr_arr_open(int where, const char *key_or_text)
{
	if (in_json(where)) {
		if (key_or_text)
			jw_key(key_or_text);
		jw_begin('[');
	} else if (in_text(where)) {
		outs(key_or_text);
	}
}

void pr_arr_close(int where, const char *text)
{
	if (in_json(where))
		jw_end(']');
	else if (in_text(where) && text)
		outs(text);
}

void pr_str(int where, const char *key, const char *fmt, const char *val)
{
	if (json_key(where, key))
		jw_quoted(val);
	else if (in_text(where) && fmt)
		outf(fmt, val);
}

void pr_uint(int where, const char *key, const char *fmt, unsigned val)
{
	if (json_key(where, key))
		outf("%u", val);
	else if (in_text(where) && fmt)
		outf(fmt, val);
}

void pr_int(int where, const char *key, const char *fmt, int val)
{
	if (json_key(where, key))
		outf("%d", val);
	else if (in_text(where) && fmt)
		outf(fmt, val);
}

void pr_u64(int where, const char *key, const char *fmt, uint64_t val)
{
	if (json_key(where, key))
		outf("%llu", (unsigned long long)val);
	else if (in_text(where) && fmt)
		outf(fmt, (unsigned long long)val);
}

void pr_bool(int where, const char *key, const char *text, int val)
{
	if (json_key(where, key))
		outs(val ? "true" : "false");
	else if (in_text(where) && text)
		outs(text);
}

void pr_null(const char *key)
{
	if (json_key(PR_JSON, key))
		outs("null");
}

void pr_raw(const char *key, const char *text)
{
	if (json_key(PR_JSON, key))
		outs(text);
}

void pr_text(const char *fmt, ...)
{
	va_list ap;

	if (IPO_JSON)
		return;
	va_start(ap, fmt);
	voutf(fmt, ap);
	va_end(ap);
}

const char *pr_sl(void)
{
	return ipo.oneline ? "\\" : "\n";
}

void pr_nl(void)
{
	if (!IPO_JSON)
		outs(pr_sl());
}

/* Names. The tables are iproute2's built-in ones plus Debian's /etc/iproute2 defaults. */
struct numname {
	unsigned num;
	const char *name;
};

static const char *lookup(const struct numname *t, size_t n, unsigned num)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].num == num)
			return t[i].name;
	return NULL;
}

static int rlookup(const struct numname *t, size_t n, const char *name, unsigned *num)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].name, name))
			return *num = t[i].num, 0;
	return -1;
}

#define N(t) (sizeof(t) / sizeof(t[0]))

static const char *num_or(const char *name, unsigned num, char *buf)
{
	if (name)
		return name;
	bfmt(buf, PR_NAMESZ, "%u", num);
	return buf;
}

const char *name_operstate(unsigned state)
{
	static const char *const s[] = {
		"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP",
	};
	return state < N(s) ? s[state] : NULL;
}

static const struct numname arphrd[] = {
	{ 0, "netrom" }, { 1, "ether" }, { 2, "eether" }, { 3, "ax25" }, { 4, "pronet" },
	{ 5, "chaos" }, { 6, "ieee802" }, { 7, "arcnet" }, { 8, "atalk" }, { 15, "dlci" },
	{ 19, "atm" }, { 23, "metricom" }, { 24, "ieee1394" }, { 32, "infiniband" },
	{ 256, "slip" }, { 257, "cslip" }, { 258, "slip6" }, { 259, "cslip6" }, { 260, "rsrvd" },
	{ 264, "adapt" }, { 270, "rose" }, { 271, "x25" }, { 272, "hwx25" }, { 280, "can" },
	{ 512, "ppp" }, { 513, "hdlc" }, { 516, "lapb" }, { 517, "ddcmp" }, { 518, "rawhdlc" },
	{ 519, "rawip" }, { 768, "ipip" }, { 769, "tunnel6" }, { 770, "frad" }, { 771, "skip" },
	{ 772, "loopback" }, { 773, "ltalk" }, { 774, "fddi" }, { 775, "bif" }, { 776, "sit" },
	{ 777, "ip/ddp" }, { 778, "gre" }, { 779, "pimreg" }, { 780, "hippi" }, { 781, "ash" },
	{ 782, "econet" }, { 783, "irda" }, { 784, "fcpp" }, { 785, "fcal" }, { 786, "fcpl" },
	{ 787, "fcfb0" }, { 788, "fcfb1" }, { 789, "fcfb2" }, { 790, "fcfb3" }, { 791, "fcfb4" },
	{ 792, "fcfb5" }, { 793, "fcfb6" }, { 794, "fcfb7" }, { 795, "fcfb8" }, { 796, "fcfb9" },
	{ 797, "fcfb10" }, { 798, "fcfb11" }, { 799, "fcfb12" }, { 800, "tr" },
	{ 801, "ieee802.11" }, { 802, "ieee802.11/prism" }, { 803, "ieee802.11/radiotap" },
	{ 804, "ieee802.15.4" }, { 805, "ieee802.15.4/monitor" }, { 820, "phonet" },
	{ 821, "phonet_pipe" }, { 822, "caif" }, { 823, "gre6" }, { 824, "netlink" },
	{ 825, "6lowpan" }, { 0xfffe, "none" }, { 0xffff, "void" },
};

/* -N: iproute2 prints the numbers of the tables below (types, scopes, protocols, tables,
 * groups) instead of their names. */
const char *name_arphrd(unsigned type, char *buf)
{
	const char *s = ipo.numeric ? NULL : lookup(arphrd, N(arphrd), type);

	if (s)
		return s;
	bfmt(buf, PR_NAMESZ, "[%u]", type);
	return buf;
}

static const struct numname scopes[] = {
	{ 0, "global" }, { 255, "nowhere" }, { 254, "host" }, { 253, "link" }, { 200, "site" },
};

const char *name_scope(unsigned scope, char *buf)
{
	return num_or(ipo.numeric ? NULL : lookup(scopes, N(scopes), scope), scope, buf);
}

static const struct numname protos[] = {
	{ 0, "unspec" }, { 1, "redirect" }, { 2, "kernel" }, { 3, "boot" }, { 4, "static" },
	{ 8, "gated" }, { 9, "ra" }, { 10, "mrt" }, { 11, "zebra" }, { 12, "bird" },
	{ 13, "dnrouted" }, { 14, "xorp" }, { 15, "ntk" }, { 16, "dhcp" }, { 18, "keepalived" },
	{ 42, "babel" }, { 99, "openr" }, { 186, "bgp" }, { 187, "isis" }, { 188, "ospf" },
	{ 189, "rip" }, { 192, "eigrp" },
};

const char *name_proto(unsigned proto, char *buf)
{
	return num_or(ipo.numeric ? NULL : lookup(protos, N(protos), proto), proto, buf);
}

static const struct numname tables[] = {
	{ 0, "unspec" }, { 253, "default" }, { 254, "main" }, { 255, "local" },
};

const char *name_table(uint32_t table, char *buf)
{
	return num_or(ipo.numeric ? NULL : lookup(tables, N(tables), table), table, buf);
}

static const struct numname rtntypes[] = {
	{ 0, "none" }, { 1, "unicast" }, { 2, "local" }, { 3, "broadcast" }, { 4, "anycast" },
	{ 5, "multicast" }, { 6, "blackhole" }, { 7, "unreachable" }, { 8, "prohibit" },
	{ 9, "throw" }, { 10, "nat" }, { 11, "xresolve" },
};

const char *name_rtntype(unsigned type, char *buf)
{
	return num_or(ipo.numeric ? NULL : lookup(rtntypes, N(rtntypes), type), type, buf);
}

const char *name_family(int family)
{
	static const struct numname fams[] = {
		{ AF_INET, "inet" }, { AF_INET6, "inet6" }, { AF_DECnet, "dnet" },
		{ AF_PACKET, "link" }, { AF_IPX, "ipx" }, { AF_MPLS, "mpls" }, { AF_BRIDGE, "bridge" },
	};
	const char *s = lookup(fams, N(fams), family);
	return s ? s : "???";
}

const char *name_group(uint32_t group, char *buf)
{
	if (group == 0 && !ipo.numeric)
		return "default";
	bfmt(buf, PR_NAMESZ, "%d", (int)group);
	return buf;
}

/* A name from the table, else a number (any base, as strtoul(s, 0)) up to max. */
static int name_or_num(const struct numname *t, size_t n, const char *s, uint32_t max, uint32_t *out)
{
	unsigned v;

	if (!rlookup(t, n, s, &v))
		return *out = v, 0;
	if (parse_u32(s, out, 0) || *out > max)
		return -1;
	return 0;
}

int parse_scope(const char *s, unsigned *out)
{
	uint32_t v = 0;
	int r = name_or_num(scopes, N(scopes), s, 255, &v);
	*out = v;
	return r;
}

int parse_proto(const char *s, unsigned *out)
{
	uint32_t v = 0;
	int r = name_or_num(protos, N(protos), s, 255, &v);
	*out = v;
	return r;
}

int parse_table(const char *s, uint32_t *out)
{
	return name_or_num(tables, N(tables), s, UINT32_MAX, out);
}

/* Link flags: NO-CARRIER first, then the named flags in this order, unknown bits in hex. A comma
 * follows a name whenever bits remain to print. */
void pr_link_flags(unsigned flags, int m_down)
{
	static const struct numname names[] = {
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
		{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_MASTER, "MASTER" }, { IFF_SLAVE, "SLAVE" }, { IFF_DEBUG, "DEBUG" },
		{ IFF_DYNAMIC, "DYNAMIC" }, { IFF_AUTOMEDIA, "AUTOMEDIA" }, { IFF_PORTSEL, "PORTSEL" },
		{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_UP, "UP" }, { IFF_LOWER_UP, "LOWER_UP" },
		{ IFF_DORMANT, "DORMANT" }, { IFF_ECHO, "ECHO" },
	};
	char hex[16];

	pr_arr_open(PR_ANY, IPO_JSON ? "flags" : "<");
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		pr_str(PR_ANY, NULL, "%s,", "NO-CARRIER");
	flags &= ~IFF_RUNNING;
	for (size_t i = 0; i < N(names); i++) {
		if (!(flags & names[i].num))
			continue;
		flags &= ~names[i].num;
		pr_str(PR_ANY, NULL, flags ? "%s," : "%s", names[i].name);
	}
	if (flags) {
		bfmt(hex, sizeof(hex), "%x", flags);
		pr_str(PR_ANY, NULL, "%s", hex);
	}
	if (m_down)
		pr_str(PR_ANY, NULL, ",%s", "M-DOWN");
	pr_arr_close(PR_ANY, "> ");
}

/* IPv6 text as glibc writes it (iproute2's reference): the longest run of two or more zero
 * words becomes "::", and ::a.b.c.d / ::ffff:a.b.c.d keep their IPv4 tail. */
static void fmt_inet6(const unsigned char *a, char *buf)
{
	unsigned w[8];
	int best = -1, blen = 0, cur = -1, clen = 0;
	char *p = buf;

	for (int i = 0; i < 8; i++) {
		w[i] = a[2 * i] << 8 | a[2 * i + 1];
		if (w[i] == 0) {
			if (cur < 0)
				cur = i, clen = 0;
			if (++clen > blen && clen >= 2)
				best = cur, blen = clen;
		} else {
			cur = -1;
		}
	}
	for (int i = 0; i < 8; i++) {
		if (best >= 0 && i >= best && i < best + blen) {
			if (i == best)
				*p++ = ':';
			continue;
		}
		if (i)
			*p++ = ':';
		if (i == 6 && best == 0 && (blen == 6 || (blen == 5 && w[5] == 0xffff))) {
			p += bfmt(p, 16, "%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
			break;
		}
		p += bfmt(p, 8, "%x", w[i]);
	}
	if (best >= 0 && best + blen == 8)
		*p++ = ':';
	*p = 0;
}

const char *fmt_inet(int family, const void *data, size_t len, char *buf)
{
	const unsigned char *a = data;

	if (family == AF_INET && len >= 4)
		bfmt(buf, PR_ADDRSZ, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	else if (family == AF_INET6 && len >= 16)
		fmt_inet6(a, buf);
	else
		bfmt(buf, PR_ADDRSZ, "???");
	return buf;
}

const char *fmt_host(int family, const void *data, size_t len, char *buf)
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	const unsigned char *a = data;

	if (ipo.resolve && len == 16 && family == AF_INET6 && !memcmp(a, mapped, 12) &&
	    hdb_host_name(AF_INET, a + 12, buf))
		return buf;
	if (ipo.resolve && len == (family == AF_INET ? 4u : 16u) && hdb_host_name(family, a, buf))
		return buf;
	return fmt_inet(family, data, len, buf);
}

/* Hardware addresses as colon-separated hex; tunnels carry IP addresses instead. */
const char *fmt_lladdr(const unsigned char *a, size_t len, unsigned type, char *buf)
{
	static const char hex[] = "0123456789abcdef";
	char *p = buf;

	if (len == 4 && (type == 768 || type == 776 || type == 778))   /* ipip, sit, gre */
		return fmt_inet(AF_INET, a, len, buf);
	if (len == 16 && (type == 769 || type == 823))                 /* tunnel6, gre6 */
		return fmt_inet(AF_INET6, a, len, buf);
	/* What fits in PR_ADDRSZ: 21 bytes; no byte at all still shows as 00. */
	if (len > (PR_ADDRSZ - 1) / 3)
		len = (PR_ADDRSZ - 1) / 3;
	for (size_t i = 0; i < (len ? len : 1); i++) {
		unsigned b = len ? a[i] : 0;
		if (i)
			*p++ = ':';
		*p++ = hex[b >> 4];
		*p++ = hex[b & 15];
	}
	*p = 0;
	return buf;
}

/* Link names by index: a direct-mapped cache, so memory stays the same however many links. */
#define IFCACHE 64
static struct ifcache {
	int index;
	unsigned flags;
	char name[IFNAMSIZ];
} ifcache[IFCACHE];

static void copy_name(char *dst, const char *src)
{
	size_t n = strnlen(src, IFNAMSIZ - 1);

	memcpy(dst, src, n);
	dst[n] = 0;
}

static int take_link(const struct nlmsghdr *h, void *arg)
{
	struct ifcache *e = arg;
	struct link_info li;
	const char *s;

	if (rtnl_link_parse(h, &li) < 0 || !(s = nla_get_str(li.tb[IFLA_IFNAME])))
		return -EPROTO;
	copy_name(e->name, s);
	e->flags = li.ifi->ifi_flags;
	return 0;
}

static struct ifcache *ifcache_get(int index)
{
	struct ifcache *e = &ifcache[(unsigned)index % IFCACHE];

	if (e->index == index && index)
		return e;
	e->index = index;
	if (rtnl_link_get(ip_sock(), NULL, index, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS,
			  take_link, e) < 0) {
		bfmt(e->name, sizeof(e->name), "if%d", index);
		e->flags = 0;
		e->index = 0;  /* not remembered, as in iproute2: it may turn up */
	}
	return e;
}

void ifcache_note(int index, const char *name, unsigned flags)
{
	struct ifcache *e = &ifcache[(unsigned)index % IFCACHE];

	e->index = index;
	e->flags = flags;
	copy_name(e->name, name);
}

void ifcache_learn(int index, const char *name, unsigned flags, int deleted)
{
	struct ifcache *e = &ifcache[(unsigned)index % IFCACHE];

	if (e->index == index && index && (deleted || name))
		e->index = deleted ? 0 : index, e->flags = flags;
	else if (!deleted && name)
		ifcache_note(index, name, flags);
}

void ifcache_forget(void)
{
	memset(ifcache, 0, sizeof(ifcache));
}

const char *ifname_of(int index)
{
	return ifcache_get(index)->name;
}

unsigned ifflags_of(int index)
{
	return ifcache_get(index)->flags;
}

struct nlsock *show_sock(int which)
{
	static struct nlsock socks[4];
	static int opened[4];
	int err;

	if (!opened[which]) {
		err = nl_open(&socks[which], NETLINK_ROUTE);
		if (err)
			die(1, "Cannot open netlink socket: %s\n", errtext(-err));
		opened[which] = 1;
	}
	return &socks[which];
}

/* The RTNH_F_* and RTM_F_* words of a route's or a nexthop's flags, as iproute2 prints them. */
void pr_rt_flags(unsigned flags)
{
	static const struct { unsigned mask; const char *name; } names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" }, { RTNH_F_PERVASIVE, "pervasive" },
		{ RTNH_F_OFFLOAD, "offload" }, { RTNH_F_TRAP, "trap" }, { RTM_F_NOTIFY, "notify" },
		{ RTNH_F_LINKDOWN, "linkdown" }, { RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};

	pr_arr_open(PR_JSON, "flags");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].mask)
			pr_str(PR_ANY, NULL, "%s ", names[i].name);
	pr_arr_close(PR_JSON, NULL);
}

/* /etc/protocols, read as glibc reads it (ip_print.h). */
int ip_ipproto_db(const char *want, unsigned num, char *b)
{
	struct lines l;
	char *line, *save, *name, *tok;
	uint32_t n;
	int found = -1;

	if (lines_open(&l, "/etc/protocols"))
		return -1;
	while (found < 0 && (line = lines_next(&l))) {
		line[strcspn(line, "#")] = 0;
		if (!(name = strtok_r(line, " \t", &save)) || !(tok = strtok_r(NULL, " \t", &save)) ||
		    parse_u32(tok, &n, 10))
			continue;
		if (!want) {
			if (n == num && bfmt(b, PR_NAMESZ, "%s", name))
				found = n;
			continue;
		}
		for (tok = name; tok && found < 0; tok = strtok_r(NULL, " \t", &save))
			if (!strcmp(tok, want))
				found = n;
	}
	lines_close(&l);
	return found;
}

int ip_hw_s_flag(const struct nlattr *a, const char *what)
{
	uint8_t v = 0;

	if (!a)
		return -1;
	if (nla_len(a))
		memcpy(&v, nla_data(a), 1);
	if (v <= 1)
		return v;
	errf("Invalid value for %s: expected 0 or 1, got %d.\n", what, v);
	return -1;
}

int ip_genl_show(struct nlsock *sk, uint16_t *family, uint8_t cmd, uint8_t version, nl_cb print)
{
	char buf[64];
	struct nlb b;
	int err;

	genl_start(&b, buf, sizeof(buf), *family, cmd, version, NLM_F_DUMP);
	pr_begin();
	if ((err = nl_talk(sk, &b, print, family))) {
		if (err < 0 && sk->errmsg[0])
			ip_report_nlerr(sk, err);
		else if (err < 0 && err != -ENOENT)
			errf("RTNETLINK answers: %s\n", errtext(-err));
		ip_fail(255, "Dump terminated\n");
	}
	pr_end();
	return 0;
}
