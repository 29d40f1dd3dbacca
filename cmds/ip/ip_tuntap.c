/* ip tuntap add|del|show (iproute2 6.1's ip/iptuntap.c): persistent TUN/TAP devices made
 * through /dev/net/tun, listed from a link dump with their sysfs flags, owner and group, and
 * under -d the processes that hold them open. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if_arp.h>
#include <linux/if_tun.h>
#include "dir.h"
#include "idfile.h"
#include "ip_print.h"
#include "lib.h"
#include "scan.h"
#include "out.h"
#include "tun.h"

NSBOX_USAGE(tuntap_usage,
	"Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]\n"
	NSBOX_USAGE_MORE("       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]\n"
	"       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]\n"
	"\n"
	"Where: USER  := { STRING | NUMBER }\n"
	"       GROUP := { STRING | NUMBER }\n"));

_Noreturn static void usage(void)
{
	ip_usage_exit(tuntap_usage);
}

/* The words of add and del in iproute2's order of checks, kwt_find's: the minimum length for add,
 * for del (user and group only for add: del takes them as a name), the op; the name. Anything
 * else is the name. */
enum { T_MODE = 1, T_USER, T_GROUP, T_PI, T_DEV, T_FLAG = 0x10 };   /* T_FLAG | the bit it sets */
static const char twords[] =
	"\x01\x01\x01" "mode\0" "\x01\x7f\x02" "user\0" "\x01\x7f\x03" "group\0" "\x01\x01\x04" "pi\0"
	"\x01\x01\x1d" "one_queue\0" "\x01\x01\x1e" "vnet_hdr\0" "\x01\x01\x18" "multi_queue\0"
	"\x01\x01\x05" "dev\0" "\0\0\0";
_Static_assert(IFF_ONE_QUEUE == 1 << 13 && IFF_VNET_HDR == 1 << 14 && IFF_MULTI_QUEUE == 1 << 8, "twords' bits");

static int tword(const char *w, int add)
{
	const char *e = kwt_find(twords, 3, !add, w);

	return e ? e[2] : 0;
}

/* USER or GROUP: a whole decimal number as strtol reads it, cut to 32 bits (so -1 and numbers
 * past 2^32 - 2 that cut to it mean "not set"), else a name from the database. */
static long owner_id(const char *s, int group)
{
	char *end;
	long v;

	if (*s) {
		errno = 0;
		v = str_tol(s, &end, 10);
		if (!*end) {
			uint32_t id = (uint32_t)(unsigned long)v;
			return id == 0xffffffffu ? -1 : (long)id;
		}
	}
	if (group) {
		long gid = id_lookup("/etc/group", s);
		if (gid < 0)
			die(255, "invalid group \"%s\"\n", s);
		return gid;
	}
	long uid = id_lookup("/etc/passwd", s);
	if (uid < 0)
		die(255, "invalid user \"%s\"\n", s);
	return uid;
}

static void parse_args(int argc, char **argv, struct tun_req *r, int add)
{
	const char *what;
	unsigned short m;

	memset(r, 0, sizeof(*r));
	r->owner = r->group = -1;
	r->flags = IFF_NO_PI;
	for (; argc > 0; argc--, argv++) {
		int op = tword(*argv, add);

		if (op & T_FLAG) {
			r->flags |= (unsigned short)(1 << (op & 15));
			continue;
		}
		switch (op) {
		case T_MODE:
			NEXT_ARG();
			m = kw_is(*argv, "tun") ? IFF_TUN : kw_is(*argv, "tap") ? IFF_TAP : 0;
			if (!m)
				die(255, "Unknown tunnel mode \"%s\"\n", *argv);
			if (r->flags & (IFF_TUN | IFF_TAP) & ~m)
				die(255, "You managed to ask for more than one tunnel mode.\n");
			r->flags |= m;
			break;
		case T_USER: NEXT_ARG(); r->owner = owner_id(*argv, 0); break;
		case T_GROUP: NEXT_ARG(); r->group = owner_id(*argv, 1); break;
		case T_PI: r->flags &= (unsigned short)~IFF_NO_PI; break;
		case T_DEV:
			NEXT_ARG();
			what = "\"dev\" not a valid ifname";
			goto name;
		default:
			if (kw_is(*argv, "name"))
				NEXT_ARG();
			else if (kw_is(*argv, "help"))
				usage();
			if (r->name[0])
				die(255, "Error: either \"name\" is duplicate, or \"%s\" is a garbage.\n", *argv);
			what = "\"name\" not a valid ifname";
		name:
			if (ip_check_ifname(*argv, IFNAMSIZ))
				ip_invarg(what, *argv);
			memcpy(r->name, *argv, strlen(*argv) + 1);   /* shorter than IFNAMSIZ */
		}
	}
	if (!(r->flags & (IFF_TUN | IFF_TAP)))
		ip_fail(1, "You failed to specify a tunnel mode\n");
}

static int tun_done(int err, enum tun_step step)
{
	static const char *const what[] = {
		[TUN_OPEN] = "open", [TUN_SETIFF] = "ioctl(TUNSETIFF)",
		[TUN_SETOWNER] = "ioctl(TUNSETOWNER)", [TUN_SETGROUP] = "ioctl(TUNSETGROUP)",
		[TUN_SETPERSIST] = "ioctl(TUNSETPERSIST)",
	};

	if (err)
		ip_fail(1, "%s: %s\n", what[step], errtext(-err));
	return 0;
}

static int add_or_del(int argc, char **argv, int add)
{
	struct tun_req r;
	enum tun_step step;

	int err;

	parse_args(argc, argv, &r, add);
	err = add ? tun_add(&r, &step) : tun_del(&r, &step);
	return tun_done(err, step);   /* step is set by the call: read it after */
}


/* iproute2's read_prop: a number (strtol, base 0) from the device's sysfs file, or -1 with
 * its messages. */
static int read_prop(const char *dev, const char *prop, long *val)
{
	char text[80], *end;
	int n = tun_sysfs_read(dev, prop, text, sizeof(text));

	if (n == -ENAMETOOLONG) {
		errf("could not build pathname for property\n");
		return -1;
	}
	if (n < 0) {
		errf("fopen /sys/class/net/%s/%s: %s\n", dev, prop, errtext(-n));
		return -1;
	}
	errno = 0;
	*val = str_tol(text, &end, 0);
	if (*end || end == text) {
		errf("value \"%s\" in file /sys/class/net/%s/%s is not a number\n", text, dev, prop);
		errf("Failed to parse /sys/class/net/%s/%s\n", dev, prop);
		return -1;
	}
	return 0;
}

static void print_flags(long flags)
{
	/* The bit of each IFF_ flag, whether it is printed when set (else when clear), its name. */
	static const char names[] =
		"\x00\x01" "tun\0" "\x01\x01" "tap\0" "\x0c\x00" "pi\0" "\x0d\x01" "one_queue\0"
		"\x08\x01" "multi_queue\0" "\x0e\x01" "vnet_hdr\0" "\x0b\x01" "persist\0"
		"\x0c\x00" "filter\0" "\0\0";
	_Static_assert(IFF_NO_PI == 1 << 12 && IFF_ONE_QUEUE == 1 << 13 && IFF_MULTI_QUEUE == 1 << 8 &&
		       IFF_VNET_HDR == 1 << 14 && IFF_PERSIST == 1 << 11 && IFF_NOFILTER == 1 << 12, "names' bits");
	long rest = flags;

	pr_arr_open(PR_JSON, "flags");
	for (const char *e = names; e[2]; e += 3 + strlen(e + 2)) {
		long bit = 1L << e[0];

		if (!(flags & bit) == !e[1])
			pr_str(PR_ANY, NULL, " %s", e + 2);
		rest &= ~bit;
	}
	if (rest) {
		char hex[24];
		bfmt(hex, sizeof(hex), "%#lx", (unsigned long)rest);
		pr_str(PR_ANY, NULL, " %s", hex);
	}
	pr_arr_close(PR_JSON, NULL);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* A small file into buf, NUL-terminated: its length, -1 when read fails, -2 when open does
 * (errno says why). */
static int slurp(const char *path, char *buf, int len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), n;

	if (fd < 0)
		return -2;
	n = (int)read(fd, buf, (size_t)len - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

/* Whether the fdinfo file at path has the kernel's line "iff:\tNAME" (never its first). */
static int fdinfo_iff(const char *path, const char *name)
{
	char buf[1024], want[IFNAMSIZ + 8];
	int n = slurp(path, buf, sizeof(buf));

	if (n == -2)
		errf("fopen: %s\n", errtext(errno));
	bfmt(want, sizeof(want), "\niff:\t%s\n", name);
	return n > 0 && str_in(buf, want);
}

/* Each process (other than this one) with an fd on /dev/net/tun attached to name: its comm and
 * pid, in /proc's order. */
static void show_processes(const char *name)
{
	static struct dir proc, fds;
	char path[64], link[sizeof(TUN_DEV) + 1];
	const char *p, *f;
	unsigned pid;
	int k;

	if (dir_open(&proc, "/proc"))
		return;
	pr_arr_open(PR_JSON, "processes");
	while ((p = dir_next(&proc))) {
		if (!all_digits(p) || strlen(p) >= 16 || (pid = (unsigned)str_toul(p, NULL, 10)) == (unsigned)getpid())
			continue;
		k = bfmt(path, sizeof(path), "/proc/%s/", p);   /* and then fd, fd/N, fdinfo/N, comm */
		memcpy(path + k, "fd", 3);
		if (dir_open(&fds, path))
			continue;
		while ((f = dir_next(&fds))) {
			ssize_t n;

			if (!all_digits(f))
				continue;
			bfmt(path + k, sizeof(path) - (size_t)k, "fd/%s", f);
			if ((n = readlink(path, link, sizeof(link) - 1)) < 0) {
				errf("readlink: %s\n", errtext(errno));
				continue;
			}
			link[n] = '\0';
			if (strcmp(link, TUN_DEV))
				continue;
			bfmt(path + k, sizeof(path) - (size_t)k, "fdinfo/%s", f);
			if (fdinfo_iff(path, name)) {
				char comm[64];

				/* the comm of pid, without its newline */
				memcpy(path + k, "comm", 5);
				n = slurp(path, comm, sizeof(comm));
				comm[strcspn(comm, "\n")] = '\0';
				pr_str(PR_ANY, "name", "%s", n < 0 ? "<NULL>" : comm);
				pr_uint(PR_ANY, "pid", "(%u)", pid);
			}
		}
		dir_close(&fds);
	}
	dir_close(&proc);
	pr_arr_close(PR_JSON, NULL);
}

static int one_tuntap(const struct nlmsghdr *h, void *arg)
{
	struct link_info li;
	const char *name, *kind;
	long flags, owner = -1, group = -1;

	(void)arg;
	if (h->nlmsg_type != RTM_NEWLINK && h->nlmsg_type != RTM_DELLINK)
		return 0;
	if (rtnl_link_parse(h, &li))
		return -EPROTO;
	if (li.ifi->ifi_type != ARPHRD_NONE && li.ifi->ifi_type != ARPHRD_ETHER)
		return 0;
	if (!(name = nla_get_str(li.tb[IFLA_IFNAME])) || !li.tb[IFLA_LINKINFO])
		return 0;
	if (!(kind = nla_get_str(li.li[IFLA_INFO_KIND])) || strcmp(kind, "tun"))
		return 0;
	if (read_prop(name, "tun_flags", &flags) || read_prop(name, "owner", &owner) ||
	    read_prop(name, "group", &group))
		return 0;
	pr_obj_open(NULL);
	pr_str(PR_ANY, "ifname", "%s:", name);
	print_flags(flags);
	if (owner != -1)
		pr_u64(PR_ANY, "user", " user %llu", (uint64_t)owner);
	if (group != -1)
		pr_u64(PR_ANY, "group", " group %llu", (uint64_t)group);
	if (IPO_DETAILS) {
		pr_text("%s\tAttached to processes:", pr_sl());
		show_processes(name);
	}
	pr_obj_close();
	pr_text("\n");
	out_record_end();
	return 0;
}

static int do_show(void)
{
	struct rtnl_filter f = { .kind = "tun" };
	int err;

	pr_begin();
	err = rtnl_link_dump(ip_sock(), &f, one_tuntap, NULL);
	if (err < 0)
		ip_fail(1, "Dump terminated\n");
	pr_end();
	return 0;
}

/* The subcommands, kwt_find's: minimum length, what (0 del, 1 add, 2 show), name. */
static const char tuntap_cmds[] =
	"\x01\x01" "add\0" "\x01\x00" "delete\0" "\x01\x02" "show\0" "\x01\x02" "lst\0"
	"\x01\x02" "list\0" "\0\0";

int do_tuntap(int argc, char **argv)
{
	const char *c;

	if (argc < 1 || ((c = kwt_find(tuntap_cmds, 2, 0, argv[0])) && c[1] == 2))
		return do_show();
	if (c)
		return add_or_del(argc - 1, argv + 1, c[1]);
	if (kw_is(argv[0], "help")) {
		sputs(ERR, USAGE_TEXT(tuntap_usage));
		return 255;
	}
	die(255, "Command \"%s\" is unknown, try \"ip %s help\".\n", argv[0], "tuntap");
}
