/* netboot: dracut's network command line (cmds/proto/dracut.c) carried out. In order: ifname=
 * renames by MAC, bond=, vlan= and bridge= devices, each ip= (static here; auto6, dhcp6 and
 * either6 by netboot6.c; DHCPv4 by ipconfig's own code, in a child process, which writes
 * /run/net-DEV.conf), rd.route=, then the state the
 * rest of the boot reads: /etc/resolv.conf and network-legacy's /tmp/net.DEV.{up,did-setup,
 * resolv.conf,gw,hostname,override}, /tmp/net.MAC.{up,did-setup}, /tmp/net.ifaces, /tmp/net.bootdev.
 * Every word is parsed before anything changes. Exit: 0 configured, 1 failed (a bad word, something unsupported, a device
 * missing, no carrier, no DHCP answer in time), 2 the command line asks for no network. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/wait.h>
#include "dracut.h"
#include "netboot6.h"
#include "ip_print.h"
#include "lib.h"
#include "scan.h"
#include "out.h"
#include "rtnl.h"
#include "sys.h"

APPLET(netboot, netboot_main);

int ipconfig_main(int argc, char **argv);

NSBOX_USAGE(usage,
	"Usage: netboot [-c FILE | CMDLINE]\n"
	"Brings the network up as dracut's command line asks (ip=, ifname=, bootdev=, BOOTIF=,\n"
	"nameserver=, rd.peerdns=, rd.route=, vlan=, bond=, bridge=, rd.neednet=, rd.net.timeout.*);\n"
	"the command line is /proc/cmdline's unless given. Exit 0 configured, 1 failed, 2 not asked.\n");

static struct nlsock sk;
static struct dracut_net dn;

/* What one configured device leaves for the state files. */
struct done {
	char dev[IFNAMSIZ];
	int dhcp;
	char gw[INET6_ADDRSTRLEN], host[65], search[1100];
	int nns;
	char ns[NB6_NS_MAX + 2][INET6_ADDRSTRLEN];
};
static struct done done[DR_IP_MAX + 16];
static int ndone;

static int talk(struct nlb *b)
{
	return nl_talk(&sk, b, NULL, NULL);
}

static const char *ntop(const struct dr_addr *a)
{
	static char buf[2][PR_ADDRSZ];
	static int i;

	i ^= 1;
	return fmt_inet(a->family, a->a, a->family == AF_INET6 ? 16 : 4, buf[i]);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A MAC as six hex pairs joined by SEP. */
static const char *mac_text(const uint8_t *a, int sep)
{
	static char buf[19];

	for (int i = 0; i < 6; i++)
		bfmt(buf + 3 * i, 4, "%02x%c", a[i], sep);
	buf[17] = 0;
	return buf;
}

/* ---- links ---- */

struct found {
	const uint8_t *mac;
	int maclen, index;
	unsigned flags;
	char name[IFNAMSIZ];
};

static int match_mac(const struct nlmsghdr *h, void *arg)
{
	struct found *f = arg;
	struct link_info li;
	const char *name;

	if (rtnl_link_parse(h, &li) || !li.tb[IFLA_ADDRESS] || (int)nla_len(li.tb[IFLA_ADDRESS]) != f->maclen ||
	    memcmp(nla_data(li.tb[IFLA_ADDRESS]), f->mac, (size_t)f->maclen) || !(name = nla_get_str(li.tb[IFLA_IFNAME])) ||
	    f->index)
		return 0;
	f->index = li.ifi->ifi_index;
	bfmt(f->name, sizeof(f->name), "%s", name);
	return 0;
}

/* The device with this MAC: its index (name in f), 0 when none, or -errno. */
static int by_mac(const uint8_t *mac, int maclen, struct found *f)
{
	struct rtnl_filter flt = { .family = AF_UNSPEC, .ext_mask = RTEXT_FILTER_SKIP_STATS };
	int err;

	memset(f, 0, sizeof(*f));
	f->mac = mac;
	f->maclen = maclen;
	err = rtnl_link_dump(&sk, &flt, match_mac, f);
	return err < 0 ? err : f->index;
}

static int get_flags(const struct nlmsghdr *h, void *arg)
{
	struct link_info li;

	if (rtnl_link_parse(h, &li))
		return -EPROTO;
	*(unsigned *)arg = li.ifi->ifi_flags;
	return 0;
}

static int index_of(const char *name, const char *why)
{
	int i = rtnl_link_index(&sk, name);

	if (i < 0)
		msg_err(i, "%s: %s", why, name);
	return i;
}

/* Change a link: UD one of L_UP, L_DOWN or 0 (as it is); TYPE 0, or the attribute to set to
 * LEN bytes at VAL (IFLA_IFNAME: the new name, VAL's string). */
enum { L_DOWN = 2, L_UP = 2 | IFF_UP };
static int set_link(int index, unsigned ud, uint16_t type, const void *val, int len)
{
	static char buf[RTNL_BUF], abuf[128];
	struct link_req r;
	struct nlb b, ab;

	link_req_init(&r);
	r.index = index;
	r.flags = ud & IFF_UP;
	r.change = ud ? IFF_UP : 0;
	nlb_init(&ab, abuf, sizeof(abuf), 0, 0);
	if (type == IFLA_IFNAME)
		r.name = val;
	else if (type)
		nlb_put(&ab, type, val, (size_t)len);
	r.attrs = nlb_attrs(&ab);
	r.attrs_len = nlb_attrs_len(&ab);
	rtnl_link_build(&b, buf, sizeof(buf), NLM_F_ACK, &r);
	return talk(&b);
}

/* excl 0: a link of that name and kind that exists is set, not refused (the bonding driver
 * makes bond0 when it loads, unless max_bonds=0). */
static int create(struct link_req *r, const char *what, int excl)
{
	static char buf[RTNL_BUF];
	struct nlb b;
	int err;

	rtnl_link_build(&b, buf, sizeof(buf), NLM_F_ACK | NLM_F_CREATE | (excl ? NLM_F_EXCL : 0), r);
	if ((err = talk(&b)))
		msg("%s=%s: cannot create it: %s%s%s", what, r->name, errtext(err), sk.errmsg[0] ? ": " : "", sk.errmsg);
	return err ? -1 : 0;
}

static int up(int index, const char *name)
{
	int err = set_link(index, L_UP, 0, NULL, 0);

	if (err)
		msg_err(err, "%s: cannot set it up", name);
	return err ? -1 : 0;
}

#define TMP_NET "/tmp/net.%s.%s"
#define RUN_CONF "/run/net-%s.conf"

static void put_at(const char *fmt, const char *a, const char *b, const char *text);

/* /tmp/net.NAME.up and .did-setup, empty. */
static void up_files(const char *name)
{
	put_at(TMP_NET, name, "up", "");
	put_at(TMP_NET, name, "did-setup", "");
}
static void sys_mac(const char *dev, char *mac, size_t size);

/* /tmp/net.BOND.SLAVE.hwaddr: the slave's own MAC before the bond takes it, as ifup.sh keeps it
 * (45ifcfg writes it as HWADDR) */
static void slave_hwaddr(const char *bond, const char *slave)
{
	char mac[40];

	sys_mac(slave, mac, sizeof(mac) - 1);
	if (!mac[0])
		return;
	memcpy(mac + strlen(mac), "\n", 2);
	put_at("/tmp/net.%s.%s.hwaddr", bond, slave, mac);
}

static int enslave(const char *port, int master, const char *what)
{
	int i = index_of(port, what), err;

	if (i < 0)
		return -1;
	/* Down first: the bonding driver takes a slave that is down. */
	if ((err = set_link(i, L_DOWN, 0, NULL, 0)) || (err = set_link(i, 0, IFLA_MASTER, &master, 4)) ||
	    (err = set_link(i, L_UP, 0, NULL, 0))) {
		msg_err(err, "%s: cannot add %s", what, port);
		return -1;
	}
	return 0;
}

static int renames(void)
{
	for (int i = 0; i < dn.nifname; i++) {
		const struct dr_ifname *x = &dn.ifname[i];
		struct found f;
		int idx = by_mac(x->mac, x->maclen, &f), err;

		if (idx <= 0) {
			msg("ifname=%s: no device has that MAC address", x->name);
			return -1;
		}
		if (!strcmp(f.name, x->name))
			continue;
		if ((err = set_link(idx, L_DOWN, 0, NULL, 0)) || (err = set_link(idx, 0, IFLA_IFNAME, x->name, 0))) {
			msg_err(err, "ifname=%s: cannot rename %s", x->name, f.name);
			return -1;
		}
	}
	if (dn.has_bootif && !dn.bootdev[0]) {
		struct found f;

		if (by_mac(dn.bootif, 6, &f) <= 0) {
			msg("BOOTIF: no device has that MAC address");
			return -1;
		}
		memcpy(dn.bootdev, f.name, sizeof(dn.bootdev));
	}
	return 0;
}

/* Make the link r (kind, r->name, attributes in ab, data in db), its ports in it (a bond's
 * slaves: BOND), and set it up. */
static int make_link(struct link_req *r, struct nlb *ab, struct nlb *db, int excl, int nports,
		     const char (*ports)[DR_NAME], int bond)
{
	int idx;

	r->attrs = nlb_attrs(ab);
	r->attrs_len = nlb_attrs_len(ab);
	r->data = nlb_attrs(db);
	r->data_len = nlb_attrs_len(db);
	if (create(r, r->kind, excl) || (idx = index_of(r->name, r->kind)) < 0)
		return -1;
	for (int k = 0; k < nports; k++) {
		if (bond)
			slave_hwaddr(r->name, ports[k]);
		if (enslave(ports[k], idx, r->name))
			return -1;
	}
	return up(idx, r->name);
}

/* A link_req for a new link NAME of KIND, with empty ab and db. */
static void new_link(struct link_req *r, struct nlb *ab, struct nlb *db, const char *name, const char *kind)
{
	static char abuf[64], dbuf[512];

	link_req_init(r);
	r->name = name;
	r->kind = kind;
	nlb_init(ab, abuf, sizeof(abuf), 0, 0);
	nlb_init(db, dbuf, sizeof(dbuf), 0, 0);
}

static int virtual_links(void)
{
	struct link_req r;
	struct nlb ab, db;

	for (int i = 0; i < dn.nbond; i++) {
		const struct dr_bond *bd = &dn.bond[i];

		new_link(&r, &ab, &db, bd->name, "bond");
		if (bd->mtu > 0)
			nlb_put_u32(&ab, IFLA_MTU, (uint32_t)bd->mtu);
		for (int k = 0; k < bd->nopts; k++) {
			const struct dr_bopt *o = &bd->opts[k];
			uint32_t v = o->val;

			if (!o->size) {
				int d = index_of(o->dev, "bond");
				if (d < 0)
					return -1;
				v = (uint32_t)d;
			}
			if (o->size == 1)
				nlb_put_u8(&db, o->attr, (uint8_t)v);
			else
				nlb_put_u32(&db, o->attr, v);
		}
		if (bd->narp) {
			struct nlattr *nest = nlb_nest_start(&db, IFLA_BOND_ARP_IP_TARGET);

			for (int k = 0; k < bd->narp; k++)
				nlb_put(&db, (uint16_t)k, &bd->arp[k], 4);
			nlb_nest_end(&db, nest);
		}
		if (ab.overflow || db.overflow) {
			msg("bond %s: too many options", bd->name);
			return -1;
		}
		if (make_link(&r, &ab, &db, 0, bd->nslaves, bd->slaves, 1))
			return -1;
	}
	for (int i = 0; i < dn.nvlan; i++) {
		const struct dr_vlan *v = &dn.vlan[i];
		int phys = index_of(v->phys, "vlan");

		if (phys < 0 || up(phys, v->phys))
			return -1;
		new_link(&r, &ab, &db, v->name, "vlan");
		r.link = phys;
		nlb_put_u16(&db, IFLA_VLAN_ID, (uint16_t)v->id);
		if (make_link(&r, &ab, &db, 1, 0, NULL, 0))
			return -1;
	}
	for (int i = 0; i < dn.nbridge; i++) {
		const struct dr_bridge *br = &dn.bridge[i];

		new_link(&r, &ab, &db, br->name, "bridge");
		/* ifup.sh writes 0 to bridge/forward_delay after creating it */
		nlb_put_u32(&db, IFLA_BR_FORWARD_DELAY, 0);
		if (make_link(&r, &ab, &db, 1, br->nports, br->ports, 0))
			return -1;
	}
	return 0;
}

/* ---- static ---- */

/* The next entry of done, for DEV. */
static struct done *new_done(const char *dev, const char *host, int dhcp)
{
	struct done *d = &done[ndone++];

	memset(d, 0, sizeof(*d));
	d->dhcp = dhcp;
	bfmt(d->dev, sizeof(d->dev), "%s", dev);
	bfmt(d->host, sizeof(d->host), "%s", host);
	return d;
}

static void add_ns(struct done *d, const char *ns)
{
	bfmt(d->ns[d->nns++], sizeof(d->ns[0]), "%s", ns);
}

/* ip='s own DNS servers (after DHCP's). */
static void ip_dns(struct done *d, const struct dr_ip *ip)
{
	for (int i = 0; i < 2; i++)
		if (ip->dns[i].family)
			add_ns(d, ntop(&ip->dns[i]));
}

static void set_host(const struct dr_ip *ip, const char *dev)
{
	int err;

	if (ip->hostname[0] && (err = sys_sethostname(ip->hostname, strlen(ip->hostname))))
		msg_err(err, "%s: cannot set the host name", dev);
}

/* The file at PATH, NUL-terminated in BUF ("" when unreadable): read's count, -2 when it does not open. */
static ssize_t slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = -2;

	buf[0] = 0;
	if (fd >= 0) {
		n = read(fd, buf, size - 1);
		close(fd);
		buf[n > 0 ? n : 0] = 0;
	}
	return n;
}

/* Up, then carrier within rd.net.timeout.carrier. */
static int up_wait(int idx, const char *dev)
{
	long long end;
	unsigned flags = 0;

	if (up(idx, dev))
		return -1;
	end = sys_mono_us() + (dn.timeout_carrier >= 0 ? dn.timeout_carrier : 10) * 1000000LL;
	for (;;) {
		if (!rtnl_link_get(&sk, NULL, idx, RTEXT_FILTER_SKIP_STATS, get_flags, &flags) && (flags & IFF_RUNNING))
			return 0;
		if (sys_mono_us() >= end) {
			msg("%s: no carrier", dev);
			return -1;
		}
		sleep_ms(50);
	}
}

struct flush {
	int index, n;
	struct addr_req del[16];
};

static int pick_v4(const struct nlmsghdr *h, void *arg)
{
	struct flush *f = arg;
	struct addr_info ai;

	if (rtnl_addr_parse(h, &ai) || ai.ifa->ifa_family != AF_INET || (int)ai.ifa->ifa_index != f->index ||
	    !ai.tb[IFA_LOCAL] || nla_len(ai.tb[IFA_LOCAL]) != 4 || f->n == 16)
		return 0;
	addr_req_init(&f->del[f->n]);
	f->del[f->n].family = AF_INET;
	f->del[f->n].index = f->index;
	f->del[f->n].plen = ai.ifa->ifa_prefixlen;
	memcpy(f->del[f->n].local, nla_data(ai.tb[IFA_LOCAL]), 4);
	f->n++;
	return 0;
}

static int route(int family, const uint8_t *dst, int plen, const uint8_t *gw, int oif, uint16_t flags)
{
	static char buf[RTNL_BUF];
	struct route_req r;
	struct nlb b;

	route_req_init(&r);
	r.family = family;
	r.dst_len = plen;
	r.has_dst = plen > 0;
	if (r.has_dst)
		memcpy(r.dst, dst, (size_t)(family == AF_INET6 ? 16 : 4));
	r.has_gw = gw != NULL;
	if (gw)
		memcpy(r.gw, gw, (size_t)(family == AF_INET6 ? 16 : 4));
	r.oif = oif;
	rtnl_route_build(&b, buf, sizeof(buf), RTM_NEWROUTE, NLM_F_ACK | NLM_F_CREATE | flags, &r);
	return talk(&b);
}

/* The file at path FMT (with A and B), written anew with TEXT. */
static void put_at(const char *fmt, const char *a, const char *b, const char *text)
{
	char path[128];
	int fd;

	bfmt(path, sizeof(path), fmt, a, b);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_TRUNC, 0644)) < 0) {

		msg_err(errno, "%s", path);
		return;
	}
	if (write(fd, text, strlen(text)) < 0)
		msg_err(errno, "%s", path);
	close(fd);
}

/* /run/net-DEV.conf with klibc's keys, as ipconfig writes it, for a static IPv4 address. */
/* ip='s IPv4 broadcast address, its netmask in *mask. */
static uint32_t bcast(const struct dr_ip *ip, uint32_t *mask)
{
	uint32_t a;

	*mask = ip->plen ? htonl(0xffffffffu << (32 - ip->plen)) : 0;
	memcpy(&a, ip->addr.a, 4);
	return (a & *mask) | ~*mask;
}

/* An IPv4 address as text, 0.0.0.0 when there is none. */
static const char *ntop4(const struct dr_addr *a)
{
	return a->family == AF_INET ? ntop(a) : "0.0.0.0";
}

static void klibc_conf(const struct dr_ip *ip, const char *dev)
{
	static const char keys[] = "IPV4ADDR\0IPV4BROADCAST\0IPV4NETMASK\0IPV4GATEWAY\0IPV4DNS0\0IPV4DNS1";
	static char buf[2048];
	struct sink s = { buf, 0, sizeof(buf), -1, 0 };
	uint32_t mask, bc = bcast(ip, &mask);
	struct dr_addr m = { AF_INET, { 0 } }, b = m;
	const struct dr_addr *v[] = { &ip->addr, &b, &m, &ip->gw, &ip->dns[0], &ip->dns[1] };
	long up = sys_uptime();
	const char *k = keys;

	memcpy(m.a, &mask, 4);
	memcpy(b.a, &bc, 4);
	sfmt(&s, "DEVICE='%s'\nPROTO='none'\n", dev);
	for (int i = 0; i < 6; i++, k += kw_skip(k))
		sfmt(&s, "%s='%s'\n", k, ntop4(v[i]));
	sfmt(&s, "HOSTNAME='%s'\nDNSDOMAIN=''\nNISDOMAIN=''\nROOTSERVER='%s'\nROOTPATH=''\nfilename=''\n"
	     "UPTIME='%ld'\nDHCPLEASETIME='0'\nDOMAINSEARCH=''\n", ip->hostname, ntop4(&ip->peer), up > 0 ? up : 0L);
	buf[s.len < sizeof(buf) ? s.len : sizeof(buf) - 1] = 0;
	put_at(RUN_CONF, dev, NULL, buf);
}

/* ip='s MAC and MTU; WHY: say the error's text. */
static int mac_mtu(const struct dr_ip *ip, const char *dev, int idx, int why)
{
	int err;

	if (ip->maclen && (err = set_link(idx, L_DOWN, IFLA_ADDRESS, ip->mac, ip->maclen))) {
		msg_err(why ? err : 0, "%s: cannot set MAC address", dev);
		return -1;
	}
	if (ip->mtu && (err = set_link(idx, 0, IFLA_MTU, &ip->mtu, 4))) {
		msg_err(why ? err : 0, "%s: cannot set MTU %d", dev, ip->mtu);
		return -1;
	}
	return 0;
}

static int do_static(const struct dr_ip *ip, const char *dev, int idx)
{
	static char buf[RTNL_BUF];
	struct addr_req r;
	struct done *d;
	struct nlb b;
	int err;

	if (mac_mtu(ip, dev, idx, 1) || up_wait(idx, dev))
		return -1;
	if (ip->method == DR_LINK6)
		goto done;
	if (ip->addr.family == AF_INET) {
		/* network-legacy flushes the device's IPv4 addresses first. */
		static struct flush f;
		struct rtnl_filter flt = { .family = AF_INET, .ifindex = idx };

		f.index = idx;
		f.n = 0;
		rtnl_addr_dump(&sk, &flt, pick_v4, &f);
		for (int i = 0; i < f.n; i++) {
			rtnl_addr_build(&b, buf, sizeof(buf), RTM_DELADDR, NLM_F_ACK, &f.del[i]);
			talk(&b);
		}
	}
	addr_req_init(&r);
	r.family = ip->addr.family;
	r.index = idx;
	r.plen = ip->plen;
	memcpy(r.local, ip->addr.a, 16);
	if (ip->peer.family) {
		r.has_peer = 1;
		memcpy(r.peer, ip->peer.a, 16);
		if (ip->peer_plen >= 0)
			r.plen = ip->peer_plen;
	} else if (ip->addr.family == AF_INET && ip->plen < 31) {
		uint32_t mask, bc = bcast(ip, &mask);

		r.has_brd = 1;
		memcpy(r.brd, &bc, 4);
	}
	rtnl_addr_build(&b, buf, sizeof(buf), RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, &r);
	if ((err = talk(&b)) && err != -EEXIST) {
		msg_err(err, "%s: cannot add %s/%d", dev, ntop(&ip->addr), r.plen);
		return -1;
	}
	if (ip->gw.family && (err = route(ip->gw.family, NULL, 0, ip->gw.a, idx, NLM_F_REPLACE))) {
		msg_err(err, "%s: cannot add the default route via %s", dev, ntop(&ip->gw));
		return -1;
	}
	set_host(ip, dev);
	if (ip->addr.family == AF_INET)
		klibc_conf(ip, dev);
done:
	d = new_done(dev, ip->hostname, 0);
	if (ip->gw.family)
		bfmt(d->gw, sizeof(d->gw), "%s", ntop(&ip->gw));
	ip_dns(d, ip);
	return 0;
}

/* ---- DHCPv4, by ipconfig ---- */

/* One value of /run/net-DEV.conf (KEY='...' with '\'' escapes), "" when absent. */
static void conf_get(const char *conf, const char *key, char *out, size_t cap)
{
	size_t kl = strlen(key), o = 0;

	out[0] = 0;
	for (const char *l = conf; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		const char *p;

		if (strncmp(l, key, kl) || l[kl] != '=' || l[kl + 1] != '\'')
			continue;
		for (p = l + kl + 2; *p && *p != '\n'; p++) {
			if (*p == '\'') {
				if (p[1] == '\\' && p[2] && p[3] == '\'')
					p += 2;
				else
					continue;
			}
			if (o + 1 < cap)
				out[o++] = *p;
		}
		out[o] = 0;
		return;
	}
}

static int took_lease(const char *dev, int peerdns)
{
	static char conf[4096], dom[256];
	char path[48], v[INET6_ADDRSTRLEN];
	struct done *d;

	bfmt(path, sizeof(path), RUN_CONF, dev);
	if (slurp(path, conf, sizeof(conf)) == -2)
		return 0;
	d = new_done(dev, "", 1);
	conf_get(conf, "IPV4GATEWAY", d->gw, sizeof(d->gw));
	if (!strcmp(d->gw, "0.0.0.0"))
		d->gw[0] = 0;
	conf_get(conf, "HOSTNAME", d->host, sizeof(d->host));
	if (peerdns) {
		conf_get(conf, "DOMAINSEARCH", d->search, sizeof(d->search));
		conf_get(conf, "DNSDOMAIN", dom, sizeof(dom));
		if (d->search[0] || dom[0])
			bfmt(d->search + strlen(d->search), sizeof(d->search) - strlen(d->search), "%s%s",
			     d->search[0] && dom[0] ? " " : "", dom);
		for (int i = 0; i < 2; i++) {
			conf_get(conf, i ? "IPV4DNS1" : "IPV4DNS0", v, sizeof(v));
			if (v[0] && strcmp(v, "0.0.0.0"))
				add_ns(d, v);
		}
	}
	return 1;
}

struct cand { int n; char names[16][IFNAMSIZ]; };

static int list_cand(const struct nlmsghdr *h, void *arg)
{
	struct cand *c = arg;
	struct link_info li;
	const char *name;
	uint32_t master = 0;

	if (rtnl_link_parse(h, &li) || !(name = nla_get_str(li.tb[IFLA_IFNAME])) || c->n == 16 ||
	    (li.ifi->ifi_flags & IFF_LOOPBACK) || !(li.ifi->ifi_flags & IFF_BROADCAST) ||
	    (!nla_get_u32(li.tb[IFLA_MASTER], &master) && master))
		return 0;
	bfmt(c->names[c->n++], IFNAMSIZ, "%s", name);
	return 0;
}

/* The broadcast devices that are not ports (16 at most). */
static const struct cand *candidates(void)
{
	static struct cand c;
	struct rtnl_filter flt = { .family = AF_UNSPEC, .ext_mask = RTEXT_FILTER_SKIP_STATS };

	c.n = 0;
	rtnl_link_dump(&sk, &flt, list_cand, &c);
	return &c;
}

/* ipconfig -t T [-o] SPEC...: each SPEC ::::HOST:DEV:dhcp. In a child: ipconfig keeps its
 * state in statics, for one run of a process. 0 when every device (with -o: one) has a lease. */
/* The devices for ipconfig, and its SPEC for each. */
static char specs[DR_IP_MAX + 16][96], names[DR_IP_MAX + 16][IFNAMSIZ];
static int nspec;

/* DEV with the host name HOST (NULL: DEV's spec is its name). */
static void add_spec(const char *dev, const char *host)
{
	bfmt(names[nspec], IFNAMSIZ, "%s", dev);
	bfmt(specs[nspec++], sizeof(specs[0]), host ? "::::%s:%s:dhcp" : "%s", host ? host : dev, dev);
}

static int dhcp(int any)
{
	char t[16], *argv[DR_IP_MAX + 24];
	int argc = 0, st = 0, got = 0;
	pid_t pid;

	bfmt(t, sizeof(t), "%d", dn.timeout_dhcp >= 0 ? dn.timeout_dhcp : 60);
	argv[argc++] = "ipconfig";
	argv[argc++] = "-t";
	argv[argc++] = t;
	if (any)
		argv[argc++] = "-o";
	for (int i = 0; i < nspec; i++) {
		char path[48];

		bfmt(path, sizeof(path), RUN_CONF, names[i]);
		unlink(path);
		argv[argc++] = specs[i];
	}
	argv[argc] = NULL;
	out_flush();
	if ((pid = (int)sys_clone(0)) < 0) {
		msg_err(-pid, "fork");
		return -1;
	}
	if (!pid) {
		int rc = ipconfig_main(argc, argv);

		out_exit(rc);
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	for (int i = 0; i < nspec; i++)
		got += took_lease(names[i], dn.peerdns);
	if (!WIFEXITED(st) || WEXITSTATUS(st) || got < (any ? 1 : nspec)) {
		msg("no DHCP lease");
		return -1;
	}
	return 0;
}

/* ---- IPv6: auto6, dhcp6, either6 (netboot6.c) ---- */

#define V6 (DR_AUTO6 | DR_DHCP6 | DR_EITHER6)

/* /run/net6-DEV.conf with initramfs-tools' keys for IPv6 (klibc's ipconfig has none). */
static void net6_conf(const char *dev, const struct nb6 *r, const char *host)
{
	static char buf[1024];
	struct sink s = { buf, 0, sizeof(buf), -1, 0 };
	struct dr_addr a = { AF_INET6, { 0 } };

	memcpy(a.a, r->addr, 16);
	sfmt(&s, "DEVICE6='%s'\nIPV6PROTO='%s'\nIPV6ADDR='%s'\nIPV6NETMASK='%d'\n", dev, r->dhcp ? "dhcp6" : "auto6",
	     ntop(&a), r->plen);
	for (int i = 0; i < 2; i++) {
		memcpy(a.a, r->ns[i], 16);
		sfmt(&s, "IPV6DNS%d='%s'\n", i, i < r->nns ? ntop(&a) : "");
	}
	memcpy(a.a, r->gw, 16);
	sfmt(&s, "IPV6GATEWAY='%s'\nIPV6DOMAINSEARCH='%s'\nHOSTNAME='%s'\n", r->gw[0] ? ntop(&a) : "", r->search, host);
	buf[s.len < sizeof(buf) ? s.len : sizeof(buf) - 1] = 0;
	put_at("/run/net6-%s.conf", dev, NULL, buf);
}

static int six(const struct dr_ip *ip, const char *dev, int idx)
{
	static struct nb6 r;
	struct done *d;
	struct dr_addr a = { AF_INET6, { 0 } };

	if (up_wait(idx, dev) || netboot6(&sk, dev, idx, ip->method & V6, &dn, &r))
		return -1;
	set_host(ip, dev);
	net6_conf(dev, &r, ip->hostname);
	d = new_done(dev, ip->hostname, r.dhcp);
	if (dn.peerdns) {
		bfmt(d->search, sizeof(d->search), "%s", r.search);
		for (int i = 0; i < r.nns; i++) {
			memcpy(a.a, r.ns[i], 16);
			add_ns(d, ntop(&a));
		}
	}
	ip_dns(d, ip);
	return 0;
}

/* ---- the state files ---- */

/* DEV's MAC as /sys/class/net/DEV/address has it (where ifup.sh reads it), "" when unreadable. */
static void sys_mac(const char *dev, char *mac, size_t size)
{
	char path[64];

	bfmt(path, sizeof(path), "/sys/class/net/%s/address", dev);
	slurp(path, mac, size);
	mac[strcspn(mac, "\n")] = 0;
}

/* /tmp/net.MAC.up and .did-setup too, which ifup.sh and setup_net write for a device that is not
 * a VLAN (their DO_VLAN); ifup.sh skips a device whose MAC did its setup. A VLAN that DHCP
 * configured gets them all the same: dhclient-script and the initqueue's setup_net do not look
 * at DO_VLAN. */
static void mac_state(const char *dev, const char *mac, int dhcp)
{
	for (int i = 0; i < dn.nvlan && !dhcp; i++)
		if (!strcmp(dn.vlan[i].name, dev))
			return;
	if (!mac[0])
		return;
	up_files(mac);
}

/* /tmp/net.DEV.override: from the first ip= that ifup.sh would take for DEV (its device by name or
 * MAC, or none), as it writes it. */
static void override(const char *dev, const char *mac)
{
	for (int i = 0; i < dn.nip; i++) {
		const struct dr_ip *ip = &dn.ip[i];

		if (ip->dev_is_mac ? !strcmp(mac_text(ip->devmac, ':'), mac) : !ip->dev[0] || !strcmp(ip->dev, dev)) {
			put_at(TMP_NET, dev, "override", ip->override);
			return;
		}
	}
}

/* net.ifaces lists what the command line names (parse-ip-opts.sh's IFACES): the devices of ip=,
 * BOOTIF's, bootdev= beside them; not a device that ip=dhcp found on its own. */
static int named(const char *dev)
{
	/* parse-ip-opts.sh: BOOTIF='s device always, bootdev= only beside an ip= that names one */
	int listed = dn.has_bootif;

	for (int i = 0; i < dn.nip; i++) {
		if (dn.ip[i].dev_is_mac || !strcmp(dn.ip[i].dev, dev))
			return 1;
		listed |= dn.ip[i].dev[0] != 0;
	}
	return listed && dn.bootdev[0] && !strcmp(dev, dn.bootdev);
}

/* The bootdev the state files name: bootdev= or BOOTIF's; else, with several ip= (and rd.neednet
 * not 0), the first ip='s device, as parse-ip-opts.sh writes it (only there: a dev-less ip= still
 * means every device). */
static void state_bootdev(char *bd, size_t size)
{
	struct found f;

	bfmt(bd, size, "%s", dn.bootdev);
	for (int i = 0; i < dn.nip && !bd[0] && dn.neednet != 0 && dn.nip > 1; i++)
		if (dn.ip[i].dev_is_mac && by_mac(dn.ip[i].devmac, 6, &f) > 0)
			bfmt(bd, size, "%s", f.name);
		else if (!dn.ip[i].dev_is_mac)
			bfmt(bd, size, "%s", dn.ip[i].dev);
}

#define NAMESERVER "nameserver %s\n"
static void state(void)
{
	static char buf[4096], all[4096], ifaces[512];
	char mac[72], bootdev[sizeof(dn.bootdev)];
	size_t ai = 0, ii = 0;
	int b = -1;

	all[0] = ifaces[0] = 0;
	state_bootdev(bootdev, sizeof(bootdev));
	for (int j = 0; j < ndone && bootdev[0]; j++)
		if (b < 0 && !strcmp(done[j].dev, bootdev))
			b = j;
	for (int k = 0; k < ndone; k++) {
		/* bootdev's first, as parse-ip-opts.sh orders IFACES */
		int i = b < 0 ? k : k == 0 ? b : (k <= b ? k - 1 : k), dup = 0;
		const struct done *d = &done[i], *gw = NULL, *host = NULL;
		struct sink s = { buf, 0, sizeof(buf) - 1, -1, 0 };

		/* A device that IPv4 and IPv6 both configured has an entry of each: one set of files. */
		for (int j = 0; j < i; j++)
			dup |= !strcmp(done[j].dev, d->dev);
		if (dup)
			continue;
		for (int j = i; j < ndone; j++) {
			const struct done *e = &done[j];

			if (strcmp(e->dev, d->dev))
				continue;
			gw = gw ? gw : e->gw[0] ? e : NULL;
			host = host ? host : e->host[0] ? e : NULL;
			if (e->search[0])
				sfmt(&s, "search %s\n", e->search);
			for (int k = 0; k < e->nns; k++)
				sfmt(&s, NAMESERVER, e->ns[k]);
		}
		for (int j = 0; j < dn.nns; j++)
			sfmt(&s, NAMESERVER, ntop(&dn.ns[j]));
		buf[s.len < s.cap ? s.len : s.cap] = 0;
		if (buf[0])
			put_at(TMP_NET, d->dev, "resolv.conf", buf);
		/* /etc/resolv.conf: every device's lines, each once (setup_net's awk '!a[$0]++') */
		for (char *l = buf, *e; *l; l = e + 1) {
			char line[300];

			e = strchr(l, '\n');
			bfmt(line, sizeof(line), "%.*s", (int)(e - l + 1), l);
			if (!str_in(all, line) && ai + strlen(line) < sizeof(all))
				ai += (size_t)bfmt(all + ai, sizeof(all) - ai, "%s", line);
		}
		if (gw) {
			bfmt(buf, sizeof(buf), gw->dhcp ? "ip route replace default via %s dev %s\n" :
			     "ip route replace default via '%s' dev '%s'\n", gw->gw, d->dev);
			put_at(TMP_NET, d->dev, "gw", buf);
		}
		if (host) {
			bfmt(buf, sizeof(buf), "echo '%s' > /proc/sys/kernel/hostname\n", host->host);
			put_at(TMP_NET, d->dev, "hostname", buf);
		}
		up_files(d->dev);
		sys_mac(d->dev, mac, sizeof(mac));
		mac_state(d->dev, mac, d->dhcp);
		override(d->dev, mac);
		if (named(d->dev))
			ii += (size_t)bfmt(ifaces + ii, sizeof(ifaces) > ii ? sizeof(ifaces) - ii : 0, "%s%s", ii ? " " : "",
					   d->dev);
	}
	if (all[0])
		put_at("/etc/resolv.conf", NULL, NULL, all);
	if (ifaces[0]) {
		bfmt(buf, sizeof(buf), "%s\n", ifaces);
		put_at("/tmp/net.ifaces", NULL, NULL, buf);
	}
	if (bootdev[0]) {
		bfmt(buf, sizeof(buf), "%s\n", bootdev);
		put_at("/tmp/net.bootdev", NULL, NULL, buf);
	}
}

/* ---- the whole ---- */

static int routes(void)
{
	for (int i = 0; i < dn.nroutes; i++) {
		const struct dr_route *r = &dn.routes[i];
		int oif = 0, err;

		if (r->dev[0] && (oif = index_of(r->dev, "rd.route")) < 0)
			return -1;
		err = route(r->dst.family, r->dst.a, r->plen, r->gw.family ? r->gw.a : NULL, oif, NLM_F_EXCL);
		if (err && err != -EEXIST) {
			msg_err(err, "rd.route=%s/%d", ntop(&r->dst), r->plen);
			return -1;
		}
	}
	return 0;
}

/* ip=auto6 (dhcp6, either6) with no device: each broadcast device that is not a port, as
 * network-legacy's ifup runs for each; the first that is configured wins. */
static int six_any(const struct dr_ip *ip)
{
	const struct cand *c = candidates();

	for (int i = 0; i < c->n; i++) {
		int idx = index_of(c->names[i], "ip=");

		if (idx >= 0 && !six(ip, c->names[i], idx))
			return 0;
	}
	msg("no device to configure");
	return -1;
}

/* ibft, team= and the IPv6 methods in a build without them: said before anything is done. */
static int methods_refused(void)
{
	static const uint8_t bits[] = { DR_DHCP6, DR_AUTO6, DR_EITHER6, DR_IBFT };

	if (dn.has_team) {
		msg("team= is not supported (it needs teamd)");
		return 1;
	}
	for (int i = 0; i < dn.nip; i++) {
		const char *name = "dhcp6\0auto6\0either6\0ibft";

		for (size_t k = 0; k < sizeof(bits); k++, name += kw_skip(name))
			if (dn.ip[i].method & bits[k] && (bits[k] == DR_IBFT || !NSBOX_FEATURE_NETBOOT6)) {
				if (bits[k] != DR_IBFT)
					NSBOX_LEFT_OUT(name, "NSBOX_FEATURE_NETBOOT6");
				msg("%s is not supported yet", name);
				return 1;
			}
	}
	return 0;
}

static int run(void)
{
	const struct cand *c;
	int any = 0;

	if (methods_refused())
		return 1;
	if (!dn.nip && dn.neednet != 1 && !dn.has_bootif && !dn.bootdev[0] && !dn.nifname && !dn.nvlan &&
	    !dn.nbond && !dn.nbridge)
		return 2;
	if (renames() || virtual_links())
		return 1;
	if (!dn.nip && dn.neednet != 1 && !dn.has_bootif && !dn.bootdev[0])
		return 2;
	for (int i = 0; i < dn.nip; i++) {
		const struct dr_ip *ip = &dn.ip[i];
		char dev[IFNAMSIZ];
		int idx;

		if (ip->dev_is_mac) {
			struct found f;
			if (by_mac(ip->devmac, 6, &f) <= 0) {
				msg("ip=: no device has the MAC address %s", mac_text(ip->devmac, '-'));
				return 1;
			}
			memcpy(dev, f.name, sizeof(dev));
		} else {
			bfmt(dev, sizeof(dev), "%s", ip->dev[0] ? ip->dev : dn.bootdev);
		}
		if (!dev[0] && NSBOX_FEATURE_NETBOOT6 && (ip->method & V6)) {
			if (six_any(ip))
				return 1;
			if (!(ip->method & (DR_DHCP | DR_SINGLE_DHCP)))
				continue;
		}
		if (!dev[0]) {
			any = 1;     /* ip=dhcp: every device, the first lease wins */
			continue;
		}
		if ((idx = index_of(dev, "ip=")) < 0)
			return 1;
		if (!(ip->method & (DR_DHCP | DR_SINGLE_DHCP | V6))) {
			if (do_static(ip, dev, idx))
				return 1;
			continue;
		}
		if (mac_mtu(ip, dev, idx, 0))
			return 1;
		if (NSBOX_FEATURE_NETBOOT6 && (ip->method & V6) && six(ip, dev, idx))
			return 1;
		if (!(ip->method & (DR_DHCP | DR_SINGLE_DHCP)))
			continue;
		add_spec(dev, ip->hostname);
	}
	if (!dn.nip) {
		/* No ip=: DHCP on bootdev (BOOTIF's), else on every device (network-legacy's default). */
		if (dn.bootdev[0]) {
			add_spec(dn.bootdev, NULL);
		} else {
			any = 1;
		}
	}
	if (any) {
		c = candidates();
		for (int i = 0; i < c->n && nspec < DR_IP_MAX + 16; i++)
			add_spec(c->names[i], NULL);
		if (!nspec) {
			msg("no device to configure");
			return 1;
		}
	}
	if (nspec && dhcp(any))
		return 1;
	if (routes())
		return 1;
	state();
	return 0;
}

int netboot_main(int argc, char **argv)
{
	static char line[8192];
	const char *file = "/proc/cmdline", *text = NULL;
	int err;

	if (argc == 2 && !strcmp(argv[1], "--help")) {
		outs(USAGE_TEXT(usage));
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "-c"))
		file = argv[2];
	else if (argc == 2 && argv[1][0] != '-')
		text = argv[1];
	else if (argc != 1)
		die(1, "%s", USAGE_TEXT(usage));
	if (!text) {
		if (slurp(file, line, sizeof(line)) < 0) {
			msg_err(errno, "%s", file);
			return 1;
		}
		text = line;
	}
	if (dracut_parse(text, &dn)) {
		msg("%s", dn.err);
		return 1;
	}
	if ((err = nl_open(&sk, NETLINK_ROUTE))) {
		msg_err(err, "cannot open netlink socket");
		return 1;
	}
	return run();
}
