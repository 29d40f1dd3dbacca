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
	"       bridge [ -force ] -batch filename\n"
	"where  OBJECT := { link | fdb | mdb | vlan | monitor }\n"
	"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
	"                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
	"                    -c[ompressvlans] -color -p[retty] -j[son] }\n";


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
		if (kw_is(opt, "-help")) {
			br_usage(br_main_usage);
		} else if (kw_is(opt, "-Version")) {
			outs("bridge utility, 6.1.0\n");
			return 0;
		} else if (kw_is(opt, "-stats") || kw_is(opt, "-statistics")) {
			ipo.stats++;
		} else if (kw_is(opt, "-details")) {
			ipo.details++;
		} else if (kw_is(opt, "-oneline")) {
			ipo.oneline++;
		} else if (kw_is(opt, "-timestamp")) {
			br_timestamp++;
		} else if (kw_is(opt, "-family")) {
			argc--, argv++;
			if (argc <= 1)
				br_usage(br_main_usage);
			set_family(argv[1]);
		} else if (!strcmp(opt, "-4")) {
			ipo.family = AF_INET;
		} else if (!strcmp(opt, "-6")) {
			ipo.family = AF_INET6;
		} else if (kw_is(opt, "-netns")) {
			argc--, argv++;
			if (argc <= 1)  /* iproute2 hands its NULL on */
				die(255, "Cannot open network namespace \"(null)\": No such file or directory\n");
			if (netns_switch(argv[1], 1))
				return 255;
		} else if (color_opt(opt) >= 0) {
			color = color_opt(opt);
		} else if (kw_is(opt, "-compressvlans")) {
			br_compress++;
		} else if (kw_is(opt, "-force")) {
			ipo.force++;
		} else if (kw_is(opt, "-json")) {
			ipo.json++;
		} else if (kw_is(opt, "-pretty")) {
			ipo.pretty++;
		} else if (kw_is(opt, "-batch")) {
			argc--, argv++;
			if (argc <= 1)
				br_usage(br_main_usage);
			ipo.batch = argv[1];
		} else {
			die(255, "Option \"%s\" is unknown, try \"bridge help\".\n", opt);
		}
		argc--, argv++;
	}
	if (!ipo.json && (color == 2 || (color == 1 && isatty(1))))
		br_color = 1 + dark_background();
	if (!NSBOX_FEATURE_JSON && ipo.json)
		NSBOX_LEFT_OUT("-json", "NSBOX_FEATURE_JSON");
	if (!NSBOX_FEATURE_DETAIL && ipo.details)
		NSBOX_LEFT_OUT("-details", "NSBOX_FEATURE_DETAIL");
	if (!NSBOX_FEATURE_IP_BATCH && ipo.batch)
		NSBOX_LEFT_OUT("-batch", "NSBOX_FEATURE_IP_BATCH");
	if (NSBOX_FEATURE_IP_BATCH && ipo.batch)
		return ip_batch(ipo.batch, run_object);
	if (argc > 1)
		return run_object(argc - 1, argv + 1);
	br_usage(br_main_usage);
}
