/* The stub resolver (resolv.h): resolv.conf, the search list, and the queries over UDP, each on
 * a socket connected to the server, so that a server that is not there (ICMP port unreachable)
 * fails at once, as with glibc. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lib.h"
#include "lines.h"
#include "resolv.h"
#include "sys.h"

const char *res_strerror(int err)
{
	switch (err) {
	case RES_NONAME: return "Name or service not known";
	case RES_NODATA: return "No address associated with hostname";
	case RES_ADDRFAMILY: return "Address family for hostname not supported";
	default: return "Temporary failure in name resolution";
	}
}

static int num_opt(const char *w, const char *key, int max, int *out)
{
	size_t n = strlen(key);
	uint32_t v;

	if (strncmp(w, key, n) || parse_u32(w + n, &v, 10))
		return 0;
	*out = v > (uint32_t)max ? max : (int)v;
	return 1;
}

static void options(struct res_conf *c, char *s)
{
	char *save, *w;

	for (save = s; (w = str_word(&save, " \t")); )
		if (!num_opt(w, "timeout:", 30, &c->timeout) && !num_opt(w, "attempts:", 5, &c->attempts))
			num_opt(w, "ndots:", 15, &c->ndots);
}

static void search(struct res_conf *c, char *s)
{
	char *save, *w;

	c->nsearch = 0;
	for (save = s; (w = str_word(&save, " \t")) && c->nsearch < RES_MAXSEARCH; )
		if (strlen(w) < DNS_NAME_MAX)
			memcpy(c->search[c->nsearch++], w, strlen(w) + 1);
}

static void nameserver(struct res_conf *c, char *s)
{
	char *pct;
	int i = c->nns;

	if (i >= RES_MAXNS)
		return;
	s[strcspn(s, " \t")] = 0;
	pct = strchr(s, '%');
	if (pct)
		*pct++ = 0;
	if (inet_pton(AF_INET, s, c->ns[i]) == 1) {
		c->nsfamily[c->nns++] = AF_INET;
	} else if (inet_pton(AF_INET6, s, c->ns[i]) == 1) {
		c->ns_scope[i] = pct ? if_nametoindex(pct) : 0;
		if (pct && !c->ns_scope[i] && parse_u32(pct, &c->ns_scope[i], 10))
			return;
		c->nsfamily[c->nns++] = AF_INET6;
	}
}

void res_conf_read(struct res_conf *c, const char *path)
{
	struct lines f;
	char *line, host[256];
	const char *env;
	int have_search = 0;

	memset(c, 0, sizeof(*c));
	c->timeout = 5;
	c->attempts = 2;
	c->ndots = 1;
	if (!lines_open(&f, path)) {
		while ((line = lines_next(&f))) {
			char *w = line + strspn(line, " \t");
			size_t n = strcspn(w, " \t");
			if (*w == '#' || *w == ';' || !w[n])
				continue;
			w[n] = 0;
			line = w + n + 1;
			line[strcspn(line, "#;")] = 0;
			line += strspn(line, " \t");
			if (!strcmp(w, "nameserver"))
				nameserver(c, line);
			else if (!strcmp(w, "search") || !strcmp(w, "domain"))
				search(c, line), have_search = 1;
			else if (!strcmp(w, "options"))
				options(c, line);
		}
		lines_close(&f);
	}
	if ((env = getenv("RES_OPTIONS")) && strlen(env) < sizeof(host)) {
		memcpy(host, env, strlen(env) + 1);
		options(c, host);
	}
	if (!c->nns) {
		c->nns = 1;
		c->nsfamily[0] = AF_INET;
		memcpy(c->ns[0], "\x7f\0\0\x01", 4);
	}
	if (!have_search && !gethostname(host, sizeof(host) - 1)) {
		char *dot;
		host[sizeof(host) - 1] = 0;
		if ((dot = strchr(host, '.')) && dot[1])
			search(c, dot + 1);
	}
}

static uint16_t next_id(void)
{
	static uint32_t x;

	if (!x)
		x = (uint32_t)sys_mono_us() ^ (uint32_t)getpid() << 16 ^ 0x9e3779b9u;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return (uint16_t)x;
}

/* How one server did: answered every query, or failed with SERVFAIL, some other way (a
 * timeout, REFUSED, TC, a malformed answer), or without being reached (port unreachable). */
enum { ANSWERED, FAIL_SERVFAIL, FAIL_OTHER, FAIL_NOCONN };

/* Internal results of a name besides those of resolv.h, as glibc's res_search tells them apart. */
#define RES_SERVFAIL (-100)
#define RES_NOSERVER (-101)

/* The queries for qname of nq types to server i, answers into a and st (DNS_OK, DNS_ENXDOMAIN or
 * DNS_ENODATA once answered). */
static int ask_server(const struct res_conf *c, int i, const char *qname, const int *qtype, int nq,
		      struct dns_answer *a, int *st)
{
	uint8_t q[2][DNS_UDP_MAX], r[DNS_UDP_MAX];
	size_t ql[2];
	uint16_t id[2];
	struct sockaddr_in6 sa = { 0 };
	struct sockaddr_in *s4 = (struct sockaddr_in *)&sa;
	int fd, k, done = 0, left = nq, res = FAIL_NOCONN;
	long long ms = (long long)c->timeout * 1000 << i, end;

	if (i > 0)
		ms /= c->nns;
	if (ms < 1000)
		ms = 1000;
	for (k = 0; k < nq; k++) {
		id[k] = next_id();
		if (!(ql[k] = dns_query(q[k], sizeof(q[k]), id[k], qname, qtype[k])))
			return FAIL_OTHER;
	}
	if (c->nsfamily[i] == AF_INET) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(53);
		memcpy(&s4->sin_addr, c->ns[i], 4);
	} else {
		sa.sin6_family = AF_INET6;
		sa.sin6_port = htons(53);
		memcpy(&sa.sin6_addr, c->ns[i], 16);
		sa.sin6_scope_id = c->ns_scope[i];
	}
	fd = sys_socket(c->nsfamily[i], SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return FAIL_NOCONN;
	if (connect(fd, (struct sockaddr *)&sa, c->nsfamily[i] == AF_INET ? sizeof(*s4) : sizeof(sa)) < 0)
		goto out;
	for (k = 0; k < nq; k++)
		if (send(fd, q[k], ql[k], 0) != (ssize_t)ql[k])
			goto out;
	end = sys_mono_us() / 1000 + ms;
	while (left) {
		struct pollfd p = { fd, POLLIN, 0 };
		long long now = sys_mono_us() / 1000;
		ssize_t n;

		if (now >= end) {
			res = FAIL_OTHER;   /* a timeout: glibc counts the server as reached */
			goto out;
		}
		if (poll(&p, 1, (int)(end - now)) <= 0)
			continue;
		n = recv(fd, r, sizeof(r), 0);
		if (n < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			goto out;   /* ECONNREFUSED: nobody listens there */
		}
		for (k = 0; k < nq; k++) {
			int rc;
			if (done & 1 << k)
				continue;
			rc = dns_parse(r, (size_t)n, id[k], qname, qtype[k], &a[k]);
			if (rc == DNS_ENOTOURS)
				continue;
			if (rc != DNS_OK && rc != DNS_ENXDOMAIN && rc != DNS_ENODATA) {
				/* SERVFAIL, REFUSED, TC, malformed: the next server. */
				res = rc == DNS_ESERVFAIL ? FAIL_SERVFAIL : FAIL_OTHER;
				goto out;
			}
			st[k] = rc;
			done |= 1 << k;
			left--;
			break;
		}
	}
	res = ANSWERED;
out:
	close(fd);
	return res;
}

/* One name, every server, `attempts` rounds: 0 when one answered every query; else
 * RES_NOSERVER when none was reached, RES_SERVFAIL when the last one said SERVFAIL, RES_AGAIN. */
static int ask(const struct res_conf *c, const char *qname, const int *qtype, int nq, struct dns_answer *a, int *st)
{
	int reached = 0, last = FAIL_NOCONN;

	for (int t = 0; t < c->attempts; t++)
		for (int i = 0; i < c->nns; i++) {
			if ((last = ask_server(c, i, qname, qtype, nq, a, st)) == ANSWERED)
				return 0;
			reached |= last != FAIL_NOCONN;
		}
	return !reached ? RES_NOSERVER : last == FAIL_SERVFAIL ? RES_SERVFAIL : RES_AGAIN;
}

/* The answers for one name: > 0 found, else an error. */
static int try_name(const struct res_conf *c, const char *qname, const int *qtype, int nq, struct dns_answer *a)
{
	int st[2] = { DNS_ENODATA, DNS_ENODATA }, k, any_nx = 0, rc;

	if ((rc = ask(c, qname, qtype, nq, a, st)))
		return rc;
	for (k = 0; k < nq; k++) {
		if (st[k] == DNS_OK)
			return 1;
		any_nx |= st[k] == DNS_ENXDOMAIN;
	}
	return any_nx ? RES_NONAME : RES_NODATA;
}

/* glibc's res_search: the name as it is first when it has ndots dots or more (or ends with a
 * dot: then only that), else last; the search list in between, which a server that is not
 * there, or an error other than SERVFAIL, ends. The error: that of the name as it is when it
 * went first, else no data if a search name had none, else SERVFAIL's, else the last one. */
static int search_name(const struct res_conf *c, const char *name, const int *qtype, int nq, struct dns_answer *a)
{
	size_t len = strlen(name);
	int dots = 0, rc, last = RES_NONAME, saved = 0, got_nodata = 0, got_servfail = 0, tried_as_is = 0;
	char q[DNS_NAME_MAX + DNS_NAME_MAX];
	uint8_t probe[DNS_UDP_MAX];

	for (const char *p = name; *p; p++)
		dots += *p == '.';
	if (!dns_query(probe, sizeof(probe), 0, name, DNS_T_A))
		return RES_NONAME;
	if (dots >= c->ndots || name[len - 1] == '.') {
		if ((rc = try_name(c, name, qtype, nq, a)) > 0 || name[len - 1] == '.')
			return rc;
		saved = rc;
		tried_as_is = 1;
	}
	for (int i = 0; i < c->nsearch; i++) {
		size_t sl = strlen(c->search[i]);
		if (len + 1 + sl >= DNS_NAME_MAX)
			continue;
		memcpy(q, name, len);
		q[len] = '.';
		memcpy(q + len + 1, c->search[i], sl + 1);
		if ((rc = try_name(c, q, qtype, nq, a)) > 0)
			return rc;
		if (rc == RES_NOSERVER)
			return RES_AGAIN;
		last = rc;
		if (rc == RES_NODATA)
			got_nodata = 1;
		else if (rc == RES_SERVFAIL)
			got_servfail = 1;
		else if (rc != RES_NONAME)
			break;
	}
	if (!tried_as_is) {
		if ((rc = try_name(c, name, qtype, nq, a)) > 0)
			return rc;
		last = rc;
	}
	return saved ? saved : got_nodata ? RES_NODATA : got_servfail ? RES_AGAIN : last;
}

int res_lookup(const struct res_conf *c, const char *name, int family, struct res_addr *out, int max, char *canon)
{
	static struct dns_answer a[2];
	int qtype[2], nq = 0, n = 0, rc, named = 0;

	if (family != AF_INET6)
		qtype[nq++] = DNS_T_A;
	if (family != AF_INET)
		qtype[nq++] = DNS_T_AAAA;
	memset(a, 0, sizeof(a));
	if ((rc = search_name(c, name, qtype, nq, a)) < 0)
		return rc == RES_SERVFAIL || rc == RES_NOSERVER ? RES_AGAIN : rc;
	for (int k = 0; k < nq; k++) {
		for (int j = 0; j < a[k].naddr && n < max; j++, n++) {
			out[n].family = qtype[k] == DNS_T_A ? AF_INET : AF_INET6;
			memcpy(out[n].addr, a[k].addr[j], 16);
		}
		if (canon && a[k].naddr && !named++)
			memcpy(canon, a[k].name, DNS_NAME_MAX);
	}
	return n ? n : RES_NODATA;
}

int res_reverse(const struct res_conf *c, int family, const void *addr, char *name)
{
	static struct dns_answer a;
	int qtype = DNS_T_PTR, rc;
	char q[DNS_NAME_MAX];

	dns_ptr_name(family, addr, q);
	if ((rc = try_name(c, q, &qtype, 1, &a)) < 0)
		return rc == RES_SERVFAIL || rc == RES_NOSERVER ? RES_AGAIN : rc;
	memcpy(name, a.name, DNS_NAME_MAX);
	return 0;
}
