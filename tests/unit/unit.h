/* Shared helpers for the unit tests: hex strings to bytes, byte comparison with a hexdump,
 * and a fake kernel (a thread on the far end of a socketpair) that answers one request. */
#ifndef NSBOX_UNIT_H
#define NSBOX_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/rtnetlink.h>
#include "nl.h"

/* The golden netlink bytes of these tests are little-endian host order, as captured on x86_64.
 * On a big-endian target a test that uses them is skipped, saying why; files whose hex is in
 * wire order (DHCP's) define UNIT_WIRE_ORDER and run everywhere. */
static inline void golden_host_order(void)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__ && !defined(UNIT_WIRE_ORDER)
	static int said;

	if (!said++)
		print_message("golden bytes: skipped: they are little-endian host order, this target is big-endian\n");
	skip();
#endif
}

/* Hex digits in pairs (lowercase); whitespace and '|' are skipped. Tokens, each 4 host-order
 * bytes: S = the request's seq, W = seq + 1 (a wrong seq), P = the portid, Q = portid + 1 (a
 * wrong portid); Z = 4096 zero bytes. Returns the length, or (size_t)-1 on bad input or overflow. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define UNIT_BIG_ENDIAN 1
#else
#define UNIT_BIG_ENDIAN 0
#endif

/* As unhex_tok, without the big-endian check; on a big-endian target the tokens are written
 * little-endian like the rest of the hex, for le_to_host below. */
__attribute__((noinline, unused))
static size_t unhex_raw(const char *s, void *out, size_t cap, uint32_t seq, uint32_t pid)
{
	unsigned char *o = out;
	size_t n = 0;

	for (; *s; s++) {
		uint32_t v;
		const char *d = "0123456789abcdef", *hi, *lo;

		if (strchr(" \t\n|", *s))
			continue;
		if (*s == 'Z') {
			if (cap - n < 4096)
				return (size_t)-1;
			memset(o + n, 0, 4096);
			n += 4096;
			continue;
		}
		if (strchr("SWPQ", *s)) {
			v = *s == 'S' ? seq : *s == 'W' ? seq + 1 : *s == 'P' ? pid : pid + 1;
			if (UNIT_BIG_ENDIAN)
				v = __builtin_bswap32(v);
			if (cap - n < 4)
				return (size_t)-1;
			memcpy(o + n, &v, 4);
			n += 4;
			continue;
		}
		hi = strchr(d, *s);
		lo = s[1] ? strchr(d, s[1]) : NULL;
		if (!hi || !lo || n == cap)
			return (size_t)-1;
		o[n++] = (unsigned char)((hi - d) << 4 | (lo - d));
		s++;
	}
	return n;
}

__attribute__((unused))
static size_t unhex_tok(const char *s, void *out, size_t cap, uint32_t seq, uint32_t pid)
{
	golden_host_order();
	return unhex_raw(s, out, cap, seq, pid);
}

/* Little-endian netlink datagrams (the fake kernel's replies, as captured on x86_64) to host
 * order, for big-endian targets: the headers, and the attributes of the few kinds of message
 * these replies hold (NLMSG_ERROR with its echoed request and extack, NLMSG_DONE, RTM_NEWLINK
 * and RTM_NEWADDR). Returns -1, having changed part of it, where it meets anything else. */
enum { LE_END, LE_BYTES, LE_U16, LE_U32, LE_U32S };
static inline void le_swap(unsigned char *p, size_t w)
{
	for (size_t i = 0; i < w / 2; i++) {
		unsigned char t = p[i];
		p[i] = p[w - 1 - i];
		p[w - 1 - i] = t;
	}
}

static inline uint32_t le_get(const unsigned char *p, size_t w)
{
	uint32_t v = 0;

	while (w--)
		v = v << 8 | p[w];
	return v;
}

/* Kind of attribute type t in set: 'e' extack, 'a' IFA_*, 'l' IFLA_* (those of these replies). */
static inline int le_kind(int set, unsigned t)
{
	static const unsigned char e[] = { LE_END, LE_BYTES, LE_U32, LE_BYTES, LE_END, LE_U32, LE_U32 };
	static const unsigned char a[] = { LE_END, LE_BYTES, LE_BYTES, LE_BYTES, LE_BYTES, LE_BYTES,
					   LE_U32S, LE_BYTES, LE_U32, LE_U32 };
	static const unsigned char l[] = { LE_END, LE_BYTES, LE_BYTES, LE_BYTES, LE_U32, LE_U32 };

	t &= 0x3fff;
	if (set == 'e')
		return t < sizeof(e) ? e[t] : LE_END;
	if (set == 'a')
		return t < sizeof(a) ? a[t] : LE_END;
	return t < sizeof(l) ? l[t] : LE_END;
}

static inline int le_attrs(unsigned char *p, size_t n, int set)
{
	while (n >= 4) {
		size_t len = le_get(p, 2), al = (len + 3) & ~(size_t)3;
		int kind = le_kind(set, le_get(p + 2, 2));

		le_swap(p, 2);
		le_swap(p + 2, 2);
		if (len < 4 || len > n || kind == LE_END)
			return -1;
		if (kind == LE_U16 || kind == LE_U32 || kind == LE_U32S) {
			size_t w = kind == LE_U16 ? 2 : 4;
			for (size_t i = 4; i + w <= len; i += w)
				le_swap(p + i, w);
		}
		if (al >= n)
			return 0;
		p += al;
		n -= al;
	}
	return n ? -1 : 0;
}

/* One message body of type t (a request or a reply): its fixed header, then its attributes. */
static inline int le_body(unsigned char *p, size_t n, unsigned t)
{
	if (t >= RTM_NEWLINK && t <= RTM_SETLINK) {     /* ifinfomsg: type, index, flags, change */
		if (n < 16)
			return n ? -1 : 0;
		le_swap(p + 2, 2), le_swap(p + 4, 4), le_swap(p + 8, 4), le_swap(p + 12, 4);
		return le_attrs(p + 16, n - 16, 'l');
	}
	if (t >= RTM_NEWADDR && t <= RTM_GETADDR) {     /* ifaddrmsg: index */
		if (n < 8)
			return n ? -1 : 0;
		le_swap(p + 4, 4);
		return le_attrs(p + 8, n - 8, 'a');
	}
	return -1;
}

static inline int le_hdr(unsigned char *p)
{
	le_swap(p, 4), le_swap(p + 4, 2), le_swap(p + 6, 2), le_swap(p + 8, 4), le_swap(p + 12, 4);
	return 0;
}

static inline int le_to_host(unsigned char *p, size_t n)
{
	while (n >= 16) {
		size_t len = le_get(p, 4), al;
		unsigned t = le_get(p + 4, 2), fl = le_get(p + 6, 2);
		unsigned char *d = p + 16;
		size_t dn;

		le_hdr(p);
		if (len < 16 || len > n)
			return -1;
		dn = len - 16;
		if (t == NLMSG_ERROR || t == NLMSG_DONE) {
			if (dn >= 4)
				le_swap(d, 4), d += 4, dn -= 4;
			if (t == NLMSG_ERROR && dn >= 16) {
				size_t elen = le_get(d, 4);
				unsigned et = le_get(d + 4, 2);

				le_hdr(d);
				if (fl & NLM_F_CAPPED) {
					d += 16, dn -= 16;
				} else {
					size_t ea = (elen + 3) & ~(size_t)3;

					if (elen < 16 || elen > dn || le_body(d + 16, elen - 16, et))
						return -1;
					ea = ea < dn ? ea : dn;
					d += ea, dn -= ea;
				}
			} else if (t == NLMSG_ERROR && dn) {
				return -1;
			}
			if (dn && (!(fl & NLM_F_ACK_TLVS) || le_attrs(d, dn, 'e')))
				return -1;
		} else if (t != NLMSG_NOOP && le_body(d, dn, t)) {
			return -1;
		}
		al = (len + 3) & ~(size_t)3;
		if (al >= n)
			return 0;
		p += al;
		n -= al;
	}
	return n ? -1 : 0;
}

/* Hex (without tokens) to bytes; fails the test on bad input. */
static inline size_t unhex(const char *s, void *out, size_t cap)
{
	size_t n = unhex_tok(s, out, cap, 0, 0);

	if (n == (size_t)-1)
		fail_msg("bad hex string: %s", s);
	return n;
}

static inline void hexdump(const char *label, const void *p, size_t n)
{
	const unsigned char *c = p;

	print_error("%s (%zu bytes):", label, n);
	for (size_t i = 0; i < n; i++)
		print_error("%s%02x", i % 16 ? " " : "\n  ", c[i]);
	print_error("\n");
}

/* got must equal the bytes of want; with mask_seq, nlmsg_seq (bytes 8..11) is not compared. */
static inline void assert_bytes(const void *got, size_t glen, const char *want, int mask_seq)
{
	unsigned char w[4096], g[4096];
	size_t wlen, i;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__ && !defined(UNIT_WIRE_ORDER) && \
	defined(NSBOX_CROSS_CMOCKA_H)
	/* Big-endian, with tests/cross/cmocka.c: the rest of the test runs (a failure there still
	 * fails it), and a test that passes counts as skipped, not passed. */
	_cm_partial("golden compare: skipped: its bytes are little-endian host order; the rest of each such test ran");
	return;
#endif
	wlen = unhex(want, w, sizeof(w));

	assert_true(glen <= sizeof(g));
	memcpy(g, got, glen);
	if (mask_seq && glen >= 12 && wlen >= 12) {
		memset(g + 8, 0, 4);
		memset(w + 8, 0, 4);
	}
	if (glen == wlen && memcmp(g, w, glen) == 0)
		return;
	for (i = 0; i < glen && i < wlen && g[i] == w[i]; i++)
		;
	hexdump("got", got, glen);
	hexdump("want", w, wlen);
	fail_msg("bytes differ at offset %zu (lengths %zu, %zu)", i, glen, wlen);
}

/* A copy in a heap block of exactly n bytes, so valgrind sees any read past the end. */
static inline void *dup_exact(const void *p, size_t n)
{
	void *q = malloc(n ? n : 1);

	assert_non_null(q);
	memcpy(q, p, n);
	return q;
}

/* A socketpair standing in for a netlink socket: sk gets one end (recv times out after 2 s,
 * so a wait for a reply that never comes fails instead of hanging), the peer the other. */
static inline int nl_pair(struct nlsock *sk, uint32_t portid)
{
	struct timeval tv = { 2, 0 };
	int sv[2];

	assert_int_equal(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0);
	assert_int_equal(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), 0);
	assert_int_equal(setsockopt(sv[1], SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)), 0);
	nl_attach(sk, sv[0], portid);
	return sv[1];
}

/* Datagrams waiting on fd, drained. */
static inline int pending(int fd)
{
	static char buf[128 * 1024];
	int n = 0;

	while (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) >= 0)
		n++;
	return n;
}

/* A fresh socket struct on the heap, its receive buffer left uninitialised: under valgrind, a
 * read past the bytes a reply put there is reported. The previous one is freed. */
static inline struct nlsock *fresh_sock(void)
{
	static struct nlsock *sk;

	free(sk);
	sk = malloc(sizeof(*sk));
	assert_non_null(sk);
	sk->fd = -1;
	return sk;
}

#define FK_MAX 16
struct fk {
	int fd;                        /* the kernel's end */
	uint32_t portid;
	const char *replies[FK_MAX + 1]; /* one hex string per datagram, NULL-ended */
	unsigned char req[4096];       /* the request received */
	ssize_t req_len;               /* -1 if none came */
	int err;                       /* errno of a failed send in the thread */
	pthread_t th;
};

static inline void *fk_run(void *arg)
{
	static unsigned char out[128 * 1024];
	struct fk *k = arg;
	struct pollfd p = { k->fd, POLLIN, 0 };
	uint32_t seq = 0;

	k->req_len = -1;
	if (poll(&p, 1, 2000) != 1)
		return NULL;
	k->req_len = recv(k->fd, k->req, sizeof(k->req), 0);
	if (k->req_len >= 12)
		memcpy(&seq, k->req + 8, 4);
	for (int i = 0; k->replies[i]; i++) {
		size_t n = unhex_raw(k->replies[i], out, sizeof(out), seq, k->portid);
		if (UNIT_BIG_ENDIAN)
			le_to_host(out, n);
		if (send(k->fd, out, n, MSG_NOSIGNAL) != (ssize_t)n) {
			k->err = errno;
			break;
		}
	}
	return NULL;
}

/* Fails on bad reply hex; skips the test on a big-endian target where le_to_host cannot turn
 * the replies into its order. A test that serves them from a forked child calls it first. */
static inline void fk_check(const char *const *replies)
{
	static unsigned char scratch[128 * 1024];

	for (int i = 0; replies && replies[i]; i++) {
		size_t n;

		assert_true(i < FK_MAX);
		n = unhex_raw(replies[i], scratch, sizeof(scratch), 0, 0);
		if (n == (size_t)-1)
			fail_msg("bad reply hex: %s", replies[i]);
		if (UNIT_BIG_ENDIAN && le_to_host(scratch, n))
			golden_host_order();
	}
}

/* Serve one request on fd (the kernel's end) with replies[], in a thread. */
static inline void fk_serve(struct fk *k, int fd, uint32_t portid, const char *const *replies)
{
	int i;

	fk_check(replies);
	memset(k, 0, sizeof(*k));
	for (i = 0; replies && replies[i]; i++)
		k->replies[i] = replies[i];
	k->portid = portid;
	k->fd = fd;
	assert_int_equal(pthread_create(&k->th, NULL, fk_run, k), 0);
}

static inline void fk_join(struct fk *k)
{
	assert_int_equal(pthread_join(k->th, NULL), 0);
	assert_int_equal(k->err, 0);
}

/* Attach sk to a fake kernel that waits for one request and answers with replies[]. */
static inline void fk_start(struct fk *k, struct nlsock *sk, uint32_t portid, const char *const *replies)
{
	fk_serve(k, nl_pair(sk, portid), portid, replies);
}

/* Wait for the fake kernel; returns how many replies sk left unread. Closes both ends. */
static inline int fk_end(struct fk *k, struct nlsock *sk)
{
	int left;

	fk_join(k);
	left = pending(sk->fd);
	nl_close(sk);
	close(k->fd);
	return left;
}

/* A suite: plain tests, and table rows run one test each, named "group: row" after the row's
 * first field (a const char *); the row is the test's *state. */
#define SUITE_MAX 256
struct suite {
	struct CMUnitTest t[SUITE_MAX];
	char names[SUITE_MAX][128];
	size_t n;
};

static inline void suite_add(struct suite *s, const char *name, CMUnitTestFunction fn, const void *row)
{
	assert_true(s->n < SUITE_MAX);
	snprintf(s->names[s->n], sizeof(s->names[0]), "%s", name);
	s->t[s->n] = (struct CMUnitTest){ s->names[s->n], fn, NULL, NULL, (void *)row };
	s->n++;
}

static inline void suite_rows(struct suite *s, const char *group, CMUnitTestFunction fn,
			      const void *rows, size_t n, size_t size)
{
	for (size_t i = 0; i < n; i++) {
		const char *row = (const char *)rows + i * size;
		char name[128];

		snprintf(name, sizeof(name), "%s: %s", group, *(const char *const *)row);
		suite_add(s, name, fn, row);
	}
}

#define ADD(s, fn) suite_add((s), #fn, (fn), NULL)
#define ADD_ROWS(s, fn, tab) suite_rows((s), #fn, (fn), (tab), sizeof(tab) / sizeof((tab)[0]), sizeof((tab)[0]))
#define ROW(type) const type *row = *state

static inline int suite_run(struct suite *s, const char *name)
{
	return _cmocka_run_group_tests(name, s->t, s->n, NULL, NULL);
}

#ifdef NSBOX_OUT_H
/* stdout into buf (cleared; a string writer of len - 1 bytes) for one test of printers, and
 * back (each file's setup and teardown call these); for the files that include out.h first. */
static struct sink unit_saved_stdout __attribute__((unused));

static inline void unit_capture(char *buf, size_t len)
{
	unit_saved_stdout = out_stdout;
	out_stdout = (struct sink){ buf, 0, len - 1, -1, 0 };
	memset(buf, 0, len);
}

static inline void unit_release(void)
{
	out_stdout = unit_saved_stdout;
}
#endif

#endif
