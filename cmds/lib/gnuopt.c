#include <string.h>
#include "gnuopt.h"
#include "out.h"

int gopt_ind = 1;
char *gopt_arg;
static int nskip, cpos;   /* operands parked at gopt_ind; place in a cluster of letters */

/* Move argv[from] to argv[to] (to <= from), shifting what lies between up by one. */
static void rot(char **argv, int from, int to)
{
	char *t = argv[from];

	memmove(argv + to + 1, argv + to, (size_t)(from - to) * sizeof(*argv));
	argv[to] = t;
}

/* The argument in the element after the option at gopt_ind, which lies behind the parked
 * operands; NULL when there is none. gopt_ind moves past both. */
static char *next_elem(int argc, char **argv)
{
	int e = gopt_ind + 1 + nskip;

	if (e >= argc) {
		gopt_ind++;
		return NULL;
	}
	rot(argv, e, gopt_ind + 1);
	gopt_ind += 2;
	return argv[gopt_ind - 1];
}

int gopt_long(int argc, char **argv, const struct gopt *longs)
{
	char *s = argv[gopt_ind] + 2, *eq = strchr(s, '=');
	size_t n = eq ? (size_t)(eq - s) : strlen(s);
	const struct gopt *l, *hit = NULL;
	int ambig = 0;

	for (l = longs; l->name; l++) {
		if (strncmp(l->name, s, n))
			continue;
		if (!l->name[n]) {
			hit = l, ambig = 0;
			break;
		}
		if (hit && (hit->arg != l->arg || hit->val != l->val))
			ambig = 1;
		else if (!hit)
			hit = l;
	}
	if (ambig) {
		sfmt(ERR, "%s: option '--%s' is ambiguous; possibilities:", argv[0], s);
		for (l = longs; l->name; l++)
			if (!strncmp(l->name, s, n))
				sfmt(ERR, " '--%s'", l->name);
		sputs(ERR, "\n");
		gopt_ind++;
		return '?';
	}
	if (!hit) {
		sfmt(ERR, "%s: unrecognized option '%s'\n", argv[0], argv[gopt_ind]);
		gopt_ind++;
		return '?';
	}
	if (eq && !hit->arg) {
		sfmt(ERR, "%s: option '--%s' doesn't allow an argument\n", argv[0], hit->name);
		gopt_ind++;
		return '?';
	}
	if (hit->arg != 1 || eq)
		gopt_arg = eq ? eq + 1 : NULL, gopt_ind++;
	else if (!(gopt_arg = next_elem(argc, argv))) {
		sfmt(ERR, "%s: option '--%s' requires an argument\n", argv[0], hit->name);
		return '?';
	}
	return hit->val;
}

int gopt_step(int argc, char **argv, const char *shorts, const struct gopt *longs,
	      int (*do_long)(int argc, char **argv, const struct gopt *longs))
{
	int posix = *shorts == '+', c;
	const char *o;
	char *s;

	shorts += posix;
	gopt_arg = NULL;
	if (gopt_ind == 0)
		gopt_ind = 1, nskip = cpos = 0;
	if (!cpos) {
		int e = gopt_ind + nskip;

		while (e < argc && (argv[e][0] != '-' || !argv[e][1])) {
			if (posix)
				return -1;
			e++, nskip++;
		}
		if (e >= argc)
			return -1;
		rot(argv, e, gopt_ind);
		if (!strcmp(argv[gopt_ind], "--")) {
			gopt_ind++;
			return -1;
		}
		if (argv[gopt_ind][1] == '-' && do_long)
			return do_long(argc, argv, longs);
		cpos = 1;
	}
	s = argv[gopt_ind];
	c = (unsigned char)s[cpos++];
	s += cpos;
	o = c == ':' ? NULL : strchr(shorts, c);
	if (o && o[1] == ':') {
		cpos = 0;
		if (*s || o[2] == ':')
			gopt_arg = *s ? s : NULL, gopt_ind++;
		else if (!(gopt_arg = next_elem(argc, argv))) {
			sfmt(ERR, "%s: option requires an argument -- '%c'\n", argv[0], c);
			return '?';
		}
		return c;
	}
	if (!*s)
		cpos = 0, gopt_ind++;
	if (o)
		return c;
	sfmt(ERR, "%s: invalid option -- '%c'\n", argv[0], c);
	return '?';
}
