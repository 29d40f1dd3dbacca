/* Link kinds vrf (NSBOX_FEATURE_VRF) and bond (NSBOX_FEATURE_LINK_BOND), with their port
 * kinds vrf_slave and bond_slave: the words after "type KIND" as iproute2 6.1 parses them (its
 * order of checks, messages, exit codes), their -d printers (text and JSON), and the lookups
 * of the VRF words of ip route and ip link (the table and the index of a VRF device). */
#include <errno.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include "inet.h"
#include "ip_bond_vrf.h"
#include "ip_print.h"
#include "out.h"

/* ---- VRF lookups ---- */

struct vrf_q {
	int index;
	uint32_t table;
	int data;     /* the vrf link had IFLA_INFO_DATA */
};

static int take_vrf(const struct nlmsghdr *h, void *arg)
{
	struct vrf_q *q = arg;
	struct nlattr *tb[IFLA_VRF_MAX + 1];
	struct link_info li;
	const char *kind;

	if (h->nlmsg_type != RTM_NEWLINK || rtnl_link_parse(h, &li) ||
	    !(kind = nla_get_str(li.li[IFLA_INFO_KIND])) || strcmp(kind, "vrf"))
		return 0;
	q->index = li.ifi->ifi_index;
	if (li.li[IFLA_INFO_DATA] && !nla_parse_nested(tb, IFLA_VRF_MAX, li.li[IFLA_INFO_DATA])) {
		q->data = 1;
		nla_get_u32(tb[IFLA_VRF_TABLE], &q->table);
	}
	return 0;
}

static int vrf_get(const char *name, struct vrf_q *q)
{
	memset(q, 0, sizeof(*q));
	return rtnl_link_get(ip_sock(), name, 0, RTEXT_FILTER_SKIP_STATS, take_vrf, q);
}

uint32_t ip_vrf_table(const char *name)
{
	struct vrf_q q;
	int err = vrf_get(name, &q);

	if (err)
		return err == -ENODEV && !strcmp(name, "default") ? RT_TABLE_MAIN : 0;
	if (q.data && !q.table)
		errf("BUG: VRF %s is missing table id\n", name);
	return q.table;
}

int ip_vrf_index(const char *name)
{
	struct vrf_q q;

	return vrf_get(name, &q) ? 0 : q.index;
}

/* ---- words ---- */

/* A kind's usage after its message: iproute2's "return -1", exit 1. */
static _Noreturn void kind_fail(const char *usage)
{
	sputs(ERR, USAGE_TEXT(usage));
	ip_fail(1, "%s", "");
}

static char *next(int *argc, char ***argv)
{
	if (--*argc <= 0)
		ip_incomplete();
	return *++*argv;
}

static _Noreturn void invalid(const char *what, const char *arg)
{
	char b[64];

	bfmt(b, sizeof(b), "invalid %s", what);
	ip_invarg(b, arg);
}

NSBOX_USAGE(vrf_usage, "Usage: ... vrf table TABLEID\n");

static void vrf_parse(struct nlb *b, int argc, char **argv)
{
	uint32_t table;

	for (; argc > 0; argc--, argv++) {
		if (kw_is(*argv, "table")) {
			const char *w = next(&argc, &argv);
			if (parse_table(w, &table))
				ip_invarg("invalid table ID\n", w);
			nlb_put_u32(b, IFLA_VRF_TABLE, table);
		} else {
			if (!kw_is(*argv, "help"))
				errf("vrf: unknown option \"%s\"?\n", *argv);
			kind_fail(vrf_usage);
		}
	}
}

NSBOX_USAGE(bond_usage,
	"Usage: ... bond [ mode BONDMODE ] [ active_slave SLAVE_DEV ]\n"
	NSBOX_USAGE_MORE("                [ clear_active_slave ] [ miimon MIIMON ]\n"
	"                [ updelay UPDELAY ] [ downdelay DOWNDELAY ]\n"
	"                [ peer_notify_delay DELAY ]\n"
	"                [ use_carrier USE_CARRIER ]\n"
	"                [ arp_interval ARP_INTERVAL ]\n"
	"                [ arp_validate ARP_VALIDATE ]\n"
	"                [ arp_all_targets ARP_ALL_TARGETS ]\n"
	"                [ arp_ip_target [ ARP_IP_TARGET, ... ] ]\n"
	"                [ ns_ip6_target [ NS_IP6_TARGET, ... ] ]\n"
	"                [ primary SLAVE_DEV ]\n"
	"                [ primary_reselect PRIMARY_RESELECT ]\n"
	"                [ fail_over_mac FAIL_OVER_MAC ]\n"
	"                [ xmit_hash_policy XMIT_HASH_POLICY ]\n"
	"                [ resend_igmp RESEND_IGMP ]\n"
	"                [ num_grat_arp|num_unsol_na NUM_GRAT_ARP|NUM_UNSOL_NA ]\n"
	"                [ all_slaves_active ALL_SLAVES_ACTIVE ]\n"
	"                [ min_links MIN_LINKS ]\n"
	"                [ lp_interval LP_INTERVAL ]\n"
	"                [ packets_per_slave PACKETS_PER_SLAVE ]\n"
	"                [ tlb_dynamic_lb TLB_DYNAMIC_LB ]\n"
	"                [ lacp_rate LACP_RATE ]\n"
	"                [ lacp_active LACP_ACTIVE]\n"
	"                [ ad_select AD_SELECT ]\n"
	"                [ ad_user_port_key PORTKEY ]\n"
	"                [ ad_actor_sys_prio SYSPRIO ]\n"
	"                [ ad_actor_system LLADDR ]\n"
	"                [ arp_missed_max MISSED_MAX ]\n"
	"\n"
	"BONDMODE := balance-rr|active-backup|balance-xor|broadcast|802.3ad|balance-tlb|balance-alb\n"
	"ARP_VALIDATE := none|active|backup|all|filter|filter_active|filter_backup\n"
	"ARP_ALL_TARGETS := any|all\n"
	"PRIMARY_RESELECT := always|better|failure\n"
	"FAIL_OVER_MAC := none|active|follow\n"
	"XMIT_HASH_POLICY := layer2|layer2+3|layer3+4|encap2+3|encap3+4|vlan+srcmac\n"
	"LACP_ACTIVE := off|on\n"
	"LACP_RATE := slow|fast\n"
	"AD_SELECT := stable|bandwidth|count\n"));

/* The named values of bond options, by their numbers (iproute2's tables), NUL-separated. */
enum { T_MODE, T_ARPV, T_ALLT, T_PRES, T_FOM, T_XMIT, T_LACPA, T_RATE, T_ADSEL };
static const char bond_names[] =
	"balance-rr\0active-backup\0balance-xor\0broadcast\0802.3ad\0balance-tlb\0balance-alb\0\0"
	"none\0active\0backup\0all\0filter\0filter_active\0filter_backup\0\0"
	"any\0all\0\0" "always\0better\0failure\0\0" "none\0active\0follow\0\0"
	"layer2\0layer3+4\0layer2+3\0encap2+3\0encap3+4\0vlan+srcmac\0\0"
	"off\0on\0\0" "slow\0fast\0\0" "stable\0bandwidth\0count\0";

/* Name i of table t (the tables end at an empty name), NULL past its end. */
static const char *bond_name(unsigned t, uint32_t i)
{
	const char *s = bond_names;

	for (; t; t--, s++)
		while (*s)
			s += kw_skip(s);
	for (; *s && i; i--)
		s += kw_skip(s);
	return *s ? s : NULL;
}

/* iproute2's get_index: a number within the table, else a name of it; -1 for neither. */
static int bond_index(unsigned t, const char *w)
{
	const char *s;
	int32_t n;
	int i;

	if (!parse_s32(w, &n, 10) && n >= 0 && bond_name(t, (uint32_t)n))
		return n;
	for (i = 0; (s = bond_name(t, (uint32_t)i)); i++)
		if (!strcmp(s, w))
			return i;
	return -1;
}

/* How a bond word's value is put: a number of that many bytes, a name of table tbl (put as a
 * u8 or a u32), a device, or the cases of bond_word(). */
enum { B_U8 = 1, B_U16 = 2, B_U32 = 4, B_NAME8, B_NAME32, B_DEV, B_CLEAR, B_ARP, B_NS6, B_MAC };
static const char bword_names[] =
	"mode\0active_slave\0clear_active_slave\0miimon\0updelay\0downdelay\0peer_notify_delay\0"
	"use_carrier\0arp_interval\0arp_ip_target\0ns_ip6_target\0arp_validate\0arp_all_targets\0"
	"arp_missed_max\0primary\0primary_reselect\0fail_over_mac\0xmit_hash_policy\0resend_igmp\0"
	"num_grat_arp\0num_unsol_na\0all_slaves_active\0min_links\0lp_interval\0packets_per_slave\0"
	"lacp_rate\0lacp_active\0ad_select\0ad_user_port_key\0ad_actor_sys_prio\0ad_actor_system\0"
	"tlb_dynamic_lb\0"
	/* After the words' end (an empty name): the other names of the printers (struct bprint). */
	"\0num_peer_notif\0ad_lacp_active\0ad_lacp_rate\0ad_info\0link_failure_count\0perm_hwaddr\0"
	"queue_id\0prio\0ad_aggregator_id\0aggregator\0ad_aggregator\0num_ports\0ad_num_ports\0actor_key\0"
	"ad_actor_key\0partner_key\0ad_partner_key\0partner_mac\0ad_partner_mac\0";
/* In lockstep with bword_names' words. */
static const struct bword {
	uint8_t attr, how, exact, tbl;
} bond_words[] = {
	{ IFLA_BOND_MODE, B_NAME8, 0, T_MODE },	/* mode */
	{ IFLA_BOND_ACTIVE_SLAVE, B_DEV, 0, 0 },	/* active_slave */
	{ IFLA_BOND_ACTIVE_SLAVE, B_CLEAR, 0, 0 },	/* clear_active_slave */
	{ IFLA_BOND_MIIMON, B_U32, 0, 0 },	/* miimon */
	{ IFLA_BOND_UPDELAY, B_U32, 0, 0 },	/* updelay */
	{ IFLA_BOND_DOWNDELAY, B_U32, 0, 0 },	/* downdelay */
	{ IFLA_BOND_PEER_NOTIF_DELAY, B_U32, 0, 0 },	/* peer_notify_delay */
	{ IFLA_BOND_USE_CARRIER, B_U8, 0, 0 },	/* use_carrier */
	{ IFLA_BOND_ARP_INTERVAL, B_U32, 0, 0 },	/* arp_interval */
	{ IFLA_BOND_ARP_IP_TARGET, B_ARP, 0, 0 },	/* arp_ip_target */
	{ IFLA_BOND_NS_IP6_TARGET, B_NS6, 1, 0 },	/* ns_ip6_target */
	{ IFLA_BOND_ARP_VALIDATE, B_NAME32, 0, T_ARPV },	/* arp_validate */
	{ IFLA_BOND_ARP_ALL_TARGETS, B_NAME32, 0, T_ALLT },	/* arp_all_targets */
	{ IFLA_BOND_MISSED_MAX, B_U8, 1, 0 },	/* arp_missed_max */
	{ IFLA_BOND_PRIMARY, B_DEV, 0, 0 },	/* primary */
	{ IFLA_BOND_PRIMARY_RESELECT, B_NAME8, 0, T_PRES },	/* primary_reselect */
	{ IFLA_BOND_FAIL_OVER_MAC, B_NAME8, 0, T_FOM },	/* fail_over_mac */
	{ IFLA_BOND_XMIT_HASH_POLICY, B_NAME8, 0, T_XMIT },	/* xmit_hash_policy */
	{ IFLA_BOND_RESEND_IGMP, B_U32, 0, 0 },	/* resend_igmp */
	{ IFLA_BOND_NUM_PEER_NOTIF, B_U8, 0, 0 },	/* num_grat_arp */
	{ IFLA_BOND_NUM_PEER_NOTIF, B_U8, 0, 0 },	/* num_unsol_na */
	{ IFLA_BOND_ALL_SLAVES_ACTIVE, B_U8, 0, 0 },	/* all_slaves_active */
	{ IFLA_BOND_MIN_LINKS, B_U32, 0, 0 },	/* min_links */
	{ IFLA_BOND_LP_INTERVAL, B_U32, 0, 0 },	/* lp_interval */
	{ IFLA_BOND_PACKETS_PER_SLAVE, B_U32, 0, 0 },	/* packets_per_slave */
	{ IFLA_BOND_AD_LACP_RATE, B_NAME8, 0, T_RATE },	/* lacp_rate */
	{ IFLA_BOND_AD_LACP_ACTIVE, B_NAME8, 1, T_LACPA },	/* lacp_active */
	{ IFLA_BOND_AD_SELECT, B_NAME8, 0, T_ADSEL },	/* ad_select */
	{ IFLA_BOND_AD_USER_PORT_KEY, B_U16, 0, 0 },	/* ad_user_port_key */
	{ IFLA_BOND_AD_ACTOR_SYS_PRIO, B_U16, 0, 0 },	/* ad_actor_sys_prio */
	{ IFLA_BOND_AD_ACTOR_SYSTEM, B_MAC, 0, 0 },	/* ad_actor_system */
	{ IFLA_BOND_TLB_DYNAMIC_LB, B_U8, 0, 0 }	/* tlb_dynamic_lb */
};

/* arp_ip_target A,B,... and ns_ip6_target: up to 16 addresses split at commas (empty parts
 * skipped, as strtok does), nested with types 0, 1 ...; an empty nest when no word follows. */
static void bond_targets(struct nlb *b, const struct bword *t, int *argc, char ***argv)
{
	struct nlattr *nest = nlb_nest_start(b, t->attr);
	struct inet_prefix a;
	char *p, *e;
	int i = 0;

	if (*argc > 1) {
		for (p = next(argc, argv); *p && i < 16; p = e) {
			for (; *p == ','; p++)
				;
			if (!*p)
				break;
			e = p + strcspn(p, ",");
			if (*e)
				*e++ = 0;
			if (t->how == B_NS6) {
				ip_get_addr(&a, p, AF_INET6);
			} else if (inet_get_addr(&a, p, AF_INET)) {
				die(1, "Error: an IP address is expected rather than \"%s\"\n", p);
			}
			nlb_put(b, (uint16_t)i++, a.data, t->how == B_NS6 ? 16 : 4);
		}
	}
	nlb_nest_end(b, nest);
}

/* One bond word (name) with its value (argv at the word). */
static void bond_word(struct nlb *b, const struct bword *t, const char *name, int *argc, char ***argv)
{
	unsigned char mac[32];
	const char *w, *bad;
	uint32_t v;
	int n, blen;

	if (t->how == B_CLEAR || t->how == B_ARP || t->how == B_NS6) {
		if (t->how == B_CLEAR)
			nlb_put_u32(b, t->attr, 0);
		else
			bond_targets(b, t, argc, argv);
		return;
	}
	w = next(argc, argv);
	switch (t->how) {
	case B_U8: case B_U16: case B_U32:
		if (parse_u32(w, &v, 0) || (t->how < B_U32 && v >> (8 * t->how)))
			invalid(t->attr == IFLA_BOND_NUM_PEER_NOTIF ? "num_grat_arp|num_unsol_na" : name, w);
		if (t->how == B_U8)
			nlb_put_u8(b, t->attr, (uint8_t)v);
		else if (t->how == B_U16)
			nlb_put_u16(b, t->attr, (uint16_t)v);
		else
			nlb_put_u32(b, t->attr, v);
		break;
	case B_NAME8: case B_NAME32:
		if ((n = bond_index(t->tbl, w)) < 0)
			invalid(name, w);
		if (t->how == B_NAME8)
			nlb_put_u8(b, t->attr, (uint8_t)n);
		else
			nlb_put_u32(b, t->attr, (uint32_t)n);
		break;
	case B_DEV:
		if (!(n = ip_ll_index(w)))
			ip_fail(1, "Cannot find device \"%s\"\n", w);
		nlb_put_u32(b, t->attr, (uint32_t)n);
		break;
	case B_MAC:
		n = lladdr_parse(w, mac, sizeof(mac), &bad, &blen);
		if (n < 0 || n > (int)sizeof(mac))
			ip_fail(1, "\"%.*s\" is invalid lladdr.\n", blen, bad);
		nlb_put(b, t->attr, mac, (size_t)n);
		break;
	}
}

static void bond_parse(struct nlb *b, int argc, char **argv)
{
	const struct bword *t;
	const char *n;

	for (; argc > 0; argc--, argv++) {
		for (n = bword_names, t = bond_words; *n; n += kw_skip(n), t++)
			if (t->exact ? !strcmp(*argv, n) : kw_is(*argv, n))
				break;
		if (*n) {
			bond_word(b, t, n, &argc, &argv);
			continue;
		}
		if (!kw_is(*argv, "help"))
			errf("bond: unknown command \"%s\"?\n", *argv);
		kind_fail(bond_usage);
	}
}

NSBOX_USAGE(bond_slave_usage, "Usage: ... bond_slave [ queue_id ID ] [ prio PRIORITY ]\n");

static void bond_slave_parse(struct nlb *b, int argc, char **argv)
{
	uint32_t v;
	int32_t prio;
	const char *w;

	for (; argc > 0; argc--, argv++) {
		if (kw_is(*argv, "queue_id")) {
			w = next(&argc, &argv);
			if (parse_u32(w, &v, 0) || v > 0xffff)
				ip_invarg("queue_id is invalid", w);
			nlb_put_u16(b, IFLA_BOND_SLAVE_QUEUE_ID, (uint16_t)v);
		} else if (!strcmp(*argv, "prio")) {
			w = next(&argc, &argv);
			if (parse_s32(w, &prio, 0))
				ip_invarg("prio is invalid", w);
			nlb_put_u32(b, IFLA_BOND_SLAVE_PRIO, (uint32_t)prio);
		} else {
			if (!kw_is(*argv, "help"))
				errf("bond_slave: unknown option \"%s\"?\n", *argv);
			kind_fail(bond_slave_usage);
		}
	}
}

/* The kinds: 0 vrf, 1 vrf_slave, 2 bond, 3 bond_slave, -1 another or one this build leaves out. */
static int bv_kind(const char *kind)
{
	int i = kw_whole("vrf\0vrf_slave\0bond\0bond_slave\0", kind);

	return i < 0 || (i < 2 ? NSBOX_FEATURE_VRF : NSBOX_FEATURE_LINK_BOND) ? i : -1;
}

int ip_link_bv_opts(struct link_req *r, struct nlb *b, int argc, char **argv)
{
	int i = bv_kind(r->kind);

	if (i == 0)
		vrf_parse(b, argc, argv);
	else if (i == 1)
		r->empty_data = 1;   /* iproute2 has no words for it: an empty nest, the words ignored */
	else if (i == 2)
		bond_parse(b, argc, argv);
	else if (i == 3)
		bond_slave_parse(b, argc, argv);
	return i < 0 ? -1 : 0;
}

/* ---- -d ---- */

static uint32_t attr_num(const struct nlattr *a)
{
	uint32_t v = 0;
	size_t n = nla_len(a);

	if (n >= 4)
		memcpy(&v, nla_data(a), 4);
	else if (n >= 2) {
		uint16_t v16;
		memcpy(&v16, nla_data(a), 2);
		v = v16;
	} else if (n >= 1) {
		v = *(const uint8_t *)nla_data(a);
	}
	return v;
}

/* How a bond attribute is printed, in iproute2's order. */
enum { P_NUM, P_INT, P_NAME, P_DEV, P_TARGETS, P_ARPV, P_ADINFO, P_MAC };
/* key, label: a row's JSON key and its text label, names of bword_names by their number. */
struct bprint {
	uint8_t attr, how, tbl, key, label;
};
static const struct bprint bond_prints[] = {
	{ IFLA_BOND_MODE, P_NAME, T_MODE, 0, 0 },	/* mode */
	{ IFLA_BOND_ACTIVE_SLAVE, P_DEV, 0, 1, 1 },	/* active_slave */
	{ IFLA_BOND_MIIMON, P_NUM, 0, 3, 3 },	/* miimon */
	{ IFLA_BOND_UPDELAY, P_NUM, 0, 4, 4 },	/* updelay */
	{ IFLA_BOND_DOWNDELAY, P_NUM, 0, 5, 5 },	/* downdelay */
	{ IFLA_BOND_PEER_NOTIF_DELAY, P_NUM, 0, 6, 6 },	/* peer_notify_delay */
	{ IFLA_BOND_USE_CARRIER, P_NUM, 0, 7, 7 },	/* use_carrier */
	{ IFLA_BOND_ARP_INTERVAL, P_NUM, 0, 8, 8 },	/* arp_interval */
	{ IFLA_BOND_MISSED_MAX, P_NUM, 0, 13, 13 },	/* arp_missed_max */
	{ IFLA_BOND_ARP_IP_TARGET, P_TARGETS, AF_INET, 9, 9 },	/* arp_ip_target */
	{ IFLA_BOND_NS_IP6_TARGET, P_TARGETS, AF_INET6, 10, 10 },	/* ns_ip6_target */
	{ IFLA_BOND_ARP_VALIDATE, P_ARPV, T_ARPV, 11, 11 },	/* arp_validate */
	{ IFLA_BOND_ARP_ALL_TARGETS, P_NAME, T_ALLT, 12, 12 },	/* arp_all_targets */
	{ IFLA_BOND_PRIMARY, P_DEV, 0, 14, 14 },	/* primary */
	{ IFLA_BOND_PRIMARY_RESELECT, P_NAME, T_PRES, 15, 15 },	/* primary_reselect */
	{ IFLA_BOND_FAIL_OVER_MAC, P_NAME, T_FOM, 16, 16 },	/* fail_over_mac */
	{ IFLA_BOND_XMIT_HASH_POLICY, P_NAME, T_XMIT, 17, 17 },	/* xmit_hash_policy */
	{ IFLA_BOND_RESEND_IGMP, P_NUM, 0, 18, 18 },	/* resend_igmp */
	{ IFLA_BOND_NUM_PEER_NOTIF, P_NUM, 0, 33, 19 },	/* num_peer_notif, num_grat_arp */
	{ IFLA_BOND_ALL_SLAVES_ACTIVE, P_NUM, 0, 21, 21 },	/* all_slaves_active */
	{ IFLA_BOND_MIN_LINKS, P_NUM, 0, 22, 22 },	/* min_links */
	{ IFLA_BOND_LP_INTERVAL, P_NUM, 0, 23, 23 },	/* lp_interval */
	{ IFLA_BOND_PACKETS_PER_SLAVE, P_NUM, 0, 24, 24 },	/* packets_per_slave */
	{ IFLA_BOND_AD_LACP_ACTIVE, P_NAME, T_LACPA, 34, 26 },	/* ad_lacp_active, lacp_active */
	{ IFLA_BOND_AD_LACP_RATE, P_NAME, T_RATE, 35, 25 },	/* ad_lacp_rate, lacp_rate */
	{ IFLA_BOND_AD_SELECT, P_NAME, T_ADSEL, 27, 27 },	/* ad_select */
	{ IFLA_BOND_AD_INFO, P_ADINFO, 0, 36, 36 },	/* ad_info */
	{ IFLA_BOND_AD_ACTOR_SYS_PRIO, P_NUM, 0, 29, 29 },	/* ad_actor_sys_prio */
	{ IFLA_BOND_AD_USER_PORT_KEY, P_NUM, 0, 28, 28 },	/* ad_user_port_key */
	{ IFLA_BOND_AD_ACTOR_SYSTEM, P_MAC, 0, 30, 30 },	/* ad_actor_system */
	{ IFLA_BOND_TLB_DYNAMIC_LB, P_NUM, 0, 31, 31 }	/* tlb_dynamic_lb */
};
static const struct bprint bond_slave_prints[] = {
	{ IFLA_BOND_SLAVE_LINK_FAILURE_COUNT, P_INT, 0, 37, 37 },	/* link_failure_count */
	{ IFLA_BOND_SLAVE_PERM_HWADDR, P_MAC, 0, 38, 38 },	/* perm_hwaddr */
	{ IFLA_BOND_SLAVE_QUEUE_ID, P_INT, 0, 39, 39 },	/* queue_id */
	{ IFLA_BOND_SLAVE_PRIO, P_INT, 0, 40, 40 },	/* prio */
	{ IFLA_BOND_SLAVE_AD_AGGREGATOR_ID, P_INT, 0, 41, 41 }	/* ad_aggregator_id */
};
static const struct bprint ad_info_prints[] = {
	{ IFLA_BOND_AD_INFO_AGGREGATOR, P_INT, 0, 42, 43 },	/* aggregator, ad_aggregator */
	{ IFLA_BOND_AD_INFO_NUM_PORTS, P_INT, 0, 44, 45 },	/* num_ports, ad_num_ports */
	{ IFLA_BOND_AD_INFO_ACTOR_KEY, P_INT, 0, 46, 47 },	/* actor_key, ad_actor_key */
	{ IFLA_BOND_AD_INFO_PARTNER_KEY, P_INT, 0, 48, 49 },	/* partner_key, ad_partner_key */
	{ IFLA_BOND_AD_INFO_PARTNER_MAC, P_MAC, 0, 50, 51 }	/* partner_mac, ad_partner_mac */
};

/* arp_ip_target A,B ... / ns_ip6_target: the addresses of types 0-15, commas between them. */
static void pr_targets(const struct bprint *p, const char *key, const struct nlattr *nest)
{
	struct nlattr *tb[17];
	char b[PR_ADDRSZ];

	if (nla_parse_nested(tb, 16, nest) < 0)
		return;
	if (tb[0]) {
		pr_arr_open(PR_JSON, key);
		pr_text("%s ", key);
	}
	for (int i = 0; i < 16; i++) {
		if (tb[i])
			pr_str(PR_ANY, NULL, "%s", fmt_inet(p->tbl, nla_data(tb[i]), nla_len(tb[i]), b));
		if (!pr_json() && tb[i + 1] && i < 15)
			pr_text(",");
	}
	if (tb[0]) {
		pr_text(" ");
		pr_arr_close(PR_JSON, NULL);
	}
}

static void pr_bfields(struct nlattr **tb, const struct bprint *p, size_t n);

static void pr_bfield(const struct bprint *p, const struct nlattr *a)
{
	struct nlattr *sub[IFLA_BOND_AD_INFO_MAX + 1];
	const char *key = kw_nth(bword_names, p->key), *label = kw_nth(bword_names, p->label);
	uint32_t v = attr_num(a);
	char b[PR_ADDRSZ];

	switch (p->how) {
	case P_NUM: case P_INT:
		pr_text("%s ", label);
		if (p->how == P_NUM)
			pr_uint(PR_ANY, key, "%u ", v);
		else
			pr_int(PR_ANY, key, "%d ", (int)v);
		break;
	case P_ARPV:
		if (!v && pr_json()) {
			pr_null(key);
			break;
		}
		/* fall through */
	case P_NAME:
		pr_text("%s ", label);
		pr_str(PR_ANY, key, "%s ", bond_name(p->tbl, v) ? bond_name(p->tbl, v) : "UNKNOWN");
		break;
	case P_DEV:
		if (v) {
			pr_text("%s ", label);
			pr_str(PR_ANY, key, "%s ", ifname_of((int)v));
		}
		break;
	case P_TARGETS:
		pr_targets(p, key, a);
		break;
	case P_ADINFO:
		if (nla_parse_nested(sub, IFLA_BOND_AD_INFO_MAX, a) < 0)
			break;
		pr_obj_open(key);
		pr_bfields(sub, ad_info_prints, sizeof(ad_info_prints) / sizeof(ad_info_prints[0]));
		pr_obj_close();
		break;
	case P_MAC:
		pr_text("%s ", label);
		pr_str(PR_ANY, key, "%s ", fmt_lladdr(nla_data(a), nla_len(a), 0, b));
		break;
	}
}

static void pr_bfields(struct nlattr **tb, const struct bprint *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tb[p[i].attr])
			pr_bfield(&p[i], tb[p[i].attr]);
}

/* ad_*_oper_port_state: the number, then its LACP bits by name. */
static void pr_port_state(const char *key, const struct nlattr *a)
{
	static const char bits[] = "active\0short_timeout\0aggregating\0in_sync\0collecting\0distributing\0"
				   "defaulted\0expired\0";
	unsigned state = attr_num(a) & 0xff;
	char k[40];

	pr_text("%s ", key);
	pr_int(PR_ANY, key, "%d ", (int)state);
	bfmt(k, sizeof(k), "%s_str", key);
	pr_arr_open(PR_ANY, k);
	pr_text(" <");
	for (int i = 0; state; i++) {
		if (!(state & 1u << i))
			continue;
		state &= ~(1u << i);
		pr_str(PR_ANY, NULL, state ? "%s," : "%s", kw_nth(bits, (unsigned)i));
	}
	pr_arr_close(PR_ANY, "> ");
}

static void pr_bond_slave(struct nlattr **tb)
{
	static const char *const states[] = { "ACTIVE", "BACKUP" };
	static const char *const mii[] = { "UP", "GOING_DOWN", "DOWN", "GOING_BACK" };
	unsigned v;

	if (tb[IFLA_BOND_SLAVE_STATE]) {
		v = attr_num(tb[IFLA_BOND_SLAVE_STATE]) & 0xff;
		if (v >= 2)
			pr_int(PR_ANY, "state_index", "state %d ", (int)v);
		else
			pr_str(PR_ANY, "state", "state %s ", states[v]);
	}
	if (tb[IFLA_BOND_SLAVE_MII_STATUS]) {
		v = attr_num(tb[IFLA_BOND_SLAVE_MII_STATUS]) & 0xff;
		if (v >= 4)
			pr_int(PR_ANY, "mii_status_index", "mii_status %d ", (int)v);
		else
			pr_str(PR_ANY, "mii_status", "mii_status %s ", mii[v]);
	}
	pr_bfields(tb, bond_slave_prints, sizeof(bond_slave_prints) / sizeof(bond_slave_prints[0]));
	if (tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE])
		pr_port_state("ad_actor_oper_port_state", tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE]);
	if (tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE])
		pr_port_state("ad_partner_oper_port_state", tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE]);
}

int pr_kind_bv(const char *kind, const char *key, const struct nlattr *data)
{
	struct nlattr *tb[IFLA_BOND_MAX + 1];
	int i = bv_kind(kind), vrf = i == 0 || i == 1, bond = i == 2, slave = i == 3;
	int max = vrf ? IFLA_VRF_MAX : bond ? IFLA_BOND_MAX : IFLA_BOND_SLAVE_MAX;

	if (!vrf && !bond && !slave)
		return 0;
	memset(tb, 0, sizeof(tb));
	if (data && nla_parse_nested(tb, max, data) < 0)
		return 1;
	pr_obj_open(key);
	/* IFLA_VRF_TABLE and IFLA_VRF_PORT_TABLE are both 1 */
	if (vrf && tb[IFLA_VRF_TABLE])
		pr_uint(PR_ANY, "table", "table %u ", attr_num(tb[IFLA_VRF_TABLE]));
	else if (bond && data)
		pr_bfields(tb, bond_prints, sizeof(bond_prints) / sizeof(bond_prints[0]));
	else if (slave && data)
		pr_bond_slave(tb);
	pr_obj_close();
	return 1;
}
