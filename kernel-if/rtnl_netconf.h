/* RTM_GETNETCONF: one device's configuration of a family, or a dump of them all. */
#ifndef NSBOX_RTNL_NETCONF_H
#define NSBOX_RTNL_NETCONF_H

#include <linux/netconf.h>
#include "rtnl.h"

/* The dump request (NLM_F_DUMP, the netconfmsg padded to 4 bytes), and the get of one device
 * (NLM_F_ACK, NETCONFA_IFINDEX). */
void rtnl_netconf_dump_build(struct nlb *b, void *buf, size_t cap, uint8_t family);
void rtnl_netconf_get_build(struct nlb *b, void *buf, size_t cap, uint8_t family, int ifindex);
int rtnl_netconf_dump(struct nlsock *sk, uint8_t family, nl_cb cb, void *arg);
int rtnl_netconf_get(struct nlsock *sk, uint8_t family, int ifindex, nl_cb cb, void *arg);

/* Parsed view of one RTM_NEWNETCONF / RTM_DELNETCONF; pointers into the message. */
struct netconf_info {
	const struct netconfmsg *ncm;
	struct nlattr *tb[NETCONFA_MAX + 1];
};
/* 0; -EPROTO when the message is shorter than its header (nothing parsed); -EINVAL when an
 * attribute runs past the end, with the attributes before it in tb (iproute2 shows those). */
int rtnl_netconf_parse(const struct nlmsghdr *h, struct netconf_info *ni);

#endif
