/* The fake kernel of the fuzz targets: the calls nsbox's objects make under their FUZZ_RENAME
 * names (see fuzz.h). Built without the renames, so the real calls here are libc's. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include <linux/netlink.h>
#include "fuzz.h"

jmp_buf *fz_jmp;
int fz_exit_code;
int fz_raw_eperm;

enum { S_NONE, S_NETLINK, S_INET };
enum { A_NONE, A_DONE, A_ACK, A_ENODEV };

#define FZ_FDS 1024
static struct fsock {
	int kind;
	int monitor;             /* joined a multicast group: EOF once the records are used */
	int empty;               /* reads in a row that found nothing */
	uint32_t portid, seq;
	int pending;             /* A_*: the kernel's own reply to the last request */
	struct nlmsghdr req;     /* its header (echoed in an ack) */
	int family;              /* AF_INET / AF_INET6 */
	struct sockaddr_in6 peer;/* where an ICMP reply comes from (the last destination) */
} socks[FZ_FDS];

static const uint8_t *rp;
static size_t rn;
static long long clock_us = 1000000000LL;

void fz_replies(const uint8_t *data, size_t len)
{
	rp = data;
	rn = len;
}

void fz_reset(void)
{
	for (int i = 0; i < FZ_FDS; i++) {
		socks[i].pending = A_NONE;
		socks[i].seq = 0;
		socks[i].empty = 0;
	}
	rp = NULL;
	rn = 0;
	clock_us = 1000000000LL;
}

static struct fsock *fs(int fd)
{
	return fd >= 0 && fd < FZ_FDS && socks[fd].kind ? &socks[fd] : NULL;
}

int fz_is_sock(int fd)
{
	return fs(fd) != NULL;
}

/* The next record: its bytes and length; -1 when none is left. */
static long next_record(const uint8_t **p, int peek)
{
	size_t len;

	if (!rn)
		return -1;
	len = rn >= 2 ? (size_t)(rp[0] | rp[1] << 8) : 0;
	*p = rp + (rn >= 2 ? 2 : 1);
	if (len > rn - (size_t)(*p - rp))
		len = rn - (size_t)(*p - rp);
	if (!peek) {
		rn -= (size_t)(*p - rp) + len;
		rp = *p + len;
	}
	return (long)len;
}

/* The kernel's own answer to the last request, into buf. */
static size_t auto_reply(struct fsock *s, char *buf, size_t cap)
{
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct nlmsgerr *e = NLMSG_DATA(h);
	size_t len = s->pending == A_DONE ? NLMSG_LENGTH(sizeof(int)) : NLMSG_LENGTH(sizeof(*e));

	if (cap < len)
		return 0;
	memset(buf, 0, len);
	h->nlmsg_len = (uint32_t)len;
	h->nlmsg_seq = s->seq;
	h->nlmsg_pid = s->portid;
	if (s->pending == A_DONE) {
		h->nlmsg_type = NLMSG_DONE;
		h->nlmsg_flags = NLM_F_MULTI;
	} else {
		h->nlmsg_type = NLMSG_ERROR;
		h->nlmsg_flags = NLM_F_CAPPED;
		e->error = s->pending == A_ENODEV ? -ENODEV : 0;
		e->msg = s->req;
	}
	return len;
}

/* A netlink datagram for s into buf: a record (its messages given the request's seq and
 * portid) or the kernel's own reply; -1 (EAGAIN) when there is none, 0 at a monitor's end. */
static ssize_t nl_datagram(struct fsock *s, char *buf, size_t cap, int peek, int *trunc)
{
	const uint8_t *p;
	long n = next_record(&p, peek);
	size_t len, left;
	char *m;

	*trunc = 0;
	if (n > 0) {
		len = (size_t)n < cap ? (size_t)n : cap;
		*trunc = (size_t)n > cap;
		memcpy(buf, p, len);
		for (m = buf, left = len; left >= NLMSG_HDRLEN;) {
			struct nlmsghdr *h = (struct nlmsghdr *)m;
			size_t step = NLMSG_ALIGN(h->nlmsg_len);
			if (h->nlmsg_len < NLMSG_HDRLEN || h->nlmsg_len > left)
				break;
			h->nlmsg_seq = s->seq;
			h->nlmsg_pid = s->portid;
			if (step >= left)
				break;
			m += step, left -= step;
		}
		return (ssize_t)len;
	}
	if (s->monitor && n < 0)
		return 0;
	if (s->pending && !peek) {
		len = auto_reply(s, buf, cap);
		s->pending = A_NONE;
		return (ssize_t)len;
	}
	/* A reader that takes EAGAIN for "try again" (a monitor) gets EOF in the end. */
	if (!peek && ++s->empty > 64)
		return 0;
	errno = EAGAIN;
	return -1;
}

int fz_socket(int domain, int type, int proto)
{
	int fd;

	(void)proto;
	if (fz_raw_eperm && domain != AF_NETLINK && (type & 0xf) == SOCK_RAW)
		return errno = EPERM, -1;
	if (domain != AF_NETLINK && domain != AF_INET && domain != AF_INET6) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	fd = open("/dev/null", O_RDWR | ((type & SOCK_CLOEXEC) ? O_CLOEXEC : 0));
	if (fd < 0 || fd >= FZ_FDS) {
		if (fd >= 0)
			close(fd);
		errno = EMFILE;
		return -1;
	}
	memset(&socks[fd], 0, sizeof(socks[fd]));
	socks[fd].kind = domain == AF_NETLINK ? S_NETLINK : S_INET;
	socks[fd].family = domain;
	socks[fd].portid = 0x4000 + (uint32_t)fd;
	socks[fd].peer.sin6_family = (sa_family_t)domain;
	return fd;
}

int fz_close(int fd)
{
	if (fd >= 0 && fd < FZ_FDS)
		socks[fd].kind = S_NONE;
	return close(fd);
}

int fz_bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	(void)sa, (void)len;
	return fs(fd) ? 0 : (errno = ENOTSOCK, -1);
}

int fz_connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	struct fsock *s = fs(fd);

	if (!s)
		return errno = ENOTSOCK, -1;
	if (sa && len <= sizeof(s->peer))
		memcpy(&s->peer, sa, len);
	return 0;
}

int fz_getsockname(int fd, struct sockaddr *sa, socklen_t *len)
{
	struct fsock *s = fs(fd);

	if (!s)
		return errno = ENOTSOCK, -1;
	if (s->kind == S_NETLINK) {
		struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = s->portid };
		memcpy(sa, &nl, *len < sizeof(nl) ? *len : sizeof(nl));
		*len = sizeof(nl);
	} else {
		/* The source of a probe connected to the peer: the loopback address. */
		struct sockaddr_in6 a = { 0 };
		if (s->family == AF_INET6) {
			a.sin6_family = AF_INET6;
			a.sin6_addr.s6_addr[15] = 1;
		} else {
			struct sockaddr_in *in = (struct sockaddr_in *)&a;
			in->sin_family = AF_INET;
			in->sin_addr.s_addr = htonl(0x7f000001);
		}
		memcpy(sa, &a, *len < sizeof(a) ? *len : sizeof(a));
		*len = s->family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
	}
	return 0;
}

int fz_setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	struct fsock *s = fs(fd);

	(void)val, (void)len;
	if (!s)
		return errno = ENOTSOCK, -1;
	if (level == SOL_NETLINK && name == NETLINK_ADD_MEMBERSHIP)
		s->monitor = 1;
	return 0;
}

/* A request: remember what the kernel would answer by itself (for the last message of it). */
static ssize_t sent(int fd, const void *buf, size_t len, const struct sockaddr *to, socklen_t tolen)
{
	struct fsock *s = fs(fd);
	const char *p = buf;
	size_t left = len;

	if (!s)
		return errno = ENOTSOCK, -1;
	if (s->kind == S_INET) {
		if (to && tolen <= sizeof(s->peer))
			memcpy(&s->peer, to, tolen);
		return (ssize_t)len;
	}
	while (left >= NLMSG_HDRLEN) {
		const struct nlmsghdr *h = (const struct nlmsghdr *)p;
		if (h->nlmsg_len < NLMSG_HDRLEN || h->nlmsg_len > left)
			break;
		s->seq = h->nlmsg_seq;
		s->req = *h;
		s->empty = 0;
		s->pending = (h->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP ? A_DONE :
			     h->nlmsg_flags & NLM_F_ACK ? A_ACK :
			     h->nlmsg_type >= 16 && (h->nlmsg_type & 3) == 2 ? A_ENODEV : A_NONE;
		if (NLMSG_ALIGN(h->nlmsg_len) >= left)
			break;
		p += NLMSG_ALIGN(h->nlmsg_len);
		left -= NLMSG_ALIGN(h->nlmsg_len);
	}
	return (ssize_t)len;
}

ssize_t fz_sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *to, socklen_t tolen)
{
	(void)flags;
	return sent(fd, buf, len, to, tolen);
}

ssize_t fz_send(int fd, const void *buf, size_t len, int flags)
{
	(void)flags;
	return sent(fd, buf, len, NULL, 0);
}

/* An ICMP reply: the record as it came, from the address the last request went to. */
static ssize_t inet_datagram(struct fsock *s, void *buf, size_t cap, int peek, int *trunc)
{
	const uint8_t *p;
	long n = next_record(&p, peek);
	size_t len;

	*trunc = 0;
	if (n < 0)
		return errno = EAGAIN, -1;
	len = (size_t)n < cap ? (size_t)n : cap;
	*trunc = (size_t)n > cap;
	memcpy(buf, p, len);
	(void)s;
	return (ssize_t)len;
}

ssize_t fz_recvmsg(int fd, struct msghdr *m, int flags)
{
	struct fsock *s = fs(fd);
	int trunc = 0, peek = !!(flags & MSG_PEEK);
	ssize_t n;

	if (!s)
		return errno = ENOTSOCK, -1;
	if (m->msg_iovlen < 1)
		return errno = EINVAL, -1;
	n = s->kind == S_NETLINK ? nl_datagram(s, m->msg_iov[0].iov_base, m->msg_iov[0].iov_len, peek, &trunc)
				 : inet_datagram(s, m->msg_iov[0].iov_base, m->msg_iov[0].iov_len, peek, &trunc);
	if (n < 0)
		return n;
	m->msg_flags = trunc ? MSG_TRUNC : 0;
	m->msg_controllen = 0;
	if (m->msg_name) {
		if (s->kind == S_NETLINK) {
			struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
			size_t l = m->msg_namelen < sizeof(nl) ? m->msg_namelen : sizeof(nl);
			memcpy(m->msg_name, &nl, l);
			m->msg_namelen = sizeof(nl);
		} else {
			size_t want = s->family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
			memcpy(m->msg_name, &s->peer, m->msg_namelen < want ? m->msg_namelen : want);
			m->msg_namelen = (socklen_t)want;
		}
	}
	return n;
}

ssize_t fz_recv(int fd, void *buf, size_t len, int flags)
{
	struct iovec iov = { buf, len };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

	return fz_recvmsg(fd, &m, flags);
}

int fz_poll(struct pollfd *p, nfds_t n, int timeout)
{
	int ready = 0;

	for (nfds_t i = 0; i < n; i++) {
		struct fsock *s = fs(p[i].fd);
		p[i].revents = 0;
		if (s && (rn || (s->kind == S_NETLINK && s->pending))) {
			p[i].revents = POLLIN;
			ready++;
		}
	}
	/* Nothing to read: the time waited passes at once. */
	if (!ready && timeout > 0)
		clock_us += timeout * 1000LL;
	return ready;
}

/* Only what reads: opening for reading, closing, directory reads, the clock. */
long fz_syscall(long nr, ...)
{
	va_list ap;
	long a[4] = { 0 };
	/* As many arguments as the call has: reading past them reads the caller's stack. */
	int n = nr == SYS_close ? 1 : nr == SYS_getdents64 || nr == SYS_capget ? 3 : nr == SYS_openat ? 4 : 2;

	va_start(ap, nr);
	for (int i = 0; i < n; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	switch (nr) {
	case SYS_clock_gettime: {
		struct timespec *ts = (struct timespec *)a[1];
		clock_us += 7;
		ts->tv_sec = clock_us / 1000000;
		ts->tv_nsec = clock_us % 1000000 * 1000;
		return 0;
	}
	case SYS_openat:
		if ((a[2] & O_ACCMODE) != O_RDONLY || (a[2] & (O_CREAT | O_TRUNC)))
			break;
		return syscall(nr, a[0], a[1], a[2], a[3]);
	case SYS_close:
		return fz_close((int)a[0]);
	case SYS_getdents64:
	case SYS_capget:
		return syscall(nr, a[0], a[1], a[2]);
	}
	errno = EPERM;
	return -1;
}

int fz_open(const char *path, int flags, ...)
{
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)))
		return errno = EACCES, -1;
	return open(path, flags);
}

int fz_ioctl(int fd, unsigned long req, ...)
{
	(void)fd, (void)req;
	return errno = ENODEV, -1;
}

pid_t fz_getpid(void) { return 0x1234; }

/* Whatever would change the system or leave the process. */
int fz_deny(void) { return errno = EPERM, -1; }
int fz_execvp(const char *f, char *const argv[]) { (void)f, (void)argv; return errno = ENOENT, -1; }
int fz_execv(const char *f, char *const argv[]) { (void)f, (void)argv; return errno = ENOENT, -1; }
int fz_unlink(const char *p) { (void)p; return fz_deny(); }
int fz_mkdir(const char *p, mode_t m) { (void)p, (void)m; return fz_deny(); }
int fz_chdir(const char *p) { (void)p; return fz_deny(); }
int fz_fchdir(int fd) { (void)fd; return fz_deny(); }
int fz_chroot(const char *p) { (void)p; return fz_deny(); }
int fz_kill(pid_t p, int s) { (void)p, (void)s; return fz_deny(); }
pid_t fz_fork(void) { return fz_deny(); }
pid_t fz_waitpid(pid_t p, int *st, int o) { (void)p, (void)st, (void)o; return errno = ECHILD, -1; }
void fz_exit(int code)
{
	fz_exit_code = code;
	if (fz_jmp)
		longjmp(*fz_jmp, 1);
	_exit(code);
}
