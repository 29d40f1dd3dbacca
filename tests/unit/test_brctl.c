/* brctl's number parsers against what bridge-utils 1.7 does with the same words: glibc's
 * sscanf "%i", and sscanf "%lf" followed by its strtotimeval and __tv_to_jiffies (clock ticks,
 * cut to 32 bits as the netlink attributes are). Then the port-option request and the parse of
 * an AF_BRIDGE neighbour message (kernel-if/rtnl_fdb.c). */
#include <stdio.h>
#include <sys/time.h>
#include <linux/neighbour.h>
#include "rtnl_fdb.h"
#include "unit.h"

int brctl_scan_int(const char *s, int *out);
int brctl_scan_ticks(const char *s, uint32_t *out);

static int ref_int(const char *s, int *v)
{
	return sscanf(s, "%i", v) == 1 ? 0 : -1;
}

static int ref_ticks(const char *s, uint32_t *out)
{
	struct timeval tv;
	unsigned long long jif;
	double secs;

	if (sscanf(s, "%lf", &secs) != 1)
		return -1;
	/* Past the range of time_t the conversion is undefined; on x86 it gives the minimum,
	 * and the ticks come out far past 32 bits. */
	if (!(secs < 9.2e18 && secs > -9.2e18)) {
		*out = UINT32_MAX;
		return 0;
	}
	tv.tv_sec = secs;
	tv.tv_usec = 1000000 * (secs - tv.tv_sec);
	jif = (1000000ULL * tv.tv_sec + tv.tv_usec) / 10000;
	*out = jif > UINT32_MAX ? UINT32_MAX : (uint32_t)jif;
	return 0;
}

static const char *const words[] = {
	"0", "1", "15", "0.29", "2.01", "4.35", "0.57", "2.675", "30.999", "8.0000001", "1.005",
	"+3", "-3", ".5", "5.", "1e1", "1e", "1e+", "1e-5", "1E2", "0.1e1", "+.5e1", ".", ".e1", "+", "-",
	"", " ", " 4", "4 ", "\t7", "\n8", "3,5", "7.5xyz", "abc", "x1",
	"0x10", "0X1P-2", "0x1p3", "0x.8", "0x1.8p1", "0x", "0xg", "0x1p", "0xffp-4",
	"010", "08", "0b1", "012345", "09.5", "007.25",
	"inf", "INF", "Infinity", "-inf", "nan", "nanx", "-nan", "1e400", "-1e400", "1e-400",
	"123456789", "42949672.95", "42949672.96", "99999999999", "4294967297", "2147483648",
	"-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"18446744073709551616", "0x7fffffff", "0x80000000", "0xffffffffffffffffff",
	"-0.0000001", "-0.01", "-0", "0.0000001", "1000000", "3.99999999", "299.99",
	"0.000000000000000000000000000001", "100000000000000000000000000000",
	"12345678901234567890.5", "1.2345678901234567890123",
};

static void test_words(void **state)
{
	(void)state;
#ifndef __GLIBC__
	/* musl's sscanf takes "1e" as 1 where glibc's refuses it. */
	print_message("test_words: skipped: the oracle is glibc's sscanf, not this libc's\n");
	skip();
#endif
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		int a = 7, b = 7, ra, rb;
		uint32_t x = 7, y = 7;

		ra = brctl_scan_int(words[i], &a);
		rb = ref_int(words[i], &b);
		if (ra != rb || (!ra && a != b))
			fail_msg("%%i \"%s\": got %d (%d), glibc %d (%d)", words[i], ra, a, rb, b);
		ra = brctl_scan_ticks(words[i], &x);
		rb = ref_ticks(words[i], &y);
		if (ra != rb || (!ra && x != y))
			fail_msg("%%lf \"%s\": got %d (%u), glibc %d (%u)", words[i], ra, x, rb, y);
	}
}

/* Every seconds value with two decimals up to 100 s, and with up to 4 decimals up to 5 s:
 * where the double's rounding shows in the ticks (0.29 s is 28). */
static void test_decimals(void **state)
{
	char s[32];
	uint32_t x, y;
	int bad = 0;

	(void)state;
	for (int i = 0; i <= 10000 && bad < 5; i++) {
		snprintf(s, sizeof(s), "%d.%02d", i / 100, i % 100);
		if (brctl_scan_ticks(s, &x) || ref_ticks(s, &y) || x != y)
			bad++, print_error("\"%s\": %u, glibc %u\n", s, x, y);
	}
	for (int i = 0; i <= 50000 && bad < 5; i++) {
		snprintf(s, sizeof(s), "%d.%04d", i / 10000, i % 10000);
		if (brctl_scan_ticks(s, &x) || ref_ticks(s, &y) || x != y)
			bad++, print_error("\"%s\": %u, glibc %u\n", s, x, y);
	}
	assert_int_equal(bad, 0);
}

static void test_ints(void **state)
{
	char s[32];
	int a, b, bad = 0;

	(void)state;
	for (long long v = -70000; v <= 70000 && bad < 5; v += 7) {
		snprintf(s, sizeof(s), v % 3 ? "%lld" : v < 0 ? "-%#llo" : "%#llx", v % 3 || v >= 0 ? v : -v);
		if (brctl_scan_int(s, &a) || ref_int(s, &b) || a != b)
			bad++, print_error("\"%s\": %d, glibc %d\n", s, a, b);
	}
	assert_int_equal(bad, 0);
}

/* What iproute2's "ip link set dev X type bridge_slave cost 5" sends (captured with strace),
 * without its IFLA_INFO_KIND "bridge_slave". */
static void test_brport_build(void **state)
{
	char buf[128], want[128];
	struct nlb b;
	uint32_t cost = 5;
	size_t n;

	(void)state;
	rtnl_brport_build(&b, buf, sizeof(buf), 3, IFLA_BRPORT_COST, &cost, sizeof(cost));
	n = unhex_tok("30000000 1000 0500 00000000 00000000"
		      "00 00 0000 03000000 00000000 00000000"
		      "1000 1200 | 0c00 0500 | 0800 0300 05000000", want, sizeof(want), 0, 0);
	assert_false(b.overflow);
	assert_int_equal(nlb_hdr(&b)->nlmsg_len, n);
	assert_memory_equal(buf, want, n);
	rtnl_brport_build(&b, buf, 40, 3, IFLA_BRPORT_COST, &cost, sizeof(cost));
	assert_true(b.overflow);
}

static void test_fdb_parse(void **state)
{
	char buf[256];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct fdb_entry e;
	size_t n;

	(void)state;
	/* RTM_NEWNEIGH, AF_BRIDGE, ifindex 4, NUD_REACHABLE; lladdr, master 2, cacheinfo
	 * (updated 1234). */
	n = unhex_tok("44000000 1c00 0200 00000000 00000000"
		      "07 00 0000 04000000 0200 00 00"
		      "0a00 0200 020000000009 0000 | 0800 0900 02000000 |"
		      "1400 0300 00000000 00000000 d2040000 00000000", buf, sizeof(buf), 0, 0);
	assert_int_equal(n, 0x44);
	assert_int_equal(rtnl_fdb_parse(h, &e), 0);
	assert_int_equal(e.ifindex, 4);
	assert_int_equal(e.master, 2);
	assert_int_equal(e.state, NUD_REACHABLE);
	assert_int_equal(e.updated, 1234);
	assert_memory_equal(e.mac, "\x02\0\0\0\0\x09", 6);
	/* A device's own address: no master, no cacheinfo. */
	h->nlmsg_len = 0x28;
	assert_int_equal(rtnl_fdb_parse(h, &e), 0);
	assert_int_equal(e.master, 0);
	assert_int_equal(e.updated, 0);
	/* Not AF_BRIDGE; an address of another length; a truncated attribute. */
	buf[0x10] = AF_INET;
	assert_int_equal(rtnl_fdb_parse(h, &e), -EPROTO);
	buf[0x10] = AF_BRIDGE;
	buf[0x1c] = 0x09;
	assert_int_equal(rtnl_fdb_parse(h, &e), -EPROTO);
	buf[0x1c] = 0x0a;
	h->nlmsg_len = 0x22;
	assert_int_equal(rtnl_fdb_parse(h, &e), -EPROTO);
	h->nlmsg_len = 0x1c;
	assert_int_equal(rtnl_fdb_parse(h, &e), -EPROTO);
	h->nlmsg_type = RTM_DELNEIGH;
	h->nlmsg_len = 0x28;
	assert_int_equal(rtnl_fdb_parse(h, &e), -EPROTO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_ints),
		cmocka_unit_test(test_brport_build),
		cmocka_unit_test(test_fdb_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
