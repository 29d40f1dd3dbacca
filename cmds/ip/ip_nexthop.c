/* ip nexthop add|replace|delete|list|get|flush (not bucket), and the nexthop record that
 * ip route -d prints after nh_info. */
#include <errno.h>
#include <string.h>
#include "lib.h"
#include "inet.h"
#include "ip.h"
#include "ip_print.h"
#include "ip_route.h"
#include "rtnl_nexthop.h"
#include "out.h"

NSBOX_USAGE(nh_usage,
	"Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR\n"
	NSBOX_USAGE_MORE("       ip nexthop { add | replace } id ID NH [ protocol ID ]\n"
	"       ip nexthop { get | del } id ID\n"
	"       ip nexthop bucket list BUCKET_SELECTOR\n"
	"       ip nexthop bucket get id ID index INDEX\n"
	"SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ]\n"
	"            [ groups ] [ fdb ]\n"
	"BUCKET_SELECTOR := SELECTOR | [ nhid ID ]\n"
	"NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ]\n"
	"        [ encap ENCAPTYPE ENCAPHDR ] |\n"
	"        group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }\n"
	"GROUP := [ <id[,weight]>/<id[,weight]>/... ]\n"
	"TYPE := { mpath | resilient }\n"
	"TYPE_ARGS := [ RESILIENT_ARGS ]\n"
	"RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ]\n"
	"                  [ unbalanced_timer UNBALANCED ]\n"
	"ENCAPTYPE := [ mpls ]\n"
	"ENCAPHDR := [ MPLSLABEL ]\n"));

static __attribute__((noinline)) _Noreturn void nh_usage_exit(void)
{
	ip_usage_exit(nh_usage);
}

static uint32_t parse_id(const char *s)
{
	uint32_t id;

	if (parse_u32(s, &id, 0))
		ip_invarg("invalid id value", s);
	return id;
}

static int xdev(const char *name, const char *msg)
{
	int i = ip_ll_index(name);

	if (!i)
		ip_invarg(msg, name);
	return i;
}

/* ID[,WEIGHT]/...: NHA_GROUP, a nexthop_grp each (weight - 1 on the wire). iproute2 names
 * a bad group by its words up to the first '/' or ',' (it has cut the string there). */
static void put_group(struct nlb *b, const char *s)
{
	struct nexthop_grp g[128];
	char part[64], *w;
	size_t n = 0, len;
	uint32_t v;

	for (const char *p = s;; p += len + 1) {
		len = strcspn(p, "/");
		if (n == sizeof(g) / sizeof(g[0]) || len >= sizeof(part))
			break;
		memcpy(part, p, len);
		part[len] = 0;
		memset(&g[n], 0, sizeof(g[n]));
		if ((w = strchr(part, ',')))
			*w++ = 0;
		if (parse_u32(part, &g[n].id, 0))
			break;
		if (w && (parse_u32(w, &v, 0) || v == 0 || v > 256))
			ip_invarg("\"weight\" is invalid\n", w);
		g[n++].weight = w ? (uint8_t)(v - 1) : 0;
		if (!p[len]) {
			nlb_put(b, NHA_GROUP, g, n * sizeof(g[0]));
			return;
		}
	}
	len = strcspn(s, "/,");
	bfmt(part, sizeof(part), "%.*s", (int)len, s);
	ip_invarg("\"group\" value is invalid\n", part);
}

/* type mpath|resilient [buckets N] [idle_timer S] [unbalanced_timer S]: argv at "type"; leaves
 * argv at the last word used. A resilient type with words after it opens NHA_RES_GROUP, even
 * when none of them is its own (as iproute2 does). */
static void put_type(struct nlb *b, int *argc, char ***argv)
{
	/* kwt_find's (whole words): length, the attribute's offset from NHA_RES_GROUP_BUCKETS */
	static const char tnames[] = "\x07\x00" "buckets\0" "\x0a\x01" "idle_timer\0"
				     "\x10\x02" "unbalanced_timer\0" "\0\0";
	static const char msgs[] = "invalid buckets value\0invalid idle timer value\0invalid unbalanced timer value";
	const char *e;
	const char *w = rt_next_word(argc, argv);
	uint16_t type = NEXTHOP_GRP_TYPE_MPATH;
	struct nlattr *nest;
	uint32_t v;
	size_t t;

	if (!strcmp(w, "resilient"))
		type = NEXTHOP_GRP_TYPE_RES;
	else if (strcmp(w, "mpath"))
		ip_invarg("\"type\" value is invalid\n", w);
	if (type == NEXTHOP_GRP_TYPE_RES && *argc > 1) {
		nest = nlb_nest_start(b, NHA_RES_GROUP | NLA_F_NESTED);
		while (*argc > 1) {
			if (!(e = kwt_find(tnames, 2, 0, (*argv)[1])))
				break;
			t = (size_t)e[1];
			rt_next_word(argc, argv);
			w = rt_next_word(argc, argv);
			if (parse_u32(w, &v, 0) || (t == 0 && v > 0xffff) || (t > 0 && v >= UINT32_MAX / 100))
				ip_invarg(kw_nth(msgs, t), w);
			/* BUCKETS (u16), IDLE_TIMER, UNBALANCED_TIMER (u32, in 1/100 s) */
			if (t == 0)
				nlb_put_u16(b, NHA_RES_GROUP_BUCKETS, (uint16_t)v);
			else
				nlb_put_u32(b, (uint16_t)(NHA_RES_GROUP_BUCKETS + t), v * 100);
		}
		nlb_nest_end(b, nest);
	}
	nlb_put_u16(b, NHA_GROUP_TYPE, type);
}

/* via [FAMILY] ADDR: NHA_GATEWAY; the nexthop takes the address' family. */
static void put_via(struct nlb *b, struct nhmsg *nhm, int *argc, char ***argv)
{
	struct inet_prefix a;
	int f = rt_via_family(nhm->nh_family, argc, argv);

	ip_get_addr(&a, **argv, f);
	if (nhm->nh_family == AF_UNSPEC)
		nhm->nh_family = (uint8_t)a.family;
	else if (nhm->nh_family != a.family)
		ip_invarg("address family mismatch\n", **argv);
	nlb_put(b, NHA_GATEWAY, a.data, (size_t)a.bytelen);
}

enum { N_ID, N_DEV, N_VIA, N_ENCAP, N_BLACKHOLE, N_FDB, N_ONLINK, N_GROUP, N_TYPE, N_PROTO, N_HELP };
static const char nh_words[] =   /* kwt_find's: minimum length, N_ value, name */
	"\x02\x00" "id\0" "\x03\x01" "dev\0" "\x03\x02" "via\0" "\x05\x03" "encap\0"
	"\x09\x04" "blackhole\0" "\x03\x05" "fdb\0" "\x06\x06" "onlink\0" "\x05\x07" "group\0"
	"\x04\x08" "type\0" "\x01\x09" "protocol\0" "\x04\x0a" "help\0" "\0\0";

/* ip nexthop add|replace|delete: the words into one request, as iproute2's ipnh_modify. */
static int nh_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	char buf[RTNL_BUF];
	struct nlb b;
	struct nhmsg *nhm = rtnl_nexthop_start(&b, buf, sizeof(buf), type, nlflags | NLM_F_ACK,
					       (uint8_t)ipo.family);
	uint32_t flags = 0;
	int err;

	for (; argc > 0; argc--, argv++) {
		const char *e = kwt_find(nh_words, 2, 0, *argv);

		switch (e ? e[1] : -1) {
		case N_ID:
			NEXT_ARG();
			nlb_put_u32(&b, NHA_ID, parse_id(*argv));
			break;
		case N_DEV:
			NEXT_ARG();
			nlb_put_u32(&b, NHA_OIF, (uint32_t)xdev(*argv, "Device does not exist\n"));
			if (nhm->nh_family == AF_UNSPEC)
				nhm->nh_family = AF_INET;
			break;
		case N_BLACKHOLE:
			nlb_put(&b, NHA_BLACKHOLE, NULL, 0);
			if (nhm->nh_family == AF_UNSPEC)
				nhm->nh_family = AF_INET;
			break;
		case N_VIA:
			NEXT_ARG();
			put_via(&b, nhm, &argc, &argv);
			break;
		case N_ENCAP:
			die(1, "ip: nexthop option \"encap\" is not implemented in nsbox\n");
		case N_FDB:
			nlb_put(&b, NHA_FDB, NULL, 0);
			break;
		case N_ONLINK:
			flags |= RTNH_F_ONLINK;
			break;
		case N_GROUP:
			NEXT_ARG();
			put_group(&b, *argv);
			break;
		case N_TYPE:
			put_type(&b, &argc, &argv);
			break;
		case N_PROTO:
			NEXT_ARG();
			nhm->nh_protocol = rt_xproto(*argv);
			break;
		case N_HELP:
			nh_usage_exit();
		default:
			ip_invarg("", *argv);
		}
	}
	nhm->nh_flags = flags;
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

/* NHA_GROUP: "group ID[,WEIGHT]/... " */
static void pr_group(const struct nlattr *a)
{
	struct nexthop_grp g;
	size_t n = nla_len(a) / sizeof(g);

	pr_arr_open(PR_JSON, "group");
	pr_text("group ");
	for (size_t i = 0; i < n; i++) {
		memcpy(&g, (char *)nla_data(a) + i * sizeof(g), sizeof(g));
		pr_obj_open(NULL);
		if (i)
			pr_text("/");
		pr_uint(PR_ANY, "id", "%u", g.id);
		if (g.weight)
			pr_uint(PR_ANY, "weight", ",%u", g.weight + 1u);
		pr_obj_close();
	}
	pr_text(" ");
	pr_arr_close(PR_JSON, NULL);
}

/* A time in USER_HZ ticks as seconds, %g. */
static void pr_ticks(const char *key, uint64_t t)
{
	char g[16];

	fmt_g(g, (double)(t / 100) + (double)(t % 100) / 100);
	pr_text("%s %s ", key, g);
	pr_raw(key, g);
}

static void pr_res_group(struct nlattr *const *rg)
{
	uint16_t buckets = 0;
	uint32_t v[2] = { 0, 0 };
	uint64_t unbal = 0;

	if (rg[NHA_RES_GROUP_BUCKETS])
		memcpy(&buckets, nla_data(rg[NHA_RES_GROUP_BUCKETS]), 2);
	for (int i = 0; i < 2; i++)
		if (rg[NHA_RES_GROUP_IDLE_TIMER + i])
			nla_get_u32(rg[NHA_RES_GROUP_IDLE_TIMER + i], &v[i]);
	if (rg[NHA_RES_GROUP_UNBALANCED_TIME])
		memcpy(&unbal, nla_data(rg[NHA_RES_GROUP_UNBALANCED_TIME]), 8);
	pr_obj_open("resilient_args");
	pr_uint(PR_ANY, "buckets", "buckets %u ", buckets);
	pr_ticks("idle_timer", v[0]);
	pr_ticks("unbalanced_timer", v[1]);
	pr_ticks("unbalanced_time", unbal);
	pr_obj_close();
}

static uint32_t nh_u32(const struct nlattr *a)
{
	uint32_t v = 0;

	nla_get_u32(a, &v);
	return v;
}

/* One nexthop's fields inside its JSON object (key: the object's name, NULL in an array). */
static void pr_nexthop(const struct nh_info *ni, const char *key)
{
	struct nlattr *const *tb = ni->tb;
	const struct nhmsg *nhm = ni->nhm;
	char nb[PR_NAMESZ], hb[PR_HOSTSZ];
	uint16_t gtype = 0;

	pr_obj_open(key);
	pr_uint(PR_ANY, "id", "id %u ", nh_u32(tb[NHA_ID]));
	if (tb[NHA_GROUP])
		pr_group(tb[NHA_GROUP]);
	if (tb[NHA_GROUP_TYPE])
		memcpy(&gtype, nla_data(tb[NHA_GROUP_TYPE]), 2);
	if (gtype != NEXTHOP_GRP_TYPE_MPATH)
		pr_str(PR_ANY, "type", "type %s ", gtype == NEXTHOP_GRP_TYPE_RES ? "resilient" : "<unknown type>");
	if (tb[NHA_RES_GROUP])
		pr_res_group(ni->rg);
	if (tb[NHA_GATEWAY] && nla_len(tb[NHA_GATEWAY])) {
		fmt_host(nhm->nh_family, nla_data(tb[NHA_GATEWAY]), nla_len(tb[NHA_GATEWAY]), hb);
		pr_str(PR_ANY, "gateway", "via %s ", hb);
	}
	if (nh_u32(tb[NHA_OIF]))
		pr_str(PR_ANY, "dev", "dev %s ", ifname_of((int)nh_u32(tb[NHA_OIF])));
	if (nhm->nh_scope != RT_SCOPE_UNIVERSE || IPO_DETAILS)
		pr_str(PR_ANY, "scope", "scope %s ", name_scope(nhm->nh_scope, nb));
	if (tb[NHA_BLACKHOLE]) {
		pr_text("blackhole ");
		pr_null("blackhole");
	}
	if (nhm->nh_protocol != RTPROT_UNSPEC || IPO_DETAILS)
		pr_str(PR_ANY, "protocol", "proto %s ", name_proto(nhm->nh_protocol, nb));
	pr_rt_flags(nhm->nh_flags);
	if (tb[NHA_FDB]) {
		pr_text("fdb");
		pr_null("fdb");
	}
	pr_obj_close();
}

/* An event of ip monitor, as iproute2's print_cache_nexthop prints it. */
void pr_nexthop_msg(const struct nlmsghdr *h)
{
	struct nh_info ni;

	if (h->nlmsg_len < NLMSG_SPACE(sizeof(struct nhmsg))) {
		errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - NLMSG_SPACE(sizeof(struct nhmsg))));
		return;
	}
	if (rtnl_nexthop_parse(h, &ni)) {
		errf("Error parsing nexthop: %s\n", errtext(EINVAL));
		return;
	}
	if (h->nlmsg_type == RTM_DELNEXTHOP)
		pr_text("Deleted ");
	pr_nexthop(&ni, NULL);
	pr_text("\n");
}

/* A bucket event, as iproute2's print_nexthop_bucket prints it (sic: never "Deleted ", its test
 * is of RTM_DELNEXTHOP). */
void pr_nh_bucket_msg(const struct nlmsghdr *h)
{
	const struct nhmsg *nhm = nlmsg_data(h);
	struct nlattr *tb[NHA_MAX + 1], *bt[NHA_RES_BUCKET_MAX + 1];
	size_t hl = NLMSG_ALIGN(sizeof(*nhm));
	uint16_t index = 0;
	uint64_t t = 0;

	if (h->nlmsg_len < NLMSG_SPACE(sizeof(*nhm))) {
		errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - NLMSG_SPACE(sizeof(*nhm))));
		return;
	}
	nla_parse(tb, NHA_MAX, (const char *)nhm + hl, nlmsg_payload(h) - hl);
	if (tb[NHA_ID])
		pr_uint(PR_ANY, "id", "id %u ", nh_u32(tb[NHA_ID]));
	if (tb[NHA_RES_BUCKET]) {
		nla_parse_nested(bt, NHA_RES_BUCKET_MAX, tb[NHA_RES_BUCKET]);
		pr_obj_open("bucket");
		if (bt[NHA_RES_BUCKET_INDEX]) {
			memcpy(&index, nla_data(bt[NHA_RES_BUCKET_INDEX]), nla_len(bt[NHA_RES_BUCKET_INDEX]) < 2 ?
			       nla_len(bt[NHA_RES_BUCKET_INDEX]) : 2);
			pr_uint(PR_ANY, "index", "index %u ", index);
		}
		if (bt[NHA_RES_BUCKET_IDLE_TIME]) {
			memcpy(&t, nla_data(bt[NHA_RES_BUCKET_IDLE_TIME]), nla_len(bt[NHA_RES_BUCKET_IDLE_TIME]) < 8 ?
			       nla_len(bt[NHA_RES_BUCKET_IDLE_TIME]) : 8);
			pr_ticks("idle_time", t);
		}
		if (bt[NHA_RES_BUCKET_NH_ID])
			pr_uint(PR_ANY, "nhid", "nhid %u ", nh_u32(bt[NHA_RES_BUCKET_NH_ID]));
		pr_obj_close();
	}
	pr_rt_flags(nhm->nh_flags);
	pr_text("\n");
}

struct nh_list {
	uint32_t proto;       /* 0: any (iproute2's filter.proto) */
	int flush;
	unsigned flushed;
};

static const char *pr_nexthop_key;   /* "nh_info" inside a route, else NULL */

/* Delete nexthop id: 1 after saying why it failed. flush id N: that one only, and no count. */
static int nh_del_id(uint32_t id)
{
	char buf[64];
	struct nlb b;
	int err;

	rtnl_nexthop_del_build(&b, buf, sizeof(buf), id);
	if ((err = nl_talk(ip_sock(), &b, NULL, NULL))) {
		ip_report_nlerr(ip_sock(), err);
		return 1;
	}
	return 0;
}

/* A dumped or gotten nexthop: printed, or deleted (flush) on a socket of its own. */
static int one_nexthop(const struct nlmsghdr *h, void *arg)
{
	struct nh_list *l = arg;
	struct nh_info ni;

	if ((h->nlmsg_type != RTM_NEWNEXTHOP && h->nlmsg_type != RTM_DELNEXTHOP) || rtnl_nexthop_parse(h, &ni))
		return 0;
	if (l->proto && l->proto != ni.nhm->nh_protocol)
		return 0;
	if (!l->flush) {
		pr_nexthop(&ni, pr_nexthop_key);
		if (!pr_nexthop_key)
			pr_text("\n");
		return 0;
	}
	/* iproute2 goes on after an error, and exits 0 */
	if (nh_u32(ni.tb[NHA_ID]) && !nh_del_id(nh_u32(ni.tb[NHA_ID])))
		l->flushed++;
	return 0;
}

/* ip nexthop get's answer: the JSON array opens with it, so that a failed get prints nothing. */
static int got_nexthop(const struct nlmsghdr *h, void *arg)
{
	pr_begin();
	return one_nexthop(h, arg);
}

/* ip route -d: "nh_info" and the nexthop of id, when the kernel has it. */
void ip_nexthop_pr_id(uint32_t id)
{
	static struct rt_answer c;
	struct nh_list l = { 0, 0, 0 };

	c.len = 0;
	if (rtnl_nexthop_get(ip_sock(), AF_UNSPEC, id, rt_take_answer, &c) || !c.len)
		return;
	pr_text("\n\tnh_info ");
	pr_nexthop_key = "nh_info";
	one_nexthop((const struct nlmsghdr *)c.buf, &l);
	pr_nexthop_key = NULL;
}

static int nh_get_id(uint32_t id)
{
	struct nh_list l = { 0, 0, 0 };
	int err;

	err = rtnl_nexthop_get(show_sock(0), (uint8_t)ipo.family, id, got_nexthop, &l);
	if (err)
		return ip_report_nlerr(show_sock(0), err);
	pr_end();
	return 0;
}

static uint32_t vrf_index(const char *name)
{
	int index = ip_vrf_of(name, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS);

	if (!index)
		ip_invarg("Invalid VRF\n", name);
	return (uint32_t)index;
}

static int nh_flush(struct nh_filter *f, struct nh_list *l, int all)
{
	int err;

	l->flush = 1;
	if (all)
		f->groups = 1;
	do {
		err = rtnl_nexthop_dump(show_sock(0), (uint8_t)ipo.family, f, one_nexthop, l);
		if (err) {
			errf("Dump terminated. Failed to flush nexthops\n");
			break;
		}
	} while (all && f->groups && !(f->groups = 0));
	if (l->flushed)
		outf("Flushed %u nexthops\n", l->flushed);
	else
		outs("Nothing to flush\n");
	return err ? 2 : 0;
}

/* ip nexthop list|flush [SELECTOR], as iproute2's ipnh_list_flush. */
static int nh_list_flush(int argc, char **argv, int flush)
{
	struct nh_filter f = { 0, 0, 0, 0 };
	struct nh_list l = { 0, 0, 0 };
	int all = argc == 0, err;
	uint32_t v;

	for (; argc > 0; argc--, argv++) {
		/* kwt_find's: minimum length, L_ value, name; in iproute2's order of checks */
		enum { L_DEV, L_GROUPS, L_MASTER, L_VRF, L_ID, L_PROTO, L_FDB, L_HELP };
		static const char lwords[] =
			"\x01\x00" "dev\0" "\x01\x01" "groups\0" "\x01\x02" "master\0" "\x01\x03" "vrf\0"
			"\x02\x04" "id\0" "\x01\x05" "protocol\0" "\x01\x06" "fdb\0" "\x01\x07" "help\0" "\0\0";
		const char *e = kwt_find(lwords, 2, 0, *argv);

		if (!e)
			ip_invarg("", *argv);
		switch (e[1]) {
		case L_GROUPS:
			f.groups = 1;
			continue;
		case L_FDB:
			f.fdb = 1;
			continue;
		case L_HELP:
			nh_usage_exit();
		}
		NEXT_ARG();
		switch (e[1]) {
		case L_DEV:
		case L_MASTER:
			*(e[1] == L_DEV ? &f.oif : &f.master) = (uint32_t)xdev(*argv, "Device does not exist\n");
			break;
		case L_VRF:
			f.master = vrf_index(*argv);
			break;
		case L_ID:
			v = parse_id(*argv);
			return flush ? nh_del_id(v) : nh_get_id(v);
		default:   /* L_PROTO */
			if (parse_u32(*argv, &v, 0))
				ip_invarg("invalid protocol value", *argv);
			l.proto = v;
		}
	}
	if (flush)
		return nh_flush(&f, &l, all);
	pr_begin();
	err = rtnl_nexthop_dump(show_sock(0), (uint8_t)ipo.family, &f, one_nexthop, &l);
	if (err) {
		errf("Dump terminated\n");
		return 2;
	}
	pr_end();
	return 0;
}

/* ip nexthop get id ID */
static int nh_get(int argc, char **argv)
{
	uint32_t id = 0;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, "id"))
			nh_usage_exit();
		NEXT_ARG();
		id = parse_id(*argv);
	}
	if (!id)
		nh_usage_exit();
	return nh_get_id(id);
}

/* The subcommands, kwt_find's: minimum length, C_ value, name; the first three are nh_modify's
 * (its type and flags in mods). */
enum { C_ADD, C_REPLACE, C_DEL, C_LIST, C_FLUSH, C_GET, C_BUCKET };
static const char nh_cmds[] =
	"\x01\x00" "add\0" "\x01\x01" "replace\0" "\x01\x02" "delete\0" "\x01\x03" "list\0"
	"\x01\x03" "show\0" "\x01\x03" "lst\0" "\x01\x05" "get\0" "\x01\x04" "flush\0"
	"\x01\x06" "bucket\0" "\0\0";
static const uint16_t mods[][2] = {
	{ RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL }, { RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE },
	{ RTM_DELNEXTHOP, 0 },
};

int do_nexthop(int argc, char **argv)
{
	const char *c;

	if (argc < 1)
		return nh_list_flush(0, NULL, 0);
	if (!(c = kwt_find(nh_cmds, 2, 0, argv[0])))   /* help, or iproute2's message for another word */
		return ip_dispatch_names("", NULL, "nexthop", nh_usage, argc, argv);
	argc--, argv++;
	switch (c[1]) {
	case C_LIST:
	case C_FLUSH:
		return nh_list_flush(argc, argv, c[1] == C_FLUSH);
	case C_GET:
		return nh_get(argc, argv);
	case C_BUCKET:
		errf("ip %s %s: not implemented in nsbox yet\n", "nexthop", "bucket");
		return 1;
	}
	return nh_modify(mods[(int)c[1]][0], mods[(int)c[1]][1], argc, argv);
}
