/* The part of cmocka's API that tests/unit uses, for the unit tier of cross builds: Debian has
 * no static libcmocka for musl targets. Same names and the same summary lines as cmocka 1.1
 * (tests/unit/run.sh reads them); no mocks, no allocation checks. tests/cross/cmocka.c. */
#ifndef NSBOX_CROSS_CMOCKA_H
#define NSBOX_CROSS_CMOCKA_H

#include <stddef.h>
#include <stdint.h>

typedef void (*CMUnitTestFunction)(void **state);
typedef int (*CMFixtureFunction)(void **state);

struct CMUnitTest {
	const char *name;
	CMUnitTestFunction test_func;
	CMFixtureFunction setup_func;
	CMFixtureFunction teardown_func;
	void *initial_state;
};

#define cmocka_unit_test(f) { #f, f, NULL, NULL, NULL }
#define cmocka_unit_test_setup_teardown(f, setup, teardown) { #f, f, setup, teardown, NULL }
#define cmocka_run_group_tests(tests, setup, teardown) \
	_cmocka_run_group_tests(#tests, tests, sizeof(tests) / sizeof((tests)[0]), setup, teardown)

int _cmocka_run_group_tests(const char *group, const struct CMUnitTest *tests, size_t n,
			    CMFixtureFunction setup, CMFixtureFunction teardown);

void print_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void print_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void _cm_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
_Noreturn void _cm_skip(const char *file, int line);
void _cm_int(uintmax_t a, uintmax_t b, int equal, const char *file, int line);
void _cm_str(const char *a, const char *b, int equal, const char *file, int line);
void _cm_mem(const void *a, const void *b, size_t n, const char *file, int line);
/* Not cmocka's: part of this test cannot be done here (why, printed once); if the rest passes,
 * the test counts as skipped. */
void _cm_partial(const char *why);

#define fail() _cm_fail(__FILE__, __LINE__, "Failure!")
#define fail_msg(...) _cm_fail(__FILE__, __LINE__, __VA_ARGS__)
#define skip() _cm_skip(__FILE__, __LINE__)
#define assert_true(c) ((c) ? (void)0 : _cm_fail(__FILE__, __LINE__, "%s", #c))
#define assert_false(c) (!(c) ? (void)0 : _cm_fail(__FILE__, __LINE__, "%s", #c))
#define assert_null(p) ((p) == NULL ? (void)0 : _cm_fail(__FILE__, __LINE__, "%s is not NULL", #p))
#define assert_non_null(p) ((p) != NULL ? (void)0 : _cm_fail(__FILE__, __LINE__, "%s is NULL", #p))
#define assert_int_equal(a, b) _cm_int((uintmax_t)(a), (uintmax_t)(b), 1, __FILE__, __LINE__)
#define assert_int_not_equal(a, b) _cm_int((uintmax_t)(a), (uintmax_t)(b), 0, __FILE__, __LINE__)
#define assert_ptr_equal(a, b) _cm_int((uintmax_t)(uintptr_t)(const void *)(a), \
				       (uintmax_t)(uintptr_t)(const void *)(b), 1, __FILE__, __LINE__)
#define assert_ptr_not_equal(a, b) _cm_int((uintmax_t)(uintptr_t)(const void *)(a), \
					   (uintmax_t)(uintptr_t)(const void *)(b), 0, __FILE__, __LINE__)
#define assert_string_equal(a, b) _cm_str((a), (b), 1, __FILE__, __LINE__)
#define assert_string_not_equal(a, b) _cm_str((a), (b), 0, __FILE__, __LINE__)
#define assert_memory_equal(a, b, n) _cm_mem((a), (b), (n), __FILE__, __LINE__)

#endif
