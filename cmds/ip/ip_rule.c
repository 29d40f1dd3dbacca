/* ip rule add|delete|list|flush (iproute2 6.1's ip/iprule.c; save and restore are not here). */
#include <endian.h>
#include <string.h>
#include "inet.h"
#include "lib.h"
#include "ip_print.h"
#include "ip_route.h"
#include "out.h"
#include "rtnl_rule.h"

NSBOX_USAGE(rule_usage,
	"Usage: ip rule { add | del } SELECTOR ACTION\n"
	NSBOX_USAGE_MORE("       ip rule { flush | save | restore }\n"
	"       ip rule [ list [ SELECTOR ]]\n"
	"SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]\n"
	"            [ fwmark FWMARK[/MASK] ]\n"
	"            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]\n"
	"            [ uidrange NUMBER-NUMBER ]\n"
	"            [ ipproto PROTOCOL ]\n"
	"            [ sport [ NUMBER | NUMBER-NUMBER ]\n"
	"            [ dport [ NUMBER | NUMBER-NUMBER ] ]\n"
	"ACTION := [ table TABLE_ID ]\n"
	"          [ protocol PROTO ]\n"
	"          [ nat ADDRESS ]\n"
	"          [ realms [SRCREALM/]DSTREALM ]\n"
	"          [ goto NUMBER ]\n"
	"          SUPPRESSOR\n"
	"SUPPRESSOR := [ suppress_prefixlength NUMBER ]\n"
	"              [ suppress_ifgroup DEVGROUP ]\n"
	"TABLE_ID := [ local | main | default | NUMBER ]\n"));

/* A keyword of add/delete (mod) and of list/flush (list): the first entry the word is a prefix
 * of, at least that many characters long (the whole name where iproute2 compares with strcmp;
 * 0x7f: not a keyword there). One table serves both, in an order that keeps each one's matches.
 * A table is one string (pointers to names cost more than the names): per entry the minimum
 * prefixes for mod and list, the op, then the name and its NUL; an empty name ends it.
 * The keywords from W_FROM on take a value. */
enum { W_NOT = 1, W_L3MDEV, W_FROM, W_TO, W_PREF, W_TOS, W_FWMARK, W_REALMS, W_PROTO, W_TUNID,
       W_TABLE, W_SUPPL, W_SUPGRP, W_IIF, W_OIF, W_UIDRANGE, W_NAT, W_IPPROTO, W_SPORT, W_DPORT };

static const char words[] =
	"\x03\x03\x01" "not\0" "\x04\x01\x03" "from\0" "\x7f\x01\x03" "src\0"
	"\x01\x01\x05" "preference\0" "\x01\x01\x05" "order\0" "\x01\x01\x05" "priority\0"
	"\x03\x03\x06" "tos\0" "\x01\x07\x06" "dsfield\0" "\x06\x06\x07" "fwmark\0"
	"\x01\x7f\x08" "realms\0" "\x01\x01\x09" "protocol\0" "\x01\x01\x0a" "tun_id\0"
	"\x01\x01\x0b" "table\0" "\x06\x01\x0b" "lookup\0" "\x01\x7f\x0c" "suppress_prefixlength\0"
	"\x06\x7f\x0c" "sup_pl\0" "\x01\x7f\x0d" "suppress_ifgroup\0" "\x09\x7f\x0d" "sup_group\0"
	"\x03\x03\x0e" "dev\0" "\x03\x03\x0e" "iif\0" "\x03\x03\x0f" "oif\0" "\x06\x06\x02" "l3mdev\0"
	"\x08\x08\x10" "uidrange\0" "\x03\x7f\x11" "nat\0" "\x01\x7f\x11" "map-to\0"
	"\x07\x07\x12" "ipproto\0" "\x05\x05\x13" "sport\0" "\x05\x05\x14" "dport\0"
	"\x7f\x01\x04" "dst\0" "\x02\x01\x04" "to\0" "\0\0\0";
_Static_assert((int)FRA_TABLE == (int)RTA_TABLE, "rt_put_table");
_Static_assert(W_DPORT == 20 && RTN_XRESOLVE == 11, "the op bytes of the tables");

static __attribute__((noinline)) int find(const char *t, const char *w, int list)
{
	const char *e = kwt_find(t, 3, (unsigned)list, w);

	return e ? (unsigned char)e[2] : 0;
}

/* The rule types (actions) after the keywords, as iproute2's rtnl_rtntype_a2n (RTN_ values),
 * after the words iproute2 checks first (T_ values). */
enum { T_HELP = 0x80, T_GOTO, T_NOP };
static const char rtn_words[] =
	"\x01\x7f\x80" "help\0" "\x01\x7f\x81" "goto\0" "\x01\x7f\x82" "nop\0"
	"\x05\x7f\x02" "local\0" "\x03\x7f\x0a" "nat\0" "\x01\x7f\x03" "broadcast\0"
	"\x03\x7f\x03" "brd\0" "\x01\x7f\x04" "anycast\0" "\x01\x7f\x05" "multicast\0"
	"\x01\x7f\x08" "prohibit\0" "\x01\x7f\x07" "unreachable\0" "\x01\x7f\x06" "blackhole\0"
	"\x01\x7f\x0b" "xresolve\0" "\x01\x7f\x01" "unicast\0" "\x05\x7f\x09" "throw\0" "\0\0\0";

/* Argument checks: each value or iproute2's exit. */
static uint32_t xu32(const char *s, const char *what)
{
	uint32_t v;

	if (parse_u32(s, &v, 0))
		ip_invarg(what, s);
	return v;
}

static unsigned xtos(const char *s)
{
	uint32_t v;

	if (rt_parse_dsfield(s, &v))
		ip_invarg("TOS value is invalid\n", s);
	return v;
}

/* MARK[/MASK]: returns 1 with a mask. */
static int xfwmark(const char *s, uint32_t *mark, uint32_t *mask)
{
	char b[64];
	const char *slash = strchr(s, '/');

	bfmt(b, sizeof(b), "%.*s", slash ? (int)(slash - s) : 0, s);
	*mark = xu32(slash ? b : s, "fwmark value is invalid\n");
	if (slash)
		*mask = xu32(slash + 1, "fwmask value is invalid\n");
	return !!slash;
}

/* iif (dev) or oif NAME */
static const char *xifname(const char *s, int op)
{
	if (ip_check_ifname(s, IFNAMSIZ))
		ip_invarg(op == W_IIF ? "\"iif\"/\"dev\" not a valid ifname" : "\"oif\" not a valid ifname", s);
	return s;
}

static uint64_t xtunid(const char *s)
{
	uint64_t v;

	if (parse_ull(s, &v, 0))
		ip_invarg("\"tun_id\" value is invalid\n", s);
	return v;
}

static uint32_t xtable(const char *s, const char *what)
{
	uint32_t t;

	if (parse_table(s, &t))
		ip_invarg(what, s);
	return t;
}

/* sscanf's "%u-%u": how many numbers were read (a number: blanks, a sign, decimal digits). */
static int scan_range(const char *s, uint32_t *a, uint32_t *b)
{
	uint32_t *v = a;

	for (int n = 0;; n++, v = b) {
		int neg;

		while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
			s++;
		neg = *s == '-';
		if (*s == '-' || *s == '+')
			s++;
		if (*s < '0' || *s > '9')
			return n;
		for (*v = 0; *s >= '0' && *s <= '9'; s++)
			*v = *v * 10 + (uint32_t)(*s - '0');
		if (neg)
			*v = 0 - *v;
		if (n || *s++ != '-')
			return n + 1;
	}
}

static void xuidrange(const char *s, struct fib_rule_uid_range *r)
{
	if (scan_range(s, &r->start, &r->end) != 2)
		ip_invarg("invalid UID range\n", s);
}

/* sport or dport N[-M] */
static void xports(const char *s, struct fib_rule_port_range *r, int op)
{
	uint32_t a, b;
	int n = scan_range(s, &a, &b);

	if (!n)
		ip_invarg(op == W_SPORT ? "invalid port range\n" : "invalid dport range\n", s);
	r->start = (uint16_t)a;
	r->end = (uint16_t)(n == 2 ? b : a);
}

static void rule_prefix(struct inet_prefix *p, const char *s, int family)
{
	if (family == AF_PACKET)
		die(1, "Error: \"%s\" may be inet prefix, but it is not allowed in this context.\n", s);
	/* ip mrule's families (RTNL_FAMILY_IPMR, _IP6MR) take no address: "??? prefix is expected". */
	ip_get_prefix(p, s, family == AF_INET || family == AF_INET6 || family >= RTNL_FAMILY_IPMR ? family : AF_UNSPEC);
}

enum { LIST, FLUSH, SAVE };

/* What list and flush keep; rule_sel reads the words of both it and add/del into it. */
struct rfilter {
	int action, family, failed;
	int not, l3mdev, iif, oif, uidrange, prefmask, tosmask;
	uint32_t pref, tos, fwmark, fwmask, table;
	unsigned protocol, protocolmask;
	uint64_t tun_id;
	const char *iifname, *oifname;
	struct fib_rule_uid_range range;
	struct fib_rule_port_range sport, dport;
	uint8_t ipproto;
	struct inet_prefix src, dst;   /* family 0 = unused */
};

/* The selector words add/del and list share (argv at the value): into f's fields. 1 for a
 * fwmark with a mask. */
static int rule_sel(int op, const char *arg, struct rfilter *f)
{
	switch (op) {
	case W_PREF:
		f->pref = xu32(arg, "preference value is invalid\n");
		f->prefmask = 1;
		break;
	case W_TOS:
		f->tos = xtos(arg);
		f->tosmask = 1;
		break;
	case W_FWMARK:
		return xfwmark(arg, &f->fwmark, &f->fwmask);
	case W_IIF:
	case W_OIF:
		*(op == W_IIF ? &f->iifname : &f->oifname) = xifname(arg, op);
		break;
	case W_UIDRANGE:
		f->uidrange = 1;
		xuidrange(arg, &f->range);
		break;
	case W_TUNID:
		f->tun_id = xtunid(arg);
		break;
	case W_IPPROTO:
		f->ipproto = rt_xipproto(arg);
		break;
	case W_SPORT:
	case W_DPORT:
		xports(arg, op == W_SPORT ? &f->sport : &f->dport, op);
		break;
	}
	return 0;
}

/* ---- add / delete ---- */

/* iproute2's request: nlmsghdr, fib_rule_hdr and 1024 bytes of attributes. */
#define RULE_REQ_MAX (NLMSG_HDRLEN + sizeof(struct fib_rule_hdr) + 1024)

/* The selector words that only put an attribute, or set tos (argv at the value). */
static void rule_attr_word(struct nlb *b, struct fib_rule_hdr *frh, int op, const char *arg)
{
	struct rfilter f;
	int mask = rule_sel(op, arg, &f);
	uint64_t tun;
	uint32_t v;

	switch (op) {
	case W_TOS:
		frh->tos = f.tos;
		break;
	case W_PREF:
		nlb_put_u32(b, FRA_PRIORITY, f.pref);
		break;
	case W_FWMARK:
		nlb_put_u32(b, FRA_FWMARK, f.fwmark);
		if (mask)
			nlb_put_u32(b, FRA_FWMASK, f.fwmask);
		break;
	case W_REALMS:
		if (rt_parse_realms(arg, &v))
			ip_invarg("invalid realms\n", arg);
		nlb_put_u32(b, FRA_FLOW, v);
		break;
	case W_PROTO:
		nlb_put_u8(b, FRA_PROTOCOL, rt_xproto(arg));
		break;
	case W_TUNID:
		tun = htobe64(f.tun_id);
		nlb_put(b, FRA_TUN_ID, &tun, 8);
		break;
	case W_SUPPL:
		if (parse_s32(arg, (int32_t *)&v, 0) || (int32_t)v < 0)
			ip_invarg("suppress_prefixlength value is invalid\n", arg);
		nlb_put_u32(b, FRA_SUPPRESS_PREFIXLEN, v);
		break;
	case W_SUPGRP:
		v = 0;   /* default */
		if (strcmp(arg, "default") && (parse_s32(arg, (int32_t *)&v, 0) || (int32_t)v < 0))
			ip_invarg("Invalid \"suppress_ifgroup\" value\n", arg);
		nlb_put_u32(b, FRA_SUPPRESS_IFGROUP, v);
		break;
	case W_IIF:
	case W_OIF:
		nlb_put(b, op == W_IIF ? FRA_IIFNAME : FRA_OIFNAME, arg, strlen(arg) + 1);
		break;
	case W_UIDRANGE:
		nlb_put(b, FRA_UID_RANGE, &f.range, sizeof(f.range));
		break;
	case W_IPPROTO:
		nlb_put_u8(b, FRA_IP_PROTO, f.ipproto);
		break;
	case W_SPORT:
	case W_DPORT:
		nlb_put(b, op == W_SPORT ? FRA_SPORT_RANGE : FRA_DPORT_RANGE, op == W_SPORT ? &f.sport : &f.dport,
			sizeof(f.sport));
		break;
	}
}

static void next_word(int *argc, char ***argv)
{
	if (--*argc <= 0)
		ip_incomplete();
	++*argv;
}

/* [type] TYPE, goto N, nop, help: argv at the word. */
static void rule_type_word(struct fib_rule_hdr *frh, struct nlb *b, int *argc, char ***argv)
{
	uint32_t v;
	int op;

	if (!strcmp(**argv, "type"))
		next_word(argc, argv);
	op = find(rtn_words, **argv, 0);
	if (op == T_HELP)
		ip_usage_exit(rule_usage);
	else if (op == T_GOTO) {
		next_word(argc, argv);
		nlb_put_u32(b, FRA_GOTO, xu32(**argv, "invalid target\n"));
		frh->action = FR_ACT_GOTO;
	} else if (op == T_NOP) {
		frh->action = FR_ACT_NOP;
	} else if (op || (!parse_u32(**argv, &v, 0) && v <= 255)) {
		frh->action = op ? op : (int)v;
	} else {
		ip_invarg("Failed to parse rule type", **argv);
	}
}

static int rule_modify(uint16_t type, int argc, char **argv)
{
	struct fib_rule_hdr frh = { 0 }, *hdr;
	struct inet_prefix p;
	uint32_t tid = 0;
	int table_ok = 0, l3mdev = 0, op, err;
	char buf[RULE_REQ_MAX];
	struct nlb b;

	frh.family = ipo.family;
	if (!argc) {
		errf("\"ip rule %s\" requires arguments.\n", type == RTM_NEWRULE ? "add" : "del");
		return 1;
	}
	hdr = nlb_start(&b, buf, sizeof(buf), type, NLM_F_REQUEST | NLM_F_ACK |
			(type == RTM_NEWRULE ? NLM_F_CREATE | NLM_F_EXCL : 0), sizeof(frh));
	if (type == RTM_NEWRULE)
		frh.action = FR_ACT_TO_TBL;
	for (; argc > 0; argc--, argv++) {
		if ((op = find(words, *argv, 0)) >= W_FROM)
			NEXT_ARG();
		switch (op) {
		case W_NOT:
			frh.flags |= FIB_RULE_INVERT;
			break;
		case W_FROM:
		case W_TO:
			rule_prefix(&p, *argv, frh.family);
			*(op == W_FROM ? &frh.src_len : &frh.dst_len) = p.bitlen;
			/* "all"/"any" carry no bytes, "default" those of the family asked for. */
			nlb_put(&b, op == W_FROM ? FRA_SRC : FRA_DST, p.data, p.bytelen);
			break;
		case W_TABLE:
			tid = xtable(*argv, "invalid table ID\n");
			rt_put_table(&b, &frh.table, tid);
			table_ok = 1;
			break;
		case W_L3MDEV:
			nlb_put_u8(&b, FRA_L3MDEV, 1);
			table_ok = l3mdev = 1;
			break;
		case W_NAT:
			errf("Warning: route NAT is deprecated\n");
			if (inet_prefix_parse(&p, *argv, AF_INET) || (p.flags & (PFX_LEN_GIVEN | PFX_ANY)) == PFX_LEN_GIVEN)
				die(1, "Error: an IP address is expected rather than \"%s\"\n", *argv);
			nlb_put(&b, RTA_GATEWAY, p.data, 4);
			frh.action = RTN_NAT;
			break;
		case 0:
			rule_type_word(&frh, &b, &argc, &argv);
			table_ok = 1;
			break;
		default:
			rule_attr_word(&b, &frh, op, *argv);
		}
	}
	if (l3mdev && tid) {
		errf("table can not be specified for l3mdev rules\n");
		return 22;
	}
	if (frh.family == AF_UNSPEC)
		frh.family = AF_INET;
	if (!table_ok && type == RTM_NEWRULE)
		frh.table = RT_TABLE_MAIN;
	if (hdr)
		*hdr = frh;
	if (b.overflow) {
		/* iproute2 drops what does not fit, says so, and sends the rest. */
		errf("addattr_l ERROR: message exceeded bound of %d\n", (int)RULE_REQ_MAX);
		b.overflow = 0;
	}
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}


/* ---- list / flush ---- */

static int prefix_match(const struct inet_prefix *f, const struct rule_info *ri, int type, unsigned len)
{
	const unsigned char *a;
	int bits = f->bitlen;

	if (f->family != ri->frh->family || (unsigned)bits > len)
		return 0;
	if (!ri->tb[type] || bits <= 0)
		return 1;
	if (nla_len(ri->tb[type]) != (size_t)inet_alen(f->family))
		return 0;
	a = nla_data(ri->tb[type]);
	for (int i = 0; bits > 0; i++, bits -= 8) {
		unsigned m = bits >= 8 ? 0xff : (0xff00 >> bits) & 0xff;
		if ((a[i] ^ f->data[i]) & m)
			return 0;
	}
	return 1;
}

static int port_match(const struct fib_rule_port_range *f, const struct nlattr *a)
{
	const struct fib_rule_port_range *r = a ? nla_data(a) : NULL;

	return !f->start || (r && r->start == f->start && r->end == f->end);
}

static int name_match(const char *want, const struct nlattr *a)
{
	return !want || (a && !strcmp(want, nla_data(a)));
}

static int rule_match(const struct rfilter *f, const struct rule_info *ri)
{
	const struct fib_rule_hdr *frh = ri->frh;
	struct nlattr *const *tb = ri->tb;
	const struct fib_rule_uid_range *ur = tb[FRA_UID_RANGE] ? nla_data(tb[FRA_UID_RANGE]) : NULL;
	uint64_t tun = 0;
	uint8_t u8 = 0;

	if (ipo.family != AF_UNSPEC && frh->family != ipo.family)
		return 0;
	if ((f->prefmask && f->pref != rule_u32(ri, FRA_PRIORITY)) ||
	    (f->not && !(frh->flags & FIB_RULE_INVERT)) ||
	    (f->src.family && !prefix_match(&f->src, ri, FRA_SRC, frh->src_len)) ||
	    (f->dst.family && !prefix_match(&f->dst, ri, FRA_DST, frh->dst_len)) ||
	    (f->tosmask && f->tos != frh->tos) ||
	    (f->fwmark && f->fwmark != rule_u32(ri, FRA_FWMARK)) ||
	    (f->fwmask && f->fwmask != rule_u32(ri, FRA_FWMASK)) ||
	    !name_match(f->iifname, tb[FRA_IIFNAME]) || !name_match(f->oifname, tb[FRA_OIFNAME]))
		return 0;
	nla_get_u8(tb[FRA_L3MDEV], &u8);
	if (f->l3mdev && !u8)
		return 0;
	if (f->uidrange && (!ur || ur->start != f->range.start || ur->end != f->range.end))
		return 0;
	u8 = 0;
	nla_get_u8(tb[FRA_IP_PROTO], &u8);
	if ((f->ipproto && f->ipproto != u8) || !port_match(&f->sport, tb[FRA_SPORT_RANGE]) ||
	    !port_match(&f->dport, tb[FRA_DPORT_RANGE]))
		return 0;
	if (f->tun_id) {
		if (!tb[FRA_TUN_ID])
			return 0;
		memcpy(&tun, nla_data(tb[FRA_TUN_ID]), 8);
		if (f->tun_id != be64toh(tun))
			return 0;
	}
	return !f->table || f->table == rtnl_rule_table(ri);
}

static void pr_prefix(const struct rule_info *ri, int type, unsigned len)
{
	int from = type == FRA_SRC, fam = ri->frh->family;
	const char *key = from ? "src" : "dst";
	char b[PR_ADDRSZ];

	if (!ri->tb[type] && !len && !from)
		return;
	pr_str(PR_ANY, key, from ? "from %s" : " to %s", ri->tb[type] ? fmt_inet(fam, nla_data(ri->tb[type]), nla_len(ri->tb[type]), b) :
				  len ? "0" : "all");
	if (ri->tb[type] ? len != (fam == AF_INET6 ? 128u : fam == AF_INET ? 32u : 0u) : len)
		pr_uint(PR_ANY, from ? "srclen" : "dstlen", "/%u", len);
}

static void pr_hex(const char *key, const char *fmt, uint32_t v)
{
	char b[16];

	bfmt(b, sizeof(b), "%#x", v);
	pr_str(PR_ANY, key, fmt, b);
}

static void pr_flag(const char *key, const char *text)
{
	pr_null(key);
	pr_text("%s", text);
}

static void pr_dev(const struct rule_info *ri, int type, const char *key, int detached)
{
	if (!ri->tb[type])
		return;
	pr_str(PR_ANY, key, type == FRA_IIFNAME ? " iif %s" : " oif %s", nla_data(ri->tb[type]));
	if (ri->frh->flags & detached)
		pr_flag(type == FRA_IIFNAME ? "iif_detached" : "oif_detached", " [detached]");
}

static void pr_ports(const struct nlattr *a, const char *key, const char *start, const char *end)
{
	const struct fib_rule_port_range *r = a ? nla_data(a) : NULL;
	char fmt[16];

	if (!r)
		return;
	bfmt(fmt, sizeof(fmt), " %s %%u", key);
	if (r->start == r->end) {
		pr_uint(PR_ANY, key, fmt, r->start);
	} else {
		pr_uint(PR_ANY, start, fmt, r->start);
		pr_uint(PR_ANY, end, "-%u", r->end);
	}
}

static void pr_rule(const struct rule_info *ri)
{
	const struct fib_rule_hdr *frh = ri->frh;
	struct nlattr *const *tb = ri->tb;
	uint32_t table = rtnl_rule_table(ri), v;
	uint64_t tun;
	uint8_t u8;
	char b[PR_HOSTSZ];

	pr_obj_open(NULL);
	pr_uint(PR_ANY, "priority", "%u:\t", rule_u32(ri, FRA_PRIORITY));
	if (frh->flags & FIB_RULE_INVERT)
		pr_flag("not", "not ");
	pr_prefix(ri, FRA_SRC, frh->src_len);
	pr_prefix(ri, FRA_DST, frh->dst_len);
	if (frh->tos)
		pr_str(PR_ANY, "tos", " tos %s", rt_dsfield_name(frh->tos, b));
	if (tb[FRA_FWMARK] || tb[FRA_FWMASK]) {
		pr_hex("fwmark", " fwmark %s", rule_u32(ri, FRA_FWMARK));
		if (tb[FRA_FWMASK] && (v = rule_u32(ri, FRA_FWMASK)) != 0xffffffff)
			pr_hex("fwmask", "/%s", v);
	}
	pr_dev(ri, FRA_IIFNAME, "iif", FIB_RULE_IIF_DETACHED);
	pr_dev(ri, FRA_OIFNAME, "oif", FIB_RULE_OIF_DETACHED);
	if (!nla_get_u8(tb[FRA_L3MDEV], &u8) && u8)
		pr_flag("l3mdev", " lookup [l3mdev-table]");
	if (tb[FRA_UID_RANGE]) {
		const struct fib_rule_uid_range *r = nla_data(tb[FRA_UID_RANGE]);
		pr_uint(PR_ANY, "uid_start", " uidrange %u", r->start);
		pr_uint(PR_ANY, "uid_end", "-%u", r->end);
	}
	if (!nla_get_u8(tb[FRA_IP_PROTO], &u8)) {
		if (ipo.numeric || ip_ipproto_db(NULL, u8, b) < 0)
			bfmt(b, sizeof(b), "ipproto-%d", u8);
		pr_str(PR_ANY, "ipproto", " ipproto %s", b);
	}
	pr_ports(tb[FRA_SPORT_RANGE], "sport", "sport_start", "sport_end");
	pr_ports(tb[FRA_DPORT_RANGE], "dport", "dport_start", "dport_end");
	if (tb[FRA_TUN_ID]) {
		memcpy(&tun, nla_data(tb[FRA_TUN_ID]), 8);
		pr_u64(PR_ANY, "tun_id", " tun_id %llu", be64toh(tun));
	}
	if (table) {
		pr_str(PR_ANY, "table", " lookup %s", name_table(table, b));
		if (tb[FRA_SUPPRESS_PREFIXLEN] && (v = rule_u32(ri, FRA_SUPPRESS_PREFIXLEN)) != 0xffffffff)
			pr_int(PR_ANY, "suppress_prefixlen", " suppress_prefixlength %d", (int)v);
		if (tb[FRA_SUPPRESS_IFGROUP] && (v = rule_u32(ri, FRA_SUPPRESS_IFGROUP)) != 0xffffffff)
			pr_str(PR_ANY, "suppress_ifgroup", " suppress_ifgroup %s", name_group(v, b));
	}
	if (tb[FRA_FLOW]) {
		v = rule_u32(ri, FRA_FLOW);
		if (v >> 16)
			pr_str(PR_ANY, "flow_from", " realms %s/", rt_realm_name(v >> 16, b));
		else
			pr_text(" realms ");
		pr_str(PR_ANY, "flow_to", "%s", rt_realm_name(v & 0xffff, b));
	}
	if (frh->action == RTN_NAT) {
		/* RTA_GATEWAY shares its number with the unused FRA_UNUSED2. */
		if (tb[RTA_GATEWAY])
			pr_str(PR_ANY, "nat_gateway", " map-to %s",
			       fmt_host(frh->family, nla_data(tb[RTA_GATEWAY]), nla_len(tb[RTA_GATEWAY]), b));
		else
			pr_flag("masquerade", " masquerade");
	} else if (frh->action == FR_ACT_GOTO) {
		if (tb[FRA_GOTO])
			pr_uint(PR_ANY, "goto", " goto %u", rule_u32(ri, FRA_GOTO));
		else
			pr_str(PR_ANY, "goto", " goto %s", "none");
		if (frh->flags & FIB_RULE_UNRESOLVED)
			pr_flag("unresolved", " [unresolved]");
	} else if (frh->action == FR_ACT_NOP) {
		pr_flag("nop", " nop");
	} else if (frh->action != FR_ACT_TO_TBL) {
		pr_str(PR_ANY, "action", " %s", name_rtntype(frh->action, b));
	}
	if (!nla_get_u8(tb[FRA_PROTOCOL], &u8) && ((u8 && u8 != RTPROT_KERNEL) || IPO_DETAILS))
		pr_str(PR_ANY, "protocol", " proto %s", name_proto(u8, b));
	pr_text("\n");
	pr_obj_close();
	out_record_end();
}

void pr_rule_msg(const struct nlmsghdr *h)
{
	struct rule_info ri;
	struct rfilter f;

	memset(&f, 0, sizeof(f));
	if (rtnl_rule_parse(h, &ri) || !rule_match(&f, &ri))
		return;
	if (h->nlmsg_type == RTM_DELRULE)
		pr_text("Deleted ");
	pr_rule(&ri);
}

static int one_rule(const struct nlmsghdr *h, void *arg)
{
	struct rfilter *f = arg;
	struct rule_info ri;
	char buf[RTNL_BUF];
	struct nlb b;
	uint8_t proto;
	int err;

	if ((h->nlmsg_type != RTM_NEWRULE && h->nlmsg_type != RTM_DELRULE) ||
	    rtnl_rule_parse(h, &ri) || !rule_match(f, &ri))
		return 0;
	if (f->action == LIST) {
		pr_rule(&ri);
		return 0;
	}
	if (!nla_get_u8(ri.tb[FRA_PROTOCOL], &proto) && ((f->protocol ^ proto) & f->protocolmask))
		return 0;
	if (!ri.tb[FRA_PRIORITY])
		return 0;
	rtnl_rule_del_dumped(&b, buf, sizeof(buf), h);
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	if (err)
		ip_report_nlerr(ip_sock(), err);
	return err ? (f->failed = 1) : 0;
}

static int rule_dump(int action, int argc, char **argv)
{
	struct rfilter f;
	struct nlsock *sk;
	int af = ipo.family ? ipo.family : AF_INET, op, err;

	memset(&f, 0, sizeof(f));
	f.action = action;
	/* ip rule save: the rules of a family (IPv4 unless -6) in iproute2's file; -j wraps nothing
	 * but an empty array after it, as iproute2's does. */
	if (action == SAVE) {
		if (argc > 0)
			ip_fail(1, "\"ip rule save\" does not take any arguments.\n");
		ip_save_start(0x71706986);
	}
	for (; argc > 0; argc--, argv++) {
		if ((op = find(words, *argv, 1)) >= W_FROM)
			NEXT_ARG();
		switch (op) {
		case W_NOT:
			f.not = 1;
			break;
		case W_L3MDEV:
			f.l3mdev = 1;
			break;
		case W_TABLE:
			f.table = xtable(*argv, "table id value is invalid\n");
			break;
		case W_FROM:
			rule_prefix(&f.src, *argv, af);
			break;
		case W_PROTO:
			rt_sel_proto_scope(1, *argv, &f.protocol, &f.protocolmask);
			break;
		case 0:
		case W_TO:
			rule_prefix(&f.dst, *argv, af);
			break;
		default:
			rule_sel(op, *argv, &f);
		}
	}
	/* The deletes of a flush go out on ip_sock() while the dump streams on its own socket. */
	sk = action == FLUSH ? show_sock(0) : ip_sock();
	pr_begin();
	err = rtnl_rule_dump(sk, af, action == SAVE ? ip_save_msg : one_rule, &f);
	if (sk->dump_intr)
		errf("Dump was interrupted and may be inconsistent.\n");
	if (err < 0)
		errf("RTNETLINK answers: %s\n", errtext(-err));
	if (err) {
		errf("Dump terminated\n");
		return 255;
	}
	pr_end();
	return 0;
}


/* The subcommands, kwt_find's: minimum length, the action (rule_dump's, RESTORE, or the
 * message type of rule_modify), name. */
enum { RESTORE = 3 };
static const char rule_cmds[] =
	"\x01\x00" "list\0" "\x01\x00" "lst\0" "\x01\x00" "show\0" "\x01\x02" "save\0"
	"\x01\x03" "restore\0" "\x01\x20" "add\0" "\x01\x21" "delete\0" "\x01\x01" "flush\0" "\0\0";
_Static_assert(SAVE == 2 && RTM_NEWRULE == 0x20 && RTM_DELRULE == 0x21, "rule_cmds' bytes");

int do_rule(int argc, char **argv)
{
	const char *c;

	if (argc < 1)
		return rule_dump(LIST, 0, NULL);
	if (!(c = kwt_find(rule_cmds, 2, 0, argv[0])))   /* help, or iproute2's message for another word */
		return ip_dispatch_names("", NULL, "rule", rule_usage, argc, argv);
	if (c[1] == RESTORE)
		ip_restore(0x71706986, "rule");   /* iproute2 reads no more words */
	if (c[1] >= RTM_NEWRULE)
		return rule_modify(c[1], argc - 1, argv + 1);
	return rule_dump(c[1], argc - 1, argv + 1);
}

/* ip mrule: ip rule over the multicast routing families (each line of a batch starts again
 * from the family of the options, as in iproute2). */
int do_mrule(int argc, char **argv)
{
	if (ipo.family == AF_UNSPEC || ipo.family == AF_INET)
		ipo.family = RTNL_FAMILY_IPMR;
	else if (ipo.family == AF_INET6)
		ipo.family = RTNL_FAMILY_IP6MR;
	else if (ipo.family != RTNL_FAMILY_IPMR && ipo.family != RTNL_FAMILY_IP6MR)
		die(255, "Multicast rules are only supported for IPv4/IPv6, was: %i\n", ipo.family);
	return do_rule(argc, argv);
}
