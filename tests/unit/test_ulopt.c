/* cmds/lib/ulopt.c: gnuopt's getopt_long with a leading '+' (util-linux's hint after an
 * error) and util-linux's number parsers, as unshare and nsenter use them. Errors exit: they run in a child whose
 * stderr and exit code are compared. */
#include <sys/wait.h>
#include "lib.h"
#include "out.h"
#include "gnuopt.h"
#include "ulopt.h"
#include "unit.h"

static const char shorts[] = "+ab:c::W:";
static const struct gopt longs[] = {
	{ "all", 0, 'a' }, { "bee", 1, 'b' }, { "cee", 2, 'c' }, { "map-user", 0, '1' }, { "map-users", 1, '2' },
	{ "mount", 0, '3' }, { "mount-proc", 2, '4' }, { "wdns", 2, 'W' }, { NULL, 0, 0 }
};

/* Parses argv (NULL-ended) and writes "letter[=arg] ..." and "| operands" into out. */
static void parse(char **argv, char *out, size_t len)
{
	int argc = 0, c;
	size_t n = 0;

	while (argv[argc])
		argc++;
	gopt_ind = 1;
	out[0] = 0;
	while ((c = lopt_next(argc, argv, shorts, longs)) != -1)
		n += bfmt(out + n, len - n, "%c%s%s ", c, gopt_arg ? "=" : "", gopt_arg ? gopt_arg : "");
	bfmt(out + n, len - n, "|");
	for (n = strlen(out); gopt_ind < argc; gopt_ind++)
		n += bfmt(out + n, len - n, " %s", argv[gopt_ind]);
}

#define ARGV(...) ((char *[]){ "prog", __VA_ARGS__, NULL })

static void test_lopt_ok(void **state)
{
	char out[256];
	(void)state;

	parse(ARGV("-a", "-bx", "-b", "y", "-c", "-cz", "rest", "-a"), out, sizeof(out));
	assert_string_equal(out, "a b=x b=y c c=z | rest -a");
	parse(ARGV("-acq", "-abW", "x"), out, sizeof(out));  /* a cluster; "c::" takes what is left */
	assert_string_equal(out, "a c=q a b=W | x");
	parse(ARGV("--all", "--bee=1", "--bee", "2", "--cee", "x"), out, sizeof(out));
	assert_string_equal(out, "a b=1 b=2 c | x");      /* optional long: only after '=' */
	parse(ARGV("--cee=", "--al", "--map-user", "--map-users=u", "--mount", "--mount-p=/p"), out, sizeof(out));
	assert_string_equal(out, "c= a 1 2=u 3 4=/p |");   /* exact beats prefix; unique prefix */
	parse(ARGV("--wdns", "-W", "/d", "--", "-a"), out, sizeof(out));
	assert_string_equal(out, "W W=/d | -a");
	parse(ARGV("-", "-a"), out, sizeof(out));
	assert_string_equal(out, "| - -a");
	parse(ARGV("-a"), out, sizeof(out));
	assert_string_equal(out, "a |");
}

/* Runs parse in a child: its stderr and exit code. */
static int parse_err(char **argv, char *err, size_t len)
{
	int p[2], st;
	ssize_t n, got = 0;
	pid_t pid;

	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		char out[256];

		dup2(p[1], 2);
		applet_name = "prog";
		parse(argv, out, sizeof(out));
		_exit(99);
	}
	close(p[1]);
	while ((n = read(p[0], err + got, len - 1 - got)) > 0)
		got += n;
	err[got] = 0;
	close(p[0]);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_lopt_errors(void **state)
{
	const struct {
		char **argv;
		const char *msg;
	} rows[] = {
		{ ARGV("-z"), "prog: invalid option -- 'z'\n" },
		{ ARGV("-az"), "prog: invalid option -- 'z'\n" },
		{ ARGV("-:"), "prog: invalid option -- ':'\n" },
		{ ARGV("-b"), "prog: option requires an argument -- 'b'\n" },
		{ ARGV("--nope=1"), "prog: unrecognized option '--nope=1'\n" },
		{ ARGV("--all=1"), "prog: option '--all' doesn't allow an argument\n" },
		{ ARGV("--bee"), "prog: option '--bee' requires an argument\n" },
		{ ARGV("--map"), "prog: option '--map' is ambiguous; possibilities: '--map-user' '--map-users'\n" },
		{ ARGV("--m=1"), "prog: option '--m=1' is ambiguous; possibilities: '--map-user' "
		                 "'--map-users' '--mount' '--mount-proc'\n" },
	};
	char err[512], want[512];
	(void)state;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		assert_int_equal(parse_err(rows[i].argv, err, sizeof(err)), 1);
		snprintf(want, sizeof(want), "%sTry 'prog --help' for more information.\n", rows[i].msg);
		assert_string_equal(err, want);
	}
}

static void test_numbers(void **state)
{
	(void)state;
	assert_int_equal(ul_u64("0", "x"), 0);
	assert_int_equal(ul_u64(" +42", "x"), 42);
	assert_int_equal(ul_u64("010", "x"), 10);                  /* base 10: no octal */
	assert_true(ul_u64("-1", "x") == UINT64_MAX);              /* strtoumax wraps */
	assert_true(ul_u64("18446744073709551615", "x") == UINT64_MAX);
	assert_true(ul_u64("99999999999", "x") == 99999999999ULL);
	assert_true(ul_s64("-5", "x") == -5);
	assert_true(ul_s64("9223372036854775807", "x") == INT64_MAX);
	assert_true(ul_s64("-9223372036854775808", "x") == INT64_MIN);
}

static int num_err(const char *s, int sign, char *err, size_t len)
{
	int p[2], st;
	ssize_t n, got = 0;
	pid_t pid;

	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		dup2(p[1], 2);
		applet_name = "prog";
		if (sign)
			ul_s64(s, "failed to parse offset");
		else
			ul_u64(s, "failed to parse uid");
		_exit(99);
	}
	close(p[1]);
	while ((n = read(p[0], err + got, len - 1 - got)) > 0)
		got += n;
	err[got] = 0;
	close(p[0]);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_number_errors(void **state)
{
	char err[256];
	(void)state;

	assert_int_equal(num_err("", 0, err, sizeof(err)), 1);
	assert_string_equal(err, "prog: failed to parse uid: ''\n");
	assert_int_equal(num_err("0x10", 0, err, sizeof(err)), 1);
	assert_string_equal(err, "prog: failed to parse uid: '0x10'\n");
	assert_int_equal(num_err("5 ", 0, err, sizeof(err)), 1);
	assert_string_equal(err, "prog: failed to parse uid: '5 '\n");
	assert_int_equal(num_err("18446744073709551616", 0, err, sizeof(err)), 1);
	assert_string_equal(err, "prog: failed to parse uid: '18446744073709551616': Numerical result out of range\n");
	assert_int_equal(num_err("99999999999999999999x", 0, err, sizeof(err)), 1);
	assert_string_equal(err, "prog: failed to parse uid: '99999999999999999999x': Numerical result out of range\n");
	assert_int_equal(num_err("9223372036854775808", 1, err, sizeof(err)), 1);
	assert_string_equal(err, "prog: failed to parse offset: '9223372036854775808': Numerical result out of range\n");
	assert_int_equal(num_err("1e3", 1, err, sizeof(err)), 1);
	assert_string_equal(err, "prog: failed to parse offset: '1e3'\n");
}

/* gopt_ind = 0 starts over, also after a parse that stopped in the middle of a cluster. */
static void test_lopt_restart(void **state)
{
	char *a1[] = { "prog", "-ab", "x", NULL }, *a2[] = { "prog", "-c", "y", NULL };
	(void)state;

	gopt_ind = 1;
	assert_int_equal(lopt_next(3, a1, shorts, longs), 'a');
	gopt_ind = 0;
	assert_int_equal(lopt_next(3, a2, shorts, longs), 'c');
	assert_null(gopt_arg);
	assert_int_equal(gopt_ind, 2);
	assert_int_equal(lopt_next(3, a2, shorts, longs), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lopt_ok),
		cmocka_unit_test(test_lopt_errors),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_number_errors),
		cmocka_unit_test(test_lopt_restart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
