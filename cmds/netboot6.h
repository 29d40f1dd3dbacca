/* netboot's IPv6 methods of ip=: auto6 (router advertisements, SLAAC), dhcp6 (DHCPv6,
 * RFC 8415) and either6 (auto6, else dhcp6), as network-legacy's ifup.sh runs them. */
#ifndef NSBOX_NETBOOT6_H
#define NSBOX_NETBOOT6_H

#include <stdint.h>
#include "dracut.h"
#include "nl.h"

#define NB6_NS_MAX 4

/* What a configured device leaves for the state files. */
struct nb6 {
	int dhcp;                /* the address came from DHCPv6 */
	uint8_t addr[16];        /* the global address: DHCPv6's, or the first SLAAC one */
	int plen;
	uint8_t gw[16];          /* the router of the default route, zero when none */
	int nns;
	uint8_t ns[NB6_NS_MAX][16];
	char search[256];
};

/* Configure dev (index idx, up with its carrier) by method (DR_AUTO6, DR_DHCP6 or DR_EITHER6):
 * 0, or -1 after saying why. */
int netboot6(struct nlsock *sk, const char *dev, int idx, unsigned method, const struct dracut_net *dn, struct nb6 *r);

#endif
