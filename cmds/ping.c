/* ping and ping6: ICMP and ICMPv6 echo, printing what iputils ping 20221126 prints. A raw
 * socket as root (which works in a fresh namespace, whose ping_group_range admits no one),
 * else a datagram ICMP socket where net.ipv4.ping_group_range allows it. Hosts are addresses
 * or names from /etc/hosts: nsbox has no DNS resolver. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <netinet/icmp6.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "gnuopt.h"
#include "hostsdb.h"
#include "ip_print.h"
#include "lib.h"
#include "sys.h"
#include "out.h"

APPLET(ping, ping_main);
APPLET(ping6, ping_main);

static const char ping_usage[] =
	"\nUsage\n"
	"  ping [options] <destination>\n"
	"\nOptions:\n"
	"  <destination>      dns name or ip address\n"
	"  -c <count>         stop after <count> replies\n"
	"  -h                 print help and exit\n"
	"  -I <interface>     either interface name or address\n"
	"  -i <interval>      seconds between sending each packet\n"
	"  -n                 no dns name resolution\n"
	"  -q                 quiet output\n"
	"  -s <size>          use <size> as number of data bytes to be sent\n"
	"  -t <ttl>           define time to live\n"
	"  -w <deadline>      reply wait <deadline> in seconds\n"
	"  -W <timeout>       time to wait for response\n"
	"\nIPv4 options:\n"
	"  -4                 use IPv4\n"
	"\nIPv6 options:\n"
	"  -6                 use IPv6\n"
	"\nFor more details see ping(8).\n";

/* The largest ICMP payloads of an IPv4 and an IPv6 datagram. */
#define MAXDATA4 65507
#define MAXDATA6 65527

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static long long now_us(void)
{
	return sys_mono_us();
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
	if (us >= 100000 - 50)
		outf("%s%lld", prefix, (us + 500) / 1000);
	else if (us >= 10000 - 5)
		outf("%s%lld.%01lld", prefix, (us + 50) / 1000, ((us + 50) % 1000) / 100);
	else if (us >= 1000)
		outf("%s%lld.%02lld", prefix, (us + 5) / 1000, ((us + 5) % 1000) / 10);
	else
		outf("%s%lld.%03lld", prefix, us / 1000, us % 1000);
}

/* Seconds with a fraction (0.2, 1.5) as microseconds, up to 2147483 s. *nonzero is set for
 * any value above zero, one below a microsecond included. */
static long long parse_us(const char *s, int *nonzero)
{
	long long sec = 0, us = 0, scale = 1000000;
	const char *p = s;
	int digits = 0;

	*nonzero = 0;
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		sec = sec * 10 + (*p - '0');
		if (sec > 2147483)
			goto bad;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
			scale /= 10;
			us += (*p - '0') * scale;
			*nonzero |= *p != '0';
		}
	if (*p || !digits || (sec == 2147483 && *nonzero))
		goto bad;
	*nonzero |= sec != 0;
	return sec * 1000000 + us;
bad:
	die(2, "ping: invalid argument: '%s'\n", s);
}

/* iputils' strtol_or_err: a number in [lo, hi], or exit 1. */
static long long num(const char *s, long long lo, long long hi)
{
	uint64_t u;
	int32_t v;
	long long x;

	if (!parse_u64(s, &u, 10))
		x = (long long)u;
	else if (!parse_s32(s, &v, 10))
		x = v;
	else
		die(1, "ping: invalid argument: '%s'\n", s);
	if (x < lo || x > hi)
		die(1, "ping: invalid argument: '%s': out of range: %lld <= value <= %lld\n", s, lo, hi);
	return x;
}

/* floor(sqrt(v)), bit by bit. */
static long long isqrt(unsigned long long v)
{
	unsigned long long r = 0, bit = 1ull << 62;

	while (bit > v)
		bit >>= 2;
	for (; bit; bit >>= 2) {
		if (v >= r + bit) {
			v -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
	}
	return (long long)r;
}

union sa {
	struct sockaddr s;
	struct sockaddr_in in;
	struct sockaddr_in6 in6;
};

static int numeric;

static const void *sa_addr(const union sa *a)
{
	return a->s.sa_family == AF_INET6 ? (const void *)&a->in6.sin6_addr : (const void *)&a->in.sin_addr;
}

/* iputils' pr_addr: "name (address)" when /etc/hosts names the address and -n is not given. */
static const char *pr_addr(const union sa *a, char *buf)
{
	char addr[PR_ADDRSZ], name[HDB_NAMESZ];

	fmt_inet(a->s.sa_family, sa_addr(a), 16, addr);
	if (!numeric && hdb_host_name(a->s.sa_family, sa_addr(a), name) && strcmp(name, addr))
		bfmt(buf, HDB_NAMESZ + PR_ADDRSZ + 4, "%s (%s)", name, addr);
	else
		bfmt(buf, HDB_NAMESZ + PR_ADDRSZ + 4, "%s", addr);
	return buf;
}

/* getaddrinfo as iputils calls it, from numbers and /etc/hosts: the family, or exit 2. */
static int resolve(const char *host, int family, union sa *dst, char *canon)
{
	unsigned char a[16];
	int f = hdb_aton(host, a) ? AF_INET : inet_pton(AF_INET6, host, a) == 1 ? AF_INET6 : 0;

	if (f) {
		numeric = 1;
		bfmt(canon, HDB_NAMESZ, "%s", host);
		if (family && family != f)
			die(2, "ping: %s: Address family for hostname not supported\n", host);
	} else if (!(f = hdb_host_addr(host, family, a, canon))) {
		/* What glibc says when no DNS server answers. */
		die(2, "ping: %s: Temporary failure in name resolution\n", host);
	}
	dst->s.sa_family = (sa_family_t)f;
	memcpy((void *)sa_addr(dst), a, f == AF_INET ? 4 : 16);
	return f;
}

struct stats {
	long sent, recv;
	long long tmin, tmax, tsum, tsum2;
};

/* SO_BINDTODEVICE dev and bind to src (each when given), on the probe socket and again on the
 * one that pings, or iputils' message and exit 2. */
static void bind_src(int fd, const char *dev, const union sa *src, int v6)
{
	if (dev && setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, strlen(dev) + 1) < 0) {
		if (v6 && errno == ENODEV)
			die(2, "ping: unknown iface: %s\n", dev);
		die(2, "ping: SO_BINDTODEVICE %s: %s\n", dev, errtext(errno));
	}
	if (src && bind(fd, &src->s, sizeof(*src)) < 0)
		die(2, v6 ? "ping: bind icmp socket: %s\n" : "ping: bind: %s\n", errtext(errno));
}

int ping_main(int argc, char **argv)
{
	long count = 0, size = 56;
	long long interval = 1000000, wait_us = 10000000, deadline = 0;
	int quiet = 0, opt, fd, has_deadline = 0, nz, family = 0, dgram = 0, ttl = -1, strict = 0, on = 1;
	int v6;
	union sa dst = { .s = { 0 } }, src = { .s = { 0 } };
	struct stats st = { .tmin = -1 };
	char addr[HDB_NAMESZ + PR_ADDRSZ + 4], canon[HDB_NAMESZ], loss[16];
	const char *host, *dev = NULL;
	uint16_t ident = getpid() & 0xffff;
	long long start, next_send, last_send = 0, end_at = 0;
	static unsigned char pkt[8 + MAXDATA6];
	unsigned char rbuf[65536], cbuf[64];
	socklen_t sl = sizeof(src);

	if (!strcmp(applet_name, "ping6"))
		family = AF_INET6;
	while ((opt = gopt_next(argc, argv, "46c:hI:i:nqs:t:W:w:", NULL)) != -1) {
		switch (opt) {
		case '4': case '6':
			if (family == (opt == '4' ? AF_INET6 : AF_INET))
				die(2, "ping: only one -4 or -6 option may be specified\n");
			family = opt == '4' ? AF_INET : AF_INET6;
			break;
		case 'c': count = (long)num(gopt_arg, 1, LONG_MAX); break;
		case 'i': interval = parse_us(gopt_arg, &nz); break;
		case 'I':
			/* An address is the source, of its family; anything else a device. */
			if (inet_pton(AF_INET6, gopt_arg, &src.in6.sin6_addr) == 1)
				src.s.sa_family = AF_INET6, strict = 1;
			else if (inet_pton(AF_INET, gopt_arg, &src.in.sin_addr) == 1)
				src.s.sa_family = AF_INET, strict = 1;
			else
				dev = gopt_arg;
			break;
		case 'n': numeric = 2; break;
		case 'q': quiet = 1; break;
		case 's': size = num(gopt_arg, 0, MAXDATA6); break;
		case 't': ttl = (int)num(gopt_arg, 0, 255); break;
		case 'W': wait_us = parse_us(gopt_arg, &nz); break;
		case 'w':
			/* Whole seconds (iputils' strtol_or_err), unlike -i and -W. */
			deadline = num(gopt_arg, 0, INT32_MAX) * 1000000;
			has_deadline = deadline > 0;
			break;
		case 'h':
			outs(ping_usage);
			return 2;
		default:
			sputs(ERR, ping_usage);
			return 2;
		}
	}
	if (gopt_ind >= argc) {
		errf("ping: usage error: Destination address required\n");
		return 1;
	}
	if (gopt_ind + 1 < argc) {
		sputs(ERR, ping_usage);
		return 2;
	}
	host = argv[gopt_ind];
	v6 = resolve(host, family, &dst, canon) == AF_INET6;
	if (!v6 && size > MAXDATA4)
		die(1, "ping: invalid argument: '%ld': out of range: 0 <= value <= %d\n", size, MAXDATA4);

	/* The source address, as iputils finds it: a datagram socket connected to the host. */
	if (src.s.sa_family != dst.s.sa_family)
		memset(&src, 0, sizeof(src)), src.s.sa_family = dst.s.sa_family;
	fd = socket(dst.s.sa_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		die(2, "ping: socket: %s\n", errtext(errno));
	bind_src(fd, dev, strict ? &src : NULL, v6);
	dst.in.sin_port = htons(1025);
	if (connect(fd, &dst.s, sizeof(dst)) < 0 && !(v6 && errno == EINVAL))
		die(2, "ping: connect: %s\n", errtext(errno));
	getsockname(fd, &src.s, &sl);
	close(fd);
	dst.in.sin_port = 0;

	fd = socket(dst.s.sa_family, SOCK_RAW | SOCK_CLOEXEC, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
	if (fd < 0 && (errno == EPERM || errno == EACCES)) {
		int e = errno;
		fd = socket(dst.s.sa_family, SOCK_DGRAM | SOCK_CLOEXEC, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
		dgram = 1;
		/* iputils tries the datagram socket first and names the type of the one that failed
		 * last: the raw one, when the datagram one was refused to this user. */
		if (fd < 0 && errno != EACCES && errno != EPROTONOSUPPORT && (errno != EAFNOSUPPORT || v6))
			die(2, "ping: socktype: SOCK_DGRAM\nping: socket: %s\n", errtext(errno));
		if (fd < 0)
			errno = e;
	}
	if (fd < 0)
		die(2, "ping: socktype: SOCK_RAW\nping: socket: %s\n", errtext(errno));
	bind_src(fd, dev, strict ? &src : NULL, v6);
	if (ttl >= 0) {
		if (setsockopt(fd, v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? IPV6_MULTICAST_HOPS : IP_MULTICAST_TTL, &ttl, sizeof(ttl)) < 0)
			die(2, "ping: cannot set multicast %s: %s\n", v6 ? "hop limit" : "time-to-live", errtext(errno));
		if (setsockopt(fd, v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? IPV6_UNICAST_HOPS : IP_TTL, &ttl, sizeof(ttl)) < 0)
			die(2, "ping: cannot set unicast %s: %s\n", v6 ? "hop limit" : "time-to-live", errtext(errno));
	}
	/* The hop limit (or a datagram socket's TTL) comes as ancillary data. */
	if (v6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof(on));
	else if (dgram)
		setsockopt(fd, IPPROTO_IP, IP_RECVTTL, &on, sizeof(on));

	if (v6)
		outf("PING %s(%s) ", host, pr_addr(&dst, addr));
	else
		outf("PING %s (%s) ", canon, fmt_inet(AF_INET, &dst.in.sin_addr, 4, addr));
	if (dev || strict) {
		numeric++;
		outf("from %s %s: ", pr_addr(&src, addr), dev ? dev : "");
		numeric--;
	}
	if (v6)
		outf("%ld data bytes\n", size);
	else
		outf("%ld(%ld) bytes of data.\n", size, size + 28);
	out_flush();
	signal(SIGINT, on_sigint);

	start = next_send = now_us();
	if (has_deadline)
		end_at = start + deadline;
	while (!interrupted) {
		long long t = now_us(), until;
		struct pollfd pfd = { fd, POLLIN, 0 };
		int timeout;

		if (end_at && t >= end_at)
			break;
		/* With a deadline, count is the replies to wait for: sending goes on. */
		if ((!count || st.sent < count || end_at) && t >= next_send) {
			struct icmphdr *ic = (struct icmphdr *)pkt;
			ic->type = v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
			ic->code = 0;
			ic->un.echo.id = htons(ident);
			ic->un.echo.sequence = htons((uint16_t)(st.sent + 1));
			ic->checksum = 0;
			/* A timeval's room, as iputils: shorter payloads carry no time. */
			if (size >= 16)
				memcpy(pkt + 8, &t, sizeof(t));
			if (!v6)
				ic->checksum = csum(pkt, 8 + size);
			if (sendto(fd, pkt, 8 + size, 0, &dst.s, sizeof(dst)) < 0)
				errf("ping: sendmsg: %s\n", errtext(errno));
			st.sent++;
			last_send = t;
			next_send = t + interval;
		}
		if (count && st.recv >= count)
			break;
		if (count && st.sent >= count && !end_at) {
			until = last_send + wait_us;
			if (t >= until)
				break;
		} else {
			until = next_send;
		}
		if (end_at && until > end_at)
			until = end_at;
		timeout = until > t ? (int)((until - t + 999) / 1000) : 0;
		if (poll(&pfd, 1, timeout) <= 0)
			continue;
		for (;;) {
			union sa from;
			struct iovec iov = { rbuf, sizeof(rbuf) };
			struct msghdr mh = { .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &iov, .msg_iovlen = 1,
					     .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
			ssize_t n = recvmsg(fd, &mh, MSG_DONTWAIT);
			struct icmphdr *ic;
			struct cmsghdr *c;
			size_t hl = 0;
			int hops = -1;
			long long sent_at, rtt;

			if (n < 0)
				break;
			if (!v6 && !dgram) {
				struct iphdr *ip = (struct iphdr *)rbuf;
				if ((size_t)n < sizeof(*ip) || (hl = ip->ihl * 4u) < sizeof(*ip))
					continue;
				hops = ip->ttl;
			}
			for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
				if ((c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_HOPLIMIT) ||
				    (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_TTL))
					memcpy(&hops, CMSG_DATA(c), sizeof(hops));
			ic = (struct icmphdr *)(rbuf + hl);
			if ((size_t)n < hl + 8 || ic->type != (v6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY) ||
			    (!dgram && ntohs(ic->un.echo.id) != ident) || memcmp(sa_addr(&from), sa_addr(&dst), v6 ? 16 : 4))
				continue;
			st.recv++;
			rtt = 0;
			if (size >= 16 && (size_t)n >= hl + 8 + sizeof(sent_at)) {
				memcpy(&sent_at, rbuf + hl + 8, sizeof(sent_at));
				/* A time this ping cannot have sent (from before it started, or ahead of
				 * now) counts as 0, as iputils counts a negative one: no overflow. */
				rtt = now_us();
				rtt = sent_at >= start && sent_at <= rtt ? rtt - sent_at : 0;
				if (st.tmin < 0 || rtt < st.tmin)
					st.tmin = rtt;
				if (rtt > st.tmax)
					st.tmax = rtt;
				st.tsum += rtt;
				st.tsum2 += rtt * rtt;
			}
			if (!quiet) {
				outf("%ld bytes from %s: icmp_seq=%u ttl=%d", (long)(n - hl), pr_addr(&from, addr),
				     ntohs(ic->un.echo.sequence), hops);
				if (size >= 16) {
					print_ms(" time=", rtt);
					outf(" ms");
				}
				outc('\n');
				out_flush();
			}
		}
	}
	outf("\n--- %s ping statistics ---\n", v6 ? host : canon);
	outf("%ld packets transmitted, %ld received", st.sent, st.recv);
	if (st.sent)
		outf(", %s%% packet loss, time %lldms", fmt_g(loss, (st.sent - st.recv) * 100.0 / st.sent),
		     (last_send - start + 500) / 1000);
	outc('\n');
	if (st.recv && st.tmin >= 0) {
		long long avg = st.tsum / st.recv, var = st.tsum2 / st.recv - avg * avg;
		long long mdev = var > 0 ? isqrt(var) : 0;
		outf("rtt min/avg/max/mdev = %lld.%03lld/%lld.%03lld/%lld.%03lld/%lld.%03lld ms",
		     st.tmin / 1000, st.tmin % 1000, avg / 1000, avg % 1000, st.tmax / 1000, st.tmax % 1000,
		     mdev / 1000, mdev % 1000);
	}
	outc('\n');
	close(fd);
	return !st.recv || (has_deadline && count && st.recv < count);
}
