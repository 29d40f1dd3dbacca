/* bridge link show|set: bridge ports (RTM_GETLINK dump of family AF_BRIDGE, RTM_SETLINK with
 * IFLA_PROTINFO). */
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/if_bridge.h>
#include "lib.h"
#include "out.h"
#include "br.h"
#include "ip_print.h"

NSBOX_USAGE(link_usage,
	"Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n"
	NSBOX_USAGE_MORE("                               [ guard {on | off} ]\n"
	"                               [ hairpin {on | off} ]\n"
	"                               [ fastleave {on | off} ]\n"
	"                               [ root_block {on | off} ]\n"
	"                               [ learning {on | off} ]\n"
	"                               [ learning_sync {on | off} ]\n"
	"                               [ flood {on | off} ]\n"
	"                               [ mcast_router MULTICAST_ROUTER ]\n"
	"                               [ mcast_flood {on | off} ]\n"
	"                               [ bcast_flood {on | off} ]\n"
	"                               [ mcast_to_unicast {on | off} ]\n"
	"                               [ neigh_suppress {on | off} ]\n"
	"                               [ vlan_tunnel {on | off} ]\n"
	"                               [ isolated {on | off} ]\n"
	"                               [ locked {on | off} ]\n"
	"                               [ hwmode {vepa | veb} ]\n"
	"                               [ backup_port DEVICE ] [ nobackup_port ]\n"
	"                               [ self ] [ master ]\n"
	"       bridge link show [dev DEV]\n"));

static int filter_index;

/* The words of bridge link set: first the port attributes of one byte (on/off words, and
 * mcast_router) in the order iproute2 puts them in a request (cost, priority and state go in
 * before neigh_suppress), with their IFLA_BRPORT_* types; then the other words. */
static const char set_words[] = "guard\0hairpin\0fastleave\0root_block\0flood\0mcast_router\0mcast_flood\0"
	"bcast_flood\0mcast_to_unicast\0learning\0learning_sync\0neigh_suppress\0vlan_tunnel\0isolated\0"
	"locked\0dev\0cost\0priority\0state\0hwmode\0backup_port\0self\0master\0nobackup_port\0";
static const uint8_t set_types[] = {
	IFLA_BRPORT_GUARD, IFLA_BRPORT_MODE, IFLA_BRPORT_FAST_LEAVE, IFLA_BRPORT_PROTECT,
	IFLA_BRPORT_UNICAST_FLOOD, IFLA_BRPORT_MULTICAST_ROUTER, IFLA_BRPORT_MCAST_FLOOD,
	IFLA_BRPORT_BCAST_FLOOD, IFLA_BRPORT_MCAST_TO_UCAST, IFLA_BRPORT_LEARNING,
	IFLA_BRPORT_LEARNING_SYNC, IFLA_BRPORT_NEIGH_SUPPRESS, IFLA_BRPORT_VLAN_TUNNEL,
	IFLA_BRPORT_ISOLATED, IFLA_BRPORT_LOCKED,
};
#define NSET 15
#define SET_BEFORE_COST 11
#define W_MCAST_ROUTER 5
#define W_BACKUP_PORT 20
/* -d's listing: set_words' indexes in its order. */
static const uint8_t show_order[] = { 1, 0, 3, 2, 9, 10, 4, 6, 7, 5, 8, 11, 12, W_BACKUP_PORT, 13, 14 };


static void pr_on_off(const char *key, unsigned v)
{
	char fmt[40];

	if (IPO_JSON) {
		pr_bool(PR_JSON, key, NULL, v != 0);
		return;
	}
	bfmt(fmt, sizeof(fmt), "%s %%s ", key);
	pr_str(PR_TEXT, NULL, fmt, v ? "on" : "off");
}

static void pr_protinfo(const struct nlattr *attr)
{
	struct nlattr *tb[IFLA_BRPORT_MAX + 1];

	if (!(attr->nla_type & NLA_F_NESTED)) {
		br_print_stp_state(br_attr_u(attr) & 0xff);
		return;
	}
	if (nla_parse_nested(tb, IFLA_BRPORT_MAX, attr) < 0)
		return;
	if (tb[IFLA_BRPORT_STATE])
		br_print_stp_state(br_attr_u(tb[IFLA_BRPORT_STATE]) & 0xff);
	if (tb[IFLA_BRPORT_PRIORITY])
		pr_uint(PR_ANY, "priority", "priority %u ", br_attr_u(tb[IFLA_BRPORT_PRIORITY]) & 0xffff);
	if (tb[IFLA_BRPORT_COST])
		pr_uint(PR_ANY, "cost", "cost %u ", br_attr_u(tb[IFLA_BRPORT_COST]));
	if (!IPO_DETAILS)
		return;
	pr_text("%s    ", pr_sl());
	for (size_t i = 0; i < sizeof(show_order); i++) {
		unsigned w = show_order[i];
		const struct nlattr *a = tb[w == W_BACKUP_PORT ? IFLA_BRPORT_BACKUP_PORT : set_types[w]];

		if (!a)
			continue;
		if (w == W_MCAST_ROUTER)
			pr_uint(PR_ANY, "mcast_router", "mcast_router %u ", br_attr_u(a) & 0xff);
		else if (w == W_BACKUP_PORT)
			pr_str(PR_ANY, "backup_port", "backup_port %s ", ifname_of((int)br_attr_u(a)));
		else
			pr_on_off(kw_nth(set_words, w), br_attr_u(a) & 0xff);
	}
}

int br_print_link(const struct nlmsghdr *h)
{
	static const char *const hw_mode[] = { "VEB", "VEPA" };
	struct link_info li;
	const char *name;
	char namebuf[2 * IFNAMSIZ + 2];
	int m_down = 0;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg))) {
		errf("Message too short!\n");
		return -1;
	}
	if (rtnl_link_parse(h, &li) < 0)
		return -1;
	if (li.ifi->ifi_family != AF_BRIDGE && li.ifi->ifi_family != AF_UNSPEC)
		return 0;
	if (filter_index && filter_index != li.ifi->ifi_index)
		return 0;
	name = nla_get_str(li.tb[IFLA_IFNAME]);
	if (!name || !*name || strlen(name) >= IFNAMSIZ)
		return -1;
	if (br_banner)
		outs("[LINK]");
	pr_obj_open(NULL);
	if (h->nlmsg_type == RTM_DELLINK)
		pr_bool(PR_ANY, "deleted", "Deleted ", 1);
	pr_int(PR_ANY, "ifindex", "%d: ", li.ifi->ifi_index);
	if (li.tb[IFLA_LINK]) {
		int iflink = (int)br_attr_u(li.tb[IFLA_LINK]);
		const char *lower = "NONE";
		char ifn[16];

		bfmt(ifn, sizeof(ifn), "if%d", iflink);
		if (!iflink) {
			if (IPO_JSON)
				pr_null("link");
		} else if (li.tb[IFLA_LINK_NETNSID]) {
			lower = ifn;
			pr_int(PR_JSON, "link_index", NULL, iflink);
		} else {
			lower = ifname_of(iflink);
			pr_str(PR_JSON, "link", NULL, lower);
			/* iproute2 takes a link it cannot find for one that is up */
			m_down = strcmp(lower, ifn) && !(ifflags_of(iflink) & IFF_UP);
		}
		if (!IPO_JSON)
			bfmt(namebuf, sizeof(namebuf), "%s@%s", name, lower), name = namebuf;
	}
	br_cstr(BR_C_IFNAME, "ifname", "%s: ", name);
	pr_link_flags(li.ifi->ifi_flags, m_down);
	if (li.tb[IFLA_MTU])
		pr_int(PR_ANY, "mtu", "mtu %u ", (int)br_attr_u(li.tb[IFLA_MTU]));
	if (li.tb[IFLA_MASTER])
		pr_str(PR_ANY, "master", "master %s ", ifname_of((int)br_attr_u(li.tb[IFLA_MASTER])));
	if (li.tb[IFLA_PROTINFO])
		pr_protinfo(li.tb[IFLA_PROTINFO]);
	if (li.tb[IFLA_AF_SPEC]) {
		struct nlattr *af[IFLA_BRIDGE_MAX + 1];

		if (nla_parse_nested(af, IFLA_BRIDGE_MAX, li.tb[IFLA_AF_SPEC]) == 0 && af[IFLA_BRIDGE_MODE]) {
			unsigned mode = br_attr_u(af[IFLA_BRIDGE_MODE]) & 0xffff;
			char hex[16];

			if (mode < 2) {
				pr_str(PR_ANY, "hwmode", "hwmode %s ", hw_mode[mode]);
			} else {
				bfmt(hex, sizeof(hex), "%#x", mode);
				pr_str(PR_ANY, "hwmode", "hwmode %s ", hex);
			}
		}
	}
	pr_str(PR_TEXT, NULL, "%s", "\n");
	pr_obj_close();
	out_record_end();
	return 0;
}

static int show_cb(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	return br_print_link(h) < 0 ? -1 : 0;
}

static int link_show(int argc, char **argv)
{
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	struct br_req r;

	filter_index = br_show_filter(argc, argv, NULL);
	br_req_init(&r, RTM_GETLINK, 0, &ifi, sizeof(ifi));
	pr_begin();
	br_dump(&r, show_cb, NULL);
	pr_end();
	return 0;
}

void br_link_set_req(struct br_req *r, int argc, char **argv)
{
	int val[NSET];
	const char *dev = NULL;
	int backup = -1, state = -1, prio = -1, mode = -1, flags = 0;
	uint32_t cost = 0;
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	int i;

	for (i = 0; i < NSET; i++)
		val[i] = -1;
	for (; argc > 0; argc--, argv++) {
		uint32_t n;

		i = br_arg(set_words, 21, &argc, &argv);
		if (i == W_MCAST_ROUTER) {
			val[i] = br_atoi(*argv) & 0xff;
			if (val[i] > 127)  /* a __s8 that went negative is not sent */
				val[i] = -1;
		} else if (i >= 0 && i < NSET) {
			val[i] = br_on_off(argv[-1], *argv);
		} else if (i == 15) {
			dev = *argv;
		} else if (i == 16) {
			cost = (uint32_t)br_atoi(*argv);
		} else if (i == 17) {
			prio = (int16_t)br_atoi(*argv);
		} else if (i == 18) {
			if (**argv && !parse_u32(*argv, &n, 10))
				state = (int8_t)n;
			else if (**argv && (**argv == '-' || **argv == '+') && !parse_u32(*argv + 1, &n, 10))
				state = (int8_t)(**argv == '-' ? 0 - n : n);
			else if ((state = br_stp_state(*argv)) < 0)
				ip_fail(255, "Error: invalid STP port state\n");
		} else if (i == 19) {
			flags = BRIDGE_FLAGS_SELF;
			if (!strcmp(*argv, "vepa"))
				mode = BRIDGE_MODE_VEPA;
			else if (!strcmp(*argv, "veb"))
				mode = BRIDGE_MODE_VEB;
			else
				ip_fail(255, "Mode argument must be \"vepa\" or \"veb\".\n");
		} else if (i == 21) {
			flags |= BRIDGE_FLAGS_SELF;
		} else if (i == 22) {
			flags |= BRIDGE_FLAGS_MASTER;
		} else if (i == W_BACKUP_PORT) {
			if (!(backup = br_index(*argv)))
				ip_fail(255, "Error: device %s does not exist\n", *argv);
		} else if (i == 23) {
			backup = 0;
		} else {
			br_usage(link_usage);
		}
	}
	if (!dev)
		ip_fail(255, "Device is a required argument.\n");
	if (!(ifi.ifi_index = br_index(dev)))
		ip_fail(255, "Cannot find bridge device \"%s\"\n", dev);
	br_req_init(r, RTM_SETLINK, 0, &ifi, sizeof(ifi));
	br_req_nest(r, IFLA_PROTINFO | NLA_F_NESTED);
	for (i = 0; i < NSET; i++) {
		if (i == SET_BEFORE_COST) {
			if (cost > 0)
				br_req_u32(r, IFLA_BRPORT_COST, cost);
			if (prio >= 0)
				br_req_u16(r, IFLA_BRPORT_PRIORITY, (uint16_t)prio);
			if (state >= 0)
				br_req_u8(r, IFLA_BRPORT_STATE, (uint8_t)state);
		}
		if (val[i] >= 0)
			br_req_u8(r, set_types[i], (uint8_t)val[i]);
	}
	if (backup != -1)
		br_req_u32(r, IFLA_BRPORT_BACKUP_PORT, (uint32_t)backup);
	br_req_end(r);
	if (mode >= 0 || flags > 0) {
		br_req_nest(r, IFLA_AF_SPEC);
		if (flags > 0)
			br_req_u16(r, IFLA_BRIDGE_FLAGS, (uint16_t)flags);
		if (mode >= 0)
			br_req_u16(r, IFLA_BRIDGE_MODE, (uint16_t)mode);
		br_req_end(r);
	}
}

int br_do_link(int argc, char **argv)
{
	if (argc > 0 && br_cmd("1set\0" "1change\0" "1show\0" "1lst\0" "1list\0", "link", link_usage, *argv) < 2)
		return br_build_talk(br_link_set_req, argc - 1, argv + 1);
	return link_show(argc - 1, argv + 1);
}
