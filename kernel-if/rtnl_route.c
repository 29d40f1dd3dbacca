/* Route requests (add, delete, get), route dumps, multipath parsing and the flush batches. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "rtnl.h"

void route_req_init(struct route_req *r)
{
	memset(r, 0, sizeof(*r));
	r->family = AF_INET;
	r->table = RT_TABLE_MAIN;
	r->protocol = -1;
	r->scope = -1;
	r->type = -1;
	r->metric = -1;
}

struct rtnexthop *rtnl_nh_start(struct nlb *b)
{
	return nlb_put_extra(b, sizeof(struct rtnexthop));
}

void rtnl_nh_end(struct nlb *b, struct rtnexthop *nh)
{
	if (nh && !b->overflow)
		nh->rtnh_len = (unsigned short)(b->buf + nlb_hdr(b)->nlmsg_len - (char *)nh);
}

void rtnl_route_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags, const struct route_req *r)
{
	struct rtmsg *rtm;
	size_t alen = r->family == AF_INET6 ? 16 : 4;
	int del = type == RTM_DELROUTE;

	rtm = nlb_start(b, buf, cap, type, NLM_F_REQUEST | nlflags, sizeof(*rtm));
	if (!rtm)
		return;
	rtm->rtm_family = r->family;
	rtm->rtm_dst_len = r->dst_len;
	rtm->rtm_flags = r->flags;
	rtm->rtm_table = r->table < 256 ? r->table : RT_TABLE_UNSPEC;
	rtm->rtm_protocol = r->protocol >= 0 ? r->protocol : del ? RTPROT_UNSPEC : RTPROT_BOOT;
	rtm->rtm_scope = r->scope >= 0 ? r->scope : del ? RT_SCOPE_NOWHERE :
			 r->has_gw ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	rtm->rtm_type = r->type >= 0 ? r->type : del ? RTN_UNSPEC : RTN_UNICAST;
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

	rtm = nlb_start(&b, buf, sizeof(buf), RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, sizeof(*rtm));
	if (rtm) {
		rtm->rtm_family = f->family;
		rtm->rtm_protocol = f->protocol;
		rtm->rtm_flags = f->rt_flags;
	}
	if (f->table)
		nlb_put_u32(&b, RTA_TABLE, f->table);
	if (f->oif)
		nlb_put_u32(&b, RTA_OIF, f->oif);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_route_parse(const struct nlmsghdr *h, struct route_info *ri)
{
	memset(ri, 0, sizeof(*ri));
	ri->rtm = nlmsg_parse(h, sizeof(struct rtmsg), ri->tb, RTA_MAX);
	return ri->rtm ? 0 : -EPROTO;
}

uint32_t rtnl_route_table(const struct route_info *ri)
{
	uint32_t t;

	if (nla_get_u32(ri->tb[RTA_TABLE], &t) == 0)
		return t;
	return ri->rtm->rtm_table;
}

void rtnl_nh_iter_init(struct rtnl_nh_iter *it, const struct nlattr *multipath)
{
	it->pos = nla_data(multipath);
	it->left = nla_len(multipath);
}

int rtnl_nh_next(struct rtnl_nh_iter *it, const struct rtnexthop **nh, struct nlattr **tb)
{
	const struct rtnexthop *n = (const void *)it->pos;
	size_t step;

	if (it->left < sizeof(*n))
		return 0;
	if (n->rtnh_len < sizeof(*n) || n->rtnh_len > it->left)
		return -EPROTO;
	if (nla_parse(tb, RTA_MAX, it->pos + sizeof(*n), n->rtnh_len - sizeof(*n)) < 0)
		return -EPROTO;
	step = RTNH_ALIGN(n->rtnh_len);
	if (step > it->left)
		step = it->left;
	it->pos += step;
	it->left -= step;
	*nh = n;
	return 1;
}

