/* What every ip object uses: the global options, the one rtnetlink socket, iproute2's ways of
 * reporting errors and failing a command (in a batch, back to the next line), and the
 * dispatch of an object's subcommands. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>
#include "dir.h"
#include "lib.h"
#include "genl.h"
#include "ip.h"
#include "out.h"
#include "sys.h"

struct ipopts ipo;
jmp_buf *ip_batch_jmp;
int ip_batch_code;

static struct nlsock *the_sock;

struct nlsock *ip_sock(void)
{
	static struct nlsock sk;
	int err;

	if (the_sock)
		return the_sock;
	err = nl_open(&sk, NETLINK_ROUTE);
	if (err)
		die(1, "Cannot open netlink socket: %s\n", errtext(-err));
	return the_sock = &sk;
}

struct nlsock *ip_genl(const char *name, uint16_t *family)
{
	static struct nlsock sk;   /* zeroed: in .bss, not 64 KiB of the file */
	static int opened;
	int id;

	if (!opened && (id = nl_open(&sk, NETLINK_GENERIC))) {
		errf("Cannot open netlink socket: %s\n", errtext(-id));
		die(1, "Cannot open generic netlink socket\n");
	}
	opened = 1;
	id = genl_resolve(&sk, name);
	if (id == -EPROTO)
		die(1, "Missing family id TLV\n");
	if (id < 0) {
		ip_report_nlerr(&sk, id);
		die(1, "Error talking to the kernel\n");
	}
	*family = (uint16_t)id;
	return &sk;
}

/* The kernel's extack text after "Error" or "Warning", ending in one full stop. */
static void say_ext(const char *what, const char *m)
{
	errf("%s: %s%s\n", what, m, m[strlen(m) - 1] == '.' ? "" : ".");
}

int ip_report_nlerr(struct nlsock *sk, int err)
{
	if (sk->errmsg[0])
		say_ext("Error", sk->errmsg);
	else
		errf("RTNETLINK answers: %s\n", errtext(err));
	return 2;
}

int ip_dump_failed(struct nlsock *sk, int err, const char *what)
{
	if (err < 0 && (sk->errmsg[0] || (err != -ENOENT && err != -EOPNOTSUPP)))
		ip_report_nlerr(sk, err);
	errf("%s terminated\n", what);
	return 2;
}

void ip_report_warning(struct nlsock *sk)
{
	if (sk->errmsg[0])
		say_ext("Warning", sk->errmsg);
}

/* iproute2's check_ifname (max IFNAMSIZ: a new name) and check_altifname (no limit: a device
 * to look up, which may be an altname): not empty, no '/' and no blank. */
int ip_check_ifname(const char *name, size_t max)
{
	if (!*name || strlen(name) >= max)
		return -1;
	for (; *name; name++)
		if (*name == '/' || *name == ' ' || (*name >= '\t' && *name <= '\r'))
			return -1;
	return 0;
}

/* n bytes of stdin into buf: how many came (fewer at the end of the input). */
static size_t read_in(void *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n && (r = read(0, (char *)buf + got, n - got)) > 0)
		got += (size_t)r;
	return got;
}

int ip_saved_magic(uint32_t want, const char *what)
{
	uint32_t magic = 0;
	size_t got;

	if (sys_isatty(0)) {
		errf("Can't restore %s dump from a terminal\n", what);
		return -1;
	}
	got = read_in(&magic, sizeof(magic));
	if (magic != want) {
		errf("Magic mismatch (%d elems, %x magic)\n", got == sizeof(magic), magic);
		return -1;
	}
	return 0;
}

int ip_saved_each(int (*each)(struct nlmsghdr *h))
{
	static char buf[16384];
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	size_t got, pos = 4, l;

	while ((got = read_in(buf, sizeof(*h))) > 0) {
		pos += got;
		if (got < sizeof(*h)) {
			errf("rtnl-from_file: truncated message\n");
			return 255;
		}
		if (h->nlmsg_len < sizeof(*h) || h->nlmsg_len > sizeof(buf)) {
			errf("!!!malformed message: len=%d @%lu\n", (int)h->nlmsg_len, (unsigned long)pos);
			return 255;
		}
		l = NLMSG_ALIGN(h->nlmsg_len - sizeof(*h));
		if (read_in(buf + sizeof(*h), l) != l) {
			errf("rtnl-from_file: truncated message\n");
			return 255;
		}
		pos += l;
		if (each(h))
			return 255;
	}
	return 0;
}

static int send_back(struct nlmsghdr *h)
{
	struct nlb b = { (char *)h, NLMSG_ALIGN(h->nlmsg_len), 0 };
	int err;

	h->nlmsg_flags |= NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
	err = nl_talk(ip_sock(), &b, NULL, NULL);
	if (err)   /* said, but one that exists does not stop the restore */
		ip_report_nlerr(ip_sock(), err);
	return err && err != -EEXIST;
}

void ip_restore(uint32_t want, const char *what)
{
	if (ip_saved_magic(want, what))
		out_exit(255);
	out_exit(ip_saved_each(send_back));
}

int ip_restore_send(struct nlmsghdr *h)
{
	return send_back(h);
}

void ip_save_start(uint32_t magic)
{
	if (sys_isatty(1))
		die(1, "Not sending a binary stream to stdout\n");
	out_flush();
	if (write(1, &magic, sizeof(magic)) != (ssize_t)sizeof(magic))
		die(1, "Can't write magic to dump file\n");
}

int ip_save_msg(const struct nlmsghdr *h, void *arg)
{
	(void)arg;
	if (write(1, h, h->nlmsg_len) == (ssize_t)h->nlmsg_len)
		return 0;
	errf("Short write while saving nlmsg\n");
	return -EIO;
}

void ip_invarg(const char *what, const char *arg)
{
	die(255, "Error: argument \"%s\" is wrong: %s\n", arg, what);
}

void ip_incomplete(void)
{
	die(255, "Command line is not complete. Try option \"help\"\n");
}

void ip_duparg(const char *key, const char *arg)
{
	die(255, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
}

void ip_duparg2(const char *key, const char *arg)
{
	die(255, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n", key, arg);
}

static int no_cmd(const char *object, const char *usage, char **argv);

int ip_dispatch(const struct kw *tab, const char *object, const char *usage, int argc, char **argv)
{
	const struct kw *c = kw_find(tab, argv[0]);

	if (c && c->fn)
		return c->fn(argc - 1, argv + 1);
	if (c) {
		errf("ip %s %s: not implemented in nsbox yet\n", object, c->name);
		return 1;
	}
	return no_cmd(object, usage, argv);
}

int ip_dispatch_names(const char *names, ip_cmd_fn *const *fns, const char *object, const char *usage,
		      int argc, char **argv)
{
	int i = kw_index(names, argv[0]);

	return i >= 0 ? fns[i](argc - 1, argv + 1) : no_cmd(object, usage, argv);
}

static int no_cmd(const char *object, const char *usage, char **argv)
{
	if (kw_is(argv[0], "help")) {
		sputs(ERR, USAGE_TEXT(usage));
		return 255;
	}
	die(255, "Command \"%s\" is unknown, try \"ip %s help\".\n", argv[0], object);
}

void ip_usage_exit(const char *usage)
{
	die(255, "%s", USAGE_TEXT(usage));
}

OUT_VA void ip_fail(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrf(fmt, ap);
	va_end(ap);
	if (ip_batch_jmp) {
		ip_batch_code = code;
		longjmp(*ip_batch_jmp, 1);
	}
	out_exit(code);
}

int ip_ll_index(const char *dev)
{
	int i = rtnl_link_index(ip_sock(), dev);
	uint32_t n;

	if (i > 0)
		return i;
	return strncmp(dev, "if", 2) || parse_u32(dev + 2, &n, 10) || n > INT32_MAX ? 0 : (int)n;
}

static int take_vrf(const struct nlmsghdr *h, void *arg)
{
	struct link_info li;
	const struct nlattr *k;

	if (h->nlmsg_type == RTM_NEWLINK && !rtnl_link_parse(h, &li) && (k = li.li[IFLA_INFO_KIND]) &&
	    nla_len(k) >= 3 && !memcmp(nla_data(k), "vrf", 3) && (nla_len(k) == 3 || !((char *)nla_data(k))[3]))
		*(int *)arg = li.ifi->ifi_index;
	return 0;
}

int ip_vrf_of(const char *name, uint32_t ext)
{
	int index = 0;

	return rtnl_link_get(ip_sock(), name, 0, ext, take_vrf, &index) ? 0 : index;
}

int ip_xindex(const char *dev)
{
	int idx = rtnl_link_index(ip_sock(), dev);

	if (idx <= 0)
		ip_fail(1, "Cannot find device \"%s\"\n", dev);
	return idx;
}

/* NSBOX_LEFT_OUT's words, with one format for the three. */
void ip_check_features(void)
{
	const char *what = NULL, *sym = NULL;

	if (!NSBOX_FEATURE_JSON && ipo.json)
		what = "-json", sym = "NSBOX_FEATURE_JSON";
	else if (!NSBOX_FEATURE_DETAIL && ipo.details)
		what = "-details", sym = "NSBOX_FEATURE_DETAIL";
	else if (!NSBOX_FEATURE_IP_BATCH && ipo.batch)
		what = "-batch", sym = "NSBOX_FEATURE_IP_BATCH";
	if (what)
		die(1, "%s: %s is not in this build of nsbox (%s is not set)\n", applet_name, what, sym);
}

int netns_name_of(const char *nspath, char *name, size_t len)
{
	uint64_t ref[2], id[2];
	char path[PATH_MAX];
	const char *e;
	struct dir d;
	int err = sys_file_id(AT_FDCWD, nspath, ref);

	if (err)
		return err;
	bfmt(name, len, "%s", "");
	if (dir_open(&d, NETNS_RUN_DIR))
		return 0;
	while ((e = dir_next(&d))) {
		bfmt(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, e);
		if (!sys_file_id(AT_FDCWD, path, id) && !memcmp(id, ref, sizeof(id)))
			bfmt(name, len, "%s", e);
	}
	dir_close(&d);
	return 0;
}
