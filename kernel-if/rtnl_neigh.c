/* RTM_NEWNEIGH / RTM_DELNEIGH / RTM_GETNEIGH requests, neighbour dumps and flushes. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "rtnl_neigh.h"

void neigh_req_init(struct neigh_req *r)
{
	memset(r, 0, sizeof(*r));
	r->proto = -1;
}

void rtnl_neigh_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
		      const struct neigh_req *r)
{
	struct ndmsg *ndm;

	ndm = nlb_start(b, buf, cap, type, NLM_F_REQUEST | nlflags, sizeof(*ndm));
	if (!ndm)
		return;
	ndm->ndm_family = r->family;
	ndm->ndm_ifindex = r->index;
	ndm->ndm_state = r->state;
	ndm->ndm_flags = r->flags;
	if (r->proto >= 0)
		nlb_put_u8(b, NDA_PROTOCOL, (uint8_t)r->proto);
	nlb_put(b, NDA_DST, r->dst, r->dst_len);
	if (r->ext_flags)
		nlb_put_u32(b, NDA_FLAGS_EXT, r->ext_flags);
	if (r->lladdr_len > 0)
		nlb_put(b, NDA_LLADDR, r->lladdr, r->lladdr_len);
}

void rtnl_neigh_dump_build(struct nlb *b, void *buf, size_t cap, const struct neigh_dump *d)
{
	struct ndmsg *ndm;

	ndm = nlb_start(b, buf, cap, RTM_GETNEIGH, NLM_F_REQUEST | NLM_F_DUMP, sizeof(*ndm));
	if (!ndm)
		return;
	ndm->ndm_family = d->family;
	ndm->ndm_flags = d->flags;
	if (d->ifindex)
		nlb_put_u32(b, NDA_IFINDEX, d->ifindex);
	if (d->master)
		nlb_put_u32(b, NDA_MASTER, d->master);
}

int rtnl_neigh_dump(struct nlsock *sk, const struct neigh_dump *d, nl_cb cb, void *arg)
{
	char buf[64];
	struct nlb b;

	rtnl_neigh_dump_build(&b, buf, sizeof(buf), d);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_neigh_parse(const struct nlmsghdr *h, struct neigh_info *ni)
{
	memset(ni, 0, sizeof(*ni));
	ni->ndm = nlmsg_parse(h, sizeof(struct ndmsg), ni->tb, NDA_MAX);
	return ni->ndm ? 0 : -EPROTO;
}
