/* ping: IPv4 ICMP echo over a raw socket, printing what iputils ping prints. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "lib.h"
#include "lines.h"
#include "opt.h"
#include "out.h"

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

	/* The system call itself: libc's clock_gettime brings its vDSO lookup, a kilobyte of
	 * the binary, for a clock ping reads a few times a second. */
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
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

/* inet_aton as musl has it: a, a.b, a.b.c or a.b.c.d, each part decimal, octal or hex, the
 * last one filling the bytes left. */
static int aton(const char *s, struct in_addr *out)
{
	unsigned char *b = (unsigned char *)out;
	char part[32];
	uint32_t a[4] = { 0 };
	int i;

	for (i = 0; i < 4; i++) {
		size_t n = strcspn(s, ".");
		if (*s < '0' || *s > '9' || n >= sizeof(part))
			return 0;
		memcpy(part, s, n);
		part[n] = 0;
		if (parse_u32(part, &a[i], 0))
			return 0;
		if (!s[n])
			break;
		s += n + 1;
	}
	if (i == 4)
		return 0;
	switch (i) {
	case 0: a[1] = a[0] & 0xffffff; a[0] >>= 24; /* fallthrough */
	case 1: a[2] = a[1] & 0xffff; a[1] >>= 16; /* fallthrough */
	case 2: a[3] = a[2] & 0xff; a[2] >>= 8;
	}
	for (i = 0; i < 4; i++) {
		if (a[i] > 255)
			return 0;
		b[i] = a[i];
	}
	return 1;
}

/* The address as musl's getaddrinfo finds one without DNS: a number in any of inet_aton's
 * forms, else the first /etc/hosts line that names the host. */
static int resolve(const char *host, struct in_addr *a)
{
	static const char blank[] = " \t\r\v\f";
	struct lines f;
	char *line, *save, *addr, *name, *hash;
	int found = 0;

	if (aton(host, a))
		return 0;
	if (lines_open(&f, "/etc/hosts"))
		return -1;
	while (!found && (line = lines_next(&f))) {
		if ((hash = strchr(line, '#')))
			*hash = 0;
		if (!(addr = strtok_r(line, blank, &save)))
			continue;
		while (!found && (name = strtok_r(NULL, blank, &save)))
			found = !strcmp(name, host) && aton(addr, a);
	}
	lines_close(&f);
	return found ? 0 : -1;
}

static const char *ntoa(struct in_addr a, char *buf)
{
	const unsigned char *b = (const unsigned char *)&a;

	bfmt(buf, INET_ADDRSTRLEN, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
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

struct stats {
	long sent, recv;
	long long tmin, tmax, tsum, tsum2;
};

int ping_main(int argc, char **argv)
{
	long count = 0, size = 56;
	long long interval = 1000000, wait_us = 10000000, deadline = 0;
	int quiet = 0, opt, fd, has_deadline = 0, nz;
	struct sockaddr_in dst = { .sin_family = AF_INET };
	struct stats st = { .tmin = -1 };
	char addr[INET_ADDRSTRLEN], loss[16];
	uint16_t ident = getpid() & 0xffff;
	long long start, next_send, last_send = 0, end_at = 0;
	static unsigned char pkt[8 + 65507];
	unsigned char rbuf[65536];
	uint32_t u;

	const char *host = NULL;
	int extra = 0;

	/* iputils takes options after the host too: collect operands between getopt runs. */
	while (opt_ind < argc) {
		if ((opt = opt_next(argc, argv, "4c:i:qs:W:w:h")) == -1) {
			if (host)
				extra = 1;
			host = argv[opt_ind++];
			continue;
		}
		switch (opt) {
		case '4': break;
		case 'c':
			if (parse_u32(opt_arg, &u, 10) || !u)
				die(2, "ping: invalid argument: '%s': out of range: 1 <= value <= 9223372036854775807\n", opt_arg);
			count = u;
			break;
		case 'i': interval = parse_us(opt_arg, &nz); break;
		case 'q': quiet = 1; break;
		case 's':
			if (parse_u32(opt_arg, &u, 10) || u > 65507)
				die(2, "ping: invalid argument: '%s': out of range: 0 <= value <= 65507\n", opt_arg);
			size = u;
			break;
		case 'W': wait_us = parse_us(opt_arg, &nz); break;
		case 'w': deadline = parse_us(opt_arg, &has_deadline); break;
		case 'h':
			outs(ping_usage);
			return 2;
		default:
			sputs(ERR, ping_usage);
			return 2;
		}
	}
	if (!host) {
		errf("ping: usage error: Destination address required\n");
		return 1;
	}
	if (extra) {
		sputs(ERR, ping_usage);
		return 2;
	}
	if (resolve(host, &dst.sin_addr))
		die(2, "ping: %s: Name or service not known\n", host);
	fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
	if (fd < 0)
		die(2, "ping: socket: %s\n", errtext(errno));
	outf("PING %s (%s) %ld(%ld) bytes of data.\n", host, ntoa(dst.sin_addr, addr), size, size + 28);
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
				outf("ping: sendmsg: %s\n", errtext(errno));
			st.sent++;
			last_send = t;
			next_send = t + interval;
		}
		if (count && st.sent >= count) {
			if (st.recv >= count)
				break;
			until = last_send + wait_us;
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
				outf("%ld bytes from %s: icmp_seq=%u ttl=%u", (long)(n - hl), ntoa(from.sin_addr, addr),
				     ntohs(ic->un.echo.sequence), ip->ttl);
				if (size >= (long)sizeof(long long)) {
					print_ms(" time=", rtt);
					outf(" ms");
				}
				outc('\n');
				out_flush();
			}
		}
	}
	outf("\n--- %s ping statistics ---\n", host);
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
	return st.recv ? 0 : 1;
}
