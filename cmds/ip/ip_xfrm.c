/* ip xfrm state|policy|monitor (iproute2 6.1's ip/ipxfrm.c, xfrm_monitor.c): the words, parsers
 * and printers the objects share, the monitor and the dispatch. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <arpa/inet.h>
#include "ip.h"
#include "ip_print.h"
#include "ip_xfrm.h"
#include "lib.h"
#include "out.h"
#include "tz.h"

int xf_family;
struct xf_filter xf_filter;

struct nlsock *xf_sock(void)
{
	static struct nlsock sk;
	static int open;
	int err;

	if (open)
		return &sk;
	if ((err = nl_open(&sk, NETLINK_XFRM)))
		die(1, "Cannot open netlink socket: %s\n", errtext(-err));
	open = 1;
	return &sk;
}

void xf_talk_failed(struct nlsock *sk, int err)
{
	ip_report_nlerr(sk, err);
	out_exit(2);
}

void xf_ask(struct nlb *b, nl_cb cb, void *arg)
{
	int err;

	if ((err = nl_talk(xf_sock(), b, cb, arg)) < 0)
		xf_talk_failed(xf_sock(), err);
}

void xf_talk(struct nlb *b)
{
	nlb_hdr(b)->nlmsg_flags |= NLM_F_ACK;
	xf_ask(b, NULL, NULL);
}

void xf_dump(struct nlb *b, nl_cb cb, void *arg)
{
	int err;

	if ((err = nl_talk(xf_sock(), b, cb, arg)) != 0) {
		if (err < 0)
			ip_report_nlerr(xf_sock(), err);
		die(1, "Dump terminated\n");
	}
	out_exit(0);
}

void xf_count(uint16_t type, nl_cb cb)
{
	char buf[64];
	struct nlb b;

	xfrm_info_build(&b, buf, sizeof(buf), type);
	xf_ask(&b, cb, NULL);
}

static int keep(const struct nlmsghdr *h, void *arg)
{
	if (h->nlmsg_len <= 16384)
		memcpy(arg, h, h->nlmsg_len);
	return 0;
}

void xf_get(struct nlb *b, int policy)
{
	/* The reply is kept: printing may look up device names on another socket. */
	static char answer[16384];
	const struct nlmsghdr *h = (const struct nlmsghdr *)answer;

	xf_ask(b, keep, answer);
	if ((policy ? xf_policy_print(h) : xf_state_print(h, 0)) < 0)
		die(1, "An error :-)\n");
}

/* 0 when the first bits of a and b (xfrm_address_t) are the same. */
static int xf_addr_match(const unsigned char *a, const unsigned char *b, int bits)
{
	int bytes = (bits >> 5) * 4;

	bits &= 0x1f;
	if (bytes && memcmp(a, b, (size_t)bytes))
		return -1;
	if (bits) {
		uint32_t w1, w2, mask = htonl(0xffffffffu << (32 - bits));

		memcpy(&w1, a + bytes, 4);
		memcpy(&w2, b + bytes, 4);
		if ((w1 ^ w2) & mask)
			return 1;
	}
	return 0;
}

void xf_missarg(const char *key)
{
	die(255, "Error: argument \"%s\" is required\n", key);
}

int xf_tval(const char *t, const char *w, int prefix)
{
	for (; t[1]; t += 2 + strlen(t + 1))
		if (prefix ? kw_is(w, t + 1) : !strcmp(w, t + 1))
			return (unsigned char)*t;
	return -1;
}

const char *xf_tname(const char *t, unsigned v)
{
	for (; t[1]; t += 2 + strlen(t + 1))
		if ((unsigned char)*t == v)
			return t + 1;
	return NULL;
}

/* ip_invarg with its message made of fmt and x. */
static _Noreturn void wrong(const char *arg, const char *fmt, const char *x)
{
	char m[128];

	bfmt(m, sizeof(m), fmt, x);
	ip_invarg(m, arg);
}

void xf_inval(const char *what, const char *arg)
{
	wrong(arg, "%s value is invalid", what);
}

int xf_word(const char *t, const char *w, const char *what)
{
	int v = xf_tval(t, w, 0);

	if (v < 0)
		xf_inval(what, w);
	return v;
}

int xf_flush_arg(const char *word, const char *t, const char *what, int argc, char **argv)
{
	int v = -1;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(*argv, word))
			ip_invarg("unknown", *argv);
		if (v >= 0)
			ip_duparg(word, *argv);
		NEXT_ARG();
		v = xf_word(t, *argv, what);
	}
	return v;
}

void xf_u32_arg(uint32_t *v, const char *w, const char *what)
{
	if (parse_u32(w, v, 0))
		xf_inval(what, w);
}

const char xf_state_flags[] = XT("\x01", "noecn") XT("\x02", "decap-dscp") XT("\x04", "nopmtudisc")
	XT("\x08", "wildrecv") XT("\x10", "icmp") XT("\x20", "af-unspec") XT("\x40", "align4")
	XT("\x80", "esn") XT_END;
const char xf_extra_flags[] = XT("\x01", "dont-encap-dscp") XT("\x02", "oseq-may-wrap") XT_END;
const char xf_policy_flags[] = XT("\x01", "localok") XT("\x02", "icmp") XT_END;
const char xf_dirs[] = XT("\x00", "in") XT("\x01", "out") XT("\x02", "fwd") XT_END;
const char xf_encaps[] = XT("\x01", "espinudp-nonike") XT("\x02", "espinudp") XT("\x07", "espintcp") XT_END;
const char xf_ptypes[] = XT("\x00", "main") XT("\x01", "sub") XT_END;
_Static_assert(XFRM_STATE_ESN == 0x80 && XFRM_POLICY_ICMP == 2 && XFRM_POLICY_FWD == 2 &&
	       UDP_ENCAP_ESPINUDP == 2 && TCP_ENCAP_ESPINTCP == 7 && XFRM_POLICY_TYPE_SUB == 1,
	       "the word tables' values");

void xf_flags_parse(uint32_t *flags, const char *tab, uint32_t max, const char *err,
		    int *argcp, char ***argvp)
{
	int argc = *argcp, f;
	char **argv = *argvp;
	uint32_t v;

	if (strlen(*argv) > 2 && !strncmp(*argv, "0x", 2)) {
		if (parse_u32(*argv, &v, 16) || v > max)
			ip_invarg(err, *argv);
		*flags = v;
		return;
	}
	for (;;) {
		if ((f = xf_tval(tab, *argv, 0)) < 0) {
			argc++, argv--;
			break;
		}
		*flags |= (uint32_t)f;
		if (argc <= 1)
			break;
		NEXT_ARG();
	}
	*argcp = argc;
	*argvp = argv;
}

const char xf_protos[] = XT("\x32", "esp") XT("\x33", "ah") XT("\x6c", "comp")
	XT("\x2b", "route2") XT("\x3c", "hao") XT("\xff", "ipsec-any") XT_END;
_Static_assert(IPPROTO_ESP == 0x32 && IPPROTO_AH == 0x33 && IPPROTO_COMP == 0x6c &&
	       IPPROTO_ROUTING == 0x2b && IPPROTO_DSTOPTS == 0x3c, "xf_protos");

/* The name of v in tab, else v in decimal (in a buffer the next call reuses). */
static const char *name_or_num(const char *tab, unsigned v)
{
	static char s[12];
	const char *n = xf_tname(tab, v);

	if (n)
		return n;
	bfmt(s, sizeof(s), "%u", v);
	return s;
}

const char *xf_proto_name(uint8_t proto)
{
	return name_or_num(xf_protos, proto);
}

static const char algos[] = XT("\x02", "enc") XT("\x01", "auth") XT("\x03", "comp") XT("\x12", "aead")
	XT("\x14", "auth-trunc") XT_END;
_Static_assert(XFRMA_ALG_CRYPT == 2 && XFRMA_ALG_AUTH == 1 && XFRMA_ALG_COMP == 3 &&
	       XFRMA_ALG_AEAD == 0x12 && XFRMA_ALG_AUTH_TRUNC == 0x14, "algos");

int xf_algo_byname(const char *name)
{
	return xf_tval(algos, name, 0);
}

const char *xf_algo_name(int type)
{
	const char *n = xf_tname(algos, (unsigned)type);

	return n ? n : "?";
}

/* getprotobynumber's name of v (/etc/protocols), else v in decimal, as iproute2's strxf_proto. */
static const char *ipproto_name(unsigned v)
{
	static char b[PR_NAMESZ];

	if (ip_ipproto_db(NULL, v, b) < 0)
		bfmt(b, sizeof(b), "%u", v);
	return b;
}

_Static_assert(offsetof(struct xfrm_lifetime_cfg, hard_use_expires_seconds) == 56 &&
	       offsetof(struct xfrm_lifetime_cfg, soft_add_expires_seconds) == 32 &&
	       offsetof(struct xfrm_lifetime_cfg, soft_packet_limit) == 16, "the limits' order");

int xf_dispatch(const char *names, xf_cmd_fn *const *fns, const char *object, const char *usage,
		int argc, char **argv)
{
	int i = kw_index(names, *argv);

	if (i < 0)   /* help, or the unknown command's message */
		return ip_dispatch_names(names, NULL, object, usage, argc, argv);
	if (!fns[i]) {
		errf("ip %s %s: not implemented in nsbox yet\n", object, kw_nth(names, (unsigned)i));
		return 1;
	}
	return fns[i](i, argc - 1, argv + 1);
}

/* ---- parsers ---- */

void xf_bad_with(const char *what, int xfrm, unsigned proto)
{
	die(1, "%s with %sPROTO value \"%s\"\n", what, xfrm ? "XFRM-" : "",
	    xfrm ? xf_proto_name((uint8_t)proto) : ipproto_name(proto));
}

void xf_badval(const char *word, const char *arg)
{
	wrong(arg, "value after \"%s\" is invalid", word);
}

void xf_prefix_arg(struct inet_prefix *p, const char *s, const char *word)
{
	ip_get_prefix(p, s, xf_family);
	if (p->family == AF_UNSPEC)
		wrong(s, "value after \"%s\" has an unrecognized address family", word);
}

/* The address after src or dst (word) into addr, its length into *mask. */
static void addr_arg(struct inet_prefix *p, const char *s, const char *word, void *addr, uint8_t *mask)
{
	xf_prefix_arg(p, s, word);
	memcpy(addr, p->data, sizeof(xfrm_address_t));
	*mask = (uint8_t)p->bitlen;
}

static void same_family(const struct inet_prefix *src, const struct inet_prefix *dst, const char *w)
{
	if (src->family && dst->family && src->family != dst->family)
		ip_invarg("the same address family is required between values after \"src\" and \"dst\"", w);
}

/* The words of ID and SELECTOR; UPSPEC's after them. */
enum { A_SRC = 1, A_DST, A_PROTO, A_SPI, A_DEV, U_SPORT, U_DPORT, U_TYPE, U_CODE, U_KEY };
static const char id_words[] = XT("\x01", "src") XT("\x02", "dst") XT("\x03", "proto") XT("\x04", "spi")
	XT_END;

void xf_id_parse(xfrm_address_t *saddr, struct xfrm_id *id, uint16_t *family, int loose,
		 int *argcp, char ***argvp)
{
	int argc = *argcp, w;
	char **argv = *argvp;
	struct inet_prefix src = { 0 }, dst = { 0 };
	uint32_t v;

	for (;;) {
		if ((w = xf_tval(id_words, *argv, 0)) < 0) {
			argc++, argv--;
			break;
		}
		NEXT_ARG();
		switch (w) {
		case A_SRC:
			addr_arg(&src, *argv, "src", saddr, &xf_filter.id_src_mask);
			if (family)
				*family = (uint16_t)src.family;
			break;
		case A_DST:
			addr_arg(&dst, *argv, "dst", &id->daddr, &xf_filter.id_dst_mask);
			if (family)
				*family = (uint16_t)dst.family;
			break;
		case A_PROTO:
			id->proto = (uint8_t)xf_word(xf_protos, *argv, "XFRM-PROTO");
			xf_filter.id_proto_mask = 0xff;
			break;
		default:
			if (parse_u32(*argv, &v, 0))
				xf_inval("SPI", *argv);
			id->spi = htonl(v);
			xf_filter.id_spi_mask = 0xffffffffu;
		}
		if (argc <= 1)
			break;
		NEXT_ARG();
	}
	same_family(&src, &dst, *argv);
	if (id->spi && id->proto) {
		if (id->proto == IPPROTO_ROUTING || id->proto == IPPROTO_DSTOPTS)
			xf_bad_with("\"spi\" is invalid", 1, id->proto);
		if (id->proto == IPPROTO_COMP && ntohl(id->spi) >= 0x10000)
			xf_bad_with("SPI value is too large", 1, id->proto);
	}
	if (!loose && !id->proto)
		xf_missarg("XFRM-PROTO");
	if (argc == *argcp)
		xf_missarg("ID");
	*argcp = argc;
	*argvp = argv;
}

/* iproute2 matches() these (a prefix does), in this order. */
static const char modes[] = XT("\x00", "transport") XT("\x01", "tunnel") XT("\x02", "ro")
	XT("\x03", "in_trigger") XT("\x04", "beet") XT_END;

void xf_mode_parse(uint8_t *mode, const char *w)
{
	int m = xf_tval(modes, w, 1);

	if (m < 0)
		xf_inval("MODE", w);
	*mode = (uint8_t)m;
}

void xf_reqid_parse(uint32_t *reqid, const char *w)
{
	if (parse_u32(w, reqid, 0))
		xf_inval("REQID", w);
}

static const char upspec_words[] = XT("\x03", "proto") XT("\x06", "sport") XT("\x07", "dport")
	XT("\x08", "type") XT("\x09", "code") XT("\x0a", "key") XT_END;
_Static_assert(A_PROTO == 3 && U_SPORT == 6 && U_KEY == 10 && A_DEV == 5, "the words' values");

static void upspec_parse(struct xfrm_selector *sel, int *argcp, char ***argvp)
{
	int argc = *argcp, w;
	char **argv = *argvp;
	const char *seen[U_KEY + 1] = { 0 };
	uint32_t v;

	for (;;) {
		if ((w = xf_tval(upspec_words, *argv, 0)) < 0) {
			argc++, argv--;
			break;
		}
		seen[w] = *argv;
		NEXT_ARG();
		if (w == A_PROTO) {
			int p;

			if (!strcmp(*argv, "any"))
				p = 0;
			/* getprotobyname, its number kept in a u8 as iproute2 keeps it (mptcp, 262: 6) */
			else if ((p = ip_ipproto_db(*argv, 0, NULL)) < 0) {
				if (parse_u32(*argv, &v, 0) || v > 255)
					xf_inval("PROTO", *argv);
				p = (int)v;
			}
			sel->proto = (uint8_t)p;
			xf_filter.upspec_proto_mask = 0xff;
		} else if (w != U_KEY) {
			/* sport and type set the source port, dport and code the destination's. */
			int d = w == U_DPORT || w == U_CODE, icmp = w >= U_TYPE;

			if (parse_u32(*argv, &v, 0) || v > (icmp ? 0xffu : 0xffffu))
				xf_badval(xf_tname(upspec_words, (unsigned)w), *argv);
			*(d ? &sel->dport : &sel->sport) = htons((uint16_t)v);
			if (v || icmp)
				*(d ? &sel->dport_mask : &sel->sport_mask) = 0xffff;
			*(d ? &xf_filter.upspec_dport_mask : &xf_filter.upspec_sport_mask) = 0xffff;
		} else {
			struct inet_prefix a;

			if (strchr(*argv, '.')) {
				if (inet_get_addr(&a, *argv, AF_INET))
					die(1, "Error: an IP address is expected rather than \"%s\"\n", *argv);
				v = (uint32_t)a.data[0] << 24 | (uint32_t)a.data[1] << 16 |
				    (uint32_t)a.data[2] << 8 | a.data[3];
			} else if (parse_u32(*argv, &v, 0)) {
				die(255, "value after \"key\" is invalid\n");
			}
			sel->sport = htons((uint16_t)(v >> 16));
			sel->dport = htons((uint16_t)(v & 0xffff));
			sel->sport_mask = sel->dport_mask = 0xffff;
			xf_filter.upspec_dport_mask = 0xffff;
		}
		if (argc <= 1)
			break;
		NEXT_ARG();
	}
	if (argc == *argcp)
		xf_missarg("UPSPEC");
	if ((seen[U_SPORT] || seen[U_DPORT]) && sel->proto != IPPROTO_TCP && sel->proto != IPPROTO_UDP &&
	    sel->proto != IPPROTO_SCTP && sel->proto != IPPROTO_DCCP && sel->proto != 0)
		xf_bad_with("\"sport\" and \"dport\" are invalid", 0, sel->proto);
	if ((seen[U_TYPE] || seen[U_CODE]) && sel->proto != IPPROTO_ICMP && sel->proto != IPPROTO_ICMPV6 &&
	    sel->proto != 135)
		xf_bad_with("\"type\" and \"code\" are invalid", 0, sel->proto);
	if (seen[U_KEY] && sel->proto != IPPROTO_GRE)
		xf_bad_with("\"key\" is invalid", 0, sel->proto);
	*argcp = argc;
	*argvp = argv;
}

static const char sel_words[] = XT("\x01", "src") XT("\x02", "dst") XT("\x05", "dev") XT_END;

void xf_selector_parse(struct xfrm_selector *sel, int *argcp, char ***argvp)
{
	int argc = *argcp, w, ifindex;
	char **argv = *argvp;
	struct inet_prefix src = { 0 }, dst = { 0 };
	const char *upspecp = NULL;

	for (;;) {
		if ((w = xf_tval(sel_words, *argv, 0)) > 0) {
			NEXT_ARG();
		} else if (upspecp) {
			argc++, argv--;
			break;
		}
		switch (w) {
		case A_SRC:
			addr_arg(&src, *argv, "src", &sel->saddr, &xf_filter.sel_src_mask);
			sel->family = (uint16_t)src.family;
			sel->prefixlen_s = xf_filter.sel_src_mask;
			break;
		case A_DST:
			addr_arg(&dst, *argv, "dst", &sel->daddr, &xf_filter.sel_dst_mask);
			sel->family = (uint16_t)dst.family;
			sel->prefixlen_d = xf_filter.sel_dst_mask;
			break;
		case A_DEV:
			ifindex = 0;
			if (strcmp(*argv, "none") && (ifindex = ip_ll_index(*argv)) <= 0)
				xf_inval("DEV", *argv);
			sel->ifindex = ifindex;
			xf_filter.sel_dev_mask = 0xffffffffu;
			break;
		default:
			upspecp = *argv;
			upspec_parse(sel, &argc, &argv);
		}
		if (argc <= 1)
			break;
		NEXT_ARG();
	}
	same_family(&src, &dst, *argv);
	if (argc == *argcp)
		xf_missarg("SELECTOR");
	*argcp = argc;
	*argvp = argv;
}

void xf_lifetime_parse(struct xfrm_lifetime_cfg *lft, int *argcp, char ***argvp)
{
	/* Word i sets the i-th limit of struct xfrm_lifetime_cfg, all __u64. */
	static const char lim[] = "byte-soft\0byte-hard\0packet-soft\0packet-hard\0time-soft\0time-hard\0"
		"time-use-soft\0time-use-hard\0";
	int argc = *argcp, i = kw_whole(lim, **argvp);
	char **argv = *argvp;
	uint64_t v;

	if (i < 0)
		xf_inval("LIMIT", *argv);
	NEXT_ARG();
	if (parse_ull(*argv, &v, 0))
		xf_badval(argv[-1], *argv);
	memcpy((char *)lft + (size_t)i * 8, &v, sizeof(v));
	*argcp = argc;
	*argvp = argv;
}

void xf_mark_parse(struct xfrm_mark *mark, int out, int *argcp, char ***argvp)
{
	int argc = *argcp;
	char **argv = *argvp;

	NEXT_ARG();
	if (parse_u32(*argv, &mark->v, 0)) {
		if (out)
			xf_badval("output-mark", *argv);
		ip_invarg("MARK value is invalid\n", *argv);
	}
	mark->m = out ? 0 : 0xffffffffu;
	if (argc > 1) {
		NEXT_ARG();
		if (!strcmp(*argv, "mask")) {
			NEXT_ARG();
			if (parse_u32(*argv, &mark->m, 0))
				ip_invarg(out ? "mask value is invalid\n" : "MASK value is invalid\n", *argv);
		} else {
			argc++, argv--;
		}
	}
	*argcp = argc;
	*argvp = argv;
}

void xf_ctx_parse(struct xf_sec_ctx *c, const char *s)
{
	size_t n = strlen(s) + 1;

	if (n > sizeof(c->str))
		n = sizeof(c->str);
	memset(c, 0, sizeof(*c));
	c->sctx.exttype = XFRMA_SEC_CTX;
	c->sctx.ctx_doi = 1;
	c->sctx.ctx_alg = 1;
	c->sctx.ctx_len = (uint16_t)n;
	c->sctx.len = (uint16_t)(sizeof(c->sctx) + n);
	memcpy(c->str, s, n - 1);
}

/* ---- printers ---- */

const char *xf_sl(void)
{
	return ipo.oneline ? "\\" : "\n";
}

static const char *addr_n2a(int family, const void *a)
{
	static char buf[2][PR_ADDRSZ];
	static int i;

	i ^= 1;
	if (family != AF_INET && family != AF_INET6)
		return "???";
	return fmt_inet(family, a, family == AF_INET ? 4 : 16, buf[i]);
}

/* title, the words of tab set in flags (then what is left, in hex). */
static void flags_print(const char *title, unsigned flags, const char *t)
{
	outs(title);
	for (; t[1]; t += 2 + strlen(t + 1)) {
		if (flags & (unsigned char)*t) {
			flags &= ~(unsigned)(unsigned char)*t;
			outf("%s%s", t + 1, flags ? " " : "");
		}
	}
	if (flags)
		outf("%x", flags);
}

/* A state's ID, or (tmpl) a template's, one tab further in. */
static void id_info_print(const xfrm_address_t *saddr, const struct xfrm_id *id, uint8_t mode,
			  uint32_t reqid, uint16_t family, int force_spi, int tmpl)
{
	xfrm_address_t d;

	memcpy(&d, &id->daddr, sizeof(d));
	if (tmpl)
		outs("tmpl ");
	outf("src %s ", addr_n2a(family, saddr));
	outf("dst %s%s", addr_n2a(family, &d), xf_sl());
	if (tmpl)
		outs("\t");
	outf("\tproto %s ", xf_proto_name(id->proto));
	if (ipo.stats > 0 || force_spi || id->spi) {
		uint32_t spi = ntohl(id->spi);

		outf("spi 0x%08x", spi);
		if (ipo.stats > 0)
			outf("(%u)", spi);
		outs(" ");
	}
	outf("reqid %u", reqid);
	if (ipo.stats > 0)
		outf("(0x%08x)", reqid);
	outf(" mode %s%s", name_or_num(modes, mode), xf_sl());
}

static const char *time_str(uint64_t t)
{
	static char s[32];
	time_t tt = (time_t)t;
	struct tm tm;

	if (!t)
		return "-";
	tm_local((long long)tt, &tm);
	bfmt(s, sizeof(s), "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return s;
}

/* v in decimal into buf (24 bytes), or "(INF)" for XFRM_INF when inf. */
static const char *num_str(char *buf, uint64_t v, int inf)
{
	if (inf && v == XFRM_INF)
		return "(INF)";
	bfmt(buf, 24, "%llu", (unsigned long long)v);
	return buf;
}

/* A state's or policy's lifetime (printed with -s), after a tab. */
static void lifetime_print(const struct xfrm_lifetime_cfg *cfg, const struct xfrm_lifetime_cur *cur)
{
	const char *sl = xf_sl();

	outf("\tlifetime config:%s", sl);
	/* The limits in pairs (soft, hard) as the struct holds them. */
	for (unsigned i = 0; i < 4; i++) {
		uint64_t l[2];
		char b1[24], b2[24];
		const char *unit = kw_nth("bytes\0packets\0sec\0sec\0", i);

		memcpy(l, (const char *)cfg + 16 * i, 16);
		outf("\t  %s: soft %s(%s), hard %s(%s)%s", kw_nth("limit\0limit\0expire add\0expire use\0", i),
		     num_str(b1, l[0], i < 2), unit, num_str(b2, l[1], i < 2), unit, sl);
	}
	outf("\tlifetime current:%s", sl);
	outf("\t  %llu(bytes), %llu(packets)%s", (unsigned long long)cur->bytes, (unsigned long long)cur->packets,
	     sl);
	outf("\t  add %s ", time_str(cur->add_time));
	outf("use %s%s", time_str(cur->use_time), sl);
}

static void selector_print(const struct xfrm_selector *sel, uint16_t family, const char *prefix)
{
	int f = sel->family ? sel->family : family ? family : xf_family;
	xfrm_address_t s, d;

	memcpy(&s, &sel->saddr, sizeof(s));
	memcpy(&d, &sel->daddr, sizeof(d));
	if (prefix)
		outs(prefix);
	outf("src %s/%u ", addr_n2a(f, &s), sel->prefixlen_s);
	outf("dst %s/%u ", addr_n2a(f, &d), sel->prefixlen_d);
	if (sel->proto)
		outf("proto %s ", ipproto_name(sel->proto));
	if (sel->proto == IPPROTO_GRE) {
		if (sel->sport_mask || sel->dport_mask)
			outf("key %u ", ((uint32_t)ntohs(sel->sport) << 16) + ntohs(sel->dport));
	} else {
		/* ICMP, ICMPv6 and the mobility header (135) have a type and a code (not printed
		 * for 135 but with -s, in hex as it is), the others ports. */
		int mh = sel->proto == 135, icmp = mh || sel->proto == IPPROTO_ICMP || sel->proto == IPPROTO_ICMPV6;

		if (sel->sport_mask)
			outf(icmp ? "type %u " : "sport %u ", ntohs(sel->sport));
		if (sel->dport_mask && !mh)
			outf(icmp ? "code %u " : "dport %u ", ntohs(sel->dport));
		if (sel->dport_mask && mh && ipo.stats > 0)
			outf("(dport) 0x%.4x ", sel->dport);
	}
	if (sel->ifindex > 0)
		outf("dev %s ", ifname_of(sel->ifindex));
	if (ipo.stats > 0)
		outf("uid %u", sel->user);
	outs(xf_sl());
}

static void algo_print(const struct nlattr *a, uint16_t type, int nokeys)
{
	struct xfrm_algo_view v;
	int r = xfrm_algo_get(a, type, &v);

	outf("\t%s ", xf_algo_name(type));
	if (r == -1) {
		outs("(ERROR truncated)");
	} else {
		outf("%s ", v.name);
		if (r == -2) {
			outs("(ERROR truncated)");
		} else if (nokeys) {
			outs("<<Keys hidden>>");
		} else if (v.keylen > 0) {
			outs("0x");
			for (size_t i = 0; i < v.keylen; i++)
				outf("%.2x", v.key[i]);
			if (ipo.stats > 0)
				outf(" (%d bits)", (int)v.keybits);
		}
		if (type == XFRMA_ALG_AEAD || type == XFRMA_ALG_AUTH_TRUNC)
			outf(" %d", (int)v.extra);
	}
	outs(xf_sl());
}

static const char shares[] = XT("\x00", "any") XT("\x01", "session") XT("\x02", "user") XT("\x03", "unique")
	XT_END;

static void tmpl_print(const struct nlattr *a)
{
	size_t n = nla_len(a) / sizeof(struct xfrm_user_tmpl);
	const char *sl = xf_sl();

	if (!n) {
		outf("\t(ERROR \"tmpl\" truncated)%s", sl);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct xfrm_user_tmpl t;

		memcpy(&t, (const char *)nla_data(a) + i * sizeof(t), sizeof(t));
		outs("\t");
		id_info_print(&t.saddr, &t.id, t.mode, t.reqid, t.family, 0, 1);
		if (ipo.stats > 0 || t.optional) {
			outs("\t\t");
			if (t.optional == 0) {
				if (ipo.stats > 0)
					outs("level required ");
			} else if (t.optional == 1) {
				outs("level use ");
			} else {
				outf("level %u ", t.optional);
			}
			if (ipo.stats > 0)
				outf("share %s ", name_or_num(shares, t.share));
			outs(sl);
		}
		if (ipo.stats > 0) {
			outf("\t\tenc-mask %.8x auth-mask %.8x comp-mask %.8x%s", t.ealgos, t.aalgos,
			     t.calgos, sl);
		}
	}
}

static int get_u32a(const struct nlattr *a, uint32_t *v)
{
	*v = 0;
	return xfrm_attr_copy(a, v, 4);
}

static void output_mark_print(struct nlattr *const *tb)
{
	uint32_t v, m;

	get_u32a(tb[XFRMA_OUTPUT_MARK], &v);
	outf("output-mark 0x%x", v);
	if (tb[XFRMA_SET_MARK_MASK]) {
		get_u32a(tb[XFRMA_SET_MARK_MASK], &m);
		outf("/0x%x", m);
	}
}

/* A tab and title, then a's payload into out; or "(ERROR truncated)" and -1. */
static int attr_start(const struct nlattr *a, void *out, size_t len, const char *title)
{
	outf("\t%s", title);
	if (!xfrm_attr_copy(a, out, len))
		return 0;
	outf("(ERROR truncated)%s", xf_sl());
	return -1;
}

/* The attributes of a state or policy, each line after a tab. */
static void xfrma_print(struct nlattr *const *tb, uint16_t family, int nokeys)
{
	static const uint8_t algo_order[] = {
		XFRMA_ALG_AUTH, XFRMA_ALG_AUTH_TRUNC, XFRMA_ALG_AEAD, XFRMA_ALG_CRYPT, XFRMA_ALG_COMP
	};
	const char *sl = xf_sl();

	if (tb[XFRMA_MARK] || tb[XFRMA_OUTPUT_MARK]) {
		outs("\t");
		if (tb[XFRMA_MARK]) {
			struct xfrm_mark m = { 0, 0 };

			xfrm_attr_copy(tb[XFRMA_MARK], &m, sizeof(m));
			outf("mark %#x/%#x ", m.v, m.m);
		}
		if (tb[XFRMA_OUTPUT_MARK])
			output_mark_print(tb);
		outs(sl);
	}
	for (size_t i = 0; i < sizeof(algo_order); i++) {
		uint16_t t = algo_order[i];

		if (tb[t] && !(t == XFRMA_ALG_AUTH && tb[XFRMA_ALG_AUTH_TRUNC]))
			algo_print(tb[t], t, nokeys);
	}
	if (tb[XFRMA_ENCAP]) {
		struct xfrm_encap_tmpl e;

		if (attr_start(tb[XFRMA_ENCAP], &e, sizeof(e), "encap "))
			return;
		outf("type %s ", name_or_num(xf_encaps, e.encap_type));
		outf("sport %u dport %u ", ntohs(e.encap_sport), ntohs(e.encap_dport));
		outf("addr %s%s", addr_n2a(family, &e.encap_oa), sl);
	}
	if (tb[XFRMA_TMPL])
		tmpl_print(tb[XFRMA_TMPL]);
	if (tb[XFRMA_COADDR]) {
		xfrm_address_t coa;

		if (attr_start(tb[XFRMA_COADDR], &coa, sizeof(coa), "coa "))
			return;
		outf("%s%s", addr_n2a(family, &coa), sl);
	}
	if (tb[XFRMA_LASTUSED]) {
		uint64_t t;

		if (attr_start(tb[XFRMA_LASTUSED], &t, sizeof(t), "lastused "))
			return;
		outf("%s%s", time_str(t), sl);
	}
	if (tb[XFRMA_REPLAY_VAL]) {
		struct xfrm_replay_state r;

		if (attr_start(tb[XFRMA_REPLAY_VAL], &r, sizeof(r), "anti-replay context: "))
			return;
		outf("seq 0x%x, oseq 0x%x, bitmap 0x%08x%s", r.seq, r.oseq, r.bitmap, sl);
	}
	if (tb[XFRMA_REPLAY_ESN_VAL]) {
		struct xfrm_replay_state_esn r;
		const unsigned char *bmp = (const unsigned char *)nla_data(tb[XFRMA_REPLAY_ESN_VAL]) + sizeof(r);
		size_t have;

		if (attr_start(tb[XFRMA_REPLAY_ESN_VAL], &r, sizeof(r), "anti-replay esn context:"))
			return;
		have = (nla_len(tb[XFRMA_REPLAY_ESN_VAL]) - sizeof(r)) / 4;
		outf("%s\t seq-hi 0x%x, seq 0x%x, oseq-hi 0x%0x, oseq 0x%0x%s", sl, r.seq_hi,
		     r.seq, r.oseq_hi, r.oseq, sl);
		outf("\t replay_window %u, bitmap-length %u", r.replay_window, r.bmp_len);
		/* iproute2 reads bmp_len words whatever the attribute holds (past its end); the kernel
		 * sends them all. Only the words present are printed: a bmp_len of 2^32 in a
		 * malformed reply would otherwise print for minutes (the xfrm fuzz target's timeout). */
		for (unsigned i = r.bmp_len < have ? r.bmp_len : (unsigned)have, j = 0; i; i--) {
			uint32_t w;

			if (j++ % 8 == 0)
				outf("%s\t ", sl);
			memcpy(&w, bmp + (i - 1) * 4, 4);
			outf("%08x ", w);
		}
		outs(sl);
	}
	if (tb[XFRMA_OFFLOAD_DEV]) {
		struct xfrm_user_offload o;

		if (attr_start(tb[XFRMA_OFFLOAD_DEV], &o, sizeof(o), "crypto offload parameters: "))
			return;
		outf("dev %s dir %s%s", ifname_of(o.ifindex), o.flags & XFRM_OFFLOAD_INBOUND ? "in" : "out", sl);
	}
	if (tb[XFRMA_IF_ID]) {
		uint32_t v;

		get_u32a(tb[XFRMA_IF_ID], &v);
		outf("\tif_id %#x%s", v, sl);
	}
	if (tb[XFRMA_TFCPAD]) {
		uint32_t v;

		get_u32a(tb[XFRMA_TFCPAD], &v);
		outf("\ttfcpad %u%s", v, sl);
	}
}

static void sec_ctx_print(const struct nlattr *a)
{
	struct xfrm_user_sec_ctx c = { 0 };
	size_t room = nla_len(a) > sizeof(c) ? nla_len(a) - sizeof(c) : 0;

	outs("\tsecurity context ");
	if (xfrm_attr_copy(a, &c, sizeof(c)))
		outs("(ERROR truncated)");
	outf("%.*s %s", (int)(c.ctx_len < room ? c.ctx_len : room),
	     (const char *)nla_data(a) + sizeof(c), xf_sl());
}

static int sel_iszero(const struct xfrm_selector *s)
{
	static const struct xfrm_selector z;

	return !memcmp(&z, s, sizeof(z));
}

/* The end of a state's or policy's flags line: with -s, the flags in binary. */
static void flags_end(uint8_t m)
{
	if (ipo.stats > 0) {
		outs(" (0x");
		for (int b = 7; b >= 0; b--)
			outc(m >> b & 1 ? '1' : '0');
		outs(")");
	}
	outs(xf_sl());
}

/* A message that is no state (policy: 1) as iproute2 says it: 0, or -1 when it stops a get. */
static __attribute__((noinline)) int not_one(const struct nlmsghdr *h, int err, int policy)
{
	const char *what = policy ? "POLICY" : "SA";

	if (h->nlmsg_type == (policy ? XFRM_MSG_DELPOLICY : XFRM_MSG_DELSA) && err == -EPROTO) {
		errf("Buggy XFRM_MSG_DEL%s: no XFRMA_%s\n", what, what);
		return -1;
	}
	if (err == -EPROTO) {
		errf("BUG: wrong nlmsg len %d\n", (int)h->nlmsg_len);
		return -1;
	}
	errf("Not a %s: %08x %08x %08x\n", policy ? "policy" : "state", h->nlmsg_len, h->nlmsg_type,
	     h->nlmsg_flags);
	return 0;
}

static __attribute__((noinline)) void event_print(uint16_t type, uint16_t del, uint16_t upd, uint16_t exp)
{
	if (type == del)
		outs("Deleted ");
	else if (type == upd)
		outs("Updated ");
	else if (type == exp)
		outs("Expired ");
}

static int msg_end(int expired, uint32_t hard)
{
	if (expired)
		outf("\thard %u%s", hard, xf_sl());
	if (ipo.oneline)
		outs("\n");
	out_record_end();
	return 0;
}

/* The list filter as data: a field of the message (at off in xfrm_usersa_info or
 * xfrm_userpolicy_info) against the filter's copy at the same offset, under the mask at moff in
 * xf_filter. A length of 1, 2 or 4: (message ^ filter) & mask, byte by byte; M_ADDR: a prefix of
 * mask bits; M_FLAGS: when the mask is set, a flag in common; M_FAMILY: when the filter's is set,
 * the same. */
enum { M_ADDR, M_FLAGS = 8, M_FAMILY };
struct xf_match {
	uint8_t kind, off, moff;
};
#define XM(kind, s, f, m) { kind, offsetof(struct s, f), offsetof(struct xf_filter, m) }
_Static_assert(offsetof(struct xf_filter, xsinfo) < 256 && sizeof(struct xfrm_usersa_info) < 256,
	       "the match tables' offsets fit in a byte");

static int filter_match(const void *msg, const void *fv, const struct xf_match *t, size_t n)
{
	const unsigned char *mk = (const unsigned char *)&xf_filter;

	if (!xf_filter.use)
		return 1;
	for (; n--; t++) {
		const unsigned char *a = (const unsigned char *)msg + t->off, *b = (const unsigned char *)fv + t->off,
			*k = mk + t->moff;

		if (t->kind == M_ADDR) {
			if (*k && xf_addr_match(a, b, *k))
				return 0;
		} else if (t->kind == M_FLAGS) {
			if (*k && !(*a & *b))
				return 0;
		} else if (t->kind == M_FAMILY) {
			if ((b[0] | b[1]) && memcmp(a, b, 2))
				return 0;
		} else {
			for (unsigned i = 0; i < t->kind; i++)
				if ((a[i] ^ b[i]) & k[i])
					return 0;
		}
	}
	return 1;
}

static const struct xf_match state_matches[] = {
	XM(M_FAMILY, xfrm_usersa_info, family, use),
	XM(M_ADDR, xfrm_usersa_info, saddr, id_src_mask),
	XM(M_ADDR, xfrm_usersa_info, id.daddr, id_dst_mask),
	XM(1, xfrm_usersa_info, id.proto, id_proto_mask),
	XM(4, xfrm_usersa_info, id.spi, id_spi_mask),
	XM(1, xfrm_usersa_info, mode, mode_mask),
	XM(4, xfrm_usersa_info, reqid, reqid_mask),
	XM(M_FLAGS, xfrm_usersa_info, flags, state_flags_mask),
};

int xf_state_print(const struct nlmsghdr *h, int nokeys)
{
	struct xfrm_view v;
	const struct xfrm_usersa_info *xs = &v.sa;
	int err = xfrm_parse(h, &v), force_spi;
	const char *sl = xf_sl();

	if (v.kind != XV_SA)
		return not_one(h, err, 0);
	if (h->nlmsg_type != XFRM_MSG_DELSA &&
	    !filter_match(xs, &xf_filter.xsinfo, state_matches, sizeof(state_matches) / sizeof(state_matches[0])))
		return 0;
	event_print(h->nlmsg_type, XFRM_MSG_DELSA, XFRM_MSG_UPDSA, XFRM_MSG_EXPIRE);
	force_spi = xs->id.proto == IPPROTO_ESP || xs->id.proto == IPPROTO_AH || xs->id.proto == IPPROTO_COMP;
	id_info_print(&xs->saddr, &xs->id, xs->mode, xs->reqid, xs->family, force_spi, 0);
	outf("\treplay-window %u ", xs->replay_window);
	if (ipo.stats > 0)
		outf("seq 0x%08u ", xs->seq);
	if (ipo.stats > 0 || xs->flags)
		flags_print("flag ", xs->flags, xf_state_flags);
	if (ipo.stats > 0 && v.tb[XFRMA_SA_EXTRA_FLAGS]) {
		uint32_t x;

		get_u32a(v.tb[XFRMA_SA_EXTRA_FLAGS], &x);
		flags_print("extra_flag ", x, xf_extra_flags);
	}
	flags_end(xs->flags);
	xfrma_print(v.tb, xs->family, nokeys);
	if (!sel_iszero(&xs->sel))
		selector_print(&xs->sel, xs->family, "\tsel ");
	if (ipo.stats > 0) {
		lifetime_print(&xs->lft, &xs->curlft);
		outf("\tstats:%s", sl);
		outf("\t  replay-window %u replay %u failed %u%s", xs->stats.replay_window,
		     xs->stats.replay, xs->stats.integrity_failed, sl);
	}
	if (v.tb[XFRMA_SEC_CTX])
		sec_ctx_print(v.tb[XFRMA_SEC_CTX]);
	return msg_end(h->nlmsg_type == XFRM_MSG_EXPIRE, v.hard);
}

static const struct xf_match policy_matches[] = {
	XM(M_FAMILY, xfrm_userpolicy_info, sel.family, use),
	XM(1, xfrm_userpolicy_info, dir, dir_mask),
	XM(M_ADDR, xfrm_userpolicy_info, sel.saddr, sel_src_mask),
	XM(M_ADDR, xfrm_userpolicy_info, sel.daddr, sel_dst_mask),
	XM(4, xfrm_userpolicy_info, sel.ifindex, sel_dev_mask),
	XM(1, xfrm_userpolicy_info, sel.proto, upspec_proto_mask),
	XM(2, xfrm_userpolicy_info, sel.sport, upspec_sport_mask),
	XM(2, xfrm_userpolicy_info, sel.dport, upspec_dport_mask),
	XM(4, xfrm_userpolicy_info, index, index_mask),
	XM(1, xfrm_userpolicy_info, action, action_mask),
	XM(4, xfrm_userpolicy_info, priority, priority_mask),
	XM(M_FLAGS, xfrm_userpolicy_info, flags, policy_flags_mask),
};

int xf_policy_print(const struct nlmsghdr *h)
{
	struct xfrm_view v;
	struct xfrm_userpolicy_info *xp = &v.pol;
	struct xfrm_userpolicy_type upt = { 0 };
	int err = xfrm_parse(h, &v);
	uint8_t dir;

	if (v.kind != XV_POLICY)
		return not_one(h, err, 1);
	if (v.tb[XFRMA_POLICY_TYPE] && xfrm_attr_copy(v.tb[XFRMA_POLICY_TYPE], &upt, sizeof(upt))) {
		errf("too short XFRMA_POLICY_TYPE len\n");
		return -1;
	}
	if (!v.tb[XFRMA_POLICY_TYPE])
		upt.type = XFRM_POLICY_TYPE_MAIN;
	if (h->nlmsg_type != XFRM_MSG_DELPOLICY && xf_filter.use &&
	    (((upt.type ^ xf_filter.ptype) & xf_filter.ptype_mask) ||
	     (xf_filter.filter_socket && xp->dir >= XFRM_POLICY_MAX) ||
	     !filter_match(xp, &xf_filter.xpinfo, policy_matches, sizeof(policy_matches) / sizeof(policy_matches[0]))))
		return 0;
	event_print(h->nlmsg_type, XFRM_MSG_DELPOLICY, XFRM_MSG_UPDPOLICY, XFRM_MSG_POLEXPIRE);
	selector_print(&xp->sel, (uint16_t)xf_family, NULL);
	if (v.tb[XFRMA_SEC_CTX])
		sec_ctx_print(v.tb[XFRMA_SEC_CTX]);
	outs("\t");
	dir = xp->dir;
	if (dir >= XFRM_POLICY_MAX) {
		dir -= XFRM_POLICY_MAX;
		outs("socket ");
	} else {
		outs("dir ");
	}
	outf("%s ", name_or_num(xf_dirs, dir));
	if (xp->action == XFRM_POLICY_ALLOW) {
		if (ipo.stats > 0)
			outs("action allow ");
	} else if (xp->action == XFRM_POLICY_BLOCK) {
		outs("action block ");
	} else {
		outf("action %u ", xp->action);
	}
	if (ipo.stats)
		outf("index %u ", xp->index);
	outf("priority %u ", xp->priority);
	if (v.tb[XFRMA_POLICY_TYPE])
		outf("ptype %s ", name_or_num(xf_ptypes, upt.type));
	if (ipo.stats > 0)
		outf("share %s ", name_or_num(shares, xp->share));
	if (ipo.stats > 0 || xp->flags)
		flags_print("flag ", xp->flags, xf_policy_flags);
	flags_end(xp->flags);
	if (ipo.stats > 0)
		lifetime_print(&xp->lft, &xp->curlft);
	xfrma_print(v.tb, xp->sel.family, 0);
	return msg_end(h->nlmsg_type == XFRM_MSG_POLEXPIRE, v.hard);
}

/* ---- monitor ---- */

void xf_monitor_print(const struct nlmsghdr *h, int nokeys)
{
	struct xfrm_view v;
	const char *sl = xf_sl();

	switch (h->nlmsg_type) {
	case XFRM_MSG_NEWSA: case XFRM_MSG_DELSA: case XFRM_MSG_UPDSA: case XFRM_MSG_EXPIRE:
		xf_state_print(h, nokeys);
		return;
	case XFRM_MSG_NEWPOLICY: case XFRM_MSG_DELPOLICY: case XFRM_MSG_UPDPOLICY:
	case XFRM_MSG_POLEXPIRE:
		xf_policy_print(h);
		return;
	case XFRM_MSG_FLUSHSA:
		if (xfrm_parse(h, &v)) {
			errf("BUG: wrong nlmsg len %d\n", (int)h->nlmsg_len);
			return;
		}
		outf("Flushed state proto %s%s", xf_proto_name(v.flush_proto), sl);
		break;
	case XFRM_MSG_FLUSHPOLICY:
		xfrm_parse(h, &v);
		outs("Flushed policy ");
		if (v.tb[XFRMA_POLICY_TYPE]) {
			struct xfrm_userpolicy_type upt = { 0 };

			outs("ptype ");
			if (xfrm_attr_copy(v.tb[XFRMA_POLICY_TYPE], &upt, sizeof(upt)))
				outs("(ERROR truncated)");
			outf("%s ", name_or_num(xf_ptypes, upt.type));
		}
		outs(sl);
		break;
	case NLMSG_ERROR: case NLMSG_NOOP: case NLMSG_DONE:
		return;
	default:
		/* acquire, report, aevents, mapping: not printed by nsbox yet. */
		outf("Unknown message: %08d 0x%08x 0x%08x\n", (int)h->nlmsg_len, h->nlmsg_type,
		     h->nlmsg_flags);
		break;
	}
	if (ipo.oneline)
		outs("\n");
	out_record_end();
}
