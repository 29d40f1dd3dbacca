#include <arpa/inet.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "inet.h"
#include "lib.h"

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
		if (s[0] == '0' && (s[1] | 32) == 'x' && isxdigit((unsigned char)s[2]))
			s += 2, base = 16;
		else if (s[0] == '0')
			base = 8;
		for (start = s;; s++) {
			d = *s >= '0' && *s <= '9' ? (unsigned)(*s - '0') : isxdigit((unsigned char)*s) ? (unsigned)((*s | 32) - 'a' + 10) : 99;
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

int inet_get_addr(struct inet_prefix *p, const char *s, int family)
{
	memset(p, 0, sizeof(*p));
	p->bitlen = -1;
	if ((family == AF_UNSPEC || family == AF_INET) && !strchr(s, ':')) {
		if (get_ipv4(p->data, s))
			return -1;
		p->family = AF_INET;
		return 0;
	}
	if ((family == AF_UNSPEC || family == AF_INET6) && strchr(s, ':')) {
		if (inet_pton(AF_INET6, s, p->data) != 1)
			return -1;
		p->family = AF_INET6;
		return 0;
	}
	return -1;
}

int inet_get_prefix(struct inet_prefix *p, const char *s, int family)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	uint32_t plen;

	if (!strcmp(s, "default") || !strcmp(s, "any") || !strcmp(s, "all")) {
		memset(p, 0, sizeof(*p));
		p->family = family == AF_UNSPEC ? AF_INET : family;
		p->bitlen = 0;
		p->is_default = 1;
		return 0;
	}
	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	if (inet_get_addr(p, buf, family))
		return -1;
	if (slash) {
		if (parse_u32(slash + 1, &plen, 10) || plen > (uint32_t)inet_alen(p->family) * 8)
			return -1;
		p->bitlen = plen;
	}
	return 0;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int lladdr_parse(const char *s, unsigned char *out, int max)
{
	int n = 0;

	for (;;) {
		int hi = hexval(s[0]), lo;

		if (hi < 0 || n >= max)
			return -1;
		lo = hexval(s[1]);
		out[n++] = (unsigned char)(lo < 0 ? hi : hi * 16 + lo);
		s += lo < 0 ? 1 : 2;
		if (!*s)
			return n;
		if (*s++ != ':')
			return -1;
	}
}
