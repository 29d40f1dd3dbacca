/* DNS messages (RFC 1035) for the stub resolver: a query builder and a strict parser of the
 * answers, for A, AAAA and PTR. Pure: no system calls, so the unit tests and the fuzz target
 * drive it byte for byte. Everything an answer says is bounded here: names are decompressed
 * with pointers that must point backwards (no loops), labels and names within RFC 1035's
 * limits, records within the message, and names made only of host-name characters (letters,
 * digits, '-', '_'), so an answer cannot put escapes into what ping prints. */
#ifndef NSBOX_DNS_H
#define NSBOX_DNS_H

#include <stddef.h>
#include <stdint.h>

enum { DNS_T_A = 1, DNS_T_CNAME = 5, DNS_T_PTR = 12, DNS_T_AAAA = 28 };

#define DNS_UDP_MAX 512      /* a UDP answer without EDNS */
#define DNS_NAME_MAX 254     /* a name as text, with its NUL (RFC 1035: 255 on the wire) */
#define DNS_ADDR_MAX 16      /* addresses kept from one answer */

/* What dns_parse makes of an answer. */
enum {
	DNS_OK = 0,
	DNS_EMALFORMED = -1, /* out of bounds, a bad label or pointer, a record that does not fit */
	DNS_ENOTOURS = -2,   /* another id, not an answer, another question: keep waiting */
	DNS_ETRUNC = -3,     /* TC set: the answer did not fit in UDP */
	DNS_ENXDOMAIN = -4,  /* the name does not exist */
	DNS_ESERVFAIL = -5,  /* SERVFAIL: try again later */
	DNS_EREFUSED = -6,   /* another error code (FORMERR, NOTIMP, REFUSED ...): ask another server */
	DNS_ENODATA = -7,    /* the name exists, without records of that type */
};

/* The query for name (a trailing dot is allowed) of type qtype, with id and RD set, into buf:
 * its length, or 0 when the name is not a valid one (an empty label, a label over 63 bytes, a
 * name over 253) or cap is too small. */
size_t dns_query(uint8_t *buf, size_t cap, uint16_t id, const char *name, int qtype);

struct dns_answer {
	int naddr;                          /* A or AAAA records of the final name */
	uint8_t addr[DNS_ADDR_MAX][16];     /* 4 or 16 bytes each */
	char name[DNS_NAME_MAX];            /* the final owner name (after CNAMEs); for PTR, its target */
};
/* An answer to the query (id, name, qtype): DNS_OK with *a filled (naddr > 0, or a PTR name),
 * or one of the errors above. CNAME chains are followed in the order the records come, as
 * glibc does; records of other names or types are skipped. */
int dns_parse(const uint8_t *msg, size_t len, uint16_t id, const char *name, int qtype, struct dns_answer *a);

/* The name in msg at *off, decompressed, as dotted text without a trailing dot (the root is
 * ""), into out (DNS_NAME_MAX); *off moves past it. 0, or DNS_EMALFORMED. */
int dns_name(const uint8_t *msg, size_t len, size_t *off, char *out);

/* The PTR name of an address: d.c.b.a.in-addr.arpa or the 32 nibbles of ip6.arpa, into out
 * (DNS_NAME_MAX). */
void dns_ptr_name(int family, const void *addr, char *out);

#endif
