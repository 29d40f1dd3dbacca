/* DHCPv6 requests and replies read strictly: our transaction and client identifier, every
 * option inside its message or its IA_NA, fixed options of their exact length. */
#include <string.h>
#include "dhcp6.h"
#include "ra.h"

enum { O_CLIENTID = 1, O_SERVERID = 2, O_IA_NA = 3, O_IAADDR = 5, O_ORO = 6, O_PREF = 7, O_ELAPSED = 8,
       O_STATUS = 13, O_DNS = 23, O_DOMAINS = 24 };

static uint16_t get16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t get32(const uint8_t *p) { return (uint32_t)get16(p) << 16 | get16(p + 2); }
static uint8_t *put16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8); p[1] = (uint8_t)v; return p + 2; }
static uint8_t *put32(uint8_t *p, uint32_t v) { return put16(put16(p, v >> 16), v & 0xffff); }
static uint8_t *opt(uint8_t *p, unsigned code, size_t len) { return put16(put16(p, code), (unsigned)len); }

static size_t duid(const struct d6_out *m, uint8_t *p)
{
	put16(p, 3);
	put16(p + 2, m->hwtype);
	memcpy(p + 4, m->hw, m->hwlen);
	return 4 + m->hwlen;
}

size_t d6_build(uint8_t *buf, size_t cap, const struct d6_out *m)
{
	uint8_t *p = buf;
	size_t dl;

	if (cap < D6_PKT_MAX || m->hwlen > sizeof(m->hw) || m->server_len > D6_DUID_MAX)
		return 0;
	*p++ = (uint8_t)m->type;
	memcpy(p, m->xid, 3);
	p += 3;
	dl = duid(m, p + 4);
	p = opt(p, O_CLIENTID, dl) + dl;
	if (m->type == D6_REQUEST) {
		p = opt(p, O_SERVERID, m->server_len);
		memcpy(p, m->server, m->server_len);
		p += m->server_len;
	}
	p = put16(opt(p, O_ELAPSED, 2), m->elapsed);
	p = put16(put16(opt(p, O_ORO, 4), O_DNS), O_DOMAINS);
	if (m->type != D6_INFOREQ) {
		/* IA_NA: T1 and T2 0, the server's choice; in a Request the address offered */
		p = put32(put32(put32(opt(p, O_IA_NA, m->type == D6_REQUEST ? 40 : 12), m->iaid), 0), 0);
		if (m->type == D6_REQUEST) {
			p = opt(p, O_IAADDR, 24);
			memcpy(p, m->addr, 16);
			p = put32(put32(p + 16, 0), 0);
		}
	}
	return (size_t)(p - buf);
}

/* Our IA_NA's options: the first address with a valid lifetime, a status code. */
static int ia_na(const uint8_t *p, size_t n, struct d6_reply *r)
{
	int st = 0;

	for (size_t i = 0; i < n;) {
		size_t len;
		uint16_t code;

		if (n - i < 4 || (len = get16(p + i + 2)) > n - i - 4)
			return D6_MALFORMED;
		code = get16(p + i);
		if (code == O_STATUS) {
			if (len < 2)
				return D6_MALFORMED;
			st = get16(p + i + 4);
		} else if (code == O_IAADDR) {
			const uint8_t *a = p + i + 4;
			int own = 0;

			if (len < 24)
				return D6_MALFORMED;
			/* its first option, inside it: an address with its own error status is not
			 * given (RFC 8415 21.6) */
			if (len > 24) {
				if (len < 28 || get16(a + 26) > len - 28 ||
				    (get16(a + 24) == O_STATUS && get16(a + 26) < 2))
					return D6_MALFORMED;
				if (get16(a + 24) == O_STATUS)
					own = get16(a + 28);
			}
			if (!r->has_addr && get32(a + 20) && get32(a + 16) <= get32(a + 20) && !own) {
				r->has_addr = 1;
				memcpy(r->addr, a, 16);
				r->preferred = get32(a + 16);
				r->valid = get32(a + 20);
			}
		}
		i += 4 + len;
	}
	if (st) {
		r->has_addr = 0;
		if (!r->status)
			r->status = st;
	}
	return 0;
}

static int option(uint16_t code, const uint8_t *v, size_t len, const struct d6_out *m, struct d6_reply *r, int *cid)
{
	uint8_t d[4 + 20];

	switch (code) {
	case O_CLIENTID:
		*cid = 1;
		if (len != duid(m, d) || memcmp(v, d, len))
			return D6_NOTOURS;
		return 0;
	case O_SERVERID:
		if (!len || len > D6_DUID_MAX)
			return D6_MALFORMED;
		memcpy(r->server, v, len);
		r->server_len = len;
		return 0;
	case O_PREF:
		if (len != 1)
			return D6_MALFORMED;
		r->pref = v[0];
		return 0;
	case O_STATUS:
		if (len < 2)
			return D6_MALFORMED;
		if (!r->status)
			r->status = get16(v);
		return 0;
	case O_IA_NA:
		if (len < 12)
			return D6_MALFORMED;
		if (get32(v) != m->iaid || m->type == D6_INFOREQ)
			return 0;
		r->t1 = get32(v + 4);
		r->t2 = get32(v + 8);
		return ia_na(v + 12, len - 12, r);
	case O_DNS:
		if (!len || len % 16)
			return D6_MALFORMED;
		for (size_t i = 0; i < len; i += 16)
			if (r->nns < D6_NS_MAX)
				memcpy(r->ns[r->nns++], v + i, 16);
		return 0;
	case O_DOMAINS:
		return dname_list(v, len, 0, r->search, sizeof(r->search)) ? D6_MALFORMED : 0;
	}
	return 0;
}

int d6_parse(const uint8_t *p, size_t n, const struct d6_out *m, struct d6_reply *r)
{
	int cid = 0, err;

	memset(r, 0, sizeof(*r));
	if (n < 4 || (p[0] != D6_ADVERTISE && p[0] != D6_REPLY) || memcmp(p + 1, m->xid, 3) ||
	    (p[0] == D6_ADVERTISE && m->type != D6_SOLICIT))
		return D6_NOTOURS;
	r->type = p[0];
	for (size_t i = 4; i < n;) {
		size_t len;

		if (n - i < 4 || (len = get16(p + i + 2)) > n - i - 4)
			return D6_MALFORMED;
		if ((err = option(get16(p + i), p + i + 4, len, m, r, &cid)))
			return err;
		i += 4 + len;
	}
	if (!cid)
		return D6_NOTOURS;   /* we always send ours, so the answer must carry it back */
	if (!r->server_len)
		return D6_NOSERVER;
	return r->type;
}
