/* The netlink socket and the one routine that sends a request and reads its replies. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "nl.h"
#include "sys.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

int nl_open(struct nlsock *sk, int proto)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	socklen_t salen = sizeof(sa);
	int one = 1, fd;

	fd = sys_socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, proto);
	if (fd < 0)
		return -errno;
	/* Both are optional: older kernels lack them and still work. */
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &salen) < 0) {
		int err = -errno;
		close(fd);
		return err;
	}
	nl_attach(sk, fd, sa.nl_pid);
	return 0;
}

void nl_attach(struct nlsock *sk, int fd, uint32_t portid)
{
	sk->fd = fd;
	sk->portid = portid;
	sk->seq = 0;
	sk->dump_intr = 0;
	sk->errmsg[0] = 0;
}

void nl_close(struct nlsock *sk)
{
	if (sk->fd >= 0)
		close(sk->fd);
	sk->fd = -1;
}

/* The extack message of the TLVs at p into msg (msgsz bytes, none when 0): 0, or -EPROTO when
 * they are malformed. */
static int extack_msg(const char *p, size_t len, char *msg, size_t msgsz)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	const struct nlattr *a;
	size_t n;

	if (nla_parse(tb, NLMSGERR_ATTR_MAX, p, len) < 0)
		return -EPROTO;
	a = tb[NLMSGERR_ATTR_MSG];
	if (a && msgsz) {
		n = strnlen(nla_data(a), nla_len(a));
		if (n >= msgsz)
			n = msgsz - 1;
		memcpy(msg, nla_data(a), n);
		msg[n] = 0;
	}
	return 0;
}

int nl_parse_error(const struct nlmsghdr *h, char *msg, size_t msgsz)
{
	const struct nlmsgerr *e = nlmsg_data(h);
	size_t off, plen = nlmsg_payload(h);

	if (msg && msgsz)
		msg[0] = 0;
	if (plen < sizeof(*e))
		return -EPROTO;
	if (e->error > 0 || e->error < -4095)
		return -EPROTO;
	if (!(h->nlmsg_flags & NLM_F_ACK_TLVS))
		return e->error;
	/* TLVs follow the echoed request: its header only when capped, else all of it. */
	off = sizeof(*e);
	if (!(h->nlmsg_flags & NLM_F_CAPPED)) {
		if (e->msg.nlmsg_len < NLMSG_HDRLEN || e->msg.nlmsg_len > plen)
			return -EPROTO;
		off += NLMSG_ALIGN((size_t)e->msg.nlmsg_len) - NLMSG_HDRLEN;
	}
	if (off > plen || extack_msg((const char *)e + off, plen - off, msg, msg ? msgsz : 0))
		return -EPROTO;
	return e->error;
}

/* A failed dump's DONE carries its extack TLVs right after the error number. */
static void done_extack(struct nlsock *sk, const struct nlmsghdr *h)
{
	size_t off = NLA_ALIGN(sizeof(int));

	if ((h->nlmsg_flags & NLM_F_ACK_TLVS) && nlmsg_payload(h) >= off)
		extack_msg((const char *)nlmsg_data(h) + off, nlmsg_payload(h) - off, sk->errmsg,
			   sizeof(sk->errmsg));
}

/* A datagram to the kernel: all of it goes, or none. */
static int send_msg(struct nlsock *sk, const void *buf, size_t len)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	ssize_t n;

	do
		n = sendto(sk->fd, buf, len, 0, (struct sockaddr *)&sa, sizeof(sa));
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

static ssize_t recv_msg(struct nlsock *sk)
{
	struct sockaddr_nl sa;
	struct iovec iov = { sk->rx, sizeof(sk->rx) };
	struct msghdr m = { .msg_name = &sa, .msg_namelen = sizeof(sa), .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	do
		n = sys_recvmsg(sk->fd, &m, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if (m.msg_flags & MSG_TRUNC)
		return -EMSGSIZE;
	/* Only the kernel (port 0) may answer; on a socketpair there is no address. */
	if (m.msg_namelen >= sizeof(sa) && sa.nl_family == AF_NETLINK && sa.nl_pid != 0)
		return 0;
	return n;
}

int nl_start(struct nlsock *sk, struct nlb *b, struct nl_stream *st)
{
	struct nlmsghdr *req = nlb_hdr(b);

	if (b->overflow)
		return -EMSGSIZE;
	st->sk = sk;
	st->dump = (req->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
	st->want_ack = !!(req->nlmsg_flags & NLM_F_ACK);
	st->pos = NULL;
	st->left = 0;
	st->state = 0;
	req->nlmsg_flags |= NLM_F_REQUEST;
	req->nlmsg_seq = st->seq = ++sk->seq;
	req->nlmsg_pid = 0;
	sk->errmsg[0] = 0;
	sk->dump_intr = 0;
	return send_msg(sk, req, req->nlmsg_len);
}

/* The end of an exchange: remembered, so that later calls return the same. */
static int finish(struct nl_stream *st, int err)
{
	st->state = err ? err : 1;
	return err;
}

int nl_next(struct nl_stream *st, const struct nlmsghdr **out)
{
	struct nlsock *sk = st->sk;

	if (st->state)
		return st->state < 0 ? st->state : 0;
	for (;;) {
		ssize_t n;

		while (st->left) {
			const struct nlmsghdr *h = (const struct nlmsghdr *)st->pos;
			int e;

			if (!nlmsg_ok(h, st->left))
				return finish(st, -EPROTO);
			st->pos = (char *)nlmsg_next(h, &st->left);
			if (h->nlmsg_seq != st->seq || (h->nlmsg_pid && h->nlmsg_pid != sk->portid))
				continue;
			if (h->nlmsg_flags & NLM_F_DUMP_INTR)
				sk->dump_intr = 1;
			switch (h->nlmsg_type) {
			case NLMSG_ERROR:
				return finish(st, nl_parse_error(h, sk->errmsg, sizeof(sk->errmsg)));
			case NLMSG_DONE:
				if (!st->dump)
					continue;
				/* A dump that failed midway ends with DONE carrying -errno. */
				e = 0;
				if (nlmsg_payload(h) >= sizeof(int))
					memcpy(&e, nlmsg_data(h), sizeof(e));
				/* As for NLMSG_ERROR: an errno the kernel cannot send is a malformed reply. */
				if (e < -4095)
					return finish(st, -EPROTO);
				if (e < 0)
					done_extack(sk, h);
				return finish(st, e < 0 ? e : 0);
			case NLMSG_NOOP:
			case NLMSG_OVERRUN:
				continue;
			}
			*out = h;
			return 1;
		}
		n = recv_msg(sk);
		if (n < 0)
			return finish(st, (int)n);
		st->pos = sk->rx;
		st->left = (size_t)n;
	}
}

int nl_talk(struct nlsock *sk, struct nlb *b, nl_cb cb, void *arg)
{
	struct nl_stream st;
	const struct nlmsghdr *h;
	int r, ret = 0;

	r = nl_start(sk, b, &st);
	if (r)
		return r;
	while ((r = nl_next(&st, &h)) > 0) {
		if (!ret && cb)
			ret = cb(h, arg);
		if (!st.dump && !st.want_ack)
			return ret;
	}
	return r < 0 ? r : ret;
}

int nl_batch_send(struct nl_batch *b)
{
	int err = b->len ? nl_send_batch(b->sk, b->buf, b->len) : 0;

	b->len = 0;
	return err;
}

int nl_batch_add(struct nl_batch *b, const struct nlmsghdr *h)
{
	struct nlmsghdr *d;
	size_t at = NLMSG_ALIGN(b->len);
	int err = 0;

	if (h->nlmsg_len > b->cap)
		return -EMSGSIZE;
	if (at + h->nlmsg_len > b->cap) {
		err = nl_batch_send(b);
		at = 0;
	}
	d = (struct nlmsghdr *)(b->buf + at);
	memcpy(d, h, h->nlmsg_len);
	d->nlmsg_type = b->type;
	d->nlmsg_flags = NLM_F_REQUEST;
	d->nlmsg_seq = ++b->sk->seq;
	b->len = at + h->nlmsg_len;
	return err;
}

int nl_send_batch(struct nlsock *sk, const void *buf, size_t len)
{
	char resp[1024];
	const struct nlmsghdr *h = (const void *)resp;
	ssize_t n;
	size_t left;
	int err = send_msg(sk, buf, len);

	if (err)
		return err;
	/* The kernel handles the requests inside sendto: a failure is queued by now. It stays
	 * queued; the next exchange on this socket skips it by its seq, as iproute2's does. */
	n = recv(sk->fd, resp, sizeof(resp), MSG_DONTWAIT | MSG_PEEK);
	if (n < 0)
		return errno == EAGAIN ? 0 : -errno;
	for (left = (size_t)n; nlmsg_ok(h, left); h = nlmsg_next(h, &left))
		if (h->nlmsg_type == NLMSG_ERROR && (err = nl_parse_error(h, NULL, 0)))
			return err;
	return 0;
}
