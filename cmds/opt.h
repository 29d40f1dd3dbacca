/* getopt(3) as musl's behaves, messages included, without its stdio. */
#ifndef NSBOX_OPT_H
#define NSBOX_OPT_H

extern int opt_ind;
extern char *opt_arg;

/* The next option letter, -1 at the first operand or after "--", '?' (message printed) for
 * an unknown letter or a missing argument. A leading '+' in opts is accepted and ignored. */
int opt_next(int argc, char **argv, const char *opts);

#endif
