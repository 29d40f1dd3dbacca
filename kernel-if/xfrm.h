/* NETLINK_XFRM: IPsec states (SAs) and policies. The same builder, socket and reply routine as
 * rtnetlink; these only know the xfrm message layouts. */
#ifndef NSBOX_XFRM_H
#define NSBOX_XFRM_H

#include <linux/xfrm.h>
#include "nl.h"

/* A request of type with the fixed header hdr (hlen bytes: xfrm_usersa_info, xfrm_usersa_id,
 * xfrm_userpolicy_info ...; 0 for a flush of policies); attributes follow with nlb_put.
 * NLM_F_REQUEST is added to nlflags. nlmsg_len is NLMSG_LENGTH(hlen), unaligned for a header
 * whose size is not a multiple of 4 (xfrm_usersa_flush): put no attribute after one. */
void xfrm_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
		const void *hdr, size_t hlen);
/* An algorithm attribute (XFRMA_ALG_CRYPT, _AUTH, _COMP: struct xfrm_algo; _AEAD: with the ICV
 * length; _AUTH_TRUNC: with the truncation length, extra): name (at most 63 bytes kept), then
 * keylen key bytes. */
void xfrm_put_algo(struct nlb *b, uint16_t type, const char *name, const void *key, size_t keylen,
		   uint32_t extra);
/* A dump of states (XFRM_MSG_GETSA) or policies (XFRM_MSG_GETPOLICY), no filter attributes. */
void xfrm_dump_build(struct nlb *b, void *buf, size_t cap, uint16_t type);
/* XFRM_MSG_GETSADINFO or XFRM_MSG_GETSPDINFO (flags 0xffffffff, as iproute2 sends). */
void xfrm_info_build(struct nlb *b, void *buf, size_t cap, uint16_t type);

/* A NETLINK_XFRM socket for notifications, with the monitors' 1 MiB receive buffer: 0 or
 * -errno (groups are joined with rtnl_mon_join, read with rtnl_mon_recv). */
int xfrm_mon_open(struct nlsock *sk);

/* One xfrm message, parsed and bound-checked. The fixed structs are copies (the message may
 * not be aligned for their u64 fields); tb points into the message. kind says which of sa,
 * pol, flush, info is valid. */
enum { XV_NONE, XV_SA, XV_POLICY, XV_FLUSHSA, XV_FLUSHPOLICY, XV_SADINFO, XV_SPDINFO };
struct xfrm_view {
	int kind;
	struct xfrm_usersa_info sa;
	struct xfrm_userpolicy_info pol;
	uint8_t hard;          /* EXPIRE, POLEXPIRE */
	uint8_t flush_proto;   /* FLUSHSA */
	struct nlattr *tb[XFRMA_MAX + 1];
};
/* 0; -EPROTO when the message is shorter than its header (or a DELSA/DELPOLICY lacks a whole
 * XFRMA_SA/XFRMA_POLICY); -EOPNOTSUPP for a type not handled; -EINVAL when an attribute runs
 * past the end (those that fit are in tb). SADINFO/SPDINFO attributes use the XFRMA_SAD_* and
 * XFRMA_SPD_* numbers in tb. */
int xfrm_parse(const struct nlmsghdr *h, struct xfrm_view *v);

/* An algorithm attribute read back: -1 when shorter than its struct (no name), -2 when its key
 * runs past the payload (name only), else 0. */
struct xfrm_algo_view {
	char name[65];
	uint32_t keybits;
	uint32_t extra;          /* ICV or truncation length */
	const unsigned char *key;
	size_t keylen;
};
int xfrm_algo_get(const struct nlattr *a, uint16_t type, struct xfrm_algo_view *v);
/* The payload of a when it holds at least len bytes (copied into out), else -1. */
int xfrm_attr_copy(const struct nlattr *a, void *out, size_t len);

#endif
