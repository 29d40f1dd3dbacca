/* ip: global options and the object table. */

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "lib.h"
#include "ip.h"
#include "out.h"

APPLET(ip, ip_main);

static const char ip_usage[] =
	"Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
	"       ip [ -force ] -batch filename\n"
	"where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n"
	"                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n"
	"                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n"
	"                   ntbl | route | rule | sr | tap | tcpmetrics |\n"
	"                   token | tunnel | tuntap | vrf | xfrm }\n"
	"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
	"                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
	"                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n"
	"                    -4 | -6 | -M | -B | -0 |\n"
	"                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
	"                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
	"                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
	"                    -c[olor]}\n";

static int do_help(int argc, char **argv)
{
	(void)argc, (void)argv;
	sputs(ERR, ip_usage);
	return 255;
}

static int not_here(int argc, char **argv)
{
	(void)argc, (void)argv;
	return -1;
}

/* iproute2's object table order decides which object a prefix names. Objects nsbox does not
 * implement keep their place, so that a prefix still resolves as it does in iproute2. */
static const struct kw objects[] = {
	{ "address", 1, do_addr }, { "addrlabel", 1, not_here }, { "maddress", 1, not_here },
	{ "route", 1, do_route }, { "rule", 1, do_rule }, { "neighbor", 1, do_neigh },
	{ "neighbour", 1, do_neigh }, { "ntable", 1, not_here }, { "ntbl", 1, not_here },
	{ "link", 1, do_link }, { "l2tp", 1, not_here }, { "fou", 1, not_here },
	{ "ila", 1, not_here }, { "macsec", 1, not_here }, { "tunnel", 1, not_here },
	{ "tunl", 1, not_here }, { "tuntap", 1, not_here }, { "tap", 1, not_here },
	{ "token", 1, not_here }, { "tcpmetrics", 1, not_here }, { "tcp_metrics", 1, not_here },
	{ "monitor", 1, do_monitor }, { "xfrm", 1, not_here }, { "mroute", 1, not_here },
	{ "mrule", 1, not_here }, { "netns", 1, do_netns }, { "netconf", 1, not_here },
	{ "vrf", 1, not_here }, { "sr", 1, not_here }, { "nexthop", 1, not_here },
	{ "mptcp", 1, not_here }, { "ioam", 1, not_here }, { "help", 1, do_help },
	{ "stats", 1, not_here }, { NULL, 0, NULL }
};

static int run_object(int argc, char **argv)
{
	const struct kw *o = kw_find(objects, argv[0]);

	if (!o) {
		errf("Object \"%s\" is unknown, try \"ip help\".\n", argv[0]);
		return 1;
	}
	if (o->fn == not_here) {
		errf("ip: object \"%s\" is not implemented in nsbox\n", o->name);
		return 1;
	}
	return o->fn(argc - 1, argv + 1);
}

static int set_family(const char *name)
{
	static const struct { const char *name; int family; } fams[] = {
		{ "inet", AF_INET }, { "inet6", AF_INET6 }, { "link", AF_PACKET },
	};
	for (size_t i = 0; i < sizeof(fams) / sizeof(fams[0]); i++)
		if (!strcmp(name, fams[i].name))
			return ipo.family = fams[i].family, 0;
	die(255, "Error: argument \"%s\" is wrong: invalid protocol family\n", name);
}

int ip_main(int argc, char **argv)
{
	ipo.family = AF_UNSPEC;
	while (argc > 1 && argv[1][0] == '-') {
		char *opt = argv[1];

		if (opt[1] == '-')
			opt++;
		if (kw_is(opt, "-family")) {
			if (argc < 3)
				die(255, "%s", ip_usage);
			set_family(argv[2]);
			argc--, argv++;
		} else if (!strcmp(opt, "-4")) {
			ipo.family = AF_INET;
		} else if (!strcmp(opt, "-6")) {
			ipo.family = AF_INET6;
		} else if (!strcmp(opt, "-0")) {
			ipo.family = AF_PACKET;
		} else if (kw_is(opt, "-human") || kw_is(opt, "-human-readable")) {
			ipo.human++;
		} else if (kw_is(opt, "-iec")) {
			ipo.iec++;
		} else if (kw_is(opt, "-stats") || kw_is(opt, "-statistics")) {
			ipo.stats++;
		} else if (kw_is(opt, "-details")) {
			ipo.details++;
		} else if (kw_is(opt, "-resolve")) {
			ipo.resolve++;
		} else if (kw_is(opt, "-oneline")) {
			ipo.oneline++;
		} else if (kw_is(opt, "-timestamp")) {
			ipo.timestamp = ipo.timestamp == 2 ? 2 : 1;
		} else if (kw_is(opt, "-tshort")) {
			ipo.timestamp = 2;
		} else if (kw_is(opt, "-Version")) {
			outs("ip utility, iproute2-6.1.0, libbpf 1.1.2\n");
			return 0;
		} else if (kw_is(opt, "-force")) {
			ipo.force++;
		} else if (kw_is(opt, "-batch")) {
			if (argc < 3)
				die(255, "%s", ip_usage);
			ipo.batch = argv[2];
			argc--, argv++;
		} else if (kw_is(opt, "-brief")) {
			ipo.brief++;
		} else if (kw_is(opt, "-json")) {
			ipo.json++;
		} else if (kw_is(opt, "-pretty")) {
			ipo.pretty++;
		} else if (kw_is(opt, "-help")) {
			return do_help(0, NULL);
		} else if (kw_is(opt, "-netns")) {
			if (argc < 3)
				die(255, "%s", ip_usage);
			if (netns_switch(argv[2], 1))
				return 255;
			argc--, argv++;
		} else if (kw_is(opt, "-Numeric")) {
			ipo.numeric++;
		} else if (kw_is(opt, "-all")) {
			ipo.all = 1;
		} else if (kw_is(opt, "-color") || !strncmp(opt, "-color=", 7) || !strncmp(opt, "-c=", 3)) {
			/* nsbox never colours its output. */
		} else {
			die(255, "Option \"%s\" is unknown, try \"ip -help\".\n", opt);
		}
		argc--, argv++;
	}
	if (ipo.batch)
		return ip_batch(ipo.batch, run_object);
	if (argc < 2)
		return do_help(0, NULL);
	return run_object(argc - 1, argv + 1);
}
