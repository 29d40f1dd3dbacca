/* RTM_GETNSID: the id this namespace gives another one. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/net_namespace.h>
#include "rtnl.h"

static int take_nsid(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[NETNSA_MAX + 1];
	size_t hl = NLMSG_ALIGN(sizeof(struct rtgenmsg));
	int32_t id;

	if (h->nlmsg_type != RTM_NEWNSID || h->nlmsg_len < NLMSG_HDRLEN + hl)
		return -EPROTO;
	if (nla_parse(tb, NETNSA_MAX, (char *)nlmsg_data(h) + hl, nlmsg_payload(h) - hl) < 0 ||
	    nla_get_s32(tb[NETNSA_NSID], &id) < 0)
		return -EPROTO;
	*(int *)arg = id < 0 ? -1 : id;
	return 0;
}

int rtnl_nsid_of_fd(struct nlsock *sk, int fd)
{
	char buf[64];
	struct nlb b;
	struct rtgenmsg *g;
	int id = -1, err;

	nlb_init(&b, buf, sizeof(buf), RTM_GETNSID, NLM_F_REQUEST);
	g = nlb_put_extra(&b, sizeof(*g));
	if (g)
		g->rtgen_family = AF_UNSPEC;
	nlb_put_u32(&b, NETNSA_FD, fd);
	err = nl_talk(sk, &b, take_nsid, &id);
	return err < 0 ? err : id;
}
