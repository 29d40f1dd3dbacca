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

/* What ip link's tunnel kinds and ip tunnel parse alike, written once below and built once: in
 * ip_link_tunnel.c, or in ip_tunnel.c when the build leaves the link kinds out (the file that
 * defines TNL_SHARED_HERE before it includes this). */
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

#ifdef TNL_SHARED_HERE
#include <arpa/inet.h>
#include <linux/ip6_tunnel.h>
#include "inet.h"
#include "ip.h"

const char tnl6_modes[] = "ipv6/ipv6\0ip6ip6\0ip/ipv6\0ipv4/ipv6\0ipip6\0ip4ip6\0any/ipv6\0any\0"
			 "vti6\0ip6gre\0gre/ipv6\0";
const unsigned char tnl6_protos[] = { IPPROTO_IPV6, IPPROTO_IPV6, IPPROTO_IPIP, IPPROTO_IPIP, IPPROTO_IPIP,
				      IPPROTO_IPIP, 0, 0, IPPROTO_IPV6 | TNL6_VTI, IPPROTO_GRE, IPPROTO_GRE };

uint32_t tnl_num(const char *s, int base, uint32_t max, const char *what)
{
	uint32_t v;

	if (parse_u32(s, &v, base) || v > max)
		ip_invarg(what, s);
	return v;
}

uint32_t tnl_key(const char *name, const char *s)
{
	struct inet_prefix p;
	uint32_t v, be;

	if (strchr(s, '.')) {
		if (inet_addr_parse(&p, s, AF_INET))
			die(1, "Error: an IP address is expected rather than \"%s\"\n", s);
		memcpy(&be, p.data, 4);
		return be;
	}
	if (parse_u32(s, &v, 0))
		die(255, "invalid value for \"%s\": \"%s\"; it should be an unsigned integer\n", name, s);
	return htonl(v);
}

void tnl6_word(unsigned w, const char *s, uint32_t *flowinfo, uint32_t *flags, uint8_t *elim)
{
	static const uint32_t bits[] = { IP6_TNL_F_IGN_ENCAP_LIMIT, IP6_TNL_F_USE_ORIG_TCLASS,
					 IP6_TNL_F_USE_ORIG_FLOWLABEL, IP6_TNL_F_RCV_DSCP_COPY };

	if (w == W6_TCLASS)
		*flowinfo &= ~htonl(0x0ff00000);
	if (w == W6_FLOW)
		*flowinfo &= ~htonl(0xfffff);
	if (!strcmp(s, w == W6_ELIM ? "none" : "inherit")) {
		*flags |= bits[w];
		return;
	}
	if (w == W6_DSCP)
		ip_invarg("not inherit", s);
	if (w == W6_ELIM)
		*elim = (uint8_t)tnl_num(s, 0, 255, "invalid ELIM");
	else if (w == W6_TCLASS)
		*flowinfo |= htonl(tnl_num(s, 16, 255, "invalid TClass") << 20);
	else
		*flowinfo |= htonl(tnl_num(s, 16, 0xfffff, "invalid Flowlabel"));
	*flags &= ~bits[w];
}
#endif

#endif
