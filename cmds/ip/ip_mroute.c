/* ip mroute show (iproute2 6.1's ip/ipmroute.c) and its printer of a multicast route, which
 * ip monitor's mroute events share. */
#include <string.h>
#include <linux/rtnetlink.h>
#include "inet.h"
#include "ip_print.h"
#include "ip_addr.h"
#include "out.h"

NSBOX_USAGE(mroute_usage,
	"Usage: ip mroute show [ [ to ] PREFIX ] [ from PREFIX ] [ iif DEVICE ]\n"
	NSBOX_USAGE_MORE("                      [ table TABLE_ID ]\n"
	"TABLE_ID := [ local | main | default | all | NUMBER ]\n"));

/* iproute2's filter: a table (0 any), the rtm_family, the iif, the prefixes (family 0 none). */
static struct mfilter {
	uint32_t table;
	int family, iif;
	struct inet_prefix dst, src;
} mf;

static int pfx_match(const struct inet_prefix *p, const struct nlattr *a)
{
	return !a || !p->family || p->bitlen <= 0 || addr_pfx_match(p, nla_data(a), nla_len(a));
}

/* iproute2's print_mroute: -1 for a route that is not multicast (it stops a dump). */
static int pr_mroute(const struct nlmsghdr *h)
{
	struct route_info ri;
	const struct rtmsg *r;
	uint32_t iif = 0, table;
	int family;
	char s[PR_ADDRSZ], d[PR_ADDRSZ], b[PR_ADDRSZ * 2 + 4];

	if (rtnl_route_parse(h, &ri) < 0 && !ri.rtm)
		return 0;
	r = ri.rtm;
	if (r->rtm_type != RTN_MULTICAST) {
		errf("Non multicast route received, kernel does support IP multicast?\n");
		return -1;
	}
	table = rtnl_route_table(&ri);
	nla_get_u32(ri.tb[RTA_IIF], &iif);
	if ((mf.table && mf.table != table) || (mf.iif && (uint32_t)mf.iif != iif) ||
	    (mf.family && mf.family != r->rtm_family) || !pfx_match(&mf.dst, ri.tb[RTA_DST]) ||
	    !pfx_match(&mf.src, ri.tb[RTA_SRC]))
		return 0;
	family = r->rtm_family == RTNL_FAMILY_IPMR ? AF_INET : r->rtm_family == RTNL_FAMILY_IP6MR ? AF_INET6 : r->rtm_family;
	pr_obj_open(NULL);
	if (h->nlmsg_type == RTM_DELROUTE)
		pr_bool(PR_ANY, "deleted", "Deleted ", 1);
	ri.tb[RTA_SRC] ? fmt_inet(family, nla_data(ri.tb[RTA_SRC]), nla_len(ri.tb[RTA_SRC]), s) : memcpy(s, "unknown", 8);
	ri.tb[RTA_DST] ? fmt_inet(family, nla_data(ri.tb[RTA_DST]), nla_len(ri.tb[RTA_DST]), d) : memcpy(d, "unknown", 8);
	pr_str(PR_JSON, "src", NULL, s);
	pr_str(PR_JSON, "dst", NULL, d);
	if (!pr_json()) {
		bfmt(b, sizeof(b), "(%s,%s)", s, d);
		pr_text("%-32s Iif: ", b);
	}
	pr_str(PR_ANY, "iif", iif ? "%-10s " : "%s ", iif ? ifname_of((int)iif) : "unresolved");
	if (ri.tb[RTA_MULTIPATH]) {
		struct rtnl_nh_iter it;
		const struct rtnexthop *nh;
		struct nlattr *ntb[RTA_MAX + 1];
		int first = 1;

		pr_arr_open(PR_JSON, "multipath");
		rtnl_nh_iter_init(&it, ri.tb[RTA_MULTIPATH]);
		while (rtnl_nh_next(&it, &nh, ntb) > 0) {
			pr_obj_open(NULL);
			if (first)
				pr_text("Oifs: ");
			first = 0;
			pr_str(PR_ANY, "oif", "%s", ifname_of(nh->rtnh_ifindex));
			if (nh->rtnh_hops > 1)
				pr_uint(PR_ANY, "ttl", "(ttl %u) ", nh->rtnh_hops);
			else
				pr_text(" ");
			pr_obj_close();
		}
		pr_arr_close(PR_JSON, NULL);
	}
	pr_str(PR_ANY, "state", " State: %s", r->rtm_flags & RTNH_F_UNRESOLVED ? "unresolved" : "resolved");
	if (r->rtm_flags & RTNH_F_OFFLOAD) {
		pr_text(" offload");
		pr_null("offload");
	}
	if (ipo.stats && ri.tb[RTA_MFC_STATS]) {
		struct rta_mfc_stats m;

		memset(&m, 0, sizeof(m));
		memcpy(&m, nla_data(ri.tb[RTA_MFC_STATS]),
		       nla_len(ri.tb[RTA_MFC_STATS]) < sizeof(m) ? nla_len(ri.tb[RTA_MFC_STATS]) : sizeof(m));
		pr_nl();
		pr_u64(PR_ANY, "packets", "  %llu packets,", m.mfcs_packets);
		pr_u64(PR_ANY, "bytes", " %llu bytes", m.mfcs_bytes);
		if (m.mfcs_wrong_if)
			pr_u64(PR_ANY, "wrong_if", ", %llu arrived on wrong iif.", m.mfcs_wrong_if);
	}
	if (ipo.stats && ri.tb[RTA_EXPIRES]) {
		uint64_t j = 0;

		memcpy(&j, nla_data(ri.tb[RTA_EXPIRES]), nla_len(ri.tb[RTA_EXPIRES]) < 8 ? nla_len(ri.tb[RTA_EXPIRES]) : 8);
		/* jiffies at USER_HZ 100: two decimals are exact */
		pr_text(", Age %llu.%02llu", (unsigned long long)(j / 100), (unsigned long long)(j % 100));
		if (pr_json())
			pr_raw("expires", fmt_g(b, (double)(j / 100) + (double)(j % 100) / 100.));
	}
	if (table && (table != RT_TABLE_MAIN || IPO_DETAILS) && !mf.table)
		pr_str(PR_ANY, "table", " Table: %s", name_table(table, b));
	pr_text("\n");
	pr_obj_close();
	return 0;
}

void pr_mroute_msg(const struct nlmsghdr *h, int index)
{
	memset(&mf, 0, sizeof(mf));
	mf.iif = index;
	pr_mroute(h);
}

static int one_mroute(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	if (h->nlmsg_type != RTM_NEWROUTE && h->nlmsg_type != RTM_DELROUTE) {
		errf("Not a multicast route: %08x %08x %08x\n", h->nlmsg_len, h->nlmsg_type, h->nlmsg_flags);
		return 0;
	}
	if (nlmsg_payload(h) < sizeof(struct rtmsg)) {
		errf("BUG: wrong nlmsg len %d\n", (int)nlmsg_payload(h) - (int)sizeof(struct rtmsg));
		return 1;
	}
	return pr_mroute(h) ? 1 : 0;
}

static int mroute_list(int argc, char **argv)
{
	struct rtnl_filter f = { 0 };
	const char *iif = NULL;
	int err;

	memset(&mf, 0, sizeof(mf));
	if (ipo.family == AF_INET || ipo.family == AF_UNSPEC) {
		mf.family = RTNL_FAMILY_IPMR;
		mf.table = RT_TABLE_DEFAULT;   /* iproute2's "backward compatibility" */
	} else if (ipo.family == AF_INET6) {
		mf.family = RTNL_FAMILY_IP6MR;
	} else {
		return 0;   /* a family without multicast routing */
	}
	for (; argc > 0; argc--, argv++) {
		if (kw_is(*argv, "table")) {
			NEXT_ARG();
			if (parse_table(*argv, &mf.table)) {
				if (!strcmp(*argv, "all"))
					mf.table = 0;
				else if (!strcmp(*argv, "help"))
					ip_usage_exit(mroute_usage);
				else
					ip_invarg("table id value is invalid\n", *argv);
			}
		} else if (!strcmp(*argv, "iif")) {
			NEXT_ARG();
			iif = *argv;
		} else if (kw_is(*argv, "from")) {
			NEXT_ARG();
			ip_get_prefix(&mf.src, *argv, mf.family);
		} else {
			if (!strcmp(*argv, "to"))
				NEXT_ARG();
			if (kw_is(*argv, "help"))
				ip_usage_exit(mroute_usage);
			ip_get_prefix(&mf.dst, *argv, mf.family);
		}
	}
	if (iif && !(mf.iif = ip_ll_index(iif))) {
		errf("Cannot find device \"%s\"\n", iif);
		return 1;
	}
	f.family = (uint8_t)mf.family;
	f.table = mf.table;
	pr_begin();
	err = rtnl_route_dump(show_sock(0), &f, one_mroute, NULL);
	pr_end();
	if (err < 0) {
		out_flush();
		ip_dump_failed(show_sock(0), err, "Dump");
	} else if (err) {
		/* iproute2 closes the JSON array, flushed, before it says so */
		out_flush();
		errf("Dump terminated\n");
	}
	return err ? 1 : 0;
}

static const struct kw mroute_cmds[] = {
	{ "list", 1, mroute_list }, { "show", 1, mroute_list }, { "lst", 1, mroute_list }, { NULL, 0, NULL }
};

int do_mroute(int argc, char **argv)
{
	if (argc < 1)
		return mroute_list(0, NULL);
	return ip_dispatch(mroute_cmds, "mroute", mroute_usage, argc, argv);
}
