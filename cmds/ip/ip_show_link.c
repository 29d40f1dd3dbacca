/* The link record of ip link / ip addr: header line, link-layer line, details, statistics. */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lib.h"
#include "inet.h"
#include "ip_print.h"
#include "ip_bond_vrf.h"
#include "ip_tunnel.h"
#include "sys.h"
#include "out.h"

/* Formats pr_link shares with the -d printers, as arrays: a literal they share would keep a -d
 * printer's whole string section in a build without -d. */
static const char f_s[] = "%s", f_s_sp[] = "%s ", f_mode[] = "mode %s ";

static const char *str_attr(const struct nlattr *a)
{
	const char *s = nla_get_str(a);
	return s ? s : "";
}

int link_filter_match(const struct link_filter *f, const struct link_info *li)
{
	uint32_t master = 0;
	const char *want;

	if (f->index && li->ifi->ifi_index != f->index)
		return 0;
	if (f->up && !(li->ifi->ifi_flags & IFF_UP))
		return 0;
	nla_get_u32(li->tb[IFLA_MASTER], &master);
	if ((f->master > 0 && (int)master != f->master) || (f->master < 0 && master))
		return 0;
	/* the kind, then the port's kind */
	for (int i = 0; i < 2; i++)
		if ((want = i ? f->slave_kind : f->kind) &&
		    (!li->tb[IFLA_LINKINFO] || strcmp(str_attr(li->li[i ? IFLA_INFO_SLAVE_KIND : IFLA_INFO_KIND]), want)))
			return 0;
	return 1;
}

/* NAME@PEER when the lower device is here, NAME@ifN when it is in another namespace, NAME@NONE
 * for a lower index of 0. Returns whether the lower device is down (M-DOWN). */
static int pr_name_and_link(const char *fmt, const char *name, struct nlattr *const *tb)
{
	char both[2 * IFNAMSIZ + 16], peer[24];
	const char *link = NULL;
	uint32_t iflink;
	int m_down = 0;

	if (nla_get_u32(tb[IFLA_LINK], &iflink) == 0) {
		if (iflink && tb[IFLA_LINK_NETNSID]) {
			if (NSBOX_FEATURE_JSON)
				pr_int(PR_JSON, PK("link_index"), NULL, iflink);
			bfmt(peer, sizeof(peer), "if%u", iflink);
			link = peer;
		} else if (iflink) {
			link = ifname_of(iflink);
			if (NSBOX_FEATURE_JSON)
				pr_str(PR_JSON, PK("link"), NULL, link);
			m_down = !(ifflags_of(iflink) & IFF_UP);
		} else {
			if (NSBOX_FEATURE_JSON)
				pr_null(PK("link"));
			link = "NONE";
		}
		if (!pr_json()) {
			bfmt(both, sizeof(both), "%s@%s", name, link);
			name = both;
		}
	}
	pr_str(PR_ANY, PK("ifname"), fmt, name);
	return m_down;
}

static void pr_operstate(uint8_t state)
{
	const char *s = name_operstate(state);

	if (!s) {
		if (NSBOX_FEATURE_JSON)
			pr_uint(PR_JSON, PK("operstate_index"), NULL, state);
		pr_text("state %#x ", state);
	} else if (ipo.brief) {
		pr_str(PR_ANY, PK("operstate"), "%-14s ", s);
	} else {
		pr_str(PR_ANY, PK("operstate"), "state %s ", s);
	}
}

/* Without IFLA_TXQLEN (the IPv6 link dump) iproute2 asks the device by name. */
static void pr_qlen(struct nlattr *const *tb, const char *name)
{
	uint32_t qlen;
	int q;

	if (nla_get_u32(tb[IFLA_TXQLEN], &qlen)) {
		q = if_txqlen(name);
		if (q < 0) {
			outf("ioctl(SIOCGIFTXQLEN) failed: %s\n", errtext(-q));
			return;
		}
		qlen = q;
	}
	if (qlen)
		pr_int(PR_ANY, PK("txqlen"), "qlen %d", qlen);
}

static const char *lladdr(const struct link_info *li, int attr, char *buf)
{
	const struct nlattr *a = li->tb[attr];
	return fmt_lladdr(nla_data(a), nla_len(a), li->ifi->ifi_type, buf);
}

static void pr_lladdr(const struct link_info *li)
{
	struct nlattr *const *tb = li->tb;
	char b[PR_ADDRSZ];

	pr_nl();
	pr_str(PR_ANY, PK("link_type"), "    link/%s ", name_arphrd(li->ifi->ifi_type, b));
	if (tb[IFLA_ADDRESS])
		pr_str(PR_ANY, PK("address"), f_s, lladdr(li, IFLA_ADDRESS, b));
	if (tb[IFLA_BROADCAST]) {
		if (li->ifi->ifi_flags & IFF_POINTOPOINT) {
			pr_text(" peer ");
			if (NSBOX_FEATURE_JSON)
				pr_bool(PR_JSON, PK("link_pointtopoint"), NULL, 1);
		} else {
			pr_text(" brd ");
		}
		pr_str(PR_ANY, PK("broadcast"), f_s, lladdr(li, IFLA_BROADCAST, b));
	}
	if (tb[IFLA_PERM_ADDRESS] &&
	    (!tb[IFLA_ADDRESS] || nla_len(tb[IFLA_ADDRESS]) != nla_len(tb[IFLA_PERM_ADDRESS]) ||
	     memcmp(nla_data(tb[IFLA_ADDRESS]), nla_data(tb[IFLA_PERM_ADDRESS]),
		    nla_len(tb[IFLA_ADDRESS])))) {
		pr_text(" permaddr ");
		pr_str(PR_ANY, PK("permaddr"), f_s, lladdr(li, IFLA_PERM_ADDRESS, b));
	}
}

const char *(*pr_nsid_name)(int nsid);

/* The run dir's names are mapped once (netns_name_of_nsid), so a dump over many veths reads
 * it once. */
static const char *nsid_name(int nsid)
{
	static char name[256];

	if (nsid < 0)
		return NULL;
	if (NSBOX_FEATURE_IP_MONITOR && pr_nsid_name)
		return pr_nsid_name(nsid);
	return netns_name_of_nsid(nsid, name, sizeof(name));
}

/* " link-netns NAME" or " link-netnsid ID" (which: "link" or "new"). */
static void pr_nsid(const char *which, int32_t id)
{
	const char *name = nsid_name(id);

	if (name)
		pr_text(" %s-netns %s", which, name);
	else
		pr_text(" %s-netnsid %d", which, id);
}

/* The peer's namespace, and where a link went (the RTM_DELLINK of ip link set netns). */
static void pr_link_netns(struct nlattr *const *tb)
{
	int32_t id;

	if (!nla_get_s32(tb[IFLA_LINK_NETNSID], &id)) {
		if (pr_json())
			pr_int(PR_JSON, PK("link_netnsid"), NULL, id);
		else if (id < 0)
			pr_text(" link-netnsid unknown");
		else
			pr_nsid("link", id);
	}
	/* The kernel puts these and IFLA_EVENT in notifications only, never in a dump or a
	 * single link's reply: without ip monitor no message has them. */
	if (!NSBOX_FEATURE_IP_MONITOR)
		return;
	if (!nla_get_s32(tb[IFLA_NEW_NETNSID], &id))
		pr_nsid("new", id);
	if (!nla_get_s32(tb[IFLA_NEW_IFINDEX], &id))
		pr_text(" new-ifindex %d", id);
}

static void pr_protodown(struct nlattr *const *tb)
{
	struct nlattr *r[IFLA_PROTO_DOWN_REASON_MAX + 1];
	uint8_t on = 0, reason = 0;
	char n[16];
	int first = 1;

	if (!nla_get_u8(tb[IFLA_PROTO_DOWN], &on) && on)
		pr_bool(PR_ANY, PK("proto_down"), " protodown on ", 1);
	/* iproute2 tests tb[IFLA_PROTO_DOWN_REASON_VALUE] of the outer table (IFLA_BROADCAST), and
	 * reads the first byte of the u32 value (reasons 0-7 of a little-endian host) */
	if (!tb[IFLA_PROTO_DOWN_REASON] || !tb[IFLA_BROADCAST] ||
	    nla_parse_nested(r, IFLA_PROTO_DOWN_REASON_MAX, tb[IFLA_PROTO_DOWN_REASON]) < 0 ||
	    nla_get_u8(r[IFLA_PROTO_DOWN_REASON_VALUE], &reason) || !reason)
		return;
	pr_arr_open(PR_ANY, pr_json() ? "proto_down_reason" : "protodown_reason <");
	for (int i = 0; reason; i++, reason >>= 1) {
		if (!(reason & 1))
			continue;
		if (pr_json()) {
			bfmt(n, sizeof(n), "%d", i);
			pr_str(PR_JSON, NULL, NULL, n);
		} else {
			pr_text(first ? "%d" : ",%d", i);
		}
		first = 0;
	}
	pr_arr_close(PR_ANY, ">");
}

static void pr_altnames(struct nlattr *const *tb)
{
	struct nlattr *a;
	size_t rem;

	if (!tb[IFLA_PROP_LIST])
		return;
	if (NSBOX_FEATURE_JSON)
		pr_arr_open(PR_JSON, PK("altnames"));
	nla_for_each(a, nla_data(tb[IFLA_PROP_LIST]), nla_len(tb[IFLA_PROP_LIST]), rem) {
		if (nla_type(a) != IFLA_ALT_IFNAME)
			continue;
		pr_text("%s    altname ", pr_sl());
		pr_str(PR_ANY, NULL, f_s, str_attr(a));
	}
	if (NSBOX_FEATURE_JSON)
		pr_arr_close(PR_JSON, NULL);
}

/* -br: name, state, and for ip link (family AF_PACKET) the address and flags on one line. */
static void pr_link_brief(const struct link_info *li, int family)
{
	char b[PR_ADDRSZ];
	uint8_t state;
	int m_down;

	m_down = pr_name_and_link("%-16s ", str_attr(li->tb[IFLA_IFNAME]), li->tb);
	if (!nla_get_u8(li->tb[IFLA_OPERSTATE], &state))
		pr_operstate(state);
	if (family != AF_PACKET)
		return;
	if (li->tb[IFLA_ADDRESS])
		pr_str(PR_ANY, PK("address"), f_s_sp, lladdr(li, IFLA_ADDRESS, b));
	pr_link_flags(li->ifi->ifi_flags, m_down);
	pr_text("\n");
}

void pr_link(const struct link_info *li, int mode, int family)
{
	/* arrays, not pointers: strings that tables point to share one section with the -d ones */
	static const char modes[][8] = { "DEFAULT", "DORMANT" };
	static const char events[] = "REBOOT\0FEATURE CHANGE\0BONDING FAILOVER\0NOTIFY PEERS\0"
				     "RESEND IGMP\0BONDING OPTION";
	struct nlattr *const *tb = li->tb;
	const char *name = str_attr(tb[IFLA_IFNAME]);
	int do_link = mode == PR_LINK_LINK;
	char b[PR_NAMESZ];
	uint32_t v;
	uint8_t u8;
	int m_down;

	if (ipo.brief) {
		pr_link_brief(li, family);
		return;
	}
	pr_int(PR_ANY, PK("ifindex"), "%d: ", li->ifi->ifi_index);
	m_down = pr_name_and_link("%s: ", name, tb);
	pr_link_flags(li->ifi->ifi_flags, m_down);
	if (!nla_get_u32(tb[IFLA_MTU], &v))
		pr_uint(PR_ANY, PK("mtu"), "mtu %u ", v);
	if (tb[IFLA_QDISC])
		pr_str(PR_ANY, PK("qdisc"), "qdisc %s ", str_attr(tb[IFLA_QDISC]));
	if (!nla_get_u32(tb[IFLA_MASTER], &v))
		pr_str(PR_ANY, PK("master"), "master %s ", ifname_of(v));
	if (!nla_get_u8(tb[IFLA_OPERSTATE], &u8))
		pr_operstate(u8);
	if (do_link && !nla_get_u8(tb[IFLA_LINKMODE], &u8)) {
		if (u8 < 2)
			pr_str(PR_ANY, PK("linkmode"), f_mode, modes[u8]);
		else
			pr_int(PR_ANY, PK("linkmode_index"), "mode %d ", u8);
	}
	if (!nla_get_u32(tb[IFLA_GROUP], &v))
		pr_str(PR_ANY, PK("group"), "group %s ", name_group(v, b));
	if (!NSBOX_FEATURE_IP_MONITOR || mode != PR_LINK_MONITOR)
		pr_qlen(tb, name);
	if (NSBOX_FEATURE_IP_MONITOR && !nla_get_u32(tb[IFLA_EVENT], &v) && v) {   /* see pr_link_netns */
		if (v > 6)
			pr_int(PR_ANY, PK("event"), "event %d ", (int)v);
		else
			pr_str(PR_ANY, PK("event"), "event %s ", kw_nth(events, v - 1));
	}
	if (do_link || family == AF_UNSPEC || family == AF_PACKET || IPO_DETAILS)
		pr_lladdr(li);
	pr_link_netns(tb);
	pr_protodown(tb);
	if (IPO_DETAILS)
		pr_link_details(li, do_link);
	if ((do_link || IPO_DETAILS) && tb[IFLA_IFALIAS]) {
		pr_nl();
		pr_str(PR_ANY, PK("ifalias"), "    alias %s", str_attr(tb[IFLA_IFALIAS]));
	}
	if (NSBOX_FEATURE_IP_LINK_STATS && do_link && ipo.stats) {
		pr_nl();
		pr_link_stats(li);
	}
	pr_altnames(tb);
	pr_text("\n");
}

/* ip -s: iproute2 widens each column to its longest number; the rows that size the columns are
 * not always the rows printed under them (the TX errors row sizes one column to the right). */
static void size_cols(unsigned *cols, const uint64_t *all, const unsigned char *row)
{
	for (int i = 0; i < 7; i++) {
		unsigned len = 1;
		for (uint64_t x = all[row[i]]; x > 9; x /= 10)
			len++;
		if (len > cols[i])
			cols[i] = len;
	}
}

/* d (at least 1, under 2^20) with prec decimals as printf's "%.*f" rounds them: from the
 * exact binary value, ties to even. */
static void fmt_fixed(char *buf, double d, int prec)
{
	uint64_t bits, m, n, q, rem, half, p10 = prec == 2 ? 100 : prec ? 10 : 1;
	int sh;

	memcpy(&bits, &d, sizeof(bits));
	m = (bits & ((1ull << 52) - 1)) | 1ull << 52;
	sh = 1075 - (int)(bits >> 52 & 0x7ff);   /* d = m / 2^sh, 32 < sh < 53 here */
	n = m * p10;
	q = n >> sh;
	rem = n & ((1ull << sh) - 1);
	half = 1ull << (sh - 1);
	q += rem > half || (rem == half && (q & 1));
	if (prec)
		bfmt(buf, 32, "%llu.%0*llu", (unsigned long long)(q / p10), prec, (unsigned long long)(q % p10));
	else
		bfmt(buf, 32, "%llu", (unsigned long long)q);
}

/* iproute2's print_num: with -h a number of at least the base (1000; 1024 with -iec) is
 * scaled to three digits and a prefix (k M G T P E, then "i" with -iec). */
void pr_num(unsigned width, uint64_t v)
{
	const char *prefix = "kMGTPE";
	uint64_t base = ipo.iec ? 1024 : 1000, pw = 1, pj = 1;
	int prec = 2;
	char b[40];

	if (!ipo.human || v < base) {
		outf("%*llu ", (int)width, (unsigned long long)v);
		return;
	}
	for (;;) {
		pw *= base;
		if (v / base < pw || !prefix[1])
			break;
		prefix++;
	}
	for (; prec > 0; prec--) {
		pj *= 10;
		if (v / pw < pj)
			break;
	}
	fmt_fixed(b, (double)v / (double)pw, prec);
	bfmt(b + strlen(b), 8, "%c%s", *prefix, ipo.iec ? "i" : "");
	outf("%*s ", (int)width, b);
}

static void pr_nums(const unsigned *cols, const uint64_t *all, const unsigned char *row, int from, int n)
{
	for (int i = from; i < from + n; i++)
		pr_num(cols[i], all[row[i]]);
}

/* A row of n column heads (NUL-separated): the first after lead in width w0, each other one
 * after a blank in the width of its column. */
static void pr_heads(const char *lead, int w0, const unsigned *cols, const char *heads, int n)
{
	outf("%s%*s", lead, w0, heads);
	for (int i = 1; i < n; i++) {
		heads += kw_skip(heads);
		outf(" %*s", (int)cols[i], heads);
	}
}

/* The counters of struct rtnl_link_stats64 by index (offset / 8), read into an array of 32:
 * ST_CHANGES holds the carrier changes, ST_ZERO a 0. */
#define ST(field) (offsetof(struct rtnl_link_stats64, field) / 8)
enum { ST_CHANGES = 30, ST_ZERO = 31 };
_Static_assert(sizeof(struct rtnl_link_stats64) <= ST_CHANGES * 8, "stats64 fits before ST_CHANGES");

/* The stats64 JSON keys in iproute2's order, each with its index and, above bit 5, when it
 * shows: ALWAYS, or only when non-zero, or only under -s -s (and then perhaps only when
 * non-zero). */
enum { ALWAYS, NONZERO = 1, DOUBLE_S = 2 };
#define ST_NAME(key, field, when) key "\0"
#define ST_CODE(key, field, when) ST(field) | (when) << 5,
#define RX_KEYS(X) \
	X("bytes", rx_bytes, ALWAYS) X("packets", rx_packets, ALWAYS) X("errors", rx_errors, ALWAYS) \
	X("dropped", rx_dropped, ALWAYS) X("over_errors", rx_over_errors, ALWAYS) \
	X("multicast", multicast, ALWAYS) X("compressed", rx_compressed, NONZERO) \
	X("length_errors", rx_length_errors, DOUBLE_S) X("crc_errors", rx_crc_errors, DOUBLE_S) \
	X("frame_errors", rx_frame_errors, DOUBLE_S) X("fifo_errors", rx_fifo_errors, DOUBLE_S) \
	X("missed_errors", rx_missed_errors, DOUBLE_S) X("nohandler", rx_nohandler, DOUBLE_S | NONZERO)
#define TX_KEYS(X) \
	X("bytes", tx_bytes, ALWAYS) X("packets", tx_packets, ALWAYS) X("errors", tx_errors, ALWAYS) \
	X("dropped", tx_dropped, ALWAYS) X("carrier_errors", tx_carrier_errors, ALWAYS) \
	X("collisions", collisions, ALWAYS) X("compressed", tx_compressed, NONZERO) \
	X("aborted_errors", tx_aborted_errors, DOUBLE_S) X("fifo_errors", tx_fifo_errors, DOUBLE_S) \
	X("window_errors", tx_window_errors, DOUBLE_S) X("heartbeat_errors", tx_heartbeat_errors, DOUBLE_S)
static const char rx_keys[] = RX_KEYS(ST_NAME), tx_keys[] = TX_KEYS(ST_NAME);
static const unsigned char rx_codes[] = { RX_KEYS(ST_CODE) }, tx_codes[] = { TX_KEYS(ST_CODE) };

static void pr_stat_keys(const uint64_t *all, const unsigned char *c, size_t n, const char *key)
{
	for (; n--; c++, key += kw_skip(key)) {
		uint64_t v = all[*c & 31];
		if ((*c & DOUBLE_S << 5) && ipo.stats < 2)
			continue;
		if ((*c & NONZERO << 5) && !v)
			continue;
		pr_u64(PR_JSON, key, NULL, v);
	}
}

static void pr_stats_json(const uint64_t *all, const struct nlattr *cc)
{
	uint32_t changes;

	pr_obj_open(PK("stats64"));
	pr_obj_open(PK("rx"));
	pr_stat_keys(all, rx_codes, sizeof(rx_codes), rx_keys);
	pr_obj_close();
	pr_obj_open(PK("tx"));
	pr_stat_keys(all, tx_codes, sizeof(tx_codes), tx_keys);
	if (ipo.stats > 1 && !nla_get_u32(cc, &changes))
		pr_u64(PR_JSON, PK("carrier_changes"), NULL, changes);
	pr_obj_close();
	pr_obj_close();
}

/* The text rows: RX, RX errors, TX, TX errors as they size the columns, and as printed. */
static const unsigned char stat_rows[5][7] = {
	{ ST(rx_bytes), ST(rx_packets), ST(rx_errors), ST(rx_dropped), ST(rx_missed_errors), ST(multicast),
	  ST(rx_compressed) },
	{ ST_ZERO, ST(rx_length_errors), ST(rx_crc_errors), ST(rx_frame_errors), ST(rx_fifo_errors),
	  ST(rx_over_errors), ST(rx_nohandler) },
	{ ST(tx_bytes), ST(tx_packets), ST(tx_errors), ST(tx_dropped), ST(tx_carrier_errors), ST(collisions),
	  ST(tx_compressed) },
	{ ST_ZERO, ST_ZERO, ST(tx_aborted_errors), ST(tx_fifo_errors), ST(tx_window_errors),
	  ST(tx_heartbeat_errors), ST_CHANGES },
	{ ST_ZERO, ST(tx_aborted_errors), ST(tx_fifo_errors), ST(tx_window_errors), ST(tx_heartbeat_errors),
	  ST_CHANGES, ST_ZERO },
};

/* Column heads, NUL-separated; in arrays of their own, as literals with a NUL inside would share
 * one .rodata section with the -d tables and keep them all in a build without -d. */
static const char rx_heads[] = "bytes\0packets\0errors\0dropped\0missed\0mcast";
static const char rxe_heads[] = "\0length\0crc\0frame\0fifo\0overrun\0nohandler";
static const char tx_heads[] = "bytes\0packets\0errors\0dropped\0carrier\0collsns";
static const char txe_heads[] = "\0aborted\0fifo\0window\0heartbt\0transns";
static const char txe_heads_nocc[] = "\0aborted\0fifo\0window\0heartbt\0";   /* ip stats: no changes */

void pr_link_stats(const struct link_info *li)
{
	const struct nlattr *a = li->tb[IFLA_STATS64], *cc = li->tb[IFLA_CARRIER_CHANGES];
	uint64_t all[32];
	unsigned cols[7] = { 10, 7, 6, 7, 7, 7, 10 };
	uint32_t changes = 0;
	const char *sl = pr_sl();
	int rx_comp, tx_comp, nohandler;

	if (!a)
		return;
	memset(all, 0, sizeof(all));
	memcpy(all, nla_data(a), nla_len(a) < sizeof(struct rtnl_link_stats64) ? nla_len(a) :
	       sizeof(struct rtnl_link_stats64));
	if (pr_json()) {
		pr_stats_json(all, cc);
		return;
	}
	nla_get_u32(cc, &changes);
	all[ST_CHANGES] = changes;
	rx_comp = all[ST(rx_compressed)] != 0;
	tx_comp = all[ST(tx_compressed)] != 0;
	nohandler = all[ST(rx_nohandler)] != 0;
	if (!ipo.human)
		for (int i = 0; i < 4; i++)
			if (ipo.stats > 1 || !(i & 1))
				size_cols(cols, all, stat_rows[i]);

	pr_heads("    RX: ", cols[0] - 4, cols, rx_heads, 6);
	outf(" %*s%s    ", (int)cols[6], rx_comp ? "compressed" : "", sl);
	pr_nums(cols, all, stat_rows[0], 0, 6 + rx_comp);
	if (ipo.stats > 1) {
		outs(sl);
		pr_heads("    RX errors:", cols[0] - 10, cols, rxe_heads, 6 + nohandler);
		outf("%s%*s", sl, (int)cols[0] + 5, "");
		pr_nums(cols, all, stat_rows[1], 1, 5 + nohandler);
	}
	outs(sl);
	pr_heads("    TX: ", cols[0] - 4, cols, tx_heads, 6);
	outf(" %*s%s    ", (int)cols[6], tx_comp ? "compressed" : "", sl);
	pr_nums(cols, all, stat_rows[2], 0, 6 + tx_comp);
	if (ipo.stats > 1) {
		outs(sl);
		/* without carrier changes (ip stats) an empty column */
		pr_heads("    TX errors:", cols[0] - 10, cols, cc ? txe_heads : txe_heads_nocc, 6);
		outf("%s%*s", sl, (int)cols[0] + 5, "");
		pr_nums(cols, all, stat_rows[4], 1, cc ? 5 : 4);
	}
}

/* -d */
struct uattr {
	int attr;
	const char *key, *fmt;
};

static void pr_uattrs(struct nlattr *const *tb, const struct uattr *t, size_t n)
{
	uint32_t v;

	for (size_t i = 0; i < n; i++)
		if (!nla_get_u32(tb[t[i].attr], &v))
			pr_uint(PR_ANY, t[i].key, t[i].fmt, v);
}

static void pr_af_spec(const struct nlattr *spec)
{
	static const char *const modes[] = { "eui64", "none", "stable_secret", "random" };
	struct nlattr *a, *tb[IFLA_INET6_MAX + 1];
	char b[8];
	uint8_t mode;
	size_t rem;

	nla_for_each(a, nla_data(spec), nla_len(spec), rem)
		if (nla_type(a) == AF_INET6)
			break;
	if (!nla_ok(a, rem) || nla_parse_nested(tb, IFLA_INET6_MAX, a) < 0 ||
	    nla_get_u8(tb[IFLA_INET6_ADDR_GEN_MODE], &mode))
		return;
	if (mode < 4) {
		pr_str(PR_ANY, PK("inet6_addr_gen_mode"), "addrgenmode %s ", modes[mode]);
	} else {
		bfmt(b, sizeof(b), "%#.2hhx", mode);
		pr_str(PR_ANY, PK("inet6_addr_gen_mode"), "addrgenmode %s ", b);
	}
}

static void pr_hexattr(const struct nlattr *a, const char *key, const char *fmt)
{
	char b[2 * 32 + 1];
	size_t n = nla_len(a) < 32 ? nla_len(a) : 32;

	for (size_t i = 0; i < n; i++)
		bfmt(b + 2 * i, 3, "%02x", ((const unsigned char *)nla_data(a))[i]);
	b[2 * n] = 0;
	pr_str(PR_ANY, key, fmt, b);
}

/* Data of a link kind, as a table of fields in iproute2's order. */
enum {
	F_U8, F_U16, F_U32, F_U64, F_S32, F_ONOFF, F_ONOFF_TEXT, F_TIMER, F_BRID, F_HEX16,
	F_FWDMASK, F_LLADDR, F_BOOLOPT, F_VLANPROTO, F_PORTSTATE, F_IFNAME,
};
/* A kind's fields come from one list of FIELD(attr, type, key) and FIELD_L(attr, type, key,
 * label) (label: the text's word when it is not the JSON key): a table of {attr, type} and,
 * in the same order, the names "key\0label\0" (label empty for FIELD). */
struct field {
	unsigned char attr, type;
};
#define FIELD_AT(attr, type, key) { attr, type },
#define FIELD_AT_L(attr, type, key, label) { attr, type },
#define FIELD_NAME(attr, type, key) key "\0\0"
#define FIELD_NAME_L(attr, type, key, label) key "\0" label "\0"
_Static_assert(IFLA_BR_MAX < 256 && IFLA_BRPORT_MAX < 256, "attributes in a byte");

/* Bridge ids as glibc's ether_ntoa_r writes them: hex bytes without leading zeros. */
static const char *bridge_id(const struct nlattr *a, char *b)
{
	const struct ifla_bridge_id *id = nla_data(a);

	if (nla_len(a) < sizeof(*id))
		return "";
	bfmt(b, PR_ADDRSZ, "%.2x%.2x.%x:%x:%x:%x:%x:%x", id->prio[0], id->prio[1],
		 id->addr[0], id->addr[1], id->addr[2], id->addr[3], id->addr[4], id->addr[5]);
	return b;
}

/* Timers are in centiseconds; seconds with two decimals. */
static void pr_timer(const char *label, const struct nlattr *a)
{
	uint64_t v = 0;
	char b[32];

	if (nla_len(a) >= 8)
		memcpy(&v, nla_data(a), 8);
	if (pr_json()) {
		bfmt(b, sizeof(b), "%i.%.2i", (int)(v / 100), (int)(v % 100));
		pr_raw(label, b);
		return;
	}
	outf("%s %4i.%.2i ", label, (int)(v / 100), (int)(v % 100));
}

/* group_fwd_mask_str: named bits, others as 0x..., comma separated. */
static void fwd_mask_str(unsigned mask, char *b, size_t n)
{
	static const char *const names[16] = { [0] = "stp", [2] = "lacp", [14] = "lldp" };
	size_t len = 0;

	for (int i = 0; mask && len < n; i++, mask >>= 1) {
		if (!(mask & 1))
			continue;
		if (names[i])
			len += bfmt(b + len, n - len, "%s,", names[i]);
		else
			len += bfmt(b + len, n - len, "0x%x,", 1u << i);
	}
	if (!len)
		bfmt(b, n, "0x0");
	else
		b[len - 1] = 0;
}

/* "label value " in text, "key":"value" in JSON. */
static void pr_labeled(const char *label, const char *key, const char *val)
{
	pr_text("%s ", label);
	pr_str(PR_ANY, key, "%s ", val);
}

static void pr_field(int type, const char *key, const char *label, const struct nlattr *a)
{
	static const char *const states[] = { "disabled", "listening", "learning", "forwarding", "blocking" };
	char b[PR_ADDRSZ + 192];
	uint32_t v = 0;
	uint64_t v64 = 0;
	uint16_t v16 = 0;
	uint8_t v8 = 0;

	memcpy(&v8, nla_data(a), nla_len(a) >= 1 ? 1 : 0);
	memcpy(&v16, nla_data(a), nla_len(a) >= 2 ? 2 : 0);
	memcpy(&v, nla_data(a), nla_len(a) >= 4 ? 4 : 0);
	memcpy(&v64, nla_data(a), nla_len(a) >= 8 ? 8 : 0);
	switch (type) {
	case F_U8: case F_U16: case F_U32:
		pr_text("%s ", label);
		pr_uint(PR_ANY, key, "%u ", type == F_U8 ? v8 : type == F_U16 ? v16 : v);
		break;
	case F_S32:
		pr_text("%s ", label);
		pr_int(PR_ANY, key, "%d ", nla_len(a) >= 4 ? (int)v : v16);
		break;
	case F_U64:
		pr_text("%s ", label);
		pr_u64(PR_ANY, key, "%llu ", v64);
		break;
	case F_ONOFF:
		pr_bool(PR_JSON, key, NULL, v8);
		/* fallthrough */
	case F_ONOFF_TEXT:
		pr_text("%s %s ", label, v8 ? "on" : "off");
		break;
	case F_TIMER:
		pr_timer(label, a);
		break;
	case F_BRID:
		pr_labeled(label, key, bridge_id(a, b));
		break;
	case F_HEX16:
	case F_FWDMASK:
		bfmt(b, sizeof(b), "%#x", v16);
		pr_labeled(label, key, b);
		if (type == F_FWDMASK) {
			fwd_mask_str(v16, b, sizeof(b));
			pr_str(PR_ANY, PK("group_fwd_mask_str"), "group_fwd_mask_str %s ", b);
		}
		break;
	case F_LLADDR:
		pr_labeled(label, key, fmt_lladdr(nla_data(a), nla_len(a), 1, b));
		break;
	case F_BOOLOPT:
		/* struct br_boolopt_multi { u32 optval, optmask }: bit 0 no_linklocal_learn,
		 * bit 1 mcast_vlan_snooping; iproute2 6.1 shows no others. */
		if (nla_len(a) >= 8) {
			uint32_t val = v, mask = (uint32_t)(v64 >> 32);
			if (mask & 1)
				pr_uint(PR_ANY, PK("no_linklocal_learn"), "no_linklocal_learn %u ", !!(val & 1));
			if (mask & 2)
				pr_uint(PR_ANY, PK("mcast_vlan_snooping"), "mcast_vlan_snooping %u ", !!(val & 2));
		}
		break;
	case F_VLANPROTO:
		v16 = ntohs(v16);   /* network order on the wire */
		bfmt(b, sizeof(b), "[%d]", v16);
		pr_labeled(label, key, ipo.numeric ? b : v16 == 0x8100 ? "802.1Q" : v16 == 0x88a8 ? "802.1ad" : b);
		break;
	case F_PORTSTATE:
		if (v8 < 5)
			pr_str(PR_ANY, PK("state"), "state %s ", states[v8]);
		else
			pr_int(PR_ANY, PK("state_index"), "state (%d) ", v8);
		break;
	case F_IFNAME:
		pr_labeled(label, key, ifname_of(v));
		break;
	}
}

#define BRIDGE_FIELDS(FIELD, FIELD_L) \
	FIELD(IFLA_BR_FORWARD_DELAY, F_U32, "forward_delay") \
	FIELD(IFLA_BR_HELLO_TIME, F_U32, "hello_time") \
	FIELD(IFLA_BR_MAX_AGE, F_U32, "max_age") \
	FIELD(IFLA_BR_AGEING_TIME, F_U32, "ageing_time") \
	FIELD(IFLA_BR_STP_STATE, F_U32, "stp_state") \
	FIELD(IFLA_BR_PRIORITY, F_U16, "priority") \
	FIELD(IFLA_BR_VLAN_FILTERING, F_U8, "vlan_filtering") \
	FIELD(IFLA_BR_VLAN_PROTOCOL, F_VLANPROTO, "vlan_protocol") \
	FIELD(IFLA_BR_BRIDGE_ID, F_BRID, "bridge_id") \
	FIELD_L(IFLA_BR_ROOT_ID, F_BRID, "root_id", "designated_root") \
	FIELD(IFLA_BR_ROOT_PORT, F_U16, "root_port") \
	FIELD(IFLA_BR_ROOT_PATH_COST, F_U32, "root_path_cost") \
	FIELD(IFLA_BR_TOPOLOGY_CHANGE, F_U8, "topology_change") \
	FIELD(IFLA_BR_TOPOLOGY_CHANGE_DETECTED, F_U8, "topology_change_detected") \
	FIELD(IFLA_BR_HELLO_TIMER, F_TIMER, "hello_timer") \
	FIELD(IFLA_BR_TCN_TIMER, F_TIMER, "tcn_timer") \
	FIELD(IFLA_BR_TOPOLOGY_CHANGE_TIMER, F_TIMER, "topology_change_timer") \
	FIELD(IFLA_BR_GC_TIMER, F_TIMER, "gc_timer") \
	FIELD(IFLA_BR_VLAN_DEFAULT_PVID, F_U16, "vlan_default_pvid") \
	FIELD(IFLA_BR_VLAN_STATS_ENABLED, F_U8, "vlan_stats_enabled") \
	FIELD(IFLA_BR_VLAN_STATS_PER_PORT, F_U8, "vlan_stats_per_port") \
	FIELD(IFLA_BR_GROUP_FWD_MASK, F_HEX16, "group_fwd_mask") \
	FIELD_L(IFLA_BR_GROUP_ADDR, F_LLADDR, "group_addr", "group_address") \
	FIELD(IFLA_BR_MCAST_SNOOPING, F_U8, "mcast_snooping") \
	FIELD(IFLA_BR_MULTI_BOOLOPT, F_BOOLOPT, "") \
	FIELD(IFLA_BR_MCAST_ROUTER, F_U8, "mcast_router") \
	FIELD(IFLA_BR_MCAST_QUERY_USE_IFADDR, F_U8, "mcast_query_use_ifaddr") \
	FIELD(IFLA_BR_MCAST_QUERIER, F_U8, "mcast_querier") \
	FIELD(IFLA_BR_MCAST_HASH_ELASTICITY, F_U32, "mcast_hash_elasticity") \
	FIELD(IFLA_BR_MCAST_HASH_MAX, F_U32, "mcast_hash_max") \
	FIELD_L(IFLA_BR_MCAST_LAST_MEMBER_CNT, F_U32, "mcast_last_member_cnt", "mcast_last_member_count") \
	FIELD_L(IFLA_BR_MCAST_STARTUP_QUERY_CNT, F_U32, "mcast_startup_query_cnt", "mcast_startup_query_count") \
	FIELD_L(IFLA_BR_MCAST_LAST_MEMBER_INTVL, F_U64, "mcast_last_member_intvl", "mcast_last_member_interval") \
	FIELD_L(IFLA_BR_MCAST_MEMBERSHIP_INTVL, F_U64, "mcast_membership_intvl", "mcast_membership_interval") \
	FIELD_L(IFLA_BR_MCAST_QUERIER_INTVL, F_U64, "mcast_querier_intvl", "mcast_querier_interval") \
	FIELD_L(IFLA_BR_MCAST_QUERY_INTVL, F_U64, "mcast_query_intvl", "mcast_query_interval") \
	FIELD_L(IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, F_U64, "mcast_query_response_intvl", "mcast_query_response_interval") \
	FIELD_L(IFLA_BR_MCAST_STARTUP_QUERY_INTVL, F_U64, "mcast_startup_query_intvl", "mcast_startup_query_interval") \
	FIELD(IFLA_BR_MCAST_STATS_ENABLED, F_U8, "mcast_stats_enabled") \
	FIELD(IFLA_BR_MCAST_IGMP_VERSION, F_U8, "mcast_igmp_version") \
	FIELD(IFLA_BR_MCAST_MLD_VERSION, F_U8, "mcast_mld_version") \
	FIELD(IFLA_BR_NF_CALL_IPTABLES, F_U8, "nf_call_iptables") \
	FIELD(IFLA_BR_NF_CALL_IP6TABLES, F_U8, "nf_call_ip6tables") \
	FIELD(IFLA_BR_NF_CALL_ARPTABLES, F_U8, "nf_call_arptables")

#define BRIDGE_SLAVE_FIELDS(FIELD, FIELD_L) \
	FIELD(IFLA_BRPORT_STATE, F_PORTSTATE, "state") \
	FIELD(IFLA_BRPORT_PRIORITY, F_S32, "priority") \
	FIELD(IFLA_BRPORT_COST, F_S32, "cost") \
	FIELD(IFLA_BRPORT_MODE, F_ONOFF, "hairpin") \
	FIELD(IFLA_BRPORT_GUARD, F_ONOFF, "guard") \
	FIELD(IFLA_BRPORT_PROTECT, F_ONOFF, "root_block") \
	FIELD(IFLA_BRPORT_FAST_LEAVE, F_ONOFF, "fastleave") \
	FIELD(IFLA_BRPORT_LEARNING, F_ONOFF, "learning") \
	FIELD(IFLA_BRPORT_UNICAST_FLOOD, F_ONOFF, "flood") \
	FIELD_L(IFLA_BRPORT_ID, F_HEX16, "id", "port_id") \
	FIELD_L(IFLA_BRPORT_NO, F_HEX16, "no", "port_no") \
	FIELD(IFLA_BRPORT_DESIGNATED_PORT, F_U16, "designated_port") \
	FIELD(IFLA_BRPORT_DESIGNATED_COST, F_U16, "designated_cost") \
	FIELD_L(IFLA_BRPORT_BRIDGE_ID, F_BRID, "bridge_id", "designated_bridge") \
	FIELD_L(IFLA_BRPORT_ROOT_ID, F_BRID, "root_id", "designated_root") \
	FIELD(IFLA_BRPORT_HOLD_TIMER, F_TIMER, "hold_timer") \
	FIELD(IFLA_BRPORT_MESSAGE_AGE_TIMER, F_TIMER, "message_age_timer") \
	FIELD(IFLA_BRPORT_FORWARD_DELAY_TIMER, F_TIMER, "forward_delay_timer") \
	FIELD(IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, F_U8, "topology_change_ack") \
	FIELD(IFLA_BRPORT_CONFIG_PENDING, F_U8, "config_pending") \
	FIELD(IFLA_BRPORT_PROXYARP, F_ONOFF, "proxy_arp") \
	FIELD(IFLA_BRPORT_PROXYARP_WIFI, F_ONOFF, "proxy_arp_wifi") \
	FIELD_L(IFLA_BRPORT_MULTICAST_ROUTER, F_U8, "multicast_router", "mcast_router") \
	/* text only: JSON has it as fastleave */ FIELD_L(IFLA_BRPORT_FAST_LEAVE, F_ONOFF_TEXT, "", "mcast_fast_leave") \
	FIELD(IFLA_BRPORT_MCAST_FLOOD, F_ONOFF, "mcast_flood") \
	FIELD(IFLA_BRPORT_BCAST_FLOOD, F_ONOFF, "bcast_flood") \
	FIELD(IFLA_BRPORT_MCAST_TO_UCAST, F_ONOFF, "mcast_to_unicast") \
	FIELD(IFLA_BRPORT_NEIGH_SUPPRESS, F_ONOFF, "neigh_suppress") \
	FIELD(IFLA_BRPORT_GROUP_FWD_MASK, F_FWDMASK, "group_fwd_mask") \
	FIELD(IFLA_BRPORT_VLAN_TUNNEL, F_ONOFF, "vlan_tunnel") \
	FIELD(IFLA_BRPORT_ISOLATED, F_ONOFF, "isolated") \
	FIELD(IFLA_BRPORT_LOCKED, F_ONOFF, "locked") \
	FIELD(IFLA_BRPORT_BACKUP_PORT, F_IFNAME, "backup_port")

static const struct field bridge_fields[] = { BRIDGE_FIELDS(FIELD_AT, FIELD_AT_L) };
static const char bridge_names[] = BRIDGE_FIELDS(FIELD_NAME, FIELD_NAME_L);
static const struct field bridge_slave_fields[] = { BRIDGE_SLAVE_FIELDS(FIELD_AT, FIELD_AT_L) };
static const char bridge_slave_names[] = BRIDGE_SLAVE_FIELDS(FIELD_NAME, FIELD_NAME_L);

static void pr_fields(struct nlattr **tb, const struct field *f, size_t n, const char *key)
{
	const char *label;

	for (; tb && n; n--, f++, key = label + strlen(label) + 1) {
		label = key + strlen(key) + 1;
		if (tb[f->attr])
			pr_field(f->type, key, *label ? label : key, tb[f->attr]);
	}
}

static void pr_bridge(struct nlattr **tb)
{
	pr_fields(tb, bridge_fields, sizeof(bridge_fields) / sizeof(bridge_fields[0]), bridge_names);
}

static void pr_bridge_slave(struct nlattr **tb)
{
	pr_fields(tb, bridge_slave_fields, sizeof(bridge_slave_fields) / sizeof(bridge_slave_fields[0]),
		  bridge_slave_names);
}

static void pr_macvlan(struct nlattr **tb)
{
	static const char *const modes[] = { [1] = "private", [2] = "vepa", [4] = "bridge",
					     [8] = "passthru", [16] = "source" };
	uint32_t mode, v;
	uint16_t flags = 0;
	struct nlattr *a;
	size_t rem;
	char b[PR_ADDRSZ];

	if (!tb || nla_get_u32(tb[IFLA_MACVLAN_MODE], &mode))
		return;
	pr_str(PR_ANY, PK("mode"), "mode %s ", mode <= 16 && modes[mode] ? modes[mode] : "unknown");
	if (tb[IFLA_MACVLAN_FLAGS] && nla_len(tb[IFLA_MACVLAN_FLAGS]) >= 2)
		memcpy(&flags, nla_data(tb[IFLA_MACVLAN_FLAGS]), 2);
	if (flags & MACVLAN_FLAG_NOPROMISC)
		pr_bool(PR_ANY, PK("nopromisc"), "nopromisc ", 1);
	if (flags & MACVLAN_FLAG_NODST)
		pr_bool(PR_ANY, PK("nodst"), "nodst ", 1);
	if (!nla_get_u32(tb[IFLA_MACVLAN_BC_QUEUE_LEN], &v))
		pr_uint(PR_ANY, PK("bcqueuelen"), "bcqueuelen %u ", v);
	if (!nla_get_u32(tb[IFLA_MACVLAN_BC_QUEUE_LEN_USED], &v))
		pr_uint(PR_ANY, PK("usedbcqueuelen"), "usedbcqueuelen %u ", v);
	if (mode != MACVLAN_MODE_SOURCE || nla_get_u32(tb[IFLA_MACVLAN_MACADDR_COUNT], &v))
		return;
	pr_uint(PR_ANY, PK("macaddr_count"), "remotes (%u) ", v);
	if (!tb[IFLA_MACVLAN_MACADDR_DATA])
		return;
	pr_arr_open(PR_JSON, PK("macaddr_data"));
	nla_for_each(a, nla_data(tb[IFLA_MACVLAN_MACADDR_DATA]), nla_len(tb[IFLA_MACVLAN_MACADDR_DATA]), rem) {
		if (nla_type(a) != IFLA_MACVLAN_MACADDR || nla_len(a) < 6)
			continue;
		pr_str(PR_ANY, NULL, "%s ", fmt_lladdr(nla_data(a), 6, 1, b));
	}
	pr_arr_close(PR_JSON, NULL);
}

static int attr_u16(const struct nlattr *a, uint16_t *v)
{
	if (!a || nla_len(a) < 2)
		return -1;
	memcpy(v, nla_data(a), 2);
	return 0;
}

static void pr_vlan_map(const char *key, const char *label, const struct nlattr *map)
{
	const struct nlattr *a;
	size_t rem;
	uint32_t m[2];

	pr_arr_open(PR_JSON, key);
	pr_nl();
	pr_text("      %s { ", label);
	nla_for_each(a, nla_data(map), nla_len(map), rem) {
		if (nla_len(a) < sizeof(m))
			continue;
		memcpy(m, nla_data(a), sizeof(m));
		if (pr_json()) {
			pr_obj_open(NULL);
			pr_uint(PR_JSON, PK("from"), NULL, m[0]);
			pr_uint(PR_JSON, PK("to"), NULL, m[1]);
			pr_obj_close();
		} else {
			outf("%u:%u ", m[0], m[1]);
		}
	}
	pr_arr_close(PR_JSON, NULL);
	pr_text("} ");
}

static void pr_vlan(struct nlattr **tb)
{
	static const char *const names[] = { "REORDER_HDR", "GVRP", "MVRP", "LOOSE_BINDING", "BRIDGE_BINDING" };
	uint16_t id, proto = 0;
	struct ifla_vlan_flags fl;
	char b[16];

	if (!tb || (tb[IFLA_VLAN_PROTOCOL] && attr_u16(tb[IFLA_VLAN_PROTOCOL], &proto)) ||
	    attr_u16(tb[IFLA_VLAN_ID], &id))
		return;
	proto = ntohs(proto);   /* network order on the wire */
	bfmt(b, sizeof(b), "[%d]", proto);
	pr_str(PR_ANY, PK("protocol"), "protocol %s ", !tb[IFLA_VLAN_PROTOCOL] ? "802.1q" : ipo.numeric ? b :
	       proto == 0x8100 ? "802.1Q" : proto == 0x88a8 ? "802.1ad" : b);
	pr_uint(PR_ANY, PK("id"), "id %u ", id);
	if (tb[IFLA_VLAN_FLAGS]) {
		if (nla_len(tb[IFLA_VLAN_FLAGS]) < sizeof(fl))
			return;
		memcpy(&fl, nla_data(tb[IFLA_VLAN_FLAGS]), sizeof(fl));
		pr_arr_open(PR_ANY, pr_json() ? "flags" : "<");
		for (unsigned i = 0; i < 5; i++) {
			if (!(fl.flags & 1u << i))
				continue;
			fl.flags &= ~(1u << i);
			pr_str(PR_ANY, NULL, fl.flags ? "%s," : "%s", names[i]);
		}
		if (fl.flags) {
			bfmt(b, sizeof(b), "%x", fl.flags);
			pr_str(PR_ANY, NULL, "%s", b);
		}
		pr_arr_close(PR_ANY, "> ");
	}
	if (tb[IFLA_VLAN_INGRESS_QOS])
		pr_vlan_map("ingress_qos", "ingress-qos-map", tb[IFLA_VLAN_INGRESS_QOS]);
	if (tb[IFLA_VLAN_EGRESS_QOS])
		pr_vlan_map("egress_qos", "egress-qos-map", tb[IFLA_VLAN_EGRESS_QOS]);
}

static void pr_ipvlan(struct nlattr **tb)
{
	static const char *const modes[] = { "l2", "l3", "l3s", "unknown" };
	uint16_t v;

	if (!tb)
		return;
	if (tb[IFLA_IPVLAN_MODE] && nla_len(tb[IFLA_IPVLAN_MODE]) == 2 && !attr_u16(tb[IFLA_IPVLAN_MODE], &v))
		pr_str(PR_ANY, PK("mode"), " mode %s ", modes[v < 3 ? v : 3]);
	if (tb[IFLA_IPVLAN_FLAGS] && nla_len(tb[IFLA_IPVLAN_FLAGS]) == 2 && !attr_u16(tb[IFLA_IPVLAN_FLAGS], &v)) {
		const char *f = v & IPVLAN_F_PRIVATE ? "private" : v & IPVLAN_F_VEPA ? "vepa" : "bridge";
		char t[12];
		bfmt(t, sizeof(t), "%s ", f);
		pr_bool(PR_ANY, f, t, 1);
	}
}

static int attr_on(const struct nlattr *a)
{
	uint8_t v;
	return !nla_get_u8(a, &v) && v;
}

/* "0x.." as a JSON string, "label 0x.. " in text (iproute2's print_0xhex). */
static void pr_0xhex(const char *key, const char *label, unsigned v)
{
	char b[16];

	bfmt(b, sizeof(b), "%#x", v);
	pr_labeled(label, key, b);
}

static void pr_vxlan_addr(struct nlattr **tb, int a4, int a6, const char *key, const char *label, int multi_key)
{
	char b[PR_HOSTSZ], k[8];
	const unsigned char *d;
	int fam = tb[a4] ? AF_INET : AF_INET6;
	const struct nlattr *a = tb[a4] ? tb[a4] : tb[a6];
	int multi;

	if (!a || nla_len(a) < (size_t)inet_alen(fam))
		return;
	d = nla_data(a);
	if (!memcmp(d, (char[16]){ 0 }, inet_alen(fam)))
		return;
	multi = fam == AF_INET ? (d[0] & 0xf0) == 0xe0 : d[0] == 0xff;
	bfmt(k, sizeof(k), "%s%s", multi && multi_key ? "group" : key, fam == AF_INET6 ? "6" : "");
	pr_labeled(multi && multi_key ? "group" : label, k, fmt_host(fam, d, inet_alen(fam), b));
}

/* The vxlan flags shown when on: attribute, JSON key, text. */
static const struct { unsigned char attr; const char *key; } vxlan_flags[] = {
	{ IFLA_VXLAN_PROXY, "proxy" }, { IFLA_VXLAN_RSC, "rsc" }, { IFLA_VXLAN_L2MISS, "l2miss" },
	{ IFLA_VXLAN_L3MISS, "l3miss" },
}, vxlan_csum[] = {
	{ IFLA_VXLAN_UDP_CSUM, "udp_csum\0udpcsum " },
	{ IFLA_VXLAN_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx\0udp6zerocsumtx " },
	{ IFLA_VXLAN_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx\0udp6zerocsumrx " },
};

static void pr_vxlan(struct nlattr **tb)
{
	static const char *const dfs[] = { "unset", "set", "inherit" };
	uint32_t v;
	uint16_t p[2];
	uint8_t u8;
	char b[32];
	unsigned i;

	if (!tb)
		return;
	if (attr_on(tb[IFLA_VXLAN_COLLECT_METADATA]))
		pr_bool(PR_ANY, PK("external"), "external ", 1);
	if (attr_on(tb[IFLA_VXLAN_VNIFILTER]))
		pr_bool(PR_ANY, PK("vnifilter"), "vnifilter", 1);
	if (!nla_get_u32(tb[IFLA_VXLAN_ID], &v))
		pr_uint(PR_ANY, PK("id"), "id %u ", v);
	pr_vxlan_addr(tb, IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, "remote", "remote", 1);
	pr_vxlan_addr(tb, IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6, "local", "local", 0);
	if (!nla_get_u32(tb[IFLA_VXLAN_LINK], &v) && v)
		pr_str(PR_ANY, PK("link"), "dev %s ", ifname_of((int)v));
	if (tb[IFLA_VXLAN_PORT_RANGE] && nla_len(tb[IFLA_VXLAN_PORT_RANGE]) >= 4) {
		memcpy(p, nla_data(tb[IFLA_VXLAN_PORT_RANGE]), 4);
		pr_obj_open(PK("port_range"));
		pr_uint(PR_JSON, PK("low"), NULL, ntohs(p[0]));
		pr_uint(PR_JSON, PK("high"), NULL, ntohs(p[1]));
		pr_obj_close();
		pr_text("srcport %u %u ", ntohs(p[0]), ntohs(p[1]));
	}
	if (!attr_u16(tb[IFLA_VXLAN_PORT], p))
		pr_uint(PR_ANY, PK("port"), "dstport %u ", ntohs(p[0]));
	if (!nla_get_u8(tb[IFLA_VXLAN_LEARNING], &u8)) {
		pr_bool(PR_JSON, PK("learning"), NULL, u8);
		if (!u8)
			pr_text("nolearning ");
	}
	for (i = 0; i < sizeof(vxlan_flags) / sizeof(vxlan_flags[0]); i++)
		if (attr_on(tb[vxlan_flags[i].attr])) {
			bfmt(b, sizeof(b), "%s ", vxlan_flags[i].key);
			pr_bool(PR_ANY, vxlan_flags[i].key, b, 1);
		}
	if (attr_on(tb[IFLA_VXLAN_TOS])) {
		nla_get_u8(tb[IFLA_VXLAN_TOS], &u8);
		if (pr_json() || u8 != 1)
			pr_0xhex("tos", "tos", u8);
		else
			pr_text("tos inherit ");
	}
	if (attr_on(tb[IFLA_VXLAN_TTL_INHERIT])) {
		pr_text("ttl inherit ");
	} else if (!nla_get_u8(tb[IFLA_VXLAN_TTL], &u8)) {
		if (pr_json() || u8)
			pr_uint(PR_ANY, PK("ttl"), "ttl %u ", u8);
		else
			pr_text("ttl auto ");
	}
	if (!nla_get_u8(tb[IFLA_VXLAN_DF], &u8) && u8 < 3)
		pr_str(u8 ? PR_ANY : PR_JSON, PK("df"), "df %s ", dfs[u8]);
	if (!nla_get_u32(tb[IFLA_VXLAN_LABEL], &v) && v)
		pr_0xhex("label", "flowlabel", ntohl(v));
	if (!nla_get_u32(tb[IFLA_VXLAN_AGEING], &v))
		pr_uint(PR_ANY, PK("ageing"), v ? "ageing %u " : "ageing none ", v);
	if (!nla_get_u32(tb[IFLA_VXLAN_LIMIT], &v) && v)
		pr_uint(PR_ANY, PK("limit"), "maxaddr %u ", v);
	for (i = 0; i < 3; i++) {
		const char *key = vxlan_csum[i].key;
		if (nla_get_u8(tb[vxlan_csum[i].attr], &u8))
			continue;
		pr_bool(PR_JSON, key, NULL, u8);
		pr_text("%s%s", u8 ? "" : "no", key + strlen(key) + 1);
	}
	if (attr_on(tb[IFLA_VXLAN_REMCSUM_TX]))
		pr_bool(PR_ANY, PK("remcsum_tx"), "remcsumtx ", 1);
	if (attr_on(tb[IFLA_VXLAN_REMCSUM_RX]))
		pr_bool(PR_ANY, PK("remcsum_rx"), "remcsumrx ", 1);
	if (tb[IFLA_VXLAN_GBP])
		pr_bool(PR_ANY, PK("gbp"), "gbp ", 1);
	if (tb[IFLA_VXLAN_GPE])
		pr_bool(PR_ANY, PK("gpe"), "gpe ", 1);
}

/* The kind of a link and its data. iproute2 shows only the name of kinds without a printer of
 * their own (veth, dummy, ifb, nlmon, vcan ...); nsbox has no printer for the others that
 * iproute2 details (bond, geneve, tunnels ...), and shows their name alone. */
struct kind_printer {
	const char *kind;
	int max;
	void (*print)(struct nlattr **tb);
};
static const struct kind_printer kind_printers[] = {
	{ "bridge", IFLA_BR_MAX, pr_bridge },
	{ "bridge_slave", IFLA_BRPORT_MAX, pr_bridge_slave },
	{ "macvlan", IFLA_MACVLAN_MAX, pr_macvlan },
	{ "macvtap", IFLA_MACVLAN_MAX, pr_macvlan },
	{ "vlan", IFLA_VLAN_MAX, pr_vlan },
	{ "ipvlan", IFLA_IPVLAN_MAX, pr_ipvlan },
	{ "ipvtap", IFLA_IPVLAN_MAX, pr_ipvlan },
	{ "vxlan", IFLA_VXLAN_MAX, pr_vxlan },
	{ "macsec", IFLA_MACSEC_MAX, NSBOX_FEATURE_IP_MACSEC ? macsec_kind_print : NULL },
	{ NULL, 0, NULL },
};

static void pr_kind_data(const char *kind, const char *key, const struct nlattr *data)
{
	struct nlattr *tb[64];
	const struct kind_printer *k;

	if ((NSBOX_FEATURE_VRF || NSBOX_FEATURE_LINK_BOND) && pr_kind_bv(kind, key, data))
		return;
	if (NSBOX_FEATURE_LINK_TUNNELS && tunnel_kind_print(kind, key, data))
		return;
	for (k = kind_printers; k->kind; k++)
		if (!strcmp(k->kind, kind))
			break;
	if (!k->kind || !k->print || k->max >= 64)
		return;
	memset(tb, 0, sizeof(tb));
	if (data && nla_parse_nested(tb, k->max, data) < 0)
		return;
	pr_obj_open(key);
	k->print(data ? tb : NULL);
	pr_obj_close();
}

static void pr_link_kind(const struct link_info *li)
{
	char slave[32];

	pr_obj_open(PK("linkinfo"));
	if (li->li[IFLA_INFO_KIND]) {
		pr_text("%s", pr_sl());
		pr_str(PR_ANY, PK("info_kind"), "    %s ", str_attr(li->li[IFLA_INFO_KIND]));
		pr_kind_data(str_attr(li->li[IFLA_INFO_KIND]), "info_data", li->li[IFLA_INFO_DATA]);
	}
	if (li->li[IFLA_INFO_SLAVE_KIND]) {
		pr_text("%s", pr_sl());
		pr_str(PR_ANY, PK("info_slave_kind"), "    %s_slave ", str_attr(li->li[IFLA_INFO_SLAVE_KIND]));
		bfmt(slave, sizeof(slave), "%s_slave", str_attr(li->li[IFLA_INFO_SLAVE_KIND]));
		pr_kind_data(slave, "info_slave_data", li->li[IFLA_INFO_SLAVE_DATA]);
	}
	pr_obj_close();
}

void pr_link_details(const struct link_info *li, int do_link)
{
	static const struct uattr head[] = {
		{ IFLA_PROMISCUITY, "promiscuity", " promiscuity %u " },
		{ IFLA_ALLMULTI, "allmulti", " allmulti %u " },
		{ IFLA_MIN_MTU, "min_mtu", "minmtu %u " },
		{ IFLA_MAX_MTU, "max_mtu", "maxmtu %u " },
	}, tail[] = {
		{ IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues %u " },
		{ IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues %u " },
		{ IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size %u " },
		{ IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs %u " },
		{ IFLA_TSO_MAX_SIZE, "tso_max_size", "tso_max_size %u " },
		{ IFLA_TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs %u " },
		{ IFLA_GRO_MAX_SIZE, "gro_max_size", "gro_max_size %u " },
	};
	struct nlattr *const *tb = li->tb;

	pr_uattrs(tb, head, sizeof(head) / sizeof(head[0]));
	if (tb[IFLA_LINKINFO])
		pr_link_kind(li);
	if (do_link && tb[IFLA_AF_SPEC])
		pr_af_spec(tb[IFLA_AF_SPEC]);
	pr_uattrs(tb, tail, sizeof(tail) / sizeof(tail[0]));
	if (tb[IFLA_PHYS_PORT_NAME])
		pr_str(PR_ANY, PK("phys_port_name"), "portname %s ", str_attr(tb[IFLA_PHYS_PORT_NAME]));
	if (tb[IFLA_PHYS_PORT_ID])
		pr_hexattr(tb[IFLA_PHYS_PORT_ID], "phys_port_id", "portid %s ");
	if (tb[IFLA_PHYS_SWITCH_ID])
		pr_hexattr(tb[IFLA_PHYS_SWITCH_ID], "phys_switch_id", "switchid %s ");
	if (tb[IFLA_PARENT_DEV_BUS_NAME])
		pr_str(PR_ANY, PK("parentbus"), "parentbus %s ", str_attr(tb[IFLA_PARENT_DEV_BUS_NAME]));
	if (tb[IFLA_PARENT_DEV_NAME])
		pr_str(PR_ANY, PK("parentdev"), "parentdev %s ", str_attr(tb[IFLA_PARENT_DEV_NAME]));
}
