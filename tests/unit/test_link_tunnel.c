/* The tunnel link kinds (ip_link_tunnel.c through ip_link_kind_opts) and the RTM_NEWLINK that
 * rtnl_link_build makes of their words, byte for byte against iproute2 6.1 (captured with strace
 * in a throwaway netns, nlmsg_seq and nlmsg_pid not compared): all the attributes iproute2 puts,
 * defaults included, in its order, for each family of kinds (GRE over IPv4 and IPv6, erspan
 * versions 1 and 2, ipip and sit with fou and 6rd, vti, vti6, geneve). */
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <linux/sockios.h>
#include "ip.h"
#include "ip_tunnel.h"
#include "rtnl.h"
#include "unit.h"

#define ADD_FLAGS (NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE)

struct trow {
	const char *what;       /* the iproute2 command captured */
	const char *kind;
	const char *words;      /* after "type KIND" */
	const char *hex;        /* iproute2's RTM_NEWLINK */
};

static const struct trow rows[] = {
	{ "ip link add x0 type gretap seq key 102 local 172.16.1.100 remote 172.16.1.200", "gretap", "seq key 102 local 172.16.1.100 remote 172.16.1.200",
	  "ac000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 84001200 0a000100 67726574 61700000 74000200 08000400"
	  "00000066 08000500 00000066 06000200 30000000 06000300 30000000 08000600"
	  "ac100164 08000700 ac1001c8 05000a00 01000000 05000900 00000000 05000800"
	  "00000000 08001400 00000000 06000e00 00000000 06000f00 00000000 06001000"
	  "00000000 06001100 00000000" },
	{ "ip link add x0 type erspan seq key 102 local 172.16.1.100 remote 172.16.1.200 erspan_ver 1 erspan 488", "erspan", "seq key 102 local 172.16.1.100 remote 172.16.1.200 erspan_ver 1 erspan 488",
	  "bc000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 94001200 0a000100 65727370 616e0000 84000200 08000400"
	  "00000066 08000500 00000066 06000200 30000000 06000300 30000000 08000600"
	  "ac100164 08000700 ac1001c8 05000a00 01000000 05000900 00000000 05000800"
	  "00000000 08001400 00000000 05001600 01000000 08001500 e8010000 06000e00"
	  "00000000 06000f00 00000000 06001000 00000000 06001100 00000000" },
	{ "ip link add x0 type erspan seq key 102 local 172.16.1.100 remote 172.16.1.200 erspan_ver 2 erspan_dir ingress erspan_hwid 7", "erspan", "seq key 102 local 172.16.1.100 remote 172.16.1.200 erspan_ver 2 erspan_dir ingress erspan_hwid 7",
	  "c4000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 9c001200 0a000100 65727370 616e0000 8c000200 08000400"
	  "00000066 08000500 00000066 06000200 30000000 06000300 30000000 08000600"
	  "ac100164 08000700 ac1001c8 05000a00 01000000 05000900 00000000 05000800"
	  "00000000 08001400 00000000 05001600 02000000 05001700 00000000 06001800"
	  "07000000 06000e00 00000000 06000f00 00000000 06001000 00000000 06001100"
	  "00000000" },
	{ "ip link add x0 type gre external", "gre", "external",
	  "3c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 14001200 07000100 67726500 08000200 04001200" },
	{ "ip link add x0 type ip6gretap seq key 102 local fc00:100::1 remote fc00:100::2", "ip6gretap", "seq key 102 local fc00:100::1 remote fc00:100::2",
	  "d8000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 b0001200 0d000100 69703667 72657461 70000000 9c000200"
	  "08000400 00000066 08000500 00000066 06000200 30000000 06000300 30000000"
	  "14000600 fc000100 00000000 00000000 00000001 14000700 fc000100 00000000"
	  "00000000 00000002 05000800 40000000 05000b00 04000000 08000c00 00000000"
	  "08000d00 00000000 08001400 00000000 05001600 01000000 06000e00 00000000"
	  "06000f00 02000000 06001000 00000000 06001100 00000000" },
	{ "ip link add x0 type ip6erspan local fc00:100::1 remote fc00:100::2 erspan_ver 2 erspan_dir egress erspan_hwid 17", "ip6erspan", "local fc00:100::1 remote fc00:100::2 erspan_ver 2 erspan_dir egress erspan_hwid 17",
	  "e8000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 c0001200 0d000100 69703665 72737061 6e000000 ac000200"
	  "08000400 00000000 08000500 00000000 06000200 00000000 06000300 00000000"
	  "14000600 fc000100 00000000 00000000 00000001 14000700 fc000100 00000000"
	  "00000000 00000002 05000800 40000000 05000b00 04000000 08000c00 00000000"
	  "08000d00 00000000 08001400 00000000 05001600 02000000 05001700 01000000"
	  "06001800 11000000 06000e00 00000000 06000f00 02000000 06001000 00000000"
	  "06001100 00000000" },
	{ "ip link add x0 type ipip remote 127.0.0.2 encap fou encap-sport auto encap-dport 7777", "ipip", "remote 127.0.0.2 encap fou encap-sport auto encap-dport 7777",
	  "90000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 68001200 08000100 69706970 5c000200 05000900 00000000"
	  "08000300 7f000002 05000a00 01000000 05000500 00000000 05000400 00000000"
	  "08000100 00000000 08001400 00000000 06000f00 01000000 06001000 00000000"
	  "06001100 00000000 06001200 1e610000" },
	{ "ip link add x0 type sit mode ip6ip isatap 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8", "sit", "mode ip6ip isatap 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8",
	  "bc000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 94001200 07000100 73697400 88000200 05000900 29000000"
	  "05000a00 01000000 05000500 00000000 05000400 00000000 08000100 00000000"
	  "08001400 00000000 06000f00 00000000 06001000 00000000 06001100 00000000"
	  "06001200 00000000 06000800 01000000 14000b00 20010db8 00000000 00000000"
	  "00000000 06000d00 20000000 08000c00 0a000000 06000e00 08000000" },
	{ "ip link add x0 type vti remote 1.1.1.1 local 2.2.2.2 ikey 5 okey 6 fwmark 3", "vti", "remote 1.1.1.1 local 2.2.2.2 ikey 5 okey 6 fwmark 3",
	  "60000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 38001200 07000100 76746900 2c000200 08000200 00000005"
	  "08000300 00000006 08000400 02020202 08000500 01010101 08000600 03000000" },
	{ "ip link add x0 type vti6 remote fc00::1 local fc00::2 key 7", "vti6", "remote fc00::1 local fc00::2 key 7",
	  "78000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 50001200 08000100 76746936 44000200 08000200 00000007"
	  "08000300 00000007 14000400 fc000000 00000000 00000000 00000002 14000500"
	  "fc000000 00000000 00000000 00000001 08000600 00000000" },
	{ "ip link add x0 type geneve id 5 remote fc00::1 ttl 3 tos 0x10 df set flowlabel 7 dstport 6081 udpcsum innerprotoinherit", "geneve", "id 5 remote fc00::1 ttl 3 tos 0x10 df set flowlabel 7 dstport 6081 udpcsum innerprotoinherit",
	  "8c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 64001200 0a000100 67656e65 76650000 54000200 05000d00"
	  "01000000 08000100 05000000 14000700 fc000000 00000000 00000000 00000001"
	  "08000b00 00000007 05000300 03000000 05000400 10000000 06000500 17c10000"
	  "04000e00 05000800 01000000" },
};

static void test_request(void **state)
{
	ROW(struct trow);
	static char buf[RTNL_BUF];
	unsigned char g[RTNL_BUF];
	char w[256], *argv[32], *save = NULL;
	struct link_req r;
	struct nlb b;
	int argc = 0;

	golden_host_order();
	assert_true(strlen(row->words) < sizeof(w));
	strcpy(w, row->words);
	for (char *t = strtok_r(w, " ", &save); t; t = strtok_r(NULL, " ", &save))
		argv[argc++] = t;
	link_req_init(&r);
	r.name = "x0";
	r.kind = row->kind;
	assert_int_equal(ip_link_kind_opts(&r, argc, argv), 0);
	rtnl_link_build(&b, buf, sizeof(buf), ADD_FLAGS, &r);
	assert_int_equal(b.overflow, 0);
	memcpy(g, buf, nlb_hdr(&b)->nlmsg_len);
	memset(g + 8, 0, 8);
	assert_bytes(g, nlb_hdr(&b)->nlmsg_len, row->hex, 0);
}

/* ip -6 tunnel add WORDS: the struct ip6_tnl_parm2 that goes to SIOCADDTUNNEL, as iproute2's
 * ip6tunnel.c fills it (hop limit 64 and encap limit 4 by default; flags, link in host order,
 * flowinfo, GRE flags and keys in network order). */
struct prow { const char *words, *hex; };
static const struct prow parms[] = {
	{ "t6 remote 2001:db8::1 local 2001:db8::2",
	  "74360000 00000000 00000000 00000000 00000000 29044000 00000000 00000000"
	  "20010db8 00000000 00000000 00000002 20010db8 00000000 00000000 00000001"
	  "00000000 00000000 00000000" },
	{ "t6 mode ip6gre encaplimit none hoplimit 9 tclass 0x2c flowlabel 0x12345 dscp inherit allow-localremote key 5 iseq ocsum",
	  "74360000 00000000 00000000 00000000 00000000 2f040900 02c12345 51000000"
	  "00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
	  "3000a000 00000005 00000005" },
	{ "t6 mode ipip6 tclass inherit flowlabel inherit ikey 1.2.3.4 hlim 0 noallow-localremote",
	  "74360000 00000000 00000000 00000000 00000000 04040000 00000000 06000000"
	  "00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
	  "20000000 01020304 00000000" },
	{ "mode vti6 t6 remote any local default encaplimit 7 tos 0x10 fl 1",
	  "74360000 00000000 00000000 00000000 00000000 29074000 01000001 00000000"
	  "00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
	  "01000000 00000000 00000000" },
};

static void test_parm6(void **state)
{
	ROW(struct prow);
	struct ip6_tnl_parm2 p;
	char w[256], *argv[32], *save = NULL;
	const char *medium;
	int argc = 0;

	golden_host_order();
	assert_int_equal(sizeof(p), 76);
	assert_true(strlen(row->words) < sizeof(w));
	strcpy(w, row->words);
	for (char *t = strtok_r(w, " ", &save); t; t = strtok_r(NULL, " ", &save))
		argv[argc++] = t;
	tnl6_init(&p, 1);
	assert_int_equal(tnl6_parse(argc, argv, SIOCADDTUNNEL, &p, &medium), 0);
	assert_null(medium);
	assert_bytes(&p, sizeof(p), row->hex, 0);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_request, rows);
	ADD_ROWS(&s, test_parm6, parms);
	return suite_run(&s, "link_tunnel");
}
