/* ip neigh(bour): add|change|replace|delete, get, show|list and flush, as iproute2 6.1's
 * ip/ipneigh.c. Exit codes follow its return sites (1, or 2 for get) and exit sites (255,
 * and 2 when the kernel refuses a change: that one ends a batch too). */
#include <errno.h>
#include <string.h>
#include "inet.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"
#include "rtnl_neigh.h"

NSBOX_USAGE(neigh_usage,
	"Usage: ip neigh { add | del | change | replace }\n"
	NSBOX_USAGE_MORE("                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }\n"
	"                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]\n"
	"                [ protocol PROTO ]\n"
	"\n"
	"\tip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]\n"
	"\t\t\t\t  [ vrf NAME ] [ nomaster ]\n"
	"\tip neigh get { ADDR | proxy ADDR } dev DEV\n"
	"\n"
	"STATE := { delay | failed | incomplete | noarp | none |\n"
	"           permanent | probe | reachable | stale }\n"));

_Noreturn static void usage(void)
{
	ip_usage_exit(neigh_usage);
}

/* In bit order, as the listing prints them (in capitals); no word is a prefix of another's
 * name, so the order does not change what matches. */
static const char nud_words[] =   /* kwt_find's: minimum length, NUD_ value, name */
	"\x0a\x01" "incomplete\0" "\x01\x02" "reachable\0" "\x05\x04" "stale\0" "\x05\x08" "delay\0"
	"\x05\x10" "probe\0" "\x01\x20" "failed\0" "\x05\x40" "noarp\0" "\x01\x80" "permanent\0"
	"\x04\x00" "none\0" "\0\0";
_Static_assert(NUD_PERMANENT == 0x80 && NUD_NOARP == 0x40, "nud_words' values");

/* A word of a kwt_find table of two bytes (minimum length, value): its value, or none. */
static __attribute__((noinline)) int nkw(const char *t, const char *w, int none)
{
	const char *e = kwt_find(t, 2, 0, w);

	return e ? (unsigned char)e[1] : none;
}

/* A state name, or a number that is 0 or one bit below 0x100. */
static int nud_parse(const char *s, unsigned *state)
{
	uint32_t v;
	int w = nkw(nud_words, s, -1);

	if (w >= 0)
		return *state = (unsigned)w, 0;
	if (parse_u32(s, &v, 0) || v >= 0x100 || (v & (v - 1)))
		return -1;
	return *state = v, 0;
}

_Noreturn static __attribute__((noinline)) void dup_arg(const char *key, const char *arg)
{
	die(255, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
}

/* get_addr: "default" is the zero address of -4/-6, "all"/"any" an empty one. */
static void get_addr(struct neigh_req *r, const char *s)
{
	int fam = ipo.family == AF_INET || ipo.family == AF_INET6 ? ipo.family : AF_UNSPEC;
	struct inet_prefix p;

	memset(r->dst, 0, sizeof(r->dst));
	if (!strcmp(s, "default") || !strcmp(s, "all") || !strcmp(s, "any")) {
		r->family = (uint8_t)fam;
		r->dst_len = s[0] == 'd' && fam ? inet_alen(fam) : 0;
		return;
	}
	if (inet_get_addr(&p, s, fam))
		die(1, "Error: %s address is expected rather than \"%s\".\n",
		    fam ? name_family(fam) : "any valid", s);
	r->family = (uint8_t)p.family;
	r->dst_len = inet_alen(p.family);
	memcpy(r->dst, p.data, 16);
}

/* ---- the listing ---- */

struct nfilter {
	int family, index, master, unused_only;
	unsigned state, protocol;
	uint8_t ndm_flags;
	struct inet_prefix pfx;   /* bitlen 0: any */
	struct nl_batch *fl;      /* while flushing */
	int flushed;
	int send_err;             /* a flush send failed inside the dump */
};

/* A 4 or 16 byte link-layer address is an IP address on tunnels: that needs the link's type. */
static int take_type(const struct nlmsghdr *h, void *arg)
{
	if (h->nlmsg_type == RTM_NEWLINK && nlmsg_payload(h) >= sizeof(struct ifinfomsg))
		*(unsigned *)arg = ((const struct ifinfomsg *)nlmsg_data(h))->ifi_type;
	return 0;
}

static const char *lladdr_text(const struct nlattr *a, int index, char *buf)
{
	unsigned type = 0xffff;

	if (nla_len(a) == 4 || nla_len(a) == 16)
		rtnl_link_get(ip_sock(), NULL, index, RTEXT_FILTER_SKIP_STATS, take_type, &type);
	return fmt_lladdr(nla_data(a), nla_len(a), type, buf);
}

static void pr_neigh(const struct nfilter *f, const struct neigh_info *ni)
{
	const struct ndmsg *ndm = ni->ndm;
	struct nlattr *const *tb = ni->tb;
	char b[PR_HOSTSZ];
	uint32_t v;
	uint8_t proto;

	pr_obj_open(NULL);
	if (tb[NDA_DST]) {
		int fam = ndm->ndm_family;

		if (fam == AF_BRIDGE)
			fam = nla_len(tb[NDA_DST]) == 16 ? AF_INET6 : AF_INET;
		pr_str(PR_ANY, "dst", ipo.brief ? "%-39s " : "%s ", fmt_host(fam, nla_data(tb[NDA_DST]), nla_len(tb[NDA_DST]), b));
	}
	if (!f->index && ndm->ndm_ifindex) {
		pr_str(PR_ANY, "dev", ipo.brief ? "%-16s " : "dev %s ", ifname_of(ndm->ndm_ifindex));
	}
	if (tb[NDA_LLADDR]) {
		pr_str(PR_ANY, "lladdr", ipo.brief ? "%s" : "lladdr %s ", lladdr_text(tb[NDA_LLADDR], ndm->ndm_ifindex, b));
	}
	if (!ipo.brief) {
		/* Each word's NTF_ flag (0: NTF_EXT_MANAGED of NDA_FLAGS_EXT), then its name. */
		static const char flags[] = "\x80" "router\0" "\x08" "proxy\0" "\x00" "managed\0"
					    "\x10" "extern_learn\0" "\x20" "offload";
		const char *e = flags;

		_Static_assert(NTF_ROUTER == 0x80 && NTF_PROXY == 0x08 && NTF_EXT_LEARNED == 0x10 &&
			       NTF_OFFLOADED == 0x20, "flags' bytes");
		for (int i = 0; i < 5; i++, e += 2 + strlen(e + 1)) {
			uint8_t flag = (uint8_t)*e;

			if (flag ? !(ndm->ndm_flags & flag) : nla_get_u32(tb[NDA_FLAGS_EXT], &v) || !(v & NTF_EXT_MANAGED))
				continue;
			pr_null(e + 1);
			pr_text("%s ", e + 1);
		}
		if (ipo.stats) {
			if (tb[NDA_CACHEINFO] && nla_len(tb[NDA_CACHEINFO]) >= sizeof(struct nda_cacheinfo)) {
				struct nda_cacheinfo ci;

				memcpy(&ci, nla_data(tb[NDA_CACHEINFO]), sizeof(ci));
				if (ci.ndm_refcnt)
					pr_uint(PR_ANY, "refcnt", " ref %u", ci.ndm_refcnt);
				/* clock_t ticks: USER_HZ is 100 */
				pr_uint(PR_ANY, "used", " used %u", ci.ndm_used / 100);
				pr_uint(PR_ANY, "confirmed", "/%u", ci.ndm_confirmed / 100);
				pr_uint(PR_ANY, "updated", "/%u", ci.ndm_updated / 100);
			}
			if (!nla_get_u32(tb[NDA_PROBES], &v))
				pr_uint(PR_ANY, "probes", "probes %u ", v);
		}
		if (ndm->ndm_state) {
			const char *e = nud_words;

			pr_arr_open(PR_JSON, "state");
			for (int i = 0; i < 8; i++, e += 3 + strlen(e + 2)) {
				char *c = b;

				if (!(ndm->ndm_state & (1 << i)))
					continue;
				for (const char *w = e + 2; (*c = *w); c++, w++)
					*c -= 'a' - 'A';
				pr_str(PR_ANY, NULL, "%s ", b);
			}
			pr_arr_close(PR_JSON, NULL);
		}
		if (!nla_get_u8(tb[NDA_PROTOCOL], &proto) && proto)
			pr_str(PR_ANY, "protocol", "proto %s ", name_proto(proto, b));
	}
	pr_text("\n");
	pr_obj_close();
	out_record_end();
}

void pr_neigh_msg(const struct nlmsghdr *h, int index)
{
	struct nfilter f = { .index = index };
	struct neigh_info ni;

	if (rtnl_neigh_parse(h, &ni) < 0 || (index && ni.ndm->ndm_ifindex != index))
		return;
	if (h->nlmsg_type == RTM_DELNEIGH)
		pr_text("Deleted ");
	else if (h->nlmsg_type == RTM_GETNEIGH)
		pr_text("miss ");
	pr_neigh(&f, &ni);
}

/* iproute2's inet_addr_match_rta: the first bitlen bits of a 4 or 16 byte address. */
static int pfx_match(const struct inet_prefix *p, const struct nlattr *a)
{
	const unsigned char *d;
	int bits = p->bitlen;

	if (!a || bits <= 0)
		return 1;
	if (nla_len(a) != 4 && nla_len(a) != 16)
		return 0;
	d = nla_data(a);
	if (memcmp(d, p->data, bits / 8))
		return 0;
	return bits % 8 == 0 || !((d[bits / 8] ^ p->data[bits / 8]) & (0xff00 >> (bits % 8)));
}

static int flush_send(struct nfilter *f)
{
	int err = nl_batch_send(f->fl);

	if (err)
		errf("Failed to send flush request: %s\n", errtext(-err));
	return err;
}

static int one_neigh(const struct nlmsghdr *h, void *arg)
{
	static int warned;
	struct nfilter *f = arg;
	struct neigh_info ni;
	const struct ndmsg *ndm;
	uint8_t proto = 0;

	if (h->nlmsg_type != RTM_NEWNEIGH || rtnl_neigh_parse(h, &ni) < 0)
		return 0;
	ndm = ni.ndm;
	if ((f->family && f->family != ndm->ndm_family) ||
	    (f->index && f->index != ndm->ndm_ifindex))
		return 0;
	if (!(f->state & ndm->ndm_state) && !(ndm->ndm_flags & (NTF_PROXY | NTF_EXT_LEARNED)) &&
	    (ndm->ndm_state || !(f->state & 0x100)))
		return 0;
	if (f->master && !(h->nlmsg_flags & NLM_F_DUMP_FILTERED) && !warned) {
		warned = 1;
		outs("\nWARNING: Kernel does not support filtering by master device\n\n");
	}
	if (!pfx_match(&f->pfx, ni.tb[NDA_DST]))
		return 0;
	nla_get_u8(ni.tb[NDA_PROTOCOL], &proto);
	if (f->protocol && f->protocol != proto)
		return 0;
	if (f->unused_only && ni.tb[NDA_CACHEINFO] && nla_len(ni.tb[NDA_CACHEINFO]) >= sizeof(struct nda_cacheinfo) &&
	    ((const struct nda_cacheinfo *)nla_data(ni.tb[NDA_CACHEINFO]))->ndm_refcnt)
		return 0;
	if (f->fl) {
		int err = nl_batch_add(f->fl, h);

		if (err) {
			errf("Failed to send flush request: %s\n", errtext(-err));
			return f->send_err = 1;
		}
		f->flushed++;
		if (ipo.stats < 2)
			return 0;
	}
	pr_neigh(f, &ni);
	return 0;
}

/* One dump through the filter; a failure ends the command as iproute2's exit(1). */
static void dump(struct nfilter *f)
{
	struct neigh_dump d = { (uint8_t)f->family, f->ndm_flags, f->index, f->master };
	struct nlsock *sk = show_sock(0);
	int err = rtnl_neigh_dump(sk, &d, one_neigh, f);

	if (sk->dump_intr)
		errf("Dump was interrupted and may be inconsistent.\n");
	if (err) {
		ip_dump_failed(sk, err, f->fl ? "Flush" : "Dump");
		out_exit(1);
	}
}

enum { S_DEV, S_MASTER, S_VRF, S_NOMASTER, S_UNUSED, S_NUD, S_PROXY, S_PROTO, S_PREFIX };
static const char show_words[] =
	"\x03\x00" "dev\0" "\x06\x01" "master\0" "\x03\x02" "vrf\0" "\x08\x03" "nomaster\0"
	"\x06\x04" "unused\0" "\x03\x05" "nud\0" "\x05\x06" "proxy\0" "\x01\x07" "protocol\0" "\0\0";

/* Up to 10 rounds of a dump that deletes what it matches, as iproute2 does. */
static int flush_rounds(struct nfilter *f)
{
	char flbuf[3584];          /* iproute2's */
	struct nl_batch fl = { NULL, RTM_DELNEIGH, flbuf, sizeof(flbuf), 0 };
	int json = IPO_JSON;

	/* iproute2 prints a flush's entries (-s -s) as text even under -j. */
	ipo.json = 0;
	fl.sk = show_sock(0);
	f->fl = &fl;
	for (int round = 0; round < 10;) {
		f->flushed = 0;
		dump(f);
		if (!f->flushed) {
			if (ipo.stats) {
				if (round == 0)
					outs("Nothing to flush.\n");
				else
					outf("*** Flush is complete after %d round%s ***\n", round, round > 1 ? "s" : "");
			}
			ipo.json = json;
			return 0;
		}
		round++;
		if (flush_send(f))
			out_exit(1);
		if (ipo.stats) {
			outf("\n*** Round %d, deleting %d entries ***\n", round, f->flushed);
			out_flush();
		}
		f->state &= ~(unsigned)NUD_FAILED;
	}
	outs("*** Flush not complete bailing out after 10 rounds\n");
	ipo.json = json;
	return 255;
}

static int show_or_flush(int argc, char **argv, int flush)
{
	struct nfilter f;
	const char *dev = NULL;
	int state_given = 0;
	unsigned st;

	memset(&f, 0, sizeof(f));
	f.family = ipo.family;
	if (flush && argc <= 0) {
		errf("Flush requires arguments.\n");
		return 1;
	}
	f.state = flush ? ~(unsigned)(NUD_PERMANENT | NUD_NOARP) : 0xff & ~NUD_NOARP;
	for (; argc > 0; argc--, argv++) {
		switch (nkw(show_words, *argv, S_PREFIX)) {
		case S_DEV:
			NEXT_ARG();
			if (dev)
				dup_arg("dev", *argv);
			dev = *argv;
			break;
		case S_MASTER:
			NEXT_ARG();
			if (!(f.master = ip_ll_index(*argv)))
				ip_invarg("Device does not exist\n", *argv);
			break;
		case S_VRF:
			NEXT_ARG();
			if (!(f.master = ip_vrf_of(*argv, RTEXT_FILTER_SKIP_STATS)))
				ip_invarg("Not a valid VRF name\n", *argv);
			break;
		case S_NOMASTER:
			f.master = -1;
			break;
		case S_UNUSED:
			f.unused_only = 1;
			break;
		case S_NUD:
			NEXT_ARG();
			if (!state_given)
				state_given = 1, f.state = 0;
			if (nud_parse(*argv, &st)) {
				if (strcmp(*argv, "all"))
					ip_invarg("nud state is bad", *argv);
				st = flush ? ~(unsigned)NUD_NOARP : ~0u;
			}
			f.state |= st ? st : 0x100;
			break;
		case S_PROXY:
			f.ndm_flags = NTF_PROXY;
			break;
		case S_PROTO:
			NEXT_ARG();
			if (parse_proto(*argv, &f.protocol)) {
				if (strcmp(*argv, "all"))
					ip_invarg("invalid \"protocol\"\n", *argv);
				f.protocol = 0;
			}
			break;
		default:
			if (!strcmp(*argv, "to"))
				NEXT_ARG();
			if (kw_is(*argv, "help"))
				usage();
			ip_get_prefix(&f.pfx, *argv, f.family == AF_INET || f.family == AF_INET6 ? f.family : AF_UNSPEC);
			if (!(f.pfx.flags & PFX_ANY) && f.family == AF_UNSPEC)
				f.family = f.pfx.family;
		}
	}
	if (dev && !(f.index = ip_ll_index(dev))) {
		errf("Cannot find device \"%s\"\n", dev);
		return 1;
	}
	if (!flush) {
		pr_begin();
		dump(&f);
		pr_end();
		return 0;
	}
	return flush_rounds(&f);
}


/* ---- add, change, replace, delete, get ---- */

enum { M_LLADDR, M_NUD, M_PROXY, M_ROUTER, M_USE, M_MANAGED, M_EXTERN, M_DEV, M_PROTO, M_ADDR };
static const char modify_words[] =
	"\x01\x00" "lladdr\0" "\x03\x01" "nud\0" "\x01\x02" "proxy\0" "\x06\x03" "router\0"
	"\x03\x04" "use\0" "\x07\x05" "managed\0" "\x01\x06" "extern_learn\0" "\x03\x07" "dev\0"
	"\x01\x08" "protocol\0" "\0\0";

/* ip neigh get's answer: the JSON array opens with it, so that a failed get prints nothing. */
static int got_neigh(const struct nlmsghdr *h, void *arg)
{
	pr_begin();
	return one_neigh(h, arg);
}

/* The request, and for a get (type RTM_GETNEIGH) the answer printed as a listing's line. Under
 * -j iproute2 6.1 prints that line as text (it forgot the JSON object); nsbox prints the JSON
 * of iproute2 6.2 on, which fixed it (commit 94fc813b). */
static int neigh_send(struct nlsock *sk, uint16_t type, uint16_t nlflags, const struct neigh_req *r)
{
	int get = type == RTM_GETNEIGH, err;
	struct nfilter f;
	char buf[RTNL_BUF];
	struct nlb b;

	rtnl_neigh_build(&b, buf, sizeof(buf), type, nlflags, r);
	memset(&f, 0, sizeof(f));
	f.state = ~0u;
	err = nl_talk(sk, &b, got_neigh, &f);
	if (err < 0) {
		ip_report_nlerr(sk, err);
		if (!get)
			out_exit(2);
		return 2;
	}
	if (get)
		pr_end();
	return 0;
}

static int neigh_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	int get = type == RTM_GETNEIGH, have_dst = 0, dev_ok = 0;
	struct nlsock *sk = get ? show_sock(0) : ip_sock();   /* get prints inside the exchange */
	struct neigh_req r;
	char *dev = NULL, *lla = NULL;
	const char *bad;
	unsigned v;
	int blen;

	neigh_req_init(&r);
	r.family = (uint8_t)ipo.family;
	r.state = get ? 0 : NUD_PERMANENT;
	for (; argc > 0; argc--, argv++) {
		int k = nkw(modify_words, *argv, M_ADDR);

		switch (get && k != M_PROXY && k != M_DEV ? M_ADDR : k) {
		case M_LLADDR:
			NEXT_ARG();
			if (lla)
				dup_arg("lladdr", *argv);
			lla = *argv;
			break;
		case M_NUD:
			NEXT_ARG();
			if (nud_parse(*argv, &v))
				ip_invarg("nud state is bad", *argv);
			r.state = (uint16_t)v;
			break;
		case M_PROXY:
			NEXT_ARG();
			if (kw_is(*argv, "help"))
				usage();
			if (have_dst)
				dup_arg("address", *argv);
			get_addr(&r, *argv);
			have_dst = dev_ok = 1;
			r.flags |= NTF_PROXY;
			break;
		case M_ROUTER:
			r.flags |= NTF_ROUTER;
			break;
		case M_USE:
			r.flags |= NTF_USE;
			break;
		case M_MANAGED:
			r.ext_flags |= NTF_EXT_MANAGED;
			r.state = NUD_NONE;
			break;
		case M_EXTERN:
			r.flags |= NTF_EXT_LEARNED;
			break;
		case M_DEV:
			NEXT_ARG();
			dev = *argv;
			dev_ok = 1;
			break;
		case M_PROTO:
			NEXT_ARG();
			if (parse_proto(*argv, &v))
				ip_invarg("\"protocol\" value is invalid\n", *argv);
			r.proto = (int)v;
			break;
		default:
			if (!strcmp(*argv, "to"))
				NEXT_ARG();
			if (kw_is(*argv, "help")) {
				if (get)
					usage();
				NEXT_ARG();
			}
			if (have_dst)
				die(255, "Error: either \"to\" is duplicate, or \"%s\" is a garbage.\n", *argv);
			get_addr(&r, *argv);
			have_dst = 1;
		}
	}
	if (!dev_ok || !have_dst || r.family == AF_UNSPEC) {
		if (get) {
			errf("Device and address are required arguments.\n");
			return 1;
		}
		die(255, "Device and destination are required arguments.\n");
	}
	/* 20 parts at most; iproute2 sends a byte more for a 21st (r.lladdr[20], zero). */
	if (lla && strcmp(lla, "null") && (r.lladdr_len = lladdr_parse(lla, r.lladdr, 20, &bad, &blen)) < 0) {
		errf("\"%.*s\" is invalid lladdr.\n", blen, bad);
		return 1;
	}
	if (dev && !(r.index = ip_ll_index(dev))) {
		errf("Cannot find device \"%s\"\n", dev);
		return 1;
	}
	return neigh_send(sk, type, get ? 0 : nlflags | NLM_F_ACK, &r);
}

/* The subcommands, kwt_find's: minimum length, C_ value, name; the first five are
 * neigh_modify's (its type and flags in mods). */
enum { C_ADD, C_CHANGE, C_REPLACE, C_DEL, C_GET, C_SHOW, C_FLUSH };
static const char neigh_cmds[] =
	"\x01\x00" "add\0" "\x01\x01" "change\0" "\x03\x01" "chg\0" "\x01\x02" "replace\0"
	"\x01\x03" "delete\0" "\x01\x04" "get\0" "\x01\x05" "show\0" "\x01\x05" "lst\0"
	"\x01\x05" "list\0" "\x01\x06" "flush\0" "\0\0";
static const uint16_t mods[][2] = {
	{ RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL }, { RTM_NEWNEIGH, NLM_F_REPLACE },
	{ RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE }, { RTM_DELNEIGH, 0 }, { RTM_GETNEIGH, 0 },
};

int do_neigh(int argc, char **argv)
{
	const char *c;

	if (argc < 1)
		return show_or_flush(0, NULL, 0);
	c = kwt_find(neigh_cmds, 2, 0, argv[0]);
	if (c && c[1] >= C_SHOW)
		return show_or_flush(argc - 1, argv + 1, c[1] == C_FLUSH);
	if (c)
		return neigh_modify(mods[(int)c[1]][0], mods[(int)c[1]][1], argc - 1, argv + 1);
	if (kw_is(argv[0], "help"))
		usage();
	die(255, "Command \"%s\" is unknown, try \"ip neigh help\".\n", argv[0]);
}
