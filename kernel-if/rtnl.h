/* rtnetlink helpers: requests built from plain structs, and lookups by name. */
#ifndef NSBOX_RTNL_H
#define NSBOX_RTNL_H

#include <stdint.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include "nl.h"

#define RTNL_BUF 1024  /* room for any single request built here */

/* A link to create or change. Attributes go out in iproute2's order: those in attrs (in the
 * order of the words), IFLA_LINK, IFLA_IFNAME, then IFLA_LINKINFO (kind, then the kind's data: the attributes in data, or for
 * veth the peer with its own options). */
struct link_req {
	int del;              /* RTM_DELLINK (ip link delete takes the same words) */
	int family;           /* ifi_family: AF_UNSPEC, or iproute2's -4/-6 */
	int index;            /* 0 when creating */
	const char *name;     /* IFLA_IFNAME: the new name, or NULL */
	unsigned flags;       /* ifi_flags, under change */
	unsigned change;      /* ifi_change */
	const void *attrs;    /* the device's attributes (IFLA_MTU, IFLA_ADDRESS ...) as the words
				 put them with nlb, attrs_len bytes */
	size_t attrs_len;
	int link;             /* IFLA_LINK (the lower device of vlan, macvlan ...), or -1 */
	const char *kind;     /* IFLA_INFO_KIND, or NULL */
	const struct link_req *peer; /* veth: VETH_INFO_PEER */
	const void *data;     /* IFLA_INFO_DATA's attributes, data_len bytes (built with nlb) */
	size_t data_len;
	int empty_data;       /* put IFLA_INFO_DATA even when data is empty (as iproute2 does
				 when words follow a kind that takes none) */
};
void link_req_init(struct link_req *r);
/* RTM_NEWLINK (RTM_DELLINK when r->del) into b (buf of cap bytes) with nlmsg flags
 * (NLM_F_REQUEST added). */
void rtnl_link_build(struct nlb *b, void *buf, size_t cap, uint16_t nlflags, const struct link_req *r);
/* RTM_DELLINK by index, with IFLA_LINKINFO/IFLA_INFO_KIND when kind is not NULL. */
void rtnl_link_del_build(struct nlb *b, void *buf, size_t cap, int index, const char *kind);

/* RTM_NEWLINKPROP (add) or RTM_DELLINKPROP with an ack: IFLA_PROP_LIST holding an
 * IFLA_ALT_IFNAME for each of names[0..n) (the list is put even when empty). */
void rtnl_link_prop_build(struct nlb *b, void *buf, size_t cap, int add, int family, int index,
			  char *const *names, int n);
/* RTM_GETLINK for one device by name (IFLA_ALT_IFNAME when too long for IFLA_IFNAME) (IFLA_IFNAME + IFLA_EXT_MASK), or by index when
 * name is NULL: cb gets the RTM_NEWLINK reply. -ENODEV when there is none. */
int rtnl_link_get(struct nlsock *sk, const char *name, int index, uint32_t ext_mask, nl_cb cb, void *arg);
/* ifindex of a device name (one RTM_GETLINK, no dump), or -errno. */
int rtnl_link_index(struct nlsock *sk, const char *name);
/* What a dump asks the kernel to filter on (with NETLINK_GET_STRICT_CHK); 0 = no filter.
 * Each dump uses the fields that apply to it. */
struct rtnl_filter {
	uint8_t family;
	uint32_t ext_mask;    /* links: IFLA_EXT_MASK */
	int master;           /* links: IFLA_MASTER */
	const char *kind;     /* links: IFLA_LINKINFO/IFLA_INFO_KIND */
	int ifindex;          /* addresses: ifa_index */
	uint32_t table;       /* routes: RTA_TABLE */
	uint8_t protocol;     /* routes: rtm_protocol */
	int oif;              /* routes: RTA_OIF */
	uint32_t rt_flags;    /* routes: rtm_flags (RTM_F_CLONED) */
};
int rtnl_link_dump(struct nlsock *sk, const struct rtnl_filter *f, nl_cb cb, void *arg);

/* Parsed view of one RTM_NEWLINK; pointers into the message. */
struct link_info {
	const struct ifinfomsg *ifi;
	struct nlattr *tb[IFLA_MAX + 1];
	struct nlattr *li[IFLA_INFO_MAX + 1];  /* inside IFLA_LINKINFO */
};
int rtnl_link_parse(const struct nlmsghdr *h, struct link_info *li);

/* An address to add or delete. Attributes go out in iproute2's order: first those pushed on
 * order[], as the words came (IFA_LOCAL, IFA_ADDRESS for the peer, IFA_BROADCAST, IFA_ANYCAST,
 * IFA_LABEL, IFA_RT_PRIORITY; a label or metric as it was when pushed); with nothing pushed:
 * IFA_LOCAL, the peer, IFA_LABEL. Then IFA_FLAGS (flags past 8 bits), IFA_ADDRESS = local
 * (local pushed or implied, no peer, no no_address), IFA_BROADCAST when has_brd and not pushed
 * (brd +/-), IFA_CACHEINFO. */
#define ADDR_ORDER_MAX 16
struct addr_slot {
	uint8_t type;
	uint32_t metric;
	const char *label;
};
struct addr_req {
	int family;           /* AF_INET or AF_INET6 */
	int plen;
	int index;
	unsigned char local[16];
	int has_peer;
	unsigned char peer[16];
	int has_brd;
	unsigned char brd[16];
	unsigned char anycast[16];
	int scope;            /* -1 = default */
	unsigned ifa_flags;   /* IFA_F_* (NODAD ...) */
	const char *label;
	uint32_t metric;      /* IFA_RT_PRIORITY */
	int has_cacheinfo;
	uint32_t valid_lft, preferred_lft;  /* IFA_CACHEINFO; 0xffffffff = forever */
	int no_address;       /* omit IFA_ADDRESS: iproute2's wildcard delete, or no local */
	int empty_local;      /* IFA_LOCAL without bytes ("any", "all") */
	int ordered;          /* set by addr_req_push: order[] is the whole list, even empty */
	int norder;
	struct addr_slot order[ADDR_ORDER_MAX];
};
void addr_req_init(struct addr_req *r);
/* Name the next attribute in order[] (dropped when it is full); type 0 only marks the
 * request as ordered. */
void addr_req_push(struct addr_req *r, uint8_t type);
void rtnl_addr_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags, const struct addr_req *r);
/* Dump addresses of a family (AF_UNSPEC for all), of one device when f->ifindex is set. */
int rtnl_addr_dump(struct nlsock *sk, const struct rtnl_filter *f, nl_cb cb, void *arg);
struct addr_info {
	const struct ifaddrmsg *ifa;
	struct nlattr *tb[IFA_MAX + 1];
};
int rtnl_addr_parse(const struct nlmsghdr *h, struct addr_info *ai);

/* A route in the fixed shape of net-tools' route and ipconfig (ip route builds its requests
 * with nlb, word by word): the rtmsg, then RTA_DST, RTA_PRIORITY, RTA_GATEWAY, RTA_TABLE
 * (past 255) and RTA_OIF; the caller may put more after. */
struct route_req {
	int family;
	int dst_len;
	unsigned char dst[16];
	int has_dst;
	unsigned char gw[16];
	int has_gw;
	int oif;              /* 0 = none */
	uint32_t table;       /* RT_TABLE_MAIN by default; past 255 also RTA_TABLE */
	int protocol;         /* -1: boot, or unspec on delete */
	int scope;            /* -1: nowhere on delete, else universe with a gateway, link without */
	int type;             /* -1: unicast, or unspec on delete */
	int metric;           /* -1 = none */
	unsigned flags;       /* rtm_flags */
};
void route_req_init(struct route_req *r);
/* The message into b (buf of cap bytes) with nlmsg flags (NLM_F_REQUEST added). */
void rtnl_route_build(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t nlflags, const struct route_req *r);
/* One rtnexthop of an RTA_MULTIPATH nest being built: start reserves its header, end sets
 * rtnh_len over it and the attributes put in between. */
struct rtnexthop *rtnl_nh_start(struct nlb *b);
void rtnl_nh_end(struct nlb *b, struct rtnexthop *nh);
/* Dump routes of a family; f->table 0 = all tables; f->rt_flags (RTM_F_CLONED) asks for the
 * cached routes. */
int rtnl_route_dump(struct nlsock *sk, const struct rtnl_filter *f, nl_cb cb, void *arg);
struct route_info {
	const struct rtmsg *rtm;
	struct nlattr *tb[RTA_MAX + 1];
};
int rtnl_route_parse(const struct nlmsghdr *h, struct route_info *ri);
/* Table of a parsed route: RTA_TABLE when present, else rtm_table. */
uint32_t rtnl_route_table(const struct route_info *ri);
/* The rtnexthop entries of an RTA_MULTIPATH payload, one per call: 1 with *nh and its
 * attributes in tb, 0 at the end, -EPROTO for an entry that does not fit. */
struct rtnl_nh_iter {
	const char *pos;
	size_t left;
};
void rtnl_nh_iter_init(struct rtnl_nh_iter *it, const struct nlattr *multipath);
int rtnl_nh_next(struct rtnl_nh_iter *it, const struct rtnexthop **nh, struct nlattr **tb);

/* nsid (>= 0) that this namespace gives the namespace open on fd; -1 when none; -errno. */
int rtnl_nsid_of_fd(struct nlsock *sk, int fd);
/* RTM_NEWNSID: give the namespace open on fd this nsid (-1: the kernel picks one). */
int rtnl_nsid_set(struct nlsock *sk, int fd, int nsid);
/* The nsids this namespace (or the one it calls target, when target >= 0) has given: all when
 * nsid < 0, else that one. rtnl_nsid_parse reads one reply (>= 0, -1, -errno) and, under a
 * target, the id this namespace has for the same peer (-1 if none). */
int rtnl_nsid_dump(struct nlsock *sk, int nsid, int target, nl_cb cb, void *arg);
int rtnl_nsid_parse(const struct nlmsghdr *h, int *current);

#endif
