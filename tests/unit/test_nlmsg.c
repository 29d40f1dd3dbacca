/* The netlink message builder (nlb_*) and the strict parser (nlmsg_ok, nla_*). */
#include <linux/rtnetlink.h>
#include "unit.h"

#define DIRT 0xa5   /* buffers start dirty, so padding that is not zeroed shows */

static char buf[256];
static struct nlb b;

static struct nlmsghdr *start(size_t cap)
{
	memset(buf, DIRT, sizeof(buf));
	return nlb_init(&b, buf, cap, 0x1234, 0x0005);
}

static void test_init(void **state)
{
	struct nlmsghdr *h = start(sizeof(buf));

	(void)state;
	assert_ptr_equal(h, buf);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, h->nlmsg_len, "10000000 3412 0500 00000000 00000000", 0);
	/* Too small for a header: overflow at once, and nothing written. */
	memset(buf, DIRT, sizeof(buf));
	assert_null(nlb_init(&b, buf, NLMSG_HDRLEN - 1, 1, 0));
	assert_int_equal(b.overflow, 1);
	assert_int_equal((unsigned char)buf[0], DIRT);
}

/* Each put alone after a 16-byte header: the attribute bytes, padding zeroed. */
struct put_row {
	const char *what;
	int kind;             /* 0 str, 1 strz, 2 u8, 3 u16, 4 u32, 5 empty put */
	const char *s;
	uint32_t v;
	const char *want;
};
static const struct put_row puts_tab[] = {
	{ "str, 3 chars: no NUL, one pad byte",   0, "abc",  0, "07000100 61626300" },
	{ "strz, 3 chars: NUL, no pad",           1, "abc",  0, "08000100 61626300" },
	{ "str, 4 chars: aligned",                0, "abcd", 0, "08000100 61626364" },
	{ "strz, 4 chars: NUL then 3 pad bytes",  1, "abcd", 0, "09000100 61626364 00000000" },
	{ "str, empty: header only",              0, "",     0, "04000100" },
	{ "strz, empty: a lone NUL",              1, "",     0, "05000100 00000000" },
	{ "u8",                                   2, NULL,   0xfe, "05000100 fe000000" },
	{ "u16",                                  3, NULL,   0xbeef, "06000100 efbe0000" },
	{ "u32",                                  4, NULL,   0x01020304, "08000100 04030201" },
	{ "put of no data",                       5, NULL,   0, "04000100" },
};

static void test_put(void **state)
{
	ROW(struct put_row);
	unsigned char w[64];
	size_t wn = unhex(row->want, w, sizeof(w));
	struct nlmsghdr *h = start(sizeof(buf));

	switch (row->kind) {
	case 0: nlb_put_str(&b, 1, row->s); break;
	case 1: nlb_put_strz(&b, 1, row->s); break;
	case 2: nlb_put_u8(&b, 1, (uint8_t)row->v); break;
	case 3: nlb_put_u16(&b, 1, (uint16_t)row->v); break;
	case 4: nlb_put_u32(&b, 1, row->v); break;
	case 5: nlb_put(&b, 1, NULL, 0); break;
	}
	assert_int_equal(b.overflow, 0);
	assert_int_equal(h->nlmsg_len, 16 + wn);
	assert_bytes(buf + 16, wn, row->want, 0);
}

static void test_put_extra(void **state)
{
	struct nlmsghdr *h = start(sizeof(buf));
	unsigned char *p;

	(void)state;
	p = nlb_put_extra(&b, 5);           /* aligned to 8, all zero */
	assert_ptr_equal(p, buf + 16);
	assert_int_equal(h->nlmsg_len, 24);
	for (int i = 0; i < 8; i++)
		assert_int_equal(p[i], 0);
	nlb_put_u8(&b, 2, 7);
	assert_bytes(buf, h->nlmsg_len, "20000000 3412 0500 00000000 00000000 00000000 00000000 05000200 07000000", 0);
}

static void test_nest(void **state)
{
	struct nlmsghdr *h = start(sizeof(buf));
	struct nlattr *outer, *inner, *empty;

	(void)state;
	outer = nlb_nest_start(&b, 18);
	nlb_put_str(&b, 1, "veth");
	inner = nlb_nest_start(&b, 2);
	nlb_put_strz(&b, 3, "ab");        /* 7 bytes + 1 pad: the nest counts the pad */
	nlb_nest_end(&b, inner);
	empty = nlb_nest_start(&b, 4);
	nlb_nest_end(&b, empty);
	nlb_nest_end(&b, outer);
	nlb_put_u32(&b, 5, 1);             /* after the nest, outside it */
	assert_int_equal(b.overflow, 0);
	assert_int_equal(outer->nla_len, 4 + 8 + 12 + 4);
	assert_int_equal(inner->nla_len, 12);
	assert_int_equal(empty->nla_len, 4);
	assert_bytes(buf, h->nlmsg_len,
		     "34000000 3412 0500 00000000 00000000 "
		     "1c001200 08000100 76657468 0c000200 07000300 61620000 04000400 "
		     "08000500 01000000", 0);
}

static void test_overflow_sticky(void **state)
{
	struct nlmsghdr *h = start(48);
	char big[16] = "0123456789abcde";
	struct nlattr *n;

	(void)state;
	nlb_put_u32(&b, 1, 1);                     /* 24 */
	nlb_put_u32(&b, 2, 2);                     /* 32 */
	assert_int_equal(b.overflow, 0);
	nlb_put(&b, 3, big, sizeof(big));          /* needs 20, 16 left: does not fit */
	assert_int_equal(b.overflow, 1);
	assert_int_equal(h->nlmsg_len, 32);
	/* Sticky: each of these would fit in the 16 bytes left, and must do nothing. */
	nlb_put_u32(&b, 4, 4);
	nlb_put_u8(&b, 5, 5);
	nlb_put_str(&b, 6, "x");
	assert_null(nlb_put_extra(&b, 4));
	n = nlb_nest_start(&b, 7);
	assert_null(n);
	nlb_nest_end(&b, n);
	assert_int_equal(b.overflow, 1);
	assert_int_equal(h->nlmsg_len, 32);
	for (int i = 32; i < 48; i++)              /* nothing written past the tail */
		assert_int_equal((unsigned char)buf[i], DIRT);

	/* An exact fit is no overflow; one byte more is. */
	h = start(32);
	nlb_put(&b, 1, big, 12);
	assert_int_equal(b.overflow, 0);
	assert_int_equal(h->nlmsg_len, 32);
	nlb_put(&b, 1, NULL, 0);
	assert_int_equal(b.overflow, 1);
	assert_int_equal(h->nlmsg_len, 32);

	/* A cap that is not a multiple of 4 is never exceeded. */
	h = start(27);
	nlb_put_u32(&b, 1, 1);
	nlb_put_u8(&b, 1, 1);
	assert_int_equal(b.overflow, 1);
	assert_int_equal(h->nlmsg_len, 24);
	for (int i = 24; i < 32; i++)
		assert_int_equal((unsigned char)buf[i], DIRT);
}

/* An attribute whose length does not fit nla_len overflows even in a big buffer. */
static void test_overflow_u16(void **state)
{
	static char huge[70000], data[65536];

	(void)state;
	nlb_init(&b, huge, sizeof(huge), 1, 0);
	nlb_put(&b, 1, data, 65531);               /* nla_len 65535: the largest there is */
	assert_int_equal(b.overflow, 0);
	assert_int_equal(((struct nlattr *)(huge + 16))->nla_len, 65535);
	nlb_init(&b, huge, sizeof(huge), 1, 0);
	nlb_put(&b, 1, data, 65532);
	assert_int_equal(b.overflow, 1);
	assert_int_equal(nlb_hdr(&b)->nlmsg_len, 16);
}

/* A nest whose content passes 65535 bytes cannot be encoded: its nla_len would wrap. That must
 * raise the overflow flag (so nl_talk refuses it), not send a silently corrupt nest. */
static void test_nest_too_long(void **state)
{
	static char huge[140000], data[40000];
	struct nlattr *n;

	(void)state;
	nlb_init(&b, huge, sizeof(huge), 1, 0);
	n = nlb_nest_start(&b, 1);
	nlb_put(&b, 2, data, sizeof(data));
	nlb_put(&b, 3, data, sizeof(data));
	assert_int_equal(b.overflow, 0);           /* each put fits */
	nlb_nest_end(&b, n);
	if (!b.overflow)
		assert_int_equal(n->nla_len, 4 + 2 * (4 + sizeof(data)));   /* shows the wrapped value */
	assert_int_equal(b.overflow, 1);
}

static void test_overflow_not_sent(void **state)
{
	static struct nlsock sk;
	int peer = nl_pair(&sk, 42);
	char small[24];

	(void)state;
	nlb_init(&b, small, sizeof(small), RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
	nlb_put_u32(&b, 1, 1);
	nlb_put_u32(&b, 2, 2);
	assert_int_equal(b.overflow, 1);
	assert_int_equal(nl_talk(&sk, &b, NULL, NULL), -EMSGSIZE);
	assert_int_equal(pending(peer), 0);
	nl_close(&sk);
	close(peer);
}

/* nla_parse: one row per buffer. */
struct parse_row {
	const char *what;
	const char *hex;
	int ret;
	int present;          /* bitmask of types 0..7 expected in tb (when ret == 0) */
	int dup_type, dup_val; /* tb[dup_type] must hold this u32 (0: not checked) */
};
static const struct parse_row parse_tab[] = {
	{ "two attributes", "08000100 01000000 08000300 03000000", 0, 1 << 1 | 1 << 3, 0, 0 },
	{ "later duplicate wins", "08000200 01000000 08000200 02000000", 0, 1 << 2, 2, 2 },
	{ "type above max is ignored", "08000900 01000000 08000100 01000000", 0, 1 << 1, 0, 0 },
	{ "NLA_F_NESTED is masked off", "08000180 05000000", 0, 1 << 1, 1, 5 },
	{ "zero-length buffer", "", 0, 0, 0, 0 },
	{ "last attribute unpadded", "08000100 01000000 05000200 07", 0, 1 << 1 | 1 << 2, 0, 0 },
	{ "last attribute, partial padding", "05000200 070000", 0, 1 << 2, 0, 0 },
	{ "attribute runs past the end", "08000100 01000000 0c000200 02000000", -EINVAL, 0, 0, 0 },
	{ "nla_len far past the end", "ffff0100 01000000", -EINVAL, 0, 0, 0 },
	{ "trailing partial header", "08000100 01000000 0400", -EINVAL, 0, 0, 0 },
	{ "trailing single byte", "08000100 01000000 00", -EINVAL, 0, 0, 0 },
	{ "bytes after padding", "05000100 07000000 0102", -EINVAL, 0, 0, 0 },
	{ "nla_len 0", "00000100 00000000", -EINVAL, 0, 0, 0 },
	{ "nla_len 3 (< header)", "03000100 00000000", -EINVAL, 0, 0, 0 },
	{ "nla_len < header after a good one", "08000100 01000000 02000200", -EINVAL, 0, 0, 0 },
};

static void test_nla_parse(void **state)
{
	ROW(struct parse_row);
	unsigned char raw[64];
	struct nlattr *tb[8];
	size_t n = unhex(row->hex, raw, sizeof(raw));
	void *data = dup_exact(raw, n);
	int ret;

	memset(tb, 0x5a, sizeof(tb));
	ret = nla_parse(tb, 7, data, n);
	assert_int_equal(ret, row->ret);
	for (int t = 0; ret == 0 && t < 8; t++) {
		if (row->present & 1 << t)
			assert_non_null(tb[t]);
		else
			assert_null(tb[t]);
	}
	if (row->dup_type) {
		uint32_t v;
		assert_int_equal(nla_get_u32(tb[row->dup_type], &v), 0);
		assert_int_equal(v, row->dup_val);
	}
	free(data);
}

static void test_nla_parse_null(void **state)
{
	struct nlattr *tb[3];

	(void)state;
	memset(tb, 0x5a, sizeof(tb));
	assert_int_equal(nla_parse(tb, 2, NULL, 0), 0);
	assert_null(tb[0]);
	assert_null(tb[1]);
	assert_null(tb[2]);
}

static void test_nla_parse_nested(void **state)
{
	unsigned char raw[64];
	size_t n = unhex("14001280 08000100 76657468 08000200 01000000", raw, sizeof(raw));
	struct nlattr *nest = dup_exact(raw, n), *tb[3];
	uint32_t v;

	(void)state;
	assert_int_equal(nla_parse_nested(tb, 2, nest), 0);
	assert_int_equal(nla_len(tb[1]), 4);
	assert_memory_equal(nla_data(tb[1]), "veth", 4);
	assert_int_equal(nla_get_u32(tb[2], &v), 0);
	assert_int_equal(v, 1);
	free(nest);
	/* The nest's own length bounds the walk. */
	n = unhex("0c001200 08000100 01000000", raw, sizeof(raw));
	raw[0] = 0x0a;                        /* inner attribute now overruns the nest */
	nest = dup_exact(raw, n);
	assert_int_equal(nla_parse_nested(tb, 2, nest), -EINVAL);
	free(nest);
}

/* Typed getters on exact-size attributes. */
static void test_nla_get(void **state)
{
	static const struct {
		const char *hex;
		int u8, u32;          /* expected return of nla_get_u8 / nla_get_u32 / nla_get_s32 */
		uint32_t v32;
	} tab[] = {
		{ "04000100", -EINVAL, -EINVAL, 0 },
		{ "05000100 7f", 0, -EINVAL, 0 },
		{ "07000100 010203", 0, -EINVAL, 0 },
		{ "08000100 ffffffff", 0, 0, 0xffffffff },
		{ "0c000100 05000000 06000000", 0, 0, 5 },
	};
	uint8_t v8;
	uint32_t v32;
	int32_t s32;

	(void)state;
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		unsigned char raw[16];
		size_t n = unhex(tab[i].hex, raw, sizeof(raw));
		struct nlattr *a = dup_exact(raw, n);

		assert_int_equal(nla_get_u8(a, &v8), tab[i].u8);
		assert_int_equal(nla_get_u32(a, &v32), tab[i].u32);
		assert_int_equal(nla_get_s32(a, &s32), tab[i].u32);
		if (tab[i].u32 == 0) {
			assert_int_equal(v32, tab[i].v32);
			assert_int_equal(s32, (int32_t)tab[i].v32);
		}
		free(a);
	}
	assert_int_equal(nla_get_u8(NULL, &v8), -EINVAL);
	assert_int_equal(nla_get_u32(NULL, &v32), -EINVAL);
	assert_int_equal(nla_get_s32(NULL, &s32), -EINVAL);
}

static void test_nla_get_str(void **state)
{
	static const struct {
		const char *hex;
		const char *want;     /* NULL: rejected */
	} tab[] = {
		{ "07000100 627230", NULL },          /* "br0" without its NUL */
		{ "08000100 62723000", "br0" },
		{ "0a000100 62720030 3100", "br" },  /* stops at the first NUL */
		{ "04000100", NULL },                 /* empty payload */
		{ "05000100 00", "" },
		{ "08000100 61626364", NULL },        /* 4 chars, no NUL, no padding to lean on */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		unsigned char raw[16];
		size_t n = unhex(tab[i].hex, raw, sizeof(raw));
		struct nlattr *a = dup_exact(raw, n);
		const char *s = nla_get_str(a);

		if (tab[i].want)
			assert_string_equal(s, tab[i].want);
		else
			assert_null(s);
		free(a);
	}
	assert_null(nla_get_str(NULL));
}

static void test_nla_for_each(void **state)
{
	unsigned char raw[64];
	size_t n = unhex("08000100 01000000 05000200 07000000 04000300 06000400 ff", raw, sizeof(raw)), rem;
	struct nlattr *a;
	int types[8], k = 0;

	(void)state;
	nla_for_each(a, raw, n, rem)
		types[k++] = nla_type(a);
	assert_int_equal(k, 3);           /* the 6-byte attribute overruns: the walk stops */
	assert_int_equal(types[0], 1);
	assert_int_equal(types[1], 2);
	assert_int_equal(types[2], 3);
	assert_int_equal(rem, 5);
}

struct ok_row {
	const char *what;
	uint32_t nlmsg_len;
	size_t len;
	int ok;
};
static const struct ok_row ok_tab[] = {
	{ "exact", 16, 16, 1 },
	{ "shorter than the buffer", 20, 64, 1 },
	{ "buffer shorter than a header", 16, 15, 0 },
	{ "empty buffer", 16, 0, 0 },
	{ "nlmsg_len shorter than a header", 15, 64, 0 },
	{ "nlmsg_len 0", 0, 64, 0 },
	{ "nlmsg_len past the buffer", 65, 64, 0 },
	{ "nlmsg_len huge", 0xffffffff, 64, 0 },
};

static void test_nlmsg_ok(void **state)
{
	ROW(struct ok_row);
	struct nlmsghdr h = { .nlmsg_len = row->nlmsg_len };

	assert_int_equal(nlmsg_ok(&h, row->len), row->ok);
}

static void test_nlmsg_walk(void **state)
{
	unsigned char raw[64];
	/* 20-byte message, then a 17-byte one (unaligned, last), then nothing. */
	size_t len = unhex("14000000 0100 0000 00000000 00000000 aaaaaaaa "
			   "11000000 0200 0000 00000000 00000000 bb", raw, sizeof(raw));
	struct nlmsghdr *h = (struct nlmsghdr *)raw;
	int types[4], k = 0;

	(void)state;
	for (; nlmsg_ok(h, len); h = nlmsg_next(h, &len))
		types[k++] = h->nlmsg_type;
	assert_int_equal(k, 2);
	assert_int_equal(types[0], 1);
	assert_int_equal(types[1], 2);
	assert_int_equal(len, 0);
	h = (struct nlmsghdr *)raw;
	assert_int_equal(nlmsg_payload(h), 4);
	assert_ptr_equal(nlmsg_data(h), raw + 16);
}

int main(void)
{
	static struct suite s;

	ADD(&s, test_init);
	ADD_ROWS(&s, test_put, puts_tab);
	ADD(&s, test_put_extra);
	ADD(&s, test_nest);
	ADD(&s, test_overflow_sticky);
	ADD(&s, test_overflow_u16);
	ADD(&s, test_nest_too_long);
	ADD(&s, test_overflow_not_sent);
	ADD_ROWS(&s, test_nla_parse, parse_tab);
	ADD(&s, test_nla_parse_null);
	ADD(&s, test_nla_parse_nested);
	ADD(&s, test_nla_get);
	ADD(&s, test_nla_get_str);
	ADD(&s, test_nla_for_each);
	ADD_ROWS(&s, test_nlmsg_ok, ok_tab);
	ADD(&s, test_nlmsg_walk);
	alarm(60);
	return suite_run(&s, "nlmsg");
}
