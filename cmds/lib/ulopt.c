#include <errno.h>
#include <stdarg.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib.h"
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

int opt_ind = 1;
char *opt_arg;
static int pos; /* the next letter in a cluster of short options, 0 between words */

void ul_fail(int err, const char *fmt, ...)
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

/* glibc prints argv[0] as given, util-linux's hint the short name. */
static _Noreturn void bad(char **argv, const char *fmt, const char *what)
{
	sfmt(ERR, "%s: ", argv[0]);
	sfmt(ERR, fmt, what);
	die(1, "\nTry '%s --help' for more information.\n", applet_name);
}

#define NEXT(l) ((l) + strlen(l) + 1)

static int long_opt(int argc, char **argv, const char *longs, char *a)
{
	const char *l, *hit = NULL;
	char *eq = strchr(a, '=');
	size_t n = eq ? (size_t)(eq - a) : strlen(a);
	int nhit = 0;

	for (l = longs; *l; l = NEXT(l)) {
		if (strncmp(l + 2, a, n))
			continue;
		if (!l[2 + n]) {
			hit = l, nhit = 1;
			break;
		}
		if (!nhit++)
			hit = l;
	}
	if (!nhit)
		bad(argv, "unrecognized option '--%s'", a);
	if (nhit > 1) {
		sfmt(ERR, "%s: option '--%s' is ambiguous; possibilities:", argv[0], a);
		for (l = longs; *l; l = NEXT(l))
			if (!strncmp(l + 2, a, n))
				sfmt(ERR, " '--%s'", l + 2);
		die(1, "\nTry '%s --help' for more information.\n", applet_name);
	}
	if (eq) {
		if (hit[1] == '-')
			bad(argv, "option '--%s' doesn't allow an argument", hit + 2);
		opt_arg = eq + 1;
	} else if (hit[1] == ':') {
		if (opt_ind >= argc)
			bad(argv, "option '--%s' requires an argument", hit + 2);
		opt_arg = argv[opt_ind++];
	}
	return hit[0];
}

int lopt_next(int argc, char **argv, const char *shorts, const char *longs)
{
	char *a, c[2] = "", *o;

	opt_arg = NULL;
	if (opt_ind == 0)
		opt_ind = 1, pos = 0;
	if (!pos) {
		if (opt_ind >= argc || (a = argv[opt_ind])[0] != '-' || !a[1])
			return -1;
		if (a[1] == '-') {
			opt_ind++;
			return a[2] ? long_opt(argc, argv, longs, a + 2) : -1;
		}
		pos = 1;
	}
	a = argv[opt_ind];
	c[0] = a[pos++];
	o = c[0] == ':' ? NULL : strchr(shorts, c[0]);
	if (!o)
		bad(argv, "invalid option -- '%s'", c);
	if (o[1] == ':') {
		if (a[pos])
			opt_arg = a + pos;
		else if (o[2] != ':') {
			if (opt_ind + 1 >= argc)
				bad(argv, "option requires an argument -- '%s'", c);
			opt_arg = argv[++opt_ind];
		}
		pos = 0;
	} else if (!a[pos])
		pos = 0;
	if (!pos)
		opt_ind++;
	return c[0];
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
		execvp(argv[0], argv);
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
