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
		msg("%s: %s: %s", why, name, errtext(i));
	return i;
}

/* Change a link: flags under change, mtu (> 0), MAC (maclen > 0), master (>= 0), new name. */
static int set_link(int index, const char *name, unsigned flags, unsigned change, int mtu, const uint8_t *mac,
		    int maclen, int master)
{
	static char buf[RTNL_BUF], abuf[128];
	struct link_req r;
	struct nlb b, ab;

	link_req_init(&r);
	r.index = index;
	r.name = name;
	r.flags = flags;
	r.change = change;
	nlb_init(&ab, abuf, sizeof(abuf), 0, 0);
	if (mtu > 0)
		nlb_put_u32(&ab, IFLA_MTU, (uint32_t)mtu);
	if (maclen > 0)
		nlb_put(&ab, IFLA_ADDRESS, mac, (size_t)maclen);
	if (master >= 0)
		nlb_put_u32(&ab, IFLA_MASTER, (uint32_t)master);
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
	int err = set_link(index, NULL, IFF_UP, IFF_UP, 0, NULL, 0, -1);

	if (err)
		msg("%s: cannot set it up: %s", name, errtext(err));
	return err ? -1 : 0;
}

static void put_file(const char *path, const char *text, int append);
static void sys_mac(const char *dev, char *mac, size_t size);

/* /tmp/net.BOND.SLAVE.hwaddr: the slave's own MAC before the bond takes it, as ifup.sh keeps it
 * (45ifcfg writes it as HWADDR) */
static void slave_hwaddr(const char *bond, const char *slave)
{
	char path[80], mac[40];

	sys_mac(slave, mac, sizeof(mac) - 1);
	if (!mac[0])
		return;
	strcat(mac, "\n");
	bfmt(path, sizeof(path), "/tmp/net.%s.%s.hwaddr", bond, slave);
	put_file(path, mac, 0);
}

static int enslave(const char *port, int master, const char *what)
{
	int i = index_of(port, what), err;

	if (i < 0)
		return -1;
	/* Down first: the bonding driver takes a slave that is down. */
	if ((err = set_link(i, NULL, 0, IFF_UP, 0, NULL, 0, -1)) || (err = set_link(i, NULL, 0, 0, 0, NULL, 0, master)) ||
	    (err = set_link(i, NULL, IFF_UP, IFF_UP, 0, NULL, 0, -1))) {
		msg("%s: cannot add %s: %s", what, port, errtext(err));
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
		if ((err = set_link(idx, NULL, 0, IFF_UP, 0, NULL, 0, -1)) || (err = set_link(idx, x->name, 0, 0, 0, NULL, 0, -1))) {
			msg("ifname=%s: cannot rename %s: %s", x->name, f.name, errtext(err));
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

static int virtual_links(void)
{
	static char abuf[64], dbuf[512];
	struct link_req r;
	struct nlb ab, db;

	for (int i = 0; i < dn.nbond; i++) {
		const struct dr_bond *bd = &dn.bond[i];
		int idx;

		link_req_init(&r);
		r.name = bd->name;
		r.kind = "bond";
		nlb_init(&ab, abuf, sizeof(abuf), 0, 0);
		nlb_init(&db, dbuf, sizeof(dbuf), 0, 0);
		if (bd->mtu > 0)
			nlb_put_u32(&ab, IFLA_MTU, (uint32_t)bd->mtu);
		for (int k = 0; k < bd->nopts; k++) {
			const struct dr_bopt *o = &bd->opts[k];
			uint32_t v = o->val;
			uint8_t v8 = (uint8_t)v;

			if (!o->size) {
				int d = index_of(o->dev, "bond");
				if (d < 0)
					return -1;
				v = (uint32_t)d;
			}
			if (o->size == 1)
				nlb_put_u8(&db, o->attr, v8);
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
		r.attrs = nlb_attrs(&ab);
		r.attrs_len = nlb_attrs_len(&ab);
		r.data = nlb_attrs(&db);
		r.data_len = nlb_attrs_len(&db);
		if (create(&r, "bond", 0) || (idx = index_of(bd->name, "bond")) < 0)
			return -1;
		for (int k = 0; k < bd->nslaves; k++) {
			slave_hwaddr(bd->name, bd->slaves[k]);
			if (enslave(bd->slaves[k], idx, bd->name))
				return -1;
		}
		if (up(idx, bd->name))
			return -1;
	}
	for (int i = 0; i < dn.nvlan; i++) {
		const struct dr_vlan *v = &dn.vlan[i];
		uint16_t id = (uint16_t)v->id;
		int phys = index_of(v->phys, "vlan"), idx;

		if (phys < 0 || up(phys, v->phys))
			return -1;
		link_req_init(&r);
		r.name = v->name;
		r.kind = "vlan";
		r.link = phys;
		nlb_init(&db, dbuf, sizeof(dbuf), 0, 0);
		nlb_put_u16(&db, IFLA_VLAN_ID, id);
		r.data = nlb_attrs(&db);
		r.data_len = nlb_attrs_len(&db);
		if (create(&r, "vlan", 1) || (idx = index_of(v->name, "vlan")) < 0 || up(idx, v->name))
			return -1;
	}
	for (int i = 0; i < dn.nbridge; i++) {
		const struct dr_bridge *br = &dn.bridge[i];
		int idx;

		link_req_init(&r);
		r.name = br->name;
		r.kind = "bridge";
		/* ifup.sh writes 0 to bridge/forward_delay after creating it */
		nlb_init(&db, dbuf, sizeof(dbuf), 0, 0);
		nlb_put_u32(&db, IFLA_BR_FORWARD_DELAY, 0);
		r.data = nlb_attrs(&db);
		r.data_len = nlb_attrs_len(&db);
		if (create(&r, "bridge", 1) || (idx = index_of(br->name, "bridge")) < 0)
			return -1;
		for (int k = 0; k < br->nports; k++)
			if (enslave(br->ports[k], idx, br->name))
				return -1;
		if (up(idx, br->name))
			return -1;
	}
	return 0;
}

/* ---- static ---- */

static int wait_carrier(int idx, const char *dev)
{
	long long end = sys_mono_us() / 1000 + (dn.timeout_carrier >= 0 ? dn.timeout_carrier : 10) * 1000LL;
	unsigned flags = 0;

	for (;;) {
		if (!rtnl_link_get(&sk, NULL, idx, RTEXT_FILTER_SKIP_STATS, get_flags, &flags) && (flags & IFF_RUNNING))
			return 0;
		if (sys_mono_us() / 1000 >= end) {
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

static void put_file(const char *path, const char *text, int append)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644);

	if (fd < 0) {
		msg_err(errno, "%s", path);
		return;
	}
	if (write(fd, text, strlen(text)) < 0)
		msg_err(errno, "%s", path);
	close(fd);
}

/* /run/net-DEV.conf with klibc's keys, as ipconfig writes it, for a static IPv4 address. */
static void klibc_conf(const struct dr_ip *ip, const char *dev)
{
	static char buf[2048];
	char path[48];
	struct sink s = { buf, 0, sizeof(buf), -1, 0 };
	uint32_t mask = ip->plen ? htonl(0xffffffffu << (32 - ip->plen)) : 0, a, bc;
	struct dr_addr m = { AF_INET, { 0 } }, b = m;

	memcpy(&a, ip->addr.a, 4);
	bc = (a & mask) | ~mask;
	memcpy(m.a, &mask, 4);
	memcpy(b.a, &bc, 4);
	sfmt(&s, "DEVICE='%s'\nPROTO='none'\nIPV4ADDR='%s'\nIPV4BROADCAST='%s'\n", dev, ntop(&ip->addr), ntop(&b));
	sfmt(&s, "IPV4NETMASK='%s'\nIPV4GATEWAY='%s'\n", ntop(&m), ip->gw.family ? ntop(&ip->gw) : "0.0.0.0");
	sfmt(&s, "IPV4DNS0='%s'\n", ip->dns[0].family == AF_INET ? ntop(&ip->dns[0]) : "0.0.0.0");
	sfmt(&s, "IPV4DNS1='%s'\n", ip->dns[1].family == AF_INET ? ntop(&ip->dns[1]) : "0.0.0.0");
	sfmt(&s, "HOSTNAME='%s'\nDNSDOMAIN=''\nNISDOMAIN=''\nROOTSERVER='%s'\nROOTPATH=''\nfilename=''\n", ip->hostname,
	     ip->peer.family ? ntop(&ip->peer) : "0.0.0.0");
	sfmt(&s, "UPTIME='%ld'\nDHCPLEASETIME='0'\nDOMAINSEARCH=''\n", sys_uptime() > 0 ? sys_uptime() : 0L);
	buf[s.len < sizeof(buf) ? s.len : sizeof(buf) - 1] = 0;
	bfmt(path, sizeof(path), "/run/net-%s.conf", dev);
	put_file(path, buf, 0);
}

static int do_static(const struct dr_ip *ip, const char *dev, int idx)
{
	static char buf[RTNL_BUF];
	struct addr_req r;
	struct done *d = &done[ndone];
	struct nlb b;
	int err;

	if (ip->maclen && (err = set_link(idx, NULL, 0, IFF_UP, 0, ip->mac, ip->maclen, -1))) {
		msg("%s: cannot set MAC address: %s", dev, errtext(err));
		return -1;
	}
	if (ip->mtu && (err = set_link(idx, NULL, 0, 0, ip->mtu, NULL, 0, -1))) {
		msg("%s: cannot set MTU %d: %s", dev, ip->mtu, errtext(err));
		return -1;
	}
	if (up(idx, dev) || wait_carrier(idx, dev))
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
		uint32_t a, mask = ip->plen ? htonl(0xffffffffu << (32 - ip->plen)) : 0, bc;

		memcpy(&a, ip->addr.a, 4);
		bc = (a & mask) | ~mask;
		r.has_brd = 1;
		memcpy(r.brd, &bc, 4);
	}
	rtnl_addr_build(&b, buf, sizeof(buf), RTM_NEWADDR, NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, &r);
	if ((err = talk(&b)) && err != -EEXIST) {
		msg("%s: cannot add %s/%d: %s", dev, ntop(&ip->addr), r.plen, errtext(err));
		return -1;
	}
	if (ip->gw.family && (err = route(ip->gw.family, NULL, 0, ip->gw.a, idx, NLM_F_REPLACE))) {
		msg("%s: cannot add the default route via %s: %s", dev, ntop(&ip->gw), errtext(err));
		return -1;
	}
	if (ip->hostname[0] && (err = sys_sethostname(ip->hostname, strlen(ip->hostname))))
		msg("%s: cannot set the host name: %s", dev, errtext(err));
	if (ip->addr.family == AF_INET)
		klibc_conf(ip, dev);
done:
	memset(d, 0, sizeof(*d));
	bfmt(d->dev, sizeof(d->dev), "%s", dev);
	if (ip->gw.family)
		bfmt(d->gw, sizeof(d->gw), "%s", ntop(&ip->gw));
	bfmt(d->host, sizeof(d->host), "%s", ip->hostname);
	for (int i = 0; i < 2; i++)
		if (ip->dns[i].family)
			bfmt(d->ns[d->nns++], sizeof(d->ns[0]), "%s", ntop(&ip->dns[i]));
	ndone++;
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
	struct done *d = &done[ndone];
	ssize_t n;
	int fd;

	bfmt(path, sizeof(path), "/run/net-%s.conf", dev);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, conf, sizeof(conf) - 1);
	close(fd);
	conf[n > 0 ? n : 0] = 0;
	memset(d, 0, sizeof(*d));
	d->dhcp = 1;
	bfmt(d->dev, sizeof(d->dev), "%s", dev);
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
				bfmt(d->ns[d->nns++], sizeof(d->ns[0]), "%s", v);
		}
	}
	ndone++;
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

/* ipconfig -t T [-o] SPEC...: each SPEC ::::HOST:DEV:dhcp. In a child: ipconfig keeps its
 * state in statics, for one run of a process. 0 when every device (with -o: one) has a lease. */
static int dhcp(char specs[][96], int nspec, int any, char (*names)[IFNAMSIZ])
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

		bfmt(path, sizeof(path), "/run/net-%s.conf", names[i]);
		unlink(path);
		argv[argc++] = specs[i];
	}
	argv[argc] = NULL;
	out_flush();
	if ((pid = fork()) < 0) {
		msg_err(errno, "fork");
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
	char path[48];
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
	bfmt(path, sizeof(path), "/run/net6-%s.conf", dev);
	put_file(path, buf, 0);
}

static int six(const struct dr_ip *ip, const char *dev, int idx)
{
	static struct nb6 r;
	struct done *d = &done[ndone];
	struct dr_addr a = { AF_INET6, { 0 } };
	int err;

	if (up(idx, dev) || wait_carrier(idx, dev) || netboot6(&sk, dev, idx, ip->method & V6, &dn, &r))
		return -1;
	if (ip->hostname[0] && (err = sys_sethostname(ip->hostname, strlen(ip->hostname))))
		msg("%s: cannot set the host name: %s", dev, errtext(err));
	net6_conf(dev, &r, ip->hostname);
	memset(d, 0, sizeof(*d));
	d->dhcp = r.dhcp;
	bfmt(d->dev, sizeof(d->dev), "%s", dev);
	bfmt(d->host, sizeof(d->host), "%s", ip->hostname);
	if (dn.peerdns) {
		bfmt(d->search, sizeof(d->search), "%s", r.search);
		for (int i = 0; i < r.nns; i++) {
			memcpy(a.a, r.ns[i], 16);
			bfmt(d->ns[d->nns++], sizeof(d->ns[0]), "%s", ntop(&a));
		}
	}
	for (int i = 0; i < 2; i++)
		if (ip->dns[i].family)
			bfmt(d->ns[d->nns++], sizeof(d->ns[0]), "%s", ntop(&ip->dns[i]));
	ndone++;
	return 0;
}

/* ---- the state files ---- */

/* DEV's MAC as /sys/class/net/DEV/address has it (where ifup.sh reads it), "" when unreadable. */
static void sys_mac(const char *dev, char *mac, size_t size)
{
	char path[64];
	ssize_t n;
	int fd;

	bfmt(path, sizeof(path), "/sys/class/net/%s/address", dev);
	mac[0] = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	n = read(fd, mac, size - 1);
	close(fd);
	mac[n > 0 ? n : 0] = 0;
	mac[strcspn(mac, "\n")] = 0;
}

/* /tmp/net.MAC.up and .did-setup too, which ifup.sh and setup_net write for a device that is not
 * a VLAN (their DO_VLAN); ifup.sh skips a device whose MAC did its setup. A VLAN that DHCP
 * configured gets them all the same: dhclient-script and the initqueue's setup_net do not look
 * at DO_VLAN. */
static void mac_state(const char *dev, const char *mac, int dhcp)
{
	char path[128];

	for (int i = 0; i < dn.nvlan && !dhcp; i++)
		if (!strcmp(dn.vlan[i].name, dev))
			return;
	if (!mac[0])
		return;
	bfmt(path, sizeof(path), "/tmp/net.%s.up", mac);
	put_file(path, "", 0);
	bfmt(path, sizeof(path), "/tmp/net.%s.did-setup", mac);
	put_file(path, "", 0);
}

/* /tmp/net.DEV.override: from the first ip= that ifup.sh would take for DEV (its device by name or
 * MAC, or none), as it writes it. */
static void override(const char *dev, const char *mac)
{
	char path[64], m[24];

	for (int i = 0; i < dn.nip; i++) {
		const struct dr_ip *ip = &dn.ip[i];
		const uint8_t *a = ip->devmac;

		bfmt(m, sizeof(m), "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
		if (ip->dev_is_mac ? !strcmp(m, mac) : !ip->dev[0] || !strcmp(ip->dev, dev)) {
			bfmt(path, sizeof(path), "/tmp/net.%s.override", dev);
			put_file(path, ip->override, 0);
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

static void state(void)
{
	static char buf[4096], all[4096], ifaces[512];
	char path[64], mac[72], bootdev[sizeof(dn.bootdev)];
	size_t ai = 0, ii = 0;

	all[0] = ifaces[0] = 0;
	state_bootdev(bootdev, sizeof(bootdev));
	for (int k = 0; k < ndone; k++) {
		/* bootdev's first, as parse-ip-opts.sh orders IFACES */
		int i = k;

		if (bootdev[0]) {
			int b = -1;
			for (int j = 0; j < ndone; j++)
				if (b < 0 && !strcmp(done[j].dev, bootdev))
					b = j;
			if (b >= 0)
				i = k == 0 ? b : (k <= b ? k - 1 : k);
		}
		const struct done *d = &done[i], *gw = NULL, *host = NULL;
		size_t n = 0;
		int dup = 0;

		/* A device that IPv4 and IPv6 both configured has an entry of each: one set of files. */
		for (int j = 0; j < i; j++)
			dup |= !strcmp(done[j].dev, d->dev);
		if (dup)
			continue;
		buf[0] = 0;
		for (int j = i; j < ndone; j++) {
			const struct done *e = &done[j];

			if (strcmp(e->dev, d->dev))
				continue;
			gw = gw ? gw : e->gw[0] ? e : NULL;
			host = host ? host : e->host[0] ? e : NULL;
			if (e->search[0])
				n += (size_t)bfmt(buf + n, sizeof(buf) - n, "search %s\n", e->search);
			for (int k = 0; k < e->nns && n < sizeof(buf); k++)
				n += (size_t)bfmt(buf + n, sizeof(buf) - n, "nameserver %s\n", e->ns[k]);
		}
		for (int j = 0; j < dn.nns && n < sizeof(buf); j++)
			n += (size_t)bfmt(buf + n, sizeof(buf) - n, "nameserver %s\n", ntop(&dn.ns[j]));
		bfmt(path, sizeof(path), "/tmp/net.%s.resolv.conf", d->dev);
		if (buf[0])
			put_file(path, buf, 0);
		/* /etc/resolv.conf: every device's lines, each once (setup_net's awk '!a[$0]++') */
		for (char *l = buf, *e; *l; l = e + 1) {
			char line[300];

			e = strchr(l, '\n');
			bfmt(line, sizeof(line), "%.*s", (int)(e - l + 1), l);
			if (!strstr(all, line) && ai + strlen(line) < sizeof(all))
				ai += (size_t)bfmt(all + ai, sizeof(all) - ai, "%s", line);
		}
		if (gw) {
			bfmt(buf, sizeof(buf), gw->dhcp ? "ip route replace default via %s dev %s\n" :
			     "ip route replace default via '%s' dev '%s'\n", gw->gw, d->dev);
			bfmt(path, sizeof(path), "/tmp/net.%s.gw", d->dev);
			put_file(path, buf, 0);
		}
		if (host) {
			bfmt(buf, sizeof(buf), "echo '%s' > /proc/sys/kernel/hostname\n", host->host);
			bfmt(path, sizeof(path), "/tmp/net.%s.hostname", d->dev);
			put_file(path, buf, 0);
		}
		bfmt(path, sizeof(path), "/tmp/net.%s.up", d->dev);
		put_file(path, "", 0);
		bfmt(path, sizeof(path), "/tmp/net.%s.did-setup", d->dev);
		put_file(path, "", 0);
		sys_mac(d->dev, mac, sizeof(mac));
		mac_state(d->dev, mac, d->dhcp);
		override(d->dev, mac);
		if (named(d->dev))
			ii += (size_t)bfmt(ifaces + ii, sizeof(ifaces) > ii ? sizeof(ifaces) - ii : 0, "%s%s", ii ? " " : "",
					   d->dev);
	}
	if (all[0])
		put_file("/etc/resolv.conf", all, 0);
	if (ifaces[0]) {
		bfmt(buf, sizeof(buf), "%s\n", ifaces);
		put_file("/tmp/net.ifaces", buf, 0);
	}
	if (bootdev[0]) {
		bfmt(buf, sizeof(buf), "%s\n", bootdev);
		put_file("/tmp/net.bootdev", buf, 0);
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
			msg("rd.route=%s/%d: %s", ntop(&r->dst), r->plen, errtext(err));
			return -1;
		}
	}
	return 0;
}

/* ip=auto6 (dhcp6, either6) with no device: each broadcast device that is not a port, as
 * network-legacy's ifup runs for each; the first that is configured wins. */
static int six_any(const struct dr_ip *ip)
{
	static struct cand c;
	struct rtnl_filter flt = { .family = AF_UNSPEC, .ext_mask = RTEXT_FILTER_SKIP_STATS };

	c.n = 0;
	rtnl_link_dump(&sk, &flt, list_cand, &c);
	for (int i = 0; i < c.n; i++) {
		int idx = index_of(c.names[i], "ip=");

		if (idx >= 0 && !six(ip, c.names[i], idx))
			return 0;
	}
	msg("no device to configure");
	return -1;
}

/* ibft, team= and the IPv6 methods in a build without them: said before anything is done. */
static int methods_refused(void)
{
	static const struct { unsigned bit; const char *name; } no[] = {
		{ DR_DHCP6, "dhcp6" }, { DR_AUTO6, "auto6" }, { DR_EITHER6, "either6" }, { DR_IBFT, "ibft" },
	};

	if (dn.has_team) {
		msg("team= is not supported (it needs teamd)");
		return 1;
	}
	for (int i = 0; i < dn.nip; i++)
		for (size_t k = 0; k < sizeof(no) / sizeof(no[0]); k++)
			if (dn.ip[i].method & no[k].bit && (no[k].bit == DR_IBFT || !NSBOX_FEATURE_NETBOOT6)) {
				if (no[k].bit != DR_IBFT)
					NSBOX_LEFT_OUT(no[k].name, "NSBOX_FEATURE_NETBOOT6");
				msg("%s is not supported yet", no[k].name);
				return 1;
			}
	return 0;
}

static int run(void)
{
	static char specs[DR_IP_MAX + 16][96];
	static char names[DR_IP_MAX + 16][IFNAMSIZ];
	static struct cand c;
	int nspec = 0, any = 0;

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
				msg("ip=: no device has the MAC address %02x-%02x-%02x-%02x-%02x-%02x", ip->devmac[0],
				    ip->devmac[1], ip->devmac[2], ip->devmac[3], ip->devmac[4], ip->devmac[5]);
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
		if (ip->maclen && set_link(idx, NULL, 0, IFF_UP, 0, ip->mac, ip->maclen, -1)) {
			msg("%s: cannot set MAC address", dev);
			return 1;
		}
		if (ip->mtu && set_link(idx, NULL, 0, 0, ip->mtu, NULL, 0, -1)) {
			msg("%s: cannot set MTU %d", dev, ip->mtu);
			return 1;
		}
		if (NSBOX_FEATURE_NETBOOT6 && (ip->method & V6) && six(ip, dev, idx))
			return 1;
		if (!(ip->method & (DR_DHCP | DR_SINGLE_DHCP)))
			continue;
		bfmt(names[nspec], IFNAMSIZ, "%s", dev);
		bfmt(specs[nspec++], sizeof(specs[0]), "::::%s:%s:dhcp", ip->hostname, dev);
	}
	if (!dn.nip) {
		/* No ip=: DHCP on bootdev (BOOTIF's), else on every device (network-legacy's default). */
		if (dn.bootdev[0]) {
			bfmt(names[nspec], IFNAMSIZ, "%s", dn.bootdev);
			bfmt(specs[nspec++], sizeof(specs[0]), "%s", dn.bootdev);
		} else {
			any = 1;
		}
	}
	if (any) {
		struct rtnl_filter flt = { .family = AF_UNSPEC, .ext_mask = RTEXT_FILTER_SKIP_STATS };

		c.n = 0;
		rtnl_link_dump(&sk, &flt, list_cand, &c);
		for (int i = 0; i < c.n && nspec < DR_IP_MAX + 16; i++) {
			bfmt(names[nspec], IFNAMSIZ, "%s", c.names[i]);
			bfmt(specs[nspec++], sizeof(specs[0]), "%s", c.names[i]);
		}
		if (!nspec) {
			msg("no device to configure");
			return 1;
		}
	}
	if (nspec && dhcp(specs, nspec, any, names))
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
		int fd = open(file, O_RDONLY | O_CLOEXEC);
		ssize_t n;

		if (fd < 0 || (n = read(fd, line, sizeof(line) - 1)) < 0) {
			msg_err(errno, "%s", file);
			return 1;
		}
		close(fd);
		line[n] = 0;
		text = line;
	}
	if (dracut_parse(text, &dn)) {
		msg("%s", dn.err);
		return 1;
	}
	if ((err = nl_open(&sk, NETLINK_ROUTE))) {
		msg("cannot open netlink socket: %s", errtext(err));
		return 1;
	}
	return run();
}
