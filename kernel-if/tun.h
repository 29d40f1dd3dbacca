/* TUN/TAP devices through /dev/net/tun: persistent devices made and removed with its ioctls,
 * and the facts sysfs gives about one (tun_flags, owner, group). */
#ifndef NSBOX_TUN_H
#define NSBOX_TUN_H

#include <net/if.h>

#define TUN_DEV "/dev/net/tun"

/* What to make or remove: ifr_name and ifr_flags of TUNSETIFF (IFF_TUN or IFF_TAP, IFF_NO_PI,
 * IFF_ONE_QUEUE, IFF_VNET_HDR, IFF_MULTI_QUEUE), the owner and group (-1: not set). */
struct tun_req {
	char name[IFNAMSIZ];
	unsigned short flags;
	long owner, group;
};

/* The step that failed, so that the caller can name it as iproute2 does. */
enum tun_step { TUN_OPEN, TUN_SETIFF, TUN_SETOWNER, TUN_SETGROUP, TUN_SETPERSIST };

/* add: open, TUNSETIFF (with IFF_TUN_EXCL), TUNSETOWNER and TUNSETGROUP when set, then
 * TUNSETPERSIST 1. del: open, TUNSETIFF, TUNSETPERSIST 0. 0, or -errno with *step. */
int tun_add(const struct tun_req *r, enum tun_step *step);
int tun_del(const struct tun_req *r, enum tun_step *step);

/* /sys/class/net/DEV/PROP into text (NUL-terminated, its first line without the newline):
 * its length, or -errno; -ENAMETOOLONG when the path does not fit, -EINVAL for len < 1. */
int tun_sysfs_read(const char *dev, const char *prop, char *text, int len);

#endif
