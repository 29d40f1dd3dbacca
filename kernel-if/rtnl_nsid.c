/* RTM_GETNSID: the id this namespace gives another one. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/net_namespace.h>
#include "rtnl.h"

/* The reply's nsid (>= 0, -1 none) with its attributes in tb, or -EPROTO. */
static int parse_nsid(const struct nlmsghdr *h, struct nlattr **tb)
{
	int32_t id;

	if (h->nlmsg_type != RTM_NEWNSID || !nlmsg_parse(h, sizeof(struct rtgenmsg), tb, NETNSA_MAX) ||
	    nla_get_s32(tb[NETNSA_NSID], &id) < 0)
		return -EPROTO;
	return id < 0 ? -1 : id;
}

int rtnl_nsid_parse(const struct nlmsghdr *h, int *current)
{
	struct nlattr *tb[NETNSA_MAX + 1];
	int32_t cur = -1;
	int id = parse_nsid(h, tb);

	/* cur stays -1 without the attribute. */
	if (current && id >= -1) {
		nla_get_s32(tb[NETNSA_CURRENT_NSID], &cur);
		*current = cur < 0 ? -1 : cur;
	}
	return id;
}

static int take_nsid(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[NETNSA_MAX + 1];
	int id = parse_nsid(h, tb);

	if (id < -1)
		return id;
	*(int *)arg = id;
	return 0;
}

/* A namespace header and attributes: the request shape of every nsid message. */
static void nsid_msg(struct nlb *b, char *buf, size_t cap, uint16_t type, uint16_t flags)
{
	struct rtgenmsg *g;

	g = nlb_start(b, buf, cap, type, NLM_F_REQUEST | flags, sizeof(*g));
	if (g)
		g->rtgen_family = AF_UNSPEC;
}

int rtnl_nsid_of_fd(struct nlsock *sk, int fd)
{
	char buf[64];
	struct nlb b;
	int id = -1, err;

	nsid_msg(&b, buf, sizeof(buf), RTM_GETNSID, 0);
	nlb_put_u32(&b, NETNSA_FD, fd);
	err = nl_talk(sk, &b, take_nsid, &id);
	return err < 0 ? err : id;
}

int rtnl_nsid_set(struct nlsock *sk, int fd, int nsid)
{
	char buf[64];
	struct nlb b;

	nsid_msg(&b, buf, sizeof(buf), RTM_NEWNSID, NLM_F_ACK);
	nlb_put_u32(&b, NETNSA_FD, fd);
	nlb_put_u32(&b, NETNSA_NSID, (uint32_t)nsid);
	return nl_talk(sk, &b, NULL, NULL);
}

int rtnl_nsid_dump(struct nlsock *sk, int nsid, int target, nl_cb cb, void *arg)
{
	char buf[64];
	struct nlb b;

	nsid_msg(&b, buf, sizeof(buf), RTM_GETNSID, nsid < 0 ? NLM_F_DUMP : 0);
	if (target >= 0)
		nlb_put_u32(&b, NETNSA_TARGET_NSID, (uint32_t)target);
	if (nsid >= 0)
		nlb_put_u32(&b, NETNSA_NSID, (uint32_t)nsid);
	return nl_talk(sk, &b, cb, arg);
}
