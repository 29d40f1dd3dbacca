/* nsenter: run a program in the namespaces of another process, or of namespace files, as
 * util-linux 2.38.1's nsenter does. Exit codes: the program's; 1 for an error of nsenter
 * itself; 126/127 when the program cannot run. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib.h"
#include "out.h"
#include "sys.h"
#include "gnuopt.h"
#include "ulopt.h"

APPLET(nsenter, nsenter_main);

/* ul_usage's: a tab (after a line's first character) pads to column 24 */
NSBOX_USAGE(usage,
	"\n"
	"Usage:\n"
	" nsenter [options] [<program> [<argument>...]]\n"
	"\n"
	"Run a program with namespaces of other processes.\n"
	"\n"
	"Options:\n"
	" -a, --all\tenter all namespaces\n"
	" -t, --target <pid>\ttarget process to get namespaces from\n"
	" -m, --mount[=<file>]\tenter mount namespace\n"
	" -u, --uts[=<file>]\tenter UTS namespace (hostname etc)\n"
	" -i, --ipc[=<file>]\tenter System V IPC namespace\n"
	" -n, --net[=<file>]\tenter network namespace\n"
	" -p, --pid[=<file>]\tenter pid namespace\n"
	" -C, --cgroup[=<file>]\tenter cgroup namespace\n"
	" -U, --user[=<file>]\tenter user namespace\n"
	" -T, --time[=<file>]\tenter time namespace\n"
	" -S, --setuid <uid>\tset uid in entered namespace\n"
	" -G, --setgid <gid>\tset gid in entered namespace\n"
	"     --preserve-credentials do not touch uids or gids\n"
	" -r, --root[=<dir>]\tset the root directory\n"
	" -w, --wd[=<dir>]\tset the working directory\n"
	" -W. --wdns <dir>\tset the working directory in namespace\n"
	" -F, --no-fork\tdo not fork before exec'ing <program>\n"
	" -Z, --follow-context\tset SELinux context according to --target PID\n"
	"\n"
	" -h, --help\tdisplay this help\n"
	" -V, --version\tdisplay version\n"
	"\n"
	"For more details see nsenter(1).\n");

/* util-linux's table, in its order; '1' is the long-only --preserve-credentials. */
static const struct gopt longs[] = {
	{ "all", 0, 'a' }, { "help", 0, 'h' }, { "version", 0, 'V' }, { "target", 1, 't' },
	{ "mount", 2, 'm' }, { "uts", 2, 'u' }, { "ipc", 2, 'i' }, { "net", 2, 'n' }, { "pid", 2, 'p' },
	{ "user", 2, 'U' }, { "cgroup", 2, 'C' }, { "time", 2, 'T' }, { "setuid", 1, 'S' },
	{ "setgid", 1, 'G' }, { "root", 2, 'r' }, { "wd", 2, 'w' }, { "wdns", 2, 'W' },
	{ "no-fork", 0, 'F' }, { "preserve-credentials", 0, '1' }, { "follow-context", 0, 'Z' },
	{ NULL, 0, 0 }
};

static uint32_t target; /* util-linux keeps it in a pid_t and prints it with %u */

/* type names the file under /proc/PID when no path is given: "ns/net", "root", "cwd". */
static void open_target(int *fd, const char *type, const char *path)
{
	char buf[64];

	if (!path && target) {
		bfmt(buf, sizeof(buf), "/proc/%u/%s", target, type);
		path = buf;
	}
	if (!path)
		ul_fail(0, "neither filename nor target pid supplied for %s", type);
	if (*fd >= 0)
		close(*fd);
	*fd = sys_open(path, O_RDONLY | O_CLOEXEC, 0);
	if (*fd < 0)
		ul_fail(*fd, "cannot open %s", path);
}

/* -r and -w: the directory named now, or the target's later. */
static void dir_opt(int *fd, int *later, const char *type)
{
	if (gopt_arg)
		open_target(fd, type, gopt_arg);
	else
		*later = 1;
}

static int nsfd[UL_NNS] = { -1, -1, -1, -1, -1, -1, -1, -1 };

static void open_ns(int i, const char *path)
{
	char type[16];

	bfmt(type, sizeof(type), "ns/%s", ul_ns[i].name);
	open_target(&nsfd[i], type, path);
}

static ino_t ns_ino(const char *pid, const char *name, int need)
{
	char path[64];
	uint64_t id[2];

	bfmt(path, sizeof(path), "/proc/%s/ns/%s", pid, name);
	if (!sys_file_id(AT_FDCWD, path, id))
		return (ino_t)id[0];
	if (need)
		ul_fail(errno, "stat of %s failed", path);
	return 0;
}

/* -a takes what the kernel has, and not our own user namespace: setns refuses to reenter it. */
static int usable(int i)
{
	char pid[12];
	ino_t mine = ns_ino("self", ul_ns[i].name, 0);

	if (!mine)
		return 0;
	bfmt(pid, sizeof(pid), "%u", target);
	return ul_ns[i].type != CLONE_NEWUSER || ns_ino(pid, ul_ns[i].name, 1) != mine;
}

/* The parent of a program in a PID namespace: its stops are ours, its end is ours. */
static void continue_as_child(void)
{
	int st, pid;

	signal(SIGCHLD, SIG_DFL);
	if ((pid = (int)sys_clone(0)) < 0)
		ul_fail(pid, "fork failed");
	if (!pid)
		return;
	for (;;) {
		if (waitpid(pid, &st, WUNTRACED) < 0) {
			if (errno == EINTR)
				continue;
			out_exit(1);
		}
		if (!WIFSTOPPED(st))
			break;
		kill(getpid(), SIGSTOP);
		kill(pid, SIGCONT);
	}
	if (WIFEXITED(st))
		out_exit(WEXITSTATUS(st));
	if (WIFSIGNALED(st))
		kill(getpid(), WTERMSIG(st));
	out_exit(1);
}

/* setns into each namespace opened: the user namespace last when it takes privileges away,
 * first when it gives them (a first pass without it, where failures may be for want of it).
 * A PID namespace makes a fork the default. */
static void enter_all(int *do_fork)
{
	int pass, i, c;

	for (pass = 0; pass < 2; pass++)
		for (i = 1 - pass; i < UL_NNS; i++) {
			if (nsfd[i] < 0)
				continue;
			if (ul_ns[i].type == CLONE_NEWPID && *do_fork == -1)
				*do_fork = 1;
			c = sys_setns(nsfd[i], ul_ns[i].type);
			if (c < 0) {
				if (pass)
					ul_fail(c, "reassociate to namespace 'ns/%s' failed", ul_ns[i].name);
				continue;
			}
			close(nsfd[i]);
			nsfd[i] = -1;
		}
}

static void change_dirs(int root_fd, int wd_fd, const char *wdns)
{
	/* Entering a mount namespace moved us to its root: the working directory that a new root
	 * keeps is taken from there. */
	if (root_fd >= 0 && wd_fd < 0 && !wdns && (wd_fd = sys_open(".", O_RDONLY | O_CLOEXEC, 0)) < 0)
		ul_fail(wd_fd, "cannot open current working directory");
	if (root_fd >= 0) {
		if (fchdir(root_fd))
			ul_fail(errno, "change directory by root file descriptor failed");
		if (chroot("."))
			ul_fail(errno, "chroot failed");
		if (chdir("/"))
			ul_fail(errno, "cannot change directory to %s", "/");
		close(root_fd);
	}
	if (wdns && (wd_fd = sys_open(wdns, O_RDONLY | O_CLOEXEC, 0)) < 0)
		ul_fail(wd_fd, "cannot open current working directory");
	if (wd_fd >= 0) {
		if (fchdir(wd_fd))
			ul_fail(errno, "change directory by working directory file descriptor failed");
		close(wd_fd);
	}
}

int nsenter_main(int argc, char **argv)
{
	static const char letters[] = "UCiunpmT";
	int c, i, namespaces = 0, all = 0, do_rd = 0, do_wd = 0, do_fork = -1, excl = 0;
	int force_uid = 0, force_gid = 0, preserve = 0, nerrs = 0, root_fd = -1, wd_fd = -1;
	uint32_t uid = 0, gid = 0;
	const char *wdns = NULL, *p;

	while ((c = lopt_next(argc, argv, "+ahVt:m::u::i::n::p::C::U::T::S:G:r::w::W:FZ", longs)) != -1) {
		if (c == 'w' || c == 'W') {
			if (excl && excl != c)
				ul_fail(0, "mutually exclusive arguments: --wdns --wd");
			excl = c;
		}
		if ((p = strchr(letters, c))) {
			if (gopt_arg)
				open_ns(p - letters, gopt_arg);
			else
				namespaces |= ul_ns[p - letters].type;
			continue;
		}
		switch (c) {
		case 'a': all = 1; break;
		case 't': target = (uint32_t)ul_u64(gopt_arg, "failed to parse pid"); break;
		case 'S': uid = (uint32_t)ul_u64(gopt_arg, "failed to parse uid"), force_uid = 1; break;
		case 'G': gid = (uint32_t)ul_u64(gopt_arg, "failed to parse gid"), force_gid = 1; break;
		case 'F': do_fork = 0; break;
		case 'r': dir_opt(&root_fd, &do_rd, "root"); break;
		case 'w': dir_opt(&wd_fd, &do_wd, "cwd"); break;
		case 'W': wdns = gopt_arg; break;
		case '1': preserve = 1; break;
		case 'Z': break; /* no SELinux in nsbox: util-linux too ignores it where SELinux is off */
		case 'h': ul_usage(USAGE_TEXT(usage), 24); return 0;
		case 'V': outs("nsenter from util-linux 2.38.1\n"); return 0;
		}
	}
	if (all) {
		if (!target)
			ul_fail(0, "no target PID specified for --all");
		for (i = 0; i < UL_NNS; i++)
			if (nsfd[i] < 0 && usable(i))
				namespaces |= ul_ns[i].type;
	}
	for (i = 0; i < UL_NNS; i++)
		if (namespaces & ul_ns[i].type)
			open_ns(i, NULL);
	if (do_rd)
		open_target(&root_fd, "root", NULL);
	if (do_wd)
		open_target(&wd_fd, "cwd", NULL);
	for (i = 0; i < UL_NNS; i++)
		if (nsfd[i] >= 0)
			namespaces |= ul_ns[i].type;
	/* In a user namespace we are uid and gid 0 unless told; root's groups go, before and after
	 * entering it: only both failing is an error. */
	if ((namespaces & CLONE_NEWUSER) && !preserve) {
		force_uid = force_gid = 1;
		nerrs = sys_dropgroups() < 0;
	}
	enter_all(&do_fork);
	change_dirs(root_fd, wd_fd, wdns);
	if (do_fork == 1)
		continue_as_child();
	if (force_gid && (c = sys_dropgroups()) < 0 && nerrs)
		ul_fail(c, "setgroups failed");
	if (force_gid && (c = sys_setgid(gid)) < 0)
		ul_fail(c, "setgid failed");
	if (force_uid && (c = sys_setuid(uid)) < 0)
		ul_fail(c, "setuid failed");
	ul_exec(argv + gopt_ind);
}
