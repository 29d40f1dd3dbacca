/* Interface ioctls, for the few facts a netlink reply can lack. */
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/sockios.h>
#include "sys.h"

int if_mcast(int family, int add, const char *name, const unsigned char *addr, size_t len)
{
	struct ifreq ifr;
	int fd, err = 0;

	memset(&ifr, 0, sizeof(ifr));
	if (strlen(name) >= sizeof(ifr.ifr_name) || len > sizeof(ifr.ifr_hwaddr.sa_data))
		return -EINVAL;
	memcpy(ifr.ifr_name, name, strlen(name));
	memcpy(ifr.ifr_hwaddr.sa_data, addr, len);
	fd = sys_socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, add ? SIOCADDMULTI : SIOCDELMULTI, &ifr) < 0)
		err = -errno;
	close(fd);
	return err;
}

int if_txqlen(const char *name)
{
	struct ifreq ifr;
	int fd, err = 0;

	if (strlen(name) >= sizeof(ifr.ifr_name))
		return -ENODEV;
	fd = sys_socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, name, strlen(name));
	if (ioctl(fd, SIOCGIFTXQLEN, &ifr) < 0)
		err = -errno;
	close(fd);
	return err ? err : ifr.ifr_qlen;
}

/* A tunnel ioctl (SIOCGETTUNNEL, SIOCADDTUNNEL, SIOCCHGTUNNEL, SIOCDELTUNNEL, SIOCGETPRL,
 * SIOCGET6RD ...) on device dev with its parameter block parm, over a socket of family. */
int if_tunnel_ioctl(int family, unsigned long cmd, const char *dev, void *parm)
{
	struct ifreq ifr;
	int fd, err = 0;

	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, dev, strnlen(dev, sizeof(ifr.ifr_name) - 1));   /* iproute2's strlcpy */
	ifr.ifr_data = parm;
	fd = sys_socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, cmd, &ifr) < 0)
		err = -errno;
	close(fd);
	return err;
}
