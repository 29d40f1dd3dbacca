/* RTM_NEWADDRLABEL / RTM_DELADDRLABEL requests, label dumps and their parsing. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "rtnl_addrlabel.h"

void rtnl_addrlabel_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
			  const struct addrlabel_req *r)
{
	struct ifaddrlblmsg *ifal;

	nlb_init(b, buf, cap, type, NLM_F_REQUEST | nlflags);
	if (!(ifal = nlb_put_extra(b, sizeof(*ifal))))
		return;
	ifal->ifal_family = r->family;
	ifal->ifal_prefixlen = r->prefixlen;
	ifal->ifal_index = r->index;
	nlb_put_u32(b, IFAL_LABEL, r->label);
	nlb_put(b, IFAL_ADDRESS, r->addr, r->alen < 0 ? 0 : (size_t)r->alen);
}

void rtnl_addrlabel_dump_build(struct nlb *b, void *buf, size_t cap, uint8_t family)
{
	struct ifaddrlblmsg *ifal;

	nlb_init(b, buf, cap, RTM_GETADDRLABEL, NLM_F_REQUEST | NLM_F_DUMP);
	if ((ifal = nlb_put_extra(b, sizeof(*ifal))))
		ifal->ifal_family = family;
}

int rtnl_addrlabel_dump(struct nlsock *sk, uint8_t family, nl_cb cb, void *arg)
{
	char buf[32];
	struct nlb b;

	rtnl_addrlabel_dump_build(&b, buf, sizeof(buf), family);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_addrlabel_parse(const struct nlmsghdr *h, struct addrlabel_info *ai)
{
	size_t hl = NLMSG_ALIGN(sizeof(struct ifaddrlblmsg));

	memset(ai, 0, sizeof(*ai));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	ai->ifal = nlmsg_data(h);
	return nla_parse(ai->tb, IFAL_MAX, (const char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl);
}
