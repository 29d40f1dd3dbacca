/* ip route: the words of add|del|replace|change|append|prepend|test and get (ip_route_parse,
 * ip_route_get_parse) and the request they build with nlb, byte for byte against
 * iproute2 6.1 (captured with strace in a throwaway netns with lo only; nlmsg_seq and
 * nlmsg_pid not compared), parsed back; iproute2's messages and exit codes for bad words;
 * the route dump request; multipath parsing, flush batches and malformed replies. The
 * parsers exit on bad words and look devices up, so they run in a forked child in a new
 * network namespace (where "lo" is ifindex 1). */
#include <arpa/inet.h>
#include <sched.h>
#include <sys/wait.h>
#include "inet.h"
#include "ip.h"
#include "ip_route.h"
#include "rtnl.h"
#include "unit.h"

static char buf[8192];
static struct nlb b;

/* ---- the parsers in a child ---- */

struct child {
	int status;              /* exit status, or -1 when the parser returned */
	int connected;
	uint32_t len;            /* the request built, len bytes */
	char msg[8192];
	char err[4096];          /* its stderr */
};

static size_t read_all(int fd, char *p, size_t cap)
{
	size_t len = 0;
	ssize_t n;

	while (len + 1 < cap && ((n = read(fd, p + len, cap - 1 - len)) > 0 || (n < 0 && errno == EINTR)))
		if (n > 0)
			len += (size_t)n;
	p[len] = 0;
	return len;
}

static int split(const char *words, char *w, size_t cap, char **argv, int max)
{
	int argc = 0;
	char *save = NULL;

	assert_true(strlen(words) < cap);
	strcpy(w, words);
	for (char *t = strtok_r(w, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		assert_true(argc < max - 1);
		argv[argc++] = t;
	}
	argv[argc] = NULL;
	return argc;
}

/* cmd RTM_NEWROUTE / RTM_DELROUTE: ip_route_parse; RTM_GETROUTE: ip_route_get_parse. The
 * child sends back connected, the request's length and its bytes. */
static void run_parse(struct child *c, int cmd, uint16_t flags, int family, const char *words)
{
	static char raw[sizeof(int) + 4 + sizeof(c->msg) + 1];
	int dp[2], ep[2], st;
	size_t n;
	pid_t pid;

	assert_int_equal(pipe(dp), 0);
	assert_int_equal(pipe(ep), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		static char mbuf[8192];
		struct rt_req q;
		uint32_t len;
		char w[1024], *argv[128];
		int argc = split(words, w, sizeof(w), argv, 128), conn = 0;

		close(dp[0]);
		close(ep[0]);
		if (dup2(ep[1], 2) < 0)
			_exit(99);
		ipo.family = family;
		(void)unshare(CLONE_NEWNET);
		rt_req_start(&q, mbuf, sizeof(mbuf), (uint16_t)cmd, flags);
		if (cmd == RTM_GETROUTE)
			ip_route_get_parse(&q, &conn, argc, argv);
		else
			ip_route_parse(&q, argc, argv);
		if (q.b.overflow)
			_exit(97);
		len = nlb_hdr(&q.b)->nlmsg_len;
		if (write(dp[1], &conn, sizeof(conn)) != sizeof(conn) || write(dp[1], &len, 4) != 4 ||
		    write(dp[1], mbuf, len) != (ssize_t)len)
			_exit(98);
		_exit(0);
	}
	close(dp[1]);
	close(ep[1]);
	n = read_all(dp[0], raw, sizeof(raw));
	read_all(ep[0], c->err, sizeof(c->err));
	close(dp[0]);
	close(ep[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	if (!WIFEXITED(st))
		fail_msg("child killed by signal %d; stderr: %s", WTERMSIG(st), c->err);
	c->status = WEXITSTATUS(st);
	if (n >= sizeof(int) + 4) {
		assert_int_equal(c->status, 0);
		c->status = -1;
		memcpy(&c->connected, raw, sizeof(int));
		memcpy(&c->len, raw + sizeof(int), 4);
		assert_int_equal(n, sizeof(int) + 4 + c->len);
		memcpy(c->msg, raw + sizeof(int) + 4, c->len);
	} else {
		assert_int_equal(n, 0);
	}
}

static const struct { const char *sub; int cmd; uint16_t flags; } subs[] = {
	{ "add", RTM_NEWROUTE, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL },
	{ "replace", RTM_NEWROUTE, NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE },
	{ "change", RTM_NEWROUTE, NLM_F_ACK | NLM_F_REPLACE },
	{ "append", RTM_NEWROUTE, NLM_F_ACK | NLM_F_CREATE | NLM_F_APPEND },
	{ "prepend", RTM_NEWROUTE, NLM_F_ACK | NLM_F_CREATE },
	{ "test", RTM_NEWROUTE, NLM_F_ACK | NLM_F_EXCL },
	{ "del", RTM_DELROUTE, NLM_F_ACK },
	{ "get", RTM_GETROUTE, 0 },
};

/* Parse words as ip route SUB does and build the request into b. */
static struct child kid;

static void build(const char *sub, int family, const char *words)
{
	size_t i;

	for (i = 0; i < sizeof(subs) / sizeof(subs[0]) && strcmp(sub, subs[i].sub); i++)
		;
	assert_true(i < sizeof(subs) / sizeof(subs[0]));
	run_parse(&kid, subs[i].cmd, subs[i].flags, family, words);
	if (kid.status != -1)
		fail_msg("exit %d: %s", kid.status, kid.err);
	memcpy(buf, kid.msg, kid.len);
	b.buf = buf;
	b.cap = sizeof(buf);
	b.overflow = 0;
}

/* ---- requests against iproute2 ---- */

struct req_row {
	const char *what;        /* the iproute2 command captured */
	int family;              /* -4 / -6 */
	const char *sub;
	const char *words;
	const char *hex;
};

static const struct req_row req_tab[] = {
	{ "ip route add 10.9.0.0/16 via 10.1.0.2", 0, "add", "10.9.0.0/16 via 10.1.0.2",
	  "2c000000 18000506 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 08000500 0a010002" },
	{ "ip route add default via 10.1.0.254 dev lo", 0, "add", "default via 10.1.0.254 dev lo",
	  "2c000000 18000506 00000000 00000000 02000000 fe030001 00000000 08000500"
	  "0a0100fe 08000400 01000000" },
	{ "ip -4 route add default via 10.1.0.254", AF_INET, "add", "default via 10.1.0.254",
	  "2c000000 18000506 00000000 00000000 02000000 fe030001 00000000 08000100"
	  "00000000 08000500 0a0100fe" },
	{ "ip route add 10.9.0.0/16 dev lo src 10.1.0.1 metric 5 table 100 proto static scope link", 0, "add", "10.9.0.0/16 dev lo src 10.1.0.1 metric 5 table 100 proto static scope link",
	  "3c000000 18000506 00000000 00000000 02100000 6404fd01 00000000 08000100"
	  "0a090000 08000700 0a010001 08000600 05000000 08000400 01000000" },
	{ "ip route add metric 5 10.9.0.0/16 via 10.1.0.2 table 1000", 0, "add", "metric 5 10.9.0.0/16 via 10.1.0.2 table 1000",
	  "3c000000 18000506 00000000 00000000 02100000 00030001 00000000 08000600"
	  "05000000 08000100 0a090000 08000500 0a010002 08000f00 e8030000" },
	{ "ip route add 10.9.0.0/16 via 10.1.0.2 onlink mtu lock 1400 advmss 1360 rtt 300 rttvar 1s initcwnd 10 window 5 hoplimit 3 congctl cubic quickack 1 features ecn rto_min 200ms", 0, "add", "10.9.0.0/16 via 10.1.0.2 onlink mtu lock 1400 advmss 1360 rtt 300 rttvar 1s initcwnd 10 window 5 hoplimit 3 congctl cubic quickack 1 features ecn rto_min 200ms",
	  "94000000 18000506 00000000 00000000 02100000 fe030001 04000000 08000100"
	  "0a090000 08000500 0a010002 68000800 08000200 78050000 08000800 50050000"
	  "08000400 2c010000 08000500 a00f0000 08000b00 0a000000 08000300 05000000"
	  "08000a00 03000000 09001000 63756269 63000000 08000f00 01000000 08000c00"
	  "01000000 08000d00 c8000000 08000100 04200000" },
	{ "ip route add 10.9.0.0/16 nexthop via 10.1.0.2 weight 1 nexthop via 10.2.0.2 dev lo weight 3 onlink", 0, "add", "10.9.0.0/16 nexthop via 10.1.0.2 weight 1 nexthop via 10.2.0.2 dev lo weight 3 onlink",
	  "48000000 18000506 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 24000900 10000000 00000000 08000500 0a010002 10000402 01000000"
	  "08000500 0a020002" },
	{ "ip route add blackhole 10.9.0.0/16", 0, "add", "blackhole 10.9.0.0/16",
	  "24000000 18000506 00000000 00000000 02100000 fe030006 00000000 08000100"
	  "0a090000" },
	{ "ip route add local 10.9.0.1 dev lo", 0, "add", "local 10.9.0.1 dev lo",
	  "2c000000 18000506 00000000 00000000 02200000 ff03fe02 00000000 08000100"
	  "0a090001 08000400 01000000" },
	{ "ip route add broadcast 10.9.255.255 dev lo", 0, "add", "broadcast 10.9.255.255 dev lo",
	  "2c000000 18000506 00000000 00000000 02200000 ff03fd03 00000000 08000100"
	  "0a09ffff 08000400 01000000" },
	{ "ip route add 10.9.0.0/16 via inet6 fe80::1 dev lo", 0, "add", "10.9.0.0/16 via inet6 fe80::1 dev lo",
	  "44000000 18000506 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 16001200 0a00fe80 00000000 00000000 00000000 00010000 08000400"
	  "01000000" },
	{ "ip -6 route add 2001:db8:9::/48 via 2001:db8:1::2 pref high", AF_INET6, "add", "2001:db8:9::/48 via 2001:db8:1::2 pref high",
	  "4c000000 18000506 00000000 00000000 0a300000 fe030001 00000000 14000100"
	  "20010db8 00090000 00000000 00000000 14000500 20010db8 00010000 00000000"
	  "00000002 05001400 01000000" },
	{ "ip route add 2001:db8:9::/48 nexthop via 2001:db8:1::2 dev lo nexthop via 2001:db8:2::2 dev lo", 0, "add", "2001:db8:9::/48 nexthop via 2001:db8:1::2 dev lo nexthop via 2001:db8:2::2 dev lo",
	  "6c000000 18000506 00000000 00000000 0a300000 fe030001 00000000 14000100"
	  "20010db8 00090000 00000000 00000000 3c000900 1c000000 01000000 14000500"
	  "20010db8 00010000 00000000 00000002 1c000000 01000000 14000500 20010db8"
	  "00020000 00000000 00000002" },
	{ "ip route replace 10.9.0.0/16 via 10.1.0.2", 0, "replace", "10.9.0.0/16 via 10.1.0.2",
	  "2c000000 18000505 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 08000500 0a010002" },
	{ "ip route change 10.9.0.0/16 via 10.1.0.2", 0, "change", "10.9.0.0/16 via 10.1.0.2",
	  "2c000000 18000501 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 08000500 0a010002" },
	{ "ip route append 10.9.0.0/16 via 10.1.0.2", 0, "append", "10.9.0.0/16 via 10.1.0.2",
	  "2c000000 1800050c 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 08000500 0a010002" },
	{ "ip route prepend 10.9.0.0/16 via 10.1.0.2", 0, "prepend", "10.9.0.0/16 via 10.1.0.2",
	  "2c000000 18000504 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 08000500 0a010002" },
	{ "ip route test 10.9.0.0/16 via 10.1.0.2", 0, "test", "10.9.0.0/16 via 10.1.0.2",
	  "2c000000 18000502 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 08000500 0a010002" },
	{ "ip route del 10.9.0.0/16", 0, "del", "10.9.0.0/16",
	  "24000000 19000500 00000000 00000000 02100000 fe00ff00 00000000 08000100"
	  "0a090000" },
	{ "ip route del local 10.9.0.1 dev lo", 0, "del", "local 10.9.0.1 dev lo",
	  "2c000000 19000500 00000000 00000000 02200000 ff00fe02 00000000 08000100"
	  "0a090001 08000400 01000000" },
	{ "ip -6 route del 2001:db8:9::/48", AF_INET6, "del", "2001:db8:9::/48",
	  "30000000 19000500 00000000 00000000 0a300000 fe000000 00000000 14000100"
	  "20010db8 00090000 00000000 00000000" },
	{ "ip route add 10.9.0.0/16 from 10.1.0.0/24 tos 0x10 via 10.1.0.2 realms 1/2 expires 100", 0, "add", "10.9.0.0/16 from 10.1.0.0/24 tos 0x10 via 10.1.0.2 realms 1/2 expires 100",
	  "44000000 18000506 00000000 00000000 02101810 fe030001 00000000 08000100"
	  "0a090000 08000200 0a010000 08000500 0a010002 08000b00 02000100 08001700"
	  "64000000" },
	{ "ip route get 10.1.0.7", 0, "get", "10.1.0.7",
	  "24000000 1a000100 00000000 00000000 02200000 00000000 00100000 08000100"
	  "0a010007" },
	{ "ip route get 10.1.0.7 from 10.1.0.1 iif lo", 0, "get", "10.1.0.7 from 10.1.0.1 iif lo",
	  "34000000 1a000100 00000000 00000000 02202000 00000000 00100000 08000100"
	  "0a010007 08000200 0a010001 08000300 01000000" },
	{ "ip route get 10.1.0.7 oif lo mark 7 fibmatch", 0, "get", "10.1.0.7 oif lo mark 7 fibmatch",
	  "34000000 1a000100 00000000 00000000 02200000 00000000 00300000 08000100"
	  "0a010007 08000400 01000000 08001000 07000000" },
	{ "ip route get 2001:db8::5", 0, "get", "2001:db8::5",
	  "30000000 1a000100 00000000 00000000 0a800000 00000000 00000000 14000100"
	  "20010db8 00000000 00000000 00000005" },
	{ "ip route get 10.1.0.7 uid 5 sport 100 dport 200 ipproto tcp tos 0x10", 0, "get", "10.1.0.7 uid 5 sport 100 dport 200 ipproto tcp tos 0x10",
	  "44000000 1a000100 00000000 00000000 02200010 00000000 00100000 08000100"
	  "0a010007 08001900 05000000 06001c00 00640000 06001d00 00c80000 05001b00"
	  "06000000" },
	{ "ip route get 10.1.0.0/24", 0, "get", "10.1.0.0/24",
	  "24000000 1a000100 00000000 00000000 02200000 00000000 00100000 08000100"
	  "0a010000" },
	{ "ip route add 10.9.0.0/16 dev lo rtt 2.5s rttvar 0x10 rto_min 1.0001ms", 0, "add", "10.9.0.0/16 dev lo rtt 2.5s rttvar 0x10 rto_min 1.0001ms",
	  "50000000 18000506 00000000 00000000 02100000 fe03fd01 00000000 08000100"
	  "0a090000 08000400 01000000 24000800 08000400 204e0000 08000500 10000000"
	  "08000d00 02000000 08000100 00200000" },
	{ "ip route add 10.9.0.0/255.255.0.0 dev lo table 0x64", 0, "add", "10.9.0.0/255.255.0.0 dev lo table 0x64",
	  "2c000000 18000506 00000000 00000000 02100000 6403fd01 00000000 08000100"
	  "0a090000 08000400 01000000" },
	{ "ip -6 route add default dev lo", AF_INET6, "add", "default dev lo",
	  "38000000 18000506 00000000 00000000 0a000000 fe030001 00000000 14000100"
	  "00000000 00000000 00000000 00000000 08000400 01000000" },
	{ "ip route add 10.9.0.0/16 dev lo ttl-propagate dis nhid 7 pref 5", 0, "add", "10.9.0.0/16 dev lo ttl-propagate dis nhid 7 pref 5",
	  "44000000 18000506 00000000 00000000 02100000 fe030001 00000000 08000100"
	  "0a090000 05001a00 00000000 08001e00 07000000 05001400 05000000 08000400"
	  "01000000" },
	{ "ip route add unreachable 2001:db8::/32 metric 1024", 0, "add", "unreachable 2001:db8::/32 metric 1024",
	  "38000000 18000506 00000000 00000000 0a200000 fe030007 00000000 14000100"
	  "20010db8 00000000 00000000 00000000 08000600 00040000" },
};

static void test_request(void **state)
{
	ROW(struct req_row);

	build(row->sub, row->family, row->words);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
}

/* ---- parsed back ---- */

static struct route_info ri;

static void parse_back(const char *sub, int family, const char *words)
{
	build(sub, family, words);
	assert_int_equal(rtnl_route_parse(nlb_hdr(&b), &ri), 0);
}

static void assert_attr(const struct nlattr *a, const char *hex)
{
	assert_non_null(a);
	assert_bytes(nla_data(a), nla_len(a), hex, 0);
}

static uint32_t u32_of(const struct nlattr *a)
{
	uint32_t v = 0;

	assert_int_equal(nla_get_u32(a, &v), 0);
	return v;
}

static void test_back_plain(void **state)
{
	(void)state;
	parse_back("add", 0, "10.9.0.0/16 via 10.1.0.2 dev lo src 10.1.0.1 metric 5 table 1000 proto static");
	assert_int_equal(ri.rtm->rtm_family, AF_INET);
	assert_int_equal(ri.rtm->rtm_dst_len, 16);
	assert_int_equal(ri.rtm->rtm_protocol, RTPROT_STATIC);
	assert_int_equal(ri.rtm->rtm_scope, RT_SCOPE_UNIVERSE);
	assert_int_equal(ri.rtm->rtm_type, RTN_UNICAST);
	assert_int_equal(ri.rtm->rtm_table, RT_TABLE_UNSPEC);
	assert_int_equal(rtnl_route_table(&ri), 1000);
	assert_attr(ri.tb[RTA_DST], "0a090000");
	assert_attr(ri.tb[RTA_GATEWAY], "0a010002");
	assert_attr(ri.tb[RTA_PREFSRC], "0a010001");
	assert_int_equal(u32_of(ri.tb[RTA_PRIORITY]), 5);
	assert_int_equal(u32_of(ri.tb[RTA_OIF]), 1);
	assert_null(ri.tb[RTA_METRICS]);
	assert_null(ri.tb[RTA_MULTIPATH]);
}

static void test_back_metrics(void **state)
{
	struct nlattr *mx[RTAX_MAX + 1];

	(void)state;
	parse_back("add", 0, "10.9.0.0/16 dev lo mtu lock 1400 rtt 2.5s rttvar 3 congctl lock reno hoplimit 255");
	assert_int_equal(ri.rtm->rtm_scope, RT_SCOPE_LINK);
	assert_int_equal(nla_parse_nested(mx, RTAX_MAX, ri.tb[RTA_METRICS]), 0);
	assert_int_equal(u32_of(mx[RTAX_MTU]), 1400);
	assert_int_equal(u32_of(mx[RTAX_RTT]), 2500 * 8);
	assert_int_equal(u32_of(mx[RTAX_RTTVAR]), 3);
	assert_int_equal(u32_of(mx[RTAX_HOPLIMIT]), 255);
	assert_attr(mx[RTAX_CC_ALGO], "72656e6f");
	assert_int_equal(u32_of(mx[RTAX_LOCK]), 1u << RTAX_MTU | 1u << RTAX_CC_ALGO);
}

static void test_back_multipath(void **state)
{
	struct rtnl_nh_iter it;
	const struct rtnexthop *nh;
	struct nlattr *tb[RTA_MAX + 1];

	(void)state;
	parse_back("add", 0, "10.9.0.0/16 nexthop via 10.1.0.2 weight 4 nexthop via inet6 fe80::1 dev lo onlink realms 7");
	assert_int_equal(ri.rtm->rtm_scope, RT_SCOPE_UNIVERSE);
	rtnl_nh_iter_init(&it, ri.tb[RTA_MULTIPATH]);
	assert_int_equal(rtnl_nh_next(&it, &nh, tb), 1);
	assert_int_equal(nh->rtnh_hops, 3);
	assert_int_equal(nh->rtnh_ifindex, 0);
	assert_int_equal(nh->rtnh_flags, 0);
	assert_attr(tb[RTA_GATEWAY], "0a010002");
	assert_int_equal(rtnl_nh_next(&it, &nh, tb), 1);
	assert_int_equal(nh->rtnh_hops, 0);
	assert_int_equal(nh->rtnh_ifindex, 1);
	assert_int_equal(nh->rtnh_flags, RTNH_F_ONLINK);
	assert_null(tb[RTA_GATEWAY]);
	assert_attr(tb[RTA_VIA], "0a00 fe800000 00000000 00000000 00000001");
	assert_int_equal(u32_of(tb[RTA_FLOW]), 7);
	assert_int_equal(rtnl_nh_next(&it, &nh, tb), 0);
}

static void test_back_get(void **state)
{
	(void)state;
	parse_back("get", 0, "10.1.0.7 from 10.1.0.1 iif lo mark 9 fibmatch connected");
	assert_int_equal(kid.connected, 0);          /* from: one lookup */
	assert_int_equal(nlb_hdr(&b)->nlmsg_flags, NLM_F_REQUEST);
	assert_int_equal(ri.rtm->rtm_flags, RTM_F_LOOKUP_TABLE | RTM_F_FIB_MATCH);
	assert_int_equal(ri.rtm->rtm_dst_len, 32);
	assert_int_equal(ri.rtm->rtm_src_len, 32);
	assert_int_equal(u32_of(ri.tb[RTA_IIF]), 1);
	assert_int_equal(u32_of(ri.tb[RTA_MARK]), 9);
	parse_back("get", AF_INET6, "2001:db8::1 connected");
	assert_int_equal(kid.connected, 1);
	assert_int_equal(ri.rtm->rtm_flags, 0);      /* RTM_F_LOOKUP_TABLE is IPv4's */
	assert_int_equal(ri.rtm->rtm_dst_len, 128);
}

/* Deletes: no protocol, scope nowhere (universe for IPv6), the type only when written. */
static void test_back_del(void **state)
{
	(void)state;
	parse_back("del", 0, "10.9.0.0/16");
	assert_int_equal(ri.rtm->rtm_protocol, 0);
	assert_int_equal(ri.rtm->rtm_scope, RT_SCOPE_NOWHERE);
	assert_int_equal(ri.rtm->rtm_type, RTN_UNSPEC);
	parse_back("del", 0, "prohibit 10.9.0.0/16");
	assert_int_equal(ri.rtm->rtm_type, RTN_PROHIBIT);
	assert_int_equal(ri.rtm->rtm_scope, RT_SCOPE_NOWHERE);
	parse_back("del", AF_INET6, "2001:db8::/32");
	assert_int_equal(ri.rtm->rtm_scope, RT_SCOPE_UNIVERSE);
}

/* ---- bad words: iproute2's message and exit status ---- */

struct err_row {
	const char *what;
	int cmd, family;
	const char *words;
	int status;
	const char *err;
};

#define INVARG(arg, msg) "Error: argument \"" arg "\" is wrong: " msg "\n"
static const struct err_row err_tab[] = {
	{ "bad prefix length", RTM_NEWROUTE, 0, "10.9.0.0/33 dev lo", 1,
	  "Error: any valid prefix is expected rather than \"10.9.0.0/33\".\n" },
	{ "IPv6 prefix under -4", RTM_NEWROUTE, AF_INET, "2001:db8::/32", 1,
	  "Error: inet prefix is expected rather than \"2001:db8::/32\".\n" },
	{ "gateway of the other family", RTM_NEWROUTE, 0, "10.9.0.0/16 via 2001:db8::1", 1,
	  "Error: inet address is expected rather than \"2001:db8::1\".\n" },
	{ "bad gateway", RTM_NEWROUTE, 0, "10.9.0.0/16 via 10.1.0.x", 1,
	  "Error: inet address is expected rather than \"10.1.0.x\".\n" },
	{ "unknown device", RTM_NEWROUTE, 0, "10.9.0.0/16 dev nosuch0", 1, "Cannot find device \"nosuch0\"\n" },
	{ "bad metric", RTM_NEWROUTE, 0, "10.9.0.0/16 dev lo metric x", 255,
	  INVARG("x", "\"metric\" value is invalid\n") },
	{ "bad table", RTM_NEWROUTE, 0, "10.9.0.0/16 dev lo table all", 255,
	  INVARG("all", "\"table\" value is invalid\n") },
	{ "bad mss", RTM_NEWROUTE, 0, "10.9.0.0/16 dev lo advmss 1.5", 255,
	  INVARG("1.5", "\"mss\" value is invalid\n") },
	{ "quickack 2", RTM_NEWROUTE, 0, "10.9.0.0/16 dev lo quickack 2", 255,
	  INVARG("2", "\"quickack\" value should be 0 or 1\n") },
	{ "two via", RTM_NEWROUTE, 0, "10.9.0.0/16 via 10.1.0.2 via 10.1.0.3", 255,
	  INVARG("via", "use nexthop syntax to specify multiple via\n") },
	{ "two prefixes", RTM_NEWROUTE, 0, "10.9.0.0/16 10.8.0.0/16", 255,
	  "Error: either \"to\" is duplicate, or \"10.8.0.0/16\" is a garbage.\n" },
	{ "incomplete", RTM_NEWROUTE, 0, "10.9.0.0/16 mtu lock", 255,
	  "Command line is not complete. Try option \"help\"\n" },
	{ "bad weight", RTM_NEWROUTE, 0, "10.9.0.0/16 nexthop via 10.1.0.2 weight 257", 255,
	  INVARG("257", "\"weight\" is invalid\n") },
	{ "garbage after a nexthop", RTM_NEWROUTE, 0, "10.9.0.0/16 nexthop via 10.1.0.2 x", 255,
	  "Error: \"nexthop\" or end of line is expected instead of \"x\"\n" },
	{ "nexthop device", RTM_NEWROUTE, 0, "10.9.0.0/16 nexthop dev nosuch0", 255,
	  "Cannot find device \"nosuch0\"\nError: cannot parse nexthop\n" },
	{ "24 attributes (as iproute2, no bound of nsbox's own)", RTM_NEWROUTE, 0,
	  "10.9.0.0/16 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 "
	  "metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 metric 1 "
	  "metric 1 metric 1 metric 1 metric 1 metric 1", 0, NULL },
	{ "get without an address", RTM_GETROUTE, 0, "fibmatch", 1, "need at least a destination address\n" },
	{ "get /24", RTM_GETROUTE, 0, "10.1.0.0/24", 0,
	  "Warning: /24 as prefix is invalid, only /32 (or none) is supported.\n" },
	{ "get mark", RTM_GETROUTE, 0, "10.1.0.7 mark x", 255, INVARG("x", "invalid mark value") },
	{ "get ipproto", RTM_GETROUTE, 0, "10.1.0.7 ipproto bogus", 255,
	  INVARG("bogus", "Invalid \"ipproto\" value\n") },
};

static void test_bad_words(void **state)
{
	ROW(struct err_row);
	struct child c;

	run_parse(&c, row->cmd, row->cmd == RTM_GETROUTE ? 0 : NLM_F_ACK, row->family, row->words);
	assert_int_equal(c.status, row->status ? row->status : -1);
	assert_string_equal(c.err, row->err ? row->err : "");
}

/* ---- the dump request (ip route show / flush) ---- */

#define DONE "14000000 0300 0200 S P 00000000"
static struct fk k;
static int ncb;

static int count(const struct nlmsghdr *h, void *arg)
{
	(void)h;
	(void)arg;
	ncb++;
	return 0;
}

struct dump_row {
	const char *what;
	struct rtnl_filter f;
	const char *hex;
};

static const struct dump_row dump_tab[] = {
	{ "ip route show", { .family = AF_INET, .table = RT_TABLE_MAIN },
	  "24000000 1a000103 00000000 00000000 02000000 00000000 00000000 08000f00 fe000000" },
	{ "ip route show table all", { .family = AF_UNSPEC },
	  "1c000000 1a000103 00000000 00000000 00000000 00000000 00000000" },
	{ "ip -6 route show table 100 dev lo proto static", { .family = AF_INET6, .table = 100, .protocol = 4, .oif = 1 },
	  "2c000000 1a000103 00000000 00000000 0a000000 00040000 00000000 08000f00"
	  "64000000 08000400 01000000" },
	{ "ip route show table cache", { .family = AF_INET, .table = RT_TABLE_MAIN, .rt_flags = RTM_F_CLONED },
	  "24000000 1a000103 00000000 00000000 02000000 00000000 00020000 08000f00 fe000000" },
};

static void test_dump(void **state)
{
	ROW(struct dump_row);
	const char *replies[] = { DONE, NULL };
	struct nlsock *sk = fresh_sock();

	fk_start(&k, sk, 77, replies);
	assert_int_equal(rtnl_route_dump(sk, &row->f, count, NULL), 0);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, k.req_len, row->hex, 1);
}

/* ---- malformed replies ---- */

#define ROUTE_OK "24000000 1800 0200 S P 02180000 fe02fd01 00000000 08000400 03000000"

struct bad_row {
	const char *what;
	const char *replies[4];
	int ret, ncb;
};

static const struct bad_row bad_tab[] = {
	{ "two routes", { ROUTE_OK, ROUTE_OK, DONE }, 0, 2 },
	{ "nlmsg_len past the datagram", { "34000000 1800 0200 S P 02180000 fe02fd01 00000000 08000400 03000000" }, -EPROTO, 0 },
	{ "nlmsg_len under the header", { "0c000000 1800 0200 S P 02180000" }, -EPROTO, 0 },
	{ "a route, then a truncated one", { ROUTE_OK "24000000 1800 0200 S P 0218" }, -EPROTO, 1 },
	{ "the dump fails (no such table)", { "14000000 0300 0200 S P feffffff" }, -ENOENT, 0 },
	{ "an error instead", { "24000000 0200 0000 S P f3ffffff 1c000000 1a000103 S 00000000" }, -EACCES, 0 },
	{ "another seq is skipped", { "24000000 1800 0200 W P 02180000 fe02fd01 00000000 08000400 03000000", DONE }, 0, 0 },
};

static void test_bad_reply(void **state)
{
	ROW(struct bad_row);
	struct rtnl_filter f = { .family = AF_INET };
	struct nlsock *sk = fresh_sock();
	int ret;

	ncb = 0;
	fk_start(&k, sk, 77, row->replies);
	ret = rtnl_route_dump(sk, &f, count, NULL);
	fk_end(&k, sk);
	assert_int_equal(ret, row->ret);
	assert_int_equal(ncb, row->ncb);
}

/* A route message whose rtmsg or attributes do not fit is refused; one with odd sizes of
 * known attributes still parses (the printers check sizes with the nla_get_* getters). */
static void test_parse_route(void **state)
{
	unsigned char raw[128];
	struct nlmsghdr *h;
	size_t n;

	(void)state;
	n = unhex("1c000000 1800 0200 00000000 00000000 02180000 fe02fd01 000000", raw, sizeof(raw));
	h = dup_exact(raw, n);
	h->nlmsg_len = n;
	assert_int_equal(rtnl_route_parse(h, &ri), -EPROTO);
	free(h);
	n = unhex("24000000 1800 0200 00000000 00000000 02180000 fe02fd01 00000000 0c000400 03000000", raw, sizeof(raw));
	h = dup_exact(raw, n);
	assert_int_equal(rtnl_route_parse(h, &ri), -EPROTO);
	free(h);
	n = unhex("24000000 1800 0200 00000000 00000000 02180000 fe02fd01 00000000 06000400 0300 0000", raw, sizeof(raw));
	h = dup_exact(raw, n);
	assert_int_equal(rtnl_route_parse(h, &ri), 0);
	assert_non_null(ri.tb[RTA_OIF]);
	{
		uint32_t v;
		assert_int_equal(nla_get_u32(ri.tb[RTA_OIF], &v), -EINVAL);
	}
	free(h);
}

/* RTA_MULTIPATH entries that do not fit end the walk with -EPROTO. */
struct nh_row {
	const char *what;
	const char *attr;        /* the whole RTA_MULTIPATH attribute */
	int first, second;       /* what the first two rtnl_nh_next calls return */
};

static const struct nh_row nh_tab[] = {
	{ "two nexthops", "1c000900 08000000 01000000 10000000 02000000 08000500 0a010002", 1, 1 },
	{ "rtnh_len under its header", "14000900 04000000 01000000 08000000 02000000", -EPROTO, -EPROTO },
	{ "rtnh_len past the attribute", "14000900 08000000 01000000 40000000 02000000", 1, -EPROTO },
	{ "its attribute runs past it", "14000900 10000000 01000000 0c000500 0a010002", -EPROTO, -EPROTO },
	{ "a tail shorter than a header", "10000900 08000000 01000000 04000000", 1, 0 },
	{ "empty", "04000900", 0, 0 },
};

static void test_multipath(void **state)
{
	ROW(struct nh_row);
	unsigned char raw[128];
	size_t n = unhex(row->attr, raw, sizeof(raw));
	struct nlattr *a = dup_exact(raw, n);
	struct rtnl_nh_iter it;
	const struct rtnexthop *nh;
	struct nlattr *tb[RTA_MAX + 1];
	int r;

	rtnl_nh_iter_init(&it, a);
	assert_int_equal(rtnl_nh_next(&it, &nh, tb), row->first);
	r = row->first == 1 ? rtnl_nh_next(&it, &nh, tb) : row->second;
	assert_int_equal(r, row->second);
	free(a);
}

/* ---- flush batches ---- */

/* Deletes are copies of the dumped routes, REQUEST only, numbered; a batch that would overflow
 * goes out first; an error the kernel queued is seen at once. */
static void test_flush_batch(void **state)
{
	static const char route[] = "24000000 1800 0200 05000000 4d000000 02180000 fe02fd01 00000000 08000400 03000000";
	unsigned char raw[64], got[256];
	char qbuf[80];
	struct nlsock *sk = fresh_sock();
	int peer = nl_pair(sk, 77);
	struct nl_batch bt = { sk, RTM_DELROUTE, qbuf, sizeof(qbuf), 0 };
	size_t n = unhex(route, raw, sizeof(raw));
	ssize_t len;

	(void)state;
	assert_int_equal(nl_batch_add(&bt, (struct nlmsghdr *)raw), 0);
	assert_int_equal(nl_batch_add(&bt, (struct nlmsghdr *)raw), 0);
	assert_int_equal(bt.len, 2 * n);
	assert_int_equal(pending(peer), 0);
	/* The third does not fit in 80 bytes: the first two go out together. */
	assert_int_equal(nl_batch_add(&bt, (struct nlmsghdr *)raw), 0);
	assert_int_equal(bt.len, n);
	len = recv(peer, got, sizeof(got), MSG_DONTWAIT);
	assert_int_equal(len, 2 * n);
	assert_bytes(got, n, "24000000 19000100 01000000 4d000000 02180000 fe02fd01 00000000 08000400 03000000", 0);
	assert_bytes(got + n, n, "24000000 19000100 02000000 4d000000 02180000 fe02fd01 00000000 08000400 03000000", 0);
	assert_int_equal(nl_batch_send(&bt), 0);
	assert_int_equal(recv(peer, got, sizeof(got), MSG_DONTWAIT), n);
	assert_int_equal(nl_batch_send(&bt), 0);                  /* nothing queued */
	assert_int_equal(pending(peer), 0);
	/* An error waiting on the socket fails the next batch, and stays there. */
	n = unhex("24000000 0200 0000 03000000 4d000000 fdffffff 24000000 19000100 03000000 4d000000", got, sizeof(got));
	assert_int_equal(send(peer, got, n, 0), (ssize_t)n);
	assert_int_equal(nl_batch_add(&bt, (struct nlmsghdr *)raw), 0);
	assert_int_equal(nl_batch_send(&bt), -ESRCH);
	assert_int_equal(pending(sk->fd), 1);
	/* A route larger than the whole buffer is refused. */
	bt.cap = 16;
	assert_int_equal(nl_batch_add(&bt, (struct nlmsghdr *)raw), -EMSGSIZE);
	nl_close(sk);
	close(peer);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_request, req_tab);
	ADD(&s, test_back_plain);
	ADD(&s, test_back_metrics);
	ADD(&s, test_back_multipath);
	ADD(&s, test_back_get);
	ADD(&s, test_back_del);
	ADD_ROWS(&s, test_bad_words, err_tab);
	ADD_ROWS(&s, test_dump, dump_tab);
	ADD_ROWS(&s, test_bad_reply, bad_tab);
	ADD(&s, test_parse_route);
	ADD_ROWS(&s, test_multipath, nh_tab);
	ADD(&s, test_flush_batch);
	return suite_run(&s, "route");
}
