/* cmds/proto/dracut.c: every form of dracut's network words (dracut.cmdline(7), network-legacy's
 * ip_to_var, route_to_var, fix_bootif, parse_ifname_opts, parse-{bond,bridge,vlan}.sh) and
 * malformed ones, each of which must fail naming the word. */
#include <arpa/inet.h>
#include "dracut.h"
#define UNIT_WIRE_ORDER
#include "unit.h"

static struct dracut_net n;

static int ok(const char *s)
{
	int r = dracut_parse(s, &n);

	if (r)
		print_message("unexpected error: %s\n", n.err);
	return r == 0;
}

static void addr_is(const struct dr_addr *a, const char *want)
{
	char buf[INET6_ADDRSTRLEN];

	assert_non_null(inet_ntop(a->family, a->a, buf, sizeof(buf)));
	assert_string_equal(buf, want);
}

/* dracut_parse fails and its message starts with prefix. */
static void bad(const char *s, const char *prefix)
{
	if (dracut_parse(s, &n) != -1)
		print_message("accepted: %s\n", s), fail();
	if (strncmp(n.err, prefix, strlen(prefix))) {
		print_message("for %s: got '%s'\n", s, n.err);
		fail();
	}
}

static void test_defaults(void **state)
{
	(void)state;
	assert_true(ok("BOOT_IMAGE=/vmlinuz root=/dev/sda1 ro quiet"));
	assert_int_equal(n.nip, 0);
	assert_int_equal(n.peerdns, 1);
	assert_int_equal(n.neednet, -1);
	assert_int_equal(n.timeout_dhcp, -1);
	assert_int_equal(n.timeout_carrier, -1);
	assert_int_equal(n.timeout_ipv6auto, -1);
	assert_int_equal(n.timeout_ipv6dad, -1);
	assert_true(ok(""));
	/* quotes as the kernel takes them; words not ours are left alone, however odd */
	assert_true(ok("foo=\"a b c\" ip=\"eth0:dhcp\" iptables=x ip6=y initrd=:::: =x"));
	assert_int_equal(n.nip, 1);
	assert_string_equal(n.ip[0].dev, "eth0");
}

static void test_ip_method(void **state)
{
	static const struct { const char *w; unsigned m; } t[] = {
		{ "ip=dhcp", DR_DHCP }, { "ip=on", DR_DHCP }, { "ip=any", DR_DHCP }, { "ip=dhcp6", DR_DHCP6 },
		{ "ip=auto6", DR_AUTO6 }, { "ip=either6", DR_EITHER6 }, { "ip=link6", DR_LINK6 },
		{ "ip=single-dhcp", DR_SINGLE_DHCP }, { "ip=dhcp,dhcp6", DR_DHCP | DR_DHCP6 }, { "ip=ibft", DR_IBFT },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_true(ok(t[i].w));
		assert_int_equal(n.nip, 1);
		assert_int_equal(n.ip[0].method, t[i].m);
		assert_string_equal(n.ip[0].dev, "");
	}
	bad("ip=", "ip=: empty");
	bad("ip=dhcp4", "ip=dhcp4: unknown method 'dhcp4'");
	bad("ip=none", "ip=none: none or off without a static configuration");
	bad("ip=off", "ip=off: none or off");
	bad("ip=10.0.0.1", "ip=10.0.0.1: ip=ADDRESS without a configuration is not supported");
	bad("ip=dhcp,none", "ip=dhcp,none: unknown method");
}

static void test_ip_dev(void **state)
{
	(void)state;
	assert_true(ok("ip=eth0:dhcp"));
	assert_string_equal(n.ip[0].dev, "eth0");
	assert_int_equal(n.ip[0].method, DR_DHCP);
	assert_int_equal(n.ip[0].mtu, 0);
	assert_int_equal(n.ip[0].maclen, 0);
	assert_true(ok("ip=eth0:dhcp6 ip=eth1:auto6 ip=eth2:on ip=eth3:any ip=eth4:either6"));
	assert_int_equal(n.nip, 5);
	assert_int_equal(n.ip[1].method, DR_AUTO6);
	assert_int_equal(n.ip[4].method, DR_EITHER6);
	assert_true(ok("ip=eth0:dhcp:9000"));
	assert_int_equal(n.ip[0].mtu, 9000);
	assert_true(ok("ip=eth0:dhcp:1400:52:54:00:12:34:56"));
	assert_int_equal(n.ip[0].mtu, 1400);
	assert_int_equal(n.ip[0].maclen, 6);
	assert_memory_equal(n.ip[0].mac, "\x52\x54\x00\x12\x34\x56", 6);
	assert_true(ok("ip=eth0:dhcp::52-54-00-12-34-AB"));
	assert_int_equal(n.ip[0].mtu, 0);
	assert_memory_equal(n.ip[0].mac, "\x52\x54\x00\x12\x34\xab", 6);
	/* a device named by its MAC, as ifup.sh takes it */
	assert_true(ok("ip=52-54-00-12-34-56:dhcp"));
	assert_int_equal(n.ip[0].dev_is_mac, 1);
	assert_memory_equal(n.ip[0].devmac, "\x52\x54\x00\x12\x34\x56", 6);
	assert_true(ok("ip=:dhcp"));
	assert_string_equal(n.ip[0].dev, "");
	bad("ip=eth0:dhcp:x", "ip=eth0:dhcp:x: invalid MTU 'x'");
	bad("ip=eth0:dhcp:0", "ip=eth0:dhcp:0: invalid MTU");
	bad("ip=eth0:dhcp:65536", "ip=eth0:dhcp:65536: invalid MTU");
	bad("ip=eth0:dhcp:1500:52:54:00:12:34", "ip=eth0:dhcp:1500:52:54:00:12:34: invalid MAC address");
	bad("ip=eth0:dhcp:1500:zz:54:00:12:34:56", "ip=eth0:dhcp:1500:zz:54:00:12:34:56: invalid MAC");
	bad("ip=averyveryverylongname:dhcp", "ip=averyveryverylongname:dhcp: invalid device name");
	bad("ip=eth0:dhcp ip=eth0:dhcp6", "ip=: two configurations for one device 'eth0'");
	bad("ip=eth0:dhcp ip=dhcp", "ip=: with several ip= words, each needs a device");
	/* ibft does not count among several */
	assert_true(ok("ip=ibft ip=dhcp"));
}

static void test_ip_static(void **state)
{
	const struct dr_ip *ip = &n.ip[0];

	(void)state;
	assert_true(ok("ip=192.168.1.10::192.168.1.1:255.255.255.0:myhost:eth0:none"));
	assert_int_equal(ip->method, 0);
	addr_is(&ip->addr, "192.168.1.10");
	addr_is(&ip->gw, "192.168.1.1");
	assert_int_equal(ip->plen, 24);
	assert_int_equal(ip->peer.family, 0);
	assert_string_equal(ip->hostname, "myhost");
	assert_string_equal(ip->dev, "eth0");
	assert_true(ok("ip=10.0.0.2:10.0.0.1::255.255.255.255::ppp0:off:1400:02:00:00:00:00:01"));
	addr_is(&ip->peer, "10.0.0.1");
	assert_int_equal(ip->plen, 32);
	assert_int_equal(ip->gw.family, 0);
	assert_int_equal(ip->mtu, 1400);
	assert_int_equal(ip->maclen, 6);
	assert_memory_equal(ip->mac, "\x02\x00\x00\x00\x00\x01", 6);
	/* a peer with /N, the netmask as a length */
	assert_true(ok("ip=10.0.0.2:10.0.0.1/30::30::eth0:none"));
	assert_int_equal(ip->peer_plen, 30);
	assert_int_equal(ip->plen, 30);
	/* DNS servers after the method */
	assert_true(ok("ip=10.0.0.2::10.0.0.1:255.0.0.0::eth0:none:10.0.0.53:10.0.0.54"));
	addr_is(&ip->dns[0], "10.0.0.53");
	addr_is(&ip->dns[1], "10.0.0.54");
	assert_int_equal(ip->mtu, 0);
	assert_true(ok("ip=10.0.0.2::10.0.0.1:255.0.0.0::eth0:none:[2001:db8::53]"));
	addr_is(&ip->dns[0], "2001:db8::53");
	assert_int_equal(ip->dns[1].family, 0);
	/* MTU only, and MAC only (an empty MTU) */
	assert_true(ok("ip=10.0.0.2:::8::eth0:none:9000"));
	assert_int_equal(ip->mtu, 9000);
	assert_true(ok("ip=10.0.0.2:::8::eth0:none::02-00-00-00-00-02"));
	assert_int_equal(ip->mtu, 0);
	assert_memory_equal(ip->mac, "\x02\x00\x00\x00\x00\x02", 6);
	/* IPv6 in brackets */
	assert_true(ok("ip=[2001:db8::10]::[2001:db8::1]:64:h6:eth1:none"));
	addr_is(&ip->addr, "2001:db8::10");
	addr_is(&ip->gw, "2001:db8::1");
	assert_int_equal(ip->plen, 64);
	assert_string_equal(ip->dev, "eth1");
	assert_true(ok("ip=[2001:db8::10]:[2001:db8::1]::64::eth1:none"));
	addr_is(&ip->peer, "2001:db8::1");
	/* DHCP with a host name and device; an empty method is dhcp */
	assert_true(ok("ip=::::client1:eth0:dhcp"));
	assert_int_equal(ip->method, DR_DHCP);
	assert_string_equal(ip->hostname, "client1");
	assert_true(ok("ip=:::::eth0:"));
	assert_int_equal(ip->method, DR_DHCP);
	assert_true(ok("ip=::::::dhcp"));
	/* a static one without a device takes bootdev's or BOOTIF's */
	assert_true(ok("ip=10.0.0.2:::8:::none bootdev=eth0"));
	assert_true(ok("ip=10.0.0.2:::8:::none BOOTIF=01-02-00-00-00-00-01"));
}

static void test_ip_static_bad(void **state)
{
	(void)state;
	bad("ip=10.0.0.300::::x:eth0:none", "ip=10.0.0.300::::x:eth0:none: invalid client address '10.0.0.300'");
	bad("ip=10.0.0.2::10.0.0.x:8::eth0:none", "ip=10.0.0.2::10.0.0.x:8::eth0:none: invalid gateway address");
	bad("ip=10.0.0.2::[2001:db8::1]:8::eth0:none", "ip=10.0.0.2::[2001:db8::1]:8::eth0:none: invalid gateway");
	bad("ip=10.0.0.2:x::8::eth0:none", "ip=10.0.0.2:x::8::eth0:none: invalid peer address 'x'");
	bad("ip=10.0.0.2:::255.0.255.0::eth0:none", "ip=10.0.0.2:::255.0.255.0::eth0:none: invalid netmask");
	bad("ip=10.0.0.2:::33::eth0:none", "ip=10.0.0.2:::33::eth0:none: invalid netmask '33'");
	bad("ip=[2001:db8::1]:::129::eth0:none", "ip=[2001:db8::1]:::129::eth0:none: invalid netmask");
	bad("ip=[2001:db8::1]:::255.255.0.0::eth0:none", "ip=[2001:db8::1]:::255.255.0.0::eth0:none: invalid netmask");
	bad("ip=10.0.0.2:::8:bad/host:eth0:none", "ip=10.0.0.2:::8:bad/host:eth0:none: invalid host name");
	bad("ip=10.0.0.2:::8::eth0:static", "ip=10.0.0.2:::8::eth0:static: unknown method 'static'");
	bad("ip=10.0.0.2:::8::eth0:none:1500:1", "ip=10.0.0.2:::8::eth0:none:1500:1: invalid MAC address");
	bad("ip=10.0.0.2:::8::eth0:none:x", "ip=10.0.0.2:::8::eth0:none:x: invalid MTU 'x'");
	bad("ip=10.0.0.2:::8::eth0:none:1.2.3.4:5.6.7.8:9.9.9.9",
	    "ip=10.0.0.2:::8::eth0:none:1.2.3.4:5.6.7.8:9.9.9.9: too many fields");
	bad("ip=10.0.0.2:::8::eth0:none:1.2.3.4:x", "ip=10.0.0.2:::8::eth0:none:1.2.3.4:x: invalid DNS server 'x'");
	bad("ip=10.0.0.2:::::eth0:none", "ip=10.0.0.2:::::eth0:none: a static configuration needs a netmask");
	bad("ip=::::h:eth0:none", "ip=::::h:eth0:none: a static configuration needs a client address");
	bad("ip=10.0.0.2:::8::eth0:dhcp", "ip=10.0.0.2:::8::eth0:dhcp: a client address does not go with 'dhcp'");
	bad("ip=10.0.0.2:::8:::none", "ip=: a static configuration needs a device");
	bad("ip=10.0.0.2:::8::eth0", "ip=10.0.0.2:::8::eth0: expected CLIENT:PEER:GW");
	bad("ip=[2001:db8::1:::64::eth0:none", "ip=[2001:db8::1:::64::eth0:none: unbalanced");
	bad("ip=[2001:db8::1]x:::64::eth0:none", "ip=[2001:db8::1]x:::64::eth0:none: unbalanced");
	bad("ip=1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16:17:18:19:20:21:22:23:24:25", "ip=1:2:3");
}

static void test_ifname_bootif(void **state)
{
	(void)state;
	assert_true(ok("ifname=bootnet:52:54:00:AB:cd:EF ifname=net2:52:54:00:00:00:02"));
	assert_int_equal(n.nifname, 2);
	assert_string_equal(n.ifname[0].name, "bootnet");
	assert_int_equal(n.ifname[0].maclen, 6);
	assert_memory_equal(n.ifname[0].mac, "\x52\x54\x00\xab\xcd\xef", 6);
	assert_true(ok("ifname=ib0:80:00:00:48:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0f:1a:2b"));
	assert_int_equal(n.ifname[0].maclen, 20);
	bad("ifname=bootnet", "ifname=bootnet: expected NAME:MAC");
	bad("ifname=bootnet:52:54:00:ab:cd", "ifname=bootnet:52:54:00:ab:cd: expected NAME:MAC");
	bad("ifname=bootnet:52:54:00:ab:cd:xx", "ifname=bootnet:52:54:00:ab:cd:xx: invalid MAC address");
	bad("ifname=bootnet:52:54:00:ab:cd:e", "ifname=bootnet:52:54:00:ab:cd:e: invalid MAC address");
	bad("ifname=a:52:54:00:00:00:01 ifname=a:52:54:00:00:00:02", "ifname=a:52:54:00:00:00:02: another ifname=");
	bad("ifname=a:52:54:00:00:00:01 ifname=b:52:54:00:00:00:01", "ifname=b:52:54:00:00:00:01: another ifname=");

	assert_true(ok("BOOTIF=01-52-54-00-12-34-56"));
	assert_int_equal(n.has_bootif, 1);
	assert_memory_equal(n.bootif, "\x52\x54\x00\x12\x34\x56", 6);
	assert_true(ok("BOOTIF=52-54-00-12-34-5A"));
	assert_memory_equal(n.bootif, "\x52\x54\x00\x12\x34\x5a", 6);
	assert_true(ok("BOOTIF=01-52-54-00-12-34-56 rd.bootif=0"));
	assert_int_equal(n.has_bootif, 0);
	bad("BOOTIF=01-52-54-00-12", "BOOTIF=01-52-54-00-12: invalid MAC address");
	bad("BOOTIF=01-52-54-00-12-34-56-78", "BOOTIF=01-52-54-00-12-34-56-78: invalid MAC");
	bad("BOOTIF=52:54:00:12:34:56", "BOOTIF=52:54:00:12:34:56: invalid MAC");
	assert_true(ok("bootdev=eth1"));
	assert_string_equal(n.bootdev, "eth1");
	bad("bootdev=", "bootdev=: invalid device name");
	bad("bootdev=a/b", "bootdev=a/b: invalid device name 'a/b'");
	/* team= is taken only to be refused by netboot (it needs teamd) */
	assert_true(ok("team=team0:eth0,eth1"));
	assert_int_equal(n.has_team, 1);
	assert_true(ok("bootdev=eth1"));
	assert_int_equal(n.has_team, 0);
}

static void test_dns_bools(void **state)
{
	(void)state;
	assert_true(ok("nameserver=10.0.0.53 nameserver=2001:db8::53 nameserver=[2001:db8::54]"));
	assert_int_equal(n.nns, 3);
	addr_is(&n.ns[0], "10.0.0.53");
	addr_is(&n.ns[1], "2001:db8::53");
	addr_is(&n.ns[2], "2001:db8::54");
	bad("nameserver=dns.example", "nameserver=dns.example: invalid address 'dns.example'");
	assert_true(ok("rd.peerdns=0"));
	assert_int_equal(n.peerdns, 0);
	assert_true(ok("rd.peerdns=1 rd.neednet=1"));
	assert_int_equal(n.peerdns, 1);
	assert_int_equal(n.neednet, 1);
	assert_true(ok("rd.neednet"));
	assert_int_equal(n.neednet, 1);
	assert_true(ok("rd.neednet=no"));
	assert_int_equal(n.neednet, 0);
	bad("rd.neednet=2", "rd.neednet=2: not a boolean '2'");
	bad("rd.peerdns=maybe", "rd.peerdns=maybe: not a boolean");
	assert_true(ok("rd.net.timeout.dhcp=30 rd.net.timeout.carrier=5"));
	assert_int_equal(n.timeout_dhcp, 30);
	assert_int_equal(n.timeout_carrier, 5);
	assert_true(ok("rd.net.timeout.dhcp=0"));
	assert_int_equal(n.timeout_dhcp, 0);
	bad("rd.net.timeout.dhcp=-1", "rd.net.timeout.dhcp=-1: invalid number of seconds");
	bad("rd.net.timeout.carrier=5s", "rd.net.timeout.carrier=5s: invalid number of seconds");
	assert_true(ok("rd.net.timeout.ipv6auto=7 rd.net.timeout.ipv6dad=3"));
	assert_int_equal(n.timeout_ipv6auto, 7);
	assert_int_equal(n.timeout_ipv6dad, 3);
	assert_int_equal(n.timeout_dhcp, -1);
	bad("rd.net.timeout.ipv6dad=x", "rd.net.timeout.ipv6dad=x: invalid number of seconds");
	bad("rd.net.timeout.dhcp=", "rd.net.timeout.dhcp=: invalid number");
}

static void test_route(void **state)
{
	const struct dr_route *r = &n.routes[0];

	(void)state;
	assert_true(ok("rd.route=192.168.200.0/24:192.168.100.222:ens10"));
	addr_is(&r->dst, "192.168.200.0");
	assert_int_equal(r->plen, 24);
	addr_is(&r->gw, "192.168.100.222");
	assert_string_equal(r->dev, "ens10");
	assert_true(ok("rd.route=192.168.200.0/24:192.168.100.222"));
	assert_string_equal(r->dev, "");
	assert_true(ok("rd.route=192.168.200.0/24::ens10"));
	assert_int_equal(r->gw.family, 0);
	assert_true(ok("rd.route=[2001:DB8:3::/48]:[2001:DB8:2::1]:ens10"));
	addr_is(&r->dst, "2001:db8:3::");
	assert_int_equal(r->plen, 48);
	addr_is(&r->gw, "2001:db8:2::1");
	assert_true(ok("rd.route=10.1.2.3:10.0.0.1"));
	assert_int_equal(r->plen, 32);
	bad("rd.route=192.168.200.0/24", "rd.route=192.168.200.0/24: expected NET/PREFIXLEN:GATEWAY[:DEVICE]");
	bad("rd.route=192.168.200.0/33:10.0.0.1", "rd.route=192.168.200.0/33:10.0.0.1: invalid destination");
	bad("rd.route=192.168.200.0/24:[2001:db8::1]", "rd.route=192.168.200.0/24:[2001:db8::1]: invalid gateway");
	bad("rd.route=192.168.200.0/24:", "rd.route=192.168.200.0/24:: a route needs a gateway or a device");
	bad("rd.route=a:b:c:d", "rd.route=a:b:c:d: expected");
}

static void test_vlan_bridge(void **state)
{
	(void)state;
	assert_true(ok("vlan=vlan0005:eth0 vlan=vlan7:eth0 vlan=eth0.0100:eth0 vlan=eth1.4094:eth1"));
	assert_int_equal(n.nvlan, 4);
	assert_int_equal(n.vlan[0].id, 5);
	assert_string_equal(n.vlan[0].phys, "eth0");
	assert_int_equal(n.vlan[1].id, 7);
	assert_int_equal(n.vlan[2].id, 100);
	assert_int_equal(n.vlan[3].id, 4094);
	bad("vlan=vlan4095:eth0", "vlan=vlan4095:eth0: no VLAN id in the name (vlanN or DEV.N) 'vlan4095'");
	bad("vlan=mgmt:eth0", "vlan=mgmt:eth0: no VLAN id");
	bad("vlan=vlan5", "vlan=vlan5: expected NAME:PHYSDEV");
	bad("vlan=vlan5:eth0:x", "vlan=vlan5:eth0:x: expected NAME:PHYSDEV");
	bad("vlan=vlan5:", "vlan=vlan5:: invalid device name");

	assert_true(ok("bridge=br0:eth0,eth1"));
	assert_int_equal(n.nbridge, 1);
	assert_string_equal(n.bridge[0].name, "br0");
	assert_int_equal(n.bridge[0].nports, 2);
	assert_string_equal(n.bridge[0].ports[1], "eth1");
	assert_true(ok("bridge"));
	assert_string_equal(n.bridge[0].name, "br0");
	assert_string_equal(n.bridge[0].ports[0], "eth0");
	bad("bridge=br0", "bridge=br0: expected NAME:PORTS");
	bad("bridge=br0:eth0,,eth1", "bridge=br0:eth0,,eth1: invalid device name ''");
	bad("bridge=br0:eth0,eth0", "bridge=br0:eth0,eth0: device named twice 'eth0'");
}

static void test_bond(void **state)
{
	const struct dr_bond *b = &n.bond[0];

	(void)state;
	assert_true(ok("bond"));
	assert_string_equal(b->name, "bond0");
	assert_int_equal(b->nslaves, 2);
	assert_string_equal(b->slaves[0], "eth0");
	assert_string_equal(b->slaves[1], "eth1");
	assert_int_equal(b->nopts, 0);
	assert_true(ok("bond=bond1"));
	assert_string_equal(b->name, "bond1");
	assert_int_equal(b->nslaves, 2);
	assert_true(ok("bond=bond0:ens3,ens4:mode=active-backup,miimon=100,primary=ens3:9000"));
	assert_int_equal(b->nslaves, 2);
	assert_int_equal(b->mtu, 9000);
	assert_int_equal(b->nopts, 3);
	assert_int_equal(b->opts[0].attr, IFLA_BOND_MODE);
	assert_int_equal(b->opts[0].size, 1);
	assert_int_equal(b->opts[0].val, 1);
	assert_int_equal(b->opts[1].attr, IFLA_BOND_MIIMON);
	assert_int_equal(b->opts[1].size, 4);
	assert_int_equal(b->opts[1].val, 100);
	assert_int_equal(b->opts[2].attr, IFLA_BOND_PRIMARY);
	assert_int_equal(b->opts[2].size, 0);
	assert_string_equal(b->opts[2].dev, "ens3");
	assert_true(ok("bond=bond0:a,b:mode=4,lacp_rate=fast,xmit_hash_policy=layer3+4"));
	assert_int_equal(b->opts[0].val, 4);
	assert_int_equal(b->opts[1].val, 1);
	assert_int_equal(b->opts[2].val, 1);
	assert_true(ok("bond=bond0:a,b:mode=active-backup,arp_interval=200,arp_ip_target=10.0.0.1;10.0.0.2"));
	assert_int_equal(b->narp, 2);
	assert_memory_equal(&b->arp[1], "\x0a\x00\x00\x02", 4);
	assert_true(ok("bond=bond0:a,b::1500"));
	assert_int_equal(b->nopts, 0);
	assert_int_equal(b->mtu, 1500);
	bad("bond=bond0:a,b:mode=fast", "bond=bond0:a,b:mode=fast: invalid value of bonding option 'mode'");
	bad("bond=bond0:a,b:mode=7", "bond=bond0:a,b:mode=7: invalid value of bonding option 'mode'");
	bad("bond=bond0:a,b:speed=10", "bond=bond0:a,b:speed=10: unknown bonding option 'speed'");
	bad("bond=bond0:a,b:miimon", "bond=bond0:a,b:miimon: bonding option without a value 'miimon'");
	bad("bond=bond0:a,b:miimon=1,miimon=2", "bond=bond0:a,b:miimon=1,miimon=2: bonding option given twice");
	bad("bond=bond0:a,b:arp_ip_target=x", "bond=bond0:a,b:arp_ip_target=x: invalid arp_ip_target 'x'");
	bad("bond=bond0:a,b:miimon=-1", "bond=bond0:a,b:miimon=-1: invalid value");
	bad("bond=bond0:a,b::x", "bond=bond0:a,b::x: invalid MTU 'x'");
	bad("bond=bond0:a,b:mode=1:1500:x", "bond=bond0:a,b:mode=1:1500:x: expected NAME[:SLAVES[:OPTIONS[:MTU]]]");
}

static void test_long_words(void **state)
{
	static char s[3000];

	(void)state;
	memset(s, 'a', sizeof(s) - 1);
	memcpy(s, "root=", 5);
	assert_true(ok(s));
	memcpy(s, "ip=00", 5);
	bad(s, "ip=00aaaaaaa");
	assert_string_equal(strstr(n.err, ": "), ": word too long");
}

/* ip_to_var's fields as ifup.sh writes them to /tmp/net.DEV.override (the expected texts are what
 * dracut 059's ip_to_var and ifup.sh's loop print for these words). */
static void test_override(void **state)
{
	static const struct {
		const char *word, *want;
	} t[] = {
		{ "ip=eth0:dhcp", "" },
		{ "ip=dhcp", "" },
		{ "ip=eth0:dhcp:1400:52:54:00:12:34:56", "macaddr=52:54:00:12:34:56\nmtu=1400\n" },
		{ "ip=eth0:dhcp::52-54-00-12-34-AB", "macaddr=52-54-00-12-34-AB\n" },
		{ "ip=10.0.0.2:10.0.0.1/30::30::eth0:none", "ip=10.0.0.2\nsrv=10.0.0.1/30\nmask=30\n" },
		{ "ip=10.0.0.2:10.0.0.1::255.255.255.255:h:ppp0:off:1400:02:00:00:00:00:01",
		  "ip=10.0.0.2\nsrv=10.0.0.1\nmask=255.255.255.255\nhostname=h\nmacaddr=02:00:00:00:00:01\nmtu=1400\n" },
		{ "ip=[2001:db8::10]::[2001:db8::1]:64:h6:eth1:none:[2001:db8::53]:10.0.0.54",
		  "ip=2001:db8::10\ngw=2001:db8::1\nmask=64\nhostname=h6\ndns1=2001:db8::53\ndns2=10.0.0.54\n" },
		{ "ip=10.0.0.2:::8::eth0:none::02-00-00-00-00-02", "ip=10.0.0.2\nmask=8\nmacaddr=02-00-00-00-00-02\n" },
		{ "ip=::::client1:eth0:dhcp", "hostname=client1\n" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_true(ok(t[i].word));
		assert_string_equal(n.ip[0].override, t[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_ip_method),
		cmocka_unit_test(test_ip_dev),
		cmocka_unit_test(test_ip_static),
		cmocka_unit_test(test_ip_static_bad),
		cmocka_unit_test(test_ifname_bootif),
		cmocka_unit_test(test_dns_bools),
		cmocka_unit_test(test_route),
		cmocka_unit_test(test_vlan_bridge),
		cmocka_unit_test(test_bond),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_override),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
