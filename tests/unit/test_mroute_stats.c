/* ip mroute, ip mrule and ip stats: their requests byte for byte against iproute2 6.1 (captured
 * with strace from /usr/sbin/ip in a network namespace, lo ifindex 1, a dummy d0 ifindex 3;
 * nlmsg_seq not compared), the dumps through the fake kernel; the printers of a multicast
 * route and of ip stats fed crafted replies (the 6.1 guest's mroute_guest.test and
 * stats_guest.test compare real ones with iproute2). */
#include "ip.h"
#include "ip_print.h"
#include "out.h"
#include "rtnl_rule.h"
#include "rtnl_stats.h"
#include "unit.h"

#define PORT 0x2a2a
#define DONE "14000000 0300 0200 S P 00000000"

static char buf[RTNL_BUF];
static size_t cap = sizeof(buf);
static struct nlb b;

/* ---- ip stats requests ---- */

struct st_row {
	const char *what;
	int ifindex;
	uint32_t mask, offload;
	int set, on;
	const char *hex;
};
static const struct st_row st_tab[] = {
	{ "ip stats show", 0, 0x1f, 0, 0, 0, "1c000000 5e000103 40dc156b 00000000 00000000 00000000 1f000000" },
	{ "ip stats show dev lo", 1, 0x1f, 0, 0, 0, "1c000000 5e000100 40dc156b 00000000 00000000 01000000 1f000000" },
	{ "ip stats show dev lo group offload subgroup cpu_hit", 1, 8, 1, 0, 0,
	  "28000000 5e000100 40dc156b 00000000 00000000 01000000 08000000 0c000180 08000400 01000000" },
	{ "ip stats show group offload subgroup l3_stats", 0, 8, 6, 0, 0,
	  "28000000 5e000103 40dc156b 00000000 00000000 00000000 08000000 0c000180 08000400 06000000" },
	{ "ip stats show group link group offload", 0, 9, 0, 0, 0,
	  "1c000000 5e000103 40dc156b 00000000 00000000 00000000 09000000" },
	{ "ip stats show group afstats group xstats_slave", 0, 0x14, 0, 0, 0,
	  "1c000000 5e000103 40dc156b 00000000 00000000 00000000 14000000" },
	{ "ip stats set dev lo l3_stats on", 1, 0, 0, 1, 1,
	  "24000000 5f000500 40dc156b 00000000 00000000 01000000 00000000 05000200 01000000" },
	{ "ip stats set dev d0 l3_stats off", 3, 0, 0, 1, 0,
	  "24000000 5f000500 40dc156b 00000000 00000000 03000000 00000000 05000200 00000000" },
};

static void build_st(const struct st_row *row)
{
	if (row->set)
		rtnl_stats_set_build(&b, buf, cap, row->ifindex, IFLA_STATS_SET_OFFLOAD_XSTATS_L3_STATS, (uint8_t)row->on);
	else
		rtnl_stats_get_build(&b, buf, cap, row->ifindex, row->mask, row->offload);
}

static void test_st_req(void **state)
{
	ROW(struct st_row);
	struct stats_info si;

	golden_host_order();
	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	build_st(row);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	assert_int_equal(rtnl_stats_parse(nlb_hdr(&b), &si), 0);
	assert_int_equal(si.ifsm.filter_mask, row->mask);
	assert_int_equal((int)si.ifsm.ifindex, row->ifindex);
	assert_int_equal(si.tb[IFLA_STATS_GET_FILTERS] != NULL, row->offload != 0);
}

/* Every smaller buffer: overflow flagged, nothing written past the cap. */
static void test_st_overflow(void **state)
{
	ROW(struct st_row);
	size_t len;

	cap = sizeof(buf);
	build_st(row);
	len = nlb_hdr(&b)->nlmsg_len;
	for (cap = 0; cap < len; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		build_st(row);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < len + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = sizeof(buf);
}

/* ---- dumps through the fake kernel ---- */

static int count(const struct nlmsghdr *h, void *arg)
{
	(void)h;
	++*(int *)arg;
	return 0;
}

/* ip mroute (table default), ip -6 mroute, ip mroute show table 7, and the rule dumps of ip
 * mrule and ip -6 mrule. */
static void test_dumps(void **state)
{
	static const struct { int rule; uint8_t family; uint32_t table; const char *hex; } t[] = {
		{ 0, RTNL_FAMILY_IPMR, RT_TABLE_DEFAULT,
		  "24000000 1a000103 41dc156b 00000000 80000000 00000000 00000000 08000f00 fd000000" },
		{ 0, RTNL_FAMILY_IP6MR, 0, "1c000000 1a000103 41dc156b 00000000 81000000 00000000 00000000" },
		{ 0, RTNL_FAMILY_IPMR, 7,
		  "24000000 1a000103 41dc156b 00000000 80000000 00000000 00000000 08000f00 07000000" },
		{ 1, RTNL_FAMILY_IPMR, 0, "1c000000 22000103 40dc156b 00000000 80000000 00000000 00000000" },
		{ 1, RTNL_FAMILY_IP6MR, 0, "1c000000 22000103 40dc156b 00000000 81000000 00000000 00000000" },
	};
	static const char *const replies[] = { DONE, NULL };

	(void)state;
	golden_host_order();
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct rtnl_filter f = { 0 };
		struct nlsock *sk;
		struct fk k;
		int n = 0;

		f.family = t[i].family;
		f.table = t[i].table;
		fk_start(&k, sk = fresh_sock(), PORT, replies);
		if (t[i].rule)
			assert_int_equal(rtnl_rule_dump(sk, t[i].family, count, &n), 0);
		else
			assert_int_equal(rtnl_route_dump(sk, &f, count, &n), 0);
		assert_int_equal(fk_end(&k, sk), 0);
		assert_bytes(k.req, (size_t)k.req_len, t[i].hex, 1);
		assert_int_equal(n, 0);
	}
}

/* ---- printers ---- */

static char text[4096];

static int capture(void **state)
{
	(void)state;
	unit_capture(text, sizeof(text));
	ifcache_forget();
	ifcache_note(40, "s0", 0x11043);
	ifcache_note(41, "s1", 0x11043);
	return 0;
}

static int restore(void **state)
{
	(void)state;
	unit_release();
	ifcache_forget();
	ipo.stats = 0;
	return 0;
}

static struct nlmsghdr *nlm(const char *hex)
{
	static unsigned char raw[512];
	static struct nlmsghdr *h;
	size_t n = unhex_tok(hex, raw, sizeof(raw), 0, 0);

	free(h);
	return h = dup_exact(raw, n);
}

/* (10.9.0.2, 239.1.1.1) of table default from s0 to s1 and s0 (ttl 5): 3 packets, 300 bytes,
 * 1 on a wrong iif, 12.34 s old. */
#define MR(type, flags) "78000000" type "0000 00000000 00000000 80202000 fd110005" flags \
	"08000f00 fd000000 08000200 0a090002 08000100 ef010101 08000300 28000000" \
	"14000900 08000001 29000000 08000005 28000000" \
	"1c001100 03000000 00000000 2c010000 00000000 01000000 00000000" \
	"0c001700 d2040000 00000000"

static void test_mroute(void **state)
{
	(void)state;
	golden_host_order();
	pr_mroute_msg(nlm(MR("1800", "00000000")), 0);
	pr_mroute_msg(nlm(MR("1900", "00000000")), 0);
	pr_mroute_msg(nlm(MR("1800", "00000000")), 41);   /* another iif: nothing */
	ipo.stats = 1;
	pr_mroute_msg(nlm(MR("1800", "20000000")), 0);   /* RTNH_F_UNRESOLVED */
	assert_string_equal(text,
		"(10.9.0.2,239.1.1.1)             Iif: s0         Oifs: s1 s0(ttl 5)  State: resolved Table: default\n"
		"Deleted (10.9.0.2,239.1.1.1)             Iif: s0         Oifs: s1 s0(ttl 5)  State: resolved Table: default\n"
		"(10.9.0.2,239.1.1.1)             Iif: s0         Oifs: s1 s0(ttl 5)  State: unresolved\n"
		"  3 packets, 300 bytes, 1 arrived on wrong iif., Age 12.34 Table: default\n");
}

/* RTM_NEWSTATS of ifindex 40: LINK_64 (rx 5 packets of 500 bytes), the offload nest with
 * hw_stats_info of l3_stats (request on, used off) and its counters (7 packets in). */
#define STATS "5c00 0000 00000000 00000000 00000000 28000000 00000000"
#define LINK64 "c4000100 05000000 00000000 00000000 00000000 f4010000 00000000" \
	"00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000" \
	"00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000" \
	"00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000" \
	"00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000" \
	"00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000" \
	"00000000 00000000"
#define OFFLOAD "50000400 18000200 14000300 05000100 01000000 05000200 00000000" \
	"34000300 07000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000" \
	"00000000 00000000 00000000 00000000"

static void test_stats(void **state)
{
	(void)state;
	golden_host_order();
	assert_int_equal(ip_stats_print(nlm("30010000" STATS LINK64 OFFLOAD), 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4), 0);
	/* a request of 2: said on stderr, the listing stops in its record */
	assert_int_equal(ip_stats_print(nlm("30000000" STATS "14000400 10000200 0c000300 05000100 02000000"), 1u << 2),
			 -EINVAL);
	assert_string_equal(text,
		"40: s0: group link\n"
		"    RX:  bytes packets errors dropped  missed   mcast           \n"
		"           500       5      0       0       0       0 \n"
		"    TX:  bytes packets errors dropped carrier collsns           \n"
		"             0       0      0       0       0       0 \n"
		"40: s0: group offload subgroup l3_stats on used off\n"
		"    RX: bytes packets errors dropped   mcast\n"
		"            0       7      0       0       0 \n"
		"    TX: bytes packets errors dropped\n"
		"            0       0      0       0 \n"
		"40: s0: group offload subgroup hw_stats_info\n"
		"    l3_stats on used off\n"
		"40: s0: group offload subgroup cpu_hit\n\n"
		"40: s0: group offload subgroup l3_stats");
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_st_req, st_tab);
	ADD_ROWS(&s, test_st_overflow, st_tab);
	ADD(&s, test_dumps);
	s.t[s.n] = (struct CMUnitTest)cmocka_unit_test_setup_teardown(test_mroute, capture, restore);
	s.n++;
	s.t[s.n] = (struct CMUnitTest)cmocka_unit_test_setup_teardown(test_stats, capture, restore);
	s.n++;
	alarm(120);
	return suite_run(&s, "mroute_stats");
}
