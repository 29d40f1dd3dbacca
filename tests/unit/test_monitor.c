/* ip monitor's printers against iproute2 6.1: notifications the kernel sent (recorded with
 * rtmon in a throwaway netns) printed as `ip monitor` printed them, with the dev filter and
 * -4; messages too short or with attributes that do not fit print nothing; and a file of
 * crafted messages through `ip monitor label file`, which reaches the banners and the printers
 * of ip_monitor.c (netconf, nsid, prefix, timestamp records) and its errors. */
#include <fcntl.h>
#include "ip.h"
#include "ip_print.h"
#include "out.h"
#include "unit.h"

/* RTM_NEWADDR 10.1.0.1/24 on index 40, RTM_NEWROUTE 10.9.0.0/16 via 10.1.0.2 metric 5,
 * RTM_NEWNEIGH 10.1.0.7 lladdr 02:00:00:00:00:07 PERMANENT, RTM_NEWRULE 100: from 1.2.3.4 lookup 7,
 * each also as its delete (the type changed). */
#define ADDR "4c0000001400000056c60b6b9d0a00000218800028000000080001000a010001080002000a010001" \
	     "0700030073300000080008008000000014000600ffffffffffffffffb6901100b6901100"
#define ROUTE "440000001800000656c60b6b9e0a000002100000fe0300010000000008000f00fe000000080001000a090000" \
	      "0800060005000000080005000a0100020800040028000000"
#define NEIGH "4c0000001c000000000000009f0a0000020000002800000080000001080001000a0100070a000200020000000007" \
	      "000008000400000000001400030000000000000000000000000001000000"
#define RULE "440000002000000056c60b6ba00a000002002000070000010000000008000f000700000008000e00ffffffff" \
	     "050015000000000008000600640000000800020001020304"

static char text[4096];

/* stdout into text[] (a string writer) for one test. */
static int capture(void **state)
{
	(void)state;
	unit_capture(text, sizeof(text));
	ipo.family = AF_UNSPEC;
	ifcache_forget();
	ifcache_note(40, "s0", 0x11043);
	return 0;
}

static int restore(void **state)
{
	(void)state;
	unit_release();
	ipo.family = AF_UNSPEC;
	ifcache_forget();
	return 0;
}

static struct nlmsghdr *nlm(const char *hex, uint16_t type)
{
	static unsigned char b[512] __attribute__((aligned(4)));
	struct nlmsghdr *h = (struct nlmsghdr *)b;

	unhex(hex, b, sizeof(b));
	if (type)
		h->nlmsg_type = type;
	return h;
}

static void expect(const char *want)
{
	text[out_stdout.len < sizeof(text) - 1 ? out_stdout.len : sizeof(text) - 1] = 0;
	assert_string_equal(text, want);
	out_stdout.len = 0;
}

static void test_addr(void **state)
{
	(void)state;
	pr_addr_msg(nlm(ADDR, 0), 0);
	expect("40: s0    inet 10.1.0.1/24 scope global s0\n       valid_lft forever preferred_lft forever\n");
	pr_addr_msg(nlm(ADDR, RTM_DELADDR), 40);
	expect("Deleted 40: s0    inet 10.1.0.1/24 scope global s0\n"
	       "       valid_lft forever preferred_lft forever\n");
	pr_addr_msg(nlm(ADDR, 0), 41);
	expect("");
	ipo.oneline = 1;
	pr_addr_msg(nlm(ADDR, 0), 0);
	ipo.oneline = 0;
	expect("40: s0    inet 10.1.0.1/24 scope global s0\\       valid_lft forever preferred_lft forever\n");
}

static void test_route(void **state)
{
	(void)state;
	pr_route_msg(nlm(ROUTE, 0), 0);
	expect("10.9.0.0/16 via 10.1.0.2 dev s0 metric 5 \n");
	pr_route_msg(nlm(ROUTE, RTM_DELROUTE), 0);
	expect("Deleted 10.9.0.0/16 via 10.1.0.2 dev s0 metric 5 \n");
	/* dev s0: its routes only, without "dev" */
	pr_route_msg(nlm(ROUTE, 0), 40);
	expect("10.9.0.0/16 via 10.1.0.2 metric 5 \n");
	pr_route_msg(nlm(ROUTE, 0), 41);
	expect("");
	ipo.family = AF_INET6;
	pr_route_msg(nlm(ROUTE, 0), 0);
	expect("");
}

static void test_neigh(void **state)
{
	(void)state;
	pr_neigh_msg(nlm(NEIGH, 0), 0);
	expect("10.1.0.7 dev s0 lladdr 02:00:00:00:00:07 PERMANENT \n");
	pr_neigh_msg(nlm(NEIGH, RTM_DELNEIGH), 40);
	expect("Deleted 10.1.0.7 lladdr 02:00:00:00:00:07 PERMANENT \n");
	pr_neigh_msg(nlm(NEIGH, RTM_GETNEIGH), 0);
	expect("miss 10.1.0.7 dev s0 lladdr 02:00:00:00:00:07 PERMANENT \n");
}

static void test_rule(void **state)
{
	(void)state;
	pr_rule_msg(nlm(RULE, 0));
	expect("100:\tfrom 1.2.3.4 lookup 7\n");
	pr_rule_msg(nlm(RULE, RTM_DELRULE));
	expect("Deleted 100:\tfrom 1.2.3.4 lookup 7\n");
	ipo.family = AF_INET6;
	pr_rule_msg(nlm(RULE, 0));
	expect("");
}

/* Shorter than their headers, or an attribute running past the end: nothing. */
static void test_malformed(void **state)
{
	struct nlmsghdr *h;

	(void)state;
	h = nlm(ADDR, 0), h->nlmsg_len = 20;
	pr_addr_msg(h, 0);
	h = nlm(ROUTE, 0), h->nlmsg_len = 24;
	pr_route_msg(h, 0);
	h = nlm(NEIGH, 0), h->nlmsg_len = 26;
	pr_neigh_msg(h, 0);
	h = nlm(RULE, 0), h->nlmsg_len = 66;
	pr_rule_msg(h);
	h = nlm(ROUTE, 0), h->nlmsg_len = 62;
	pr_route_msg(h, 0);
	expect("");
}

/* What iproute2's `ip monitor label file F` printed for these messages. */
static const char crafted[] =
	/* RTM_NEWNETCONF inet s0, every field, rp_filter loose */
	"4c0000005000000000000000000000000200000008000100280000000800020001000000080003000200000008000400"
	"01000000080005000000000008000600010000000800070001000000"
	/* RTM_DELNETCONF inet6 all */
	"1c0000005100000000000000000000000a00000008000100ffffffff"
	/* RTM_NEWNSID 4000 (no name: the run dir is the host's) */
	"1c0000005800000000000000000000000000000008000100a00f0000"
	/* RTM_DELNSID 3, current-nsid unassigned */
	"2400000059000000000000000000000000000000080001000300000008000500ffffffff"
	/* RTM_NEWPREFIX 2001:db8:5::/64 on s0, onlink autoconf, cache info */
	"3c0000003400000000000000000000000a00000028000000034003001400010020010db8000500000000000000000000"
	"0c000200803a0900008d2700"
	/* NLMSG_TSTAMP 86400 s 123 us */
	"180000000f0000000000000000000000805101007b000000"
	/* a cloned route (left out) */
	"1c00000018000000000000000000000002000000fe00000100020000";
static const char crafted_out[] =
	"[NETCONF]inet s0 forwarding on rp_filter loose mc_forwarding on proxy_neigh off "
	"ignore_routes_with_linkdown on input on \n"
	"[NETCONF]Deleted inet6 all \n"
	"[NSID]nsid 4000 \n"
	"[NSID]Deleted nsid 3 current-nsid unassigned \n"
	"[PREFIX]prefix 2001:db8:5::/64dev s0 onlink autoconf valid 2592000 preferred 604800 \n"
	"Timestamp: Fri Jan  2 00:00:00 1970 123 us\n";

static void test_file(void **state)
{
	char path[] = "/tmp/nsbox-monitor-XXXXXX";
	unsigned char b[1024];
	size_t n = unhex(crafted, b, sizeof(b));
	char *argv[] = { "label", "file", path, NULL };
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b, n), (ssize_t)n);
	close(fd);
	assert_int_equal(do_monitor(3, argv), 0);
	expect(crafted_out);
	/* cut short inside the last message: what came before, then exit 1 */
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, b, n - 4), (ssize_t)(n - 4));
	close(fd);
	assert_int_equal(do_monitor(3, argv), 1);
	expect(crafted_out);
	unlink(path);
}

/* netconf, nsid and prefix messages whose last attribute runs past the end print nothing
 * (then a good one). */
static const char crafted_bad[] =
	"1c0000005100000000000000000000000a0000000c000100ffffffff"
	"24000000580000000000000000000000000000000800010003000000" "0c000500ffffffff"
	"3c0000003400000000000000000000000a00000028000000034003001400010020010db8000500000000000000000000"
	"10000200803a0900008d2700"
	"1c0000005100000000000000000000000a00000008000100ffffffff";

static void test_file_bad_attrs(void **state)
{
	char path[] = "/tmp/nsbox-monitor-XXXXXX";
	unsigned char b[1024];
	size_t n = unhex(crafted_bad, b, sizeof(b));
	char *argv[] = { "file", path, NULL };
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b, n), (ssize_t)n);
	close(fd);
	assert_int_equal(do_monitor(2, argv), 0);
	unlink(path);
	expect("Deleted inet6 all \n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_addr, capture, restore),
		cmocka_unit_test_setup_teardown(test_route, capture, restore),
		cmocka_unit_test_setup_teardown(test_neigh, capture, restore),
		cmocka_unit_test_setup_teardown(test_rule, capture, restore),
		cmocka_unit_test_setup_teardown(test_malformed, capture, restore),
		cmocka_unit_test_setup_teardown(test_file, capture, restore),
		cmocka_unit_test_setup_teardown(test_file_bad_attrs, capture, restore),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
