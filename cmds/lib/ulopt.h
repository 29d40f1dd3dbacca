/* What unshare and nsenter share with util-linux: getopt_long as glibc's behaves (its messages
 * included, then util-linux's "Try '... --help'" and exit 1), util-linux's number parsers, and
 * its way of running the program or a shell. */
#ifndef NSBOX_ULOPT_H
#define NSBOX_ULOPT_H

#include <stdint.h>

/* The next option (its letter, or the value of a long one; opt_arg is set or NULL), -1 at the
 * first operand or after "--" (opt_ind is the operand's index). The short options as getopt's
 * string ("x:" an argument, "x::" an optional attached one); parsing stops at the first operand,
 * as with a leading '+'. The long ones as one string of entries "<value><kind><name>\0", kind
 * '-' without argument, ':' with one, '?' with an optional one (only after '='), ended by an
 * empty entry, in the tool's order (an ambiguous prefix lists them in it). An unknown option
 * or a missing argument does not return. */
int lopt_next(int argc, char **argv, const char *shorts, const char *longs);
/* opt_ind starts at 1; setting it to 0 starts a new parse (as glibc's optind = 0). */
extern int opt_ind;
extern char *opt_arg;

/* "applet: message[: strerror(err)]" (err 0: none) and exit 1: util-linux's err and errx. */
_Noreturn void ul_fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* strtoumax/strtoimax of the whole string, base 10, or "<what>: '<s>'[: error]" and exit 1. */
uint64_t ul_u64(const char *s, const char *what);
int64_t ul_s64(const char *s, const char *what);

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
