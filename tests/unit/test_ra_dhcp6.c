/* cmds/proto/ra.c and dhcp6.c: router advertisements and DHCPv6 replies captured from dnsmasq
 * 2.90 (on c0 in tests/sandbox/netboot6.test's set-up: ra-stateless and a stateful range,
 * xid e07f60, client 02:00:00:00:00:16, IAID 2), requests byte for byte in RFC 8415's layout,
 * and malformed and truncated packets. */
#include <stdlib.h>
#include <arpa/inet.h>
#include "dhcp6.h"
#include "ra.h"
#define UNIT_WIRE_ORDER

#include "unit.h"

#define RA_STATELESS "86001951404007080000000000000000 030440c0ffffffffffffffff0000000020010db80006000000000000000000000501000000" \
	"0005dc 0101020000000001 1f030000ffffffff046c616236076578616d706c650000 0019030000ffffffff20010db8000600000000000000000053"
#define RA_STATEFUL "8600e0d040c0070800000000000000000304408000000e1000000e100000000020010db8000600000000000000000000050100000000" \
	"05dc 0101020000000001 1f03000000000e10046c616236076578616d706c650000 001903000000000e1020010db8000600000000000000000053"
#define CLIENTID "0001000a00030001020000000016"
#define SERVERID "0002000e0001000132a797a30200000000 01"
#define IA "0003002800000002 0000070800000c4e 0005001820010db800060000000000000000011a00000e1000000e10"
#define DNSOPTS "0018000e046c616236076578616d706c6500 0017001020010db8000600000000000000000053"
#define ADVERTISE "02e07f60" CLIENTID SERVERID IA "000d00090000737563636573730007000100" DNSOPTS
#define REPLY "07e07f60" CLIENTID SERVERID IA "000d0009000073756363657373" DNSOPTS
#define INFO_REPLY "073aaa60" CLIENTID SERVERID DNSOPTS "0020000400015180"

static uint8_t pkt[2048], out[D6_PKT_MAX];

static void addr6(const char *s, uint8_t a[16]) { assert_int_equal(inet_pton(AF_INET6, s, a), 1); }

static void test_ra_captured(void **state)
{
	struct ra_info ra;
	uint8_t a[16];
	size_t n = unhex(RA_STATELESS, pkt, sizeof(pkt));

	(void)state;
	assert_int_equal(ra_parse(pkt, n, &ra), 0);
	assert_int_equal(ra.flags, RA_OTHER);
	assert_int_equal(ra.lifetime, 1800);
	assert_int_equal(ra.mtu, 1500);
	assert_int_equal(ra.nprefix, 1);
	assert_int_equal(ra.prefix[0].plen, 64);
	assert_int_equal(ra.prefix[0].flags, 0xc0);
	assert_true(ra.prefix[0].valid == 0xffffffffu);
	addr6("2001:db8:6::", a);
	assert_memory_equal(ra.prefix[0].a, a, 16);
	assert_int_equal(ra.nns, 1);
	addr6("2001:db8:6::53", a);
	assert_memory_equal(ra.ns[0], a, 16);
	assert_string_equal(ra.search, "lab6.example");
	n = unhex(RA_STATEFUL, pkt, sizeof(pkt));
	assert_int_equal(ra_parse(pkt, n, &ra), 0);
	assert_int_equal(ra.flags, RA_MANAGED | RA_OTHER);
	assert_int_equal(ra.prefix[0].flags, 0x80);
	assert_int_equal(ra.prefix[0].valid, 3600);
}

struct ra_row {
	const char *what, *hex;
	int want;
};
#define H "86000000400007080000000000000000"
static const struct ra_row ra_tab[] = {
	{ "no options", H, 0 },
	{ "a solicitation", "85000000400007080000000000000000", RA_NOTRA },
	{ "code 1", "86010000400007080000000000000000", RA_NOTRA },
	{ "15 bytes", "860000004000070800000000000000", RA_NOTRA },
	{ "option of length 0", H "0100020000000001", RA_MALFORMED },
	{ "option past the end", H "0102020000000001", RA_MALFORMED },
	{ "one byte of an option", H "01", RA_MALFORMED },
	{ "unknown option skipped", H "fe01000000000000", 0 },
	{ "prefix of 3 units", H "0303400000000000000000000000000000000000000000", RA_MALFORMED },
	{ "MTU of 2 units", H "05020000000005dc0000000000000000", RA_MALFORMED },
	{ "RDNSS without an address", H "1901000000000e10", RA_MALFORMED },
	{ "RDNSS of 4 units", H "1904000000000e1020010db80006000000000000000000530000000000000000", RA_MALFORMED },
	{ "DNSSL of 1 unit", H "1f01000000000e10", RA_MALFORMED },
	{ "DNSSL label past the option", H "1f02000000000e1009616263646566676800", RA_MALFORMED },
	{ "DNSSL name without its root", H "1f02000000000e10036162630161626364", RA_MALFORMED },
	{ "DNSSL bytes after the padding", H "1f02000000000e10036162630000000100", RA_MALFORMED },
	{ "DNSSL label with a blank", H "1f02000000000e10036120630000000000", RA_MALFORMED },
	{ "DNSSL label with a dot", H "1f02000000000e100361 2e630000000000", RA_MALFORMED },
	{ "DNSSL label with a byte past 0x7f", H "1f02000000000e10036180630000000000", RA_MALFORMED },
	{ "DNSSL label of 64 bytes", H "1f0a000000000e1040" "6161616161616161616161616161616161616161616161616161616161616161"
	  "61616161616161616161616161616161616161616161616161616161616161610000000000000000", RA_MALFORMED },
};

static void test_ra_bad(void **state)
{
	ROW(struct ra_row);
	struct ra_info ra;
	size_t n = unhex(row->hex, pkt, sizeof(pkt));
	uint8_t *p = malloc(n);

	assert_non_null(p);
	memcpy(p, pkt, n);   /* exactly n bytes: a sanitizer build sees any read past them */
	assert_int_equal(ra_parse(p, n, &ra), row->want);
	free(p);
}

/* Withdrawn servers and domains (lifetime 0) are left out; past RA_NS_MAX servers, dropped. */
static void test_ra_lifetimes(void **state)
{
	struct ra_info ra;
	size_t n = unhex(H "1903000000000000 20010db8000600000000000000000053 1f02000000000000 0361626300000000"
			 "190b000000000001 000000000000000000000000000000a1 000000000000000000000000000000a2"
			 "000000000000000000000000000000a3 000000000000000000000000000000a4 000000000000000000000000000000a5",
			 pkt, sizeof(pkt));

	(void)state;
	assert_int_equal(ra_parse(pkt, n, &ra), 0);
	assert_int_equal(ra.nns, RA_NS_MAX);
	assert_int_equal(ra.ns[0][15], 0xa1);
	assert_int_equal(ra.ns[3][15], 0xa4);
	assert_string_equal(ra.search, "");
}

/* Every cut of a captured advertisement: at an option's end it parses, inside one it is
 * malformed, inside the header it is no advertisement. */
static void test_ra_truncated(void **state)
{
	struct ra_info ra;
	size_t full = unhex(RA_STATELESS, pkt, sizeof(pkt)), ends[] = { 16, 48, 56, 64, 88, 112 };

	(void)state;
	for (size_t n = 0; n <= full; n++) {
		uint8_t *p = malloc(n ? n : 1);
		int at_end = 0, r;

		assert_non_null(p);
		memcpy(p, pkt, n);
		for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
			at_end |= n == ends[i];
		r = ra_parse(p, n, &ra);
		assert_int_equal(r, n < 16 ? RA_NOTRA : at_end ? 0 : RA_MALFORMED);
		free(p);
	}
}

static void test_rs(void **state)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 0x16 };
	uint8_t want[32];
	size_t n;

	(void)state;
	n = ra_build_rs(out, sizeof(out), mac, 6);
	assert_int_equal(n, unhex("8500000000000000 0101020000000016", want, sizeof(want)));
	assert_memory_equal(out, want, n);
	n = ra_build_rs(out, sizeof(out), NULL, 0);
	assert_int_equal(n, 8);
	assert_memory_equal(out, want, 8);
	assert_int_equal(ra_build_rs(out, 15, mac, 6), 0);
}

static void test_dname_list(void **state)
{
	char o[16] = "";
	uint8_t p[64];
	size_t n = unhex("0161016200 0163016400 0161016200", p, sizeof(p));

	(void)state;
	assert_int_equal(dname_list(p, n, 0, o, sizeof(o)), 0);
	assert_string_equal(o, "a.b c.d");   /* each name once */
	n = unhex("0a616263646566676869 6a00", p, sizeof(p));
	assert_int_equal(dname_list(p, n, 0, o, sizeof(o)), -1);    /* does not fit */
	assert_string_equal(o, "a.b c.d");
	n = unhex("016100 0000", p, sizeof(p));
	assert_int_equal(dname_list(p, n, 0, o, sizeof(o)), -1);    /* padding only where allowed */
	o[0] = 0;
	assert_int_equal(dname_list(p, n, 1, o, sizeof(o)), 0);
	assert_string_equal(o, "a");
}

/* ---- DHCPv6 ---- */

static void base(struct d6_out *m, int type)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
	memcpy(m->xid, "\xe0\x7f\x60", 3);
	m->hwtype = 1;
	memcpy(m->hw, "\x02\x00\x00\x00\x00\x16", 6);
	m->hwlen = 6;
	m->iaid = 2;
}

static void built(const struct d6_out *m, const char *hex)
{
	static uint8_t want[D6_PKT_MAX];
	size_t n = d6_build(out, sizeof(out), m), w = unhex(hex, want, sizeof(want));

	assert_int_equal(n, w);
	assert_memory_equal(out, want, n);
}

static void test_d6_build(void **state)
{
	struct d6_out m;

	(void)state;
	base(&m, D6_SOLICIT);
	built(&m, "01e07f60" CLIENTID "000800020000 000600040017 0018 0003000c00000002 0000000000000000");
	base(&m, D6_REQUEST);
	m.elapsed = 0x1234;
	m.server_len = unhex("0001000132a797a3020000000001", m.server, sizeof(m.server));
	addr6("2001:db8:6::11a", m.addr);
	built(&m, "03e07f60" CLIENTID SERVERID "000800021234 000600040017 0018 0003002800000002 0000000000000000"
	      "0005001820010db800060000000000000000011a 0000000000000000");
	base(&m, D6_INFOREQ);
	memcpy(m.xid, "\x3a\xaa\x60", 3);
	built(&m, "0b3aaa60" CLIENTID "000800020000 000600040017 0018");
	assert_int_equal(d6_build(out, D6_PKT_MAX - 1, &m), 0);
}

static void test_d6_captured(void **state)
{
	struct d6_out m;
	struct d6_reply r;
	uint8_t a[16];
	size_t n = unhex(ADVERTISE, pkt, sizeof(pkt));

	(void)state;
	base(&m, D6_SOLICIT);
	assert_int_equal(d6_parse(pkt, n, &m, &r), D6_ADVERTISE);
	assert_true(r.has_addr);
	addr6("2001:db8:6::11a", a);
	assert_memory_equal(r.addr, a, 16);
	assert_int_equal(r.t1, 1800);
	assert_int_equal(r.t2, 3150);
	assert_int_equal(r.valid, 3600);
	assert_int_equal(r.preferred, 3600);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.server_len, 14);
	assert_int_equal(r.nns, 1);
	addr6("2001:db8:6::53", a);
	assert_memory_equal(r.ns[0], a, 16);
	assert_string_equal(r.search, "lab6.example");
	/* an Advertise is no answer to a Request */
	base(&m, D6_REQUEST);
	assert_int_equal(d6_parse(pkt, n, &m, &r), D6_NOTOURS);
	n = unhex(REPLY, pkt, sizeof(pkt));
	assert_int_equal(d6_parse(pkt, n, &m, &r), D6_REPLY);
	assert_true(r.has_addr);
	base(&m, D6_INFOREQ);
	memcpy(m.xid, "\x3a\xaa\x60", 3);
	n = unhex(INFO_REPLY, pkt, sizeof(pkt));
	assert_int_equal(d6_parse(pkt, n, &m, &r), D6_REPLY);
	assert_false(r.has_addr);
	assert_int_equal(r.nns, 1);
	assert_string_equal(r.search, "lab6.example");
}

struct d6_row {
	const char *what, *hex;
	int want, has_addr, status;
};
#define D6H "07e07f60" CLIENTID SERVERID
static const struct d6_row d6_tab[] = {
	{ "another xid", "07e07f61" CLIENTID SERVERID, D6_NOTOURS, 0, 0 },
	{ "a Solicit", "01e07f60" CLIENTID SERVERID, D6_NOTOURS, 0, 0 },
	{ "another client", "07e07f60 0001000a00030001020000000017" SERVERID, D6_NOTOURS, 0, 0 },
	{ "no client identifier", "07e07f60" SERVERID, D6_NOTOURS, 0, 0 },
	{ "no server identifier", "07e07f60" CLIENTID, D6_NOSERVER, 0, 0 },
	{ "3 bytes", "07e07f", D6_NOTOURS, 0, 0 },
	{ "empty server identifier", D6H "00020000", D6_MALFORMED, 0, 0 },
	{ "option past the end", D6H "00170010 20010db8", D6_MALFORMED, 0, 0 },
	{ "option header cut", D6H "0017", D6_MALFORMED, 0, 0 },
	{ "DNS of 15 bytes", D6H "0017000f 20010db80006000000000000000000", D6_MALFORMED, 0, 0 },
	{ "preference of 2 bytes", D6H "00070002 0000", D6_MALFORMED, 0, 0 },
	{ "status of 1 byte", D6H "000d0001 00", D6_MALFORMED, 0, 0 },
	{ "bad domain list", D6H "00180003 036162", D6_MALFORMED, 0, 0 },
	{ "IA_NA of 11 bytes", D6H "0003000b 0000000200000000000000", D6_MALFORMED, 0, 0 },
	{ "IA address of 23 bytes", D6H "0003002300000002 0000000000000000 00050017 20010db800060000000000000000011a 00000e1000000e",
	  D6_MALFORMED, 0, 0 },
	{ "IA address of 25 bytes, the last of the message (fuzz dhcp6)", D6H "0003002900000002 0000000000000000 00050019"
	  "20010db800060000000000000000011a 00000e1000000e10 00", D6_MALFORMED, 0, 0 },
	{ "IA address's option past it", D6H "0003002e00000002 0000000000000000 0005001e20010db800060000000000000000011a"
	  "00000e1000000e10 000d0003 0001", D6_MALFORMED, 0, 0 },
	{ "IA address's status of 1 byte", D6H "0003002d00000002 0000000000000000 0005001d20010db800060000000000000000011a"
	  "00000e1000000e10 000d0001 00", D6_MALFORMED, 0, 0 },
	{ "IA option past the IA", D6H "0003001000000002 0000000000000000 00050018", D6_MALFORMED, 0, 0 },
	{ "IA address, good", D6H IA, D6_REPLY, 1, 0 },
	{ "another IAID", D6H "0003002800000003 0000070800000c4e 0005001820010db800060000000000000000011a00000e1000000e10",
	  D6_REPLY, 0, 0 },
	{ "valid lifetime 0", D6H "0003002800000002 0000070800000c4e 0005001820010db800060000000000000000011a0000000000000000",
	  D6_REPLY, 0, 0 },
	{ "preferred past valid", D6H "0003002800000002 0000070800000c4e 0005001820010db800060000000000000000011a00000e1100000e10",
	  D6_REPLY, 0, 0 },
	{ "NoAddrsAvail in the IA", D6H "0003001200000002 0000000000000000 000d00020002", D6_REPLY, 0, 2 },
	{ "an address with NoAddrsAvail beside it", D6H "0003002e00000002 0000070800000c4e 0005001820010db800060000000000000000011a"
	  "00000e1000000e10 000d00020002", D6_REPLY, 0, 2 },
	{ "an address with its own error", D6H "0003002e00000002 0000070800000c4e 0005001e20010db800060000000000000000011a"
	  "00000e1000000e10 000d00020001", D6_REPLY, 0, 0 },
	{ "UnspecFail at the top", D6H "000d00020001", D6_REPLY, 0, 1 },
};

static void test_d6_bad(void **state)
{
	ROW(struct d6_row);
	struct d6_out m;
	struct d6_reply r;
	size_t n = unhex(row->hex, pkt, sizeof(pkt));
	uint8_t *p = malloc(n);

	assert_non_null(p);
	memcpy(p, pkt, n);
	base(&m, D6_REQUEST);
	assert_int_equal(d6_parse(p, n, &m, &r), row->want);
	if (row->want >= 0) {
		assert_int_equal(r.has_addr, row->has_addr);
		assert_int_equal(r.status, row->status);
	}
	free(p);
}

/* Every cut of the captured Reply: malformed where an option is cut, and never an address
 * before the whole IA_NA is there. */
static void test_d6_truncated(void **state)
{
	struct d6_out m;
	struct d6_reply r;
	size_t full = unhex(REPLY, pkt, sizeof(pkt));

	(void)state;
	base(&m, D6_REQUEST);
	for (size_t n = 0; n < full; n++) {
		uint8_t *p = malloc(n ? n : 1);
		int got;

		assert_non_null(p);
		memcpy(p, pkt, n);
		got = d6_parse(p, n, &m, &r);
		assert_true(got == D6_NOTOURS || got == D6_MALFORMED || got == D6_NOSERVER || got == D6_REPLY);
		if (n < 4 + 14 + 18 + 44)
			assert_true(got < 0 || !r.has_addr);
		free(p);
	}
}

int main(void)
{
	static struct suite s;

	ADD(&s, test_ra_captured);
	ADD_ROWS(&s, test_ra_bad, ra_tab);
	ADD(&s, test_ra_lifetimes);
	ADD(&s, test_ra_truncated);
	ADD(&s, test_rs);
	ADD(&s, test_dname_list);
	ADD(&s, test_d6_build);
	ADD(&s, test_d6_captured);
	ADD_ROWS(&s, test_d6_bad, d6_tab);
	ADD(&s, test_d6_truncated);
	alarm(120);
	return suite_run(&s, "ra_dhcp6");
}
