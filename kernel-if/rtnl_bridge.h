/* Requests of the bridge applet (link, fdb, vlan, mdb): a fixed header (ifinfomsg, ndmsg,
 * br_vlan_msg, br_port_msg, if_stats_msg) and attributes in the order they were put, with
 * nests. The applet chooses the words; this file only lays the bytes out. */
#ifndef NSBOX_RTNL_BRIDGE_H
#define NSBOX_RTNL_BRIDGE_H

#include <stdint.h>
#include "rtnl.h"

#define BR_HDR_MAX 16
#define BR_ATTR_MAX 32
#define BR_NEST 0xffff      /* rt_attr.len: opens a nest of this type (flags included) */
#define BR_NEST_END 0xfffe  /* closes the innermost open nest */

/* One attribute: up to BR_VAL_MAX bytes (a struct br_mdb_entry is 28), or a nest mark. */
#define BR_VAL_MAX 32
struct br_attr {
	uint16_t type;
	uint16_t len;
	unsigned char val[BR_VAL_MAX];
};

struct br_req {
	uint16_t type;        /* RTM_* */
	uint16_t nlflags;     /* NLM_F_REQUEST is added */
	size_t hdrlen;
	unsigned char hdr[BR_HDR_MAX];
	int nattr;
	int overflow;         /* an attribute did not fit in attr[]: -E2BIG at send */
	struct br_attr attr[BR_ATTR_MAX];
};

/* hdr: the fixed header, hdrlen <= BR_HDR_MAX bytes, copied. */
void br_req_init(struct br_req *r, uint16_t type, uint16_t nlflags, const void *hdr, size_t hdrlen);
void br_req_put(struct br_req *r, uint16_t type, const void *val, size_t len);
void br_req_u8(struct br_req *r, uint16_t type, uint8_t v);
void br_req_u16(struct br_req *r, uint16_t type, uint16_t v);
void br_req_u32(struct br_req *r, uint16_t type, uint32_t v);
void br_req_u64(struct br_req *r, uint16_t type, uint64_t v);
void br_req_nest(struct br_req *r, uint16_t type);
void br_req_end(struct br_req *r);

void rtnl_br_build(struct nlb *b, void *buf, size_t cap, const struct br_req *r);
/* Send r and stream the replies to cb (a dump with NLM_F_DUMP, else until the ack or the
 * first answer): 0 or -errno, the kernel's text in sk->errmsg. */
int rtnl_br_talk(struct nlsock *sk, const struct br_req *r, nl_cb cb, void *arg);

/* The attributes after a fixed header of hdrlen bytes into tb[0..max]: 0, or -EPROTO when the
 * message is shorter than the header or an attribute runs past its end. */
int rtnl_br_parse(const struct nlmsghdr *h, size_t hdrlen, struct nlattr **tb, int max);

#endif
