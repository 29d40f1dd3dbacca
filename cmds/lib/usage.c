/* Usage texts kept coded (tools/usagez, issue 16). A coded text is "\001" and its number in one
 * stream of all texts; the stream's repeats are written out (an escape byte and two more: a
 * distance and a length) up to that text, whose bytes are then pairs' codes: each byte outside
 * printable ASCII that is a code stands for a pair of bytes, which may be codes in turn. A text
 * that does not start with \001 is its own decoding. A text is decoded into one buffer when it
 * is printed: the next text printed takes the same buffer. */
#include "lib.h"

static const unsigned char blob[] = NSBOX_UZ_BLOB, dict[] = NSBOX_UZ_DICT;
static const unsigned char codes[32] = NSBOX_UZ_CODES;
static unsigned char stream[NSBOX_UZ_CLEN];
static char buf[NSBOX_UZ_MAX + 1];

static char *put(char *o, const unsigned char *at, unsigned c)
{
	if (!(codes[c >> 3] >> (c & 7) & 1)) {
		*o++ = (char)c;
		return o;
	}
	o = put(o, at, dict[2 * at[c]]);
	return put(o, at, dict[2 * at[c] + 1]);
}

const char *usage_decode(const char *z)
{
	unsigned char at[256];   /* each code's place in the dictionary */
	const unsigned char *in = blob, *text = stream;
	unsigned char *w = stream;
	unsigned c, k = 0, n;
	char *o = buf;

	if (*z != 1)
		return z;
	n = ((unsigned char)z[1] - 1u) * 255u + (unsigned char)z[2] - 1u;
	for (;;) {
		c = *in++;
		if (c - NSBOX_UZ_ESC < 8u) {
			unsigned long v = (unsigned long)(c - NSBOX_UZ_ESC) << 16 | (unsigned)in[0] << 8 | in[1];
			const unsigned char *from = w - v / 32 - 1;

			in += 2;
			for (v = v % 32 + 4; v--; )
				*w++ = *from++;
		} else if (!(*w++ = (unsigned char)c)) {
			if (!n--)
				break;
			text = w;
		}
	}
	for (c = 0; c < 256; c++) {
		at[c] = (unsigned char)k;
		k += codes[c >> 3] >> (c & 7) & 1;
	}
	while (*text)
		o = put(o, at, *text++);
	*o = 0;
	return buf;
}
