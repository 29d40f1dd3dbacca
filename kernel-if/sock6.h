/* IPv6 sockets on one device for netboot's router solicitations and DHCPv6, and the
 * per-device IPv6 sysctls: -errno on failure. */
#ifndef NSBOX_SOCK6_H
#define NSBOX_SOCK6_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* A raw ICMPv6 socket on device dev (SO_BINDTODEVICE: any Linux, not only 5.0's
 * SO_BINDTOIFINDEX) that hears router advertisements only and sends with hop
 * limit 255, as neighbour discovery needs. */
int icmp6_open(const char *dev);
/* A UDP socket on device dev bound to [::]:port. */
int udp6_open(const char *dev, int port);
/* Send len bytes to dst (link-local or multicast, scoped to ifindex) at port (0 for ICMPv6). */
int sock6_send(int fd, int ifindex, const uint8_t dst[16], int port, const void *buf, size_t len);
/* The next datagram without waiting: its length (more than cap when cut), its source, and
 * its hop limit (-1 when the kernel gave none); -EAGAIN when none is queued. */
ssize_t sock6_recv(int fd, void *buf, size_t cap, uint8_t src[16], int *hoplimit);
/* Write val to /proc/sys/net/ipv6/conf/DEV/KEY. */
int ipv6_conf_set(const char *dev, const char *key, const char *val);

#endif
