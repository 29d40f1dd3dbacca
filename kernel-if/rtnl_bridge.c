/* The bridge applet's requests: a header and an ordered attribute list with nests. */
#include <errno.h>
#include <string.h>
#include "rtnl_bridge.h"

void br_req_init(struct br_req *r, uint16_t type, uint16_t nlflags, const void *hdr, size_t hdrlen)
{
	memset(r, 0, sizeof(*r));
	r->type = type;
	r->nlflags = nlflags;
	if (hdrlen > BR_HDR_MAX) {
		r->overflow = 1;
		hdrlen = BR_HDR_MAX;
	}
	r->hdrlen = hdrlen;
	memcpy(r->hdr, hdr, hdrlen);
}

void br_req_put(struct br_req *r, uint16_t type, const void *val, size_t len)
{
	if (r->nattr >= BR_ATTR_MAX || len > BR_VAL_MAX) {
		r->overflow = 1;
		return;
	}
	r->attr[r->nattr].type = type;
	r->attr[r->nattr].len = (uint16_t)len;
	memcpy(r->attr[r->nattr].val, val, len);
	r->nattr++;
}

void br_req_u8(struct br_req *r, uint16_t type, uint8_t v) { br_req_put(r, type, &v, 1); }
void br_req_u16(struct br_req *r, uint16_t type, uint16_t v) { br_req_put(r, type, &v, 2); }
void br_req_u32(struct br_req *r, uint16_t type, uint32_t v) { br_req_put(r, type, &v, 4); }
void br_req_u64(struct br_req *r, uint16_t type, uint64_t v) { br_req_put(r, type, &v, 8); }

static void mark(struct br_req *r, uint16_t type, uint16_t len)
{
	if (r->nattr >= BR_ATTR_MAX) {
		r->overflow = 1;
		return;
	}
	r->attr[r->nattr].type = type;
	r->attr[r->nattr].len = len;
	r->nattr++;
}

void br_req_nest(struct br_req *r, uint16_t type) { mark(r, type, BR_NEST); }
void br_req_end(struct br_req *r) { mark(r, 0, BR_NEST_END); }

#define NEST_DEPTH 4

void rtnl_br_build(struct nlb *b, void *buf, size_t cap, const struct br_req *r)
{
	struct nlattr *open[NEST_DEPTH];
	void *hdr;
	int depth = 0;

	hdr = nlb_start(b, buf, cap, r->type, NLM_F_REQUEST | r->nlflags, r->hdrlen);
	if (!hdr)
		return;
	memcpy(hdr, r->hdr, r->hdrlen);
	if (r->overflow)
		b->overflow = 1;
	for (int i = 0; i < r->nattr; i++) {
		const struct br_attr *a = &r->attr[i];

		if (a->len == BR_NEST) {
			if (depth == NEST_DEPTH) {
				b->overflow = 1;
				return;
			}
			open[depth++] = nlb_nest_start(b, a->type);
		} else if (a->len == BR_NEST_END) {
			if (depth)
				nlb_nest_end(b, open[--depth]);
		} else {
			nlb_put(b, a->type, a->val, a->len);
		}
	}
	while (depth)
		nlb_nest_end(b, open[--depth]);
}

int rtnl_br_talk(struct nlsock *sk, const struct br_req *r, nl_cb cb, void *arg)
{
	char buf[RTNL_BUF];
	struct nlb b;

	rtnl_br_build(&b, buf, sizeof(buf), r);
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_br_parse(const struct nlmsghdr *h, size_t hdrlen, struct nlattr **tb, int max)
{
	size_t hl = NLMSG_ALIGN(hdrlen);

	memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
	if (h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	return nla_parse(tb, max, (char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl) < 0 ? -EPROTO : 0;
}
