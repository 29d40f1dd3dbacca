/* The words after "ip link add ... type KIND" (ip_link_kind_opts) and the RTM_NEWLINK that
 * rtnl_link_build makes of them, byte for byte against iproute2 6.1 (captured with strace in a
 * throwaway netns; nlmsg_seq and nlmsg_pid not compared), each parsed back; then the exit
 * status and the message of bad words. ip_link_kind_opts exits on bad words, so it runs in a
 * forked child that hands back its link_req and its stderr. In the captures du0 (the lower
 * device of vlan, macvlan, ipvlan) is ifindex 3 and lo is 1. */
#include <arpa/inet.h>
#include <sched.h>
#include <sys/wait.h>
#include <linux/if_link.h>
#include "ip.h"
#include "rtnl.h"
#include "unit.h"

#define ADD_FLAGS (NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE)
#define DMAX 64         /* past the highest attribute of any kind's IFLA_INFO_DATA */

_Static_assert(IFLA_BR_MAX < DMAX && IFLA_VXLAN_MAX < DMAX && IFLA_VLAN_MAX < DMAX &&
	       IFLA_MACVLAN_MAX < DMAX && IFLA_IPVLAN_MAX < DMAX, "DMAX too small");

static char buf[RTNL_BUF];
static struct nlb b;
static char abuf[NLMSG_HDRLEN + 256];   /* the device's attributes (mtu, address) */
static struct nlb ab;
static unsigned char addr[32];
static int addr_len;

/* ---- ip_link_kind_opts in a child ---- */

struct child {
	int status;             /* exit status, or -1 when ip_link_kind_opts returned */
	int ret;                /* what it returned */
	struct link_req r;      /* r after it (its pointers are the parent's too: a fork) */
	unsigned char data[1024]; /* r.data's bytes, where c->r.data points */
	char err[16384];        /* its stderr, NUL-terminated */
};

/* Everything fd gives until EOF; what does not fit in cap - 1 is read and dropped. */
static size_t read_all(int fd, char *p, size_t cap)
{
	char scratch[4096];
	size_t len = 0;
	ssize_t n;

	for (;;) {
		char *to = len + 1 < cap ? p + len : scratch;
		size_t room = len + 1 < cap ? cap - 1 - len : sizeof(scratch);

		n = read(fd, to, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (to != scratch)
			len += (size_t)n;
	}
	p[len] = 0;
	return len;
}

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

/* ip_link_kind_opts(in, words) as ip link add calls it (not at all when there are no words),
 * with ipo.family = family (ip -4/-6), in a child; with newns in a new network namespace where
 * it may make one (a device lookup then sees only lo). */
static void run_kind(struct child *c, const struct link_req *in, const char *words, int family, int newns)
{
	static char raw[sizeof(int) + sizeof(struct link_req) + 1024 + 1];
	int dp[2], ep[2], st;
	size_t n;
	pid_t pid;

	assert_int_equal(pipe(dp), 0);
	assert_int_equal(pipe(ep), 0);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char w[512], *argv[64];
		int argc = split(words, w, sizeof(w), argv, 64), ret = 0;
		struct link_req r = *in;

		close(dp[0]);
		close(ep[0]);
		if (dup2(ep[1], 2) < 0)
			_exit(99);
		ipo.family = family;
		if (newns)
			(void)unshare(CLONE_NEWNET);
		if (argc > 0)
			ret = ip_link_kind_opts(&r, argc, argv);
		if (write(dp[1], &ret, sizeof(ret)) != sizeof(ret) || write(dp[1], &r, sizeof(r)) != sizeof(r) ||
		    (r.data_len && write(dp[1], r.data, r.data_len) != (ssize_t)r.data_len))
			_exit(98);
		_exit(0);
	}
	close(dp[1]);
	close(ep[1]);
	n = read_all(dp[0], raw, sizeof(raw));
	read_all(ep[0], c->err, sizeof(c->err));
	close(dp[0]);
	close(ep[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	if (!WIFEXITED(st))
		fail_msg("child killed by signal %d; stderr: %s", WTERMSIG(st), c->err);
	c->status = WEXITSTATUS(st);
	if (n >= sizeof(int) + sizeof(struct link_req)) {
		assert_int_equal(c->status, 0);
		c->status = -1;
		memcpy(&c->ret, raw, sizeof(int));
		memcpy(&c->r, raw + sizeof(int), sizeof(struct link_req));
		assert_int_equal(n, sizeof(int) + sizeof(struct link_req) + c->r.data_len);
		memcpy(c->data, raw + sizeof(int) + sizeof(struct link_req), c->r.data_len);
		c->r.data = c->data;
	} else {
		assert_int_equal(n, 0);
	}
}

/* ---- requests ---- */

struct chk {
	uint16_t attr;          /* of IFLA_INFO_DATA (0 ends) */
	const char *hex;        /* its whole payload */
};

struct kind_row {
	const char *what;       /* the iproute2 command captured */
	const char *kind;
	int link, mtu;          /* IFLA_LINK, IFLA_MTU or -1 */
	const char *addr;       /* IFLA_ADDRESS in hex, or NULL */
	const char *words;      /* after "type KIND" */
	int family;             /* ip -4 / -6: AF_INET, AF_INET6, else 0 */
	int newns;              /* the words look a device up */
	const char *err;        /* what iproute2 prints on stderr (NULL: nothing) */
	struct chk chk[4];      /* a few attributes read back */
	const char *hex;        /* iproute2's RTM_NEWLINK */
};

#define WARN_DSTPORT "vxlan: destination port not specified\n" \
	"Will use Linux kernel default (non-standard value)\n" \
	"Use 'dstport 4789' to get the IANA assigned value\n" \
	"Use 'dstport 0' to get default and quiet this message\n"

static const struct kind_row kind_tab[] = {
	{ "ip link add x0 type bridge stp_state 1 forward_delay 1500 vlan_filtering 1",
	  "bridge", -1, -1, NULL, "stp_state 1 forward_delay 1500 vlan_filtering 1", 0, 0,
	  NULL,
	  { { IFLA_BR_STP_STATE, "01000000" }, { IFLA_BR_FORWARD_DELAY, "dc050000" }, { IFLA_BR_VLAN_FILTERING, "01" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 2c001200 0a000100 62726964 67650000 1c000200 08000500"
	  "01000000 08000100 dc050000 05000700 01000000" },
	{ "ip link add x0 type bridge vlan_filtering 1 forward_delay 1500 stp_state 1",
	  "bridge", -1, -1, NULL, "vlan_filtering 1 forward_delay 1500 stp_state 1", 0, 0,
	  NULL,
	  { { IFLA_BR_STP_STATE, "01000000" }, { IFLA_BR_VLAN_FILTERING, "01" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 2c001200 0a000100 62726964 67650000 1c000200 05000700"
	  "01000000 08000100 dc050000 08000500 01000000" },
	{ "ip link add link du0 name x0 type vlan id 50 ingress-qos-map 1:2 2:3 egress-qos-map 4:5 6:7",
	  "vlan", 3, -1, NULL, "id 50 ingress-qos-map 1:2 2:3 egress-qos-map 4:5 6:7", 0, 0,
	  NULL,
	  { { IFLA_VLAN_ID, "3200" } },
	  "80000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 50001200 08000100 766c616e 44000200"
	  "06000100 32000000 1c000400 0c000100 01000000 02000000 0c000100 02000000"
	  "03000000 1c000300 0c000100 04000000 05000000 0c000100 06000000 07000000" },
	{ "ip link add x0 link du0 type macvlan mode source macaddr set 02:00:00:00:02:01 02:00:00:00:02:02 bcqueuelen 5",
	  "macvlan", 3, -1, NULL, "mode source macaddr set 02:00:00:00:02:01 02:00:00:00:02:02 bcqueuelen 5", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MACADDR_MODE, "03000000" }, { IFLA_MACVLAN_BC_QUEUE_LEN, "05000000" },
	    { IFLA_MACVLAN_MODE, "10000000" } },
	  "78000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 48001200 0b000100 6d616376 6c616e00"
	  "38000200 08000300 03000000 1c000500 0a000400 02000000 02010000 0a000400"
	  "02000000 02020000 08000700 05000000 08000100 10000000" },
	{ "ip link add x0 link du0 type macvlan mode source macaddr add 02:00:00:00:02:01",
	  "macvlan", 3, -1, NULL, "mode source macaddr add 02:00:00:00:02:01", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MACADDR, "020000000201" } },
	  "60000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 30001200 0b000100 6d616376 6c616e00"
	  "20000200 08000300 00000000 0a000400 02000000 02010000 08000100 10000000" },
	{ "ip link add x0 link du0 type macvlan macaddr flush",
	  "macvlan", 3, -1, NULL, "macaddr flush", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MACADDR_MODE, "02000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 6c616e00"
	  "0c000200 08000300 02000000" },
	{ "ip link add x0 type bridge priority 100",
	  "bridge", -1, -1, NULL, "priority 100", 0, 0,
	  NULL,
	  { { IFLA_BR_PRIORITY, "6400" } },
	  "44000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 1c001200 0a000100 62726964 67650000 0c000200 06000600"
	  "64000000" },
	{ "ip link add x0 type bridge mcast_last_member_interval 200",
	  "bridge", -1, -1, NULL, "mcast_last_member_interval 200", 0, 0,
	  NULL,
	  { { IFLA_BR_MCAST_LAST_MEMBER_INTVL, "c800000000000000" } },
	  "48000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 20001200 0a000100 62726964 67650000 10000200 0c001e00"
	  "c8000000 00000000" },
	{ "ip link add x0 type bridge fdb_flush",
	  "bridge", -1, -1, NULL, "fdb_flush", 0, 0,
	  NULL,
	  { { IFLA_BR_FDB_FLUSH, "" } },
	  "40000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 18001200 0a000100 62726964 67650000 08000200 04001500" },
	{ "ip link add x0 type bridge vlan_protocol 802.1ad",
	  "bridge", -1, -1, NULL, "vlan_protocol 802.1ad", 0, 0,
	  NULL,
	  { { IFLA_BR_VLAN_PROTOCOL, "88a8" } },
	  "44000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 1c001200 0a000100 62726964 67650000 0c000200 06000800"
	  "88a80000" },
	{ "ip link add x0 type bridge vlan_protocol 802.1Q",
	  "bridge", -1, -1, NULL, "vlan_protocol 802.1Q", 0, 0,
	  NULL,
	  { { IFLA_BR_VLAN_PROTOCOL, "8100" } },
	  "44000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 1c001200 0a000100 62726964 67650000 0c000200 06000800"
	  "81000000" },
	{ "ip link add x0 mtu 1400 type bridge hello_time 300 max_age 2000 ageing_time 30000",
	  "bridge", -1, 1400, NULL, "hello_time 300 max_age 2000 ageing_time 30000", 0, 0,
	  NULL,
	  { { IFLA_BR_HELLO_TIME, "2c010000" }, { IFLA_BR_AGEING_TIME, "30750000" } },
	  "5c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000400 78050000 07000300 78300000 2c001200 0a000100 62726964 67650000"
	  "1c000200 08000200 2c010000 08000300 d0070000 08000400 30750000" },
	{ "ip link add x0 link du0 type vlan id 100",
	  "vlan", 3, -1, NULL, "id 100", 0, 0,
	  NULL,
	  { { IFLA_VLAN_ID, "6400" } },
	  "48000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 18001200 08000100 766c616e 0c000200"
	  "06000100 64000000" },
	{ "ip link add x0 link du0 type vlan id 100 protocol 802.1ad",
	  "vlan", 3, -1, NULL, "id 100 protocol 802.1ad", 0, 0,
	  NULL,
	  { { IFLA_VLAN_ID, "6400" }, { IFLA_VLAN_PROTOCOL, "88a8" } },
	  "50000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 20001200 08000100 766c616e 14000200"
	  "06000100 64000000 06000500 88a80000" },
	{ "ip link add x0 link du0 type vlan protocol 802.1Q id 5",
	  "vlan", 3, -1, NULL, "protocol 802.1Q id 5", 0, 0,
	  NULL,
	  { { IFLA_VLAN_PROTOCOL, "8100" }, { IFLA_VLAN_ID, "0500" } },
	  "50000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 20001200 08000100 766c616e 14000200"
	  "06000500 81000000 06000100 05000000" },
	{ "ip link add x0 link du0 type vlan id 7 reorder_hdr off gvrp on",
	  "vlan", 3, -1, NULL, "id 7 reorder_hdr off gvrp on", 0, 0,
	  NULL,
	  { { IFLA_VLAN_FLAGS, "02000000 03000000" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 08000100 766c616e 18000200"
	  "06000100 07000000 0c000200 02000000 03000000" },
	{ "ip link add x0 link du0 type macvlan mode private",
	  "macvlan", 3, -1, NULL, "mode private", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "01000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 6c616e00"
	  "0c000200 08000100 01000000" },
	{ "ip link add x0 link du0 type macvlan mode vepa",
	  "macvlan", 3, -1, NULL, "mode vepa", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "02000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 6c616e00"
	  "0c000200 08000100 02000000" },
	{ "ip link add x0 link du0 type macvlan mode bridge",
	  "macvlan", 3, -1, NULL, "mode bridge", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "04000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 6c616e00"
	  "0c000200 08000100 04000000" },
	{ "ip link add x0 link du0 type macvlan mode passthru",
	  "macvlan", 3, -1, NULL, "mode passthru", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "08000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 6c616e00"
	  "0c000200 08000100 08000000" },
	{ "ip link add x0 link du0 type macvlan mode source",
	  "macvlan", 3, -1, NULL, "mode source", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "10000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 6c616e00"
	  "0c000200 08000100 10000000" },
	{ "ip link add x0 link du0 type macvlan",
	  "macvlan", 3, -1, NULL, "", 0, 0,
	  NULL,
	  { { 0, NULL } },
	  "40000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 10001200 0b000100 6d616376 6c616e00" },
	{ "ip link add x0 link du0 type macvlan mode bridge nodst",
	  "macvlan", 3, -1, NULL, "mode bridge nodst", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "04000000" }, { IFLA_MACVLAN_FLAGS, "0200" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 0b000100 6d616376 6c616e00"
	  "14000200 08000100 04000000 06000200 02000000" },
	{ "ip link add x0 link du0 type macvlan mode passthru nopromisc",
	  "macvlan", 3, -1, NULL, "mode passthru nopromisc", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_FLAGS, "0100" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 0b000100 6d616376 6c616e00"
	  "14000200 08000100 08000000 06000200 01000000" },
	{ "ip link add x0 link du0 type macvlan bcqueuelen 500",
	  "macvlan", 3, -1, NULL, "bcqueuelen 500", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_BC_QUEUE_LEN, "f4010000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 6c616e00"
	  "0c000200 08000700 f4010000" },
	{ "ip link add x0 link du0 type macvtap mode vepa",
	  "macvtap", 3, -1, NULL, "mode vepa", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "02000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0b000100 6d616376 74617000"
	  "0c000200 08000100 02000000" },
	{ "ip link add x0 link du0 type macvtap mode passthru flag nopromisc",
	  "macvtap", 3, -1, NULL, "mode passthru flag nopromisc", 0, 0,
	  NULL,
	  { { IFLA_MACVLAN_MODE, "08000000" }, { IFLA_MACVLAN_FLAGS, "0100" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 0b000100 6d616376 74617000"
	  "14000200 08000100 08000000 06000200 01000000" },
	{ "ip link add x0 link du0 type ipvlan mode l2",
	  "ipvlan", 3, -1, NULL, "mode l2", 0, 0,
	  NULL,
	  { { IFLA_IPVLAN_MODE, "0000" }, { IFLA_IPVLAN_FLAGS, "0000" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 0a000100 6970766c 616e0000"
	  "14000200 06000100 00000000 06000200 00000000" },
	{ "ip link add x0 link du0 type ipvlan mode l3",
	  "ipvlan", 3, -1, NULL, "mode l3", 0, 0,
	  NULL,
	  { { IFLA_IPVLAN_MODE, "0100" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 0a000100 6970766c 616e0000"
	  "14000200 06000100 01000000 06000200 00000000" },
	{ "ip link add x0 link du0 type ipvlan mode l3s",
	  "ipvlan", 3, -1, NULL, "mode l3s", 0, 0,
	  NULL,
	  { { IFLA_IPVLAN_MODE, "0200" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 0a000100 6970766c 616e0000"
	  "14000200 06000100 02000000 06000200 00000000" },
	{ "ip link add x0 link du0 type ipvlan mode l2 private",
	  "ipvlan", 3, -1, NULL, "mode l2 private", 0, 0,
	  NULL,
	  { { IFLA_IPVLAN_FLAGS, "0100" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 24001200 0a000100 6970766c 616e0000"
	  "14000200 06000100 00000000 06000200 01000000" },
	{ "ip link add x0 link du0 type ipvlan vepa",
	  "ipvlan", 3, -1, NULL, "vepa", 0, 0,
	  NULL,
	  { { IFLA_IPVLAN_FLAGS, "0200" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0a000100 6970766c 616e0000"
	  "0c000200 06000200 02000000" },
	{ "ip link add x0 link du0 type ipvlan bridge",
	  "ipvlan", 3, -1, NULL, "bridge", 0, 0,
	  NULL,
	  { { IFLA_IPVLAN_FLAGS, "0000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 1c001200 0a000100 6970766c 616e0000"
	  "0c000200 06000200 00000000" },
	{ "ip link add x0 link du0 type ipvlan",
	  "ipvlan", 3, -1, NULL, "", 0, 0,
	  NULL,
	  { { 0, NULL } },
	  "40000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "08000500 03000000 07000300 78300000 10001200 0a000100 6970766c 616e0000" },
	{ "ip link add x0 type vxlan id 42 remote 10.0.0.2 local 10.0.0.1 dstport 4789",
	  "vxlan", -1, -1, NULL, "id 42 remote 10.0.0.2 local 10.0.0.1 dstport 4789", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_ID, "2a000000" }, { IFLA_VXLAN_GROUP, "0a000002" }, { IFLA_VXLAN_LOCAL, "0a000001" }, { IFLA_VXLAN_PORT, "12b5" } },
	  "64000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 3c001200 09000100 76786c61 6e000000 2c000200 08000100"
	  "2a000000 08000400 0a000001 08000200 0a000002 05000700 01000000 06000f00"
	  "12b50000" },
	{ "ip link add x0 type vxlan id 42 group 239.1.1.1 dev lo dstport 4789",
	  "vxlan", -1, -1, NULL, "id 42 group 239.1.1.1 dev lo dstport 4789", 0, 1,
	  NULL,
	  { { IFLA_VXLAN_LINK, "01000000" }, { IFLA_VXLAN_GROUP, "ef010101" } },
	  "64000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 3c001200 09000100 76786c61 6e000000 2c000200 08000300"
	  "01000000 08000100 2a000000 08000200 ef010101 05000700 01000000 06000f00"
	  "12b50000" },
	{ "ip link add x0 type vxlan id 42 remote 2001:db8::2 flowlabel 0x12345 dstport 4789",
	  "vxlan", -1, -1, NULL, "id 42 remote 2001:db8::2 flowlabel 0x12345 dstport 4789", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_LABEL, "00012345" }, { IFLA_VXLAN_GROUP6, "20010db8 00000000 00000000 00000002" } },
	  "70000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 48001200 09000100 76786c61 6e000000 38000200 08001a00"
	  "00012345 08000100 2a000000 14001000 20010db8 00000000 00000000 00000002"
	  "05000700 01000000 06000f00 12b50000" },
	{ "ip link add x0 type vxlan external",
	  "vxlan", -1, -1, NULL, "external", 0, 0,
	  WARN_DSTPORT,
	  { { IFLA_VXLAN_COLLECT_METADATA, "01" }, { IFLA_VXLAN_LEARNING, "00" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 24001200 09000100 76786c61 6e000000 14000200 05001900"
	  "01000000 05000700 00000000" },
	{ "ip link add x0 type vxlan id 1 ttl inherit dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 ttl inherit dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_TTL_INHERIT, "" } },
	  "50000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 28001200 09000100 76786c61 6e000000 18000200 04001c00"
	  "08000100 01000000 05000700 01000000" },
	{ "ip link add x0 type vxlan id 1 ttl auto dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 ttl auto dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_TTL, "00" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 2c001200 09000100 76786c61 6e000000 1c000200 05000500"
	  "00000000 08000100 01000000 05000700 01000000" },
	{ "ip link add x0 type vxlan id 1 ttl 64 dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 ttl 64 dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_TTL, "40" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 2c001200 09000100 76786c61 6e000000 1c000200 05000500"
	  "40000000 08000100 01000000 05000700 01000000" },
	{ "ip link add x0 type vxlan id 1 srcport 1000 2000 dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 srcport 1000 2000 dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_PORT_RANGE, "03e807d0" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 2c001200 09000100 76786c61 6e000000 1c000200 08000a00"
	  "03e807d0 08000100 01000000 05000700 01000000" },
	{ "ip link add x0 type vxlan id 1 gbp dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 gbp dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_GBP, "" } },
	  "50000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 28001200 09000100 76786c61 6e000000 18000200 04001700"
	  "08000100 01000000 05000700 01000000" },
	{ "ip link add x0 type vxlan id 1 learning dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 learning dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_LEARNING, "01" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 24001200 09000100 76786c61 6e000000 14000200 08000100"
	  "01000000 05000700 01000000" },
	{ "ip link add x0 type vxlan id 1 nolearning dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 nolearning dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_LEARNING, "00" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 24001200 09000100 76786c61 6e000000 14000200 08000100"
	  "01000000 05000700 00000000" },
	{ "ip link add x0 type vxlan id 1 ageing none dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 ageing none dstport 0", 0, 0,
	  NULL,
	  { { IFLA_VXLAN_AGEING, "00000000" } },
	  "54000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 2c001200 09000100 76786c61 6e000000 1c000200 08000800"
	  "00000000 08000100 01000000 05000700 01000000" },
	{ "ip link add x0 type vxlan id 5",
	  "vxlan", -1, -1, NULL, "id 5", 0, 0,
	  WARN_DSTPORT,
	  { { IFLA_VXLAN_ID, "05000000" } },
	  "4c000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 24001200 09000100 76786c61 6e000000 14000200 08000100"
	  "05000000 05000700 01000000" },
	{ "ip -4 link add x0 type vxlan id 1 dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 dstport 0", AF_INET, 0,
	  NULL,
	  { { IFLA_VXLAN_GROUP, "00000000" } },
	  "54000000 10000506 00000000 00000000 02000000 00000000 00000000 00000000"
	  "07000300 78300000 2c001200 09000100 76786c61 6e000000 1c000200 08000100"
	  "01000000 08000200 00000000 05000700 01000000" },
	{ "ip -6 link add x0 type vxlan id 1 dstport 0",
	  "vxlan", -1, -1, NULL, "id 1 dstport 0", AF_INET6, 0,
	  NULL,
	  { { IFLA_VXLAN_GROUP6, "00000000 00000000 00000000 00000000" } },
	  "60000000 10000506 00000000 00000000 0a000000 00000000 00000000 00000000"
	  "07000300 78300000 38001200 09000100 76786c61 6e000000 28000200 08000100"
	  "01000000 14001000 00000000 00000000 00000000 00000000 05000700 01000000" },
	{ "ip link add x0 type dummy",
	  "dummy", -1, -1, NULL, "", 0, 0,
	  NULL,
	  { { 0, NULL } },
	  "38000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 10001200 09000100 64756d6d 79000000" },
	{ "ip link add x0 address 02:00:00:00:00:01 type dummy",
	  "dummy", -1, -1, "020000000001", "", 0, 0,
	  NULL,
	  { { 0, NULL } },
	  "44000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "0a000100 02000000 00010000 07000300 78300000 10001200 09000100 64756d6d"
	  "79000000" },
	{ "ip link add x0 type ifb foo bar",
	  "ifb", -1, -1, NULL, "foo bar", 0, 0,
	  NULL,
	  { { 0, NULL } },
	  "38000000 10000506 00000000 00000000 00000000 00000000 00000000 00000000"
	  "07000300 78300000 10001200 07000100 69666200 04000200" },

};

static void assert_u32(const struct nlattr *a, uint32_t want)
{
	uint32_t v;

	assert_int_equal(nla_get_u32(a, &v), 0);
	assert_int_equal(v, want);
}

/* The message against iproute2's, without nlmsg_seq and nlmsg_pid (bytes 8..15). */
static void assert_request(const void *msg, size_t len, const char *hex)
{
	unsigned char g[RTNL_BUF];

	assert_true(len <= sizeof(g) && len >= NLMSG_HDRLEN + sizeof(struct ifinfomsg));
	memcpy(g, msg, len);
	memset(g + 8, 0, 8);
	assert_bytes(g, len, hex, 0);
}

/* The kind's data read back: IFLA_INFO_DATA carries the attributes the parser put, as they
 * were put, and the row's few among them. */
static void check_data(const struct kind_row *row, const struct link_req *r, const struct link_info *li)
{
	struct nlattr *d[DMAX + 1];

	if (!r->data_len && !r->empty_data) {
		assert_null(li->li[IFLA_INFO_DATA]);
		assert_int_equal(row->chk[0].attr, 0);
		return;
	}
	assert_non_null(li->li[IFLA_INFO_DATA]);
	assert_int_equal(nla_len(li->li[IFLA_INFO_DATA]), r->data_len);
	if (r->data_len)
		assert_memory_equal(nla_data(li->li[IFLA_INFO_DATA]), r->data, r->data_len);
	assert_int_equal(nla_parse_nested(d, DMAX, li->li[IFLA_INFO_DATA]), 0);
	for (const struct chk *c = row->chk; c < row->chk + 4 && c->attr; c++) {
		unsigned char want[16];
		size_t n = unhex(c->hex, want, sizeof(want));

		if (!d[c->attr])
			fail_msg("attribute %u of IFLA_INFO_DATA missing", c->attr);
		assert_int_equal(nla_len(d[c->attr]), n);
		assert_memory_equal(nla_data(d[c->attr]), want, n);
	}
}

static int has_parser(const char *kind)
{
	static const char *const k[] = { "bridge", "vlan", "macvlan", "macvtap", "ipvlan", "ipvtap", "vxlan", NULL };

	for (int i = 0; k[i]; i++)
		if (!strcmp(kind, k[i]))
			return 1;
	return 0;
}

static void test_kind(void **state)
{
	ROW(struct kind_row);
	const struct nlmsghdr *h;
	struct link_info li;
	struct link_req r;
	static struct child c;
	size_t need;

	link_req_init(&r);
	r.name = "x0";
	r.kind = row->kind;
	r.link = row->link;
	r.family = row->family;   /* iproute2 puts -4/-6's family in ifi_family */
	/* The device's words as the captures gave them: mtu, then address. */
	nlb_init(&ab, abuf, sizeof(abuf), 0, 0);
	if (row->mtu >= 0)
		nlb_put_u32(&ab, IFLA_MTU, (uint32_t)row->mtu);
	if (row->addr) {
		addr_len = (int)unhex(row->addr, addr, sizeof(addr));
		nlb_put(&ab, IFLA_ADDRESS, addr, (size_t)addr_len);
	}
	r.attrs = nlb_attrs(&ab);
	r.attrs_len = nlb_attrs_len(&ab);
	run_kind(&c, &r, row->words, row->family, row->newns);
	if (row->newns && c.status == 1 && !strncmp(c.err, "Cannot open netlink socket", 26))
		skip();
	if (c.status != -1)
		fail_msg("exit %d: %s", c.status, c.err);
	assert_string_equal(c.err, row->err ? row->err : "");
	if (*row->words && !has_parser(row->kind)) {
		/* Words after a kind nsbox has no parser for: ip link add ignores them, as
		 * iproute2 does, and sends an empty IFLA_INFO_DATA. */
		assert_int_equal(c.ret, -1);
		assert_int_equal(c.r.data_len, 0);
		c.r.empty_data = 1;
	} else {
		assert_int_equal(c.ret, 0);
	}

	memset(buf, 0xa5, sizeof(buf));
	rtnl_link_build(&b, buf, sizeof(buf), ADD_FLAGS, &c.r);
	assert_int_equal(b.overflow, 0);
	h = nlb_hdr(&b);
	assert_request(buf, h->nlmsg_len, row->hex);

	assert_int_equal(h->nlmsg_type, RTM_NEWLINK);
	assert_int_equal(h->nlmsg_flags, NLM_F_REQUEST | ADD_FLAGS);
	assert_int_equal(rtnl_link_parse(h, &li), 0);
	assert_int_equal(li.ifi->ifi_index, 0);
	assert_string_equal(nla_get_str(li.tb[IFLA_IFNAME]), "x0");
	assert_non_null(li.li[IFLA_INFO_KIND]);
	assert_int_equal(nla_len(li.li[IFLA_INFO_KIND]), strlen(row->kind));
	assert_memory_equal(nla_data(li.li[IFLA_INFO_KIND]), row->kind, strlen(row->kind));
	if (row->link >= 0)
		assert_u32(li.tb[IFLA_LINK], row->link);
	else
		assert_null(li.tb[IFLA_LINK]);
	if (row->mtu >= 0)
		assert_u32(li.tb[IFLA_MTU], row->mtu);
	else
		assert_null(li.tb[IFLA_MTU]);
	if (row->addr) {
		assert_int_equal(nla_len(li.tb[IFLA_ADDRESS]), addr_len);
		assert_memory_equal(nla_data(li.tb[IFLA_ADDRESS]), addr, addr_len);
	}
	check_data(row, &c.r, &li);

	/* Into every smaller buffer: overflow flagged, nothing written past the cap. */
	need = h->nlmsg_len;
	for (size_t cap = 0; cap < need; cap++) {
		memset(buf, 0xa5, sizeof(buf));
		rtnl_link_build(&b, buf, cap, ADD_FLAGS, &c.r);
		assert_int_equal(b.overflow, 1);
		for (size_t i = cap; i < need + 16; i++)
			assert_int_equal((unsigned char)buf[i], 0xa5);
	}
}

/* ---- bad words: iproute2's exit status and message ---- */

struct err_row {
	const char *what;       /* the iproute2 command */
	const char *kind;
	const char *words;
	int status;
	const char *first;      /* the first line iproute2 prints on stderr */
	int whole;              /* and nothing more */
};

static const struct err_row err_tab[] = {
	{ "ip link add x0 type vxlan id 16777216", "vxlan", "id 16777216",
	  255, "Error: argument \"16777216\" is wrong: invalid id", 1 },
	{ "ip link add x0 type vxlan id 1 id 2", "vxlan", "id 1 id 2",
	  255, "Error: either \"id\" is duplicate, or \"2\" is a garbage.", 1 },
	{ "ip link add x0 type vxlan dstport 4789", "vxlan", "dstport 4789",
	  1, "vxlan: missing virtual network identifier", 1 },
	{ "ip link add x0 type vxlan id 1 group 239.1.1.1", "vxlan", "id 1 group 239.1.1.1",
	  1, "vxlan: 'group' requires 'dev' to be specified", 1 },
	{ "ip link add x0 type vxlan id 1 external", "vxlan", "id 1 external",
	  1, "vxlan: both 'external' and vni cannot be specified", 1 },
	{ "ip link add x0 type vxlan id", "vxlan", "id",
	  255, "Command line is not complete. Try option \"help\"", 1 },
	{ "ip link add x0 link du0 type vlan id 70000", "vlan", "id 70000",
	  255, "Error: argument \"70000\" is wrong: id is invalid", 1 },
	{ "ip link add x0 link du0 type vlan reorder_hdr maybe", "vlan", "reorder_hdr maybe",
	  1, "Error: argument of \"reorder_hdr\" must be \"on\" or \"off\", not \"maybe\"", 1 },
	{ "ip link add x0 link du0 type macvlan mode bogus", "macvlan", "mode bogus",
	  1, "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\" or \"source\", not \"bogus\"", 1 },
	{ "ip link add x0 link du0 type macvlan nopromisc", "macvlan", "nopromisc",
	  1, "macvlan: nopromisc flag only valid in passthru mode", 0 },
	{ "ip link add x0 link du0 type ipvlan mode l4", "ipvlan", "mode l4",
	  1, "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"", 1 },
	{ "ip link add x0 type bridge stp_state x", "bridge", "stp_state x",
	  255, "Error: argument \"x\" is wrong: invalid stp_state", 1 },
	{ "ip link add x0 type bridge vlan_protocol 802.1x", "bridge", "vlan_protocol 802.1x",
	  255, "Error: argument \"802.1x\" is wrong: invalid vlan_protocol", 1 },
	{ "ip link add x0 type bridge bogus", "bridge", "bogus",
	  1, "bridge: unknown command \"bogus\"?", 0 },
	{ "ip link set v0 type bridge_slave state forwarding", "bridge_slave", "state forwarding",
	  255, "Error: argument \"forwarding\" is wrong: state is invalid", 1 },
	{ "ip link set v0 type bridge_slave priority 65536", "bridge_slave", "priority 65536",
	  255, "Error: argument \"65536\" is wrong: priority is invalid", 1 },
	{ "ip link set v0 type bridge_slave mcast_router 256", "bridge_slave", "mcast_router 256",
	  255, "Error: argument \"256\" is wrong: invalid mcast_router", 1 },
	{ "ip link set v0 type bridge_slave guard maybe", "bridge_slave", "guard maybe",
	  1, "Error: argument of \"guard\" must be one of \"off\", \"on\", not \"maybe\"", 1 },
	{ "ip link set v0 type bridge_slave mcast_f x", "bridge_slave", "mcast_f x",
	  1, "Error: argument of \"mcast_flood\" must be one of \"off\", \"on\", not \"x\"", 1 },
	{ "ip link set v0 type bridge_slave bogus", "bridge_slave", "bogus",
	  1, "bridge_slave: unknown option \"bogus\"?", 0 },
	{ "ip link set v0 type bridge_slave help", "bridge_slave", "help",
	  1, "Usage: ... bridge_slave [ fdb_flush ]", 0 },
};

/* Byte order without golden bytes, so that it runs on big-endian targets too: what goes on the
 * wire in network order (vxlan's ports and addresses, vlan's protocol) read as bytes, what the
 * kernel takes in host order (ids, the vlan flags' mask) read as numbers. */
static void info_data(struct link_info *li, const char *kind, const char *words, struct nlattr **d, int max)
{
	static struct child c;
	struct link_req r;

	link_req_init(&r);
	r.name = "x0";
	r.kind = kind;
	r.link = -1;
	run_kind(&c, &r, words, 0, 0);
	if (c.status != -1)
		fail_msg("exit %d: %s", c.status, c.err);
	memset(buf, 0xa5, sizeof(buf));
	rtnl_link_build(&b, buf, sizeof(buf), ADD_FLAGS, &c.r);
	assert_int_equal(b.overflow, 0);
	assert_int_equal(rtnl_link_parse(nlb_hdr(&b), li), 0);
	assert_non_null(li->li[IFLA_INFO_DATA]);
	assert_int_equal(nla_parse_nested(d, max, li->li[IFLA_INFO_DATA]), 0);
}

static void test_wire_order(void **state)
{
	struct nlattr *d[DMAX + 1];
	struct link_info li;
	uint32_t v;
	uint16_t id;

	(void)state;
	info_data(&li, "vxlan", "id 42 remote 10.0.0.2 local 10.0.0.1 dstport 4789 srcport 1000 2000", d, IFLA_VXLAN_MAX);
	assert_int_equal(nla_len(d[IFLA_VXLAN_PORT]), 2);
	assert_memory_equal(nla_data(d[IFLA_VXLAN_PORT]), "\x12\xb5", 2);
	assert_int_equal(nla_len(d[IFLA_VXLAN_PORT_RANGE]), 4);
	assert_memory_equal(nla_data(d[IFLA_VXLAN_PORT_RANGE]), "\x03\xe8\x07\xd0", 4);
	assert_memory_equal(nla_data(d[IFLA_VXLAN_GROUP]), "\x0a\x00\x00\x02", 4);
	assert_memory_equal(nla_data(d[IFLA_VXLAN_LOCAL]), "\x0a\x00\x00\x01", 4);
	assert_int_equal(nla_get_u32(d[IFLA_VXLAN_ID], &v), 0);
	assert_int_equal(v, 42);

	info_data(&li, "vlan", "protocol 802.1ad id 5", d, IFLA_VLAN_MAX);
	assert_int_equal(nla_len(d[IFLA_VLAN_PROTOCOL]), 2);
	assert_memory_equal(nla_data(d[IFLA_VLAN_PROTOCOL]), "\x88\xa8", 2);
	assert_int_equal(nla_len(d[IFLA_VLAN_ID]), 2);
	memcpy(&id, nla_data(d[IFLA_VLAN_ID]), 2);
	assert_int_equal(id, 5);
}

static void test_err(void **state)
{
	ROW(struct err_row);
	struct link_req r;
	static struct child c;
	const char *nl;

	link_req_init(&r);
	r.name = "x0";
	r.kind = row->kind;
	run_kind(&c, &r, row->words, 0, 0);
	if (c.status == -1)
		fail_msg("ip_link_kind_opts returned %d, stderr: %s", c.ret, c.err);
	assert_int_equal(c.status, row->status);
	nl = strchr(c.err, '\n');
	assert_non_null(nl);
	assert_int_equal(nl - c.err, strlen(row->first));
	assert_memory_equal(c.err, row->first, strlen(row->first));
	if (row->whole)
		assert_int_equal(nl[1], 0);
	else
		assert_int_not_equal(nl[1], 0);
}

/* Kinds without a parser are left to the caller, untouched. */
static void test_no_parser(void **state)
{
	static const char *const kinds[] = { "dummy", "ifb", "veth", "team", NULL };
	char w0[] = "foo", *argv[] = { w0, NULL };
	struct link_req r;

	(void)state;
	for (int i = 0; kinds[i]; i++) {
		link_req_init(&r);
		r.kind = kinds[i];
		assert_int_equal(ip_link_kind_opts(&r, 1, argv), -1);
		assert_int_equal(r.data_len, 0);
		assert_int_equal(r.empty_data, 0);
	}
}

/* ---- RTM_DELLINK ---- */

static void test_del(void **state)
{
	(void)state;
	/* ip link del du0 */
	rtnl_link_del_build(&b, buf, sizeof(buf), 3, NULL);
	assert_int_equal(b.overflow, 0);
	assert_request(buf, nlb_hdr(&b)->nlmsg_len,
		       "20000000 11000500 00000000 00000000 00000000 03000000 00000000 00000000");
}

static void test_del_kind(void **state)
{
	struct link_info li;

	(void)state;
	/* ip link del du0 type veth (du0 was ifindex 77 then) */
	rtnl_link_del_build(&b, buf, sizeof(buf), 77, "veth");
	assert_int_equal(b.overflow, 0);
	assert_request(buf, nlb_hdr(&b)->nlmsg_len,
		       "2c000000 11000500 00000000 00000000 00000000 4d000000 00000000 00000000"
		       "0c001200 08000100 76657468");
	assert_int_equal(rtnl_link_parse(nlb_hdr(&b), &li), 0);
	assert_int_equal(li.ifi->ifi_index, 77);
	assert_int_equal(nla_len(li.li[IFLA_INFO_KIND]), 4);
	assert_memory_equal(nla_data(li.li[IFLA_INFO_KIND]), "veth", 4);
	assert_null(li.li[IFLA_INFO_DATA]);
}

/* ---- bridge_slave: a port's words in IFLA_INFO_SLAVE_DATA (v0 was ifindex 4 in the capture) ---- */

static void test_bridge_slave(void **state)
{
	static struct child c;
	struct link_info li;
	struct link_req r;
	const struct nlmsghdr *h;

	(void)state;
	link_req_init(&r);
	r.index = 4;
	r.kind = "bridge_slave";
	run_kind(&c, &r, "fdb_flush state 3 priority 9 cost 7 guard on mcast_router 2 group_fwd_mask 0x8 "
		 "backup_port lo nobackup_port", 0, 1);
	if (c.status == 1 && !strncmp(c.err, "Cannot open netlink socket", 26))
		skip();
	if (c.status != -1)
		fail_msg("exit %d: %s", c.status, c.err);
	assert_int_equal(c.ret, 0);
	assert_string_equal(c.err, "");
	rtnl_link_build(&b, buf, sizeof(buf), NLM_F_ACK, &c.r);
	assert_int_equal(b.overflow, 0);
	h = nlb_hdr(&b);
	/* ip link set v0 type bridge_slave fdb_flush state 3 priority 9 cost 7 guard on
	 * mcast_router 2 group_fwd_mask 0x8 backup_port lo nobackup_port */
	assert_request(buf, h->nlmsg_len,
		"7c000000 10000500 00000000 00000000 00000000 04000000 00000000 00000000"
		"5c001200 10000100 62726964 67655f73 6c617665 48000500 04001800 05000100"
		"03000000 06000200 09000000 08000300 07000000 05000500 01000000 05001900"
		"02000000 06001f00 08000000 08002200 01000000 08002200 00000000");
	assert_int_equal(rtnl_link_parse(h, &li), 0);
	assert_non_null(li.li[IFLA_INFO_SLAVE_DATA]);
	assert_null(li.li[IFLA_INFO_DATA]);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_kind, kind_tab);
	ADD_ROWS(&s, test_err, err_tab);
	ADD(&s, test_no_parser);
	ADD(&s, test_del);
	ADD(&s, test_wire_order);
	ADD(&s, test_del_kind);
	ADD(&s, test_bridge_slave);
	alarm(120);
	return suite_run(&s, "link_kinds");
}
