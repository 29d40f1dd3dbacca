/* ip nexthop's requests byte for byte against iproute2 6.1 (captured with strace -e write= in a
 * throwaway netns; nlmsg_seq not compared): ip runs in a child against the fake kernel, which
 * acks, and the request it got comes back through a pipe. Cases that need no device lookup
 * (one request each); the dump request with every filter is built by rtnl_nexthop_dump. */
#include <sys/wait.h>
#include "ip.h"
#include "rtnl_nexthop.h"
#include "unit.h"

int ip_main(int argc, char **argv);

#define ACK "24000000 0200 0000 S P 00000000 20000000 68000500 S 00000000"

struct nh_row {
	const char *what;
	const char *args[16];
	const char *hex;
};

static const struct nh_row nh_tab[] = {
	{ "resilient group with weights", { "ip", "nexthop", "add", "id", "10", "group", "1,3/2", "type", "resilient",
	  "buckets", "32", "idle_timer", "5" },
	  "50000000 68000506 S 00000000 00000000 00000000 08000100 0a000000"
	  "14000200 01000000 02000000 02000000 00000000 14000c80 06000100 20000000"
	  "08000200 f4010000 06000300 01000000" },
	{ "del", { "ip", "nexthop", "del", "id", "10" },
	  "20000000 69000500 S 00000000 00000000 00000000 08000100 0a000000" },
	{ "blackhole proto static", { "ip", "nexthop", "add", "id", "3", "blackhole", "proto", "static" },
	  "24000000 68000506 S 00000000 02000400 00000000 08000100 03000000 04000400" },
	{ "replace via fdb", { "ip", "nexthop", "replace", "id", "6", "via", "10.0.0.9", "fdb" },
	  "2c000000 68000505 S 00000000 02000000 00000000 08000100 06000000"
	  "08000600 0a000009 04000b00" },
	{ "-6 via fdb", { "ip", "-6", "nexthop", "add", "id", "7", "via", "2001:db8::9", "fdb" },
	  "38000000 68000506 S 00000000 0a000000 00000000 08000100 07000000"
	  "14000600 20010db8 00000000 00000000 00000009 04000b00" },
	/* resilient with a word after it that is not its own: an empty NHA_RES_GROUP */
	{ "resilient then fdb", { "ip", "nexthop", "add", "id", "8", "group", "1/2", "type", "resilient", "fdb" },
	  "44000000 68000506 S 00000000 00000000 00000000 08000100 08000000"
	  "14000200 01000000 00000000 02000000 00000000 04000c80 06000300 01000000 04000b00" },
	{ "flush id", { "ip", "nexthop", "flush", "id", "1" },
	  "20000000 69000500 S 00000000 00000000 00000000 08000100 01000000" },
};

static void test_request(void **state)
{
	ROW(struct nh_row);
	unsigned char req[1024];
	ssize_t n, got = 0;
	int p[2], st;
	pid_t pid;

	golden_host_order();
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		static struct fk k;
		const char *replies[] = { ACK, NULL };
		char *argv[16];
		int argc, rc;

		close(p[0]);
		for (argc = 0; row->args[argc]; argc++)
			argv[argc] = (char *)row->args[argc];
		argv[argc] = NULL;
		fk_start(&k, ip_sock(), 77, replies);
		rc = ip_main(argc, argv);
		pthread_join(k.th, NULL);
		if (k.req_len > 0 && write(p[1], k.req, (size_t)k.req_len) != k.req_len)
			rc = 99;
		_exit(rc);
	}
	close(p[1]);
	while ((n = read(p[0], req + got, sizeof(req) - (size_t)got)) > 0)
		got += n;
	close(p[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_bytes(req, (size_t)got, row->hex, 1);
}

/* The dump with every filter the kernel takes: NHA_OIF, NHA_GROUPS, NHA_MASTER, NHA_FDB (the
 * order of iproute2's nh_dump_filter). */
static void test_dump_filters(void **state)
{
	const char *replies[] = { "14000000 0300 0200 S P 00000000", NULL };
	struct nh_filter f = { 2, 2, 1, 1 };
	struct nlsock *sk = calloc(1, sizeof(*sk));
	static struct fk k;

	(void)state;
	fk_start(&k, sk, 77, replies);
	assert_int_equal(rtnl_nexthop_dump(sk, AF_UNSPEC, &f, NULL, NULL), 0);
	fk_end(&k, sk);
	assert_bytes(k.req, (size_t)k.req_len,
		     "30000000 6a000103 S 00000000 00000000 00000000 08000500 02000000"
		     "04000900 08000a00 02000000 04000b00", 1);
	free(sk);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_request, nh_tab);
	ADD(&s, test_dump_filters);
	return suite_run(&s, "nexthop");
}
