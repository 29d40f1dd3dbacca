/* ip mptcp endpoint|limits|monitor (iproute2 6.1's ip/ipmptcp.c): the in-kernel path manager's
 * endpoints and limits, and its events, over the generic netlink family "mptcp_pm". */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "genl.h"
#include "inet.h"
#include "ip_print.h"
#include "lib.h"
#include "mon_source.h"
#include "out.h"
#include "rtnl_mon.h"

NSBOX_USAGE(mptcp_usage,
	"Usage:\tip mptcp endpoint add ADDRESS [ dev NAME ] [ id ID ]\n"
	NSBOX_USAGE_MORE("\t\t\t\t      [ port NR ] [ FLAG-LIST ]\n"
	"\tip mptcp endpoint delete id ID [ ADDRESS ]\n"
	"\tip mptcp endpoint change [ id ID ] [ ADDRESS ] [ port NR ] CHANGE-OPT\n"
	"\tip mptcp endpoint show [ id ID ]\n"
	"\tip mptcp endpoint flush\n"
	"\tip mptcp limits set [ subflows NR ] [ add_addr_accepted NR ]\n"
	"\tip mptcp limits show\n"
	"\tip mptcp monitor\n"
	"FLAG-LIST := [ FLAG-LIST ] FLAG\n"
	"FLAG  := [ signal | subflow | backup | fullmesh ]\n"
	"CHANGE-OPT := [ backup | nobackup | fullmesh | nofullmesh ]\n"));

static _Noreturn void usage(void)
{
	ip_usage_exit(mptcp_usage);
}

static struct nlsock *sk;
static uint16_t fam;

/* The flag words, whole: the first four are bits 0..3, the "no" ones add nothing. */
static const char flag_names[] = "signal\0subflow\0backup\0fullmesh\0nobackup\0nofullmesh\0";

/* iproute2's get_u8/get_u16/get_u32 (base 0) with the limit max, or invarg(what). */
static uint32_t xnum(const char *s, uint32_t max, const char *what)
{
	uint32_t v;

	if (parse_u32(s, &v, 0) || v > max)
		ip_invarg(what, s);
	return v;
}

/* The words of add, delete, change and show ID into r, in iproute2's order of checks. */
static void parse_addr(struct mptcp_req *r, int argc, char **argv, uint8_t cmd)
{
	int adding = cmd == MPTCP_PM_CMD_ADD_ADDR, deling = cmd == MPTCP_PM_CMD_DEL_ADDR;
	int setting = cmd == MPTCP_PM_CMD_SET_FLAGS, i;
	struct inet_prefix a;

	r->id = r->family = -1;
	for (; argc > 0; argc--, argv++) {
		if ((i = kw_whole(flag_names, *argv)) >= 0) {
			r->flags |= i < 4 ? 1u << i : 0;
			if (adding && (r->flags & MPTCP_PM_ADDR_FLAG_SIGNAL) && (r->flags & MPTCP_PM_ADDR_FLAG_FULLMESH))
				ip_invarg("flags mustn't have both signal and fullmesh", *argv);
			if (setting && (r->flags & ~(uint32_t)(MPTCP_PM_ADDR_FLAG_BACKUP | MPTCP_PM_ADDR_FLAG_FULLMESH)))
				ip_invarg("invalid flags, backup and fullmesh only", *argv);
		} else if (kw_is(*argv, "id")) {
			NEXT_ARG();
			r->id = (int)xnum(*argv, 0xff, "invalid ID\n");
		} else if (kw_is(*argv, "dev")) {
			NEXT_ARG();
			if (ip_check_ifname(*argv, IFNAMSIZ))
				ip_invarg("invalid interface name\n", *argv);
			if (!(r->ifindex = ip_ll_index(*argv)))
				ip_invarg("device does not exist\n", *argv);
		} else if (kw_is(*argv, "port")) {
			NEXT_ARG();
			r->port = (uint16_t)xnum(*argv, 0xffff, "expected port");
		} else {
			ip_get_addr(&a, *argv, AF_UNSPEC);
			r->family = a.family;
			r->alen = a.bytelen;
			memcpy(r->addr, a.data, sizeof(r->addr));
		}
	}
	if (r->family < 0 && adding)
		die(255, "Error: argument \"ADDRESS\" is required\n");
	if (deling && r->id < 0)
		die(255, "Error: argument \"ID\" is required\n");
	if (deling && r->id && r->family >= 0)
		ip_invarg("invalid for non-zero id address\n", "ADDRESS");
	if (deling && !r->id && r->family < 0)
		ip_invarg("address is needed for deleting id 0 address\n", "ID");
	if (adding && r->port && !(r->flags & MPTCP_PM_ADDR_FLAG_SIGNAL))
		ip_invarg("flags must have signal when using port", "port");
	if (setting && r->id >= 0 && r->port)
		ip_invarg("port can't be used with id", "port");
}

/* A reply of mptcp_pm into tb, the attributes that fit (iproute2's parse_rtattr): -1 when
 * parsed, else what the callback returns: 0 for another family's message, 1 for a short one. */
static int reply_attrs(const struct nlmsghdr *h, struct nlattr **tb)
{
	if (h->nlmsg_type != fam)
		return 0;
	if (h->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return 1;
	nla_parse(tb, MPTCP_PM_ATTR_MAX, (const char *)nlmsg_data(h) + GENL_HDRLEN, nlmsg_payload(h) - GENL_HDRLEN);
	return -1;
}

/* One endpoint: iproute2's print_mptcp_addr; 1 (its -1) without an address nest. */
static int print_addr(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[MPTCP_PM_ATTR_MAX + 1], *t[MPTCP_PM_ADDR_ATTR_MAX + 1], *a;
	char host[PR_HOSTSZ], raw[12];
	uint8_t family = AF_UNSPEC, u8;
	uint32_t flags;
	uint16_t port;
	int32_t index;
	const char *n;
	int r;

	(void)arg;
	if ((r = reply_attrs(h, tb)) >= 0)
		return r;
	if (!tb[MPTCP_PM_ATTR_ADDR])
		return 1;
	nla_parse_nested(t, MPTCP_PM_ADDR_ATTR_MAX, tb[MPTCP_PM_ATTR_ADDR]);
	pr_obj_open(NULL);
	nla_get_u8(t[MPTCP_PM_ADDR_ATTR_FAMILY], &family);
	if ((a = t[family == AF_INET ? MPTCP_PM_ADDR_ATTR_ADDR4 : MPTCP_PM_ADDR_ATTR_ADDR6]))
		pr_str(PR_ANY, "address", "%s ", fmt_host(family, nla_data(a), nla_len(a), host));
	if ((a = t[MPTCP_PM_ADDR_ATTR_PORT]) && nla_len(a) >= 2) {
		memcpy(&port, nla_data(a), 2);
		if (port)
			pr_uint(PR_ANY, "port", "port %u ", port);
	}
	if (!nla_get_u8(t[MPTCP_PM_ADDR_ATTR_ID], &u8))
		pr_uint(PR_ANY, "id", "id %u ", u8);
	if (!nla_get_u32(t[MPTCP_PM_ADDR_ATTR_FLAGS], &flags)) {
		n = flag_names;
		for (int i = 0; i < 4; i++, n += kw_skip(n))
			if (flags >> i & 1) {
				pr_str(PR_TEXT, NULL, "%s ", n);
				pr_bool(PR_JSON, n, NULL, 1);
			}
		if (flags >>= 4) {
			bfmt(raw, sizeof(raw), "%02x", flags << 4);
			pr_str(PR_ANY, "rawflags", "rawflags %s ", raw);
		}
	}
	if (!nla_get_s32(t[MPTCP_PM_ADDR_ATTR_IF_IDX], &index) && index)
		pr_str(PR_ANY, "dev", "dev %s ", ifname_of(index));
	pr_obj_close();
	pr_text("\n");
	out_record_end();
	return 0;
}

static int show_one(const struct nlmsghdr *h, void *arg)
{
	int r;

	pr_begin();
	r = print_addr(h, arg);
	pr_end();
	return r;
}

static int addr_cmd(uint8_t cmd, int argc, char **argv)
{
	struct mptcp_req r;
	char buf[GENL_BUF];
	struct nlb b;
	int err, show = cmd == MPTCP_PM_CMD_GET_ADDR;

	memset(&r, 0, sizeof(r));
	parse_addr(&r, argc, argv, cmd);
	genl_mptcp_addr_build(&b, buf, sizeof(buf), fam, cmd, !show, &r);
	if ((err = nl_talk(sk, &b, show ? show_one : NULL, NULL)) < 0)
		return ip_report_nlerr(sk, err);
	return err;
}

static int addr_dump(void)
{
	char buf[64];
	struct nlb b;
	int err;

	genl_start(&b, buf, sizeof(buf), fam, MPTCP_PM_CMD_GET_ADDR, MPTCP_PM_VER, NLM_F_DUMP);
	pr_begin();
	err = nl_talk(sk, &b, print_addr, NULL);
	pr_end();
	return err ? ip_dump_failed(sk, err, "Dump") : 0;
}

/* iproute2 prints the limits without its JSON object: text even with -j. */
static int print_limits(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[MPTCP_PM_ATTR_MAX + 1];
	uint32_t v;
	int r;

	(void)arg;
	if ((r = reply_attrs(h, tb)) >= 0)
		return r;
	if (!nla_get_u32(tb[MPTCP_PM_ATTR_RCV_ADD_ADDRS], &v))
		outf("add_addr_accepted %d ", (int)v);
	if (!nla_get_u32(tb[MPTCP_PM_ATTR_SUBFLOWS], &v))
		outf("subflows %d ", (int)v);
	outs("\n");
	out_flush();
	return 0;
}

static int limits(uint8_t cmd, int argc, char **argv)
{
	uint32_t v[2];
	int set[2] = { 0, 0 }, i, err, get = cmd == MPTCP_PM_CMD_GET_LIMITS;
	char buf[64];
	struct nlb b;

	for (; argc > 0; argc--, argv++) {
		if ((i = kw_index("subflows\0add_addr_accepted\0", *argv)) < 0)
			ip_invarg("unknown limit", *argv);
		NEXT_ARG();
		v[i] = xnum(*argv, 0xffffffffu, i ? "invalid add_addr_accepted\n" : "invalid subflows\n");
		set[i] = 1;
	}
	genl_mptcp_limits_build(&b, buf, sizeof(buf), fam, cmd, !get, set[1] ? &v[1] : NULL, set[0] ? &v[0] : NULL);
	if ((err = nl_talk(sk, &b, get ? print_limits : NULL, NULL)) < 0)
		return ip_report_nlerr(sk, err);
	return err;
}

/* ---- monitor ---- */

/* The events iproute2 6.1 names (MPTCP_EVENT_CREATED 1 ... SUB_PRIORITY 13), "" where it has none. */
static const char event_names[] = "\0CREATED\0ESTABLISHED\0CLOSED\0\0\0ANNOUNCED\0REMOVED\0\0\0"
	"SF_ESTABLISHED\0SF_CLOSED\0\0SF_PRIO\0";
/* The attributes it prints, in its order, each with its name and how: 'u' a u8, 'a' an IPv4,
 * 'A' an IPv6 address, 'p' a port (network order), 'd' a u8 (%d), 'x' a u16 (%x), 'U' a u32,
 * 'i' an s32, 'X' a u32 (0x%x). */
static const unsigned char ev_attrs[] = {
	MPTCP_ATTR_REM_ID, MPTCP_ATTR_LOC_ID, MPTCP_ATTR_SADDR4, MPTCP_ATTR_DADDR4, MPTCP_ATTR_SADDR6,
	MPTCP_ATTR_DADDR6, MPTCP_ATTR_SPORT, MPTCP_ATTR_DPORT, MPTCP_ATTR_BACKUP, MPTCP_ATTR_ERROR,
	MPTCP_ATTR_FLAGS, MPTCP_ATTR_TIMEOUT, MPTCP_ATTR_IF_IDX, MPTCP_ATTR_RESET_REASON, MPTCP_ATTR_RESET_FLAGS
};
static const char ev_kinds[] = "uuaaAAppddxUiUX";
static const char ev_keys[] = "remid\0locid\0saddr4\0daddr4\0saddr6\0daddr6\0sport\0dport\0backup\0error\0"
	"flags\0timeout\0ifindex\0reset_reason\0reset_flags\0";

static int event(const struct nlmsghdr *h, int nsid)
{
	struct nlattr *tb[MPTCP_ATTR_MAX + 1], *a;
	const struct genlmsghdr *g = nlmsg_data(h);
	const char *n = event_names, *k = ev_keys;
	char s[PR_ADDRSZ];
	uint32_t v;
	uint16_t v16;
	uint8_t v8;
	unsigned i;

	(void)nsid;
	if (h->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return -1;
	if (h->nlmsg_type != fam)
		return 0;
	if (NSBOX_FEATURE_IP_MONITOR && ipo.timestamp)
		ip_mon_timestamp();
	for (i = 0; i < g->cmd && i < 14; i++)
		n += kw_skip(n);
	if (g->cmd >= 14 || !*n) {
		outf("[UNKNOWN %u]\n", g->cmd);
		out_flush();
		return 0;
	}
	nla_parse(tb, MPTCP_ATTR_MAX, (const char *)g + GENL_HDRLEN, nlmsg_payload(h) - GENL_HDRLEN);
	v = 0;
	nla_get_u32(tb[MPTCP_ATTR_TOKEN], &v);
	outf("[%14s] token=%08x", n, v);
	for (i = 0; i < sizeof(ev_attrs); i++, k += kw_skip(k)) {
		if (!(a = tb[ev_attrs[i]]))
			continue;
		v = v16 = v8 = 0;
		memcpy(&v8, nla_data(a), nla_len(a) < 1 ? nla_len(a) : 1);
		memcpy(&v16, nla_data(a), nla_len(a) < 2 ? nla_len(a) : 2);
		memcpy(&v, nla_data(a), nla_len(a) < 4 ? nla_len(a) : 4);
		switch (ev_kinds[i]) {
		case 'a': case 'A':
			outf(" %s=%s", k, fmt_inet(ev_kinds[i] == 'a' ? AF_INET : AF_INET6, nla_data(a), nla_len(a), s));
			break;
		case 'u': outf(" %s=%u", k, v8); break;
		case 'd': outf(" %s=%d", k, v8); break;
		case 'p': outf(" %s=%u", k, ntohs(v16)); break;
		case 'x': outf(" %s=%x", k, v16); break;
		case 'U': outf(" %s=%u", k, v); break;
		case 'i': outf(" %s=%d", k, (int)v); break;
		default: outf(" %s=0x%x", k, v);
		}
	}
	outs("\n");
	out_flush();
	return 0;
}

/* The printers of a reply or an event, for tests/fuzz/fz_nlreply.c: which 0 an endpoint (show),
 * 1 the limits, 2 an event; the message's type stands for the family's id. */
int ip_mptcp_print(const struct nlmsghdr *h, int which)
{
	fam = h->nlmsg_type;
	return which == 0 ? show_one(h, NULL) : which == 1 ? print_limits(h, NULL) : event(h, -1);
}

static int monitor(void)
{
	int id = genl_mcast_group(sk, fam, MPTCP_PM_EV_GRP_NAME);

	if (id == -EPROTO)
		errf("Missing mcast groups TLV\n");
	if (id < 0 && id != -EPROTO && id != -ENOENT && id != -EINVAL) {
		ip_report_nlerr(sk, id);
		errf("Error talking to the kernel\n");
	}
	if (id < 0 || (id = rtnl_mon_join(sk, (unsigned)id)) < 0) {
		errf("can't subscribe to mptcp events: %s\n", errtext(id == -EPROTO ? ENOENT : -id));
		return 1;
	}
	out_exit(mon_listen(sk, event));
}

int do_mptcp(int argc, char **argv)
{
	static const uint8_t addr_cmds[] = { MPTCP_PM_CMD_ADD_ADDR, MPTCP_PM_CMD_SET_FLAGS,
		MPTCP_PM_CMD_DEL_ADDR, MPTCP_PM_CMD_GET_ADDR };
	int i;

	if (argc < 1 || kw_is(*argv, "help"))
		usage();
	sk = ip_genl(MPTCP_PM_NAME, &fam);
	if (kw_is(*argv, "endpoint")) {
		if (--argc == 0)
			return addr_dump();
		argv++;
		if ((i = kw_index("add\0change\0delete\0show\0flush\0", *argv)) == 3 && argc == 1)
			return addr_dump();
		if (i == 4) {
			char buf[64];
			struct nlb b;
			int err;

			genl_start(&b, buf, sizeof(buf), fam, MPTCP_PM_CMD_FLUSH_ADDRS, MPTCP_PM_VER, NLM_F_ACK);
			return (err = nl_talk(sk, &b, NULL, NULL)) < 0 ? ip_report_nlerr(sk, err) : 0;
		}
		if (i >= 0)
			return addr_cmd(addr_cmds[i], argc - 1, argv + 1);
	} else {
		if (kw_is(*argv, "limits")) {
			if (--argc == 0)
				return limits(MPTCP_PM_CMD_GET_LIMITS, 0, NULL);
			argv++;
			if (kw_is(*argv, "set"))
				return limits(MPTCP_PM_CMD_SET_LIMITS, argc - 1, argv + 1);
			if (kw_is(*argv, "show"))
				return limits(MPTCP_PM_CMD_GET_LIMITS, argc - 1, argv + 1);
		}
		if (kw_is(*argv, "monitor")) {
			if (--argc == 0)
				return monitor();
			argv++;
		}
	}
	die(255, "Command \"%s\" is unknown, try \"ip mptcp help\".\n", *argv);
}
