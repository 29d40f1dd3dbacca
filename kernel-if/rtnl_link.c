/* RTM_NEWLINK / RTM_DELLINK requests, single-link lookups and link dumps. */
#include <errno.h>
#include <string.h>
#include <net/if.h>
#include <linux/veth.h>
#include "rtnl.h"

#define ALTIFNAMSIZ 128   /* linux/if.h's, which clashes with net/if.h */

void link_req_init(struct link_req *r)
{
	memset(r, 0, sizeof(*r));
	r->link = -1;
}

/* The attributes of one device, shared by the main device and a veth peer. */
static void put_link_attrs(struct nlb *b, const struct link_req *r)
{
	void *p = r->attrs_len ? nlb_put_extra(b, r->attrs_len) : NULL;

	if (p)
		memcpy(p, r->attrs, r->attrs_len);
	if (r->link >= 0)
		nlb_put_u32(b, IFLA_LINK, r->link);
	if (r->name)
		nlb_put_strz(b, IFLA_IFNAME, r->name);
}

static void put_ifinfo(struct ifinfomsg *ifi, const struct link_req *r)
{
	ifi->ifi_family = (unsigned char)r->family;
	ifi->ifi_index = r->index;
	ifi->ifi_flags = r->flags;
	ifi->ifi_change = r->change;
}

void rtnl_link_build(struct nlb *b, void *buf, size_t cap, uint16_t nlflags, const struct link_req *r)
{
	struct ifinfomsg *ifi;
	struct nlattr *info, *data, *peer;

	ifi = nlb_start(b, buf, cap, r->del ? RTM_DELLINK : RTM_NEWLINK, NLM_F_REQUEST | nlflags,
			sizeof(*ifi));
	if (!ifi)
		return;
	put_ifinfo(ifi, r);
	put_link_attrs(b, r);
	if (!r->kind)
		return;
	info = nlb_nest_start(b, IFLA_LINKINFO);
	nlb_put_str(b, IFLA_INFO_KIND, r->kind);
	if (r->peer) {
		data = nlb_nest_start(b, IFLA_INFO_DATA);
		peer = nlb_nest_start(b, VETH_INFO_PEER);
		ifi = nlb_put_extra(b, sizeof(*ifi));
		if (ifi)
			put_ifinfo(ifi, r->peer);
		put_link_attrs(b, r->peer);
		nlb_nest_end(b, peer);
		nlb_nest_end(b, data);
	} else if (r->data_len > 0 || r->empty_data) {
		/* a port's kind (bond_slave ...): its data is the port's, as iproute2 puts it */
		const char *u = strchr(r->kind, '_');
		nlb_put(b, u && !strcmp(u, "_slave") ? IFLA_INFO_SLAVE_DATA : IFLA_INFO_DATA, r->data, r->data_len);
	}
	nlb_nest_end(b, info);
}

void rtnl_link_del_build(struct nlb *b, void *buf, size_t cap, int index, const char *kind)
{
	struct link_req r;

	link_req_init(&r);
	r.del = 1;
	r.index = index;
	r.kind = kind;
	rtnl_link_build(b, buf, cap, NLM_F_ACK, &r);
}

void rtnl_link_prop_build(struct nlb *b, void *buf, size_t cap, int add, int family, int index,
			  char *const *names, int n)
{
	struct ifinfomsg *ifi;
	struct nlattr *list;

	ifi = nlb_start(b, buf, cap, add ? RTM_NEWLINKPROP : RTM_DELLINKPROP, NLM_F_REQUEST | NLM_F_ACK |
			(add ? NLM_F_EXCL | NLM_F_CREATE | NLM_F_APPEND : 0), sizeof(*ifi));
	if (!ifi)
		return;
	ifi->ifi_family = (unsigned char)family;
	ifi->ifi_index = index;
	list = nlb_nest_start(b, IFLA_PROP_LIST | NLA_F_NESTED);
	for (int i = 0; i < n; i++)
		nlb_put_strz(b, IFLA_ALT_IFNAME, names[i]);
	nlb_nest_end(b, list);
}

/* RTM_GETLINK's header, its family and index, then IFLA_EXT_MASK (a dump's only when not 0). */
static int getlink_start(struct nlb *b, void *buf, size_t cap, uint16_t flags, int family, int index,
			 uint32_t ext_mask)
{
	struct ifinfomsg *ifi = nlb_start(b, buf, cap, RTM_GETLINK, NLM_F_REQUEST | flags, sizeof(*ifi));

	if (!ifi)
		return -EMSGSIZE;
	ifi->ifi_family = (unsigned char)family;
	ifi->ifi_index = index;
	if (ext_mask || !(flags & NLM_F_DUMP))
		nlb_put_u32(b, IFLA_EXT_MASK, ext_mask);
	return 0;
}

int rtnl_link_get(struct nlsock *sk, const char *name, int index, uint32_t ext_mask, nl_cb cb, void *arg)
{
	char buf[256];
	struct nlb b;
	size_t n = name ? strnlen(name, ALTIFNAMSIZ) : 0;

	if (n >= ALTIFNAMSIZ)
		return -ENODEV;
	if (getlink_start(&b, buf, sizeof(buf), 0, 0, name ? 0 : index, ext_mask))
		return -EMSGSIZE;
	/* a name too long for IFLA_IFNAME can only be an altname */
	if (name)
		nlb_put_strz(&b, n < IFNAMSIZ ? IFLA_IFNAME : IFLA_ALT_IFNAME, name);
	return nl_talk(sk, &b, cb, arg);
}

static int take_index(const struct nlmsghdr *h, void *arg)
{
	const struct ifinfomsg *ifi = nlmsg_data(h);

	if (h->nlmsg_type != RTM_NEWLINK || nlmsg_payload(h) < sizeof(*ifi))
		return -EPROTO;
	*(int *)arg = ifi->ifi_index;
	return 0;
}

int rtnl_link_index(struct nlsock *sk, const char *name)
{
	int index = 0, err;

	err = rtnl_link_get(sk, name, 0, RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS, take_index, &index);
	if (err)
		return err;
	return index > 0 ? index : -ENODEV;
}

int rtnl_link_dump(struct nlsock *sk, const struct rtnl_filter *f, nl_cb cb, void *arg)
{
	char buf[128];
	struct nlb b;
	struct nlattr *info;

	getlink_start(&b, buf, sizeof(buf), NLM_F_DUMP, f->family, 0, f->ext_mask);
	if (f->master)
		nlb_put_u32(&b, IFLA_MASTER, (uint32_t)f->master);
	if (f->kind) {
		info = nlb_nest_start(&b, IFLA_LINKINFO);
		nlb_put_str(&b, IFLA_INFO_KIND, f->kind);
		nlb_nest_end(&b, info);
	}
	return nl_talk(sk, &b, cb, arg);
}

int rtnl_link_parse(const struct nlmsghdr *h, struct link_info *li)
{
	memset(li, 0, sizeof(*li));
	if (!(li->ifi = nlmsg_parse(h, sizeof(struct ifinfomsg), li->tb, IFLA_MAX)))
		return -EPROTO;
	if (li->tb[IFLA_LINKINFO] && nla_parse_nested(li->li, IFLA_INFO_MAX, li->tb[IFLA_LINKINFO]) < 0)
		return -EPROTO;
	return 0;
}
