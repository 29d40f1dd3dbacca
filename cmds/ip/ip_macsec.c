/* ip macsec add|set|del|show|offload (iproute2 6.1's ip/ipmacsec.c) over the generic netlink
 * family "macsec", and the link kind macsec (its words and its -d data). */
#include <arpa/inet.h>
#include <endian.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>
#include "genl.h"
#include "inet.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"
#include "scan.h"

NSBOX_USAGE(macsec_usage,
	"Usage: ip macsec add DEV tx sa { 0..3 } [ OPTS ] key ID KEY\n"
	NSBOX_USAGE_MORE("       ip macsec set DEV tx sa { 0..3 } [ OPTS ]\n"
	"       ip macsec del DEV tx sa { 0..3 }\n"
	"       ip macsec add DEV rx SCI [ on | off ]\n"
	"       ip macsec set DEV rx SCI [ on | off ]\n"
	"       ip macsec del DEV rx SCI\n"
	"       ip macsec add DEV rx SCI sa { 0..3 } [ OPTS ] key ID KEY\n"
	"       ip macsec set DEV rx SCI sa { 0..3 } [ OPTS ]\n"
	"       ip macsec del DEV rx SCI sa { 0..3 }\n"
	"       ip macsec show\n"
	"       ip macsec show DEV\n"
	"       ip macsec offload DEV [ off | phy | mac ]\n"
	"where  OPTS := [ pn <u32> | xpn <u64> ] [ salt SALT ] [ ssci <u32> ] [ on | off ]\n"
	"       ID   := 128-bit hex string\n"
	"       KEY  := 128-bit or 256-bit hex string\n"
	"       SCI  := { sci <u64> | port { 1..2^16-1 } address <lladdr> }\n"
	"       SALT := 96-bit hex string\n"));

NSBOX_USAGE(kind_usage,
	"Usage: ... macsec [ [ address <lladdr> ] port { 1..2^16-1 } | sci <u64> ]\n"
	NSBOX_USAGE_MORE("                  [ cipher { default | gcm-aes-128 | gcm-aes-256 | gcm-aes-xpn-128 | gcm-aes-xpn-256 } ]\n"
	"                  [ icvlen { 8..16 } ]\n"
	"                  [ encrypt { on | off } ]\n"
	"                  [ send_sci { on | off } ]\n"
	"                  [ end_station { on | off } ]\n"
	"                  [ scb { on | off } ]\n"
	"                  [ protect { on | off } ]\n"
	"                  [ replay { on | off} window { 0..2^32-1 } ]\n"
	"                  [ validate { strict | check | disabled } ]\n"
	"                  [ encodingsa { 0..3 } ]\n"
	"                  [ offload { mac | phy | off } ]\n"));

/* Word lists (kw_nth), by value. */
static const char validate_str[] = "disabled\0check\0strict\0";
static const char offload_str[] = "off\0phy\0mac\0";
static const char on_off[] = "off\0on\0";

static _Noreturn void usage(void)
{
	ip_usage_exit(macsec_usage);
}

/* iproute2's parse_one_of: the index of the first name word begins, or -1 said. */
static int one_of(const char *what, const char *word, const char *list)
{
	const char *l;
	int i;

	for (i = 0, l = list; *l; i++, l += kw_skip(l))
		if (kw_is(word, l))
			return i;
	errf("Error: argument of \"%s\" must be one of ", what);
	for (l = list; *l; l += kw_skip(l))
		errf("\"%s\", ", l);
	errf("not \"%s\"\n", word);
	return -1;
}

/* strtoul as iproute2's get_u8/get_u16/get_u32 use it, up to max. */
static int get_num(const char *s, uint64_t *v, int base, uint64_t max)
{
	return parse_ull(s, v, base) || *v > max || (*s == '-' && *v) ? -1 : 0;
}

/* iproute2's hexstring_a2n: pairs of hex digits, at most blen bytes; -1 for an odd length or a
 * pair that is not a byte. */
static int hex_bytes(const char *s, unsigned char *buf, unsigned blen, unsigned *len)
{
	unsigned cnt = 0;

	if (strlen(s) % 2)
		return -1;
	for (; cnt < blen && s[0] && s[1]; s += 2) {
		char pair[3] = { s[0], s[1], 0 }, *end;
		unsigned long v = str_toul(pair, &end, 16);

		if (*end || v > 0xff)
			return -1;
		buf[cnt++] = (unsigned char)v;
	}
	if (len)
		*len = cnt;
	return 0;
}

static __attribute__((noinline)) int get_an(const char *s)
{
	uint64_t v;

	return get_num(s, &v, 0, 3) ? -1 : (int)v;
}

/* ---- SCI words ---- */

struct sci {
	uint64_t sci;        /* as on the wire */
	uint16_t port;       /* network order */
	unsigned char addr[6];
};

/* iproute2's get_sci_portaddr: "sci N" or "port P address A" (port_only: a port is enough);
 * optional: stops at another word. -1 when not optional and incomplete, else whether any came. */
static int sci_words(struct sci *sci, int *argcp, char ***argvp, int port_only, int optional)
{
	int argc = *argcp, p = 0, a = 0, s = 0;
	char **argv = *argvp;

	while (argc > 0) {
		int k = kw_whole("sci\0port\0address\0", *argv);
		uint64_t v;

		if (k == 0) {
			if (p)
				ip_invarg("expected address", *argv);
			if (a)
				ip_invarg("expected port", *argv);
			NEXT_ARG();
			if (parse_ull(*argv, &v, 16))
				ip_invarg("expected sci", *argv);
			v = htobe64(v);
			memcpy(&sci->sci, &v, 8);
			s = 1;
		} else if (k == 1) {
			NEXT_ARG();
			if (get_num(*argv, &v, 0, 0xffff))
				ip_invarg("expected port", *argv);
			if (!v)
				ip_invarg("expected port != 0", *argv);
			sci->port = htons((uint16_t)v);
			p = 1;
		} else if (k == 2) {
			const char *bad;
			int badlen;

			NEXT_ARG();
			if (lladdr_parse(*argv, sci->addr, 6, &bad, &badlen) < 0) {
				errf("\"%.*s\" is invalid lladdr.\n", badlen, bad);
				/* iproute2's parser has cut the word at its first ':' by now. */
				if (!strchr(*argv, '.'))
					(*argv)[strcspn(*argv, ":")] = 0;
				ip_invarg("expected lladdr", *argv);
			}
			a = 1;
		} else if (optional) {
			break;
		} else {
			ip_invarg("expected sci, port, or address", *argv);
		}
		argv++, argc--;
		if (s || (p && (a || port_only)))
			break;
	}
	if (!optional && !(s || (p && (a || port_only))))
		return -1;
	if (p && a) {
		memcpy(&sci->sci, sci->addr, 6);
		memcpy((char *)&sci->sci + 6, &sci->port, 2);
	}
	*argvp = argv;
	*argcp = argc;
	return p || a || s;
}

/* ---- ip macsec add|set|del ---- */

enum { CMD_ADD, CMD_DEL, CMD_UPD };
static const uint8_t sa_cmds[3][2] = {     /* [cmd][rx]: an SA */
	[CMD_ADD] = { MACSEC_CMD_ADD_TXSA, MACSEC_CMD_ADD_RXSA },
	[CMD_DEL] = { MACSEC_CMD_DEL_TXSA, MACSEC_CMD_DEL_RXSA },
	[CMD_UPD] = { MACSEC_CMD_UPD_TXSA, MACSEC_CMD_UPD_RXSA },
};
static const uint8_t sc_cmds[3] = { MACSEC_CMD_ADD_RXSC, MACSEC_CMD_DEL_RXSC, MACSEC_CMD_UPD_RXSC };

static struct nlsock *sk;
static uint16_t fam;

/* The index of dev, or exit 1: iproute2's "does not exist". */
static int dev_index(const char *dev)
{
	int i = ip_ll_index(dev);

	if (!i)
		ip_fail(1, "Device \"%s\" does not exist.\n", dev);
	return i;
}

/* Send b and wait for its ack: 0, or the kernel's error said. */
static int talk(struct nlb *b)
{
	int err = nl_talk(sk, b, NULL, NULL);

	return err < 0 ? ip_report_nlerr(sk, err) : 0;
}

/* "sa N": 1 and the number, 0 when the word is not "sa". */
static int sa_word(int *argcp, char ***argvp, int *an)
{
	int argc = *argcp;
	char **argv = *argvp;

	if (argc <= 0 || strcmp(*argv, "sa"))
		return 0;
	NEXT_ARG();
	if ((*an = get_an(*argv)) < 0)
		ip_invarg("expected an { 0..3 }", *argv);
	*argcp = argc - 1;
	*argvp = argv + 1;
	return 1;
}

static void sa_args(int argc, char **argv, struct macsec_req *r)
{
	uint64_t v;

	for (; argc > 0; argc--, argv++) {
		switch (kw_whole("pn\0xpn\0salt\0ssci\0key\0on\0off\0", *argv)) {
		case 0: case 1: {
			int x = **argv == 'x';

			if (r->pn)
				ip_duparg2(*argv, *argv);
			NEXT_ARG();
			if (x ? parse_ull(*argv, &v, 0) : get_num(*argv, &v, 0, 0xffffffffu))
				ip_invarg("expected pn", *argv);
			if (!v)
				ip_invarg("expected pn != 0", *argv);
			r->pn = v;
			if (x)
				r->xpn = 1;
			break;
		}
		case 2:
			if (r->salt_set)
				ip_duparg2("salt", "salt");
			NEXT_ARG();
			if (hex_bytes(*argv, r->salt, MACSEC_SALT_LEN, NULL))
				ip_invarg("expected salt", *argv);
			r->salt_set = 1;
			break;
		case 3:
			if (r->ssci_set)
				ip_duparg2("ssci", "ssci");
			NEXT_ARG();
			if (get_num(*argv, &v, 16, 0xffffffffu))
				ip_invarg("expected ssci", *argv);
			r->ssci = htonl((uint32_t)v);
			r->ssci_set = 1;
			break;
		case 4:
			NEXT_ARG();
			if (hex_bytes(*argv, r->keyid, MACSEC_KEYID_LEN, NULL))
				ip_invarg("expected key id", *argv);
			NEXT_ARG();
			if (hex_bytes(*argv, r->key, MACSEC_MAX_KEY_LEN, &r->key_len))
				ip_invarg("expected key", *argv);
			break;
		case 5: case 6:
			if (r->sa_active >= 0)
				ip_duparg2("on/off", *argv);
			r->sa_active = (*argv)[1] == 'n';
			break;
		default:
			errf("macsec: unknown command \"%s\"?\n", *argv);
			usage();
		}
	}
}

static void sa_check(int c, const struct macsec_req *r)
{
	if (c == CMD_ADD && !r->key_len)
		ip_fail(1, "cannot create SA without key\n");
	if (c == CMD_ADD && !r->pn)
		ip_fail(1, "must specify a packet number != 0\n");
	if (c == CMD_UPD && r->key_len)
		ip_fail(1, "cannot change key on SA\n");
}

static int modify(int c, int argc, char **argv)
{
	struct macsec_req r;
	char buf[GENL_BUF];
	struct nlb b;
	uint8_t cmd;

	if (argc == 0)
		usage();
	memset(&r, 0, sizeof(r));
	r.del = c == CMD_DEL;
	r.an = r.sc_active = r.sa_active = -1;
	r.ifindex = dev_index(*argv);
	argc--, argv++;
	if (argc == 0)
		usage();
	if (!strcmp(*argv, "tx")) {
		argc--, argv++;
		if (argc == 0 || !sa_word(&argc, &argv, &r.an))
			usage();
		if (c != CMD_DEL) {
			sa_args(argc, argv, &r);
			sa_check(c, &r);
		}
		cmd = sa_cmds[c][0];
	} else if (!strcmp(*argv, "rx")) {
		struct sci sci;
		int sa;

		argc--, argv++;
		memset(&sci, 0, sizeof(sci));
		r.rx = 1;
		if (argc == 0 || sci_words(&sci, &argc, &argv, 0, 0) < 0) {
			errf("expected sci\n");
			usage();
		}
		memcpy(r.sci, &sci.sci, 8);
		sa = sa_word(&argc, &argv, &r.an);
		if (c != CMD_DEL && sa) {
			sa_args(argc, argv, &r);
			sa_check(c, &r);
		} else if (c != CMD_DEL) {
			for (; argc > 0; argc--, argv++) {
				if (kw_whole(on_off, *argv) < 0) {
					errf("macsec: unknown command \"%s\"?\n", *argv);
					usage();
				}
				if (r.sc_active >= 0)
					ip_duparg2("on/off", *argv);
				r.sc_active = (*argv)[1] == 'n';
			}
		}
		cmd = sa ? sa_cmds[c][1] : sc_cmds[c];
	} else {
		usage();
	}
	genl_macsec_build(&b, buf, sizeof(buf), fam, cmd, &r);
	return talk(&b);
}

static int do_add(int argc, char **argv) { return modify(CMD_ADD, argc, argv); }
static int do_set(int argc, char **argv) { return modify(CMD_UPD, argc, argv); }
static int do_del(int argc, char **argv) { return modify(CMD_DEL, argc, argv); }

static int do_offload(int argc, char **argv)
{
	char buf[GENL_BUF];
	struct nlb b;
	int index, type;

	if (argc == 0)
		usage();
	index = dev_index(*argv);
	if (argc < 2 || (type = one_of("offload", argv[1], offload_str)) < 0)
		usage();
	genl_macsec_offload_build(&b, buf, sizeof(buf), fam, index, (uint8_t)type);
	return talk(&b);
}

/* ---- show ---- */

static uint8_t get_u8(const struct nlattr *a)
{
	uint8_t v = 0;

	nla_get_u8(a, &v);
	return v;
}

static uint64_t get_u64(const struct nlattr *a)
{
	uint64_t v = 0;

	if (a && nla_len(a) >= 8)
		memcpy(&v, nla_data(a), 8);
	return v;
}

/* iproute2's getattr_u64: a counter of any width. */
static uint64_t counter(const struct nlattr *a)
{
	uint32_t v32;
	uint16_t v16;

	switch (nla_len(a)) {
	case 8: return get_u64(a);
	case 4: memcpy(&v32, nla_data(a), 4); return v32;
	case 2: memcpy(&v16, nla_data(a), 2); return v16;
	case 1: return get_u8(a);
	}
	die(255, "invalid attribute length %zu\n", nla_len(a));
}

static const char *cipher_name(uint64_t cid)
{
	switch (cid) {
	case MACSEC_DEFAULT_CIPHER_ID:
	case MACSEC_CIPHER_ID_GCM_AES_128: return "GCM-AES-128";
	case MACSEC_CIPHER_ID_GCM_AES_256: return "GCM-AES-256";
	case MACSEC_CIPHER_ID_GCM_AES_XPN_128: return "GCM-AES-XPN-128";
	case MACSEC_CIPHER_ID_GCM_AES_XPN_256: return "GCM-AES-XPN-256";
	}
	return "(unknown)";
}

static __attribute__((noinline)) const char *name_of(uint8_t v, const char *t)
{
	return v < 3 ? kw_nth(t, v) : "(unknown)";
}

static void pr_flag(struct nlattr **tb, const char *desc, int field)
{
	if (!tb[field])
		return;
	if (pr_json())
		pr_bool(PR_JSON, desc, NULL, get_u8(tb[field]));
	else
		pr_text("%s %s ", desc, get_u8(tb[field]) ? "on" : "off");
}

static void pr_hex(const char *key, const char *fmt, uint64_t v)
{
	char b[24];

	bfmt(b, sizeof(b), "%#llx", (unsigned long long)v);
	pr_str(PR_JSON, key, NULL, b);
	pr_text(fmt, (unsigned long long)v);
}

/* names: the counters' names from attribute 1 on, a word list (kw_nth) whose empty names
 * are attributes without a counter; num: 1 + how many. */
static void pr_stats(const char *prefix, const char *names, int num, const struct nlattr *attr, int max)
{
	struct nlattr *st[16];
	const char *n;
	int i;

	if (!attr || !ipo.stats || max >= 16)
		return;
	nla_parse_nested(st, max, attr);
	if (pr_json()) {
		for (i = 1, n = names; i < num; i++, n += kw_skip(n))
			if (*n && st[i])
				pr_u64(PR_JSON, n, NULL, counter(st[i]));
		return;
	}
	outf("%sstats:", prefix);
	for (i = 1, n = names; i < num; i++, n += kw_skip(n))
		if (*n)
			outf(" %s", n);
	outf("\n%s      ", prefix);
	for (i = 1, n = names; i < num; i++, n += kw_skip(n)) {
		if (!*n)
			continue;
		if (st[i])
			outf("%*llu", (int)strlen(n) + 1, (unsigned long long)counter(st[i]));
		else
			outf("%*c", (int)strlen(n) + 1, '-');
	}
	outf("\n");
}

/* The counters of MACSEC_*_STATS_ATTR_* from 1 on, as iproute2 names them. */
static const char txsc_stats[] =
	"OutPktsProtected\0OutPktsEncrypted\0OutOctetsProtected\0OutOctetsEncrypted\0";
static const char secy_stats[] =
	"OutPktsUntagged\0InPktsUntagged\0OutPktsTooLong\0InPktsNoTag\0InPktsBadTag\0"
	"InPktsUnknownSCI\0InPktsNoSCI\0InPktsOverrun\0";
static const char rxsa_stats[] =
	"InPktsOK\0InPktsInvalid\0InPktsNotValid\0InPktsNotUsingSA\0InPktsUnusedSA\0";
static const char txsa_stats[] =   /* after the five of rxsa_stats */
	"\0\0\0\0\0OutPktsProtected\0OutPktsEncrypted\0";
static const char rxsc_stats[] =
	"InOctetsValidated\0InOctetsDecrypted\0InPktsUnchecked\0InPktsDelayed\0InPktsOK\0"
	"InPktsInvalid\0InPktsLate\0InPktsNotValid\0InPktsNotUsingSA\0InPktsUnusedSA\0";

static void pr_sa_list(const char *prefix, const struct nlattr *list, int xpn, int rx)
{
	const struct nlattr *a;
	size_t rem;

	pr_arr_open(PR_JSON, "sa_list");
	if (list) {
		nla_for_each(a, nla_data(list), nla_len(list), rem) {
			struct nlattr *sa[MACSEC_SA_ATTR_MAX + 1];
			char key[2 * MACSEC_KEYID_LEN + 1] = "";
			uint32_t u32 = 0;
			int state;

			pr_obj_open(NULL);
			nla_parse_nested(sa, MACSEC_SA_ATTR_MAX, a);
			state = get_u8(sa[MACSEC_SA_ATTR_ACTIVE]);
			pr_text("%s%s", prefix, prefix);
			pr_uint(PR_ANY, "an", rx ? "%u:" : "%d:", get_u8(sa[MACSEC_SA_ATTR_AN]));
			if (xpn) {
				pr_uint(PR_ANY, "pn", " PN %u,", (unsigned)get_u64(sa[MACSEC_SA_ATTR_PN]));
				if (sa[MACSEC_SA_ATTR_SSCI] && nla_len(sa[MACSEC_SA_ATTR_SSCI]) >= 4)
					memcpy(&u32, nla_data(sa[MACSEC_SA_ATTR_SSCI]), 4);
				pr_hex("ssci", "SSCI %08llx", ntohl(u32));
			} else {
				nla_get_u32(sa[MACSEC_SA_ATTR_PN], &u32);
				pr_uint(PR_ANY, "pn", " PN %u,", u32);
			}
			pr_bool(PR_JSON, "active", NULL, state);
			pr_text(" state %s,", state ? "on" : "off");
			if (sa[MACSEC_SA_ATTR_KEYID]) {
				const unsigned char *k = nla_data(sa[MACSEC_SA_ATTR_KEYID]);
				for (size_t i = 0; i < nla_len(sa[MACSEC_SA_ATTR_KEYID]) && i < MACSEC_KEYID_LEN; i++)
					bfmt(key + 2 * i, 3, "%02x", k[i]);
			}
			pr_str(PR_ANY, "key", " key %s\n", key);
			if (rx)
				pr_stats(prefix, rxsa_stats, MACSEC_SA_STATS_ATTR_IN_PKTS_UNUSED_SA + 1,
					 sa[MACSEC_SA_ATTR_STATS], MACSEC_SA_STATS_ATTR_MAX);
			else
				pr_stats(prefix, txsa_stats, MACSEC_SA_STATS_ATTR_OUT_PKTS_ENCRYPTED + 1,
					 sa[MACSEC_SA_ATTR_STATS], MACSEC_SA_STATS_ATTR_MAX);
			pr_obj_close();
		}
	}
	pr_arr_close(PR_JSON, NULL);
}

static int show_ifindex;

int ip_macsec_print(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[MACSEC_ATTR_MAX + 1], *secy[MACSEC_SECY_ATTR_MAX + 1];
	const struct genlmsghdr *g;
	uint32_t ifindex;
	uint64_t sci, cid;
	int xpn;

	if (h->nlmsg_type != *(const uint16_t *)arg || h->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return 1;
	g = nlmsg_data(h);
	if (g->cmd != MACSEC_CMD_GET_TXSC)
		return 0;
	nla_parse(tb, MACSEC_ATTR_MAX, (const char *)g + GENL_HDRLEN, nlmsg_payload(h) - GENL_HDRLEN);
	if (!tb[MACSEC_ATTR_IFINDEX] || !tb[MACSEC_ATTR_SECY] || !tb[MACSEC_ATTR_TXSA_LIST] ||
	    !tb[MACSEC_ATTR_RXSC_LIST] || !tb[MACSEC_ATTR_TXSC_STATS] || !tb[MACSEC_ATTR_SECY_STATS])
		goto incomplete;
	nla_parse_nested(secy, MACSEC_SECY_ATTR_MAX, tb[MACSEC_ATTR_SECY]);
	for (int i = MACSEC_SECY_ATTR_SCI; i <= MACSEC_SECY_ATTR_SCB; i++)
		if (i != MACSEC_SECY_ATTR_WINDOW && !secy[i])
			goto incomplete;
	nla_get_u32(tb[MACSEC_ATTR_IFINDEX], &ifindex);
	if (show_ifindex && (int)ifindex != show_ifindex)
		return 0;
	sci = get_u64(secy[MACSEC_SECY_ATTR_SCI]);
	pr_obj_open(NULL);
	pr_uint(PR_ANY, "ifindex", "%u: ", ifindex);
	pr_str(PR_ANY, "ifname", "%s: ", ifname_of((int)ifindex));
	pr_flag(secy, "protect", MACSEC_SECY_ATTR_PROTECT);
	pr_str(PR_ANY, "validate", "validate %s ", name_of(get_u8(secy[MACSEC_SECY_ATTR_VALIDATE]), validate_str));
	/* iproute2 reads these two at the RXSC and SA ACTIVE numbers, which in a SecY are the
	 * encoding SA. */
	{
		static const uint8_t attrs[] = { MACSEC_RXSC_ATTR_ACTIVE, MACSEC_SA_ATTR_ACTIVE,
			MACSEC_SECY_ATTR_ENCRYPT, MACSEC_SECY_ATTR_INC_SCI, MACSEC_SECY_ATTR_ES,
			MACSEC_SECY_ATTR_SCB, MACSEC_SECY_ATTR_REPLAY };
		const char *n = "sc\0sa\0encrypt\0send_sci\0end_station\0scb\0replay\0";

		for (unsigned i = 0; i < sizeof(attrs); i++, n += kw_skip(n))
			pr_flag(secy, n, attrs[i]);
	}
	if (secy[MACSEC_SECY_ATTR_WINDOW]) {
		uint32_t w = 0;

		nla_get_u32(secy[MACSEC_SECY_ATTR_WINDOW], &w);
		pr_uint(PR_ANY, "window", "window %u ", w);
	}
	cid = get_u64(secy[MACSEC_SECY_ATTR_CIPHER_SUITE]);
	pr_nl();
	pr_str(PR_ANY, "cipher_suite", "    cipher suite: %s,", cipher_name(cid));
	pr_uint(PR_ANY, "icv_length", " using ICV length %u\n", get_u8(secy[MACSEC_SECY_ATTR_ICV_LEN]));
	xpn = cid == MACSEC_CIPHER_ID_GCM_AES_XPN_128 || cid == MACSEC_CIPHER_ID_GCM_AES_XPN_256;

	pr_text("    ");
	pr_hex("sci", "TXSC: %016llx", be64toh(sci));
	pr_uint(PR_ANY, "encoding_sa", " on SA %d\n", get_u8(secy[MACSEC_SECY_ATTR_ENCODING_SA]));
	pr_stats("    ", secy_stats, MACSEC_SECY_STATS_ATTR_IN_PKTS_OVERRUN + 1,
		 tb[MACSEC_ATTR_SECY_STATS], MACSEC_SECY_STATS_ATTR_MAX);
	pr_stats("    ", txsc_stats, MACSEC_TXSC_STATS_ATTR_OUT_OCTETS_ENCRYPTED + 1,
		 tb[MACSEC_ATTR_TXSC_STATS], MACSEC_TXSC_STATS_ATTR_MAX);
	pr_sa_list("    ", tb[MACSEC_ATTR_TXSA_LIST], xpn, 0);

	{
		const struct nlattr *c;
		size_t rem;

		pr_arr_open(PR_JSON, "rx_sc");
		nla_for_each(c, nla_data(tb[MACSEC_ATTR_RXSC_LIST]), nla_len(tb[MACSEC_ATTR_RXSC_LIST]), rem) {
			struct nlattr *sc[MACSEC_RXSC_ATTR_MAX + 1];
			int active;

			pr_obj_open(NULL);
			nla_parse_nested(sc, MACSEC_RXSC_ATTR_MAX, c);
			active = get_u8(sc[MACSEC_RXSC_ATTR_ACTIVE]);
			pr_text("    ");
			pr_hex("sci", "RXSC: %016llx,", be64toh(get_u64(sc[MACSEC_RXSC_ATTR_SCI])));
			pr_bool(PR_JSON, "active", NULL, active);
			pr_text(" state %s\n", active ? "on" : "off");
			pr_stats("    ", rxsc_stats, MACSEC_RXSC_STATS_ATTR_IN_PKTS_UNUSED_SA + 1,
				 sc[MACSEC_RXSC_ATTR_STATS], MACSEC_RXSC_STATS_ATTR_MAX);
			pr_sa_list("    ", sc[MACSEC_RXSC_ATTR_SA_LIST], xpn, 1);
			pr_obj_close();
		}
		pr_arr_close(PR_JSON, NULL);
	}
	if (tb[MACSEC_ATTR_OFFLOAD]) {
		struct nlattr *off[MACSEC_OFFLOAD_ATTR_MAX + 1];

		nla_parse_nested(off, MACSEC_OFFLOAD_ATTR_MAX, tb[MACSEC_ATTR_OFFLOAD]);
		pr_str(PR_ANY, "offload", "    offload: %s ", name_of(get_u8(off[MACSEC_OFFLOAD_ATTR_TYPE]), offload_str));
		pr_nl();
	}
	pr_obj_close();
	out_record_end();
	return 0;
incomplete:
	errf("incomplete dump message\n");
	return 1;
}

static int do_show(int argc, char **argv)
{
	show_ifindex = 0;
	if (argc > 0)
		show_ifindex = dev_index(*argv);
	if (argc > 1)
		usage();
	return ip_genl_show(sk, &fam, MACSEC_CMD_GET_TXSC, MACSEC_GENL_VERSION, ip_macsec_print, 1);
}

static ip_cmd_fn *const macsec_fns[] = { do_show, do_add, do_set, do_del, do_offload };

int do_macsec(int argc, char **argv)
{
	if (argc < 1 || kw_is(*argv, "help"))
		usage();
	sk = ip_genl(MACSEC_GENL_NAME, &fam);
	return ip_dispatch_names("show\0add\0set\0delete\0offload\0", macsec_fns, "macsec", macsec_usage,
				 argc, argv);
}

/* ---- the link kind ---- */

static _Noreturn void kind_fail(void)
{
	ip_fail(1, "%s", "");
}

static int on_off_word(const char *what, const char *w)
{
	int i = one_of(what, w, on_off);

	if (i < 0)
		kind_fail();
	return i;
}

void macsec_kind_parse(struct nlb *b, int argc, char **argv)
{
	/* The cipher names, each but default in two spellings, and their ids: ciphers[(i + 1) / 2]. */
	static const char cipher_names[] = "default\0gcm-aes-128\0GCM-AES-128\0gcm-aes-256\0GCM-AES-256\0"
		"gcm-aes-xpn-128\0GCM-AES-XPN-128\0gcm-aes-xpn-256\0GCM-AES-XPN-256\0";
	static const uint64_t ciphers[] = { MACSEC_DEFAULT_CIPHER_ID, MACSEC_CIPHER_ID_GCM_AES_128,
		MACSEC_CIPHER_ID_GCM_AES_256, MACSEC_CIPHER_ID_GCM_AES_XPN_128, MACSEC_CIPHER_ID_GCM_AES_XPN_256 };
	/* The words: first the on|off ones put at once, their attributes in lockstep. */
	static const char words[] = "encrypt\0send_sci\0end_station\0scb\0protect\0cipher\0icvlen\0replay\0"
		"window\0validate\0offload\0encodingsa\0";
	enum { W_CIPHER = 5, W_ICVLEN, W_REPLAY, W_WINDOW, W_VALIDATE, W_OFFLOAD, W_ESA };
	static const uint8_t flags[] = { IFLA_MACSEC_ENCRYPT, IFLA_MACSEC_INC_SCI, IFLA_MACSEC_ES,
		IFLA_MACSEC_SCB, IFLA_MACSEC_PROTECT };
	uint64_t cipher = 0, v;
	uint8_t icv = 0, esa = 0xff;
	uint32_t window = 0xffffffffu;
	unsigned on = 0;     /* bit f: the flag word f said on */
	int replay = -1, i;
	struct sci sci;

	memset(&sci, 0, sizeof(sci));
	if (sci_words(&sci, &argc, &argv, 1, 1) > 0) {
		if (sci.sci)
			nlb_put(b, IFLA_MACSEC_SCI, &sci.sci, 8);
		else
			nlb_put(b, IFLA_MACSEC_PORT, &sci.port, 2);
	}
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		int k = kw_whole(words, w);

		if (k < 0) {
			errf("macsec: unknown command \"%s\"?\n", w);
			sputs(ERR, USAGE_TEXT(kind_usage));
			kind_fail();
		}
		if (k == W_ESA && esa != 0xff)
			ip_duparg2("encodingsa", "encodingsa");
		NEXT_ARG();
		if (k < W_CIPHER) {
			i = on_off_word(w, *argv);
			on = (on & ~(1u << k)) | (unsigned)i << k;
			nlb_put_u8(b, flags[k], (uint8_t)i);
			continue;
		}
		switch (k) {
		case W_CIPHER: {
			int c;

			if (cipher)
				ip_duparg("cipher", *argv);
			if ((c = kw_whole(cipher_names, *argv)) < 0)
				ip_invarg("expected: default, gcm-aes-128, gcm-aes-256, gcm-aes-xpn-128 or gcm-aes-xpn-256", *argv);
			cipher = ciphers[(c + 1) / 2];
			break;
		}
		case W_ICVLEN:
			if (icv)
				ip_duparg("icvlen", *argv);
			if (get_num(*argv, &v, 10, 0xff))
				ip_invarg("expected ICV length", *argv);
			if (v < MACSEC_MIN_ICV_LEN || v > MACSEC_STD_ICV_LEN)
				ip_invarg("ICV length must be in the range {8..16}", *argv);
			icv = (uint8_t)v;
			break;
		case W_REPLAY:
			replay = on_off_word("replay", *argv);
			break;
		case W_WINDOW:
			if (get_num(*argv, &v, 0, 0xffffffffu))
				ip_invarg("expected replay window size", *argv);
			window = (uint32_t)v;
			break;
		case W_VALIDATE: case W_OFFLOAD: {
			int val = k == W_VALIDATE;

			if ((i = one_of(w, *argv, val ? validate_str : offload_str)) < 0)
				kind_fail();
			nlb_put_u8(b, val ? IFLA_MACSEC_VALIDATION : IFLA_MACSEC_OFFLOAD, (uint8_t)i);
			break;
		}
		default:
			if ((i = get_an(*argv)) < 0)
				ip_invarg("expected an { 0..3 }", *argv);
			esa = (uint8_t)i;
		}
	}
	/* Two or more of send_sci (bit 1), end_station (2) and scb (3). */
	on = on >> 1 & 7;
	if (on & (on - 1))
		ip_fail(1, "invalid combination of send_sci/end_station/scb\n");
	if (window != 0xffffffffu && replay == -1)
		ip_fail(1, "replay window set, but replay protection not enabled. did you mean 'replay on window %u'?\n", window);
	if (window == 0xffffffffu && replay == 1)
		ip_fail(1, "replay protection enabled, but no window set. did you mean 'replay on window VALUE'?\n");
	if (cipher)
		nlb_put(b, IFLA_MACSEC_CIPHER_SUITE, &cipher, 8);
	if (icv)
		nlb_put_u8(b, IFLA_MACSEC_ICV_LEN, icv);
	if (replay != -1) {
		nlb_put_u32(b, IFLA_MACSEC_WINDOW, window);
		nlb_put_u8(b, IFLA_MACSEC_REPLAY_PROTECT, (uint8_t)replay);
	}
	if (esa != 0xff)
		nlb_put_u8(b, IFLA_MACSEC_ENCODING_SA, esa);
}

void macsec_kind_print(struct nlattr **tb)
{
	int json = pr_json();

	if (!tb)
		return;
	if (tb[IFLA_MACSEC_SCI]) {
		char b[24];

		bfmt(b, sizeof(b), "%016llx", (unsigned long long)be64toh(get_u64(tb[IFLA_MACSEC_SCI])));
		pr_str(PR_ANY, "sci", "sci %s ", b);
	}
	pr_flag(tb, "protect", IFLA_MACSEC_PROTECT);
	if (tb[IFLA_MACSEC_CIPHER_SUITE])
		pr_str(PR_ANY, "cipher_suite", "cipher %s ", cipher_name(get_u64(tb[IFLA_MACSEC_CIPHER_SUITE])));
	if (tb[IFLA_MACSEC_ICV_LEN])
		pr_uint(PR_ANY, "icv_len", "icvlen %u ", get_u8(tb[IFLA_MACSEC_ICV_LEN]));
	if (tb[IFLA_MACSEC_ENCODING_SA])
		pr_uint(PR_ANY, "encoding_sa", "encodingsa %u ", get_u8(tb[IFLA_MACSEC_ENCODING_SA]));
	if (tb[IFLA_MACSEC_VALIDATION])
		pr_str(PR_ANY, "validation", "validate %s ", name_of(get_u8(tb[IFLA_MACSEC_VALIDATION]), validate_str));
	if (tb[IFLA_MACSEC_OFFLOAD])
		pr_str(PR_ANY, "offload", "offload %s ", name_of(get_u8(tb[IFLA_MACSEC_OFFLOAD]), offload_str));
	{
		/* The names (JSON's or text's) of these attributes, in order. */
		static const uint8_t attrs[] = { IFLA_MACSEC_ENCRYPT, IFLA_MACSEC_INC_SCI, IFLA_MACSEC_ES,
			IFLA_MACSEC_SCB, IFLA_MACSEC_REPLAY_PROTECT };
		const char *n = json ? "encrypt\0inc_sci\0es\0scb\0replay_protect\0" :
			"encrypt\0send_sci\0end_station\0scb\0replay\0";

		for (unsigned i = 0; i < sizeof(attrs); i++, n += kw_skip(n))
			pr_flag(tb, n, attrs[i]);
	}
	if (tb[IFLA_MACSEC_WINDOW]) {
		uint32_t w = 0;

		nla_get_u32(tb[IFLA_MACSEC_WINDOW], &w);
		pr_int(PR_ANY, "window", "window %d ", (int)w);
	}
}
