/* genl.c: CTRL_CMD_GETFAMILY (captured with strace from iproute2 6.1's ip in a network namespace;
 * nlmsg_seq not compared), and the FOU and MACsec requests, byte for byte as iproute2 6.1's
 * ipfou.c, ipmacsec.c and ipila.c build them (written from their code: a kernel without the families
 * never lets ip send them; the QEMU guest's fou_macsec.test checks the kernel takes them), each
 * parsed back (ILA's in the guest's ila.test); the family resolution through the fake kernel; malformed replies;
 * MPTCP's endpoint and limits requests (strace captures) and its event group's resolution. */
#include <arpa/inet.h>
#include "genl.h"
#include "unit.h"

#define PORT 0x2a2a
#define FOU 0x1c
#define MACSEC 0x1d

static char buf[GENL_BUF];
static size_t cap = sizeof(buf);
static struct nlb b;

/* ---- CTRL_CMD_GETFAMILY ---- */

struct fam_row {
	const char *name;
	const char *hex;
};
static const struct fam_row fam_tab[] = {
	{ "fou", "1c000000 1000 0100 00000000 00000000 03000000 08000200 666f7500" },
	{ "macsec", "20000000 1000 0100 00000000 00000000 03000000 0b000200 6d616373 65630000" },
};

static void test_fam_req(void **state)
{
	ROW(struct fam_row);
	struct nlattr *tb[CTRL_ATTR_MAX + 1];
	const struct genlmsghdr *g;

	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	genl_getfamily_build(&b, buf, cap, row->name);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	assert_non_null(g = genl_parse(nlb_hdr(&b), tb, CTRL_ATTR_MAX));
	assert_int_equal(g->cmd, CTRL_CMD_GETFAMILY);
	assert_string_equal(nla_get_str(tb[CTRL_ATTR_FAMILY_NAME]), row->name);
}

static void test_fam_req_overflow(void **state)
{
	ROW(struct fam_row);
	unsigned char w[64];
	size_t need = unhex(row->hex, w, sizeof(w));

	for (cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		genl_getfamily_build(&b, buf, cap, row->name);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = sizeof(buf);
}

/* The kernel's answer for "fou" (6.1, abridged: name, id, version, hdrsize, maxattr). */
#define NEWFAMILY "38000000 1000 0000 S P 01020000 08000200 666f7500 06000100 1c000000" \
		  "08000300 01000000 08000400 00000000 08000500 0b000000"

static void test_fam_resolve(void **state)
{
	static const char *const ok[] = { NEWFAMILY, NULL };
	static const char *const enoent[] = {
		"24000000 0200 0001 S P feffffff 1c000000 1000 0100 S P", NULL
	};
	struct nlsock *sk;
	struct fk k;

	(void)state;
	fk_start(&k, sk = fresh_sock(), PORT, ok);
	assert_int_equal(genl_resolve(sk, "fou"), FOU);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, (size_t)k.req_len, fam_tab[0].hex, 1);
	fk_start(&k, sk = fresh_sock(), PORT, enoent);
	assert_int_equal(genl_resolve(sk, "fou"), -ENOENT);
	assert_int_equal(fk_end(&k, sk), 0);
}

/* Not a NEWFAMILY of the controller, short, without an id (or a zero one): -EPROTO. */
static void test_fam_malformed(void **state)
{
	static const struct { const char *hex; int id; } t[] = {
		{ "20000000 1000 0000 00000000 00000000 01020000 06000100 1c000000", FOU },
		{ "20000000 1100 0000 00000000 00000000 01020000 06000100 1c000000", -EPROTO },
		{ "20000000 1000 0000 00000000 00000000 03020000 06000100 1c000000", -EPROTO },
		{ "13000000 1000 0000 00000000 00000000 010200", -EPROTO },
		{ "1c000000 1000 0000 00000000 00000000 01020000 08000200", -EPROTO },
		{ "20000000 1000 0000 00000000 00000000 01020000 05000100 1c000000", -EPROTO },
		{ "20000000 1000 0000 00000000 00000000 01020000 06000100 00000000", -EPROTO },
		/* An attribute past the end after the id: the id is taken, as iproute2 takes it. */
		{ "24000000 1000 0000 00000000 00000000 01020000 06000100 1c000000 0c000200", FOU },
	};
	unsigned char raw[64];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t n = unhex(t[i].hex, raw, sizeof(raw));
		struct nlmsghdr *h = dup_exact(raw, n);

		assert_int_equal(genl_family_parse(h), t[i].id);
		free(h);
	}
}

/* ---- FOU ---- */

struct fou_row {
	const char *what;
	uint8_t cmd;
	struct fou_req r;
	const char *hex;
};
static const struct fou_row fou_tab[] = {
	{ "ip fou add port 7777 ipproto 47", FOU_CMD_ADD,
	  { .port = 0x611e, .type = FOU_ENCAP_DIRECT, .family = AF_INET, .ipproto = 47, .local_len = -1, .peer_len = -1 },
	  "34000000 1c00 0500 00000000 00000000 01010000 06000100 1e610000 05000400 01000000"
	  "05000200 02000000 05000300 2f000000" },
	{ "ip fou del port 9999", FOU_CMD_DEL,
	  { .port = 0x0f27, .type = FOU_ENCAP_DIRECT, .family = AF_INET, .local_len = -1, .peer_len = -1 },
	  "2c000000 1c00 0500 00000000 00000000 02010000 06000100 270f0000 05000400 01000000"
	  "05000200 02000000" },
	{ "ip fou add port 7004 ipproto 4 local 127.0.0.1 peer 127.0.0.2 peer_port 5000 dev lo", FOU_CMD_ADD,
	  { .port = 0x5c1b, .type = FOU_ENCAP_DIRECT, .family = AF_INET, .ipproto = 4,
	    .local_len = 4, .local = { 127, 0, 0, 1 }, .peer_len = 4, .peer = { 127, 0, 0, 2 },
	    .peer_port = 0x8813, .ifindex = 1 },
	  "54000000 1c00 0500 00000000 00000000 01010000 06000100 1b5c0000 05000400 01000000"
	  "05000200 02000000 05000300 04000000 08000600 7f000001 08000800 7f000002 06000a00 13880000"
	  "08000b00 01000000" },
	{ "ip fou add port 7005 gue local ::1 peer ::2 peer_port 5001 -6", FOU_CMD_ADD,
	  { .port = 0x5d1b, .type = FOU_ENCAP_GUE, .family = AF_INET6,
	    .local_len = 16, .local = { [15] = 1 }, .peer_len = 16, .peer = { [15] = 2 }, .peer_port = 0x8913 },
	  "5c000000 1c00 0500 00000000 00000000 01010000 06000100 1b5d0000 05000400 02000000"
	  "05000200 0a000000 14000700 00000000 00000000 00000000 00000001 14000900 00000000 00000000"
	  "00000000 00000002 06000a00 13890000" },
	{ "ip fou add port 7006 ipproto 4 local any", FOU_CMD_ADD,
	  { .port = 0x5e1b, .type = FOU_ENCAP_DIRECT, .family = AF_INET, .ipproto = 4, .local_len = 0, .peer_len = -1 },
	  "38000000 1c00 0500 00000000 00000000 01010000 06000100 1b5e0000 05000400 01000000"
	  "05000200 02000000 05000300 04000000 04000600" },
	{ "ip fou add ipproto 4 (fou: missing port: sent bare)", FOU_CMD_ADD, { .bare = 1 },
	  "14000000 1c00 0500 00000000 00000000 01010000" },
};

static void build_fou(const struct fou_row *row)
{
	genl_fou_build(&b, buf, cap, FOU, row->cmd, &row->r);
}

static void test_fou_req(void **state)
{
	ROW(struct fou_row);
	struct nlattr *tb[FOU_ATTR_MAX + 1];
	const struct genlmsghdr *g;
	uint8_t u8;

	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	build_fou(row);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	assert_non_null(g = genl_parse(nlb_hdr(&b), tb, FOU_ATTR_MAX));
	assert_int_equal(g->cmd, row->cmd);
	assert_int_equal(g->version, FOU_GENL_VERSION);
	if (row->r.bare) {
		assert_null(tb[FOU_ATTR_PORT]);
		return;
	}
	assert_int_equal(nla_get_u8(tb[FOU_ATTR_AF], &u8), 0);
	assert_int_equal(u8, row->r.family);
	assert_int_equal(tb[FOU_ATTR_IPPROTO] != NULL, row->r.ipproto != 0);
	assert_int_equal(tb[FOU_ATTR_IFINDEX] != NULL, row->r.ifindex != 0);
}

static void test_fou_req_overflow(void **state)
{
	ROW(struct fou_row);
	unsigned char w[128];
	size_t need = unhex(row->hex, w, sizeof(w));

	for (cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		build_fou(row);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = sizeof(buf);
}

/* ---- MACsec ---- */

struct ms_row {
	const char *what;
	uint8_t cmd;
	struct macsec_req r;
	const char *hex;
};
#define K1 { 0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x34, 0x56, 0x78, 0x90, 0x12 }
#define K2 { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef }
#define SCI_A { 0x1c, 0xed, 0xde, 0xad, 0xbe, 0xef, 0x04, 0xd2 }
static const struct ms_row ms_tab[] = {
	{ "ip macsec add ms0 tx sa 0 pn 1024 on key 01 1234...9012 (ifindex 5)", MACSEC_CMD_ADD_TXSA,
	  { .ifindex = 5, .sc_active = -1, .an = 0, .pn = 1024, .keyid = { 1 }, .key_len = 16, .key = K1,
	    .sa_active = 1 },
	  "60000000 1d00 0500 00000000 00000000 04010000 08000100 05000000 44000300 05000100 00000000"
	  "08000300 00040000 14000500 01000000 00000000 00000000 00000000 14000400 12345678 90123456"
	  "78901234 56789012 05000200 01000000" },
	{ "ip macsec add ms0 rx port 1234 address 1c:ed:de:ad:be:ef", MACSEC_CMD_ADD_RXSC,
	  { .ifindex = 5, .rx = 1, .sci = SCI_A, .sc_active = -1, .an = -1, .sa_active = -1 },
	  "2c000000 1d00 0500 00000000 00000000 01010000 08000100 05000000 10000200 0c000100 1ceddead"
	  "beef04d2" },
	{ "ip macsec add ms0 rx port 1234 address 1c:ed:de:ad:be:ef sa 0 pn 1 on key 00 0123...cdef",
	  MACSEC_CMD_ADD_RXSA,
	  { .ifindex = 5, .rx = 1, .sci = SCI_A, .sc_active = -1, .an = 0, .pn = 1, .key_len = 16, .key = K2,
	    .sa_active = 1 },
	  "70000000 1d00 0500 00000000 00000000 07010000 08000100 05000000 10000200 0c000100 1ceddead"
	  "beef04d2 44000300 05000100 00000000 08000300 01000000 14000500 00000000 00000000 00000000"
	  "00000000 14000400 01234567 89abcdef 01234567 89abcdef 05000200 01000000" },
	{ "ip macsec del ms0 tx sa 2", MACSEC_CMD_DEL_TXSA,
	  { .del = 1, .ifindex = 5, .sc_active = -1, .an = 2, .sa_active = -1 },
	  "28000000 1d00 0500 00000000 00000000 05010000 08000100 05000000 0c000300 05000100 02000000" },
	{ "ip macsec set ms0 rx sci 0102030405060708 off", MACSEC_CMD_UPD_RXSC,
	  { .ifindex = 5, .rx = 1, .sci = { 1, 2, 3, 4, 5, 6, 7, 8 }, .sc_active = 0, .an = -1, .sa_active = -1 },
	  "34000000 1d00 0500 00000000 00000000 03010000 08000100 05000000 18000200 0c000100 01020304"
	  "05060708 05000200 00000000" },
	{ "ip macsec set ms0 tx sa 1 xpn 5 salt 00112233445566778899aabb ssci 1 off", MACSEC_CMD_UPD_TXSA,
	  { .ifindex = 5, .sc_active = -1, .an = 1, .xpn = 1, .pn = 5, .salt_set = 1,
	    .salt = { 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb }, .ssci_set = 1,
	    .ssci = 0x01000000, .sa_active = 0 },
	  "54000000 1d00 0500 00000000 00000000 06010000 08000100 05000000 38000300 05000100 01000000"
	  "0c000300 05000000 00000000 10000900 00112233 44556677 8899aabb 08000800 00000001 05000200"
	  "00000000" },
};

static void build_ms(const struct ms_row *row)
{
	genl_macsec_build(&b, buf, cap, MACSEC, row->cmd, &row->r);
}

static void test_ms_req(void **state)
{
	ROW(struct ms_row);
	struct nlattr *tb[MACSEC_ATTR_MAX + 1], *sa[MACSEC_SA_ATTR_MAX + 1];
	const struct genlmsghdr *g;
	uint32_t v;

	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	build_ms(row);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	assert_non_null(g = genl_parse(nlb_hdr(&b), tb, MACSEC_ATTR_MAX));
	assert_int_equal(g->cmd, row->cmd);
	assert_int_equal(g->version, MACSEC_GENL_VERSION);
	assert_int_equal(nla_get_u32(tb[MACSEC_ATTR_IFINDEX], &v), 0);
	assert_int_equal((int)v, row->r.ifindex);
	assert_int_equal(tb[MACSEC_ATTR_RXSC_CONFIG] != NULL, row->r.rx);
	assert_int_equal(tb[MACSEC_ATTR_SA_CONFIG] != NULL, row->r.an >= 0);
	if (row->r.an >= 0) {
		assert_int_equal(nla_parse_nested(sa, MACSEC_SA_ATTR_MAX, tb[MACSEC_ATTR_SA_CONFIG]), 0);
		assert_int_equal(*(uint8_t *)nla_data(sa[MACSEC_SA_ATTR_AN]), row->r.an);
	}
}

static void test_ms_req_overflow(void **state)
{
	ROW(struct ms_row);
	unsigned char w[256];
	size_t need = unhex(row->hex, w, sizeof(w));

	for (cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		build_ms(row);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = sizeof(buf);
}

static void test_ms_offload(void **state)
{
	(void)state;
	memset(buf, 0xa5, sizeof(buf));
	genl_macsec_offload_build(&b, buf, sizeof(buf), MACSEC, 5, MACSEC_OFFLOAD_MAC);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "28000000 1d00 0500 00000000 00000000 0a010000 08000100"
		     "05000000 0c000900 05000100 02000000", 1);
}

static void test_dump_req(void **state)
{
	(void)state;
	genl_start(&b, buf, sizeof(buf), FOU, FOU_CMD_GET, FOU_GENL_VERSION, NLM_F_DUMP);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "14000000 1c00 0103 00000000 00000000 03010000", 1);
	genl_start(&b, buf, sizeof(buf), MACSEC, MACSEC_CMD_GET_TXSC, MACSEC_GENL_VERSION, NLM_F_DUMP);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "14000000 1d00 0103 00000000 00000000 00010000", 1);
}

/* ---- ILA (ipila.c's order: LOCATOR_MATCH, LOCATOR, IFINDEX, CSUM_MODE, IDENT_TYPE) ---- */

static void test_ila_req(void **state)
{
	struct ila_req r = { .loc_match_set = 1, .loc_set = 1, .ifindex_set = 1, .csum_set = 1, .ident_set = 1,
			     .loc_match = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 2 },
			     .loc = { 0x20, 0x01, 0x0d, 0xb8, 0, 3, 0, 4 },
			     .ifindex = 1, .csum_mode = ILA_CSUM_NO_ACTION, .ident_type = ILA_ATYPE_LUID };
	struct nlattr *tb[ILA_ATTR_MAX + 1];

	(void)state;
	/* ip ila add loc_match 2001:db8:1:2 loc 2001:db8:3:4 csum-mode no-action ident-type luid dev lo */
	genl_ila_build(&b, buf, sizeof(buf), FOU, ILA_CMD_ADD, &r);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "44000000 1c00 0500 00000000 00000000 01010000"
		     "0c000300 20010db8 00010002 0c000100 20010db8 00030004 08000400 01000000"
		     "05000700 02000000 05000800 01000000", 1);
	assert_non_null(genl_parse(nlb_hdr(&b), tb, ILA_ATTR_MAX));
	assert_int_equal(nla_len(tb[ILA_ATTR_LOCATOR]), 8);
	/* ip ila del loc_match 2001:db8:1:2 */
	memset(&r, 0, sizeof(r));
	r.loc_match_set = 1;
	memcpy(r.loc_match, "\x20\x01\x0d\xb8\x00\x01\x00\x02", 8);
	genl_ila_build(&b, buf, sizeof(buf), FOU, ILA_CMD_DEL, &r);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "20000000 1c00 0500 00000000 00000000 02010000"
		     "0c000300 20010db8 00010002", 1);
	/* ip ila add loc x: "Bad locator", sent without attributes */
	memset(&r, 0, sizeof(r));
	genl_ila_build(&b, buf, sizeof(buf), FOU, ILA_CMD_ADD, &r);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "14000000 1c00 0500 00000000 00000000 01010000", 1);
	/* too small a buffer: overflow, no write past it */
	memset(&r, 0xff, sizeof(r));
	genl_ila_build(&b, buf, 40, FOU, ILA_CMD_ADD, &r);
	assert_int_not_equal(b.overflow, 0);
}

/* ---- MPTCP (ipmptcp.c: the ADDR nest with ID, FLAGS, IF_IDX, PORT, FAMILY in 16 bits, ADDR4|6;
 * the limits RCV_ADD_ADDRS then SUBFLOWS), captured with strace from iproute2 6.1's ip ---- */

#define MPTCP 0x1e

static void test_mptcp_req(void **state)
{
	struct mptcp_req r = { .id = 3, .flags = MPTCP_PM_ADDR_FLAG_SIGNAL | MPTCP_PM_ADDR_FLAG_BACKUP,
			       .ifindex = 1, .port = 1234, .family = AF_INET, .alen = 4, .addr = { 10, 0, 0, 1 } };
	struct nlattr *tb[MPTCP_PM_ATTR_MAX + 1], *t[MPTCP_PM_ADDR_ATTR_MAX + 1];
	uint32_t v[2] = { 2, 3 };

	(void)state;
	/* ip mptcp endpoint add 10.0.0.1 dev lo id 3 port 1234 signal backup */
	genl_mptcp_addr_build(&b, buf, sizeof(buf), MPTCP, MPTCP_PM_CMD_ADD_ADDR, 1, &r);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "48000000 1e00 0500 00000000 00000000 01010000"
		     "34000180 05000200 03000000 08000600 05000000 08000700 01000000 06000500 d2040000"
		     "06000100 02000000 08000300 0a000001", 1);
	assert_non_null(genl_parse(nlb_hdr(&b), tb, MPTCP_PM_ATTR_MAX));
	assert_int_equal(nla_parse_nested(t, MPTCP_PM_ADDR_ATTR_MAX, tb[MPTCP_PM_ATTR_ADDR]), 0);
	assert_int_equal(nla_len(t[MPTCP_PM_ADDR_ATTR_ADDR4]), 4);
	/* ip mptcp endpoint add 2001:db8::1 id 5 subflow fullmesh */
	memset(&r, 0, sizeof(r));
	r.id = 5;
	r.flags = MPTCP_PM_ADDR_FLAG_SUBFLOW | MPTCP_PM_ADDR_FLAG_FULLMESH;
	r.family = AF_INET6;
	r.alen = 16;
	memcpy(r.addr, "\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16);
	genl_mptcp_addr_build(&b, buf, sizeof(buf), MPTCP, MPTCP_PM_CMD_ADD_ADDR, 1, &r);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "44000000 1e00 0500 00000000 00000000 01010000"
		     "30000180 05000200 05000000 08000600 0a000000 06000100 0a000000"
		     "14000400 20010db8 00000000 00000000 00000001", 1);
	/* ip mptcp endpoint show id 0 (no ack, an empty nest but the id); flush has no nest */
	memset(&r, 0, sizeof(r));
	r.family = -1;
	genl_mptcp_addr_build(&b, buf, sizeof(buf), MPTCP, MPTCP_PM_CMD_GET_ADDR, 0, &r);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "20000000 1e00 0100 00000000 00000000 03010000"
		     "0c000180 05000200 00000000", 1);
	/* ip mptcp limits set subflows 3 add_addr_accepted 2; ip mptcp limits show */
	genl_mptcp_limits_build(&b, buf, sizeof(buf), MPTCP, MPTCP_PM_CMD_SET_LIMITS, 1, &v[0], &v[1]);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "24000000 1e00 0500 00000000 00000000 05010000"
		     "08000200 02000000 08000300 03000000", 1);
	genl_mptcp_limits_build(&b, buf, sizeof(buf), MPTCP, MPTCP_PM_CMD_GET_LIMITS, 0, NULL, NULL);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, "14000000 1e00 0100 00000000 00000000 06010000", 1);
	/* too small a buffer: overflow */
	memset(&r, 0, sizeof(r));
	r.family = AF_INET6;
	r.alen = 16;
	genl_mptcp_addr_build(&b, buf, 40, MPTCP, MPTCP_PM_CMD_ADD_ADDR, 1, &r);
	assert_int_not_equal(b.overflow, 0);
}

/* genl_add_mcast_grp's question (CTRL_CMD_GETFAMILY by the family's id) and its answers: the
 * group's id, another group only (-ENOENT), no group list (-EPROTO). */
static void test_mcast_group(void **state)
{
	static const char *const ok[] = { "38000000 1000 0000 S P 01020000 24000700 20000100 14000100"
		" 6d707463 705f706d 5f657665 6e747300 08000200 0b000000", NULL };
	static const char *const other[] = { "38000000 1000 0000 S P 01020000 24000700 20000100 14000100"
		" 6d707463 705f706d 5f657665 6e747800 08000200 0b000000", NULL };
	static const char *const none[] = { "20000000 1000 0000 S P 01020000 06000100 1e000000", NULL };
	struct nlsock *sk;
	struct fk k;

	(void)state;
	fk_start(&k, sk = fresh_sock(), PORT, ok);
	assert_int_equal(genl_mcast_group(sk, MPTCP, MPTCP_PM_EV_GRP_NAME), 11);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, (size_t)k.req_len, "1c000000 1000 0100 00000000 00000000 03000000 06000100 1e000000", 1);
	fk_start(&k, sk = fresh_sock(), PORT, other);
	assert_int_equal(genl_mcast_group(sk, MPTCP, MPTCP_PM_EV_GRP_NAME), -ENOENT);
	assert_int_equal(fk_end(&k, sk), 0);
	fk_start(&k, sk = fresh_sock(), PORT, none);
	assert_int_equal(genl_mcast_group(sk, MPTCP, MPTCP_PM_EV_GRP_NAME), -EPROTO);
	assert_int_equal(fk_end(&k, sk), 0);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_fam_req, fam_tab);
	ADD_ROWS(&s, test_fam_req_overflow, fam_tab);
	ADD(&s, test_fam_resolve);
	ADD(&s, test_fam_malformed);
	ADD_ROWS(&s, test_fou_req, fou_tab);
	ADD_ROWS(&s, test_fou_req_overflow, fou_tab);
	ADD_ROWS(&s, test_ms_req, ms_tab);
	ADD_ROWS(&s, test_ms_req_overflow, ms_tab);
	ADD(&s, test_ms_offload);
	ADD(&s, test_dump_req);
	ADD(&s, test_ila_req);
	ADD(&s, test_mptcp_req);
	ADD(&s, test_mcast_group);
	alarm(120);
	return suite_run(&s, "genl");
}
