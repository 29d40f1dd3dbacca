/* Raw syscall wrappers: each returns its result, or -errno. No printing, no exit. */
#ifndef NSBOX_SYS_H
#define NSBOX_SYS_H

#include <stdint.h>
#include <sys/types.h>

/* fork-like clone with namespace flags (CLONE_NEW*): 0 in the child, pid in the parent. */
long sys_clone(unsigned long flags);
int sys_setns(int fd, int nstype);
int sys_unshare(int flags);
int sys_mount(const char *src, const char *dst, const char *type, unsigned long flags, const void *data);
int sys_umount2(const char *target, int flags);
int sys_finit_module(int fd, const char *params, int flags);
int sys_delete_module(const char *name, unsigned flags);
int sys_flock(int fd, int op);
/* socket(2) and recvmsg(2) as the kernel has them (libc's add a fallback to socketcall on
 * i386 and s390x, Linux < 4.3, and copies of the message header): -1 with errno set, as libc's. */
struct msghdr;
int sys_socket(int domain, int type, int protocol);
ssize_t sys_recvmsg(int fd, struct msghdr *msg, int flags);
/* open(2) and close(2), -errno style, so callers in kernel-if need not touch errno. */
int sys_open(const char *path, int flags, int mode);
int sys_close(int fd);
/* What tells a file from another (its device and inode numbers), of path from fd (AT_FDCWD), or
 * of fd itself when path is "": 0 or -errno. Two files are the same when the ids are. */
int sys_file_id(int fd, const char *path, uint64_t id[2]);
/* The CLONE_NEW* type of a namespace fd; -ENOTTY when fd is not a namespace. */
int sys_ns_type(int fd);
/* A detached copy of the mount tree at path (open_tree OPEN_TREE_CLONE|AT_RECURSIVE), as an
 * fd; and attaching such a copy at path (move_mount). */
int sys_clone_tree(const char *path);
int sys_attach_tree(int fd, const char *path);
/* Calls fn with the mount point of each mount right below the mount at path, through statx,
 * listmount and statmount (Linux 6.8+, no /proc/self/mountinfo to format and parse): the count,
 * or -ENOSYS (or another -errno) where the kernel lacks them. */
int sys_submounts(const char *path, void (*fn)(const char *point, void *arg), void *arg);
/* The id /proc/self/mountinfo gives the mount at path (statx, Linux 5.8), or -errno. */
int sys_mnt_id(const char *path);
int sys_inotify_init1(int flags);
int sys_inotify_add_watch(int fd, const char *path, unsigned mask);
/* getdents64(2): records of struct linux_dirent64 into buf; bytes, 0 at the end, or -errno. */
long sys_getdents64(int fd, void *buf, size_t len);
/* SIOCGIFTXQLEN: a device's transmit queue length, or -errno. */
int if_txqlen(const char *name);
/* SIOCADDMULTI (add) or SIOCDELMULTI of a link-layer multicast address on a socket of family:
 * 0 or -errno. */
int if_mcast(int family, int add, const char *name, const unsigned char *addr, size_t len);
/* A tunnel ioctl (SIOC*TUNNEL, SIOCGETPRL, SIOCGET6RD ...) on dev with its parameter block, over
 * a socket of family: 0 or -errno. */
int if_tunnel_ioctl(int family, unsigned long cmd, const char *dev, void *parm);
/* capget/capset of this process, capability version 3: caps[0..2] the low words of effective,
 * permitted, inheritable, caps[3..5] the high words. prctl(2) with up to two arguments. */
int sys_capget(unsigned caps[6]);
int sys_capset(const unsigned caps[6]);
int sys_prctl(int op, unsigned long a, unsigned long b);
/* setuid, setgid and setgroups(0, NULL) for a process of one thread (libc's synchronise threads). */
int sys_setuid(unsigned uid);
int sys_setgid(unsigned gid);
int sys_dropgroups(void);
/* sethostname(2) in this UTS namespace; the seconds since boot (sysinfo(2)). */
int sys_sethostname(const char *name, size_t len);
long sys_uptime(void);
/* bpf(2): BPF_PROG_LOAD of n instructions of type, license "GPL", the verifier's words (log
 * level 1) into log when logsz > 0: the program's fd, or -errno. BPF_PROG_ATTACH of a program
 * to a target (a cgroup's directory fd) for type (BPF_CGROUP_*), no flags: 0 or -errno. */
struct bpf_insn;
int sys_bpf_prog_load(unsigned type, const struct bpf_insn *insn, unsigned n, char *log, unsigned logsz);
int sys_bpf_prog_attach(int prog, int target, unsigned type);
/* The program of `ip vrf exec` (BPF_PROG_TYPE_CGROUP_SOCK): each socket created in the cgroup
 * is bound to the device ifindex (struct bpf_sock's bound_dev_if), verdict 1. Fills insn[0..5]
 * and returns 6. */
unsigned bpf_vrf_prog(struct bpf_insn *insn, int ifindex);
/* isatty(3) as musl's asks it (TIOCGWINSZ), without its errno: 1 or 0. */
int sys_isatty(int fd);
/* A handler for sig, no flags, no signals blocked (sigaction(2) with a zeroed struct but for
 * sa_handler): 0 or -errno. */
int sys_sigaction(int sig, void (*fn)(int));
/* CLOCK_MONOTONIC in microseconds. */
long long sys_mono_us(void);

#endif
