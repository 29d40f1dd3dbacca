/* bridge vlan: port VLANs and their tunnel ids (RTM_SETLINK/RTM_DELLINK with IFLA_AF_SPEC, the
 * RTEXT_FILTER_BRVLAN link dump), per-VLAN options and global options (RTM_NEWVLAN, the
 * RTM_GETVLAN dump of -d and "global"), and -s's statistics (RTM_GETSTATS). */
#include <string.h>
#include <sys/socket.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include "lib.h"
#include "out.h"
#include "br.h"
#include "ip_print.h"

NSBOX_USAGE(vlan_usage,
	"Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]\n"
	NSBOX_USAGE_MORE("                                                     [ pvid ] [ untagged ]\n"
	"                                                     [ self ] [ master ]\n"
	"       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]\n"
	"                                               [ mcast_router MULTICAST_ROUTER ]\n"
	"       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]\n"
	"       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]\n"
	"       bridge vlan global { set } vid VLAN_ID dev DEV\n"
	"                      [ mcast_snooping MULTICAST_SNOOPING ]\n"
	"                      [ mcast_querier MULTICAST_QUERIER ]\n"
	"                      [ mcast_igmp_version IGMP_VERSION ]\n"
	"                      [ mcast_mld_version MLD_VERSION ]\n"
	"                      [ mcast_last_member_count LAST_MEMBER_COUNT ]\n"
	"                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n"
	"                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n"
	"                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n"
	"                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n"
	"                      [ mcast_querier_interval QUERIER_INTERVAL ]\n"
	"                      [ mcast_query_interval QUERY_INTERVAL ]\n"
	"                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n"
	"       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]\n"));

enum { SHOW_VLAN, SHOW_TUNNEL };
#define VLAN_ID_LEN 9

static int filter_index;
static unsigned filter_vlan;
static int cur_ifidx = -1;   /* the port an RTM_NEWVLAN listing has open, -1 none */


/* A VID word: "N" or "N-M", each atoi'd into a short as iproute2 does. */
static void parse_vid(char *s, int *vid, int *vid_end)
{
	char *dash = strchr(s, '-');

	*vid_end = -1;
	if (dash) {
		*dash = 0;
		*vid = (int16_t)br_atoi(s);
		*vid_end = (int16_t)br_atoi(dash + 1);
	} else {
		*vid = (int16_t)br_atoi(s);
	}
}

static void parse_tun_id(char *s, uint32_t *v, const char *whole)
{
	if (!*s || *s == '-' || parse_u32(s, v, 0) || *v >= 1u << 24)
		ip_invarg("invalid tun id", whole);
}

static void put_tunnel(struct br_req *r, uint16_t vid, uint32_t id, uint16_t flags)
{
	br_req_nest(r, IFLA_BRIDGE_VLAN_TUNNEL_INFO);
	br_req_u32(r, IFLA_BRIDGE_VLAN_TUNNEL_ID, id);
	br_req_u16(r, IFLA_BRIDGE_VLAN_TUNNEL_VID, vid);
	br_req_u16(r, IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, flags);
	br_req_end(r);
}

void br_vlan_modify_req(struct br_req *r, uint16_t cmd, int argc, char **argv)
{
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	uint16_t vflags = 0, flags = 0;
	const char *dev = NULL;
	int vid = -1, vid_end = -1, tunnel = 0;
	uint32_t tun_start = 0, tun_end = 0;

	for (; argc > 0; argc--, argv++) {
		int w = br_arg("dev\0vid\0tunnel_info\0self\0master\0pvid\0untagged\0", 3, &argc, &argv);
		char *t;

		if (w == 0) {
			dev = *argv;
		} else if (w == 1) {
			if (strchr(*argv, '-'))
				vflags |= BRIDGE_VLAN_INFO_RANGE_BEGIN;
			parse_vid(*argv, &vid, &vid_end);
		} else if (w == 3) {
			flags |= BRIDGE_FLAGS_SELF;
		} else if (w == 4) {
			flags |= BRIDGE_FLAGS_MASTER;
		} else if (w == 5) {
			vflags |= BRIDGE_VLAN_INFO_PVID;
		} else if (w == 6) {
			vflags |= BRIDGE_VLAN_INFO_UNTAGGED;
		} else if (w == 2) {
			if (!kw_is(*argv, "id"))
				ip_invarg("tunnel id expected", *argv);
			BR_NEXT_ARG();
			if ((t = strchr(*argv, '-'))) {
				*t = 0;
				parse_tun_id(*argv, &tun_start, *argv);
				parse_tun_id(t + 1, &tun_end, *argv);
			} else {
				parse_tun_id(*argv, &tun_start, *argv);
			}
			tunnel = 1;
		} else if (kw_is(*argv, "help")) {
			BR_NEXT_ARG();
		}
	}
	if (!dev || vid == -1)
		ip_fail(255, "Device and VLAN ID are required arguments.\n");
	if (!(ifi.ifi_index = br_index(dev)))
		ip_fail(255, "Cannot find bridge device \"%s\"\n", dev);
	if (vid >= 4096)
		ip_fail(255, "Invalid VLAN ID \"%hu\"\n", (unsigned short)vid);
	if (vflags & BRIDGE_VLAN_INFO_RANGE_BEGIN) {
		if (vid_end == -1 || vid_end >= 4096 || vid >= vid_end)
			ip_fail(255, "Invalid VLAN range \"%hu-%hu\"\n", (unsigned short)vid, (unsigned short)vid_end);
		if (vflags & BRIDGE_VLAN_INFO_PVID)
			ip_fail(255, "pvid cannot be configured for a vlan range\n");
	}
	br_req_init(r, cmd, 0, &ifi, sizeof(ifi));
	br_req_nest(r, IFLA_AF_SPEC);
	if (flags)
		br_req_u16(r, IFLA_BRIDGE_FLAGS, flags);
	if (tunnel) {
		if (vid_end != -1 && vid_end - vid > 0) {
			put_tunnel(r, (uint16_t)vid, tun_start, BRIDGE_VLAN_INFO_RANGE_BEGIN);
			put_tunnel(r, (uint16_t)vid_end, tun_end, BRIDGE_VLAN_INFO_RANGE_END);
		} else {
			put_tunnel(r, (uint16_t)vid, tun_start, 0);
		}
	} else {
		struct bridge_vlan_info v = { .flags = vflags, .vid = (uint16_t)vid };

		br_req_put(r, IFLA_BRIDGE_VLAN_INFO, &v, sizeof(v));
		if (vid_end != -1) {
			v.flags = (uint16_t)((vflags & ~BRIDGE_VLAN_INFO_RANGE_BEGIN) | BRIDGE_VLAN_INFO_RANGE_END);
			v.vid = (uint16_t)vid_end;
			br_req_put(r, IFLA_BRIDGE_VLAN_INFO, &v, sizeof(v));
		}
	}
	br_req_end(r);
}

static int vlan_modify(uint16_t cmd, int argc, char **argv)
{
	struct br_req r;

	br_vlan_modify_req(&r, cmd, argc, argv);
	br_talk(&r);
	return 0;
}

/* "vid N[-M]" of vlan set and vlan global set: checked at once; -1 = no range. */
static int parse_opt_vid(char *s, int *vid)
{
	int end;

	parse_vid(s, vid, &end);
	if (end != -1 && (*vid >= end || end >= 4096))
		ip_fail(255, "Invalid VLAN range \"%hu-%hu\"\n", (unsigned short)*vid, (unsigned short)end);
	if (*vid >= 4096)
		ip_fail(255, "Invalid VLAN ID \"%hu\"\n", (unsigned short)*vid);
	return end;
}

static int opt_dev(const char *name)
{
	int idx = br_index(name);

	if (!idx)
		ip_fail(255, "Cannot find network device \"%s\"\n", name);
	return idx;
}

/* The end of vlan set and vlan global set: the header goes in last, with the device's index. */
static void opts_end(struct br_req *r, const char *dev, int vid, const struct br_vlan_msg *bvm)
{
	br_req_end(r);
	if (!dev || vid == -1)
		ip_fail(255, "Device and VLAN ID are required arguments.\n");
	memcpy(r->hdr, bvm, sizeof(*bvm));
}

void br_vlan_set_req(struct br_req *r, int argc, char **argv)
{
	struct br_vlan_msg bvm = { .family = AF_BRIDGE };
	const char *dev = NULL;
	int vid = -1;

	br_req_init(r, RTM_NEWVLAN, 0, &bvm, sizeof(bvm));
	br_req_nest(r, BRIDGE_VLANDB_ENTRY | NLA_F_NESTED);
	for (; argc > 0; argc--, argv++) {
		int w = br_arg("dev\0vid\0state\0mcast_router\0", 4, &argc, &argv);
		struct bridge_vlan_info v = { .flags = BRIDGE_VLAN_INFO_ONLY_OPTS };
		uint64_t u;
		uint32_t n;
		int state, end;

		if (w == 0) {
			dev = *argv;
			bvm.ifindex = (uint32_t)opt_dev(dev);
		} else if (w == 1) {
			end = parse_opt_vid(*argv, &vid);
			v.vid = (uint16_t)vid;
			br_req_put(r, BRIDGE_VLANDB_ENTRY_INFO, &v, sizeof(v));
			if (end != -1)
				br_req_u16(r, BRIDGE_VLANDB_ENTRY_RANGE, (uint16_t)end);
		} else if (w == 2) {
			if (**argv && !parse_u32(*argv, &n, 10))
				state = (int)n;
			else
				state = br_stp_state(*argv);
			if (state == -1)
				ip_fail(255, "Error: invalid STP state\n");
			br_req_u8(r, BRIDGE_VLANDB_ENTRY_STATE, (uint8_t)state);
		} else if (w == 3) {
			if (br_get_u64(&u, *argv, 0xff))
				ip_invarg("invalid mcast_router", *argv);
			br_req_u8(r, BRIDGE_VLANDB_ENTRY_MCAST_ROUTER, (uint8_t)u);
		} else if (kw_is(*argv, "help")) {
			BR_NEXT_ARG();
		}
	}
	opts_end(r, dev, vid, &bvm);
}


/* Global options, in the order iproute2 prints them (then vlan global set's other words): the
 * attribute and its width in bytes. mcast_last_member_count shows when the MLD version is
 * there, as in iproute2 6.1. */
static const char gopt_words[] = "mcast_snooping\0mcast_querier\0mcast_igmp_version\0mcast_mld_version\0"
	"mcast_last_member_count\0mcast_last_member_interval\0mcast_startup_query_count\0"
	"mcast_startup_query_interval\0mcast_membership_interval\0mcast_querier_interval\0"
	"mcast_query_interval\0mcast_query_response_interval\0dev\0vid\0help\0";
static const struct { uint8_t type, size; } gopts[] = {
	{ BRIDGE_VLANDB_GOPTS_MCAST_SNOOPING, 1 }, { BRIDGE_VLANDB_GOPTS_MCAST_QUERIER, 1 },
	{ BRIDGE_VLANDB_GOPTS_MCAST_IGMP_VERSION, 1 }, { BRIDGE_VLANDB_GOPTS_MCAST_MLD_VERSION, 1 },
	{ BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_CNT, 4 }, { BRIDGE_VLANDB_GOPTS_MCAST_LAST_MEMBER_INTVL, 8 },
	{ BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_CNT, 4 }, { BRIDGE_VLANDB_GOPTS_MCAST_STARTUP_QUERY_INTVL, 8 },
	{ BRIDGE_VLANDB_GOPTS_MCAST_MEMBERSHIP_INTVL, 8 }, { BRIDGE_VLANDB_GOPTS_MCAST_QUERIER_INTVL, 8 },
	{ BRIDGE_VLANDB_GOPTS_MCAST_QUERY_INTVL, 8 }, { BRIDGE_VLANDB_GOPTS_MCAST_QUERY_RESPONSE_INTVL, 8 },
};
#define NGOPTS 12

void br_vlan_global_req(struct br_req *r, int argc, char **argv)
{
	struct br_vlan_msg bvm = { .family = AF_BRIDGE };
	const char *dev = NULL;
	int vid = -1;

	br_req_init(r, RTM_NEWVLAN, 0, &bvm, sizeof(bvm));
	br_req_nest(r, BRIDGE_VLANDB_GLOBAL_OPTIONS | NLA_F_NESTED);
	for (; argc > 0; argc--, argv++) {
		int i = br_arg(gopt_words, NGOPTS + 3, &argc, &argv), end;

		if (i >= 0 && i < NGOPTS) {
			char what[48];
			uint64_t v;
			unsigned size = gopts[i].size;

			if (br_get_u64(&v, *argv, size == 1 ? 0xff : size == 4 ? 0xffffffffu : ~0ull)) {
				bfmt(what, sizeof(what), "invalid %s", argv[-1]);
				ip_invarg(what, *argv);
			}
			if (size == 1)
				br_req_u8(r, gopts[i].type, (uint8_t)v);
			else if (size == 4)
				br_req_u32(r, gopts[i].type, (uint32_t)v);
			else
				br_req_u64(r, gopts[i].type, v);
		} else if (i == NGOPTS) {
			dev = *argv;
			bvm.ifindex = (uint32_t)opt_dev(dev);
		} else if (i == NGOPTS + 1) {
			end = parse_opt_vid(*argv, &vid);
			br_req_u16(r, BRIDGE_VLANDB_GOPTS_ID, (uint16_t)vid);
			if (end != -1)
				br_req_u16(r, BRIDGE_VLANDB_GOPTS_RANGE, (uint16_t)end);
		}
	}
	opts_end(r, dev, vid, &bvm);
}


/* ---- listings ---- */

/* -1: past the filtered VID, stop; 0: skip (a range's start, or below the filter); 1: print. */
static int filter_vlan_check(unsigned vid, unsigned flags)
{
	if (filter_vlan && vid > filter_vlan && !(flags & BRIDGE_VLAN_INFO_RANGE_END))
		return -1;
	if ((flags & BRIDGE_VLAN_INFO_RANGE_BEGIN) || vid < filter_vlan)
		return 0;
	return 1;
}

static void open_port(int ifindex, int subject)
{
	pr_obj_open(NULL);
	br_cstr(BR_C_IFNAME, "ifname", "%-16s  ", ifname_of(ifindex));
	pr_arr_open(PR_JSON, subject == SHOW_VLAN ? "vlans" : "tunnels");
}

static void close_port(void)
{
	pr_arr_close(PR_JSON, NULL);
	pr_obj_close();
}

/* "N" or "N-M" (JSON: name and nameEnd); the width of the text. */
static int print_range(const char *name, unsigned start, unsigned id)
{
	char end[16], txt[24];
	int w;

	bfmt(end, sizeof(end), "%sEnd", name);
	w = bfmt(txt, sizeof(txt), "%u", start);
	pr_uint(PR_ANY, name, "%u", start);
	if (start != id) {
		w += bfmt(txt, sizeof(txt), "-%u", id);
		pr_uint(PR_ANY, end, "-%u", id);
	}
	return w;
}

static void print_vlan_flags(unsigned flags)
{
	if (!flags)
		return;
	pr_arr_open(PR_JSON, "flags");
	if (flags & BRIDGE_VLAN_INFO_PVID)
		pr_str(PR_ANY, NULL, " %s", "PVID");
	if (flags & BRIDGE_VLAN_INFO_UNTAGGED)
		pr_str(PR_ANY, NULL, " %s", "Egress Untagged");
	pr_arr_close(PR_JSON, NULL);
}

/* filter_vlan_check's answer; on 1 the entry's object is open, after the port's name (the first
 * time) or its padding. */
static int entry_begin(unsigned vid, unsigned flags, int ifindex, int what, int *opened)
{
	int chk = filter_vlan_check(vid, flags);

	if (chk <= 0)
		return chk;
	if (!*opened) {
		open_port(ifindex, what);
		*opened = 1;
	} else {
		br_pad_ifname("");
	}
	pr_obj_open(NULL);
	return 1;
}

static void print_vlan_info(const struct nlattr *list, int ifindex)
{
	const struct nlattr *i;
	size_t rem;
	unsigned last = 0;
	int opened = 0;

	nla_for_each(i, nla_data(list), nla_len(list), rem) {
		struct bridge_vlan_info v;
		int chk;

		if (i->nla_type != IFLA_BRIDGE_VLAN_INFO || nla_len(i) < sizeof(v))
			continue;
		memcpy(&v, nla_data(i), sizeof(v));
		if (!(v.flags & BRIDGE_VLAN_INFO_RANGE_END))
			last = v.vid;
		chk = entry_begin(v.vid, v.flags, ifindex, SHOW_VLAN, &opened);
		if (chk < 0)
			break;
		if (!chk)
			continue;
		print_range("vlan", last, v.vid);
		print_vlan_flags(v.flags);
		pr_obj_close();
		pr_nl();
	}
	if (opened)
		close_port();
}

static void print_tunnel_info(const struct nlattr *list, int ifindex)
{
	const struct nlattr *i;
	size_t rem;
	unsigned last_vid = 0;
	uint32_t last_id = 0;
	int opened = 0;

	nla_for_each(i, nla_data(list), nla_len(list), rem) {
		struct nlattr *tt[IFLA_BRIDGE_VLAN_TUNNEL_MAX + 1];
		unsigned vid, tflags;
		uint32_t id;
		int chk, w;

		if (i->nla_type != IFLA_BRIDGE_VLAN_TUNNEL_INFO ||
		    nla_parse_nested(tt, IFLA_BRIDGE_VLAN_TUNNEL_MAX, i) < 0 || !tt[IFLA_BRIDGE_VLAN_TUNNEL_VID])
			continue;
		vid = (unsigned)br_attr_u(tt[IFLA_BRIDGE_VLAN_TUNNEL_VID]) & 0xffff;
		id = (uint32_t)br_attr_u(tt[IFLA_BRIDGE_VLAN_TUNNEL_ID]);
		tflags = (unsigned)br_attr_u(tt[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS]) & 0xffff;
		if (!(tflags & BRIDGE_VLAN_INFO_RANGE_END)) {
			last_vid = vid;
			last_id = id;
		}
		chk = entry_begin(vid, tflags, ifindex, SHOW_TUNNEL, &opened);
		if (chk < 0)
			break;
		if (!chk)
			continue;
		w = print_range("vlan", last_vid, vid);
		if (w <= VLAN_ID_LEN)
			pr_text("%-*s  ", VLAN_ID_LEN - w, "");
		else
			errf("BUG: vlan range too wide, %u\n", (unsigned)w);
		print_range("tunid", last_id, id);
		pr_obj_close();
		pr_nl();
	}
	if (opened)
		close_port();
}

static int print_vlan_link(const struct nlmsghdr *h, void *arg)
{
	int subject = *(int *)arg;
	struct link_info li;
	int ret = br_msg_check(h, h->nlmsg_type == RTM_NEWLINK, "Not RTM_NEWLINK", sizeof(struct ifinfomsg));

	if (ret != 1)
		return ret;
	if (rtnl_link_parse(h, &li) < 0)
		return -1;
	if (li.ifi->ifi_family != AF_BRIDGE || (filter_index && filter_index != li.ifi->ifi_index) ||
	    !li.tb[IFLA_AF_SPEC])
		return 0;
	if (subject == SHOW_VLAN)
		print_vlan_info(li.tb[IFLA_AF_SPEC], li.ifi->ifi_index);
	else
		print_tunnel_info(li.tb[IFLA_AF_SPEC], li.ifi->ifi_index);
	out_record_end();
	return 0;
}

static void pad_port(void)
{
	pr_text("%-16s    ", "");
}

static void print_stats_lines(uint64_t rxb, uint64_t rxp, uint64_t txb, uint64_t txp)
{
	pad_port();
	pr_u64(PR_ANY, "rx_bytes", "RX: %llu bytes", rxb);
	pr_u64(PR_ANY, "rx_packets", " %llu packets\n", rxp);
	pad_port();
	pr_u64(PR_ANY, "tx_bytes", "TX: %llu bytes", txb);
	pr_u64(PR_ANY, "tx_packets", " %llu packets\n", txp);
}

static void print_xstats(const struct nlattr *attr, int ifindex)
{
	struct nlattr *tb[LINK_XSTATS_TYPE_MAX + 1];
	const struct nlattr *i;
	size_t rem;
	int found = 0;

	if (nla_parse_nested(tb, LINK_XSTATS_TYPE_MAX, attr) < 0 || !tb[LINK_XSTATS_TYPE_BRIDGE])
		return;
	nla_for_each(i, nla_data(tb[LINK_XSTATS_TYPE_BRIDGE]), nla_len(tb[LINK_XSTATS_TYPE_BRIDGE]), rem) {
		struct bridge_vlan_xstats vs;

		if (i->nla_type != BRIDGE_XSTATS_VLAN || nla_len(i) < sizeof(vs))
			continue;
		memcpy(&vs, nla_data(i), sizeof(vs));
		if (filter_vlan && filter_vlan != vs.vid)
			continue;
		if ((vs.flags & BRIDGE_VLAN_INFO_MASTER) && !(vs.flags & BRIDGE_VLAN_INFO_BRENTRY))
			continue;
		if (!found) {
			open_port(ifindex, SHOW_VLAN);
			found = 1;
		} else {
			br_pad_ifname("");
		}
		pr_obj_open(NULL);
		pr_uint(PR_ANY, "vid", "%u", vs.vid);
		print_vlan_flags(vs.flags);
		pr_nl();
		print_stats_lines(vs.rx_bytes, vs.rx_packets, vs.tx_bytes, vs.tx_packets);
		pr_obj_close();
	}
	if (found)
		close_port();
}

static int print_vlan_stats(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[IFLA_STATS_MAX + 1];
	struct if_stats_msg ifsm;

	(void)arg;
	if (br_msg_check(h, 1, NULL, sizeof(ifsm)) < 0)
		return -1;
	memcpy(&ifsm, nlmsg_data(h), sizeof(ifsm));
	if (filter_index && filter_index != (int)ifsm.ifindex)
		return 0;
	if (rtnl_br_parse(h, sizeof(ifsm), tb, IFLA_STATS_MAX) < 0)
		return -1;
	if (tb[IFLA_STATS_LINK_XSTATS])
		print_xstats(tb[IFLA_STATS_LINK_XSTATS], (int)ifsm.ifindex);
	if (tb[IFLA_STATS_LINK_XSTATS_SLAVE])
		print_xstats(tb[IFLA_STATS_LINK_XSTATS_SLAVE], (int)ifsm.ifindex);
	out_record_end();
	return 0;
}

static void open_entry(int ifindex)
{
	if (cur_ifidx != ifindex) {
		open_port(ifindex, SHOW_VLAN);
		pr_obj_open(NULL);
		cur_ifidx = ifindex;
	} else {
		pr_obj_open(NULL);
		br_pad_ifname("");
	}
}

static void print_router_ports(const struct nlattr *ports)
{
	const struct nlattr *i;
	size_t rem;
	int first = 1;

	pad_port();
	pr_arr_open(PR_ANY, IPO_JSON ? "router_ports" : "router ports: ");
	nla_for_each(i, nla_data(ports), nla_len(ports), rem) {
		uint32_t idx = 0;

		memcpy(&idx, nla_data(i), nla_len(i) < 4 ? nla_len(i) : 4);
		pr_obj_open(NULL);
		if (ipo.stats && !first) {
			pr_nl();
			pr_text("%-16s    %14s", "", "");
		}
		pr_str(PR_ANY, "port", "%s ", ifname_of((int)idx));
		if (ipo.stats)
			br_print_router_port_stats(i);
		pr_obj_close();
		first = 0;
	}
	pr_arr_close(PR_JSON, NULL);
	pr_nl();
}

static void print_global_opts(const struct nlattr *a, int ifindex)
{
	struct nlattr *vtb[BRIDGE_VLANDB_GOPTS_MAX + 1];
	unsigned vid, vrange;

	if (nla_parse_nested(vtb, BRIDGE_VLANDB_GOPTS_MAX, a) < 0)
		return;
	vid = (unsigned)br_attr_u(vtb[BRIDGE_VLANDB_GOPTS_ID]) & 0xffff;
	vrange = vtb[BRIDGE_VLANDB_GOPTS_RANGE] ? (unsigned)br_attr_u(vtb[BRIDGE_VLANDB_GOPTS_RANGE]) & 0xffff : vid;
	if (filter_vlan && (filter_vlan < vid || filter_vlan > vrange))
		return;
	open_entry(ifindex);
	print_range("vlan", vid, vrange);
	pr_nl();
	pad_port();
	for (int i = 0; i < NGOPTS; i++) {
		const char *key = kw_nth(gopt_words, i);
		char fmt[48];

		if (!vtb[i == 4 ? BRIDGE_VLANDB_GOPTS_MCAST_MLD_VERSION : gopts[i].type])
			continue;
		bfmt(fmt, sizeof(fmt), "%s %%llu ", key);
		pr_u64(PR_ANY, key, fmt, br_attr_u(vtb[gopts[i].type]));
	}
	pr_nl();
	if (vtb[BRIDGE_VLANDB_GOPTS_MCAST_ROUTER_PORTS] && nla_len(vtb[BRIDGE_VLANDB_GOPTS_MCAST_ROUTER_PORTS]) >= NLA_HDRLEN)
		print_router_ports((const struct nlattr *)nla_data(vtb[BRIDGE_VLANDB_GOPTS_MCAST_ROUTER_PORTS]));
	pr_obj_close();
}

static void print_vlan_opts(const struct nlattr *a, int ifindex)
{
	struct nlattr *vtb[BRIDGE_VLANDB_ENTRY_MAX + 1];
	struct bridge_vlan_info v;
	uint64_t st[4] = { 0, 0, 0, 0 };
	unsigned vrange;

	if (nla_parse_nested(vtb, BRIDGE_VLANDB_ENTRY_MAX, a) < 0 || !vtb[BRIDGE_VLANDB_ENTRY_INFO] ||
	    nla_len(vtb[BRIDGE_VLANDB_ENTRY_INFO]) < sizeof(v))
		return;
	memcpy(&v, nla_data(vtb[BRIDGE_VLANDB_ENTRY_INFO]), sizeof(v));
	vrange = vtb[BRIDGE_VLANDB_ENTRY_RANGE] ? (unsigned)br_attr_u(vtb[BRIDGE_VLANDB_ENTRY_RANGE]) & 0xffff : v.vid;
	if (filter_vlan && (filter_vlan < v.vid || filter_vlan > vrange))
		return;
	if (vtb[BRIDGE_VLANDB_ENTRY_STATS]) {
		struct nlattr *stb[BRIDGE_VLANDB_STATS_MAX + 1];

		if (nla_parse_nested(stb, BRIDGE_VLANDB_STATS_MAX, vtb[BRIDGE_VLANDB_ENTRY_STATS]) == 0) {
			st[0] = br_attr_u(stb[BRIDGE_VLANDB_STATS_RX_BYTES]);
			st[1] = br_attr_u(stb[BRIDGE_VLANDB_STATS_RX_PACKETS]);
			st[2] = br_attr_u(stb[BRIDGE_VLANDB_STATS_TX_BYTES]);
			st[3] = br_attr_u(stb[BRIDGE_VLANDB_STATS_TX_PACKETS]);
		}
	}
	open_entry(ifindex);
	print_range("vlan", v.vid, vrange);
	print_vlan_flags(v.flags);
	pr_nl();
	pad_port();
	br_print_stp_state((unsigned)br_attr_u(vtb[BRIDGE_VLANDB_ENTRY_STATE]) & 0xff);
	if (vtb[BRIDGE_VLANDB_ENTRY_MCAST_ROUTER])
		pr_uint(PR_ANY, "mcast_router", "mcast_router %u ", (unsigned)br_attr_u(vtb[BRIDGE_VLANDB_ENTRY_MCAST_ROUTER]) & 0xff);
	pr_nl();
	if (ipo.stats)
		print_stats_lines(st[0], st[1], st[2], st[3]);
	pr_obj_close();
}

int br_print_vlan_rtm(const struct nlmsghdr *h, int monitor, int global_only)
{
	const struct br_vlan_msg *bvm = nlmsg_data(h);
	const struct nlattr *a;
	size_t rem;
	int ret = br_msg_check(h, h->nlmsg_type == RTM_NEWVLAN || h->nlmsg_type == RTM_DELVLAN || h->nlmsg_type == RTM_GETVLAN,
			       "Unknown vlan rtm message", sizeof(*bvm));

	if (ret != 1)
		return ret;
	if (bvm->family != AF_BRIDGE || (filter_index && filter_index != (int)bvm->ifindex))
		return 0;
	if (br_banner)
		outs("[VLAN]");
	if (h->nlmsg_type == RTM_DELVLAN)
		pr_bool(PR_ANY, "deleted", "Deleted ", 1);
	if (monitor)
		cur_ifidx = -1;
	if (cur_ifidx != -1 && cur_ifidx != (int)bvm->ifindex) {
		close_port();
		cur_ifidx = -1;
	}
	nla_for_each(a, (const char *)bvm + NLMSG_ALIGN(sizeof(*bvm)), nlmsg_payload(h) - NLMSG_ALIGN(sizeof(*bvm)), rem) {
		unsigned t = nla_type(a);

		if (t > BRIDGE_VLANDB_MAX || (global_only && t != BRIDGE_VLANDB_GLOBAL_OPTIONS))
			continue;
		if (t == BRIDGE_VLANDB_ENTRY)
			print_vlan_opts(a, (int)bvm->ifindex);
		else if (t == BRIDGE_VLANDB_GLOBAL_OPTIONS)
			print_global_opts(a, (int)bvm->ifindex);
	}
	out_record_end();
	return 0;
}

void br_vlan_rtm_done(void)
{
	if (cur_ifidx != -1)
		close_port();
	cur_ifidx = -1;
}

static int rtm_cb(const struct nlmsghdr *h, void *arg)
{
	return br_print_vlan_rtm(h, 0, *(int *)arg) < 0 ? -1 : 0;
}

static void show_args(int argc, char **argv)
{
	filter_vlan = 0;
	cur_ifidx = -1;
	filter_index = br_show_filter(argc, argv, &filter_vlan);
}

static void rtm_dump(uint32_t dump_flags, int global_only)
{
	struct br_vlan_msg bvm = { .family = AF_BRIDGE };
	struct br_req r;

	br_req_init(&r, RTM_GETVLAN, 0, &bvm, sizeof(bvm));
	br_req_u32(&r, BRIDGE_VLANDB_DUMP_FLAGS, dump_flags);
	pr_begin();
	if (!IPO_JSON)
		outf("%-16s  %-9s\n", "port", "vlan-id");
	br_dump(&r, rtm_cb, &global_only);
	br_vlan_rtm_done();
	pr_end();
}

static int vlan_show(int argc, char **argv, int subject)
{
	struct br_req r;

	show_args(argc, argv);
	if (IPO_DETAILS && subject == SHOW_VLAN) {
		rtm_dump(ipo.stats ? BRIDGE_VLANDB_DUMPF_STATS : 0, 0);
		return 0;
	}
	pr_begin();
	if (!ipo.stats) {
		struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };

		br_req_init(&r, RTM_GETLINK, 0, &ifi, sizeof(ifi));
		br_req_u32(&r, IFLA_EXT_MASK, br_compress ? RTEXT_FILTER_BRVLAN_COMPRESSED : RTEXT_FILTER_BRVLAN);
		if (!IPO_JSON)
			outf("%-16s  %-9s%s\n", "port", "vlan-id", subject == SHOW_TUNNEL ? "  tunnel-id" : "");
		br_dump(&r, print_vlan_link, &subject);
	} else {
		struct if_stats_msg ifsm = { .family = AF_UNSPEC };

		ifsm.filter_mask = IFLA_STATS_FILTER_BIT(IFLA_STATS_LINK_XSTATS);
		br_req_init(&r, RTM_GETSTATS, 0, &ifsm, sizeof(ifsm));
		if (!IPO_JSON)
			outf("%-16s  vlan-id\n", "port");
		br_dump(&r, print_vlan_stats, NULL);
		ifsm.filter_mask = IFLA_STATS_FILTER_BIT(IFLA_STATS_LINK_XSTATS_SLAVE);
		br_req_init(&r, RTM_GETSTATS, 0, &ifsm, sizeof(ifsm));
		br_dump(&r, print_vlan_stats, NULL);
	}
	pr_end();
	return 0;
}

static int vlan_global(int argc, char **argv)
{
	if (argc <= 0 || !strcmp(*argv, "show") || !strcmp(*argv, "lst") || !strcmp(*argv, "list")) {
		show_args(argc - 1, argv + 1);
		rtm_dump(BRIDGE_VLANDB_DUMPF_GLOBAL, 1);
		return 0;
	}
	if (!strcmp(*argv, "set"))
		return br_build_talk(br_vlan_global_req, argc - 1, argv + 1);
	br_usage(vlan_usage);
}

int br_do_vlan(int argc, char **argv)
{
	int i = argc > 0 ? br_cmd("1add\0" "1delete\0" "1show\0" "1lst\0" "1list\0" "1tunnelshow\0" "1set\0"
				  "6global\0", "vlan", vlan_usage, *argv) : 2;

	argc--, argv++;
	if (i < 2)
		return vlan_modify(i ? RTM_DELLINK : RTM_SETLINK, argc, argv);
	if (i == 6)
		return br_build_talk(br_vlan_set_req, argc, argv);
	if (i == 7)
		return vlan_global(argc, argv);
	return vlan_show(argc, argv, i == 5 ? SHOW_TUNNEL : SHOW_VLAN);
}
