/* Syscall wrappers in the -errno style. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
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
	/* Raw clone without a new stack behaves like fork, with namespace flags added. */
	return ret(syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0));
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
