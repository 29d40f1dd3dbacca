/* ip netconf show [dev DEV] (iproute2 6.1's ip/ipnetconf.c): the forwarding, rp_filter ...
 * settings the kernel reports per family and device, from a dump, or for one device of one
 * family (-4/-6 with dev) from a single get. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "ip_print.h"
#include "lib.h"
#include "out.h"
#include "rtnl_netconf.h"

NSBOX_USAGE(netconf_usage, "Usage: ip netconf show [ dev STRING ]\n");

struct nc_filter {
	int family;
	int ifindex;
};

static void on_off(const struct nlattr *a, const char *key)
{
	uint32_t v = 0;

	if (!a)
		return;
	if (nla_get_u32(a, &v) && nla_len(a) >= 1)  /* iproute2 reads what is there */
		memcpy(&v, nla_data(a), nla_len(a) < 4 ? nla_len(a) : 4);
	pr_bool(PR_JSON, key, NULL, v != 0);
	pr_text("%s %s ", key, v ? "on" : "off");
}

/* One message as iproute2's print_netconf prints it; 1 stops the exchange (a message that is
 * not a netconf one, or too short). arg: a struct nc_filter, or NULL for none. */
int ip_netconf_print(const struct nlmsghdr *h, void *arg)
{
	static const char *const rp_names[] = { "off", "strict", "loose" };
	static const struct nc_filter none;
	const struct nc_filter *f = arg ? arg : &none;
	struct netconf_info ni;
	uint32_t ifindex = 0, rp;

	if (h->nlmsg_type != RTM_NEWNETCONF && h->nlmsg_type != RTM_DELNETCONF) {
		errf("Not a netconf message: %08x %08x %08x\n", h->nlmsg_len, h->nlmsg_type, h->nlmsg_flags);
		return 1;
	}
	if (rtnl_netconf_parse(h, &ni) == -EPROTO) {
		errf("BUG: wrong nlmsg len %d\n", (int)h->nlmsg_len - (int)NLMSG_SPACE(sizeof(struct netconfmsg)));
		return 1;
	}
	if (f->family && f->family != ni.ncm->ncm_family)
		return 0;
	if (ni.tb[NETCONFA_IFINDEX])
		nla_get_u32(ni.tb[NETCONFA_IFINDEX], &ifindex);
	if (f->ifindex && (uint32_t)f->ifindex != ifindex)
		return 0;
	pr_obj_open(NULL);
	if (h->nlmsg_type == RTM_DELNETCONF)
		pr_bool(PR_ANY, "deleted", "Deleted ", 1);
	pr_str(PR_ANY, "family", "%s ", name_family(ni.ncm->ncm_family));
	if (ni.tb[NETCONFA_IFINDEX]) {
		const char *dev = (int)ifindex == NETCONFA_IFINDEX_ALL ? "all" :
			(int)ifindex == NETCONFA_IFINDEX_DEFAULT ? "default" : ifname_of((int)ifindex);
		pr_str(PR_ANY, "interface", "%s ", dev);
	}
	on_off(ni.tb[NETCONFA_FORWARDING], "forwarding");
	if (ni.tb[NETCONFA_RP_FILTER]) {
		rp = 0;
		nla_get_u32(ni.tb[NETCONFA_RP_FILTER], &rp);
		if (rp < 3)
			pr_str(PR_ANY, "rp_filter", "rp_filter %s ", rp_names[rp]);
		else
			pr_uint(PR_ANY, "rp_filter", "rp_filter %u ", rp);
	}
	on_off(ni.tb[NETCONFA_MC_FORWARDING], "mc_forwarding");
	on_off(ni.tb[NETCONFA_PROXY_NEIGH], "proxy_neigh");
	on_off(ni.tb[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN], "ignore_routes_with_linkdown");
	on_off(ni.tb[NETCONFA_INPUT], "input");
	pr_obj_close();
	pr_text("\n");
	out_record_end();
	return 0;
}

static int do_show(int argc, char **argv)
{
	struct nc_filter f = { ipo.family, 0 };
	int pref = ipo.family, err;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "dev"))
			continue;
		NEXT_ARG();
		if ((f.ifindex = ip_ll_index(*argv)) <= 0)
			ip_fail(1, "Device \"%s\" does not exist.\n", *argv);
	}
	if (f.ifindex && f.family != AF_UNSPEC) {
		/* iproute2 prints a get's reply outside any JSON document, as text; the get's errors,
		 * as its ack, end the listening quietly. */
		int json = IPO_JSON;

		ipo.json = 0;
		rtnl_netconf_get(show_sock(0), (uint8_t)f.family, f.ifindex, ip_netconf_print, &f);
		ipo.json = json;
		return 0;
	}
	for (;;) {
		pr_begin();
		err = rtnl_netconf_dump(show_sock(0), (uint8_t)f.family, ip_netconf_print, &f);
		if (err == -EOPNOTSUPP && f.family == AF_UNSPEC) {
			/* A kernel without the dump of every family: one family after the other. */
			f.family = AF_INET;
			continue;
		}
		if (err < 0)
			ip_fail(1, "RTNETLINK answers: %s\nDump terminated\n", errtext(-err));
		if (err > 0)
			ip_fail(1, "Dump terminated\n");
		pr_end();
		if (pref != AF_UNSPEC || f.family != AF_INET)
			return 0;
		pref = f.family = AF_INET6;
	}
}

static const struct kw netconf_cmds[] = {
	{ "show", 1, do_show }, { "lst", 1, do_show }, { "list", 1, do_show }, { NULL, 0, NULL }
};

int do_netconf(int argc, char **argv)
{
	if (argc < 1)
		return do_show(0, NULL);
	return ip_dispatch(netconf_cmds, "netconf", netconf_usage, argc, argv);
}
