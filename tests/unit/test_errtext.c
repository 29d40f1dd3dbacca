/* errtext() words every errno as glibc's strerror does (these tests run on glibc). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "lib.h"

static void test_all_errnos(void **state)
{
	(void)state;
#ifndef __GLIBC__
	print_message("test_all_errnos: skipped: the oracle is glibc's strerror, not this libc's\n");
	skip();
#endif
	for (int e = 0; e < 200; e++)
		assert_string_equal(errtext(e), strerror(e));
}

static void test_negative(void **state)
{
	(void)state;
	assert_string_equal(errtext(-16), "Device or resource busy");
	assert_string_equal(errtext(-99), "Cannot assign requested address");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_errnos),
		cmocka_unit_test(test_negative),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
