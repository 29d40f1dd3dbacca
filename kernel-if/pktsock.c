/* AF_PACKET datagram sockets bound to one device and IPv4. */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include "pktsock.h"
#include "sys.h"

int pkt_open(void)
{
	/* Protocol 0: no packets are queued before the bind names the device. */
	int fd = sys_socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	return fd < 0 ? -errno : fd;
}

int pkt_bind(int fd, int ifindex)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP), .sll_ifindex = ifindex };

	return bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0 ? -errno : 0;
}

int pkt_send(int fd, int ifindex, unsigned hatype, const void *brd, unsigned hwlen, const void *buf, size_t len)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_IP), .sll_ifindex = ifindex,
				   .sll_hatype = (unsigned short)hatype, .sll_pkttype = PACKET_BROADCAST };

	if (hwlen > sizeof(sll.sll_addr))
		return -EINVAL;
	sll.sll_halen = (unsigned char)hwlen;
	memcpy(sll.sll_addr, brd, hwlen);
	return sendto(fd, buf, len, 0, (struct sockaddr *)&sll, sizeof(sll)) < 0 ? -errno : 0;
}

ssize_t pkt_recv(int fd, void *buf, size_t cap)
{
	ssize_t n = recv(fd, buf, cap, MSG_DONTWAIT | MSG_TRUNC);

	return n < 0 ? -errno : n;
}
