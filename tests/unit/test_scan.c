/* cmds/lib/scan.c: str_tol/str_toul against the C library's strtol/strtoul (value, end and
 * ERANGE) over words that reach each branch, and str_in against strstr. */
#include <limits.h>
#include "scan.h"
#define UNIT_WIRE_ORDER
#include "unit.h"

static const char *const words[] = {
	"0", "12", "-12", "+7", " \t\n\v\f-0x1f", "0x", "0xg", "0X1A", "017", "08", "9", "", "  ", "-",
	"+", "x", "18446744073709551615", "18446744073709551616", "-18446744073709551615",
	"-18446744073709551616", "9223372036854775807", "9223372036854775808",
	"-9223372036854775808", "-9223372036854775809", "2147483647", "2147483648", "-2147483648",
	"-2147483649", "4294967295", "4294967296", "ffff", "FFFFF", "1:2", "-0",
	"99999999999999999999999", "0x7fffffffffffffffff", "zz", "12abc", NULL
};
static const int bases[] = { 0, 10, 16, 8, 2, 36 };

static void scan_like_libc(void **state)
{
	(void)state;
	for (int i = 0; words[i]; i++)
		for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
			char *e1, *e2;
			int r1, r2;

			errno = 0;
			long l1 = strtol(words[i], &e1, bases[b]);
			r1 = errno == ERANGE;
			errno = 0;
			long l2 = str_tol(words[i], &e2, bases[b]);
			r2 = errno == ERANGE;
			if (l1 != l2 || e1 != e2 || r1 != r2)
				fail_msg("str_tol(\"%s\", %d): %ld end %d range %d, libc %ld end %d range %d",
					words[i], bases[b], l2, (int)(e2 - words[i]), r2, l1, (int)(e1 - words[i]), r1);
			errno = 0;
			unsigned long u1 = strtoul(words[i], &e1, bases[b]);
			r1 = errno == ERANGE;
			errno = 0;
			unsigned long u2 = str_toul(words[i], &e2, bases[b]);
			r2 = errno == ERANGE;
			if (u1 != u2 || e1 != e2 || r1 != r2)
				fail_msg("str_toul(\"%s\", %d): %lu end %d range %d, libc %lu end %d range %d",
					words[i], bases[b], u2, (int)(e2 - words[i]), r2, u1, (int)(e1 - words[i]), r1);
		}
}

/* Values written out, so that a C library with another reading would show here too. */
static void scan_values(void **state)
{
	char *end;

	(void)state;
	assert_int_equal(str_tol(" -0x1f", &end, 0), -31);
	assert_string_equal(end, "");
	assert_int_equal(str_tol("0xg", &end, 16), 0);
	assert_string_equal(end, "xg");
	assert_int_equal(str_tol("017", NULL, 0), 15);
	assert_int_equal(str_tol("08", &end, 0), 0);
	assert_string_equal(end, "8");
	errno = 0;
	assert_true(str_tol("-99999999999999999999999", NULL, 10) == LONG_MIN && errno == ERANGE);
	errno = 0;
	assert_true(str_toul("99999999999999999999999", NULL, 10) == ULONG_MAX && errno == ERANGE);
	assert_true(str_toul("-1", NULL, 10) == ULONG_MAX);
	assert_int_equal(str_toul("ffff:", &end, 16), 0xffff);
	assert_string_equal(end, ":");
	const char *s = "  -";
	assert_ptr_equal(str_tol(s, &end, 10) == 0 ? end : NULL, s);
}

static void in_like_strstr(void **state)
{
	static const char *const hay[] = { "abc", "", "aab", "abcabd", "iff:\tx\n" };
	static const char *const nee[] = { "", "a", "b", "abd", "c", "abcd", "x", "\tx\n" };

	(void)state;
	for (size_t i = 0; i < sizeof(hay) / sizeof(hay[0]); i++)
		for (size_t j = 0; j < sizeof(nee) / sizeof(nee[0]); j++)
			if (strstr(hay[i], nee[j]) != str_in(hay[i], nee[j]))
				fail_msg("str_in(\"%s\", \"%s\")", hay[i], nee[j]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scan_like_libc),
		cmocka_unit_test(scan_values),
		cmocka_unit_test(in_like_strstr),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
