/* What ip link's tunnel kinds (ip_link_tunnel.c) and ip tunnel / ip -6 tunnel (ip_tunnel.c)
 * parse alike: keys, bounded numbers, the IPv6 words and modes (ip_tunnel.h). */
#include <string.h>
#include <arpa/inet.h>
#include <linux/ip6_tunnel.h>
#include "inet.h"
#include "ip.h"
#include "ip_tunnel.h"

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
