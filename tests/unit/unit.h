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
__attribute__((noinline, unused))
static size_t unhex_tok(const char *s, void *out, size_t cap, uint32_t seq, uint32_t pid)
{
	unsigned char *o = out;
	size_t n = 0;

	golden_host_order();
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
	size_t wlen = unhex(want, w, sizeof(w)), i;

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
		size_t n = unhex_tok(k->replies[i], out, sizeof(out), seq, k->portid);
		if (send(k->fd, out, n, MSG_NOSIGNAL) != (ssize_t)n) {
			k->err = errno;
			break;
		}
	}
	return NULL;
}

/* Serve one request on fd (the kernel's end) with replies[], in a thread. */
static inline void fk_serve(struct fk *k, int fd, uint32_t portid, const char *const *replies)
{
	static unsigned char scratch[128 * 1024];
	int i;

	memset(k, 0, sizeof(*k));
	for (i = 0; replies && replies[i]; i++) {
		assert_true(i < FK_MAX);
		if (unhex_tok(replies[i], scratch, sizeof(scratch), 0, 0) == (size_t)-1)
			fail_msg("bad reply hex: %s", replies[i]);
		k->replies[i] = replies[i];
	}
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

#endif
