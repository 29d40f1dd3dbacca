/* bridge mdb: the multicast group database (RTM_GETMDB dumps, RTM_NEWMDB / RTM_DELMDB). */
#include <string.h>
#include <sys/socket.h>
#include <net/if_arp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include "lib.h"
#include "out.h"
#include "inet.h"
#include "br.h"
#include "ip_print.h"

NSBOX_USAGE(mdb_usage,
	"Usage: bridge mdb { add | del } dev DEV port PORT grp GROUP [src SOURCE] [permanent | temp] [vid VID]\n"
	NSBOX_USAGE_MORE("       bridge mdb {show} [ dev DEV ] [ vid VID ]\n"));

static int filter_index;
static unsigned filter_vlan;


/* Ticks in hundredths of a second, as "%4lu.%.2lu" (aligned) or "%lu.%.2lu". */
static const char *format_timer(uint32_t ticks, int align, char *buf)
{
	bfmt(buf, 32, align ? "%4lu.%.2lu" : "%lu.%.2lu", (unsigned long)(ticks / 100), (unsigned long)(ticks % 100));
	return buf;
}

void br_print_router_port_stats(const struct nlattr *port)
{
	struct nlattr *tb[MDBA_ROUTER_PATTR_MAX + 1];
	char buf[32];

	if (nla_len(port) < 4 || nla_parse(tb, MDBA_ROUTER_PATTR_MAX, (char *)nla_data(port) + 4, nla_len(port) - 4) < 0)
		return;
	if (tb[MDBA_ROUTER_PATTR_TIMER])
		pr_str(PR_ANY, "timer", " %s", format_timer(br_attr_u(tb[MDBA_ROUTER_PATTR_TIMER]), 1, buf));
	if (tb[MDBA_ROUTER_PATTR_TYPE]) {
		unsigned t = br_attr_u(tb[MDBA_ROUTER_PATTR_TYPE]) & 0xff;

		pr_str(PR_ANY, "type", " %s", t == MDB_RTR_TYPE_TEMP_QUERY || t == MDB_RTR_TYPE_TEMP ? "temp" : "permanent");
	}
}

static void print_router_ports(const struct nlattr *attr, const char *brname)
{
	const struct nlattr *i;
	size_t rem;

	if (IPO_JSON)
		pr_arr_open(PR_JSON, brname);
	else if (!ipo.stats)
		outf("router ports on %s: ", brname);
	nla_for_each(i, nla_data(attr), nla_len(attr), rem) {
		const char *port = ifname_of((int)br_attr_u(i));

		if (IPO_JSON) {
			pr_obj_open(NULL);
			pr_str(PR_JSON, "port", NULL, port);
			if (ipo.stats)
				br_print_router_port_stats(i);
			pr_obj_close();
		} else if (ipo.stats) {
			outf("router ports on %s: %s", brname, port);
			br_print_router_port_stats(i);
			outs("\n");
		} else {
			outf("%s ", port);
		}
	}
	if (!ipo.stats)
		pr_nl();
	pr_arr_close(PR_JSON, NULL);
}

static void print_src_entry(const struct nlattr *src, int af, const char *sep)
{
	struct nlattr *stb[MDBA_MDB_SRCATTR_MAX + 1];
	char abuf[PR_ADDRSZ], tbuf[32];
	const struct nlattr *a;

	if (nla_parse_nested(stb, MDBA_MDB_SRCATTR_MAX, src) < 0 || !(a = stb[MDBA_MDB_SRCATTR_ADDRESS]) ||
	    !stb[MDBA_MDB_SRCATTR_TIMER] || nla_len(a) < (size_t)inet_alen(af))
		return;
	pr_obj_open(NULL);
	pr_text("%s", sep);
	br_cstr(af == AF_INET6 ? BR_C_INET6 : BR_C_INET, "address", "%s", fmt_inet(af, nla_data(a), (size_t)inet_alen(af), abuf));
	pr_str(PR_ANY, "timer", "/%s", format_timer(br_attr_u(stb[MDBA_MDB_SRCATTR_TIMER]), 0, tbuf));
	pr_obj_close();
}

static void print_mdb_entry(int ifindex, const struct br_mdb_entry *e, struct nlattr **tb)
{
	char abuf[PR_ADDRSZ], pbuf[PR_NAMESZ], tbuf[32];
	const void *grp;
	int af;

	if (filter_vlan && e->vid != filter_vlan)
		return;
	if (!e->addr.proto) {
		af = AF_PACKET;
		grp = e->addr.u.mac_addr;
	} else if (e->addr.proto == htons(ETH_P_IP)) {
		af = AF_INET;
		grp = &e->addr.u.ip4;
	} else {
		af = AF_INET6;
		grp = &e->addr.u.ip6;
	}
	pr_obj_open(NULL);
	pr_int(PR_JSON, "index", NULL, ifindex);
	br_cstr(BR_C_IFNAME, "dev", "dev %s", ifname_of(ifindex));
	pr_str(PR_ANY, "port", " port %s", ifname_of((int)e->ifindex));
	if (af == AF_PACKET)
		fmt_lladdr(grp, ETH_ALEN, ARPHRD_ETHER, abuf);
	else
		fmt_inet(af, grp, (size_t)inet_alen(af), abuf);
	br_cstr(af == AF_INET ? BR_C_INET : af == AF_INET6 ? BR_C_INET6 : BR_C_NONE, "grp", " grp %s", abuf);
	if (tb && tb[MDBA_MDB_EATTR_SOURCE] && af != AF_PACKET && nla_len(tb[MDBA_MDB_EATTR_SOURCE]) >= (size_t)inet_alen(af))
		br_cstr(af == AF_INET6 ? BR_C_INET6 : BR_C_INET, "src", " src %s", fmt_inet(af, nla_data(tb[MDBA_MDB_EATTR_SOURCE]), (size_t)inet_alen(af), abuf));
	pr_str(PR_ANY, "state", " %s", (e->state & MDB_PERMANENT) ? "permanent" : "temp");
	if (IPO_DETAILS && tb) {
		if (tb[MDBA_MDB_EATTR_GROUP_MODE])
			pr_str(PR_ANY, "filter_mode", " filter_mode %s",
			       (br_attr_u(tb[MDBA_MDB_EATTR_GROUP_MODE]) & 0xff) == MCAST_INCLUDE ? "include" : "exclude");
		if (tb[MDBA_MDB_EATTR_SRC_LIST]) {
			const struct nlattr *i;
			const char *sep = " ";
			size_t rem;

			pr_arr_open(PR_ANY, IPO_JSON ? "source_list" : " source_list");
			nla_for_each(i, nla_data(tb[MDBA_MDB_EATTR_SRC_LIST]), nla_len(tb[MDBA_MDB_EATTR_SRC_LIST]), rem) {
				print_src_entry(i, af, sep);
				sep = ",";
			}
			pr_arr_close(PR_JSON, NULL);
		}
		if (tb[MDBA_MDB_EATTR_RTPROT])
			pr_str(PR_ANY, "protocol", " proto %s ", name_proto(br_attr_u(tb[MDBA_MDB_EATTR_RTPROT]) & 0xff, pbuf));
	}
	pr_arr_open(PR_JSON, "flags");
	/* MDB_FLAGS_OFFLOAD, _FAST_LEAVE, _STAR_EXCL, _BLOCKED: bits 0 to 3 */
	for (int i = 0; i < 4; i++)
		if (e->flags >> i & 1)
			pr_str(PR_ANY, NULL, " %s", kw_nth("offload\0fast_leave\0added_by_star_ex\0blocked\0", i));
	pr_arr_close(PR_JSON, NULL);
	if (e->vid)
		pr_uint(PR_ANY, "vid", " vid %u", e->vid);
	if (ipo.stats && tb && tb[MDBA_MDB_EATTR_TIMER])
		pr_str(PR_ANY, "timer", " %s", format_timer(br_attr_u(tb[MDBA_MDB_EATTR_TIMER]), 1, tbuf));
	pr_nl();
	pr_obj_close();
}

static void print_mdb_entries(int ifindex, const struct nlattr *mdb)
{
	const struct nlattr *ent, *i;
	size_t rem, rem2;

	nla_for_each(ent, nla_data(mdb), nla_len(mdb), rem) {
		nla_for_each(i, nla_data(ent), nla_len(ent), rem2) {
			struct nlattr *etb[MDBA_MDB_EATTR_MAX + 1];
			struct br_mdb_entry e;
			size_t hl = NLA_ALIGN(sizeof(e));

			if (nla_len(i) < sizeof(e))
				continue;
			memcpy(&e, nla_data(i), sizeof(e));
			if (nla_len(i) < hl || nla_parse(etb, MDBA_MDB_EATTR_MAX, (char *)nla_data(i) + hl, nla_len(i) - hl) < 0)
				memset(etb, 0, sizeof(etb));
			print_mdb_entry(ifindex, &e, etb);
		}
	}
}

static void print_router_entries(const struct nlmsghdr *h, int ifindex, const struct nlattr *router)
{
	const char *brname = ifname_of(ifindex);

	if (h->nlmsg_type == RTM_GETMDB) {
		if (IPO_DETAILS)
			print_router_ports(router, brname);
	} else if (nla_len(router) >= NLA_HDRLEN + 4) {
		const char *port = ifname_of((int)br_attr_u((const struct nlattr *)nla_data(router)));

		if (IPO_JSON) {
			pr_arr_open(PR_JSON, brname);
			pr_obj_open(NULL);
			pr_str(PR_JSON, "port", NULL, port);
			pr_obj_close();
			pr_arr_close(PR_JSON, NULL);
		} else {
			outf("router port dev %s master %s\n", port, brname);
		}
	}
}

/* 1 with tb filled, 0 to skip, -1 for a message too short. */
static int parse_mdb(const struct nlmsghdr *h, struct nlattr **tb)
{
	const struct br_port_msg *r = nlmsg_data(h);
	int ret = br_msg_check(h, h->nlmsg_type == RTM_GETMDB || h->nlmsg_type == RTM_NEWMDB || h->nlmsg_type == RTM_DELMDB,
			       "Not RTM_GETMDB, RTM_NEWMDB or RTM_DELMDB", sizeof(*r));

	if (ret != 1)
		return ret;
	if (filter_index && filter_index != (int)r->ifindex)
		return 0;
	return rtnl_br_parse(h, sizeof(*r), tb, MDBA_MAX) < 0 ? -1 : 1;
}

/* One message of the mdb dump: its entries, or with a non-NULL arg its router ports. */
static int mdb_cb(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[MDBA_MAX + 1];
	int ret = parse_mdb(h, tb), ifindex;

	if (ret != 1)
		return ret;
	ifindex = (int)((const struct br_port_msg *)nlmsg_data(h))->ifindex;
	if (arg) {
		if (tb[MDBA_ROUTER])
			print_router_entries(h, ifindex, tb[MDBA_ROUTER]);
		return 0;
	}
	if (tb[MDBA_MDB])
		print_mdb_entries(ifindex, tb[MDBA_MDB]);
	out_record_end();
	return 0;
}

int br_print_mdb_mon(const struct nlmsghdr *h)
{
	struct nlattr *tb[MDBA_MAX + 1];
	int ret = parse_mdb(h, tb), ifindex;

	if (ret != 1)
		return ret;
	ifindex = (int)((const struct br_port_msg *)nlmsg_data(h))->ifindex;
	if (br_banner)
		outs("[MDB]");
	if (h->nlmsg_type == RTM_DELMDB)
		pr_bool(PR_ANY, "deleted", "Deleted ", 1);
	if (tb[MDBA_MDB])
		print_mdb_entries(ifindex, tb[MDBA_MDB]);
	if (tb[MDBA_ROUTER])
		print_router_entries(h, ifindex, tb[MDBA_ROUTER]);
	return 0;
}

static int mdb_show(int argc, char **argv)
{
	struct br_port_msg bpm = { .family = AF_BRIDGE };
	struct br_req r;

	filter_vlan = 0;
	filter_index = br_show_filter(argc, argv, &filter_vlan);
	pr_begin();
	pr_obj_open(NULL);
	br_req_init(&r, RTM_GETMDB, 0, &bpm, sizeof(bpm));
	pr_arr_open(PR_JSON, "mdb");
	br_dump(&r, mdb_cb, NULL);
	pr_arr_close(PR_JSON, NULL);
	br_req_init(&r, RTM_GETMDB, 0, &bpm, sizeof(bpm));
	pr_obj_open("router");
	br_dump(&r, mdb_cb, &r);
	pr_obj_close();
	pr_obj_close();
	pr_end();
	return 0;
}

/* iproute2's mdb_parse_grp: IPv4, IPv6, else a MAC address. */
static int parse_grp(const char *s, struct br_mdb_entry *e)
{
	unsigned char mac[ETH_ALEN];
	const char *bad;
	int n, blen;

	if (inet_pton(AF_INET, s, &e->addr.u.ip4) == 1) {
		e->addr.proto = htons(ETH_P_IP);
		return 0;
	}
	if (inet_pton(AF_INET6, s, &e->addr.u.ip6) == 1) {
		e->addr.proto = htons(ETH_P_IPV6);
		return 0;
	}
	n = lladdr_parse(s, mac, ETH_ALEN, &bad, &blen);
	if (n == ETH_ALEN) {
		memcpy(e->addr.u.mac_addr, mac, ETH_ALEN);
		e->addr.proto = 0;
		return 0;
	}
	if (n < 0)
		errf("\"%.*s\" is invalid lladdr.\n", blen, bad);
	return -1;
}

void br_mdb_modify_req(struct br_req *r, uint16_t cmd, uint16_t nlflags, int argc, char **argv)
{
	struct br_port_msg bpm = { .family = AF_BRIDGE };
	/* the values of dev, grp, port, vid, src */
	const char *val[5] = { NULL, NULL, NULL, NULL, NULL };
	const char *dev, *grp, *port, *src;
	struct br_mdb_entry e;

	memset(&e, 0, sizeof(e));
	for (; argc > 0; argc--, argv++) {
		int w = br_arg("dev\0grp\0port\0vid\0src\0permanent\0temp\0", 5, &argc, &argv);

		if (w >= 0 && w < 5)
			val[w] = *argv;
		else if (w == 5 && cmd == RTM_NEWMDB)
			e.state |= MDB_PERMANENT;
		else if (w < 0 && kw_is(*argv, "help"))
			br_usage(mdb_usage);
	}
	dev = val[0], grp = val[1], port = val[2], src = val[4];
	if (!dev || !grp || !port)
		ip_fail(255, "Device, group address and port name are required arguments.\n");
	if (!(bpm.ifindex = br_index(dev)))
		br_nodev(dev);
	if (!(e.ifindex = (uint32_t)br_index(port)))
		br_nodev(port);
	/* iproute2's lladdr parser cuts the word at each ':' it reads: the message names the first part. */
	if (parse_grp(grp, &e))
		ip_fail(255, "Invalid address \"%.*s\"\n", strchr(grp, '.') ? (int)strlen(grp) : (int)strcspn(grp, ":"), grp);
	e.vid = val[3] ? (uint16_t)br_atoi(val[3]) : 0;
	br_req_init(r, cmd, nlflags, &bpm, sizeof(bpm));
	br_req_put(r, MDBA_SET_ENTRY, &e, sizeof(e));
	if (src) {
		unsigned char a[16];

		br_req_nest(r, MDBA_SET_ENTRY_ATTRS | NLA_F_NESTED);
		if (inet_pton(AF_INET, src, a) == 1)
			br_req_put(r, MDBE_ATTR_SOURCE, a, 4);
		else if (inet_pton(AF_INET6, src, a) == 1)
			br_req_put(r, MDBE_ATTR_SOURCE, a, 16);
		else
			ip_fail(255, "Invalid source address \"%s\"\n", src);
		br_req_end(r);
	}
}

static int mdb_modify(uint16_t cmd, uint16_t nlflags, int argc, char **argv)
{
	struct br_req r;

	br_mdb_modify_req(&r, cmd, nlflags, argc, argv);
	br_talk(&r);
	return 0;
}

int br_do_mdb(int argc, char **argv)
{
	int i = argc > 0 ? br_cmd("1add\0" "1delete\0" "1show\0" "1lst\0" "1list\0", "mdb", mdb_usage, *argv) : 2;

	if (i == 0)
		return mdb_modify(RTM_NEWMDB, NLM_F_CREATE | NLM_F_EXCL, argc - 1, argv + 1);
	if (i == 1)
		return mdb_modify(RTM_DELMDB, 0, argc - 1, argv + 1);
	return mdb_show(argc - 1, argv + 1);
}
