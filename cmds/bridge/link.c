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

static const char link_usage[] =
	"Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n"
	NSBOX_USAGE_MORE("\237[ guard {on | off} ]\n"
	"\237[ hairpin {on | off} ]\n"
	"\237[ fastleave {on | off} ]\n"
	"\237[ root_block {on | off} ]\n"
	"\237[ learning {on | off} ]\n"
	"\237[ learning_sync {on | off} ]\n"
	"\237[ flood {on | off} ]\n"
	"\237[ mcast_router MULTICAST_ROUTER ]\n"
	"\237[ mcast_flood {on | off} ]\n"
	"\237[ bcast_flood {on | off} ]\n"
	"\237[ mcast_to_unicast {on | off} ]\n"
	"\237[ neigh_suppress {on | off} ]\n"
	"\237[ vlan_tunnel {on | off} ]\n"
	"\237[ isolated {on | off} ]\n"
	"\237[ locked {on | off} ]\n"
	"\237[ hwmode {vepa | veb} ]\n"
	"\237[ backup_port DEVICE ] [ nobackup_port ]\n"
	"\237[ self ] [ master ]\n"
	"\207bridge link show [dev DEV]\n");

static int filter_index;

/* The port flags that are "on"/"off" words, in the order of -d's listing; set is the order
 * iproute2 puts them in a request (see brport_order). */
struct port_flag {
	const char *word;     /* bridge link set's word, and the -d key */
	uint16_t type;        /* IFLA_BRPORT_* */
};
static const struct port_flag show_flags[] = {
	{ "hairpin", IFLA_BRPORT_MODE }, { "guard", IFLA_BRPORT_GUARD },
	{ "root_block", IFLA_BRPORT_PROTECT }, { "fastleave", IFLA_BRPORT_FAST_LEAVE },
	{ "learning", IFLA_BRPORT_LEARNING }, { "learning_sync", IFLA_BRPORT_LEARNING_SYNC },
	{ "flood", IFLA_BRPORT_UNICAST_FLOOD }, { "mcast_flood", IFLA_BRPORT_MCAST_FLOOD },
	{ "bcast_flood", IFLA_BRPORT_BCAST_FLOOD }, { NULL, IFLA_BRPORT_MULTICAST_ROUTER },
	{ "mcast_to_unicast", IFLA_BRPORT_MCAST_TO_UCAST },
	{ "neigh_suppress", IFLA_BRPORT_NEIGH_SUPPRESS }, { "vlan_tunnel", IFLA_BRPORT_VLAN_TUNNEL },
	{ NULL, IFLA_BRPORT_BACKUP_PORT }, { "isolated", IFLA_BRPORT_ISOLATED },
	{ "locked", IFLA_BRPORT_LOCKED },
};

static uint32_t get_u(const struct nlattr *a)
{
	uint32_t v = 0;
	uint16_t v16;
	uint8_t v8;

	if (!a)
		return 0;
	if (nla_len(a) >= 4)
		memcpy(&v, nla_data(a), 4);
	else if (nla_len(a) >= 2)
		memcpy(&v16, nla_data(a), 2), v = v16;
	else if (nla_len(a) >= 1)
		memcpy(&v8, nla_data(a), 1), v = v8;
	return v;
}

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
		br_print_stp_state(get_u(attr) & 0xff);
		return;
	}
	if (nla_parse_nested(tb, IFLA_BRPORT_MAX, attr) < 0)
		return;
	if (tb[IFLA_BRPORT_STATE])
		br_print_stp_state(get_u(tb[IFLA_BRPORT_STATE]) & 0xff);
	if (tb[IFLA_BRPORT_PRIORITY])
		pr_uint(PR_ANY, "priority", "priority %u ", get_u(tb[IFLA_BRPORT_PRIORITY]) & 0xffff);
	if (tb[IFLA_BRPORT_COST])
		pr_uint(PR_ANY, "cost", "cost %u ", get_u(tb[IFLA_BRPORT_COST]));
	if (!IPO_DETAILS)
		return;
	pr_text("%s    ", pr_sl());
	for (size_t i = 0; i < sizeof(show_flags) / sizeof(show_flags[0]); i++) {
		const struct nlattr *a = tb[show_flags[i].type];

		if (!a)
			continue;
		if (show_flags[i].type == IFLA_BRPORT_MULTICAST_ROUTER)
			pr_uint(PR_ANY, "mcast_router", "mcast_router %u ", get_u(a) & 0xff);
		else if (show_flags[i].type == IFLA_BRPORT_BACKUP_PORT)
			pr_str(PR_ANY, "backup_port", "backup_port %s ", ifname_of((int)get_u(a)));
		else
			pr_on_off(show_flags[i].word, get_u(a) & 0xff);
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
		int iflink = (int)get_u(li.tb[IFLA_LINK]);

		if (!iflink) {
			if (IPO_JSON)
				pr_null("link");
			else
				bfmt(namebuf, sizeof(namebuf), "%s@NONE", name), name = namebuf;
		} else if (li.tb[IFLA_LINK_NETNSID]) {
			if (IPO_JSON)
				pr_int(PR_JSON, "link_index", NULL, iflink);
			else
				bfmt(namebuf, sizeof(namebuf), "%s@if%d", name, iflink), name = namebuf;
		} else {
			const char *lower = ifname_of(iflink);
			char unknown[16];

			if (IPO_JSON)
				pr_str(PR_JSON, "link", NULL, lower);
			else
				bfmt(namebuf, sizeof(namebuf), "%s@%s", name, lower), name = namebuf;
			/* iproute2 takes a link it cannot find for one that is up */
			bfmt(unknown, sizeof(unknown), "if%d", iflink);
			m_down = strcmp(lower, unknown) && !(ifflags_of(iflink) & IFF_UP);
		}
	}
	br_cstr(BR_C_IFNAME, "ifname", "%s: ", name);
	pr_link_flags(li.ifi->ifi_flags, m_down);
	if (li.tb[IFLA_MTU])
		pr_int(PR_ANY, "mtu", "mtu %u ", (int)get_u(li.tb[IFLA_MTU]));
	if (li.tb[IFLA_MASTER])
		pr_str(PR_ANY, "master", "master %s ", ifname_of((int)get_u(li.tb[IFLA_MASTER])));
	if (li.tb[IFLA_PROTINFO])
		pr_protinfo(li.tb[IFLA_PROTINFO]);
	if (li.tb[IFLA_AF_SPEC]) {
		struct nlattr *af[IFLA_BRIDGE_MAX + 1];

		if (nla_parse_nested(af, IFLA_BRIDGE_MAX, li.tb[IFLA_AF_SPEC]) == 0 && af[IFLA_BRIDGE_MODE]) {
			unsigned mode = get_u(af[IFLA_BRIDGE_MODE]) & 0xffff;
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

/* The on/off words of bridge link set, in the order iproute2 puts them in the request. */
static const struct port_flag set_flags[] = {
	{ "guard", IFLA_BRPORT_GUARD }, { "hairpin", IFLA_BRPORT_MODE },
	{ "fastleave", IFLA_BRPORT_FAST_LEAVE }, { "root_block", IFLA_BRPORT_PROTECT },
	{ "flood", IFLA_BRPORT_UNICAST_FLOOD }, { NULL, IFLA_BRPORT_MULTICAST_ROUTER },
	{ "mcast_flood", IFLA_BRPORT_MCAST_FLOOD }, { "bcast_flood", IFLA_BRPORT_BCAST_FLOOD },
	{ "mcast_to_unicast", IFLA_BRPORT_MCAST_TO_UCAST }, { "learning", IFLA_BRPORT_LEARNING },
	{ "learning_sync", IFLA_BRPORT_LEARNING_SYNC },
	/* cost, priority, state go here */
	{ "neigh_suppress", IFLA_BRPORT_NEIGH_SUPPRESS }, { "vlan_tunnel", IFLA_BRPORT_VLAN_TUNNEL },
	{ "isolated", IFLA_BRPORT_ISOLATED }, { "locked", IFLA_BRPORT_LOCKED },
};
#define NSET (sizeof(set_flags) / sizeof(set_flags[0]))
#define SET_BEFORE_COST 11

void br_link_set_req(struct br_req *r, int argc, char **argv)
{
	int val[NSET];
	const char *dev = NULL;
	int backup = -1, state = -1, prio = -1, mode = -1, flags = 0;
	uint32_t cost = 0;
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	size_t i;

	for (i = 0; i < NSET; i++)
		val[i] = -1;
	for (; argc > 0; argc--, argv++) {
		for (i = 0; i < NSET; i++)
			if (set_flags[i].word && !strcmp(*argv, set_flags[i].word))
				break;
		if (i < NSET) {
			BR_NEXT_ARG();
			val[i] = br_on_off(set_flags[i].word, *argv);
		} else if (!strcmp(*argv, "dev")) {
			BR_NEXT_ARG();
			dev = *argv;
		} else if (!strcmp(*argv, "mcast_router")) {
			BR_NEXT_ARG();
			val[5] = br_atoi(*argv) & 0xff;
			if (val[5] > 127)  /* a __s8 that went negative is not sent */
				val[5] = -1;
		} else if (!strcmp(*argv, "cost")) {
			BR_NEXT_ARG();
			cost = (uint32_t)br_atoi(*argv);
		} else if (!strcmp(*argv, "priority")) {
			BR_NEXT_ARG();
			prio = (int16_t)br_atoi(*argv);
		} else if (!strcmp(*argv, "state")) {
			uint32_t n;
			BR_NEXT_ARG();
			if (**argv && !parse_u32(*argv, &n, 10))
				state = (int8_t)n;
			else if (**argv && (**argv == '-' || **argv == '+') && !parse_u32(*argv + 1, &n, 10))
				state = (int8_t)(**argv == '-' ? 0 - n : n);
			else if ((state = br_stp_state(*argv)) < 0)
				ip_fail(255, "Error: invalid STP port state\n");
		} else if (!strcmp(*argv, "hwmode")) {
			BR_NEXT_ARG();
			flags = BRIDGE_FLAGS_SELF;
			if (!strcmp(*argv, "vepa"))
				mode = BRIDGE_MODE_VEPA;
			else if (!strcmp(*argv, "veb"))
				mode = BRIDGE_MODE_VEB;
			else
				ip_fail(255, "Mode argument must be \"vepa\" or \"veb\".\n");
		} else if (!strcmp(*argv, "self")) {
			flags |= BRIDGE_FLAGS_SELF;
		} else if (!strcmp(*argv, "master")) {
			flags |= BRIDGE_FLAGS_MASTER;
		} else if (!strcmp(*argv, "backup_port")) {
			BR_NEXT_ARG();
			if (!(backup = br_index(*argv)))
				ip_fail(255, "Error: device %s does not exist\n", *argv);
		} else if (!strcmp(*argv, "nobackup_port")) {
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
			br_req_u8(r, set_flags[i].type, (uint8_t)val[i]);
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

static int link_set(int argc, char **argv)
{
	return br_build_talk(br_link_set_req, argc, argv);
}

int br_do_link(int argc, char **argv)
{
	static const struct kw cmds[] = {
		{ "set", 1, link_set }, { "change", 1, link_set }, { "show", 1, link_show },
		{ "lst", 1, link_show }, { "list", 1, link_show }, { NULL, 0, NULL }
	};

	return argc <= 0 ? link_show(0, NULL) : br_dispatch(cmds, "link", link_usage, argc, argv);
}
