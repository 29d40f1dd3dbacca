/* unshare: run a program in new namespaces, as util-linux 2.38.1's unshare does. Exit codes:
 * the program's; 1 for an error of unshare itself; 126/127 when the program cannot run. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <strings.h>
#include <unistd.h>
#include "lib.h"
#include "lines.h"
#include "out.h"
#include "sys.h"
#include "gnuopt.h"
#include "ulopt.h"

APPLET(unshare, unshare_main);

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif

/* ul_usage's: a tab (after a line's first character) pads to column 27 */
NSBOX_USAGE(usage,
	"\n"
	"Usage:\n"
	" unshare [options] [<program> [<argument>...]]\n"
	"\n"
	"Run a program with some namespaces unshared from the parent.\n"
	"\n"
	"Options:\n"
	" -m, --mount[=<file>]\tunshare mounts namespace\n"
	" -u, --uts[=<file>]\tunshare UTS namespace (hostname etc)\n"
	" -i, --ipc[=<file>]\tunshare System V IPC namespace\n"
	" -n, --net[=<file>]\tunshare network namespace\n"
	" -p, --pid[=<file>]\tunshare pid namespace\n"
	" -U, --user[=<file>]\tunshare user namespace\n"
	" -C, --cgroup[=<file>]\tunshare cgroup namespace\n"
	" -T, --time[=<file>]\tunshare time namespace\n"
	"\n"
	" -f, --fork\tfork before launching <program>\n"
	" --map-user=<uid>|<name>\tmap current user to uid (implies --user)\n"
	" --map-group=<gid>|<name>\tmap current group to gid (implies --user)\n"
	" -r, --map-root-user\tmap current user to root (implies --user)\n"
	" -c, --map-current-user\tmap current user to itself (implies --user)\n"
	" --map-auto\tmap users and groups automatically (implies --user)\n"
	" --map-users=<outeruid>,<inneruid>,<count>\n"
	" \tmap count users from outeruid to inneruid (implies --user)\n"
	" --map-groups=<outergid>,<innergid>,<count>\n"
	" \tmap count groups from outergid to innergid (implies --user)\n"
	"\n"
	" --kill-child[=<signame>]\twhen dying, kill the forked child (implies --fork)\n"
	"                             defaults to SIGKILL\n"
	" --mount-proc[=<dir>]\tmount proc filesystem first (implies --mount)\n"
	" --propagation slave|shared|private|unchanged\n"
	" \tmodify mount propagation in mount namespace\n"
	" --setgroups allow|deny\tcontrol the setgroups syscall in user namespaces\n"
	" --keep-caps\tretain capabilities granted in user namespaces\n"
	"\n"
	" -R, --root=<dir>\trun the command with root directory set to <dir>\n"
	" -w, --wd=<dir>\tchange working directory to <dir>\n"
	" -S, --setuid <uid>\tset uid in entered namespace\n"
	" -G, --setgid <gid>\tset gid in entered namespace\n"
	" --monotonic <offset>\tset clock monotonic offset (seconds) in time namespaces\n"
	" --boottime <offset>\tset clock boottime offset (seconds) in time namespaces\n"
	"\n"
	" -h, --help\tdisplay this help\n"
	" -V, --version\tdisplay version\n"
	"\n"
	"For more details see unshare(1).\n");

/* util-linux's table, in its order; the long-only options have digits and '#' for letters. */
static const struct gopt longs[] = {
	{ "help", 0, 'h' }, { "version", 0, 'V' }, { "mount", 2, 'm' }, { "uts", 2, 'u' },
	{ "ipc", 2, 'i' }, { "net", 2, 'n' }, { "pid", 2, 'p' }, { "user", 2, 'U' }, { "cgroup", 2, 'C' },
	{ "time", 2, 'T' }, { "fork", 0, 'f' }, { "kill-child", 2, '1' }, { "mount-proc", 2, '2' },
	{ "map-user", 1, '3' }, { "map-users", 1, '4' }, { "map-group", 1, '5' },
	{ "map-groups", 1, '6' }, { "map-root-user", 0, 'r' }, { "map-current-user", 0, 'c' },
	{ "map-auto", 0, '7' }, { "propagation", 1, '8' }, { "setgroups", 1, '9' },
	{ "keep-caps", 0, '#' }, { "setuid", 1, 'S' }, { "setgid", 1, 'G' }, { "root", 1, 'R' },
	{ "wd", 1, 'w' }, { "monotonic", 1, '0' }, { "boottime", 1, '*' }, { NULL, 0, 0 }
};

/* Signal names as util-linux knows them, by number (x86 numbering, as glibc's). */
static const char signames[] =
	"HUP\0INT\0QUIT\0ILL\0TRAP\0ABRT\0BUS\0FPE\0KILL\0USR1\0SEGV\0USR2\0PIPE\0ALRM\0TERM\0"
	"STKFLT\0CHLD\0CONT\0STOP\0TSTP\0TTIN\0TTOU\0URG\0XCPU\0XFSZ\0VTALRM\0PROF\0WINCH\0IO\0PWR\0SYS\0";
#define RTMIN 34 /* glibc's SIGRTMIN: it keeps two for itself */
#define RTMAX 64

static int signum(const char *s)
{
	int i, lo = RTMIN, d = 1;

	if (!strncasecmp(s, "sig", 3))
		s += 3;
	if (!strncasecmp(s, "rt", 2)) {
		s += 2;
		if (!strncasecmp(s, "min+", 4))
			s += 4;
		else if (!strncasecmp(s, "max-", 4))
			s += 4, lo = RTMAX, d = -1;
		if (*s < '0' || *s > '9')
			return -1;
		for (i = 0; *s >= '0' && *s <= '9' && i <= RTMAX; s++)
			i = i * 10 + *s - '0';
		i = lo + d * i;
		return i >= RTMIN && i <= RTMAX ? i : -1;
	}
	if ((i = kw_whole_case(signames, s)) >= 0)
		return i + 1;
	return !strcasecmp(s, "IOT") ? SIGABRT : !strcasecmp(s, "CLD") ? SIGCHLD :
	       !strcasecmp(s, "POLL") ? SIGIO : -1;
}

/* A name from /etc/passwd or /etc/group, else a number, as util-linux's get_user/get_group. */
static uint32_t id_of(const char *file, const char *s, const char *what)
{
	struct lines f;
	size_t n = strlen(s);
	char *line, *p;
	uint32_t id = 0;

	if (!lines_open(&f, file)) {
		while ((line = lines_next(&f)))
			if (n && !strncmp(line, s, n) && line[n] == ':' && (p = strchr(line + n + 1, ':'))) {
				line = strchr(++p, ':');
				if (line)
					*line = 0;
				if (!parse_u32(p, &id, 10)) {
					lines_close(&f);
					return id;
				}
			}
		lines_close(&f);
	}
	return (uint32_t)ul_u64(s, what);
}

static void write_file(const char *path, const char *text, const char *open_msg, const char *write_msg)
{
	int fd = sys_open(path, O_WRONLY | O_CLOEXEC, 0);
	size_t n = strlen(text);

	if (fd < 0)
		ul_fail(fd, open_msg, path);
	if (write(fd, text, n) != (ssize_t)n)
		ul_fail(errno, write_msg, path);
	close(fd);
}

/* A kernel without /proc/self/setgroups (before 3.19) needs nothing written there. */
static void setgroups_control(const char *how)
{
	if (!access("/proc/self/setgroups", F_OK))
		write_file("/proc/self/setgroups", how, "cannot open %s", "write failed %s");
}

static void map_id(const char *file, uint32_t from, uint32_t to)
{
	char buf[32];

	bfmt(buf, sizeof(buf), "%u %u 1", from, to);
	write_file(file, buf, "cannot open %s", "write failed %s");
}

static void settime(int clk, int64_t off)
{
	char buf[48];

	bfmt(buf, sizeof(buf), "%d %lld 0", clk, (long long)off);
	write_file("/proc/self/timens_offsets", buf, "failed to open %s", "failed to write to %s");
}

static const char *target[UL_NNS]; /* --net=FILE ...: where to bind each new namespace */

static void bind_ns(int pid)
{
	char src[64];
	int err;

	for (int i = 0; i < UL_NNS; i++) {
		if (!target[i])
			continue;
		bfmt(src, sizeof(src), "/proc/%u/ns/%s%s", pid, ul_ns[i].name,
		     ul_ns[i].type & (CLONE_NEWPID | CLONE_NEWTIME) ? "_for_children" : "");
		err = sys_mount(src, target[i], NULL, MS_BIND, NULL);
		if (err < 0)
			ul_fail(err, "mount %s on %s failed", src, target[i]);
	}
}

/* waitpid; its wait status. */
static int waitchild(int pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			ul_fail(errno, "waitpid failed");
	return st;
}

/* A child that binds the namespaces of this process once they exist: binding a mount
 * namespace into a file of the mount namespace it was made from, or a user namespace's from
 * outside it, must be done from the old namespaces. It waits for a byte on a pipe; EOF means
 * the parent failed before it unshared. */
static int bind_child(int *go)
{
	int p[2], ppid = getpid(), pid;
	char c;

	if (pipe2(p, O_CLOEXEC) < 0 || (pid = (int)sys_clone(0)) < 0)
		ul_fail(errno, "fork failed");
	if (pid) {
		close(p[0]);
		*go = p[1];
		return pid;
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1)
		out_exit(1); /* the parent died before it unshared */
	bind_ns(ppid);
	out_exit(0);
}

static void caps_to_ambient(void)
{
	unsigned c[6];
	uint64_t eff;

	if (sys_capget(c) < 0)
		ul_fail(errno, "capget failed");
	c[2] = c[1], c[5] = c[4];
	if (sys_capset(c) < 0)
		ul_fail(errno, "capset failed");
	eff = (uint64_t)c[3] << 32 | c[0];
	for (unsigned i = 0; i < 64 && sys_prctl(PR_CAPBSET_READ, i, 0) >= 0; i++)
		if (eff >> i & 1 && sys_prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, i) < 0)
			ul_fail(errno, "prctl(PR_CAP_AMBIENT) failed");
}

/* What the options ask for. */
struct uopts {
	int flags, forkit, npersist, killsig, setgrp, keepcaps, force_uid, force_gid, force_mono, force_boot;
	uint32_t mapuser, mapgroup, uid, gid, euid, egid;
	unsigned long prop;
	const char *procmnt, *newroot, *newdir;
	int64_t mono, boot;
};

/* -1 to go on, or the exit status (--help, --version). */
static int parse_opts(int argc, char **argv, struct uopts *o)
{
	static const char letters[] = "UCiunpmT";
	const char *p;
	int c;

	memset(o, 0, sizeof(*o));
	o->setgrp = -1;
	o->mapuser = o->mapgroup = (uint32_t)-1;
	o->euid = geteuid(), o->egid = getegid();
	o->prop = MS_REC | MS_PRIVATE;
	while ((c = lopt_next(argc, argv, "+fhVmuinpCTUrR:w:S:G:c", longs)) != -1) {
		if ((p = strchr(letters, c))) {
			o->flags |= ul_ns[p - letters].type;
			if (gopt_arg)
				target[p - letters] = gopt_arg, o->npersist = 1;
			continue;
		}
		switch (c) {
		case 'f': o->forkit = 1; break;
		case '2':
			o->flags |= CLONE_NEWNS;
			o->procmnt = gopt_arg ? gopt_arg : "/proc";
			break;
		case '3':
			o->flags |= CLONE_NEWUSER;
			o->mapuser = id_of("/etc/passwd", gopt_arg, "failed to parse uid");
			break;
		case '5':
			o->flags |= CLONE_NEWUSER;
			o->mapgroup = id_of("/etc/group", gopt_arg, "failed to parse gid");
			break;
		case 'r':
			o->flags |= CLONE_NEWUSER;
			o->mapuser = o->mapgroup = 0;
			break;
		case 'c':
			o->flags |= CLONE_NEWUSER;
			o->mapuser = o->euid, o->mapgroup = o->egid;
			break;
		case '4': case '6': case '7':
			ul_fail(0, "--map-users, --map-groups and --map-auto are not supported by nsbox");
		case '9':
			if (strcmp(gopt_arg, "deny") && strcmp(gopt_arg, "allow"))
				ul_fail(0, "unsupported --setgroups argument '%s'", gopt_arg);
			o->setgrp = gopt_arg[0] == 'a';
			break;
		case '8':
			if (!strcmp(gopt_arg, "slave"))
				o->prop = MS_REC | MS_SLAVE;
			else if (!strcmp(gopt_arg, "private"))
				o->prop = MS_REC | MS_PRIVATE;
			else if (!strcmp(gopt_arg, "shared"))
				o->prop = MS_REC | MS_SHARED;
			else if (!strcmp(gopt_arg, "unchanged"))
				o->prop = 0;
			else
				ul_fail(0, "unsupported propagation mode: %s", gopt_arg);
			break;
		case '1':
			o->forkit = 1;
			o->killsig = gopt_arg ? signum(gopt_arg) : SIGKILL;
			if (o->killsig < 0)
				ul_fail(0, "unknown signal: %s", gopt_arg);
			break;
		case '#': o->keepcaps = 1; break;
		case 'S': o->uid = (uint32_t)ul_u64(gopt_arg, "failed to parse uid"), o->force_uid = 1; break;
		case 'G': o->gid = (uint32_t)ul_u64(gopt_arg, "failed to parse gid"), o->force_gid = 1; break;
		case 'R': o->newroot = gopt_arg; break;
		case 'w': o->newdir = gopt_arg; break;
		case '0': o->mono = ul_s64(gopt_arg, "failed to parse monotonic offset"), o->force_mono = 1; break;
		case '*': o->boot = ul_s64(gopt_arg, "failed to parse boottime offset"), o->force_boot = 1; break;
		case 'h': ul_usage(USAGE_TEXT(usage), 27); return 0;
		case 'V': outs("unshare from util-linux 2.38.1\n"); return 0;
		}
	}
	if ((o->force_mono || o->force_boot) && !(o->flags & CLONE_NEWTIME))
		ul_fail(0, "options --monotonic and --boottime require unsharing of a time namespace (-t)");
	return -1;
}

/* The parent waits for the child forked with -f and ends as it did. */
static int wait_child(int pid)
{
	sigset_t set;
	int c, st;

	st = waitchild(pid);
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st)) {
		/* Die of the same signal. util-linux resets its handler first, and for
		 * SIGKILL fails there, with this message. */
		c = WTERMSIG(st);
		sigemptyset(&set);
		sigaddset(&set, c);
		if (signal(c, SIG_DFL) == SIG_ERR || sigprocmask(SIG_UNBLOCK, &set, NULL))
			ul_fail(errno, "sigprocmask unblock failed");
		kill(getpid(), c);
	}
	ul_fail(errno, "child exit failed");
}

/* In the new namespaces: the -f child's death signal, the id maps, the mounts, root, cwd and ids. */
static void child_setup(struct uopts *o)
{
	int err;

	if (o->killsig) {
		int ppid = getppid();

		if ((err = sys_prctl(PR_SET_PDEATHSIG, o->killsig, 0)) < 0)
			ul_fail(err, "prctl failed");
		/* The parent may have gone before the prctl: then nobody waits for us. */
		if (getppid() != ppid)
			out_exit(1);
	}
	if (o->mapuser != (uint32_t)-1)
		map_id("/proc/self/uid_map", o->mapuser, o->euid);
	/* Since Linux 3.19 an unprivileged gid_map needs setgroups denied first. */
	if (o->mapgroup != (uint32_t)-1) {
		if (o->setgrp == 1)
			ul_fail(0, "options --setgroups=allow and --map-group are mutually exclusive");
		setgroups_control("deny");
		map_id("/proc/self/gid_map", o->mapgroup, o->egid);
	}
	if (o->setgrp >= 0)
		setgroups_control(o->setgrp ? "allow" : "deny");
	if ((o->flags & CLONE_NEWNS) && o->prop && (err = sys_mount("none", "/", NULL, o->prop, NULL)) < 0)
		ul_fail(err, "cannot change root filesystem propagation");
	if (o->newroot) {
		if (chroot(o->newroot))
			ul_fail(errno, "cannot change root directory to '%s'", o->newroot);
		o->newdir = o->newdir ? o->newdir : "/";
	}
	if (o->newdir && chdir(o->newdir))
		ul_fail(errno, "cannot chdir to '%s'", o->newdir);
	if (o->procmnt) {
		/* A proc mount below a root left shared is not private by the step above. */
		if (!o->newroot && o->prop != (MS_PRIVATE | MS_REC)) {
			err = sys_mount("none", o->procmnt, NULL, MS_PRIVATE | MS_REC, NULL);
			if (err < 0 && err != -EINVAL)
				ul_fail(err, "cannot change %s filesystem propagation", o->procmnt);
		}
		if ((err = sys_mount("proc", o->procmnt, "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL)) < 0)
			ul_fail(err, "mount %s failed", o->procmnt);
	}
	if (o->force_gid) {
		if ((err = sys_dropgroups()) < 0)
			ul_fail(err, "setgroups failed");
		if ((err = sys_setgid(o->gid)) < 0)
			ul_fail(err, "setgid failed");
	}
	if (o->force_uid && (err = sys_setuid(o->uid)) < 0)
		ul_fail(err, "setuid failed");
	if (o->keepcaps && (o->flags & CLONE_NEWUSER))
		caps_to_ambient();
}

int unshare_main(int argc, char **argv)
{
	struct uopts o;
	int go = -1, pid = 0, pid_bind = 0, err, st;
	sigset_t set, old;

	if ((st = parse_opts(argc, argv, &o)) >= 0)
		return st;
	signal(SIGCHLD, SIG_DFL);
	/* util-linux 2.38.1 binds from here only with -m, so a --user=FILE without -m fails there
	 * (EPERM); later versions, and nsbox, bind a user namespace from the old one too. */
	if (o.npersist && (o.flags & (CLONE_NEWNS | CLONE_NEWUSER)))
		pid_bind = bind_child(&go);
	if ((err = sys_unshare(o.flags)) < 0)
		ul_fail(err, "unshare failed");
	if (o.force_boot)
		settime(CLOCK_BOOTTIME, o.boot);
	if (o.force_mono)
		settime(CLOCK_MONOTONIC, o.mono);
	if (o.forkit) {
		/* The parent outlives the child: ^C and TERM are the child's to handle. */
		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		sigprocmask(SIG_BLOCK, &set, &old);
		/* A child now, so that pid_for_children exists when it is bound. */
		if ((pid = (int)sys_clone(0)) < 0)
			ul_fail(pid, "fork failed");
		if (!pid) {
			sigprocmask(SIG_SETMASK, &old, NULL);
			if (go >= 0)
				close(go);
		}
	}
	if (o.npersist && (pid || !o.forkit)) {
		if (pid_bind) {
			if (write(go, "", 1) != 1)
				ul_fail(errno, "write failed");
			st = waitchild(pid_bind);
			if (WIFEXITED(st) && WEXITSTATUS(st))
				out_exit(WEXITSTATUS(st));
		} else
			bind_ns(getpid());
	}
	if (pid)
		return wait_child(pid);
	child_setup(&o);
	ul_exec(argv + gopt_ind);
}
