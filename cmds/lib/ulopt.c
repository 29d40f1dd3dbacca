#include <errno.h>
#include <stdarg.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib.h"
#include "gnuopt.h"
#include "out.h"
#include "ulopt.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif

const struct ul_ns ul_ns[UL_NNS] = {
	{ 'U', CLONE_NEWUSER, "user" }, { 'C', CLONE_NEWCGROUP, "cgroup" }, { 'i', CLONE_NEWIPC, "ipc" },
	{ 'u', CLONE_NEWUTS, "uts" }, { 'n', CLONE_NEWNET, "net" }, { 'p', CLONE_NEWPID, "pid" },
	{ 'm', CLONE_NEWNS, "mnt" }, { 'T', CLONE_NEWTIME, "time" },
};


OUT_VA void ul_fail(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sfmt(ERR, "%s: ", applet_name);
	vsfmt(ERR, fmt, ap);
	va_end(ap);
	if (err)
		sfmt(ERR, ": %s", errtext(err));
	sputc(ERR, '\n');
	out_exit(1);
}

int lopt_next(int argc, char **argv, const char *shorts, const struct gopt *longs)
{
	int c = gopt_next(argc, argv, shorts, longs);

	if (c == '?')
		die(1, "Try '%s --help' for more information.\n", applet_name);
	return c;
}

static uint64_t num(const char *s, const char *what, int sign, int64_t *sv)
{
	const char *p = s;
	uint64_t n = 0, lim;
	int neg = 0, err = 0, d;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		err = EINVAL;
	for (; *p >= '0' && *p <= '9'; p++) {
		d = *p - '0';
		if (n > (UINT64_MAX - d) / 10)
			err = ERANGE;
		n = n * 10 + d;
	}
	lim = sign ? (uint64_t)INT64_MAX + neg : UINT64_MAX;
	if (!err && n > lim)
		err = ERANGE;
	if (err != ERANGE && *p)
		err = EINVAL;
	if (err)
		ul_fail(err == ERANGE ? err : 0, "%s: '%s'", what, s);
	if (sv)
		*sv = neg ? (int64_t)(0 - n) : (int64_t)n;
	return neg ? 0 - n : n;
}

uint64_t ul_u64(const char *s, const char *what) { return num(s, what, 0, NULL); }
int64_t ul_s64(const char *s, const char *what)
{
	int64_t v;
	num(s, what, 1, &v);
	return v;
}

void ul_exec(char **argv)
{
	const char *sh = getenv("SHELL"), *base;
	char arg0[64], *av[] = { arg0, NULL };

	if (argv[0]) {
		exec_path(argv);
		sh = argv[0];
	} else {
		if (!sh)
			sh = "/bin/sh";
		base = strrchr(sh, '/');
		bfmt(arg0, sizeof(arg0), "-%s", base ? base + 1 : sh);
		execv(sh, av);
	}
	int e = errno;

	msg_err(e, "failed to execute %s", sh);
	out_exit(e == ENOENT ? 127 : 126);
}

void ul_usage(const char *text, int col)
{
	for (int c = 0; *text; text++) {
		int ch = *text;

		do
			outc(ch == '\t' && c ? ' ' : ch), c = ch == '\n' ? 0 : c + 1;
		while (ch == '\t' && c > 1 && c < col);
	}
}
