/* RTM_GETNETCONF requests and the parsing of their replies. */
#include <errno.h>
#include <string.h>
#include "rtnl_netconf.h"

void rtnl_netconf_dump_build(struct nlb *b, void *buf, size_t cap, uint8_t family)
{
	struct netconfmsg *ncm;

	nlb_init(b, buf, cap, RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_DUMP);
	if ((ncm = nlb_put_extra(b, sizeof(*ncm))))
		ncm->ncm_family = family;
}

void rtnl_netconf_get_build(struct nlb *b, void *buf, size_t cap, uint8_t family, int ifindex)
{
	struct netconfmsg *ncm;

	nlb_init(b, buf, cap, RTM_GETNETCONF, NLM_F_REQUEST | NLM_F_ACK);
	if ((ncm = nlb_put_extra(b, sizeof(*ncm))))
		ncm->ncm_family = family;
	nlb_put_u32(b, NETCONFA_IFINDEX, (uint32_t)ifindex);
}

int rtnl_netconf_dump(struct nlsock *sk, uint8_t family, nl_cb cb, void *arg)
{
	char buf[32];
	struct nlb b;

	rtnl_netconf_dump_build(&b, buf, sizeof(buf), family);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_netconf_get(struct nlsock *sk, uint8_t family, int ifindex, nl_cb cb, void *arg)
{
	char buf[32];
	struct nlb b;

	rtnl_netconf_get_build(&b, buf, sizeof(buf), family, ifindex);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_netconf_parse(const struct nlmsghdr *h, struct netconf_info *ni)
{
	size_t hl = NLMSG_ALIGN(sizeof(struct netconfmsg));

	memset(ni, 0, sizeof(*ni));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	ni->ncm = nlmsg_data(h);
	return nla_parse(ni->tb, NETCONFA_MAX, (const char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl);
}
