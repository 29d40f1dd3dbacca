/* RTM_NEWADDR / RTM_DELADDR requests and address dumps. */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include "rtnl.h"

void addr_req_init(struct addr_req *r)
{
	memset(r, 0, sizeof(*r));
	r->scope = -1;
}

void addr_req_push(struct addr_req *r, uint8_t type)
{
	r->ordered = 1;
	if (type && r->norder < ADDR_ORDER_MAX)
		r->order[r->norder++] = (struct addr_slot){ type, r->metric, r->label };
}

static size_t alen(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

static void put_attr(struct nlb *b, const struct addr_req *r, const struct addr_slot *a)
{
	static const unsigned char off[IFA_ANYCAST + 1] = {
		[IFA_ADDRESS] = offsetof(struct addr_req, peer), [IFA_LOCAL] = offsetof(struct addr_req, local),
		[IFA_BROADCAST] = offsetof(struct addr_req, brd), [IFA_ANYCAST] = offsetof(struct addr_req, anycast),
	};

	if (a->type == IFA_LABEL)
		nlb_put_strz(b, a->type, a->label);
	else if (a->type == IFA_RT_PRIORITY)
		nlb_put_u32(b, a->type, a->metric);
	else if (a->type && a->type <= IFA_ANYCAST)
		nlb_put(b, a->type, (const char *)r + off[a->type],
			a->type == IFA_LOCAL && r->empty_local ? 0 : alen(r->family));
}

void rtnl_addr_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags, const struct addr_req *r)
{
	struct addr_slot legacy[3] = {
		{ IFA_LOCAL, 0, NULL }, { r->has_peer ? IFA_ADDRESS : 0, 0, NULL },
		{ r->label ? IFA_LABEL : 0, 0, r->label },
	};
	const struct addr_slot *order = r->ordered ? r->order : legacy;
	int n = r->ordered ? r->norder : 3;
	unsigned seen = 0;
	struct ifaddrmsg *ifa;

	ifa = nlb_start(b, buf, cap, type, NLM_F_REQUEST | nlflags, sizeof(*ifa));
	if (!ifa)
		return;
	ifa->ifa_family = r->family;
	ifa->ifa_prefixlen = r->plen;
	ifa->ifa_flags = r->ifa_flags <= 0xff ? r->ifa_flags : 0;
	ifa->ifa_scope = r->scope < 0 ? 0 : r->scope;
	ifa->ifa_index = r->index;
	for (int i = 0; i < n; i++) {
		put_attr(b, r, &order[i]);
		seen |= 1u << order[i].type;
	}
	if (r->ifa_flags > 0xff)
		nlb_put_u32(b, IFA_FLAGS, r->ifa_flags);
	if (!r->has_peer && !r->no_address && (seen & (1u << IFA_LOCAL)))
		nlb_put(b, IFA_ADDRESS, r->local, alen(r->family));
	if (r->has_brd && !(seen & (1u << IFA_BROADCAST)))
		nlb_put(b, IFA_BROADCAST, r->brd, 4);
	if (r->has_cacheinfo) {
		struct ifa_cacheinfo ci = { .ifa_prefered = r->preferred_lft, .ifa_valid = r->valid_lft };
		nlb_put(b, IFA_CACHEINFO, &ci, sizeof(ci));
	}
}

int rtnl_addr_dump(struct nlsock *sk, const struct rtnl_filter *f, nl_cb cb, void *arg)
{
	char buf[64];
	struct nlb b;
	struct ifaddrmsg *ifa;

	ifa = nlb_start(&b, buf, sizeof(buf), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, sizeof(*ifa));
	if (ifa) {
		ifa->ifa_family = f->family;
		ifa->ifa_index = f->ifindex;
	}
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_addr_parse(const struct nlmsghdr *h, struct addr_info *ai)
{
	memset(ai, 0, sizeof(*ai));
	ai->ifa = nlmsg_parse(h, sizeof(struct ifaddrmsg), ai->tb, IFA_MAX);
	return ai->ifa ? 0 : -EPROTO;
}
