/* DHCP/BOOTP requests with klibc ipconfig's bytes, and replies checked field by field: an
 * intact IPv4/UDP datagram on our ports, our xid and hardware address, options that stay
 * inside the message. */
#include <string.h>
#include <arpa/inet.h>
#include "dhcp.h"

#define BOOTP_FIXED 236      /* op .. file: the fields before the options */
#define BOOTP_MIN 300        /* klibc pads a DHCP message's options up to this */
#define BOOTP_VEND 312       /* a BOOTP request's vendor area */
#define OPT_CAT_MAX 1500     /* klibc's room for the pieces of options 119 and 121 */

static const uint8_t cookie[4] = { 99, 130, 83, 99 };
/* Option 55: subnet mask, router, DNS, host name, domain, root path, MTU, broadcast, NIS
 * domain, domain search, classless routes. */
static const uint8_t params[] = { 1, 3, 6, 12, 15, 17, 26, 28, 40, 119, 121 };
/* A BOOTP request's vendor area as klibc's table lays it out: at each offset an option it asks
 * for, with room for the answer. */
static const uint8_t bootp_ask[][3] = { { 4, 1, 4 }, { 10, 3, 4 }, { 16, 5, 8 }, { 26, 12, 32 }, { 60, 40, 32 },
					 { 96, 17, 40 }, { 138, 57, 2 } };

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static void put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; }

/* The one's complement of the one's complement sum: 0 over a header with a right checksum. */
static unsigned csum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	for (; n > 1; n -= 2, p += 2)
		s += get16(p);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return ~s & 0xffff;
}

size_t dhcp_build(uint8_t *buf, size_t cap, const struct dhcp_out *m)
{
	uint8_t *b = buf + 28, *o = b + BOOTP_FIXED;
	size_t vlen = m->vendor ? strlen(m->vendor) : 0, hlen = m->hostname ? strnlen(m->hostname, 64) : 0, len;

	if (cap < DHCP_PKT_MAX || vlen > 254)
		return 0;
	memset(buf, 0, DHCP_PKT_MAX);
	b[0] = 1;
	b[1] = m->htype;
	b[2] = m->hlen;
	memcpy(b + 4, &m->xid, 4);
	put16(b + 8, m->secs);
	memcpy(b + 28, m->chaddr, 16);
	memcpy(o, cookie, 4);
	o += 4;
	if (m->type == DHCP_BOOTP) {
		memcpy(b + 12, &m->ciaddr, 4);
		o -= 4;
		for (size_t i = 0; i < sizeof(bootp_ask) / sizeof(bootp_ask[0]); i++)
			memcpy(o + bootp_ask[i][0], bootp_ask[i] + 1, 2);
		o[140] = 1, o[141] = 150, o[142] = 255;   /* the largest message: 406 bytes */
		o += BOOTP_VEND;
	} else {
		b[10] = 0x80;   /* answer by broadcast: we have no address yet */
		*o++ = 53, *o++ = 1, *o++ = (uint8_t)m->type;
		if (m->type == DHCPREQUEST) {
			*o++ = 54, *o++ = 4;
			memcpy(o, &m->server_id, 4);
			o += 4;
			*o++ = 50, *o++ = 4;
			memcpy(o, &m->req_ip, 4);
			o += 4;
		}
		*o++ = 55, *o++ = sizeof(params);
		memcpy(o, params, sizeof(params));
		o += sizeof(params);
		if (vlen) {
			*o++ = 60, *o++ = (uint8_t)vlen;
			memcpy(o, m->vendor, vlen);
			o += vlen;
		}
		if (hlen) {
			*o++ = 12, *o++ = (uint8_t)hlen;
			memcpy(o, m->hostname, hlen);
			o += hlen;
		}
		*o++ = 255;
		if (o < b + BOOTP_MIN)
			o = b + BOOTP_MIN;
	}
	len = (size_t)(o - buf);
	/* IPv4: no id, don't fragment, TTL 64, UDP, from 0.0.0.0 to 255.255.255.255. */
	buf[0] = 0x45;
	put16(buf + 2, (unsigned)len);
	buf[6] = 0x40;
	buf[8] = 64;
	buf[9] = 17;
	memset(buf + 16, 0xff, 4);
	put16(buf + 10, csum(buf, 20));
	/* UDP without a checksum, as klibc sends it. */
	put16(buf + 20, m->sport);
	put16(buf + 22, m->dport);
	put16(buf + 24, (unsigned)len - 20);
	return len;
}

/* A string option into its field; one that does not fit is left out. */
static void take_str(char *dst, size_t cap, const uint8_t *s, size_t n)
{
	if (n >= cap)
		return;
	memcpy(dst, s, n);
	dst[n] = 0;
}

static int put_out(char *out, size_t cap, size_t *pos, const void *s, size_t n)
{
	if (*pos + n >= cap)
		return -1;
	memcpy(out + *pos, s, n);
	*pos += n;
	return 0;
}

static int ldh(const uint8_t *s, size_t n)
{
	for (; n; n--, s++)
		if (!(*s == '-' || (*s >= '0' && *s <= '9') || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')))
			return 0;
	return 1;
}

/* RFC 3397 names, as klibc takes them: labels of letters, digits and '-'; a pointer only to
 * the start of a label of an earlier name, and it ends its name; the data ends with a name.
 * Out: "a.b. c." (the root alone is "."). 0, or -1 for data klibc would reject or that does
 * not fit. */
static int decode_search(const uint8_t *x, size_t n, char *out, size_t cap)
{
	uint8_t label_at[OPT_CAT_MAX] = { 0 };
	size_t i = 0, earlier = 0, pos = 0;
	int empty = 1;

	for (;;) {
		size_t c;

		if (i >= n)
			return -1;
		c = x[i];
		if (c == 0) {
			if (empty && put_out(out, cap, &pos, ".", 1))
				return -1;
			i++;
		} else if (c < 0x40) {
			if (i + c >= n || !ldh(x + i + 1, c) || put_out(out, cap, &pos, x + i + 1, c) ||
			    put_out(out, cap, &pos, ".", 1))
				return -1;
			label_at[i] = 1;
			i += c + 1;
			empty = 0;
			continue;
		} else if (c < 0xc0 || i + 1 >= n) {
			return -1;
		} else {
			size_t p = (c & 0x3f) << 8 | x[i + 1];
			if (p >= earlier || !label_at[p])
				return -1;
			/* Earlier names are whole, and their pointers lead further back: this ends. */
			while (x[p])
				if (x[p] < 0x40) {
					if (put_out(out, cap, &pos, x + p + 1, x[p]) || put_out(out, cap, &pos, ".", 1))
						return -1;
					p += x[p] + 1u;
				} else {
					p = (x[p] & 0x3f) << 8 | x[p + 1];
				}
			i += 2;
		}
		if (put_out(out, cap, &pos, " ", 1))
			return -1;
		empty = 1;
		if (i == n)
			break;
		earlier = i;
	}
	out[pos - 1] = 0;
	return 0;
}

/* RFC 3442 routes: width, the significant bytes of the destination, the gateway. klibc keeps
 * the routes before a bad entry and says why it stopped. */
static void decode_routes(const uint8_t *x, size_t n, struct dhcp_lease *l)
{
	size_t i = 0;

	while (i < n && l->nroutes < DHCP_ROUTES_MAX) {
		struct dhcp_route *r = &l->routes[l->nroutes];
		unsigned w = x[i++], sig = (w + 7) / 8;

		if (w > 32) {
			l->route_warn = 1, l->warn_a = w;
			return;
		}
		if (n - i < sig + 4) {
			l->route_warn = 2, l->warn_a = (unsigned)(n - i), l->warn_b = sig + 4;
			return;
		}
		r->dst = 0;
		memcpy(&r->dst, x + i, sig);
		r->dst &= w ? htonl(~0u << (32 - w)) : 0;
		memcpy(&r->gw, x + i + sig, 4);
		r->plen = (uint8_t)w;
		i += sig + 4;
		l->nroutes++;
	}
}

int dhcp_parse(const uint8_t *pkt, size_t len, const struct dhcp_out *m, struct dhcp_lease *l)
{
	uint8_t cat[2][OPT_CAT_MAX];
	size_t catlen[2] = { 0, 0 }, ihl, tot, ulen, blen;
	int catbad[2] = { 0, 0 };
	const uint8_t *u, *b, *o, *end;

	if (len < 20 || pkt[0] >> 4 != 4 || (ihl = (pkt[0] & 15) * 4u) < 20 || ihl > len || csum(pkt, ihl))
		return DHCP_NOTUDP;
	tot = get16(pkt + 2);
	if (tot > len || tot < ihl + 8 || pkt[9] != 17 || (get16(pkt + 6) & 0x3fff))
		return DHCP_NOTUDP;
	u = pkt + ihl;
	ulen = get16(u + 4);
	if (ulen < 8 || ulen > tot - ihl)
		return DHCP_NOTUDP;
	b = u + 8;
	blen = ulen - 8;
	if (get16(u) != m->dport || get16(u + 2) != m->sport || blen < BOOTP_FIXED || b[0] != 2)
		return DHCP_NOTOURS;
	if (memcmp(b + 4, &m->xid, 4))
		return DHCP_BADXID;
	if (memcmp(b + 28, m->chaddr, 16))
		return DHCP_BADCHADDR;

	memset(l, 0, sizeof(*l));
	l->mtu = -1;
	memcpy(&l->yiaddr, b + 16, 4);
	memcpy(&l->siaddr, b + 20, 4);
	memcpy(&l->giaddr, b + 24, 4);
	take_str(l->filename, sizeof(l->filename), b + 108, strnlen((const char *)b + 108, 128));
	if (blen < BOOTP_FIXED + 4 || memcmp(b + BOOTP_FIXED, cookie, 4))
		return DHCP_BOOTP;
	end = b + blen;
	for (o = b + BOOTP_FIXED + 4; o < end;) {
		uint8_t code = *o++;
		size_t n;
		int k;

		if (code == 0)
			continue;
		if (code == 255)
			break;
		if (o >= end || (n = *o) >= (size_t)(end - o))
			return DHCP_MALFORMED;
		o++;
		switch (code) {
		case 1: if (n == 4) memcpy(&l->netmask, o, 4); break;
		case 3: if (n >= 4) memcpy(&l->router, o, 4); break;
		case 6: if (n >= 4) memcpy(l->dns, o, n >= 8 ? 8 : 4); break;
		case 12: take_str(l->hostname, sizeof(l->hostname), o, n); break;
		case 15:
			l->has_domain = n < sizeof(l->domain);
			take_str(l->domain, sizeof(l->domain), o, n);
			break;
		case 17: take_str(l->rootpath, sizeof(l->rootpath), o, n); break;
		case 26: if (n == 2) l->mtu = get16(o); break;
		case 28: if (n == 4) memcpy(&l->broadcast, o, 4); break;
		case 40: take_str(l->nis, sizeof(l->nis), o, n); break;
		case 51: if (n == 4) l->lease_time = (uint32_t)get16(o) << 16 | get16(o + 2); break;
		case 53: if (n == 1) l->type = *o; break;
		case 54: if (n == 4) memcpy(&l->server_id, o, 4); break;
		case 119: case 121:
			/* RFC 3396: the pieces of a long option, in order. */
			k = code == 121;
			if (catlen[k] + n > OPT_CAT_MAX)
				catbad[k] = 1;
			else
				memcpy(cat[k] + catlen[k], o, n), catlen[k] += n;
			break;
		}
		o += n;
	}
	if (catlen[0] && !catbad[0])
		l->has_search = !decode_search(cat[0], catlen[0], l->search, sizeof(l->search));
	if (catlen[1] && !catbad[1])
		decode_routes(cat[1], catlen[1], l);
	return l->type;
}

int dhcp_mask_len(uint32_t mask)
{
	uint32_t m = ntohl(mask);
	int n = 0;

	while (n < 32 && (m & (0x80000000u >> n)))
		n++;
	return n < 32 && (m << n) ? -1 : n;
}
