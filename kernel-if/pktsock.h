/* Packet sockets for IPv4 datagrams on one device (SOCK_DGRAM: the link layer header is the
 * kernel's): what a DHCP client needs before it has an address. -errno on failure. */
#ifndef NSBOX_PKTSOCK_H
#define NSBOX_PKTSOCK_H

#include <stddef.h>
#include <sys/types.h>

/* A socket that hears nothing until pkt_bind: made early, so a missing privilege shows at once. */
int pkt_open(void);
/* Receive (and send) IPv4 on ifindex. */
int pkt_bind(int fd, int ifindex);
/* Send len bytes (an IPv4 datagram) to the link address brd (hwlen bytes) of hatype. */
int pkt_send(int fd, int ifindex, unsigned hatype, const void *brd, unsigned hwlen, const void *buf, size_t len);
/* The next datagram without waiting: its whole length (more than cap when it was cut), or -errno
 * (-EAGAIN when none is queued). */
ssize_t pkt_recv(int fd, void *buf, size_t cap);

#endif
