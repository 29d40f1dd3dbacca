/* bridge fdb: the forwarding database (RTM_*NEIGH of family AF_BRIDGE). */
#include <string.h>
#include <sys/socket.h>
#include <net/if_arp.h>
#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/neighbour.h>
#include "lib.h"
#include "out.h"
#include "inet.h"
#include "br.h"
#include "ip_print.h"

#ifndef NLM_F_BULK
#define NLM_F_BULK 0x200
#endif

NSBOX_USAGE(fdb_usage,
	"Usage: bridge fdb { add | append | del | replace } ADDR dev DEV\n"
	NSBOX_USAGE_MORE("              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]\n"
	"              [ sticky ] [ local | static | dynamic ] [ vlan VID ]\n"
	"              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }\n"
	"	       [ via DEV ] [ src_vni VNI ]\n"
	"       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]\n"
	"              [ state STATE ] [ dynamic ] ]\n"
	"       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV\n"
	"              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]\n"
	"       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]\n"
	"              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]\n"
	"              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]\n"
	"              [ [no]offloaded ]\n"));

static struct {
	int index;
	unsigned state, vlan;
	int dynamic;
} flt;



static const char *state_n2a(unsigned s, char *buf)
{
	if (s & NUD_PERMANENT)
		return "permanent";
	if (s & NUD_NOARP)
		return "static";
	if (s & NUD_STALE)
		return "stale";
	if (s & NUD_REACHABLE)
		return "";
	bfmt(buf, 32, IPO_JSON ? "%#x" : "state=%#x", s);
	return buf;
}

int br_print_fdb(const struct nlmsghdr *h)
{
	/* the bits of NTF_SELF, _ROUTER, _EXT_LEARNED, _OFFLOADED, _MASTER, _STICKY */
	static const uint8_t flag_bits[] = { 1, 7, 4, 5, 2, 6 };
	struct nlattr *tb[NDA_MAX + 1];
	const struct ndmsg *ndm = nlmsg_data(h);
	char buf[PR_ADDRSZ], sbuf[32];
	uint16_t vid = 0;
	int ret = br_msg_check(h, h->nlmsg_type == RTM_NEWNEIGH || h->nlmsg_type == RTM_DELNEIGH, "Not RTM_NEWNEIGH", sizeof(*ndm));

	if (ret != 1)
		return ret;
	if (ndm->ndm_family != AF_BRIDGE)
		return 0;
	if (flt.index && flt.index != ndm->ndm_ifindex)
		return 0;
	if (flt.state && !(ndm->ndm_state & flt.state))
		return 0;
	if (rtnl_br_parse(h, sizeof(*ndm), tb, NDA_MAX) < 0)
		return -1;
	if (tb[NDA_VLAN])
		vid = br_attr_u(tb[NDA_VLAN]);
	if (flt.vlan && flt.vlan != vid)
		return 0;
	if (flt.dynamic && (ndm->ndm_state & NUD_PERMANENT))
		return 0;
	if (br_banner)
		outs("[NEIGH]");
	pr_obj_open(NULL);
	if (h->nlmsg_type == RTM_DELNEIGH)
		pr_bool(PR_ANY, "deleted", "Deleted ", 1);
	if (tb[NDA_LLADDR])
		br_cstr(BR_C_MAC, "mac", "%s ", fmt_lladdr(nla_data(tb[NDA_LLADDR]), nla_len(tb[NDA_LLADDR]), ARPHRD_ETHER, buf));
	if (!flt.index && ndm->ndm_ifindex) {
		pr_text("dev ");
		br_cstr(BR_C_IFNAME, "ifname", "%s ", ifname_of(ndm->ndm_ifindex));
	}
	if (tb[NDA_DST]) {
		int fam = nla_len(tb[NDA_DST]) == 16 ? AF_INET6 : AF_INET;

		pr_text("dst ");
		br_cstr(fam == AF_INET6 ? BR_C_INET6 : BR_C_INET, "dst", "%s ", fmt_inet(fam, nla_data(tb[NDA_DST]), nla_len(tb[NDA_DST]), buf));
	}
	if (vid)
		pr_uint(PR_ANY, "vlan", "vlan %u ", vid);
	if (tb[NDA_PORT])
		pr_uint(PR_ANY, "port", "port %u ", ntohs((uint16_t)br_attr_u(tb[NDA_PORT])));
	if (tb[NDA_VNI])
		pr_uint(PR_ANY, "vni", "vni %u ", br_attr_u(tb[NDA_VNI]));
	if (tb[NDA_SRC_VNI])
		pr_uint(PR_ANY, "src_vni", "src_vni %u ", br_attr_u(tb[NDA_SRC_VNI]));
	if (tb[NDA_IFINDEX]) {
		unsigned idx = br_attr_u(tb[NDA_IFINDEX]);

		if (tb[NDA_LINK_NETNSID])
			pr_uint(PR_ANY, "viaIfIndex", "via ifindex %u ", idx);
		else
			pr_str(PR_ANY, "viaIf", "via %s ", ifname_of((int)idx));
	}
	if (tb[NDA_NH_ID])
		pr_uint(PR_ANY, "nhid", "nhid %u ", br_attr_u(tb[NDA_NH_ID]));
	if (tb[NDA_LINK_NETNSID])
		pr_uint(PR_ANY, "linkNetNsId", "link-netnsid %d ", br_attr_u(tb[NDA_LINK_NETNSID]));
	if (ipo.stats && tb[NDA_CACHEINFO] && nla_len(tb[NDA_CACHEINFO]) >= sizeof(struct nda_cacheinfo)) {
		struct nda_cacheinfo ci;

		memcpy(&ci, nla_data(tb[NDA_CACHEINFO]), sizeof(ci));
		/* USER_HZ is 100 on every architecture's ABI */
		if (IPO_JSON) {
			pr_uint(PR_JSON, "used", NULL, ci.ndm_used / 100);
			pr_uint(PR_JSON, "updated", NULL, ci.ndm_updated / 100);
		} else {
			outf("used %d/%d ", (int)(ci.ndm_used / 100), (int)(ci.ndm_updated / 100));
		}
	}
	pr_arr_open(PR_JSON, "flags");
	for (int i = 0; i < 6; i++)
		if (ndm->ndm_flags >> flag_bits[i] & 1)
			pr_str(PR_ANY, NULL, "%s ", kw_nth("self\0router\0extern_learn\0offload\0master\0sticky\0", i));
	pr_arr_close(PR_JSON, NULL);
	if (tb[NDA_MASTER])
		pr_str(PR_ANY, "master", "master %s ", ifname_of((int)br_attr_u(tb[NDA_MASTER])));
	pr_str(PR_ANY, "state", "%s\n", state_n2a(ndm->ndm_state, sbuf));
	pr_obj_close();
	out_record_end();
	return 0;
}

static int show_cb(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	return br_print_fdb(h) < 0 ? -1 : 0;
}

static int state_a2n(unsigned *s, const char *arg)
{
	uint32_t n;

	if (kw_is(arg, "permanent"))
		*s = NUD_PERMANENT;
	else if (kw_is(arg, "static") || kw_is(arg, "temp"))
		*s = NUD_NOARP;
	else if (kw_is(arg, "stale"))
		*s = NUD_STALE;
	else if (kw_is(arg, "reachable") || kw_is(arg, "dynamic"))
		*s = NUD_REACHABLE;
	else if (!strcmp(arg, "all"))
		*s = ~0u;
	else if (!*arg || *arg == '-' || parse_u32(arg, &n, 0))
		return -1;
	else
		*s = n;
	return 0;
}

/* Any other word of fdb add/del/get is the address, after an optional "to". */
static void addr_word(int *argc, char ***argv, const char **addr)
{
	if (!strcmp(**argv, "to")) {
		if (--*argc <= 0)
			ip_incomplete();
		++*argv;
	}
	if (kw_is(**argv, "help"))
		br_usage(fdb_usage);
	if (*addr)
		br_duparg2("to", **argv);
	*addr = **argv;
}

static int fdb_show(int argc, char **argv)
{
	const char *dev = NULL, *br = NULL;
	struct ndmsg ndm = { .ndm_family = AF_BRIDGE };
	struct br_req r;
	int master = 0;

	memset(&flt, 0, sizeof(flt));
	for (; argc > 0; argc--, argv++) {
		unsigned s;

		switch (br_arg("br\0brport\0dev\0vlan\0state\0dynamic\0", 5, &argc, &argv)) {
		case 0:
			br = *argv;
			break;
		case 1:
		case 2:
			dev = *argv;
			break;
		case 3:
			if (flt.vlan)
				br_duparg("vlan", *argv);
			flt.vlan = (unsigned)br_atoi(*argv);
			break;
		case 4:
			if (state_a2n(&s, *argv))
				ip_invarg("invalid state", *argv);
			flt.state |= s;
			break;
		case 5:
			flt.dynamic = 1;
			break;
		default:
			if (kw_is(*argv, "help"))
				br_usage(fdb_usage);
		}
	}
	if (br && !(master = br_index(br)))
		ip_fail(255, "Cannot find bridge device \"%s\"\n", br);
	if (dev && !(flt.index = br_index(dev)))
		br_nodev(dev);
	ndm.ndm_ifindex = flt.index;
	br_req_init(&r, RTM_GETNEIGH, 0, &ndm, sizeof(ndm));
	if (master)
		br_req_u32(&r, NDA_MASTER, (uint32_t)master);
	pr_begin();
	br_dump(&r, show_cb, NULL);
	pr_end();
	return 0;
}

/* sscanf's "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx": six numbers kept modulo 256, junk after them ignored. */
static int mac_scan(const char *s, unsigned char *mac)
{
	for (int i = 0; i < 6; i++) {
		unsigned v = 0;
		int neg = 0, digits = 0;

		if (i && *s++ != ':')
			return -1;
		while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
			s++;
		if (*s == '-' || *s == '+')
			neg = *s++ == '-';
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
		    ((s[2] >= '0' && s[2] <= '9') || ((s[2] | 0x20) >= 'a' && (s[2] | 0x20) <= 'f')))
			s += 2;
		for (;; s++, digits++) {
			int c = *s, d;
			if (c >= '0' && c <= '9')
				d = c - '0';
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				d = (c | 0x20) - 'a' + 10;
			else
				break;
			v = v * 16 + (unsigned)d;
		}
		if (!digits)
			return -1;
		mac[i] = (unsigned char)(neg ? 0 - v : v);
	}
	return 0;
}

/* strtoul(s, &end, 0) with end at the end of s: 0, or -1. */
static int get_ul(const char *s, unsigned long long *v)
{
	uint64_t n;

	if (parse_ull(s, &n, 0))
		return -1;
	*v = n;
	return 0;
}

/* The flag words of fdb add, append, replace and delete, in iproute2's order of checks (no
 * "vlan" among them is a prefix of one): the ndm_flags and ndm_state bits each sets and the
 * state bits it clears. */
static const struct {
	const char *name;
	unsigned char minlen, flags;
	uint16_t state, clear;
} flag_words[] = {
	{ "self", 4, NTF_SELF, 0, 0 }, { "master", 1, NTF_MASTER, 0, 0 }, { "router", 1, NTF_ROUTER, 0, 0 },
	{ "local", 1, 0, NUD_PERMANENT, 0 }, { "permanent", 1, 0, NUD_PERMANENT, 0 },
	{ "temp", 1, 0, NUD_REACHABLE, 0 }, { "static", 1, 0, NUD_REACHABLE, 0 },
	{ "dynamic", 1, 0, NUD_REACHABLE, NUD_NOARP }, { "use", 1, NTF_USE, 0, 0 },
	{ "extern_learn", 1, NTF_EXT_LEARNED, 0, 0 }, { "sticky", 1, NTF_STICKY, 0, 0 },
};

static int flag_word(struct ndmsg *ndm, const char *w)
{
	size_t i, n = strlen(w);

	for (i = 0; i < sizeof(flag_words) / sizeof(flag_words[0]); i++) {
		if (!n || n < flag_words[i].minlen || strncmp(w, flag_words[i].name, n))
			continue;
		ndm->ndm_flags |= flag_words[i].flags;
		ndm->ndm_state |= flag_words[i].state;
		ndm->ndm_state &= (uint16_t)~flag_words[i].clear;
		return 1;
	}
	return 0;
}

void br_fdb_modify_req(struct br_req *r, uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	struct ndmsg ndm = { .ndm_family = AF_BRIDGE, .ndm_state = NUD_NOARP };
	const char *addr = NULL, *dev = NULL;
	struct inet_prefix dst;
	int dst_ok = 0, vid = -1, via = 0;
	unsigned long long port = 0, vni = ~0ull, src_vni = ~0ull;
	uint32_t nhid = 0;
	unsigned char mac[6];

	for (; argc > 0; argc--, argv++) {
		int w = br_arg("dev\0dst\0nhid\0port\0vni\0src_vni\0via\0", 7, &argc, &argv);
		unsigned long long *v = w == 4 ? &vni : &src_vni;

		switch (w) {
		case 0:
			dev = *argv;
			break;
		case 1:
			if (dst_ok)
				br_duparg2("dst", *argv);
			if (inet_get_addr(&dst, *argv, ipo.family))
				die(1, "Error: %s address is expected rather than \"%s\".\n",
				    ipo.family == AF_INET6 ? "inet6" : ipo.family == AF_INET ? "inet" : "any valid", *argv);
			dst_ok = 1;
			break;
		case 2:
			if (parse_u32(*argv, &nhid, 0))
				ip_invarg("\"id\" value is invalid\n", *argv);
			break;
		case 3:
			if (get_ul(*argv, &port) || port > 0xffff)
				ip_invarg("invalid port\n", *argv);  /* no /etc/services in nsbox */
			break;
		case 4:
		case 5:
			if (get_ul(*argv, v) || (*v >> 24))
				ip_invarg(w == 4 ? "invalid VNI\n" : "invalid src VNI\n", *argv);
			break;
		case 6:
			if (!(via = br_index(*argv)))
				die(255, "Cannot find device \"%s\"\n", *argv);
			break;
		default:
			if (flag_word(&ndm, *argv))
				break;
			if (kw_is(*argv, "vlan")) {
				if (vid >= 0)
					br_duparg2("vlan", *argv);
				BR_NEXT_ARG();
				vid = (int16_t)br_atoi(*argv);
			} else {
				addr_word(&argc, &argv, &addr);
			}
		}
	}
	if (!dev || !addr)
		ip_fail(255, "Device and address are required arguments.\n");
	if (nhid && (dst_ok || port || vni != ~0ull))
		ip_fail(255, "dst, port, vni are mutually exclusive with nhid\n");
	if (!(ndm.ndm_flags & (NTF_SELF | NTF_MASTER)))
		ndm.ndm_flags |= NTF_SELF;
	if (!(ndm.ndm_state & (NUD_PERMANENT | NUD_REACHABLE)))
		ndm.ndm_state |= NUD_PERMANENT;
	if (mac_scan(addr, mac))
		ip_fail(255, "Invalid mac address %s\n", addr);
	if (!(ndm.ndm_ifindex = br_index(dev)))
		br_nodev(dev);
	br_req_init(r, type, nlflags, &ndm, sizeof(ndm));
	br_req_put(r, NDA_LLADDR, mac, 6);
	if (dst_ok)
		br_req_put(r, NDA_DST, dst.data, (size_t)inet_alen(dst.family));
	if (vid >= 0)
		br_req_u16(r, NDA_VLAN, (uint16_t)vid);
	if (nhid > 0)
		br_req_u32(r, NDA_NH_ID, nhid);
	if (port)
		br_req_u16(r, NDA_PORT, htons((uint16_t)port));
	if (vni != ~0ull)
		br_req_u32(r, NDA_VNI, (uint32_t)vni);
	if (src_vni != ~0ull)
		br_req_u32(r, NDA_SRC_VNI, (uint32_t)src_vni);
	if (via)
		br_req_u32(r, NDA_IFINDEX, (uint32_t)via);
}

static int fdb_modify(uint16_t type, uint16_t nlflags, int argc, char **argv)
{
	struct br_req r;

	br_fdb_modify_req(&r, type, nlflags, argc, argv);
	br_talk(&r);
	return 0;
}

static int get_cb(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	if (br_print_fdb(h) < 0)
		errf("An error :-)\n");
	return 0;
}

static int fdb_get(int argc, char **argv)
{
	struct ndmsg ndm = { .ndm_family = AF_BRIDGE };
	const char *dev = NULL, *br = NULL, *addr = NULL;
	unsigned long long vni = ~0ull;
	int vlan = -1, master = 0, err;
	unsigned char mac[6];
	struct br_req r;
	struct nlsock *sk;

	memset(&flt, 0, sizeof(flt));
	for (; argc > 0; argc--, argv++) {
		switch (br_arg("br\0brport\0dev\0vni\0self\0", 4, &argc, &argv)) {
		case 0:
			br = *argv;
			continue;
		case 1:
		case 2:
			dev = *argv;
			continue;
		case 3:
			if (get_ul(*argv, &vni) || (vni >> 24))
				ip_invarg("invalid VNI\n", *argv);
			continue;
		case 4:
			ndm.ndm_flags |= NTF_SELF;
			continue;
		}
		if (kw_is(*argv, "master")) {
			ndm.ndm_flags |= NTF_MASTER;
		} else if (kw_is(*argv, "vlan")) {
			if (vlan >= 0)
				br_duparg2("vlan", *argv);
			BR_NEXT_ARG();
			vlan = (int16_t)br_atoi(*argv);
		} else if (kw_is(*argv, "dynamic")) {
			flt.dynamic = 1;
		} else {
			addr_word(&argc, &argv, &addr);
		}
	}
	if ((!dev && !br) || !addr)
		ip_fail(255, "Device or master and address are required arguments.\n");
	if (mac_scan(addr, mac))
		ip_fail(255, "Invalid mac address %s\n", addr);
	if (dev && !(ndm.ndm_ifindex = br_index(dev)))
		ip_fail(255, "Cannot find device \"%s\"\n", dev);
	if (br && !(master = br_index(br)))
		ip_fail(255, "Cannot find bridge device \"%s\"\n", br);
	br_req_init(&r, RTM_GETNEIGH, 0, &ndm, sizeof(ndm));
	br_req_put(&r, NDA_LLADDR, mac, 6);
	if (vlan >= 0)
		br_req_u16(&r, NDA_VLAN, (uint16_t)vlan);
	if (vni != ~0ull)
		br_req_u32(&r, NDA_VNI, (uint32_t)vni);
	if (master)
		br_req_u32(&r, NDA_MASTER, (uint32_t)master);
	sk = show_sock(0);
	pr_begin();
	err = rtnl_br_talk(sk, &r, get_cb, NULL);
	if (err < 0) {
		ip_report_nlerr(sk, err);
		ip_fail(254, "%s", "");
	}
	pr_end();
	return 0;
}

/* bridge fdb flush's words after dev and help (flush_list's order): each sets and clears bits
 * of the state or flags and their masks. */
static const char flush_list[] = "dev\0help\0permanent\0nopermanent\0static\0nostatic\0dynamic\0nodynamic\0"
	"added_by_user\0noadded_by_user\0extern_learn\0noextern_learn\0sticky\0nosticky\0offloaded\0"
	"nooffloaded\0master\0self\0brport\0vlan\0";
struct flush_word {
	uint8_t is_flag, set, clear, mask;
};
static const struct flush_word flush_words[] = {
	{ 0, NUD_PERMANENT, 0, NUD_PERMANENT }, { 0, 0, NUD_PERMANENT, NUD_PERMANENT },
	{ 0, NUD_NOARP, 0, NUD_NOARP | NUD_PERMANENT }, { 0, 0, NUD_NOARP, NUD_NOARP },
	{ 0, 0, NUD_NOARP, NUD_NOARP | NUD_PERMANENT }, { 0, NUD_NOARP, 0, NUD_NOARP },
	{ 1, NTF_USE, 0, NTF_USE }, { 1, 0, NTF_USE, NTF_USE },
	{ 1, NTF_EXT_LEARNED, 0, NTF_EXT_LEARNED }, { 1, 0, NTF_EXT_LEARNED, NTF_EXT_LEARNED },
	{ 1, NTF_STICKY, 0, NTF_STICKY }, { 1, 0, NTF_STICKY, NTF_STICKY },
	{ 1, NTF_OFFLOADED, 0, NTF_OFFLOADED }, { 1, 0, NTF_OFFLOADED, NTF_OFFLOADED },
};

void br_fdb_flush_req(struct br_req *r, int argc, char **argv)
{
	struct ndmsg ndm = { .ndm_family = AF_BRIDGE };
	uint16_t state = 0, state_mask = 0, flags = 0, flags_mask = 0;
	const char *dev = NULL, *port = NULL;
	int vid = -1, port_idx = -1;

	for (; argc > 0; argc--, argv++) {
		int i = br_arg(flush_list, 2, &argc, &argv);

		if (i == 0) {
			dev = *argv;
		} else if (i >= 2 && i < 16) {
			const struct flush_word *w = &flush_words[i - 2];
			uint16_t *v = w->is_flag ? &flags : &state, *m = w->is_flag ? &flags_mask : &state_mask;

			*v = (uint16_t)((*v | w->set) & ~w->clear);
			*m |= w->mask;
		} else if (i == 16) {
			flags |= NTF_MASTER;
		} else if (i == 17) {
			flags |= NTF_SELF;
		} else if (i == 18) {
			if (port)
				br_duparg2("brport", *argv);
			BR_NEXT_ARG();
			port = *argv;
		} else if (i == 19) {
			if (vid >= 0)
				br_duparg2("vlan", *argv);
			BR_NEXT_ARG();
			vid = (int16_t)br_atoi(*argv);
		}
	}
	if (!dev)
		ip_fail(255, "Device is a required argument.\n");
	if (!(ndm.ndm_ifindex = br_index(dev)))
		ip_fail(255, "Cannot find bridge device \"%s\"\n", dev);
	if (port && !(port_idx = (int16_t)br_index(port)))
		ip_fail(255, "Cannot find bridge port device \"%s\"\n", port);
	if (vid >= 4096)
		ip_fail(255, "Invalid VLAN ID \"%hu\"\n", (unsigned short)vid);
	if (!(flags & (NTF_SELF | NTF_MASTER)))
		flags |= NTF_SELF;
	ndm.ndm_flags = (uint8_t)flags;
	ndm.ndm_state = state;
	br_req_init(r, RTM_DELNEIGH, NLM_F_BULK, &ndm, sizeof(ndm));
	if (port_idx > -1)
		br_req_u32(r, NDA_IFINDEX, (uint32_t)port_idx);
	if (vid > -1)
		br_req_u16(r, NDA_VLAN, (uint16_t)vid);
	if (flags_mask)
		br_req_u8(r, NDA_NDM_FLAGS_MASK, (uint8_t)flags_mask);
	if (state_mask)
		br_req_u16(r, NDA_NDM_STATE_MASK, state_mask);
}

int br_do_fdb(int argc, char **argv)
{
	/* add, append, replace, delete */
	static const uint16_t nlflags[] = { NLM_F_CREATE | NLM_F_EXCL, NLM_F_CREATE | NLM_F_APPEND,
		NLM_F_CREATE | NLM_F_REPLACE, 0 };
	int i = argc > 0 ? br_cmd("1add\0" "1append\0" "1replace\0" "1delete\0" "1get\0" "1show\0" "1lst\0"
				  "1list\0" "5flush\0", "fdb", fdb_usage, *argv) : 5;

	argc--, argv++;
	if (i < 4)
		return fdb_modify(i == 3 ? RTM_DELNEIGH : RTM_NEWNEIGH, nlflags[i], argc, argv);
	if (i == 4)
		return fdb_get(argc, argv);
	if (i == 8)
		return br_build_talk(br_fdb_flush_req, argc, argv);
	return fdb_show(argc, argv);
}
