/* Requests of the bridge applet (link, fdb, vlan, mdb): a fixed header (ifinfomsg, ndmsg,
 * br_vlan_msg, br_port_msg, if_stats_msg) and attributes put with nlb in the order of the
 * words, with nests. The applet chooses the words; this file only lays the bytes out. */
#ifndef NSBOX_RTNL_BRIDGE_H
#define NSBOX_RTNL_BRIDGE_H

#include <stdint.h>
#include "rtnl.h"

#define BR_NEST_DEPTH 4

/* The request, built with nlb in buf as the words come; nests open and close by a stack. */
struct br_req {
	uint16_t nlflags;     /* go out with NLM_F_REQUEST (callers add ACK or DUMP late) */
	void *hdr;            /* the fixed header inside the message (callers may patch it) */
	struct nlb b;
	int depth;
	struct nlattr *open[BR_NEST_DEPTH];
	char buf[RTNL_BUF];
};

/* hdr: the fixed header, hdrlen bytes, copied. A put that does not fit, or a nest past
 * BR_NEST_DEPTH, sets the builder's overflow: -EMSGSIZE at send. */
void br_req_init(struct br_req *r, uint16_t type, uint16_t nlflags, const void *hdr, size_t hdrlen);
void br_req_put(struct br_req *r, uint16_t type, const void *val, size_t len);
void br_req_u8(struct br_req *r, uint16_t type, uint8_t v);
void br_req_u16(struct br_req *r, uint16_t type, uint16_t v);
void br_req_u32(struct br_req *r, uint16_t type, uint32_t v);
void br_req_u64(struct br_req *r, uint16_t type, uint64_t v);
void br_req_nest(struct br_req *r, uint16_t type);
void br_req_end(struct br_req *r);

/* Close the nests left open and copy the message into buf (cap bytes), as it is sent. */
void rtnl_br_build(struct nlb *b, void *buf, size_t cap, struct br_req *r);
/* Send r and stream the replies to cb (a dump with NLM_F_DUMP, else until the ack or the
 * first answer): 0 or -errno, the kernel's text in sk->errmsg. */
int rtnl_br_talk(struct nlsock *sk, struct br_req *r, nl_cb cb, void *arg);

/* The attributes after a fixed header of hdrlen bytes into tb[0..max]: 0, or -EPROTO when the
 * message is shorter than the header or an attribute runs past its end. */
int rtnl_br_parse(const struct nlmsghdr *h, size_t hdrlen, struct nlattr **tb, int max);

#endif
