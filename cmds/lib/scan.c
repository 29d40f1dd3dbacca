/* Number scanning and substring search for the applets (see scan.h). */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include "scan.h"

unsigned long str_scan(const char *s, char **end, int base, int is_signed)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long v = 0, lim = ULONG_MAX;
	int neg = 0, any = 0, over = 0;

	while (*p == ' ' || (unsigned)(*p - '\t') < 5u)
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 0x20) == 'x' && scan_digit(p[2]) < 16)
		p += 2, base = 16;
	else if (!base)
		base = *p == '0' ? 8 : 10;
	if (is_signed)
		lim = (unsigned long)LONG_MAX + (unsigned long)neg;
	for (unsigned d; (d = scan_digit(*p)) < (unsigned)base; p++, any = 1) {
		if (v > (lim - d) / (unsigned)base)
			over = 1;
		else
			v = v * (unsigned)base + d;
	}
	if (end)
		*end = (char *)(any ? (const char *)p : s);
	if (over) {
		errno = ERANGE;
		return is_signed && neg ? -lim : lim;
	}
	return neg ? -v : v;
}

char *str_in(const char *hay, const char *needle)
{
	size_t l = strlen(needle);

	for (;; hay++) {
		if (!strncmp(hay, needle, l))
			return (char *)hay;
		if (!*hay)
			return NULL;
	}
}
