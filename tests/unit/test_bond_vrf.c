/* The words after "type vrf|vrf_slave|bond|bond_slave" (ip_link_bv_opts) and the RTM_NEWLINK
 * that rtnl_link_build makes of them, byte for byte against iproute2 6.1 (captured with strace
 * in a throwaway netns; nlmsg_seq and nlmsg_pid not compared); then the exit status and the
 * first line of bad words, in a forked child (the parser exits on them). In the captures v0
 * (the port of the _slave rows) is ifindex 3. */
#include <sys/wait.h>
#include <linux/if_link.h>
#include "ip.h"
#include "ip_bond_vrf.h"
#include "rtnl.h"
#include "unit.h"

static char buf[RTNL_BUF];
static char dbuf[NLMSG_HDRLEN + 1024];
static struct nlb b, d;

/* Space-separated words into argv (pointing into w); the count. */
static int split(const char *words, char *w, size_t cap, char **argv, int max)
{
	int argc = 0;
	char *save = NULL;

	assert_true(strlen(words) < cap);
	strcpy(w, words);
	for (char *t = strtok_r(w, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		assert_true(argc < max - 1);
		argv[argc++] = t;
	}
	argv[argc] = NULL;
	return argc;
}

struct row {
	const char *what;       /* the iproute2 command captured */
	const char *kind;
	int index;              /* ip link set: the port's ifindex; 0: ip link add x0 */
	const char *words;      /* after "type KIND" */
	const char *hex;        /* iproute2's RTM_NEWLINK */
};

static const struct row rows[] = {
	{ "ip link add x0 type vrf table 1101", "vrf", 0, "table 1101",
	  "40000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000 07000300 78300000"
	  "18001200 07000100 76726600 0c000200 08000100 4d040000" },
	{ "ip link add x0 type bond mode 802.3ad miimon 100 updelay 200 downdelay 300 lacp_rate fast "
	  "xmit_hash_policy layer3+4 min_links 2 ad_select count", "bond", 0,
	  "mode 802.3ad miimon 100 updelay 200 downdelay 300 lacp_rate fast xmit_hash_policy layer3+4 "
	  "min_links 2 ad_select count",
	  "78000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000 07000300 78300000"
	  "50001200 08000100 626f6e64 44000200 05000100 04000000 08000300 64000000 08000400 c8000000"
	  "08000500 2c010000 05001500 01000000 05000e00 01000000 08001200 02000000 05001600 02000000" },
	{ "ip link add x0 type bond mode active-backup arp_interval 100 arp_ip_target 192.0.2.1,,192.0.2.2 "
	  "arp_validate all all_slaves_active 1 use_carrier 0 num_grat_arp 3 fail_over_mac active "
	  "primary_reselect better resend_igmp 2 lp_interval 3 packets_per_slave 4 tlb_dynamic_lb 0", "bond", 0,
	  "mode active-backup arp_interval 100 arp_ip_target 192.0.2.1,,192.0.2.2 arp_validate all "
	  "all_slaves_active 1 use_carrier 0 num_grat_arp 3 fail_over_mac active primary_reselect better "
	  "resend_igmp 2 lp_interval 3 packets_per_slave 4 tlb_dynamic_lb 0",
	  "ac000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000 07000300 78300000"
	  "84001200 08000100 626f6e64 78000200 05000100 01000000 08000700 64000000 14000800 08000000"
	  "c0000201 08000100 c0000202 08000900 03000000 05001100 01000000 05000600 00000000 05001000"
	  "03000000 05000d00 01000000 05000c00 01000000 08000f00 02000000 08001300 03000000 08001400"
	  "04000000 05001b00 00000000" },
	{ "ip link add x0 type bond ns_ip6_target 2001:db8::1,::2 ad_actor_system 02:00:00:00:00:01 "
	  "ad_user_port_key 5 ad_actor_sys_prio 7 lacp_active on arp_missed_max 3 peer_notify_delay 100 "
	  "clear_active_slave arp_all_targets 1", "bond", 0,
	  "ns_ip6_target 2001:db8::1,::2 ad_actor_system 02:00:00:00:00:01 ad_user_port_key 5 "
	  "ad_actor_sys_prio 7 lacp_active on arp_missed_max 3 peer_notify_delay 100 clear_active_slave "
	  "arp_all_targets 1",
	  "a8000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000 07000300 78300000"
	  "80001200 08000100 626f6e64 74000200 2c001f00 14000000 20010db8 00000000 00000000 00000001"
	  "14000100 00000000 00000000 00000000 00000002 0a001a00 02000000 00010000 06001900 05000000"
	  "06001800 07000000 05001d00 01000000 05001e00 03000000 08001c00 64000000 08000200 00000000"
	  "08000a00 01000000" },
	{ "ip link add x0 type bond arp_ip_target", "bond", 0, "arp_ip_target",
	  "3c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000 07000300 78300000"
	  "14001200 08000100 626f6e64 08000200 04000800" },
	{ "ip link set v0 type bond_slave queue_id 3 prio -5", "bond_slave", 3, "queue_id 3 prio -5",
	  "48000000 10000500 00000000 00000000 00000000 03000000 00000000 00000000 28001200 0e000100"
	  "626f6e64 5f736c61 76650000 14000500 06000500 03000000 08000900 fbffffff" },
	{ "ip link set v0 type vrf_slave table 5", "vrf_slave", 3, "table 5",
	  "38000000 10000500 00000000 00000000 00000000 03000000 00000000 00000000 18001200 0d000100"
	  "7672665f 736c6176 65000000 04000500" },
};

static void test_request(void **state)
{
	ROW(struct row);
	char w[512], *argv[64];
	int argc = split(row->words, w, sizeof(w), argv, 64);
	struct link_req r;
	struct link_info li;
	unsigned char g[RTNL_BUF];
	const struct nlmsghdr *h;

	link_req_init(&r);
	r.kind = row->kind;
	r.index = row->index;
	r.name = row->index ? NULL : "x0";
	nlb_init(&d, dbuf, sizeof(dbuf), 0, 0);
	assert_int_equal(ip_link_bv_opts(&r, &d, argc, argv), 0);
	assert_int_equal(d.overflow, 0);
	r.data = nlb_attrs(&d);
	r.data_len = nlb_attrs_len(&d);
	rtnl_link_build(&b, buf, sizeof(buf), NLM_F_ACK | (row->index ? 0 : NLM_F_EXCL | NLM_F_CREATE), &r);
	assert_int_equal(b.overflow, 0);
	h = nlb_hdr(&b);
	memcpy(g, buf, h->nlmsg_len);
	memset(g + 8, 0, 8);
	assert_bytes(g, h->nlmsg_len, row->hex, 0);
	/* read back: a port's words go in IFLA_INFO_SLAVE_DATA, the others in IFLA_INFO_DATA */
	assert_int_equal(rtnl_link_parse(h, &li), 0);
	assert_non_null(li.li[row->index ? IFLA_INFO_SLAVE_DATA : IFLA_INFO_DATA]);
	assert_null(li.li[row->index ? IFLA_INFO_DATA : IFLA_INFO_SLAVE_DATA]);
}

/* Bad words: iproute2's exit status and the first line it prints. */
struct err_row {
	const char *kind, *words;
	int status;
	const char *first;
};

static const struct err_row errs[] = {
	{ "vrf", "table foo", 255, "Error: argument \"foo\" is wrong: invalid table ID" },
	{ "vrf", "table", 255, "Command line is not complete. Try option \"help\"" },
	{ "vrf", "blah", 1, "vrf: unknown option \"blah\"?" },
	{ "vrf", "help", 1, "Usage: ... vrf table TABLEID" },
	{ "bond", "mode 7", 255, "Error: argument \"7\" is wrong: invalid mode" },
	{ "bond", "mode round-robin", 255, "Error: argument \"round-robin\" is wrong: invalid mode" },
	{ "bond", "miimon -1", 255, "Error: argument \"-1\" is wrong: invalid miimon" },
	{ "bond", "use_carrier 256", 255, "Error: argument \"256\" is wrong: invalid use_carrier" },
	{ "bond", "num_unsol_na 300", 255, "Error: argument \"300\" is wrong: invalid num_grat_arp|num_unsol_na" },
	{ "bond", "ad_actor_sys_prio 65536", 255, "Error: argument \"65536\" is wrong: invalid ad_actor_sys_prio" },
	{ "bond", "xmit_hash_policy layer4", 255, "Error: argument \"layer4\" is wrong: invalid xmit_hash_policy" },
	{ "bond", "arp_ip_target 192.0.2.1,x", 1, "Error: an IP address is expected rather than \"x\"" },
	{ "bond", "ns_ip6_target 192.0.2.1", 1, "Error: inet6 address is expected rather than \"192.0.2.1\"." },
	{ "bond", "ad_actor_system 02:zz", 1, "\"zz\" is invalid lladdr." },
	{ "bond", "bogus", 1, "bond: unknown command \"bogus\"?" },
	{ "bond_slave", "queue_id 65536", 255, "Error: argument \"65536\" is wrong: queue_id is invalid" },
	{ "bond_slave", "prio x", 255, "Error: argument \"x\" is wrong: prio is invalid" },
	{ "bond_slave", "pri 1", 1, "bond_slave: unknown option \"pri\"?" },
};

static void test_err(void **state)
{
	ROW(struct err_row);
	char err[8192];
	int ep[2], st;
	ssize_t n, len = 0;
	pid_t pid;

	assert_int_equal(pipe(ep), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char w[512], *argv[64];
		int argc = split(row->words, w, sizeof(w), argv, 64);
		struct link_req r;

		close(ep[0]);
		if (dup2(ep[1], 2) < 0)
			_exit(99);
		link_req_init(&r);
		r.kind = row->kind;
		nlb_init(&d, dbuf, sizeof(dbuf), 0, 0);
		ip_link_bv_opts(&r, &d, argc, argv);
		_exit(98);
	}
	close(ep[1]);
	while ((n = read(ep[0], err + len, sizeof(err) - 1 - (size_t)len)) > 0)
		len += n;
	err[len] = 0;
	close(ep[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), row->status);
	assert_non_null(strchr(err, '\n'));
	*strchr(err, '\n') = 0;
	assert_string_equal(err, row->first);
}

/* Other kinds are the caller's, untouched. */
static void test_other(void **state)
{
	static const char *const kinds[] = { "dummy", "bridge", "vrfx", "bonding", NULL };
	char w0[] = "foo", *argv[] = { w0, NULL };
	struct link_req r;

	(void)state;
	for (int i = 0; kinds[i]; i++) {
		link_req_init(&r);
		r.kind = kinds[i];
		nlb_init(&d, dbuf, sizeof(dbuf), 0, 0);
		assert_int_equal(ip_link_bv_opts(&r, &d, 1, argv), -1);
		assert_int_equal(nlb_attrs_len(&d), 0);
		assert_int_equal(r.empty_data, 0);
	}
}

int main(void)
{
	static struct suite s;

	if (!NSBOX_FEATURE_VRF || !NSBOX_FEATURE_LINK_BOND)
		return suite_run(&s, "bond_vrf");
	ADD_ROWS(&s, test_request, rows);
	ADD_ROWS(&s, test_err, errs);
	ADD(&s, test_other);
	alarm(60);
	return suite_run(&s, "bond_vrf");
}
