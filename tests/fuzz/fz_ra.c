/* Router advertisements (cmds/proto/ra.c, netboot): ra_parse on the ICMPv6 message, and
 * dname_list on the same bytes with and without padding allowed; ra_build_rs with a prefix of
 * the input as the hardware address. Input: a mode byte, then the message; mode bit 0 keeps
 * the input's first 16 bytes, otherwise they become a valid advertisement header so the
 * options are reached. The parsed strings must be NUL-terminated inside their fields. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "ra.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct ra_info ra;
	uint8_t *p, rs[300];
	char names[64];
	size_t n;
	int mode, r;

	if (len < 1)
		return 0;
	mode = data[0];
	data++, len--;
	n = len;
	p = malloc(n ? n : 1);   /* exactly n bytes: ASan sees any read past them */
	FZ_ASSERT(p);
	memcpy(p, data, n);
	if (!(mode & 1) && n >= 2)
		p[0] = 134, p[1] = 0;
	r = ra_parse(p, n, &ra);
	FZ_ASSERT(r == 0 || r == RA_NOTRA || r == RA_MALFORMED);
	if (!r) {
		FZ_ASSERT(memchr(ra.search, 0, sizeof(ra.search)));
		FZ_ASSERT(ra.nns >= 0 && ra.nns <= RA_NS_MAX && ra.nprefix >= 0 && ra.nprefix <= RA_PREFIX_MAX);
		for (int i = 0; i < ra.nprefix; i++)
			FZ_ASSERT(ra.prefix[i].plen <= 128);
		/* words of printable bytes, one blank between them */
		for (const char *s = ra.search; *s; s++)
			FZ_ASSERT((*s > ' ' && *s != 0x7f && (unsigned char)*s < 0x80) ||
				  (*s == ' ' && s > ra.search && s[-1] != ' ' && s[1] && s[1] != ' '));
	}
	names[0] = 0;
	if (!dname_list(p, n, mode & 2, names, sizeof(names)))
		FZ_ASSERT(strlen(names) < sizeof(names));
	n = ra_build_rs(rs, sizeof(rs), p, n > 40 ? 40 : n);
	FZ_ASSERT(n <= sizeof(rs) && n % 8 == 0);
	free(p);
	return 0;
}
