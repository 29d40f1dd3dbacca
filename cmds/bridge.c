/* bridge: iproute2 6.1's bridge (link, fdb, vlan, mdb, monitor) over rtnetlink. Global options
 * and the object table here; the objects in cmds/bridge/. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lib.h"
#include "out.h"
#include "br.h"
#include "ip_print.h"

APPLET(bridge, bridge_main);

int br_compress, br_timestamp, br_banner, br_color;

void br_cstr(int attr, const char *key, const char *fmt, const char *val)
{
	/* iproute2's palettes: cyan, yellow, magenta, blue (bold on a dark background) */
	static const char codes[] = "6354";

	if (!br_color || attr == BR_C_NONE || ipo.json) {
		pr_str(PR_ANY, key, fmt, val);
		return;
	}
	outf(br_color == 2 ? "\033[1;3%cm" : "\033[3%cm", codes[attr]);
	outf(fmt, val);
	outs("\033[0m");
}

static const char br_main_usage[] =
	"Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
	"       bridge [ -force ] -batch filename\n"
	"where  OBJECT := { link | fdb | mdb | vlan | monitor }\n"
	"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
	"                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
	"                    -c[ompressvlans] -color -p[retty] -j[son] }\n";

void br_usage(const char *text)
{
	sputs(ERR, text);
	out_exit(255);
}

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

void br_duparg(const char *key, const char *arg)
{
	die(255, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
}

void br_duparg2(const char *key, const char *arg)
{
	die(255, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n", key, arg);
}

static int index_by_name(const char *name)
{
	int idx = rtnl_link_index(ip_sock(), name);

	return idx > 0 ? idx : 0;
}

int (*br_index_fn)(const char *name) = index_by_name;

void br_nodev(const char *name)
{
	ip_fail(255, "Cannot find device \"%s\"\n", name);
}

void br_talk(struct br_req *r)
{
	struct nlsock *sk = ip_sock();
	int err;

	r->nlflags |= NLM_F_ACK;
	err = rtnl_br_talk(sk, r, NULL, NULL);
	if (err < 0) {
		ip_report_nlerr(sk, err);
		ip_fail(255, "%s", "");
	}
	ip_report_warning(sk);
}

void br_dump(struct br_req *r, nl_cb cb, void *arg)
{
	struct nlsock *sk = show_sock(0);
	int err;

	r->nlflags |= NLM_F_DUMP;
	err = rtnl_br_talk(sk, r, cb, arg);
	/* A dump's error is perror's text even when the kernel gave its own (libnetlink). */
	if (err < 0)
		ip_fail(1, "RTNETLINK answers: %s\nDump terminated\n", errtext(-err));
}

int br_on_off(const char *key, const char *val)
{
	if (*val && kw_is(val, "off"))
		return 0;
	if (*val && kw_is(val, "on"))
		return 1;
	ip_fail(234, "Error: argument of \"%s\" must be one of \"off\", \"on\", not \"%s\"\n", key, val);
}

static const char *const stp_states[] = { "disabled", "listening", "learning", "forwarding", "blocking" };

int br_stp_state(const char *s)
{
	for (int i = 0; i < 5; i++)
		if (!strcmp(s, stp_states[i]))
			return i;
	return -1;
}

void br_print_stp_state(unsigned state)
{
	if (state <= 4)
		pr_str(PR_ANY, "state", "state %s ", stp_states[state]);
	else
		pr_uint(PR_ANY, "state", "state (%d) ", state);
}

/* glibc's atoi, which iproute2 calls: strtol's value, saturated at LONG_MIN/LONG_MAX, cut to
 * int (musl's strtol would bring in its stdio scanner). */
int br_atoi(const char *s)
{
	unsigned long lim, v = 0;
	int neg = 0;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	lim = neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	for (; *s >= '0' && *s <= '9'; s++)
		v = v > (lim - (unsigned long)(*s - '0')) / 10 ? lim : v * 10 + (unsigned long)(*s - '0');
	return (int)(neg ? (long)(0 - v) : (long)v);
}

int br_get_u64(uint64_t *v, const char *s, uint64_t max)
{
	uint64_t n;

	if (!*s || *s == '-' || parse_ull(s, &n, 0) || n > max)
		return -1;
	*v = n;
	return 0;
}

void br_pad_ifname(const char *name)
{
	pr_str(PR_TEXT, NULL, "%-16s  ", name);
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
	if (ipo.batch)
		return ip_batch(ipo.batch, run_object);
	if (argc > 1)
		return run_object(argc - 1, argv + 1);
	br_usage(br_main_usage);
}
