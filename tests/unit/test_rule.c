/* rtnl_rule_* against iproute2 6.1: RTM_NEWRULE / RTM_DELRULE built with nlb as ip_rule.c
 * builds them (fib_rule_hdr, then one attribute per word), byte for byte (captured with strace in a throwaway netns; nlmsg_seq not compared),
 * each parsed back; the dump request through the fake kernel; the delete that ip rule flush
 * makes of a dumped rule (the kernel's own bytes); and dumped rules that are malformed. */
#include <arpa/inet.h>
#include "rtnl.h"
#include "rtnl_rule.h"
#include "unit.h"

#define ADD_FLAGS (NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE)

static char buf[2048];
static size_t cap = sizeof(buf);
static struct nlb b;
static struct { struct fib_rule_hdr frh; } r;
static struct fib_rule_hdr *hdr;

/* The message type and flags are set by add() or del(), the header copied there too. */
static void start(int family, int src_len, int dst_len, int table, int action)
{
	memset(&r, 0, sizeof(r));
	hdr = nlb_start(&b, buf, cap, 0, 0, sizeof(*hdr));
	r.frh.family = family;
	r.frh.src_len = src_len;
	r.frh.dst_len = dst_len;
	r.frh.table = table;
	r.frh.action = action;
}

static void attr(uint16_t type, const char *hex)
{
	unsigned char v[16];

	nlb_put(&b, type, v, unhex(hex, v, sizeof(v)));
}

static void u32(uint16_t type, uint32_t v) { nlb_put_u32(&b, type, v); }
static void finish(uint16_t type, uint16_t flags)
{
	if (!hdr)
		return;
	*hdr = r.frh;
	nlb_hdr(&b)->nlmsg_type = type;
	nlb_hdr(&b)->nlmsg_flags = NLM_F_REQUEST | flags;
}
static void add(void) { finish(RTM_NEWRULE, ADD_FLAGS); }
static void del(void) { finish(RTM_DELRULE, NLM_F_ACK); }

/* ip rule add from 10.0.0.0/8 table 100 pref 100 */
static void b_from(void)
{
	start(AF_INET, 8, 0, 100, FR_ACT_TO_TBL);
	attr(FRA_SRC, "0a000000");
	u32(FRA_PRIORITY, 100);
	add();
}

/* ip rule add not to 192.168.1.0/24 fwmark 0x10/0xff iif lo oif lo table 5 pref 300 tos 0x10 */
static void b_selectors(void)
{
	start(AF_INET, 0, 24, 5, FR_ACT_TO_TBL);
	r.frh.flags = FIB_RULE_INVERT;
	r.frh.tos = 0x10;
	attr(FRA_DST, "c0a80100");
	u32(FRA_FWMARK, 0x10);
	u32(FRA_FWMASK, 0xff);
	attr(FRA_IIFNAME, "6c6f00");
	attr(FRA_OIFNAME, "6c6f00");
	u32(FRA_PRIORITY, 300);
	add();
}

/* ip -6 rule add from 2001:db8::/32 table 1000 pref 10 */
static void b_v6(void)
{
	start(AF_INET6, 32, 0, RT_TABLE_UNSPEC, FR_ACT_TO_TBL);
	attr(FRA_SRC, "20010db8000000000000000000000000");
	u32(FRA_TABLE, 1000);
	u32(FRA_PRIORITY, 10);
	add();
}

/* ip rule add blackhole pref 400 */
static void b_blackhole(void)
{
	start(AF_INET, 0, 0, 0, FR_ACT_BLACKHOLE);
	u32(FRA_PRIORITY, 400);
	add();
}

/* ip rule add uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 table 9 pref 500 */
static void b_ranges(void)
{
	start(AF_INET, 0, 0, 9, FR_ACT_TO_TBL);
	attr(FRA_UID_RANGE, "64000000 c8000000");
	attr(FRA_IP_PROTO, "06");
	attr(FRA_SPORT_RANGE, "50005000");
	attr(FRA_DPORT_RANGE, "e803d007");
	u32(FRA_PRIORITY, 500);
	add();
}

/* ip rule add goto 32766 pref 800 */
static void b_goto(void)
{
	start(AF_INET, 0, 0, 0, FR_ACT_GOTO);
	u32(FRA_GOTO, 32766);
	u32(FRA_PRIORITY, 800);
	add();
}

/* ip rule add l3mdev pref 600 */
static void b_l3mdev(void)
{
	start(AF_INET, 0, 0, 0, FR_ACT_TO_TBL);
	attr(FRA_L3MDEV, "01");
	u32(FRA_PRIORITY, 600);
	add();
}

/* ip rule add from all realms 3/4 protocol static suppress_prefixlength 0 sup_group 5
 * tun_id 77 table 10: "all" is an FRA_SRC without bytes. */
static void b_actions(void)
{
	start(AF_INET, 0, 0, 10, FR_ACT_TO_TBL);
	attr(FRA_SRC, "");
	u32(FRA_FLOW, 3 << 16 | 4);
	attr(FRA_PROTOCOL, "04");
	u32(FRA_SUPPRESS_PREFIXLEN, 0);
	u32(FRA_SUPPRESS_IFGROUP, 5);
	attr(FRA_TUN_ID, "00000000 0000004d");
	add();
}

/* ip rule del pref 100 */
static void b_del_pref(void)
{
	start(AF_INET, 0, 0, 0, FR_ACT_UNSPEC);
	u32(FRA_PRIORITY, 100);
	del();
}

/* ip rule del from 10.0.0.0/8 table 100 */
static void b_del_from(void)
{
	start(AF_INET, 8, 0, 100, FR_ACT_UNSPEC);
	attr(FRA_SRC, "0a000000");
	del();
}

struct build_row {
	const char *what;
	void (*build)(void);
	const char *hex;
	int family, src_len, dst_len, action;
	uint32_t table, prio;
	int empty_src;
};

static const struct build_row build_tab[] = {
	{ "ip rule add from 10.0.0.0/8 table 100 pref 100", b_from,
	  "2c000000 20000506 00000000 00000000 02000800 64000001 00000000 08000200 0a000000 08000600"
	  "64000000", AF_INET, 8, 0, FR_ACT_TO_TBL, 100, 100, 0 },
	{ "ip rule add not to 192.168.1.0/24 fwmark 0x10/0xff iif lo oif lo table 5 pref 300 tos 0x10",
	  b_selectors,
	  "4c000000 20000506 00000000 00000000 02180010 05000001 02000000 08000100 c0a80100 08000a00"
	  "10000000 08001000 ff000000 07000300 6c6f0000 07001100 6c6f0000 08000600 2c010000",
	  AF_INET, 0, 24, FR_ACT_TO_TBL, 5, 300, 0 },
	{ "ip -6 rule add from 2001:db8::/32 table 1000 pref 10", b_v6,
	  "40000000 20000506 00000000 00000000 0a002000 00000001 00000000 14000200 20010db8 00000000"
	  "00000000 00000000 08000f00 e8030000 08000600 0a000000", AF_INET6, 32, 0, FR_ACT_TO_TBL, 1000, 10, 0 },
	{ "ip rule add blackhole pref 400", b_blackhole,
	  "24000000 20000506 00000000 00000000 02000000 00000006 00000000 08000600 90010000",
	  AF_INET, 0, 0, FR_ACT_BLACKHOLE, 0, 400, 0 },
	{ "ip rule add uidrange 100-200 ipproto tcp sport 80 dport 1000-2000 table 9 pref 500", b_ranges,
	  "48000000 20000506 00000000 00000000 02000000 09000001 00000000 0c001400 64000000 c8000000"
	  "05001600 06000000 08001700 50005000 08001800 e803d007 08000600 f4010000",
	  AF_INET, 0, 0, FR_ACT_TO_TBL, 9, 500, 0 },
	{ "ip rule add goto 32766 pref 800", b_goto,
	  "2c000000 20000506 00000000 00000000 02000000 00000002 00000000 08000400 fe7f0000 08000600"
	  "20030000", AF_INET, 0, 0, FR_ACT_GOTO, 0, 800, 0 },
	{ "ip rule add l3mdev pref 600", b_l3mdev,
	  "2c000000 20000506 00000000 00000000 02000000 00000001 00000000 05001300 01000000 08000600"
	  "58020000", AF_INET, 0, 0, FR_ACT_TO_TBL, 0, 600, 0 },
	{ "ip rule add from all realms 3/4 protocol static suppress_prefixlength 0 sup_group 5 tun_id 77 table 10",
	  b_actions,
	  "4c000000 20000506 00000000 00000000 02000000 0a000001 00000000 04000200 08000b00 04000300"
	  "05001500 04000000 08000e00 00000000 08000d00 05000000 0c000c00 00000000 0000004d",
	  AF_INET, 0, 0, FR_ACT_TO_TBL, 10, 0, 1 },
	{ "ip rule del pref 100", b_del_pref,
	  "24000000 21000500 00000000 00000000 02000000 00000000 00000000 08000600 64000000",
	  AF_INET, 0, 0, FR_ACT_UNSPEC, 0, 100, 0 },
	{ "ip rule del from 10.0.0.0/8 table 100", b_del_from,
	  "24000000 21000500 00000000 00000000 02000800 64000000 00000000 08000200 0a000000",
	  AF_INET, 8, 0, FR_ACT_UNSPEC, 100, 0, 0 },
};

static void test_build(void **state)
{
	ROW(struct build_row);
	struct rule_info ri;
	const struct nlmsghdr *h;
	struct nlattr *a;
	size_t rem;

	memset(buf, 0xa5, sizeof(buf));
	row->build();
	h = nlb_hdr(&b);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, h->nlmsg_len, row->hex, 1);
	/* Parsed back: the header and the attributes the listing reads. An FRA_SRC without bytes
	 * ("from all") is a request only: the kernel sends no address for a prefix of length 0,
	 * and the parser takes an address only at the family's length. */
	if (row->empty_src) {
		assert_int_equal(rtnl_rule_parse(h, &ri), -EPROTO);
		return;
	}
	assert_int_equal(rtnl_rule_parse(h, &ri), 0);
	assert_int_equal(ri.frh->family, row->family);
	assert_int_equal(ri.frh->src_len, row->src_len);
	assert_int_equal(ri.frh->dst_len, row->dst_len);
	assert_int_equal(ri.frh->action, row->action);
	assert_int_equal(rtnl_rule_table(&ri), row->table);
	assert_int_equal(rule_u32(&ri, FRA_PRIORITY), row->prio);
	nla_for_each(a, (char *)ri.frh + sizeof(*ri.frh), nlmsg_payload(h) - sizeof(*ri.frh), rem) {
		const struct nlattr *t = ri.tb[nla_type(a)];
		assert_non_null(t);
		assert_int_equal(nla_len(t), nla_len(a));
		assert_memory_equal(nla_data(t), nla_data(a), nla_len(a));
	}
}

/* The same build into every smaller buffer: overflow flagged, nothing written past the cap. */
static void test_build_overflow(void **state)
{
	ROW(struct build_row);
	unsigned char w[256];
	size_t need = unhex(row->hex, w, sizeof(w));

	for (cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		row->build();
		assert_int_equal(b.overflow, 1);
		if (cap >= NLMSG_HDRLEN)
			assert_true(nlb_hdr(&b)->nlmsg_len <= cap);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = need;
	row->build();
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	cap = sizeof(buf);
}

/* Attributes are kept in order and repeats stay (iproute2 sends "pref 1 pref 2" as two); at
 * iproute2's bound (1052 bytes: 128 priorities after the header) the next one overflows. */
static void test_attr_order_and_room(void **state)
{
	struct rule_info ri;
	const size_t bound = NLMSG_HDRLEN + sizeof(struct fib_rule_hdr) + 1024;

	(void)state;
	start(AF_INET, 0, 0, RT_TABLE_MAIN, FR_ACT_TO_TBL);
	u32(FRA_PRIORITY, 1);
	u32(FRA_PRIORITY, 2);
	add();
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len,
		     "2c000000 20000506 00000000 00000000 02000000 fe000001 00000000 08000600 01000000"
		     "08000600 02000000", 1);
	assert_int_equal(rtnl_rule_parse(nlb_hdr(&b), &ri), 0);
	assert_int_equal(rule_u32(&ri, FRA_PRIORITY), 2);     /* the last one wins, as in the kernel */
	cap = bound;
	start(AF_INET, 0, 0, RT_TABLE_MAIN, FR_ACT_TO_TBL);
	for (int i = 0; i < 128; i++)
		u32(FRA_PRIORITY, 3);
	add();
	assert_int_equal(b.overflow, 0);
	assert_int_equal(nlb_hdr(&b)->nlmsg_len, bound);
	u32(FRA_PRIORITY, 3);
	assert_int_equal(b.overflow, 1);
	assert_int_equal(nlb_hdr(&b)->nlmsg_len, bound);
	cap = sizeof(buf);
}

/* ---- dumped rules: the kernel's bytes (ip rule flush of the same netns sends them back) ---- */

struct dumped_row {
	const char *what;
	const char *hex;        /* an RTM_NEWRULE of the dump */
	const char *del;        /* what ip rule flush sends for it (nlmsg_pid zeroed) */
	int family, action;
	uint32_t table, prio;
	const char *iif, *oif;
};

static const struct dumped_row dumped_tab[] = {
	{ "from 10.0.0.0/8 fwmark 3/3 iif lo lookup 5",
	  "5c000000 20000200 00000000 00000000 02000800 05000001 00000000 08000f00 05000000 08000e00"
	  "ffffffff 05001500 00000000 07000300 6c6f0000 08000600 05000000 08000a00 03000000 08001000"
	  "03000000 08000200 0a000000",
	  "5c000000 21000500 00000000 00000000 02000800 05000001 00000000 08000f00 05000000 08000e00"
	  "ffffffff 05001500 00000000 07000300 6c6f0000 08000600 05000000 08000a00 03000000 08001000"
	  "03000000 08000200 0a000000", AF_INET, FR_ACT_TO_TBL, 5, 5, "lo", NULL },
	{ "uidrange, ports, ipproto and an attribute newer than this build (type 28)",
	  "68000000 20000200 00000000 00000000 02000000 09000001 00000000 08000f00 09000000 08000e00"
	  "ffffffff 05001500 00000000 08000600 f4010000 0c001400 64000000 c8000000 08001700 50005000"
	  "06001c00 ffff0000 08001800 e803d007 05001600 06000000",
	  "68000000 21000500 00000000 00000000 02000000 09000001 00000000 08000f00 09000000 08000e00"
	  "ffffffff 05001500 00000000 08000600 f4010000 0c001400 64000000 c8000000 08001700 50005000"
	  "06001c00 ffff0000 08001800 e803d007 05001600 06000000", AF_INET, FR_ACT_TO_TBL, 9, 500, NULL, NULL },
	{ "goto 32766", 
	  "44000000 20000200 00000000 00000000 02000000 00000002 04000000 08000f00 00000000 08000e00"
	  "ffffffff 05001500 00000000 08000600 20030000 08000400 fe7f0000",
	  "44000000 21000500 00000000 00000000 02000000 00000002 04000000 08000f00 00000000 08000e00"
	  "ffffffff 05001500 00000000 08000600 20030000 08000400 fe7f0000", AF_INET, FR_ACT_GOTO, 0, 800, NULL, NULL },
	{ "-6: not to 2001:db8::1 oif lo lookup 1000 prohibit (rtm table 252, FRA_TABLE 1000)",
	  "58000000 20000200 00000000 00000000 0a800000 fc000008 02000000 08000f00 e8030000 08000e00"
	  "ffffffff 05001500 00000000 07001100 6c6f0000 08000600 09000000 14000100 20010db8 00000000"
	  "00000000 00000001",
	  "58000000 21000500 00000000 00000000 0a800000 fc000008 02000000 08000f00 e8030000 08000e00"
	  "ffffffff 05001500 00000000 07001100 6c6f0000 08000600 09000000 14000100 20010db8 00000000"
	  "00000000 00000001", AF_INET6, FR_ACT_PROHIBIT, 1000, 9, NULL, "lo" },
	{ "-6: lookup main, proto kernel",
	  "3c000000 20000200 00000000 00000000 0a000000 fe000001 00000000 08000f00 fe000000 08000e00"
	  "ffffffff 05001500 02000000 08000600 fe7f0000",
	  "3c000000 21000500 00000000 00000000 0a000000 fe000001 00000000 08000f00 fe000000 08000e00"
	  "ffffffff 05001500 02000000 08000600 fe7f0000", AF_INET6, FR_ACT_TO_TBL, 254, 32766, NULL, NULL },
};

static void test_dumped(void **state)
{
	ROW(struct dumped_row);
	unsigned char raw[256];
	size_t n = unhex(row->hex, raw, sizeof(raw));
	struct nlmsghdr *h = dup_exact(raw, n);
	struct rule_info ri;

	assert_int_equal(h->nlmsg_len, n);
	assert_int_equal(rtnl_rule_parse(h, &ri), 0);
	assert_int_equal(ri.frh->family, row->family);
	assert_int_equal(ri.frh->action, row->action);
	assert_int_equal(rtnl_rule_table(&ri), row->table);
	assert_int_equal(rule_u32(&ri, FRA_PRIORITY), row->prio);
	if (row->iif)
		assert_string_equal(nla_get_str(ri.tb[FRA_IIFNAME]), row->iif);
	else
		assert_null(ri.tb[FRA_IIFNAME]);
	if (row->oif)
		assert_string_equal(nla_get_str(ri.tb[FRA_OIFNAME]), row->oif);
	else
		assert_null(ri.tb[FRA_OIFNAME]);
	/* flush: the same header and attributes back as RTM_DELRULE, REQUEST|ACK. */
	memset(buf, 0xa5, sizeof(buf));
	rtnl_rule_del_dumped(&b, buf, sizeof(buf), h);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->del, 1);
	/* ... and too big for a small buffer: flagged, not cut. */
	rtnl_rule_del_dumped(&b, buf, n - 4, h);
	assert_int_equal(b.overflow, 1);
	free(h);
}

/* Dumped rules the listing must not read: each gives -EPROTO. The header is an AF_INET or
 * AF_INET6 fib_rule_hdr; one attribute follows. */
struct bad_row {
	const char *what;
	const char *hex;
};

#define H4 "00000000 20000200 00000000 00000000 02000000 fe000001 00000000"
#define H6 "00000000 20000200 00000000 00000000 0a000000 fe000001 00000000"
static const struct bad_row bad_tab[] = {
	{ "shorter than fib_rule_hdr", "00000000 20000200 00000000 00000000 02000000 fe000001 000000" },
	{ "an attribute past the end", H4 "0c000600 01000000" },
	{ "trailing bytes that are no attribute", H4 "08000600 01000000 0300" },
	{ "FRA_PRIORITY of 2 bytes", H4 "06000600 01000000" },
	{ "FRA_TABLE of 3 bytes", H4 "07000f00 01000000" },
	{ "FRA_FWMARK of 0 bytes", H4 "04000a00" },
	{ "FRA_TUN_ID of 4 bytes", H4 "08000c00 00000001" },
	{ "FRA_UID_RANGE of 4 bytes", H4 "08001400 01000000" },
	{ "FRA_SPORT_RANGE of 2 bytes", H4 "06001700 50000000" },
	{ "FRA_PROTOCOL of 0 bytes", H4 "04001500" },
	{ "FRA_L3MDEV of 0 bytes", H4 "04001300" },
	{ "FRA_IIFNAME without a NUL", H4 "06000300 6c6f0000" },
	{ "FRA_OIFNAME empty", H4 "04001100" },
	{ "an IPv4 FRA_SRC of 5 bytes", H4 "09000200 0a000000 01000000" },
	{ "an IPv4 FRA_DST of 16 bytes", H4 "14000100 20010db8 00000000 00000000 00000001" },
	{ "an IPv6 FRA_SRC of 4 bytes", H6 "08000200 0a000000" },
};

static void test_bad(void **state)
{
	ROW(struct bad_row);
	unsigned char raw[128];
	size_t n = unhex(row->hex, raw, sizeof(raw));
	struct nlmsghdr *h;
	struct rule_info ri;

	((struct nlmsghdr *)raw)->nlmsg_len = n;
	h = dup_exact(raw, n);
	assert_int_equal(rtnl_rule_parse(h, &ri), -EPROTO);
	free(h);
}

/* ---- the dump request, through the fake kernel ---- */

#define PORT 0x2a2a
#define DONE "14000000 0300 0200 S P 00000000"
#define RULE_MAIN "3c000000 2000 0200 S P 02000000 fe000001 00000000 08000f00 fe000000 08000e00" \
	"ffffffff 05001500 02000000 08000600 fe7f0000"

static int ncb, nbad;

static int count(const struct nlmsghdr *h, void *arg)
{
	struct rule_info ri;

	(void)arg;
	ncb++;
	if (h->nlmsg_type != RTM_NEWRULE || rtnl_rule_parse(h, &ri))
		nbad++;
	return 0;
}

struct dump_row {
	const char *what;
	int family;
	const char *req;
	const char *replies[4];
	int ret, calls;
};

static const struct dump_row dump_tab[] = {
	{ "ip rule", AF_INET, "1c000000 22000103 00000000 00000000 02000000 00000000 00000000",
	  { RULE_MAIN, RULE_MAIN, DONE }, 0, 2 },
	{ "ip -6 rule", AF_INET6, "1c000000 22000103 00000000 00000000 0a000000 00000000 00000000",
	  { DONE }, 0, 0 },
	{ "ip -0 rule: EAFNOSUPPORT", AF_PACKET, "1c000000 22000103 00000000 00000000 11000000 00000000 00000000",
	  { "24000000 0200 0001 S P 9fffffff 1c000000 22000103 S 00000000" }, -EAFNOSUPPORT, 0 },
	{ "a dump that fails midway", AF_INET, "1c000000 22000103 00000000 00000000 02000000 00000000 00000000",
	  { RULE_MAIN, "14000000 0300 0200 S P f4ffffff" }, -ENOMEM, 1 },
};

static void test_dump(void **state)
{
	ROW(struct dump_row);
	struct nlsock *sk;
	struct fk k;
	int ret;

	ncb = nbad = 0;
	fk_start(&k, sk = fresh_sock(), PORT, row->replies);
	ret = rtnl_rule_dump(sk, row->family, count, NULL);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, k.req_len, row->req, 1);
	assert_int_equal(ret, row->ret);
	assert_int_equal(ncb, row->calls);
	assert_int_equal(nbad, 0);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_build, build_tab);
	ADD_ROWS(&s, test_build_overflow, build_tab);
	ADD(&s, test_attr_order_and_room);
	ADD_ROWS(&s, test_dumped, dumped_tab);
	ADD_ROWS(&s, test_bad, bad_tab);
	ADD_ROWS(&s, test_dump, dump_tab);
	alarm(120);
	return suite_run(&s, "rule");
}
