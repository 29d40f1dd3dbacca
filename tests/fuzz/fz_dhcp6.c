/* DHCPv6 replies (cmds/proto/dhcp6.c, netboot): d6_parse as the answer to a Solicit, a Request
 * or an Information-request, and d6_build of those. Input: a mode byte, then the message. Mode
 * bits 0-1 pick the request; unless bit 2, the message's first 4 bytes get a Reply (or, bit 3,
 * Advertise) type and the request's xid, and our client identifier is put after them, so the
 * options are reached. */
#include <stdlib.h>
#include <string.h>
#include "dhcp6.h"
#include "fuzz.h"

static const uint8_t cid[] = { 0, 1, 0, 10, 0, 3, 0, 1, 2, 0, 0, 0, 0, 0x16 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const int types[4] = { D6_SOLICIT, D6_REQUEST, D6_INFOREQ, D6_SOLICIT };
	struct d6_out m = { .xid = { 0xe0, 0x7f, 0x60 }, .hwtype = 1, .hw = { 2, 0, 0, 0, 0, 0x16 }, .hwlen = 6, .iaid = 2 };
	struct d6_reply r;
	uint8_t *p, out[D6_PKT_MAX];
	size_t n, off = 0;
	int mode, got;

	if (len < 1)
		return 0;
	mode = data[0];
	data++, len--;
	m.type = types[mode & 3];
	if (!(mode & 4))
		off = 4 + sizeof(cid);
	n = off + len;
	p = malloc(n ? n : 1);
	FZ_ASSERT(p);
	memcpy(p + off, data, len);
	if (off) {
		p[0] = mode & 8 ? D6_ADVERTISE : D6_REPLY;
		memcpy(p + 1, m.xid, 3);
		memcpy(p + 4, cid, sizeof(cid));
	}
	got = d6_parse(p, n, &m, &r);
	FZ_ASSERT(got == D6_ADVERTISE || got == D6_REPLY || got == D6_NOTOURS || got == D6_MALFORMED || got == D6_NOSERVER);
	if (got > 0) {
		FZ_ASSERT(r.server_len > 0 && r.server_len <= D6_DUID_MAX);
		FZ_ASSERT(r.nns >= 0 && r.nns <= D6_NS_MAX && memchr(r.search, 0, sizeof(r.search)));
		FZ_ASSERT(!r.has_addr || (r.valid && r.preferred <= r.valid && m.type != D6_INFOREQ));
		if (m.type == D6_REQUEST || mode & 16) {
			m.server_len = r.server_len;
			memcpy(m.server, r.server, r.server_len);
			memcpy(m.addr, r.addr, 16);
		}
	}
	m.elapsed = (uint16_t)len;
	FZ_ASSERT(d6_build(out, sizeof(out), &m) <= sizeof(out));
	free(p);
	return 0;
}
