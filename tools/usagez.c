/* usagez: the usage texts of nsbox in a compact form (issue 16, size), run by make on the build
 * machine. It reads each source's NSBOX_USAGE(name, "text" NSBOX_USAGE_MORE("more")) declarations
 * (the rest is kept only with "more") and codes them in two steps:
 *  - pairs: one dictionary of byte pairs for all of them (each byte no text uses stands for two
 *    others, which may stand for pairs in turn);
 *  - repeats: the coded texts, each ended by a NUL, make one stream in which a run of 4 to 35
 *    bytes seen before (not across a NUL) becomes 3 bytes: one of 8 escape bytes and two more,
 *    together 32 * (distance - 1) + length - 4 (escape e: (e - first) * 65536 + b1 * 256 + b2).
 * It writes a header:
 *   #define NSBOX_UZ_<file>_<name> "\001" and two bytes: the text's number in the stream
 *   #define NSBOX_UZ_BLOB { ... }      the stream
 *   #define NSBOX_UZ_DICT "..."        two bytes per code, in code order
 *   #define NSBOX_UZ_CODES { ... }     a bit per byte value: is it a code
 *   #define NSBOX_UZ_ESC n             the first escape byte
 *   #define NSBOX_UZ_CLEN n            the stream's length with its repeats written out
 *   #define NSBOX_UZ_MAX n             the longest text, decoded
 * cmds/lib/usage.c decodes a text when it is printed. The texts of the files after "--" (sources
 * this build leaves out, which only tests compile) stay as they are: a text that does not start
 * with \001 is its own decoding. Usage texts are iproute2's: about two thirds of their bytes go.
 * Usage: usagez OUT MORE(0|1) FILE... [-- FILE...]   Exit 1 on a declaration it cannot read. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXT 512
#define MAXLEN 16384

struct text { char id[160]; unsigned short *s; char *text; size_t n, raw; int plain; };
static struct text T[MAXT];
static int nt;
/* Object-like macros whose body is string literals only (IP_LINK_TYPES_HELP), for texts. */
struct strmac { char name[64]; char *s; size_t n; };
static struct strmac M[256];
static int nm;
static int more;
/* The texts read now are of a file after "--": kept as they are. */
static int plain;
static const char *file;

/* With lenient set, literal() gives NULL for a literal it cannot read instead of exiting (a
 * macro of a header that is no usage text). */
static int lenient;

static void fail(const char *why, int line)
{
	fprintf(stderr, "usagez: %s:%d: %s\n", file, line, why);
	exit(1);
}

/* Skips blanks, newlines and comments; counts lines. */
static const char *skip(const char *p, int *line)
{
	for (;;) {
		if (*p == '\n')
			++*line, p++;
		else if (isspace((unsigned char)*p))
			p++;
		else if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			if (!e)
				fail("unterminated comment", *line);
			for (; p < e; p++)
				*line += *p == '\n';
			p = e + 2;
		} else
			return p;
	}
}


/* One string literal at p (after the quote); its bytes appended to buf. */
static const char *literal(const char *p, char *buf, size_t *n, int line, int keep)
{
	while (*p != '"') {
		int c = (unsigned char)*p++;
		if (c == 0 || c == '\n') {
			if (lenient)
				return NULL;
			fail("unterminated string", line);
		}
		if (c == '\\') {
			c = (unsigned char)*p++;
			switch (c) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case '\\': case '"': case '\'': case '?': break;
			default:
				if (c >= '0' && c <= '7') {
					int v = c - '0', k;
					for (k = 0; k < 2 && *p >= '0' && *p <= '7'; k++)
						v = v * 8 + (*p++ - '0');
					c = v;
				} else if (lenient)
					return NULL;
				else
					fail("an escape usagez does not know", line);
			}
		}
		if (c != '\t' && c != '\n' && (c < 0x20 || c > 0x7e)) {
			if (lenient)
				return NULL;
			fail("a byte that is not printable ASCII, tab or newline", line);
		}
		if (keep) {
			if (*n >= MAXLEN)
				fail("text too long", line);
			buf[(*n)++] = (char)c;
		}
	}
	return p + 1;
}

/* The text of one declaration: literals and NSBOX_USAGE_MORE( literals ), up to the ')'. */
static const char *declaration(const char *p, int *line, const char *base)
{
	static char buf[MAXLEN];
	size_t n = 0, k = 0;
	int in_more = 0;
	struct text *t;

	p = skip(p, line);
	while (isalnum((unsigned char)p[k]) || p[k] == '_')
		k++;
	if (!k || k > 100)
		fail("NSBOX_USAGE( without a name", *line);
	if (nt == MAXT)
		fail("too many texts", *line);
	t = &T[nt++];
	t->plain = plain;
	snprintf(t->id, sizeof(t->id), "%s_%.*s", base, (int)k, p);
	p = skip(p + k, line);
	if (*p++ != ',')
		fail("NSBOX_USAGE(name, text): no comma", *line);
	for (;;) {
		p = skip(p, line);
		if (*p == '"')
			p = literal(p + 1, buf, &n, *line, !in_more || more);
		else if (!in_more && !strncmp(p, "NSBOX_USAGE_MORE", 16)) {
			p = skip(p + 16, line);
			if (*p++ != '(')
				fail("NSBOX_USAGE_MORE without '('", *line);
			in_more = 1;
		} else if (isalpha((unsigned char)*p) || *p == '_') {
			size_t l = 0;
			int i;
			while (isalnum((unsigned char)p[l]) || p[l] == '_')
				l++;
			for (i = 0; i < nm; i++)
				if (strlen(M[i].name) == l && !strncmp(M[i].name, p, l))
					break;
			if (i == nm)
				fail("a name in a usage text that is no macro of string literals", *line);
			if (!in_more || more) {
				if (n + M[i].n > MAXLEN)
					fail("text too long", *line);
				memcpy(buf + n, M[i].s, M[i].n);
				n += M[i].n;
			}
			p += l;
		} else if (*p == ')' && in_more) {
			in_more = 0;
			p++;
		} else if (*p == ')')
			break;
		else
			fail("a usage text is string literals and NSBOX_USAGE_MORE(...) only", *line);
	}
	t->s = malloc(n * sizeof(*t->s) + 1);
	t->text = malloc(n + 1);
	if (!t->s || !t->text)
		fail("out of memory", *line);
	for (k = 0; k < n; k++)
		t->s[k] = (unsigned char)buf[k];
	memcpy(t->text, buf, n);
	t->n = t->raw = n;
	return p + 1;
}

/* `#define NAME "..." "..."` (continued lines): kept when the body is string literals only. */
static void macros(const char *src)
{
	static char buf[MAXLEN];
	const char *p;

	for (p = src; (p = strstr(p, "#define ")); ) {
		size_t k = 0, n = 0;
		int line = 0;
		const char *q;
		p += 8;
		while (isalnum((unsigned char)p[k]) || p[k] == '_')
			k++;
		if (!k || k >= sizeof(M[0].name) || (p[k] != ' ' && p[k] != '\t'))
			continue;
		for (q = p + k;;) {
			while (*q == ' ' || *q == '\t' || (*q == '\\' && q[1] == '\n'))
				q += *q == '\\' ? 2 : 1;
			if (*q != '"')
				break;
			lenient = 1;
			q = literal(q + 1, buf, &n, line, 1);
			lenient = 0;
			if (!q)
				break;
		}
		if (!q || *q != '\n' || !n || nm == 256)
			continue;
		memcpy(M[nm].name, p, k);
		M[nm].name[k] = 0;
		M[nm].s = malloc(n);
		if (!M[nm].s)
			fail("out of memory", 0);
		memcpy(M[nm].s, buf, n);
		M[nm++].n = n;
	}
}

static char *slurp(const char *path)
{
	size_t n, cap = 1 << 20;
	char *src = malloc(cap);
	FILE *f = fopen(path, "r");

	file = path;
	if (!f || !src)
		fail("cannot open", 0);
	n = fread(src, 1, cap - 1, f);
	fclose(f);
	src[n] = 0;
	return src;
}

static void read_file(const char *path, const char *src)
{
	char base[64];
	const char *p, *s = strrchr(path, '/');
	size_t k;
	int line = 1;

	file = path;
	s = s ? s + 1 : path;
	for (k = 0; s[k] && s[k] != '.' && k < sizeof(base) - 1; k++)
		base[k] = s[k];
	base[k] = 0;
	for (p = src; (p = strstr(p, "NSBOX_USAGE(")); ) {
		const char *q;
		int at_line_start = p == src || p[-1] == '\n';
		for (q = src, line = 1; q < p; q++)
			line += *q == '\n';
		p += 12;
		if (at_line_start)   /* the definition of the macro itself does not start a line */
			p = declaration(p, &line, base);
	}
}

/* The decoder of cmds/lib/usage.c, to check the coding: bytes out (counted in *w; the text's
 * own bytes checked against orig). */
static const char *orig;
static size_t origlen;
static int put_back(unsigned c, unsigned char (*pair)[2], const int *code, int ncode, size_t *w)
{
	int j;

	for (j = 0; j < ncode; j++)
		if (code[j] == (int)c)
			return put_back(pair[c][0], pair, code, ncode, w) || put_back(pair[c][1], pair, code, ncode, w);
	return *w >= origlen || orig[(*w)++] != (char)c;
}

static int expand(const unsigned short *s, size_t n, unsigned char (*pair)[2], const int *code, int ncode, size_t *w)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (put_back(s[k], pair, code, ncode, w))
			return 1;
	return 0;
}

#define NESC 8
#define LENS 32
#define MINM 4

/* The repeats step's decoder, as cmds/lib/usage.c's: the stream in, its bytes out. */
static size_t unrepeat(const unsigned char *in, size_t n, int esc, unsigned char *out)
{
	size_t r = 0, w = 0;

	while (r < n) {
		unsigned c = in[r++];
		if ((int)c >= esc && (int)c < esc + NESC) {
			unsigned long v = (unsigned long)(c - (unsigned)esc) << 16 | (unsigned)in[r] << 8 | in[r + 1];
			size_t d = v / LENS + 1, l = v % LENS + MINM;
			r += 2;
			if (d > w)
				fail("a repeat before the stream's start", 0);
			while (l--) {
				out[w] = out[w - d];
				w++;
			}
		} else
			out[w++] = (unsigned char)c;
	}
	return w;
}

static void put_byte(FILE *out, int c)
{
	if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?')
		putc(c, out);
	else
		fprintf(out, "\\%03o", c);
}

int main(int argc, char **argv)
{
	static unsigned char pair[256][2];
	static unsigned cnt[256][256];
	static unsigned char plainbuf[1 << 20], zbuf[1 << 20], back[1 << 20];
	int used[256] = { 0 }, code[256], ncode = 0, i, j, esc = 0, nsel = 0;
	size_t max = 0, k, pn = 0, zn = 0;
	FILE *out;

	if (argc < 3)
		return fprintf(stderr, "usage: usagez OUT MORE(0|1) FILE... [-- FILE...]\n"), 2;
	more = argv[2][0] == '1';
	static char *src[1024];
	if (argc > 1024)
		return fprintf(stderr, "usagez: too many files\n"), 2;
	for (i = 3; i < argc; i++)
		if (strcmp(argv[i], "--"))
			macros(src[i] = slurp(argv[i]));
	for (i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			plain = 1;
		else if (strstr(argv[i], ".c"))
			read_file(argv[i], src[i]);
	}
	for (i = 0; i < nt; i++) {
		if (T[i].plain)
			continue;
		nsel++;
		for (k = 0; k < T[i].n; k++)
			used[T[i].s[k]] = 1;
		if (T[i].raw > max)
			max = T[i].raw;
	}
	if (nsel > 255 * 255)
		fail("too many texts", 0);
	/* Codes: bytes outside printable ASCII, tab and newline that no text uses, NUL aside; the
	 * first run of NESC of them above 0x7f are the escapes of repeats. */
	for (i = 1; i < 256; i++)
		if (!used[i] && (i < 0x20 || i > 0x7e) && i != '\t' && i != '\n')
			code[ncode++] = i;
	for (i = 0; i + NESC <= ncode && !esc; i++)
		if (code[i] > 0x7f && code[i + NESC - 1] == code[i] + NESC - 1) {
			esc = code[i];
			memmove(code + i, code + i + NESC, (size_t)(ncode - i - NESC) * sizeof(code[0]));
			ncode -= NESC;
		}
	if (!esc)
		fail("no 8 free bytes in a row for the escapes", 0);
	for (j = 0; j < ncode; j++) {
		unsigned best = 0;
		int a = 0, b = 0;
		memset(cnt, 0, sizeof(cnt));
		for (i = 0; i < nt; i++)
			for (k = 0; !T[i].plain && k + 1 < T[i].n; k++)
				cnt[T[i].s[k]][T[i].s[k + 1]]++;
		for (i = 0; i < 256; i++)
			for (k = 0; k < 256; k++)
				if (cnt[i][k] > best)
					best = cnt[i][k], a = i, b = (int)k;
		if (best < 4)   /* a pair must pay for its two bytes in the dictionary */
			break;
		pair[code[j]][0] = (unsigned char)a;
		pair[code[j]][1] = (unsigned char)b;
		for (i = 0; i < nt; i++) {
			size_t r, w = 0;
			if (T[i].plain)
				continue;
			for (r = 0; r < T[i].n; r++) {
				if (r + 1 < T[i].n && T[i].s[r] == a && T[i].s[r + 1] == b)
					T[i].s[w++] = (unsigned short)code[j], r++;
				else
					T[i].s[w++] = T[i].s[r];
			}
			T[i].n = w;
		}
	}
	ncode = j;
	/* Each text decoded again must be the text read (the dictionary is only ever extended). */
	for (i = 0; i < nt; i++) {
		size_t w = 0;
		if (T[i].plain)
			continue;
		orig = T[i].text;
		origlen = T[i].raw;
		if (expand(T[i].s, T[i].n, pair, code, ncode, &w) || w != T[i].raw)
			fail("a text does not decode to itself", 0);
	}
	/* The stream, then its repeats: the longest match first (greedy), the nearest of equals. */
	for (i = 0; i < nt; i++) {
		if (T[i].plain)
			continue;
		if (pn + T[i].n + 1 > sizeof(plainbuf))
			fail("texts too long", 0);
		for (k = 0; k < T[i].n; k++)
			plainbuf[pn++] = (unsigned char)T[i].s[k];
		plainbuf[pn++] = 0;
	}
	for (k = 0; k < pn; ) {
		size_t best = 0, bd = 0, d;
		for (d = 1; plainbuf[k] && d <= k && d <= (size_t)NESC * 65536 / LENS; d++) {
			size_t l = 0;
			while (k + l < pn && l < LENS + MINM - 1 && plainbuf[k + l] && plainbuf[k - d + l] == plainbuf[k + l])
				l++;
			if (l > best)
				best = l, bd = d;
		}
		if (best >= MINM) {
			unsigned long v = (unsigned long)(bd - 1) * LENS + (best - MINM);
			zbuf[zn++] = (unsigned char)(esc + (int)(v >> 16));
			zbuf[zn++] = (unsigned char)(v >> 8 & 0xff);
			zbuf[zn++] = (unsigned char)(v & 0xff);
			k += best;
		} else
			zbuf[zn++] = plainbuf[k++];
	}
	if (unrepeat(zbuf, zn, esc, back) != pn || memcmp(back, plainbuf, pn))
		fail("the stream does not decode to itself", 0);
	out = fopen(argv[1], "w");
	if (!out)
		return perror(argv[1]), 1;
	for (i = 0, k = 0; i < nt; i++)
		k += T[i].plain ? 0 : T[i].raw + 1;
	fprintf(out, "/* Generated by tools/usagez (make): nsbox's usage texts, coded (pairs, then repeats).\n"
		" * %d texts, %zu bytes; with pairs' codes %zu, and %d of dictionary; with repeats %zu. */\n",
		nsel, k, pn, 2 * ncode, zn);
	for (i = 0, j = 0; i < nt; i++) {
		fprintf(out, "#define NSBOX_UZ_%s \"", T[i].id);
		if (T[i].plain)
			for (k = 0; k < T[i].raw; k++)
				put_byte(out, (unsigned char)T[i].text[k]);
		else {
			fprintf(out, "\\001");
			put_byte(out, j / 255 + 1);
			put_byte(out, j % 255 + 1);
			j++;
		}
		fprintf(out, "\"\n");
	}
	/* numbers, not a string: a literal that long is beyond what C99 asks compilers to take */
	fprintf(out, "#define NSBOX_UZ_BLOB {");
	for (k = 0; k < zn; k++)
		fprintf(out, "%s%u", k % 24 ? "," : k ? ", \\\n\t" : " \\\n\t", zbuf[k]);
	/* The dictionary: the pair of code c at 2 * (c's index among the codes). The decoder finds a
	 * code's index from the bytes below it that are codes: NSBOX_UZ_CODES, a bit per byte. */
	fprintf(out, "%s}\n#define NSBOX_UZ_DICT \"", zn ? "" : " 0 ");
	for (j = 0; j < ncode; j++)
		for (k = 0; k < 2; k++)
			fprintf(out, "\\%03o", pair[code[j]][k]);
	fprintf(out, "\"\n#define NSBOX_UZ_CODES {");
	for (i = 0; i < 32; i++) {
		unsigned v = 0;
		for (k = 0; k < 8; k++) {
			int c = i * 8 + (int)k;
			for (j = 0; j < ncode; j++)
				if (code[j] == c)
					v |= 1u << k;
		}
		fprintf(out, "%s%u", i ? ", " : " ", v);
	}
	fprintf(out, " }\n#define NSBOX_UZ_ESC %d\n#define NSBOX_UZ_CLEN %zu\n#define NSBOX_UZ_MAX %zu\n", esc, pn ? pn : 1, max);
	return fclose(out) ? 1 : 0;
}
