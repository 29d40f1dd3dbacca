/* Helpers for applets only: the applet declaration, messages in the style of the tool each
 * applet replaces (die() exits), keyword tables, glibc's error texts and number parsers. */
#ifndef NSBOX_LIB_H
#define NSBOX_LIB_H

#include <stddef.h>
#include <stdint.h>

/* APPLET(name, function) at the head of an applet file puts it in the sorted table. */
#define APPLET(name, fn) int fn(int argc, char **argv)

extern const char *applet_name;

/* "applet: message" / "applet: message: strerror(err)" on stderr (err > 0 is an errno). */
void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_err(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Bare text on stderr, for tools (iproute2) whose messages carry no prefix. */
void errf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* NSBOX_LEFT_OUT's one line: "APPLET: WHAT is not in this build of nsbox (SYM is not set)", exit 1. */
_Noreturn void nsbox_left_out(const char *what, const char *sym);
/* A usage text declared with NSBOX_USAGE(name, "text"), printable: USAGE_TEXT(name) (with
 * NSBOX_FEATURE_USAGE the text is coded, cmds/lib/usage.c decodes it into a buffer that the
 * next text printed takes over). */
const char *usage_decode(const char *z);

/* Keyword tables are data: the first entry whose name the word is a prefix of, and that is
 * at least minlen long, wins (iproute2's matches(), in its order of checks). */
struct kw {
	const char *name;
	unsigned minlen;
	int (*fn)(int argc, char **argv);
};
const struct kw *kw_find(const struct kw *tab, const char *word);
/* The same for a word that names a value: val of the first match, or none. minlen is the whole
 * name for iproute2's strcmp, 1 for its matches(). */
struct kword {
	const char *name;
	unsigned char minlen, val;
};
int kword_find(const struct kword *tab, const char *word, int none);
/* The same with a table as one string, where pointers to names would cost more than the names:
 * each entry k bytes (the minimum lengths, values), then its name and a NUL; an empty name (k
 * zero bytes more after the last NUL) ends it. The first entry whose name word is a prefix of,
 * at least (unsigned char)entry[which] long (longer than the name: never), or NULL. */
const char *kwt_find(const char *tab, unsigned k, unsigned which, const char *word);
/* The step from a name of a NUL-separated list to the next: its length and the NUL. A loop here,
 * not libc's strlen, whose setup costs more than these short names (W1 walks a few dozen).
 * Always inlined: -Oz otherwise makes a called copy in a file that uses it five times (lib.c),
 * W1 +324 instructions, and the copies and calls were 320 bytes more of defconfig. */
static inline __attribute__((always_inline)) size_t kw_skip(const char *s)
{
	const char *p = s;

	while (*p++)
		;
	return (size_t)(p - s);
}
/* iproute2's matches(): word is a non-empty prefix of full. */
int kw_is(const char *word, const char *full);
/* A packed word list, built from one X-macro list so names and codes cannot drift apart:
 * names NUL-separated (an empty name ends them), codes[i] the code of the i-th, with KWL_PREFIX
 * when any beginning of the name will do (matches()), else the whole name. Returns the name
 * the word matched first and its code without KWL_PREFIX in *code, or NULL. */
#define KWL_PREFIX 0x80
#define KWL_NAME(name, code) name "\0"
#define KWL_CODE(name, code) code,
const char *kwl_find(const char *names, const unsigned char *codes, const char *word, int *code);
/* Word lists: names one after another, each ended by a NUL, the list by an empty name
 * ("a\0b\0"), with a table of rows in lockstep. kw_nth: name i; kw_whole: the index of
 * name w in list (the whole name, strcmp), or -1; kw_whole_case: the same in any case
 * (strcasecmp); kw_index (below) takes a prefix. */
const char *kw_nth(const char *list, unsigned i);
int kw_whole(const char *list, const char *w);
int kw_whole_case(const char *list, const char *w);
/* The same over NUL-separated names ending at an empty one ("a\0b\0", no pointer per name):
 * the index of the first that word is a prefix of (matches()), or -1; kw_nth names an index. */
int kw_index(const char *names, const char *word);

/* strtok_r's next word of *s (split at the bytes of sep), stepping *s past it; NULL at the
 * end. libc's strtok_r brings strspn and strcspn, half a kilobyte. */
char *str_word(char **s, const char *sep);

/* execvp(argv[0], argv) as musl's: the PATH search (by default /usr/local/bin:/bin:/usr/bin),
 * EACCES when a candidate was not executable; -1 with errno when it returns. Here, without
 * libc's copy and the getenv it brings. */
int exec_path(char **argv);

/* strerror as glibc words it (the tools nsbox replaces print glibc's texts); err may be < 0. */
const char *errtext(int err);

/* Number parsing: whole string, in range; 0 or -1. */
int parse_u32(const char *s, uint32_t *out, int base);
int parse_s32(const char *s, int32_t *out, int base);
int parse_u64(const char *s, uint64_t *out, int base);  /* up to 2^63 - 1 */
/* strtoull as iproute2's get_u64 uses it: up to 2^64 - 1, and "-N" is 2^64 - N. */
int parse_ull(const char *s, uint64_t *out, int base);

#endif
