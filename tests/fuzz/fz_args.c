/* Word parsers that run without the kernel: parse_u32/s32/u64 (checked against strtoull and
 * strtoll), inet_get_addr/inet_prefix_parse (IPv6 checked against inet_pton), lladdr_parse (into a
 * buffer of exactly max bytes), the name lookups of ip_print (scope, proto, table, type) and
 * their printers, and the kind options of ip link add (ip_link_kind_opts, which exits on a bad
 * word: caught by fz_call). Input: a selector byte, then words separated by NUL bytes. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "inet.h"
#include "ip.h"
#include "ip_print.h"
#include "ip_route.h"
#include "lib.h"
#include "rtnl.h"

static int sel;

/* strtoull/strtoll agree with a value parse_* accepted; a string they take whole (without a
 * minus sign anywhere and in range) parse_* takes too. */
static void numbers(const char *s)
{
	static const int bases[4] = { 0, 8, 10, 16 };
	int base = bases[sel >> 4 & 3];
	char *end;
	unsigned long long ull;
	long long ll;
	uint32_t u32;
	int32_t s32;
	uint64_t u64;
	int ok, whole, neg = strchr(s, '-') != NULL;

	errno = 0;
	ull = strtoull(s, &end, base);
	whole = *s && !*end && end != s && !errno;
	ok = parse_u32(s, &u32, base) == 0;
	if (ok)
		FZ_ASSERT(whole && ull == u32);
	if (whole && !neg && ull <= UINT32_MAX)
		FZ_ASSERT(ok);
	ok = parse_u64(s, &u64, base) == 0;
	if (ok)
		FZ_ASSERT(whole && ull == u64);
	if (whole && !neg && ull <= INT64_MAX)
		FZ_ASSERT(ok);
	errno = 0;
	ll = strtoll(s, &end, base);
	whole = *s && !*end && end != s && !errno;
	ok = parse_s32(s, &s32, base) == 0;
	if (ok)
		FZ_ASSERT(whole && ll == s32);
	if (whole && ll >= INT32_MIN && ll <= INT32_MAX)
		FZ_ASSERT(ok);
}

/* iproute2 6.1's get_addr_ipv4 (lib/utils.c), the reference for IPv4. */
static int ref_ipv4(unsigned char *ap, const char *cp)
{
	memset(ap, 0, 4);
	for (int i = 0; i < 4; i++) {
		char *endp;
		unsigned long n = strtoul(cp, &endp, 0);

		if (n > 255 || endp == cp)
			return -1;
		ap[i] = (unsigned char)n;
		if (*endp == '\0')
			break;
		if (i == 3 || *endp != '.')
			return -1;
		cp = endp + 1;
	}
	return 0;
}

/* iproute2's get_prefix_1 for inet, inet6 or either: 0 and the length, or -1. */
static int ref_prefix(const char *s, int family, unsigned char *data, int *fam, int *bits)
{
	char buf[256], *slash;
	size_t n = strlen(s);
	int dflt = 0;

	if (n >= sizeof(buf))
		return -2;      /* no opinion */
	memcpy(buf, s, n + 1);
	if ((slash = strchr(buf, '/')))
		*slash = 0;
	memset(data, 0, 16);
	if (!strcmp(buf, "default") || !strcmp(buf, "any") || !strcmp(buf, "all")) {
		*fam = family;
		dflt = 1;
	} else if (strchr(buf, ':')) {
		if ((family != AF_UNSPEC && family != AF_INET6) || inet_pton(AF_INET6, buf, data) != 1)
			return -1;
		*fam = AF_INET6;
	} else {
		if ((family != AF_UNSPEC && family != AF_INET) || ref_ipv4(data, buf))
			return -1;
		*fam = AF_INET;
	}
	*bits = dflt ? 0 : *fam == AF_INET6 ? 128 : 32;
	if (slash) {
		char *end;
		unsigned long plen;
		unsigned char m[16];

		if (dflt || !slash[1])
			return -1;
		plen = strtoul(slash + 1, &end, 0);
		if (*end) {
			uint32_t v, host;
			if (!strcmp(slash + 1, "default") || !strcmp(slash + 1, "any") || !strcmp(slash + 1, "all"))
				v = 0;
			else if (strchr(slash + 1, ':') || ref_ipv4(m, slash + 1))
				return -1;
			else
				memcpy(&v, m, 4), v = ntohl(v);
			host = ~v;
			if (host & (host + 1))
				return -1;
			for (plen = 0; v; v <<= 1)
				plen++;
		}
		if (plen > (unsigned long)(*fam == AF_INET6 ? 128 : 32))
			return -1;
		*bits = (int)plen;
	}
	return 0;
}

static void addresses(const char *s)
{
	static const int fams[3] = { AF_UNSPEC, AF_INET, AF_INET6 };
	struct inet_prefix p;
	unsigned char v6[16];
	int fam = fams[(sel >> 4) % 3];

	unsigned char ref[16];
	int ok, rfam, rbits, rok;
	/* Signs are left out: strtoul takes "-0" where nsbox's parse_u32 does not (README). */
	int signed_ = strchr(s, '-') != NULL;

	ok = inet_get_addr(&p, s, fam) == 0;
	if (ok) {
		FZ_ASSERT(p.family == AF_INET || p.family == AF_INET6);
		FZ_ASSERT(fam == AF_UNSPEC || p.family == fam);
		if (p.family == AF_INET6)
			FZ_ASSERT(inet_pton(AF_INET6, s, v6) == 1 && !memcmp(v6, p.data, 16));
	}
	if (!signed_ && !strchr(s, ':') && fam != AF_INET6) {
		rok = ref_ipv4(ref, s) == 0;
		FZ_ASSERT(ok == rok);
		if (ok)
			FZ_ASSERT(!memcmp(ref, p.data, 4));
	}
	ok = inet_prefix_parse(&p, s, fam) == 0;
	if (ok && !(p.flags & PFX_ANY)) {
		FZ_ASSERT(p.family == AF_INET || p.family == AF_INET6);
		FZ_ASSERT(p.bitlen >= 0 && p.bitlen <= inet_alen(p.family) * 8);
	}
	rok = ref_prefix(s, fam, ref, &rfam, &rbits);
	if (!signed_ && rok != -2 && strlen(s) < 64) {
		FZ_ASSERT(ok == (rok == 0));
		if (ok && !(p.flags & PFX_ANY)) {
			FZ_ASSERT(p.family == rfam && !memcmp(p.data, ref, inet_alen(rfam)));
			FZ_ASSERT(p.bitlen == rbits);
		}
	}
}

/* iproute2 6.1's ll_addr_a2n (lib/ll_addr.c) with glibc's sscanf, the reference; it prints
 * the part that failed, which nsbox reports through *bad. */
static int ref_lladdr(const char *s, unsigned char *out, int max, char *bad, size_t badsz)
{
	char buf[512], *arg = buf;
	unsigned char v4[4];

	if (strlen(s) >= sizeof(buf))
		return -2;
	strcpy(buf, s);
	if (strchr(buf, '.')) {
		if (strchr(buf, ':') || ref_ipv4(v4, buf) || max < 4)
			return snprintf(bad, badsz, "%s", s), -1;
		memcpy(out, v4, 4);
		return 4;
	}
	for (int i = 0; i < max; i++) {
		int temp;
		char *cp = strchr(arg, ':');
		if (cp)
			*cp++ = 0;
		if (sscanf(arg, "%x", &temp) != 1 || temp < 0 || temp > 255)
			return snprintf(bad, badsz, "%s", arg), -1;
		out[i] = (unsigned char)temp;
		if (!cp)
			return i + 1;
		arg = cp;
	}
	return max + 1; /* more parts than fit: one byte more than iproute2 parsed (out[max] as it was) */
}

static int short_parts(const char *s)
{
	for (;;) {
		size_t n = strcspn(s, ":");
		if (n > 8)
			return 0;
		if (!s[n])
			return 1;
		s += n + 1;
	}
}

static void lladdr(const char *s)
{
	int max = (sel >> 4) + 1, n, r, blen;
	unsigned char *out = malloc((size_t)max), ref[16];
	const char *bad = NULL;
	char rbad[512];

	FZ_ASSERT(out);
	n = lladdr_parse(s, out, max, &bad, &blen);
	FZ_ASSERT(n >= -1 && n <= max + 1);
	if (n < 0 || n > max)
		FZ_ASSERT(bad >= s && blen >= 0 && bad + blen <= s + strlen(s));
	/* scanf's %x on a number past 32 bits, and signs, are left out: glibc's own limits. */
	if (!strchr(s, '-') && strspn(s, "0123456789abcdefABCDEFxX:. \t") == strlen(s) && strlen(s) < 200 &&
	    short_parts(s)) {
		r = ref_lladdr(s, ref, max, rbad, sizeof(rbad));
		if (r == -1) {
			FZ_ASSERT(n == -1 && (int)strlen(rbad) == blen && !memcmp(rbad, bad, (size_t)blen));
		} else if (r >= 0) {
			FZ_ASSERT(n == r && !memcmp(out, ref, (size_t)(r > max ? max : r)));
		}
	}
	free(out);
}

static void names(const char *s)
{
	char buf[PR_NAMESZ];
	unsigned u;
	uint32_t t;

	if (parse_scope(s, &u) == 0)
		name_scope(u, buf);
	if (parse_proto(s, &u) == 0)
		name_proto(u, buf);
	if (parse_table(s, &t) == 0)
		name_table(t, buf);
	if (rt_parse_type(s, &u) == 0)
		name_rtntype(u, buf);
}

/* Numbers from the bytes of a word through the name printers and address formatters. */
static void printers(const char *s, size_t n)
{
	char buf[PR_ADDRSZ > PR_NAMESZ ? PR_ADDRSZ : PR_NAMESZ];
	uint32_t v = 0;

	memcpy(&v, s, n < 4 ? n : 4);
	name_operstate(v);
	name_arphrd(v & 0xffff, buf);
	name_scope(v & 0xff, buf);
	name_proto(v & 0xff, buf);
	name_table(v, buf);
	name_rtntype(v & 0xff, buf);
	name_family((int)(v & 0xff));
	name_group(v, buf);
	fmt_inet(v & 1 ? AF_INET6 : AF_INET, s, n, buf);
	fmt_lladdr((const unsigned char *)s, n, v >> 16, buf);
}

static const char *const kinds[] = { "bridge", "vlan", "macvlan", "macvtap", "ipvlan", "ipvtap", "vxlan", "veth" };

static int kind_opts(int argc, char **argv)
{
	static struct link_req r;

	link_req_init(&r);
	r.kind = kinds[(sel >> 4) & 7];
	ipo.family = sel & 0x80 ? AF_INET6 : AF_UNSPEC;
	if (argc > 0 && ip_link_kind_opts(&r, argc, argv) == 0)
		FZ_ASSERT(r.data && r.data_len <= 1024 && r.data_len % NLA_ALIGNTO == 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *argv[64];
	const uint8_t *rest;
	size_t restlen;
	int argc;

	if (len < 1)
		return 0;
	sel = data[0];
	argc = fz_words(data + 1, len - 1, argv, 64, &rest, &restlen);
	fz_reset();
	if ((sel & 7) == 5) {
		fz_call(kind_opts, argc, argv);
		return 0;
	}
	for (int i = 0; i < argc; i++) {
		switch (sel & 7) {
		case 0: case 6: numbers(argv[i]); break;
		case 1: case 7: addresses(argv[i]); break;
		case 2: lladdr(argv[i]); break;
		case 3: names(argv[i]); break;
		case 4: printers(argv[i], strlen(argv[i])); break;
		}
	}
	return 0;
}
