/* Generic netlink beside rtnetlink: a family's id by name (CTRL_CMD_GETFAMILY), and the
 * requests of the FOU and MACsec families. The socket and builder are nl.h's. */
#ifndef NSBOX_GENL_H
#define NSBOX_GENL_H

#include <stdint.h>
#include <linux/genetlink.h>
#include <linux/fou.h>
#include <linux/if_macsec.h>
#include <linux/ila.h>
#include <linux/mptcp.h>
#include "nl.h"

#define GENL_BUF 1024  /* room for any single request built here */

/* nlb_init for family with its genlmsghdr (cmd, version); NLM_F_REQUEST is added to flags. */
void genl_start(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		uint8_t version, uint16_t flags);
/* CTRL_CMD_GETFAMILY for a name (CTRL_ATTR_FAMILY_NAME with its NUL), as iproute2 asks it:
 * version 0, no ack. */
void genl_getfamily_build(struct nlb *b, void *buf, size_t cap, const char *name);
/* The id of a CTRL_CMD_NEWFAMILY reply (> 0): -EPROTO for another message, a short one, or
 * one without CTRL_ATTR_FAMILY_ID. */
int genl_family_parse(const struct nlmsghdr *h);
/* Resolve name on sk (open on NETLINK_GENERIC): the id, or -errno (sk->errmsg has the extack;
 * -EPROTO: the reply was not a family). */
int genl_resolve(struct nlsock *sk, const char *name);
/* A genl message's header and its attributes into tb[0..max]: the header, or NULL when the
 * message is shorter than it or an attribute does not fit. */
const struct genlmsghdr *genl_parse(const struct nlmsghdr *h, struct nlattr **tb, int max);

/* A FOU port to add or delete (FOU_CMD_ADD, FOU_CMD_DEL). Attributes in iproute2's order:
 * PORT, TYPE, AF, IPPROTO (when set), LOCAL_V4|V6, PEER_V4|V6 and PEER_PORT, IFINDEX (when
 * set). bare: no attributes at all (iproute2 sends its request so when its words failed). */
struct fou_req {
	int bare;
	uint16_t port;        /* network order */
	uint8_t type;         /* FOU_ENCAP_DIRECT or FOU_ENCAP_GUE */
	uint8_t family;       /* AF_INET or AF_INET6 */
	uint8_t ipproto;      /* 0: none */
	int local_len, peer_len;   /* -1: none (0: an attribute without data, "any") */
	unsigned char local[16], peer[16];
	uint16_t peer_port;   /* network order; put with the peer */
	int32_t ifindex;      /* 0: none */
};
void genl_fou_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		    const struct fou_req *r);

/* A MACsec SC or SA change (MACSEC_CMD_ADD_TXSA ... MACSEC_CMD_UPD_RXSA): IFINDEX, then the
 * RXSC_CONFIG nest (SCI, ACTIVE) when rx, then the SA_CONFIG nest when an >= 0 (AN; unless
 * del: PN (64 bits when xpn), SALT, SSCI (xpn only), KEYID and KEY (when key_len), ACTIVE).
 * -1 in active fields: not put. */
struct macsec_req {
	int del;
	int32_t ifindex;
	int rx;
	unsigned char sci[8];  /* as on the wire (MAC then port, or the number big-endian) */
	int sc_active;
	int an;
	int xpn;
	uint64_t pn;
	int salt_set, ssci_set;
	unsigned char salt[MACSEC_SALT_LEN];
	uint32_t ssci;
	unsigned char keyid[MACSEC_KEYID_LEN];
	unsigned key_len;
	unsigned char key[MACSEC_MAX_KEY_LEN];
	int sa_active;
};
void genl_macsec_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		       const struct macsec_req *r);
/* MACSEC_CMD_UPD_OFFLOAD: IFINDEX, OFFLOAD { TYPE }. */
void genl_macsec_offload_build(struct nlb *b, void *buf, size_t cap, uint16_t family,
			       int32_t ifindex, uint8_t type);

/* An ILA mapping to add or delete (ILA_CMD_ADD, ILA_CMD_DEL; no other attribute when a word
 * was not given): LOCATOR_MATCH and LOCATOR (8 bytes each, in network order as written),
 * IFINDEX, CSUM_MODE, IDENT_TYPE, in iproute2's order. */
struct ila_req {
	int loc_match_set, loc_set, ifindex_set, csum_set, ident_set;
	unsigned char loc_match[8], loc[8];
	int32_t ifindex;
	uint8_t csum_mode, ident_type;
};
void genl_ila_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		    const struct ila_req *r);

/* An MPTCP endpoint request (MPTCP_PM_CMD_ADD_ADDR, DEL_ADDR, SET_FLAGS, GET_ADDR): the
 * MPTCP_PM_ATTR_ADDR nest with ID, FLAGS, IF_IDX, PORT (host order), FAMILY and ADDR4|ADDR6
 * in iproute2's order, each only when set. ack: NLM_F_ACK, which iproute2 asks where it wants
 * no answer. */
struct mptcp_req {
	int id;             /* -1: none */
	uint32_t flags;     /* 0: none */
	int32_t ifindex;    /* 0: none */
	uint16_t port;      /* 0: none */
	int family;         /* -1: no address; any/all: the family with alen 0 */
	int alen;
	unsigned char addr[16];
};
void genl_mptcp_addr_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
			   int ack, const struct mptcp_req *r);
/* MPTCP_PM_CMD_SET_LIMITS (ack) or GET_LIMITS: RCV_ADD_ADDRS, then SUBFLOWS, each when not NULL. */
void genl_mptcp_limits_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
			     int ack, const uint32_t *rcv_add_addrs, const uint32_t *subflows);
/* The id of family's multicast group name, asked as iproute2's genl_add_mcast_grp asks it
 * (CTRL_CMD_GETFAMILY by CTRL_ATTR_FAMILY_ID): > 0, or -errno: -EPROTO when the reply has no
 * CTRL_ATTR_MCAST_GROUPS, -ENOENT when none is named so, -EINVAL when it is no family. */
int genl_mcast_group(struct nlsock *sk, uint16_t family, const char *name);
/* The same from one CTRL_CMD_GETFAMILY reply h (what genl_mcast_group reads; the fuzz target's). */
int genl_mcast_group_parse(const struct nlmsghdr *h, const char *name);

#endif
