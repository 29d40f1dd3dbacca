/* dracut's network command line: see dracut.h. What is taken follows dracut's network-legacy
 * (ip_to_var's forms and parse-ip-opts.sh's checks); where dracut would go on with a value it
 * cannot use (an address that is not one, a VLAN name without an id, an unknown bonding option),
 * this parser stops and says which word. */
#include <stddef.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_link.h>
#include "lib.h"
#include "dracut.h"

#define WORD_MAX 1024
#define FIELD_MAX 24

static int fail(struct dracut_net *n, const char *word, const char *why, const char *what)
{
	size_t i = 0;
	const char *parts[] = { word, ": ", why, what ? " '" : "", what ? what : "", what ? "'" : "" };

	for (size_t p = 0; p < sizeof(parts) / sizeof(parts[0]); p++)
		for (const char *s = parts[p]; *s && i + 1 < sizeof(n->err); s++)
			n->err[i++] = *s;
	n->err[i] = 0;
	return -1;
}

/* Fields split at ':', a field that opens with '[' running to its ']' (IPv6 addresses). The
 * count, or -1 for an unclosed bracket, a bracket not followed by ':', or too many fields. */
static int split(char *s, char **f, int max)
{
	int n = 0;

	for (;;) {
		char *end;

		if (n == max)
			return -1;
		if (*s == '[') {
			if (!(end = strchr(s, ']')) || (end[1] && end[1] != ':'))
				return -1;
			f[n++] = s + 1;
			*end = 0;
			if (!end[1])
				return n;
			s = end + 2;
			continue;
		}
		f[n++] = s;
		if (!(end = strchr(s, ':')))
			return n;
		*end = 0;
		s = end + 1;
	}
}

static int digits(const char *s, unsigned long max, int *out)
{
	unsigned long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || (v = v * 10 + (unsigned long)(*s - '0')) > max)
			return -1;
	}
	*out = (int)v;
	return 0;
}

static int addr(const char *s, struct dr_addr *a)
{
	a->family = strchr(s, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(a->family, s, a->a) != 1) {
		a->family = 0;
		return -1;
	}
	return 0;
}

/* ADDR[/PLEN]: *plen -1 when there is no /PLEN. */
static int prefix(char *s, struct dr_addr *a, int *plen)
{
	char *sl = strchr(s, '/');

	*plen = -1;
	if (sl) {
		*sl = 0;
		if (addr(s, a) || digits(sl + 1, a->family == AF_INET6 ? 128 : 32, plen))
			return -1;
		return 0;
	}
	return addr(s, a);
}

static int devname(const char *s, char *out)
{
	size_t len = strlen(s);

	if (!len || len >= DR_NAME || !strcmp(s, ".") || !strcmp(s, ".."))
		return -1;
	for (const char *p = s; *p; p++)
		if (*p == '/' || *p == ':' || (unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return -1;
	memcpy(out, s, len + 1);
	return 0;
}

static int hexbyte(const char *s, uint8_t *b)
{
	unsigned v = 0;

	for (int i = 0; i < 2; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*b = (uint8_t)v;
	return 0;
}

/* n fields of two hex digits each. */
static int mac_fields(char **f, int n, uint8_t *out)
{
	for (int i = 0; i < n; i++)
		if (strlen(f[i]) != 2 || hexbyte(f[i], &out[i]))
			return -1;
	return 0;
}

/* xx-xx-xx-xx-xx-xx (BOOTIF's form, PXE's type byte first when there are 7): 0, or -1. */
static int dash_mac(const char *s, uint8_t mac[6], int allow_type)
{
	uint8_t b[7];
	size_t len = strlen(s);
	int n;

	if (len == 17)
		n = 6;
	else if (len == 20 && allow_type)
		n = 7;
	else
		return -1;
	for (int i = 0; i < n; i++)
		if (hexbyte(s + 3 * i, &b[i]) || (i + 1 < n && s[3 * i + 2] != '-'))
			return -1;
	memcpy(mac, b + (n - 6), 6);
	return 0;
}

static int boolval(const char *v, int *out)
{
	/* the false words, then (after "\0\0") the true ones, "" first */
	static const char words[] = "0\0no\0off\0false\0\0" "1\0yes\0on\0true";
	const char *w = words;

	for (; w < words + sizeof(words); w += kw_skip(w))
		if (!strcmp(v, w))
			return *out = w > words + 13, 0;
	return -1;
}

/* ---- ip= ---- */

/* The method names, and the bits of each in that order. */
static const char methods[] = "dhcp\0on\0any\0single-dhcp\0dhcp6\0auto6\0either6\0link6\0ibft\0none\0off\0";
static const uint8_t method_bits[] = { DR_DHCP, DR_DHCP, DR_DHCP, DR_SINGLE_DHCP, DR_DHCP6, DR_AUTO6, DR_EITHER6,
				       DR_LINK6, DR_IBFT, 0, 0 };

/* A comma-separated list of methods: 0 with *bits and *is_static, or -1 (and *bad the word). */
static int method_list(char *s, unsigned *bits, int *is_static, const char **bad)
{
	*bits = 0;
	*is_static = 0;
	for (char *w = s, *c; w; w = c) {
		const char *m = methods;
		size_t i = 0;

		if ((c = strchr(w, ',')))
			*c++ = 0;
		for (; *m && strcmp(w, m); m += kw_skip(m))
			i++;
		if (!*m) {
			*bad = w;
			return -1;
		}
		if (method_bits[i])
			*bits |= method_bits[i];
		else
			*is_static = 1;
	}
	if (*is_static && *bits) {
		*bad = s;
		return -1;
	}
	return 0;
}

/* A MAC to set: one field (xx-xx-.. form) or six of two hex digits. */
static int set_mac(struct dr_ip *ip, char **f, int n)
{
	if (n == 1) {
		if (!*f[0])
			return 0;
		ip->maclen = 6;
		return dash_mac(f[0], ip->mac, 0);
	}
	if (n != 6)
		return -1;
	ip->maclen = 6;
	return mac_fields(f, 6, ip->mac);
}

/* One override line, when V is not empty; one that does not fit is left out (the fields are
 * checked after: a word that is kept has short fields). */
static void ov_put(struct dr_ip *ip, const char *name, const char *v)
{
	size_t len = strlen(ip->override), nl = strlen(name), vl = strlen(v);

	if (!vl || len + nl + vl + 2 >= sizeof(ip->override))
		return;
	memcpy(ip->override + len, name, nl);
	ip->override[len + nl] = '=';
	memcpy(ip->override + len + nl + 1, v, vl);
	memcpy(ip->override + len + nl + 1 + vl, "\n", 2);
}

/* ip_to_var's macaddr: one field, or six joined by ':' (set_mac refuses other counts). */
static void ov_mac(struct dr_ip *ip, char **f, int n)
{
	char mac[24];
	size_t len = 0;

	if (n == 1) {
		ov_put(ip, "macaddr", f[0]);
		return;
	}
	for (int i = 0; n == 6 && i < 6; i++) {
		size_t l = strlen(f[i]);

		if (len + l + 2 > sizeof(mac))
			return;
		memcpy(mac + len, f[i], l);
		len += l;
		mac[len++] = i < 5 ? ':' : 0;
	}
	if (n == 6)
		ov_put(ip, "macaddr", mac);
}

/* The override lines of the long form, from the fields as written (before prefix() cuts a peer's
 * /N), in ifup.sh's order: ip srv gw mask hostname macaddr mtu dns1 dns2. */
static void ov_long(struct dr_ip *ip, char **f, int nf)
{
	int dns = nf > 7 && (strchr(f[7], ':') || strchr(f[7], '.'));
	const char *name = "ip\0srv\0gw\0mask\0hostname";

	for (int i = 0; i < 5; i++, name += kw_skip(name))
		ov_put(ip, name, f[i]);
	if (!dns && nf > 8)
		ov_mac(ip, f + 8, nf - 8);
	if (!dns && nf > 7)
		ov_put(ip, "mtu", f[7]);
	for (int i = 0; dns && i < 2 && 7 + i < nf; i++)
		ov_put(ip, i ? "dns2" : "dns1", f[7 + i]);
}

/* ip='s device field: a name, or a MAC (xx-xx-..), or empty. */
static int ip_dev(struct dracut_net *n, const char *word, struct dr_ip *ip, const char *f)
{
	if (*f && devname(f, ip->dev)) {
		if (dash_mac(f, ip->devmac, 0))
			return fail(n, word, "invalid device name", f);
		ip->dev_is_mac = 1;
	}
	return 0;
}

/* ip='s MTU field and the MAC fields after it (nf fields in all). */
static int ip_mtu_mac(struct dracut_net *n, const char *word, struct dr_ip *ip, char **f, int nf)
{
	if (*f[0] && (digits(f[0], 65535, &ip->mtu) || !ip->mtu))
		return fail(n, word, "invalid MTU", f[0]);
	if (nf > 1 && set_mac(ip, f + 1, nf - 1))
		return fail(n, word, "invalid MAC address", NULL);
	return 0;
}

static int parse_ip(struct dracut_net *n, const char *word, char *v)
{
	struct dr_ip *ip = &n->ip[n->nip];
	char *f[FIELD_MAX], m1[64];
	int nf = split(v, f, FIELD_MAX), st;
	const char *bad = NULL;

	if (n->nip == DR_IP_MAX)
		return fail(n, word, "too many ip= words", NULL);
	memset(ip, 0, sizeof(*ip));
	ip->plen = ip->peer_plen = -1;
	if (nf < 0)
		return fail(n, word, "unbalanced [ ] or too many fields", NULL);
	if (nf == 1) {
		/* ip=METHOD: on every device (or bootdev's). */
		if (!*f[0])
			return fail(n, word, "empty", NULL);
		if (method_list(f[0], &ip->method, &st, &bad))
			return fail(n, word, strchr(f[0], '.') ? "ip=ADDRESS without a configuration is not supported" :
				    "unknown method", bad);
		if (st)
			return fail(n, word, "none or off without a static configuration", NULL);
		n->nip++;
		return 0;
	}
	if (strlen(f[1]) < sizeof(m1) && (memcpy(m1, f[1], strlen(f[1]) + 1), !method_list(m1, &ip->method, &st, &bad)) && !st) {
		/* ip=DEV:METHOD[:[MTU][:MAC]] */
		if (nf > 3)
			ov_mac(ip, f + 3, nf - 3);
		if (nf > 2)
			ov_put(ip, "mtu", f[2]);
		if (ip_dev(n, word, ip, f[0]) || (nf > 2 && ip_mtu_mac(n, word, ip, f + 2, nf - 2)))
			return -1;
		n->nip++;
		return 0;
	}
	/* CLIENT:[PEER]:GW:NETMASK:HOSTNAME:DEV:METHOD[:[MTU][:MAC]] or [:DNS1[:DNS2]] */
	if (nf < 7)
		return fail(n, word, "expected CLIENT:PEER:GW:NETMASK:HOSTNAME:DEVICE:METHOD", NULL);
	ov_long(ip, f, nf);
	if (*f[0] && addr(f[0], &ip->addr))
		return fail(n, word, "invalid client address", f[0]);
	if (*f[1] && (prefix(f[1], &ip->peer, &ip->peer_plen) || (ip->addr.family && ip->peer.family != ip->addr.family)))
		return fail(n, word, "invalid peer address", f[1]);
	if (*f[2] && (addr(f[2], &ip->gw) || (ip->addr.family && ip->gw.family != ip->addr.family)))
		return fail(n, word, "invalid gateway address", f[2]);
	if (*f[3]) {
		struct dr_addr m;
		int fam = ip->addr.family ? ip->addr.family : AF_INET;

		if (strchr(f[3], '.')) {
			uint32_t h;

			if (fam != AF_INET || addr(f[3], &m) || m.family != AF_INET)
				return fail(n, word, "invalid netmask", f[3]);
			h = (uint32_t)m.a[0] << 24 | (uint32_t)m.a[1] << 16 | (uint32_t)m.a[2] << 8 | m.a[3];
			if (h & (~h >> 1))
				return fail(n, word, "invalid netmask", f[3]);
			for (ip->plen = 0; h; h <<= 1)
				ip->plen++;
		} else if (digits(f[3], fam == AF_INET6 ? 128 : 32, &ip->plen)) {
			return fail(n, word, "invalid netmask", f[3]);
		}
	}
	if (*f[4]) {
		size_t len = strlen(f[4]);

		if (len > 64 || strspn(f[4], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") != len)
			return fail(n, word, "invalid host name", f[4]);
		memcpy(ip->hostname, f[4], len + 1);
	}
	if (ip_dev(n, word, ip, f[5]))
		return -1;
	if (!*f[6])
		ip->method = DR_DHCP;        /* dracut: an empty method is dhcp */
	else if (method_list(f[6], &ip->method, &st, &bad))
		return fail(n, word, "unknown method", bad);
	if (nf > 7) {
		if (strchr(f[7], ':') || strchr(f[7], '.')) {
			if (nf > 9)
				return fail(n, word, "too many fields after the DNS servers", NULL);
			for (int i = 0; i < nf - 7; i++)
				if (*f[7 + i] && addr(f[7 + i], &ip->dns[i]))
					return fail(n, word, "invalid DNS server", f[7 + i]);
		} else if (ip_mtu_mac(n, word, ip, f + 7, nf - 7)) {
			return -1;
		}
	}
	if (!ip->method) {
		if (!ip->addr.family)
			return fail(n, word, "a static configuration needs a client address", NULL);
		if (ip->plen < 0)
			return fail(n, word, "a static configuration needs a netmask", NULL);
	} else if (ip->addr.family) {
		return fail(n, word, "a client address does not go with", f[6]);
	}
	n->nip++;
	return 0;
}

/* ---- bonding options ---- */

enum { BO_U8 = 1, BO_U32 = 4, BO_DEV = 0x10, BO_ARP = 0x20 };
static const char bond_modes[] = "balance-rr\0active-backup\0balance-xor\0broadcast\0802.3ad\0balance-tlb\0balance-alb\0";
static const char lacp_rates[] = "slow\0fast\0";
static const char hash_policies[] = "layer2\0layer3+4\0layer2+3\0encap2+3\0encap3+4\0vlan+srcmac\0";
static const char fom_values[] = "none\0active\0follow\0";
static const char ad_selects[] = "stable\0bandwidth\0count\0";
static const char arp_validates[] = "none\0active\0backup\0all\0filter\0filter_active\0filter_backup\0";
static const char reselects[] = "always\0better\0failure\0";
static const char all_targets[] = "any\0all\0";

/* max: the largest value, 0 for none; a value by name is its index in names. */
static const char *const bond_names[] = { NULL, bond_modes, arp_validates, all_targets, reselects, fom_values,
						 hash_policies, lacp_rates, ad_selects };
static const uint32_t bond_max[] = { 0, 6, 0xffffffffu, 1, 2, 5, 255, 0x7fffffffu, 65535 };
static const struct bond_key {
	char name[18];
	uint8_t attr, kind, max, names;   /* max and names: indexes in bond_max and bond_names */
} bond_keys[] = {
	{ "mode", IFLA_BOND_MODE, BO_U8, 1, 1 },
	{ "miimon", IFLA_BOND_MIIMON, BO_U32, 2, 0 },
	{ "updelay", IFLA_BOND_UPDELAY, BO_U32, 2, 0 },
	{ "downdelay", IFLA_BOND_DOWNDELAY, BO_U32, 2, 0 },
	{ "use_carrier", IFLA_BOND_USE_CARRIER, BO_U8, 3, 0 },
	{ "arp_interval", IFLA_BOND_ARP_INTERVAL, BO_U32, 2, 0 },
	{ "arp_ip_target", IFLA_BOND_ARP_IP_TARGET, BO_ARP, 0, 0 },
	{ "arp_validate", IFLA_BOND_ARP_VALIDATE, BO_U32, 1, 2 },
	{ "arp_all_targets", IFLA_BOND_ARP_ALL_TARGETS, BO_U32, 3, 3 },
	{ "primary", IFLA_BOND_PRIMARY, BO_DEV, 0, 0 },
	{ "active_slave", IFLA_BOND_ACTIVE_SLAVE, BO_DEV, 0, 0 },
	{ "primary_reselect", IFLA_BOND_PRIMARY_RESELECT, BO_U8, 4, 4 },
	{ "fail_over_mac", IFLA_BOND_FAIL_OVER_MAC, BO_U8, 4, 5 },
	{ "xmit_hash_policy", IFLA_BOND_XMIT_HASH_POLICY, BO_U8, 5, 6 },
	{ "resend_igmp", IFLA_BOND_RESEND_IGMP, BO_U32, 6, 0 },
	{ "num_grat_arp", IFLA_BOND_NUM_PEER_NOTIF, BO_U8, 6, 0 },
	{ "num_unsol_na", IFLA_BOND_NUM_PEER_NOTIF, BO_U8, 6, 0 },
	{ "all_slaves_active", IFLA_BOND_ALL_SLAVES_ACTIVE, BO_U8, 3, 0 },
	{ "min_links", IFLA_BOND_MIN_LINKS, BO_U32, 2, 0 },
	{ "lp_interval", IFLA_BOND_LP_INTERVAL, BO_U32, 7, 0 },
	{ "packets_per_slave", IFLA_BOND_PACKETS_PER_SLAVE, BO_U32, 8, 0 },
	{ "lacp_rate", IFLA_BOND_AD_LACP_RATE, BO_U8, 3, 7 },
	{ "ad_select", IFLA_BOND_AD_SELECT, BO_U8, 4, 8 },
	{ "tlb_dynamic_lb", IFLA_BOND_TLB_DYNAMIC_LB, BO_U8, 3, 0 },
};

static int bond_opt(struct dracut_net *n, const char *word, struct dr_bond *b, char *o)
{
	char *eq = strchr(o, '=');
	const struct bond_key *k = NULL;
	struct dr_bopt *p;

	if (!eq)
		return fail(n, word, "bonding option without a value", o);
	*eq++ = 0;
	for (size_t i = 0; i < sizeof(bond_keys) / sizeof(bond_keys[0]); i++)
		if (!strcmp(o, bond_keys[i].name))
			k = &bond_keys[i];
	if (!k)
		return fail(n, word, "unknown bonding option", o);
	if (k->kind == BO_ARP) {
		for (char *t = eq, *c; t; t = c) {
			struct dr_addr a;

			if ((c = strchr(t, ';')))
				*c++ = 0;
			if (addr(t, &a) || a.family != AF_INET)
				return fail(n, word, "invalid arp_ip_target", t);
			if (b->narp == DR_ARP_MAX)
				return fail(n, word, "too many arp_ip_target addresses", NULL);
			memcpy(&b->arp[b->narp++], a.a, 4);
		}
		return 0;
	}
	for (int i = 0; i < b->nopts; i++)
		if (b->opts[i].attr == k->attr)
			return fail(n, word, "bonding option given twice", o);
	if (b->nopts == DR_BOPT_MAX)
		return fail(n, word, "too many bonding options", NULL);
	p = &b->opts[b->nopts];
	memset(p, 0, sizeof(*p));
	p->attr = k->attr;
	if (k->kind == BO_DEV) {
		if (devname(eq, p->dev))
			return fail(n, word, "invalid device name", eq);
	} else {
		int found = 0;

		p->size = k->kind;
		const char *names = bond_names[k->names];
		uint32_t max = bond_max[k->max];

		for (int i = 0; names && *names; names += kw_skip(names), i++)
			if (!strcmp(eq, names))
				p->val = (uint32_t)i, found = 1;
		if (!found) {
			unsigned long long x = 0;
			const char *s = eq;

			for (; *s >= '0' && *s <= '9' && x <= max; s++)
				x = x * 10 + (unsigned)(*s - '0');
			if (!*eq || *s || x > max)
				return fail(n, word, "invalid value of bonding option", o);
			p->val = (uint32_t)x;
		}
	}
	b->nopts++;
	return 0;
}

/* Comma-separated device names into list. */
static int ports(struct dracut_net *n, const char *word, char *s, char (*list)[DR_NAME], int *count)
{
	for (char *w = s, *c; w; w = c) {
		if ((c = strchr(w, ',')))
			*c++ = 0;
		if (*count == DR_PORT_MAX)
			return fail(n, word, "too many devices", NULL);
		if (devname(w, list[*count]))
			return fail(n, word, "invalid device name", w);
		for (int i = 0; i < *count; i++)
			if (!strcmp(list[i], w))
				return fail(n, word, "device named twice", w);
		(*count)++;
	}
	return 0;
}

static int parse_bond(struct dracut_net *n, const char *word, char *v)
{
	struct dr_bond *b = &n->bond[n->nbond];
	char *f[FIELD_MAX], dflt[] = "eth0,eth1";
	int nf = v ? split(v, f, FIELD_MAX) : 0;

	if (n->nbond == DR_LINK_MAX)
		return fail(n, word, "too many bond= words", NULL);
	memset(b, 0, sizeof(*b));
	if (nf < 0 || nf > 4)
		return fail(n, word, "expected NAME[:SLAVES[:OPTIONS[:MTU]]]", NULL);
	if (devname(nf ? f[0] : "bond0", b->name))
		return fail(n, word, "invalid device name", f[0]);
	if (ports(n, word, nf > 1 ? f[1] : dflt, b->slaves, &b->nslaves))
		return -1;
	if (nf > 2 && *f[2])
		for (char *o = f[2], *c; o; o = c) {
			if ((c = strchr(o, ',')))
				*c++ = 0;
			if (bond_opt(n, word, b, o))
				return -1;
		}
	if (nf > 3 && *f[3] && (digits(f[3], 65535, &b->mtu) || !b->mtu))
		return fail(n, word, "invalid MTU", f[3]);
	n->nbond++;
	return 0;
}

static int parse_bridge(struct dracut_net *n, const char *word, char *v)
{
	struct dr_bridge *b = &n->bridge[n->nbridge];
	char *f[FIELD_MAX], dflt[] = "eth0";
	int nf = v ? split(v, f, FIELD_MAX) : 0;

	if (n->nbridge == DR_LINK_MAX)
		return fail(n, word, "too many bridge= words", NULL);
	memset(b, 0, sizeof(*b));
	if (v && nf != 2)
		return fail(n, word, "expected NAME:PORTS", NULL);
	if (devname(v ? f[0] : "br0", b->name))
		return fail(n, word, "invalid device name", v ? f[0] : "br0");
	if (ports(n, word, v ? f[1] : dflt, b->ports, &b->nports))
		return -1;
	n->nbridge++;
	return 0;
}

static int parse_vlan(struct dracut_net *n, const char *word, char *v)
{
	struct dr_vlan *vl = &n->vlan[n->nvlan];
	char *f[FIELD_MAX];
	const char *id;
	int nf = split(v, f, FIELD_MAX);

	if (n->nvlan == DR_LINK_MAX)
		return fail(n, word, "too many vlan= words", NULL);
	if (nf != 2)
		return fail(n, word, "expected NAME:PHYSDEV", NULL);
	if (devname(f[0], vl->name))
		return fail(n, word, "invalid device name", f[0]);
	if (devname(f[1], vl->phys))
		return fail(n, word, "invalid device name", f[1]);
	/* dracut's get_vid: vlanN (VLAN_PLUS_VID), else what follows the last dot. */
	if (!strncmp(vl->name, "vlan", 4))
		id = vl->name + 4;
	else if ((id = strrchr(vl->name, '.')))
		id++;
	if (!id || digits(id, 4094, &vl->id))
		return fail(n, word, "no VLAN id in the name (vlanN or DEV.N)", f[0]);
	n->nvlan++;
	return 0;
}

static int parse_route(struct dracut_net *n, const char *word, char *v)
{
	struct dr_route *r = &n->routes[n->nroutes];
	char *f[FIELD_MAX];
	int nf = split(v, f, FIELD_MAX);

	if (n->nroutes == DR_ROUTE_MAX)
		return fail(n, word, "too many rd.route= words", NULL);
	memset(r, 0, sizeof(*r));
	if (nf != 2 && nf != 3)
		return fail(n, word, "expected NET/PREFIXLEN:GATEWAY[:DEVICE]", NULL);
	if (prefix(f[0], &r->dst, &r->plen))
		return fail(n, word, "invalid destination", f[0]);
	if (r->plen < 0)
		r->plen = r->dst.family == AF_INET6 ? 128 : 32;
	if (*f[1] && (addr(f[1], &r->gw) || r->gw.family != r->dst.family))
		return fail(n, word, "invalid gateway", f[1]);
	if (nf == 3 && *f[2] && devname(f[2], r->dev))
		return fail(n, word, "invalid device name", f[2]);
	if (!r->gw.family && !r->dev[0])
		return fail(n, word, "a route needs a gateway or a device", NULL);
	n->nroutes++;
	return 0;
}

static int parse_ifname(struct dracut_net *n, const char *word, char *v)
{
	struct dr_ifname *x = &n->ifname[n->nifname];
	char *f[FIELD_MAX];
	int nf = 1;

	if (n->nifname == DR_IFNAME_MAX)
		return fail(n, word, "too many ifname= words", NULL);
	f[0] = v;
	for (char *c = v; (c = strchr(c, ':')) && nf < FIELD_MAX; f[nf++] = ++c)
		*c = 0;
	if ((nf != 7 && nf != 21) || strchr(f[nf - 1], ':'))
		return fail(n, word, "expected NAME:MAC", NULL);
	if (devname(f[0], x->name))
		return fail(n, word, "invalid device name", f[0]);
	x->maclen = nf - 1;
	if (mac_fields(f + 1, nf - 1, x->mac))
		return fail(n, word, "invalid MAC address", NULL);
	for (int i = 0; i < n->nifname; i++)
		if (!strcmp(n->ifname[i].name, x->name) ||
		    (n->ifname[i].maclen == x->maclen && !memcmp(n->ifname[i].mac, x->mac, (size_t)x->maclen)))
			return fail(n, word, "another ifname= names the same device or MAC", NULL);
	n->nifname++;
	return 0;
}

enum { K_BOND, K_BRIDGE, K_TEAM, K_NEEDNET, K_PEERDNS, K_BOOTIF_OFF, K_IP, K_VLAN, K_ROUTE, K_IFNAME, K_BOOTDEV,
       K_BOOTIF, K_NS, K_TIMEOUT };
static const char keys[] = "bond\0bridge\0team\0rd.neednet\0rd.peerdns\0rd.bootif\0ip\0vlan\0rd.route\0ifname\0"
			   "bootdev\0BOOTIF\0nameserver\0rd.net.timeout.dhcp\0rd.net.timeout.carrier\0"
			   "rd.net.timeout.ipv6auto\0rd.net.timeout.ipv6dad\0";

static const unsigned short timeouts[] = { offsetof(struct dracut_net, timeout_dhcp),
	offsetof(struct dracut_net, timeout_carrier), offsetof(struct dracut_net, timeout_ipv6auto),
	offsetof(struct dracut_net, timeout_ipv6dad) };

static int parse_word(struct dracut_net *n, char *w, const char *word)
{
	char *eq = strchr(w, '='), *v = eq ? eq + 1 : NULL;
	size_t klen = eq ? (size_t)(eq - w) : strlen(w);
	const char *k = keys;
	int b, key = 0;

	for (; *k && (strlen(k) != klen || strncmp(w, k, klen)); k += kw_skip(k))
		key++;
	if (!*k)
		return 0;
	if (key == K_BOND)
		return parse_bond(n, word, v);
	if (key == K_BRIDGE)
		return parse_bridge(n, word, v);
	if (key == K_TEAM) {
		n->has_team = 1;
		return 0;
	}
	if (key <= K_BOOTIF_OFF) {
		if (boolval(v ? v : "", &b))
			return fail(n, word, "not a boolean", v);
		if (key == K_NEEDNET)
			n->neednet = b;
		else if (key == K_PEERDNS)
			n->peerdns = b;
		else
			n->bootif_off = !b;
		return 0;
	}
	if (!v)
		return 0;
	switch (key) {
	case K_IP:
		return parse_ip(n, word, v);
	case K_VLAN:
		return parse_vlan(n, word, v);
	case K_ROUTE:
		return parse_route(n, word, v);
	case K_IFNAME:
		return parse_ifname(n, word, v);
	case K_BOOTDEV:
		if (devname(v, n->bootdev))
			return fail(n, word, "invalid device name", v);
		return 0;
	case K_BOOTIF:
		if (dash_mac(v, n->bootif, 1))
			return fail(n, word, "invalid MAC address", v);
		n->has_bootif = 1;
		return 0;
	case K_NS: {
		size_t len = strlen(v);

		if (n->nns == DR_NS_MAX)
			return fail(n, word, "too many nameserver= words", NULL);
		if (len > 2 && v[0] == '[' && v[len - 1] == ']')
			v[len - 1] = 0, v++;
		if (addr(v, &n->ns[n->nns]))
			return fail(n, word, "invalid address", v);
		n->nns++;
		return 0;
	}
	}
	/* rd.net.timeout.dhcp, carrier, ipv6auto, ipv6dad */
	if (digits(v, 1000000, &b))
		return fail(n, word, "invalid number of seconds", v);
	*(int *)((char *)n + timeouts[key - K_TIMEOUT]) = b;
	return 0;
}

/* Checks across words, as parse-ip-opts.sh makes them. */
static int check(struct dracut_net *n)
{
	int counted = 0;

	for (int i = 0; i < n->nip; i++)
		counted += n->ip[i].method != DR_IBFT;
	for (int i = 0; i < n->nip; i++) {
		const struct dr_ip *ip = &n->ip[i];

		if (!ip->dev[0] && !ip->dev_is_mac) {
			if (counted > 1)
				return fail(n, "ip=", "with several ip= words, each needs a device", NULL);
			if (!ip->method && !n->bootdev[0] && !n->has_bootif)
				return fail(n, "ip=", "a static configuration needs a device (or bootdev= or BOOTIF=)", NULL);
		}
		for (int j = 0; j < i; j++)
			if (ip->dev[0] && !strcmp(ip->dev, n->ip[j].dev))
				return fail(n, "ip=", "two configurations for one device", ip->dev);
	}
	return 0;
}

int dracut_parse(const char *s, struct dracut_net *n)
{
	static char w[WORD_MAX], word[WORD_MAX];

	memset(n, 0, sizeof(*n));
	n->peerdns = 1;
	n->neednet = n->timeout_dhcp = n->timeout_carrier = n->timeout_ipv6auto = n->timeout_ipv6dad = -1;
	for (;;) {
		size_t len = 0;
		int quote = 0;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		for (; *s && (quote || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
			if (*s == '"') {
				quote = !quote;
				continue;
			}
			if (len + 1 < sizeof(w))
				w[len] = *s;
			len++;
		}
		w[len < sizeof(w) ? len : sizeof(w) - 1] = 0;
		memcpy(word, w, sizeof(word));
		if (len >= sizeof(w)) {
			/* Only ours matter: a long root= or init argument is not. */
			static const char ourkeys[] = "ip=\0ifname=\0bootdev=\0BOOTIF=\0nameserver=\0rd.route=\0vlan=\0bond=\0"
						      "bridge=\0rd.\0";
			int ours = 0;

			for (const char *k = ourkeys; *k; k += kw_skip(k))
				ours |= !strncmp(w, k, strlen(k));
			if (ours) {
				word[40] = 0;
				return fail(n, word, "word too long", NULL);
			}
			continue;
		}
		if (parse_word(n, w, word))
			return -1;
	}
	if (n->bootif_off)
		n->has_bootif = 0;
	return check(n);
}
