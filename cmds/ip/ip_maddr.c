/* ip maddress show|add|del: the multicast addresses of /proc/net/dev_mcast, igmp and igmp6 (of
 * the reader's namespace), and link-layer ones joined or left with SIOCADDMULTI/SIOCDELMULTI. */
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "lib.h"
#include "scan.h"
#include "inet.h"
#include "ip.h"
#include "ip_print.h"
#include "lines.h"
#include "sys.h"
#include "out.h"

NSBOX_USAGE(maddr_usage,
	"Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n"
	NSBOX_USAGE_MORE("       ip maddr show [ dev STRING ]\n"));

static _Noreturn void maddr_usage_exit(void)
{
	ip_usage_exit(maddr_usage);
}

struct ma {
	int index, users, is_static;
	int family;           /* AF_PACKET for a link-layer address */
	int len;
	unsigned char data[16];
	char name[IFNAMSIZ];
};

#define MA_MAX 1024
static struct ma mas[MA_MAX];
static int nmas;

/* Blank-separated words of line, at most max. */
static int words(char *line, char **w, int max)
{
	int n = 0;

	for (char *p = line; n < max && *(p += strspn(p, " \t")); ) {
		w[n++] = p;
		if (*(p += strcspn(p, " \t")))
			*p++ = '\0';
	}
	return n;
}

/* iproute2's parse_hex: pairs of hex digits; -1 for an odd one out. */
static int parse_hex(const char *s, unsigned char *out, int max)
{
	int n = 0;
	unsigned v;
	char pair[3] = { 0, 0, 0 };

	for (; *s && n < max; s += 2) {
		if (!s[1])
			return -1;
		memcpy(pair, s, 2);
		if (!strchr("0123456789abcdefABCDEF", pair[0]) || parse_u32(pair, &v, 16))
			return -1;
		out[n++] = (unsigned char)v;
	}
	return n;
}

/* Kept in the order read, each after those of lower or equal index (iproute2's maddr_ins). */
static void ma_add(const struct ma *m, const char *dev)
{
	int i;

	if ((dev && strcmp(dev, m->name)) || nmas == MA_MAX)
		return;
	for (i = nmas; i > 0 && mas[i - 1].index > m->index; i--)
		mas[i] = mas[i - 1];
	mas[i] = *m;
	nmas++;
}

static int num(const char *s)
{
	return (int)str_tol(s, NULL, 10);
}

/* One file: dev_mcast (AF_PACKET), igmp (AF_INET) or igmp6 (AF_INET6). */
static void read_file(const char *path, int family, const char *dev)
{
	struct lines l;
	struct ma m;
	char *w[5], *line;
	uint32_t a;
	int n, first = 1;

	if (lines_open(&l, path))
		return;
	memset(&m, 0, sizeof(m));
	while ((line = lines_next(&l))) {
		int tab = line[0] == '\t';

		m.family = family;
		n = words(line, w, 5);
		if (family == AF_INET) {
			if (first || n < 2) {
				first = 0;
				continue;
			}
			if (tab) {   /* a group of the device above */
				if (parse_u32(w[0], &a, 16))
					continue;
				memcpy(m.data, &a, 4);   /* the kernel prints the __be32 as a number */
				m.len = 4;
				m.users = num(w[1]);
				ma_add(&m, dev);
				continue;
			}
		} else if (n < (family == AF_PACKET ? 5 : 4)) {
			continue;
		}
		m.index = num(w[0]);
		bfmt(m.name, sizeof(m.name), "%s", w[1]);
		if (family == AF_INET) {   /* "IDX NAME:" opens a device's list */
			if (m.name[0] && m.name[strlen(m.name) - 1] == ':')
				m.name[strlen(m.name) - 1] = 0;
			continue;
		}
		m.users = num(w[2 + (family == AF_INET6)]);
		m.is_static = family == AF_PACKET && num(w[3]);
		m.len = parse_hex(w[family == AF_PACKET ? 4 : 2], m.data, 16);
		if (m.len >= 0)
			ma_add(&m, dev);
	}
	lines_close(&l);
}

static void pr_ma(const struct ma *m)
{
	char b[PR_HOSTSZ];

	pr_text("\t");
	pr_obj_open(NULL);
	if (m->family == AF_PACKET) {
		pr_str(PR_ANY, "link", "link  %s", fmt_lladdr(m->data, (size_t)m->len, 0, b));
	} else {
		pr_str(PR_ANY, "family", "%-5s ", name_family(m->family));
		pr_str(PR_ANY, "address", "%s", fmt_host(m->family, m->data, (size_t)inet_alen(m->family), b));
	}
	if (m->users != 1)
		pr_uint(PR_ANY, "users", " users %u", (unsigned)m->users);
	if (m->is_static)
		pr_str(PR_ANY, "features", " %s", "static");
	pr_text("\n");
	pr_obj_close();
}

static int maddr_list(int argc, char **argv)
{
	const char *dev = NULL;
	int cur = 0, f = ipo.family;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dev"))
			NEXT_ARG();
		else if (kw_is(*argv, "help"))
			maddr_usage_exit();
		if (dev)
			die(255, "Error: either \"dev\" is duplicate, or \"%s\" is a garbage.\n", *argv);
		dev = *argv;
	}
	nmas = 0;
	if (!f || f == AF_PACKET)
		read_file("/proc/net/dev_mcast", AF_PACKET, dev);
	if (!f || f == AF_INET)
		read_file("/proc/net/igmp", AF_INET, dev);
	if (!f || f == AF_INET6)
		read_file("/proc/net/igmp6", AF_INET6, dev);
	pr_begin();
	for (int i = 0; i < nmas; i++) {
		if (mas[i].index != cur || ipo.oneline) {
			if (cur) {
				pr_arr_close(PR_JSON, NULL);
				pr_obj_close();
			}
			pr_obj_open(NULL);
			pr_uint(PR_ANY, "ifindex", "%u:", (unsigned)mas[i].index);
			pr_str(PR_ANY, "ifname", "\t%s", mas[i].name);
			pr_nl();
			cur = mas[i].index;
			pr_arr_open(PR_JSON, "maddr");
		}
		pr_ma(&mas[i]);
	}
	if (cur) {
		pr_arr_close(PR_JSON, NULL);
		pr_obj_close();
	}
	pr_end();
	return 0;
}

/* add|del [address] LLADDR dev DEV: iproute2 ends here with exit(), batch or not. */
_Noreturn static void maddr_modify(int add, int argc, char **argv)
{
	unsigned char hw[14] = { 0 };
	const char *dev = NULL, *bad;
	int len, blen, err, f = ipo.family;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dev")) {
			NEXT_ARG();
			if (dev)
				die(255, "Error: duplicate \"dev\": \"%s\" is the second value.\n", *argv);
			if (ip_check_ifname(*argv, IFNAMSIZ))
				ip_invarg("\"dev\" not a valid ifname", *argv);
			dev = *argv;
			continue;
		}
		if (kw_is(*argv, "address"))
			NEXT_ARG();
		if (kw_is(*argv, "help"))
			maddr_usage_exit();
		if (hw[0])   /* iproute2 looks at the first byte only */
			die(255, "Error: duplicate \"address\": \"%s\" is the second value.\n", *argv);
		len = lladdr_parse(*argv, hw, (int)sizeof(hw), &bad, &blen);
		if (len < 0)
			die(1, "\"%.*s\" is invalid lladdr.\n", blen, bad);
		if (len != 6)
			die(1, "Error: Invalid address length %d - must be %d bytes\n", len, 6);
	}
	if (!dev)
		die(255, "Not enough information: \"dev\" is required.\n");
	err = if_mcast(f == AF_INET6 || f == AF_PACKET ? f : AF_INET, add, dev, hw, sizeof(hw));
	if (err)
		die(1, "ioctl: %s\n", errtext(-err));
	out_exit(0);
}

/* The subcommands, kwt_find's: minimum length, what (0 del, 1 add, 2 list), name. */
static const char maddr_cmds[] =
	"\x01\x01" "add\0" "\x01\x00" "delete\0" "\x01\x02" "list\0" "\x01\x02" "show\0"
	"\x01\x02" "lst\0" "\0\0";

int do_maddr(int argc, char **argv)
{
	const char *c;

	if (argc < 1)
		return maddr_list(0, NULL);
	if ((c = kwt_find(maddr_cmds, 2, 0, argv[0])) && c[1] == 2)
		return maddr_list(argc - 1, argv + 1);
	if (c)
		maddr_modify(c[1], argc - 1, argv + 1);
	if (kw_is(argv[0], "help")) {
		sputs(ERR, USAGE_TEXT(maddr_usage));
		return 255;
	}
	die(255, "Command \"%s\" is unknown, try \"ip %s help\".\n", argv[0], "maddr");
}
