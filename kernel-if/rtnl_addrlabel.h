/* IPv6 address labels (RFC 6724 policy table): RTM_NEWADDRLABEL, RTM_DELADDRLABEL and dumps. */
#ifndef NSBOX_RTNL_ADDRLABEL_H
#define NSBOX_RTNL_ADDRLABEL_H

#include <linux/if_addrlabel.h>
#include "rtnl.h"

/* A label to add or delete. Attributes go out in iproute2's order: IFAL_LABEL, then IFAL_ADDRESS
 * (alen bytes, maybe none). */
struct addrlabel_req {
	uint8_t family;
	uint8_t prefixlen;
	uint32_t index;
	uint32_t label;
	int alen;
	unsigned char addr[16];
};
/* type RTM_NEWADDRLABEL or RTM_DELADDRLABEL; NLM_F_REQUEST is added to nlflags. */
void rtnl_addrlabel_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags,
			  const struct addrlabel_req *r);
void rtnl_addrlabel_dump_build(struct nlb *b, void *buf, size_t cap, uint8_t family);
int rtnl_addrlabel_dump(struct nlsock *sk, uint8_t family, nl_cb cb, void *arg);

/* Parsed view of one label message; pointers into it. */
struct addrlabel_info {
	const struct ifaddrlblmsg *ifal;
	struct nlattr *tb[IFAL_MAX + 1];
};
/* As rtnl_netconf_parse: -EPROTO short, -EINVAL with the attributes that fit in tb. */
int rtnl_addrlabel_parse(const struct nlmsghdr *h, struct addrlabel_info *ai);

#endif
