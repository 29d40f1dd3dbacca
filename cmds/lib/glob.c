#include <ctype.h>
#include <string.h>
#include "glob.h"
#include "lib.h"

static int in_class(const char *name, size_t len, int c)
{
	static const char names[] = "alnum\0alpha\0blank\0cntrl\0digit\0graph\0lower\0print\0"
				    "punct\0space\0upper\0xdigit";
	static int (*const is[])(int) = { isalnum, isalpha, isblank, iscntrl, isdigit, isgraph,
					  islower, isprint, ispunct, isspace, isupper, isxdigit };
	const char *n = names;

	for (size_t i = 0; i < sizeof(is) / sizeof(is[0]); i++, n += kw_skip(n))
		if (strlen(n) == len && !memcmp(n, name, len))
			return is[i](c);
	return 0;
}

/* The end of the bracket expression at p ('['), or NULL when it has none: then '[' is an
 * ordinary character. [:x:] [.x.] [=x=] inside it may hold a ']'. */
static const char *bracket_end(const char *p)
{
	p++;
	if (*p == '!' || *p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p && *p != ']'; p++) {
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			char z = p[1];
			p += 2;
			if (*p)
				p++;
			for (; *p && (p[-1] != z || p[0] != ']'); p++)
				;
			if (!*p)
				return NULL;
		}
	}
	return *p ? p : NULL;
}

/* c against the set of the bracket expression p (at '['); [.x.] and [=x=] match nothing. */
static int in_set(const char *p, int c)
{
	int inv = 0, prev;

	p++;
	if (*p == '!' || *p == '^')
		inv = 1, p++;
	if (*p == ']' || *p == '-') {
		if (c == *p)
			return !inv;
		p++;
	}
	prev = (unsigned char)p[-1];
	for (; *p != ']'; p++) {
		/* The end of a range is read again as a member, as musl's fnmatch does: it starts
		 * the next range, and [z-a] holds a. */
		if (p[0] == '-' && p[1] != ']') {
			if (prev <= (unsigned char)p[1] && c >= prev && c <= (unsigned char)p[1])
				return !inv;
			continue;
		}
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			const char *name = p + 2;
			char z = p[1];
			for (p += 3; p[-1] != z || p[0] != ']'; p++)
				;
			if (z == ':' && in_class(name, p - 1 - name, c))
				return !inv;
			continue;
		}
		prev = (unsigned char)*p;
		if (c == prev)
			return !inv;
	}
	return inv;
}

int glob_match(const char *pat, const char *str)
{
	const char *star = NULL, *resume = NULL, *end;

	for (;;) {
		int c = (unsigned char)*str, ok;

		if (*pat == '*') {
			star = ++pat;
			resume = str;
			continue;
		}
		if (!*pat && !c)
			return 1;
		if (!c || !*pat)
			ok = 0;
		else if (*pat == '?')
			ok = 1, pat++;
		else if (*pat == '[' && (end = bracket_end(pat)))
			ok = in_set(pat, c), pat = end + 1;
		else if (*pat == '\\' && pat[1])
			ok = c == (unsigned char)pat[1], pat += 2;
		else
			ok = c == (unsigned char)*pat, pat++;
		if (ok) {
			str++;
			continue;
		}
		/* Let the last star take one more character and try again from there. */
		if (!star || !*resume)
			return 0;
		pat = star;
		str = ++resume;
	}
}
