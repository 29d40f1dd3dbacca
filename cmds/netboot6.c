/* netboot's IPv6: the kernel does SLAAC (accept_ra, autoconf) and duplicate address
 * detection; netboot sends router solicitations and reads the advertisements itself for
 * their DNS options (RFC 8106), runs DHCPv6 (cmds/proto/dhcp6.c) over a UDP socket on port 546
 * bound to the device, adds the address it gets, and waits until the kernel's state is what
 * network-legacy's wait_for_ipv6_auto and wait_for_ipv6_dad wait for: no tentative address,
 * and for auto6 a default route from a router advertisement. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if_arp.h>
#include <linux/rtnetlink.h>
#include "dhcp6.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"
#include "netboot6.h"
#include "ra.h"
#include "rtnl.h"
#include "sock6.h"
#include "sys.h"

static const uint8_t all_routers[16] = { 0xff, 2, [15] = 2 };
static const uint8_t all_dhcp[16] = { 0xff, 2, [13] = 1, [15] = 2 };

static struct nlsock *sk;
static struct ra_info ra;
static int have_ra;

static long long now_ms(void) { return sys_mono_us() / 1000; }

static const char *ntop6(const uint8_t *a)
{
	static char buf[2][PR_ADDRSZ];
	static int i;

	i ^= 1;
	return fmt_inet(AF_INET6, a, 16, buf[i]);
}

/* The device's IPv6 addresses as the waits need them. */
struct addrs {
	int index, ll, global, tentative, dadfailed, plen, found;
	uint8_t first[16];
	const uint8_t *want;     /* this address: found sets global */
};

static int take_addr(const struct nlmsghdr *h, void *arg)
{
	struct addrs *s = arg;
	struct addr_info ai;
	const struct nlattr *a;
	uint32_t fl;

	if (rtnl_addr_parse(h, &ai) || ai.ifa->ifa_family != AF_INET6 || (int)ai.ifa->ifa_index != s->index ||
	    !(a = ai.tb[IFA_ADDRESS] ? ai.tb[IFA_ADDRESS] : ai.tb[IFA_LOCAL]) || nla_len(a) != 16)
		return 0;
	fl = ai.ifa->ifa_flags;
	if (ai.tb[IFA_FLAGS] && nla_len(ai.tb[IFA_FLAGS]) == 4)
		memcpy(&fl, nla_data(ai.tb[IFA_FLAGS]), 4);
	s->found |= s->want && !memcmp(nla_data(a), s->want, 16);
	s->tentative |= !!(fl & IFA_F_TENTATIVE);
	s->dadfailed |= !!(fl & IFA_F_DADFAILED);
	if (ai.ifa->ifa_scope == RT_SCOPE_LINK) {
		s->ll |= !(fl & (IFA_F_TENTATIVE | IFA_F_DADFAILED));
	} else if ((ai.ifa->ifa_scope == RT_SCOPE_UNIVERSE || ai.ifa->ifa_scope == RT_SCOPE_SITE) &&
		   !(fl & (IFA_F_TENTATIVE | IFA_F_DADFAILED)) &&
		   (!s->want || !memcmp(nla_data(a), s->want, 16)) && !s->global++) {
		memcpy(s->first, nla_data(a), 16);
		s->plen = ai.ifa->ifa_prefixlen;
	}
	return 0;
}

static int get_addrs(int idx, const uint8_t *want, struct addrs *s)
{
	struct rtnl_filter f = { .family = AF_INET6, .ifindex = idx };

	memset(s, 0, sizeof(*s));
	s->index = idx;
	s->want = want;
	return rtnl_addr_dump(sk, &f, take_addr, s);
}

struct defrt { int oif, found; uint8_t gw[16]; };

static int take_route(const struct nlmsghdr *h, void *arg)
{
	struct defrt *d = arg;
	struct route_info ri;
	uint32_t oif = 0;

	if (rtnl_route_parse(h, &ri) || ri.rtm->rtm_family != AF_INET6 || ri.rtm->rtm_dst_len ||
	    ri.rtm->rtm_protocol != RTPROT_RA || rtnl_route_table(&ri) != RT_TABLE_MAIN || nla_get_u32(ri.tb[RTA_OIF], &oif) ||
	    (int)oif != d->oif || d->found)
		return 0;
	d->found = 1;
	if (ri.tb[RTA_GATEWAY] && nla_len(ri.tb[RTA_GATEWAY]) == 16)
		memcpy(d->gw, nla_data(ri.tb[RTA_GATEWAY]), 16);
	return 0;
}

static int default_route(int idx, uint8_t gw[16])
{
	struct rtnl_filter f = { .family = AF_INET6 };
	struct defrt d = { .oif = idx };

	rtnl_route_dump(sk, &f, take_route, &d);
	if (d.found)
		memcpy(gw, d.gw, 16);
	return d.found;
}

/* The advertisements queued on fd: the last one that parses, from a link-local router with
 * hop limit 255 (RFC 4861 6.1.2), is kept in ra. */
static void read_ras(int fd)
{
	uint8_t buf[1500], src[16];
	struct ra_info r;
	ssize_t n;
	int hops;

	while ((n = sock6_recv(fd, buf, sizeof(buf), src, &hops)) >= 0)
		if ((size_t)n <= sizeof(buf) && hops == 255 && src[0] == 0xfe && (src[1] & 0xc0) == 0x80 &&
		    !ra_parse(buf, (size_t)n, &r)) {
			ra = r;
			have_ra = 1;
		}
}

static void wait_fd(int fd, long long ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (ms > 0)
		poll(&p, 1, ms > 100 ? 100 : (int)ms);
}

/* The link-local address usable (its DAD done): DHCPv6 and solicitations are sent from it. */
static int wait_ll(int idx, const char *dev, long long end)
{
	struct addrs s;

	for (;;) {
		int err = get_addrs(idx, NULL, &s);

		if (!err && s.ll)
			return 0;
		if (now_ms() >= end) {
			msg("%s: no IPv6 link-local address%s", dev, err ? "" : s.dadfailed ? " (duplicate address detected)" : " in time");
			return -1;
		}
		wait_fd(-1, 100);
	}
}

/* auto6: solicit, and wait until an address other than link-local is there, none is
 * tentative, and the router's default route is in place (wait_for_ipv6_auto). */
static int auto6(int idx, const char *dev, long long end, int fd, struct nb6 *r)
{
	uint8_t rs[64], hw[1] = { 0 };
	size_t rsl = ra_build_rs(rs, sizeof(rs), hw, 0);
	long long next = 0;

	for (;;) {
		struct addrs s;
		long long t = now_ms();

		if (t >= next) {
			sock6_send(fd, idx, all_routers, 0, rs, rsl);
			next = t + 4000;     /* RTR_SOLICITATION_INTERVAL */
		}
		read_ras(fd);
		if (!get_addrs(idx, NULL, &s)) {
			if (s.dadfailed) {
				msg("%s: duplicate address detected", dev);
				return -1;
			}
			/* and an advertisement of our own, for its DNS options: the kernel may have
			 * taken one that came before the socket was open */
			if (have_ra && s.global && !s.tentative && default_route(idx, r->gw)) {
				memcpy(r->addr, s.first, 16);
				r->plen = s.plen;
				return 0;
			}
		}
		if (t >= end) {
			msg("%s: %s", dev, have_ra ? (ra.flags & RA_MANAGED) && !ra.nprefix ?
			    "the router advertises no prefix for SLAAC (managed: dhcp6)" : "no IPv6 address and default route in time" :
			    "no router advertisement");
			return -1;
		}
		wait_fd(fd, next - t < end - t ? next - t : end - t);
	}
}

/* ---- DHCPv6 ---- */

struct d6run {
	int fd, fd_ra, idx;
	struct d6_out m;
	struct d6_reply rep;
	long long start;
};

/* Send m, retransmitting (RFC 8415 15: IRT 1 s, doubling, MRT 30 s) until an answer that
 * ok() takes, or end: 0 with the answer in x->rep, or -1. */
static int exchange(struct d6run *x, long long end, int (*ok)(const struct d6_reply *))
{
	uint8_t out[D6_PKT_MAX], in[1500], src[16];
	long long next = 0, rt = 1000;

	for (;;) {
		long long t = now_ms();
		ssize_t n;
		int hops;

		if (t >= next) {
			long long el = (t - x->start) / 10;

			x->m.elapsed = (uint16_t)(el > 0xffff ? 0xffff : el);
			sock6_send(x->fd, x->idx, all_dhcp, 547, out, d6_build(out, sizeof(out), &x->m));
			next = t + rt;
			rt = rt * 2 > 30000 ? 30000 : rt * 2;
		}
		while ((n = sock6_recv(x->fd, in, sizeof(in), src, &hops)) >= 0)
			if ((size_t)n <= sizeof(in) && d6_parse(in, (size_t)n, &x->m, &x->rep) >= 0 && ok(&x->rep))
				return 0;
		read_ras(x->fd_ra);
		if (t >= end)
			return -1;
		wait_fd(x->fd, next - t < end - t ? next - t : end - t);
	}
}

static int has_addr(const struct d6_reply *r) { return r->has_addr; }
static int any_reply(const struct d6_reply *r) { return r->type == D6_REPLY; }

static void add_ns(struct nb6 *r, const uint8_t (*ns)[16], int n)
{
	for (int i = 0; i < n && r->nns < NB6_NS_MAX; i++) {
		int k = 0;

		while (k < r->nns && memcmp(r->ns[k], ns[i], 16))
			k++;
		if (k == r->nns)
			memcpy(r->ns[r->nns++], ns[i], 16);
	}
}

static void take_dns(const struct d6_reply *p, struct nb6 *r)
{
	add_ns(r, p->ns, p->nns);
	if (p->search[0] && !r->search[0])
		bfmt(r->search, sizeof(r->search), "%s", p->search);
}

static int add_addr(int idx, const char *dev, const struct d6_reply *p)
{
	static char buf[RTNL_BUF];
	struct addr_req q;
	struct nlb b;
	int err;

	addr_req_init(&q);
	q.family = AF_INET6;
	q.index = idx;
	q.plen = 128;        /* dhclient's default prefix length: the prefix is the router's */
	memcpy(q.local, p->addr, 16);
	q.has_cacheinfo = 1;
	q.valid_lft = p->valid;
	q.preferred_lft = p->preferred;
	rtnl_addr_build(&b, buf, sizeof(buf), RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE, &q);
	if ((err = nl_talk(sk, &b, NULL, NULL))) {
		msg("%s: cannot add %s/128: %s", dev, ntop6(p->addr), errtext(err));
		return -1;
	}
	return 0;
}

/* Solicit, Request, the address added and its DAD waited for (wait_for_ipv6_dad). */
static int dhcp6(struct d6run *x, const char *dev, long long end, long long dad_end, struct nb6 *r)
{
	struct addrs s;

	x->m.type = D6_SOLICIT;
	if (exchange(x, end, has_addr)) {
		msg("%s: no DHCPv6 offer", dev);
		return -1;
	}
	x->m.type = D6_REQUEST;
	x->m.xid[2]++;       /* a new exchange, a new transaction */
	x->m.server_len = x->rep.server_len;
	memcpy(x->m.server, x->rep.server, x->rep.server_len);
	memcpy(x->m.addr, x->rep.addr, 16);
	x->start = now_ms();
	if (exchange(x, end, any_reply) || !x->rep.has_addr) {
		msg("%s: no DHCPv6 lease%s%s", dev, x->rep.status ? ": status " : "", x->rep.status ? (x->rep.status == 2 ? "NoAddrsAvail" : "error") : "");
		return -1;
	}
	if (add_addr(x->idx, dev, &x->rep))
		return -1;
	r->dhcp = 1;
	memcpy(r->addr, x->rep.addr, 16);
	r->plen = 128;
	take_dns(&x->rep, r);
	for (;;) {
		if (!get_addrs(x->idx, x->rep.addr, &s) && s.global)
			break;
		/* the kernel drops an address of finite lifetime whose DAD failed */
		if (s.dadfailed || !s.found || now_ms() >= dad_end) {
			msg("%s: %s: %s", dev, ntop6(x->rep.addr), s.dadfailed || !s.found ? "duplicate address detected" : "still tentative");
			return -1;
		}
		wait_fd(-1, 100);
	}
	default_route(x->idx, r->gw);
	return 0;
}

static int take_hw(const struct nlmsghdr *h, void *arg)
{
	struct d6_out *m = arg;
	struct link_info li;
	size_t n;

	if (rtnl_link_parse(h, &li))
		return -EPROTO;
	if (li.tb[IFLA_ADDRESS] && (n = nla_len(li.tb[IFLA_ADDRESS])) > 0 && n <= sizeof(m->hw)) {
		m->hwtype = li.ifi->ifi_type;
		memcpy(m->hw, nla_data(li.tb[IFLA_ADDRESS]), n);
		m->hwlen = n;
	}
	return 0;
}

/* The client's DUID-LL: the device's hardware address, or (none) its index. */
static void hwaddr(int idx, struct d6_out *m)
{
	m->hwlen = 0;
	rtnl_link_get(sk, NULL, idx, RTEXT_FILTER_SKIP_STATS, take_hw, m);
	if (!m->hwlen) {
		m->hwtype = ARPHRD_NONE;
		for (int i = 0; i < 4; i++)
			m->hw[i] = (uint8_t)((unsigned)idx >> (24 - 8 * i));
		m->hwlen = 4;
	}
}

int netboot6(struct nlsock *nl, const char *dev, int idx, unsigned method, const struct dracut_net *dn, struct nb6 *r)
{
	/* set to 0, 0, then 1 each */
	const char *conf = "disable_ipv6\0forwarding\0accept_ra\0accept_redirects\0autoconf";
	long long t = now_ms(), dad_end = t + (dn->timeout_ipv6dad >= 0 ? dn->timeout_ipv6dad : 50) * 1000LL;
	long long auto_end = t + (dn->timeout_ipv6auto >= 0 ? dn->timeout_ipv6auto : 40) * 1000LL;
	static struct d6run x;
	int fd, err, rc = -1;

	sk = nl;
	have_ra = 0;
	memset(r, 0, sizeof(*r));
	for (int i = 0; i < 5; i++, conf += kw_skip(conf))
		if ((err = ipv6_conf_set(dev, conf, i < 2 ? "0" : "1"))) {
			msg("%s: cannot set net.ipv6.conf.%s.%s: %s", dev, dev, conf, errtext(err));
			return -1;
		}
	if (wait_ll(idx, dev, dad_end))
		return -1;
	if ((fd = icmp6_open(dev)) < 0) {
		msg("%s: ICMPv6 socket: %s", dev, errtext(fd));
		return -1;
	}
	memset(&x, 0, sizeof(x));
	x.idx = idx;
	x.start = now_ms();
	hwaddr(idx, &x.m);
	x.m.iaid = (uint32_t)idx;
	for (int i = 0; i < 3; i++)
		x.m.xid[i] = (uint8_t)(x.start >> (8 * i) ^ (unsigned)idx * 0x9e3779b1u >> (8 * i));
	if (method & (DR_AUTO6 | DR_EITHER6)) {
		if ((rc = auto6(idx, dev, auto_end, fd, r)) && !(method & (DR_EITHER6 | DR_DHCP6)))
			goto out;
		if (!rc) {
			add_ns(r, (const uint8_t (*)[16])ra.ns, ra.nns);
			bfmt(r->search, sizeof(r->search), "%s", ra.search);
		}
		/* either6: dhcp6 only when auto6 failed; stateless DHCPv6 when the router sets O */
		if (!rc && !(method & DR_DHCP6) && !(ra.flags & RA_OTHER))
			goto out;
	}
	if ((x.fd = udp6_open(dev, 546)) < 0) {
		msg("%s: DHCPv6 socket: %s", dev, errtext(x.fd));
		rc = -1;
		goto out;
	}
	x.fd_ra = fd;
	if (!(method & DR_DHCP6) && !rc) {
		x.m.type = D6_INFOREQ;
		if (exchange(&x, now_ms() + 10000, any_reply))
			msg("%s: no DHCPv6 answer to the Information-request", dev);
		else
			take_dns(&x.rep, r);
	} else {
		long long end = now_ms() + (dn->timeout_dhcp >= 0 ? dn->timeout_dhcp : 60) * 1000LL;

		rc = dhcp6(&x, dev, end, end + (dad_end - t), r);
	}
	sys_close(x.fd);
out:
	sys_close(fd);
	return rc;
}
