/* RTM_NEWADDR / RTM_DELADDR requests and address dumps. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "rtnl.h"

void addr_req_init(struct addr_req *r)
{
	memset(r, 0, sizeof(*r));
	r->scope = -1;
}

static size_t alen(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

void rtnl_addr_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags, const struct addr_req *r)
{
	struct ifaddrmsg *ifa;

	nlb_init(b, buf, cap, type, NLM_F_REQUEST | nlflags);
	ifa = nlb_put_extra(b, sizeof(*ifa));
	if (!ifa)
		return;
	ifa->ifa_family = r->family;
	ifa->ifa_prefixlen = r->plen;
	ifa->ifa_flags = r->ifa_flags <= 0xff ? r->ifa_flags : 0;
	ifa->ifa_scope = r->scope < 0 ? 0 : r->scope;
	ifa->ifa_index = r->index;
	nlb_put(b, IFA_LOCAL, r->local, alen(r->family));
	if (!r->no_address)
		nlb_put(b, IFA_ADDRESS, r->has_peer ? r->peer : r->local, alen(r->family));
	if (r->has_brd)
		nlb_put(b, IFA_BROADCAST, r->brd, 4);
	if (r->label)
		nlb_put_strz(b, IFA_LABEL, r->label);
	if (r->ifa_flags > 0xff)
		nlb_put_u32(b, IFA_FLAGS, r->ifa_flags);
}

int rtnl_addr_dump(struct nlsock *sk, const struct rtnl_filter *f, nl_cb cb, void *arg)
{
	char buf[64];
	struct nlb b;
	struct ifaddrmsg *ifa;

	nlb_init(&b, buf, sizeof(buf), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP);
	ifa = nlb_put_extra(&b, sizeof(*ifa));
	if (ifa) {
		ifa->ifa_family = f->family;
		ifa->ifa_index = f->ifindex;
	}
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_addr_parse(const struct nlmsghdr *h, struct addr_info *ai)
{
	size_t hl = NLMSG_ALIGN(sizeof(struct ifaddrmsg));

	memset(ai, 0, sizeof(*ai));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	ai->ifa = nlmsg_data(h);
	return nla_parse(ai->tb, IFA_MAX, (char *)ai->ifa + hl, nlmsg_payload(h) - hl) < 0 ? -EPROTO : 0;
}
