/* ip ila add|del|list (iproute2 6.1's ip/ipila.c; NSBOX_FEATURE_IP_ILA): Identifier Locator
 * Addressing mappings, over the generic netlink family "ila" (the kernel's ila module). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "genl.h"
#include "ip_print.h"
#include "lib.h"
#include "scan.h"
#include "out.h"

NSBOX_USAGE(ila_usage,
	"Usage: ip ila add loc_match LOCATOR_MATCH loc LOCATOR [ dev DEV ] OPTIONS\n"
	NSBOX_USAGE_MORE("       ip ila del loc_match LOCATOR_MATCH [ loc LOCATOR ] [ dev DEV ]\n"
	"       ip ila list\n"
	"OPTIONS := [ csum-mode { adj-transport | neutral-map |\n"
	"                         neutral-map-auto | no-action } ]\n"
	"           [ ident-type { luid | use-format } ]\n"));

static _Noreturn void usage(void)
{
	ip_usage_exit(ila_usage);
}

static struct nlsock *sk;
static uint16_t fam;

/* The kernel's values by name: the checksum modes, and the identifier types (those iproute2
 * takes first, then the ones it only prints). */
static const char *const csum_names[] = { "adj-transport", "neutral-map", "no-action", "neutral-map-auto" };
static const struct kword ident_words[] = {
	{ "luid", 0, ILA_ATYPE_LUID }, { "use-format", 0, ILA_ATYPE_USE_FORMAT },
	{ "iid", 0, ILA_ATYPE_IID }, { "virt-v4", 0, ILA_ATYPE_VIRT_V4 },
	{ "virt-uni-v6", 0, ILA_ATYPE_VIRT_UNI_V6 }, { "virt-multi-v6", 0, ILA_ATYPE_VIRT_MULTI_V6 },
	{ "nonlocal-addr", 0, ILA_ATYPE_NONLOCAL_ADDR }, { NULL, 0, 0 }
};
#define IDENT_TAKEN 2   /* the first two of ident_words are words; the rest names only */

/* iproute2's get_addr64: up to four groups of hex digits (strtoul's: blanks, a sign, 0x)
 * joined by ':', into 8 bytes in network order. A group not given is 0 here (iproute2 leaves
 * it as its stack had it). 0, or -1. */
static int addr64(const char *s, unsigned char out[8])
{
	memset(out, 0, 8);
	for (int i = 0; i < 4; i++) {
		char *end;
		unsigned long n = str_toul(s, &end, 16);

		if (n > 0xffff || end == s)
			return -1;
		out[2 * i] = (unsigned char)(n >> 8), out[2 * i + 1] = (unsigned char)n;
		if (!*end)
			break;
		if (i == 3 || *end != ':')
			return -1;
		s = end + 1;
	}
	return 0;
}

enum { W_LOC, W_LOC_MATCH, W_CSUM, W_IDENT, W_DEV };
static const struct kword ila_words[] = {
	{ "loc", 1, W_LOC }, { "loc_match", 1, W_LOC_MATCH }, { "csum-mode", 1, W_CSUM },
	{ "ident-type", 1, W_IDENT }, { "dev", 1, W_DEV }, { NULL, 0, 0 }
};

/* The words into r: 0, or -1 after iproute2's message for a bad value or a missing word; its
 * request then goes out all the same, without attributes, and the kernel answers it. */
static int parse(struct ila_req *r, int argc, char **argv, int adding)
{
	int k;

	for (; argc > 0; argc--, argv++) {
		switch (kword_find(ila_words, *argv, -1)) {
		case W_LOC:
			NEXT_ARG();
			if (addr64(*argv, r->loc)) {
				errf("Bad locator: %s\n", *argv);
				return -1;
			}
			r->loc_set = 1;
			break;
		case W_LOC_MATCH:
			NEXT_ARG();
			if (addr64(*argv, r->loc_match)) {
				errf("Bad locator to match: %s\n", *argv);
				return -1;
			}
			r->loc_match_set = 1;
			break;
		case W_CSUM:
			NEXT_ARG();
			for (k = 0; k < 4 && strcmp(*argv, csum_names[k]); k++)
				;
			if (k == 4) {
				errf("Bad csum-mode: %s\n", *argv);
				return -1;
			}
			r->csum_mode = (uint8_t)k, r->csum_set = 1;
			break;
		case W_IDENT:
			NEXT_ARG();
			for (k = 0; k < IDENT_TAKEN && strcmp(*argv, ident_words[k].name); k++)
				;
			if (k == IDENT_TAKEN) {
				errf("Bad ident-type: %s\n", *argv);
				return -1;
			}
			r->ident_type = (uint8_t)ident_words[k].val, r->ident_set = 1;
			break;
		case W_DEV:
			NEXT_ARG();
			if (!(r->ifindex = ip_ll_index(*argv))) {
				errf("No such interface: %s\n", *argv);
				return -1;
			}
			r->ifindex_set = 1;
			break;
		default:
			usage();
		}
	}
	if (adding && !r->loc_set)
		errf("ila: missing locator\n");
	else if (adding && !r->loc_match_set)
		errf("ila: missing locator0match\n");
	else
		return 0;
	return -1;
}

static int modify(uint8_t cmd, int argc, char **argv)
{
	struct ila_req r;
	char buf[GENL_BUF];
	struct nlb b;
	int err;

	memset(&r, 0, sizeof(r));
	if (parse(&r, argc, argv, cmd == ILA_CMD_ADD))
		memset(&r, 0, sizeof(r));
	genl_ila_build(&b, buf, sizeof(buf), fam, cmd, &r);
	if ((err = nl_talk(sk, &b, NULL, NULL)) < 0)
		return ip_report_nlerr(sk, err);
	return 0;
}

static int do_add(int argc, char **argv) { return modify(ILA_CMD_ADD, argc, argv); }
static int do_del(int argc, char **argv) { return modify(ILA_CMD_DEL, argc, argv); }

static void pr_locid(const char *key, const struct nlattr *a)
{
	char s[24] = "-";
	const unsigned char *p;

	if (a && nla_len(a) >= 8) {
		p = nla_data(a);
		bfmt(s, sizeof(s), "%x:%x:%x:%x", p[0] << 8 | p[1], p[2] << 8 | p[3], p[4] << 8 | p[5], p[6] << 8 | p[7]);
	}
	pr_str(PR_ANY, key, "%-20s", s);
}

int ip_ila_print(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[ILA_ATTR_MAX + 1];
	int32_t index;
	uint8_t v;

	if (h->nlmsg_type != *(const uint16_t *)arg)
		return 0;
	if (h->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return 1;
	/* As iproute2's parse_rtattr: the attributes that fit. */
	nla_parse(tb, ILA_ATTR_MAX, (const char *)nlmsg_data(h) + GENL_HDRLEN, nlmsg_payload(h) - GENL_HDRLEN);
	pr_obj_open(NULL);
	pr_locid("locator_match", tb[ILA_ATTR_LOCATOR_MATCH]);
	pr_locid("locator", tb[ILA_ATTR_LOCATOR]);
	if (!nla_get_s32(tb[ILA_ATTR_IFINDEX], &index))
		pr_str(PR_ANY, "interface", "%-16s", index ? ifname_of(index) : "*");
	else
		pr_text("-          ");
	if (!nla_get_u8(tb[ILA_ATTR_CSUM_MODE], &v))
		pr_str(PR_ANY, "csum_mode", "%s", v < 4 ? csum_names[v] : "unknown");
	else
		pr_text("-          ");
	if (!nla_get_u8(tb[ILA_ATTR_IDENT_TYPE], &v)) {
		const struct kword *w = ident_words;

		while (w->name && w->val != v)
			w++;
		pr_str(PR_ANY, "ident_type", "%s", w->name ? w->name : "unknown");
	} else {
		pr_text("-");
	}
	pr_text("\n");
	pr_obj_close();
	out_record_end();
	return 0;
}

static int do_list(int argc, char **argv)
{
	(void)argv;
	if (argc > 0)
		ip_fail(1, "\"ip ila show\" does not take any arguments.\n");
	return ip_genl_show(sk, &fam, ILA_CMD_GET, ILA_GENL_VERSION, ip_ila_print, 255);
}

static const struct kw ila_cmds[] = {
	{ "add", 1, do_add }, { "delete", 1, do_del }, { "list", 1, do_list }, { NULL, 0, NULL }
};

int do_ila(int argc, char **argv)
{
	const struct kw *c;

	if (argc < 1 || kw_is(*argv, "help"))
		usage();
	sk = ip_genl(ILA_GENL_NAME, &fam);
	if (!(c = kw_find(ila_cmds, *argv)))
		die(255, "Command \"%s\" is unknown, try \"ip ila help\".\n", *argv);
	return c->fn(argc - 1, argv + 1);
}
