/* Message builder and attribute parser. */
#include <errno.h>
#include <string.h>
#include "nl.h"

struct nlmsghdr *nlb_init(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *h = buf;

	b->buf = buf;
	b->cap = cap;
	b->overflow = cap < NLMSG_HDRLEN;
	if (b->overflow)
		return NULL;
	memset(h, 0, NLMSG_HDRLEN);
	h->nlmsg_len = NLMSG_HDRLEN;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	return h;
}

/* Reserve len bytes (aligned, zeroed) at the tail; NULL and sticky overflow if they do not fit. */
static void *tail_reserve(struct nlb *b, size_t len)
{
	struct nlmsghdr *h = nlb_hdr(b);
	size_t at, need = NLMSG_ALIGN(len);
	char *p;

	if (b->overflow || need > b->cap - h->nlmsg_len) {
		b->overflow = 1;
		return NULL;
	}
	at = h->nlmsg_len;
	p = b->buf + at;
	memset(p, 0, need);
	h->nlmsg_len = at + need;
	return p;
}

void *nlb_put_extra(struct nlb *b, size_t len)
{
	return tail_reserve(b, len);
}

void *nlb_start(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t flags, size_t hlen)
{
	nlb_init(b, buf, cap, type, flags);
	return tail_reserve(b, hlen);
}

void nlb_put(struct nlb *b, uint16_t type, const void *data, size_t len)
{
	struct nlattr *a;

	if (len > UINT16_MAX - NLA_HDRLEN) {
		b->overflow = 1;
		return;
	}
	a = tail_reserve(b, NLA_HDRLEN + len);
	if (!a)
		return;
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy((char *)a + NLA_HDRLEN, data, len);
}

void nlb_put_u8(struct nlb *b, uint16_t type, uint8_t v) { nlb_put(b, type, &v, sizeof(v)); }
void nlb_put_u16(struct nlb *b, uint16_t type, uint16_t v) { nlb_put(b, type, &v, sizeof(v)); }
void nlb_put_u32(struct nlb *b, uint16_t type, uint32_t v) { nlb_put(b, type, &v, sizeof(v)); }
void nlb_put_str(struct nlb *b, uint16_t type, const char *s) { nlb_put(b, type, s, strlen(s)); }
void nlb_put_strz(struct nlb *b, uint16_t type, const char *s) { nlb_put(b, type, s, strlen(s) + 1); }

struct nlattr *nlb_nest_start(struct nlb *b, uint16_t type)
{
	struct nlattr *a = tail_reserve(b, NLA_HDRLEN);

	if (a)
		a->nla_type = type;
	return a;
}

void nlb_nest_end(struct nlb *b, struct nlattr *nest)
{
	size_t len;

	if (!nest || b->overflow)
		return;
	len = (size_t)(b->buf + nlb_hdr(b)->nlmsg_len - (char *)nest);
	/* nla_len is 16 bits: a longer nest cannot be encoded. */
	if (len > UINT16_MAX) {
		b->overflow = 1;
		return;
	}
	nest->nla_len = (uint16_t)len;
}

int nla_parse(struct nlattr **tb, int max, const void *data, size_t len)
{
	struct nlattr *a;
	size_t rem;

	memset(tb, 0, sizeof(*tb) * (max + 1));
	nla_for_each(a, data, len, rem) {
		uint16_t t = nla_type(a);
		if (t <= max)
			tb[t] = a;
	}
	/* Anything left over is an attribute that runs past the end. */
	return rem ? -EINVAL : 0;
}

void *nlmsg_parse(const struct nlmsghdr *h, size_t hlen, struct nlattr **tb, int max)
{
	size_t hl = NLMSG_ALIGN(hlen);

	if (h->nlmsg_len < NLMSG_HDRLEN + hl ||
	    nla_parse(tb, max, (char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl) < 0)
		return NULL;
	return nlmsg_data(h);
}

int nla_parse_nested(struct nlattr **tb, int max, const struct nlattr *nest)
{
	return nla_parse(tb, max, nla_data(nest), nla_len(nest));
}

int nla_get_u8(const struct nlattr *a, uint8_t *v)
{
	if (!a || nla_len(a) < sizeof(*v))
		return -EINVAL;
	memcpy(v, nla_data(a), sizeof(*v));
	return 0;
}

int nla_get_u32(const struct nlattr *a, uint32_t *v)
{
	if (!a || nla_len(a) < sizeof(*v))
		return -EINVAL;
	memcpy(v, nla_data(a), sizeof(*v));
	return 0;
}

int nla_get_s32(const struct nlattr *a, int32_t *v)
{
	return nla_get_u32(a, (uint32_t *)v);
}

const char *nla_get_str(const struct nlattr *a)
{
	if (!a || !nla_len(a) || !memchr(nla_data(a), 0, nla_len(a)))
		return NULL;
	return nla_data(a);
}
