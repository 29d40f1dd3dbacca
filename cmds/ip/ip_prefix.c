/* The address and prefix words of ip, as iproute2's get_addr()/get_prefix() read them: the
 * flavour of ip address (addr_*) and that of ip route (rt_*). */
#include <arpa/inet.h>
#include <string.h>
#include "lib.h"
#include "inet.h"
#include "ip_addr.h"
#include "ip_print.h"
#include "ip_route.h"

/* ---- ip address ---- */

static int fam_len(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

/* bitlen -2 marks default/any/all, which take no /PLEN. */
static int get_addr1(struct addr_pfx *p, const char *s, int family)
{
	struct inet_prefix ip;

	memset(p, 0, sizeof(*p));
	p->family = family;
	p->bitlen = -2;
	if (!strcmp(s, "default")) {
		p->bytelen = fam_len(family);
		p->plen_given = 1;
		return 0;
	}
	if (!strcmp(s, "all") || !strcmp(s, "any"))
		return 0;
	if ((family != AF_UNSPEC && family != AF_INET && family != AF_INET6) || inet_get_addr(&ip, s, family))
		return -1;
	p->family = ip.family;
	p->bytelen = fam_len(ip.family);
	p->bitlen = -1;
	memcpy(p->data, ip.data, 16);
	return 0;
}

/* A /PLEN is a number (C syntax) or a dotted netmask; -1 if neither. */
static int netmask_bits(const char *s)
{
	struct addr_pfx m;
	uint32_t v, host;

	if (!parse_u32(s, &v, 0))
		return v > 255 ? 255 : (int)v;
	if (get_addr1(&m, s, AF_INET) || m.family != AF_INET)
		return -1;
	memcpy(&v, m.data, 4);
	host = ~ntohl(v);
	if (host & (host + 1))
		return -1;
	return 32 - __builtin_popcount(host);
}

static int get_prefix1(struct addr_pfx *p, const char *s, int family)
{
	char buf[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	int max, bits;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = 0;
	if (get_addr1(p, buf, family))
		return -1;
	max = fam_len(p->family) * 8;
	if (!slash) {
		p->bitlen = p->bitlen == -2 ? 0 : max;
		return 0;
	}
	if (p->bitlen == -2 || (bits = netmask_bits(slash + 1)) < 0 || bits > max)
		return -1;
	p->bitlen = bits;
	p->plen_given = 1;
	return 0;
}

static const char *fam_verbose(int family)
{
	return family == AF_UNSPEC ? "any valid" : name_family(family);
}

void addr_get_prefix(struct addr_pfx *p, const char *s, int family)
{
	if (family == AF_PACKET)
		die(1, "Error: \"%s\" may be inet prefix, but it is not allowed in this context.\n", s);
	if (get_prefix1(p, s, family))
		die(1, "Error: %s prefix is expected rather than \"%s\".\n", fam_verbose(family), s);
}

void addr_get_addr(struct addr_pfx *p, const char *s, int family)
{
	if (get_addr1(p, s, family))
		die(1, "Error: %s address is expected rather than \"%s\".\n", fam_verbose(family), s);
}

int addr_pfx_match(const struct addr_pfx *p, const void *data, size_t len)
{
	const unsigned char *d = data;
	int bits = p->bitlen;

	if (p->family == AF_UNSPEC || bits <= 0)
		return 1;
	if (len != (size_t)fam_len(p->family) || memcmp(d, p->data, bits / 8))
		return 0;
	return bits % 8 == 0 || !((d[bits / 8] ^ p->data[bits / 8]) & (0xff00 >> (bits % 8)));
}

/* ---- ip route ---- */

static int af_bits(int family)
{
	return family == AF_INET6 ? 128 : family == AF_INET ? 32 : family == AF_MPLS ? 20 : 0;
}

int rt_get_addr1(struct rt_prefix *p, const char *s, int family)
{
	struct inet_prefix a;
	int n;

	memset(p, 0, sizeof(*p));
	p->family = family;
	p->bitlen = -2;
	if (!strcmp(s, "default") || !strcmp(s, "all") || !strcmp(s, "any")) {
		if (family == AF_MPLS)
			return -1;
		if (*s == 'd')
			p->bytelen = af_bits(family) / 8, p->plen_set = 1;
		return 0;
	}
	p->bitlen = -1;
	if (family == AF_PACKET) {
		if ((n = lladdr_parse(s, p->data, sizeof(p->data), NULL, NULL)) < 0)
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
	/* MPLS labels are not taken. */
	if ((family != AF_UNSPEC && family != AF_INET) || inet_get_addr(&a, s, AF_INET))
		return -1;
	p->family = AF_INET;
	p->bytelen = 4;
	memcpy(p->data, a.data, 4);
	return 0;
}

/* A length, or a dotted IPv4 mask of contiguous ones. */
static int get_netmask(const char *s, uint32_t *plen)
{
	struct rt_prefix m;
	uint32_t v, host;

	if (!parse_u32(s, plen, 0))
		return 0;
	if (rt_get_addr1(&m, s, AF_INET) || m.family != AF_INET)
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

int rt_get_prefix1(struct rt_prefix *p, const char *s, int family)
{
	char head[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	uint32_t plen;
	int bits;

	if (n >= sizeof(head))
		return -1;
	memcpy(head, s, n);
	head[n] = 0;
	if (rt_get_addr1(p, head, family))
		return -1;
	bits = af_bits(p->family);
	if (slash) {
		if (p->bitlen == -2 || get_netmask(slash + 1, &plen) || plen > (uint32_t)bits)
			return -1;
		p->plen_set = 1;
		bits = plen;
	} else if (p->bitlen == -2) {
		bits = 0;
	}
	p->bitlen = bits;
	return 0;
}

static const char *family_verbose(int family)
{
	return family == AF_UNSPEC ? "any valid" : name_family(family);
}

void rt_get_addr(struct rt_prefix *p, const char *s, int family)
{
	if (rt_get_addr1(p, s, family))
		die(1, "Error: %s address is expected rather than \"%s\".\n", family_verbose(family), s);
}

void rt_get_prefix(struct rt_prefix *p, const char *s, int family)
{
	if (family == AF_PACKET)
		die(1, "Error: \"%s\" may be inet prefix, but it is not allowed in this context.\n", s);
	if (rt_get_prefix1(p, s, family))
		die(1, "Error: %s prefix is expected rather than \"%s\".\n", family_verbose(family), s);
}
