/* /dev/net/tun ioctls and the sysfs files of a tun device. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/if_tun.h>
#include "sys.h"
#include "tun.h"

/* Opens the device and binds it to r's interface; the fd, or -errno with *step. */
static int tun_bind(const struct tun_req *r, unsigned short extra, enum tun_step *step)
{
	struct ifreq ifr;
	unsigned short fl = (unsigned short)(r->flags | extra);
	int fd;

	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, r->name, sizeof(ifr.ifr_name));
	memcpy(&ifr.ifr_flags, &fl, sizeof(fl));   /* IFF_TUN_EXCL is past a short's range */
	*step = TUN_OPEN;
	fd = sys_open(TUN_DEV, O_RDWR | O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	*step = TUN_SETIFF;
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		int err = -errno;
		sys_close(fd);
		return err;
	}
	return fd;
}

static int finish(int fd, int err)
{
	sys_close(fd);
	return err;
}

int tun_add(const struct tun_req *r, enum tun_step *step)
{
	int fd = tun_bind(r, IFF_TUN_EXCL, step);

	if (fd < 0)
		return fd;
	*step = TUN_SETOWNER;
	if (r->owner != -1 && ioctl(fd, TUNSETOWNER, (unsigned long)r->owner) < 0)
		return finish(fd, -errno);
	*step = TUN_SETGROUP;
	if (r->group != -1 && ioctl(fd, TUNSETGROUP, (unsigned long)r->group) < 0)
		return finish(fd, -errno);
	*step = TUN_SETPERSIST;
	if (ioctl(fd, TUNSETPERSIST, 1UL) < 0)
		return finish(fd, -errno);
	return finish(fd, 0);
}

int tun_del(const struct tun_req *r, enum tun_step *step)
{
	int fd = tun_bind(r, 0, step);

	if (fd < 0)
		return fd;
	*step = TUN_SETPERSIST;
	if (ioctl(fd, TUNSETPERSIST, 0UL) < 0)
		return finish(fd, -errno);
	return finish(fd, 0);
}

int tun_sysfs_read(const char *dev, const char *prop, char *text, int len)
{
	char path[128];
	size_t dl = strlen(dev), pl = strlen(prop);
	int fd;
	ssize_t n;
	char *nl;

	if (len < 1)
		return -EINVAL;
	if (sizeof("/sys/class/net//") + dl + pl > sizeof(path))
		return -ENAMETOOLONG;
	memcpy(path, "/sys/class/net/", 15);
	memcpy(path + 15, dev, dl);
	path[15 + dl] = '/';
	memcpy(path + 16 + dl, prop, pl + 1);
	fd = sys_open(path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	n = read(fd, text, (size_t)len - 1);
	if (n < 0)
		return finish(fd, -errno);
	sys_close(fd);
	text[n] = '\0';
	if ((nl = strchr(text, '\n')))
		*nl = '\0';
	return (int)strlen(text);
}
