/* ip xfrm policy (iproute2 6.1's ip/xfrm_policy.c): add, update, delete, get, list, flush, count. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include "ip.h"
#include "ip_xfrm.h"
#include "lib.h"
#include "out.h"

static const char policy_usage[] =
	"Usage: ip xfrm policy { add | update } SELECTOR dir DIR [ ctx CTX ]\n"
	NSBOX_USAGE_MORE(
	"	[ mark MARK [ mask MASK ] ] [ index INDEX ] [ ptype PTYPE ]\n"
	"	[ action ACTION ] [ priority PRIORITY ] [ flag FLAG-LIST ]\n"
	"	[ if_id IF_ID ] [ LIMIT-LIST ] [ TMPL-LIST ]\n"
	"Usage: ip xfrm policy { delete | get } { SELECTOR | index INDEX } dir DIR\n"
	"	[ ctx CTX ] [ mark MARK [ mask MASK ] ] [ ptype PTYPE ]\n"
	"	[ if_id IF_ID ]\n"
	"Usage: ip xfrm policy { deleteall | list } [ nosock ] [ SELECTOR ] [ dir DIR ]\n"
	"	[ index INDEX ] [ ptype PTYPE ] [ action ACTION ] [ priority PRIORITY ]\n"
	"	[ flag FLAG-LIST ]\n"
	"Usage: ip xfrm policy flush [ ptype PTYPE ]\n"
	"Usage: ip xfrm policy count\n"
	"Usage: ip xfrm policy set [ hthresh4 LBITS RBITS ] [ hthresh6 LBITS RBITS ]\n"
	"Usage: ip xfrm policy setdefault DIR ACTION [ DIR ACTION ] [ DIR ACTION ]\n"
	"Usage: ip xfrm policy getdefault\n"
	"SELECTOR := [ src ADDR[/PLEN] ] [ dst ADDR[/PLEN] ] [ dev DEV ] [ UPSPEC ]\n"
	"UPSPEC := proto { { tcp | udp | sctp | dccp } [ sport PORT ] [ dport PORT ] |\n"
	"                  { icmp | ipv6-icmp | mobility-header } [ type NUMBER ] [ code NUMBER ] |\n"
	"                  gre [ key { DOTTED-QUAD | NUMBER } ] | PROTO }\n"
	"DIR := in | out | fwd\n"
	"PTYPE := main | sub\n"
	"ACTION := allow | block\n"
	"FLAG-LIST := [ FLAG-LIST ] FLAG\n"
	"FLAG := localok | icmp\n"
	"LIMIT-LIST := [ LIMIT-LIST ] limit LIMIT\n"
	"LIMIT := { time-soft | time-hard | time-use-soft | time-use-hard } SECONDS |\n"
	"         { byte-soft | byte-hard } SIZE | { packet-soft | packet-hard } COUNT\n"
	"TMPL-LIST := [ TMPL-LIST ] tmpl TMPL\n"
	"TMPL := ID [ mode MODE ] [ reqid REQID ] [ level LEVEL ]\n"
	"ID := [ src ADDR ] [ dst ADDR ] [ proto XFRM-PROTO ] [ spi SPI ]\n"
	"XFRM-PROTO := esp | ah | comp | route2 | hao\n"
	"MODE := transport | tunnel | beet | ro | in_trigger\n"
	"LEVEL := required | use\n");

static void dir_parse(uint8_t *dir, const char *w)
{
	if (!strcmp(w, "in"))
		*dir = XFRM_POLICY_IN;
	else if (!strcmp(w, "out"))
		*dir = XFRM_POLICY_OUT;
	else if (!strcmp(w, "fwd"))
		*dir = XFRM_POLICY_FWD;
	else
		ip_invarg("DIR value is invalid", w);
}

static void ptype_parse(uint8_t *ptype, const char *w)
{
	if (!strcmp(w, "main"))
		*ptype = XFRM_POLICY_TYPE_MAIN;
	else if (!strcmp(w, "sub"))
		*ptype = XFRM_POLICY_TYPE_SUB;
	else
		ip_invarg("PTYPE value is invalid", w);
}

static void flag_parse(uint8_t *flags, int *argcp, char ***argvp)
{
	int argc = *argcp;
	char **argv = *argvp;
	uint32_t v;

	if (strlen(*argv) > 2 && !strncmp(*argv, "0x", 2)) {
		if (parse_u32(*argv, &v, 16) || v > 0xff)
			ip_invarg("FLAG value is invalid", *argv);
		*flags = (uint8_t)v;
		return;
	}
	for (;;) {
		if (!strcmp(*argv, "localok"))
			*flags |= XFRM_POLICY_LOCALOK;
		else if (!strcmp(*argv, "icmp"))
			*flags |= XFRM_POLICY_ICMP;
		else {
			argc++, argv--;
			break;
		}
		if (argc <= 1)
			break;
		NEXT_ARG();
	}
	*argcp = argc;
	*argvp = argv;
}

static void action_parse(uint8_t *action, const char *w)
{
	if (!strcmp(w, "allow"))
		*action = XFRM_POLICY_ALLOW;
	else if (!strcmp(w, "block"))
		*action = XFRM_POLICY_BLOCK;
	else
		ip_invarg("ACTION value is invalid\n", w);
}

static void tmpl_parse(struct xfrm_user_tmpl *t, int *argcp, char ***argvp)
{
	int argc = *argcp;
	char **argv = *argvp;
	const char *idp = NULL;

	for (;;) {
		if (!strcmp(*argv, "mode")) {
			NEXT_ARG();
			xf_mode_parse(&t->mode, *argv);
		} else if (!strcmp(*argv, "reqid")) {
			NEXT_ARG();
			xf_reqid_parse(&t->reqid, *argv);
		} else if (!strcmp(*argv, "level")) {
			NEXT_ARG();
			if (!strcmp(*argv, "required"))
				t->optional = 0;
			else if (!strcmp(*argv, "use"))
				t->optional = 1;
			else
				ip_invarg("LEVEL value is invalid\n", *argv);
		} else {
			if (idp) {
				argc++, argv--;
				break;
			}
			idp = *argv;
			xf_family = AF_UNSPEC;
			xf_id_parse(&t->saddr, &t->id, &t->family, 0, &argc, &argv);
			xf_family = t->family;
		}
		if (argc <= 1)
			break;
		NEXT_ARG();
	}
	if (argc == *argcp)
		xf_missarg("TMPL");
	*argcp = argc;
	*argvp = argv;
}

static int modify(uint16_t type, int argc, char **argv)
{
	struct xfrm_userpolicy_info xp;
	struct xfrm_userpolicy_type upt = { 0 };
	struct xfrm_user_tmpl tmpls[1024 / sizeof(struct xfrm_user_tmpl)];
	struct xfrm_mark mark = { 0, 0 };
	struct xf_sec_ctx ctx;
	const char *dirp = NULL, *selp = NULL, *ptypep = NULL, *sctxp = NULL;
	size_t ntmpl = 0;
	int has_if_id = 0;
	uint32_t if_id = 0;
	char buf[4096];
	struct nlb b;

	memset(&xp, 0, sizeof(xp));
	xp.sel.family = (uint16_t)xf_family;
	xp.lft.soft_byte_limit = xp.lft.hard_byte_limit = XFRM_INF;
	xp.lft.soft_packet_limit = xp.lft.hard_packet_limit = XFRM_INF;
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dir")) {
			if (dirp)
				xf_duparg("dir", *argv);
			dirp = *argv;
			NEXT_ARG();
			dir_parse(&xp.dir, *argv);
		} else if (!strcmp(*argv, "ctx")) {
			if (sctxp)
				xf_duparg("ctx", *argv);
			sctxp = *argv;
			NEXT_ARG();
			xf_ctx_parse(&ctx, *argv);
		} else if (!strcmp(*argv, "mark")) {
			xf_mark_parse(&mark, &argc, &argv);
		} else if (!strcmp(*argv, "index")) {
			NEXT_ARG();
			if (parse_u32(*argv, &xp.index, 0))
				ip_invarg("INDEX value is invalid", *argv);
		} else if (!strcmp(*argv, "ptype")) {
			if (ptypep)
				xf_duparg("ptype", *argv);
			ptypep = *argv;
			NEXT_ARG();
			ptype_parse(&upt.type, *argv);
		} else if (!strcmp(*argv, "action")) {
			NEXT_ARG();
			action_parse(&xp.action, *argv);
		} else if (!strcmp(*argv, "priority")) {
			NEXT_ARG();
			if (parse_u32(*argv, &xp.priority, 0))
				ip_invarg("PRIORITY value is invalid", *argv);
		} else if (!strcmp(*argv, "flag")) {
			NEXT_ARG();
			flag_parse(&xp.flags, &argc, &argv);
		} else if (!strcmp(*argv, "limit")) {
			NEXT_ARG();
			xf_lifetime_parse(&xp.lft, *argv, &argc, &argv);
		} else if (!strcmp(*argv, "tmpl")) {
			struct xfrm_user_tmpl *t;

			if (ntmpl >= sizeof(tmpls) / sizeof(tmpls[0]))
				die(1, "Too many tmpls: buffer overflow\n");
			t = &tmpls[ntmpl];
			memset(t, 0, sizeof(*t));
			t->family = (uint16_t)xf_family;
			t->aalgos = t->ealgos = t->calgos = ~0u;
			NEXT_ARG();
			tmpl_parse(t, &argc, &argv);
			ntmpl++;
		} else if (!strcmp(*argv, "if_id")) {
			NEXT_ARG();
			if (parse_u32(*argv, &if_id, 0))
				ip_invarg("IF_ID value is invalid", *argv);
			has_if_id = 1;
		} else {
			if (selp)
				xf_duparg("unknown", *argv);
			selp = *argv;
			xf_selector_parse(&xp.sel, &argc, &argv);
			if (xf_family == AF_UNSPEC)
				xf_family = xp.sel.family;
		}
	}
	if (!dirp)
		die(1, "Not enough information: DIR is required.\n");
	if (xp.sel.family == AF_UNSPEC)
		xp.sel.family = AF_INET;
	xfrm_build(&b, buf, sizeof(buf), type, 0, &xp, sizeof(xp));
	if (ptypep)
		nlb_put(&b, XFRMA_POLICY_TYPE, &upt, sizeof(upt));
	if (ntmpl)
		nlb_put(&b, XFRMA_TMPL, tmpls, ntmpl * sizeof(tmpls[0]));
	if (mark.m)
		nlb_put(&b, XFRMA_MARK, &mark, sizeof(mark));
	if (sctxp)
		nlb_put(&b, XFRMA_SEC_CTX, &ctx, ctx.sctx.len);
	if (has_if_id)
		nlb_put_u32(&b, XFRMA_IF_ID, if_id);
	xf_talk(&b);
	return 0;
}

static int do_add(int argc, char **argv) { return modify(XFRM_MSG_NEWPOLICY, argc, argv); }
static int do_update(int argc, char **argv) { return modify(XFRM_MSG_UPDPOLICY, argc, argv); }

/* The reply of a get, kept: printing may look up device names on another socket. */
static char answer[8192];

static int keep(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	if (h->nlmsg_len <= sizeof(answer))
		memcpy(answer, h, h->nlmsg_len);
	return 0;
}

static void get_or_delete(int argc, char **argv, int del)
{
	struct xfrm_userpolicy_id id;
	struct xfrm_userpolicy_type upt = { 0 };
	struct xfrm_mark mark = { 0, 0 };
	struct xf_sec_ctx ctx;
	const char *dirp = NULL, *selp = NULL, *indexp = NULL, *ptypep = NULL, *sctxp = NULL;
	int has_if_id = 0, err;
	uint32_t if_id = 0;
	char buf[4096];
	struct nlb b;

	memset(&id, 0, sizeof(id));
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dir")) {
			if (dirp)
				xf_duparg("dir", *argv);
			dirp = *argv;
			NEXT_ARG();
			dir_parse(&id.dir, *argv);
		} else if (!strcmp(*argv, "ctx")) {
			if (sctxp)
				xf_duparg("ctx", *argv);
			sctxp = *argv;
			NEXT_ARG();
			xf_ctx_parse(&ctx, *argv);
		} else if (!strcmp(*argv, "mark")) {
			xf_mark_parse(&mark, &argc, &argv);
		} else if (!strcmp(*argv, "index")) {
			if (indexp)
				xf_duparg("index", *argv);
			indexp = *argv;
			NEXT_ARG();
			if (parse_u32(*argv, &id.index, 0))
				ip_invarg("INDEX value is invalid", *argv);
		} else if (!strcmp(*argv, "ptype")) {
			if (ptypep)
				xf_duparg("ptype", *argv);
			ptypep = *argv;
			NEXT_ARG();
			ptype_parse(&upt.type, *argv);
		} else if (!strcmp(*argv, "if_id")) {
			NEXT_ARG();
			if (parse_u32(*argv, &if_id, 0))
				ip_invarg("IF_ID value is invalid", *argv);
			has_if_id = 1;
		} else {
			if (selp)
				ip_invarg("unknown", *argv);
			selp = *argv;
			xf_selector_parse(&id.sel, &argc, &argv);
			if (xf_family == AF_UNSPEC)
				xf_family = id.sel.family;
		}
	}
	if (!dirp)
		die(1, "Not enough information: DIR is required.\n");
	if (!selp && !indexp)
		die(1, "Not enough information: either SELECTOR or INDEX is required.\n");
	if (selp && indexp)
		die(255, "Error: either \"SELECTOR\" is duplicate, or \"INDEX\" is a garbage.\n");
	if (id.sel.family == AF_UNSPEC)
		id.sel.family = AF_INET;
	xfrm_build(&b, buf, sizeof(buf), del ? XFRM_MSG_DELPOLICY : XFRM_MSG_GETPOLICY, 0, &id, sizeof(id));
	if (ptypep)
		nlb_put(&b, XFRMA_POLICY_TYPE, &upt, sizeof(upt));
	if (mark.m & mark.v)
		nlb_put(&b, XFRMA_MARK, &mark, sizeof(mark));
	if (sctxp)
		nlb_put(&b, XFRMA_SEC_CTX, &ctx, ctx.sctx.len);
	if (has_if_id)
		nlb_put_u32(&b, XFRMA_IF_ID, if_id);
	if (del) {
		xf_talk(&b);
		return;
	}
	if ((err = nl_talk(xf_sock(), &b, keep, NULL)) < 0)
		xf_talk_failed(xf_sock(), err);
	if (xf_policy_print((const struct nlmsghdr *)answer) < 0)
		die(1, "An error :-)\n");
}

static int do_delete(int argc, char **argv)
{
	get_or_delete(argc, argv, 1);
	return 0;
}

static int do_get(int argc, char **argv)
{
	get_or_delete(argc, argv, 0);
	return 0;
}

static int print_one(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	return xf_policy_print(h) < 0;
}

static int do_list(int argc, char **argv)
{
	struct xf_filter *f = &xf_filter;
	const char *selp = NULL;
	char buf[64];
	struct nlb b;
	int err;

	if (argc > 0 || xf_family != AF_UNSPEC)
		f->use = 1;
	f->xpinfo.sel.family = (uint16_t)xf_family;
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dir")) {
			NEXT_ARG();
			dir_parse(&f->xpinfo.dir, *argv);
			f->dir_mask = 0xff;
		} else if (!strcmp(*argv, "index")) {
			NEXT_ARG();
			if (parse_u32(*argv, &f->xpinfo.index, 0))
				ip_invarg("INDEX value is invalid", *argv);
			f->index_mask = 0xffffffffu;
		} else if (!strcmp(*argv, "ptype")) {
			NEXT_ARG();
			ptype_parse(&f->ptype, *argv);
			f->ptype_mask = 0xff;
		} else if (!strcmp(*argv, "action")) {
			NEXT_ARG();
			action_parse(&f->xpinfo.action, *argv);
			f->action_mask = 0xff;
		} else if (!strcmp(*argv, "priority")) {
			NEXT_ARG();
			if (parse_u32(*argv, &f->xpinfo.priority, 0))
				ip_invarg("PRIORITY value is invalid", *argv);
			f->priority_mask = 0xffffffffu;
		} else if (!strcmp(*argv, "flag")) {
			NEXT_ARG();
			flag_parse(&f->xpinfo.flags, &argc, &argv);
			f->policy_flags_mask = 0xff;
		} else if (!strcmp(*argv, "nosock")) {
			f->filter_socket = 1;
		} else {
			if (selp)
				ip_invarg("unknown", *argv);
			selp = *argv;
			xf_selector_parse(&f->xpinfo.sel, &argc, &argv);
			if (xf_family == AF_UNSPEC)
				xf_family = f->xpinfo.sel.family;
		}
	}
	xfrm_dump_build(&b, buf, sizeof(buf), XFRM_MSG_GETPOLICY);
	if ((err = nl_talk(xf_sock(), &b, print_one, NULL)) < 0 || err > 0) {
		if (err < 0)
			ip_report_nlerr(xf_sock(), err);
		die(1, "Dump terminated\n");
	}
	out_exit(0);
}

static int do_flush(int argc, char **argv)
{
	struct xfrm_userpolicy_type upt = { 0 };
	const char *ptypep = NULL;
	char buf[64];
	struct nlb b;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "ptype")) {
			if (ptypep)
				xf_duparg("ptype", *argv);
			ptypep = *argv;
			NEXT_ARG();
			ptype_parse(&upt.type, *argv);
		} else {
			ip_invarg("unknown", *argv);
		}
	}
	xfrm_build(&b, buf, sizeof(buf), XFRM_MSG_FLUSHPOLICY, 0, NULL, 0);
	if (ptypep)
		nlb_put(&b, XFRMA_POLICY_TYPE, &upt, sizeof(upt));
	if (ipo.stats > 1)
		errf("Flush policy\n");
	xf_talk(&b);
	return 0;
}

static int print_spdinfo(const struct nlmsghdr *h, void *arg)
{
	struct xfrm_view v;
	struct xfrmu_spdinfo si;
	struct xfrmu_spdhinfo sh;
	struct xfrmu_spdhthresh th;
	const char *sl = xf_sl();

	(void)arg;
	if (xfrm_parse(h, &v) == -EPROTO || v.kind != XV_SPDINFO) {
		errf("SPDinfo: Wrong len %d\n", (int)h->nlmsg_len - (int)NLMSG_LENGTH(4));
		return 1;
	}
	outs("\t SPD");
	if (v.tb[XFRMA_SPD_INFO]) {
		if (xfrm_attr_copy(v.tb[XFRMA_SPD_INFO], &si, sizeof(si))) {
			errf("SPDinfo: Wrong len %d\n", (int)h->nlmsg_len - (int)NLMSG_LENGTH(4));
			return 1;
		}
		outf(" IN  %d OUT %d FWD %d", (int)si.incnt, (int)si.outcnt, (int)si.fwdcnt);
		if (ipo.stats)
			outf(" (Sock: IN %d OUT %d FWD %d)", (int)si.inscnt, (int)si.outscnt, (int)si.fwdscnt);
		outs(sl);
	}
	if (ipo.stats > 1) {
		if (v.tb[XFRMA_SPD_HINFO] && !xfrm_attr_copy(v.tb[XFRMA_SPD_HINFO], &sh, sizeof(sh)))
			outf("\t SPD buckets: count %d Max %d%s", (int)sh.spdhcnt, (int)sh.spdhmcnt, sl);
		if (v.tb[XFRMA_SPD_IPV4_HTHRESH] && !xfrm_attr_copy(v.tb[XFRMA_SPD_IPV4_HTHRESH], &th, sizeof(th)))
			outf("\t SPD IPv4 thresholds: local %d remote %d%s", th.lbits, th.rbits, sl);
		if (v.tb[XFRMA_SPD_IPV6_HTHRESH] && !xfrm_attr_copy(v.tb[XFRMA_SPD_IPV6_HTHRESH], &th, sizeof(th)))
			outf("\t SPD IPv6 thresholds: local %d remote %d%s", th.lbits, th.rbits, sl);
	}
	if (ipo.oneline)
		outs("\n");
	return 0;
}

static int do_count(int argc, char **argv)
{
	char buf[64];
	struct nlb b;
	int err;

	(void)argc, (void)argv;
	xfrm_info_build(&b, buf, sizeof(buf), XFRM_MSG_GETSPDINFO);
	if ((err = nl_talk(xf_sock(), &b, print_spdinfo, NULL)) < 0)
		xf_talk_failed(xf_sock(), err);
	return 0;
}

static const struct kw policy_cmds[] = {
	{ "add", 1, do_add }, { "update", 1, do_update }, { "delete", 1, do_delete },
	{ "deleteall", 1, NULL }, { "delall", 1, NULL }, { "list", 1, do_list }, { "show", 1, do_list },
	{ "lst", 1, do_list }, { "get", 1, do_get }, { "flush", 1, do_flush }, { "count", 1, do_count },
	{ "set", 1, NULL }, { "setdefault", 1, NULL }, { "getdefault", 1, NULL }, { NULL, 0, NULL }
};

int do_xfrm_policy(int argc, char **argv)
{
	if (argc < 1)
		return do_list(0, NULL);
	return ip_dispatch(policy_cmds, "xfrm policy", policy_usage, argc, argv);
}
