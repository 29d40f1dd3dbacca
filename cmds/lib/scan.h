/* strtol/strtoul and strstr as C says, without libc's general number scanner and two-way
 * search (together about 3.5 KiB of a static musl binary). */
#ifndef NSBOX_SCAN_H
#define NSBOX_SCAN_H

/* A number in base (0: 0x hex, 0 octal, else decimal; 16: an optional 0x) after blanks and a
 * sign; *end (when end is given) points past its digits, or at s when there are none. Past the
 * range (unsigned long, or long when is_signed) the limit comes back and errno is ERANGE. */
unsigned long str_scan(const char *s, char **end, int base, int is_signed);
#define str_tol(s, end, base) ((long)str_scan(s, end, base, 1))
#define str_toul(s, end, base) str_scan(s, end, base, 0)
/* A digit's value in any base up to 36 (0-9, then a-z or A-Z), 99 for anything else. */
static inline unsigned scan_digit(unsigned char c)
{
	if ((unsigned)(c - '0') < 10u)
		return c - '0';
	c |= 0x20;
	return (unsigned)(c - 'a') < 26u ? c - 'a' + 10u : 99u;
}
/* Where needle first occurs in hay, or NULL. */
char *str_in(const char *hay, const char *needle);

#endif
