/* What unshare and nsenter share with util-linux: its way with getopt_long's errors, its
 * number parsers, and its way of running the program or a shell. */
#ifndef NSBOX_ULOPT_H
#define NSBOX_ULOPT_H

#include <stdint.h>

/* gopt_next (gnuopt.h), its shorts starting with '+' as util-linux's do; after glibc's message
 * for an unknown option or a missing argument, util-linux's "Try '... --help'" and exit 1. */
struct gopt;
int lopt_next(int argc, char **argv, const char *shorts, const struct gopt *longs);

/* "applet: message[: strerror(err)]" (err 0: none) and exit 1: util-linux's err and errx. */
_Noreturn void ul_fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* strtoumax/strtoimax of the whole string, base 10, or "<what>: '<s>'[: error]" and exit 1. */
uint64_t ul_u64(const char *s, const char *what);
int64_t ul_s64(const char *s, const char *what);

/* A usage text on stdout: a tab that starts a line is one; another is spaces up to column col,
 * where util-linux (and kmod) align the options' descriptions. */
void ul_usage(const char *text, int col);

/* execvp(argv[0], argv), or $SHELL (/bin/sh) as a login shell when argv[0] is NULL; on failure
 * "failed to execute X: error" and exit 127 (not found) or 126. */
_Noreturn void ul_exec(char **argv);

/* The namespaces in util-linux's order, which is the order of binding and of entering (the
 * user namespace first): option letter, CLONE_NEW* and name under /proc/PID/ns. */
struct ul_ns {
	char opt;
	int type;
	const char *name;
};
#define UL_NNS 8
extern const struct ul_ns ul_ns[UL_NNS];

#endif
