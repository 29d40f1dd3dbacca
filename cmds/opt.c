#include <string.h>
#include "opt.h"
#include "out.h"

int opt_ind = 1;
char *opt_arg;
static int pos;

static int bad(char **argv, const char *why, const char *opt)
{
	sfmt(ERR, "%s: %s: %c\n", argv[0], why, *opt);
	return '?';
}

int opt_next(int argc, char **argv, const char *opts)
{
	const char *o, *at;

	if (opt_ind >= argc || !argv[opt_ind] || argv[opt_ind][0] != '-' || !argv[opt_ind][1])
		return -1;
	if (!pos && !strcmp(argv[opt_ind], "--"))
		return opt_ind++, -1;
	at = argv[opt_ind] + (pos ? pos : 1);
	pos = at - argv[opt_ind] + 1;
	if (!argv[opt_ind][pos])
		opt_ind++, pos = 0;
	if (*opts == '+')
		opts++;
	o = *at == ':' ? NULL : strchr(opts, *at);
	if (!o)
		return bad(argv, "unrecognized option", at);
	if (o[1] == ':') {
		if (opt_ind >= argc)
			return bad(argv, "option requires an argument", at);
		opt_arg = argv[opt_ind++] + pos;
		pos = 0;
	}
	return *at;
}
