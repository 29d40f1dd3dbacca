/* ICMPv6 and UDP sockets bound to one device, and /proc/sys/net/ipv6/conf. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/icmp6.h>
#include <sys/socket.h>
#include "sock6.h"
#include "sys.h"

static int fail(int fd)
{
	int err = -errno;

	close(fd);
	return err;
}

int icmp6_open(const char *dev)
{
	struct icmp6_filter f;
	int fd = sys_socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMPV6), on = 1, hops = 255;

	if (fd < 0)
		return -errno;
	ICMP6_FILTER_SETBLOCKALL(&f);
	ICMP6_FILTER_SETPASS(ND_ROUTER_ADVERT, &f);
	if (setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &f, sizeof(f)) ||
	    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, (socklen_t)strlen(dev) + 1) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof(on)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops, sizeof(hops)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &hops, sizeof(hops)))
		return fail(fd);
	return fd;
}

int udp6_open(const char *dev, int port)
{
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port) };
	int fd = sys_socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP), on = 1;

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
	    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, (socklen_t)strlen(dev) + 1) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof(on)) ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa)))
		return fail(fd);
	return fd;
}

int sock6_send(int fd, int ifindex, const uint8_t dst[16], int port, const void *buf, size_t len)
{
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port),
				   .sin6_scope_id = (uint32_t)ifindex };

	memcpy(&sa.sin6_addr, dst, 16);
	return sendto(fd, buf, len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0 ? -errno : 0;
}

ssize_t sock6_recv(int fd, void *buf, size_t cap, uint8_t src[16], int *hoplimit)
{
	union { char b[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
	struct sockaddr_in6 sa;
	struct iovec iov = { buf, cap };
	struct msghdr mh = { .msg_name = &sa, .msg_namelen = sizeof(sa), .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = ctl.b, .msg_controllen = sizeof(ctl.b) };
	ssize_t n = sys_recvmsg(fd, &mh, MSG_DONTWAIT | MSG_TRUNC);

	if (n < 0)
		return -errno;
	memcpy(src, &sa.sin6_addr, 16);
	*hoplimit = -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_HOPLIMIT && c->cmsg_len >= CMSG_LEN(sizeof(int)))
			memcpy(hoplimit, CMSG_DATA(c), sizeof(int));
	return n;
}

int ipv6_conf_set(const char *dev, const char *key, const char *val)
{
	static const char dir[] = "/proc/sys/net/ipv6/conf/";
	char path[96];
	size_t len = strlen(val), dl = strlen(dev), kl = strlen(key);
	int fd, err = 0;

	if (!dl || strchr(dev, '/') || sizeof(dir) + dl + 1 + kl > sizeof(path))
		return -EINVAL;
	memcpy(path, dir, sizeof(dir) - 1);
	memcpy(path + sizeof(dir) - 1, dev, dl);
	path[sizeof(dir) - 1 + dl] = '/';
	memcpy(path + sizeof(dir) + dl, key, kl + 1);
	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0)
		return -errno;
	if (write(fd, val, len) != (ssize_t)len)
		err = -errno;
	close(fd);
	return err;
}
