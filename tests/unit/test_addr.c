/* ip address requests byte for byte against iproute2 6.1 (captured with strace in a throwaway
 * namespace, a0 = ifindex 3; nlmsg_seq not compared), each parsed back; flush's deletes built
 * from a captured dump and sent in one batch; the address words of cmds/ip/ip_addr.c. */
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include "inet.h"
#include "rtnl.h"
#include "ip.h"
#include "ip_addr.h"
#include "unit.h"

#define NEWF (NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)
#define FOREVER 0xffffffffu

static char buf[RTNL_BUF];
static size_t cap = sizeof(buf);
static struct nlb b;
static struct addr_req r;

/* A request as ip_addr.c starts it: ordered, its attributes pushed as the words come. */
static void start(int family, int plen, int index)
{
	addr_req_init(&r);
	addr_req_push(&r, 0);
	r.family = family;
	r.plen = plen;
	r.index = index;
}

static void local(const char *a)
{
	assert_int_equal(inet_pton(r.family, a, r.local), 1);
	addr_req_push(&r, IFA_LOCAL);
}

static void lft(uint32_t valid, uint32_t pref)
{
	r.has_cacheinfo = 1;
	r.valid_lft = valid;
	r.preferred_lft = pref;
}

static void metric(uint32_t m)
{
	r.metric = m;
	addr_req_push(&r, IFA_RT_PRIORITY);
}

static void label(const char *l)
{
	r.label = l;
	addr_req_push(&r, IFA_LABEL);
}

static void brd_plus(void)
{
	uint32_t a, mask = r.plen ? htonl(~0u << (32 - r.plen)) : 0;

	memcpy(&a, r.has_peer ? r.peer : r.local, 4);
	a |= ~mask;
	memcpy(r.brd, &a, 4);
	r.has_brd = 1;
}

static void send_(uint16_t type, uint16_t flags) { rtnl_addr_build(&b, buf, cap, type, flags, &r); }

/* ---- the rows: the words of the command, in order ---- */

static void b_lft(void) { start(AF_INET, 24, 3); local("10.0.0.1"); lft(100, 50); send_(RTM_NEWADDR, NEWF); }
static void b_v6_metric_lft(void)
{
	start(AF_INET6, 64, 3);
	local("2001:db8::1");
	r.ifa_flags = IFA_F_NODAD;
	metric(300);
	lft(200, 100);
	send_(RTM_NEWADDR, NEWF);
}
static void b_order(void)
{
	start(AF_INET, 24, 3);
	local("10.0.0.1");
	metric(9);
	label("a0:m");
	brd_plus();
	lft(99, 9);
	send_(RTM_NEWADDR, NEWF);
}
static void b_flags32(void)
{
	start(AF_INET6, 64, 3);
	local("2001:db8::2");
	r.ifa_flags = IFA_F_HOMEADDRESS | IFA_F_MANAGETEMPADDR | IFA_F_NODAD | IFA_F_NOPREFIXROUTE;
	send_(RTM_NEWADDR, NEWF);
}
static void b_label_first(void)
{
	start(AF_INET, 24, 3);
	r.scope = RT_SCOPE_LINK;
	label("a0:2");
	local("10.0.0.1");
	assert_int_equal(inet_pton(AF_INET, "10.0.0.7", r.brd), 1);
	r.has_brd = 1;
	addr_req_push(&r, IFA_BROADCAST);
	send_(RTM_NEWADDR, NEWF);
}
static void b_peer(void)
{
	start(AF_INET, 24, 3);
	local("10.0.0.1");
	assert_int_equal(inet_pton(AF_INET, "10.0.0.2", r.peer), 1);
	r.has_peer = 1;
	addr_req_push(&r, IFA_ADDRESS);
	brd_plus();
	send_(RTM_NEWADDR, NEWF);
}
static void b_anycast(void)
{
	start(AF_INET6, 64, 3);
	r.scope = 200;
	local("2001:db8::1");
	assert_int_equal(inet_pton(AF_INET6, "2001:db8::6", r.anycast), 1);
	addr_req_push(&r, IFA_ANYCAST);
	send_(RTM_NEWADDR, NEWF);
}
static void b_autojoin(void)
{
	start(AF_INET, 32, 3);
	local("224.1.1.1");
	r.ifa_flags = IFA_F_MCAUTOJOIN;
	send_(RTM_NEWADDR, NEWF);
}
static void b_lo(void) { start(AF_INET, 8, 1); r.scope = RT_SCOPE_HOST; local("127.0.0.2"); send_(RTM_NEWADDR, NEWF); }
static void b_nothing(void) { start(AF_UNSPEC, 0, 3); r.no_address = 1; send_(RTM_NEWADDR, NEWF); }
static void b_default(void)
{
	start(AF_UNSPEC, 0, 3);
	addr_req_push(&r, IFA_LOCAL);
	r.empty_local = r.no_address = 1;
	send_(RTM_NEWADDR, NEWF);
}
static void b_any4(void)
{
	start(AF_INET, 0, 3);
	addr_req_push(&r, IFA_LOCAL);
	r.empty_local = r.no_address = 1;
	send_(RTM_NEWADDR, NEWF);
}
static void b_del_wild(void) { start(AF_INET, 32, 3); local("10.9.0.1"); r.no_address = 1; send_(RTM_DELADDR, NLM_F_ACK); }
static void b_del(void) { start(AF_INET, 24, 3); local("10.9.0.1"); send_(RTM_DELADDR, NLM_F_ACK); }
static void b_change(void)
{
	start(AF_INET, 24, 3);
	local("10.9.0.1");
	lft(300, 200);
	send_(RTM_NEWADDR, NLM_F_ACK | NLM_F_REPLACE);
}
static void b_replace(void)
{
	start(AF_INET, 24, 3);
	local("10.9.0.5");
	metric(10);
	send_(RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE);
}
static void b_deprecate(void)
{
	start(AF_INET6, 64, 3);
	local("2001:db8:9::1");
	lft(FOREVER, 0);
	send_(RTM_NEWADDR, NLM_F_ACK | NLM_F_REPLACE);
}
static void b_dups(void)
{
	start(AF_INET, 24, 3);
	local("10.0.0.1");
	metric(5);
	metric(6);
	label("x");
	label("y");
	send_(RTM_NEWADDR, NEWF);
}

/* What a row should parse back to. */
struct addr_row {
	const char *what;
	void (*build)(void);
	const char *hex;          /* iproute2's request */
	uint16_t type, flags;
	uint8_t family, plen, scope;
	uint32_t ifa_flags;       /* IFA_FLAGS, or the header's */
	int64_t metric;           /* IFA_RT_PRIORITY (the last), -1 none */
	uint32_t valid, pref;     /* IFA_CACHEINFO, valid 0 = none */
	const char *label;        /* the last IFA_LABEL */
	const char *lcl, *addr, *brd;  /* "" = present without bytes */
};

#define N4 RTM_NEWADDR, NEWF, AF_INET
#define N6 RTM_NEWADDR, NEWF, AF_INET6
static const struct addr_row tab[] = {
	{ "add 10.0.0.1/24 dev a0 valid_lft 100 preferred_lft 50", b_lft,
	  "3c000000 14000506 00000000 00000000 02180000 03000000 08000200 0a000001"
	  "08000100 0a000001 14000600 32000000 64000000 00000000 00000000",
	  N4, 24, 0, 0, -1, 100, 50, NULL, "10.0.0.1", "10.0.0.1", NULL },
	{ "add 2001:db8::1/64 dev a0 nodad metric 300 valid_lft 200 preferred_lft 100", b_v6_metric_lft,
	  "5c000000 14000506 00000000 00000000 0a400200 03000000 14000200 20010db8"
	  "00000000 00000000 00000001 08000900 2c010000 14000100 20010db8 00000000"
	  "00000000 00000001 14000600 64000000 c8000000 00000000 00000000",
	  N6, 64, 0, IFA_F_NODAD, 300, 200, 100, NULL, "2001:db8::1", "2001:db8::1", NULL },
	{ "add 10.0.0.1/24 metric 9 dev a0 label a0:m brd + valid_lft 99 preferred_lft 9", b_order,
	  "58000000 14000506 00000000 00000000 02180000 03000000 08000200 0a000001"
	  "08000900 09000000 09000300 61303a6d 00000000 08000100 0a000001 08000400"
	  "0a0000ff 14000600 09000000 63000000 00000000 00000000",
	  N4, 24, 0, 0, 9, 99, 9, "a0:m", "10.0.0.1", "10.0.0.1", "10.0.0.255" },
	{ "add 2001:db8::2/64 dev a0 home mngtmpaddr nodad noprefixroute", b_flags32,
	  "48000000 14000506 00000000 00000000 0a400000 03000000 14000200 20010db8"
	  "00000000 00000000 00000002 08000800 12030000 14000100 20010db8 00000000"
	  "00000000 00000002",
	  N6, 64, 0, 0x312, -1, 0, 0, NULL, "2001:db8::2", "2001:db8::2", NULL },
	{ "add label a0:2 10.0.0.1/24 broadcast 10.0.0.7 dev a0 scope link", b_label_first,
	  "3c000000 14000506 00000000 00000000 021800fd 03000000 09000300 61303a32"
	  "00000000 08000200 0a000001 08000400 0a000007 08000100 0a000001",
	  N4, 24, RT_SCOPE_LINK, 0, -1, 0, 0, "a0:2", "10.0.0.1", "10.0.0.1", "10.0.0.7" },
	{ "add 10.0.0.1 peer 10.0.0.2/24 brd + dev a0", b_peer,
	  "30000000 14000506 00000000 00000000 02180000 03000000 08000200 0a000001"
	  "08000100 0a000002 08000400 0a0000ff",
	  N4, 24, 0, 0, -1, 0, 0, NULL, "10.0.0.1", "10.0.0.2", "10.0.0.255" },
	{ "add 2001:db8::1/64 anycast 2001:db8::6 dev a0 scope 200", b_anycast,
	  "54000000 14000506 00000000 00000000 0a4000c8 03000000 14000200 20010db8"
	  "00000000 00000000 00000001 14000500 20010db8 00000000 00000000 00000006"
	  "14000100 20010db8 00000000 00000000 00000001",
	  N6, 64, 200, 0, -1, 0, 0, NULL, "2001:db8::1", "2001:db8::1", NULL },
	{ "add 224.1.1.1/32 dev a0 autojoin", b_autojoin,
	  "30000000 14000506 00000000 00000000 02200000 03000000 08000200 e0010101"
	  "08000800 00040000 08000100 e0010101",
	  N4, 32, 0, IFA_F_MCAUTOJOIN, -1, 0, 0, NULL, "224.1.1.1", "224.1.1.1", NULL },
	{ "add 127.0.0.2/8 dev lo", b_lo,
	  "28000000 14000506 00000000 00000000 020800fe 01000000 08000200 7f000002"
	  "08000100 7f000002",
	  N4, 8, RT_SCOPE_HOST, 0, -1, 0, 0, NULL, "127.0.0.2", "127.0.0.2", NULL },
	{ "add dev a0", b_nothing,
	  "18000000 14000506 00000000 00000000 00000000 03000000",
	  RTM_NEWADDR, NEWF, AF_UNSPEC, 0, 0, 0, -1, 0, 0, NULL, NULL, NULL, NULL },
	{ "add default dev a0", b_default,
	  "1c000000 14000506 00000000 00000000 00000000 03000000 04000200",
	  RTM_NEWADDR, NEWF, AF_UNSPEC, 0, 0, 0, -1, 0, 0, NULL, "", NULL, NULL },
	{ "-4 add any dev a0", b_any4,
	  "1c000000 14000506 00000000 00000000 02000000 03000000 04000200",
	  N4, 0, 0, 0, -1, 0, 0, NULL, "", NULL, NULL },
	{ "del 10.9.0.1 dev a0 (wildcard)", b_del_wild,
	  "20000000 15000500 00000000 00000000 02200000 03000000 08000200 0a090001",
	  RTM_DELADDR, NLM_F_ACK, AF_INET, 32, 0, 0, -1, 0, 0, NULL, "10.9.0.1", NULL, NULL },
	{ "del 10.9.0.1/24 dev a0", b_del,
	  "28000000 15000500 00000000 00000000 02180000 03000000 08000200 0a090001"
	  "08000100 0a090001",
	  RTM_DELADDR, NLM_F_ACK, AF_INET, 24, 0, 0, -1, 0, 0, NULL, "10.9.0.1", "10.9.0.1", NULL },
	{ "change 10.9.0.1/24 dev a0 valid_lft 300 preferred_lft 200", b_change,
	  "3c000000 14000501 00000000 00000000 02180000 03000000 08000200 0a090001"
	  "08000100 0a090001 14000600 c8000000 2c010000 00000000 00000000",
	  RTM_NEWADDR, NLM_F_ACK | NLM_F_REPLACE, AF_INET, 24, 0, 0, -1, 300, 200, NULL,
	  "10.9.0.1", "10.9.0.1", NULL },
	{ "replace 10.9.0.5/24 dev a0 metric 10", b_replace,
	  "30000000 14000505 00000000 00000000 02180000 03000000 08000200 0a090005"
	  "08000900 0a000000 08000100 0a090005",
	  RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE, AF_INET, 24, 0, 0, 10, 0, 0, NULL,
	  "10.9.0.5", "10.9.0.5", NULL },
	{ "-6 change 2001:db8:9::1/64 dev a0 preferred_lft 0", b_deprecate,
	  "54000000 14000501 00000000 00000000 0a400000 03000000 14000200 20010db8"
	  "00090000 00000000 00000001 14000100 20010db8 00090000 00000000 00000001"
	  "14000600 00000000 ffffffff 00000000 00000000",
	  RTM_NEWADDR, NLM_F_ACK | NLM_F_REPLACE, AF_INET6, 64, 0, 0, -1, FOREVER, 0, NULL,
	  "2001:db8:9::1", "2001:db8:9::1", NULL },
	{ "add 10.0.0.1/24 dev a0 priority 5 metric 6 label x label y", b_dups,
	  "48000000 14000506 00000000 00000000 02180000 03000000 08000200 0a000001"
	  "08000900 05000000 08000900 06000000 06000300 78000000 06000300 79000000"
	  "08000100 0a000001",
	  N4, 24, 0, 0, 6, 0, 0, "y", "10.0.0.1", "10.0.0.1", NULL },
};

static void assert_inet(const struct nlattr *a, int family, const char *want)
{
	unsigned char w[16];
	size_t n = family == AF_INET6 ? 16 : 4;

	if (!want) {
		assert_null(a);
		return;
	}
	assert_non_null(a);
	if (!*want) {                 /* "" : present, without bytes */
		assert_int_equal(nla_len(a), 0);
		return;
	}
	assert_int_equal(inet_pton(family, want, w), 1);
	assert_int_equal(nla_len(a), n);
	assert_memory_equal(nla_data(a), w, n);
}

static void check(const struct addr_row *row)
{
	const struct nlmsghdr *h = nlb_hdr(&b);
	struct addr_info ai;
	uint32_t v;

	assert_int_equal(h->nlmsg_type, row->type);
	assert_int_equal(h->nlmsg_flags, NLM_F_REQUEST | row->flags);
	assert_int_equal(rtnl_addr_parse(h, &ai), 0);
	assert_int_equal(ai.ifa->ifa_family, row->family);
	assert_int_equal(ai.ifa->ifa_prefixlen, row->plen);
	assert_int_equal(ai.ifa->ifa_scope, row->scope);
	if (row->ifa_flags > 0xff) {
		assert_int_equal(ai.ifa->ifa_flags, 0);
		assert_int_equal(nla_get_u32(ai.tb[IFA_FLAGS], &v), 0);
		assert_int_equal(v, row->ifa_flags);
	} else {
		assert_int_equal(ai.ifa->ifa_flags, row->ifa_flags);
		assert_null(ai.tb[IFA_FLAGS]);
	}
	if (row->metric >= 0) {
		assert_int_equal(nla_get_u32(ai.tb[IFA_RT_PRIORITY], &v), 0);
		assert_int_equal(v, row->metric);
	} else {
		assert_null(ai.tb[IFA_RT_PRIORITY]);
	}
	if (row->valid) {
		const struct ifa_cacheinfo *ci;
		assert_non_null(ai.tb[IFA_CACHEINFO]);
		assert_int_equal(nla_len(ai.tb[IFA_CACHEINFO]), sizeof(*ci));
		ci = nla_data(ai.tb[IFA_CACHEINFO]);
		assert_int_equal(ci->ifa_valid, row->valid);
		assert_int_equal(ci->ifa_prefered, row->pref);
		assert_int_equal(ci->cstamp, 0);
		assert_int_equal(ci->tstamp, 0);
	} else {
		assert_null(ai.tb[IFA_CACHEINFO]);
	}
	if (row->label)
		assert_string_equal(nla_get_str(ai.tb[IFA_LABEL]), row->label);
	else
		assert_null(ai.tb[IFA_LABEL]);
	assert_inet(ai.tb[IFA_LOCAL], row->family, row->lcl);
	assert_inet(ai.tb[IFA_ADDRESS], row->family, row->addr);
	assert_inet(ai.tb[IFA_BROADCAST], AF_INET, row->brd);
}

static void test_build(void **state)
{
	ROW(struct addr_row);

	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	row->build();
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	check(row);
}

/* Every smaller buffer: overflow flagged, nothing written past the cap. */
static void test_build_overflow(void **state)
{
	ROW(struct addr_row);
	unsigned char w[256];
	size_t need = unhex(row->hex, w, sizeof(w));

	for (cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		row->build();
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = need;
	row->build();
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	cap = sizeof(buf);
}

/* Without a push the request keeps the old fixed order (LOCAL, peer, LABEL). */
static void test_unordered(void **state)
{
	struct addr_info ai;

	(void)state;
	addr_req_init(&r);
	r.family = AF_INET;
	r.plen = 24;
	r.index = 3;
	assert_int_equal(inet_pton(AF_INET, "10.0.0.1", r.local), 1);
	r.label = "a0:1";
	r.has_brd = 1;
	assert_int_equal(inet_pton(AF_INET, "10.0.0.255", r.brd), 1);
	rtnl_addr_build(&b, buf, sizeof(buf), RTM_NEWADDR, NEWF, &r);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len,
		     "3c000000 14000506 00000000 00000000 02180000 03000000 08000200 0a000001"
		     "09000300 61303a31 00000000 08000100 0a000001 08000400 0a0000ff", 1);
	assert_int_equal(rtnl_addr_parse(nlb_hdr(&b), &ai), 0);
	/* A full order[] drops what comes after. */
	start(AF_INET, 24, 3);
	for (int i = 0; i < ADDR_ORDER_MAX + 4; i++)
		metric(i);
	assert_int_equal(r.norder, ADDR_ORDER_MAX);
}

/* ---- flush ---- */

/* iproute2's flush of a0 (10.9.0.1/24, secondary 10.9.0.2/24, 2001:db8:9::1/64 nodad valid 500
 * preferred 400): the dump it read (portid 0x2fc9) and the one send of its three deletes. */
#define FLUSH_DUMP \
	"4c000000 14002200 49c00b6b c92f0000 02188000 03000000 08000100 0a090001" \
	"08000200 0a090001 07000300 61300000 08000800 80000000 14000600 ffffffff" \
	"ffffffff 63330f00 63330f00" \
	"4c000000 14002200 49c00b6b c92f0000 02188100 03000000 08000100 0a090002" \
	"08000200 0a090002 07000300 61300000 08000800 81000000 14000600 ffffffff" \
	"ffffffff 63330f00 63330f00" \
	"48000000 14002200 49c00b6b c92f0000 0a400200 03000000 14000100 20010db8" \
	"00090000 00000000 00000001 14000600 90010000 f4010000 64330f00 64330f00" \
	"08000800 02000000"
#define FLUSH_DELS \
	"4c000000 15000100 4ac00b6b c92f0000 02188000 03000000 08000100 0a090001" \
	"08000200 0a090001 07000300 61300000 08000800 80000000 14000600 ffffffff" \
	"ffffffff 63330f00 63330f00" \
	"4c000000 15000100 4bc00b6b c92f0000 02188100 03000000 08000100 0a090002" \
	"08000200 0a090002 07000300 61300000 08000800 81000000 14000600 ffffffff" \
	"ffffffff 63330f00 63330f00" \
	"48000000 15000100 4cc00b6b c92f0000 0a400200 03000000 14000100 20010db8" \
	"00090000 00000000 00000001 14000600 90010000 f4010000 64330f00 64330f00" \
	"08000800 02000000"
/* The kernel's answer to the second delete (the secondary went with its primary). */
#define ERR_NOTAVAIL \
	"7c000000 02000002 4bc00b6b c92f0000 9dffffff 4c000000 15000100 4bc00b6b" \
	"c92f0000 02188100 03000000 08000100 0a090002 08000200 0a090002 07000300" \
	"61300000 08000800 81000000 14000600 ffffffff ffffffff 63330f00 63330f00" \
	"1c000100 69707634 3a204164 64726573 73206e6f 7420666f 756e6400"

static unsigned char dump[512], dels[512];
static size_t dump_len, dels_len;

/* The dumped addresses through a batch of cap bytes; what went out on the way into sent. */
static size_t put_all(unsigned char *out, size_t outcap, unsigned char *sent, size_t *sent_len)
{
	static struct nlsock sk;
	const struct nlmsghdr *h = (const struct nlmsghdr *)dump;
	size_t left = dump_len;
	int peer = nl_pair(&sk, 0x2fc9);
	struct nl_batch b = { &sk, RTM_DELADDR, (char *)out, outcap, 0 };
	ssize_t n;

	sk.seq = 0x6b0bc049;
	for (; nlmsg_ok(h, left); h = nlmsg_next(h, &left))
		assert_int_equal(nl_batch_add(&b, h), 0);
	n = recv(peer, sent, 512, MSG_DONTWAIT);
	*sent_len = n < 0 ? 0 : (size_t)n;
	nl_close(&sk);
	close(peer);
	return b.len;
}

static void test_flush_deletes(void **state)
{
	unsigned char out[512], sent[512];
	size_t used, sent_len;

	(void)state;
	dump_len = unhex(FLUSH_DUMP, dump, sizeof(dump));
	dels_len = unhex(FLUSH_DELS, dels, sizeof(dels));
	used = put_all(out, sizeof(out), sent, &sent_len);
	assert_int_equal(sent_len, 0);
	assert_bytes(out, used, FLUSH_DELS, 0);
	/* Exactly enough room, and one byte less: the first two go out when the last does not fit. */
	used = put_all(out, dels_len, sent, &sent_len);
	assert_int_equal(sent_len, 0);
	assert_int_equal(used, dels_len);
	used = put_all(out, dels_len - 1, sent, &sent_len);
	assert_int_equal(sent_len, 0x4c * 2);
	assert_memory_equal(sent, dels, sent_len);
	assert_int_equal(used, dels_len - 0x4c * 2);
	used = put_all(out, sizeof(out), sent, &sent_len);
	/* Each delete parses as the address it removes. */
	for (const struct nlmsghdr *h = (void *)out; (size_t)((unsigned char *)h - out) < used;
	     h = (void *)((unsigned char *)h + NLMSG_ALIGN(h->nlmsg_len))) {
		struct addr_info ai;
		assert_int_equal(rtnl_addr_parse(h, &ai), 0);
		assert_int_equal(h->nlmsg_type, RTM_DELADDR);
		assert_int_equal(ai.ifa->ifa_index, 3);
	}
}

/* One send of the whole batch; an error the kernel queued is peeked, not taken. */
static void send_case(const char *queued, int want)
{
	static struct nlsock sk;
	unsigned char got[1024], q[1024];
	int kfd = nl_pair(&sk, 0x2fc9);
	ssize_t n;

	if (queued) {
		size_t ql = unhex(queued, q, sizeof(q));
		assert_int_equal(send(kfd, q, ql, 0), (ssize_t)ql);
	}
	assert_int_equal(nl_send_batch(&sk, dels, dels_len), want);
	n = recv(kfd, got, sizeof(got), MSG_DONTWAIT);
	assert_bytes(got, n, FLUSH_DELS, 0);
	assert_int_equal(pending(kfd), 0);
	assert_int_equal(pending(sk.fd), queued ? 1 : 0);
	nl_close(&sk);
	close(kfd);
}

static void test_send_batch(void **state)
{
	(void)state;
	dels_len = unhex(FLUSH_DELS, dels, sizeof(dels));
	send_case(NULL, 0);
	send_case(ERR_NOTAVAIL, -EADDRNOTAVAIL);
	send_case("24000000 02000000 4bc00b6b c92f0000 ffffffff 14000000 15000100 4bc00b6b c92f0000", -EPERM);
	/* Not an error (a dump message still queued): nothing to report. */
	send_case("14000000 03000200 49c00b6b c92f0000 00000000", 0);
	/* An error too short for its header. */
	send_case("14000000 02000000 4bc00b6b c92f0000 ffffffff", -EPROTO);
}

/* ---- the words ---- */

static void test_prefix_words(void **state)
{
	static const struct { const char *s; int family, bitlen, bytelen, given; } ok[] = {
		{ "10.0.0.1/24", AF_INET, 24, 4, 1 },
		{ "10.0.0.1", AF_INET, 32, 4, 0 },
		{ "10.0.0.1/255.255.255.0", AF_INET, 24, 4, 1 },
		{ "10.0.0.1/255.255.255.255", AF_INET, 32, 4, 1 },
		{ "10.0.0.1/0.0.0.0", AF_INET, 0, 4, 1 },
		{ "10.0.0.1/0x18", AF_INET, 24, 4, 1 },
		{ "10.0.0.1/010", AF_INET, 8, 4, 1 },
		{ "10.1/16", AF_INET, 16, 4, 1 },
		{ "2001:db8::1/64", AF_INET6, 64, 16, 1 },
		{ "2001:db8::1", AF_INET6, 128, 16, 0 },
		{ "default", AF_UNSPEC, 0, 0, 1 },
		{ "any", AF_UNSPEC, 0, 0, 0 },
	};
	struct inet_prefix p;

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		ip_get_prefix(&p, ok[i].s, AF_UNSPEC);
		assert_int_equal(p.family, ok[i].family);
		assert_int_equal(p.bitlen, ok[i].bitlen);
		assert_int_equal(p.bytelen, ok[i].bytelen);
		assert_int_equal((p.flags & PFX_LEN_GIVEN), ok[i].given);
	}
	ip_get_prefix(&p, "default", AF_INET);
	assert_int_equal(p.bytelen, 4);
	assert_int_equal(p.bitlen, 0);
	ip_get_prefix(&p, "all", AF_INET6);
	assert_int_equal(p.family, AF_INET6);
	assert_int_equal(p.bytelen, 0);
	ip_get_addr(&p, "10.0.0.255", AF_INET);
	assert_int_equal(p.family, AF_INET);
	assert_int_equal(p.bytelen, 4);
	assert_int_equal(p.data[3], 255);
	ip_get_addr(&p, "2001:db8::6", AF_UNSPEC);
	assert_int_equal(p.family, AF_INET6);
	assert_int_equal(p.bytelen, 16);
}

static void test_prefix_match(void **state)
{
	static const unsigned char a1[4] = { 10, 9, 0, 1 }, a2[4] = { 10, 9, 1, 1 };
	static const unsigned char v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 9 };
	struct inet_prefix p;

	(void)state;
	ip_get_prefix(&p, "10.9.0.0/24", AF_UNSPEC);
	assert_true(addr_pfx_match(&p, a1, 4));
	assert_false(addr_pfx_match(&p, a2, 4));
	assert_false(addr_pfx_match(&p, v6, 16));
	ip_get_prefix(&p, "10.9.0.0/23", AF_UNSPEC);
	assert_true(addr_pfx_match(&p, a2, 4));
	ip_get_prefix(&p, "10.8.0.0/15", AF_UNSPEC);
	assert_true(addr_pfx_match(&p, a2, 4));
	ip_get_prefix(&p, "2001:db8::/32", AF_UNSPEC);
	assert_true(addr_pfx_match(&p, v6, 16));
	assert_false(addr_pfx_match(&p, a1, 4));
	/* No prefix (default): everything. */
	ip_get_prefix(&p, "default", AF_UNSPEC);
	assert_true(addr_pfx_match(&p, a1, 4));
	memset(&p, 0, sizeof(p));
	assert_true(addr_pfx_match(&p, v6, 16));
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_build, tab);
	ADD_ROWS(&s, test_build_overflow, tab);
	ADD(&s, test_unordered);
	ADD(&s, test_flush_deletes);
	ADD(&s, test_send_batch);
	ADD(&s, test_prefix_words);
	ADD(&s, test_prefix_match);
	alarm(120);
	return suite_run(&s, "addr");
}
