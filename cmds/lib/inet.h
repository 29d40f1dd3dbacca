/* Address and prefix parsing, as iproute2's get_addr_1()/get_prefix_1(): the one parser of
 * addresses and prefixes in nsbox. */
#ifndef NSBOX_INET_H
#define NSBOX_INET_H

#include <sys/socket.h>

#define PFX_LEN_GIVEN 1      /* iproute2's PREFIXLEN_SPECIFIED: a /PLEN was written, or "default" */
#define PFX_ANY 2            /* "default", "any" or "all" */
struct inet_prefix {
	int family;          /* stays the family asked for (maybe AF_UNSPEC) for default/any/all */
	int bytelen;         /* bytes that go in an attribute: none for any/all, the family's for default */
	int bitlen;          /* an address: -1 (-2 for default/any/all); a prefix: its length, all
	                      * bits when none was written, 0 for default/any/all */
	unsigned flags;      /* PFX_* */
	unsigned char data[16];
};

/* An address, or "default", "any", "all", of family (AF_UNSPEC: IPv4 or IPv6 by its form;
 * AF_PACKET: a link-layer address; AF_MPLS labels are not taken). 0, or -1 when s is not one. */
int inet_addr_parse(struct inet_prefix *p, const char *s, int family);
/* ADDR[/PLEN], PLEN a length or a dotted IPv4 netmask; default/any/all without one. */
int inet_prefix_parse(struct inet_prefix *p, const char *s, int family);
/* An IPv4 or IPv6 address only (not default/any/all), of family (AF_UNSPEC: either). */
int inet_get_addr(struct inet_prefix *p, const char *s, int family);
/* A link-layer address as iproute2's ll_addr_a2n reads it: a dotted IPv4 address (4 bytes), or
 * parts split at ':', each read as scanf's %x (blanks, sign, 0x, trailing junk ignored) up to
 * 255, at most max of them. Its length (max + 1 for more parts, out[max] untouched, as
 * iproute2 counts), or -1 with *bad and *badlen (when bad is not NULL) the part that failed,
 * for iproute2's message ("PART" is invalid lladdr). */
int lladdr_parse(const char *s, unsigned char *out, int max, const char **bad, int *badlen);

static inline int inet_alen(int family) { return family == AF_INET6 ? 16 : 4; }

#endif
