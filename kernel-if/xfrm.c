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

int xfrm_parse(const struct nlmsghdr *h, struct xfrm_view *v)
{
	const char *d = nlmsg_data(h);
	size_t pl;
	int err;

	memset(v, 0, sizeof(*v));
	if (h->nlmsg_len < NLMSG_HDRLEN)
		return -EPROTO;
	pl = nlmsg_payload(h);
	switch (h->nlmsg_type) {
	case XFRM_MSG_NEWSA: case XFRM_MSG_UPDSA:
		if ((err = attrs(v, h, sizeof(v->sa), XFRMA_MAX)) == -EPROTO)
			return err;
		memcpy(&v->sa, d, sizeof(v->sa));
		v->kind = XV_SA;
		return err;
	case XFRM_MSG_EXPIRE:
		if ((err = attrs(v, h, sizeof(struct xfrm_user_expire), XFRMA_MAX)) == -EPROTO)
			return err;
		memcpy(&v->sa, d, sizeof(v->sa));
		v->hard = (uint8_t)d[offsetof(struct xfrm_user_expire, hard)];
		v->kind = XV_SA;
		return err;
	case XFRM_MSG_DELSA:
		if ((err = attrs(v, h, sizeof(struct xfrm_usersa_id), XFRMA_MAX)) == -EPROTO)
			return err;
		if (xfrm_attr_copy(v->tb[XFRMA_SA], &v->sa, sizeof(v->sa)))
			return -EPROTO;
		v->kind = XV_SA;
		return err;
	case XFRM_MSG_NEWPOLICY: case XFRM_MSG_UPDPOLICY:
		if ((err = attrs(v, h, sizeof(v->pol), XFRMA_MAX)) == -EPROTO)
			return err;
		memcpy(&v->pol, d, sizeof(v->pol));
		v->kind = XV_POLICY;
		return err;
	case XFRM_MSG_POLEXPIRE:
		if ((err = attrs(v, h, sizeof(struct xfrm_user_polexpire), XFRMA_MAX)) == -EPROTO)
			return err;
		memcpy(&v->pol, d, sizeof(v->pol));
		v->hard = (uint8_t)d[offsetof(struct xfrm_user_polexpire, hard)];
		v->kind = XV_POLICY;
		return err;
	case XFRM_MSG_DELPOLICY:
		if ((err = attrs(v, h, sizeof(struct xfrm_userpolicy_id), XFRMA_MAX)) == -EPROTO)
			return err;
		if (xfrm_attr_copy(v->tb[XFRMA_POLICY], &v->pol, sizeof(v->pol)))
			return -EPROTO;
		v->kind = XV_POLICY;
		return err;
	case XFRM_MSG_FLUSHSA:
		if (pl < sizeof(struct xfrm_usersa_flush))
			return -EPROTO;
		v->flush_proto = (uint8_t)d[0];
		v->kind = XV_FLUSHSA;
		return 0;
	case XFRM_MSG_FLUSHPOLICY:
		v->kind = XV_FLUSHPOLICY;
		return attrs(v, h, 0, XFRMA_MAX);
	case XFRM_MSG_NEWSADINFO:
		v->kind = XV_SADINFO;
		return attrs(v, h, 4, XFRMA_SAD_MAX);
	case XFRM_MSG_NEWSPDINFO:
		v->kind = XV_SPDINFO;
		return attrs(v, h, 4, XFRMA_SPD_MAX);
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
