#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib.h"

const char *applet_name = "nsbox";

static void vmsg(int err, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: ", applet_name);
	vfprintf(stderr, fmt, ap);
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

void msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
}

void msg_err(int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(err < 0 ? -err : err, fmt, ap);
	va_end(ap);
}

void errf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

void die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fflush(stdout);
	exit(code);
}

int kw_is(const char *word, const char *full)
{
	size_t n = strlen(word);
	return n && n <= strlen(full) && memcmp(word, full, n) == 0;
}

const struct kw *kw_find(const struct kw *tab, const char *word)
{
	for (; tab->name; tab++)
		if (strlen(word) >= tab->minlen && kw_is(word, tab->name))
			return tab;
	return NULL;
}

static int parse_l(const char *s, long long *v, int base, long long lo, long long hi)
{
	char *end;
	if (!*s)
		return -1;
	errno = 0;
	*v = strtoll(s, &end, base);
	return (errno || *end || *v < lo || *v > hi) ? -1 : 0;
}

int parse_u32(const char *s, uint32_t *out, int base)
{
	long long v;
	if (*s == '-' || parse_l(s, &v, base, 0, UINT32_MAX))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int parse_s32(const char *s, int32_t *out, int base)
{
	long long v;
	if (parse_l(s, &v, base, INT32_MIN, INT32_MAX))
		return -1;
	*out = (int32_t)v;
	return 0;
}
