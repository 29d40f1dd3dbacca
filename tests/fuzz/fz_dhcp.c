/* DHCP and BOOTP replies (cmds/proto/dhcp.c, ipconfig): dhcp_parse on a datagram, dhcp_build and
 * dhcp_mask_len. Input: a mode byte, then the packet. Mode bit 0: the input is the whole IPv4
 * datagram, as it came; otherwise it is the BOOTP message, which gets a right IPv4 and UDP
 * header around it and (unless bit 1) the request's xid, client address and BOOTREPLY op, so
 * the options are reached. The parsed strings must be NUL-terminated inside their fields. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include "dhcp.h"
#include "fuzz.h"

static unsigned sum16(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (; n > 1; n -= 2, p += 2)
		s += (uint32_t)(p[0] << 8 | p[1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return ~s & 0xffff;
}

static void check(const struct dhcp_lease *l)
{
	FZ_ASSERT(memchr(l->hostname, 0, sizeof(l->hostname)) && memchr(l->domain, 0, sizeof(l->domain)));
	FZ_ASSERT(memchr(l->nis, 0, sizeof(l->nis)) && memchr(l->rootpath, 0, sizeof(l->rootpath)));
	FZ_ASSERT(memchr(l->filename, 0, sizeof(l->filename)));
	FZ_ASSERT(!l->has_search || memchr(l->search, 0, sizeof(l->search)));
	FZ_ASSERT(l->nroutes >= 0 && l->nroutes <= DHCP_ROUTES_MAX);
	for (int i = 0; i < l->nroutes; i++)
		FZ_ASSERT(l->routes[i].plen <= 32);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct dhcp_out m = {
		.type = DHCPDISCOVER, .xid = 0x12345678, .htype = 1, .hlen = 6,
		.chaddr = { 2, 0, 0, 0, 0, 1 }, .vendor = "nsbox", .hostname = "h", .sport = 68, .dport = 67,
	};
	struct dhcp_lease *l = malloc(sizeof(*l));
	uint8_t *pkt, out[DHCP_PKT_MAX];
	size_t n;
	int mode, r;

	FZ_ASSERT(l);
	if (len < 1) {
		free(l);
		return 0;
	}
	mode = data[0];
	data++, len--;
	if (mode & 1) {
		pkt = malloc(len ? len : 1);
		FZ_ASSERT(pkt);
		memcpy(pkt, data, len);
		n = len;
	} else {
		size_t b = len > 65535 - 28 ? 65535 - 28 : len;
		n = 28 + b;
		pkt = calloc(1, n);
		FZ_ASSERT(pkt);
		memcpy(pkt + 28, data, b);
		pkt[0] = 0x45, pkt[8] = 64, pkt[9] = 17;
		pkt[2] = (uint8_t)(n >> 8), pkt[3] = (uint8_t)n;
		pkt[20] = 0, pkt[21] = 67, pkt[22] = 0, pkt[23] = 68;
		pkt[24] = (uint8_t)((b + 8) >> 8), pkt[25] = (uint8_t)(b + 8);
		if (!(mode & 2) && b >= 44) {
			pkt[28] = 2;
			memcpy(pkt + 28 + 4, &m.xid, 4);
			memcpy(pkt + 28 + 28, m.chaddr, 16);
		}
		r = (int)sum16(pkt, 20);
		pkt[10] = (uint8_t)(r >> 8), pkt[11] = (uint8_t)r;
	}
	r = dhcp_parse(pkt, n, &m, l);
	if (r >= 0)
		check(l);
	free(pkt);
	free(l);
	if (len >= 4) {
		uint32_t mask;
		memcpy(&mask, data, 4);
		r = dhcp_mask_len(mask);
		FZ_ASSERT(r >= -1 && r <= 32);
	}
	if (mode & 4) {
		struct dhcp_out q = m;
		char host[80];
		size_t hl = len < sizeof(host) - 1 ? len : sizeof(host) - 1;
		memcpy(host, data, hl);
		host[hl] = 0;
		q.type = mode & 8 ? DHCPREQUEST : mode & 16 ? DHCP_BOOTP : DHCPDISCOVER;
		q.hostname = host;
		q.vendor = mode & 32 ? host : NULL;
		FZ_ASSERT(dhcp_build(out, sizeof(out), &q) <= sizeof(out));
	}
	return 0;
}
