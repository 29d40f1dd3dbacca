/* The IP tunnel link kinds (ip_link_tunnel.c): gre, gretap, erspan, ip6gre, ip6gretap,
 * ip6erspan, ipip, sit, ip6tnl, vti, vti6, geneve. */
#ifndef NSBOX_IP_TUNNEL_H
#define NSBOX_IP_TUNNEL_H

#include <string.h>
#include "nl.h"
#include "rtnl.h"

/* Whether kind is one of ip_link_tunnel.c's (for the message of a build without them). */
static inline int tunnel_kind_named(const char *kind)
{
	static const char *const k[] = { "gre", "gretap", "erspan", "ip6gre", "ip6gretap", "ip6erspan",
		"ipip", "sit", "ip6tnl", "vti", "vti6", "geneve", NULL };

	for (int i = 0; k[i]; i++)
		if (!strcmp(k[i], kind))
			return 1;
	return 0;
}

/* The words after "type KIND" into kdata, as iproute2 6.1 parses them (ip link set first
 * reads the tunnel's settings, as iproute2 does). -1 when KIND is not a tunnel kind. */
int tunnel_kind_parse(struct nlb *kdata, struct link_req *r, int argc, char **argv);
/* -d: the "info_data" of a tunnel kind, as iproute2 6.1 prints it; 0 when KIND is not one. */
int tunnel_kind_print(const char *kind, const char *key, const struct nlattr *data);

#endif
