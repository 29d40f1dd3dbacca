/* Usage texts kept coded (tools/usagez, issue 16): each byte outside printable ASCII that no
 * text uses stands for a pair of bytes, which may be codes in turn; a text that is not coded
 * decodes to itself. A text is decoded into one buffer when it is printed: the next text
 * printed takes the same buffer. */
#include "lib.h"

static const unsigned char dict[] = NSBOX_UZ_DICT;
static const unsigned char codes[32] = NSBOX_UZ_CODES;
static char buf[NSBOX_UZ_MAX + 1];

static char *put(char *o, const unsigned char *at, unsigned c)
{
	if (!(codes[c >> 3] >> (c & 7) & 1)) {
		if (o < buf + NSBOX_UZ_MAX)   /* a text not coded may be longer than any coded */
			*o++ = (char)c;
		return o;
	}
	o = put(o, at, dict[2 * at[c]]);
	return put(o, at, dict[2 * at[c] + 1]);
}

const char *usage_decode(const char *z)
{
	unsigned char at[256];   /* each code's place in the dictionary */
	unsigned c, k = 0;
	char *o = buf;

	for (c = 0; c < 256; c++) {
		at[c] = (unsigned char)k;
		k += codes[c >> 3] >> (c & 7) & 1;
	}
	while (*z)
		o = put(o, at, (unsigned char)*z++);
	*o = 0;
	return buf;
}
