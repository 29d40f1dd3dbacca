/* ip: global options and the object table. */

#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>
#include "lib.h"
#include "ip.h"
#include "out.h"

APPLET(ip, ip_main);

NSBOX_USAGE(ip_usage,
	"Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
	NSBOX_USAGE_MORE("       ip [ -force ] -batch filename\n"
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
	"                    -c[olor]}\n"));

static int do_help(int argc, char **argv)
{
	(void)argc, (void)argv;
	sputs(ERR, USAGE_TEXT(ip_usage));
	return 255;
}

/* An object left out of this build (README, "Configuration"). */
static int left_out(int argc, char **argv)
{
	(void)argc, (void)argv;
	return -1;
}
#define SEL(feature, fn) (NSBOX_FEATURE_##feature ? fn : left_out)

static int not_here(int argc, char **argv)
{
	(void)argc, (void)argv;
	return -1;
}

/* iproute2's object table order decides which object a prefix names. Objects nsbox does not
 * implement keep their place, so that a prefix still resolves as it does in iproute2. One list
 * makes the names (NUL-separated, no pointer each) and the handlers. */
#define OBJECTS(X) \
	X("address", SEL(IP_ADDR, do_addr)) X("addrlabel", SEL(IP_ADDRLABEL, do_addrlabel)) \
	X("maddress", SEL(IP_MADDR, do_maddr)) X("route", SEL(IP_ROUTE, do_route)) \
	X("rule", SEL(IP_RULE, do_rule)) X("neighbor", SEL(IP_NEIGH, do_neigh)) \
	X("neighbour", SEL(IP_NEIGH, do_neigh)) X("ntable", not_here) X("ntbl", not_here) \
	X("link", SEL(IP_LINK, do_link)) X("l2tp", not_here) X("fou", SEL(IP_FOU, do_fou)) \
	X("ila", SEL(IP_ILA, do_ila)) X("macsec", SEL(IP_MACSEC, do_macsec)) \
	X("tunnel", SEL(IP_TUNNEL, do_tunnel)) X("tunl", SEL(IP_TUNNEL, do_tunnel)) \
	X("tuntap", SEL(IP_TUNTAP, do_tuntap)) X("tap", SEL(IP_TUNTAP, do_tuntap)) \
	X("token", not_here) X("tcpmetrics", not_here) X("tcp_metrics", not_here) \
	X("monitor", SEL(IP_MONITOR, do_monitor)) X("xfrm", SEL(IP_XFRM, do_xfrm)) \
	X("mroute", SEL(IP_MROUTE, do_mroute)) X("mrule", SEL(IP_RULE, do_mrule)) \
	X("netns", SEL(IP_NETNS, do_netns)) X("netconf", SEL(IP_NETCONF, do_netconf)) \
	X("vrf", SEL(VRF, do_vrf)) X("sr", not_here) X("nexthop", SEL(IP_NEXTHOP, do_nexthop)) \
	X("mptcp", SEL(IP_MPTCP, do_mptcp)) X("ioam", not_here) X("help", do_help) X("stats", SEL(IP_STATS, do_stats))
#define NAME(name, ...) name "\0"
#define FN(name, fn) fn,
static const char object_names[] = OBJECTS(NAME);
static int (*const object_fns[])(int, char **) = { OBJECTS(FN) };

static int run_object(int argc, char **argv)
{
	int i = kw_index(object_names, argv[0]);
	int (*fn)(int, char **) = i < 0 ? NULL : object_fns[i];

	if (!fn) {
		errf("Object \"%s\" is unknown, try \"ip help\".\n", argv[0]);
		return 1;
	}
	if (fn == not_here || fn == left_out) {
		errf(fn == not_here ? "ip: object \"%s\" is not implemented in nsbox\n" :
		     "ip: object \"%s\" is not in this build of nsbox\n", kw_nth(object_names, i));
		return 1;
	}
	return fn(argc - 1, argv + 1);
}

/* musl's atoi (what -loops always read): blanks, a sign, digits, wrapping as int; a word is 0. */
static int loops_of(const char *s)
{
	unsigned n = 0;
	int neg = 0;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		n = 10 * n - (unsigned)(*s++ - '0');
	return neg ? (int)n : (int)(0 - n);
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

/* The global options in iproute2's order of checks: a word is the first option it begins (-4,
 * -6 and -0 only whole), and does what act says, most to a field of ipo. */
/* The first four take the next word. */
enum { A_FAMILY, A_BATCH, A_NETNS, A_LOOPS, A_INC, A_SET, A_TS, A_VERSION, A_HELP, A_NOP };
#define F(x) offsetof(struct ipopts, x)
#define IPOPTS(X) \
	X("-loops", 0, A_LOOPS, 0, 0) X("-family", 0, A_FAMILY, 0, 0) X("-4", 1, A_SET, F(family), AF_INET) \
	X("-6", 1, A_SET, F(family), AF_INET6) X("-0", 1, A_SET, F(family), AF_PACKET) \
	X("-human", 0, A_INC, F(human), 0) X("-human-readable", 0, A_INC, F(human), 0) \
	X("-iec", 0, A_INC, F(iec), 0) X("-stats", 0, A_INC, F(stats), 0) \
	X("-statistics", 0, A_INC, F(stats), 0) X("-details", 0, A_INC, F(details), 0) \
	X("-resolve", 0, A_INC, F(resolve), 0) X("-oneline", 0, A_INC, F(oneline), 0) \
	X("-timestamp", 0, A_TS, F(timestamp), 0) X("-tshort", 0, A_SET, F(timestamp), 2) \
	X("-Version", 0, A_VERSION, 0, 0) X("-force", 0, A_INC, F(force), 0) \
	X("-batch", 0, A_BATCH, 0, 0) X("-brief", 0, A_INC, F(brief), 0) \
	X("-json", 0, A_INC, F(json), 0) X("-pretty", 0, A_INC, F(pretty), 0) \
	X("-help", 0, A_HELP, 0, 0) X("-netns", 0, A_NETNS, 0, 0) \
	X("-Numeric", 0, A_INC, F(numeric), 0) X("-all", 0, A_SET, F(all), 1) \
	X("-color", 0, A_NOP, 0, 0)    /* nsbox never colours its output */
#define ROW(name, ...) { __VA_ARGS__ },
static const struct ipopt {
	unsigned char whole, act, field, val;   /* field: offset of an int in ipo */
} ipopts[] = { IPOPTS(ROW) };
static const char ipopt_names[] = IPOPTS(NAME);
#undef F

static const struct ipopt *find_opt(const char *opt)
{
	static const struct ipopt color = { 0, A_NOP, 0, 0 };
	const char *name = ipopt_names;

	for (size_t i = 0; i < sizeof(ipopts) / sizeof(ipopts[0]); i++, name += kw_skip(name))
		if (ipopts[i].whole ? !strcmp(opt, name) : kw_is(opt, name))
			return &ipopts[i];
	return !strncmp(opt, "-color=", 7) || !strncmp(opt, "-c=", 3) ? &color : NULL;
}

int ip_main(int argc, char **argv)
{
	ipo.family = AF_UNSPEC;
	ipo.loops = 10;
	while (argc > 1 && argv[1][0] == '-') {
		char *opt = argv[1] + (argv[1][1] == '-');
		const struct ipopt *o = find_opt(opt);

		if (!o)
			die(255, "Option \"%s\" is unknown, try \"ip -help\".\n", opt);
		if (o->act <= A_LOOPS && argc < 3)
			ip_usage_exit(ip_usage);
		switch (o->act) {
		case A_INC: ++*(int *)((char *)&ipo + o->field); break;
		case A_SET: *(int *)((char *)&ipo + o->field) = o->val; break;
		case A_TS: ipo.timestamp = ipo.timestamp == 2 ? 2 : 1; break;
		case A_FAMILY: set_family(argv[2]); break;
		case A_LOOPS: ipo.loops = loops_of(argv[2]); break;
		case A_BATCH: ipo.batch = argv[2]; break;
		case A_NETNS:
			if (netns_switch(argv[2], 1))
				return 255;
			break;
		case A_VERSION:
			outs("ip utility, iproute2-6.1.0, libbpf 1.1.2\n");
			return 0;
		case A_HELP:
			return do_help(0, NULL);
		}
		if (o->act <= A_LOOPS)
			argc--, argv++;
		argc--, argv++;
	}
	ip_check_features();
	if (NSBOX_FEATURE_IP_BATCH && ipo.batch)
		return ip_batch(ipo.batch, run_object);
	if (argc < 2)
		return do_help(0, NULL);
	return run_object(argc - 1, argv + 1);
}
