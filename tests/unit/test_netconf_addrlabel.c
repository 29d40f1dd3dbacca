/* rtnl_netconf, rtnl_addrlabel and the tun link dump: requests byte for byte against iproute2
 * 6.1 (captured with strace from /usr/sbin/ip in a network namespace, lo ifindex 1; nlmsg_seq
 * not compared), each parsed back; dumps and a get through the fake kernel; malformed replies. */
#include <arpa/inet.h>
#include "rtnl_netconf.h"
#include "rtnl_addrlabel.h"
#include "unit.h"

#define PORT 0x2a2a
#define DONE "14000000 0300 0200 S P 00000000"
#define ACK "24000000 0200 0001 S P 00000000 1c000000 5200 0500 S P"

static char buf[RTNL_BUF];
static size_t cap = sizeof(buf);
static struct nlb b;

/* ---- netconf ---- */

struct nc_row {
	const char *what;
	uint8_t family;
	int ifindex;      /* 0: the dump */
	const char *hex;
};
static const struct nc_row nc_tab[] = {
	{ "ip netconf show", AF_UNSPEC, 0, "14000000 52000103 bbb8146b 00000000 00000000" },
	{ "ip -4 netconf", AF_INET, 0, "14000000 52000103 bbb8146b 00000000 02000000" },
	{ "ip -6 netconf", AF_INET6, 0, "14000000 52000103 bbb8146b 00000000 0a000000" },
	{ "ip -4 netconf show dev lo", AF_INET, 1,
	  "1c000000 52000500 00000000 00000000 02000000 08000100 01000000" },
	{ "ip -6 netconf show dev lo", AF_INET6, 1,
	  "1c000000 52000500 00000000 00000000 0a000000 08000100 01000000" },
};

static void build_nc(const struct nc_row *row)
{
	if (row->ifindex)
		rtnl_netconf_get_build(&b, buf, cap, row->family, row->ifindex);
	else
		rtnl_netconf_dump_build(&b, buf, cap, row->family);
}

static void test_nc_req(void **state)
{
	ROW(struct nc_row);
	struct netconf_info ni;
	uint32_t v;

	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	build_nc(row);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	assert_int_equal(rtnl_netconf_parse(nlb_hdr(&b), &ni), 0);
	assert_int_equal(ni.ncm->ncm_family, row->family);
	if (row->ifindex) {
		assert_int_equal(nla_get_u32(ni.tb[NETCONFA_IFINDEX], &v), 0);
		assert_int_equal((int)v, row->ifindex);
	} else {
		assert_null(ni.tb[NETCONFA_IFINDEX]);
	}
}

/* Every smaller buffer: overflow flagged, nothing written past the cap. */
static void test_nc_req_overflow(void **state)
{
	ROW(struct nc_row);
	unsigned char w[64];
	size_t need = unhex(row->hex, w, sizeof(w));

	for (cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		build_nc(row);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = sizeof(buf);
}

static int ncb;
static int count(const struct nlmsghdr *h, void *arg)
{
	(void)h, (void)arg;
	ncb++;
	return 0;
}

/* inet lo forwarding 1 rp_filter 2, and the "all" entry. */
#define NC_LO "34000000 5000 0200 S P 02000000 08000100 01000000 08000200 01000000 08000300 02000000" \
	      "08000400 00000000"
#define NC_ALL "1c000000 5000 0200 S P 02000000 08000100 feffffff"

static void test_nc_dump(void **state)
{
	static const char *const replies[] = { NC_LO, NC_ALL, DONE, NULL };
	struct nlsock *sk;
	struct fk k;

	(void)state;
	ncb = 0;
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(rtnl_netconf_dump(sk, AF_INET, count, NULL), 0);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, (size_t)k.req_len, nc_tab[1].hex, 1);
	assert_int_equal(ncb, 2);
}

/* A get: its reply, then the ack that ends it; an error instead of the reply is -errno. */
static void test_nc_get(void **state)
{
	static const char *const ok[] = { NC_LO, ACK, NULL };
	static const char *const enodev[] = {
		"24000000 0200 0001 S P edffffff 1c000000 5200 0500 S P", NULL
	};
	struct nlsock *sk;
	struct fk k;

	(void)state;
	ncb = 0;
	fk_start(&k, sk = fresh_sock(), PORT, ok);
	assert_int_equal(rtnl_netconf_get(sk, AF_INET, 1, count, NULL), 0);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, (size_t)k.req_len, nc_tab[3].hex, 1);
	assert_int_equal(ncb, 1);
	ncb = 0;
	fk_start(&k, sk = fresh_sock(), PORT, enodev);
	assert_int_equal(rtnl_netconf_get(sk, AF_INET, 1, count, NULL), -ENODEV);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_int_equal(ncb, 0);
}

static void test_nc_parse(void **state)
{
	unsigned char raw[128];
	size_t n = unhex_tok(NC_LO, raw, sizeof(raw), 1, PORT);
	struct nlmsghdr *h = dup_exact(raw, n);
	struct netconf_info ni;
	uint32_t v;

	(void)state;
	assert_int_equal(rtnl_netconf_parse(h, &ni), 0);
	assert_int_equal(ni.ncm->ncm_family, AF_INET);
	assert_int_equal(nla_get_u32(ni.tb[NETCONFA_IFINDEX], &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(nla_get_u32(ni.tb[NETCONFA_RP_FILTER], &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(nla_get_u32(ni.tb[NETCONFA_MC_FORWARDING], &v), 0);
	assert_int_equal(v, 0);
	assert_null(ni.tb[NETCONFA_INPUT]);
	free(h);
}

/* Shorter than the header: -EPROTO, nothing parsed. An attribute past the end, or a bad
 * length: -EINVAL, with the attributes before it kept (iproute2 prints those). */
static void test_nc_malformed(void **state)
{
	static const struct { const char *hex; int err, has_index; } bad[] = {
		{ "10000000 5000 0000 00000000 00000000", -EPROTO, 0 },
		{ "13000000 5000 0000 00000000 00000000 020000", -EPROTO, 0 },
		{ "20000000 5000 0000 00000000 00000000 02000000 08000100 01000000 0c000200", -EINVAL, 1 },
		{ "20000000 5000 0000 00000000 00000000 02000000 08000100 01000000 02000200", -EINVAL, 1 },
		{ "1c000000 5000 0000 00000000 00000000 02000000 0c000100 01000000", -EINVAL, 0 },
		{ "16000000 5000 0000 00000000 00000000 02000000 0600", -EINVAL, 0 },
	};
	unsigned char raw[64];
	struct netconf_info ni;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t n = unhex(bad[i].hex, raw, sizeof(raw));
		struct nlmsghdr *h = dup_exact(raw, n);

		assert_int_equal(rtnl_netconf_parse(h, &ni), bad[i].err);
		assert_int_equal(ni.tb[NETCONFA_IFINDEX] != NULL, bad[i].has_index);
		if (bad[i].err == -EPROTO)
			assert_null(ni.ncm);
		free(h);
	}
}

/* ---- addrlabel ---- */

struct al_row {
	const char *what;
	uint16_t type, flags;
	struct addrlabel_req r;
	const char *hex;
};
#define AL_ADD (NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL)
#define DB8 { 0x20, 0x01, 0x0d, 0xb8 }
static const struct al_row al_tab[] = {
	{ "ip addrlabel add prefix 2001:db8::/32 label 100", RTM_NEWADDRLABEL, AL_ADD,
	  { .family = AF_INET6, .prefixlen = 32, .label = 100, .alen = 16, .addr = DB8 },
	  "38000000 48000506 bab8146b 00000000 0a002000 00000000 00000000 08000200 64000000 14000100"
	  "20010db8 00000000 00000000 00000000" },
	{ "ip addrlabel add prefix 2001:db8:1::/48 dev lo label 7", RTM_NEWADDRLABEL, AL_ADD,
	  { .family = AF_INET6, .prefixlen = 48, .index = 1, .label = 7, .alen = 16,
	    .addr = { 0x20, 0x01, 0x0d, 0xb8, 0, 1 } },
	  "38000000 48000506 bab8146b 00000000 0a003000 01000000 00000000 08000200 07000000 14000100"
	  "20010db8 00010000 00000000 00000000" },
	{ "ip addrlabel del prefix 2001:db8::/32 label 100", RTM_DELADDRLABEL, NLM_F_ACK,
	  { .family = AF_INET6, .prefixlen = 32, .label = 100, .alen = 16, .addr = DB8 },
	  "38000000 49000500 bab8146b 00000000 0a002000 00000000 00000000 08000200 64000000 14000100"
	  "20010db8 00000000 00000000 00000000" },
	{ "ip -4 addrlabel add prefix 10.0.0.0/8 label 4", RTM_NEWADDRLABEL, AL_ADD,
	  { .family = AF_INET, .prefixlen = 8, .label = 4, .alen = 4, .addr = { 10 } },
	  "2c000000 48000506 bab8146b 00000000 02000800 00000000 00000000 08000200 04000000 08000100"
	  "0a000000" },
	{ "ip addrlabel add prefix any label 1", RTM_NEWADDRLABEL, AL_ADD,
	  { .family = AF_INET6, .label = 1 },
	  "28000000 48000506 bab8146b 00000000 0a000000 00000000 00000000 08000200 01000000 04000100" },
	{ "ip addrlabel add prefix default label 0x10", RTM_NEWADDRLABEL, AL_ADD,
	  { .family = AF_INET6, .label = 16 },
	  "28000000 48000506 bab8146b 00000000 0a000000 00000000 00000000 08000200 10000000 04000100" },
};

static void build_al(const struct al_row *row)
{
	rtnl_addrlabel_build(&b, buf, cap, row->type, row->flags, &row->r);
}

static void test_al_req(void **state)
{
	ROW(struct al_row);
	struct addrlabel_info ai;
	uint32_t v;

	memset(buf, 0xa5, sizeof(buf));
	cap = sizeof(buf);
	build_al(row);
	assert_int_equal(b.overflow, 0);
	assert_bytes(buf, nlb_hdr(&b)->nlmsg_len, row->hex, 1);
	assert_int_equal(rtnl_addrlabel_parse(nlb_hdr(&b), &ai), 0);
	assert_int_equal(ai.ifal->ifal_family, row->r.family);
	assert_int_equal(ai.ifal->ifal_prefixlen, row->r.prefixlen);
	assert_int_equal(ai.ifal->ifal_index, row->r.index);
	assert_int_equal(nla_get_u32(ai.tb[IFAL_LABEL], &v), 0);
	assert_int_equal(v, row->r.label);
	assert_int_equal(nla_len(ai.tb[IFAL_ADDRESS]), row->r.alen);
	assert_memory_equal(nla_data(ai.tb[IFAL_ADDRESS]), row->r.addr, (size_t)row->r.alen);
}

static void test_al_req_overflow(void **state)
{
	ROW(struct al_row);
	unsigned char w[128];
	size_t need = unhex(row->hex, w, sizeof(w));

	for (cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		build_al(row);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
	cap = sizeof(buf);
}

#define AL_DB8 "38000000 4800 0200 S P 0a002000 00000000 0c000000 14000100 20010db8 00000000 00000000" \
	       "00000000 08000200 64000000"

static void test_al_dump(void **state)
{
	static const char *const replies[] = { AL_DB8, AL_DB8, DONE, NULL };
	struct nlsock *sk;
	struct fk k;

	(void)state;
	ncb = 0;
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(rtnl_addrlabel_dump(sk, AF_INET6, count, NULL), 0);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, (size_t)k.req_len, "1c000000 4a000103 bab8146b 00000000 0a000000 00000000 00000000", 1);
	assert_int_equal(ncb, 2);
}

static void test_al_malformed(void **state)
{
	static const struct { const char *hex; int err, has_addr; } bad[] = {
		{ "18000000 4800 0000 00000000 00000000 0a002000 00000000", -EPROTO, 0 },
		{ "24000000 4800 0000 00000000 00000000 0a002000 00000000 0c000000 18000100 20010db8", -EINVAL, 0 },
		{ "28000000 4800 0000 00000000 00000000 0a002000 00000000 0c000000 08000100 20010db8"
		  "08000200", -EINVAL, 1 },
		{ "24000000 4800 0000 00000000 00000000 0a002000 00000000 0c000000 03000100 20010db8", -EINVAL, 0 },
	};
	unsigned char raw[64];
	struct addrlabel_info ai;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t n = unhex(bad[i].hex, raw, sizeof(raw));
		struct nlmsghdr *h = dup_exact(raw, n);

		assert_int_equal(rtnl_addrlabel_parse(h, &ai), bad[i].err);
		assert_int_equal(ai.tb[IFAL_ADDRESS] != NULL, bad[i].has_addr);
		assert_null(ai.tb[IFAL_LABEL]);
		free(h);
	}
}

/* ---- ip tuntap show's dump ---- */

static void test_tun_dump(void **state)
{
	static const char *const replies[] = { DONE, NULL };
	struct rtnl_filter f = { .kind = "tun" };
	struct nlsock *sk;
	struct fk k;

	(void)state;
	ncb = 0;
	fk_start(&k, sk = fresh_sock(), PORT, replies);
	assert_int_equal(rtnl_link_dump(sk, &f, count, NULL), 0);
	assert_int_equal(fk_end(&k, sk), 0);
	assert_bytes(k.req, (size_t)k.req_len, "2c000000 12000103 bab8146b 00000000 00000000 00000000 00000000"
		     "00000000 0c001200 07000100 74756e00", 1);
	assert_int_equal(ncb, 0);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_nc_req, nc_tab);
	ADD_ROWS(&s, test_nc_req_overflow, nc_tab);
	ADD(&s, test_nc_dump);
	ADD(&s, test_nc_get);
	ADD(&s, test_nc_parse);
	ADD(&s, test_nc_malformed);
	ADD_ROWS(&s, test_al_req, al_tab);
	ADD_ROWS(&s, test_al_req_overflow, al_tab);
	ADD(&s, test_al_dump);
	ADD(&s, test_al_malformed);
	ADD(&s, test_tun_dump);
	alarm(120);
	return suite_run(&s, "netconf_addrlabel");
}
