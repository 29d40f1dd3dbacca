/* dracut's network command line (cmds/proto/dracut.c, netboot's parser): dracut_parse on the
 * input as a command line (a NUL-terminated copy in a heap block of its exact size). Checks: an
 * error names its word (a non-empty, NUL-terminated message); a success has every count within
 * its array, every name NUL-terminated within IFNAMSIZ, every address of a known family, prefix
 * lengths, MTUs, VLAN ids and timeouts in their ranges. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "dracut.h"
#include "fuzz.h"

static void name_ok(const char *s, int may_be_empty)
{
	size_t n = strnlen(s, DR_NAME);

	FZ_ASSERT(n < DR_NAME);
	FZ_ASSERT(may_be_empty || n > 0);
	for (size_t i = 0; i < n; i++)
		FZ_ASSERT(s[i] != '/' && s[i] != ':' && (unsigned char)s[i] > ' ');
}

static void addr_ok(const struct dr_addr *a, int may_be_none)
{
	FZ_ASSERT(a->family == AF_INET || a->family == AF_INET6 || (may_be_none && a->family == 0));
}

static int maxlen(const struct dr_addr *a)
{
	return a->family == AF_INET6 ? 128 : 32;
}

static void check(const struct dracut_net *n)
{
	FZ_ASSERT(n->nip >= 0 && n->nip <= DR_IP_MAX && n->nns >= 0 && n->nns <= DR_NS_MAX);
	FZ_ASSERT(n->nroutes >= 0 && n->nroutes <= DR_ROUTE_MAX && n->nifname >= 0 && n->nifname <= DR_IFNAME_MAX);
	FZ_ASSERT(n->nvlan >= 0 && n->nvlan <= DR_LINK_MAX && n->nbond >= 0 && n->nbond <= DR_LINK_MAX);
	FZ_ASSERT(n->nbridge >= 0 && n->nbridge <= DR_LINK_MAX);
	FZ_ASSERT(n->timeout_dhcp >= -1 && n->timeout_carrier >= -1 && n->neednet >= -1 && n->neednet <= 1);
	FZ_ASSERT(n->peerdns == 0 || n->peerdns == 1);
	name_ok(n->bootdev, 1);
	for (int i = 0; i < n->nip; i++) {
		const struct dr_ip *ip = &n->ip[i];

		name_ok(ip->dev, 1);
		FZ_ASSERT(!ip->dev_is_mac || !ip->dev[0]);
		FZ_ASSERT(memchr(ip->hostname, 0, sizeof(ip->hostname)));
		FZ_ASSERT(ip->mtu >= 0 && ip->mtu <= 65535 && (ip->maclen == 0 || ip->maclen == 6));
		addr_ok(&ip->addr, 1);
		addr_ok(&ip->peer, 1);
		addr_ok(&ip->gw, 1);
		addr_ok(&ip->dns[0], 1);
		addr_ok(&ip->dns[1], 1);
		if (!ip->method) {
			FZ_ASSERT(ip->addr.family && ip->plen >= 0 && ip->plen <= maxlen(&ip->addr));
			FZ_ASSERT(ip->dev[0] || ip->dev_is_mac || n->bootdev[0] || n->has_bootif);
		} else {
			FZ_ASSERT(!ip->addr.family);
		}
		FZ_ASSERT(ip->peer_plen >= -1 && ip->peer_plen <= 128);
	}
	for (int i = 0; i < n->nns; i++)
		addr_ok(&n->ns[i], 0);
	for (int i = 0; i < n->nroutes; i++) {
		const struct dr_route *r = &n->routes[i];

		addr_ok(&r->dst, 0);
		addr_ok(&r->gw, 1);
		FZ_ASSERT(r->plen >= 0 && r->plen <= maxlen(&r->dst));
		FZ_ASSERT(!r->gw.family || r->gw.family == r->dst.family);
		FZ_ASSERT(r->gw.family || r->dev[0]);
		name_ok(r->dev, 1);
	}
	for (int i = 0; i < n->nifname; i++) {
		name_ok(n->ifname[i].name, 0);
		FZ_ASSERT(n->ifname[i].maclen == 6 || n->ifname[i].maclen == 20);
	}
	for (int i = 0; i < n->nvlan; i++) {
		name_ok(n->vlan[i].name, 0);
		name_ok(n->vlan[i].phys, 0);
		FZ_ASSERT(n->vlan[i].id >= 0 && n->vlan[i].id <= 4094);
	}
	for (int i = 0; i < n->nbond; i++) {
		const struct dr_bond *b = &n->bond[i];

		name_ok(b->name, 0);
		FZ_ASSERT(b->nslaves >= 1 && b->nslaves <= DR_PORT_MAX && b->nopts >= 0 && b->nopts <= DR_BOPT_MAX);
		FZ_ASSERT(b->narp >= 0 && b->narp <= DR_ARP_MAX && b->mtu >= 0 && b->mtu <= 65535);
		for (int k = 0; k < b->nslaves; k++)
			name_ok(b->slaves[k], 0);
		for (int k = 0; k < b->nopts; k++) {
			FZ_ASSERT(b->opts[k].size == 0 || b->opts[k].size == 1 || b->opts[k].size == 4);
			FZ_ASSERT(b->opts[k].size != 1 || b->opts[k].val <= 255);
			if (!b->opts[k].size)
				name_ok(b->opts[k].dev, 0);
		}
	}
	for (int i = 0; i < n->nbridge; i++) {
		name_ok(n->bridge[i].name, 0);
		FZ_ASSERT(n->bridge[i].nports >= 1 && n->bridge[i].nports <= DR_PORT_MAX);
		for (int k = 0; k < n->bridge[i].nports; k++)
			name_ok(n->bridge[i].ports[k], 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct dracut_net n;
	char *s = malloc(len + 1);

	FZ_ASSERT(s);
	memcpy(s, data, len);
	s[len] = 0;
	if (dracut_parse(s, &n)) {
		size_t e = strnlen(n.err, sizeof(n.err));
		FZ_ASSERT(e > 0 && e < sizeof(n.err));
	} else {
		check(&n);
	}
	free(s);
	return 0;
}
