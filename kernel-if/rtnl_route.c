/* RTM_NEWROUTE / RTM_DELROUTE requests and route dumps. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "rtnl.h"

void route_req_init(struct route_req *r)
{
	memset(r, 0, sizeof(*r));
	r->family = AF_INET;
	r->table = RT_TABLE_MAIN;
	r->protocol = RTPROT_BOOT;
	r->scope = -1;
	r->type = RTN_UNICAST;
	r->metric = -1;
}

void rtnl_route_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags, const struct route_req *r)
{
	struct rtmsg *rtm;
	size_t alen = r->family == AF_INET6 ? 16 : 4;

	nlb_init(b, buf, cap, type, NLM_F_REQUEST | nlflags);
	rtm = nlb_put_extra(b, sizeof(*rtm));
	if (!rtm)
		return;
	rtm->rtm_family = r->family;
	rtm->rtm_dst_len = r->dst_len;
	rtm->rtm_table = r->table < 256 ? r->table : RT_TABLE_UNSPEC;
	rtm->rtm_protocol = type == RTM_DELROUTE ? 0 : r->protocol;
	if (r->scope >= 0)
		rtm->rtm_scope = r->scope;
	else if (type == RTM_DELROUTE)
		rtm->rtm_scope = RT_SCOPE_NOWHERE;
	else
		rtm->rtm_scope = r->has_gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	rtm->rtm_type = type == RTM_DELROUTE && r->type == RTN_UNICAST ? RTN_UNSPEC : r->type;
	if (r->has_dst)
		nlb_put(b, RTA_DST, r->dst, alen);
	if (r->metric >= 0)
		nlb_put_u32(b, RTA_PRIORITY, r->metric);
	if (r->has_gw)
		nlb_put(b, RTA_GATEWAY, r->gw, alen);
	if (r->table >= 256)
		nlb_put_u32(b, RTA_TABLE, r->table);
	if (r->oif)
		nlb_put_u32(b, RTA_OIF, r->oif);
}

int rtnl_route_dump(struct nlsock *sk, const struct rtnl_filter *f, nl_cb cb, void *arg)
{
	char buf[64];
	struct nlb b;
	struct rtmsg *rtm;

	nlb_init(&b, buf, sizeof(buf), RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP);
	rtm = nlb_put_extra(&b, sizeof(*rtm));
	if (rtm) {
		rtm->rtm_family = f->family;
		rtm->rtm_protocol = f->protocol;
	}
	if (f->table)
		nlb_put_u32(&b, RTA_TABLE, f->table);
	if (f->oif)
		nlb_put_u32(&b, RTA_OIF, f->oif);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_route_parse(const struct nlmsghdr *h, struct route_info *ri)
{
	size_t hl = NLMSG_ALIGN(sizeof(struct rtmsg));

	memset(ri, 0, sizeof(*ri));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	ri->rtm = nlmsg_data(h);
	return nla_parse(ri->tb, RTA_MAX, (char *)ri->rtm + hl, nlmsg_payload(h) - hl) < 0 ? -EPROTO : 0;
}

uint32_t rtnl_route_table(const struct route_info *ri)
{
	uint32_t t;

	if (nla_get_u32(ri->tb[RTA_TABLE], &t) == 0)
		return t;
	return ri->rtm->rtm_table;
}
