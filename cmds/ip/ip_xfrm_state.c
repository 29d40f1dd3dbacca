/* ip xfrm state (iproute2 6.1's ip/xfrm_state.c): add, update, delete, get, list, flush, count. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include "ip.h"
#include "ip_xfrm.h"
#include "lib.h"
#include "out.h"

NSBOX_USAGE(state_usage,
	"Usage: ip xfrm state { add | update } ID [ ALGO-LIST ] [ mode MODE ]\n"
	NSBOX_USAGE_MORE(
	"        [ mark MARK [ mask MASK ] ] [ reqid REQID ] [ seq SEQ ]\n"
	"        [ replay-window SIZE ] [ replay-seq SEQ ] [ replay-oseq SEQ ]\n"
	"        [ replay-seq-hi SEQ ] [ replay-oseq-hi SEQ ]\n"
	"        [ flag FLAG-LIST ] [ sel SELECTOR ] [ LIMIT-LIST ] [ encap ENCAP ]\n"
	"        [ coa ADDR[/PLEN] ] [ ctx CTX ] [ extra-flag EXTRA-FLAG-LIST ]\n"
	"        [ offload [dev DEV] dir DIR ]\n"
	"        [ output-mark OUTPUT-MARK [ mask MASK ] ]\n"
	"        [ if_id IF_ID ] [ tfcpad LENGTH ]\n"
	"Usage: ip xfrm state allocspi ID [ mode MODE ] [ mark MARK [ mask MASK ] ]\n"
	"        [ reqid REQID ] [ seq SEQ ] [ min SPI max SPI ]\n"
	"Usage: ip xfrm state { delete | get } ID [ mark MARK [ mask MASK ] ]\n"
	"Usage: ip xfrm state deleteall [ ID ] [ mode MODE ] [ reqid REQID ]\n"
	"        [ flag FLAG-LIST ]\n"
	"Usage: ip xfrm state list [ nokeys ] [ ID ] [ mode MODE ] [ reqid REQID ]\n"
	"        [ flag FLAG-LIST ]\n"
	"Usage: ip xfrm state flush [ proto XFRM-PROTO ]\n"
	"Usage: ip xfrm state count\n"
	"ID := [ src ADDR ] [ dst ADDR ] [ proto XFRM-PROTO ] [ spi SPI ]\n"
	"XFRM-PROTO := esp | ah | comp | route2 | hao\n"
	"ALGO-LIST := [ ALGO-LIST ] ALGO\n"
	"ALGO := { enc | auth } ALGO-NAME ALGO-KEYMAT |\n"
	"        auth-trunc ALGO-NAME ALGO-KEYMAT ALGO-TRUNC-LEN |\n"
	"        aead ALGO-NAME ALGO-KEYMAT ALGO-ICV-LEN |\n"
	"        comp ALGO-NAME\n"
	"MODE := transport | tunnel | beet | ro | in_trigger\n"
	"FLAG-LIST := [ FLAG-LIST ] FLAG\n"
	"FLAG := noecn | decap-dscp | nopmtudisc | wildrecv | icmp | af-unspec | align4 | esn\n"
	"EXTRA-FLAG-LIST := [ EXTRA-FLAG-LIST ] EXTRA-FLAG\n"
	"EXTRA-FLAG := dont-encap-dscp | oseq-may-wrap\n"
	"SELECTOR := [ src ADDR[/PLEN] ] [ dst ADDR[/PLEN] ] [ dev DEV ] [ UPSPEC ]\n"
	"UPSPEC := proto { { tcp | udp | sctp | dccp } [ sport PORT ] [ dport PORT ] |\n"
	"                  { icmp | ipv6-icmp | mobility-header } [ type NUMBER ] [ code NUMBER ] |\n"
	"                  gre [ key { DOTTED-QUAD | NUMBER } ] | PROTO }\n"
	"LIMIT-LIST := [ LIMIT-LIST ] limit LIMIT\n"
	"LIMIT := { time-soft | time-hard | time-use-soft | time-use-hard } SECONDS |\n"
	"         { byte-soft | byte-hard } SIZE | { packet-soft | packet-hard } COUNT\n"
	"ENCAP := { espinudp | espinudp-nonike | espintcp } SPORT DPORT OADDR\n"
	"DIR := in | out\n"));

#define KEY_MAX 512

/* iproute2's xfrm_algo_parse: "0x" and hex digits (an odd count gets a leading 0), else the
 * word's own bytes. The key's length, or exit. */
static size_t key_parse(const char *key, unsigned char *out)
{
	size_t slen = strlen(key), len;

	if (slen > 2 && !strncmp(key, "0x", 2)) {
		const char *p = key + 2;
		size_t plen = slen - 2;
		long i;

		len = (plen + 1) / 2;
		if (len > KEY_MAX)
			ip_invarg("ALGO-KEYMAT value makes buffer overflow\n", key);
		i = -(long)(plen % 2);
		for (size_t j = 0; j < len; i += 2, j++) {
			char v[3] = { i >= 0 ? p[i] : '0', p[i + 1], 0 };
			uint32_t x;

			if (parse_u32(v, &x, 16) || x > 0xff)
				xf_inval("ALGO-KEYMAT", key);
			out[j] = (unsigned char)x;
		}
		return len;
	}
	if (slen > KEY_MAX)
		ip_invarg("ALGO-KEYMAT value makes buffer overflow\n", key);
	memcpy(out, key, slen);
	return slen;
}

/* The commands' words (state_cmds): add and update are 0 and 1. */
enum { C_DELETE = 3 };

/* The words of add/update; 0 is the ID (or an ALGO). From S_WIN on, numbers kept as they are. */
enum { S_ID, S_MODE, S_MARK, S_REQID, S_SEQ, S_FLAG, S_EXTRA, S_SEL, S_LIMIT, S_ENCAP, S_COA, S_CTX,
       S_OFFLOAD, S_OMARK, S_WIN, S_RSEQ, S_RSEQ_HI, S_ROSEQ, S_ROSEQ_HI, S_IF_ID, S_TFCPAD, S_N };
/* Word i is S_MODE + i. */
static const char state_words[] = "mode\0mark\0reqid\0seq\0flag\0extra-flag\0sel\0limit\0encap\0coa\0ctx\0"
	"offload\0output-mark\0replay-window\0replay-seq\0replay-seq-hi\0replay-oseq\0replay-oseq-hi\0"
	"if_id\0tfcpad\0";
#define STATE_WORD(w) (kw_whole(state_words, w) + 1)

enum { A_ENC = 1, A_AUTH = 2, A_AEAD = 4, A_COMP = 8 };
/* esp, ah and comp: the ALGO types each cannot have, those of which it needs one, and what
 * iproute2 says of either. */
static const uint8_t ipsec_protos[] = { IPPROTO_ESP, IPPROTO_AH, IPPROTO_COMP },
	algs_bad[] = { A_COMP, A_ENC | A_AEAD | A_COMP, A_ENC | A_AUTH | A_AEAD },
	algs_need[] = { A_ENC | A_AEAD, A_AUTH, A_COMP };
static const char algs_errs[] = "ALGO-TYPE value \"comp\" is invalid\0"
	"ALGO-TYPE value \"enc\" or \"aead\" is required\0"
	"ALGO-TYPE values \"enc\", \"aead\", and \"comp\" are invalid\0"
	"ALGO-TYPE value \"auth\" or \"auth-trunc\" is required\0"
	"ALGO-TYPE values \"enc\", \"auth\", \"auth-trunc\", and \"aead\" are invalid\0"
	"ALGO-TYPE value \"comp\" is required\0";

static uint16_t port_arg(const char *w, const char *err)
{
	uint32_t v;

	if (parse_u32(w, &v, 0) || v > 0xffff)
		ip_invarg(err, w);
	return htons((uint16_t)v);
}

/* The next word of an ALGO, or exit: "argument \"what\" is required". */
static char *algo_arg(int *argcp, char ***argvp, const char *what)
{
	if (*argcp <= 1)
		xf_missarg(what);
	--*argcp;
	return *++*argvp;
}

static int modify(int cmd, int argc, char **argv)
{
	static const char offload_dirs[] = XT("\x02", "in") XT("\x00", "out") XT_END;
	struct xfrm_usersa_info xs;
	struct xfrm_mark mark = { 0, 0 }, omark = { 0, 0 };
	struct xf_sec_ctx ctx;
	struct xfrm_user_offload xuo = { 0 };
	const char *seen[S_N] = { 0 };
	unsigned algs = 0, i;  /* the ALGO types given, A_* */
	uint32_t u[S_N - S_WIN] = { 0 }, extra = 0, v;
	uint32_t replay_window, seq, oseq, seq_hi, oseq_hi;
	unsigned char key[KEY_MAX];
	char buf[8192];
	struct nlb b;

	memset(&xs, 0, sizeof(xs));
	xs.family = (uint16_t)xf_family;
	xs.lft.soft_byte_limit = xs.lft.hard_byte_limit = XFRM_INF;
	xs.lft.soft_packet_limit = xs.lft.hard_packet_limit = XFRM_INF;
	/* The header is written last; attributes go in as their words come. */
	xfrm_build(&b, buf, sizeof(buf), cmd ? XFRM_MSG_UPDSA : XFRM_MSG_NEWSA, 0, &xs, sizeof(xs));
	for (; argc > 0; argc--, argv++) {
		int w = STATE_WORD(*argv), t;

		if (w == S_ID && (t = xf_algo_byname(*argv)) >= 0) {
			const char *name, *k = "";
			uint32_t extra_len = 0;
			size_t klen;

			unsigned bit = t == XFRMA_ALG_CRYPT ? A_ENC : t == XFRMA_ALG_COMP ? A_COMP :
				       t == XFRMA_ALG_AEAD ? A_AEAD : A_AUTH;

			/* aead goes with no enc or auth, comp with any. */
			if (algs & (bit == A_COMP ? A_COMP : bit == A_AEAD ? A_ENC | A_AUTH | A_AEAD : bit | A_AEAD))
				ip_duparg("ALGO-TYPE", *argv);
			algs |= bit;
			name = algo_arg(&argc, &argv, "ALGO-NAME");
			if (t != XFRMA_ALG_COMP)
				k = algo_arg(&argc, &argv, "ALGO-KEYMAT");
			if (t == XFRMA_ALG_AEAD || t == XFRMA_ALG_AUTH_TRUNC) {
				const char *what = t == XFRMA_ALG_AEAD ? "ALGO-ICV-LEN" : "ALGO-TRUNC-LEN";

				xf_u32_arg(&extra_len, algo_arg(&argc, &argv, what), what);
			}
			klen = key_parse(k, key);
			xfrm_put_algo(&b, (uint16_t)t, name, key, klen, extra_len);
			continue;
		}
		if (seen[w] && (w == S_COA || w == S_CTX))
			ip_duparg(kw_nth(state_words, (unsigned)w - 1), *argv);
		if (seen[w] && w == S_ID)
			ip_invarg("unknown", *argv);
		seen[w] = *argv;
		if (w == S_MARK || w == S_OMARK) {
			xf_mark_parse(w == S_MARK ? &mark : &omark, w == S_OMARK, &argc, &argv);
			continue;
		}
		if (w == S_ID) {
			xf_id_parse(&xs.saddr, &xs.id, &xs.family, 0, &argc, &argv);
			if (xf_family == AF_UNSPEC)
				xf_family = xs.family;
			continue;
		}
		NEXT_ARG();
		if (w >= S_WIN) {
			if (parse_u32(*argv, &u[w - S_WIN], 0))
				xf_badval(kw_nth(state_words, (unsigned)w - 1), *argv);
			continue;
		}
		switch (w) {
		case S_MODE:
			xf_mode_parse(&xs.mode, *argv);
			break;
		case S_REQID:
			xf_reqid_parse(&xs.reqid, *argv);
			break;
		case S_SEQ:
			xf_u32_arg(&v, *argv, "SEQ");
			xs.seq = htonl(v);
			break;
		case S_FLAG:
			v = xs.flags;
			xf_flags_parse(&v, xf_state_flags, 0xff, "FLAG value is invalid", &argc, &argv);
			xs.flags = (uint8_t)v;
			break;
		case S_EXTRA:
			xf_flags_parse(&extra, xf_extra_flags, 0xffffffffu, "\"EXTRA-FLAG\" is invalid", &argc,
				       &argv);
			break;
		case S_SEL:
			xf_family = AF_UNSPEC;
			xf_selector_parse(&xs.sel, &argc, &argv);
			xf_family = xs.sel.family;
			break;
		case S_LIMIT:
			xf_lifetime_parse(&xs.lft, &argc, &argv);
			break;
		case S_ENCAP: {
			struct xfrm_encap_tmpl e;
			struct inet_prefix oa;

			memset(&e, 0, sizeof(e));
			e.encap_type = (uint16_t)xf_word(xf_encaps, *argv, "ENCAP-TYPE");
			NEXT_ARG();
			e.encap_sport = port_arg(*argv, "SPORT value after \"encap\" is invalid");
			NEXT_ARG();
			e.encap_dport = port_arg(*argv, "DPORT value after \"encap\" is invalid");
			NEXT_ARG();
			ip_get_addr(&oa, *argv, AF_UNSPEC);
			memcpy(&e.encap_oa, oa.data, sizeof(e.encap_oa));
			nlb_put(&b, XFRMA_ENCAP, &e, sizeof(e));
			break;
		}
		case S_COA: {
			struct inet_prefix coa;
			xfrm_address_t x;

			xf_prefix_arg(&coa, *argv, "coa");
			memset(&x, 0, sizeof(x));
			memcpy(&x, coa.data, (size_t)coa.bytelen);
			nlb_put(&b, XFRMA_COADDR, &x, sizeof(x));
			break;
		}
		case S_CTX:
			xf_ctx_parse(&ctx, *argv);
			nlb_put(&b, XFRMA_SEC_CTX, &ctx, ctx.sctx.len);
			break;
		case S_OFFLOAD:
			if (!strcmp(*argv, "dev")) {
				NEXT_ARG();
				if (!(xuo.ifindex = ip_ll_index(*argv)))
					ip_invarg("value after \"offload dev\" is invalid", *argv);
				NEXT_ARG();
			}
			if (strcmp(*argv, "dir"))
				ip_invarg("value after \"offload dir\" is invalid", *argv);
			NEXT_ARG();
			xuo.flags = (uint8_t)xf_word(offload_dirs, *argv, "DIR");
			break;
		}
	}
	replay_window = u[0], seq = u[S_RSEQ - S_WIN], seq_hi = u[S_RSEQ_HI - S_WIN];
	oseq = u[S_ROSEQ - S_WIN], oseq_hi = u[S_ROSEQ_HI - S_WIN];
	if ((xs.flags & XFRM_STATE_ESN) && !replay_window)
		die(255, "Error: esn flag set without replay-window.\n");
	if (replay_window > XFRMA_REPLAY_ESN_MAX)
		die(255, "Error: replay-window (%u) > XFRMA_REPLAY_ESN_MAX (%u).\n", replay_window,
		    XFRMA_REPLAY_ESN_MAX);
	if (seen[S_OFFLOAD])
		nlb_put(&b, XFRMA_OFFLOAD_DEV, &xuo, sizeof(xuo));
	if ((xs.flags & XFRM_STATE_ESN) || replay_window > 32) {
		struct xfrm_replay_state_esn r = { 0 };

		r.seq = seq, r.oseq = oseq, r.seq_hi = seq_hi, r.oseq_hi = oseq_hi;
		r.replay_window = replay_window;
		r.bmp_len = (replay_window + 31) / 32;
		nlb_put(&b, XFRMA_REPLAY_ESN_VAL, &r, sizeof(r));
	} else {
		if (seq || oseq) {
			struct xfrm_replay_state r = { 0 };

			r.seq = seq, r.oseq = oseq;
			nlb_put(&b, XFRMA_REPLAY_VAL, &r, sizeof(r));
		}
		xs.replay_window = (uint8_t)replay_window;
	}
	if (extra)
		nlb_put_u32(&b, XFRMA_SA_EXTRA_FLAGS, extra);
	if (!seen[S_ID])
		die(1, "Not enough information: ID is required\n");
	if (mark.m)
		nlb_put(&b, XFRMA_MARK, &mark, sizeof(mark));
	if (seen[S_IF_ID])
		nlb_put_u32(&b, XFRMA_IF_ID, u[S_IF_ID - S_WIN]);
	if (u[S_TFCPAD - S_WIN])
		nlb_put_u32(&b, XFRMA_TFCPAD, u[S_TFCPAD - S_WIN]);
	for (i = 0; i < 3 && ipsec_protos[i] != xs.id.proto; i++)
		;
	if (i < 3) {
		if (!(xs.mode == XFRM_MODE_TRANSPORT || xs.mode == XFRM_MODE_TUNNEL ||
		      (xs.mode == XFRM_MODE_BEET && xs.id.proto == IPPROTO_ESP)))
			xf_bad_with("MODE value is invalid", 1, xs.id.proto);
		if (algs & algs_bad[i])
			xf_bad_with(kw_nth(algs_errs, 2 * i), 1, xs.id.proto);
		if (!(algs & algs_need[i]))
			xf_bad_with(kw_nth(algs_errs, 2 * i + 1), 1, xs.id.proto);
	} else if (algs) {
		xf_bad_with("ALGO is invalid", 1, xs.id.proto);
	}
	if (xs.id.proto == IPPROTO_ROUTING || xs.id.proto == IPPROTO_DSTOPTS) {
		if (xs.mode == 0)
			xf_bad_with("\"mode\" is required", 1, xs.id.proto);
		if (xs.mode != XFRM_MODE_ROUTEOPTIMIZATION && xs.mode != XFRM_MODE_IN_TRIGGER)
			xf_bad_with("MODE value is invalid", 1, xs.id.proto);
		if (!seen[S_COA])
			xf_bad_with("\"coa\" is required", 1, xs.id.proto);
	} else if (seen[S_COA]) {
		xf_bad_with("\"coa\" is invalid", 1, xs.id.proto);
	}
	if (omark.v)
		nlb_put_u32(&b, XFRMA_OUTPUT_MARK, omark.v);
	if (omark.m)
		nlb_put_u32(&b, XFRMA_SET_MARK_MASK, omark.m);
	if (xs.family == AF_UNSPEC)
		xs.family = AF_INET;
	if (!b.overflow)
		memcpy(nlmsg_data(nlb_hdr(&b)), &xs, sizeof(xs));
	xf_talk(&b);
	return 0;
}

static int get_or_delete(int cmd, int argc, char **argv)
{
	int del = cmd == C_DELETE;
	struct xfrm_usersa_id sid;
	struct xfrm_mark mark = { 0, 0 };
	const char *idp = NULL;
	char buf[512];
	struct nlb b;

	memset(&sid, 0, sizeof(sid));
	sid.family = (uint16_t)xf_family;
	xfrm_build(&b, buf, sizeof(buf), del ? XFRM_MSG_DELSA : XFRM_MSG_GETSA, 0, &sid, sizeof(sid));
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "mark")) {
			xf_mark_parse(&mark, 0, &argc, &argv);
		} else {
			xfrm_address_t saddr;
			struct xfrm_id id;

			if (idp)
				ip_invarg("unknown", *argv);
			idp = *argv;
			memset(&id, 0, sizeof(id));
			memset(&saddr, 0, sizeof(saddr));
			xf_id_parse(&saddr, &id, &sid.family, 0, &argc, &argv);
			memcpy(&sid.daddr, &id.daddr, sizeof(sid.daddr));
			sid.spi = id.spi;
			sid.proto = id.proto;
			nlb_put(&b, XFRMA_SRCADDR, &saddr, sizeof(saddr));
		}
	}
	if (mark.m & mark.v)
		nlb_put(&b, XFRMA_MARK, &mark, sizeof(mark));
	if (sid.family == AF_UNSPEC)
		sid.family = AF_INET;
	if (!b.overflow)
		memcpy(nlmsg_data(nlb_hdr(&b)), &sid, sizeof(sid));
	if (del)
		xf_talk(&b);
	else
		xf_get(&b, 0);
	return 0;
}

static int print_one(const struct nlmsghdr *h, void *arg)
{
	return xf_state_print(h, arg != NULL) < 0;
}

static int do_list(int cmd, int argc, char **argv)
{
	struct xf_filter *f = &xf_filter;
	struct xfrm_address_filter af;
	const char *idp = NULL;
	int nokeys = 0;
	uint32_t v;
	char buf[256];
	struct nlb b;

	(void)cmd;
	if (argc > 0 || xf_family != AF_UNSPEC)
		f->use = 1;
	f->xsinfo.family = (uint16_t)xf_family;
	for (; argc > 0; argc--, argv++) {
		/* mode, reqid and flag as add takes them; its other words are an ID here */
		switch (strcmp(*argv, "nokeys") ? STATE_WORD(*argv) : S_N) {
		case S_N:
			nokeys = 1;
			break;
		case S_MODE:
			NEXT_ARG();
			xf_mode_parse(&f->xsinfo.mode, *argv);
			f->mode_mask = 0xff;
			break;
		case S_REQID:
			NEXT_ARG();
			xf_reqid_parse(&f->xsinfo.reqid, *argv);
			f->reqid_mask = 0xffffffffu;
			break;
		case S_FLAG:
			NEXT_ARG();
			v = f->xsinfo.flags;
			xf_flags_parse(&v, xf_state_flags, 0xff, "FLAG value is invalid", &argc, &argv);
			f->xsinfo.flags = (uint8_t)v;
			f->state_flags_mask = 0xff;
			break;
		default:
			if (idp)
				ip_invarg("unknown", *argv);
			idp = *argv;
			xf_id_parse(&f->xsinfo.saddr, &f->xsinfo.id, &f->xsinfo.family, 1, &argc, &argv);
			if (xf_family == AF_UNSPEC)
				xf_family = f->xsinfo.family;
		}
	}
	memset(&af, 0, sizeof(af));
	memcpy(&af.saddr, &f->xsinfo.saddr, sizeof(af.saddr));
	memcpy(&af.daddr, &f->xsinfo.id.daddr, sizeof(af.daddr));
	af.family = f->xsinfo.family;
	af.splen = f->id_src_mask;
	af.dplen = f->id_dst_mask;
	xfrm_dump_build(&b, buf, sizeof(buf), XFRM_MSG_GETSA);
	if (f->xsinfo.id.proto)
		nlb_put_u8(&b, XFRMA_PROTO, f->xsinfo.id.proto);
	nlb_put(&b, XFRMA_ADDRESS_FILTER, &af, sizeof(af));
	xf_dump(&b, print_one, nokeys ? &nokeys : NULL);
}

static int do_flush(int cmd, int argc, char **argv)
{
	struct xfrm_usersa_flush xsf = { 0 };
	char buf[64];
	struct nlb b;
	int r = xf_flush_arg("proto", xf_protos, "XFRM-PROTO", argc, argv);

	(void)cmd;
	if (r > 0)
		xsf.proto = (uint8_t)r;
	if (ipo.stats > 1)
		errf("Flush state with XFRM-PROTO value \"%s\"\n", xf_proto_name(xsf.proto));
	xfrm_build(&b, buf, sizeof(buf), XFRM_MSG_FLUSHSA, 0, &xsf, sizeof(xsf));
	xf_talk(&b);
	return 0;
}

static int print_sadinfo(const struct nlmsghdr *h, void *arg)
{
	struct xfrm_view v;
	struct xfrmu_sadhinfo si;
	uint32_t cnt;

	(void)arg;
	if (xfrm_parse(h, &v) == -EPROTO || v.kind != XV_SADINFO) {
		errf("SADinfo: Wrong len %d\n", (int)h->nlmsg_len - (int)NLMSG_LENGTH(4));
		return 1;
	}
	if (!v.tb[XFRMA_SAD_CNT] || xfrm_attr_copy(v.tb[XFRMA_SAD_CNT], &cnt, 4)) {
		outs("BAD SAD info returned\n");
		return 1;
	}
	outf("\t SAD count %u", cnt);
	if (ipo.stats && v.tb[XFRMA_SAD_HINFO]) {
		if (xfrm_attr_copy(v.tb[XFRMA_SAD_HINFO], &si, sizeof(si))) {
			outs("BAD SAD length returned\n");
			return 1;
		}
		outf(" (buckets count %d Max %d)", (int)si.sadhcnt, (int)si.sadhmcnt);
	}
	outs("\n");
	return 0;
}

static int do_count(int cmd, int argc, char **argv)
{
	(void)cmd, (void)argc, (void)argv;
	xf_count(XFRM_MSG_GETSADINFO, print_sadinfo);
	return 0;
}

static const char state_cmds[] = "add\0update\0allocspi\0delete\0deleteall\0delall\0list\0show\0lst\0get\0"
	"flush\0count\0";
static xf_cmd_fn *const state_fns[] = { modify, modify, NULL, get_or_delete, NULL, NULL, do_list, do_list,
	do_list, get_or_delete, do_flush, do_count };

int do_xfrm_state(int argc, char **argv)
{
	if (argc < 1)
		return do_list(0, 0, NULL);
	return xf_dispatch(state_cmds, state_fns, "xfrm state", state_usage, argc, argv);
}
