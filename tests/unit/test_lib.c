/* cmds/lib/lib.h helpers: keyword tables (iproute2's matches() order) and number parsing. */
#include "lib.h"
#include "unit.h"

static int h_address(int c, char **v) { (void)c; (void)v; return 1; }
static int h_addrlabel(int c, char **v) { (void)c; (void)v; return 2; }
static int h_route(int c, char **v) { (void)c; (void)v; return 3; }
static int h_rule(int c, char **v) { (void)c; (void)v; return 4; }
static int h_link(int c, char **v) { (void)c; (void)v; return 5; }
static int h_netns(int c, char **v) { (void)c; (void)v; return 6; }
static int h_neigh(int c, char **v) { (void)c; (void)v; return 7; }
static int h_save(int c, char **v) { (void)c; (void)v; return 8; }
static int h_show(int c, char **v) { (void)c; (void)v; return 9; }
static int h_flush(int c, char **v) { (void)c; (void)v; return 10; }

/* minlen 0 and 1 behave alike: the empty word never matches. */
static const struct kw tab[] = {
	{ "address", 0, h_address },
	{ "addrlabel", 1, h_addrlabel },
	{ "route", 1, h_route },
	{ "rule", 1, h_rule },
	{ "link", 1, h_link },
	{ "netns", 1, h_netns },
	{ "neighbor", 1, h_neigh },
	{ "save", 2, h_save },       /* "s" alone must skip this one ... */
	{ "show", 1, h_show },       /* ... and land here */
	{ "flush", 5, h_flush },     /* only the full word */
	{ NULL, 0, NULL },
};

struct kw_row {
	const char *word;
	const char *want;     /* NULL: no match */
};
static const struct kw_row kw_tab[] = {
	{ "a", "address" },
	{ "addr", "address" },
	{ "address", "address" },
	{ "addrl", "addrlabel" },
	{ "addrlabel", "addrlabel" },
	{ "r", "route" },           /* first in table order wins */
	{ "ro", "route" },
	{ "ru", "rule" },
	{ "n", "netns" },
	{ "ne", "netns" },
	{ "nei", "neighbor" },
	{ "l", "link" },
	{ "s", "show" },            /* "save" needs 2 */
	{ "sa", "save" },
	{ "sh", "show" },
	{ "fl", NULL },             /* "flush" needs 5 */
	{ "flus", NULL },
	{ "flush", "flush" },
	{ "", NULL },               /* empty never matches, even with minlen 0 */
	{ "addresses", NULL },      /* longer than the name */
	{ "linkx", NULL },
	{ "x", NULL },
	{ "Link", NULL },           /* case matters */
	{ "lnk", NULL },
};

static void test_kw_find(void **state)
{
	ROW(struct kw_row);
	const struct kw *k = kw_find(tab, row->word);

	if (!row->want) {
		assert_null(k);
		return;
	}
	assert_non_null(k);
	assert_string_equal(k->name, row->want);
	assert_int_equal(k->fn(0, NULL), (int)(k - tab) + 1);
}

static void test_kw_find_empty_table(void **state)
{
	static const struct kw none[] = { { NULL, 0, NULL } };

	(void)state;
	assert_null(kw_find(none, "a"));
	assert_null(kw_find(none, ""));
}

static void test_kw_is(void **state)
{
	(void)state;
	assert_true(kw_is("li", "link"));
	assert_true(kw_is("link", "link"));
	assert_false(kw_is("links", "link"));
	assert_false(kw_is("lnk", "link"));
	assert_false(kw_is("", "link"));
	assert_false(kw_is("", ""));
	assert_false(kw_is("-", "link"));
	assert_true(kw_is("-n", "-netns"));
}

/* kwt_find: the same matching from one string; two minimum lengths per entry (which 0 or 1), a
 * value, a minimum past the name's length never matches, and an entry with value 0 still ends
 * nothing (only an empty name does). */
static void test_kwt_find(void **state)
{
	static const char t[] = "\x01\x7f\x00" "src\0" "\x02\x01\x05" "save\0" "\x01\x01\x06" "show\0"
				"\x05\x05\x80" "flush\0" "\0\0\0";
	const char *e;

	(void)state;
	assert_true((e = kwt_find(t, 3, 0, "s")) && e[2] == 0);   /* the first match: src, value 0 */
	assert_true((e = kwt_find(t, 3, 1, "s")) && e[2] == 5);   /* src never for which 1 */
	assert_null(kwt_find(t, 3, 1, "src"));
	assert_null(kwt_find(t, 3, 1, "sr"));
	assert_true((e = kwt_find(t, 3, 0, "sa")) && e[2] == 5);   /* save's 2 */
	assert_true((e = kwt_find(t, 3, 0, "sh")) && e[2] == 6);
	assert_true((e = kwt_find(t, 3, 0, "flush")) && (unsigned char)e[2] == 0x80);
	assert_null(kwt_find(t, 3, 0, "flus"));
	assert_null(kwt_find(t, 3, 0, "flushes"));
	assert_null(kwt_find(t, 3, 0, ""));
	assert_null(kwt_find(t, 3, 0, "x"));
	assert_null(kwt_find("\0\0", 2, 0, "a"));
}

/* Word lists: kw_whole and kw_whole_case take whole names only, the one in any case; the first
 * of two equal names wins; kw_nth names an index. */
static void test_kw_whole(void **state)
{
	static const char l[] = "s\0sec\0secs\0ms\0Sec\0";

	(void)state;
	assert_int_equal(kw_whole(l, "sec"), 1);
	assert_int_equal(kw_whole(l, "Sec"), 4);
	assert_int_equal(kw_whole(l, "SEC"), -1);
	assert_int_equal(kw_whole(l, "se"), -1);
	assert_int_equal(kw_whole(l, ""), -1);
	assert_int_equal(kw_whole_case(l, "SEC"), 1);
	assert_int_equal(kw_whole_case(l, "Sec"), 1);
	assert_int_equal(kw_whole_case(l, "MS"), 3);
	assert_int_equal(kw_whole_case(l, "secss"), -1);
	assert_int_equal(kw_whole_case(l, "m"), -1);
	assert_int_equal(kw_whole_case("\0", "a"), -1);
	assert_string_equal(kw_nth(l, 2), "secs");
}

struct num_row {
	const char *s;
	int base;
	int ret;
	long long v;
};

static const struct num_row u32_tab[] = {
	{ "0", 10, 0, 0 },
	{ "7", 10, 0, 7 },
	{ "4294967295", 10, 0, 4294967295LL },
	{ "4294967296", 10, -1, 0 },
	{ "99999999999999999999", 10, -1, 0 },
	{ "-1", 10, -1, 0 },
	{ "-4294967295", 10, -1, 0 },
	{ " -1", 10, -1, 0 },
	{ "", 10, -1, 0 },
	{ " ", 10, -1, 0 },
	{ "12x", 10, -1, 0 },
	{ "x", 10, -1, 0 },
	{ "5 ", 10, -1, 0 },
	{ "0x10", 0, 0, 16 },
	{ "010", 0, 0, 8 },
	{ "0x10", 10, -1, 0 },
	{ "ff", 16, 0, 255 },
	{ "ffffffff", 16, 0, 4294967295LL },
	{ "100000000", 16, -1, 0 },
	{ "fg", 16, -1, 0 },
};

static void test_parse_u32(void **state)
{
	ROW(struct num_row);
	uint32_t v = 12345;

	assert_int_equal(parse_u32(row->s, &v, row->base), row->ret);
	if (row->ret == 0)
		assert_int_equal(v, row->v);
}

static const struct num_row s32_tab[] = {
	{ "0", 10, 0, 0 },
	{ "-5", 10, 0, -5 },
	{ "2147483647", 10, 0, 2147483647LL },
	{ "-2147483648", 10, 0, -2147483648LL },
	{ "2147483648", 10, -1, 0 },
	{ "-2147483649", 10, -1, 0 },
	{ "4294967295", 10, -1, 0 },
	{ "-99999999999999999999", 10, -1, 0 },
	{ "", 10, -1, 0 },
	{ "-", 10, -1, 0 },
	{ "1-", 10, -1, 0 },
	{ "3.5", 10, -1, 0 },
	{ "-0x10", 0, 0, -16 },
	{ "7fffffff", 16, 0, 2147483647LL },
	{ "80000000", 16, -1, 0 },
};

static void test_parse_s32(void **state)
{
	ROW(struct num_row);
	int32_t v = 12345;

	assert_int_equal(parse_s32(row->s, &v, row->base), row->ret);
	if (row->ret == 0)
		assert_int_equal(v, row->v);
}

/* iproute2's get_u64 is strtoull: "-N" wraps to 2^64 - N, the whole 64 bits are taken. */
struct ull_row { const char *s; int base, ret; uint64_t v; };
static const struct ull_row ull_tab[] = {
	{ "0", 0, 0, 0 },
	{ "-0", 0, 0, 0 },
	{ "-1", 0, 0, UINT64_MAX },
	{ "-100", 10, 0, UINT64_MAX - 99 },
	{ "18446744073709551615", 0, 0, UINT64_MAX },
	{ "18446744073709551616", 0, -1, 0 },
	{ "-18446744073709551615", 0, 0, 1 },
	{ "9223372036854775808", 10, 0, 9223372036854775808ULL },
	{ "0xffffffffffffffff", 0, 0, UINT64_MAX },
	{ " 12", 0, 0, 12 },
	{ "", 0, -1, 0 },
	{ "-", 0, -1, 0 },
	{ "12 ", 0, -1, 0 },
	{ "0x", 0, -1, 0 },
};

static void test_parse_ull(void **state)
{
	ROW(struct ull_row);
	uint64_t v = 12345;

	assert_int_equal(parse_ull(row->s, &v, row->base), row->ret);
	if (row->ret == 0)
		assert_true(v == row->v);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_kw_find, kw_tab);
	ADD(&s, test_kw_find_empty_table);
	ADD(&s, test_kw_is);
	ADD(&s, test_kwt_find);
	ADD(&s, test_kw_whole);
	ADD_ROWS(&s, test_parse_u32, u32_tab);
	ADD_ROWS(&s, test_parse_s32, s32_tab);
	ADD_ROWS(&s, test_parse_ull, ull_tab);
	return suite_run(&s, "lib");
}
