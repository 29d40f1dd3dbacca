/* ip netns: named network namespaces bound under /run/netns. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include "dir.h"
#include "lines.h"
#include "lib.h"
#include "ip.h"
#include "ip_print.h"
#include "sys.h"
#include "out.h"

NSBOX_USAGE(netns_usage,
	"Usage:\tip netns list\n"
	NSBOX_USAGE_MORE("\tip netns add NAME\n"
	"\tip netns attach NAME PID\n"
	"\tip netns set NAME NETNSID\n"
	"\tip [-all] netns delete [NAME]\n"
	"\tip netns identify [PID]\n"
	"\tip netns pids NAME\n"
	"\tip [-all] netns exec [NAME] cmd ...\n"
	"\tip netns monitor\n"
	"\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n"
	"NETNSID := auto | POSITIVE-INT\n"));

static int invalid_name(const char *name)
{
	return !*name || strlen(name) > NAME_MAX || strchr(name, '/') ||
	       !strcmp(name, ".") || !strcmp(name, "..");
}

/* errf(fmt, what, the text of err), fmt with its two %s: -1. err may be -errno or errno. */
static int fail(const char *fmt, const char *what, int err)
{
	errf(fmt, what, errtext(err));
	return -1;
}

static int bind_ns(const char *src, const char *dst)
{
	int err = sys_mount(src, dst, "none", MS_BIND, NULL);

	if (err)
		errf("Bind %s -> %s failed: %s\n", src, dst, errtext(err));
	return err;
}

/* NETNS_RUN_DIR/name into path (PATH_MAX bytes). */
static void ns_path(char *path, const char *name)
{
	bfmt(path, PATH_MAX, NETNS_RUN_DIR "/%s", name);
}

/* The same, opened read-only: the fd or -errno. */
static __attribute__((noinline)) int ns_open(char *path, const char *name)
{
	ns_path(path, name);
	return sys_open(path, O_RDONLY | O_CLOEXEC, 0);
}

/* Calls fn for each entry of the run dir in readdir order; stops at the first non-zero. */
static int foreach_ns(int (*fn)(const char *name, void *arg), void *arg)
{
	struct dir d;
	const char *name;
	int rc = 0;

	if (dir_open(&d, NETNS_RUN_DIR))
		return 0;
	while (!rc && (name = dir_next(&d)))
		rc = fn(name, arg);
	dir_close(&d);
	return rc;
}

/* What a file in the run dir that is not a network namespace is, and how to be rid of it. */
static void say_stale(const char *name)
{
	errf("Warning: \"%s/%s\" is not a network namespace but a file left behind (its namespace "
	     "is gone, or it was never bound); remove it with \"ip netns delete %s\".\n",
	     NETNS_RUN_DIR, name, name);
}

/* The nsid of a named namespace, -1 if none; report: say why when the name is unusable. */
static int nsid_of_name(const char *name, int report)
{
	char path[PATH_MAX];
	int fd = ns_open(path, name), id = -1;

	if (fd < 0)
		return -1;
	if (sys_ns_type(fd) != CLONE_NEWNET) {
		if (report)
			say_stale(name);
	} else {
		id = rtnl_nsid_of_fd(ip_sock(), fd);
		if (id < -1 && report)
			ip_report_nlerr(ip_sock(), id);
	}
	sys_close(fd);
	return id < 0 ? -1 : id;
}

/* nsid -> name for the names in the run dir, read once: a listing asks for every link whose
 * peer is elsewhere. Names that do not fit, or too many of them, are looked up the slow way,
 * as every name is without NSBOX_FEATURE_IP_NETNS_MORE (the same names, found slower). */
#define NSMAP_MAX 64
static struct nsmap {
	int built, overflow, n;
	struct { int nsid; char name[48]; } e[NSMAP_MAX];
} nsmap;

static int map_one(const char *name, void *arg)
{
	int id;

	(void)arg;
	id = nsid_of_name(name, 0);
	if (id < 0)
		return 0;
	if (nsmap.n == NSMAP_MAX || strlen(name) >= sizeof(nsmap.e[0].name)) {
		nsmap.overflow = 1;
		return 0;
	}
	nsmap.e[nsmap.n].nsid = id;
	memcpy(nsmap.e[nsmap.n++].name, name, strlen(name) + 1);
	return 0;
}

void netns_forget(void)
{
	nsmap.built = nsmap.overflow = nsmap.n = 0;
}

struct nsid_match {
	int nsid;
	char *buf;
	size_t len;
};

static int match_nsid(const char *name, void *arg)
{
	struct nsid_match *m = arg;

	if (nsid_of_name(name, 0) != m->nsid)
		return 0;
	bfmt(m->buf, m->len, "%s", name);
	return 1;
}

const char *netns_name_of_nsid(int nsid, char *buf, size_t len)
{
	struct nsid_match m = { nsid, buf, len };

	if (NSBOX_FEATURE_IP_NETNS_MORE && !nsmap.built) {
		foreach_ns(map_one, NULL);
		nsmap.built = 1;
	}
	if (!NSBOX_FEATURE_IP_NETNS_MORE || nsmap.overflow)
		return foreach_ns(match_nsid, &m) ? buf : NULL;
	/* readdir order, the first match, as the slow way finds it. */
	for (int i = 0; i < nsmap.n; i++)
		if (nsmap.e[i].nsid == nsid) {
			bfmt(buf, len, "%s", nsmap.e[i].name);
			return buf;
		}
	return NULL;
}

/* As iproute2 prints it, through the printers (-j, -p). */
static int list_one(const char *name, void *arg)
{
	int id = nsid_of_name(name, 1);

	(void)arg;
	pr_obj_open(NULL);
	pr_str(PR_ANY, PK("name"), "%s", name);
	if (id >= 0)
		pr_int(PR_ANY, PK("id"), " (id: %d)", id);
	pr_text("\n");
	pr_obj_close();
	return 0;
}

static int netns_list(int argc, char **argv)
{
	int fd;

	(void)argc, (void)argv;
	/* Without the run dir, iproute2 prints nothing, not even -j's "[]". */
	if (IPO_JSON) {
		fd = sys_open(NETNS_RUN_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
		if (fd < 0)
			return 0;
		sys_close(fd);
	}
	pr_begin();
	foreach_ns(list_one, NULL);
	pr_end();
	return 0;
}

/* Make the run dir a shared mount point, so that binds made under it are seen by every
 * mount namespace that later copies it. Bind it onto itself first if it is not a mount. */
static int make_run_dir_shared(void)
{
	int fd, made = 0, rc = 0;

	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST)
		return fail("mkdir %s failed: %s\n", NETNS_RUN_DIR, errno);
	fd = sys_open(NETNS_RUN_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	if (fd < 0 || sys_flock(fd, LOCK_EX) < 0)
		errf("Warning: could not flock netns dir %s\n", NETNS_RUN_DIR);
	for (;;) {
		int err = sys_mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL);
		if (!err)
			break;
		if (err != -EINVAL || made) {
			rc = fail("mount --make-shared %s failed: %s\n", NETNS_RUN_DIR, err);
			break;
		}
		err = sys_mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none", MS_BIND | MS_REC, NULL);
		if (err) {
			rc = fail("mount --bind " NETNS_RUN_DIR " %s failed: %s\n", NETNS_RUN_DIR, err);
			break;
		}
		made = 1;
	}
	if (fd >= 0)
		sys_close(fd);  /* drops the lock */
	return rc;
}

/* After `ip -n X`, this process has a mount namespace of its own, where a bind made under
 * /run/netns would be seen by nobody else (iproute2 leaves an unusable file that way). The
 * run dir is changed from the caller's mount namespace instead. */
static int caller_mounts = -1;

static int to_caller_mounts(void)
{
	int err;

	if (caller_mounts < 0)
		return 0;
	err = sys_setns(caller_mounts, CLONE_NEWNS);
	if (err)
		return fail("Cannot return to the caller's mount namespace to change %s: %s\n", NETNS_RUN_DIR, err);
	sys_close(caller_mounts);
	caller_mounts = -1;
	return 0;
}

static int remove_ns(const char *name, void *arg)
{
	char path[PATH_MAX];

	(void)arg;
	if (to_caller_mounts())
		return -1;
	ns_path(path, name);
	sys_umount2(path, MNT_DETACH);
	if (unlink(path) < 0)
		return fail("Cannot remove namespace file \"%s\": %s\n", path, errno);
	return 0;
}

/* Back to the network namespace that `netns add` left: a process (a batch) that cannot must
 * not go on in the new one. iproute2 exits 1 with perror("setns"). */
static void restore_net(int self)
{
	int err;

	if (self < 0)
		return;
	err = sys_setns(self, CLONE_NEWNET);
	if (err)
		die(1, "setns: %s\n", errtext(-err));
	sys_close(self);
}

/* add NAME (pid < 0: a new namespace) or attach NAME PID. */
static int create_ns(const char *name, int pid)
{
	char path[PATH_MAX], buf[64];
	const char *src = "/proc/self/ns/net";
	int fd, self = -1, err;

	if (to_caller_mounts() || make_run_dir_shared())
		return 1;
	ns_path(path, name);
	fd = sys_open(path, O_RDONLY | O_CREAT | O_EXCL, 0);
	if (fd < 0)
		return fail("Cannot create namespace file \"%s\": %s\n", path, fd), 1;
	sys_close(fd);
	if (pid < 0) {
		self = sys_open(src, O_RDONLY | O_CLOEXEC, 0);
		err = self < 0 ? self : sys_unshare(CLONE_NEWNET);
		if (err) {
			fail("Failed to create a new network namespace \"%s\": %s\n", name, err);
			goto undo;
		}
	} else {
		bfmt(buf, sizeof(buf), "/proc/%d/ns/net", pid);
		src = buf;
	}
	if (bind_ns(src, path))
		goto undo;
	restore_net(self);
	return 0;
undo:
	restore_net(self);
	remove_ns(name, NULL);
	return 1;
}

static int netns_add(int argc, char **argv)
{
	if (argc < 1) {
		errf("No netns name specified\n");
		return 1;
	}
	return create_ns(argv[0], -1);
}

static int netns_attach(int argc, char **argv)
{
	int32_t pid;

	if (argc < 2) {
		errf("No netns name and PID specified\n");
		return 1;
	}
	if (parse_s32(argv[1], &pid, 0) || pid <= 0) {
		errf("Invalid PID: %s\n", argv[1]);
		return 1;
	}
	return create_ns(argv[0], pid);
}

static int netns_delete(int argc, char **argv)
{
	if (ipo.all)
		return foreach_ns(remove_ns, NULL) ? 1 : 0;
	if (argc < 1) {
		errf("No netns name specified\n");
		return 1;
	}
	return remove_ns(argv[0], NULL) ? 1 : 0;
}

static void bind_etc(const char *name)
{
	char dir[PATH_MAX], src[PATH_MAX + NAME_MAX + 2], dst[NAME_MAX + 8];
	const char *e;
	struct dir d;

	bfmt(dir, sizeof(dir), NETNS_ETC_DIR "/%s", name);
	if (dir_open(&d, dir))
		return;
	while ((e = dir_next(&d))) {
		bfmt(src, sizeof(src), "%s/%s", dir, e);
		bfmt(dst, sizeof(dst), "/etc/%s", e);
		bind_ns(src, dst);
	}
	dir_close(&d);
}

/* The mounts right below /sys (cgroups, debugfs, ...), each copied with what is below it,
 * so that they can be put back on the fresh sysfs: iproute2 loses them. */
#define SYS_SUBMOUNTS 32
struct kept {
	int n;
	int fd[SYS_SUBMOUNTS];
	char path[SYS_SUBMOUNTS][256];
};

static void keep_one(const char *point, void *arg)
{
	struct kept *k = arg;
	int fd;

	if (strncmp(point, "/sys/", 5) || k->n >= SYS_SUBMOUNTS || strlen(point) >= sizeof(k->path[0]))
		return;
	fd = sys_clone_tree(point);
	if (fd >= 0) {
		k->fd[k->n] = fd;
		memcpy(k->path[k->n++], point, strlen(point) + 1);
	}
}

/* Before Linux 6.8 (no listmount), and without NSBOX_FEATURE_IP_NETNS_MORE (the same mounts,
 * found slower): the mounts whose parent is the one on /sys, from mountinfo, where a blank or
 * a backslash in a path is written \ooo. */
static void keep_from_mountinfo(struct kept *k)
{
	int sys_id = sys_mnt_id("/sys");
	struct lines l;
	char *line;

	if (sys_id < 0 || lines_open(&l, "/proc/self/mountinfo") < 0)
		return;
	while ((line = lines_next(&l))) {
		char *f[5], *s, *o;
		int32_t parent;
		int i;

		for (i = 0; i < 5 && (f[i] = str_word(&line, " ")); i++)
			;
		if (i < 5 || parse_s32(f[1], &parent, 10) || parent != sys_id)
			continue;
		for (s = o = f[4]; (*o = *s); s++, o++)
			if (*s == '\\' && s[1] && s[2] && s[3]) {
				*o = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
				s += 3;
			}
		keep_one(f[4], k);
	}
	lines_close(&l);
}

int netns_switch(const char *name, int stay)
{
	char path[PATH_MAX];
	unsigned long sysflags = 0;
	struct statfs st;
	struct kept k;
	int fd = ns_open(path, name), err;

	if (fd < 0)
		return fail("Cannot open network namespace \"%s\": %s\n", name, fd);
	err = sys_setns(fd, CLONE_NEWNET);
	if (err) {
		fail("setting the network namespace \"%s\" failed: %s\n", name, err);
		if (err == -EINVAL && sys_ns_type(fd) != CLONE_NEWNET)
			say_stale(name);
	}
	sys_close(fd);
	if (err)
		return -1;
	if (stay && caller_mounts < 0)
		caller_mounts = sys_open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC, 0);
	err = sys_unshare(CLONE_NEWNS);
	if (err)
		return fail("%s failed: %s\n", "unshare", err);
	/* Keep our mounts from propagating back to the caller's namespace. */
	err = sys_mount("", "/", "none", MS_SLAVE | MS_REC, NULL);
	if (err)
		return fail("%s failed: %s\n", "\"mount --make-rslave /\"", err);
	/* A sysfs that shows this namespace's devices; a read-only one can't be shadowed rw. */
	k.n = 0;
	if (!NSBOX_FEATURE_IP_NETNS_MORE || sys_submounts("/sys", keep_one, &k) < 0)
		keep_from_mountinfo(&k);
	/* statfs: statvfs's f_flag is its f_flags, copied by a conversion twice its size. */
	if (sys_umount2("/sys", MNT_DETACH) < 0 && statfs("/sys", &st) == 0 && (st.f_flags & ST_RDONLY))
		sysflags = MS_RDONLY;
	err = sys_mount(name, "/sys", "sysfs", sysflags, NULL);
	if (err)
		return fail("%s failed: %s\n", "mount of /sys", err);
	for (int i = 0; i < k.n; i++) {
		err = sys_attach_tree(k.fd[i], k.path[i]);
		/* A directory this namespace's sysfs lacks has nowhere to go. */
		if (err && err != -ENOENT)
			fail("Warning: could not keep %s in the new /sys: %s\n", k.path[i], err);
		sys_close(k.fd[i]);
	}
	bind_etc(name);
	return 0;
}

static int exec_in(const char *name, char **cmd)
{
	/* As iproute2: a process in a VRF's cgroup leaves it for the default VRF's, that of the
	 * namespace it is still in (iproute2 does it before the switch, whatever its comment says). */
	if (NSBOX_APPLET_IP && NSBOX_FEATURE_VRF)
		ip_vrf_reset();
	if (netns_switch(name, 0))
		out_exit(255);
	out_flush();
	exec_path(cmd);
	fail("exec of \"%s\" failed: %s\n", cmd[0], errno);
	out_exit(1);
}

/* In a child, as iproute2 does under -all and in a batch; the child's exit status. */
static int fork_exec_in(const char *name, char **cmd)
{
	long pid;
	int status;

	out_flush();
	pid = sys_clone(0);
	if (pid < 0)
		return fail("%s failed: %s\n", "fork", (int)pid), 1;
	if (pid == 0)
		exec_in(name, cmd);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static int exec_all_one(const char *name, void *arg)
{
	outf("\nnetns: %s\n", name);
	fork_exec_in(name, arg);
	return 0;
}

/* "No netns name specified", or "No <what> specified" for a missing second word: 1; 0 when
 * both are there. */
static int missing_words(int argc, const char *what)
{
	if (argc < 1)
		errf("No netns name specified\n");
	else if (argc < 2)
		errf("No %s specified\n", what);
	return argc < 2;
}

static int netns_exec(int argc, char **argv)
{
	if (ipo.all) {
		if (argc < 1) {
			errf("No command specified\n");
			return 1;
		}
		foreach_ns(exec_all_one, argv);
		return 0;
	}
	if (missing_words(argc, "command"))
		return 1;
	if (ip_batch_jmp)
		return fork_exec_in(argv[0], argv + 1);
	return exec_in(argv[0], argv + 1);
}

/* The subcommands below are NSBOX_FEATURE_IP_NETNS_MORE's. */
static int is_pid(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int netns_identify(int argc, char **argv)
{
	const char *pid = "self";
	char path[PATH_MAX], name[NAME_MAX + 1];
	int err;

	if (argc > 1) {
		errf("extra arguments specified\n");
		return 1;
	}
	if (argc == 1) {
		pid = argv[0];
		if (!is_pid(pid)) {
			errf("Specified string '%s' is not a pid\n", pid);
			return 1;
		}
	}
	bfmt(path, sizeof(path), "/proc/%s/ns/net", pid);
	if ((err = netns_name_of(path, name, sizeof(name))) < 0)
		return fail("%sCannot open network namespace: %s\n", "", err), 1;
	outf("%s\n", name);
	return 0;
}

static int netns_pids(int argc, char **argv)
{
	char path[PATH_MAX];
	uint64_t ref[2], id[2];
	const char *e;
	struct dir d;
	int err;

	if (argc < 1) {
		errf("No netns name specified\n");
		return 1;
	}
	if (argc > 1) {
		errf("extra arguments specified\n");
		return 1;
	}
	ns_path(path, argv[0]);
	if ((err = sys_file_id(AT_FDCWD, path, ref)))
		return fail("%sCannot open network namespace: %s\n", "", err), 1;
	err = dir_open(&d, "/proc/");
	if (err)
		return fail("%s failed: %s\n", "Open of /proc", err), 1;
	while ((e = dir_next(&d))) {
		if (!is_pid(e))
			continue;
		bfmt(path, sizeof(path), "/proc/%s/ns/net", e);
		if (!sys_file_id(AT_FDCWD, path, id) && !memcmp(id, ref, sizeof(id)))
			outf("%s\n", e);
	}
	dir_close(&d);
	return 0;
}

static int netns_set(int argc, char **argv)
{
	char path[PATH_MAX];
	int32_t nsid;
	int fd, err;

	if (missing_words(argc, "nsid"))
		return 1;
	/* A negative nsid asks the kernel to pick one. */
	if (!strcmp(argv[1], "auto"))
		nsid = -1;
	else if (parse_s32(argv[1], &nsid, 0))
		ip_invarg("Invalid \"netnsid\" value", argv[1]);
	else if (nsid < 0)
		ip_invarg("\"netnsid\" value should be >= 0", argv[1]);
	fd = ns_open(path, argv[0]);
	if (fd < 0)
		return fail("Cannot open network namespace \"%s\": %s\n", argv[0], fd), 1;
	err = rtnl_nsid_set(ip_sock(), fd, nsid);
	sys_close(fd);
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

struct list_id {
	int only;       /* ask for this nsid alone, or -1 */
	int target;     /* the namespace whose ids are listed (its nsid here), or -1 */
	int begun;      /* for only: the output opened, at the answer (none after an error) */
};

static int list_id_one(const struct nlmsghdr *h, void *arg)
{
	struct list_id *l = arg;
	char name[NAME_MAX + 1];
	int cur, nsid = rtnl_nsid_parse(h, &cur);

	if (nsid < 0)
		return 0;
	if (l->only >= 0 && !l->begun++)
		pr_begin();
	pr_obj_open(NULL);
	pr_int(PR_ANY, PK("nsid"), "nsid %d ", nsid);
	if (cur >= 0)
		pr_int(PR_ANY, PK("current-nsid"), "current-nsid %d ", cur);
	/* Under a target, the name is of the peer as this namespace knows it. */
	if (netns_name_of_nsid(l->target >= 0 ? cur : nsid, name, sizeof(name)))
		pr_str(PR_ANY, PK("name"), "(iproute2 netns name: %s)", name);
	pr_text("\n");
	pr_obj_close();
	return 0;
}

static int netns_list_id(int argc, char **argv)
{
	struct list_id l = { -1, -1, 0 };
	int err;

	for (; argc > 0; argc--, argv++) {
		int k = kw_whole("nsid\0target-nsid\0", argv[0]);
		int *id = k ? &l.target : &l.only;
		const char *key = argv[0];
		char what[40];
		int32_t v = 0;

		if (k < 0) {
			errf("%s", USAGE_TEXT(netns_usage));
			return 255;
		}
		/* iproute2 names the keyword as the second value too. */
		if (*id >= 0)
			ip_duparg(key, key);
		NEXT_ARG();
		if (parse_s32(argv[0], &v, 0) || v < 0) {
			bfmt(what, sizeof(what), v < 0 ? "\"%s\" value should be >= 0" : "\"%s\" value is invalid", key);
			ip_invarg(what, argv[0]);
		}
		*id = v;
	}
	/* A dump opens its output first; one nsid's answer only when it comes (iproute2). */
	if (l.only < 0)
		pr_begin();
	err = rtnl_nsid_dump(ip_sock(), l.only, l.target, list_id_one, &l);
	if (l.only < 0 || l.begun)
		pr_end();
	if (err && l.only < 0) {
		ip_dump_failed(ip_sock(), err, "Dump");
		return 1;
	}
	return err ? ip_report_nlerr(ip_sock(), err) : 0;
}

/* Unlike iproute2's, each event is written as it comes, so the monitor works in a pipe. */
static int netns_monitor(int argc, char **argv)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	int fd, err;

	(void)argc, (void)argv;
	fd = sys_inotify_init1(IN_CLOEXEC);
	if (fd < 0)
		return fail("%s failed: %s\n", "inotify_init", fd), 1;
	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST)
		return fail("mkdir %s failed: %s\n", NETNS_RUN_DIR, errno), 1;
	err = sys_inotify_add_watch(fd, NETNS_RUN_DIR, IN_CREATE | IN_DELETE);
	if (err < 0)
		return fail("%s failed: %s\n", "inotify_add_watch", err), 1;
	for (;;) {
		ssize_t len = read(fd, buf, sizeof(buf));
		size_t off = 0;

		if (len < 0 && errno == EINTR)
			continue;
		if (len < 0)
			return fail("%s failed: %s\n", "read", errno), 1;
		while (off + sizeof(struct inotify_event) <= (size_t)len) {
			const struct inotify_event *ev = (const void *)(buf + off);

			if (ev->len > (size_t)len - off - sizeof(*ev))
				break;
			if (ev->len && (ev->mask & IN_CREATE))
				outf("add %s\n", ev->name);
			if (ev->len && (ev->mask & IN_DELETE))
				outf("delete %s\n", ev->name);
			off += sizeof(*ev) + ev->len;
		}
		out_flush();
	}
}

/* In iproute2's order of checks where one word begins another ("l" list, "s" show, "a" add):
 * the first NETNS_BASIC always, the rest with NSBOX_FEATURE_IP_NETNS_MORE. */
#define NETNS_BASIC 6
static const char netns_names[] = "list\0show\0lst\0add\0delete\0exec\0"
	"list-id\0set\0identify\0pids\0monitor\0attach\0";
static ip_cmd_fn *const netns_fns[NETNS_BASIC] = {
	netns_list, netns_list, netns_list, netns_add, netns_delete, netns_exec
};
static ip_cmd_fn *const netns_more[] = {
	netns_list_id, netns_set, netns_identify, netns_pids, netns_monitor, netns_attach
};

int do_netns(int argc, char **argv)
{
	int i;

	if (argc < 1)
		return netns_list(0, NULL);
	if (!ipo.all && argc > 1 && invalid_name(argv[1]))
		die(255, "Invalid netns name \"%s\"\n", argv[1]);
	i = kw_index(netns_names, argv[0]) - NETNS_BASIC;
	/* NSBOX_LEFT_OUT's words, in ip_check_features' format (one string for both). */
	if (i >= 0 && !NSBOX_FEATURE_IP_NETNS_MORE)
		die(1, "%s: %s is not in this build of nsbox (%s is not set)\n", applet_name,
		    kw_nth(netns_names, (unsigned)i + NETNS_BASIC), "NSBOX_FEATURE_IP_NETNS_MORE");
	if (i >= 0)
		return netns_more[i](argc - 1, argv + 1);
	return ip_dispatch_names(netns_names, netns_fns, "netns", netns_usage, argc, argv);
}
