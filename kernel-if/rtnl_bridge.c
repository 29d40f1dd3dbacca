/* The bridge applet's requests: a header and attributes put with nlb, nests on a stack. */
#include <errno.h>
#include <string.h>
#include "rtnl_bridge.h"

void br_req_init(struct br_req *r, uint16_t type, uint16_t nlflags, const void *hdr, size_t hdrlen)
{
	r->nlflags = nlflags;
	r->depth = 0;
	r->hdr = nlb_start(&r->b, r->buf, sizeof(r->buf), type, NLM_F_REQUEST, hdrlen);
	if (r->hdr)
		memcpy(r->hdr, hdr, hdrlen);
}

void br_req_put(struct br_req *r, uint16_t type, const void *val, size_t len) { nlb_put(&r->b, type, val, len); }
void br_req_u8(struct br_req *r, uint16_t type, uint8_t v) { nlb_put_u8(&r->b, type, v); }
void br_req_u16(struct br_req *r, uint16_t type, uint16_t v) { nlb_put_u16(&r->b, type, v); }
void br_req_u32(struct br_req *r, uint16_t type, uint32_t v) { nlb_put_u32(&r->b, type, v); }
void br_req_u64(struct br_req *r, uint16_t type, uint64_t v) { nlb_put(&r->b, type, &v, sizeof(v)); }

void br_req_nest(struct br_req *r, uint16_t type)
{
	if (r->depth == BR_NEST_DEPTH) {
		r->b.overflow = 1;
		return;
	}
	r->open[r->depth++] = nlb_nest_start(&r->b, type);
}

void br_req_end(struct br_req *r)
{
	if (r->depth)
		nlb_nest_end(&r->b, r->open[--r->depth]);
}

/* What goes out: the nests closed, the flags the caller settled on. */
static void br_req_finish(struct br_req *r)
{
	while (r->depth)
		br_req_end(r);
	nlb_hdr(&r->b)->nlmsg_flags = NLM_F_REQUEST | r->nlflags;
}

void rtnl_br_build(struct nlb *b, void *buf, size_t cap, struct br_req *r)
{
	const struct nlmsghdr *h = nlb_hdr(&r->b);
	void *p;

	br_req_finish(r);
	p = nlb_start(b, buf, cap, h->nlmsg_type, h->nlmsg_flags, h->nlmsg_len - NLMSG_HDRLEN);
	if (p)
		memcpy(p, nlmsg_data(h), h->nlmsg_len - NLMSG_HDRLEN);
	if (r->b.overflow)
		b->overflow = 1;
}

int rtnl_br_talk(struct nlsock *sk, struct br_req *r, nl_cb cb, void *arg)
{
	br_req_finish(r);
	return nl_talk(sk, &r->b, cb, arg);
}

int rtnl_br_parse(const struct nlmsghdr *h, size_t hdrlen, struct nlattr **tb, int max)
{
	size_t hl = NLMSG_ALIGN(hdrlen);

	memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	return nla_parse(tb, max, (char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl) < 0 ? -EPROTO : 0;
}
