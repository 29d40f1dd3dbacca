/* ip xfrm: the object's dispatch and ip xfrm monitor (iproute2 6.1's ip/ipxfrm.c do_xfrm and
 * ip/xfrm_monitor.c); the printers are ip_xfrm.c's. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "ip.h"
#include "ip_xfrm.h"
#include "lib.h"
#include "out.h"
#include "mon_source.h"
#include "rtnl_mon.h"

NSBOX_USAGE(xfrm_usage,
	"Usage: ip xfrm XFRM-OBJECT { COMMAND | help }\n"
	NSBOX_USAGE_MORE("where  XFRM-OBJECT := state | policy | monitor\n"));
NSBOX_USAGE(monitor_usage,
	"Usage: ip xfrm monitor [ nokeys ] [ all-nsid ] [ all | OBJECTS | help ]\n"
	NSBOX_USAGE_MORE("OBJECTS := { acquire | expire | SA | aevent | policy | report }\n"));

static int nokeys, all_nsid;

static int accept_msg(const struct nlmsghdr *h, int nsid)
{
	if (all_nsid) {
		if (nsid < 0)
			outs("[nsid current]");
		else
			outf("[nsid %d]", nsid);
	}
	xf_monitor_print(h, nokeys);
	out_flush();
	return 0;
}

static int do_xfrm_monitor(int argc, char **argv)
{
	static const char objs[] = XT("\x01", "acquire") XT("\x02", "expire") XT("\x03", "SA")
		XT("\x05", "aevent") XT("\x04", "policy") XT("\x06", "report") XT_END;
	unsigned groups = ~0u;
	struct nlsock sk;
	int g, err;

	for (; argc > 0; argc--, argv++) {
		if (kw_is(*argv, "file")) {
			die(1, "ip xfrm monitor file: not implemented in nsbox yet\n");
		} else if (!strcmp(*argv, "nokeys")) {
			nokeys = 1;
		} else if (!strcmp(*argv, "all")) {
		} else if (kw_is(*argv, "all-nsid")) {
			all_nsid = 1;
		} else if ((g = xf_tval(objs, *argv, 1)) >= 0) {
			if (groups == ~0u)
				groups = 0;
			groups |= 1u << (g - 1);
		} else if (kw_is(*argv, "help")) {
			sputs(ERR, USAGE_TEXT(monitor_usage));
			out_exit(255);
		} else {
			die(255, "Argument \"%s\" is unknown, try \"ip xfrm monitor help\".\n", *argv);
		}
	}
	if ((err = xfrm_mon_open(&sk)))
		die(1, "Cannot open netlink socket: %s\n", errtext(-err));
	for (unsigned i = 0; i < 32; i++)
		if (groups >> i & 1)
			rtnl_mon_join(&sk, i + 1);
	if (all_nsid && rtnl_mon_all_nsid(&sk) < 0)
		out_exit(1);
	out_exit(mon_listen(&sk, accept_msg));
}

static int usage(int argc, char **argv)
{
	(void)argc, (void)argv;
	sputs(ERR, USAGE_TEXT(xfrm_usage));
	return 255;
}

/* "s" is state: "sa" takes two letters. */
static ip_cmd_fn *const xfrm_fns[] = { do_xfrm_state, do_xfrm_state, do_xfrm_policy, do_xfrm_monitor };

int do_xfrm(int argc, char **argv)
{
	int i;

	memset(&xf_filter, 0, sizeof(xf_filter));
	xf_family = ipo.family;
	if (argc < 1 || (i = kw_index("state\0sa\0policy\0monitor\0", argv[0])) < 0)
		return usage(argc, argv);
	return xfrm_fns[i](argc - 1, argv + 1);
}
