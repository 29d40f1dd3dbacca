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

#if NSBOX_FEATURE_JSON
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

OUT_VA void pr_text(const char *fmt, ...)
{
	va_list ap;

	if (IPO_JSON)
		return;
	va_start(ap, fmt);
	voutf(fmt, ap);
	va_end(ap);
}

void pr_nl(void)
{
	if (!IPO_JSON)
		outs(pr_sl());
}
#endif

const char *pr_sl(void)
{
	return ipo.oneline ? "\\" : "\n";
}

/* Names. The tables are iproute2's built-in ones plus Debian's /etc/iproute2 defaults, each
 * one list made into numbers and NUL-separated names (no pointer per name). */
#define NUM(n, s) n,
/* The bit number of a one-bit flag, as a constant: its row of a flag table fits a byte. */
#define BIT1(n) ((n) >> 1 ? 1 : 0)
#define BIT2(n) ((n) >> 2 ? 2 + BIT1((n) >> 2) : BIT1(n))
#define BIT4(n) ((n) >> 4 ? 4 + BIT2((n) >> 4) : BIT2(n))
#define BIT8(n) ((n) >> 8 ? 8 + BIT4((n) >> 8) : BIT4(n))
#define BITNUM(n, s) ((n) >> 16 ? 16 + BIT8((n) >> 16) : BIT8(n)),
#define NAME(n, s) s "\0"
#define TABLE(t, list) \
	static const unsigned char t##_num[] = { list(NUM) }; \
	static const char t##_name[] = list(NAME)
#define N(t) (sizeof(t) / sizeof(t[0]))
#define T(t) t##_num, N(t##_num), t##_name

static const char *lookup(const unsigned char *num, size_t n, const char *names, unsigned want)
{
	for (size_t i = 0; i < n; i++)
		if (num[i] == want)
			return kw_nth(names, (int)i);
	return NULL;
}

static int rlookup(const unsigned char *num, size_t n, const char *names, const char *name, unsigned *out)
{
	for (size_t i = 0; i < n; i++, names += kw_skip(names))
		if (!strcmp(names, name))
			return *out = num[i], 0;
	return -1;
}

/* The name of num in a table, or (none, or -N) its number in buf. */
static __attribute__((noinline)) const char *name_in(const unsigned char *nums, size_t n, const char *names,
						       unsigned num, char *buf)
{
	const char *name = ipo.numeric ? NULL : lookup(nums, n, names, num);

	if (name)
		return name;
	bfmt(buf, PR_NAMESZ, "%u", num);
	return buf;
}

const char *name_operstate(unsigned state)
{
	static const char s[] = "UNKNOWN\0NOTPRESENT\0DOWN\0LOWERLAYERDOWN\0TESTING\0DORMANT\0UP";

	return state < 7 ? kw_nth(s, (int)state) : NULL;
}

/* ARPHRD_ names in runs of consecutive numbers (start, count): fcfb0..fcfb12 (787..799) are
 * left empty and formatted. */
static const unsigned short arphrd_runs[] = { 0, 9, 15, 1, 19, 1, 23, 2, 32, 1, 256, 5, 264, 1, 270, 3,
					       280, 1, 512, 2, 516, 4, 768, 38, 820, 6, 0xfffe, 2 };
static const char arphrd_names[] =
	"netrom\0ether\0eether\0ax25\0pronet\0chaos\0ieee802\0arcnet\0atalk\0" /* 0 */
	"dlci\0atm\0metricom\0ieee1394\0infiniband\0"                         /* 15 19 23 24 32 */
	"slip\0cslip\0slip6\0cslip6\0rsrvd\0adapt\0rose\0x25\0hwx25\0can\0"   /* 256 264 270 280 */
	"ppp\0hdlc\0lapb\0ddcmp\0rawhdlc\0rawip\0"                            /* 512 516 */
	"ipip\0tunnel6\0frad\0skip\0loopback\0ltalk\0fddi\0bif\0sit\0ip/ddp\0gre\0"  /* 768 */
	"pimreg\0hippi\0ash\0econet\0irda\0fcpp\0fcal\0fcpl\0"
	"\0\0\0\0\0\0\0\0\0\0\0\0\0"
	"tr\0ieee802.11\0ieee802.11/prism\0ieee802.11/radiotap\0ieee802.15.4\0"
	"ieee802.15.4/monitor\0"
	"phonet\0phonet_pipe\0caif\0gre6\0netlink\0" "6lowpan\0"            /* 820 */
	"none\0void";                                                          /* 0xfffe */

/* -N: iproute2 prints the numbers of the tables below (types, scopes, protocols, tables,
 * groups) instead of their names. */
const char *name_arphrd(unsigned type, char *buf)
{
	const char *s = arphrd_names;

	for (size_t i = 0; !ipo.numeric && i < N(arphrd_runs); i += 2) {
		unsigned off = type - arphrd_runs[i];
		if (off < arphrd_runs[i + 1]) {
			s = kw_nth(s, off);
			if (*s)
				return s;
			bfmt(buf, PR_NAMESZ, "fcfb%u", type - 787);
			return buf;
		}
		s = kw_nth(s, arphrd_runs[i + 1]);
	}
	bfmt(buf, PR_NAMESZ, "[%u]", type);
	return buf;
}

#define SCOPES(X) \
	X(0, "global") X(255, "nowhere") X(254, "host") X(253, "link") X(200, "site")
TABLE(scopes, SCOPES);

const char *name_scope(unsigned scope, char *buf)
{
	return name_in(T(scopes), scope, buf);
}

#define PROTOS(X) \
	X(0, "unspec") X(1, "redirect") X(2, "kernel") X(3, "boot") X(4, "static") X(8, "gated") \
	X(9, "ra") X(10, "mrt") X(11, "zebra") X(12, "bird") X(13, "dnrouted") X(14, "xorp") X(15, "ntk") \
	X(16, "dhcp") X(18, "keepalived") X(42, "babel") X(99, "openr") X(186, "bgp") X(187, "isis") \
	X(188, "ospf") X(189, "rip") X(192, "eigrp")
TABLE(protos, PROTOS);

const char *name_proto(unsigned proto, char *buf)
{
	return name_in(T(protos), proto, buf);
}

#define TABLES(X) \
	X(0, "unspec") X(253, "default") X(254, "main") X(255, "local")
TABLE(tables, TABLES);

const char *name_table(uint32_t table, char *buf)
{
	return name_in(T(tables), table, buf);
}

#define RTNTYPES(X) \
	X(0, "none") X(1, "unicast") X(2, "local") X(3, "broadcast") X(4, "anycast") X(5, "multicast") \
	X(6, "blackhole") X(7, "unreachable") X(8, "prohibit") X(9, "throw") X(10, "nat") \
	X(11, "xresolve")
TABLE(rtntypes, RTNTYPES);

const char *name_rtntype(unsigned type, char *buf)
{
	return name_in(T(rtntypes), type, buf);
}

#define FAMS(X) \
	X(AF_INET, "inet") X(AF_INET6, "inet6") X(AF_DECnet, "dnet") X(AF_PACKET, "link") X(AF_IPX, "ipx") \
	X(AF_MPLS, "mpls") X(AF_BRIDGE, "bridge")
TABLE(fams, FAMS);

const char *name_family(int family)
{
	const char *s = lookup(T(fams), (unsigned)family);
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
static int name_or_num(const unsigned char *num, size_t n, const char *names, const char *s,
		       uint32_t max, uint32_t *out)
{
	unsigned v;

	if (!rlookup(num, n, names, s, &v))
		return *out = v, 0;
	if (parse_u32(s, out, 0) || *out > max)
		return -1;
	return 0;
}

/* The same for a byte (scopes, protocols). */
static __attribute__((noinline)) int name_or_byte(const unsigned char *num, size_t n, const char *names,
						   const char *s, unsigned *out)
{
	uint32_t v = 0;
	int r = name_or_num(num, n, names, s, 255, &v);
	*out = v;
	return r;
}

int parse_scope(const char *s, unsigned *out)
{
	return name_or_byte(T(scopes), s, out);
}

int parse_proto(const char *s, unsigned *out)
{
	return name_or_byte(T(protos), s, out);
}

int parse_table(const char *s, uint32_t *out)
{
	return name_or_num(T(tables), s, UINT32_MAX, out);
}

/* Link flags: NO-CARRIER first, then the named flags in this order, unknown bits in hex. A comma
 * follows a name whenever bits remain to print. */
#define LINKFLAGS(X) \
	X(IFF_LOOPBACK, "LOOPBACK") X(IFF_BROADCAST, "BROADCAST") X(IFF_POINTOPOINT, "POINTOPOINT") \
	X(IFF_MULTICAST, "MULTICAST") X(IFF_NOARP, "NOARP") X(IFF_ALLMULTI, "ALLMULTI") \
	X(IFF_PROMISC, "PROMISC") X(IFF_MASTER, "MASTER") X(IFF_SLAVE, "SLAVE") X(IFF_DEBUG, "DEBUG") \
	X(IFF_DYNAMIC, "DYNAMIC") X(IFF_AUTOMEDIA, "AUTOMEDIA") X(IFF_PORTSEL, "PORTSEL") \
	X(IFF_NOTRAILERS, "NOTRAILERS") X(IFF_UP, "UP") X(IFF_LOWER_UP, "LOWER_UP") \
	X(IFF_DORMANT, "DORMANT") X(IFF_ECHO, "ECHO")

void pr_link_flags(unsigned flags, int m_down)
{
	static const unsigned char bit[] = { LINKFLAGS(BITNUM) };
	static const char names[] = LINKFLAGS(NAME);
	const char *name = names;
	char hex[16];

	pr_arr_open(PR_ANY, IPO_JSON ? "flags" : "<");
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		pr_str(PR_ANY, NULL, "%s,", "NO-CARRIER");
	flags &= ~IFF_RUNNING;
	for (size_t i = 0; i < N(bit); i++, name += kw_skip(name)) {
		if (!(flags & 1u << bit[i]))
			continue;
		flags &= ~(1u << bit[i]);
		pr_str(PR_ANY, NULL, flags ? "%s," : "%s", name);
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
 * words (the first of equals) becomes "::", and ::a.b.c.d / ::ffff:a.b.c.d keep their IPv4 tail. */
const char *fmt_inet(int family, const void *data, size_t len, char *buf)
{
	const unsigned char *a = data;
	int best = 9, blen = 0, i, n;
	char *p = buf;

	if (family == AF_INET && len >= 4) {
		bfmt(buf, PR_ADDRSZ, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
		return buf;
	}
	if (family != AF_INET6 || len < 16)
		return memcpy(buf, "???", 4);
	for (i = 0; i < 8; i += n + 1) {
		for (n = 0; i + n < 8 && !(a[2 * (i + n)] | a[2 * (i + n) + 1]); n++)
			;
		if (n > blen && n >= 2)
			best = i, blen = n;
	}
	for (i = 0; i < 8; i++) {
		if (i >= best && i < best + blen) {
			if (i == best)
				*p++ = ':';
			continue;
		}
		if (i)
			*p++ = ':';
		if (i == 6 && best == 0 && (blen == 6 || (blen == 5 && a[10] == 0xff && a[11] == 0xff)))
			return fmt_inet(AF_INET, a + 12, 4, p), buf;
		p += bfmt(p, 8, "%x", a[2 * i] << 8 | a[2 * i + 1]);
	}
	if (best + blen == 8)
		*p++ = ':';
	*p = 0;
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
#define RTFLAGS(X) \
	X(RTNH_F_DEAD, "dead") X(RTNH_F_ONLINK, "onlink") X(RTNH_F_PERVASIVE, "pervasive") \
	X(RTNH_F_OFFLOAD, "offload") X(RTNH_F_TRAP, "trap") X(RTM_F_NOTIFY, "notify") \
	X(RTNH_F_LINKDOWN, "linkdown") X(RTNH_F_UNRESOLVED, "unresolved") \
	X(RTM_F_OFFLOAD, "rt_offload") X(RTM_F_TRAP, "rt_trap") X(RTM_F_OFFLOAD_FAILED, "rt_offload_failed")

void pr_rt_flags(unsigned flags)
{
	static const unsigned char bit[] = { RTFLAGS(BITNUM) };
	static const char names[] = RTFLAGS(NAME);
	const char *name = names;

	pr_arr_open(PR_JSON, "flags");
	for (size_t i = 0; i < N(bit); i++, name += kw_skip(name))
		if (flags & 1u << bit[i])
			pr_str(PR_ANY, NULL, "%s ", name);
	pr_arr_close(PR_JSON, NULL);
}

/* /etc/protocols, read as glibc reads it (ip_print.h). */
int ip_ipproto_db(const char *want, unsigned num, char *b)
{
	struct lines l;
	char *line, *name, *tok;
	uint32_t n;
	int found = -1;

	if (lines_open(&l, "/etc/protocols"))
		return -1;
	while (found < 0 && (line = lines_next(&l))) {
		*strchrnul(line, '#') = 0;
		if (!(name = str_word(&line, " \t")) || !(tok = str_word(&line, " \t")) ||
		    parse_u32(tok, &n, 10))
			continue;
		if (!want) {
			if (n == num && bfmt(b, PR_NAMESZ, "%s", name))
				found = n;
			continue;
		}
		for (tok = name; tok && found < 0; tok = str_word(&line, " \t"))
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

int ip_genl_show(struct nlsock *sk, uint16_t *family, uint8_t cmd, uint8_t version, nl_cb print,
		 int code)
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
		if (code == 1)
			die(1, "Dump terminated\n");
		ip_fail(code, "Dump terminated\n");
	}
	pr_end();
	return 0;
}
