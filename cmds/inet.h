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
/* A link-layer address "aa:bb:..." (1 or 2 hex digits a byte) into out; its length, or -1. */
int lladdr_parse(const char *s, unsigned char *out, int max);

static inline int inet_alen(int family) { return family == AF_INET6 ? 16 : 4; }

#endif
