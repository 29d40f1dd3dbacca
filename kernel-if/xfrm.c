/* NETLINK_XFRM requests and the parsing of what the kernel sends back. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "xfrm.h"

void xfrm_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
		const void *hdr, size_t hlen)
{
	void *p;

	nlb_init(b, buf, cap, type, NLM_F_REQUEST | nlflags);
	if (hlen && (p = nlb_put_extra(b, hlen))) {
		memcpy(p, hdr, hlen);
		/* NLMSG_LENGTH(hlen), as iproute2 sends it: 17 bytes for a flush of states (whose
		 * one-byte header no attribute follows). */
		nlb_hdr(b)->nlmsg_len -= (uint32_t)(NLMSG_ALIGN(hlen) - hlen);
	}
}

void xfrm_put_algo(struct nlb *b, uint16_t type, const char *name, const void *key, size_t keylen,
		   uint32_t extra)
{
	/* The three layouts share name and key length; aead and auth-trunc add a u32 before the key. */
	char a[sizeof(struct xfrm_algo_aead) + 512];
	size_t n = strlen(name), hl;
	uint32_t bits = (uint32_t)(keylen * 8);

	if (keylen > 512) {
		b->overflow = 1;
		return;
	}
	memset(a, 0, sizeof(a));
	if (n > 63)
		n = 63;
	memcpy(a, name, n);
	memcpy(a + 64, &bits, 4);
	hl = sizeof(struct xfrm_algo);
	if (type == XFRMA_ALG_AEAD || type == XFRMA_ALG_AUTH_TRUNC) {
		memcpy(a + 68, &extra, 4);
		hl = 72;
	}
	if (keylen)
		memcpy(a + hl, key, keylen);
	nlb_put(b, type, a, hl + keylen);
}

void xfrm_dump_build(struct nlb *b, void *buf, size_t cap, uint16_t type)
{
	nlb_init(b, buf, cap, type, NLM_F_REQUEST | NLM_F_DUMP);
}

void xfrm_info_build(struct nlb *b, void *buf, size_t cap, uint16_t type)
{
	uint32_t all = 0xffffffffu;

	xfrm_build(b, buf, cap, type, 0, &all, sizeof(all));
}

int xfrm_mon_open(struct nlsock *sk)
{
	int err = nl_open(sk, NETLINK_XFRM), sz = 1024 * 1024;

	if (!err && setsockopt(sk->fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz)) < 0) {
		err = -errno;
		nl_close(sk);
	}
	return err;
}

static int attrs(struct xfrm_view *v, const struct nlmsghdr *h, size_t hlen, int max)
{
	size_t al = NLMSG_ALIGN(hlen), pl = nlmsg_payload(h);

	if (pl < hlen)
		return -EPROTO;
	if (pl < al)
		return 0;
	return nla_parse(v->tb, max, (const char *)nlmsg_data(h) + al, pl - al);
}

/* The messages xfrm_parse reads: their fixed header, what they are, where an expire's hard
 * flag is, the attribute that holds a delete's state or policy (else the header does). */
static const struct shape {
	uint8_t type, kind;
	uint16_t hdr, hard;
	uint8_t attr, max;
} shapes[] = {
	{ XFRM_MSG_NEWSA, XV_SA, sizeof(struct xfrm_usersa_info), 0, 0, XFRMA_MAX },
	{ XFRM_MSG_UPDSA, XV_SA, sizeof(struct xfrm_usersa_info), 0, 0, XFRMA_MAX },
	{ XFRM_MSG_EXPIRE, XV_SA, sizeof(struct xfrm_user_expire), offsetof(struct xfrm_user_expire, hard), 0,
	  XFRMA_MAX },
	{ XFRM_MSG_DELSA, XV_SA, sizeof(struct xfrm_usersa_id), 0, XFRMA_SA, XFRMA_MAX },
	{ XFRM_MSG_NEWPOLICY, XV_POLICY, sizeof(struct xfrm_userpolicy_info), 0, 0, XFRMA_MAX },
	{ XFRM_MSG_UPDPOLICY, XV_POLICY, sizeof(struct xfrm_userpolicy_info), 0, 0, XFRMA_MAX },
	{ XFRM_MSG_POLEXPIRE, XV_POLICY, sizeof(struct xfrm_user_polexpire),
	  offsetof(struct xfrm_user_polexpire, hard), 0, XFRMA_MAX },
	{ XFRM_MSG_DELPOLICY, XV_POLICY, sizeof(struct xfrm_userpolicy_id), 0, XFRMA_POLICY, XFRMA_MAX },
	{ XFRM_MSG_FLUSHPOLICY, XV_FLUSHPOLICY, 0, 0, 0, XFRMA_MAX },
	{ XFRM_MSG_NEWSADINFO, XV_SADINFO, 4, 0, 0, XFRMA_SAD_MAX },
	{ XFRM_MSG_NEWSPDINFO, XV_SPDINFO, 4, 0, 0, XFRMA_SPD_MAX },
};

int xfrm_parse(const struct nlmsghdr *h, struct xfrm_view *v)
{
	const char *d = nlmsg_data(h);
	void *to;
	size_t n;
	int err;

	memset(v, 0, sizeof(*v));
	if (h->nlmsg_len < NLMSG_HDRLEN)
		return -EPROTO;
	if (h->nlmsg_type == XFRM_MSG_FLUSHSA) {
		if (nlmsg_payload(h) < sizeof(struct xfrm_usersa_flush))
			return -EPROTO;
		v->flush_proto = (uint8_t)d[0];
		v->kind = XV_FLUSHSA;
		return 0;
	}
	for (const struct shape *s = shapes; s < shapes + sizeof(shapes) / sizeof(shapes[0]); s++) {
		if (s->type != h->nlmsg_type)
			continue;
		err = attrs(v, h, s->hdr, s->max);
		if (s->kind != XV_SA && s->kind != XV_POLICY) {
			v->kind = s->kind;
			return err;
		}
		if (err == -EPROTO)
			return err;
		to = s->kind == XV_SA ? (void *)&v->sa : (void *)&v->pol;
		n = s->kind == XV_SA ? sizeof(v->sa) : sizeof(v->pol);
		if (!s->attr)
			memcpy(to, d, n);
		else if (xfrm_attr_copy(v->tb[s->attr], to, n))
			return -EPROTO;
		if (s->hard)
			v->hard = (uint8_t)d[s->hard];
		v->kind = s->kind;
		return err;
	}
	return -EOPNOTSUPP;
}

int xfrm_attr_copy(const struct nlattr *a, void *out, size_t len)
{
	if (!a || nla_len(a) < len)
		return -1;
	memcpy(out, nla_data(a), len);
	return 0;
}

int xfrm_algo_get(const struct nlattr *a, uint16_t type, struct xfrm_algo_view *v)
{
	const unsigned char *p = nla_data(a);
	size_t len = nla_len(a), hl = sizeof(struct xfrm_algo);

	memset(v, 0, sizeof(*v));
	if (type == XFRMA_ALG_AEAD || type == XFRMA_ALG_AUTH_TRUNC)
		hl = 72;
	if (len < hl)
		return -1;
	memcpy(v->name, p, 64);
	v->name[64] = 0;
	memcpy(&v->keybits, p + 64, 4);
	if (hl == 72)
		memcpy(&v->extra, p + 68, 4);
	v->keylen = v->keybits / 8;
	if (len - hl < v->keylen)
		return -2;
	v->key = p + hl;
	return 0;
}
