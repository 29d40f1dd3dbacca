#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "lib.h"
#include "out.h"

const char *applet_name = "nsbox";

static void vmsg(int err, const char *fmt, va_list ap)
{
	sfmt(ERR, "%s: ", applet_name);
	vsfmt(ERR, fmt, ap);
	if (err)
		sfmt(ERR, ": %s", errtext(err));
	sputc(ERR, '\n');
}

OUT_VA void msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
}

OUT_VA void msg_err(int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(err < 0 ? -err : err, fmt, ap);
	va_end(ap);
}

OUT_VA void errf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verrf(fmt, ap);
	va_end(ap);
}

OUT_VA void die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verrf(fmt, ap);
	va_end(ap);
	out_exit(code);
}

void nsbox_left_out(const char *what, const char *sym)
{
	die(1, "%s: %s is not in this build of nsbox (%s is not set)\n", applet_name, what, sym);
}

/* strncmp stops at a NUL in full, so a word longer than full never matches. */
int kw_is(const char *word, const char *full)
{
	return *word && !strncmp(word, full, strlen(word));
}

const char *kwl_find(const char *names, const unsigned char *codes, const char *word, int *code)
{
	for (; *names; names += kw_skip(names), codes++)
		if (*codes & KWL_PREFIX ? kw_is(word, names) : !strcmp(word, names)) {
			*code = *codes & ~KWL_PREFIX;
			return names;
		}
	return NULL;
}

int kw_index(const char *names, const char *word)
{
	for (int i = 0; *names; i++, names += kw_skip(names))
		if (kw_is(word, names))
			return i;
	return -1;
}

const struct kw *kw_find(const struct kw *tab, const char *word)
{
	size_t n = strlen(word);

	for (; tab->name; tab++)
		if (n && n >= tab->minlen && !strncmp(word, tab->name, n))
			return tab;
	return NULL;
}

int kword_find(const struct kword *tab, const char *word, int none)
{
	size_t n = strlen(word);

	for (; tab->name; tab++)
		if (n && n >= tab->minlen && !strncmp(word, tab->name, n))
			return tab->val;
	return none;
}

const char *kwt_find(const char *t, unsigned k, unsigned which, const char *word)
{
	size_t n = strlen(word);

	for (; t[k]; t += k + 1 + strlen(t + k))
		if (n && n >= (unsigned char)t[which] && !strncmp(word, t + k, n))
			return t;
	return NULL;
}

static int digit(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'z' ? (c | 32) - 'a' + 10 : 99;
}

/* strtoull's syntax (blanks, sign, 0x and 0 prefixes for base 0 and 16), the whole string: the
 * magnitude into *n and its sign into *neg; -1 past 2^64 - 1. */
static int parse_mag(const char *s, unsigned long long *n, int *neg, int base)
{
	int any = 0, d;

	*n = 0;
	*neg = 0;
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '+' || *s == '-')
		*neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] | 32) == 'x' && digit(s[2]) < 16)
		s += 2, base = 16;
	else if (base == 0)
		base = *s == '0' ? 8 : 10;
	for (; (d = digit(*s)) < base; s++, any = 1) {
		if (*n > (UINT64_MAX - d) / base)
			return -1;
		*n = *n * base + d;
	}
	return !any || *s ? -1 : 0;
}

/* strtoll's syntax, in [lo, hi]. */
static int parse_l(const char *s, long long *v, int base, long long lo, long long hi)
{
	unsigned long long n;
	int neg;

	if (parse_mag(s, &n, &neg, base) || n > (unsigned long long)INT64_MAX + neg)
		return -1;
	*v = neg ? (long long)(0 - n) : (long long)n;
	return *v < lo || *v > hi ? -1 : 0;
}

int parse_u32(const char *s, uint32_t *out, int base)
{
	long long v;
	if (*s == '-' || parse_l(s, &v, base, 0, UINT32_MAX))
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int parse_u64(const char *s, uint64_t *out, int base)
{
	long long v;
	if (*s == '-' || parse_l(s, &v, base, 0, INT64_MAX))
		return -1;
	*out = (uint64_t)v;
	return 0;
}

int parse_ull(const char *s, uint64_t *out, int base)
{
	unsigned long long n;
	int neg;

	if (parse_mag(s, &n, &neg, base))
		return -1;
	*out = neg ? 0 - (uint64_t)n : (uint64_t)n;
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

static int whole(const char *list, const char *w, int (*cmp)(const char *, const char *))
{
	int i;

	for (i = 0; *list; i++, list += kw_skip(list))
		if (!cmp(list, w))
			return i;
	return -1;
}

int kw_whole(const char *list, const char *w)
{
	return whole(list, w, strcmp);
}

int kw_whole_case(const char *list, const char *w)
{
	return whole(list, w, strcasecmp);
}

const char *kw_nth(const char *list, unsigned i)
{
	for (; i; i--)
		list += kw_skip(list);
	return list;
}
char *str_word(char **s, const char *sep)
{
	char *p = *s, *w;

	while (*p && strchr(sep, *p))
		p++;
	if (!*p)
		return NULL;
	for (w = p; *p && !strchr(sep, *p); p++)
		;
	if (*p)
		*p++ = 0;
	*s = p;
	return w;
}

int exec_path(char **argv)
{
	extern char **environ;
	const char *file = argv[0], *path = "/usr/local/bin:/bin:/usr/bin", *p, *z;
	char b[PATH_MAX + NAME_MAX + 2];
	size_t k, l;
	int eacces = 0;

	for (char **e = environ; e && *e; e++)
		if (!strncmp(*e, "PATH=", 5)) {
			path = *e + 5;
			break;
		}
	if (!*file)
		return errno = ENOENT, -1;
	if (strchr(file, '/'))
		return execve(file, argv, environ);
	k = strnlen(file, NAME_MAX + 1);
	if (k > NAME_MAX)
		return errno = ENAMETOOLONG, -1;
	l = strnlen(path, PATH_MAX - 1) + 1;
	for (p = path;; p = z) {
		z = strchrnul(p, ':');
		if ((size_t)(z - p) < l) {
			memcpy(b, p, (size_t)(z - p));
			b[z - p] = '/';
			memcpy(b + (z - p) + (z > p), file, k + 1);
			execve(b, argv, environ);
			if (errno == EACCES)
				eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!*z++)
			break;
	}
	if (eacces)
		errno = EACCES;
	return -1;
}
