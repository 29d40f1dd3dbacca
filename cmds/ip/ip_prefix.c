/* The address and prefix words of ip: iproute2's get_addr() and get_prefix(), which exit with
 * its message on a word that is not one, over the one parser of lib/inet.c. */
#include <string.h>
#include "lib.h"
#include "inet.h"
#include "ip.h"
#include "ip_print.h"

static _Noreturn void not_one(const char *what, const char *s, int family)
{
	die(1, "Error: %s %s is expected rather than \"%s\".\n",
	    family == AF_UNSPEC ? "any valid" : name_family(family), what, s);
}

void ip_get_addr(struct inet_prefix *p, const char *s, int family)
{
	if (inet_addr_parse(p, s, family))
		not_one("address", s, family);
}

void ip_get_prefix(struct inet_prefix *p, const char *s, int family)
{
	if (family == AF_PACKET)
		die(1, "Error: \"%s\" may be inet prefix, but it is not allowed in this context.\n", s);
	if (inet_prefix_parse(p, s, family))
		not_one("prefix", s, family);
}

int addr_pfx_match(const struct inet_prefix *p, const void *data, size_t len)
{
	const unsigned char *d = data;
	int bits = p->bitlen;

	if (p->family == AF_UNSPEC || bits <= 0)
		return 1;
	if (len != (size_t)p->bytelen)
		return 0;
	/* Bit by bit: a selector's few compares, where a memcmp and a last byte cost more code. */
	for (int i = 0; i < bits; i++)
		if ((d[i / 8] ^ p->data[i / 8]) & (0x80 >> (i % 8)))
			return 0;
	return 1;
}
