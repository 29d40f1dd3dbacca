/* The IP tunnel link kinds (ip_link_tunnel.c): gre, gretap, erspan, ip6gre, ip6gretap,
 * ip6erspan, ipip, sit, ip6tnl, vti, vti6, geneve, bareudp, xfrm. */
#ifndef NSBOX_IP_TUNNEL_H
#define NSBOX_IP_TUNNEL_H

#include <string.h>
#include "nl.h"
#include "rtnl.h"

/* Whether kind is one of ip_link_tunnel.c's (for the message of a build without them). */
static inline int tunnel_kind_named(const char *kind)
{
	static const char *const k[] = { "gre", "gretap", "erspan", "ip6gre", "ip6gretap", "ip6erspan",
		"ipip", "sit", "ip6tnl", "vti", "vti6", "geneve", "bareudp", "xfrm", NULL };

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

/* ip -6 tunnel (ip_tunnel.c): iproute2's ip6_tnl_parm_init (defaults: hop limit 64, encap
 * limit 4) and parse_args into p, the dev word's name in *medium (not looked up); -1 after a
 * message when change could not read the tunnel it names first. Exits as iproute2 on bad words. */
struct ip6_tnl_parm2;
void tnl6_init(struct ip6_tnl_parm2 *p, int defaults);
int tnl6_parse(int argc, char **argv, unsigned long cmd, struct ip6_tnl_parm2 *p, const char **medium);

/* What ip link's tunnel kinds and ip tunnel parse alike (ip_tunnel_words.c, built when either
 * is in the build). */
/* get_u8/u16/u32 of iproute2: a number that fits, or its "invalid ..." message (exit 255). */
uint32_t tnl_num(const char *s, int base, uint32_t max, const char *what);
/* tnl_parse_key: a dotted quad, or an unsigned number; network order. */
uint32_t tnl_key(const char *name, const char *s);
/* The words of the IPv6 tunnels encaplimit, tclass, flowlabel and dscp (W6_*) with value s,
 * into the tunnel's flowinfo, flags (IP6_TNL_F_*) and encap limit. */
enum { W6_ELIM, W6_TCLASS, W6_FLOW, W6_DSCP };
void tnl6_word(unsigned w, const char *s, uint32_t *flowinfo, uint32_t *flags, uint8_t *elim);
/* The modes of ip -6 tunnel (one of them makes ip tunnel one of -6), the first TNL6_KIND_MODES
 * those of the kind ip6tnl too, and their protocols in lockstep (TNL6_VTI: vti6's VTI_ISVTI). */
#define TNL6_KIND_MODES 8
#define TNL6_VTI 0x80
extern const char tnl6_modes[];
extern const unsigned char tnl6_protos[];


#endif
