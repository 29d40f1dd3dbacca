/* DNS queries and strict parsing of their answers (dns.h). Offsets are size_t and every read is
 * checked against len before it is made. */
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include "dns.h"

#define HDR 12
#define CLASS_IN 1
#define F_QR 0x8000
#define F_TC 0x0200
#define F_RD 0x0100

static unsigned get16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

size_t dns_query(uint8_t *buf, size_t cap, uint16_t id, const char *name, int qtype)
{
	size_t n = HDR, len = strlen(name);
	const char *p = name;

	if (len && name[len - 1] == '.')
		len--;
	if (!len || len > 253 || cap < HDR + len + 2 + 4)
		return 0;
	memset(buf, 0, HDR);
	put16(buf, id);
	put16(buf + 2, F_RD);
	put16(buf + 4, 1);
	while (p < name + len) {
		size_t l = strcspn(p, ".");
		if (p + l > name + len)
			l = (size_t)(name + len - p);
		if (!l || l > 63)
			return 0;
		buf[n++] = (uint8_t)l;
		memcpy(buf + n, p, l);
		n += l;
		p += l + 1;
	}
	buf[n++] = 0;
	put16(buf + n, (unsigned)qtype);
	put16(buf + n + 2, CLASS_IN);
	return n + 4;
}

static int hostchar(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int dns_name(const uint8_t *msg, size_t len, size_t *off, char *out)
{
	size_t at = *off, end = 0, n = 0, lowest = *off;
	int jumped = 0;

	for (;;) {
		uint8_t l;

		if (at >= len)
			return DNS_EMALFORMED;
		l = msg[at];
		if ((l & 0xc0) == 0xc0) {
			size_t to;
			if (at + 1 >= len)
				return DNS_EMALFORMED;
			to = (size_t)(l & 0x3f) << 8 | msg[at + 1];
			/* Only backwards, before every label read so far: no loop can form. */
			if (to >= lowest || to < HDR)
				return DNS_EMALFORMED;
			if (!jumped)
				end = at + 2;
			jumped = 1;
			at = lowest = to;
			continue;
		}
		if (l & 0xc0)
			return DNS_EMALFORMED;
		if (!l)
			break;
		if (at + 1 + l > len || n + l + (n ? 1 : 0) >= DNS_NAME_MAX)
			return DNS_EMALFORMED;
		if (n)
			out[n++] = '.';
		for (size_t i = 0; i < l; i++) {
			if (!hostchar(msg[at + 1 + i]))
				return DNS_EMALFORMED;
			out[n++] = (char)msg[at + 1 + i];
		}
		at += 1 + (size_t)l;
	}
	out[n] = 0;
	*off = jumped ? end : at + 1;
	return 0;
}

/* a and b name the same node: case does not matter, nor a trailing dot on b. */
static int same_name(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (lb && b[lb - 1] == '.')
		lb--;
	return la == lb && !strncasecmp(a, b, la);
}

int dns_parse(const uint8_t *msg, size_t len, uint16_t id, const char *name, int qtype, struct dns_answer *a)
{
	char owner[DNS_NAME_MAX], cur[DNS_NAME_MAX], tmp[DNS_NAME_MAX];
	unsigned flags, qd, an, rcode, i;
	size_t off = HDR;
	int alen = qtype == DNS_T_A ? 4 : qtype == DNS_T_AAAA ? 16 : 0;

	memset(a, 0, sizeof(*a));
	if (len < HDR)
		return DNS_EMALFORMED;
	flags = get16(msg + 2);
	qd = get16(msg + 4);
	an = get16(msg + 6);
	if (get16(msg) != id || !(flags & F_QR) || (flags >> 11 & 15) != 0)
		return DNS_ENOTOURS;
	if (flags & F_TC)
		return DNS_ETRUNC;
	if (qd != 1)
		return DNS_ENOTOURS;
	if (dns_name(msg, len, &off, cur) || off + 4 > len)
		return DNS_EMALFORMED;
	if (!same_name(cur, name) || get16(msg + off) != (unsigned)qtype || get16(msg + off + 2) != CLASS_IN)
		return DNS_ENOTOURS;
	off += 4;
	rcode = flags & 15;
	if (rcode == 3)
		return DNS_ENXDOMAIN;
	if (rcode == 2)
		return DNS_ESERVFAIL;
	if (rcode)
		return DNS_EREFUSED;
	for (i = 0; i < an; i++) {
		unsigned type, class, rdlen;

		if (dns_name(msg, len, &off, owner) || off + 10 > len)
			return DNS_EMALFORMED;
		type = get16(msg + off);
		class = get16(msg + off + 2);
		rdlen = get16(msg + off + 8);
		off += 10;
		if (rdlen > len - off)
			return DNS_EMALFORMED;
		if (class != CLASS_IN || strcasecmp(owner, cur)) {
			off += rdlen;
			continue;
		}
		if (type == DNS_T_CNAME || (type == DNS_T_PTR && qtype == DNS_T_PTR)) {
			size_t r = off;
			if (dns_name(msg, off + rdlen, &r, tmp) || r != off + rdlen)
				return DNS_EMALFORMED;
			if (type == DNS_T_CNAME) {
				memcpy(cur, tmp, sizeof(cur));
			} else if (!a->name[0]) {
				memcpy(a->name, tmp, sizeof(tmp));
			}
		} else if (type == (unsigned)qtype && alen) {
			if (rdlen != (unsigned)alen)
				return DNS_EMALFORMED;
			if (a->naddr < DNS_ADDR_MAX)
				memcpy(a->addr[a->naddr++], msg + off, (size_t)alen);
		}
		off += rdlen;
	}
	if (qtype == DNS_T_PTR)
		return a->name[0] ? DNS_OK : DNS_ENODATA;
	if (!a->naddr)
		return DNS_ENODATA;
	memcpy(a->name, cur, sizeof(cur));
	return DNS_OK;
}

void dns_ptr_name(int family, const void *addr, char *out)
{
	static const char hex[] = "0123456789abcdef";
	const uint8_t *b = addr;
	char *o = out;
	int i;

	if (family == AF_INET6) {
		for (i = 15; i >= 0; i--) {
			*o++ = hex[b[i] & 15];
			*o++ = '.';
			*o++ = hex[b[i] >> 4];
			*o++ = '.';
		}
		memcpy(o, "ip6.arpa", 9);
		return;
	}
	for (i = 3; i >= 0; i--) {
		unsigned v = b[i];
		if (v >= 100)
			*o++ = (char)('0' + v / 100);
		if (v >= 10)
			*o++ = (char)('0' + v / 10 % 10);
		*o++ = (char)('0' + v % 10);
		*o++ = '.';
	}
	memcpy(o, "in-addr.arpa", 13);
}
