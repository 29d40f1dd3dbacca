/* floor: each benchmark workload done with the fewest syscalls over one raw NETLINK_ROUTE socket
 * (three for `addrs`, which streams three dumps side by side instead of storing any). It is the
 * cost no `ip` can beat: no option parsing, no name lookups it can avoid, no stdio. It still does
 * the whole job: it waits for every ACK, reports kernel errors, and prints the same bytes as
 * iproute2 for the links and addresses the benchmark creates (workloads.sh checks that).
 *
 *   floor show DEV              ip link show DEV
 *   floor add NAME KIND         ip link add NAME type KIND
 *   floor addn PFX KIND N       N of those on one socket (names PFX0..), as ip -batch would
 *   floor veth N NS             vI type veth peer name pI netns ns(I % NS), I < N, one socket
 *   floor links | addrs         ip -o link show | ip -o addr show
 *   floor addrn PFX N           10.(I>>16).(I>>8&255).(I&255)/32 on PFXI (benchmark setup)
 *   floor flush                 delete every link but lo (benchmark cleanup)
 *   floor hold PFX N            keep RUNDIR/PFX0.. alive in a child (printed pid) until killed
 *   floor nsadd NAME | nsdel NAME | nsexec NAME PROG [ARG...]   ip netns add | del | exec
 * Exit: 0, 1 usage or local error, 2 the kernel refused. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

#define RUNDIR "/run/netns"
#define INFINITY_LIFE_TIME 0xFFFFFFFFu

extern char **environ;

/* ---- output: one buffer, write(2) when full and at exit ---- */
static char out[32768];
static size_t outn;

static void flush_out(void)
{
	size_t off = 0;
	while (off < outn) {
		ssize_t n = write(1, out + off, outn - off);
		if (n <= 0)
			_exit(1);
		off += (size_t)n;
	}
	outn = 0;
}

static void put_mem(const char *s, size_t n)
{
	if (outn + n > sizeof(out))
		flush_out();
	memcpy(out + outn, s, n);
	outn += n;
}

static void put_s(const char *s) { put_mem(s, strlen(s)); }

static void put_u(unsigned long v)
{
	char b[24];
	int i = sizeof(b);
	do
		b[--i] = (char)('0' + v % 10);
	while (v /= 10);
	put_mem(b + i, sizeof(b) - (size_t)i);
}

static void put_hw(const unsigned char *a, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char b[3 * 32];
	size_t k = 0;
	if (n > 32)
		n = 32;
	for (size_t i = 0; i < n; i++) {
		if (i)
			b[k++] = ':';
		b[k++] = hex[a[i] >> 4];
		b[k++] = hex[a[i] & 15];
	}
	put_mem(b, k);
}

static void put_ip(int family, const void *a)
{
	char b[INET6_ADDRSTRLEN];
	if (family == AF_INET) {
		const unsigned char *p = a;
		for (int i = 0; i < 4; i++) {
			if (i)
				put_mem(".", 1);
			put_u(p[i]);
		}
		return;
	}
	put_s(inet_ntop(family, a, b, sizeof(b)) ? b : "?");
}

static void die(const char *what, int err, int code)
{
	flush_out();
	write(2, what, strlen(what));
	if (err) {
		const char *s = strerror(err);
		write(2, ": ", 2);
		write(2, s, strlen(s));
	}
	write(2, "\n", 1);
	_exit(code);
}

/* ---- netlink: build a request in place, send it, read replies ---- */
static char rbuf[32768] __attribute__((aligned(8)));
static char req[512] __attribute__((aligned(8)));

static struct nlmsghdr *msg_init(uint16_t type, uint16_t flags, size_t extra)
{
	struct nlmsghdr *h = (struct nlmsghdr *)req;
	memset(req, 0, NLMSG_HDRLEN + extra);
	h->nlmsg_len = NLMSG_HDRLEN + NLMSG_ALIGN(extra);
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = 1;
	return h;
}

static struct nlattr *attr(struct nlmsghdr *h, uint16_t type, const void *d, size_t n)
{
	struct nlattr *a = (struct nlattr *)((char *)h + h->nlmsg_len);
	a->nla_type = type;
	a->nla_len = (uint16_t)(NLA_HDRLEN + n);
	if (n)
		memcpy((char *)a + NLA_HDRLEN, d, n);
	memset((char *)a + a->nla_len, 0, NLA_ALIGN(a->nla_len) - a->nla_len);
	h->nlmsg_len += NLA_ALIGN(a->nla_len);
	return a;
}

static void attr_u32(struct nlmsghdr *h, uint16_t type, uint32_t v) { attr(h, type, &v, 4); }
static void attr_str(struct nlmsghdr *h, uint16_t type, const char *s) { attr(h, type, s, strlen(s) + 1); }
static void nest_end(struct nlmsghdr *h, struct nlattr *a)
{
	a->nla_len = (uint16_t)((char *)h + h->nlmsg_len - (char *)a);
}

static int nl_socket(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		die("socket", errno, 1);
	return fd;
}

static void nl_send(int fd, const struct nlmsghdr *h)
{
	static const struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	if (sendto(fd, h, h->nlmsg_len, 0, (const struct sockaddr *)&kernel, sizeof(kernel)) < 0)
		die("sendto", errno, 1);
}

static ssize_t nl_recv(int fd)
{
	ssize_t n;
	do
		n = recv(fd, rbuf, sizeof(rbuf), 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		die("recv", errno, 1);
	return n;
}

/* One request, one ACK: the error code of the ACK, 0 when the kernel accepted it. */
static int nl_talk(int fd, const struct nlmsghdr *h)
{
	nl_send(fd, h);
	for (;;) {
		ssize_t n = nl_recv(fd);
		for (struct nlmsghdr *r = (struct nlmsghdr *)rbuf; NLMSG_OK(r, n); r = NLMSG_NEXT(r, n))
			if (r->nlmsg_type == NLMSG_ERROR)
				return -((struct nlmsgerr *)NLMSG_DATA(r))->error;
	}
}

static void nl_check(int err)
{
	if (err)
		die("RTNETLINK answers", err, 2);
}

/* ---- a dump read as a stream of messages, so three can be walked side by side ---- */
struct dump {
	int fd;
	char *buf;
	ssize_t len;
	struct nlmsghdr *cur;
	int done;
};

static void dump_start(struct dump *d, char *buf, uint16_t type, unsigned char family)
{
	struct nlmsghdr *h = msg_init(type, NLM_F_REQUEST | NLM_F_DUMP,
				     type == RTM_GETLINK ? sizeof(struct ifinfomsg) : sizeof(struct ifaddrmsg));
	((unsigned char *)NLMSG_DATA(h))[0] = family;
	if (type == RTM_GETLINK)
		attr_u32(h, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	d->fd = nl_socket();
	d->buf = buf;
	d->len = 0;
	d->cur = NULL;
	d->done = 0;
	nl_send(d->fd, h);
}

/* The next message of the dump, or NULL at its end. */
static struct nlmsghdr *dump_next(struct dump *d)
{
	for (;;) {
		if (d->done)
			return NULL;
		if (d->cur)
			d->cur = NLMSG_NEXT(d->cur, d->len);
		if (!d->cur || !NLMSG_OK(d->cur, d->len)) {
			ssize_t n;
			do
				n = recv(d->fd, d->buf, 32768, 0);
			while (n < 0 && errno == EINTR);
			if (n < 0)
				die("recv", errno, 1);
			d->len = n;
			d->cur = (struct nlmsghdr *)d->buf;
			if (!NLMSG_OK(d->cur, d->len))
				die("short netlink message", 0, 1);
		}
		if (d->cur->nlmsg_type == NLMSG_DONE) {
			d->done = 1;
			return NULL;
		}
		if (d->cur->nlmsg_type == NLMSG_ERROR)
			nl_check(-((struct nlmsgerr *)NLMSG_DATA(d->cur))->error);
		return d->cur;
	}
}

/* ---- printing links and addresses as iproute2 does ---- */
static void parse(struct nlattr **tb, int max, const struct nlmsghdr *h, size_t hdr)
{
	int len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(hdr);
	memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
	for (struct rtattr *a = (struct rtattr *)((char *)NLMSG_DATA(h) + NLMSG_ALIGN(hdr)); RTA_OK(a, len);
	     a = RTA_NEXT(a, len))
		if (a->rta_type <= max)
			tb[a->rta_type] = (struct nlattr *)a;
}

#define ADATA(a) ((void *)((char *)(a) + NLA_HDRLEN))
#define AU32(a) (*(uint32_t *)ADATA(a))
#define ALEN(a) ((size_t)((a)->nla_len - NLA_HDRLEN))

static const char *const flag_names[] = {
	"UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NOTRAILERS", "RUNNING", "NOARP",
	"PROMISC", "ALLMULTI", "MASTER", "SLAVE", "MULTICAST", "PORTSEL", "AUTOMEDIA", "DYNAMIC",
	"LOWER_UP", "DORMANT", "ECHO",
};
/* iproute2's order, as bit numbers. */
static const unsigned char flag_order[] = { 3, 1, 4, 12, 7, 9, 8, 10, 11, 2, 15, 14, 13, 5, 0, 16, 17, 18 };
static const char *const operstates[] = { "UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
					   "TESTING", "DORMANT", "UP" };

static void print_link(const struct nlmsghdr *h, int oneline)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(h);
	struct nlattr *tb[IFLA_MAX + 1];
	unsigned flags = ifi->ifi_flags;
	int first = 1;

	parse(tb, IFLA_MAX, h, sizeof(*ifi));
	if (!tb[IFLA_IFNAME])
		return;
	put_u((unsigned)ifi->ifi_index);
	put_s(": ");
	put_s(ADATA(tb[IFLA_IFNAME]));
	if (tb[IFLA_LINK] && AU32(tb[IFLA_LINK]) != (uint32_t)ifi->ifi_index) {
		put_s("@if");
		put_u(AU32(tb[IFLA_LINK]));
	}
	put_s(": <");
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING)) {
		put_s("NO-CARRIER");
		first = 0;
	}
	flags &= ~(unsigned)IFF_RUNNING;
	for (size_t i = 0; i < sizeof(flag_order); i++)
		if (flags & (1u << flag_order[i])) {
			if (!first)
				put_s(",");
			put_s(flag_names[flag_order[i]]);
			first = 0;
		}
	put_s("> mtu ");
	put_u(tb[IFLA_MTU] ? AU32(tb[IFLA_MTU]) : 0);
	if (tb[IFLA_QDISC]) {
		put_s(" qdisc ");
		put_s(ADATA(tb[IFLA_QDISC]));
	}
	if (tb[IFLA_MASTER]) {
		put_s(" master if");
		put_u(AU32(tb[IFLA_MASTER]));
	}
	if (tb[IFLA_OPERSTATE]) {
		unsigned char s = *(unsigned char *)ADATA(tb[IFLA_OPERSTATE]);
		put_s(" state ");
		if (s < sizeof(operstates) / sizeof(operstates[0]))
			put_s(operstates[s]);
		else
			put_u(s);
	}
	if (tb[IFLA_LINKMODE])
		put_s(*(unsigned char *)ADATA(tb[IFLA_LINKMODE]) ? " mode DORMANT" : " mode DEFAULT");
	if (tb[IFLA_GROUP]) {
		put_s(" group ");
		if (AU32(tb[IFLA_GROUP]))
			put_u(AU32(tb[IFLA_GROUP]));
		else
			put_s("default");
	}
	if (tb[IFLA_TXQLEN]) {
		put_s(" qlen ");
		put_u(AU32(tb[IFLA_TXQLEN]));
	}
	put_s(oneline ? "\\    link/" : "\n    link/");
	if (ifi->ifi_type == ARPHRD_ETHER)
		put_s("ether");
	else if (ifi->ifi_type == ARPHRD_LOOPBACK)
		put_s("loopback");
	else if (ifi->ifi_type == ARPHRD_NONE)
		put_s("none");
	else {
		put_s("[");
		put_u(ifi->ifi_type);
		put_s("]");
	}
	if (tb[IFLA_ADDRESS]) {
		put_s(" ");
		put_hw(ADATA(tb[IFLA_ADDRESS]), ALEN(tb[IFLA_ADDRESS]));
	}
	if (tb[IFLA_BROADCAST]) {
		put_s(" brd ");
		put_hw(ADATA(tb[IFLA_BROADCAST]), ALEN(tb[IFLA_BROADCAST]));
	}
	put_s("\n");
}

static void put_lft(uint32_t v)
{
	if (v == INFINITY_LIFE_TIME) {
		put_s("forever");
	} else {
		put_u(v);
		put_s("sec");
	}
}

static void print_addr(const struct nlmsghdr *h, const char *dev)
{
	const struct ifaddrmsg *ifa = NLMSG_DATA(h);
	struct nlattr *tb[IFA_MAX + 1];
	struct nlattr *local, *peer;
	uint32_t fl;
	unsigned char sc = ifa->ifa_scope;

	parse(tb, IFA_MAX, h, sizeof(*ifa));
	local = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	peer = tb[IFA_ADDRESS];
	if (!local)
		return;
	fl = tb[IFA_FLAGS] ? AU32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	put_u(ifa->ifa_index);
	put_s(": ");
	put_s(dev);
	put_s(ifa->ifa_family == AF_INET6 ? "    inet6 " : "    inet ");
	put_ip(ifa->ifa_family, ADATA(local));
	if (tb[IFA_LOCAL] && peer && memcmp(ADATA(local), ADATA(peer), ALEN(local))) {
		put_s(" peer ");
		put_ip(ifa->ifa_family, ADATA(peer));
	}
	put_s("/");
	put_u(ifa->ifa_prefixlen);
	if (tb[IFA_BROADCAST]) {
		put_s(" brd ");
		put_ip(ifa->ifa_family, ADATA(tb[IFA_BROADCAST]));
	}
	put_s(" scope ");
	if (sc == RT_SCOPE_UNIVERSE)
		put_s("global");
	else if (sc == RT_SCOPE_HOST)
		put_s("host");
	else if (sc == RT_SCOPE_LINK)
		put_s("link");
	else if (sc == RT_SCOPE_SITE)
		put_s("site");
	else
		put_u(sc);
	put_s(" ");
	if (fl & IFA_F_SECONDARY)
		put_s(ifa->ifa_family == AF_INET6 ? "temporary " : "secondary ");
	if (!(fl & IFA_F_PERMANENT))
		put_s("dynamic ");
	if (fl & IFA_F_NODAD)
		put_s("nodad ");
	if (fl & IFA_F_OPTIMISTIC)
		put_s("optimistic ");
	if (fl & IFA_F_DADFAILED)
		put_s("dadfailed ");
	if (fl & IFA_F_DEPRECATED)
		put_s("deprecated ");
	if (fl & IFA_F_TENTATIVE)
		put_s("tentative ");
	if (fl & IFA_F_NOPREFIXROUTE)
		put_s("noprefixroute ");
	if (tb[IFA_LABEL])
		put_s(ADATA(tb[IFA_LABEL]));
	put_s("\\       valid_lft ");
	if (tb[IFA_CACHEINFO]) {
		const struct ifa_cacheinfo *ci = ADATA(tb[IFA_CACHEINFO]);
		put_lft(ci->ifa_valid);
		put_s(" preferred_lft ");
		put_lft(ci->ifa_prefered);
	} else {
		put_s("forever preferred_lft forever");
	}
	put_s("\n");
}

/* ---- the workloads ---- */
static int do_show(const char *dev)
{
	int fd = nl_socket();
	struct nlmsghdr *h = msg_init(RTM_GETLINK, NLM_F_REQUEST, sizeof(struct ifinfomsg));
	ssize_t n;

	attr_str(h, IFLA_IFNAME, dev);
	attr_u32(h, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	nl_send(fd, h);
	n = nl_recv(fd);
	for (struct nlmsghdr *r = (struct nlmsghdr *)rbuf; NLMSG_OK(r, n); r = NLMSG_NEXT(r, n)) {
		if (r->nlmsg_type == NLMSG_ERROR) {
			int err = -((struct nlmsgerr *)NLMSG_DATA(r))->error;
			if (err == ENODEV) {
				write(2, "Device \"", 8);
				write(2, dev, strlen(dev));
				die("\" does not exist.", 0, 1);
			}
			nl_check(err);
		}
		if (r->nlmsg_type == RTM_NEWLINK)
			print_link(r, 0);
	}
	flush_out();
	return 0;
}

static struct nlmsghdr *newlink(const char *name, const char *kind)
{
	struct nlmsghdr *h = msg_init(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE,
				      sizeof(struct ifinfomsg));
	struct nlattr *li;

	attr_str(h, IFLA_IFNAME, name);
	li = attr(h, IFLA_LINKINFO, NULL, 0);
	attr(h, IFLA_INFO_KIND, kind, strlen(kind));
	nest_end(h, li);
	return h;
}

/* "PFX" + decimal I into b. */
static const char *numbered(char *b, const char *pfx, unsigned long i)
{
	size_t n = strlen(pfx);
	char d[24];
	int k = sizeof(d);
	memcpy(b, pfx, n);
	do
		d[--k] = (char)('0' + i % 10);
	while (i /= 10);
	memcpy(b + n, d + k, sizeof(d) - (size_t)k);
	b[n + sizeof(d) - (size_t)k] = 0;
	return b;
}

static unsigned long num(const char *s)
{
	unsigned long v = 0;
	if (!*s)
		die("bad number", 0, 1);
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			die("bad number", 0, 1);
		v = v * 10 + (unsigned long)(*s - '0');
	}
	return v;
}

static int do_addn(const char *pfx, const char *kind, unsigned long n)
{
	int fd = nl_socket();
	char name[IFNAMSIZ + 24];
	if (strlen(pfx) > 8)
		die("prefix too long", 0, 1);
	for (unsigned long i = 0; i < n; i++)
		nl_check(nl_talk(fd, newlink(numbered(name, pfx, i), kind)));
	return 0;
}

static int do_veth(unsigned long n, unsigned long nns)
{
	int fd = nl_socket(), nsfd[64];
	char name[64], path[64];
	if (!nns || nns > 64)
		die("1 to 64 namespaces", 0, 1);
	for (unsigned long k = 0; k < nns; k++) {
		memcpy(path, RUNDIR "/", sizeof(RUNDIR));
		numbered(path + sizeof(RUNDIR), "ns", k);
		nsfd[k] = open(path, O_RDONLY | O_CLOEXEC);
		if (nsfd[k] < 0)
			die(path, errno, 1);
	}
	for (unsigned long i = 0; i < n; i++) {
		struct nlmsghdr *h = msg_init(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE,
					      sizeof(struct ifinfomsg));
		struct nlattr *li, *data, *peer;
		attr_str(h, IFLA_IFNAME, numbered(name, "v", i));
		li = attr(h, IFLA_LINKINFO, NULL, 0);
		attr(h, IFLA_INFO_KIND, "veth", 4);
		data = attr(h, IFLA_INFO_DATA, NULL, 0);
		peer = attr(h, VETH_INFO_PEER, NULL, 0);
		memset((char *)h + h->nlmsg_len, 0, sizeof(struct ifinfomsg));
		h->nlmsg_len += sizeof(struct ifinfomsg);
		attr_u32(h, IFLA_NET_NS_FD, (uint32_t)nsfd[i % nns]);
		attr_str(h, IFLA_IFNAME, numbered(name, "p", i));
		nest_end(h, peer);
		nest_end(h, data);
		nest_end(h, li);
		nl_check(nl_talk(fd, h));
	}
	return 0;
}

static int do_links(void)
{
	static char buf[32768] __attribute__((aligned(8)));
	struct dump d;
	struct nlmsghdr *h;
	dump_start(&d, buf, RTM_GETLINK, AF_UNSPEC);
	while ((h = dump_next(&d)))
		if (h->nlmsg_type == RTM_NEWLINK)
			print_link(h, 1);
	flush_out();
	return 0;
}

/* The link dump and the two address dumps all come in ifindex order: walk them side by side,
 * printing each link's IPv4 then IPv6 addresses, with nothing stored. */
static int do_addrs(void)
{
	static char b0[32768] __attribute__((aligned(8)));
	static char b1[32768] __attribute__((aligned(8)));
	static char b2[32768] __attribute__((aligned(8)));
	struct dump dl, d4, d6;
	struct nlmsghdr *l, *a4, *a6;

	dump_start(&dl, b0, RTM_GETLINK, AF_UNSPEC);
	dump_start(&d4, b1, RTM_GETADDR, AF_INET);
	dump_start(&d6, b2, RTM_GETADDR, AF_INET6);
	a4 = dump_next(&d4);
	a6 = dump_next(&d6);
	while ((l = dump_next(&dl))) {
		const struct ifinfomsg *ifi = NLMSG_DATA(l);
		struct nlattr *tb[IFLA_MAX + 1];
		const char *dev;
		if (l->nlmsg_type != RTM_NEWLINK)
			continue;
		parse(tb, IFLA_MAX, l, sizeof(*ifi));
		dev = tb[IFLA_IFNAME] ? ADATA(tb[IFLA_IFNAME]) : "?";
		for (; a4 && ((struct ifaddrmsg *)NLMSG_DATA(a4))->ifa_index <= (unsigned)ifi->ifi_index;
		     a4 = dump_next(&d4))
			if (((struct ifaddrmsg *)NLMSG_DATA(a4))->ifa_index == (unsigned)ifi->ifi_index)
				print_addr(a4, dev);
		for (; a6 && ((struct ifaddrmsg *)NLMSG_DATA(a6))->ifa_index <= (unsigned)ifi->ifi_index;
		     a6 = dump_next(&d6))
			if (((struct ifaddrmsg *)NLMSG_DATA(a6))->ifa_index == (unsigned)ifi->ifi_index)
				print_addr(a6, dev);
	}
	flush_out();
	return 0;
}

static int do_addrn(const char *pfx, unsigned long n)
{
	int fd = nl_socket();
	char name[IFNAMSIZ + 24];
	for (unsigned long i = 0; i < n; i++) {
		struct nlmsghdr *h;
		struct ifaddrmsg *ifa;
		unsigned char ip[4] = { 10, (unsigned char)(i >> 16), (unsigned char)(i >> 8), (unsigned char)i };
		unsigned idx;
		numbered(name, pfx, i);
		/* A setup helper: one lookup per address is fine here. */
		{
			struct nlmsghdr *g = msg_init(RTM_GETLINK, NLM_F_REQUEST, sizeof(struct ifinfomsg));
			ssize_t r;
			attr_str(g, IFLA_IFNAME, name);
			attr_u32(g, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
			nl_send(fd, g);
			r = nl_recv(fd);
			if (!NLMSG_OK((struct nlmsghdr *)rbuf, r) || ((struct nlmsghdr *)rbuf)->nlmsg_type != RTM_NEWLINK)
				die(name, ENODEV, 1);
			idx = (unsigned)((struct ifinfomsg *)NLMSG_DATA((struct nlmsghdr *)rbuf))->ifi_index;
		}
		h = msg_init(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE,
			     sizeof(struct ifaddrmsg));
		ifa = NLMSG_DATA(h);
		ifa->ifa_family = AF_INET;
		ifa->ifa_prefixlen = 32;
		ifa->ifa_index = idx;
		attr(h, IFA_LOCAL, ip, 4);
		attr(h, IFA_ADDRESS, ip, 4);
		nl_check(nl_talk(fd, h));
	}
	return 0;
}

/* Every link but lo goes into group 99 (cheap), then one RTM_DELLINK deletes the group in one
 * batch: deleting 1000 links one by one takes seconds (a synchronize_net each). */
static int do_flush(void)
{
	static char buf[32768] __attribute__((aligned(8)));
	static int idx[65536];
	size_t n = 0;
	struct dump d;
	struct nlmsghdr *h;
	int fd = nl_socket();

	dump_start(&d, buf, RTM_GETLINK, AF_UNSPEC);
	while ((h = dump_next(&d))) {
		const struct ifinfomsg *ifi = NLMSG_DATA(h);
		if (h->nlmsg_type == RTM_NEWLINK && !(ifi->ifi_flags & IFF_LOOPBACK) && n < 65536)
			idx[n++] = ifi->ifi_index;
	}
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		h = msg_init(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, sizeof(struct ifinfomsg));
		((struct ifinfomsg *)NLMSG_DATA(h))->ifi_index = idx[i];
		attr_u32(h, IFLA_GROUP, 99);
		int err = nl_talk(fd, h);
		if (err && err != ENODEV) /* a veth's peer can go with it */
			nl_check(err);
	}
	h = msg_init(RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, sizeof(struct ifinfomsg));
	attr_u32(h, IFLA_GROUP, 99);
	nl_check(nl_talk(fd, h));
	return 0;
}

static void ns_path(char *path, const char *name)
{
	size_t n = strlen(name);
	if (!n || n > 200 || strchr(name, '/'))
		die("bad netns name", 0, 1);
	memcpy(path, RUNDIR "/", sizeof(RUNDIR));
	memcpy(path + sizeof(RUNDIR), name, n + 1);
}

static int do_nsadd(const char *name)
{
	char path[256];
	int fd;

	ns_path(path, name);
	/* The run dir must be a shared mount so that the bind below shows in other mount
	 * namespaces; only the first add creates it and binds it onto itself. */
	for (int tries = 0; mount("", RUNDIR, "none", MS_SHARED | MS_REC, NULL) < 0; tries++) {
		if (tries < 2 && errno == ENOENT && mkdir(RUNDIR, 0755) == 0)
			continue;
		if (tries < 2 && errno == EINVAL && mount(RUNDIR, RUNDIR, "none", MS_BIND | MS_REC, NULL) == 0)
			continue;
		die("mount --make-shared " RUNDIR, errno, 1);
	}
	fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0)
		die(path, errno, 1);
	if (unshare(CLONE_NEWNET) < 0 || mount("/proc/self/ns/net", path, "none", MS_BIND, NULL) < 0) {
		int err = errno;
		unlink(path);
		die("netns", err, 1);
	}
	return 0;
}

static int do_nsdel(const char *name)
{
	char path[256];
	ns_path(path, name);
	umount2(path, MNT_DETACH);
	if (unlink(path) < 0)
		die(path, errno, 1);
	return 0;
}

static int do_nsexec(const char *name, char **argv)
{
	char path[256], etc[256];
	int fd;

	ns_path(path, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die(path, errno, 255);
	if (setns(fd, CLONE_NEWNET) < 0)
		die("setns", errno, 255);
	if (unshare(CLONE_NEWNS) < 0 || mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0)
		die("mount namespace", errno, 1);
	umount2("/sys", MNT_DETACH);
	if (mount(name, "/sys", "sysfs", 0, NULL) < 0)
		die("mount sysfs", errno, 1);
	/* /etc/netns/NAME would be bound over /etc; the benchmark has none, but the check is work
	 * every real tool must do. */
	memcpy(etc, "/etc/netns/", 11);
	memcpy(etc + 11, name, strlen(name) + 1);
	if (open(etc, O_RDONLY | O_DIRECTORY | O_CLOEXEC) >= 0)
		die("floor does not bind /etc/netns files", 0, 1);
	execve(argv[0], argv, environ);
	die(argv[0], errno, 127);
	return 127;
}

/* A child keeps the namespaces open, so that deleting their files in a benchmark does not also
 * set off their teardown (a kernel worker's job, not the tool's); it prints its pid and waits to
 * be killed, or two minutes. */
static int do_hold(const char *pfx, unsigned long n)
{
	char path[256], name[64];
	pid_t pid;

	for (unsigned long i = 0; i < n; i++) {
		ns_path(path, numbered(name, pfx, i));
		if (open(path, O_RDONLY) < 0)
			die(path, errno, 1);
	}
	pid = fork();
	if (pid < 0)
		die("fork", errno, 1);
	if (pid == 0) {
		close(1);
		close(2);
		alarm(120);
		for (;;)
			pause();
	}
	put_u((unsigned long)pid);
	put_s("\n");
	flush_out();
	return 0;
}

static const char usage[] =
	"usage: floor show DEV | add NAME KIND | addn PFX KIND N | veth N NS | links | addrs\n"
	"             addrn PFX N | flush | hold PFX N | nsadd NAME | nsdel NAME | nsexec NAME PROG [ARG...]\n";

int main(int argc, char **argv)
{
	const char *m = argc > 1 ? argv[1] : "";

	if (!strcmp(m, "show") && argc == 3)
		return do_show(argv[2]);
	if (!strcmp(m, "add") && argc == 4) {
		int fd = nl_socket();
		nl_check(nl_talk(fd, newlink(argv[2], argv[3])));
		return 0;
	}
	if (!strcmp(m, "addn") && argc == 5)
		return do_addn(argv[2], argv[3], num(argv[4]));
	if (!strcmp(m, "veth") && argc == 4)
		return do_veth(num(argv[2]), num(argv[3]));
	if (!strcmp(m, "links") && argc == 2)
		return do_links();
	if (!strcmp(m, "addrs") && argc == 2)
		return do_addrs();
	if (!strcmp(m, "addrn") && argc == 4)
		return do_addrn(argv[2], num(argv[3]));
	if (!strcmp(m, "flush") && argc == 2)
		return do_flush();
	if (!strcmp(m, "hold") && argc == 4)
		return do_hold(argv[2], num(argv[3]));
	if (!strcmp(m, "nsadd") && argc == 3)
		return do_nsadd(argv[2]);
	if (!strcmp(m, "nsdel") && argc == 3)
		return do_nsdel(argv[2]);
	if (!strcmp(m, "nsexec") && argc >= 4)
		return do_nsexec(argv[2], argv + 3);
	write(2, usage, sizeof(usage) - 1);
	return 1;
}
