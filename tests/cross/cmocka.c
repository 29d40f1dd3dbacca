/* tests/cross/cmocka.h: each test runs under sigsetjmp; a failed assertion, skip() or a crash
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) jumps back and the next test runs. Output as
 * cmocka 1.1 prints it with CMOCKA_MESSAGE_OUTPUT=stdout. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cmocka.h"

enum { T_OK, T_FAIL, T_SKIP };

static sigjmp_buf env;
static volatile sig_atomic_t running;
static pid_t runner;      /* a failure in a forked child ends the child, not the suite's run */
static int partial;

void _cm_partial(const char *why)
{
	static int said;

	if (!said++)
		printf("%s\n", why);
	partial = 1;
}

static void vout(const char *fmt, va_list ap)
{
	vfprintf(stdout, fmt, ap);
	fflush(stdout);
}

void print_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vout(fmt, ap);
	va_end(ap);
}

void print_message(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vout(fmt, ap);
	va_end(ap);
}

void _cm_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("[  ERROR   ] --- ");
	va_start(ap, fmt);
	vout(fmt, ap);
	va_end(ap);
	printf("\n[   LINE   ] --- %s:%d: error: Failure!\n", file, line);
	fflush(stdout);
	if (getpid() != runner)
		_exit(1);
	if (running)
		siglongjmp(env, T_FAIL);
	_Exit(1);
}

void _cm_skip(const char *file, int line)
{
	(void)file, (void)line;
	if (getpid() != runner)
		_exit(1);
	if (running)
		siglongjmp(env, T_SKIP);
	_Exit(1);
}

void _cm_int(uintmax_t a, uintmax_t b, int equal, const char *file, int line)
{
	if ((a == b) == equal)
		return;
	_cm_fail(file, line, "%#jx (%jd) %s %#jx (%jd)", a, (intmax_t)a, equal ? "!=" : "==", b, (intmax_t)b);
}

void _cm_str(const char *a, const char *b, int equal, const char *file, int line)
{
	if (a && b && (strcmp(a, b) == 0) == equal)
		return;
	_cm_fail(file, line, "\"%s\" %s \"%s\"", a ? a : "(null)", equal ? "!=" : "==", b ? b : "(null)");
}

void _cm_mem(const void *a, const void *b, size_t n, const char *file, int line)
{
	const unsigned char *x = a, *y = b;
	size_t i;

	for (i = 0; i < n && x[i] == y[i]; i++)
		;
	if (i == n)
		return;
	_cm_fail(file, line, "%zu bytes differ, the first at offset %zu: 0x%02x != 0x%02x", n, i, x[i], y[i]);
}

static void crashed(int sig)
{
	printf("[  ERROR   ] --- test died of signal %d\n", sig);
	fflush(stdout);
	if (running && getpid() == runner)
		siglongjmp(env, T_FAIL);
	_exit(128 + sig);
}

/* One test with its setup and teardown; T_OK, T_FAIL or T_SKIP. */
static int run_one(const struct CMUnitTest *t, void *gstate)
{
	void *volatile state = t->initial_state ? t->initial_state : gstate;
	volatile int r;

	running = 1;
	partial = 0;
	r = sigsetjmp(env, 1);
	if (r == T_OK) {
		void *s = state;

		if (t->setup_func && t->setup_func(&s)) {
			r = T_FAIL;
		} else {
			state = s;
			t->test_func(&s);
			state = s;
		}
	}
	if (r != T_SKIP && t->teardown_func) {
		void *s = state;

		if (sigsetjmp(env, 1) == T_OK) {
			if (t->teardown_func(&s))
				r = T_FAIL;
		} else {
			r = T_FAIL;
		}
	}
	running = 0;
	return r == T_OK && partial ? T_SKIP : r;
}

int _cmocka_run_group_tests(const char *group, const struct CMUnitTest *tests, size_t n,
			    CMFixtureFunction setup, CMFixtureFunction teardown)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	static int result[4096];
	void *gstate = NULL;
	size_t i, passed = 0, failed = 0, skipped = 0;

	runner = getpid();
	if (n > sizeof(result) / sizeof(result[0]))
		n = sizeof(result) / sizeof(result[0]);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = crashed;
		sa.sa_flags = SA_NODEFER;
		sigaction(sigs[i], &sa, NULL);
	}
	printf("[==========] %s: Running %zu test(s).\n", group, n);
	if (setup && setup(&gstate)) {
		printf("[  ERROR   ] %s: group setup failed\n", group);
		return -1;
	}
	for (i = 0; i < n; i++) {
		const struct CMUnitTest *t = &tests[i];
		int r;

		printf("[ RUN      ] %s\n", t->name);
		fflush(stdout);
		r = run_one(t, gstate);
		result[i] = r;
		printf("%s %s\n", r == T_OK ? "[       OK ]" : r == T_SKIP ? "[  SKIPPED ]" : "[  FAILED  ]", t->name);
		fflush(stdout);
		passed += r == T_OK;
		failed += r == T_FAIL;
		skipped += r == T_SKIP;
	}
	if (teardown)
		teardown(&gstate);
	printf("[==========] %s: %zu test(s) run.\n", group, n);
	printf("[  PASSED  ] %zu test(s).\n", passed);
	if (skipped) {
		printf("[  SKIPPED ] %zu test(s), listed below:\n", skipped);
		for (i = 0; i < n; i++)
			if (result[i] == T_SKIP)
				printf("[  SKIPPED ] %s\n", tests[i].name);
	}
	if (failed) {
		printf("[  FAILED  ] %zu test(s), listed below:\n", failed);
		for (i = 0; i < n; i++)
			if (result[i] == T_FAIL)
				printf("[  FAILED  ] %s\n", tests[i].name);
		printf("\n %zu FAILED TEST(S)\n", failed);
	}
	fflush(stdout);
	return (int)failed;
}
