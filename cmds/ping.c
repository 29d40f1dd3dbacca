/* ping: IPv4 ICMP echo over a raw socket, printing what iputils ping prints. */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "lib.h"

APPLET(ping, ping_main);

static const char ping_usage[] =
	"\nUsage\n"
	"  ping [options] <destination>\n"
	"\nOptions:\n"
	"  <destination>      dns name or ip address\n"
	"  -c <count>         stop after <count> replies\n"
	"  -i <interval>      seconds between sending each packet\n"
	"  -q                 quiet output\n"
	"  -s <size>          use <size> as number of data bytes to be sent\n"
	"  -W <timeout>       time to wait for response\n"
	"  -w <deadline>      reply wait <deadline> in seconds\n";

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static uint16_t csum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint32_t s = 0;

	for (; len > 1; len -= 2, b += 2)
		s += (uint32_t)b[0] << 8 | b[1];
	if (len)
		s += (uint32_t)b[0] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return htons((uint16_t)~s);
}

static void print_ms(const char *prefix, long long us)
{
	printf("%s", prefix);
	if (us >= 100000 - 50)
		printf("%lld", (us + 500) / 1000);
	else if (us >= 10000 - 5)
		printf("%lld.%01lld", (us + 50) / 1000, ((us + 50) % 1000) / 100);
	else if (us >= 1000)
		printf("%lld.%02lld", (us + 5) / 1000, ((us + 5) % 1000) / 10);
	else
		printf("%lld.%03lld", us / 1000, us % 1000);
}

static double parse_secs(const char *s, const char *what)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || end == s || v < 0 || v > 2147483)
		die(2, "ping: invalid argument: '%s'%s\n", s, what);
	return v;
}

struct stats {
	long sent, recv;
	long long tmin, tmax, tsum, tsum2;
};

int ping_main(int argc, char **argv)
{
	long count = 0, size = 56;
	double interval = 1, wait_s = 10, deadline = 0;
	int quiet = 0, opt, fd;
	struct sockaddr_in dst = { .sin_family = AF_INET };
	struct stats st = { .tmin = -1 };
	char addr[INET_ADDRSTRLEN];
	uint16_t ident = getpid() & 0xffff;
	long long start, next_send, last_send = 0, end_at = 0;
	unsigned char *pkt, rbuf[65536];
	uint32_t u;

	const char *host = NULL;
	int extra = 0;

	/* iputils takes options after the host too: collect operands between getopt runs. */
	while (optind < argc) {
		if ((opt = getopt(argc, argv, "4c:i:qs:W:w:h")) == -1) {
			if (host)
				extra = 1;
			host = argv[optind++];
			continue;
		}
		switch (opt) {
		case '4': break;
		case 'c':
			if (parse_u32(optarg, &u, 10) || !u)
				die(2, "ping: invalid argument: '%s': out of range: 1 <= value <= 9223372036854775807\n", optarg);
			count = u;
			break;
		case 'i': interval = parse_secs(optarg, ""); break;
		case 'q': quiet = 1; break;
		case 's':
			if (parse_u32(optarg, &u, 10) || u > 65507)
				die(2, "ping: invalid argument: '%s': out of range: 0 <= value <= 65507\n", optarg);
			size = u;
			break;
		case 'W': wait_s = parse_secs(optarg, ""); break;
		case 'w': deadline = parse_secs(optarg, ""); break;
		case 'h':
			fputs(ping_usage, stdout);
			return 2;
		default:
			fputs(ping_usage, stderr);
			return 2;
		}
	}
	if (!host) {
		errf("ping: usage error: Destination address required\n");
		return 1;
	}
	if (extra) {
		fputs(ping_usage, stderr);
		return 2;
	}
	if (inet_pton(AF_INET, host, &dst.sin_addr) != 1) {
		struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_RAW }, *res;
		if (getaddrinfo(host, NULL, &hints, &res))
			die(2, "ping: %s: Name or service not known\n", host);
		dst.sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
		freeaddrinfo(res);
	}
	fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
	if (fd < 0)
		die(2, "ping: socket: %s\n", strerror(errno));
	pkt = calloc(1, 8 + size);
	if (!pkt)
		die(2, "ping: out of memory\n");
	inet_ntop(AF_INET, &dst.sin_addr, addr, sizeof(addr));
	printf("PING %s (%s) %ld(%ld) bytes of data.\n", host, addr, size, size + 28);
	fflush(stdout);
	signal(SIGINT, on_sigint);

	start = next_send = now_us();
	if (deadline > 0)
		end_at = start + (long long)(deadline * 1e6);
	while (!interrupted) {
		long long t = now_us(), until;
		struct pollfd pfd = { fd, POLLIN, 0 };
		int timeout;

		if (end_at && t >= end_at)
			break;
		if ((!count || st.sent < count) && t >= next_send) {
			struct icmphdr *ic = (struct icmphdr *)pkt;
			ic->type = ICMP_ECHO;
			ic->code = 0;
			ic->un.echo.id = htons(ident);
			ic->un.echo.sequence = htons((uint16_t)(st.sent + 1));
			ic->checksum = 0;
			if (size >= (long)sizeof(long long))
				memcpy(pkt + 8, &t, sizeof(t));
			ic->checksum = csum(pkt, 8 + size);
			if (sendto(fd, pkt, 8 + size, 0, (struct sockaddr *)&dst, sizeof(dst)) < 0)
				printf("ping: sendmsg: %s\n", strerror(errno));
			st.sent++;
			last_send = t;
			next_send = t + (long long)(interval * 1e6);
		}
		if (count && st.sent >= count) {
			if (st.recv >= count)
				break;
			until = last_send + (long long)(wait_s * 1e6);
			if (t >= until && !end_at)
				break;
		} else {
			until = next_send;
		}
		if (end_at && (until > end_at || (count && st.sent >= count)))
			until = end_at;
		timeout = until > t ? (int)((until - t + 999) / 1000) : 0;
		if (poll(&pfd, 1, timeout) <= 0)
			continue;
		for (;;) {
			struct sockaddr_in from;
			socklen_t fl = sizeof(from);
			ssize_t n = recvfrom(fd, rbuf, sizeof(rbuf), MSG_DONTWAIT, (struct sockaddr *)&from, &fl);
			struct iphdr *ip = (struct iphdr *)rbuf;
			struct icmphdr *ic;
			size_t hl;
			long long sent_at, rtt;

			if (n < 0)
				break;
			if ((size_t)n < sizeof(*ip) || (hl = ip->ihl * 4u) < sizeof(*ip) || (size_t)n < hl + 8)
				continue;
			ic = (struct icmphdr *)(rbuf + hl);
			if (ic->type != ICMP_ECHOREPLY || ntohs(ic->un.echo.id) != ident || from.sin_addr.s_addr != dst.sin_addr.s_addr)
				continue;
			st.recv++;
			rtt = 0;
			if (size >= (long)sizeof(long long) && (size_t)n >= hl + 8 + sizeof(sent_at)) {
				memcpy(&sent_at, rbuf + hl + 8, sizeof(sent_at));
				rtt = now_us() - sent_at;
				if (rtt < 0)
					rtt = 0;
				if (st.tmin < 0 || rtt < st.tmin)
					st.tmin = rtt;
				if (rtt > st.tmax)
					st.tmax = rtt;
				st.tsum += rtt;
				st.tsum2 += rtt * rtt;
			}
			if (!quiet) {
				inet_ntop(AF_INET, &from.sin_addr, addr, sizeof(addr));
				printf("%ld bytes from %s: icmp_seq=%u ttl=%u", (long)(n - hl), addr, ntohs(ic->un.echo.sequence), ip->ttl);
				if (size >= (long)sizeof(long long)) {
					print_ms(" time=", rtt);
					printf(" ms");
				}
				putchar('\n');
				fflush(stdout);
			}
		}
	}
	inet_ntop(AF_INET, &dst.sin_addr, addr, sizeof(addr));
	printf("\n--- %s ping statistics ---\n", host);
	printf("%ld packets transmitted, %ld received", st.sent, st.recv);
	if (st.sent)
		printf(", %g%% packet loss, time %lldms", (st.sent - st.recv) * 100.0 / st.sent,
		       (last_send - start + 500) / 1000);
	putchar('\n');
	if (st.recv && st.tmin >= 0) {
		long long avg = st.tsum / st.recv;
		double var = (double)st.tsum2 / st.recv - (double)avg * avg;
		long long mdev = var > 0 ? (long long)sqrt(var) : 0;
		printf("rtt min/avg/max/mdev = %lld.%03lld/%lld.%03lld/%lld.%03lld/%lld.%03lld ms",
		       st.tmin / 1000, st.tmin % 1000, avg / 1000, avg % 1000, st.tmax / 1000, st.tmax % 1000,
		       mdev / 1000, mdev % 1000);
	}
	putchar('\n');
	free(pkt);
	close(fd);
	return st.recv ? 0 : 1;
}
