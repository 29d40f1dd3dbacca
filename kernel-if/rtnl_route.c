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

int rt_attr_put(struct rt_attr *list, int *n, int max, uint16_t type, const void *val, size_t len)
{
	if (*n >= max || len > RT_ATTR_LEN)
		return -E2BIG;
	list[*n].type = type;
	list[*n].len = (uint16_t)len;
	memcpy(list[*n].val, val, len);
	(*n)++;
	return 0;
}

static void put_list(struct nlb *b, const struct rt_attr *a, int n)
{
	for (int i = 0; i < n; i++)
		nlb_put(b, a[i].type, a[i].val, a[i].len);
}

/* RTA_MULTIPATH: rtnexthop headers each followed by their attributes; rtnh_len covers both. */
static void put_nexthops(struct nlb *b, const struct route_req *r)
{
	struct nlattr *mp = nlb_nest_start(b, RTA_MULTIPATH);

	for (int i = 0; i < r->nnh; i++) {
		const struct rt_nexthop *n = &r->nh[i];
		size_t at = nlb_hdr(b)->nlmsg_len;
		struct rtnexthop *h = nlb_put_extra(b, sizeof(*h));

		if (!h)
			return;
		h->rtnh_flags = n->flags;
		h->rtnh_hops = n->hops;
		h->rtnh_ifindex = n->ifindex;
		put_list(b, n->attr, n->nattr);
		h->rtnh_len = nlb_hdr(b)->nlmsg_len - at;
	}
	nlb_nest_end(b, mp);
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
	rtm->rtm_src_len = r->src_len;
	rtm->rtm_tos = r->tos;
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
	put_list(b, r->attr, r->nattr);
	if (r->iif)
		nlb_put_u32(b, RTA_IIF, r->iif);
	if (r->oif)
		nlb_put_u32(b, RTA_OIF, r->oif);
	if (r->mark)
		nlb_put_u32(b, RTA_MARK, r->mark);
	if (r->nmx || r->mx_lock) {
		struct nlattr *mx = nlb_nest_start(b, RTA_METRICS);
		put_list(b, r->mx, r->nmx);
		if (r->mx_lock)
			nlb_put_u32(b, RTAX_LOCK, r->mx_lock);
		nlb_nest_end(b, mx);
	}
	if (r->nnh)
		put_nexthops(b, r);
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

