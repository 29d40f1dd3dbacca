/* cmds/proto/dns.c and the configuration half of cmds/lib/resolv.c: queries byte for byte,
 * answers captured from dnsmasq 2.89 (in a throwaway namespace, on 127.0.0.1, for queries with
 * id 0x1234 built as dns_query builds them), and every kind of malformed answer. */
#include <arpa/inet.h>
#include <fcntl.h>
#include "dns.h"
#include "resolv.h"
/* DNS messages are in wire order: these run on big-endian targets too. */
#define UNIT_WIRE_ORDER

#include "unit.h"

/* dnsmasq: host-record=web.example,10.9.0.2,2001:db8:9::2; cname=www.example,web.example;
 * host-record=v4only.example,10.9.0.3; host-record=multi.example,10.9.0.4 and 10.9.0.5;
 * local=/example/. */
#define WEB_A "12348580000100010000000003776562076578616d706c650000010001c00c000100010000000000040a090002"
#define WEB_AAAA "12348580000100010000000003776562076578616d706c6500001c0001c00c001c000100000000001020010db8000900000000000000000002"
#define WWW_A "12348580000100020000000003777777076578616d706c650000010001c00c0005000100000000000d03776562076578616d706c6500c029000100010000000000040a090002"
#define WWW_AAAA "12348580000100020000000003777777076578616d706c6500001c0001c00c0005000100000000000d03776562076578616d706c6500c029001c000100000000001020010db8000900000000000000000002"
#define V4ONLY_AAAA "1234818000010000000000000676346f6e6c79076578616d706c6500001c0001"
#define NOSUCH_A "123481830001000000000000066e6f73756368076578616d706c650000010001"
#define MULTI_A "123485800001000200000000056d756c7469076578616d706c650000010001c00c000100010000000000040a090004c00c000100010000000000040a090005"
#define PTR4 "12348580000100010000000001320130013902313007696e2d61646472046172706100000c0001c00c000c000100000000000d03776562076578616d706c6500"
#define PTR6 "1234858000010001000000000132013001300130013001300130013001300130013001300130013001300130013001300130013001390130013001300138016201640130013101300130013203697036046172706100000c0001c00c000c000100000000000d03776562076578616d706c6500"
#define MIXED_A "12348580000100010000000003576542074578416d506c650000010001c00c000100010000000000040a090002"
#define PTR6_NAME "2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.9.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"

static uint8_t m[1024];
static struct dns_answer a;

static int parse(const char *hex, const char *name, int qtype)
{
	size_t n = unhex(hex, m, sizeof(m));
	return dns_parse(m, n, 0x1234, name, qtype, &a);
}

static void test_query(void **state)
{
	uint8_t q[DNS_UDP_MAX], big[300];
	char name[300];
	size_t n;

	(void)state;
	n = dns_query(q, sizeof(q), 0x1234, "web.example", DNS_T_A);
	assert_bytes(q, n, "123401000001000000000000 03776562076578616d706c6500 00010001", 0);
	n = dns_query(q, sizeof(q), 0xbeef, "web.example.", DNS_T_AAAA);
	assert_bytes(q, n, "beef01000001000000000000 03776562076578616d706c6500 001c0001", 0);
	assert_int_equal(dns_query(q, sizeof(q), 1, "", DNS_T_A), 0);
	assert_int_equal(dns_query(q, sizeof(q), 1, ".", DNS_T_A), 0);
	assert_int_equal(dns_query(q, sizeof(q), 1, "a..b", DNS_T_A), 0);
	assert_int_equal(dns_query(q, sizeof(q), 1, ".a", DNS_T_A), 0);
	memset(name, 'a', 64);
	name[64] = 0;
	assert_int_equal(dns_query(q, sizeof(q), 1, name, DNS_T_A), 0);     /* a label of 64 */
	name[63] = 0;
	assert_int_not_equal(dns_query(q, sizeof(q), 1, name, DNS_T_A), 0); /* 63 is the limit */
	for (int i = 0; i < 254; i++)
		name[i] = i % 2 ? '.' : 'a';
	name[254] = 0;   /* 254 characters, ending in '.': 253 without it, the longest name */
	assert_int_equal(dns_query(big, sizeof(big), 1, name, DNS_T_A), 12 + 255 + 4);
	name[253] = 'a';
	assert_int_equal(dns_query(big, sizeof(big), 1, name, DNS_T_A), 0);
	assert_int_equal(dns_query(q, 20, 1, "web.example", DNS_T_A), 0);   /* no room */
}

static void test_answers(void **state)
{
	(void)state;
	assert_int_equal(parse(WEB_A, "web.example", DNS_T_A), DNS_OK);
	assert_int_equal(a.naddr, 1);
	assert_memory_equal(a.addr[0], "\x0a\x09\x00\x02", 4);
	assert_string_equal(a.name, "web.example");
	assert_int_equal(parse(WEB_AAAA, "web.example.", DNS_T_AAAA), DNS_OK);
	assert_int_equal(a.naddr, 1);
	assert_memory_equal(a.addr[0], "\x20\x01\x0d\xb8\x00\x09\0\0\0\0\0\0\0\0\0\x02", 16);
	/* A CNAME: the final name is its target, whose record is named by a pointer into it. */
	assert_int_equal(parse(WWW_A, "www.example", DNS_T_A), DNS_OK);
	assert_string_equal(a.name, "web.example");
	assert_memory_equal(a.addr[0], "\x0a\x09\x00\x02", 4);
	assert_int_equal(parse(WWW_AAAA, "www.example", DNS_T_AAAA), DNS_OK);
	assert_string_equal(a.name, "web.example");
	assert_int_equal(parse(MULTI_A, "multi.example", DNS_T_A), DNS_OK);
	assert_int_equal(a.naddr, 2);
	assert_memory_equal(a.addr[1], "\x0a\x09\x00\x05", 4);
	assert_int_equal(parse(V4ONLY_AAAA, "v4only.example", DNS_T_AAAA), DNS_ENODATA);
	assert_int_equal(parse(NOSUCH_A, "nosuch.example", DNS_T_A), DNS_ENXDOMAIN);
	assert_int_equal(parse(PTR4, "2.0.9.10.in-addr.arpa", DNS_T_PTR), DNS_OK);
	assert_string_equal(a.name, "web.example");
	assert_int_equal(parse(PTR6, PTR6_NAME, DNS_T_PTR), DNS_OK);
	assert_string_equal(a.name, "web.example");
	/* Case does not matter in the question; the name keeps the answer's. */
	assert_int_equal(parse(MIXED_A, "web.example", DNS_T_A), DNS_OK);
	assert_string_equal(a.name, "WeB.ExAmPle");
}

static void test_not_ours(void **state)
{
	size_t n;

	(void)state;
	n = unhex(WEB_A, m, sizeof(m));
	assert_int_equal(dns_parse(m, n, 0x1235, "web.example", DNS_T_A, &a), DNS_ENOTOURS);  /* id */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.exampl", DNS_T_A, &a), DNS_ENOTOURS);   /* question */
	assert_int_equal(dns_parse(m, n, 0x1234, "www.example", DNS_T_A, &a), DNS_ENOTOURS);
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_AAAA, &a), DNS_ENOTOURS);
	m[2] &= 0x7f;   /* a query, not an answer */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ENOTOURS);
	m[2] |= 0x80 | 0x08;   /* opcode 1 */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ENOTOURS);
	n = unhex(WEB_A, m, sizeof(m));
	m[5] = 0;   /* no question */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ENOTOURS);
	m[5] = 2;
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ENOTOURS);
	n = unhex(WEB_A, m, sizeof(m));
	m[n - 19] = 2;   /* the question's class: CH */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ENOTOURS);
}

static void test_rcodes(void **state)
{
	size_t n;

	(void)state;
	n = unhex(WEB_A, m, sizeof(m));
	m[2] |= 0x02;   /* TC */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ETRUNC);
	m[2] &= ~0x02;
	m[3] = (m[3] & 0xf0) | 2;
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ESERVFAIL);
	for (int rc = 1; rc < 16; rc++) {
		if (rc == 2 || rc == 3)
			continue;
		m[3] = (uint8_t)((m[3] & 0xf0) | rc);
		assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_EREFUSED);
	}
	/* An answer of another type or class only: no data. */
	n = unhex(WEB_A, m, sizeof(m));
	m[n - 13] = 2;   /* the record's type: NS */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ENODATA);
}

/* Every cut of every captured answer fails, and never reads past the cut (valgrind, ASan). */
static void test_truncated(void **state)
{
	static const struct { const char *hex, *name; int qtype; } t[] = {
		{ WEB_A, "web.example", DNS_T_A }, { WEB_AAAA, "web.example", DNS_T_AAAA },
		{ WWW_A, "www.example", DNS_T_A }, { WWW_AAAA, "www.example", DNS_T_AAAA },
		{ MULTI_A, "multi.example", DNS_T_A }, { PTR4, "2.0.9.10.in-addr.arpa", DNS_T_PTR },
		{ PTR6, PTR6_NAME, DNS_T_PTR },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		size_t n = unhex(t[i].hex, m, sizeof(m));
		for (size_t cut = 0; cut < n; cut++) {
			uint8_t *p = dup_exact(m, cut);
			int rc = dns_parse(p, cut, 0x1234, t[i].name, t[i].qtype, &a);
			free(p);
			if (rc == DNS_OK)
				fail_msg("%s cut at %zu of %zu: taken", t[i].name, cut, n);
		}
	}
}

/* Names: pointers only backwards, no loops, labels and names within bounds, host characters. */
static void test_names(void **state)
{
	char out[DNS_NAME_MAX];
	size_t off, n;

	(void)state;
	/* A pointer to itself, forward, into the header, a two-pointer loop, a cut pointer. */
	n = unhex("000000000000000000000000 c00c", m, sizeof(m));
	off = 12;
	assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
	n = unhex("000000000000000000000000 c00e 0161 00", m, sizeof(m));
	off = 12;
	assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
	n = unhex("000000000000000000000000 c002", m, sizeof(m));
	off = 12;
	assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
	n = unhex("000000000000000000000000 0161 c00e c00c", m, sizeof(m));
	off = 14;
	assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
	off = 16;
	assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
	n = unhex("000000000000000000000000 c0", m, sizeof(m));
	off = 12;
	assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
	/* A good chain: b -> a.<root>, then c -> b; off moves past the first pointer only. */
	n = unhex("000000000000000000000000 016100 0162c00c 0163c00f", m, sizeof(m));
	off = 19;
	assert_int_equal(dns_name(m, n, &off, out), 0);
	assert_string_equal(out, "c.b.a");
	assert_int_equal(off, 23);
	/* Label types 01 and 10, a label past the end, no terminating zero. */
	n = unhex("000000000000000000000000 4161 00", m, sizeof(m));
	off = 12;
	assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
	m[12] = 0x81;
	assert_int_equal(dns_name(m, n, &(size_t){ 12 }, out), DNS_EMALFORMED);
	n = unhex("000000000000000000000000 0561 00", m, sizeof(m));
	assert_int_equal(dns_name(m, n, &(size_t){ 12 }, out), DNS_EMALFORMED);
	n = unhex("000000000000000000000000 016101", m, sizeof(m));
	assert_int_equal(dns_name(m, n, &(size_t){ 12 }, out), DNS_EMALFORMED);
	/* The root name. */
	n = unhex("000000000000000000000000 00", m, sizeof(m));
	off = 12;
	assert_int_equal(dns_name(m, n, &off, out), 0);
	assert_string_equal(out, "");
	assert_int_equal(off, 13);
	/* Characters that are no host name's: an escape, a dot in a label, a space, a NUL. */
	for (int c = 0; c < 256; c++) {
		int host = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
		n = unhex("000000000000000000000000 03616161 00", m, sizeof(m));
		m[14] = (uint8_t)c;
		assert_int_equal(dns_name(m, n, &(size_t){ 12 }, out), host ? 0 : DNS_EMALFORMED);
	}
	/* Longer than 253 characters through pointers: labels of 63, each name built on the one
	 * before it; four of them are 255 characters. */
	memset(m, 0, 12);
	n = 12;
	{
		size_t prev = 0, at = 0;
		for (int l = 0; l < 4; l++) {
			at = n;
			m[n] = 63;
			memset(m + n + 1, 'x', 63);
			n += 64;
			if (!l) {
				m[n++] = 0;
			} else {
				m[n++] = (uint8_t)(0xc0 | prev >> 8);
				m[n++] = (uint8_t)prev;
			}
			prev = at;
		}
		off = at;
		assert_int_equal(dns_name(m, n, &off, out), DNS_EMALFORMED);
		off = prev = 12 + 65 + 66;   /* three of them, 191 characters: taken */
		assert_int_equal(dns_name(m, n, &off, out), 0);
		assert_int_equal(strlen(out), 191);
	}
}

/* Records that do not fit or do not match their type. */
static void test_records(void **state)
{
	size_t n;

	(void)state;
	n = unhex(WEB_A, m, sizeof(m));
	m[n - 5] = 5;   /* rdlength 5 of an A record, one byte past the end */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_EMALFORMED);
	n = unhex(WEB_A "00", m, sizeof(m));
	m[n - 6] = 5;   /* rdlength 5 that fits: still not an address */
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_EMALFORMED);
	n = unhex(WEB_A, m, sizeof(m));
	m[n - 6] = 0xff;
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_EMALFORMED);
	/* More records announced than there are. */
	n = unhex(WEB_A, m, sizeof(m));
	m[7] = 2;
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_EMALFORMED);
	/* A CNAME whose target runs past its rdata, and one with an escape in it. */
	n = unhex(WWW_A, m, sizeof(m));
	m[40] = 0x0c;   /* rdlength 12 of 13 */
	assert_int_equal(dns_parse(m, n, 0x1234, "www.example", DNS_T_A, &a), DNS_EMALFORMED);
	n = unhex(WWW_A, m, sizeof(m));
	m[42] = 0x1b;
	assert_int_equal(dns_parse(m, n, 0x1234, "www.example", DNS_T_A, &a), DNS_EMALFORMED);
	/* A record for another name is skipped: no data for ours. */
	n = unhex(WEB_A, m, sizeof(m));
	m[n - 15] = 0x10;   /* the record's name points at "example" */
	m[n - 16] = 0xc0;
	assert_int_equal(dns_parse(m, n, 0x1234, "web.example", DNS_T_A, &a), DNS_ENODATA);
	/* More addresses than kept: DNS_ADDR_MAX of them. */
	memcpy(m, "\x12\x34\x85\x80\x00\x01\x00\x14\x00\x00\x00\x00", 12);
	n = 12 + dns_query(m + 100, 400, 0x1234, "w.e", DNS_T_A) - 12;
	memcpy(m + 12, m + 112, n - 12);
	for (int i = 0; i < 20; i++) {
		memcpy(m + n, "\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x00\x00\x04\x0a\x00\x00", 15);
		m[n + 15] = (uint8_t)i;
		n += 16;
	}
	assert_int_equal(dns_parse(m, n, 0x1234, "w.e", DNS_T_A, &a), DNS_OK);
	assert_int_equal(a.naddr, DNS_ADDR_MAX);
	assert_int_equal(a.addr[DNS_ADDR_MAX - 1][3], DNS_ADDR_MAX - 1);
}

static void test_ptr_name(void **state)
{
	char out[DNS_NAME_MAX];
	uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 9, [15] = 2 };

	(void)state;
	dns_ptr_name(AF_INET, "\x0a\x09\x00\x02", out);
	assert_string_equal(out, "2.0.9.10.in-addr.arpa");
	dns_ptr_name(AF_INET, "\xff\x64\x63\x09", out);
	assert_string_equal(out, "9.99.100.255.in-addr.arpa");
	dns_ptr_name(AF_INET6, v6, out);
	assert_string_equal(out, PTR6_NAME);
}

static char conf_path[64];

static void write_conf(const char *text)
{
	int fd;

	strcpy(conf_path, "/tmp/nsbox-resolv-XXXXXX");
	fd = mkstemp(conf_path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void test_conf(void **state)
{
	struct res_conf c;

	(void)state;
	unsetenv("RES_OPTIONS");
	res_conf_read(&c, "/nonexistent/resolv.conf");
	assert_int_equal(c.nns, 1);
	assert_int_equal(c.nsfamily[0], AF_INET);
	assert_memory_equal(c.ns[0], "\x7f\0\0\x01", 4);
	assert_int_equal(c.timeout, 5);
	assert_int_equal(c.attempts, 2);
	assert_int_equal(c.ndots, 1);

	write_conf("# a comment\n; another\nnameserver 10.0.0.1\nnameserver 2001:db8::53\n"
		   "nameserver bogus\nnameserver 10.0.0.3 # trailing\nnameserver 10.0.0.4\n"
		   "domain first.example\nsearch a.example b.example\n"
		   "options ndots:2 timeout:1 rotate attempts:3\noptions timeout:99 attempts:9\n");
	res_conf_read(&c, conf_path);
	unlink(conf_path);
	assert_int_equal(c.nns, 3);
	assert_int_equal(c.nsfamily[1], AF_INET6);
	assert_memory_equal(c.ns[2], "\x0a\0\0\x03", 4);
	assert_int_equal(c.nsearch, 2);
	assert_string_equal(c.search[1], "b.example");
	assert_int_equal(c.ndots, 2);
	assert_int_equal(c.timeout, 30);
	assert_int_equal(c.attempts, 5);

	/* The last of search and domain wins; RES_OPTIONS comes after the file. */
	write_conf("search a.example b.example\ndomain only.example\noptions timeout:2\n");
	setenv("RES_OPTIONS", "attempts:1 timeout:3", 1);
	res_conf_read(&c, conf_path);
	unsetenv("RES_OPTIONS");
	unlink(conf_path);
	assert_int_equal(c.nsearch, 1);
	assert_string_equal(c.search[0], "only.example");
	assert_int_equal(c.timeout, 3);
	assert_int_equal(c.attempts, 1);
	assert_int_equal(c.nns, 1);

	assert_string_equal(res_strerror(RES_AGAIN), "Temporary failure in name resolution");
	assert_string_equal(res_strerror(RES_NONAME), "Name or service not known");
	assert_string_equal(res_strerror(RES_NODATA), "No address associated with hostname");
	assert_string_equal(res_strerror(RES_ADDRFAMILY), "Address family for hostname not supported");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_not_ours),
		cmocka_unit_test(test_rcodes),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_ptr_name),
		cmocka_unit_test(test_conf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
