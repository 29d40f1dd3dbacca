/* DHCPv6 client messages (RFC 8415): Solicit, Request and Information-request, and a strict
 * parser of Advertise and Reply. Pure: no system calls; the unit tests and the fuzzer drive it
 * byte for byte. The messages are what goes in one UDP datagram (port 546 to 547). */
#ifndef NSBOX_DHCP6_H
#define NSBOX_DHCP6_H

#include <stddef.h>
#include <stdint.h>

enum { D6_SOLICIT = 1, D6_ADVERTISE = 2, D6_REQUEST = 3, D6_REPLY = 7, D6_INFOREQ = 11 };

enum {
	D6_NOTOURS = -1,     /* not an Advertise or Reply, another transaction, another client */
	D6_MALFORMED = -2,   /* an option past the end, a fixed option of the wrong length */
	D6_NOSERVER = -3,    /* no server identifier */
};

#define D6_DUID_MAX 130      /* RFC 8415: a DUID is at most 128 bytes, plus its type */
#define D6_NS_MAX 4
#define D6_SEARCH_MAX 256
#define D6_PKT_MAX 400

/* A request. The client's DUID is DUID-LL (type 3) of hw. */
struct d6_out {
	int type;                /* D6_SOLICIT, D6_REQUEST, D6_INFOREQ */
	uint8_t xid[3];
	uint16_t hwtype;         /* ARPHRD_* */
	uint8_t hw[20];
	size_t hwlen;
	uint16_t elapsed;        /* hundredths of a second */
	uint32_t iaid;
	size_t server_len;       /* D6_REQUEST: the server's identifier, and the address offered */
	uint8_t server[D6_DUID_MAX];
	uint8_t addr[16];
};
size_t d6_build(uint8_t *buf, size_t cap, const struct d6_out *m);

/* What a reply carries. has_addr: an IA_NA of our IAID with an address of nonzero valid
 * lifetime and no error status; status: the first non-success status code (top level or in
 * our IA_NA), 0 when none. */
struct d6_reply {
	int type;
	int status;
	uint8_t pref;            /* option 7, 0 when absent */
	size_t server_len;
	uint8_t server[D6_DUID_MAX];
	int has_addr;
	uint8_t addr[16];
	uint32_t t1, t2, preferred, valid;
	int nns;
	uint8_t ns[D6_NS_MAX][16];
	char search[D6_SEARCH_MAX];
};
/* Check a received message (p, n bytes) as the answer to m: the message type, or D6_*. */
int d6_parse(const uint8_t *p, size_t n, const struct d6_out *m, struct d6_reply *r);

#endif
