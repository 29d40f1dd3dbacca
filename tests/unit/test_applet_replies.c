/* Applets against a fake kernel: what they make of replies the real kernel does not send
 * (route: a gateway of the wrong size, a lookup that fails; brctl: bridge data that does not
 * parse). Each case runs the applet in a child whose stdout and stderr go to one pipe. */
#include <sys/wait.h>
#include "ip.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"
#include "unit.h"

int route_main(int argc, char **argv);
int brctl_main(int argc, char **argv);
int ip_main(int argc, char **argv);
extern struct nlsock *brctl_sock;

#define DONE "14000000 0300 0200 S P 00000000"

struct run_row {
	const char *what;
	const char *args[10];         /* argv */
	const char *replies[4];       /* to the first request */
	int rc;
	const char *out;
};

#define HEAD4 "Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"

static const struct run_row run_tab[] = {
	{ "a gateway", { "route", "-n" },
	  { "34000000 1800 0200 S P 02180000 fe030001 00000000 08000f00 fe000000 08000100 0a000000 08000500 0a010203",
	    DONE }, 0, HEAD4 "10.0.0.0        10.1.2.3        255.255.255.0   UG    0      0        0 *\n" },
	/* Two bytes of gateway: the two after them are padding, not an address. */
	{ "a gateway of 2 bytes is none", { "route", "-n" },
	  { "34000000 1800 0200 S P 02180000 fe030001 00000000 08000f00 fe000000 08000100 0a000000 06000500 0a010203",
	    DONE }, 0, HEAD4 "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 *\n" },
	/* RTA_MULTIPATH, one nexthop with ifindex 0 whose gateway has 2 bytes. */
	{ "a nexthop's gateway of 2 bytes is none", { "route", "-n" },
	  { "40000000 1800 0200 S P 02180000 fe030001 00000000 08000f00 fe000000 08000100 0a000000"
	    "14000900 10000000 00000000 06000500 0a010203", DONE },
	  0, HEAD4 "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 *\n" },
	/* The kernel's answer to the gateway's type is an error other than "no route". */
	{ "a failed lookup of the gateway's type", { "route", "add", "-net", "10.9.0.0", "netmask", "255.255.0.0", "gw", "10.0.0.1" },
	  { "24000000 0200 0000 S P 97ffffff 1c000000 1a000103 S 00000000" }, 7, "SIOCADDRT: No buffer space available\n" },
	/* br0, a bridge whose IFLA_INFO_DATA holds an attribute running past it. */
	{ "brctl: bridge data that does not parse", { "brctl", "showstp", "br0" },
	  { "44000000 1000 0000 S P 00000100 03000000 00000000 00000000 08000300 62723000"
	    "1c001200 0b000100 62726964 67650000 0c000200 0c000100 00000000" },
	  1, "br0: can't get info Protocol error\n" },
	/* A dumped entry larger than a flush batch (3584 bytes) cannot be deleted: it is not
	 * counted as flushed (it was, and the flush went on to another round). */
	{ "ip neigh flush: an entry larger than the batch", { "ip", "neigh", "flush", "all" },
	  { "28100000 1c00 0200 S P 02000000 01000000 02000001 08000100 0a000005 0410ff00 Z", DONE },
	  1, "Failed to send flush request: Message too long\nFlush terminated\n" },
	{ "ip addr flush: an address larger than the batch", { "ip", "addr", "flush", "to", "10.0.0.0/8" },
	  { "2c100000 1400 0200 S P 02180000 01000000 08000200 0a000005 08000100 0a000005 0410ff00 Z", DONE },
	  1, "Failed to send flush request: Message too long\nFlush terminated\n" },
};

static void test_run(void **state)
{
	ROW(struct run_row);
	char out[8192];
	int p[2], st, argc = 1;
	ssize_t n, got = 0;
	pid_t pid;

	fk_check(row->replies);
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		static struct fk k;
		static struct nlsock fake;
		char *argv[11];
		int brctl = !strcmp(row->args[0], "brctl"), ip = !strcmp(row->args[0], "ip");

		close(p[0]);
		OUT->fd = ERR->fd = p[1];
		for (argc = 0; row->args[argc]; argc++)
			argv[argc] = (char *)row->args[argc];
		argv[argc] = NULL;
		applet_name = argv[0];
		brctl_sock = &fake;
		/* route lists on show_sock(0) and changes on ip_sock(); ip's flushes dump on show_sock(0). */
		fk_start(&k, brctl ? &fake : ip || row->args[1][0] == '-' ? show_sock(0) : ip_sock(), 77, row->replies);
		out_exit(brctl ? brctl_main(argc, argv) : ip ? ip_main(argc, argv) : route_main(argc, argv));
	}
	close(p[1]);
	while ((n = read(p[0], out + got, sizeof(out) - 1 - got)) > 0)
		got += n;
	out[got] = 0;
	close(p[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_string_equal(out, row->out);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), row->rc);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_run, run_tab);
	return suite_run(&s, "applet_replies");
}
