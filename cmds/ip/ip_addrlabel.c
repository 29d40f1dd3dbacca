/* ip addrlabel add|del|list|flush (iproute2 6.1's ip/ipaddrlabel.c): the IPv6 address label
 * table of RFC 6724. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "inet.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"
#include "rtnl_addrlabel.h"

NSBOX_USAGE(addrlabel_usage,
	"Usage: ip addrlabel { add | del } prefix PREFIX [ dev DEV ] [ label LABEL ]\n"
	NSBOX_USAGE_MORE("       ip addrlabel [ list | flush | help ]\n"));

int ip_addrlabel_print(const struct nlmsghdr *h, void *arg)
{
	struct addrlabel_info ai;
	uint32_t label;

	(void)arg;
	if (h->nlmsg_type != RTM_NEWADDRLABEL && h->nlmsg_type != RTM_DELADDRLABEL)
		return 0;
	if (rtnl_addrlabel_parse(h, &ai) == -EPROTO)
		return 1;
	pr_obj_open(NULL);
	if (h->nlmsg_type == RTM_DELADDRLABEL)
		pr_bool(PR_ANY, "deleted", "Deleted ", 1);
	if (ai.tb[IFAL_ADDRESS]) {
		char host[PR_HOSTSZ];

		pr_text("prefix ");
		pr_str(PR_ANY, "address", "%s", fmt_host(ai.ifal->ifal_family, nla_data(ai.tb[IFAL_ADDRESS]),
							 nla_len(ai.tb[IFAL_ADDRESS]), host));
		pr_uint(PR_ANY, "prefixlen", "/%u ", ai.ifal->ifal_prefixlen);
	}
	if (ai.ifal->ifal_index) {
		pr_text("dev ");
		pr_str(PR_ANY, "ifname", "%s ", ifname_of((int)ai.ifal->ifal_index));
	}
	if (ai.tb[IFAL_LABEL] && !nla_get_u32(ai.tb[IFAL_LABEL], &label))
		pr_uint(PR_ANY, "label", "label %u ", label);
	pr_text("\n");
	pr_obj_close();
	out_record_end();
	return 0;
}

static int family_or_inet6(void)
{
	return ipo.family == AF_UNSPEC ? AF_INET6 : ipo.family;
}

static int do_list(int argc, char **argv)
{
	int err;

	(void)argv;
	if (argc > 0)
		ip_fail(1, "\"ip addrlabel show\" does not take any arguments.\n");
	pr_begin();
	err = rtnl_addrlabel_dump(show_sock(0), (uint8_t)family_or_inet6(), ip_addrlabel_print, NULL);
	if (err) {
		/* iproute2 returns 1 here, which its ip makes exit code 255. */
		if (err < 0 && show_sock(0)->errmsg[0])
			ip_report_nlerr(show_sock(0), err);
		else if (err < 0 && err != -ENOENT)
			errf("RTNETLINK answers: %s\n", errtext(-err));
		ip_fail(255, "Dump terminated\n");
	}
	pr_end();
	return 0;
}

static int modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	struct addrlabel_req r = { .family = (uint8_t)ipo.family, .label = 0xffffffffu };
	const char *p = NULL, *l = NULL;
	struct inet_prefix pfx;
	char buf[RTNL_BUF];
	struct nlb b;
	int err;

	/* Only these three words, spelled out; anything else is skipped. */
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "prefix")) {
			NEXT_ARG();
			p = *argv;
			ip_get_prefix(&pfx, *argv, ipo.family);
		} else if (!strcmp(*argv, "dev")) {
			NEXT_ARG();
			if (!(r.index = (uint32_t)ip_ll_index(*argv)))
				ip_invarg("dev is invalid\n", *argv);
		} else if (!strcmp(*argv, "label")) {
			NEXT_ARG();
			l = *argv;
			if (parse_u32(*argv, &r.label, 0) || r.label == 0xffffffffu)
				ip_invarg("label is invalid\n", *argv);
		}
	}
	if (!p)
		ip_fail(1, "Not enough information: \"prefix\" argument is required.\n");
	if (!l)
		ip_fail(1, "Not enough information: \"label\" argument is required.\n");
	r.alen = pfx.bytelen;
	memcpy(r.addr, pfx.data, sizeof(r.addr));
	r.prefixlen = (uint8_t)pfx.bitlen;
	if (r.family == AF_UNSPEC)
		r.family = AF_INET6;
	rtnl_addrlabel_build(&b, buf, sizeof(buf), type, nlflags | NLM_F_ACK, &r);
	if ((err = nl_talk(ip_sock(), &b, NULL, NULL)) < 0)
		return ip_report_nlerr(ip_sock(), err);
	return 0;
}

static int do_add(int argc, char **argv)
{
	return modify(RTM_NEWADDRLABEL, NLM_F_CREATE | NLM_F_EXCL, argc, argv);
}

static int do_del(int argc, char **argv)
{
	return modify(RTM_DELADDRLABEL, 0, argc, argv);
}

/* Each dumped label that has an address goes back as a delete: a copy of its message, on a
 * socket of its own while the dump goes on. */
static int flush_one(const struct nlmsghdr *h, void *arg)
{
	struct addrlabel_info ai;
	char copy[1024];
	struct nlb b;
	int err;

	(void)arg;
	if (rtnl_addrlabel_parse(h, &ai) == -EPROTO)
		return 1;
	if (!ai.tb[IFAL_ADDRESS])
		return 0;
	if (h->nlmsg_len > sizeof(copy))
		return 0;
	memcpy(copy, h, h->nlmsg_len);
	b.buf = copy;
	b.cap = sizeof(copy);
	b.overflow = 0;
	nlb_hdr(&b)->nlmsg_type = RTM_DELADDRLABEL;
	nlb_hdr(&b)->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	if ((err = nl_talk(show_sock(1), &b, NULL, NULL)) < 0) {
		ip_report_nlerr(show_sock(1), err);
		return 1;
	}
	return 0;
}

static int do_flush(int argc, char **argv)
{
	(void)argv;
	if (argc > 0)
		ip_fail(1, "\"ip addrlabel flush\" does not allow extra arguments\n");
	if (rtnl_addrlabel_dump(show_sock(0), (uint8_t)family_or_inet6(), flush_one, NULL))
		ip_fail(1, "Flush terminated\n");
	return 0;
}

static const struct kw addrlabel_cmds[] = {
	{ "list", 1, do_list }, { "lst", 1, do_list }, { "show", 1, do_list }, { "add", 1, do_add },
	{ "delete", 1, do_del }, { "flush", 1, do_flush }, { NULL, 0, NULL }
};

int do_addrlabel(int argc, char **argv)
{
	if (argc < 1)
		return do_list(0, NULL);
	return ip_dispatch(addrlabel_cmds, "addrlabel", addrlabel_usage, argc, argv);
}
