/* The words after "ip link add ... type KIND": the data of bridge, vlan, macvlan/macvtap,
 * ipvlan/ipvtap and vxlan links and of bridge ports (bridge_slave), parsed as iproute2 6.1
 * parses them (words matched by prefix in its order of checks, its messages and exit codes),
 * into link_req.data in its order. */
#include <arpa/inet.h>
#include <string.h>
#include <linux/if_link.h>
#include "inet.h"
#include "ip.h"
#include "ip_bond_vrf.h"
#include "ip_tunnel.h"
#include "out.h"

/* How a keyword's attribute is made. */
enum {
	K_U8 = 1, K_U16 = 2, K_U32 = 4, K_U64 = 8, /* a number follows: put it with this width */
	K_CONST,        /* no argument: put the u8 in val */
	K_EMPTY,        /* no argument: an attribute without data */
	K_CODE,         /* handled by the kind's own code: val tells which case */
};
#define ISINV 1         /* in val of a number: iproute2 says "NAME is invalid", not "invalid NAME" */
#define WHOLE 0x80      /* in val of K_CODE: the whole word only (iproute2's strcmp) */
#define NOPE  0x7f      /* K_CODE case: an option nsbox does not take */

struct kopt {
	uint8_t attr;
	uint8_t how;
	uint8_t val;
};

/* The name of the row that kopt_find found last. */
static const char *kname;

/* Rows t in lockstep with the word list names (kw_nth). */
static const struct kopt *kopt_find(const char *names, const struct kopt *t, const char *w)
{
	for (kname = names; *kname; kname += kw_skip(kname), t++)
		if (t->how == K_CODE && (t->val & WHOLE) ? !strcmp(w, kname) : kw_is(w, kname))
			return t;
	return NULL;
}

/* IFLA_INFO_DATA's attributes, put as the words come; r->data points here when done. */
static char kdata_buf[NLMSG_HDRLEN + 1024];
static struct nlb kdata;

static void put(struct link_req *r, uint16_t attr, const void *v, size_t len)
{
	(void)r;
	nlb_put(&kdata, attr, v, len);
}

static void put_u8(struct link_req *r, uint16_t attr, uint8_t v) { put(r, attr, &v, 1); }
static void put_u16(struct link_req *r, uint16_t attr, uint16_t v) { put(r, attr, &v, 2); }
static void put_u32(struct link_req *r, uint16_t attr, uint32_t v) { put(r, attr, &v, 4); }

#define bad ip_invarg

/* A number of the keyword's width: iproute2's "invalid NAME" when it does not fit. */
static void put_num(struct link_req *r, const struct kopt *t, const char *arg)
{
	uint64_t v;

	if (parse_ull(arg, &v, 0) || (t->how < K_U64 && v >> (8 * t->how)))
		die(255, t->val == ISINV ? "Error: argument \"%s\" is wrong: %s is invalid\n" :
		    "Error: argument \"%s\" is wrong: invalid %s\n", arg, kname);
	if (t->how == K_U8)
		put_u8(r, t->attr, (uint8_t)v);
	else if (t->how == K_U16)
		put_u16(r, t->attr, (uint16_t)v);
	else if (t->how == K_U32)
		put_u32(r, t->attr, (uint32_t)v);
	else
		put(r, t->attr, &v, 8);
}

/* The entries every kind shares: numbers, constants, empty attributes. 1 when t was one. */
static int put_simple(struct link_req *r, const struct kopt *t, int *argc, char ***argv)
{
	if (t->how <= K_U64) {
		if (--*argc <= 0)
			ip_incomplete();
		++*argv;
		put_num(r, t, **argv);
	} else if (t->how == K_CONST) {
		put_u8(r, t->attr, t->val);
	} else if (t->how == K_EMPTY) {
		put(r, t->attr, NULL, 0);
	} else {
		return 0;
	}
	return 1;
}

/* A kind's usage after its message; iproute2's "return -1": exit 1. */
static _Noreturn void kind_fail(const char *usage, const char *kind)
{
	if (usage)
		sfmt(ERR, USAGE_TEXT(usage), kind);
	ip_fail(1, "%s", "");
}

static _Noreturn void unknown(const char *kind, const char *fmt, const char *w, const char *usage)
{
	errf("%s: ", kind);
	errf(fmt, w);
	kind_fail(usage, kind);
}

/* Ethernet protocol names as iproute2's ll_proto_a2n takes them for VLANs, or a number. */
static int vlan_proto(const char *s, uint16_t *be)
{
	uint32_t v;

	if (!strcasecmp(s, "802.1Q"))
		v = 0x8100;
	else if (!strcasecmp(s, "802.1ad"))
		v = 0x88a8;
	else if (parse_u32(s, &v, 0) || v > 0xffff)
		return -1;
	*be = htons((uint16_t)v);
	return 0;
}

/* ---- bridge ---- */

NSBOX_USAGE(bridge_usage,
	"Usage: ... bridge [ fdb_flush ]\n"
	NSBOX_USAGE_MORE("\t\t  [ forward_delay FORWARD_DELAY ]\n"
	"\t\t  [ hello_time HELLO_TIME ]\n"
	"\t\t  [ max_age MAX_AGE ]\n"
	"\t\t  [ ageing_time AGEING_TIME ]\n"
	"\t\t  [ stp_state STP_STATE ]\n"
	"\t\t  [ priority PRIORITY ]\n"
	"\t\t  [ group_fwd_mask MASK ]\n"
	"\t\t  [ group_address ADDRESS ]\n"
	"\t\t  [ no_linklocal_learn NO_LINKLOCAL_LEARN ]\n"
	"\t\t  [ vlan_filtering VLAN_FILTERING ]\n"
	"\t\t  [ vlan_protocol VLAN_PROTOCOL ]\n"
	"\t\t  [ vlan_default_pvid VLAN_DEFAULT_PVID ]\n"
	"\t\t  [ vlan_stats_enabled VLAN_STATS_ENABLED ]\n"
	"\t\t  [ vlan_stats_per_port VLAN_STATS_PER_PORT ]\n"
	"\t\t  [ mcast_snooping MULTICAST_SNOOPING ]\n"
	"\t\t  [ mcast_vlan_snooping MULTICAST_VLAN_SNOOPING ]\n"
	"\t\t  [ mcast_router MULTICAST_ROUTER ]\n"
	"\t\t  [ mcast_query_use_ifaddr MCAST_QUERY_USE_IFADDR ]\n"
	"\t\t  [ mcast_querier MULTICAST_QUERIER ]\n"
	"\t\t  [ mcast_hash_elasticity HASH_ELASTICITY ]\n"
	"\t\t  [ mcast_hash_max HASH_MAX ]\n"
	"\t\t  [ mcast_last_member_count LAST_MEMBER_COUNT ]\n"
	"\t\t  [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n"
	"\t\t  [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n"
	"\t\t  [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n"
	"\t\t  [ mcast_querier_interval QUERIER_INTERVAL ]\n"
	"\t\t  [ mcast_query_interval QUERY_INTERVAL ]\n"
	"\t\t  [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n"
	"\t\t  [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n"
	"\t\t  [ mcast_stats_enabled MCAST_STATS_ENABLED ]\n"
	"\t\t  [ mcast_igmp_version IGMP_VERSION ]\n"
	"\t\t  [ mcast_mld_version MLD_VERSION ]\n"
	"\t\t  [ nf_call_iptables NF_CALL_IPTABLES ]\n"
	"\t\t  [ nf_call_ip6tables NF_CALL_IP6TABLES ]\n"
	"\t\t  [ nf_call_arptables NF_CALL_ARPTABLES ]\n"
	"\n"
	"Where: VLAN_PROTOCOL := { 802.1Q | 802.1ad }\n"));

static const char bridge_names[] =
	"forward_delay\0hello_time\0max_age\0ageing_time\0stp_state\0priority\0vlan_filtering\0"
	"vlan_protocol\0group_fwd_mask\0group_address\0no_linklocal_learn\0fdb_flush\0"
	"vlan_default_pvid\0vlan_stats_enabled\0vlan_stats_per_port\0mcast_router\0mcast_snooping\0"
	"mcast_vlan_snooping\0mcast_query_use_ifaddr\0mcast_querier\0mcast_hash_elasticity\0"
	"mcast_hash_max\0mcast_last_member_count\0mcast_startup_query_count\0"
	"mcast_last_member_interval\0mcast_membership_interval\0mcast_querier_interval\0"
	"mcast_query_interval\0mcast_query_response_interval\0mcast_startup_query_interval\0"
	"mcast_stats_enabled\0mcast_igmp_version\0mcast_mld_version\0nf_call_iptables\0"
	"nf_call_ip6tables\0nf_call_arptables\0";
static const struct kopt bridge_opts[] = {
	{ IFLA_BR_FORWARD_DELAY, K_U32, 0 },	/* forward_delay */
	{ IFLA_BR_HELLO_TIME, K_U32, 0 },	/* hello_time */
	{ IFLA_BR_MAX_AGE, K_U32, 0 },	/* max_age */
	{ IFLA_BR_AGEING_TIME, K_U32, 0 },	/* ageing_time */
	{ IFLA_BR_STP_STATE, K_U32, 0 },	/* stp_state */
	{ IFLA_BR_PRIORITY, K_U16, 0 },	/* priority */
	{ IFLA_BR_VLAN_FILTERING, K_U8, 0 },	/* vlan_filtering */
	{ IFLA_BR_VLAN_PROTOCOL, K_CODE, 1 },	/* vlan_protocol */
	{ IFLA_BR_GROUP_FWD_MASK, K_U16, 0 },	/* group_fwd_mask */
	{ 0, K_CODE, NOPE },	/* group_address */
	{ 0, K_CODE, NOPE | WHOLE },	/* no_linklocal_learn */
	{ IFLA_BR_FDB_FLUSH, K_EMPTY, 0 },	/* fdb_flush */
	{ IFLA_BR_VLAN_DEFAULT_PVID, K_U16, 0 },	/* vlan_default_pvid */
	{ IFLA_BR_VLAN_STATS_ENABLED, K_U8, 0 },	/* vlan_stats_enabled */
	{ IFLA_BR_VLAN_STATS_PER_PORT, K_U8, 0 },	/* vlan_stats_per_port */
	{ IFLA_BR_MCAST_ROUTER, K_U8, 0 },	/* mcast_router */
	{ IFLA_BR_MCAST_SNOOPING, K_U8, 0 },	/* mcast_snooping */
	{ 0, K_CODE, NOPE | WHOLE },	/* mcast_vlan_snooping */
	{ IFLA_BR_MCAST_QUERY_USE_IFADDR, K_U8, 0 },	/* mcast_query_use_ifaddr */
	{ IFLA_BR_MCAST_QUERIER, K_U8, 0 },	/* mcast_querier */
	{ IFLA_BR_MCAST_HASH_ELASTICITY, K_U32, 0 },	/* mcast_hash_elasticity */
	{ IFLA_BR_MCAST_HASH_MAX, K_U32, 0 },	/* mcast_hash_max */
	{ IFLA_BR_MCAST_LAST_MEMBER_CNT, K_U32, 0 },	/* mcast_last_member_count */
	{ IFLA_BR_MCAST_STARTUP_QUERY_CNT, K_U32, 0 },	/* mcast_startup_query_count */
	{ IFLA_BR_MCAST_LAST_MEMBER_INTVL, K_U64, 0 },	/* mcast_last_member_interval */
	{ IFLA_BR_MCAST_MEMBERSHIP_INTVL, K_U64, 0 },	/* mcast_membership_interval */
	{ IFLA_BR_MCAST_QUERIER_INTVL, K_U64, 0 },	/* mcast_querier_interval */
	{ IFLA_BR_MCAST_QUERY_INTVL, K_U64, 0 },	/* mcast_query_interval */
	{ IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, K_U64, 0 },	/* mcast_query_response_interval */
	{ IFLA_BR_MCAST_STARTUP_QUERY_INTVL, K_U64, 0 },	/* mcast_startup_query_interval */
	{ IFLA_BR_MCAST_STATS_ENABLED, K_U8, 0 },	/* mcast_stats_enabled */
	{ IFLA_BR_MCAST_IGMP_VERSION, K_U8, 0 },	/* mcast_igmp_version */
	{ IFLA_BR_MCAST_MLD_VERSION, K_U8, 0 },	/* mcast_mld_version */
	{ IFLA_BR_NF_CALL_IPTABLES, K_U8, 0 },	/* nf_call_iptables */
	{ IFLA_BR_NF_CALL_IP6TABLES, K_U8, 0 },	/* nf_call_ip6tables */
	{ IFLA_BR_NF_CALL_ARPTABLES, K_U8, 0 }	/* nf_call_arptables */
};

/* ---- vlan ---- */

NSBOX_USAGE(vlan_usage,
	"Usage: ... vlan id VLANID\n"
	NSBOX_USAGE_MORE("\t\t[ protocol VLANPROTO ]\n"
	"\t\t[ reorder_hdr { on | off } ]\n"
	"\t\t[ gvrp { on | off } ]\n"
	"\t\t[ mvrp { on | off } ]\n"
	"\t\t[ loose_binding { on | off } ]\n"
	"\t\t[ bridge_binding { on | off } ]\n"
	"\t\t[ ingress-qos-map QOS-MAP ]\n"
	"\t\t[ egress-qos-map QOS-MAP ]\n"
	"\n"
	"VLANID := 0-4095\n"
	"VLANPROTO: [ 802.1Q | 802.1ad ]\n"
	"QOS-MAP := [ QOS-MAP ] QOS-MAPPING\n"
	"QOS-MAPPING := FROM:TO\n"));

/* K_CODE cases of vlan: 1 protocol, 2 id, 3.. a flag "WORD on|off" (bit val - 3). */
static const char vlan_names[] =
	"protocol\0id\0reorder_hdr\0gvrp\0mvrp\0loose_binding\0bridge_binding\0ingress-qos-map\0"
	"egress-qos-map\0";
static const struct kopt vlan_opts[] = {
	{ IFLA_VLAN_PROTOCOL, K_CODE, 1 },	/* protocol */
	{ IFLA_VLAN_ID, K_CODE, 2 },	/* id */
	{ 0, K_CODE, 3 },	/* reorder_hdr */
	{ 0, K_CODE, 4 },	/* gvrp */
	{ 0, K_CODE, 5 },	/* mvrp */
	{ 0, K_CODE, 6 },	/* loose_binding */
	{ 0, K_CODE, 7 },	/* bridge_binding */
	{ IFLA_VLAN_INGRESS_QOS, K_CODE, 8 },	/* ingress-qos-map */
	{ IFLA_VLAN_EGRESS_QOS, K_CODE, 8 }	/* egress-qos-map */
};

/* ---- macvlan, macvtap ---- */

NSBOX_USAGE(macvlan_usage,
	"Usage: ... %s mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]\n"
	NSBOX_USAGE_MORE("\n"
	"MODE: private | vepa | bridge | passthru | source\n"
	"MODE_FLAG: null | nopromisc | nodst\n"
	"MODE_OPTS: for mode \"source\":\n"
	"\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }\n"
	"BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]\n"));

/* ---- ipvlan, ipvtap ---- */

NSBOX_USAGE(ipvlan_usage,
	"Usage: ... %s [ mode MODE ] [ FLAGS ]\n"
	NSBOX_USAGE_MORE("\n"
	"MODE: l3 | l3s | l2\n"
	"FLAGS: bridge | private | vepa\n"
	"(first values are the defaults if nothing is specified).\n"));

/* ---- vxlan ---- */

NSBOX_USAGE(vxlan_usage,
	"Usage: ... vxlan id VNI\n"
	NSBOX_USAGE_MORE("\t\t[ { group | remote } IP_ADDRESS ]\n"
	"\t\t[ local ADDR ]\n"
	"\t\t[ ttl TTL ]\n"
	"\t\t[ tos TOS ]\n"
	"\t\t[ df DF ]\n"
	"\t\t[ flowlabel LABEL ]\n"
	"\t\t[ dev PHYS_DEV ]\n"
	"\t\t[ dstport PORT ]\n"
	"\t\t[ srcport MIN MAX ]\n"
	"\t\t[ [no]learning ]\n"
	"\t\t[ [no]proxy ]\n"
	"\t\t[ [no]rsc ]\n"
	"\t\t[ [no]l2miss ]\n"
	"\t\t[ [no]l3miss ]\n"
	"\t\t[ ageing SECONDS ]\n"
	"\t\t[ maxaddress NUMBER ]\n"
	"\t\t[ [no]udpcsum ]\n"
	"\t\t[ [no]udp6zerocsumtx ]\n"
	"\t\t[ [no]udp6zerocsumrx ]\n"
	"\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]\n"
	"\t\t[ [no]external ] [ gbp ] [ gpe ]\n"
	"\t\t[ [no]vnifilter ]\n"
	"\n"
	"Where:\tVNI\t:= 0-16777215\n"
	"\tADDR\t:= { IP_ADDRESS | any }\n"
	"\tTOS\t:= { NUMBER | inherit }\n"
	"\tTTL\t:= { 1..255 | auto | inherit }\n"
	"\tDF\t:= { unset | set | inherit }\n"
	"\tLABEL := 0-1048575\n"));

/* K_CODE cases of vxlan. */
enum { X_ID = 1, X_GROUP, X_REMOTE, X_LOCAL, X_DEV, X_TTL, X_TOS, X_DF, X_LABEL, X_AGEING,
       X_LIMIT, X_SRCPORT, X_DSTPORT, X_NOLEARN, X_LEARN, X_EXTERNAL, X_NOEXTERNAL };
static const char vxlan_names[] =
	"id\0vni\0group\0remote\0local\0dev\0ttl\0hoplimit\0tos\0dsfield\0df\0label\0flowlabel\0"
	"ageing\0maxaddress\0port\0srcport\0dstport\0nolearning\0learning\0noproxy\0proxy\0norsc\0"
	"rsc\0nol2miss\0l2miss\0nol3miss\0l3miss\0udpcsum\0noudpcsum\0udp6zerocsumtx\0"
	"noudp6zerocsumtx\0udp6zerocsumrx\0noudp6zerocsumrx\0remcsumtx\0noremcsumtx\0remcsumrx\0"
	"noremcsumrx\0external\0noexternal\0gbp\0gpe\0";
/* The name check_duparg says for a K_CODE case that has other names: its vxlan_names' + 1. */
static const unsigned char vx_key[X_NOEXTERNAL + 1] = {
	[X_ID] = 1, [X_TTL] = 7, [X_TOS] = 9, [X_LABEL] = 13, [X_SRCPORT] = 17,
};
static const struct kopt vxlan_opts[] = {
	{ IFLA_VXLAN_ID, K_CODE, X_ID },	/* id */
	{ IFLA_VXLAN_ID, K_CODE, X_ID },	/* vni */
	{ IFLA_VXLAN_GROUP, K_CODE, X_GROUP },	/* group */
	{ IFLA_VXLAN_GROUP, K_CODE, X_REMOTE },	/* remote */
	{ IFLA_VXLAN_LOCAL, K_CODE, X_LOCAL },	/* local */
	{ IFLA_VXLAN_LINK, K_CODE, X_DEV },	/* dev */
	{ IFLA_VXLAN_TTL, K_CODE, X_TTL },	/* ttl */
	{ IFLA_VXLAN_TTL, K_CODE, X_TTL },	/* hoplimit */
	{ IFLA_VXLAN_TOS, K_CODE, X_TOS },	/* tos */
	{ IFLA_VXLAN_TOS, K_CODE, X_TOS },	/* dsfield */
	{ IFLA_VXLAN_DF, K_CODE, X_DF },	/* df */
	{ IFLA_VXLAN_LABEL, K_CODE, X_LABEL },	/* label */
	{ IFLA_VXLAN_LABEL, K_CODE, X_LABEL },	/* flowlabel */
	{ IFLA_VXLAN_AGEING, K_CODE, X_AGEING },	/* ageing */
	{ IFLA_VXLAN_LIMIT, K_CODE, X_LIMIT },	/* maxaddress */
	{ IFLA_VXLAN_PORT_RANGE, K_CODE, X_SRCPORT },	/* port */
	{ IFLA_VXLAN_PORT_RANGE, K_CODE, X_SRCPORT },	/* srcport */
	{ IFLA_VXLAN_PORT, K_CODE, X_DSTPORT },	/* dstport */
	{ IFLA_VXLAN_LEARNING, K_CODE, X_NOLEARN },	/* nolearning */
	{ IFLA_VXLAN_LEARNING, K_CODE, X_LEARN },	/* learning */
	{ IFLA_VXLAN_PROXY, K_CONST, 0 },	/* noproxy */
	{ IFLA_VXLAN_PROXY, K_CONST, 1 },	/* proxy */
	{ IFLA_VXLAN_RSC, K_CONST, 0 },	/* norsc */
	{ IFLA_VXLAN_RSC, K_CONST, 1 },	/* rsc */
	{ IFLA_VXLAN_L2MISS, K_CONST, 0 },	/* nol2miss */
	{ IFLA_VXLAN_L2MISS, K_CONST, 1 },	/* l2miss */
	{ IFLA_VXLAN_L3MISS, K_CONST, 0 },	/* nol3miss */
	{ IFLA_VXLAN_L3MISS, K_CONST, 1 },	/* l3miss */
	{ IFLA_VXLAN_UDP_CSUM, K_CONST, 1 },	/* udpcsum */
	{ IFLA_VXLAN_UDP_CSUM, K_CONST, 0 },	/* noudpcsum */
	{ IFLA_VXLAN_UDP_ZERO_CSUM6_TX, K_CONST, 1 },	/* udp6zerocsumtx */
	{ IFLA_VXLAN_UDP_ZERO_CSUM6_TX, K_CONST, 0 },	/* noudp6zerocsumtx */
	{ IFLA_VXLAN_UDP_ZERO_CSUM6_RX, K_CONST, 1 },	/* udp6zerocsumrx */
	{ IFLA_VXLAN_UDP_ZERO_CSUM6_RX, K_CONST, 0 },	/* noudp6zerocsumrx */
	{ IFLA_VXLAN_REMCSUM_TX, K_CONST, 1 },	/* remcsumtx */
	{ IFLA_VXLAN_REMCSUM_TX, K_CONST, 0 },	/* noremcsumtx */
	{ IFLA_VXLAN_REMCSUM_RX, K_CONST, 1 },	/* remcsumrx */
	{ IFLA_VXLAN_REMCSUM_RX, K_CONST, 0 },	/* noremcsumrx */
	{ IFLA_VXLAN_COLLECT_METADATA, K_CODE, X_EXTERNAL },	/* external */
	{ IFLA_VXLAN_COLLECT_METADATA, K_CODE, X_NOEXTERNAL },	/* noexternal */
	{ IFLA_VXLAN_GBP, K_EMPTY, 0 },	/* gbp */
	{ IFLA_VXLAN_GPE, K_EMPTY, 0 }	/* gpe */
};

#define NEXT() do { if (--argc <= 0) ip_incomplete(); argv++; } while (0)

static void next_word(int *argc, char ***argv)
{
	if (--*argc <= 0)
		ip_incomplete();
	++*argv;
}

static void bridge_parse(struct link_req *r, int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const struct kopt *t = kopt_find(bridge_names, bridge_opts, *argv);
		uint16_t proto;

		if (t && put_simple(r, t, &argc, &argv))
			continue;
		if (t && t->val == 1) {
			NEXT();
			if (vlan_proto(*argv, &proto))
				bad("invalid vlan_protocol", *argv);
			put(r, t->attr, &proto, 2);
		} else if (!t && kw_is(*argv, "help")) {
			kind_fail(bridge_usage, NULL);
		} else {
			unknown("bridge", t ? "option \"%s\" is not supported by nsbox\n" : "unknown command \"%s\"?\n",
				*argv, t ? NULL : bridge_usage);
		}
	}
}

static void vlan_parse(struct link_req *r, int argc, char **argv)
{
	struct ifla_vlan_flags fl = { 0, 0 };
	uint16_t v;
	uint32_t n;

	for (; argc > 0; argc--, argv++) {
		const struct kopt *t = kopt_find(vlan_names, vlan_opts, *argv);

		if (!t) {
			if (kw_is(*argv, "help"))
				kind_fail(vlan_usage, NULL);
			unknown("vlan", "unknown command \"%s\"?\n", *argv, vlan_usage);
		}
		NEXT();
		if (t->val == 8) {
			/* FROM:TO pairs up to the first word without a colon. */
			struct nlattr *nest = nlb_nest_start(&kdata, t->attr);
			for (; argc > 0; argc--, argv++) {
				char *colon = strchr(*argv, ':');
				uint32_t m[2];
				if (!colon)
					break;
				*colon = 0;
				if (parse_u32(*argv, &m[0], 0) || parse_u32(colon + 1, &m[1], 0))
					bad(t->attr == IFLA_VLAN_INGRESS_QOS ? "invalid ingress-qos-map" :
					    "invalid egress-qos-map", *argv);
				put(r, IFLA_VLAN_QOS_MAPPING, m, sizeof(m));
			}
			nlb_nest_end(&kdata, nest);
			argc++, argv--;
			continue;
		}
		if (t->val == 1) {
			if (vlan_proto(*argv, &v))
				bad("protocol is invalid", *argv);
			put(r, t->attr, &v, 2);
		} else if (t->val == 2) {
			if (parse_u32(*argv, &n, 0) || n > 0xffff)
				bad("id is invalid", *argv);
			put_u16(r, t->attr, (uint16_t)n);
		} else {
			uint32_t bit = 1u << (t->val - 3);
			fl.mask |= bit;
			if (!strcmp(*argv, "on"))
				fl.flags |= bit;
			else if (!strcmp(*argv, "off"))
				fl.flags &= ~bit;
			else
				ip_fail(1, "Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\"\n",
					kname, *argv);
		}
	}
	if (fl.mask)
		put(r, IFLA_VLAN_FLAGS, &fl, sizeof(fl));
}

static const char macvlan_modes[] = "private\0vepa\0bridge\0passthru\0source\0";

static void macvlan_parse(struct link_req *r, const char *kind, int argc, char **argv)
{
	uint32_t mode = 0, n;
	uint16_t flags = 0;
	int has_flags = 0;
	unsigned i;

	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;

		if (kw_is(w, "mode")) {
			NEXT();
			i = (unsigned)kw_whole(macvlan_modes, *argv);
			if (i == (unsigned)-1)
				ip_fail(1, "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", "
					"\"passthru\" or \"source\", not \"%s\"\n", *argv);
			mode = 1u << i;
		} else if (kw_is(w, "flag")) {
			NEXT();
			if (!strcmp(*argv, "nopromisc"))
				flags |= MACVLAN_FLAG_NOPROMISC;
			else if (!strcmp(*argv, "nodst"))
				flags |= MACVLAN_FLAG_NODST;
			else if (strcmp(*argv, "null"))
				ip_fail(1, "Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\", "
					"not \"%s\"\n", *argv);
			has_flags = 1;
		} else if (kw_is(w, "macaddr")) {
			static const char ops[] = "add\0del\0flush\0set\0";  /* MACVLAN_MACADDR_* */
			unsigned char mac[6];
			NEXT();
			i = (unsigned)kw_whole(ops, *argv);
			if (i == (unsigned)-1)
				kind_fail(macvlan_usage, kind);
			put_u32(r, IFLA_MACVLAN_MACADDR_MODE, i);
			if (i < 2) {
				NEXT();
				const char *bad = *argv;
				int blen = (int)strlen(bad);
				if (lladdr_parse(*argv, mac, 6, &bad, &blen) != 6)
					ip_fail(1, "\"%.*s\" is invalid lladdr.\n", blen, bad);
				put(r, IFLA_MACVLAN_MACADDR, mac, 6);
			} else if (i == 3) {
				struct nlattr *nest = nlb_nest_start(&kdata, IFLA_MACVLAN_MACADDR_DATA);
				for (; argc > 1 && lladdr_parse(argv[1], mac, 6, NULL, NULL) == 6; argc--, argv++)
					put(r, IFLA_MACVLAN_MACADDR, mac, 6);
				nlb_nest_end(&kdata, nest);
			}
		} else if (kw_is(w, "nopromisc") || kw_is(w, "nodst")) {
			flags |= kw_is(w, "nopromisc") ? MACVLAN_FLAG_NOPROMISC : MACVLAN_FLAG_NODST;
			has_flags = 1;
		} else if (kw_is(w, "bcqueuelen")) {
			NEXT();
			if (parse_u32(*argv, &n, 0))
				ip_fail(1, "Error: argument of \"bcqueuelen\" must be a positive integer "
					"[0-4294967295], not \"%s\"\n", *argv);
			put_u32(r, IFLA_MACVLAN_BC_QUEUE_LEN, n);
		} else if (kw_is(w, "help")) {
			kind_fail(macvlan_usage, kind);
		} else {
			unknown(kind, "unknown option \"%s\"?\n", w, macvlan_usage);
		}
	}
	if (mode)
		put_u32(r, IFLA_MACVLAN_MODE, mode);
	if (has_flags) {
		if (flags & MACVLAN_FLAG_NOPROMISC && mode != MACVLAN_MODE_PASSTHRU)
			unknown(kind, "%s\n", "nopromisc flag only valid in passthru mode", macvlan_usage);
		put_u16(r, IFLA_MACVLAN_FLAGS, flags);
	}
}

static void ipvlan_parse(struct link_req *r, const char *kind, int argc, char **argv)
{
	uint16_t flags = 0;
	int given = 0;

	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;

		if (kw_is(w, "mode")) {
			NEXT();
			if (strcmp(*argv, "l2") && strcmp(*argv, "l3") && strcmp(*argv, "l3s"))
				ip_fail(1, "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"\n");
			put_u16(r, IFLA_IPVLAN_MODE, (*argv)[1] == '2' ? IPVLAN_MODE_L2 :
				(*argv)[2] ? IPVLAN_MODE_L3S : IPVLAN_MODE_L3);
		} else if (!given && (kw_is(w, "private") || kw_is(w, "vepa") || kw_is(w, "bridge"))) {
			flags = *w == 'p' ? IPVLAN_F_PRIVATE : *w == 'v' ? IPVLAN_F_VEPA : 0;
			given = 1;
		} else if (kw_is(w, "help")) {
			kind_fail(ipvlan_usage, kind);
		} else {
			unknown(kind, "unknown option \"%s\"?\n", w, ipvlan_usage);
		}
	}
	put_u16(r, IFLA_IPVLAN_FLAGS, flags);
}

/* iproute2's check_duparg(): each attribute once. */
static void once(uint64_t *seen, int attr, const char *key, const char *arg)
{
	if (*seen >> attr & 1)
		ip_duparg2(key, arg);
	*seen |= 1ull << attr;
}

static int is_multi(const struct inet_prefix *p)
{
	return p->family == AF_INET ? (p->data[0] & 0xf0) == 0xe0 : p->data[0] == 0xff;
}

/* group, remote or local: an address of the family of the other one, if it has one. */
static void vx_addr(struct inet_prefix *p, const char *arg, int family, int multi, const char *what)
{
	static const char *const fam[] = { "any valid", "inet", "inet6" };

	if (!strcmp(arg, "default") || !strcmp(arg, "any") || !strcmp(arg, "all"))
		bad(what, arg);
	if (inet_get_addr(p, arg, family))
		die(1, "Error: %s address is expected rather than \"%s\".\n",
		    fam[family == AF_INET ? 1 : family == AF_INET6 ? 2 : 0], arg);
	if (is_multi(p) != multi)
		bad(what, arg);
}

/* The vxlan words that put their attribute at once (argv at the value). */
static void vxlan_put_word(struct link_req *r, const struct kopt *t, int *argc, char ***argv)
{
	uint32_t n, n2;

	switch (t->val) {
	case X_DEV:
		n = (uint32_t)rtnl_link_index(ip_sock(), **argv);
		if ((int32_t)n <= 0)
			die(255, "Cannot find device \"%s\"\n", **argv);
		put_u32(r, t->attr, n);
		break;
	case X_TTL:
		if (!strcmp(**argv, "inherit")) {
			put(r, IFLA_VXLAN_TTL_INHERIT, NULL, 0);
			break;
		}
		n = 0;
		if (strcmp(**argv, "auto") && parse_u32(**argv, &n, 0))
			bad("invalid TTL", **argv);
		if (n > 255)
			bad("TTL must be <= 255", **argv);
		put_u8(r, t->attr, (uint8_t)n);
		break;
	case X_TOS:
		n = 1;
		if (strcmp(**argv, "inherit") && (parse_u32(**argv, &n, 16) || n > 255))
			bad("bad TOS value", **argv);
		put_u8(r, t->attr, (uint8_t)n);
		break;
	case X_DF:
		n = (uint32_t)kw_whole("unset\0set\0inherit\0", **argv);
		if (n == (uint32_t)-1)
			bad("DF must be 'unset', 'set' or 'inherit'", **argv);
		put_u8(r, t->attr, (uint8_t)n);
		break;
	case X_LABEL:
		if (parse_u32(**argv, &n, 0) || n & ~0xfffffu)
			bad("invalid flowlabel", **argv);
		put_u32(r, t->attr, htonl(n));
		break;
	case X_AGEING: case X_LIMIT:
		n = 0;
		if (strcmp(**argv, t->val == X_AGEING ? "none" : "unlimited") && parse_u32(**argv, &n, 0))
			bad(t->val == X_AGEING ? "ageing timer" : "max addresses", **argv);
		put_u32(r, t->attr, n);
		break;
	case X_SRCPORT:
		if (parse_u32(**argv, &n, 0) || n > 0xffff)
			bad("min port", **argv);
		next_word(argc, argv);
		if (parse_u32(**argv, &n2, 0) || n2 > 0xffff)
			bad("max port", **argv);
		if (n || n2) {
			uint16_t range[2] = { htons((uint16_t)n), htons((uint16_t)n2) };
			put(r, t->attr, range, sizeof(range));
		}
		break;
	}
}

static void vxlan_parse(struct link_req *r, int argc, char **argv)
{
	struct inet_prefix sa = { .family = AF_UNSPEC }, da = { .family = AF_UNSPEC };
	uint64_t seen = 0;
	uint32_t vni = 0, n;
	uint16_t dstport = 0;
	uint8_t learning = 1, metadata = 0;
	int set_da = 0, set_sa = 0, set_op = r->index != 0;  /* ip link set ... type vxlan */

	for (; argc > 0; argc--, argv++) {
		const struct kopt *t = kopt_find(vxlan_names, vxlan_opts, *argv);
		const char *w = *argv;

		if (!t) {
			if (kw_is(w, "help"))
				kind_fail(vxlan_usage, NULL);
			unknown("vxlan", "unknown command \"%s\"?\n", w, vxlan_usage);
		}
		if (t->how != K_CODE) {
			once(&seen, t->attr, w, w);
			put_simple(r, t, &argc, &argv);
			continue;
		}
		switch (t->val) {
		case X_NOLEARN: case X_LEARN: case X_EXTERNAL: case X_NOEXTERNAL:
			once(&seen, t->attr, w, w);
			if (t->val < X_EXTERNAL) {
				learning = t->val == X_LEARN;
			} else {
				metadata = t->val == X_EXTERNAL;
				learning &= !metadata;
				put_u8(r, t->attr, metadata);
			}
			continue;
		case X_GROUP: case X_REMOTE:
			if (set_da && is_multi(&da) != (t->val == X_GROUP))
				ip_fail(1, "vxlan: both group and remote cannot be specified\n");
			break;
		}
		NEXT();
		once(&seen, t->attr, vx_key[t->val] ? kw_nth(vxlan_names, vx_key[t->val] - 1u) : kname, *argv);
		switch (t->val) {
		case X_ID:
			if (parse_u32(*argv, &vni, 0) || vni >= 1u << 24)
				bad("invalid id", *argv);
			break;
		case X_GROUP: case X_REMOTE:
			vx_addr(&da, *argv, sa.family, t->val == X_GROUP,
				t->val == X_GROUP ? "invalid group address" : "invalid remote address");
			set_da = 1;
			break;
		case X_LOCAL:
			vx_addr(&sa, *argv, da.family, 0, "invalid local address");
			set_sa = 1;
			break;
		case X_DEV: case X_TTL: case X_TOS: case X_DF: case X_LABEL: case X_AGEING: case X_LIMIT:
		case X_SRCPORT:
			vxlan_put_word(r, t, &argc, &argv);
			break;
		case X_DSTPORT:
			if (parse_u32(*argv, &n, 0) || n > 0xffff)
				bad("dst port", *argv);
			dstport = (uint16_t)n;
			break;
		}
	}
	if (metadata && seen >> IFLA_VXLAN_ID & 1)
		ip_fail(1, "vxlan: both 'external' and vni cannot be specified\n");
	if (!metadata && !(seen >> IFLA_VXLAN_ID & 1) && !set_op)
		ip_fail(1, "vxlan: missing virtual network identifier\n");
	if (set_da && is_multi(&da) && !(seen >> IFLA_VXLAN_LINK & 1))
		ip_fail(1, "vxlan: 'group' requires 'dev' to be specified\n");
	if (!(seen >> IFLA_VXLAN_PORT & 1) && seen >> IFLA_VXLAN_GPE & 1)
		dstport = 4790;
	else if (!(seen >> IFLA_VXLAN_PORT & 1) && !set_op)
		errf("vxlan: destination port not specified\n"
		     "Will use Linux kernel default (non-standard value)\n"
		     "Use 'dstport 4789' to get the IANA assigned value\n"
		     "Use 'dstport 0' to get default and quiet this message\n");
	if (seen >> IFLA_VXLAN_ID & 1)
		put_u32(r, IFLA_VXLAN_ID, vni);
	if (set_sa)
		put(r, sa.family == AF_INET ? IFLA_VXLAN_LOCAL : IFLA_VXLAN_LOCAL6, sa.data, inet_alen(sa.family));
	if (set_da)
		put(r, da.family == AF_INET ? IFLA_VXLAN_GROUP : IFLA_VXLAN_GROUP6, da.data, inet_alen(da.family));
	else if (!set_sa && (ipo.family == AF_INET || ipo.family == AF_INET6))
		put(r, ipo.family == AF_INET ? IFLA_VXLAN_GROUP : IFLA_VXLAN_GROUP6, (char[16]){ 0 },
		    inet_alen(ipo.family));
	if (!set_op || seen >> IFLA_VXLAN_LEARNING & 1)
		put_u8(r, IFLA_VXLAN_LEARNING, learning);
	if (dstport)
		put_u16(r, IFLA_VXLAN_PORT, htons(dstport));
}

/* ---- bridge_slave: a bridge port's options, IFLA_INFO_SLAVE_DATA ---- */

NSBOX_USAGE(brport_usage,
	"Usage: ... bridge_slave [ fdb_flush ]\n"
	NSBOX_USAGE_MORE("\t\t\t[ state STATE ]\n"
	"\t\t\t[ priority PRIO ]\n"
	"\t\t\t[ cost COST ]\n"
	"\t\t\t[ guard {on | off} ]\n"
	"\t\t\t[ hairpin {on | off} ]\n"
	"\t\t\t[ fastleave {on | off} ]\n"
	"\t\t\t[ root_block {on | off} ]\n"
	"\t\t\t[ learning {on | off} ]\n"
	"\t\t\t[ flood {on | off} ]\n"
	"\t\t\t[ proxy_arp {on | off} ]\n"
	"\t\t\t[ proxy_arp_wifi {on | off} ]\n"
	"\t\t\t[ mcast_router MULTICAST_ROUTER ]\n"
	"\t\t\t[ mcast_fast_leave {on | off} ]\n"
	"\t\t\t[ mcast_flood {on | off} ]\n"
	"\t\t\t[ bcast_flood {on | off} ]\n"
	"\t\t\t[ mcast_to_unicast {on | off} ]\n"
	"\t\t\t[ group_fwd_mask MASK ]\n"
	"\t\t\t[ neigh_suppress {on | off} ]\n"
	"\t\t\t[ vlan_tunnel {on | off} ]\n"
	"\t\t\t[ isolated {on | off} ]\n"
	"\t\t\t[ locked {on | off} ]\n"
	"\t\t\t[ backup_port DEVICE ] [ nobackup_port ]\n"));

/* K_CODE cases. A second table rather than bridge link set's (cmds/bridge/link.c): the words,
 * their order and state's parsing differ (iproute2 takes a number only here). */
enum { BP_ONOFF, BP_DEV, BP_NODEV };
static const char brport_names[] =
	"fdb_flush\0state\0priority\0cost\0hairpin\0guard\0root_block\0fastleave\0learning\0flood\0"
	"mcast_flood\0bcast_flood\0mcast_to_unicast\0proxy_arp\0proxy_arp_wifi\0mcast_router\0"
	"mcast_fast_leave\0neigh_suppress\0group_fwd_mask\0vlan_tunnel\0isolated\0locked\0backup_port\0"
	"nobackup_port\0";
static const struct kopt brport_opts[] = {
	{ IFLA_BRPORT_FLUSH, K_EMPTY, 0 },	/* fdb_flush */
	{ IFLA_BRPORT_STATE, K_U8, ISINV },	/* state */
	{ IFLA_BRPORT_PRIORITY, K_U16, ISINV },	/* priority */
	{ IFLA_BRPORT_COST, K_U32, ISINV },	/* cost */
	{ IFLA_BRPORT_MODE, K_CODE, BP_ONOFF },	/* hairpin */
	{ IFLA_BRPORT_GUARD, K_CODE, BP_ONOFF },	/* guard */
	{ IFLA_BRPORT_PROTECT, K_CODE, BP_ONOFF },	/* root_block */
	{ IFLA_BRPORT_FAST_LEAVE, K_CODE, BP_ONOFF },	/* fastleave */
	{ IFLA_BRPORT_LEARNING, K_CODE, BP_ONOFF },	/* learning */
	{ IFLA_BRPORT_UNICAST_FLOOD, K_CODE, BP_ONOFF },	/* flood */
	{ IFLA_BRPORT_MCAST_FLOOD, K_CODE, BP_ONOFF },	/* mcast_flood */
	{ IFLA_BRPORT_BCAST_FLOOD, K_CODE, BP_ONOFF },	/* bcast_flood */
	{ IFLA_BRPORT_MCAST_TO_UCAST, K_CODE, BP_ONOFF },	/* mcast_to_unicast */
	{ IFLA_BRPORT_PROXYARP, K_CODE, BP_ONOFF },	/* proxy_arp */
	{ IFLA_BRPORT_PROXYARP_WIFI, K_CODE, BP_ONOFF },	/* proxy_arp_wifi */
	{ IFLA_BRPORT_MULTICAST_ROUTER, K_U8, 0 },	/* mcast_router */
	{ IFLA_BRPORT_FAST_LEAVE, K_CODE, BP_ONOFF },	/* mcast_fast_leave */
	{ IFLA_BRPORT_NEIGH_SUPPRESS, K_CODE, BP_ONOFF },	/* neigh_suppress */
	{ IFLA_BRPORT_GROUP_FWD_MASK, K_U16, 0 },	/* group_fwd_mask */
	{ IFLA_BRPORT_VLAN_TUNNEL, K_CODE, BP_ONOFF },	/* vlan_tunnel */
	{ IFLA_BRPORT_ISOLATED, K_CODE, BP_ONOFF },	/* isolated */
	{ IFLA_BRPORT_LOCKED, K_CODE, BP_ONOFF },	/* locked */
	{ IFLA_BRPORT_BACKUP_PORT, K_CODE, BP_DEV },	/* backup_port */
	{ IFLA_BRPORT_BACKUP_PORT, K_CODE, BP_NODEV }	/* nobackup_port */
};

static void brport_parse(struct link_req *r, int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const struct kopt *t = kopt_find(brport_names, brport_opts, *argv);
		int n;

		if (t && put_simple(r, t, &argc, &argv))
			continue;
		if (!t && kw_is(*argv, "help"))
			kind_fail(brport_usage, NULL);
		if (!t)
			unknown("bridge_slave", "unknown option \"%s\"?\n", *argv, brport_usage);
		if (t->val == BP_NODEV) {
			put_u32(r, t->attr, 0);
			continue;
		}
		NEXT();
		if (t->val == BP_DEV) {
			if (!(n = ip_ll_index(*argv)))
				bad("Device does not exist\n", *argv);
			put_u32(r, t->attr, (uint32_t)n);
			continue;
		}
		/* parse_on_off (any beginning of off or on), then iproute2 exits 1 */
		if ((n = kw_is(*argv, "off") ? 0 : kw_is(*argv, "on") ? 1 : -1) < 0)
			die(1, "Error: argument of \"%s\" must be one of \"off\", \"on\", not \"%s\"\n", kname, *argv);
		put_u8(r, t->attr, (uint8_t)n);
	}
}

int ip_link_kind_opts(struct link_req *r, int argc, char **argv)
{
	const char *k = r->kind;

	int i = kw_whole("bridge\0vlan\0macvlan\0macvtap\0ipvlan\0ipvtap\0vxlan\0macsec\0bridge_slave\0", k);

	nlb_init(&kdata, kdata_buf, sizeof(kdata_buf), 0, 0);
	if (i == 0)
		bridge_parse(r, argc, argv);
	else if (i == 1)
		vlan_parse(r, argc, argv);
	else if (i == 2 || i == 3)
		macvlan_parse(r, k, argc, argv);
	else if (i == 4 || i == 5)
		ipvlan_parse(r, k, argc, argv);
	else if (i == 6)
		vxlan_parse(r, argc, argv);
	else if (i == 7 && !NSBOX_FEATURE_IP_MACSEC)
		NSBOX_LEFT_OUT("options of the link kind macsec", "NSBOX_FEATURE_IP_MACSEC");
	else if (i == 7)
		macsec_kind_parse(&kdata, argc, argv);
	else if (i == 8)
		brport_parse(r, argc, argv);
	else if (!NSBOX_FEATURE_LINK_TUNNELS && tunnel_kind_named(k))
		NSBOX_LEFT_OUT("options of tunnel kinds", "NSBOX_FEATURE_LINK_TUNNELS");
	else if (!NSBOX_FEATURE_VRF && kw_whole("vrf\0vrf_slave\0", k) >= 0)
		NSBOX_LEFT_OUT("options of the link kind vrf", "NSBOX_FEATURE_VRF");
	else if (!NSBOX_FEATURE_LINK_BOND && kw_whole("bond\0bond_slave\0", k) >= 0)
		NSBOX_LEFT_OUT("options of the link kind bond", "NSBOX_FEATURE_LINK_BOND");
	else if ((!(NSBOX_FEATURE_VRF || NSBOX_FEATURE_LINK_BOND) || ip_link_bv_opts(r, &kdata, argc, argv)) &&
		 (!NSBOX_FEATURE_LINK_TUNNELS || tunnel_kind_parse(&kdata, r, argc, argv)))
		return -1;
	if (kdata.overflow)
		die(255, "Error: too many options.\n");
	r->data = nlb_attrs(&kdata);
	r->data_len = nlb_attrs_len(&kdata);
	return 0;
}
