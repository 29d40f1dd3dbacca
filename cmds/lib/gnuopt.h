/* getopt_long as glibc's behaves, the one option parser of the applets (net-tools, iputils,
 * kmod, bridge-utils, util-linux): options may follow operands (which are moved behind them, in
 * order) unless shorts starts with '+' (then the first operand ends them), "--" ends the
 * options, "x:" takes an argument and "x::" an optional attached one, long names may be cut to
 * a unique prefix, and the messages are glibc's. */
#ifndef NSBOX_GNUOPT_H
#define NSBOX_GNUOPT_H

struct gopt {
	const char *name;
	int arg;      /* 1: takes an argument; 2: an optional one, only after '=' */
	int val;
};

/* The next option (letter, or val of a long one; gopt_arg is its argument), '?' after
 * printing glibc's message, -1 at the end: argv[gopt_ind..] are then the operands. longs ends
 * with a NULL name, or is NULL. gopt_ind = 0 starts over, as glibc's optind = 0. */
extern int gopt_ind;
extern char *gopt_arg;
int gopt_step(int argc, char **argv, const char *shorts, const struct gopt *longs,
	      int (*do_long)(int argc, char **argv, const struct gopt *longs));
int gopt_long(int argc, char **argv, const struct gopt *longs);
/* A caller with longs NULL does not refer to gopt_long: the long-option code and its messages
 * stay out of a build whose applets have none (tinyconfig's ping). */
static inline int gopt_next(int argc, char **argv, const char *shorts, const struct gopt *longs)
{
	return gopt_step(argc, argv, shorts, longs, longs ? gopt_long : 0);
}

#endif
