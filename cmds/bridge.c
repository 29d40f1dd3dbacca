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

NSBOX_USAGE(br_main_usage,
	"Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
	NSBOX_USAGE_MORE("       bridge [ -force ] -batch filename\n"
	"where  OBJECT := { link | fdb | mdb | vlan | monitor }\n"
	"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
	"                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
	"                    -c[ompressvlans] -color -p[retty] -j[son] }\n"));


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
static int (*const objects[])(int argc, char **argv) = {
	br_do_link, br_do_fdb, br_do_mdb, br_do_vlan, not_here, br_do_monitor, do_help
};

static int run_object(int argc, char **argv)
{
	int i = br_match("1link\0" "1fdb\0" "1mdb\0" "1vlan\0" "1vni\0" "1monitor\0" "1help\0", argv[0]);

	if (i < 0) {
		errf("Object \"%s\" is unknown, try \"bridge help\".\n", argv[0]);
		return 255;
	}
	return objects[i](argc - 1, argv + 1);
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
 * (-f is -family, -c is -color: color_opt, tried in its place); the kind of each, with the
 * int a counter counts (counts[kind >> 4]). */
enum { G_HELP, G_VERSION, G_COUNT, G_FAMILY, G_INET, G_INET6, G_NETNS, G_COLOR, G_BATCH };
#define G_COLOR_AT 11
static const char gnames[] = "1-help\0" "1-Version\0" "1-stats\0" "1-statistics\0" "1-details\0" "1-oneline\0"
	"1-timestamp\0" "1-family\0" "2-4\0" "2-6\0" "1-netns\0" "1-color\0" "1-compressvlans\0" "1-force\0"
	"1-json\0" "1-pretty\0" "1-batch\0";
static const unsigned char gkinds[] = {
	G_HELP, G_VERSION, G_COUNT, G_COUNT, G_COUNT | 1 << 4, G_COUNT | 2 << 4, G_COUNT | 3 << 4, G_FAMILY,
	G_INET, G_INET6, G_NETNS, G_COLOR, G_COUNT | 4 << 4, G_COUNT | 5 << 4, G_COUNT | 6 << 4, G_COUNT | 7 << 4,
	G_BATCH
};
static int *const counts[] = {
	&ipo.stats, &ipo.details, &ipo.oneline, &br_timestamp, &br_compress, &ipo.force, &ipo.json, &ipo.pretty
};

/* One global option (with its value, when it takes one); 1 when bridge is to exit 0 (-V). */
static int global_opt(const char *opt, int *argc, char ***argv, int *color)
{
	int i = br_match(gnames, opt), k;

	/* -color's place: before the first match past it */
	if ((i < 0 || i > G_COLOR_AT) && color_opt(opt) >= 0)
		i = G_COLOR_AT;
	k = i < 0 ? -1 : gkinds[i] & 15;
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
	case G_COUNT: ++*counts[gkinds[i] >> 4]; break;
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
