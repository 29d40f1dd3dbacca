/* IPv6 router solicitations and advertisements (RFC 4861) with the DNS options of RFC 8106
 * (RDNSS, DNSSL): a router solicitation to send, and a strict parser of what a raw ICMPv6
 * socket delivers (the ICMPv6 message, no IPv6 header). Pure: the unit tests and the fuzzer
 * drive it byte for byte. */
#ifndef NSBOX_RA_H
#define NSBOX_RA_H

#include <stddef.h>
#include <stdint.h>

#define RA_NS_MAX 4
#define RA_PREFIX_MAX 4
#define RA_SEARCH_MAX 256

enum {
	RA_NOTRA = -1,       /* not a router advertisement (type, code, shorter than its header) */
	RA_MALFORMED = -2,   /* an option of length 0 or past the end, a DNS option that is cut */
};
#define RA_MANAGED 0x80      /* M: addresses by DHCPv6 */
#define RA_OTHER 0x40        /* O: other configuration by DHCPv6 */

struct ra_prefix {
	uint8_t a[16], plen, flags;       /* flags: 0x80 on-link (L), 0x40 autonomous (A) */
	uint32_t valid, preferred;
};
/* What an advertisement carries. DNS servers and domains with a lifetime of 0 are left out
 * (RFC 8106: they are withdrawn); past RA_NS_MAX servers the rest are dropped. */
struct ra_info {
	uint8_t flags;                    /* M, O */
	uint16_t lifetime;                /* router lifetime, seconds; 0: not a default router */
	uint32_t mtu;                     /* option 5, 0 when absent */
	int nprefix;
	struct ra_prefix prefix[RA_PREFIX_MAX];
	int nns;
	uint8_t ns[RA_NS_MAX][16];
	char search[RA_SEARCH_MAX];       /* DNSSL's domains, "a.b c.d", "" when none */
};
/* Parse an ICMPv6 message of n bytes: 0 with ra filled, or RA_*. */
int ra_parse(const uint8_t *p, size_t n, struct ra_info *ra);
/* A router solicitation with the source link-layer address option (hwlen bytes of hw; none
 * when hwlen is 0) into buf: its length, or 0 when cap is too small. The kernel sums it. */
size_t ra_build_rs(uint8_t *buf, size_t cap, const uint8_t *hw, size_t hwlen);
/* Uncompressed DNS names one after another (RFC 1035 3.1, as DNSSL and DHCPv6's option 24
 * carry them), zero padding after the last allowed when pad: appended to out (cap bytes, NUL
 * kept) as "a.b c.d", each name once. 0, or -1 when a name is malformed or does not fit. */
int dname_list(const uint8_t *p, size_t n, int pad, char *out, size_t cap);

#endif
