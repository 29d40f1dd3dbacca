/* cmds/proto/dhcp.c: requests byte for byte against klibc-utils 2.0.12's ipconfig (captured on the
 * server's veth: xid 4cad1822, chaddr 02:00:00:00:00:01, secs 0, spec host name "myname"), and
 * the parser on well formed, foreign, malformed and truncated replies. */
#include <arpa/inet.h>
#include "dhcp.h"
/* Packets in wire order: these run on big-endian targets too. */
#define UNIT_WIRE_ORDER

#include "unit.h"

/* 4c ad 18 22 on the wire: the xid is opaque bytes, stored as klibc stores lrand48's value. */
#define XID "\x4c\xad\x18\x22"
#define HEAD_DISC "45000148 00004000 401139a6 00000000 ffffffff 00440043 01340000" \
	"01010600 4cad1822 00008000 00000000 00000000 00000000 00000000 02000000 00010000 00000000 00000000"
#define OPT_TAIL "370b0103060c0f111a1c2877793c0e4c696e7578206970636f6e6669670c066d796e616d65ff"

static uint8_t got[DHCP_PKT_MAX], want[2048];

/* head, zeros, then tail: a packet with BOOTP's sname and file (192 zero bytes) spelled short. */
static size_t pkt(uint8_t *out, const char *head, size_t zeros, const char *tail)
{
	size_t n = unhex(head, out, 2048);

	memset(out + n, 0, zeros);
	n += zeros;
	return n + unhex(tail, out + n, 2048 - n);
}

static void base(struct dhcp_out *m, int type)
{
	memset(m, 0, sizeof(*m));
	m->type = type;
	memcpy(&m->xid, XID, 4);
	m->htype = 1;
	m->hlen = 6;
	memcpy(m->chaddr, "\x02\x00\x00\x00\x00\x01", 6);
	m->vendor = "Linux ipconfig";
	m->hostname = "myname";
	m->sport = 68;
	m->dport = 67;
}

static void check(const struct dhcp_out *m, const char *head, const char *tail, size_t pad)
{
	size_t n = pkt(want, head, 192, tail), len;

	memset(want + n, 0, pad);
	n += pad;
	len = dhcp_build(got, sizeof(got), m);
	if (len != n || memcmp(got, want, n)) {
		hexdump("got", got, len);
		hexdump("want", want, n);
		fail_msg("request differs (lengths %zu, %zu)", len, n);
	}
}

static void test_discover(void **state)
{
	struct dhcp_out m;

	(void)state;
	base(&m, DHCPDISCOVER);
	check(&m, HEAD_DISC, "63825363 350101" OPT_TAIL, 19);
}

static void test_request(void **state)
{
	struct dhcp_out m;

	(void)state;
	base(&m, DHCPREQUEST);
	memcpy(&m.server_id, "\x0a\x05\x00\x01", 4);
	memcpy(&m.req_ip, "\x0a\x05\x00\x37", 4);
	check(&m, HEAD_DISC, "63825363 350103 36040a050001 32040a050037" OPT_TAIL, 7);
}

/* Without a vendor class or host name: padded to BOOTP's 300 bytes; secs, another port pair. */
static void test_discover_bare(void **state)
{
	struct dhcp_out m;

	(void)state;
	base(&m, DHCPDISCOVER);
	m.vendor = "";
	m.hostname = NULL;
	m.secs = 3;
	m.sport = 1000;
	m.dport = 999;
	check(&m, "45000148 00004000 401139a6 00000000 ffffffff 03e803e7 01340000"
		  "01010600 4cad1822 00038000 00000000 00000000 00000000 00000000 02000000 00010000 00000000 00000000",
	      "63825363 350101 370b0103060c0f111a1c287779 ff", 64 - 21);
}

/* BOOTP: no broadcast flag, ciaddr, and the RFC 1048 vendor area klibc's code lays out. */
static void test_bootp(void **state)
{
	struct dhcp_out m;
	size_t n;

	(void)state;
	base(&m, DHCP_BOOTP);
	memcpy(&m.ciaddr, "\x0a\x00\x00\x09", 4);
	n = pkt(want, "45000240 00004000 401138ae 00000000 ffffffff 00440043 022c0000"
		      "01010600 4cad1822 00000000 0a000009 00000000 00000000 00000000 02000000 00010000 00000000 00000000",
		192, "63825363 0104 00000000 0304 00000000 0508 0000000000000000 0c20");
	memset(want + n, 0, 32), n += 32;
	n += unhex("2820", want + n, 2);
	memset(want + n, 0, 34), n += 34;   /* klibc's table leaves 2 bytes before the next */
	n += unhex("1128", want + n, 2);
	memset(want + n, 0, 40), n += 40;
	n += unhex("39020196 ff", want + n, 5);
	memset(want + n, 0, 312 - 143), n += 312 - 143;
	assert_int_equal(dhcp_build(got, sizeof(got), &m), n);
	assert_memory_equal(got, want, n);
}

static void test_build_limits(void **state)
{
	char v[256];
	struct dhcp_out m;

	(void)state;
	base(&m, DHCPDISCOVER);
	assert_int_equal(dhcp_build(got, DHCP_PKT_MAX - 1, &m), 0);
	memset(v, 'v', 255);
	v[255] = 0;
	m.vendor = v;
	assert_int_equal(dhcp_build(got, sizeof(got), &m), 0);
	v[254] = 0;
	m.hostname = "0123456789012345678901234567890123456789012345678901234567890123456789";
	assert_true(dhcp_build(got, sizeof(got), &m) <= DHCP_PKT_MAX);
	/* The host name is cut to 64 bytes, as klibc's field holds. */
	assert_int_equal(got[28 + 240 + 3 + 13 + 2 + 254], 12);
	assert_int_equal(got[28 + 240 + 3 + 13 + 2 + 254 + 1], 64);
}

/* ---- replies ---- */

static uint16_t sum16(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (; n > 1; n -= 2, p += 2)
		s += (uint32_t)(p[0] << 8 | p[1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* A reply from 10.5.0.1:67 to 68 with these options (after the cookie); the BOOTP fields of
 * the request in base(), op 2, yiaddr 10.5.0.55, siaddr 10.5.0.1, file "pxe". Its length. */
static size_t reply(uint8_t *b, const char *opts)
{
	uint8_t *u = b + 20, *p = b + 28;
	size_t olen, len;

	memset(b, 0, 2048);
	p[0] = 2, p[1] = 1, p[2] = 6;
	memcpy(p + 4, "\x4c\xad\x18\x22", 4);
	memcpy(p + 16, "\x0a\x05\x00\x37\x0a\x05\x00\x01", 8);
	memcpy(p + 28, "\x02\x00\x00\x00\x00\x01", 6);
	memcpy(p + 108, "pxe", 3);
	memcpy(p + 236, "\x63\x82\x53\x63", 4);
	olen = unhex(opts, p + 240, 2048 - 28 - 240);
	len = 28 + 240 + olen;
	b[0] = 0x45, b[2] = (uint8_t)(len >> 8), b[3] = (uint8_t)len, b[8] = 64, b[9] = 17;
	memcpy(b + 12, "\x0a\x05\x00\x01\xff\xff\xff\xff", 8);
	b[10] = (uint8_t)(sum16(b, 20) >> 8), b[11] = (uint8_t)sum16(b, 20);
	u[1] = 67, u[3] = 68, u[4] = (uint8_t)((len - 20) >> 8), u[5] = (uint8_t)(len - 20);
	return len;
}

/* Fix the IP and UDP lengths (and the checksum) after an edit of the payload to len bytes. */
static void relen(uint8_t *b, size_t len)
{
	b[2] = (uint8_t)(len >> 8), b[3] = (uint8_t)len, b[10] = b[11] = 0;
	b[10] = (uint8_t)(sum16(b, 20) >> 8), b[11] = (uint8_t)sum16(b, 20);
	b[24] = (uint8_t)((len - 20) >> 8), b[25] = (uint8_t)(len - 20);
}

static int parse(const uint8_t *b, size_t len, struct dhcp_lease *l)
{
	struct dhcp_out m;
	uint8_t *copy = dup_exact(b, len);   /* valgrind sees a read past the end */
	int r;

	base(&m, DHCPDISCOVER);
	r = dhcp_parse(copy, len, &m, l);
	free(copy);
	return r;
}

static uint32_t ip4(const char *s)
{
	struct in_addr a;

	assert_int_equal(inet_pton(AF_INET, s, &a), 1);
	return a.s_addr;
}

static uint8_t rb[2048];
static struct dhcp_lease l;

static void test_offer(void **state)
{
	size_t n;

	(void)state;
	n = reply(rb, "350102 36040a050001 33040000 0e10 0104ffffff00 03080a0500010a0500fe 06080a0500020a050003"
		      "0c0a636c69656e74686f7374 0f0c6578616d706c652e74657374 1a020578 1c040a0500ff"
		      "2803 6e6973 1104 2f6e6673 ff");
	assert_int_equal(parse(rb, n, &l), DHCPOFFER);
	assert_int_equal(l.yiaddr, ip4("10.5.0.55"));
	assert_int_equal(l.siaddr, ip4("10.5.0.1"));
	assert_int_equal(l.server_id, ip4("10.5.0.1"));
	assert_int_equal(l.lease_time, 3600);
	assert_int_equal(l.netmask, ip4("255.255.255.0"));
	assert_int_equal(l.router, ip4("10.5.0.1"));
	assert_int_equal(l.dns[0], ip4("10.5.0.2"));
	assert_int_equal(l.dns[1], ip4("10.5.0.3"));
	assert_int_equal(l.broadcast, ip4("10.5.0.255"));
	assert_int_equal(l.mtu, 1400);
	assert_string_equal(l.hostname, "clienthost");
	assert_true(l.has_domain);
	assert_string_equal(l.domain, "example.test");
	assert_string_equal(l.nis, "nis");
	assert_string_equal(l.rootpath, "/nfs");
	assert_string_equal(l.filename, "pxe");
	assert_false(l.has_search);
	assert_int_equal(l.nroutes, 0);
}

static void test_ack_nak_bootp(void **state)
{
	size_t n;

	(void)state;
	n = reply(rb, "350105 ff");
	assert_int_equal(parse(rb, n, &l), DHCPACK);
	assert_int_equal(l.mtu, -1);
	assert_false(l.has_domain);
	n = reply(rb, "350106 ff");
	assert_int_equal(parse(rb, n, &l), DHCPNAK);
	/* No message type: BOOTP. Without the cookie: BOOTP, options not read. */
	n = reply(rb, "0104ffffff00 ff");
	assert_int_equal(parse(rb, n, &l), DHCP_BOOTP);
	assert_int_equal(l.netmask, ip4("255.255.255.0"));
	rb[28 + 236] = 0;
	assert_int_equal(parse(rb, n, &l), DHCP_BOOTP);
	assert_int_equal(l.netmask, 0);
	/* Exactly BOOTP's fixed fields, nothing after. */
	relen(rb, 28 + 236);
	assert_int_equal(parse(rb, 28 + 236, &l), DHCP_BOOTP);
	assert_int_equal(l.yiaddr, ip4("10.5.0.55"));
}

/* Pads, no end option (the options run to the end of the message), wrong lengths ignored. */
static void test_options_loose(void **state)
{
	size_t n;

	(void)state;
	n = reply(rb, "00 00 350102 0103ffffff 1a0105 1c05 0a0500ff00 0302 0a05 0604 01010101");
	assert_int_equal(parse(rb, n, &l), DHCPOFFER);
	assert_int_equal(l.netmask, 0);
	assert_int_equal(l.mtu, -1);
	assert_int_equal(l.broadcast, 0);
	assert_int_equal(l.router, 0);
	assert_int_equal(l.dns[0], ip4("1.1.1.1"));
	assert_int_equal(l.dns[1], 0);
	/* Options after the end option are not read. */
	n = reply(rb, "350102 ff 0104ffffff00");
	assert_int_equal(parse(rb, n, &l), DHCPOFFER);
	assert_int_equal(l.netmask, 0);
}

/* Strings longer than klibc's fields are left out, not cut; a NUL inside ends one. */
static void test_oversized(void **state)
{
	char hex[600];
	size_t n;

	(void)state;
	strcpy(hex, "350102 0c41");
	for (int i = 0; i < 65; i++)
		strcat(hex, "68");
	strcat(hex, " 0f40");
	for (int i = 0; i < 64; i++)
		strcat(hex, "64");
	strcat(hex, " 2804 61006262 ff");
	n = reply(rb, hex);
	assert_int_equal(parse(rb, n, &l), DHCPOFFER);
	assert_string_equal(l.hostname, "");
	assert_int_equal(strlen(l.domain), 64);
	assert_true(l.has_domain);
	assert_string_equal(l.nis, "a");
	/* A file field without a NUL: its 128 bytes. */
	memset(rb + 28 + 108, 'f', 128);
	assert_int_equal(parse(rb, n, &l), DHCPOFFER);
	assert_int_equal(strlen(l.filename), 128);
}

struct bad_row {
	const char *what;
	int want;
	void (*edit)(uint8_t *b, size_t *n);
};
static void e_xid(uint8_t *b, size_t *n) { (void)n; b[28 + 7] ^= 1; }
static void e_chaddr(uint8_t *b, size_t *n) { (void)n; b[28 + 28 + 5] ^= 1; }
static void e_chaddr_pad(uint8_t *b, size_t *n) { (void)n; b[28 + 28 + 15] = 1; }
static void e_op(uint8_t *b, size_t *n) { (void)n; b[28] = 1; }
static void e_sport(uint8_t *b, size_t *n) { (void)n; b[21] = 68; }
static void e_dport(uint8_t *b, size_t *n) { (void)n; b[23] = 67; }
static void e_csum(uint8_t *b, size_t *n) { (void)n; b[10] ^= 1; }
static void e_v6(uint8_t *b, size_t *n) { (void)n; b[0] = 0x65; }
static void e_ihl(uint8_t *b, size_t *n) { (void)n; b[0] = 0x44; }
static void e_tcp(uint8_t *b, size_t *n) { b[9] = 6; relen(b, *n); }
static void e_frag(uint8_t *b, size_t *n) { b[6] = 0x20; relen(b, *n); }
static void e_short(uint8_t *b, size_t *n) { (void)b; (*n)--; }
static void e_iplen(uint8_t *b, size_t *n) { (void)n; b[3]++; b[11]--; }
static void e_udplen(uint8_t *b, size_t *n) { (void)n; b[25]++; }
static void e_udplen7(uint8_t *b, size_t *n) { (void)n; b[24] = 0, b[25] = 7; }
static void e_bootp235(uint8_t *b, size_t *n) { *n = 28 + 235; relen(b, *n); }
static void e_past(uint8_t *b, size_t *n) { b[*n - 1] = 0x0f, b[(*n)++] = 2, b[(*n)++] = 'x'; relen(b, *n); }
static void e_nolen(uint8_t *b, size_t *n) { b[*n - 1] = 0x0f; }
static void e_past255(uint8_t *b, size_t *n) { b[*n - 1] = 0x0c, b[(*n)++] = 0xff; relen(b, *n); }
static const struct bad_row bad_tab[] = {
	{ "another xid", DHCP_BADXID, e_xid },
	{ "another chaddr", DHCP_BADCHADDR, e_chaddr },
	{ "chaddr padding differs", DHCP_BADCHADDR, e_chaddr_pad },
	{ "a request (op 1)", DHCP_NOTOURS, e_op },
	{ "from port 68", DHCP_NOTOURS, e_sport },
	{ "to port 67", DHCP_NOTOURS, e_dport },
	{ "bad IP checksum", DHCP_NOTUDP, e_csum },
	{ "IP version 6", DHCP_NOTUDP, e_v6 },
	{ "IP header of 16 bytes", DHCP_NOTUDP, e_ihl },
	{ "TCP", DHCP_NOTUDP, e_tcp },
	{ "a fragment", DHCP_NOTUDP, e_frag },
	{ "one byte short of its IP length", DHCP_NOTUDP, e_short },
	{ "IP length past the datagram", DHCP_NOTUDP, e_iplen },
	{ "UDP length past the IP length", DHCP_NOTUDP, e_udplen },
	{ "UDP length 7", DHCP_NOTUDP, e_udplen7 },
	{ "BOOTP fields cut short", DHCP_NOTOURS, e_bootp235 },
	{ "option past the end", DHCP_MALFORMED, e_past },
	{ "option without its length", DHCP_MALFORMED, e_nolen },
	{ "option of 255 bytes in 1", DHCP_MALFORMED, e_past255 },
};

static void test_bad(void **state)
{
	ROW(struct bad_row);
	size_t n = reply(rb, "350102 36040a050001 ff");

	row->edit(rb, &n);
	assert_int_equal(parse(rb, n, &l), row->want);
}

/* Every cut of a reply: the IP length then no longer fits (dropped), and with the lengths
 * rewritten to the cut, parsed without reading past it. */
static void test_truncated(void **state)
{
	size_t full = reply(rb, "350105 36040a050001 0f0c6578616d706c652e74657374 770c0161047465737400c000 ff"), n;
	uint8_t cut[2048];

	(void)state;
	for (n = 0; n < full; n++)
		assert_true(parse(rb, n, &l) < 0);
	for (n = 28; n < full; n++) {
		int r;
		memcpy(cut, rb, n);
		relen(cut, n);
		r = parse(cut, n, &l);
		if (n < 28 + 236)
			assert_int_equal(r, DHCP_NOTOURS);
		else
			assert_true(r == DHCP_BOOTP || r == DHCPACK || r == DHCP_MALFORMED);
	}
}

struct search_row {
	const char *what;
	const char *opts;
	const char *want;     /* NULL: not taken */
};
static const struct search_row search_tab[] = {
	{ "two names", "770c 01610474657374 00 0162 c000", "a.test. b.a.test." },
	{ "split in two options", "7706 016104746573 7703 7400 00", "a.test. ." },
	{ "the root alone", "7701 00", "." },
	{ "pointer into the same name", "7709 0161 0474657374 c000", NULL },
	{ "pointer forward", "7708 c003 0161 00 0162 00", NULL },
	{ "pointer not at a label", "7708 0161 00 0162 00 c001", NULL },
	{ "chained pointers", "770c 016100 0162c000 0163c003 00", "a. b.a. c.b.a. ." },
	{ "a label of '_'", "7704 015f 00 00", NULL },
	{ "label past the end", "7703 0561 00", NULL },
	{ "not ended by a name", "7704 016100 01", NULL },
	{ "reserved label type", "7702 4000", NULL },
	{ "pointer cut", "7704 016100 c0", NULL },
};

static void test_search(void **state)
{
	ROW(struct search_row);
	char hex[256];
	size_t n;

	snprintf(hex, sizeof(hex), "350105 %s ff", row->opts);
	n = reply(rb, hex);
	assert_int_equal(parse(rb, n, &l), DHCPACK);
	if (!row->want) {
		assert_false(l.has_search);
		return;
	}
	assert_true(l.has_search);
	assert_string_equal(l.search, row->want);
}

/* Long options (RFC 3396) past klibc's 1500 bytes are left out; a decoded list that does not
 * fit DHCP_SEARCH_MAX too. */
static void test_search_overflow(void **state)
{
	uint8_t *o;
	size_t n = reply(rb, "350105"), i;

	(void)state;
	o = rb + n;
	for (i = 0; i < 6; i++) {   /* 6 x 255 > 1500 */
		*o++ = 119, *o++ = 255;
		memset(o, 0, 255), o += 255;
	}
	*o++ = 255;
	n = (size_t)(o - rb);
	relen(rb, n);
	assert_int_equal(parse(rb, n, &l), DHCPACK);
	assert_false(l.has_search);
	/* 20 names of one 60-byte label, then 40 pointers to them: 61 * 60 bytes decoded. */
	n = reply(rb, "350105");
	o = rb + n;
	*o++ = 119, *o++ = 62;
	*o++ = 60, memset(o, 'a', 60), o += 60, *o++ = 0;
	for (i = 0; i < 5; i++) {
		*o++ = 119, *o++ = 200;
		for (int j = 0; j < 100; j++)
			*o++ = 0xc0, *o++ = 0;
	}
	*o++ = 255;
	n = (size_t)(o - rb);
	relen(rb, n);
	assert_int_equal(parse(rb, n, &l), DHCPACK);
	assert_false(l.has_search);
}

struct route_row {
	const char *what;
	const char *opts;
	int n;
	const char *dst[3];
	int plen[3];
	const char *gw[3];
	int warn;
	unsigned a, b;
};
static const struct route_row route_tab[] = {
	{ "three", "7914 18c0a809 0a050001 100a08 0a050009 00 0a050001", 3,
	  { "192.168.9.0", "10.8.0.0", "0.0.0.0" }, { 24, 16, 0 }, { "10.5.0.1", "10.5.0.9", "10.5.0.1" }, 0, 0, 0 },
	{ "host bits cleared", "7907 0fc0a9 0a050001", 1, { "192.168.0.0" }, { 15 }, { "10.5.0.1" }, 0, 0, 0 },
	{ "/32 and no gateway", "7909 200a000001 00000000", 1, { "10.0.0.1" }, { 32 }, { "0.0.0.0" }, 0, 0, 0 },
	{ "width 33", "790a 080a 0a050001 21 000000", 1, { "10.0.0.0" }, { 8 }, { "10.5.0.1" }, 1, 33, 0 },
	{ "too short", "7909 080a 0a050001 180a00", 1, { "10.0.0.0" }, { 8 }, { "10.5.0.1" }, 2, 2, 7 },
	{ "split in two options", "7903 080a0a 7903 050001", 1, { "10.0.0.0" }, { 8 }, { "10.5.0.1" }, 0, 0, 0 },
	{ "nothing good", "7901 29", 0, { NULL }, { 0 }, { NULL }, 1, 41, 0 },
};

static void test_routes(void **state)
{
	ROW(struct route_row);
	char hex[256];
	size_t n;

	snprintf(hex, sizeof(hex), "350105 %s ff", row->opts);
	n = reply(rb, hex);
	assert_int_equal(parse(rb, n, &l), DHCPACK);
	assert_int_equal(l.nroutes, row->n);
	for (int i = 0; i < row->n; i++) {
		assert_int_equal(l.routes[i].dst, ip4(row->dst[i]));
		assert_int_equal(l.routes[i].plen, row->plen[i]);
		assert_int_equal(l.routes[i].gw, ip4(row->gw[i]));
	}
	assert_int_equal(l.route_warn, row->warn);
	if (row->warn) {
		assert_int_equal(l.warn_a, row->a);
		assert_int_equal(l.warn_b, row->b);
	}
}

/* More routes than DHCP_ROUTES_MAX: the first ones. */
static void test_routes_many(void **state)
{
	size_t n = reply(rb, "350105");
	uint8_t *o = rb + n;

	(void)state;
	for (int k = 0; k < 2; k++) {
		*o++ = 121, *o++ = 240;
		for (int i = 0; i < 40; i++)
			*o++ = 8, *o++ = (uint8_t)(k * 40 + i), memcpy(o, "\x0a\x05\x00\x01", 4), o += 4;
	}
	*o++ = 255;
	n = (size_t)(o - rb);
	relen(rb, n);
	assert_int_equal(parse(rb, n, &l), DHCPACK);
	assert_int_equal(l.nroutes, DHCP_ROUTES_MAX);
	assert_int_equal(l.routes[DHCP_ROUTES_MAX - 1].dst, htonl((uint32_t)(DHCP_ROUTES_MAX - 1) << 24));
	assert_int_equal(l.route_warn, 0);
}

static void test_mask_len(void **state)
{
	(void)state;
	assert_int_equal(dhcp_mask_len(ip4("0.0.0.0")), 0);
	assert_int_equal(dhcp_mask_len(ip4("255.0.0.0")), 8);
	assert_int_equal(dhcp_mask_len(ip4("255.255.255.128")), 25);
	assert_int_equal(dhcp_mask_len(ip4("255.255.255.255")), 32);
	assert_int_equal(dhcp_mask_len(ip4("255.0.255.0")), -1);
	assert_int_equal(dhcp_mask_len(ip4("0.0.0.1")), -1);
}

int main(void)
{
	static struct suite s;

	ADD(&s, test_discover);
	ADD(&s, test_request);
	ADD(&s, test_discover_bare);
	ADD(&s, test_bootp);
	ADD(&s, test_build_limits);
	ADD(&s, test_offer);
	ADD(&s, test_ack_nak_bootp);
	ADD(&s, test_options_loose);
	ADD(&s, test_oversized);
	ADD_ROWS(&s, test_bad, bad_tab);
	ADD(&s, test_truncated);
	ADD_ROWS(&s, test_search, search_tab);
	ADD(&s, test_search_overflow);
	ADD_ROWS(&s, test_routes, route_tab);
	ADD(&s, test_routes_many);
	ADD(&s, test_mask_len);
	alarm(120);
	return suite_run(&s, "dhcp");
}
