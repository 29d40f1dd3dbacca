/* ping and ping6: ICMP and ICMPv6 echo, printing what iputils ping 20221126 prints. A raw
 * socket as root (which works in a fresh namespace, whose ping_group_range admits no one),
 * else a datagram ICMP socket where net.ipv4.ping_group_range allows it. The schedule is
 * iputils': a token bucket of `interval` ms with `preload` tokens (-l), flood (-f) and adaptive
 * (-A) intervals, a linger after the last probe of 2 * the longest round trip; ICMP errors come
 * from the socket's error queue (IP_RECVERR). Hosts are addresses, names from /etc/hosts, then
 * DNS (cmds/lib/resolv.c); the names of replying addresses likewise, unless -n. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include <netinet/icmp6.h>
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "gnuopt.h"
#include "hostsdb.h"
#include "ip_print.h"
#include "lib.h"
#include "resolv.h"
#include "sys.h"
#include "out.h"

APPLET(ping, ping_main);
APPLET(ping6, ping_main);

NSBOX_USAGE(ping_usage,
	"\nUsage\n"
	"  ping [options] <destination>\n"
	NSBOX_USAGE_MORE("\nOptions:\n"
	"  <destination>      dns name or ip address\n"
	"  -A                 use adaptive ping\n"
	"  -c <count>         stop after <count> replies\n"
	"  -D                 print timestamps\n"
	"  -f                 flood ping\n"
	"  -h                 print help and exit\n"
	"  -I <interface>     either interface name or address\n"
	"  -i <interval>      seconds between sending each packet\n"
	"  -l <preload>       send <preload> number of packages while waiting replies\n"
	"  -m <mark>          tag the packets going out\n"
	"  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n"
	"  -n                 no dns name resolution\n"
	"  -O                 report outstanding replies\n"
	"  -p <pattern>       contents of padding byte\n"
	"  -q                 quiet output\n"
	"  -Q <tclass>        use quality of service <tclass> bits\n"
	"  -s <size>          use <size> as number of data bytes to be sent\n"
	"  -t <ttl>           define time to live\n"
	"  -w <deadline>      reply wait <deadline> in seconds\n"
	"  -W <timeout>       time to wait for response\n"
	"\nIPv4 options:\n"
	"  -4                 use IPv4\n"
	"  -b                 allow pinging broadcast\n"
	"\nIPv6 options:\n"
	"  -6                 use IPv6\n"
	"\nFor more details see ping(8).\n"));

/* The largest ICMP payloads of an IPv4 and an IPv6 datagram. */
#define MAXDATA4 65507
#define MAXDATA6 65527
#define MININTERVAL 10       /* ms: the shortest wait when a reply is expected */
#define MINUSERINTERVAL 2    /* ms: the shortest interval for a user other than root */
#define MAX_DUP_CHK 0x10000
#define TV_LEN 16            /* iputils' struct timeval: payloads shorter carry no time */
#define SCHINT(a) ((a) <= MININTERVAL ? MININTERVAL : (a))

/* From linux/errqueue.h and linux/icmp.h, which clash with libc's headers. */
struct sock_extended_err {
	uint32_t ee_errno;
	uint8_t ee_origin, ee_type, ee_code, ee_pad;
	uint32_t ee_info, ee_data;
};
#define SO_EE_ORIGIN_LOCAL 1
#define SO_EE_ORIGIN_ICMP 2
#define SO_EE_ORIGIN_ICMP6 3
#define SO_EE_OFFENDER(e) ((const void *)((e) + 1))
#ifndef ICMP_FILTER
#define ICMP_FILTER 1
#endif

union sa {
	struct sockaddr s;
	struct sockaddr_in in;
	struct sockaddr_in6 in6;
};

/* The run: options, counters, and what the schedule keeps between probes. */
static struct ping {
	int v6, fd, dgram, uid;
	uint16_t ident;
	union sa dst, src;
	long npackets, ntransmitted, nreceived, nx[3];   /* nx: duplicates, corrupted, errors */
	int interval, opt_interval, lingertime, preload, deadline;
	int quiet, flood, adaptive, outstanding, ptimeofday, broadcast, multicast, numeric, timing;
	int pipesize, rtt, rtt_addend, screen_width;
	uint16_t acked;
	long long tmin, tmax, tsum, tsum2;
	long long start, cur_time, exit_at, deadline_at;   /* us, monotonic; 0: none */
	long tokens;
	size_t datalen;
	uint32_t rcvd[MAX_DUP_CHK / 32];
	unsigned char outpack[8 + MAXDATA6];
} P;

/* Constant 0 where a feature is left out, so the compiler drops what serves it. */
#define X NSBOX_FEATURE_PING_EXTRA
#define V6 (NSBOX_FEATURE_PING6 && P.v6)
#define IS6(a) (NSBOX_FEATURE_PING6 && (a)->s.sa_family == AF_INET6)
#define FLOOD (X && P.flood)
#define ADAPTIVE (X && P.adaptive)
#define OUTSTANDING (X && P.outstanding)
#define PTIMEOFDAY (X && P.ptimeofday)
#define BROADCAST (X && P.broadcast)
#define PRELOAD (X ? P.preload : 1)
#define nrepeats nx[0]
#define nchecksum nx[1]
#define nerrors nx[2]

/* What the options ask for beyond P. */
struct popts {
	int family, ttl, strict, pmtudisc, tos, mark;
	unsigned markval;
	union sa src;
	const char *dev, *pattern;
};

static volatile sig_atomic_t exiting, status_snapshot;
static const char *host_name;
static char canon_name[DNS_NAME_MAX];

/* SIGQUIT asks for the status line; SIGINT and SIGALRM end the run. */
static void on_signal(int sig)
{
	if (sig == SIGQUIT)
		status_snapshot = 1;
	else
		exiting = 1;
}

/* iputils' messages: "ping: " and the text on stderr, in one write; then exit(code) unless
 * code < 0. */
static OUT_VA void pmsg(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsfmt(ERR, "ping: ", ap);
	verrf(fmt, ap);
	va_end(ap);
	if (code >= 0)
		out_exit(code);
}
#define pwarn(...) pmsg(-1, __VA_ARGS__)
#define pdie(code, ...) (pmsg(code, __VA_ARGS__), __builtin_unreachable())

/* NSBOX_LEFT_OUT's message, the symbol's name given without "NSBOX_FEATURE_". */
static _Noreturn void left_out(const char *what, const char *sym)
{
	die(1, "%s: %s is not in this build of nsbox (NSBOX_FEATURE_%s is not set)\n", applet_name, what, sym);
}

/* "ping: WHAT: strerror(errno)", exit 2. */
static _Noreturn void pdie_errno(const char *what)
{
	pdie(2, "%s: %s\n", what, errtext(errno));
}

static long long now_us(void)
{
	return sys_mono_us();
}

/* The Internet checksum, in big-endian pairs: b[0] << 8 | b[1] of the field. */
static unsigned csum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint32_t s = 0;

	for (size_t i = 0; i < len; i++)
		s += (uint32_t)b[i] << (i & 1 ? 0 : 8);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return ~s & 0xffff;
}

/* An int option of the socket that pings: setsockopt's result. */
static __attribute__((noinline)) int sockopt(int level, int name, int val)
{
	return setsockopt(P.fd, level, name, &val, sizeof(val));
}

/* htons(1025), the port iputils connects its probe sockets to. */
static uint16_t port1025(void)
{
	uint8_t b[2] = { 4, 1 };
	uint16_t v;

	memcpy(&v, b, 2);
	return v;
}

/* v at p in the wire's order. */
static void put16(void *p, unsigned v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

/* An echo's sequence number, from the wire's order. */
static unsigned seq_of(const struct icmphdr *ic)
{
	const uint8_t *b = (const uint8_t *)ic + 6;

	return (unsigned)b[0] << 8 | b[1];
}

/* The received-sequence bitmap, and iputils' in-flight window over 16-bit sequences. */
static int rcvd_test(uint16_t seq) { return P.rcvd[seq >> 5] >> (seq & 31) & 1; }
static void rcvd_set(uint16_t seq) { P.rcvd[seq >> 5] |= 1u << (seq & 31); }
static void rcvd_clear(uint16_t seq) { P.rcvd[seq >> 5] &= ~(1u << (seq & 31)); }

static long in_flight(void)
{
	uint16_t diff = (uint16_t)((uint16_t)P.ntransmitted - P.acked);
	return diff <= 0x7fff ? diff : P.ntransmitted - P.nreceived - P.nerrors;
}

static void acknowledge(uint16_t seq)
{
	uint16_t diff = (uint16_t)((uint16_t)P.ntransmitted - seq);

	if (diff <= 0x7fff) {
		if ((int)diff + 1 > P.pipesize)
			P.pipesize = (int)diff + 1;
		if ((int16_t)(seq - P.acked) > 0 || (uint16_t)((uint16_t)P.ntransmitted - P.acked) > 0x7fff)
			P.acked = seq;
	}
}

static void advance_ntransmitted(void)
{
	P.ntransmitted++;
	if ((uint16_t)((uint16_t)P.ntransmitted - P.acked) > 0x7fff)
		P.acked = (uint16_t)(P.ntransmitted + 1);
}

static void flood_out(const char *s)
{
	outs(s);
	out_flush();
}

static void print_timestamp(void)
{
	struct timespec ts;

	if (!PTIMEOFDAY)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	outf("[%lld.%06ld] ", (long long)ts.tv_sec, ts.tv_nsec / 1000);
}

/* " time=" and the round trip in ms, with fewer decimals as it grows (iputils' rounding). */
static void print_ms(long long us)
{
	int d = us >= 100000 - 50 ? 0 : us >= 10000 - 5 ? 1 : us >= 1000 ? 2 : 3, r = (int[]){ 1000, 100, 10, 1 }[d];

	us += r / 2;
	outf(d ? " time=%lld.%.*lld" : " time=%lld", us / 1000, d, us % 1000 / r);
}

/* iputils' ping_strtod for -i and -W: a decimal number of seconds, as ms. Trailing garbage is
 * warned about and ignored, as there. */
static int parse_ms(const char *s, const char *what, int allow_neg)
{
	const char *p = s;
	long long us = 0;
	int neg = 0, digits = 0, scale = 1000000;

	if (!*s)
		goto bad;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if ((us = us * 10 + (*p - '0') * 1000000LL) > (long long)INT_MAX * 1000)
			goto bad;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++)
			us += (*p - '0') * (scale /= 10);
	/* strtod's exponent: 1e-1, 2E3. */
	if (digits && (*p | 0x20) == 'e') {
		const char *e = p + 1;
		int eneg = *e == '-', x = 0;
		if (*e == '-' || *e == '+')
			e++;
		if (*e >= '0' && *e <= '9') {
			for (; *e >= '0' && *e <= '9'; e++)
				x = x < 100 ? x * 10 + (*e - '0') : x;
			for (; x > 0 && us; x--)
				if ((us = eneg ? us / 10 : us * 10) > (long long)INT_MAX * 1000)
					goto bad;
			p = e;
		}
	}
	if (*p || !digits)
		pwarn("option argument contains garbage: %s\nping: this will become fatal error in the future\n",
		      digits ? p : s);
	if (!(neg && us && !allow_neg) && us / 1000 <= INT_MAX / 1000 * 1000)
		return (int)(neg ? -(us / 1000) : us / 1000);
bad:
	pdie(2, "%s: %s\n", what, s);
}

static _Noreturn void range_die(const char *s, long long lo, long long hi)
{
	pdie(1, "invalid argument: '%s': out of range: %lld <= value <= %lld\n", s, lo, hi);
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
		pdie(1, "invalid argument: '%s'\n", s);
	if (x < lo || x > hi)
		range_die(s, lo, hi);
	return x;
}

/* -s beyond what a datagram of the family carries: as num() says it. */
static void check_datalen(int max)
{
	char b[24];

	if (P.datalen > (size_t)max) {
		bfmt(b, sizeof(b), "%zu", P.datalen);
		range_die(b, 0, max);
	}
}

/* -Q: decimal, or hex after 0x, up to 255. */
static int parse_tos(const char *s)
{
	int32_t v;
	int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');

	/* strtol: no digits at all ("", "0x") is 0. */
	if (!s[hex ? 2 : 0])
		return 0;
	if (parse_s32(hex ? s + 2 : s, &v, hex ? 16 : 10))
		pdie(2, "bad TOS value: %s\n", s);
	if (v > 255)
		pdie(2, "the decimal value of TOS bits must be in range 0-255: %d\n", v);
	return v;
}

/* -p: up to 16 bytes of hex, repeated over the payload. */
static void fill(const char *pat)
{
	unsigned char b[16];
	size_t n = 0, i;

	for (const char *p = pat; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F')))
			pdie(2, "patterns must be specified as hex digits: %s\n", p);
	for (const char *p = pat; *p && n < 16; n++) {
		unsigned v = 0;
		for (int k = 0; k < 2 && *p; k++, p++)
			v = v << 4 | (unsigned)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
		b[n] = (unsigned char)v;
	}
	for (i = 0; n && i < P.datalen; i++)
		P.outpack[8 + i] = b[i % n];
	if (!P.quiet) {
		outs("PATTERN: 0x");
		for (i = 0; i < n; i++)
			outf("%02x", b[i]);
		outc('\n');
	}
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

static const void *sa_addr(const union sa *a)
{
	return IS6(a) ? (const void *)&a->in6.sin6_addr : (const void *)&a->in.sin_addr;
}

/* Whether p holds the destination's address. */
static int is_dst(const void *p)
{
	return !memcmp(p, sa_addr(&P.dst), V6 ? 16 : 4);
}

/* The length of the IPv4 header at ip, or 0 when cc bytes do not hold it and 8 more. */
static __attribute__((noinline)) size_t ip_hlen(const struct iphdr *ip, size_t cc)
{
	return cc < sizeof(*ip) || ip->ihl < 5 || cc < ip->ihl * 4u + 8 ? 0 : ip->ihl * 4u;
}

/* Names not in /etc/hosts go to the DNS servers of /etc/resolv.conf (cmds/lib/resolv.c,
 * cmds/proto/dns.c) with NSBOX_FEATURE_DNS; without it, such a name says so (exit 1) and a
 * reply's address is named from /etc/hosts only. */
static int have_conf;
static struct res_conf conf;

static int dns_lookup(const char *host, struct res_addr *ra, int max, char *canon)
{
	if (!NSBOX_FEATURE_DNS)
		left_out("DNS", "DNS");
	if (!have_conf++)
		res_conf_read(&conf, "/etc/resolv.conf");
	return res_lookup(&conf, host, AF_UNSPEC, ra, max, canon);
}

static int dns_reverse(int family, const void *addr, char *name)
{
	if (!NSBOX_FEATURE_DNS)
		return RES_AGAIN;
	if (!have_conf++)
		res_conf_read(&conf, "/etc/resolv.conf");
	return res_reverse(&conf, family, addr, name);
}

static const char *gai_text(int err)
{
	return NSBOX_FEATURE_DNS ? res_strerror(err) : err == RES_NONAME ? "Name or service not known" :
	       "Temporary failure in name resolution";
}

/* iputils' pr_addr: "name (address)", the name from /etc/hosts or DNS (the address again when
 * neither has one, as getnameinfo gives it), or the address alone with -n. */
static const char *pr_addr(const union sa *a, char *buf)
{
	char addr[PR_ADDRSZ + IF_NAMESIZE + 1], name[DNS_NAME_MAX + HDB_NAMESZ];
	const char *nm = addr;
	int f = a->s.sa_family, num = P.numeric || exiting;

	fmt_inet(f, sa_addr(a), 16, addr);
	/* getnameinfo's numeric form of a link-local IPv6 address names its interface. */
	if (IS6(a) && a->in6.sin6_scope_id &&
	    (IN6_IS_ADDR_LINKLOCAL(&a->in6.sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&a->in6.sin6_addr))) {
		char ifn[IF_NAMESIZE];
		size_t l = strlen(addr);
		if (if_indextoname(a->in6.sin6_scope_id, ifn))
			bfmt(addr + l, sizeof(addr) - l, "%%%s", ifn);
		else
			bfmt(addr + l, sizeof(addr) - l, "%%%u", a->in6.sin6_scope_id);
	}
	if (!num && (hdb_host_name(f, sa_addr(a), name) || !dns_reverse(f, sa_addr(a), name)))
		nm = name;
	bfmt(buf, HDB_NAMESZ + PR_ADDRSZ + 4, num ? "%s" : "%s (%s)", nm, addr);
	return buf;
}

#define MAXCAND 16
/* More than one candidate address: only with DNS or IPv6 (/etc/hosts has one of each). */
#define MULTI (NSBOX_FEATURE_DNS || NSBOX_FEATURE_PING6)

/* getaddrinfo as iputils calls it (AF_UNSPEC whatever -4 or -6 say): numbers, then /etc/hosts,
 * then DNS. The candidates in out in glibc's order (a usable destination first, then IPv6
 * before IPv4); their count, or exit 2. As with glibc, only the first carries the canonical
 * name: canons[k] is canon or "". */
static int resolve(const char *host, union sa *out, char *canon, char canons[][DNS_NAME_MAX])
{
	unsigned char a[16];
	int f, n = 0, rc, k, rank[MAXCAND], m = 0;
	struct res_addr ra[MAXCAND];
	char c6[HDB_NAMESZ], *pct = strchr(host, '%');
	uint32_t scope = 0;

	/* Without PING6, anything with a colon is an IPv6 address (no name has one). */
	if (!NSBOX_FEATURE_PING6 && strchr(host, ':'))
		left_out("IPv6", "PING6");
	f = hdb_aton(host, a) ? AF_INET : NSBOX_FEATURE_PING6 && inet_pton(AF_INET6, host, a) == 1 ? AF_INET6 : 0;
	/* ADDR%IFNAME or ADDR%INDEX: an IPv6 address with its scope. */
	if (NSBOX_FEATURE_PING6 && !f && pct && (size_t)(pct - host) < sizeof(c6)) {
		memcpy(c6, host, (size_t)(pct - host));
		c6[pct - host] = 0;
		if (inet_pton(AF_INET6, c6, a) == 1) {
			if (!(scope = if_nametoindex(pct + 1)) && parse_u32(pct + 1, &scope, 10))
				pdie(2, "%s: %s\n", host, gai_text(RES_NONAME));
			f = AF_INET6;
		}
	}

	canon[0] = 0;
	/* iputils names the replies only when the host was given as a name. */
	if (f || (NSBOX_FEATURE_PING6 && strchr(host, ':')))
		P.numeric = 1;
	if (f) {
		bfmt(canon, DNS_NAME_MAX, "%s", host);
		ra[n].family = f;
		memcpy(ra[n++].addr, a, 16);
	} else {
		if (hdb_host_addr(host, AF_INET, a, canon)) {
			ra[n].family = AF_INET;
			memcpy(ra[n++].addr, a, 16);
		}
		if (hdb_host_addr(host, AF_INET6, a, c6)) {
			ra[n].family = AF_INET6;
			memcpy(ra[n++].addr, a, 16);
			if (!canon[0])
				bfmt(canon, DNS_NAME_MAX, "%s", c6);
		}
		if (!n && (rc = dns_lookup(host, ra, MAXCAND, canon)) < 0)
			pdie(2, "%s: %s\n", host, gai_text(rc));
		if (!n)
			n = rc;
	}
	if (!MULTI) {   /* one address from /etc/hosts, or its IPv4 one first */
		if (ra[0].family != AF_INET)
			left_out("IPv6", "PING6");
		n = 1;
	} else if (!NSBOX_FEATURE_PING6) {   /* a name's IPv6 addresses are left out with PING6 */
		for (k = 0; k < n; k++)
			if (ra[k].family == AF_INET)
				ra[m++] = ra[k];
		if (!(n = m))
			left_out("IPv6", "PING6");
		m = 0;
	}
	/* Rule 1 of RFC 6724 (a destination that cannot be reached goes last), then IPv6 first:
	 * each inserted after those of its rank or lower. */
	for (k = 0; k < n; k++) {
		union sa t = { .s = { 0 } };
		int fd, j, v6 = NSBOX_FEATURE_PING6 && ra[k].family == AF_INET6, r = !v6;

		t.s.sa_family = (sa_family_t)ra[k].family;
		memcpy((void *)sa_addr(&t), ra[k].addr, v6 ? 16 : 4);
		if (MULTI && n > 1 && (fd = sys_socket(ra[k].family, SOCK_DGRAM | SOCK_CLOEXEC, 0)) >= 0) {
			t.in.sin_port = port1025();
			r += connect(fd, &t.s, v6 ? sizeof(t.in6) : sizeof(t.in)) ? 2 : 0;
			t.in.sin_port = 0;
			close(fd);
		}
		for (j = k; j > 0 && rank[j - 1] > r; j--)
			out[j] = out[j - 1], rank[j] = rank[j - 1];
		out[j] = t;
		rank[j] = r;
	}
	for (k = 0; MULTI && k < n; k++)
		bfmt(canons[k], DNS_NAME_MAX, "%s", k ? "" : canon);
	out[0].in6.sin6_scope_id = IS6(out) ? scope : 0;
	return n;
}

/* SO_BINDTODEVICE dev and bind to src (each when given), on the probe socket and again on the
 * one that pings, or iputils' message and exit 2. */
static void bind_src(int fd, const char *dev, const union sa *src)
{
	if (dev && setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, strlen(dev) + 1) < 0) {
		if (V6 && errno == ENODEV)
			pdie(2, "unknown iface: %s\n", dev);
		pdie(2, "SO_BINDTODEVICE %s: %s\n", dev, errtext(errno));
	}
	if (src && bind(fd, &src->s, sizeof(*src)) < 0)
		pdie(2, V6 ? "bind icmp socket: %s\n" : "bind: %s\n", errtext(errno));
}

static void set_mark(int fd, unsigned mark)
{
	if (setsockopt(fd, SOL_SOCKET, SO_MARK, &mark, sizeof(mark)) < 0)
		pwarn("WARNING: failed to set mark: %u: %s\n", mark, errtext(errno));
}

/* The i-th of the NUL-separated words of tab, its bytes 1 to 3 standing for the words of
 * pre; one past the end is "". */
static void outw(const char *tab, int i)
{
	const char *s = tab;

	while (i-- > 0)
		s += kw_skip(s);
	for (; *s; s++)
		if (*s < 4)
			outw("Destination \0Redirect \0Type of Service", *s - 1);
		else
			outc(*s);
}

/* The words of an ICMP error: iputils' pr_icmph (IPv4, a line) and print_icmp (IPv6). */
static void pr_icmph(int type, int code, uint32_t info, const union sa *gw)
{
	char buf[HDB_NAMESZ + PR_ADDRSZ + 4];

	switch (type) {
	case ICMP_DEST_UNREACH:
		if (code == ICMP_FRAG_NEEDED)
			outf("Frag needed and DF set (mtu = %u)\n", info);
		else if (code < 16)
			outw("\1Net Unreachable\0\1Host Unreachable\0\1Protocol Unreachable\0\1Port Unreachable\0\0"
			     "Source Route Failed\0\1Net Unknown\0\1Host Unknown\0Source Host Isolated\0\1Net Prohibited\0"
			     "\1Host Prohibited\0\1Net Unreachable for \3\0\1Host Unreachable for \3\0Packet filtered\0"
			     "Precedence Violation\0Precedence Cutoff", code), outc('\n');
		else
			outf("Dest Unreachable, Bad Code: %d\n", code);
		break;
	case ICMP_REDIRECT:
		if (code < 4)
			outw("\2Network\0\2Host\0\2\3 and Network\0\2\3 and Host", code);
		else
			outf("Redirect, Bad Code: %d", code);
		outf("(New nexthop: %s)\n", pr_addr(gw, buf));
		break;
	case ICMP_TIME_EXCEEDED:
		if (code <= 1)
			outw("Time to live exceeded\0Frag reassembly time exceeded", code), outc('\n');
		else
			outf("Time exceeded, Bad Code: %d\n", code);
		break;
	case ICMP_PARAMETERPROB: outf("Parameter problem: pointer = %u\n", info); break;
	default:
		/* The types without a code, by number; the others are bad. */
		if (type > ICMP_ADDRESSREPLY || !((1 << ICMP_ECHOREPLY | 1 << ICMP_SOURCE_QUENCH | 1 << ICMP_ECHO |
						   0x1f << ICMP_TIMESTAMP | 1 << ICMP_ADDRESSREPLY) >> type & 1)) {
			outf("Bad ICMP type: %d\n", type);
			break;
		}
		outw("Echo Reply\0\0\0\0Source Quench\0\0\0\0Echo Request\0\0\0\0\0Timestamp\0Timestamp Reply\0"
		     "Information Request\0Information Reply\0Address Mask Request\0Address Mask Reply", type);
		outc('\n');
	}
}

static void print_icmp6(int type, int code, uint32_t info)
{
	switch (type) {
	case ICMP6_DST_UNREACH:
		outs("Destination unreachable: ");
		if (code < 5)
			outw("No route\0Administratively prohibited\0Beyond scope of source address\0"
			     "Address unreachable\0Port unreachable", code);
		else
			outf("Unknown code %d", code);
		break;
	case ICMP6_PACKET_TOO_BIG:
		outf("Packet too big: mtu=%u", info);
		if (code)
			outf(", code=%d", code);
		break;
	case ICMP6_TIME_EXCEEDED:
		outs("Time exceeded: ");
		if (code <= 1)
			outw("Hop limit\0Defragmentation failure", code);
		else
			outf("code %d", code);
		break;
	case ICMP6_PARAM_PROB:
		outs("Parameter problem: ");
		if (code <= 2)
			outw("Wrong header field \0Unknown header \0Unknown option ", code);
		else
			outf("code %d ", code);
		outf("at %u", info);
		break;
	case ICMP6_ECHO_REQUEST: case ICMP6_ECHO_REPLY:
	case MLD_LISTENER_QUERY: case MLD_LISTENER_REPORT: case MLD_LISTENER_REDUCTION:
		outw("Echo request\0Echo reply\0MLD Query\0MLD Report\0MLD Reduction", type - ICMP6_ECHO_REQUEST);
		break;
	default: outf("unknown icmp type: %u", type);
	}
}

/* "From ADDRESS icmp_seq=N " (sep ""), or with sep ":" after the address. */
static void pr_from(const union sa *a, const char *sep, const struct icmphdr *ic)
{
	char addr[HDB_NAMESZ + PR_ADDRSZ + 4];

	print_timestamp();
	outf("From %s%s icmp_seq=%u ", pr_addr(a, addr), sep, seq_of(ic));
}

/* recvmsg of one datagram (or queued error) into buf, from into *from; *data points to the
 * last ancillary item (IPPROTO_IP, t4) or (IPPROTO_IPV6, t6) of at least min bytes, if any. */
static ssize_t recv_one(void *buf, size_t len, union sa *from, int flags, int t4, int t6, size_t min, void **data)
{
	static union {
		char buf[512];
		struct cmsghdr align;
	} cb;
	struct iovec iov = { buf, len };
	struct msghdr mh = { .msg_name = from, .msg_namelen = sizeof(*from), .msg_iov = &iov, .msg_iovlen = 1,
			     .msg_control = cb.buf, .msg_controllen = sizeof(cb.buf) };
	ssize_t n;

	memset(from, 0, sizeof(*from));
	n = sys_recvmsg(P.fd, &mh, flags | MSG_DONTWAIT);
	for (struct cmsghdr *c = n < 0 ? NULL : CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
		if (((c->cmsg_level == IPPROTO_IP && c->cmsg_type == t4) ||
		     (NSBOX_FEATURE_PING6 && c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == t6)) &&
		    c->cmsg_len >= CMSG_LEN(min))
			*data = CMSG_DATA(c);
	return n;
}

/* iputils' receive_error_msg: one entry of the error queue. > 0 an ICMP error about one of our
 * probes (printed, counted), < 0 a local error (or nothing queued), 0 someone else's. errno is
 * kept for the caller. */
static int receive_error(void)
{
	struct icmphdr icmph;
	union sa target;
	struct sock_extended_err *e = NULL;
	int saved = errno, net = 0, local = 0;
	ssize_t res = recv_one(&icmph, sizeof(icmph), &target, MSG_ERRQUEUE, IP_RECVERR, IPV6_RECVERR,
			       sizeof(*e) + sizeof(struct sockaddr_in), (void **)&e);

	if (res < 0) {
		if (errno == EAGAIN || errno == EINTR)
			local++;
		goto out;
	}
	if (!e) {
		saved = 0;
		goto out;
	}
	if (e->ee_origin == SO_EE_ORIGIN_LOCAL) {
		local++;
		if (P.quiet)
			goto out;
		if (FLOOD)
			flood_out("E");
		else if (e->ee_errno != EMSGSIZE)
			pwarn("local error: %s\n", errtext((int)e->ee_errno));
		else
			pwarn(V6 ? "local error: message too long, mtu: %u\n" : "local error: message too long, mtu=%u\n", e->ee_info);
		P.nerrors++;
	} else if (e->ee_origin == (V6 ? SO_EE_ORIGIN_ICMP6 : SO_EE_ORIGIN_ICMP)) {
		union sa off = { .s = { 0 } };

		memcpy(&off, SO_EE_OFFENDER(e), V6 ? sizeof(off.in6) : sizeof(off.in));
		if (res < (ssize_t)sizeof(icmph) || !is_dst(sa_addr(&target)) ||
		    icmph.type != (V6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO) ||
		    (!P.dgram && icmph.un.echo.id != P.ident)) {
			saved = 0;
			goto out;
		}
		if (!V6) {
			acknowledge(seq_of(&icmph));
			if (!P.dgram) {
				/* The errors themselves are read here: the raw socket's filter now
				 * passes only what parse_reply prints. */
				if (sockopt(SOL_RAW, ICMP_FILTER,
					    (int)~(1u << ICMP_SOURCE_QUENCH | 1u << ICMP_REDIRECT | 1u << ICMP_ECHOREPLY)) < 0)
					pdie_errno("setsockopt(ICMP_FILTER)");
			}
		}
		net++;
		P.nerrors++;
		if (P.quiet)
			goto out;
		if (FLOOD) {
			flood_out("\bE");
		} else {
			off.s.sa_family = (sa_family_t)(V6 ? AF_INET6 : AF_INET);
			pr_from(&off, "", &icmph);
			if (V6) {
				print_icmp6(e->ee_type, e->ee_code, e->ee_info);
				outc('\n');
			} else {
				pr_icmph(e->ee_type, e->ee_code, e->ee_info, &off);
			}
			out_flush();
		}
	}
out:
	errno = saved;
	return net ? net : -local;
}

static int send_probe(void)
{
	struct icmphdr *ic = (struct icmphdr *)P.outpack;
	size_t cc = 8 + P.datalen;
	ssize_t n;

	ic->type = V6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
	ic->code = 0;
	ic->checksum = 0;
	put16(&ic->un.echo.sequence, (unsigned)P.ntransmitted + 1);
	ic->un.echo.id = P.ident;
	rcvd_clear((uint16_t)(P.ntransmitted + 1));
	if (P.timing) {
		long long t = now_us();
		memset(P.outpack + 8, 0, TV_LEN);
		memcpy(P.outpack + 8, &t, sizeof(t));
	}
	if (!V6)
		put16(P.outpack + 2, csum(P.outpack, cc));
	n = sendto(P.fd, P.outpack, cc, 0, &P.dst.s, V6 ? sizeof(P.dst.in6) : sizeof(P.dst.in));
	return n == (ssize_t)cc ? 0 : -1;
}

static void update_interval(void)
{
	int est = P.rtt ? P.rtt / 8 : P.interval * 1000;

	P.interval = (est + P.rtt_addend + 500) / 1000;
	if (P.uid && P.interval < MINUSERINTERVAL)
		P.interval = MINUSERINTERVAL;
}

/* iputils' pinger: send what the schedule allows now; the ms until the next probe is due. */
static __attribute__((noinline)) int pinger(void)
{
	static int oom_count;
	int i;

	if (exiting || (P.npackets && P.ntransmitted >= P.npackets && !P.deadline))
		return 1000;
	if (!P.cur_time) {
		P.cur_time = now_us();
		P.tokens = (long)P.interval * (PRELOAD - 1);
	} else {
		long long tv = now_us();
		long ntokens = (long)(tv / 1000 - P.cur_time / 1000), tmp;

		if (!P.interval && ntokens < MININTERVAL && in_flight() >= PRELOAD)
			return (int)(MININTERVAL - ntokens);
		ntokens += P.tokens;
		tmp = (long)P.interval * PRELOAD;
		if (tmp < ntokens)
			ntokens = tmp;
		if (ntokens < P.interval)
			return (int)(P.interval - ntokens);
		P.cur_time = tv;
		P.tokens = ntokens - P.interval;
	}
	if (OUTSTANDING && P.ntransmitted > 0 && !rcvd_test((uint16_t)P.ntransmitted)) {
		print_timestamp();
		outf("no answer yet for icmp_seq=%lu\n", (unsigned long)(P.ntransmitted % MAX_DUP_CHK));
		out_flush();
	}
	i = send_probe();
	if (!i) {
		oom_count = 0;
		advance_ntransmitted();
		if (!P.quiet && FLOOD &&
		    ((PRELOAD < P.screen_width && P.pipesize < P.screen_width) || in_flight() < P.screen_width))
			flood_out(".");
		return (int)(P.interval - P.tokens);
	}
	if (errno == ENOBUFS || errno == ENOMEM) {
		int nores;
		P.tokens = 0;
		P.rtt_addend += P.rtt < 8 * 50000 ? P.rtt / 8 : 50000;
		if (ADAPTIVE)
			update_interval();
		nores = SCHINT(P.interval / 2);
		if (nores > 500)
			nores = 500;
		oom_count++;
		if (oom_count * nores < P.lingertime)
			return nores;
		i = 0;
	} else if (errno == EAGAIN) {
		P.tokens += P.interval;
		return MININTERVAL;
	} else if ((i = receive_error()) > 0) {
		i = 0;
	} else if (!errno) {
		return 0;
	}
	/* A hard local error: counted as sent. */
	advance_ntransmitted();
	if (i == 0 && !P.quiet) {
		if (FLOOD)
			flood_out("E");
		else
			pwarn("sendmsg: %s\n", errtext(errno));
	}
	P.tokens = 0;
	return SCHINT(P.interval);
}

/* The linger once the last probe is out: twice the longest round trip (at least an interval),
 * or -W when nothing came back. */
static int schedule_exit(int next)
{
	long long wait;

	if (!P.npackets || P.ntransmitted < P.npackets || P.deadline)
		return next;
	if (!P.exit_at) {
		if (P.nreceived) {
			wait = 2 * P.tmax;
			if (wait < 1000LL * P.interval)
				wait = 1000LL * P.interval;
		} else {
			wait = 1000LL * P.lingertime;
		}
		P.exit_at = now_us() + wait;
		if (next < 0 || next < wait / 1000)
			next = (int)(wait / 1000);
	}
	return next;
}

static void gather(const struct icmphdr *ic, size_t cc, int hops, int csfailed, const char *from, int wrong_source)
{
	const unsigned char *data = (const unsigned char *)ic + 8;
	uint16_t seq = seq_of(ic);
	long long rtt = 0;
	int dup = 0;

	P.nreceived++;
	if (!csfailed)
		acknowledge(seq);
	if (P.timing && cc >= 8 + TV_LEN) {
		long long sent_at, t = now_us();
		memcpy(&sent_at, data, sizeof(sent_at));
		/* A time this ping cannot have sent counts as 0, as iputils counts a negative one. */
		rtt = sent_at >= P.start && sent_at <= t ? t - sent_at : 0;
		if (!csfailed) {
			P.tsum += rtt;
			P.tsum2 += rtt * rtt;
			if (P.tmin < 0 || rtt < P.tmin)
				P.tmin = rtt;
			if (rtt > P.tmax)
				P.tmax = rtt;
			if (!P.rtt)
				P.rtt = (int)(rtt * 8);
			else
				P.rtt += (int)(rtt - P.rtt / 8);
			if (ADAPTIVE)
				update_interval();
		}
	}
	if (csfailed) {
		P.nchecksum++;
		P.nreceived--;
	} else if (rcvd_test(seq)) {
		P.nrepeats++;
		P.nreceived--;
		dup = 1;
	} else {
		rcvd_set(seq);
	}
	if (P.quiet)
		return;
	if (FLOOD) {
		flood_out(csfailed ? "\bC" : "\b \b");
		return;
	}
	print_timestamp();
	outf("%zu bytes from %s: icmp_seq=%u", cc, from, seq);
	if (hops >= 0)
		outf(" ttl=%d", hops);
	if (cc < P.datalen + 8) {
		outs(" (truncated)\n");
		return;
	}
	if (P.timing) {
		print_ms(rtt);
		outs(" ms");
	}
	if (dup && !P.multicast)
		outs(" (DUP!)");
	if (csfailed)
		outs(" (BAD CHECKSUM!)");
	if (wrong_source)
		outs(" (DIFFERENT ADDRESS!)");
	for (size_t i = TV_LEN; i < P.datalen; i++) {
		if (data[i] != P.outpack[8 + i]) {
			outf("\nwrong data byte #%zu should be 0x%x but was 0x%x", i, P.outpack[8 + i], data[i]);
			for (i = TV_LEN; i < P.datalen; i++) {
				if (i % 32 == TV_LEN)
					outf("\n#%zu\t", i);
				outf("%x ", data[i]);
			}
			break;
		}
	}
	outc('\n');
}

/* One datagram off the socket. 0 when it was ours (or a kind we note), 1 when it was not. */
static int parse_reply(unsigned char *buf, size_t cc, const union sa *from, int hops)
{
	struct icmphdr *ic;
	size_t hl = 0;
	char addr[HDB_NAMESZ + PR_ADDRSZ + 4];
	int csfailed, wrong;

	if (!V6 && !P.dgram) {
		struct iphdr *ip = (struct iphdr *)buf;
		if (!(hl = ip_hlen(ip, cc)))
			return 1;
		hops = ip->ttl;
	} else if (cc < 8) {
		return 1;
	}
	cc -= hl;
	ic = (struct icmphdr *)(buf + hl);
	csfailed = !V6 && csum(ic, cc) != 0;
	if (ic->type == (V6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY)) {
		if (!P.dgram && ic->un.echo.id != P.ident)
			return 1;
		wrong = !BROADCAST && !P.multicast && !is_dst(sa_addr(from));
		if (V6 && wrong) {
			/* A subnet-router anycast destination (..:0 for a /64) answers from another. */
			int anycast = 1;
			for (int i = 8; i < 16; i++)
				anycast &= !P.dst.in6.sin6_addr.s6_addr[i];
			wrong = !anycast;
		}
		gather(ic, cc, hops, csfailed, pr_addr(from, addr), wrong);
		out_flush();
		return 0;
	}
	if (V6 || P.dgram)
		return 1;
	switch (ic->type) {
	case ICMP_SOURCE_QUENCH:
	case ICMP_REDIRECT:
	case ICMP_DEST_UNREACH:
	case ICMP_TIME_EXCEEDED:
	case ICMP_PARAMETERPROB: {
		struct iphdr *ip1 = (struct iphdr *)(ic + 1);
		struct icmphdr *ic1;
		union sa gw = { .in = { .sin_family = AF_INET } };
		size_t hl1 = ip_hlen(ip1, cc - 8);
		if (!hl1)
			return 1;
		ic1 = (struct icmphdr *)((unsigned char *)ip1 + hl1);
		if (ic1->type != ICMP_ECHO || !is_dst(&ip1->daddr) ||
		    ic1->un.echo.id != P.ident)
			return 1;
		if (ic->type != ICMP_REDIRECT && ic->type != ICMP_SOURCE_QUENCH) {
			acknowledge(seq_of(ic1));
			return 0;
		}
		if (P.quiet || FLOOD)
			return 1;
		pr_from(from, ":", ic1);
		if (csfailed)
			outs("(BAD CHECKSUM)");
		gw.in.sin_addr.s_addr = ic->un.gateway;
		pr_icmph(ic->type, ic->code, 0, &gw);   /* a redirect or quench: no info */
		out_flush();
		return 1;
	}
	case ICMP_ECHO:
		return 1;
	}
	if (FLOOD && !P.quiet)
		flood_out(csfailed ? "!EC" : "!E");
	return 0;
}

/* pre, then n times in us as ms with 3 decimals, between slashes, then " ms". */
static void pr_times(struct sink *s, const char *pre, int n, const long long *v)
{
	sputs(s, pre);
	for (int i = 0; i < n; i++)
		sfmt(s, "%s%lld.%03lld", i ? "/" : "", v[i] / 1000, v[i] % 1000);
	sputs(s, " ms");
}

static void finish(void)
{
	long long tv = P.cur_time ? P.cur_time - P.start : 0;
	const char *comma = "";
	char loss[16];

	outf("\n--- %s ping statistics ---\n%ld packets transmitted, %ld received", V6 ? host_name : canon_name,
	     P.ntransmitted, P.nreceived);
	for (int i = 0; i < 3; i++)
		if (P.nx[i])
			outf(", +%ld %s", P.nx[i], kw_nth("duplicates\0corrupted\0errors", (unsigned)i));
	if (P.ntransmitted)
		outf(", %s%% packet loss, time %lldms",
		     fmt_g(loss, (float)((P.ntransmitted - P.nreceived) * 100.0 / P.ntransmitted)), (tv + 500) / 1000);
	outc('\n');
	if (P.nreceived && P.timing && P.tmin >= 0) {
		long total = P.nreceived + P.nrepeats;
		long long avg = P.tsum / total, var;
		if (P.tsum < INT_MAX)
			var = (P.tsum2 - P.tsum * P.tsum / total) / total;
		else
			var = P.tsum2 / total - avg * avg;
		var = var > 0 ? isqrt((unsigned long long)var) : 0;
		{
			long long v[4] = { P.tmin, avg, P.tmax, var };
			pr_times(OUT, "rtt min/avg/max/mdev = ", 4, v);
		}
		comma = ", ";
	}
	if (P.pipesize > 1) {
		outf("%spipe %d", comma, P.pipesize);
		comma = ", ";
	}
	if (P.nreceived && (!P.interval || FLOOD || ADAPTIVE) && P.ntransmitted > 1) {
		long long v[2] = { tv / (P.ntransmitted - 1), P.rtt / 8 };
		outf("%sipg/ewma ", comma);
		pr_times(OUT, "", 2, v);
	}
	outc('\n');
}

static __attribute__((noinline)) void status(void)
{
	long loss = P.ntransmitted ? (P.ntransmitted - P.nreceived) * 100 / P.ntransmitted : 0;

	status_snapshot = 0;
	sfmt(ERR, "\r%ld/%ld packets, %ld%% loss", P.nreceived, P.ntransmitted, loss);
	if (P.nreceived && P.timing && P.tmin >= 0) {
		long long v[4] = { P.tmin, P.tsum / (P.nreceived + P.nrepeats), P.rtt / 8, P.tmax };
		pr_times(ERR, ", min/avg/ewma/max = ", 4, v);
	}
	sputs(ERR, "\n");
}

/* The wait in ms, no longer than until at (us, 0: none) from t. */
static __attribute__((noinline)) int wait_until(long long at, long long t, int next)
{
	return at && (at - t) / 1000 + 1 < next ? (int)((at - t + 999) / 1000) : next;
}

static __attribute__((noinline)) void main_loop(void)
{
	static unsigned char rbuf[65536 + 128];

	for (;;) {
		long long t;
		int next, recv_error;
		struct pollfd pfd = { P.fd, POLLIN, 0 };

		t = now_us();
		if ((P.deadline_at && t >= P.deadline_at) || (P.exit_at && t >= P.exit_at))
			exiting = 1;
		if (exiting)
			break;
		if (P.npackets && P.nreceived + P.nerrors >= P.npackets)
			break;
		if (P.deadline && P.nerrors)
			break;
		if (status_snapshot)
			status();
		do {
			next = pinger();
			next = schedule_exit(next);
		} while (next <= 0);
		t = now_us();
		next = wait_until(P.deadline_at, t, next);
		next = wait_until(P.exit_at, t, next);
		if (next < 0)
			next = 0;
		if (poll(&pfd, 1, next) < 1 || !(pfd.revents & (POLLIN | POLLERR)))
			continue;
		recv_error = pfd.revents & POLLERR;
		for (;;) {
			union sa from;
			int hops = -1, *hp = &hops;
			ssize_t n = recv_one(rbuf, sizeof(rbuf), &from, 0, IP_TTL, IPV6_HOPLIMIT, sizeof(int), (void **)&hp);

			if (n < 0) {
				if ((errno == EAGAIN && !recv_error) || errno == EINTR)
					break;
				recv_error = 0;
				if (!receive_error() && errno) {
					pwarn("recvmsg: %s\n", errtext(errno));
					break;
				}
			} else {
				memcpy(&hops, hp, sizeof(hops));
				if (!V6 && P.dgram && hops < 0)
					hops = 0;
				from.s.sa_family = (sa_family_t)(V6 ? AF_INET6 : AF_INET);
				parse_reply(rbuf, (size_t)n, &from, hops);
			}
			if (!in_flight())
				break;
		}
	}
}

/* An int option at IPPROTO_IP (name4) or IPPROTO_IPV6 (name6), by the family: setsockopt's
 * result. xipopt: iputils' "ping: WHAT: error" (exit 2) when it fails. */
static int ipopt(int name4, int name6, int val)
{
	return sockopt(V6 ? IPPROTO_IPV6 : IPPROTO_IP, V6 ? name6 : name4, val);
}

static void xipopt(int name4, int name6, int val, const char *what4, const char *what6)
{
	if (ipopt(name4, name6, val) < 0)
		pdie_errno(V6 ? what6 : what4);
}

static _Noreturn void socktype_die(const char *type)
{
	pdie(2, "socktype: SOCK_%s\nping: socket: %s\n", type, errtext(errno));
}

static void open_socket(int family)
{
	int proto = V6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP, e;

	P.fd = sys_socket(family, SOCK_RAW | SOCK_CLOEXEC, proto);
	if (P.fd >= 0 || (errno != EPERM && errno != EACCES))
		goto done;
	e = errno;
	P.fd = sys_socket(family, SOCK_DGRAM | SOCK_CLOEXEC, proto);
	P.dgram = 1;
	/* iputils tries the datagram socket first and names the type of the one that failed
	 * last: the raw one, when the datagram one was refused to this user. */
	if (P.fd < 0 && errno != EACCES && errno != EPROTONOSUPPORT && (errno != EAFNOSUPPORT || V6))
		socktype_die("DGRAM");
	if (P.fd < 0)
		errno = e;
done:
	if (P.fd < 0)
		socktype_die("RAW");
}

/* The source address, as iputils finds it: a datagram socket connected to the host. 0, or -1
 * when the host cannot be reached and another candidate is left. */
static int probe_source(const struct popts *o, int more)
{
	const char *dev = o->dev;
	union sa d = P.dst;
	socklen_t sl = sizeof(P.src);
	int fd = sys_socket(P.dst.s.sa_family, SOCK_DGRAM | SOCK_CLOEXEC, 0), on = 1;
	socklen_t dl = V6 ? sizeof(d.in6) : sizeof(d.in);

	if (fd < 0)
		pdie_errno("socket");
	bind_src(fd, dev, NULL);
	if (X && !V6 && o->tos && setsockopt(fd, IPPROTO_IP, IP_TOS, &o->tos, sizeof(o->tos)) < 0)
		pwarn("warning: QOS sockopts: %s\n", errtext(errno));
	if (X && o->mark)
		set_mark(fd, o->markval);
	d.in.sin_port = port1025();
	/* iputils leaves the family of a link-local first hop unset: its connect() dissolves the
	 * association, and the source stays ::. */
	if (V6 && (IN6_IS_ADDR_LINKLOCAL(&d.in6.sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&d.in6.sin6_addr)))
		d.s.sa_family = AF_UNSPEC;
	if (connect(fd, &d.s, dl) < 0) {
		if (!V6 && errno == EACCES) {
			if (!BROADCAST)
				pdie(2, "Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n");
			errf("WARNING: pinging broadcast address\n");
			if (setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on)) < 0)
				pdie_errno("cannot set broadcasting");
			if (connect(fd, &d.s, dl) < 0)
				pdie_errno("connect");
		} else if ((errno == EHOSTUNREACH || errno == ENETUNREACH) && more) {
			close(fd);
			return -1;
		} else if (!(V6 && errno == EINVAL)) {
			pdie_errno("connect");
		}
	}
	if (getsockname(fd, &P.src.s, &sl) < 0)
		pdie_errno("getsockname");
	P.src.in.sin_port = 0;
	P.src.s.sa_family = P.dst.s.sa_family;
	close(fd);
	/* iputils looks for the source among the device's addresses; an unspecified one is on none. */
	if (dev && !memcmp(sa_addr(&P.src), "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", V6 ? 16 : 4))
		pwarn("Warning: source address might be selected on device other than: %s\n", dev);
	return 0;
}

/* The rarer options (NSBOX_FEATURE_PING_EXTRA). */
static void extra_opt(int opt, struct popts *o)
{
	switch (opt) {
	case 'A': P.adaptive = 1; break;
	case 'b': P.broadcast = 1; break;
	case 'D': P.ptimeofday = 1; break;
	case 'f': P.flood = 1; P.numeric = 1; break;
	case 'l':
		P.preload = (int)num(gopt_arg, 1, MAX_DUP_CHK);
		if (P.uid && P.preload > 3)
			pdie(2, "cannot set preload to value greater than 3: %d\n", P.preload);
		break;
	case 'M':
		if (!strcmp(gopt_arg, "do"))
			o->pmtudisc = IP_PMTUDISC_DO;
		else if (!strcmp(gopt_arg, "dont"))
			o->pmtudisc = IP_PMTUDISC_DONT;
		else if (!strcmp(gopt_arg, "want"))
			o->pmtudisc = IP_PMTUDISC_WANT;
		else
			pdie(2, "invalid -M argument: %s\n", gopt_arg);
		break;
	case 'm':
		o->markval = (unsigned)num(gopt_arg, 0, UINT_MAX);
		o->mark = 1;
		break;
	case 'O': P.outstanding = 1; break;
	case 'p': o->pattern = gopt_arg; break;
	case 'Q': o->tos = parse_tos(gopt_arg); break;
	case 't': o->ttl = (int)num(gopt_arg, 0, 255); break;
	}
}

/* The options and the one host: -1 to go on, or the exit status. */
static int parse_opts(int argc, char **argv, struct popts *o)
{
	int opt;

	memset(&P, 0, sizeof(P));
	memset(o, 0, sizeof(*o));
	o->ttl = o->pmtudisc = -1;
	exiting = status_snapshot = 0;
	P.interval = 1000;
	P.lingertime = 10000;
	P.tmin = -1;
	P.pipesize = -1;
	P.datalen = 56;
	if (X)   /* what only PING_EXTRA's -l and -f read */
		P.preload = 1, P.screen_width = INT_MAX;
	P.uid = (int)getuid();
	put16(&P.ident, (unsigned)getpid());
	if (NSBOX_FEATURE_PING6 && !strcmp(applet_name, "ping6"))
		o->family = AF_INET6;
	while ((opt = gopt_next(argc, argv, "46AbDc:fhI:i:l:M:m:nOp:qQ:s:t:W:w:", NULL)) != -1) {
		if (strchr("AbDflMmOpQt", opt)) {
			if (!X) {
				char w[3] = { '-', (char)opt, 0 };
				left_out(w, "PING_EXTRA");
			}
			extra_opt(opt, o);
			continue;
		}
		switch (opt) {
		case '4': case '6':
			if (!NSBOX_FEATURE_PING6 && opt == '6')
				left_out("IPv6", "PING6");
			/* Without PING6 the family is never AF_INET6: -6 is left out. */
			if (NSBOX_FEATURE_PING6 && o->family == (opt == '4' ? AF_INET6 : AF_INET))
				pdie(2, "only one -4 or -6 option may be specified\n");
			o->family = opt == '4' ? AF_INET : AF_INET6;
			break;
		case 'c': P.npackets = (long)num(gopt_arg, 1, LONG_MAX); break;
		case 'i':
			P.interval = parse_ms(gopt_arg, "bad timing interval", 1);
			P.opt_interval = 1;
			break;
		case 'I':
			/* An address is the source, of its family; anything else a device. */
			if (strchr(gopt_arg, ':')) {
				if (inet_pton(AF_INET6, gopt_arg, &o->src.in6.sin6_addr) != 1)
					pdie(2, "invalid source address: %s\n", gopt_arg);
				o->src.s.sa_family = AF_INET6, o->strict = 1;
			} else if (inet_pton(AF_INET, gopt_arg, &o->src.in.sin_addr) == 1) {
				o->src.s.sa_family = AF_INET, o->strict = 1;
			} else {
				o->dev = gopt_arg;
			}
			break;
		case 'n': case 'q': *(opt == 'n' ? &P.numeric : &P.quiet) = 1; break;
		case 's': P.datalen = (size_t)num(gopt_arg, 0, INT_MAX); break;
		case 'W':
			P.lingertime = parse_ms(gopt_arg, "bad linger time", 0);
			break;
		case 'w': P.deadline = (int)num(gopt_arg, 0, INT_MAX); break;
		case 'h':
			outs(USAGE_TEXT(ping_usage));
			return 2;
		default:
			sputs(ERR, USAGE_TEXT(ping_usage));
			return 2;
		}
	}
	if (gopt_ind >= argc) {
		pwarn("usage error: Destination address required\n");
		return 1;
	}
	if (gopt_ind + 1 < argc) {
		sputs(ERR, USAGE_TEXT(ping_usage));
		return 2;
	}
	return -1;
}

/* The payload, then the first of the host's addresses that will do (and its source). */
static __attribute__((noinline)) void choose_dst(struct popts *o)
{
	union sa cand[MAXCAND] = { { .s = { 0 } } };
	static char canons[MAXCAND][DNS_NAME_MAX];
	int ncand, k;

	check_datalen(MAXDATA6);
	/* The payload: its byte offsets, unless -p gives a pattern (printed before anything). */
	for (size_t i = 0; i < P.datalen; i++)
		P.outpack[8 + i] = (unsigned char)i;
	if (X && o->pattern)
		fill(o->pattern);
	ncand = resolve(host_name, cand, canon_name, canons);
	if (!MULTI)
		ncand = 1;
	for (k = 0; MULTI && k < ncand && o->family && cand[k].s.sa_family != o->family; k++)
		;
	if (k == ncand)
		pdie(2, "%s: %s\n", host_name, gai_text(RES_ADDRFAMILY));
	for (;; k++) {
		int more = 0;
		if (MULTI && o->family && cand[k].s.sa_family != o->family)
			continue;
		for (int j = k + 1; j < ncand; j++)
			more |= !o->family || cand[j].s.sa_family == o->family;
		P.dst = cand[k];
		if (MULTI)
			memcpy(canon_name, canons[k], sizeof(canon_name));
		P.v6 = P.dst.s.sa_family == AF_INET6;
		if (!V6)
			check_datalen(MAXDATA4);
		if (o->src.s.sa_family == P.dst.s.sa_family)
			P.src = o->src;
		else
			memset(&P.src, 0, sizeof(P.src)), P.src.s.sa_family = P.dst.s.sa_family;
		/* A source of the host's family is taken as it is: iputils probes only without. */
		if (o->src.s.sa_family == P.dst.s.sa_family || !probe_source(o, more))
			break;
	}
}

static void setup_socket(struct popts *o)
{
	int hold;

	open_socket(P.dst.s.sa_family);
	if (X && o->tos)
		xipopt(IP_TOS, IPV6_TCLASS, o->tos, "setsockopt", "setsockopt");
	bind_src(P.fd, o->dev, o->strict ? &P.src : NULL);
	if (!V6 && P.dst.in.sin_addr.s_addr == INADDR_ANY)
		P.dst.in.sin_addr = P.src.in.sin_addr;
	if (BROADCAST || (V6 ? P.dst.in6.sin6_addr.s6_addr[0] == 0xff : (*(const uint8_t *)&P.dst.in.sin_addr & 0xf0) == 0xe0)) {
		P.multicast = BROADCAST || !V6 || P.dst.in6.sin6_addr.s6_addr[0] == 0xff;
		if (P.uid) {
			if (P.interval < 1000)
				pdie(2, V6 ? "multicast ping with too short interval: %d\n" : "broadcast ping with too short interval: %d\n", P.interval);
			if (X && o->pmtudisc >= 0 && o->pmtudisc != IP_PMTUDISC_DO)
				pdie(2, V6 ? "multicast ping does not fragment\n" : "broadcast ping does not fragment\n");
		}
		if (!X || o->pmtudisc < 0)
			o->pmtudisc = IP_PMTUDISC_DO;
	}
	/* IP_PMTUDISC_* and IPV6_PMTUDISC_* have the same values. */
	if (o->pmtudisc >= 0)
		xipopt(IP_MTU_DISCOVER, IPV6_MTU_DISCOVER, o->pmtudisc, "IP_MTU_DISCOVER", "IPV6_MTU_DISCOVER");
	if (!P.dgram && !V6) {
		if (sockopt(SOL_RAW, ICMP_FILTER, (int)~(1u << ICMP_SOURCE_QUENCH | 1u << ICMP_DEST_UNREACH |
			    1u << ICMP_TIME_EXCEEDED | 1u << ICMP_PARAMETERPROB | 1u << ICMP_REDIRECT | 1u << ICMP_ECHOREPLY)) < 0)
			pwarn("WARNING: setsockopt(ICMP_FILTER): %s\n", errtext(errno));
	} else if (V6 && !P.dgram) {
		struct icmp6_filter f6;
		ICMP6_FILTER_SETBLOCKALL(&f6);
		ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &f6);
		if (setsockopt(P.fd, IPPROTO_ICMPV6, ICMP6_FILTER, &f6, sizeof(f6)) < 0)
			pdie_errno("setsockopt(ICMP6_FILTER)");
	}
	xipopt(IP_RECVERR, IPV6_RECVERR, 1, "IP_RECVERR", "IPV6_RECVERR");
	/* The hop limit (or a datagram socket's TTL) comes as ancillary data. */
	if (V6 || P.dgram)
		ipopt(IP_RECVTTL, IPV6_RECVHOPLIMIT, 1);
	/* Buffers for preload probes and their replies: iputils' estimate of one packet's cost. */
	hold = (int)P.datalen + 8;
	hold += ((hold + 511) / 512) * ((V6 ? 40 : 20) + 16 + 64 + 160);
	sockopt(SOL_SOCKET, SO_SNDBUF, hold);
	{
		int rcv = hold * PRELOAD, got = rcv < 65536 ? 65536 : rcv;
		socklen_t gl = sizeof(got);
		sockopt(SOL_SOCKET, SO_RCVBUF, got);
		if (!getsockopt(P.fd, SOL_SOCKET, SO_RCVBUF, &got, &gl) && got < rcv)
			pwarn("WARNING: probably, rcvbuf is not enough to hold preload\n");
	}
	if (BROADCAST && sockopt(SOL_SOCKET, SO_BROADCAST, 1) < 0)
		pdie_errno("cannot set broadcasting");
	if (X && o->ttl >= 0) {
		if (ipopt(IP_MULTICAST_TTL, IPV6_MULTICAST_HOPS, o->ttl) < 0)
			pdie(2, V6 ? "can't set multicast hop limit: %s\n" : "cannot set multicast time-to-live: %s\n",
			    errtext(errno));
		if (ipopt(IP_TTL, IPV6_UNICAST_HOPS, o->ttl) < 0)
			pdie(2, V6 ? "can't set unicast hop limit: %s\n" : "cannot set unicast time-to-live: %s\n",
			    errtext(errno));
	}
}

static void print_banner(const struct popts *o)
{
	P.timing = P.datalen >= TV_LEN;

	if (V6) {
		char a[HDB_NAMESZ + PR_ADDRSZ + 4];
		outf("PING %s(%s) ", host_name, pr_addr(&P.dst, a));
	} else {
		char a[PR_ADDRSZ];
		outf("PING %s (%s) ", canon_name, fmt_inet(AF_INET, &P.dst.in.sin_addr, 4, a));
	}
	if (o->dev || o->strict) {
		char a[HDB_NAMESZ + PR_ADDRSZ + 4];
		int n = P.numeric;
		P.numeric = 1;
		outf("from %s %s: ", pr_addr(&P.src, a), o->dev ? o->dev : "");
		P.numeric = n;
	}
	if (V6)
		outf("%zu data bytes\n", P.datalen);
	else
		outf("%zu(%zu) bytes of data.\n", P.datalen, P.datalen + 28);
	out_flush();
}

int ping_main(int argc, char **argv)
{
	struct popts o;
	int rc = parse_opts(argc, argv, &o);

	if (rc >= 0)
		return rc;
	host_name = argv[gopt_ind];
	choose_dst(&o);
	setup_socket(&o);
	print_banner(&o);

	/* iputils' setup(). */
	if (FLOOD && !P.opt_interval)
		P.interval = 0;
	if (P.interval < 0)
		P.interval = P.uid ? P.interval : 0;
	if (P.uid && P.interval < MINUSERINTERVAL)
		pdie(2, "cannot flood; minimal interval allowed for user is %dms\n", MINUSERINTERVAL);
	/* Without PING_EXTRA there is no preload, and -i stays below INT_MAX ms. */
	if (X && P.interval >= INT_MAX / PRELOAD)
		pdie(2, "illegal preload and/or interval: %d\n", P.interval);
	if (X && o.mark)
		set_mark(P.fd, o.markval);
	{
		struct timeval tv = { 1, 0 };
		if (P.interval < 1000)
			tv.tv_sec = 0, tv.tv_usec = 1000 * SCHINT(P.interval);
		setsockopt(P.fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	}
	if (FLOOD && isatty(1)) {   /* the width matters to -f only */
		struct winsize w;
		if (ioctl(1, TIOCGWINSZ, &w) != -1 && w.ws_col > 0)
			P.screen_width = w.ws_col;
	}
	sys_sigaction(SIGINT, on_signal);
	sys_sigaction(SIGALRM, on_signal);
	sys_sigaction(SIGQUIT, on_signal);
	P.start = now_us();
	if (P.deadline)
		P.deadline_at = P.start + P.deadline * 1000000LL;

	main_loop();
	finish();
	close(P.fd);
	return !P.nreceived || (P.deadline && P.nreceived < P.npackets);
}
