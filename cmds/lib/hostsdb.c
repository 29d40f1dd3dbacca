#include <arpa/inet.h>
#include <string.h>
#include "hostsdb.h"
#include "lib.h"
#include "lines.h"
#include "out.h"

int hdb_aton(const char *s, void *out4)
{
	unsigned char *b = out4;
	char part[32];
	uint32_t a[4] = { 0 };
	int i;

	for (i = 0; i < 4; i++) {
		size_t n = (size_t)(strchrnul(s, '.') - s);
		if (*s < '0' || *s > '9' || n >= sizeof(part))
			return 0;
		memcpy(part, s, n);
		part[n] = 0;
		if (parse_u32(part, &a[i], 0))
			return 0;
		if (!s[n])
			break;
		s += n + 1;
	}
	if (i == 4)
		return 0;
	switch (i) {
	case 0: a[1] = a[0] & 0xffffff; a[0] >>= 24; /* fallthrough */
	case 1: a[2] = a[1] & 0xffff; a[1] >>= 16; /* fallthrough */
	case 2: a[3] = a[2] & 0xff; a[2] >>= 8;
	}
	for (i = 0; i < 4; i++) {
		if (a[i] > 255)
			return 0;
		b[i] = (unsigned char)a[i];
	}
	return 1;
}

/* strcasecmp(a, b) == 0 in the C locale, without libc's and its tolower. */
static int same_name(const char *a, const char *b)
{
	unsigned x, y;

	do {
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		x |= x - 'A' < 26 ? 32 : 0;
		y |= y - 'A' < 26 ? 32 : 0;
	} while (x == y && x);
	return x == y;
}

/* Calls fn with the words of each line of path (comments cut) until it returns non-zero. */
#define MAXW 16
static int scan(const char *path, int (*fn)(char **w, int n, void *arg), void *arg)
{
	struct lines f;
	char *line, *w[MAXW];
	int n, r = 0;

	if (lines_open(&f, path))
		return 0;
	while (!r && (line = lines_next(&f))) {
		*strchrnul(line, '#') = 0;
		for (n = 0; n < MAXW && (w[n] = str_word(&line, " \t\r\v\f")); n++)
			;
		if (n >= 2)
			r = fn(w, n, arg);
	}
	lines_close(&f);
	return r;
}

struct q {
	const char *name;
	int family;
	unsigned char *addr;
	char *out;
};

static int pton(int family, const char *s, void *out)
{
	if (family != AF_INET && inet_pton(AF_INET6, s, out) == 1)
		return AF_INET6;
	if (family != AF_INET6 && inet_pton(AF_INET, s, out) == 1)
		return AF_INET;
	return 0;
}

static int by_name(char **w, int n, void *arg)
{
	struct q *q = arg;
	unsigned char a[16];
	int fam = pton(q->family, w[0], a);

	for (int i = 1; fam && i < n; i++)
		if (same_name(w[i], q->name)) {
			memcpy(q->addr, a, fam == AF_INET ? 4 : 16);
			if (q->out)
				bfmt(q->out, HDB_NAMESZ, "%s", w[1]);
			return fam;
		}
	return 0;
}

int hdb_host_addr(const char *name, int family, void *out, char *canon)
{
	struct q q = { name, family, out, canon };

	return scan("/etc/hosts", by_name, &q);
}

static int by_addr(char **w, int n, void *arg)
{
	struct q *q = arg;
	unsigned char a[16];

	(void)n;
	if (pton(q->family, w[0], a) != q->family || memcmp(a, q->addr, q->family == AF_INET ? 4 : 16))
		return 0;
	bfmt(q->out, HDB_NAMESZ, "%s", w[1]);
	return 1;
}

const char *hdb_host_name(int family, const void *addr, char *buf)
{
	struct q q = { NULL, family, (unsigned char *)addr, buf };

	return scan("/etc/hosts", by_addr, &q) ? buf : NULL;
}

/* "10.9" is 10.9.0.0, as glibc reads /etc/networks. */
static int net_of(const char *s, uint32_t *net)
{
	unsigned char b[4];
	char pad[32];
	int dots = 0;

	for (const char *p = s; *p; p++)
		dots += *p == '.';
	if (bfmt(pad, sizeof(pad), "%s%s", s, &".0.0.0"[dots * 2 > 6 ? 6 : dots * 2]) >= (int)sizeof(pad) ||
	    !hdb_aton(pad, b))
		return -1;
	*net = (uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
	return 0;
}

struct nq {
	const char *name;
	uint32_t net;
	char *out;
};

static int net_line(char **w, int n, void *arg)
{
	struct nq *q = arg;
	uint32_t net;

	if (net_of(w[1], &net))
		return 0;
	if (q->out) {
		if (net != q->net)
			return 0;
		bfmt(q->out, HDB_NAMESZ, "%s", w[0]);
		return 1;
	}
	for (int i = 0; i < n; i++)
		if (i != 1 && same_name(w[i], q->name)) {
			q->net = net;
			return 1;
		}
	return 0;
}

int hdb_net_addr(const char *name, uint32_t *net)
{
	struct nq q = { name, 0, NULL };

	if (!scan("/etc/networks", net_line, &q))
		return -1;
	*net = q.net;
	return 0;
}

const char *hdb_net_name(uint32_t net, char *buf)
{
	struct nq q = { NULL, net, buf };

	return scan("/etc/networks", net_line, &q) ? buf : NULL;
}
