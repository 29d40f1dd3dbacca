/* Address and prefix parsing, as iproute2's get_addr()/get_prefix(). */
#ifndef NSBOX_INET_H
#define NSBOX_INET_H

#include <sys/socket.h>

struct inet_prefix {
	int family;          /* AF_INET or AF_INET6 */
	int bitlen;          /* prefix length; -1 when none was given */
	int is_default;      /* "default" / "any" / "all" */
	unsigned char data[16];
};

/* family AF_UNSPEC accepts either. 0, or -1 when s is not an address of that family. */
int inet_get_addr(struct inet_prefix *p, const char *s, int family);
/* ADDR[/PLEN] or "default"; -1 when invalid. */
int inet_get_prefix(struct inet_prefix *p, const char *s, int family);
/* A link-layer address as iproute2's ll_addr_a2n reads it: a dotted IPv4 address (4 bytes), or
 * parts split at ':', each read as scanf's %x (blanks, sign, 0x, trailing junk ignored) up to
 * 255, at most max of them. Its length, or -1 with *bad and *badlen (when bad is not NULL) the
 * part that failed, for iproute2's message ("PART" is invalid lladdr). */
int lladdr_parse(const char *s, unsigned char *out, int max, const char **bad, int *badlen);

static inline int inet_alen(int family) { return family == AF_INET6 ? 16 : 4; }

#endif
