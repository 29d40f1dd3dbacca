/* ip xfrm policy (iproute2 6.1's ip/xfrm_policy.c): add, update, delete, get, list, flush, count. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include "ip.h"
#include "ip_xfrm.h"
#include "lib.h"
#include "out.h"

NSBOX_USAGE(policy_usage,
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
	"LEVEL := required | use\n"));

static void tmpl_parse(struct xfrm_user_tmpl *t, int *argcp, char ***argvp)
{
	static const char levels[] = XT("\x00", "required") XT("\x01", "use") XT_END;
	int argc = *argcp, l;
	char **argv = *argvp;
	const char *idp = NULL;

	for (;;) {
		switch (kw_whole("mode\0reqid\0level\0", *argv)) {
		case 0:
			NEXT_ARG();
			xf_mode_parse(&t->mode, *argv);
			break;
		case 1:
			NEXT_ARG();
			xf_reqid_parse(&t->reqid, *argv);
			break;
		case 2:
			NEXT_ARG();
			if ((l = xf_tval(levels, *argv, 0)) < 0)
				ip_invarg("LEVEL value is invalid\n", *argv);
			t->optional = (uint8_t)l;
			break;
		default:
			if (idp) {
				argc++, argv--;
				goto out;
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
out:
	if (argc == *argcp)
		xf_missarg("TMPL");
	*argcp = argc;
	*argvp = argv;
}

/* The commands' words (policy_cmds): add and update are 0 and 1. */
enum { C_DELETE = 2 };

static const char actions[] = XT("\x00", "allow") XT("\x01", "block") XT_END;

/* The words of add/update, delete/get and list; 0 is the SELECTOR, any word not taken. */
enum { P_SEL, P_DIR, P_CTX, P_MARK, P_INDEX, P_PTYPE, P_ACTION, P_PRIORITY, P_FLAG, P_LIMIT, P_TMPL,
       P_IF_ID, P_NOSOCK, P_N };
/* Word i is P_DIR + i. */
static const char policy_words[] = "dir\0ctx\0mark\0index\0ptype\0action\0priority\0flag\0limit\0tmpl\0"
	"if_id\0nosock\0";
#define P(w) (1u << (w))

struct policy_args {
	struct xfrm_userpolicy_info xp;
	uint8_t ptype;
	struct xfrm_mark mark;
	struct xf_sec_ctx ctx;
	uint32_t if_id;
	size_t ntmpl;
	struct xfrm_user_tmpl tmpls[1024 / sizeof(struct xfrm_user_tmpl)];
	const char *seen[P_N];
};

/* Words in take are read, the others are a SELECTOR; a second one of those in dup is an error
 * (a second SELECTOR is one in any case: "duplicate" when P_SEL is in dup, else "unknown"). */
static void policy_parse(struct policy_args *a, unsigned take, unsigned dup, int argc, char **argv)
{
	struct xfrm_userpolicy_info *xp = &a->xp;

	for (; argc > 0; argc--, argv++) {
		int w = kw_whole(policy_words, *argv) + 1, l;
		uint32_t v;

		if (!(take & P(w)))
			w = P_SEL;
		if (a->seen[w] && (dup & P(w)))
			ip_duparg(w ? kw_nth(policy_words, (unsigned)w - 1) : "unknown", *argv);
		if (a->seen[w] && w == P_SEL)
			ip_invarg("unknown", *argv);
		a->seen[w] = *argv;
		switch (w) {
		case P_MARK:
			xf_mark_parse(&a->mark, 0, &argc, &argv);
			continue;
		case P_TMPL: {
			struct xfrm_user_tmpl *t;

			if (a->ntmpl >= sizeof(a->tmpls) / sizeof(a->tmpls[0]))
				die(1, "Too many tmpls: buffer overflow\n");
			t = &a->tmpls[a->ntmpl];
			memset(t, 0, sizeof(*t));
			t->family = (uint16_t)xf_family;
			t->aalgos = t->ealgos = t->calgos = ~0u;
			NEXT_ARG();
			tmpl_parse(t, &argc, &argv);
			a->ntmpl++;
			continue;
		}
		case P_SEL:
			xf_selector_parse(&xp->sel, &argc, &argv);
			if (xf_family == AF_UNSPEC)
				xf_family = xp->sel.family;
			continue;
		case P_NOSOCK:
			continue;
		}
		NEXT_ARG();
		switch (w) {
		case P_DIR:
			xp->dir = (uint8_t)xf_word(xf_dirs, *argv, "DIR");
			break;
		case P_CTX:
			xf_ctx_parse(&a->ctx, *argv);
			break;
		case P_INDEX:
			xf_u32_arg(&xp->index, *argv, "INDEX");
			break;
		case P_PTYPE:
			a->ptype = (uint8_t)xf_word(xf_ptypes, *argv, "PTYPE");
			break;
		case P_ACTION:
			if ((l = xf_tval(actions, *argv, 0)) < 0)
				ip_invarg("ACTION value is invalid\n", *argv);
			xp->action = (uint8_t)l;
			break;
		case P_PRIORITY:
			xf_u32_arg(&xp->priority, *argv, "PRIORITY");
			break;
		case P_FLAG:
			v = xp->flags;
			xf_flags_parse(&v, xf_policy_flags, 0xff, "FLAG value is invalid", &argc, &argv);
			xp->flags = (uint8_t)v;
			break;
		case P_LIMIT:
			xf_lifetime_parse(&xp->lft, &argc, &argv);
			break;
		case P_IF_ID:
			xf_u32_arg(&a->if_id, *argv, "IF_ID");
			break;
		}
	}
}

static void need_dir(struct policy_args *a)
{
	if (!a->seen[P_DIR])
		die(1, "Not enough information: DIR is required.\n");
	if (a->xp.sel.family == AF_UNSPEC)
		a->xp.sel.family = AF_INET;
}

/* The attributes add/update and delete/get share, in iproute2's order. */
static void policy_attrs(struct nlb *b, const struct policy_args *a, int mark)
{
	if (a->seen[P_PTYPE]) {
		struct xfrm_userpolicy_type upt = { 0 };

		upt.type = a->ptype;
		nlb_put(b, XFRMA_POLICY_TYPE, &upt, sizeof(upt));
	}
	if (a->ntmpl)
		nlb_put(b, XFRMA_TMPL, a->tmpls, a->ntmpl * sizeof(a->tmpls[0]));
	if (mark)
		nlb_put(b, XFRMA_MARK, &a->mark, sizeof(a->mark));
	if (a->seen[P_CTX])
		nlb_put(b, XFRMA_SEC_CTX, &a->ctx, a->ctx.sctx.len);
	if (a->seen[P_IF_ID])
		nlb_put_u32(b, XFRMA_IF_ID, a->if_id);
}

static int modify(int cmd, int argc, char **argv)
{
	struct policy_args a;
	char buf[4096];
	struct nlb b;

	memset(&a, 0, sizeof(a));
	a.xp.sel.family = (uint16_t)xf_family;
	a.xp.lft.soft_byte_limit = a.xp.lft.hard_byte_limit = XFRM_INF;
	a.xp.lft.soft_packet_limit = a.xp.lft.hard_packet_limit = XFRM_INF;
	policy_parse(&a, ~P(P_NOSOCK), P(P_SEL) | P(P_DIR) | P(P_CTX) | P(P_PTYPE), argc, argv);
	need_dir(&a);
	xfrm_build(&b, buf, sizeof(buf), cmd ? XFRM_MSG_UPDPOLICY : XFRM_MSG_NEWPOLICY, 0, &a.xp, sizeof(a.xp));
	policy_attrs(&b, &a, a.mark.m != 0);
	xf_talk(&b);
	return 0;
}

static int get_or_delete(int cmd, int argc, char **argv)
{
	int del = cmd == C_DELETE;
	static const unsigned words = P(P_DIR) | P(P_CTX) | P(P_MARK) | P(P_INDEX) | P(P_PTYPE) | P(P_IF_ID);
	struct policy_args a;
	struct xfrm_userpolicy_id id;
	char buf[4096];
	struct nlb b;

	memset(&a, 0, sizeof(a));
	policy_parse(&a, words, P(P_DIR) | P(P_CTX) | P(P_INDEX) | P(P_PTYPE), argc, argv);
	need_dir(&a);
	if (!a.seen[P_SEL] && !a.seen[P_INDEX])
		die(1, "Not enough information: either SELECTOR or INDEX is required.\n");
	if (a.seen[P_SEL] && a.seen[P_INDEX])
		die(255, "Error: either \"SELECTOR\" is duplicate, or \"INDEX\" is a garbage.\n");
	memset(&id, 0, sizeof(id));
	id.sel = a.xp.sel;
	id.index = a.xp.index;
	id.dir = a.xp.dir;
	xfrm_build(&b, buf, sizeof(buf), del ? XFRM_MSG_DELPOLICY : XFRM_MSG_GETPOLICY, 0, &id, sizeof(id));
	policy_attrs(&b, &a, (a.mark.m & a.mark.v) != 0);
	if (del)
		xf_talk(&b);
	else
		xf_get(&b, 1);
	return 0;
}

static int print_one(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	return xf_policy_print(h) < 0;
}

static int do_list(int cmd, int argc, char **argv)
{
	static const unsigned words = P(P_DIR) | P(P_INDEX) | P(P_PTYPE) | P(P_ACTION) | P(P_PRIORITY) |
				      P(P_FLAG) | P(P_NOSOCK);
	struct xf_filter *f = &xf_filter;
	struct policy_args a;
	char buf[64];
	struct nlb b;

	(void)cmd;
	if (argc > 0 || xf_family != AF_UNSPEC)
		f->use = 1;
	memset(&a, 0, sizeof(a));
	a.xp.sel.family = (uint16_t)xf_family;
	policy_parse(&a, words, 0, argc, argv);
	f->xpinfo = a.xp;
	f->ptype = a.ptype;
	f->dir_mask = a.seen[P_DIR] ? 0xff : 0;
	f->index_mask = a.seen[P_INDEX] ? 0xffffffffu : 0;
	f->ptype_mask = a.seen[P_PTYPE] ? 0xff : 0;
	f->action_mask = a.seen[P_ACTION] ? 0xff : 0;
	f->priority_mask = a.seen[P_PRIORITY] ? 0xffffffffu : 0;
	f->policy_flags_mask = a.seen[P_FLAG] ? 0xff : 0;
	f->filter_socket = a.seen[P_NOSOCK] != NULL;
	xfrm_dump_build(&b, buf, sizeof(buf), XFRM_MSG_GETPOLICY);
	xf_dump(&b, print_one, NULL);
}

static int do_flush(int cmd, int argc, char **argv)
{
	struct xfrm_userpolicy_type upt = { 0 };
	char buf[64];
	struct nlb b;
	int t = xf_flush_arg("ptype", xf_ptypes, "PTYPE", argc, argv);

	(void)cmd;
	xfrm_build(&b, buf, sizeof(buf), XFRM_MSG_FLUSHPOLICY, 0, NULL, 0);
	if (t >= 0) {
		upt.type = (uint8_t)t;
		nlb_put(&b, XFRMA_POLICY_TYPE, &upt, sizeof(upt));
	}
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
	if (xfrm_parse(h, &v) == -EPROTO || v.kind != XV_SPDINFO)
		goto bad;
	outs("\t SPD");
	if (v.tb[XFRMA_SPD_INFO]) {
		if (xfrm_attr_copy(v.tb[XFRMA_SPD_INFO], &si, sizeof(si)))
			goto bad;
		outf(" IN  %d OUT %d FWD %d", (int)si.incnt, (int)si.outcnt, (int)si.fwdcnt);
		if (ipo.stats)
			outf(" (Sock: IN %d OUT %d FWD %d)", (int)si.inscnt, (int)si.outscnt, (int)si.fwdscnt);
		outs(sl);
	}
	if (ipo.stats > 1) {
		if (v.tb[XFRMA_SPD_HINFO] && !xfrm_attr_copy(v.tb[XFRMA_SPD_HINFO], &sh, sizeof(sh)))
			outf("\t SPD buckets: count %d Max %d%s", (int)sh.spdhcnt, (int)sh.spdhmcnt, sl);
		for (int i = 0; i < 2; i++) {
			const struct nlattr *a = v.tb[i ? XFRMA_SPD_IPV6_HTHRESH : XFRMA_SPD_IPV4_HTHRESH];

			if (a && !xfrm_attr_copy(a, &th, sizeof(th)))
				outf("\t SPD IPv%d thresholds: local %d remote %d%s", i ? 6 : 4, th.lbits, th.rbits, sl);
		}
	}
	if (ipo.oneline)
		outs("\n");
	return 0;
bad:
	errf("SPDinfo: Wrong len %d\n", (int)h->nlmsg_len - (int)NLMSG_LENGTH(4));
	return 1;
}

static int do_count(int cmd, int argc, char **argv)
{
	(void)cmd, (void)argc, (void)argv;
	xf_count(XFRM_MSG_GETSPDINFO, print_spdinfo);
	return 0;
}

static const char policy_cmds[] = "add\0update\0delete\0deleteall\0delall\0list\0show\0lst\0get\0flush\0"
	"count\0set\0setdefault\0getdefault\0";
static xf_cmd_fn *const policy_fns[] = { modify, modify, get_or_delete, NULL, NULL, do_list, do_list,
	do_list, get_or_delete, do_flush, do_count, NULL, NULL, NULL };

int do_xfrm_policy(int argc, char **argv)
{
	if (argc < 1)
		return do_list(0, 0, NULL);
	return xf_dispatch(policy_cmds, policy_fns, "xfrm policy", policy_usage, argc, argv);
}
