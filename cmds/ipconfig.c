/* ipconfig as klibc-utils 2.0's: DEV, `all` or an ip= spec
 * (CLIENT:SERVER:GW:NETMASK:HOSTNAME:DEVICE:AUTOCONF:DNS0:DNS1:NTP), statically or by DHCP
 * (BOOTP with -c bootp) on a packet socket, with klibc's backoff (1, 2, 4 ... 60 s), messages,
 * /run/net-DEV.conf and exit codes (0 done, 1 bad arguments or no device, 255 no answer in -t
 * seconds). Unlike klibc: links are changed over rtnetlink (the address as SIOCSIFADDR would
 * leave it), the first request goes out when a link event says the device is up and running,
 * a named device that is missing is waited for while -t runs, replies are checked strictly
 * (dhcp.c), and -t ends at its deadline. RARP is accepted and, as in klibc, never sent. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include "dhcp.h"
#include "lib.h"
#include "out.h"
#include "pktsock.h"
#include "rtnl.h"
#include "rtnl_mon.h"
#include "sys.h"

APPLET(ipconfig, ipconfig_main);

NSBOX_USAGE(usage,
	"Usage: ipconfig [-c proto] [-d interface] [-i identifier]\n"
	"\t [-n] [-p port] [-t timeout] [interface ...]\n"
	"interface: DEV, all, or [ip=]CLIENT:SERVER:GW:NETMASK:HOSTNAME:DEV:PROTO:DNS0:DNS1:NTP\n"
	"proto: on|any|dhcp|bootp|rarp|both, or none|static|off\n");

#define CAP_BOOTP 1
#define CAP_DHCP 2
#define CAP_RARP 4
enum { ST_IDLE, ST_BOOTP, ST_DISC, ST_REQ, ST_DONE, ST_ERROR };
enum { PROTO_NONE, PROTO_BOOTP, PROTO_DHCP };
static const char *const proto_name[] = { "none", "bootp", "dhcp" };
#define DEV_MAX 16

/* What a spec gives, and then what the device gets: klibc's struct netdev. */
struct dev {
	const char *name;
	char namebuf[IFNAMSIZ];
	unsigned caps;
	uint32_t ip, server, gw, mask, bcast, dns[2], serverid, leasetime;
	char reqhost[65], host[65], domain[65], nis[65], rootpath[256], filename[129];
	char search[DHCP_SEARCH_MAX];
	int nroutes;
	struct dhcp_route routes[DHCP_ROUTES_MAX];
	/* the link */
	int index, fd, bound, running;
	unsigned type, flags, mtu, cur_mtu;
	/* the exchange */
	struct dhcp_out out;
	int state, restart, retry, proto;
	long long expire, opened;
	long uptime;
};

static struct dev devs[DEV_MAX];
static int ndev, configured, first, noconf;
static unsigned default_caps = CAP_DHCP | CAP_BOOTP | CAP_RARP;
static uint16_t lport = 68, rport = 67;
static const char *prog, *vendor = "Linux ipconfig";
static long long start, deadline = -1;
static struct nlsock rq, ev;

static __attribute__((noinline)) long long now_ms(void)
{
	return sys_mono_us() / 1000;
}

static const char *ntoa(uint32_t a)
{
	static char buf[4][16];
	static int i;
	const uint8_t *b = (const uint8_t *)&a;

	i = (i + 1) & 3;
	bfmt(buf[i], sizeof(buf[i]), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf[i];
}

/* klibc's inet_aton is sscanf's "%hhu.%hhu.%hhu.%hhu": blanks and a sign before each number,
 * each taken modulo 256, anything after the fourth ignored. */
static int aton(const char *s, uint32_t *out)
{
	uint8_t *b = (uint8_t *)out;

	for (int i = 0; i < 4; i++) {
		unsigned v = 0;
		int neg = 0, any = 0;

		if (i && *s++ != '.')
			return -1;
		while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
			s++;
		if (*s == '+' || *s == '-')
			neg = *s++ == '-', any = 1;
		for (; *s >= '0' && *s <= '9'; s++, any = 1)
			v = v * 10 + (unsigned)(*s - '0');
		if (!any)
			return -1;
		b[i] = (uint8_t)(neg ? 0u - v : v);
	}
	return 0;
}

static int num(const char *s)   /* atoi */
{
	long long v = 0;
	int neg = 0;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s >= '0' && *s <= '9' && v < 100000000000LL; s++)
		v = v * 10 + (*s - '0');
	return (int)(neg ? -v : v);
}

static int parse_proto(const char *s, unsigned *caps)
{
	/* the names ("" first), and the caps of each in that order */
	static const char names[] = "\0on\0any\0both\0dhcp\0bootp\0rarp\0none\0static\0off";
	static const uint8_t tab[] = { CAP_BOOTP | CAP_DHCP | CAP_RARP, CAP_BOOTP | CAP_DHCP | CAP_RARP,
				       CAP_BOOTP | CAP_DHCP | CAP_RARP, CAP_BOOTP | CAP_RARP, CAP_BOOTP | CAP_DHCP,
				       CAP_BOOTP, CAP_RARP, 0, 0, 0 };
	const char *n = names;

	for (size_t i = 0; i < sizeof(tab); i++, n += kw_skip(n))
		if (!strcmp(s, n))
			return *caps = tab[i], 0;
	errf("%s: invalid protocol '%s'\n", prog, s);
	return -1;
}

/* ---- the link, over rtnetlink ---- */

static int take_link(const struct nlmsghdr *h, void *arg)
{
	struct dev *d = arg;
	struct link_info li;
	uint32_t mtu = 0;
	const struct nlattr *a;

	if (h->nlmsg_type != RTM_NEWLINK || rtnl_link_parse(h, &li))
		return -EPROTO;
	d->index = li.ifi->ifi_index;
	d->type = li.ifi->ifi_type;
	d->flags = li.ifi->ifi_flags;
	nla_get_u32(li.tb[IFLA_MTU], &mtu);
	d->mtu = d->cur_mtu = mtu;
	d->out.hlen = d->type == ARPHRD_ETHER ? 6 : d->type == ARPHRD_EUI64 ? 8 : 0;
	if ((a = li.tb[IFLA_ADDRESS]) && nla_len(a) >= d->out.hlen)
		memcpy(d->out.chaddr, nla_data(a), d->out.hlen);
	return 0;
}

static int take_flags(const struct nlmsghdr *h, void *arg)
{
	const struct ifinfomsg *ifi = nlmsg_data(h);

	if (h->nlmsg_type != RTM_NEWLINK || nlmsg_payload(h) < sizeof(*ifi))
		return -EPROTO;
	*(unsigned *)arg = ifi->ifi_flags;
	return 0;
}

static int talk(struct nlb *b)
{
	return nl_talk(&rq, b, NULL, NULL);
}

static int link_change(struct dev *d, unsigned flags, int mtu)
{
	char buf[RTNL_BUF];
	struct link_req r;
	struct nlb b;

	link_req_init(&r);
	r.index = d->index;
	r.flags = r.change = flags;
	rtnl_link_build(&b, buf, sizeof(buf), NLM_F_ACK, &r);
	if (mtu >= 0)
		nlb_put_u32(&b, IFLA_MTU, (uint32_t)mtu);
	return talk(&b);
}

static void set_running(struct dev *d, unsigned flags, long long now)
{
	int run = (flags & (IFF_UP | IFF_RUNNING)) == (IFF_UP | IFF_RUNNING);

	if (d->state == ST_DONE || run == d->running)
		return;
	d->running = run;
	if (!run) {
		d->state = d->restart;
		return;
	}
	/* Bound only now: a packet socket bound to a device that is down gets ENETDOWN. */
	if (!d->bound)
		d->bound = !pkt_bind(d->fd, d->index);
	d->expire = now;
}

static void ask_running(struct dev *d, long long now)
{
	unsigned flags;

	if (!rtnl_link_get(&rq, NULL, d->index, RTEXT_FILTER_SKIP_STATS, take_flags, &flags))
		set_running(d, flags, now);
}

/* One datagram of link events (poll said there is one): a device coming up and running starts
 * its exchange, going down stops it. Lost events (ENOBUFS): each device is asked again. */
static void link_events(long long now)
{
	const struct nlmsghdr *h;
	int nsid, trunc;
	ssize_t n = rtnl_mon_recv(&ev, &nsid, &trunc);
	size_t left = n > 0 ? (size_t)n : 0;

	for (int i = 0; n == -ENOBUFS && i < ndev; i++)
		ask_running(&devs[i], now);
	for (h = (const struct nlmsghdr *)ev.rx; nlmsg_ok(h, left); h = nlmsg_next(h, &left)) {
		const struct ifinfomsg *ifi = nlmsg_data(h);

		if ((h->nlmsg_type != RTM_NEWLINK && h->nlmsg_type != RTM_DELLINK) || nlmsg_payload(h) < sizeof(*ifi))
			continue;
		for (int i = 0; i < ndev; i++)
			if (devs[i].index == ifi->ifi_index)
				set_running(&devs[i], h->nlmsg_type == RTM_NEWLINK ? ifi->ifi_flags : 0, now);
	}
}

/* A device named on the command line that is not there yet: with -t, wait for it (and no
 * longer than -t) on link events. */
static int find_link(struct dev *d)
{
	int err;

	while ((err = rtnl_link_get(&rq, d->name, 0, RTEXT_FILTER_SKIP_STATS, take_link, d)) == -ENODEV &&
	       deadline >= 0) {
		long long now = now_ms();
		struct pollfd p = { ev.fd, POLLIN, 0 };
		int nsid, trunc;

		if (now >= deadline)
			break;
		if (poll(&p, 1, (int)(deadline - now)) > 0)
			rtnl_mon_recv(&ev, &nsid, &trunc);   /* any link event: ask again */
	}
	return err;
}

struct addr_pick {
	const struct dev *d;
	int found, exact, plen;
	uint32_t local, brd;
};

/* SIOCSIFADDR's address: the first of the device's IPv4 addresses labelled with its name,
 * one with the same local address first. */
static int pick_addr(const struct nlmsghdr *h, void *arg)
{
	struct addr_pick *p = arg;
	struct addr_info ai;
	const char *label;
	uint32_t local = 0, brd = 0;

	if (rtnl_addr_parse(h, &ai) || ai.ifa->ifa_family != AF_INET || (int)ai.ifa->ifa_index != p->d->index ||
	    !ai.tb[IFA_LOCAL] || nla_len(ai.tb[IFA_LOCAL]) != 4 || !(label = nla_get_str(ai.tb[IFA_LABEL])) ||
	    strcmp(label, p->d->name))
		return 0;
	memcpy(&local, nla_data(ai.tb[IFA_LOCAL]), 4);
	if (ai.tb[IFA_BROADCAST] && nla_len(ai.tb[IFA_BROADCAST]) == 4)
		memcpy(&brd, nla_data(ai.tb[IFA_BROADCAST]), 4);
	if (p->exact || (p->found && local != p->d->ip))
		return 0;
	*p = (struct addr_pick){ p->d, 1, local == p->d->ip, ai.ifa->ifa_prefixlen, local, brd };
	return 0;
}

static void addr_msg(struct nlb *b, char *buf, uint16_t type, uint16_t flags, const struct dev *d,
		     uint32_t local, int plen, uint32_t brd)
{
	struct addr_req r;

	addr_req_init(&r);
	r.family = AF_INET;
	r.index = d->index;
	r.plen = plen;
	memcpy(r.local, &local, 4);
	r.has_brd = brd != 0;
	memcpy(r.brd, &brd, 4);
	/* As the ioctl does: a loopback address is the host's. */
	if ((ntohl(local) >> 24) == 127)
		r.scope = RT_SCOPE_HOST;
	rtnl_addr_build(b, buf, RTNL_BUF, type, flags, &r);
}

/* The address, broadcast and netmask as klibc's three ioctls leave them: the address they
 * act on is replaced, or a new one added. 0, or -1 after perror's line. */
static int set_address(struct dev *d)
{
	struct rtnl_filter f = { .family = AF_INET, .ifindex = d->index };
	struct addr_pick p = { d, 0, 0, 0, 0, 0 };
	uint32_t local = d->ip, h;
	int plen = d->mask ? dhcp_mask_len(d->mask) : 32, badmask = plen < 0, err;
	const char *what = "SIOCSIFADDR";
	char buf[RTNL_BUF];
	struct nlb b;

	if (!(d->ip | d->bcast | d->mask))
		return 0;
	err = rtnl_addr_dump(&rq, &f, pick_addr, &p);
	if (!err && !local) {
		/* No address: the broadcast and netmask ioctls change the one there is. */
		local = p.local;
		if (!p.found)
			err = -EADDRNOTAVAIL, what = d->bcast ? "SIOCSIFBRDADDR" : "SIOCSIFNETMASK";
	}
	h = ntohl(local);
	if (!err && h >> 28 == 14)
		err = -EINVAL;
	/* A netmask the kernel refuses leaves the address with its class's prefix. */
	if (badmask)
		plen = !h ? 0 : h < 0x80000000u ? 8 : h < 0xc0000000u ? 16 : h < 0xe0000000u ? 24 : 32;
	if (!err && p.found && (p.local != local || p.plen != plen || p.brd != d->bcast)) {
		addr_msg(&b, buf, RTM_DELADDR, NLM_F_ACK, d, p.local, p.plen, 0);
		err = talk(&b);
	}
	if (!err) {
		addr_msg(&b, buf, RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE, d, local, plen, d->bcast);
		err = talk(&b);
	}
	if (!err && badmask)
		err = -EINVAL, what = "SIOCSIFNETMASK";
	if (err)
		errf("%s: %s\n", what, errtext(err));
	return err ? -1 : 0;
}

/* SIOCADDRT as the kernel takes it: protocol boot, no metric, a route that exists is fine. */
static int add_route(const struct dev *d, uint32_t dst, int plen, uint32_t gw, int oif)
{
	char buf[RTNL_BUF];
	struct route_req r;
	struct nlb b;
	int err;

	route_req_init(&r);
	r.dst_len = plen;
	r.has_dst = plen > 0;
	memcpy(r.dst, &dst, 4);
	r.has_gw = gw != 0;
	memcpy(r.gw, &gw, 4);
	r.oif = oif ? d->index : 0;
	rtnl_route_build(&b, buf, sizeof(buf), RTM_NEWROUTE, NLM_F_ACK | NLM_F_CREATE, &r);
	err = talk(&b);
	if (err && err != -EEXIST) {
		errf("SIOCADDRT: %s\n", errtext(err));
		return -1;
	}
	return 0;
}

static int set_routes(const struct dev *d)
{
	/* RFC 3442: with classless routes, the router option is ignored. */
	for (int i = 0; i < d->nroutes; i++)
		if (add_route(d, d->routes[i].dst, d->routes[i].plen, d->routes[i].gw, 1))
			return -1;
	return !d->nroutes && d->gw ? add_route(d, 0, 0, d->gw, 0) : 0;
}

/* ---- the result ---- */

static void put_opt(struct sink *s, const char *key, const char *v)
{
	sfmt(s, "%s='", key);
	for (; *v; v++)
		if (*v == '!' || *v == '\'')
			sfmt(s, "'\\%c'", *v);
		else
			sputc(s, *v);
	sputs(s, "'\n");
}

/* The keys after the gateway's: an address (addr) or a string of struct dev, at off. */
static const struct conf_row {
	char key[11];
	uint8_t addr;
	uint16_t off;
} conf_rows[] = {
	{ "IPV4DNS0", 1, offsetof(struct dev, dns) }, { "IPV4DNS1", 1, offsetof(struct dev, dns) + 4 },
	{ "HOSTNAME", 0, offsetof(struct dev, host) }, { "DNSDOMAIN", 0, offsetof(struct dev, domain) },
	{ "NISDOMAIN", 0, offsetof(struct dev, nis) }, { "ROOTSERVER", 1, offsetof(struct dev, server) },
	{ "ROOTPATH", 0, offsetof(struct dev, rootpath) }, { "filename", 0, offsetof(struct dev, filename) },
	{ "", 0, 0 }
};

static void write_conf(const struct dev *d)
{
	char path[40], buf[4096];
	struct sink s = { buf, 0, sizeof(buf), -1, 0 };

	bfmt(path, sizeof(path), "/run/net-%s.conf", d->name);
	if ((s.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0)
		return;
	put_opt(&s, "DEVICE", d->name);
	/* what has nothing put_opt would quote, as is */
	sfmt(&s, "PROTO='%s'\nIPV4ADDR='%s'\nIPV4BROADCAST='%s'\nIPV4NETMASK='%s'\n", proto_name[d->proto], ntoa(d->ip),
	     ntoa(d->bcast), ntoa(d->mask));
	for (int i = 0; i < d->nroutes; i++)
		sfmt(&s, "IPV4ROUTE%dSUBNET='%s/%u'\nIPV4ROUTE%dGATEWAY='%s'\n", i, ntoa(d->routes[i].dst),
		     d->routes[i].plen, i, ntoa(d->routes[i].gw));
	if (!d->nroutes)
		sfmt(&s, "IPV4GATEWAY='%s'\n", ntoa(d->gw));
	for (const struct conf_row *r = conf_rows; r->key[0]; r++) {
		const char *p = (const char *)d + r->off;

		put_opt(&s, r->key, r->addr ? ntoa(*(const uint32_t *)(const void *)p) : p);
	}
	sfmt(&s, "UPTIME='%ld'\nDHCPLEASETIME='%u'\n", d->uptime, d->leasetime);
	put_opt(&s, "DOMAINSEARCH", d->search);
	sflush(&s);
	close(s.fd);
}

static void print_conf(const struct dev *d)
{
	int sp = d->nroutes ? 3 : 5;

	outf("IP-Config: %s complete", d->name);
	if (d->proto != PROTO_NONE)
		outf(" (%s from %s)", proto_name[d->proto], ntoa(d->serverid ? d->serverid : d->server));
	outf(":\n address: %-16s broadcast: %-16s netmask: %-16s\n", ntoa(d->ip), ntoa(d->bcast), ntoa(d->mask));
	if (d->nroutes) {
		outs(" routes :");
		for (int i = 0; i < d->nroutes; i++) {
			outf("%s %s/%u", i ? "," : "", ntoa(d->routes[i].dst), d->routes[i].plen);
			if (d->routes[i].gw)
				outf(" via %s", ntoa(d->routes[i].gw));
		}
		outc('\n');
	} else {
		outf(" gateway: %-16s", ntoa(d->gw));
	}
	outf(" dns0%*c: %-16s dns1%*c: %-16s\n", sp, ' ', ntoa(d->dns[0]), 8 - sp, ' ', ntoa(d->dns[1]));
	if (d->host[0])
		outf(" host   : %-64s\n", d->host);
	if (d->domain[0])
		outf(" domain : %-64s\n", d->domain);
	if (d->nis[0])
		outf(" nisdomain: %-64s\n", d->nis);
	outf(" rootserver: %s rootpath: %s\n filename  : %s\n", ntoa(d->server), d->rootpath, d->filename);
}

static void complete(struct dev *d)
{
	long up = sys_uptime();

	d->uptime = up > 0 ? up : 0;
	if (!d->mask) {
		uint32_t h = ntohl(d->ip);
		d->mask = htonl(h < 0x80000000u ? 0xff000000u : h < 0xc0000000u ? 0xffff0000u :
				h < 0xe0000000u ? 0xffffff00u : 0);
		outf("IP-Config: %s guessed netmask %s\n", d->name, ntoa(d->mask));
	}
	if (!d->bcast) {
		d->bcast = (d->ip & d->mask) | ~d->mask;
		outf("IP-Config: %s guessed broadcast address %s\n", d->name, ntoa(d->bcast));
	}
	if (!noconf) {
		if (d->mtu != d->cur_mtu && link_change(d, 0, (int)d->mtu))
			outf("IP-Config: failed to set MTU on %s to %u\n", d->name, d->mtu);
		if (set_address(d))
			outf("IP-Config: failed to set addresses on %s\n", d->name);
		if (set_routes(d))
			outf("IP-Config: failed to set routes on %s\n", d->name);
		if (d->host[0] && sys_sethostname(d->host, strlen(d->host)))
			outf("IP-Config: failed to set hostname '%s' from %s\n", d->host, d->name);
	}
	write_conf(d);
	print_conf(d);
	close(d->fd);
	d->fd = -1;
	d->state = ST_DONE;
	configured++;
}

/* ---- the exchange ---- */

static int send_msg(struct dev *d, int type, long long now)
{
	static const uint8_t brd[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
					 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t pkt[DHCP_PKT_MAX];
	size_t len;
	int err;

	d->out.type = type;
	d->out.secs = (uint16_t)((now - d->opened) / 1000);
	d->out.ciaddr = d->ip;
	d->out.server_id = d->serverid;
	d->out.req_ip = d->ip;
	if (!(len = dhcp_build(pkt, sizeof(pkt), &d->out)))
		return -EMSGSIZE;
	if (type != DHCP_BOOTP && d->reqhost[0])
		outf("hostname %s ", d->reqhost);
	err = pkt_send(d->fd, d->index, d->type, brd, d->out.hlen, pkt, len);
	/* A link that went down and up left ENETDOWN on the socket, reported by this send. */
	if (err == -ENETDOWN)
		err = pkt_send(d->fd, d->index, d->type, brd, d->out.hlen, pkt, len);
	return err;
}

static void timeout_event(struct dev *d, long long now)
{
	int err = 0;

	if (d->state == ST_ERROR)
		d->state = d->restart;
	switch (d->state) {
	case ST_BOOTP:
		err = send_msg(d, DHCP_BOOTP, now);
		d->restart = ST_BOOTP;
		break;
	case ST_DISC:
		d->ip = d->gw = 0;
		err = send_msg(d, DHCPDISCOVER, now);
		d->restart = ST_DISC;
		break;
	case ST_REQ:
		err = send_msg(d, DHCPREQUEST, now);
		d->restart = ST_DISC;
		break;
	}
	if (err) {
		d->state = ST_ERROR;
		d->expire = now + 10000;
	} else {
		d->expire = now + d->retry * 1000LL;
		d->retry = d->retry >= 30 ? 60 : d->retry * 2;
	}
}

/* What klibc's bootp_parse keeps of a reply. */
static void take(struct dev *d, const struct dhcp_lease *l)
{
	d->ip = l->yiaddr;
	d->server = l->siaddr ? l->siaddr : l->server_id;
	d->gw = l->router ? l->router : l->giaddr;
	d->mask = l->netmask;
	d->bcast = l->broadcast;
	memcpy(d->dns, l->dns, sizeof(d->dns));
	memcpy(d->host, l->hostname, sizeof(d->host));
	memcpy(d->nis, l->nis, sizeof(d->nis));
	memcpy(d->rootpath, l->rootpath, sizeof(d->rootpath));
	memcpy(d->filename, l->filename, sizeof(d->filename));
	if (l->has_domain)
		memcpy(d->domain, l->domain, sizeof(d->domain));
	if (l->mtu >= 0)
		d->mtu = (unsigned)l->mtu;
	if (l->has_search)
		memcpy(d->search, l->search, sizeof(d->search));
	if (l->nroutes) {
		d->nroutes = l->nroutes;
		memcpy(d->routes, l->routes, sizeof(d->routes));
	}
	if (l->route_warn == 1)
		outf("IP-Config: Given Classless Route Option subnet mask width '%u' exceeds IPv4 limit of 32. "
		     "Ignoring remaining option.\n", l->warn_a);
	else if (l->route_warn == 2)
		outf("IP-Config: Given Classless Route Option remaining lengths (%u octets) is shorter than the "
		     "expected %u octets. Ignoring remaining options.\n", l->warn_a, l->warn_b);
}

/* A reply: 1 when it moved the exchange on. */
static int receive(struct dev *d, const uint8_t *pkt, size_t n, long long now)
{
	static struct dhcp_lease l;
	int t = dhcp_parse(pkt, n, &d->out, &l);

	if (t < 0)
		return 0;
	switch (d->state) {
	case ST_BOOTP:
		/* klibc takes any reply to its BOOTP request, a DHCP one included. */
		take(d, &l);
		d->proto = PROTO_BOOTP;
		complete(d);
		return 1;
	case ST_DISC:
		if (t != DHCPOFFER)
			return 0;
		take(d, &l);
		if (l.server_id)
			d->serverid = l.server_id;
		d->state = ST_REQ;
		send_msg(d, DHCPREQUEST, now);
		return 1;
	case ST_REQ:
		if ((t != DHCPACK && t != DHCPNAK) || (l.server_id && d->serverid && l.server_id != d->serverid))
			return 0;
		if (t == DHCPNAK) {
			/* Discover again when the current wait ends, as klibc does. */
			d->state = ST_DISC;
			return 1;
		}
		d->leasetime = l.lease_time;
		take(d, &l);
		d->proto = PROTO_DHCP;
		complete(d);
		return 1;
	}
	return 0;
}

static int loop(void)
{
	struct pollfd p[DEV_MAX + 1];
	static uint8_t pkt[2048];

	for (;;) {
		long long now = now_ms(), next = now + 60000;
		int pending = 0, done = 0, np = 1, handled = 0;

		p[0] = (struct pollfd){ ev.fd, POLLIN, 0 };
		for (int i = 0; i < ndev; i++) {
			struct dev *d = &devs[i];

			if (d->state == ST_DONE) {
				done++;
				continue;
			}
			pending++;
			if (!d->running)
				continue;
			if (d->expire <= now)
				timeout_event(d, now);
			if (d->expire < next)
				next = d->expire;
			p[np++] = (struct pollfd){ d->fd, POLLIN, 0 };
		}
		if (!pending || (first && done))
			return 0;
		if (deadline >= 0 && deadline < next)
			next = deadline;
		poll(p, (nfds_t)np, next > now ? (int)(next - now) : 0);
		now = now_ms();
		if (p[0].revents)
			link_events(now);
		for (int i = 0; i < ndev; i++) {
			struct dev *d = &devs[i];
			ssize_t n;

			while (d->state != ST_DONE && d->bound && (n = pkt_recv(d->fd, pkt, sizeof(pkt))) != -EAGAIN) {
				if (n < 0)
					break;
				if ((size_t)n <= sizeof(pkt))
					handled |= receive(d, pkt, (size_t)n, now);
			}
		}
		if (!handled && deadline >= 0 && now >= deadline) {
			outf("IP-Config: no response after %lld secs - giving up\n", (deadline - start) / 1000);
			return 255;
		}
	}
}

/* ---- devices ---- */

/* klibc's add_device and bringup_device: 0, or -1 when the device is left out. */
static int bring_up(struct dev *d)
{
	static const uint8_t *rnd;
	uint32_t x;
	int err;

	if ((err = find_link(d))) {
		errf("ipconfig: %s: SIOCGIFINDEX: %s\n", d->name, errtext(err));
		return -1;
	}
	if (d->type != ARPHRD_ETHER && d->type != ARPHRD_EUI64 && d->type != ARPHRD_LOOPBACK)
		return -1;
	if (d->mtu < 364 || !(d->flags & IFF_BROADCAST))
		d->caps &= ~(CAP_BOOTP | CAP_DHCP);
	if (!rnd)
		rnd = (const uint8_t *)getauxval(AT_RANDOM);
	memcpy(&x, rnd + 4 * (ndev & 3), 4);
	d->out.xid = x ^ (uint32_t)(ndev >> 2) * 0x9e3779b9u;
	d->out.htype = (uint8_t)d->type;
	d->out.vendor = vendor;
	d->out.hostname = d->reqhost;
	d->out.sport = lport;
	d->out.dport = rport;
	d->opened = now_ms();
	if ((d->fd = pkt_open()) < 0) {
		errf("socket: %s\n", errtext(d->fd));
		return -1;
	}
	outf("IP-Config: %s hardware address", d->name);
	for (unsigned i = 0; i < d->out.hlen; i++)
		outf("%c%02x", i ? ':' : ' ', d->out.chaddr[i]);
	outf(" mtu %u%s%s\n", d->mtu, d->caps & CAP_DHCP ? " DHCP" : d->caps & CAP_BOOTP ? " BOOTP" : "",
	     d->caps & CAP_RARP ? " RARP" : "");
	return 0;
}

static void start_dev(struct dev *d)
{
	int err = link_change(d, IFF_UP, -1);

	if (err) {
		errf("SIOCSIFFLAGS: %s\n", errtext(err));
		close(d->fd);
		return;
	}
	ndev++;
	if (!d->caps) {
		d->proto = PROTO_NONE;
		complete(d);
		return;
	}
	d->retry = 1;
	d->state = d->restart = d->caps & CAP_DHCP ? (d->ip ? ST_REQ : ST_DISC) : d->caps & CAP_BOOTP ? ST_BOOTP : ST_IDLE;
	/* Up and running already? Later changes come as events. */
	ask_running(d, now_ms());
}

struct all { char names[DEV_MAX][IFNAMSIZ]; int n; };

static int list_link(const struct nlmsghdr *h, void *arg)
{
	struct all *a = arg;
	struct link_info li;
	const char *name;

	if (rtnl_link_parse(h, &li) || !(name = nla_get_str(li.tb[IFLA_IFNAME])) || a->n == DEV_MAX ||
	    (li.ifi->ifi_flags & IFF_LOOPBACK) || !(li.ifi->ifi_flags & (IFF_BROADCAST | IFF_POINTOPOINT)))
		return 0;
	bfmt(a->names[a->n++], IFNAMSIZ, "%s", name);
	return 0;
}

static struct dev *new_dev(void)
{
	struct dev *d = &devs[ndev];

	if (ndev == DEV_MAX) {
		errf("%s: out of memory\n", prog);
		return NULL;
	}
	memset(d, 0, sizeof(*d));
	d->fd = -1;
	d->caps = default_caps;
	return d;
}

/* One argument: a device or a spec (klibc's parse_device), or `all`. 0, or 1 to exit 1. */
static int add_arg(char *arg)
{
	struct dev *d = new_dev(), t;
	int is_ip = 0;

	if (!d)
		return 1;
	if (!strncmp(arg, "ip=", 3))
		arg += 3, is_ip = 1;
	else if (!strncmp(arg, "nfsaddrs=", 9))
		arg += 9, is_ip = 1;
	if (!strchr(arg, ':')) {
		if (!is_ip)
			d->name = arg;
		else if (parse_proto(arg, &d->caps))
			return 1;
		else
			first = 1;
	} else {
		/* the fields that are addresses: where in struct dev, 0 for the others */
		static const unsigned char at[] = { offsetof(struct dev, ip), offsetof(struct dev, server),
						    offsetof(struct dev, gw), offsetof(struct dev, mask), 0, 0, 0,
						    offsetof(struct dev, dns), offsetof(struct dev, dns) + 4 };
		char *f = arg, *c;

		for (int i = 0; f && *f; f = c, i++) {
			if ((c = strchr(f, ':')))
				*c++ = 0;
			if (!*f || i > 8)
				continue;
			if (at[i] && aton(f, (uint32_t *)((char *)d + at[i]))) {
				errf("%s: can't parse IP address '%s'\n", prog, f);
				return 1;
			}
			if (i == 0)
				d->caps = 0;
			else if (i == 4)
				bfmt(d->host, sizeof(d->host), "%.64s", f), memcpy(d->reqhost, d->host, sizeof(d->host));
			else if (i == 5)
				d->name = f;
			else if (i == 6 && parse_proto(f, &d->caps))
				return 1;
		}
	}
	if (d->name && *d->name && strcmp(d->name, "all")) {
		if (!bring_up(d))
			start_dev(d);
		return 0;
	}
	/* Every device that could carry it: not loopback, broadcast or point-to-point. */
	{
		static struct all a;
		struct rtnl_filter f = { .family = AF_UNSPEC, .ext_mask = RTEXT_FILTER_SKIP_STATS };

		t = *d;
		first = 1;
		a.n = 0;
		rtnl_link_dump(&rq, &f, list_link, &a);
		for (int i = 0; i < a.n && (d = new_dev()); i++) {
			memcpy(d->namebuf, a.names[i], IFNAMSIZ);
			d->name = d->namebuf;
			if (bring_up(d))
				continue;
			d->ip = t.ip, d->server = t.server, d->gw = t.gw, d->mask = t.mask;
			memcpy(d->dns, t.dns, sizeof(d->dns));
			memcpy(d->host, t.host, sizeof(d->host));
			memcpy(d->reqhost, t.reqhost, sizeof(d->reqhost));
			d->caps &= t.caps;
			start_dev(d);
		}
	}
	return 0;
}

int ipconfig_main(int argc, char **argv)
{
	int i = 1, err, t;

	prog = argv[0];
	if (argc == 2 && !strcmp(argv[1], "--help")) {
		outs(USAGE_TEXT(usage));
		return 0;
	}
	start = now_ms();
	if ((err = nl_open(&rq, NETLINK_ROUTE)) || (err = rtnl_mon_open(&ev)) || (err = rtnl_mon_join(&ev, RTNLGRP_LINK)))
		die(1, "%s: cannot open netlink socket: %s\n", prog, errtext(err));
	/* klibc's getopt("c:d:i:onp:t:"): options up to the first operand, and one message. */
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		char *o = argv[i] + 1;

		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (; *o; o++) {
			char *arg = NULL;

			if (strchr("cdipt", *o)) {
				if (o[1])
					arg = o + 1;
				else if (i + 1 < argc)
					arg = argv[++i];
				else
					die(1, "%s: invalid option -%c\n", prog, 0);
			} else if (*o != 'o' && *o != 'n') {
				die(1, "%s: invalid option -%c\n", prog, *o);
			}
			switch (*o) {
			case 'c':
				if (parse_proto(arg, &default_caps))
					return 1;
				break;
			case 'p':
				t = num(arg);
				if (t <= 0 || t > 65535)
					die(1, "%s: invalid port number %d\n", prog, t);
				lport = (uint16_t)t;
				rport = (uint16_t)(t - 1);
				break;
			case 't':
				t = num(arg);
				if (t < 0)
					die(1, "%s: invalid timeout %d\n", prog, t);
				deadline = start + t * 1000LL;
				break;
			case 'i':
				if (strlen(arg) >= 255)
					die(1, "%s: invalid vendor class identifier: %s\n", prog, arg);
				vendor = arg;
				break;
			case 'o': first = 1; break;
			case 'n': noconf = 1; break;
			case 'd':
				if (add_arg(arg))
					return 1;
				break;
			}
			if (arg)
				break;
		}
	}
	for (; i < argc; i++)
		if (add_arg(argv[i]))
			return 1;
	for (t = 0, i = 0; i < ndev; i++)
		t += devs[i].state != ST_DONE;
	if (!t) {
		if (!configured)
			die(1, "%s: no devices to configure\n", prog);
		return 0;
	}
	if (lport != 68)
		outf("IP-Config: binding source port to %d, dest to %d\n", lport, rport);
	return loop();
}
