/* ip vrf show|identify|pids|exec (iproute2 6.1's ip/ipvrf.c; NSBOX_FEATURE_VRF): the VRF
 * devices and their tables, and the cgroup v2 association of `ip vrf exec`: a cgroup
 * BASE[/NETNS-ns]/vrf/NAME below this process's own (NETNS when its network namespace has a name
 * in /run/netns), whose BPF program binds each socket made in it to the VRF device. The first
 * cgroup2 mount of /proc/mounts is used, else one is made on /var/run/cgroup2, as iproute2 does. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <linux/if_link.h>
#include "dir.h"
#include "ip.h"
#include "ip_bond_vrf.h"
#include "ip_print.h"
#include "lib.h"
#include "scan.h"
#include "lines.h"
#include "out.h"
#include "sys.h"

#define CGRP_PROCS "/cgroup.procs"

NSBOX_USAGE(vrf_usage,
	"Usage:\tip vrf show [NAME] ...\n"
	NSBOX_USAGE_MORE("\tip vrf exec [NAME] cmd ...\n"
	"\tip vrf identify [PID]\n"
	"\tip vrf pids [NAME]\n"));

/* Exit codes: iproute2's ip exits with the negated return of an object's function (a "return 1"
 * is 255, a "return -1" is 1). iproute2's usage(): exit(-1), in a batch too. */
static _Noreturn void usage(void)
{
	sputs(ERR, USAGE_TEXT(vrf_usage));
	out_exit(255);
}

/* ---- /proc and the cgroup2 file system ---- */

/* The VRF of process pid (its line "0::/.../vrf/NAME" of /proc/PID/cgroup; "" when none), cut
 * to len - 1 bytes: 0, or -errno when the file cannot be read. */
static int vrf_of(const char *pid, char *name, size_t len)
{
	char path[64], *line, *v;
	struct lines l;
	int err;

	bfmt(path, sizeof(path), "/proc/%s/cgroup", pid);
	if ((err = lines_open(&l, path)) < 0)
		return err;
	name[0] = 0;
	while ((line = lines_next(&l))) {
		if (!str_in(line, "::/"))
			continue;
		if ((v = str_in(line, "/vrf/"))) {
			bfmt(name, len, "%s", v + 5);
			break;
		}
	}
	lines_close(&l);
	return 0;
}

/* iproute2's base path: this process's cgroup v2 path without its "/vrf..." tail, "" for the
 * root. 0, or -errno. */
static int cgroup_base(char *vpath, size_t len)
{
	char path[64], *line, *start, *v;
	struct lines l;
	int err;

	bfmt(path, sizeof(path), "/proc/%d/cgroup", (int)getpid());
	if ((err = lines_open(&l, path)) < 0)
		return err;
	vpath[0] = 0;
	while ((line = lines_next(&l))) {
		if (!(start = str_in(line, "::/")))
			continue;
		start += 2;
		if ((v = str_in(start, "/vrf")))
			*v = 0;
		bfmt(vpath, len, "%s", strcmp(start, "/") ? start : "");
		break;
	}
	lines_close(&l);
	return 0;
}

/* iproute2's make_path: each directory of path made (mode 0755) unless it exists. */
static int make_path(const char *path)
{
	char dir[PATH_MAX], *d = dir;

	bfmt(dir, sizeof(dir), "%s", path);
	if (*d == '/')
		d++;
	for (;;) {
		if ((d = strchr(d, '/')))
			*d = 0;
		if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
			errf("mkdir failed for %s: %s\n", dir, errtext(errno));
			return -1;
		}
		if (!d)
			break;
		*d++ = '/';
		if (!*d)
			break;
	}
	return 0;
}

/* iproute2's find_cgroup2_mount(true): the mount point of the first cgroup2 of /proc/mounts,
 * else /var/run/cgroup2, mounted there. 0, or -1 (said). */
static int cgroup2_mount(char *mnt, size_t len)
{
	struct lines l;
	char *line;
	int err;

	if ((err = lines_open(&l, "/proc/mounts")) < 0) {
		errf("Failed to open mounts file: %s\n", errtext(-err));
		return -1;
	}
	while ((line = lines_next(&l))) {
		char *point = strchr(line, ' '), *type;

		if (!point || !(type = strchr(++point, ' ')))
			continue;
		*type++ = 0;
		if (!strncmp(type, "cgroup2 ", 8)) {
			bfmt(mnt, len, "%s", point);
			lines_close(&l);
			return 0;
		}
	}
	lines_close(&l);
	bfmt(mnt, len, "/var/run/cgroup2");
	if (make_path(mnt)) {
		errf("Failed to setup cgroup2 directory\n");
		return -1;
	}
	if ((err = sys_mount("none", mnt, "cgroup2", 0, NULL)) < 0 && err != -EBUSY) {
		if (err == -ENODEV)
			errf("Failed to mount cgroup2. Are CGROUPS enabled in your kernel?\n");
		else
			errf("Failed to mount cgroup2: %s\n", errtext(-err));
		return -1;
	}
	return 0;
}

/* iproute2's ipvrf_get_netns: NAME-ns when this network namespace is named in /run/netns,
 * else "". 0, or -1 (said). */
static int netns_dir(char *netns, size_t len)
{
	size_t n;
	int err;

	if ((err = netns_name_of("/proc/self/ns/net", netns, len - 3)) < 0) {
		errf("Cannot open network namespace: %s\n", errtext(-err));
		errf("Failed to get name of network namespace: %s\n", errtext(-err));
		return -1;
	}
	if ((n = strlen(netns)))
		memcpy(netns + n, "-ns", 4);
	return 0;
}

/* ---- ip vrf exec ---- */

/* The program that binds the cgroup's new sockets to ifindex, attached to the cgroup at path. */
static int vrf_configure_cgroup(const char *path, int ifindex)
{
	static char log[4096];
	struct bpf_insn insn[6];
	unsigned n = bpf_vrf_prog(insn, ifindex);
	int cg, prog, err;

	if ((cg = open(path, O_DIRECTORY | O_RDONLY | O_CLOEXEC)) < 0) {
		errf("Failed to open cgroup path: '%s'\n", errtext(errno));
		return -1;
	}
	/* As libbpf: the verifier's words only when it refuses the program. */
	if ((prog = sys_bpf_prog_load(BPF_PROG_TYPE_CGROUP_SOCK, insn, n, log, 0)) < 0 && prog != -EPERM)
		prog = sys_bpf_prog_load(BPF_PROG_TYPE_CGROUP_SOCK, insn, n, log, sizeof(log));
	if (prog < 0) {
		errf("Failed to load BPF prog: '%s'\n%s", errtext(-prog), prog == -EPERM ? "" : log);
		if (prog != -EPERM)
			errf("Kernel compiled with CGROUP_BPF enabled?\n");
		close(cg);
		return -1;
	}
	err = sys_bpf_prog_attach(prog, cg, BPF_CGROUP_INET_SOCK_CREATE);
	if (err < 0)
		errf("Failed to attach prog to cgroup: '%s'\n", errtext(-err));
	close(prog);
	close(cg);
	return err < 0 ? -1 : 0;
}

/* This process into the cgroup of VRF name ("default": out of any VRF's). 0, or -1 (said). */
static int vrf_switch(const char *name)
{
	char mnt[PATH_MAX], vpath[PATH_MAX], netns[256], path[PATH_MAX], pid[16];
	int ifindex = 0, fd, err, n;

	if (strcmp(name, "default") && !(ifindex = ip_vrf_index(name))) {
		errf("Invalid VRF name\n");
		return -1;
	}
	if (cgroup2_mount(mnt, sizeof(mnt)) || netns_dir(netns, sizeof(netns) - 1))
		return -1;
	if ((err = cgroup_base(vpath, sizeof(vpath))) < 0) {
		errf("Failed to get base cgroup path: %s\n", errtext(-err));
		return -1;
	}
	/* A base that ends in this namespace's directory does not get it twice. */
	if (netns[0]) {
		char *pdir = strrchr(vpath, '/');

		pdir = pdir ? pdir + 1 : vpath;
		if (!strcmp(pdir, netns))
			*pdir = 0;
		n = (int)strlen(netns);
		netns[n] = '/', netns[n + 1] = 0;
	}
	n = bfmt(path, sizeof(path) - sizeof(CGRP_PROCS), "%s%s/%svrf/%s", mnt, vpath, netns, ifindex ? name : "");
	if ((size_t)n > sizeof(path) - sizeof(CGRP_PROCS)) {
		errf("Invalid path to cgroup2 mount\n");
		return -1;
	}
	if (make_path(path)) {
		errf("Failed to setup vrf cgroup2 directory\n");
		return -1;
	}
	if (ifindex && vrf_configure_cgroup(path, ifindex))
		return -1;
	memcpy(path + n, CGRP_PROCS, sizeof(CGRP_PROCS));
	if ((fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)) < 0) {
		errf("Failed to open cgroups.procs file: %s.\n", errtext(errno));
		return -1;
	}
	n = bfmt(pid, sizeof(pid), "%d", (int)getpid());
	if (write(fd, pid, (size_t)n) < 0) {
		errf("Failed to join cgroup\n");
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* ip netns exec, after its switch: out of the VRF this process was in, if any. */
void ip_vrf_reset(void)
{
	char vrf[32], pid[16];

	bfmt(pid, sizeof(pid), "%d", (int)getpid());
	if (vrf_of(pid, vrf, sizeof(vrf)) || !vrf[0])
		return;
	vrf_switch("default");
}

static _Noreturn void switch_and_exec(char **argv)
{
	if (vrf_switch(argv[0]))
		out_exit(255);
	out_flush();
	exec_path(argv + 1);
	errf("exec of \"%s\" failed: %s\n", argv[1], errtext(errno));
	out_exit(1);
}

static int vrf_exec(int argc, char **argv)
{
	long pid;
	int status;

	if (argc < 1) {
		errf("No VRF name specified\n");
		return 1;
	}
	if (argc < 2) {
		errf("No command specified\n");
		return 1;
	}
	if (!ip_batch_jmp)
		switch_and_exec(argv);
	/* In a batch, in a child, as iproute2 (which then goes on with the batch in the child
	 * when the switch fails: here the child exits 255). */
	out_flush();
	if ((pid = sys_clone(0)) < 0)
		die(1, "fork: %s\n", errtext((int)-pid));
	if (pid == 0)
		switch_and_exec(argv);
	while (waitpid((pid_t)pid, &status, 0) < 0)
		if (errno != EINTR)
			die(1, "waitpid: %s\n", errtext(errno));
	if (!WIFEXITED(status))
		out_exit(1);
	return WEXITSTATUS(status);
}

/* ---- ip vrf identify, pids ---- */

static int vrf_identify(int argc, char **argv)
{
	char vrf[32], pid[16];
	uint32_t p = (uint32_t)getpid();
	int err;

	if (argc > 1)
		ip_invarg("Extra arguments specified\n", argv[1]);
	if (argc == 1 && parse_u32(argv[0], &p, 10))
		ip_invarg("Invalid pid\n", argv[0]);
	bfmt(pid, sizeof(pid), "%d", (int)p);
	if ((err = vrf_of(pid, vrf, sizeof(vrf))) < 0) {
		errf("Failed to lookup vrf association: %s\n", errtext(-err));
		return 1;
	}
	if (vrf[0])
		outf("%s\n", vrf);
	return 0;
}

/* The processes of BASE/vrf/NAME/cgroup.procs, each with its command's name. */
static void print_pids(const char *base, const char *name)
{
	char path[PATH_MAX], *line;
	struct lines l;

	if ((size_t)bfmt(path, sizeof(path), "%s/vrf/%s%s", base, name, CGRP_PROCS) >= sizeof(path) ||
	    lines_open(&l, path) < 0)
		return;
	while ((line = lines_next(&l))) {
		char status[64], comm[32] = "", *s, *nm;
		struct lines st;

		bfmt(status, sizeof(status), "/proc/%s/status", line);
		if (lines_open(&st, status) < 0) {
			bfmt(comm, sizeof(comm), "<terminated?>");
		} else {
			while ((s = lines_next(&st)))
				if ((nm = str_in(s, "Name:"))) {
					for (nm += 5; *nm == ' ' || *nm == '\t'; nm++)
						;
					bfmt(comm, sizeof(comm), "%s", nm);
					break;
				}
			lines_close(&st);
		}
		outf("%5s  %s\n", line, comm);
	}
	lines_close(&l);
}

/* iproute2's recurse_dir: below base, each directory "vrf" of this namespace's directory (or of
 * any, when the namespace has no name) has its NAME's processes printed. 0, or -1 when a
 * directory cannot be opened. */
static int walk(const char *base, const char *name, const char *netns)
{
	struct dir d;
	const char *e;
	int rc = 0;

	if (dir_open(&d, base) < 0)
		return -1;
	while (!rc && (e = dir_next(&d))) {
		char path[PATH_MAX];
		int fd;

		if (!strcmp(e, "vrf")) {
			const char *pdir = strrchr(base, '/');

			if (!*netns || (pdir && !strcmp(pdir + 1, netns)))
				print_pids(base, name);
			continue;
		}
		/* A directory, not a link to one (lstat's S_ISDIR, without libc's stat conversions). */
		if ((size_t)bfmt(path, sizeof(path), "%s/%s", base, e) >= sizeof(path) ||
		    (fd = open(path, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
			continue;
		close(fd);
		rc = walk(path, name, netns);
	}
	dir_close(&d);
	return rc;
}

static int vrf_pids(int argc, char **argv)
{
	char mnt[PATH_MAX], netns[256];

	if (argc != 1) {
		errf("Invalid arguments\n");
		return 1;
	}
	if (!ip_vrf_index(argv[0])) {
		errf("Invalid VRF name\n");
		return 1;
	}
	if (cgroup2_mount(mnt, sizeof(mnt)) || netns_dir(netns, sizeof(netns)))
		return 1;
	return walk(mnt, argv[0], netns) ? 1 : 0;
}

/* ---- ip vrf show ---- */

static int one_vrf(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[IFLA_VRF_MAX + 1];
	struct link_info li;
	const char *name, *kind;
	uint32_t table = 0;

	if (h->nlmsg_type != RTM_NEWLINK || rtnl_link_parse(h, &li))
		return 0;
	if (!(name = nla_get_str(li.tb[IFLA_IFNAME]))) {
		errf("BUG: device with ifindex %d has nil ifname\n", li.ifi->ifi_index);
		return 0;
	}
	if (!li.tb[IFLA_LINKINFO] || !(kind = nla_get_str(li.li[IFLA_INFO_KIND])) || strcmp(kind, "vrf"))
		return 0;
	if (li.li[IFLA_INFO_DATA] && !nla_parse_nested(tb, IFLA_VRF_MAX, li.li[IFLA_INFO_DATA]))
		nla_get_u32(tb[IFLA_VRF_TABLE], &table);
	if (!table) {
		errf("BUG: VRF %s is missing table id\n", name);
		return 0;
	}
	pr_obj_open(NULL);
	pr_str(PR_ANY, "name", "%-16s", name);
	pr_uint(PR_ANY, "table", " %5u", table);
	pr_text("\n");
	pr_obj_close();
	++*(unsigned *)arg;
	return 0;
}

static int vrf_show(int argc, char **argv)
{
	struct rtnl_filter f = { .family = (uint8_t)ipo.family, .kind = "vrf" };
	unsigned n = 0;
	uint32_t table;
	int err;

	if (argc > 1)
		usage();
	if (argc == 1) {
		if (!(table = ip_vrf_table(argv[0]))) {
			errf("Invalid VRF\n");
			return 255;
		}
		outf("%s %u\n", argv[0], table);
		return 0;
	}
	pr_begin();
	pr_text("Name              Table\n-----------------------\n");
	if ((err = rtnl_link_dump(ip_sock(), &f, one_vrf, &n)) < 0) {
		ip_report_nlerr(ip_sock(), err);
		return 255;
	}
	if (!n)
		pr_text("No VRF has been configured\n");
	pr_end();
	return 0;
}

static const struct kw vrf_cmds[] = {
	{ "identify", 1, vrf_identify }, { "pids", 1, vrf_pids }, { "exec", 1, vrf_exec },
	{ "show", 1, vrf_show }, { "lst", 1, vrf_show }, { "list", 1, vrf_show }, { NULL, 0, NULL }
};

int do_vrf(int argc, char **argv)
{
	if (argc < 1)
		return vrf_show(0, NULL);
	return ip_dispatch(vrf_cmds, "vrf", vrf_usage, argc, argv);
}
