/* nl_talk and nl_parse_error against a fake kernel on a socketpair. Reply hex uses the tokens
 * of unit.h: S/W = right/wrong seq, P/Q = right/wrong portid. */
#include <fcntl.h>
#include <net/if.h>
#include <sys/syscall.h>
#include "rtnl.h"
#include "unit.h"

#define PORT 0x725   /* the portid in PART 5 */

/* PART 5: success ACK for "ip link set br0 up" (NLM_F_CAPPED, error 0). */
#define ACK_CAPPED "24000000 0200 0001 S P 00000000 20000000 10000500 ec900b6b 00000000"
/* PART 5: "ip addr add" duplicate: -EEXIST, NLM_F_ACK_TLVS, the request echoed in full,
 * then NLMSGERR_ATTR_MSG. */
#define EXTACK_EEXIST \
	"60000000 0200 0002 S P efffffff 28000000 14000506 ec900b6b 00000000" \
	"02180000 02000000 08000200 0a010001 08000100 0a010001 23000100 69707634" \
	"3a204164 64726573 7320616c 72656164 79206173 7369676e 65640000"
/* An error (capped, no TLVs), a link message of a dump, and DONE; seq and pid tokens first. */
#define ERR_(sq, pid, e) "24000000 0200 0001 " sq " " pid " " e " 20000000 10000500 S 00000000"
#define LINK_(sq, pid, flags, idx) "20000000 1000 " flags " " sq " " pid " 00000000 " idx "000000 00000000 00000000"
#define DONE_(sq, pid, e) "14000000 0300 0200 " sq " " pid " " e
#define ERR(e) ERR_("S", "P", e)
#define LINK(flags, idx) LINK_("S", "P", flags, idx)   /* flags 0200: NLM_F_MULTI */
#define DONE(e) DONE_("S", "P", e)

static struct nlsock *sk;
static struct fk k;
static char reqbuf[64];
static struct nlb b;

/* A request that wants an ACK, a dump, or neither (data only). NLM_F_REQUEST, seq and pid
 * are left for nl_talk to set (the junk here must not survive). */
enum { ACK, DUMP, PLAIN };
static const uint16_t kind_flags[] = { NLM_F_ACK, NLM_F_DUMP, 0 };
static void request(int kind)
{
	struct ifinfomsg *ifi;

	nlb_init(&b, reqbuf, sizeof(reqbuf), kind == ACK ? RTM_NEWLINK : RTM_GETLINK, kind_flags[kind]);
	nlb_hdr(&b)->nlmsg_seq = 0xbeef;
	nlb_hdr(&b)->nlmsg_pid = 0xdead;
	ifi = nlb_put_extra(&b, sizeof(*ifi));
	ifi->ifi_index = 3;
}

/* Callback: records ifindexes in order; returns stop_err at call number stop_at. */
struct rec {
	int n, idx[16];
	int stop_at, stop_err;
};
static int record(const struct nlmsghdr *h, void *arg)
{
	struct rec *r = arg;
	const struct ifinfomsg *ifi = nlmsg_data(h);

	if (r->n < 16)
		r->idx[r->n] = nlmsg_payload(h) >= sizeof(*ifi) ? ifi->ifi_index : -1;
	r->n++;
	return r->n == r->stop_at ? r->stop_err : 0;
}

/* One exchange: request kind, replies, then nl_talk's result, the callback record and how
 * many replies were left unread. */
struct talk_row {
	const char *what;
	int kind;
	const char *replies[FK_MAX + 1];
	int ret;
	const char *errmsg;       /* sk->errmsg after */
	int dump_intr;
	int ncb;                  /* callbacks made */
	int idx[4];               /* their ifindexes */
	int left;                 /* datagrams not read */
	int stop_at, stop_err;    /* callback error */
};

static const struct talk_row talk_tab[] = {
	{ "PART 5 success ACK (capped) -> 0", ACK, { ACK_CAPPED }, 0, "", 0, 0, { 0 }, 0, 0, 0 },
	{ "PART 5 extack -EEXIST with message", ACK, { EXTACK_EEXIST }, -EEXIST,
	  "ipv4: Address already assigned", 0, 0, { 0 }, 0, 0, 0 },
	{ "error without TLVs (capped) -> -errno, no text", ACK, { ERR("f0ffffff") }, -EBUSY, "", 0, 0, { 0 }, 0, 0, 0 },
	{ "error without TLVs, request echoed in full", ACK,
	  { "30000000 0200 0000 S P edffffff 20000000 10000500 S 00000000 00000000 03000000 00000000 00000000" },
	  -ENODEV, "", 0, 0, { 0 }, 0, 0, 0 },
	{ "capped error with TLV message", ACK,
	  { "3c000000 0200 0003 S P eaffffff 20000000 10000500 S 00000000 0e000100 62616420 7468696e 67000000 08000200 10000000" },
	  -EINVAL, "bad thing", 0, 0, { 0 }, 0, 0, 0 },
	{ "ACK carrying a warning: 0 and the text", ACK,
	  { "30000000 0200 0003 S P 00000000 20000000 10000500 S 00000000 09000100 7761726e 00000000" },
	  0, "warn", 0, 0, { 0 }, 0, 0, 0 },
	{ "extack message without NUL is bounded", ACK,
	  { "2c000000 0200 0003 S P eaffffff 20000000 10000500 S 00000000 07000100 61626364" },
	  -EINVAL, "abc", 0, 0, { 0 }, 0, 0, 0 },
	{ "dump over several datagrams, in order, to DONE", DUMP,
	  { LINK("0200", "01") LINK("0200", "02"), LINK("0200", "03"), LINK("0200", "04") DONE("00000000") },
	  0, "", 0, 4, { 1, 2, 3, 4 }, 0, 0, 0 },
	{ "dump DONE without payload (old kernels)", DUMP,
	  { LINK("0200", "01"), "10000000 0300 0200 S P" }, 0, "", 0, 1, { 1 }, 0, 0, 0 },
	{ "NLM_F_DUMP_INTR on a dump message", DUMP,
	  { LINK("0200", "01"), LINK("1200", "02"), DONE("00000000") }, 0, "", 1, 2, { 1, 2 }, 0, 0, 0 },
	{ "NLM_F_DUMP_INTR on DONE", DUMP,
	  { LINK("0200", "01"), "14000000 0300 1200 S P 00000000" }, 0, "", 1, 1, { 1 }, 0, 0, 0 },
	{ "DONE carrying -EINTR", DUMP,
	  { LINK("0200", "01"), DONE("fcffffff") }, -EINTR, "", 0, 1, { 1 }, 0, 0, 0 },
	/* Kernel 6.18's reply to a strict route dump of a missing table (RTA_TABLE 300), captured
	 * with strace: DONE with -ENOENT, NLM_F_MULTI|NLM_F_DUMP_FILTERED|NLM_F_ACK_TLVS, then
	 * NLMSGERR_ATTR_MSG right after the errno. iproute2 prints that text (rtnl_dump_done ->
	 * nl_dump_ext_ack_done), so it must reach sk->errmsg. */
	{ "DONE carrying -ENOENT and extack text (kernel bytes)", DUMP,
	  { "38000000 0300 2202 S P feffffff 23000100 69707634 3a204649 42207461 626c6520"
	    "646f6573 206e6f74 20657869 73740000" },
	  -ENOENT, "ipv4: FIB table does not exist", 0, 0, { 0 }, 0, 0, 0 },
	{ "dump that fails at start (NLMSG_ERROR)", DUMP,
	  { ERR("a1ffffff") }, -EOPNOTSUPP, "", 0, 0, { 0 }, 0, 0, 0 },
	{ "wrong seq and wrong portid are skipped (ack)", ACK,
	  { ERR_("W", "P", "efffffff"), LINK_("W", "P", "0000", "07"), ERR_("S", "Q", "efffffff"),
	    LINK_("S", "Q", "0000", "08"), LINK("0000", "09"), ACK_CAPPED },
	  0, "", 0, 1, { 9 }, 0, 0, 0 },
	{ "wrong seq and wrong portid are skipped (dump)", DUMP,
	  { DONE_("W", "P", "00000000") LINK("0200", "01"), LINK_("S", "Q", "0200", "05"),
	    DONE_("S", "Q", "00000000"), DONE_("W", "P", "fcffffff"), DONE("00000000") },
	  0, "", 0, 1, { 1 }, 0, 0, 0 },
	{ "callback error stops callbacks, dump is drained", DUMP,
	  { LINK("0200", "01") LINK("0200", "02"), LINK("0200", "03"), DONE("00000000") },
	  -ENOENT, "", 0, 1, { 1 }, 0, 1, -ENOENT },
	{ "callback error on an acked request is returned after the ACK", ACK,
	  { LINK("0000", "01"), LINK("0000", "02"), ACK_CAPPED },
	  -ENOENT, "", 0, 1, { 1 }, 0, 1, -ENOENT },
	{ "no NLM_F_ACK: ends at the first data reply", PLAIN,
	  { LINK("0000", "03"), LINK("0000", "04"), ACK_CAPPED },
	  0, "", 0, 1, { 3 }, 2, 0, 0 },
	{ "no NLM_F_ACK: an error reply ends it", PLAIN,
	  { ERR("edffffff"), LINK("0000", "04") }, -ENODEV, "", 0, 0, { 0 }, 1, 0, 0 },
	{ "NOOP is skipped", ACK,
	  { "10000000 0100 0000 S P", ACK_CAPPED }, 0, "", 0, 0, { 0 }, 0, 0, 0 },
};

static void test_talk(void **state)
{
	ROW(struct talk_row);
	struct rec r = { .stop_at = row->stop_at, .stop_err = row->stop_err };
	int ret, i;

	request(row->kind);
	fk_start(&k, sk = fresh_sock(), PORT, row->replies);
	snprintf(sk->errmsg, sizeof(sk->errmsg), "stale");
	sk->dump_intr = 1;
	ret = nl_talk(sk, &b, record, &r);
	assert_int_equal(fk_end(&k, sk), row->left);
	assert_int_equal(ret, row->ret);
	assert_string_equal(sk->errmsg, row->errmsg);
	assert_int_equal(sk->dump_intr, row->dump_intr);
	assert_int_equal(r.n, row->ncb);
	for (i = 0; i < row->ncb && i < 4; i++)
		assert_int_equal(r.idx[i], row->idx[i]);
	/* The request as sent: REQUEST added, seq set, pid 0, flags otherwise untouched. */
	{
		const struct nlmsghdr *q = (const struct nlmsghdr *)k.req;
		assert_int_equal(k.req_len, 32);
		assert_int_equal(q->nlmsg_len, 32);
		assert_int_equal(q->nlmsg_flags, NLM_F_REQUEST | kind_flags[row->kind]);
		assert_int_not_equal(q->nlmsg_seq, 0xbeef);
		assert_int_equal(q->nlmsg_pid, 0);
		assert_int_equal(q->nlmsg_seq, sk->seq);
	}
}

/* Malformed replies: -EPROTO, no read past the datagram, no hang. */
struct bad_row {
	const char *what;
	int kind;
	const char *reply;
};
static const struct bad_row bad_tab[] = {
	{ "datagram shorter than a header", ACK, "0c000000 0200 0000 S" },
	{ "datagram of one byte", ACK, "24" },
	{ "nlmsg_len larger than the datagram", ACK, "40000000 0200 0001 S P 00000000 20000000 10000500 S 00000000" },
	{ "nlmsg_len below a header", ACK, "08000000 0200 0000 S P 00000000" },
	{ "nlmsg_len 0", DUMP, "00000000 0300 0200 S P 00000000" },
	{ "NLMSG_ERROR payload shorter than nlmsgerr", ACK, "14000000 0200 0001 S P efffffff" },
	{ "NLMSG_ERROR payload one byte short", ACK, "23000000 0200 0001 S P efffffff 20000000 10000500 S 000000" },
	{ "extack TLV runs past the message", ACK,
	  "2c000000 0200 0003 S P eaffffff 20000000 10000500 S 00000000 20000100 6f6f7073" },
	{ "extack TLV with nla_len 0", ACK,
	  "2c000000 0200 0003 S P eaffffff 20000000 10000500 S 00000000 00000100 6f6f7073" },
	{ "extack trailing partial TLV", ACK,
	  "2e000000 0200 0003 S P eaffffff 20000000 10000500 S 00000000 08000100 61620000 0600" },
	{ "uncapped echo longer than the message", ACK,
	  "2c000000 0200 0002 S P eaffffff 00010000 10000500 S 00000000 08000100 61620000" },
	{ "uncapped echo shorter than a header", ACK,
	  "2c000000 0200 0002 S P eaffffff 08000000 10000500 S 00000000 08000100 61620000" },
	{ "uncapped echo length near 2^32", ACK,
	  "2c000000 0200 0002 S P eaffffff fdffffff 10000500 S 00000000 08000100 61620000" },
	{ "positive error", ACK, ERR("05000000") },
	{ "error below -4095", ACK, ERR("00f0ffff") },
	{ "DONE carrying an errno below -4095 (INT_MIN: found by fuzzing)", DUMP, DONE("00000080") },
	{ "DONE carrying -4096", DUMP, DONE("00f0ffff") },
	{ "junk after a dump message", DUMP, LINK("0200", "01") "010203" },
	{ "partial header after a dump message", DUMP, LINK("0200", "01") "14000000 0300 0200" },
};

static void test_malformed(void **state)
{
	ROW(struct bad_row);
	const char *replies[] = { row->reply, NULL };
	struct rec r = { 0 };
	int ret;

	request(row->kind);
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	ret = nl_talk(sk, &b, record, &r);
	fk_end(&k, sk);
	assert_int_equal(ret, -EPROTO);
}

/* A reply bigger than the receive buffer is not silently cut. */
static void test_truncated_datagram(void **state)
{
	const char *replies[] = { "10000000 0300 0200 S P ZZZZZZZZZZZZZZZZZ", NULL };
	struct rec r = { 0 };

	(void)state;
	request(DUMP);
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(nl_talk(sk, &b, record, &r), -EMSGSIZE);
	fk_end(&k, sk);
	assert_int_equal(r.n, 0);
}

/* No reply at all: the receive timeout surfaces as an error, not a hang. */
static void test_no_reply(void **state)
{
	const char *replies[] = { NULL };

	(void)state;
	request(ACK);
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(nl_talk(sk, &b, NULL, NULL), -EAGAIN);
	fk_end(&k, sk);
}

/* Each request gets a new seq; a late reply to the previous one is not taken as this one's. */
static void test_seq_advances(void **state)
{
	const char *first[] = { LINK("0000", "01"), ERR("efffffff"), NULL };   /* the error stays queued */
	const char *second[] = { ACK_CAPPED, NULL };
	int peer = nl_pair(sk = fresh_sock(), PORT);
	uint32_t seq1;

	(void)state;
	request(PLAIN);
	fk_serve(&k, peer, PORT, first);
	assert_int_equal(nl_talk(sk, &b, NULL, NULL), 0);
	fk_join(&k);
	memcpy(&seq1, k.req + 8, 4);
	request(ACK);
	fk_serve(&k, peer, PORT, second);
	assert_int_equal(nl_talk(sk, &b, NULL, NULL), 0);
	fk_join(&k);
	assert_int_not_equal(((struct nlmsghdr *)k.req)->nlmsg_seq, seq1);
	assert_int_equal(pending(sk->fd), 0);
	nl_close(sk);
	close(peer);
}

/* sys_recvmsg as nlsock.c calls it, with a fault on demand: after enobufs_after good reads, one
 * read fails with ENOBUFS (the kernel's "your receive buffer overflowed", which a socketpair
 * cannot give). The link (-Wl,--wrap=sys_recvmsg, Makefile) sends nlsock.c's calls here. */
static int enobufs_after = -1;
ssize_t __real_sys_recvmsg(int fd, struct msghdr *m, int flags);
ssize_t __wrap_sys_recvmsg(int fd, struct msghdr *m, int flags);
ssize_t __wrap_sys_recvmsg(int fd, struct msghdr *m, int flags)
{
	if (enobufs_after == 0) {
		enobufs_after = -1;
		errno = ENOBUFS;
		return -1;
	}
	if (enobufs_after > 0)
		enobufs_after--;
	return __real_sys_recvmsg(fd, m, flags);
}

/* ENOBUFS in the middle of a dump ends it with -ENOBUFS (the messages before it delivered);
 * what the kernel sent after is of that dump, and the next request on the socket skips it. */
static void test_enobufs_mid_dump(void **state)
{
	const char *first[] = { LINK("0200", "01"), LINK("0200", "02"), LINK("0200", "03") DONE("00000000"), NULL };
	const char *second[] = { LINK("0000", "09"), ACK_CAPPED, NULL };
	struct rec r = { 0 };
	int peer = nl_pair(sk = fresh_sock(), PORT);

	(void)state;
	request(DUMP);
	fk_serve(&k, peer, PORT, first);
	enobufs_after = 1;
	assert_int_equal(nl_talk(sk, &b, record, &r), -ENOBUFS);
	enobufs_after = -1;
	fk_join(&k);                  /* the rest of the dump is queued behind */
	assert_int_equal(r.n, 1);
	assert_int_equal(r.idx[0], 1);
	request(ACK);
	fk_serve(&k, peer, PORT, second);
	memset(&r, 0, sizeof(r));
	assert_int_equal(nl_talk(sk, &b, record, &r), 0);
	fk_join(&k);
	assert_int_equal(r.n, 1);     /* the new exchange's message only, not 3 of the old dump */
	assert_int_equal(r.idx[0], 9);
	assert_int_equal(pending(sk->fd), 0);
	nl_close(sk);
	close(peer);
}

/* A dump the kernel never ends (no DONE): every message once, then the receive timeout. */
static void test_dump_without_end(void **state)
{
	const char *replies[FK_MAX + 1];
	char msgs[FK_MAX][64];
	struct rec r = { 0 };
	int i;

	(void)state;
	for (i = 0; i < FK_MAX; i++) {
		snprintf(msgs[i], sizeof(msgs[i]), LINK("0200", "%02x"), i + 1);
		replies[i] = msgs[i];
	}
	replies[FK_MAX] = NULL;
	request(DUMP);
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(nl_talk(sk, &b, record, &r), -EAGAIN);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_int_equal(r.n, FK_MAX);
	for (i = 0; i < 16 && i < FK_MAX; i++)
		assert_int_equal(r.idx[i], i + 1);
}

/* A reply that would loop a careless walker (a message of length 0 after a good one, in one
 * datagram) or a reply truncated inside its second message: -EPROTO at once, after the good
 * message's callback, for a request with an ack as for a dump. */
struct loop_row {
	const char *what;
	int kind;
	const char *reply;
	int ncb;
};
static const struct loop_row loop_tab[] = {
	{ "ack: a message of length 0 after a good one", ACK, LINK("0000", "01") "00000000 0200 0000 S P", 1 },
	{ "dump: a message of length 0 after a good one", DUMP, LINK("0200", "01") "00000000 0300 0200 S P 00000000", 1 },
	{ "ack: length 0 first", ACK, "00000000 0200 0000 S P 00000000 00000000", 0 },
	{ "dump: the second message cut in its body", DUMP, LINK("0200", "01") "20000000 1000 0200 S P 00000000 02", 1 },
	{ "ack: the ack cut in the echoed header", ACK, LINK("0000", "01") "24000000 0200 0001 S P 00000000 20000000", 1 },
};

static void test_loop(void **state)
{
	ROW(struct loop_row);
	const char *replies[] = { row->reply, NULL };
	struct rec r = { 0 };

	request(row->kind);
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(nl_talk(sk, &b, record, &r), -EPROTO);
	fk_end(&k, sk);
	assert_int_equal(r.n, row->ncb);
}

/* nl_parse_error alone, on exact-size copies. */
static void test_parse_error(void **state)
{
	unsigned char raw[128];
	size_t n = unhex_tok(EXTACK_EEXIST, raw, sizeof(raw), 1, 2);
	struct nlmsghdr *h = dup_exact(raw, n);
	char msg[8];

	(void)state;
	assert_int_equal(nl_parse_error(h, NULL, 0), -EEXIST);
	memset(msg, 'x', sizeof(msg));
	assert_int_equal(nl_parse_error(h, msg, sizeof(msg)), -EEXIST);
	assert_string_equal(msg, "ipv4: A");        /* cut to fit, NUL-terminated */
	assert_int_equal(nl_parse_error(h, msg, 1), -EEXIST);
	assert_string_equal(msg, "");
	free(h);

	n = unhex_tok(ACK_CAPPED, raw, sizeof(raw), 1, 2);
	h = dup_exact(raw, n);
	memset(msg, 'x', sizeof(msg));
	assert_int_equal(nl_parse_error(h, msg, sizeof(msg)), 0);
	assert_string_equal(msg, "");
	free(h);
}

/* The real kernel, read-only requests only; skipped where netlink is unavailable. */
static struct nlsock *kernel_sock(void)
{
	struct nlsock *k = fresh_sock();

	if (nl_open(k, NETLINK_ROUTE) < 0)
		skip();
	return k;
}

static int find_lo(const struct nlmsghdr *h, void *arg)
{
	struct link_info li;
	const char *name;

	if (rtnl_link_parse(h, &li) < 0)
		return -EPROTO;
	name = nla_get_str(li.tb[IFLA_IFNAME]);
	if (name && !strcmp(name, "lo"))
		*(int *)arg = li.ifi->ifi_index;
	return 0;
}

static int take_name(const struct nlmsghdr *h, void *arg)
{
	struct link_info li;
	const char *s;

	if (rtnl_link_parse(h, &li) < 0 || !(s = nla_get_str(li.tb[IFLA_IFNAME])))
		return -EPROTO;
	snprintf(arg, IFNAMSIZ, "%s", s);
	return 0;
}

static void test_kernel_readonly(void **state)
{
	char name[IFNAMSIZ];
	int lo = 0;

	(void)state;
	int r;

	sk = kernel_sock();
	assert_true(sk->portid != 0);
	r = rtnl_link_dump(sk, &(struct rtnl_filter){ .family = AF_PACKET, .ext_mask = RTEXT_FILTER_VF }, find_lo, &lo);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	/* qemu-user swaps the bytes of each netlink attribute it knows, and not the others. */
	if ((r || !lo) && getenv("NSBOX_QEMU_USER")) {
		print_message("test_kernel_readonly: skipped: qemu-user on a big-endian target garbles link dumps (%d)\n", r);
		nl_close(sk);
		skip();
	}
#endif
	assert_int_equal(r, 0);
	assert_true(lo > 0);
	assert_int_equal(rtnl_link_index(sk, "lo"), lo);
	assert_int_equal(rtnl_link_get(sk, NULL, lo, RTEXT_FILTER_SKIP_STATS, take_name, name), 0);
	assert_string_equal(name, "lo");
	assert_int_equal(rtnl_link_index(sk, "nsbox-nodev0"), -ENODEV);
	/* A strict-check violation in a dump request: answered as an error, never a hang. */
	{
		char buf[64];
		struct nlb q;
		struct ifaddrmsg *ifa;

		nlb_init(&q, buf, sizeof(buf), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP);
		ifa = nlb_put_extra(&q, sizeof(*ifa));
		ifa->ifa_prefixlen = 8;
		assert_true(nl_talk(sk, &q, NULL, NULL) < 0);
	}
	{
		int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);    /* a file that is no netns */

		assert_true(fd >= 0);
		r = rtnl_nsid_of_fd(sk, fd);
		if (r == -EOPNOTSUPP && getenv("NSBOX_QEMU_USER")) {
			print_message("test_kernel_readonly: skipped: qemu-user does not translate RTM_GETNSID\n");
			close(fd);
			nl_close(sk);
			skip();
		}
		assert_int_equal(r, -EINVAL);
		close(fd);
	}
	nl_close(sk);
}

/* As the DONE row above, against the real kernel (skipped where the kernel does not refuse
 * the dump of a missing table). */
static void test_kernel_done_extack(void **state)
{
	int ret;

	(void)state;
	sk = kernel_sock();
	ret = rtnl_route_dump(sk, &(struct rtnl_filter){ .family = AF_INET, .table = 4242 }, NULL, NULL);
	nl_close(sk);
	if (ret != -ENOENT)
		skip();
	assert_string_not_equal(sk->errmsg, "");
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_talk, talk_tab);
	ADD_ROWS(&s, test_malformed, bad_tab);
	ADD(&s, test_truncated_datagram);
	ADD(&s, test_no_reply);
	ADD(&s, test_seq_advances);
	ADD(&s, test_enobufs_mid_dump);
	ADD(&s, test_dump_without_end);
	ADD_ROWS(&s, test_loop, loop_tab);
	ADD(&s, test_parse_error);
	ADD(&s, test_kernel_readonly);
	ADD(&s, test_kernel_done_extack);
	alarm(120);
	return suite_run(&s, "nltalk");
}
