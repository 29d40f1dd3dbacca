/* RTM_NEWRULE / RTM_DELRULE requests, rule dumps and the checked parse of a dumped rule. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include "rtnl_rule.h"

void rtnl_rule_del_dumped(struct nlb *b, void *buf, size_t cap, const struct nlmsghdr *rule)
{
	void *p = nlb_start(b, buf, cap, RTM_DELRULE, NLM_F_REQUEST | NLM_F_ACK, nlmsg_payload(rule));

	if (p)
		memcpy(p, nlmsg_data(rule), nlmsg_payload(rule));
}

int rtnl_rule_dump(struct nlsock *sk, int family, nl_cb cb, void *arg)
{
	char buf[NLMSG_HDRLEN + sizeof(struct fib_rule_hdr)];
	struct nlb b;
	struct fib_rule_hdr *frh = nlb_start(&b, buf, sizeof(buf), RTM_GETRULE, NLM_F_REQUEST | NLM_F_DUMP, sizeof(*frh));

	if (frh)
		frh->family = family;
	return nl_talk(sk, &b, cb, arg);
}

/* Smallest payload of each attribute the printer reads; S a NUL-terminated name, A an address. */
enum { S = 0xfe, A = 0xff };
static const unsigned char rule_policy[FRA_MAX + 1] = {
	[FRA_DST] = A, [FRA_SRC] = A, [FRA_IIFNAME] = S, [FRA_OIFNAME] = S, [FRA_GOTO] = 4,
	[FRA_PRIORITY] = 4, [FRA_FWMARK] = 4, [FRA_FWMASK] = 4, [FRA_FLOW] = 4, [FRA_TUN_ID] = 8,
	[FRA_SUPPRESS_IFGROUP] = 4, [FRA_SUPPRESS_PREFIXLEN] = 4, [FRA_TABLE] = 4,
	[FRA_L3MDEV] = 1, [FRA_UID_RANGE] = 8, [FRA_PROTOCOL] = 1, [FRA_IP_PROTO] = 1,
	[FRA_SPORT_RANGE] = 4, [FRA_DPORT_RANGE] = 4,
};

int rtnl_rule_parse(const struct nlmsghdr *h, struct rule_info *ri)
{
	int fam;

	memset(ri, 0, sizeof(*ri));
	if (!(ri->frh = nlmsg_parse(h, sizeof(struct fib_rule_hdr), ri->tb, FRA_MAX)))
		return -EPROTO;
	fam = ri->frh->family;
	for (int t = 1; t <= FRA_MAX; t++) {
		const struct nlattr *a = ri->tb[t];
		size_t n = a ? nla_len(a) : 0;

		if (!a)
			continue;
		if (rule_policy[t] == S ? !nla_get_str(a) :
		    rule_policy[t] == A ? (fam == AF_INET && n != 4) || (fam == AF_INET6 && n != 16) :
		    n < rule_policy[t])
			return -EPROTO;
	}
	return 0;
}

uint32_t rule_u32(const struct rule_info *ri, int type)
{
	uint32_t v = 0;

	nla_get_u32(ri->tb[type], &v);
	return v;
}

uint32_t rtnl_rule_table(const struct rule_info *ri)
{
	return ri->tb[FRA_TABLE] ? rule_u32(ri, FRA_TABLE) : ri->frh->table;
}
