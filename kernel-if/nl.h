/* Netlink: message builder, strict parser, and one request/dump routine.
 * Nothing here prints or exits; errors are -errno, with the kernel's extack text in the socket. */
#ifndef NSBOX_NL_H
#define NSBOX_NL_H

#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

/* Builder (libmnl shape): the caller owns the buffer; puts append at the tail and grow
 * nlmsg_len; a put that does not fit sets a sticky overflow flag checked once at send. */
struct nlb {
	char *buf;
	size_t cap;
	int overflow;
};

struct nlmsghdr *nlb_init(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t flags);
static inline struct nlmsghdr *nlb_hdr(const struct nlb *b) { return (struct nlmsghdr *)b->buf; }
void *nlb_put_extra(struct nlb *b, size_t len);
/* nlb_init and a zeroed family header of hlen bytes (ifinfomsg, rtmsg ...): the header, or NULL
 * (overflow set) when cap cannot hold both. Every rtnetlink request starts this way. */
void *nlb_start(struct nlb *b, void *buf, size_t cap, uint16_t type, uint16_t flags, size_t hlen);
void nlb_put(struct nlb *b, uint16_t type, const void *data, size_t len);
void nlb_put_u8(struct nlb *b, uint16_t type, uint8_t v);
void nlb_put_u16(struct nlb *b, uint16_t type, uint16_t v);
void nlb_put_u32(struct nlb *b, uint16_t type, uint32_t v);
void nlb_put_str(struct nlb *b, uint16_t type, const char *s);  /* without the NUL */
void nlb_put_strz(struct nlb *b, uint16_t type, const char *s); /* with the NUL */
struct nlattr *nlb_nest_start(struct nlb *b, uint16_t type);
void nlb_nest_end(struct nlb *b, struct nlattr *nest);
/* A builder used for attributes alone (a nest's members gathered while words come, put into
 * the message later in one piece): they start after the unused header. */
static inline void *nlb_attrs(const struct nlb *b) { return b->buf + NLMSG_HDRLEN; }
static inline size_t nlb_attrs_len(const struct nlb *b) { return nlb_hdr(b)->nlmsg_len - NLMSG_HDRLEN; }

/* Parser. A message is valid when len >= header, nlmsg_len >= header and nlmsg_len <= len. */
static inline int nlmsg_ok(const struct nlmsghdr *h, size_t len)
{
	return len >= sizeof(*h) && h->nlmsg_len >= sizeof(*h) && h->nlmsg_len <= len;
}
static inline struct nlmsghdr *nlmsg_next(const struct nlmsghdr *h, size_t *len)
{
	size_t step = NLMSG_ALIGN(h->nlmsg_len);
	if (step > *len)
		step = *len;
	*len -= step;
	return (struct nlmsghdr *)((char *)h + step);
}
static inline void *nlmsg_data(const struct nlmsghdr *h) { return (char *)h + NLMSG_HDRLEN; }
static inline size_t nlmsg_payload(const struct nlmsghdr *h) { return h->nlmsg_len - NLMSG_HDRLEN; }

static inline __attribute__((always_inline)) int nla_ok(const struct nlattr *a, size_t len)
{
	return len >= sizeof(*a) && a->nla_len >= sizeof(*a) && a->nla_len <= len;
}
static inline __attribute__((always_inline)) struct nlattr *nla_next(const struct nlattr *a, size_t *len)
{
	size_t step = NLA_ALIGN(a->nla_len);
	if (step > *len)
		step = *len;
	*len -= step;
	return (struct nlattr *)((char *)a + step);
}
static inline uint16_t nla_type(const struct nlattr *a) { return a->nla_type & NLA_TYPE_MASK; }
static inline void *nla_data(const struct nlattr *a) { return (char *)a + NLA_HDRLEN; }
static inline size_t nla_len(const struct nlattr *a) { return a->nla_len - NLA_HDRLEN; }

/* Walk attributes in [data, data+len); stops at the first one that does not fit. */
#define nla_for_each(a, data, len, rem) \
	for ((rem) = (len), (a) = (struct nlattr *)(data); nla_ok((a), (rem)); (a) = nla_next((a), &(rem)))

/* Fill tb[0..max] (NULL where absent); -EINVAL if an attribute runs past the end or
 * trailing bytes do not form an attribute. Later duplicates win, as in the kernel. */
int nla_parse(struct nlattr **tb, int max, const void *data, size_t len);
int nla_parse_nested(struct nlattr **tb, int max, const struct nlattr *nest);
/* A message's fixed header (hlen bytes, as rtmsg or ifinfomsg) and its attributes into tb: the
 * header, or NULL when the message is shorter than it or an attribute does not fit. */
void *nlmsg_parse(const struct nlmsghdr *h, size_t hlen, struct nlattr **tb, int max);
/* Typed getters that check the payload size: 0 or -EINVAL. */
int nla_get_u8(const struct nlattr *a, uint8_t *v);
int nla_get_u32(const struct nlattr *a, uint32_t *v);
int nla_get_s32(const struct nlattr *a, int32_t *v);
/* NUL-terminated inside its payload, else NULL. */
const char *nla_get_str(const struct nlattr *a);

/* Socket. */
#define NL_ERRMSG_MAX 256
#define NL_RXBUF (64 * 1024)
struct nlsock {
	int fd;
	uint32_t portid;
	uint32_t seq;
	int dump_intr;                /* set when a dump reply carried NLM_F_DUMP_INTR */
	char errmsg[NL_ERRMSG_MAX];   /* extack text of the last error (or warning), "" if none */
	char rx[NL_RXBUF];
};

/* Open NETLINK_ROUTE (or proto) with NETLINK_EXT_ACK and NETLINK_GET_STRICT_CHK. */
int nl_open(struct nlsock *sk, int proto);
/* Use an existing fd (a socketpair in tests): no bind, the given portid. */
void nl_attach(struct nlsock *sk, int fd, uint32_t portid);
void nl_close(struct nlsock *sk);

/* Called for each reply message that is not an ack, error or DONE. A non-zero return stops
 * further calls: the value is passed back from nl_talk once the exchange is drained. */
typedef int (*nl_cb)(const struct nlmsghdr *h, void *arg);

/* Send the message in b (seq and portid set here; -EMSGSIZE if the builder overflowed), then
 * read replies with this seq and portid (others are skipped): a dump (NLM_F_DUMP) runs until
 * NLMSG_DONE, a request with NLM_F_ACK (set by the caller) until its NLMSG_ERROR ack, and one
 * without until its first reply. NLMSG_ERROR becomes -errno with sk->errmsg holding the
 * extack text. Replies stream to cb; nothing is buffered. */
int nl_talk(struct nlsock *sk, struct nlb *b, nl_cb cb, void *arg);

/* The same exchange pulled one message at a time, for a caller that walks several dumps side
 * by side: nl_start sends; nl_next gives 1 and the next reply (valid until the next call on
 * this socket), 0 at the end (DONE, or the ack), or -errno. nl_talk is built on these. */
struct nl_stream {
	struct nlsock *sk;
	uint32_t seq;
	int dump, want_ack;
	char *pos;
	size_t left;
	int state;    /* 0 running, 1 ended, < 0 failed */
};
int nl_start(struct nlsock *sk, struct nlb *b, struct nl_stream *st);
int nl_next(struct nl_stream *st, const struct nlmsghdr **out);

/* Decode one NLMSG_ERROR message: returns its error (0 or -errno), copies the extack text
 * (if any) to msg. -EPROTO if the message is malformed. */
int nl_parse_error(const struct nlmsghdr *h, char *msg, size_t msgsz);

/* Send len bytes of requests packed in buf at once (flushes: deletes that ask for no ack), then
 * look, without waiting, for an error the kernel queued while handling them: 0 or -errno. */
int nl_send_batch(struct nlsock *sk, const void *buf, size_t len);

/* A flush as iproute2 sends it: each dumped object goes back as a copy of its dump message
 * with nlmsg_type type, NLM_F_REQUEST only (no ack) and the socket's next seq, packed into
 * buf (cap bytes; iproute2's is 3584) and sent several at once. */
struct nl_batch {
	struct nlsock *sk;
	uint16_t type;
	char *buf;
	size_t cap, len;
};
/* Queue h. When it does not fit behind what is queued, that goes out first (nl_batch_send) and
 * h is queued all the same: the send's -errno, else 0. -EMSGSIZE, nothing queued, for an h
 * larger than buf. */
int nl_batch_add(struct nl_batch *b, const struct nlmsghdr *h);
/* Send what is queued (nothing: 0) as nl_send_batch does, and empty the batch. */
int nl_batch_send(struct nl_batch *b);

#endif
