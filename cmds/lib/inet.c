#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "inet.h"
#include "lib.h"
#include "scan.h"

/* inet_pton as musl's (same forms taken, same refused), defined here so that the static link
 * takes it in place of libc's: musl's is built -O2, 833 bytes on x86_64. IPv4: four decimal
 * parts of 1 to 3 digits, no leading 0, up to 255. */
static int pton4(const char *s, unsigned char *a)
{
	for (int i = 0; i < 4; i++) {
		int v = 0, j = 0;

		for (; j < 3 && *s >= '0' && *s <= '9'; j++)
			v = 10 * v + *s++ - '0';
		if (!j || (j > 1 && s[-j] == '0') || v > 255 || *s++ != (i == 3 ? 0 : '.'))
			return 0;
		a[i] = (unsigned char)v;
	}
	return 1;
}

int inet_pton(int af, const char *restrict s, void *restrict a0)
{
	uint16_t ip[8];
	unsigned char *a = a0;
	int i, j, v, d, brk = -1;

	if (af == AF_INET)
		return pton4(s, a);
	if (af != AF_INET6) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	if (*s == ':' && *++s != ':')
		return 0;
	for (i = 0;; i++) {
		if (*s == ':' && brk < 0) {
			brk = i;
			ip[i & 7] = 0;
			if (!*++s)
				break;
			if (i == 7)
				return 0;
			continue;
		}
		for (v = j = 0; j < 4 && (d = (int)scan_digit((unsigned char)s[j])) < 16; j++)
			v = 16 * v + d;
		if (!j)
			return 0;
		ip[i & 7] = (uint16_t)v;
		if (!s[j] && (brk >= 0 || i == 7))
			break;
		if (i == 7)
			return 0;
		if (s[j] != ':') {
			/* the last 32 bits as IPv4 */
			if (s[j] != '.' || (i < 6 && brk < 0))
				return 0;
			ip[++i & 7] = 0;
			break;
		}
		s += j + 1;
	}
	/* the groups after "::" to the end, zeros in their place (ip[brk] is 0) */
	for (j = 7; brk >= 0 && j > brk; j--)
		ip[j] = i > brk ? ip[i--] : 0;
	for (j = 0; j < 8; j++) {
		*a++ = (unsigned char)(ip[j] >> 8);
		*a++ = (unsigned char)ip[j];
	}
	return !strchr(s, '.') || pton4(s, a - 4);
}

/* iproute2's IPv4 syntax: up to four parts, each a number in C syntax (0x.., 0..) up to 255;
 * missing parts are 0 ("10.1" is 10.1.0.0). */
static int get_ipv4(unsigned char *out, const char *s)
{
	for (int i = 0; i < 4; i++) {
		unsigned base = 10, n = 0, d;
		const char *start;

		while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
			s++;
		if (*s == '+')
			s++;
		if (s[0] == '0' && (s[1] | 32) == 'x' && scan_digit((unsigned char)s[2]) < 16)
			s += 2, base = 16;
		else if (s[0] == '0')
			base = 8;
		for (start = s;; s++) {
			d = scan_digit((unsigned char)*s);   /* 99: past any base */
			if (d >= base)
				break;
			n = n * base + d;
			if (n > 255)
				return -1;
		}
		if (s == start && base != 8)
			return -1;
		out[i] = (unsigned char)n;
		if (!*s)
			return 0;
		if (i == 3 || *s++ != '.')
			return -1;
	}
	return -1;
}

int inet_addr_parse(struct inet_prefix *p, const char *s, int family)
{
	int any = !strcmp(s, "default") || !strcmp(s, "all") || !strcmp(s, "any"), n;

	memset(p, 0, sizeof(*p));
	p->family = family;
	p->bitlen = -1;
	if (any) {
		if (family == AF_MPLS)
			return -1;
		p->bitlen = -2;
		p->flags = PFX_ANY;
		if (*s == 'd')
			p->bytelen = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0, p->flags |= PFX_LEN_GIVEN;
		return 0;
	}
	if (family == AF_PACKET) {
		if ((n = lladdr_parse(s, p->data, sizeof(p->data), NULL, NULL)) < 0 || n > (int)sizeof(p->data))
			return -1;
		p->bytelen = n;
		p->bitlen = n * 8;
		return 0;
	}
	if (strchr(s, ':')) {
		p->family = AF_INET6;
		p->bytelen = 16;
		return (family != AF_UNSPEC && family != AF_INET6) || inet_pton(AF_INET6, s, p->data) != 1 ? -1 : 0;
	}
	p->family = AF_INET;
	p->bytelen = 4;
	return (family != AF_UNSPEC && family != AF_INET) || get_ipv4(p->data, s) ? -1 : 0;
}

int inet_get_addr(struct inet_prefix *p, const char *s, int family)
{
	if ((family != AF_UNSPEC && family != AF_INET && family != AF_INET6) || inet_addr_parse(p, s, family) ||
	    (p->flags & PFX_ANY))
		return -1;
	return 0;
}

/* iproute2's get_netmask: a length in C syntax (010 is 8), or a dotted IPv4 mask of contiguous
 * ones (default/any/all are the zero address: a mask of none). */
static int netmask(const char *s, uint32_t *plen)
{
	struct inet_prefix m;
	uint32_t v, host;

	if (!parse_u32(s, plen, 0))
		return 0;
	if (inet_addr_parse(&m, s, AF_INET) || m.family != AF_INET)
		return -1;
	memcpy(&v, m.data, 4);
	v = ntohl(v);
	host = ~v;
	if (host & (host + 1))
		return -1;
	for (*plen = 0; v; v <<= 1)
		++*plen;
	return 0;
}

int inet_prefix_parse(struct inet_prefix *p, const char *s, int family)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	uint32_t plen;
	int bits;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	if (inet_addr_parse(p, buf, family))
		return -1;
	bits = p->family == AF_INET6 ? 128 : p->family == AF_INET ? 32 : p->family == AF_MPLS ? 20 : 0;
	if (slash) {
		if (p->bitlen == -2 || netmask(slash + 1, &plen) || plen > (uint32_t)bits)
			return -1;
		p->flags |= PFX_LEN_GIVEN;
		bits = (int)plen;
	} else if (p->bitlen == -2) {
		bits = 0;
	}
	p->bitlen = bits;
	return 0;
}

int lladdr_parse(const char *s, unsigned char *out, int max, const char **bad, int *badlen)
{
	struct inet_prefix p;
	const char *part = s;
	int i;

	if (strchr(s, '.')) {
		if (max < 4 || inet_get_addr(&p, s, AF_INET))
			goto fail;
		memcpy(out, p.data, 4);
		return 4;
	}
	for (i = 0; i < max; i++) {
		const char *c = part;
		unsigned long long v = 0;
		int neg = 0, any = 0, ovf = 0, d;

		while (*c == ' ' || (*c >= '\t' && *c <= '\r'))
			c++;
		if (*c == '+' || *c == '-')
			neg = *c++ == '-';
		if (c[0] == '0' && (c[1] | 32) == 'x')
			c += 2, any = 1;
		for (; (d = (int)scan_digit((unsigned char)*c)) < 16; c++, any = 1) {
			ovf |= (int)(v >> 60);
			v = v << 4 | (unsigned)d;
		}
		/* strtoul's value (ULONG_MAX past the range, else negated), of which %x keeps 32 bits */
		v = ovf ? ~0ull : neg ? 0 - v : v;
		if (!any || (uint32_t)v > 255)
			goto fail;
		out[i] = (unsigned char)v;
		if (!(c = strchr(part, ':')))
			return i + 1;
		part = c + 1;
	}
	/* More parts than fit: iproute2's length is one more than it parsed (out[max] left as it
	 * was). Callers that cannot send that refuse it with the first part in the message. */
	if (bad)
		*bad = s, *badlen = (int)(strchrnul(s, ':') - s);
	return max + 1;
fail:
	if (bad)
		*bad = part, *badlen = part == s && strchr(s, '.') ? (int)strlen(s) : (int)(strchrnul(part, ':') - part);
	return -1;
}
