/* DHCP and BOOTP client messages (RFC 951, 2131, 2132) as klibc's ipconfig sends them, and a
 * strict parser of the replies. Pure: no system calls, so the unit tests drive it byte for byte.
 * Addresses are in network byte order throughout. */
#ifndef NSBOX_DHCP_H
#define NSBOX_DHCP_H

#include <stddef.h>
#include <stdint.h>

enum { DHCPDISCOVER = 1, DHCPOFFER = 2, DHCPREQUEST = 3, DHCPACK = 5, DHCPNAK = 6 };
#define DHCP_BOOTP 0         /* a plain BOOTP request; a reply without a message type */

/* Why dhcp_parse did not take a packet. */
enum {
	DHCP_NOTUDP = -1,    /* not an intact IPv4 datagram of UDP (header, checksum, lengths) */
	DHCP_NOTOURS = -2,   /* other ports, not a BOOTP reply, or shorter than BOOTP's fields */
	DHCP_BADXID = -3,    /* another transaction */
	DHCP_BADCHADDR = -4, /* another client's hardware address */
	DHCP_MALFORMED = -5, /* an option runs past the end of the message */
};

#define DHCP_PKT_MAX 640     /* the largest request built here: IPv4, UDP, BOOTP, options */
#define DHCP_ROUTES_MAX 64
#define DHCP_SEARCH_MAX 1024

/* A request. The reply must match its xid, chaddr and ports (from dport to sport). */
struct dhcp_out {
	int type;                /* DHCPDISCOVER, DHCPREQUEST or DHCP_BOOTP */
	uint32_t xid;            /* sent as it is stored */
	uint16_t secs;
	uint8_t htype, hlen;
	uint8_t chaddr[16];
	uint32_t ciaddr;         /* BOOTP */
	uint32_t server_id, req_ip; /* DHCPREQUEST: options 54 and 50 */
	const char *vendor;      /* option 60, none when NULL or "" */
	const char *hostname;    /* option 12, none when NULL or "" (at most 64 bytes sent) */
	uint16_t sport, dport;
};
/* The IPv4 datagram (header, UDP, BOOTP, options, padding to BOOTP's 300 bytes) into buf:
 * its length, or 0 when cap is too small. */
size_t dhcp_build(uint8_t *buf, size_t cap, const struct dhcp_out *m);

struct dhcp_route {
	uint32_t dst, gw;
	uint8_t plen;
};
/* What a reply carries. 0 (or "", -1 for mtu) where the option is absent or not well formed
 * (wrong length, a string longer than klibc's field): such an option is left out, not cut. */
struct dhcp_lease {
	int type;                /* option 53, or DHCP_BOOTP */
	uint32_t yiaddr, siaddr, giaddr;
	uint32_t server_id, netmask, broadcast, router, dns[2], lease_time;
	int mtu;
	int has_domain;
	char hostname[65], domain[65], nis[65], rootpath[256], filename[129];
	int has_search;          /* option 119 decoded (RFC 3397), as "a.b. c.d." */
	char search[DHCP_SEARCH_MAX];
	int nroutes;             /* option 121 (RFC 3442) routes, when there are any */
	struct dhcp_route routes[DHCP_ROUTES_MAX];
	/* klibc's complaint about the rest of option 121: 1 a mask width (a) over 32, 2 fewer
	 * bytes (a) than a route needs (b); 0 none. */
	int route_warn;
	unsigned warn_a, warn_b;
};
/* Check a received IPv4 datagram (pkt, len bytes) as the reply to m and fill l: the message
 * type (>= 0) or a DHCP_* reason (< 0), l then undefined. */
int dhcp_parse(const uint8_t *pkt, size_t len, const struct dhcp_out *m, struct dhcp_lease *l);

/* The prefix length of a netmask, or -1 when its ones are not contiguous. */
int dhcp_mask_len(uint32_t mask);

#endif
