/* Syscall wrappers in the -errno style. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <linux/bpf.h>
#include <linux/nsfs.h>
#include <unistd.h>
#include "sys.h"

#ifndef OPEN_TREE_CLONE
#define OPEN_TREE_CLONE 1
#endif
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH
#define MOVE_MOUNT_F_EMPTY_PATH 0x00000004
#endif

static long ret(long r)
{
	return r < 0 ? -errno : r;
}

long sys_clone(unsigned long flags)
{
	/* Raw clone without a new stack behaves like fork, with namespace flags added. The other
	 * arguments are all 0, so only s390's order (the stack first, then the flags) matters. */
#if defined(__s390__)
	return ret(syscall(SYS_clone, 0, flags | SIGCHLD, 0, 0, 0));
#else
	return ret(syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0));
#endif
}

int sys_setns(int fd, int nstype) { return ret(syscall(SYS_setns, fd, nstype)); }
int sys_unshare(int flags) { return ret(syscall(SYS_unshare, flags)); }
int sys_mount(const char *src, const char *dst, const char *type, unsigned long flags, const void *data)
{
	return ret(syscall(SYS_mount, src, dst, type, flags, data));
}
int sys_umount2(const char *target, int flags) { return ret(syscall(SYS_umount2, target, flags)); }
int sys_finit_module(int fd, const char *params, int flags)
{
	return ret(syscall(SYS_finit_module, fd, params, flags));
}
int sys_delete_module(const char *name, unsigned flags) { return ret(syscall(SYS_delete_module, name, flags)); }
int sys_flock(int fd, int op) { return ret(syscall(SYS_flock, fd, op)); }
int sys_socket(int domain, int type, int protocol) { return (int)syscall(SYS_socket, domain, type, protocol); }
ssize_t sys_recvmsg(int fd, struct msghdr *msg, int flags) { return syscall(SYS_recvmsg, fd, msg, flags); }
int sys_open(const char *path, int flags, int mode) { return ret(syscall(SYS_openat, AT_FDCWD, path, flags, mode)); }
int sys_close(int fd) { return ret(syscall(SYS_close, fd)); }
long sys_getdents64(int fd, void *buf, size_t len) { return ret(syscall(SYS_getdents64, fd, buf, len)); }
int sys_inotify_init1(int flags) { return ret(syscall(SYS_inotify_init1, flags)); }
int sys_inotify_add_watch(int fd, const char *path, unsigned mask)
{
	return ret(syscall(SYS_inotify_add_watch, fd, path, mask));
}
int sys_ns_type(int fd) { return ret(syscall(SYS_ioctl, fd, NS_GET_NSTYPE)); }
int sys_clone_tree(const char *path)
{
	return ret(syscall(SYS_open_tree, AT_FDCWD, path, OPEN_TREE_CLONE | AT_RECURSIVE | O_CLOEXEC));
}
int sys_attach_tree(int fd, const char *path)
{
	return ret(syscall(SYS_move_mount, fd, "", AT_FDCWD, path, MOVE_MOUNT_F_EMPTY_PATH));
}

/* statx of path (from fd) into stx: the mask of what it holds, or -errno. One syscall, where
 * libc's stat and fstat bring fstatat's struct conversions. struct statx (linux/stat.h):
 * stx_ino at 32, stx_mnt_id at 144, stx_dev_major and stx_dev_minor at 136. */
static char stx[256] __attribute__((aligned(8)));

static long xstat(int fd, const char *path, int flags, unsigned mask)
{
	uint32_t got;

	if (syscall(SYS_statx, fd, path, flags, mask, stx) < 0)
		return -errno;
	memcpy(&got, stx, sizeof(got));
	return got;
}

int sys_file_id(int fd, const char *path, uint64_t id[2])
{
	long r = xstat(fd, path, AT_EMPTY_PATH, 0x100u /* STATX_INO */);

	if (r < 0)
		return (int)r;
	memcpy(id, stx + 32, 8);
	memcpy(id + 1, stx + 136, 8);
	return 0;
}

/* uapi facts (linux/mount.h and linux/stat.h of 6.8), spelled out for older headers. */
#define NR_statmount 457
#define NR_listmount 458
#define STATX_MNT_ID 0x1000u
#define STATX_MNT_ID_UNIQUE 0x4000u
#define STATX_MNT_ID_OFF 144        /* stx_mnt_id in struct statx */
#define STATMOUNT_MNT_BASIC 0x02u
#define STATMOUNT_MNT_POINT 0x10u
#define STATMOUNT_PARENT_OFF 48      /* struct statmount: mnt_parent_id */
#define STATMOUNT_MASK_OFF 8        /* struct statmount: mask */
#define STATMOUNT_POINT_OFF 108     /* struct statmount: mnt_point, an offset into str */
#define STATMOUNT_STR_OFF 512       /* struct statmount: str[] */

struct mnt_id_req {
	uint32_t size, spare;
	uint64_t mnt_id, param;
};

/* The id of the mount at path of the kind want names (STATX_MNT_ID: mountinfo's, Linux 5.8;
 * STATX_MNT_ID_UNIQUE: listmount's, 6.8): 0, or -ENOSYS when the kernel has none. */
static int mnt_id(const char *path, unsigned want, uint64_t *id)
{
	long r = xstat(AT_FDCWD, path, 0, want);

	if (r < 0)
		return (int)r;
	if (!(r & want))
		return -ENOSYS;
	memcpy(id, stx + STATX_MNT_ID_OFF, sizeof(*id));
	return 0;
}

int sys_mnt_id(const char *path)
{
	uint64_t id = 0;
	int err = mnt_id(path, STATX_MNT_ID, &id);

	return err ? err : (int)id;
}

int sys_submounts(const char *path, void (*fn)(const char *point, void *arg), void *arg)
{
	static char sm[4096] __attribute__((aligned(8)));
	struct mnt_id_req req = { sizeof(req), 0, 0, 0 };
	uint64_t ids[64];
	uint32_t off;
	long n = mnt_id(path, STATX_MNT_ID_UNIQUE, &req.mnt_id);

	if (n < 0)
		return (int)n;
	n = syscall(NR_listmount, &req, ids, sizeof(ids) / sizeof(ids[0]), 0);
	if (n < 0)
		return -errno;
	for (long i = 0; i < n; i++) {
		struct mnt_id_req q = { sizeof(q), 0, ids[i], STATMOUNT_MNT_BASIC | STATMOUNT_MNT_POINT };
		uint64_t m, parent;

		if (syscall(NR_statmount, &q, sm, sizeof(sm), 0) < 0)
			continue;
		memcpy(&m, sm + STATMOUNT_MASK_OFF, sizeof(m));
		memcpy(&parent, sm + STATMOUNT_PARENT_OFF, sizeof(parent));
		memcpy(&off, sm + STATMOUNT_POINT_OFF, sizeof(off));
		/* listmount gives the whole subtree: keep the mounts right below. */
		if (!(m & STATMOUNT_MNT_BASIC) || parent != req.mnt_id)
			continue;
		if (!(m & STATMOUNT_MNT_POINT) || off >= sizeof(sm) - STATMOUNT_STR_OFF ||
		    !memchr(sm + STATMOUNT_STR_OFF + off, 0, sizeof(sm) - STATMOUNT_STR_OFF - off))
			continue;
		fn(sm + STATMOUNT_STR_OFF + off, arg);
	}
	return (int)n;
}

/* Version 3 of the capability ABI: a header, then two {effective, permitted, inheritable}. */
#define CAP_V3 0x20080522
int sys_capget(unsigned caps[6])
{
	uint32_t hdr[2] = { CAP_V3, 0 };
	return ret(syscall(SYS_capget, hdr, caps));
}
int sys_capset(const unsigned caps[6])
{
	uint32_t hdr[2] = { CAP_V3, 0 };
	return ret(syscall(SYS_capset, hdr, caps));
}
int sys_prctl(int op, unsigned long a, unsigned long b) { return ret(syscall(SYS_prctl, op, a, b, 0, 0)); }
int sys_setuid(unsigned uid) { return ret(syscall(SYS_setuid, uid)); }
int sys_setgid(unsigned gid) { return ret(syscall(SYS_setgid, gid)); }
int sys_dropgroups(void) { return ret(syscall(SYS_setgroups, 0, 0)); }
int sys_sethostname(const char *name, size_t len) { return ret(syscall(SYS_sethostname, name, len)); }
/* The system call itself on 64-bit targets: libc's clock_gettime brings its vDSO lookup, a
 * kilobyte of the binary, for a clock read a few times a second. On 32-bit targets libc's, whose
 * time_t is 64 bits (musl's time64): it tries clock_gettime64 (Linux 5.1) and falls back for older
 * kernels itself, so that nsbox makes no 32-bit time call of its own. */
long long sys_mono_us(void)
{
#if defined(SYS_clock_gettime64) || defined(SYS_clock_gettime32) || LONG_MAX == INT_MAX
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
#else
	long t[2];

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, t);
	return t[0] * 1000000LL + t[1] / 1000;
#endif
}

#if defined(__x86_64__)
/* x86_64 returns from a handler only through a restorer of the caller's (SA_RESTORER):
 * rt_sigreturn, here, without libc's sigaction and the locks it brings (a kilobyte). */
__asm__(".pushsection .text.sys_restore_rt,\"ax\",@progbits\n"
	".globl sys_restore_rt\n.hidden sys_restore_rt\nsys_restore_rt: mov $15, %eax\n\tsyscall\n.popsection");
void sys_restore_rt(void);

int sys_sigaction(int sig, void (*fn)(int))
{
	/* the kernel's struct sigaction: handler, flags, restorer, mask */
	unsigned long ksa[4] = { (unsigned long)fn, 0x04000000 /* SA_RESTORER */, (unsigned long)sys_restore_rt, 0 };
	return ret(syscall(SYS_rt_sigaction, sig, ksa, 0, 8));
}
#else
int sys_sigaction(int sig, void (*fn)(int))
{
	struct sigaction sa = { .sa_handler = fn };
	return ret(sigaction(sig, &sa, NULL));
}
#endif

int sys_isatty(int fd)
{
	struct winsize w;
	return !syscall(SYS_ioctl, fd, TIOCGWINSZ, &w);
}

long sys_uptime(void)
{
	/* struct sysinfo begins with the uptime, a long; the rest (under 128 bytes) is not read. */
	long si[32];
	long r = ret(syscall(SYS_sysinfo, si));
	return r < 0 ? r : si[0];
}

int sys_bpf_prog_load(unsigned type, const struct bpf_insn *insn, unsigned n, char *log, unsigned logsz)
{
	union bpf_attr a;
	static const char gpl[] = "GPL";

	memset(&a, 0, sizeof(a));
	a.prog_type = type;
	a.insn_cnt = n;
	a.insns = (uint64_t)(uintptr_t)insn;
	a.license = (uint64_t)(uintptr_t)gpl;
	if (logsz) {
		log[0] = 0;
		a.log_level = 1;
		a.log_size = logsz;
		a.log_buf = (uint64_t)(uintptr_t)log;
	}
	return (int)ret(syscall(SYS_bpf, BPF_PROG_LOAD, &a, sizeof(a)));
}

int sys_bpf_prog_attach(int prog, int target, unsigned type)
{
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	a.target_fd = (uint32_t)target;
	a.attach_bpf_fd = (uint32_t)prog;
	a.attach_type = type;
	return (int)ret(syscall(SYS_bpf, BPF_PROG_ATTACH, &a, sizeof(a)));
}

/* r6 = r1; r3 = ifindex; r2 = offsetof(bound_dev_if); *(u32 *)(r1 + offsetof) = r3; r0 = 1;
 * exit: iproute2's instructions, r2 and r6 included. */
unsigned bpf_vrf_prog(struct bpf_insn *insn, int ifindex)
{
	const int16_t off = (int16_t)offsetof(struct bpf_sock, bound_dev_if);

	memset(insn, 0, 6 * sizeof(*insn));
	insn[0].code = BPF_ALU64 | BPF_MOV | BPF_X, insn[0].dst_reg = BPF_REG_6, insn[0].src_reg = BPF_REG_1;
	insn[1].code = BPF_ALU64 | BPF_MOV | BPF_K, insn[1].dst_reg = BPF_REG_3, insn[1].imm = ifindex;
	insn[2].code = BPF_ALU64 | BPF_MOV | BPF_K, insn[2].dst_reg = BPF_REG_2, insn[2].imm = off;
	insn[3].code = BPF_STX | BPF_MEM | BPF_W, insn[3].dst_reg = BPF_REG_1, insn[3].src_reg = BPF_REG_3;
	insn[3].off = off;
	insn[4].code = BPF_ALU64 | BPF_MOV | BPF_K, insn[4].dst_reg = BPF_REG_0, insn[4].imm = 1;
	insn[5].code = BPF_JMP | BPF_EXIT;
	return 6;
}
