/* bridge: iproute2 6.1's bridge (link, fdb, vlan, mdb, monitor) over rtnetlink. Global options
 * and the object table here; the objects in cmds/bridge/, what they share in br_core.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lib.h"
#include "out.h"
#include "br.h"
#include "ip_print.h"

APPLET(bridge, bridge_main);

static const char br_main_usage[] =
	"Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
	NSBOX_USAGE_MORE("\207bridge [ -force ] -batch filename\n"
	"where\202OBJECT := { link | fdb | mdb | vlan | monitor }\n"
	"\207OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
	"\224-o[neline] | -t[imestamp] | -n[etns] name |\n"
	"\224-c[ompressvlans] -color -p[retty] -j[son] }\n");


static int do_help(int argc, char **argv)
{
	(void)argc, (void)argv;
	br_usage(br_main_usage);
}

static int not_here(int argc, char **argv)
{
	(void)argc, (void)argv;
	errf("bridge: object \"vni\" is not implemented in nsbox\n");
	return 1;
}

/* iproute2's order: a prefix names the first object it matches. */
static const struct kw objects[] = {
	{ "link", 1, br_do_link }, { "fdb", 1, br_do_fdb }, { "mdb", 1, br_do_mdb },
	{ "vlan", 1, br_do_vlan }, { "vni", 1, not_here }, { "monitor", 1, br_do_monitor },
	{ "help", 1, do_help }, { NULL, 0, NULL }
};

static int run_object(int argc, char **argv)
{
	const struct kw *o = kw_find(objects, argv[0]);

	if (!o) {
		errf("Object \"%s\" is unknown, try \"bridge help\".\n", argv[0]);
		return 255;
	}
	return o->fn(argc - 1, argv + 1);
}

static int set_family(const char *name)
{
	if (!strcmp(name, "inet"))
		return ipo.family = AF_INET, 0;
	if (!strcmp(name, "inet6"))
		return ipo.family = AF_INET6, 0;
	if (!strcmp(name, "help"))
		br_usage(br_main_usage);
	ip_invarg("invalid protocol family", name);
}

/* -c, -co, -col... are iproute2's -color (it is tried before -compressvlans), with =always
 * (or nothing), =auto, =never: 2, 1, 0; -1 for another word. */
static int color_opt(const char *opt)
{
	const char *eq = strchr(opt, '=');
	size_t n = eq ? (size_t)(eq - opt) : strlen(opt);

	if (n < 2 || n > 6 || strncmp(opt, "-color", n))
		return -1;
	if (!eq || !eq[1] || !strcmp(eq + 1, "always"))
		return 2;
	return !strcmp(eq + 1, "auto") ? 1 : !strcmp(eq + 1, "never") ? 0 : -1;
}

/* iproute2's palette: a dark background when COLORFGBG's last field is 0-6 or 8. */
static int dark_background(void)
{
	const char *p = getenv("COLORFGBG");

	p = p ? strrchr(p, ';') : NULL;
	return p && ((p[1] >= '0' && p[1] <= '6') || p[1] == '8') && !p[2];
}

/* The global options in iproute2's order of checks, which decides what a prefix names
 * (-f is -family, -c is -color); a counter's entry has its int. */
enum { G_HELP, G_VERSION, G_COUNT, G_FAMILY, G_INET, G_INET6, G_NETNS, G_COLOR, G_BATCH };
static const struct {
	const char *name;
	unsigned char minlen, kind;
	int *count;
} gopts[] = {
	{ "-help", 1, G_HELP, NULL }, { "-Version", 1, G_VERSION, NULL }, { "-stats", 1, G_COUNT, &ipo.stats },
	{ "-statistics", 1, G_COUNT, &ipo.stats }, { "-details", 1, G_COUNT, &ipo.details },
	{ "-oneline", 1, G_COUNT, &ipo.oneline }, { "-timestamp", 1, G_COUNT, &br_timestamp },
	{ "-family", 1, G_FAMILY, NULL }, { "-4", 2, G_INET, NULL }, { "-6", 2, G_INET6, NULL },
	{ "-netns", 1, G_NETNS, NULL }, { "-color", 0, G_COLOR, NULL },
	{ "-compressvlans", 1, G_COUNT, &br_compress }, { "-force", 1, G_COUNT, &ipo.force },
	{ "-json", 1, G_COUNT, &ipo.json }, { "-pretty", 1, G_COUNT, &ipo.pretty },
	{ "-batch", 1, G_BATCH, NULL }, { NULL, 0, 0, NULL }
};

/* One global option (with its value, when it takes one); 1 when bridge is to exit 0 (-V). */
static int global_opt(const char *opt, int *argc, char ***argv, int *color)
{
	size_t i, n = strlen(opt);
	int k;

	for (i = 0; gopts[i].name; i++)
		if (gopts[i].kind == G_COLOR ? color_opt(opt) >= 0
		    : n >= gopts[i].minlen && !strncmp(opt, gopts[i].name, n))
			break;
	k = gopts[i].name ? gopts[i].kind : -1;
	if (k == G_FAMILY || k == G_NETNS || k == G_BATCH) {
		--*argc, ++*argv;
		if (*argc <= 1 && k == G_NETNS)  /* iproute2 hands its NULL on */
			die(255, "Cannot open network namespace \"(null)\": No such file or directory\n");
		if (*argc <= 1)
			br_usage(br_main_usage);
	}
	switch (k) {
	case G_HELP: br_usage(br_main_usage);
	case G_VERSION: outs("bridge utility, 6.1.0\n"); return 1;
	case G_COUNT: ++*gopts[i].count; break;
	case G_FAMILY: set_family((*argv)[1]); break;
	case G_INET: ipo.family = AF_INET; break;
	case G_INET6: ipo.family = AF_INET6; break;
	case G_NETNS:
		if (netns_switch((*argv)[1], 1))
			out_exit(255);
		break;
	case G_COLOR: *color = color_opt(opt); break;
	case G_BATCH: ipo.batch = (*argv)[1]; break;
	default: die(255, "Option \"%s\" is unknown, try \"bridge help\".\n", opt);
	}
	return 0;
}

int bridge_main(int argc, char **argv)
{
	int color = 0;

	ipo.family = AF_UNSPEC;
	while (argc > 1) {
		const char *opt = argv[1];

		if (!strcmp(opt, "--")) {
			argc--, argv++;
			break;
		}
		if (opt[0] != '-')
			break;
		if (opt[1] == '-')
			opt++;
		if (global_opt(opt, &argc, &argv, &color))
			return 0;
		argc--, argv++;
	}
	if (!IPO_JSON && (color == 2 || (color == 1 && isatty(1))))
		br_color = 1 + dark_background();
	ip_check_features();
	if (NSBOX_FEATURE_IP_BATCH && ipo.batch)
		return ip_batch(ipo.batch, run_object);
	if (argc > 1)
		return run_object(argc - 1, argv + 1);
	br_usage(br_main_usage);
}
