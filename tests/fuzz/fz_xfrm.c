/* NETLINK_XFRM replies: xfrm_parse, xfrm_algo_get and the printers of ip xfrm state, policy and
 * monitor fed one message each (variable-length algorithm structs, templates, ESN bitmaps).
 * Input: an options byte (-s, -o, family, nokeys), then messages as the kernel sends them. Each
 * message is copied to a heap block of exactly its length, so a read past it is caught. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "fuzz.h"
#include "ip.h"
#include "ip_xfrm.h"
#include "out.h"

static const uint8_t *in;
static size_t in_len;

static int run(int argc, char **argv)
{
	static const int families[4] = { AF_UNSPEC, AF_INET, AF_INET6, AF_UNSPEC };
	int opt = in[0];
	size_t len = in_len - 1;
	static char *buf, *c;
	const struct nlmsghdr *h;

	(void)argc, (void)argv;
	free(buf);
	free(c);
	c = NULL;
	buf = malloc(len ? len : 1);
	FZ_ASSERT(buf);
	memcpy(buf, in + 1, len);
	ipo.stats = opt & 3;
	ipo.oneline = !!(opt & 4);
	xf_family = families[(opt >> 3) & 3];
	memset(&xf_filter, 0, sizeof(xf_filter));
	xf_filter.use = !!(opt & 0x20);
	for (h = (const struct nlmsghdr *)buf; nlmsg_ok(h, len); h = nlmsg_next(h, &len)) {
		struct xfrm_view v;
		struct xfrm_algo_view av;

		c = malloc(h->nlmsg_len);
		FZ_ASSERT(c);
		memcpy(c, h, h->nlmsg_len);
		if (xfrm_parse((struct nlmsghdr *)c, &v) != -EPROTO)
			for (int t = 0; t <= XFRMA_MAX; t++)
				if (v.tb[t])
					xfrm_algo_get(v.tb[t], (uint16_t)t, &av);
		xf_monitor_print((struct nlmsghdr *)c, opt & 0x40);
		xf_state_print((struct nlmsghdr *)c, opt & 0x40);
		xf_policy_print((struct nlmsghdr *)c);
		free(c);
		c = NULL;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *argv[2] = { "ip", NULL };

	if (len < 1)
		return 0;
	in = data;
	in_len = len;
	fz_reset();
	fz_replies(NULL, 0);
	fz_call(run, 1, argv);
	return 0;
}
