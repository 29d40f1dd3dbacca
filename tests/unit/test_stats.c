/* rtnl_stats: the RTM_GETSTATS dump requests of ip link xstats and afstats byte for byte against
 * iproute2 6.1 (captured with strace from /usr/sbin/ip; nlmsg_seq not compared), a dump of
 * several messages through the fake kernel, the parse of RTM_NEWSTATS and its malformed forms;
 * and the [STATS], [NEXTHOP] and [NEXTHOPBUCKET] event printers of ip monitor against what
 * iproute2 printed. */
#include "ip.h"
#include "ip_print.h"
#include "out.h"
#include "rtnl_stats.h"
#include "unit.h"

#define PORT 0x2a2a
#define DONE "14000000 0300 0200 S P 00000000"

static char buf[RTNL_BUF];
static size_t cap = sizeof(buf);
static struct nlb b;

struct st_row {
	const char *what;
	uint32_t mask;
	const char *hex;
};
static const struct st_row st_tab[] = {
	{ "ip link xstats type bridge", 2, "1c000000 5e000103 9d6b1643 00000000 00000000 00000000 02000000" },
	{ "ip link xstats type bond_slave", 4, "1c000000 5e000103 9d6b1643 00000000 00000000 00000000 04000000" },
	{ "ip link afstats", 16, "1c000000 5e000103 9d6b1643 00000000 00000000 00000000 10000000" },
};

static void test_req(void **state)
{
	ROW(struct st_row);
	struct stats_info si;

	golden_host_order();
	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	rtnl_stats_dump_build(&b, buf, cap, row->mask);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	assert_int_equal(rtnl_stats_parse(nlb_hdr(&b), &si), 0);
	assert_int_equal(si.ifsm.filter_mask, row->mask);
	assert_int_equal(si.ifsm.ifindex, 0);
}

/* Every smaller buffer: overflow flagged, nothing written past the cap. */
static void test_req_overflow(void **state)
{
	ROW(struct st_row);

	for (cap = 0; cap < 28; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		rtnl_stats_dump_build(&b, buf, cap, row->mask);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < 28 + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = sizeof(buf);
}

/* lo (no xstats), br0 (an empty bridge nest), v0 (STP statistics), as the kernel dumps them. */
#define ST_LO "1c000000 5c00 0200 S P 00000000 01000000 02000000"
#define ST_BR "28000000 5c00 0200 S P 00000000 05000000 02000000 0c000200 08000100 04000100"
#define ST_V0 "58000000 5c00 0200 S P 00000000 06000000 04000000 3c000300 38000100 34000500" \
	      "00000000 00000000 01000000 00000000 07000000 00000000 08000000 00000000" \
	      "00000000 00000000 02000000 00000000"

static int seen[8], nseen;
static int note(const struct nlmsghdr *h, void *arg)
{
	struct stats_info si;

	(void)arg;
	assert_int_equal(rtnl_stats_parse(h, &si), 0);
	if (nseen < 8)
		seen[nseen++] = (int)si.ifsm.ifindex;
	return 0;
}

/* The replies of a dump come several to a datagram and go on until DONE. */
static void test_dump(void **state)
{
	static const char *const replies[] = { ST_LO, ST_BR, ST_V0, DONE, NULL };
	struct nlsock *sk;
	struct fk k;

	(void)state;
	golden_host_order();
	nseen = 0;
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(rtnl_stats_dump(sk, 4, note, NULL), 0);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, (size_t)k.req_len, st_tab[1].hex, 1);
	assert_int_equal(nseen, 3);
	assert_int_equal(seen[0], 1);
	assert_int_equal(seen[1], 5);
	assert_int_equal(seen[2], 6);
}

static void test_parse(void **state)
{
	unsigned char raw[256];
	size_t n = unhex_tok(ST_V0, raw, sizeof(raw), 1, PORT);
	struct nlmsghdr *h = dup_exact(raw, n);
	struct nlattr *tb[LINK_XSTATS_TYPE_MAX + 1];
	struct stats_info si;

	(void)state;
	golden_host_order();
	assert_int_equal(rtnl_stats_parse(h, &si), 0);
	assert_int_equal(si.ifsm.ifindex, 6);
	assert_null(si.tb[IFLA_STATS_LINK_XSTATS]);
	assert_non_null(si.tb[IFLA_STATS_LINK_XSTATS_SLAVE]);
	assert_int_equal(nla_parse_nested(tb, LINK_XSTATS_TYPE_MAX, si.tb[IFLA_STATS_LINK_XSTATS_SLAVE]), 0);
	assert_non_null(tb[LINK_XSTATS_TYPE_BRIDGE]);
	free(h);
}

/* Shorter than the header: -EPROTO, nothing parsed. An attribute past the end: -EINVAL, with
 * the attributes before it kept. */
static void test_malformed(void **state)
{
	static const struct { const char *hex; int err, has_xstats; } bad[] = {
		{ "10000000 5c00 0000 00000000 00000000", -EPROTO, 0 },
		{ "1b000000 5c00 0000 00000000 00000000 00000000 01000000 020000", -EPROTO, 0 },
		{ "28000000 5c00 0000 00000000 00000000 00000000 01000000 02000000 04000200 0c000500 00000000",
		  -EINVAL, 1 },
		{ "24000000 5c00 0000 00000000 00000000 00000000 01000000 02000000 02000200 04000500", -EINVAL, 0 },
		{ "20000000 5c00 0000 00000000 00000000 00000000 01000000 02000000 ffff0200", -EINVAL, 0 },
	};
	unsigned char raw[64];
	struct stats_info si;

	(void)state;
	golden_host_order();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t n = unhex(bad[i].hex, raw, sizeof(raw));
		struct nlmsghdr *h = dup_exact(raw, n);

		assert_int_equal(rtnl_stats_parse(h, &si), bad[i].err);
		assert_int_equal(si.tb[IFLA_STATS_LINK_XSTATS] != NULL, bad[i].has_xstats);
		free(h);
	}
}

/* ---- the monitor's printers ---- */

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
	return 0;
}

static struct nlmsghdr *nlm(const char *hex)
{
	static unsigned char raw[512];
	static struct nlmsghdr *h;
	size_t n = unhex(hex, raw, sizeof(raw));

	free(h);
	return h = dup_exact(raw, n);
}

/* RTM_NEWSTATS with hw_stats_info of l3_stats holding hex, of ifindex 40. */
#define STATS(hex) "5c00 0000 00000000 00000000 00000000 28000000 00000000" hex

static void test_stats_events(void **state)
{
	(void)state;
	golden_host_order();
	pr_stats_msg(nlm("38000000" STATS("1c000400 18000200 14000300 05000100 01000000 05000200 00000000")));
	pr_stats_msg(nlm("30000000" STATS("14000400 10000200 0c000300 05000100 00000000")));
	pr_stats_msg(nlm("1c000000" STATS("")));
	pr_stats_msg(nlm("24000000" STATS("08000400 04000200")));
	/* request 2: said on stderr, and the event ends without its newline */
	pr_stats_msg(nlm("30000000" STATS("14000400 10000200 0c000300 05000100 02000000")));
	assert_string_equal(text, "40: s0:\n    l3_stats on used off\n40: s0:\n    l3_stats off\n40: s0:\n"
			    "40: s0:\n\n40: s0:\n");
}

/* RTM_NEWNEXTHOP id 5 via 10.0.0.1 dev s0 proto static, then the same as RTM_DELNEXTHOP. */
#define NH "0000 00000000 00000000 02000400 00000000 08000100 05000000 08000600 0a000001" \
	   "08000500 28000000"

static void test_nexthop_events(void **state)
{
	(void)state;
	golden_host_order();
	pr_nexthop_msg(nlm("30000000 6800" NH));
	pr_nexthop_msg(nlm("30000000 6900" NH));
	pr_nexthop_msg(nlm("14000000 6800 0000 00000000 00000000 02000000"));
	/* a bucket of group 10: index 3, idle 2.5 s, nexthop 5, trapped; as a delete, no "Deleted " */
	pr_nh_bucket_msg(nlm("40000000 7400 0000 00000000 00000000 00000000 40000000 08000100 0a000000"
			     "20000d00 06000100 03000000 0c000200 fa000000 00000000 08000300 05000000"));
	pr_nh_bucket_msg(nlm("2c000000 7500 0000 00000000 00000000 00000000 00000000 08000100 0a000000"
			     "0c000d00 06000100 04000000"));
	assert_string_equal(text, "id 5 via 10.0.0.1 dev s0 proto static \n"
			    "Deleted id 5 via 10.0.0.1 dev s0 proto static \n"
			    "id 10 index 3 idle_time 2.5 nhid 5 trap \nid 10 index 4 \n");
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_req, st_tab);
	ADD_ROWS(&s, test_req_overflow, st_tab);
	ADD(&s, test_dump);
	ADD(&s, test_parse);
	ADD(&s, test_malformed);
	s.t[s.n] = (struct CMUnitTest)cmocka_unit_test_setup_teardown(test_stats_events, capture, restore);
	s.n++;
	s.t[s.n] = (struct CMUnitTest)cmocka_unit_test_setup_teardown(test_nexthop_events, capture, restore);
	s.n++;
	alarm(120);
	return suite_run(&s, "stats");
}
