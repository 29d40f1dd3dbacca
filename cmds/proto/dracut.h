/* dracut's network command line (dracut.cmdline(7), "Network"; the network-legacy module's
 * parse-*.sh and net-lib.sh's ip_to_var, route_to_var, fix_bootif, parse_ifname_opts): a pure
 * parser from the command line (as /proc/cmdline holds it) to a struct. Words that are not
 * dracut's network words are left alone. A word of ours that does not parse is an error that
 * names it; nothing is guessed. team= is not taken (it needs teamd). */
#ifndef NSBOX_DRACUT_H
#define NSBOX_DRACUT_H

#include <stdint.h>

#define DR_NAME 16           /* IFNAMSIZ */
#define DR_IP_MAX 16
#define DR_OVERRIDE_MAX 512  /* the longest valid fields of a long ip= as override lines, and more */
#define DR_NS_MAX 8
#define DR_ROUTE_MAX 16
#define DR_IFNAME_MAX 16
#define DR_LINK_MAX 8        /* vlans, bonds, bridges: each */
#define DR_PORT_MAX 8        /* slaves of a bond, ports of a bridge */
#define DR_BOPT_MAX 16
#define DR_ARP_MAX 16        /* the bonding driver's BOND_MAX_ARP_TARGETS */
#define DR_HWADDR_MAX 20     /* InfiniBand's 20 bytes; Ethernet's 6 */
#define DR_ERR_MAX 200

/* Methods of ip= (a comma-separated list in dracut): bits. None of them: static. */
enum {
	DR_DHCP = 1,         /* dhcp, on, any */
	DR_SINGLE_DHCP = 2,  /* single-dhcp: all devices at once, the first answer wins */
	DR_DHCP6 = 4,
	DR_AUTO6 = 8,
	DR_EITHER6 = 16,     /* auto6, else dhcp6 */
	DR_LINK6 = 32,       /* up, with its link-local address only */
	DR_IBFT = 64,        /* from the firmware's iBFT */
};

struct dr_addr {
	int family;          /* 0 (none), AF_INET or AF_INET6 */
	uint8_t a[16];
};

/* One ip= word. */
struct dr_ip {
	unsigned method;     /* DR_* bits; 0: static (none, off) */
	char dev[DR_NAME];   /* "" when none was given */
	int dev_is_mac;      /* dev was a MAC in BOOTIF's form (aa-bb-..): devmac holds it */
	uint8_t devmac[6];
	struct dr_addr addr, peer, gw;
	int plen;            /* of addr (netmask or length), -1 when none */
	int peer_plen;       /* /N after the peer, -1 when none */
	char hostname[65];
	int mtu;             /* 0 when none */
	int maclen;          /* MAC to set on the device, 0 when none */
	uint8_t mac[DR_HWADDR_MAX];
	struct dr_addr dns[2];
	/* ifup.sh's /tmp/net.DEV.override: the fields as written (ip_to_var's ip, srv, gw, mask,
	 * hostname, macaddr, mtu, dns1, dns2), a "name=value" line each that is not empty */
	char override[DR_OVERRIDE_MAX];
};

struct dr_route {
	struct dr_addr dst, gw;
	int plen;
	char dev[DR_NAME];
};

struct dr_ifname {
	char name[DR_NAME];
	int maclen;          /* 6 or 20 */
	uint8_t mac[DR_HWADDR_MAX];
};

struct dr_vlan {
	char name[DR_NAME], phys[DR_NAME];
	int id;              /* from the name: vlanN, vlan000N, DEV.N, DEV.000N */
};

/* A bonding option as IFLA_BOND_* carries it: an integer (u8 or u32 by the attribute),
 * arp_ip_target's addresses, or primary/active_slave's device name. */
struct dr_bopt {
	uint16_t attr;
	uint8_t size;        /* 1 or 4; 0 for a device name (dev) or the ARP targets */
	uint32_t val;
	char dev[DR_NAME];
};

struct dr_bond {
	char name[DR_NAME];
	int nslaves;
	char slaves[DR_PORT_MAX][DR_NAME];
	int nopts;
	struct dr_bopt opts[DR_BOPT_MAX];
	int narp;
	uint32_t arp[DR_ARP_MAX];   /* network order */
	int mtu;             /* 0 when none */
};

struct dr_bridge {
	char name[DR_NAME];
	int nports;
	char ports[DR_PORT_MAX][DR_NAME];
};

struct dracut_net {
	int nip;
	struct dr_ip ip[DR_IP_MAX];
	int nns;
	struct dr_addr ns[DR_NS_MAX];       /* nameserver= */
	int nroutes;
	struct dr_route routes[DR_ROUTE_MAX];
	int nifname;
	struct dr_ifname ifname[DR_IFNAME_MAX];
	int nvlan, nbond, nbridge;
	struct dr_vlan vlan[DR_LINK_MAX];
	struct dr_bond bond[DR_LINK_MAX];
	struct dr_bridge bridge[DR_LINK_MAX];
	char bootdev[DR_NAME];               /* bootdev=, "" when none */
	int has_bootif;                      /* BOOTIF= (and not rd.bootif=0) */
	uint8_t bootif[6];
	int bootif_off;                      /* rd.bootif=0 */
	int has_team;                        /* team=: refused, it needs teamd */
	int peerdns;                         /* rd.peerdns: 1 unless rd.peerdns=0 */
	int neednet;                         /* rd.neednet: 1, 0, or -1 when not given */
	int timeout_dhcp;                    /* rd.net.timeout.dhcp= seconds, -1 when not given */
	int timeout_carrier;                 /* rd.net.timeout.carrier= seconds, -1 when not given */
	int timeout_ipv6auto;                /* rd.net.timeout.ipv6auto= seconds, -1 when not given */
	int timeout_ipv6dad;                 /* rd.net.timeout.ipv6dad= seconds, -1 when not given */
	char err[DR_ERR_MAX];                /* why dracut_parse failed: "WORD: reason" */
};

/* Parse a whole command line (words split at blanks; "..." quotes as the kernel takes them)
 * into n, which it zeroes first. 0, or -1 with n->err naming the word and what is wrong. */
int dracut_parse(const char *cmdline, struct dracut_net *n);

#endif
