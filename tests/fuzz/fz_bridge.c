/* The bridge applet: whole command lines against the fake kernel (the keyword tables and number
 * words of link, fdb, vlan, mdb, the requests they build, the listings printed from the replies),
 * and its printers fed notifications directly. Input: a mode byte; even: the words (bridge's
 * arguments) separated by NUL bytes, an empty word, then the fake kernel's reply records
 * (fuzz.h); odd: an options byte (-j, -p, -d, -s, -o, monitor's "all" banners) and messages as
 * the kernel sends them, each copied to a heap block of exactly its length. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "br.h"
#include "ip_print.h"
#include "lib.h"

int bridge_main(int, char **);

/* -batch reads a named file (a fuzzed name could be a device that never ends); monitor waits
 * for events (its printers are fuzzed in the other mode). */
static int refused(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i] + (argv[i][0] == '-' && argv[i][1] == '-');
		if ((o[0] == '-' && o[1] && kw_is(o, "-batch")) || !strncmp(argv[i], "mo", 2))
			return 1;
	}
	return 0;
}

static const uint8_t *in;
static size_t in_len;

static int print_msgs(int argc, char **argv)
{
	static char *buf, *c;
	int opt = in[0];
	size_t len = in_len - 1;
	const struct nlmsghdr *h;

	(void)argc, (void)argv;
	free(buf);
	free(c);
	c = NULL;
	buf = malloc(len ? len : 1);
	FZ_ASSERT(buf);
	memcpy(buf, in + 1, len);
	ipo.json = opt & 1;
	ipo.pretty = !!(opt & 2);
	ipo.details = !!(opt & 4);
	ipo.stats = !!(opt & 8);
	ipo.oneline = !!(opt & 0x10);
	br_banner = !!(opt & 0x20);
	pr_begin();
	for (h = (const struct nlmsghdr *)buf; nlmsg_ok(h, len); h = nlmsg_next(h, &len)) {
		c = malloc(h->nlmsg_len);
		FZ_ASSERT(c);
		memcpy(c, h, h->nlmsg_len);
		switch (h->nlmsg_type) {
		case RTM_NEWLINK: case RTM_DELLINK:
			br_print_link((struct nlmsghdr *)c);
			break;
		case RTM_NEWNEIGH: case RTM_DELNEIGH:
			br_print_fdb((struct nlmsghdr *)c);
			break;
		case RTM_NEWMDB: case RTM_DELMDB: case RTM_GETMDB:
			br_print_mdb_mon((struct nlmsghdr *)c);
			break;
		default:
			br_print_vlan_rtm((struct nlmsghdr *)c, opt & 0x40, opt & 0x80);
		}
		free(c);
		c = NULL;
	}
	br_vlan_rtm_done();
	pr_end();
	br_banner = 0;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *argv[128];
	const uint8_t *rest;
	size_t restlen;
	int argc;

	if (len < 2)
		return 0;
	fz_reset();
	if (data[0] & 1) {
		char *none[2] = { "bridge", NULL };
		in = data + 1;
		in_len = len - 1;
		fz_replies(NULL, 0);
		fz_call(print_msgs, 1, none);
		return 0;
	}
	argv[0] = "bridge";
	argc = fz_words(data + 1, len - 1, argv + 1, 127, &rest, &restlen) + 1;
	if (refused(argc, argv))
		return 0;
	fz_replies(rest, restlen);
	fz_call(bridge_main, argc, argv);
	return 0;
}
