/* ip link add|set|delete (show lives in ip_show_link.c). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lib.h"
#include "inet.h"
#include "ip.h"
#include "ip_bond_vrf.h"
#include "ip_print.h"
#include "sys.h"
#include "out.h"
#include "scan.h"

NSBOX_USAGE(link_usage,
	"Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n"
	NSBOX_USAGE_MORE("\t\t    [ txqueuelen PACKETS ]\n"
	"\t\t    [ address LLADDR ]\n"
	"\t\t    [ broadcast LLADDR ]\n"
	"\t\t    [ mtu MTU ] [index IDX ]\n"
	"\t\t    [ numtxqueues QUEUE_COUNT ]\n"
	"\t\t    [ numrxqueues QUEUE_COUNT ]\n"
	"\t\t    [ netns { PID | NAME } ]\n"
	"\t\t    type TYPE [ ARGS ]\n"
	"\n"
	"\tip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]\n"
	"\n"
	"\tip link set { DEVICE | dev DEVICE | group DEVGROUP }\n"
	"\t\t\t[ { up | down } ]\n"
	"\t\t\t[ type TYPE ARGS ]\n"
	"\t\t[ arp { on | off } ]\n"
	"\t\t[ dynamic { on | off } ]\n"
	"\t\t[ multicast { on | off } ]\n"
	"\t\t[ allmulticast { on | off } ]\n"
	"\t\t[ promisc { on | off } ]\n"
	"\t\t[ trailers { on | off } ]\n"
	"\t\t[ carrier { on | off } ]\n"
	"\t\t[ txqueuelen PACKETS ]\n"
	"\t\t[ name NEWNAME ]\n"
	"\t\t[ address LLADDR ]\n"
	"\t\t[ broadcast LLADDR ]\n"
	"\t\t[ mtu MTU ]\n"
	"\t\t[ netns { PID | NAME } ]\n"
	"\t\t[ link-netns NAME | link-netnsid ID ]\n"
	"\t\t[ alias NAME ]\n"
	"\t\t[ vf NUM [ mac LLADDR ]\n"
	"\t\t\t [ vlan VLANID [ qos VLAN-QOS ] [ proto VLAN-PROTO ] ]\n"
	"\t\t\t [ rate TXRATE ]\n"
	"\t\t\t [ max_tx_rate TXRATE ]\n"
	"\t\t\t [ min_tx_rate TXRATE ]\n"
	"\t\t\t [ spoofchk { on | off} ]\n"
	"\t\t\t [ query_rss { on | off} ]\n"
	"\t\t\t [ state { auto | enable | disable} ]\n"
	"\t\t\t [ trust { on | off} ]\n"
	"\t\t\t [ node_guid EUI64 ]\n"
	"\t\t\t [ port_guid EUI64 ] ]\n"
	"\t\t[ { xdp | xdpgeneric | xdpdrv | xdpoffload } { off |\n"
	"\t\t\t  object FILE [ { section | program } NAME ] [ verbose ] |\n"
	"\t\t\t  pinned FILE } ]\n"
	"\t\t[ master DEVICE ][ vrf NAME ]\n"
	"\t\t[ nomaster ]\n"
	"\t\t[ addrgenmode { eui64 | none | stable_secret | random } ]\n"
	"\t\t[ protodown { on | off } ]\n"
	"\t\t[ protodown_reason PREASON { on | off } ]\n"
	"\t\t[ gso_max_size BYTES ] | [ gso_max_segs PACKETS ]\n"
	"\t\t[ gro_max_size BYTES ]\n"
	"\n"
	"\tip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]\n"
	"\t\t[nomaster]\n"
	"\n"
	"\tip link xstats type TYPE [ ARGS ]\n"
	"\n"
	"\tip link afstats [ dev DEVICE ]\n"
	"\tip link property add dev DEVICE [ altname NAME .. ]\n"
	"\tip link property del dev DEVICE [ altname NAME .. ]\n"
	"\n"
	"\tip link help [ TYPE ]\n"
	"\n"
	IP_LINK_TYPES_HELP));


struct link_args {
	struct link_req req;
	const char *dev;
	const char *link;     /* "link DEV": the lower device, for add */
	struct nlb ab;        /* req.attrs, put as the words come (iproute2's order) */
	char abuf[NLMSG_HDRLEN + 1024];
	int netns_fd;         /* IFLA_NET_NS_FD's, closed once sent; -1 */
	int has_netns, has_mtu;
	int addr_len;         /* of the last "address", -1 without one */
	int32_t index;        /* "index": 0 without one */
	int32_t once[3];      /* numtxqueues, numrxqueues, link-netns(id): -1 until given (as iproute2,
				 which takes a second one after a -1) */
};

static void link_args_init(struct link_args *a)
{
	link_req_init(&a->req);
	a->req.family = ipo.family;
	a->dev = a->link = NULL;
	nlb_init(&a->ab, a->abuf, sizeof(a->abuf), 0, 0);
	a->netns_fd = -1;
	a->has_netns = a->has_mtu = 0;
	a->addr_len = -1;
	if (NSBOX_FEATURE_IP_EXTRAS) {
		a->index = 0;
		a->once[0] = a->once[1] = a->once[2] = -1;
	}
}

/* "Invalid \"KEY\" value" of iproute2's invarg. */
static __attribute__((noinline)) _Noreturn void bad_value(const char *key, const char *arg)
{
	char m[32];

	bfmt(m, sizeof(m), "Invalid \"%s\" value\n", key);
	ip_invarg(m, arg);
}

/* netns NAME|PATH|PID: a path when it has a '/', else a name in the run dir, else a PID. */
static void parse_netns(struct link_args *a, const char *arg)
{
	char path[PATH_MAX];
	const char *p = arg;
	int32_t v;
	int fd;

	if (!strchr(arg, '/'))
		bfmt(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, arg), p = path;
	fd = sys_open(p, O_RDONLY | O_CLOEXEC, 0);
	if (fd >= 0) {
		a->netns_fd = v = fd;
	} else if (parse_s32(arg, &v, 0)) {
		/* iproute2 takes any int (get_integer), -1 too, and leaves it to the kernel. */
		bad_value("netns", arg);
	}
	nlb_put_u32(&a->ab, fd >= 0 ? IFLA_NET_NS_FD : IFLA_NET_NS_PID, (uint32_t)v);
}

/* The words of a device, in iproute2's order of checks: whole words, or with P any beginning
 * of the name (prefix). From L_NAME on a word takes a value; L_ARP .. L_DYNAMIC set a flag with
 * "WORD on|off"; from L_DYNAMIC on they are NSBOX_FEATURE_IP_EXTRAS's. A word not here names
 * the device. */
enum { L_UP, L_DOWN, L_NOMASTER, L_TYPE, L_HELP, L_DEV,
       L_NAME, L_LINK, L_MTU, L_NETNS, L_MASTER, L_VRF, L_ADDR, L_BRD, L_QLEN, L_ALIAS,
       L_GROUP, L_CARRIER, L_ARP, L_TRAILERS, L_MULTICAST, L_ALLMULTI, L_PROMISC,
       L_DYNAMIC, L_PROTODOWN, L_INDEX, L_MODE, L_STATE, L_AGM, L_LNETNS, L_LNETNSID, L_PDREASON,
       L_PARENT, L_NUMTX, L_NUMRX, L_GSO_SIZE, L_GSO_SEGS, L_GRO_SIZE, L_NOSUP };
#define P KWL_PREFIX
#define LWORDS(X) \
	X("up", L_UP) X("down", L_DOWN) X("name", L_NAME) X("index", L_INDEX) X("link", P | L_LINK) \
	X("mtu", L_MTU) X("netns", L_NETNS) X("master", P | L_MASTER) X("vrf", L_VRF) \
	X("nomaster", P | L_NOMASTER) X("address", P | L_ADDR) X("broadcast", P | L_BRD) X("brd", L_BRD) \
	X("txqueuelen", P | L_QLEN) X("qlen", L_QLEN) X("txqlen", P | L_QLEN) X("dynamic", P | L_DYNAMIC) \
	X("alias", P | L_ALIAS) X("group", L_GROUP) X("arp", L_ARP) X("multicast", L_MULTICAST) \
	X("allmulticast", L_ALLMULTI) X("promisc", L_PROMISC) X("trailers", L_TRAILERS) \
	X("carrier", L_CARRIER) X("type", P | L_TYPE) \
	/* xdp* and vf: iproute2's words nsbox does not take (nor as device names) */ \
	X("xdp", L_NOSUP) X("xdpgeneric", L_NOSUP) X("xdpdrv", L_NOSUP) X("xdpoffload", L_NOSUP) \
	X("vf", L_NOSUP) X("mode", L_MODE) X("state", L_STATE) X("numtxqueues", P | L_NUMTX) \
	X("numrxqueues", P | L_NUMRX) X("addrgenmode", P | L_AGM) X("link-netns", P | L_LNETNS) \
	X("link-netnsid", P | L_LNETNSID) X("protodown", L_PROTODOWN) X("protodown_reason", L_PDREASON) \
	X("gso_max_size", L_GSO_SIZE) X("gso_max_segs", L_GSO_SEGS) X("gro_max_size", L_GRO_SIZE) \
	X("parentdev", L_PARENT) X("help", P | L_HELP) X("dev", L_DEV)
static const char lword_names[] = LWORDS(KWL_NAME);
static const unsigned char lword_codes[] = { LWORDS(KWL_CODE) };
#undef P
static const char off_on[] = "off\0on\0";
static const unsigned short lword_bits[] = { IFF_NOARP, IFF_NOTRAILERS, IFF_MULTICAST, IFF_ALLMULTI,
					      IFF_PROMISC, IFF_DYNAMIC };
/* The values of mode, state and addrgenmode, by number (iproute2 takes any case). */
static const char *const named_vals[] = {
	"default\0dormant\0",
	"UNKNOWN\0NOTPRESENT\0DOWN\0LOWERLAYERDOWN\0TESTING\0DORMANT\0UP\0",
	"eui64\0none\0stable_secret\0random\0" };
static const char named_bad[] = "Invalid link mode\n\0Invalid operstate\n\0Invalid address generation mode\n\0";
/* numtxqueues .. gro_max_size: their attributes (u32) */
static const unsigned char num_attrs[] = { IFLA_NUM_TX_QUEUES, IFLA_NUM_RX_QUEUES, IFLA_GSO_MAX_SIZE,
					    IFLA_GSO_MAX_SEGS, IFLA_GRO_MAX_SIZE };

/* "on" or "off" it must be: carrier and protodown take them as iproute2's parse_on_off, which
 * fails with -EINVAL, which its do_cmd turns into exit 22. */
static _Noreturn void bad_on_off(const char *k, const char *w, int parse_on_off)
{
	ip_fail(parse_on_off ? 22 : 1, "Error: argument of \"%s\" must be %s, not \"%s\"\n", k,
		parse_on_off ? "one of \"off\", \"on\"" : "\"on\" or \"off\"", w);
}

/* link-netns NAME: the nsid this namespace gives it, one asked for when it has none (as
 * iproute2, whose requests say what the kernel refuses, each time); -1 when there is none. */
static int link_nsid(const char *arg)
{
	char path[PATH_MAX];
	int fd, id, i;

	if (!strchr(arg, '/'))
		bfmt(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, arg), arg = path;
	if ((fd = sys_open(arg, O_RDONLY | O_CLOEXEC, 0)) < 0)
		return -1;
	for (i = 0; i < 3; i++) {
		id = i == 1 ? rtnl_nsid_set(ip_sock(), fd, -1) : rtnl_nsid_of_fd(ip_sock(), fd);
		if (id < -1 || (i == 1 && id < 0))
			ip_report_nlerr(ip_sock(), id);
		if (i != 1 && id >= 0)
			break;
	}
	sys_close(fd);
	return id;
}

/* The words of NSBOX_FEATURE_IP_EXTRAS that take values, from L_PROTODOWN on: k the word's name, w
 * its value (and L_PROTODOWN). Returns how many more words it used. */
static int extra_word(struct link_args *a, int code, const char *k, int argc, char **argv)
{
	const char *w = argv[0];
	struct nlattr *n1, *n2;
	int32_t v;
	uint32_t u;
	int i = code - L_MODE;

	switch (code) {
	case L_PROTODOWN:
		if ((v = kw_whole(off_on, w)) < 0)
			bad_on_off(k, w, 1);
		nlb_put_u8(&a->ab, IFLA_PROTO_DOWN, (uint8_t)v);
		return 0;
	case L_INDEX:
		if (a->index)
			ip_duparg(k, w);
		/* atoi, as iproute2 */
		if ((a->index = (int32_t)str_tol(w, NULL, 10)) <= 0)
			ip_invarg("Invalid \"index\" value", w);
		return 0;
	case L_MODE:
	case L_STATE:
	case L_AGM:
		if ((v = kw_whole_case(named_vals[i], w)) < 0)
			ip_invarg(kw_nth(named_bad, (unsigned)i), w);
		if (code != L_AGM) {
			nlb_put_u8(&a->ab, code == L_MODE ? IFLA_LINKMODE : IFLA_OPERSTATE, (uint8_t)v);
			return 0;
		}
		n1 = nlb_nest_start(&a->ab, IFLA_AF_SPEC);
		n2 = nlb_nest_start(&a->ab, AF_INET6);
		nlb_put_u8(&a->ab, IFLA_INET6_ADDR_GEN_MODE, (uint8_t)v);
		nlb_nest_end(&a->ab, n2);
		nlb_nest_end(&a->ab, n1);
		return 0;
	case L_PDREASON:
		if (parse_u32(w, &u, 0) || u >= 32)
			ip_invarg("invalid protodown reason\n", w);
		NEXT_ARG();
		w = argv[0];
		/* matches(): "on" before "off" */
		if ((i = kw_is(w, "on") ? 1 : kw_is(w, "off") ? 0 : -1) < 0)
			bad_on_off(k, w, 0);
		n1 = nlb_nest_start(&a->ab, IFLA_PROTO_DOWN_REASON | NLA_F_NESTED);
		nlb_put_u32(&a->ab, IFLA_PROTO_DOWN_REASON_MASK, 1u << u);
		nlb_put_u32(&a->ab, IFLA_PROTO_DOWN_REASON_VALUE, i ? 1u << u : 0);
		nlb_nest_end(&a->ab, n1);
		return 1;
	case L_PARENT:
		nlb_put_strz(&a->ab, IFLA_PARENT_DEV_NAME, w);
		return 0;
	}
	/* numtxqueues, numrxqueues, link-netns, link-netnsid (get_integer, once); gso_max_size ..
	 * gro_max_size (get_unsigned) */
	i = code - L_NUMTX;
	if (code < L_GSO_SIZE) {
		int *once = &a->once[code >= L_NUMTX ? i : 2];

		if (*once != -1)
			ip_duparg(code < L_NUMTX ? "link-netns/link-netnsid" : k, w);
		if (code == L_LNETNS ? (v = link_nsid(w)) < 0 : parse_s32(w, &v, 0))
			bad_value(k, w);
		*once = v;
	} else if (parse_u32(w, &u, 0) || (code == L_GSO_SEGS && u > 65535)) {
		bad_value(k, w);
	} else {
		v = (int32_t)u;
	}
	nlb_put_u32(&a->ab, code < L_NUMTX ? IFLA_LINK_NETNSID : num_attrs[i], (uint32_t)v);
	return 0;
}

/* Parse one device's options (the main device, or a veth peer). Returns the number of words
 * used; stops before "type", which it leaves to the caller (a peer may not have one). */
static int parse_link(int argc, char **argv, struct link_args *a, int is_peer)
{
	int argc0 = argc;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];
		int code = L_DEV, on;
		const char *k = kwl_find(lword_names, lword_codes, w, &code);
		unsigned bit;
		unsigned char lladdr[32];
		const char *bad;
		int32_t n;
		uint32_t v;
		int blen, attr = IFLA_MASTER;

		if (code >= L_NAME || (k && code == L_DEV) || (is_peer && code == L_TYPE)) {
			NEXT_ARG();
			w = argv[0];
		}
		if (code >= L_DYNAMIC) {
			if (code == L_NOSUP)
				die(255, "Error: \"%s\" is not supported by nsbox.\n", k);
			if (!NSBOX_FEATURE_IP_EXTRAS)
				NSBOX_LEFT_OUT(k, "NSBOX_FEATURE_IP_EXTRAS");
		}
		switch (code) {
		case L_DOWN:
			a->req.flags &= ~IFF_UP;
			/* fall through */
		case L_UP:
			a->req.flags |= code == L_UP ? IFF_UP : 0;
			a->req.change |= IFF_UP;
			break;
		case L_NAME:
			if (a->req.name)
				ip_duparg("name", w);
			if (ip_check_ifname(w, IFNAMSIZ))
				ip_invarg("\"name\" not a valid ifname", w);
			a->req.name = w;
			break;
		case L_LINK:
			a->link = w;
			break;
		case L_MTU:
			if (a->has_mtu)
				ip_duparg("mtu", w);
			a->has_mtu = 1;
			/* fall through */
		case L_QLEN:
			/* get_integer, as iproute2: a negative MTU is the kernel's to refuse. */
			if (parse_s32(w, &n, 0))
				bad_value(code == L_MTU ? "mtu" : "txqueuelen", w);
			attr = code == L_MTU ? IFLA_MTU : IFLA_TXQLEN;
			goto put;
		case L_NETNS:
			if (a->has_netns)
				ip_duparg("netns", w);
			parse_netns(a, w);
			a->has_netns = 1;
			break;
		case L_MASTER:
			n = rtnl_link_index(ip_sock(), w);
			if (n <= 0)
				ip_invarg("Device does not exist\n", w);
			goto put;
		case L_VRF:
			if (!NSBOX_FEATURE_VRF)
				NSBOX_LEFT_OUT("link vrf", "NSBOX_FEATURE_VRF");
			if (!(n = NSBOX_FEATURE_VRF ? ip_vrf_index(w) : 0))
				ip_invarg("Not a valid VRF name\n", w);
			goto put;
		case L_NOMASTER:
			n = 0;
			goto put;
		case L_ADDR:
		case L_BRD:
			n = lladdr_parse(w, lladdr, sizeof(lladdr), &bad, &blen);
			if (n < 0 || n > (int)sizeof(lladdr))
				ip_fail(1, "\"%.*s\" is invalid lladdr.\n", blen, bad);
			/* an empty one is not sent */
			if (n > 0)
				nlb_put(&a->ab, code == L_ADDR ? IFLA_ADDRESS : IFLA_BROADCAST, lladdr, (size_t)n);
			if (code == L_ADDR)
				a->addr_len = n;
			break;
		case L_ALIAS:
			if (strlen(w) >= 256)
				ip_invarg("alias too long\n", w);
			nlb_put_str(&a->ab, IFLA_IFALIAS, w);
			break;
		case L_GROUP:
			v = 0;
			if (strcmp(w, "default") && parse_u32(w, &v, 0))
				bad_value("group", w);
			n = (int32_t)v;
			attr = IFLA_GROUP;
			goto put;
		case L_TYPE:
			if (is_peer)   /* iproute2 names the peer's kind */
				ip_duparg("type", w);
			return argc0 - argc;
		case L_HELP:
			sputs(ERR, USAGE_TEXT(link_usage));
			out_exit(255);
		case L_DEV:
			if (a->dev)
				ip_duparg2("dev", w);
			if (ip_check_ifname(w, (size_t)-1))
				ip_invarg("\"dev\" not a valid ifname", w);
			a->dev = w;
			break;
		default:   /* L_CARRIER, L_ARP .. L_DYNAMIC, then extra_word's */
			if (NSBOX_FEATURE_IP_EXTRAS && code >= L_PROTODOWN) {
				n = extra_word(a, code, k, argc, argv);
				argc -= n, argv += n;
				break;
			}
			if ((on = kw_whole(off_on, w)) < 0)
				bad_on_off(k, w, code == L_CARRIER);
			if (code == L_CARRIER) {
				nlb_put_u8(&a->ab, IFLA_CARRIER, (uint8_t)on);
				break;
			}
			/* NOARP, NOTRAILERS are set by "arp off", "trailers off": the words name the
			 * opposite of the bits. */
			if (code <= L_TRAILERS)
				on = !on;
			bit = lword_bits[code - L_ARP];
			a->req.flags = on ? a->req.flags | bit : a->req.flags & ~bit;
			a->req.change |= bit;
		}
		continue;
	put:
		nlb_put_u32(&a->ab, attr, (uint32_t)n);
	}
	return argc0 - argc;
}

/* l[0] the device, l[1] its veth peer (used or not): their attributes into their requests,
 * once their words are all read, and the request sent. */
static int send_link(struct link_args *l, uint16_t nlflags)
{
	char buf[RTNL_BUF];
	struct nlb b;
	int err, i;

	for (i = 0; i < 2; i++) {
		l[i].req.attrs = nlb_attrs(&l[i].ab);
		l[i].req.attrs_len = nlb_attrs_len(&l[i].ab);
	}
	rtnl_link_build(&b, buf, sizeof(buf), nlflags | NLM_F_ACK, &l[0].req);
	b.overflow |= l[0].ab.overflow | l[1].ab.overflow;
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	/* A batch goes on: the namespace fds are done with (iproute2 keeps them open). */
	for (i = 0; i < 2; i++)
		if (l[i].netns_fd >= 0)
			sys_close(l[i].netns_fd);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

/* The words after "type KIND" for kinds other than veth. */
static void kind_words(struct link_req *r, int argc, char **argv)
{
	/* Kinds iproute2 knows but that take no words: the words are ignored. */
	static const char *const wordless[] = { "dummy", "ifb", "netdevsim", "nlmon", "team",
						 "vcan", "virt_wifi", "tun", NULL };
	const char *const *k;

	if (!NSBOX_FEATURE_LINK_KINDS && argc > 0)
		NSBOX_LEFT_OUT("options of link kinds", "NSBOX_FEATURE_LINK_KINDS");
	if (argc <= 0 || (NSBOX_FEATURE_LINK_KINDS && ip_link_kind_opts(r, argc, argv) == 0))
		return;
	for (k = wordless; *k && strcmp(*k, r->kind); k++)
		;
	if (*k) {
		r->empty_data = 1;
		return;
	}
	if (kw_is(argv[0], "help")) {
		sputs(ERR, USAGE_TEXT(link_usage));
		out_exit(255);
	}
	ip_fail(1, "Garbage instead of arguments \"%s ...\". Try \"ip link help\".\n", argv[0]);
}

/* A new device's name: "name N" and "dev D" (or a bare D) must agree. */
static void new_name(struct link_args *a)
{
	if (!a->req.name)
		a->req.name = a->dev;
	else if (a->dev && strcmp(a->dev, a->req.name))
		die(255, "both \"name\" and \"dev\" cannot be used when creating devices.\n");
}

static _Noreturn void veth_usage(void)
{
	outs("Usage: ip link <options> type veth [peer <options>]\n"
	     "To get <options> type 'ip link add help'\n");
	ip_fail(1, "%s", "");
}

/* The length of a device's hardware address, which a new address must have (as iproute2
 * checks before asking the kernel). */
static int take_alen(const struct nlmsghdr *h, void *arg)
{
	struct link_info li;

	if (rtnl_link_parse(h, &li) == 0 && li.tb[IFLA_ADDRESS])
		*(int *)arg = (int)nla_len(li.tb[IFLA_ADDRESS]);
	return 0;
}

/* ip link add (cmd L_CMD_ADD), set, delete: the same words (iproute2 parses set and delete
 * alike; the kernel ignores what a delete does not need). */
enum { L_CMD_SET, L_CMD_DEL, L_CMD_ADD };

static int link_modify(int argc, char **argv, int cmd)
{
	static struct link_args l[2];
	struct link_args *a = &l[0], *peer = &l[1];
	int n, alen = -1;

	link_args_init(a);
	link_args_init(peer);
	a->req.del = cmd == L_CMD_DEL;
	n = parse_link(argc, argv, a, 0);
	argc -= n, argv += n;
	/* index: a new device's ifi_index, or IFLA_NEW_IFINDEX of one moved to another netns */
	if (NSBOX_FEATURE_IP_EXTRAS && a->index) {
		if (cmd == L_CMD_ADD)
			a->req.index = a->index;
		else if (a->has_netns)
			nlb_put_u32(&a->ab, IFLA_NEW_IFINDEX, (uint32_t)a->index);
		else
			die(255, "index can be used only when creating devices or when moving device to "
			    "another netns.\n");
	}
	if (cmd == L_CMD_ADD) {
		if (argc == 1)
			ip_incomplete();
		new_name(a);
		if (a->link)
			a->req.link = ip_xindex(a->link);
		if (argc < 2)
			ip_fail(1, "Not enough information: \"type\" argument is required\n");
	} else {
		if (!a->dev)
			die(255, "Not enough information: \"dev\" argument is required.\n");
		a->req.index = ip_xindex(a->dev);
		if (a->req.name && !strcmp(a->req.name, a->dev))
			a->req.name = NULL;
		if (argc == 1)
			ip_incomplete();
	}
	if (argc > 0) {
		a->req.kind = argv[1];
		argc -= 2, argv += 2;
		if (cmd != L_CMD_ADD || strcmp(a->req.kind, "veth")) {
			kind_words(&a->req, argc, argv);
		} else {
			if (argc > 0) {
				if (strcmp(argv[0], "peer"))
					veth_usage();
				parse_link(argc - 1, argv + 1, peer, 1);
				new_name(peer);
				if (NSBOX_FEATURE_IP_EXTRAS)
					peer->req.index = peer->index;
			}
			a->req.peer = &peer->req;
		}
	}
	if (a->addr_len > 0 && cmd == L_CMD_SET) {
		rtnl_link_get(ip_sock(), NULL, a->req.index, RTEXT_FILTER_SKIP_STATS, take_alen, &alen);
		if (alen >= 0 && alen != a->addr_len)
			ip_fail(1, "Invalid address length %d - must be %d bytes\n", a->addr_len, alen);
	}
	return send_link(l, cmd == L_CMD_ADD ? NLM_F_CREATE | NLM_F_EXCL : 0);
}

static int link_add(int argc, char **argv)
{
	return link_modify(argc, argv, L_CMD_ADD);
}

static int link_set(int argc, char **argv)
{
	return link_modify(argc, argv, L_CMD_SET);
}

static int link_del(int argc, char **argv)
{
	return link_modify(argc, argv, L_CMD_DEL);
}

static int link_show(int argc, char **argv)
{
	return show_links(argc, argv, 1, link_usage);
}

static _Noreturn void link_usage_exit(void)
{
	sputs(ERR, USAGE_TEXT(link_usage));
	out_exit(255);
}

/* ip link property add|del [dev] DEV [altname NAME ...] */
static int link_prop(int argc, char **argv)
{
	char buf[RTNL_BUF];
	struct nlb b;
	const char *dev = NULL;
	int add, n = 0, index, err;

	if (!NSBOX_FEATURE_IP_EXTRAS)
		NSBOX_LEFT_OUT("link property", "NSBOX_FEATURE_IP_EXTRAS");
	if (argc <= 0 || kw_is(argv[0], "help"))
		link_usage_exit();
	add = kw_is(argv[0], "add");
	if (!add && !kw_is(argv[0], "del"))
		die(255, "Operator required\n");
	/* the altnames are gathered at the front of argv, in their order */
	for (int i = 1; i < argc; i++) {
		if (kw_is(argv[i], "altname")) {
			if (++i >= argc)
				ip_incomplete();
			if (ip_check_ifname(argv[i], (size_t)-1))
				ip_invarg("not a valid altname", argv[i]);
			argv[n++] = argv[i];
		} else if (kw_is(argv[i], "help")) {
			link_usage_exit();
		} else {
			if (!strcmp(argv[i], "dev") && ++i >= argc)
				ip_incomplete();
			if (dev)
				ip_duparg2("dev", argv[i]);
			if (ip_check_ifname(argv[i], (size_t)-1))
				ip_invarg("\"dev\" not a valid ifname", argv[i]);
			dev = argv[i];
		}
	}
	if (!dev)
		die(255, "Not enough of information: \"dev\" argument is required.\n");
	if (!(index = ip_ll_index(dev)))
		ip_fail(1, "Cannot find device \"%s\"\n", dev);
	rtnl_link_prop_build(&b, buf, sizeof(buf), add, ipo.family, index, argv, n);
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

static int link_xstats(int argc, char **argv)
{
	if (!NSBOX_FEATURE_IP_LINK_STATS)
		NSBOX_LEFT_OUT("link xstats", "NSBOX_FEATURE_IP_LINK_STATS");
	return ip_link_xstats(argc, argv);
}

static int link_afstats(int argc, char **argv)
{
	if (!NSBOX_FEATURE_IP_LINK_STATS)
		NSBOX_LEFT_OUT("link afstats", "NSBOX_FEATURE_IP_LINK_STATS");
	return ip_link_afstats(argc, argv, link_usage);
}

static const char link_names[] = "add\0set\0change\0delete\0show\0lst\0list\0xstats\0afstats\0property\0";
static ip_cmd_fn *const link_fns[] = { link_add, link_set, link_set, link_del, link_show, link_show,
				       link_show, link_xstats, link_afstats, link_prop };

int do_link(int argc, char **argv)
{
	if (argc < 1)
		return show_links(0, NULL, 1, link_usage);
	return ip_dispatch_names(link_names, link_fns, "link", link_usage, argc, argv);
}
