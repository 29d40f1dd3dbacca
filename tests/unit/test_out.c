/* The output layer and the small libc replacements beside it: bfmt and fmt_g against glibc's
 * snprintf, the writers' flushing, glob_match (rows checked against musl's fnmatch), the line
 * reader. */
#include <fcntl.h>
#include <limits.h>
#include "glob.h"
#include "lines.h"
#include "out.h"
#include "unit.h"

#define SAME(...) do { \
	char want[256], got[256]; \
	int wn = snprintf(want, sizeof(want), __VA_ARGS__); \
	int gn = bfmt(got, sizeof(got), __VA_ARGS__); \
	assert_string_equal(got, want); \
	assert_int_equal(gn, wn); \
} while (0)

static void test_bfmt_ints(void **state)
{
	static const long long v[] = { 0, 1, -1, 9, 10, 42, -42, 255, 256, 65535, -65536,
				       INT_MAX, INT_MIN, 0x12345678, 4294967295LL };
	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		int d = (int)v[i];
		unsigned u = (unsigned)v[i];

		SAME("%d|%i|%5d|%-5d|%05d|%.2i|%.0d|%8.3d", d, d, d, d, d, d, d, d);
		SAME("%4i.%.2i|%*d|%*d|%hhd|%hd", d, d, 7, d, -7, d, d, d);
		SAME("%ld|%lld|%01lld|%02lld|%03lld", (long)v[i] * 100000, v[i] * 1000000000LL,
		     v[i], v[i], v[i]);
		SAME("%u|%x|%02x|%.2x|%#x|%#.2hhx|0x%04x|%#06x|%-#8x|", u, u, u, u, u, u, u, u, u);
		SAME("%lu|%llu|%*llu |%hu|%hhu|%.0u|%.0x|%zu", (unsigned long)u * 3,
		     (unsigned long long)u << 20, 10, (unsigned long long)u, u, u, u, u, (size_t)u);
	}
	SAME("%llu|%lld|%ld", 18446744073709551615ULL, LLONG_MIN, LONG_MIN);
}

static void test_bfmt_strings(void **state)
{
	(void)state;
	SAME("%s|%-16s|%-16s|", "abc", "lo", "a-very-long-interface-name");
	SAME("%*s|%*s|%*s|", 10, "x", -10, "x", 0, "");
	SAME("%.*s|%.*s|%.3s|%10.3s|", 2, "abcdef", 10, "ab", "abcdef", "abcdef");
	SAME("%c|%3c|%-3c|%%|100%% loss", 'a', 'x', 'y');
	SAME("    RX: %*s %*s %*s%s", 6, "bytes", 7, "packets", 10, "", "\n");
}

/* snprintf's contract: at most len bytes with the NUL, the whole length returned. */
static void test_bfmt_truncates(void **state)
{
	char b[16];

	(void)state;
	memset(b, 'Z', sizeof(b));
	assert_int_equal(bfmt(b, 0, "%s", "hello"), 5);
	assert_int_equal(b[0], 'Z');
	assert_int_equal(bfmt(b, 1, "%s", "hello"), 5);
	assert_string_equal(b, "");
	assert_int_equal(bfmt(b, 4, "%d", 12345), 5);
	assert_string_equal(b, "123");
	assert_int_equal(bfmt(b, 6, "%-10s|", "q"), 11);
	assert_string_equal(b, "q    ");
	assert_int_equal(b[6], 'Z');
}

static void check_g(double v)
{
	char want[32], got[32];

	snprintf(want, sizeof(want), "%g", v);
	fmt_g(got, v);
	if (strcmp(got, want))
		fail_msg("%%g of %.17g: glibc %s, fmt_g %s", v, want, got);
}

/* ping's packet loss and ip route's rtt in seconds: every value they can print. */
static void test_fmt_g(void **state)
{
	static const double edge[] = { 0, 100, 50, 33.333333333333336, 66.666666666666671, 0.5,
		2.5e-5, 0.0001, 0.00001, 999999.5, 9999995, 123456.5, 1234565, 2e-14, 4294967.295 };

	(void)state;
	for (size_t i = 0; i < sizeof(edge) / sizeof(edge[0]); i++)
		check_g(edge[i]);
	for (long sent = 1; sent <= 300; sent++)
		for (long recv = 0; recv <= sent; recv++)
			check_g((sent - recv) * 100.0 / sent);
	for (long sent = 301; sent < 2000000000; sent = sent * 3 + 7)
		for (long recv = 0; recv <= sent; recv += sent / 53 + 1)
			check_g((sent - recv) * 100.0 / sent);
	for (unsigned v = 0; v < 200000; v++)
		check_g(v / 1e3);
	for (unsigned long long v = 200000; v <= 0xffffffffULL; v = v * 5 / 4 + 1)
		check_g(v / 1e3);
}

/* The stdout writer keeps everything until a flush; stderr writes at the end of each call. */
static void test_writers(void **state)
{
	int o[2], e[2], fd1 = OUT->fd, fd2 = ERR->fd;
	char b[64];
	ssize_t n;

	(void)state;
	assert_int_equal(pipe2(o, O_NONBLOCK), 0);
	assert_int_equal(pipe2(e, O_NONBLOCK), 0);
	out_flush();
	OUT->fd = o[1];
	ERR->fd = e[1];
	outf("%s %d", "a", 1);
	outc('\n');
	sfmt(ERR, "err %s\n", "x");
	assert_int_equal(read(o[0], b, sizeof(b)), -1);
	n = read(e[0], b, sizeof(b));
	assert_int_equal(n, 6);
	assert_memory_equal(b, "err x\n", 6);
	out_flush();
	n = read(o[0], b, sizeof(b));
	assert_int_equal(n, 4);
	assert_memory_equal(b, "a 1\n", 4);
	OUT->fd = fd1;
	ERR->fd = fd2;
	close(o[0]), close(o[1]), close(e[0]), close(e[1]);
}

struct glob_row {
	const char *pat, *str;
	int match;
};

static const struct glob_row glob_tab[] = {
	{ "pci:v00001AF4d00001041sv*sd*bc*sc*i*", "pci:v00001AF4d00001041sv00001AF4sd00001100bc02sc00i00", 1 },
	{ "pci:v00001AF4d00001041sv*sd*bc*sc*i*", "pci:v00001AF4d00001041sv", 0 },
	{ "va*", "va:1", 1 }, { "va*", "lo", 0 }, { "*", "", 1 }, { "?", "", 0 },
	{ "a*b*c", "abcabc", 1 }, { "a*b*c", "acb", 0 }, { "**a**b", "aab", 1 },
	{ "[abc]", "b", 1 }, { "[!abc]", "b", 0 }, { "[^abc]", "x", 1 }, { "[a-c]x", "bx", 1 },
	{ "[]a]", "]", 1 }, { "[!]a]", "]", 0 }, { "[-a]", "-", 1 }, { "[a-]", "-", 1 },
	{ "[a-c-e]", "d", 1 }, { "[z-a]", "a", 1 }, { "[z-a]", "m", 0 },
	{ "[[:digit:]]*", "5x", 1 }, { "[[:alpha:][:digit:]]", "A", 1 }, { "[![:space:]]", " ", 0 },
	{ "[[:bogus:]]", "a", 0 }, { "[[.a.]]", "a", 0 }, { "[\\a]", "\\", 1 },
	{ "\\*", "*", 1 }, { "\\*", "a", 0 }, { "a\\", "a\\", 1 }, { "[", "[", 1 }, { "[a", "[a", 1 },
	{ "[[:]", "[", 0 }, { "*[", "a[", 1 }, { "", "", 1 }, { "", "a", 0 },
};

static void test_glob(void **state)
{
	ROW(struct glob_row);

	assert_int_equal(glob_match(row->pat, row->str), row->match);
}

/* Lines cut at LINE_MAX_LEN drop their rest; the last line needs no newline. */
static void test_lines(void **state)
{
	char path[] = "/tmp/nsbox-unit-lines-XXXXXX", *line;
	static char longline[LINE_MAX_LEN + 100];
	struct lines l;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	memset(longline, 'x', sizeof(longline) - 1);
	longline[sizeof(longline) - 1] = 0;
	assert_int_equal(write(fd, "a\nbb\n\n", 6), 6);
	assert_int_equal(write(fd, longline, strlen(longline)), (ssize_t)strlen(longline));
	assert_int_equal(write(fd, "\nafter\nlast", 11), 11);
	close(fd);
	assert_int_equal(lines_open(&l, path), 0);
	assert_string_equal(lines_next(&l), "a");
	assert_string_equal(lines_next(&l), "bb");
	assert_string_equal(lines_next(&l), "");
	line = lines_next(&l);
	assert_non_null(line);
	assert_int_equal(strlen(line), LINE_MAX_LEN);
	assert_string_equal(lines_next(&l), "after");
	assert_string_equal(lines_next(&l), "last");
	assert_null(lines_next(&l));
	lines_close(&l);
	unlink(path);
	assert_int_equal(lines_open(&l, path), -ENOENT);
}

int main(void)
{
	static struct suite s;

	ADD(&s, test_bfmt_ints);
	ADD(&s, test_bfmt_strings);
	ADD(&s, test_bfmt_truncates);
	ADD(&s, test_fmt_g);
	ADD(&s, test_writers);
	ADD_ROWS(&s, test_glob, glob_tab);
	ADD(&s, test_lines);
	return suite_run(&s, "out");
}
