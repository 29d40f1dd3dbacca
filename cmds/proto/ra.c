/* Router advertisements read strictly: every option inside the message, lengths in units of
 * 8 bytes never 0, the DNS options whole. */
#include <string.h>
#include "ra.h"
#include "scan.h"

static uint32_t get32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

int dname_list(const uint8_t *p, size_t n, int pad, char *out, size_t cap)
{
	size_t o = strlen(out), i = 0;

	while (i < n) {
		char name[256];
		size_t nl = 0;

		if (!p[i]) {
			if (!pad)
				return -1;
			for (; i < n; i++)   /* the padding: zeros to the end */
				if (p[i])
					return -1;
			break;
		}
		while (i < n && p[i]) {
			size_t l = p[i++];

			if (l > 63 || l > n - i || nl + l + 1 >= sizeof(name))
				return -1;
			for (size_t k = 0; k < l; k++) {
				char c = (char)p[i + k];
				/* no separators or controls inside a label: the line goes to resolv.conf */
				if (c <= ' ' || c == 0x7f || c == '.' || (unsigned char)c >= 0x80)
					return -1;
				name[nl++] = c;
			}
			name[nl++] = '.';
			i += l;
		}
		if (i == n)
			return -1;   /* no root label */
		i++;
		name[nl - 1] = 0;
		/* once each: a word of the list equal to name */
		for (const char *s = out; (s = str_in(s, name)); s++)
			if ((s == out || s[-1] == ' ') && (s[nl - 1] == ' ' || !s[nl - 1]))
				goto next;
		if (o + (o > 0) + nl >= cap)
			return -1;
		if (o)
			out[o++] = ' ';
		memcpy(out + o, name, nl);
		o += nl - 1;
next:		;
	}
	return 0;
}

static int option(const uint8_t *o, size_t len, struct ra_info *ra)
{
	switch (o[0]) {
	case 3:              /* prefix information */
		if (len != 32)
			return RA_MALFORMED;
		if (ra->nprefix < RA_PREFIX_MAX && o[2] <= 128) {
			struct ra_prefix *x = &ra->prefix[ra->nprefix++];
			x->plen = o[2];
			x->flags = o[3] & 0xc0;
			x->valid = get32(o + 4);
			x->preferred = get32(o + 8);
			memcpy(x->a, o + 16, 16);
		}
		return 0;
	case 5:              /* MTU */
		if (len != 8)
			return RA_MALFORMED;
		ra->mtu = get32(o + 4);
		return 0;
	case 25:             /* RDNSS: at least one address, a whole number of them */
		if (len < 24 || (len - 8) % 16)
			return RA_MALFORMED;
		for (size_t i = 8; i < len && get32(o + 4); i += 16)
			if (ra->nns < RA_NS_MAX)
				memcpy(ra->ns[ra->nns++], o + i, 16);
		return 0;
	case 31:             /* DNSSL */
		if (len < 16)
			return RA_MALFORMED;
		if (get32(o + 4) && dname_list(o + 8, len - 8, 1, ra->search, sizeof(ra->search)))
			return RA_MALFORMED;
		return 0;
	}
	return 0;
}

int ra_parse(const uint8_t *p, size_t n, struct ra_info *ra)
{
	memset(ra, 0, sizeof(*ra));
	if (n < 16 || p[0] != 134 || p[1] != 0)
		return RA_NOTRA;
	ra->flags = p[5] & (RA_MANAGED | RA_OTHER);
	ra->lifetime = (uint16_t)(p[6] << 8 | p[7]);
	for (size_t i = 16; i < n;) {
		size_t len;
		int err;

		if (n - i < 2 || !p[i + 1] || (len = (size_t)p[i + 1] * 8) > n - i)
			return RA_MALFORMED;
		if ((err = option(p + i, len, ra)))
			return err;
		i += len;
	}
	return 0;
}

size_t ra_build_rs(uint8_t *buf, size_t cap, const uint8_t *hw, size_t hwlen)
{
	size_t olen = hwlen ? (hwlen + 2 + 7) / 8 * 8 : 0;

	if (hwlen > 253 || cap < 8 + olen)
		return 0;
	memset(buf, 0, 8 + olen);
	buf[0] = 133;
	if (olen) {
		buf[8] = 1;
		buf[9] = (uint8_t)(olen / 8);
		memcpy(buf + 10, hw, hwlen);
	}
	return 8 + olen;
}
