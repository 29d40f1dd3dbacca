/* Generic netlink: family resolution and the FOU and MACsec requests. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "genl.h"

void genl_start(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		uint8_t version, uint16_t flags)
{
	struct genlmsghdr *g = nlb_start(b, buf, cap, family, NLM_F_REQUEST | flags, GENL_HDRLEN);

	if (g) {
		g->cmd = cmd;
		g->version = version;
	}
}

void genl_getfamily_build(struct nlb *b, void *buf, size_t cap, const char *name)
{
	genl_start(b, buf, cap, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0, 0);
	nlb_put_strz(b, CTRL_ATTR_FAMILY_NAME, name);
}

const struct genlmsghdr *genl_parse(const struct nlmsghdr *h, struct nlattr **tb, int max)
{
	return nlmsg_parse(h, GENL_HDRLEN, tb, max);
}

int genl_family_parse(const struct nlmsghdr *h)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1];
	const struct genlmsghdr *g;
	uint16_t id;

	if (h->nlmsg_type != GENL_ID_CTRL || h->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return -EPROTO;
	g = nlmsg_data(h);
	if (g->cmd != CTRL_CMD_NEWFAMILY)
		return -EPROTO;
	/* iproute2 takes the attributes that fit and ignores the rest. */
	nla_parse(tb, CTRL_ATTR_MAX, (const char *)g + GENL_HDRLEN, nlmsg_payload(h) - GENL_HDRLEN);
	if (!tb[CTRL_ATTR_FAMILY_ID] || nla_len(tb[CTRL_ATTR_FAMILY_ID]) < sizeof(id))
		return -EPROTO;
	memcpy(&id, nla_data(tb[CTRL_ATTR_FAMILY_ID]), sizeof(id));
	return id ? id : -EPROTO;
}

static int family_cb(const struct nlmsghdr *h, void *arg)
{
	int id = genl_family_parse(h);

	*(int *)arg = id;
	return id < 0 ? 1 : 0;
}

int genl_resolve(struct nlsock *sk, const char *name)
{
	char buf[128];
	struct nlb b;
	int err, id = -EPROTO;

	genl_getfamily_build(&b, buf, sizeof(buf), name);
	err = nl_talk(sk, &b, family_cb, &id);
	if (err < 0)
		return err;
	return id;
}

void genl_fou_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		    const struct fou_req *r)
{
	int v6 = r->family == AF_INET6;

	genl_start(b, buf, cap, family, cmd, FOU_GENL_VERSION, NLM_F_ACK);
	if (r->bare)
		return;
	nlb_put_u16(b, FOU_ATTR_PORT, r->port);
	nlb_put_u8(b, FOU_ATTR_TYPE, r->type);
	nlb_put_u8(b, FOU_ATTR_AF, r->family);
	if (r->ipproto)
		nlb_put_u8(b, FOU_ATTR_IPPROTO, r->ipproto);
	if (r->local_len >= 0)
		nlb_put(b, v6 ? FOU_ATTR_LOCAL_V6 : FOU_ATTR_LOCAL_V4, r->local, (size_t)r->local_len);
	if (r->peer_len >= 0) {
		nlb_put(b, v6 ? FOU_ATTR_PEER_V6 : FOU_ATTR_PEER_V4, r->peer, (size_t)r->peer_len);
		if (r->peer_port)
			nlb_put_u16(b, FOU_ATTR_PEER_PORT, r->peer_port);
	}
	if (r->ifindex)
		nlb_put_u32(b, FOU_ATTR_IFINDEX, (uint32_t)r->ifindex);
}

void genl_macsec_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		       const struct macsec_req *r)
{
	struct nlattr *nest;

	genl_start(b, buf, cap, family, cmd, MACSEC_GENL_VERSION, NLM_F_ACK);
	nlb_put_u32(b, MACSEC_ATTR_IFINDEX, (uint32_t)r->ifindex);
	if (r->rx) {
		nest = nlb_nest_start(b, MACSEC_ATTR_RXSC_CONFIG);
		nlb_put(b, MACSEC_RXSC_ATTR_SCI, r->sci, sizeof(r->sci));
		if (!r->del && r->sc_active >= 0)
			nlb_put_u8(b, MACSEC_RXSC_ATTR_ACTIVE, (uint8_t)r->sc_active);
		nlb_nest_end(b, nest);
	}
	if (r->an < 0)
		return;
	nest = nlb_nest_start(b, MACSEC_ATTR_SA_CONFIG);
	nlb_put_u8(b, MACSEC_SA_ATTR_AN, (uint8_t)r->an);
	if (!r->del) {
		if (r->xpn) {
			if (r->pn)
				nlb_put(b, MACSEC_SA_ATTR_PN, &r->pn, sizeof(r->pn));
			if (r->salt_set)
				nlb_put(b, MACSEC_SA_ATTR_SALT, r->salt, MACSEC_SALT_LEN);
			if (r->ssci_set)
				nlb_put_u32(b, MACSEC_SA_ATTR_SSCI, r->ssci);
		} else if (r->pn) {
			nlb_put_u32(b, MACSEC_SA_ATTR_PN, (uint32_t)r->pn);
		}
		if (r->key_len) {
			nlb_put(b, MACSEC_SA_ATTR_KEYID, r->keyid, MACSEC_KEYID_LEN);
			nlb_put(b, MACSEC_SA_ATTR_KEY, r->key, r->key_len);
		}
		if (r->sa_active >= 0)
			nlb_put_u8(b, MACSEC_SA_ATTR_ACTIVE, (uint8_t)r->sa_active);
	}
	nlb_nest_end(b, nest);
}

void genl_macsec_offload_build(struct nlb *b, void *buf, size_t cap, uint16_t family,
			       int32_t ifindex, uint8_t type)
{
	struct nlattr *nest;

	genl_start(b, buf, cap, family, MACSEC_CMD_UPD_OFFLOAD, MACSEC_GENL_VERSION, NLM_F_ACK);
	nlb_put_u32(b, MACSEC_ATTR_IFINDEX, (uint32_t)ifindex);
	nest = nlb_nest_start(b, MACSEC_ATTR_OFFLOAD);
	nlb_put_u8(b, MACSEC_OFFLOAD_ATTR_TYPE, type);
	nlb_nest_end(b, nest);
}

void genl_ila_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
		    const struct ila_req *r)
{
	genl_start(b, buf, cap, family, cmd, ILA_GENL_VERSION, NLM_F_ACK);
	if (r->loc_match_set)
		nlb_put(b, ILA_ATTR_LOCATOR_MATCH, r->loc_match, 8);
	if (r->loc_set)
		nlb_put(b, ILA_ATTR_LOCATOR, r->loc, 8);
	if (r->ifindex_set)
		nlb_put_u32(b, ILA_ATTR_IFINDEX, (uint32_t)r->ifindex);
	if (r->csum_set)
		nlb_put_u8(b, ILA_ATTR_CSUM_MODE, r->csum_mode);
	if (r->ident_set)
		nlb_put_u8(b, ILA_ATTR_IDENT_TYPE, r->ident_type);
}

void genl_mptcp_addr_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
			   int ack, const struct mptcp_req *r)
{
	struct nlattr *nest;

	genl_start(b, buf, cap, family, cmd, MPTCP_PM_VER, ack ? NLM_F_ACK : 0);
	nest = nlb_nest_start(b, MPTCP_PM_ATTR_ADDR | NLA_F_NESTED);
	if (r->id >= 0)
		nlb_put_u8(b, MPTCP_PM_ADDR_ATTR_ID, (uint8_t)r->id);
	if (r->flags)
		nlb_put_u32(b, MPTCP_PM_ADDR_ATTR_FLAGS, r->flags);
	if (r->ifindex)
		nlb_put_u32(b, MPTCP_PM_ADDR_ATTR_IF_IDX, (uint32_t)r->ifindex);
	if (r->port)
		nlb_put_u16(b, MPTCP_PM_ADDR_ATTR_PORT, r->port);
	if (r->family >= 0) {
		/* iproute2 puts the family in 16 bits, and the v6 attribute for any but AF_INET. */
		nlb_put_u16(b, MPTCP_PM_ADDR_ATTR_FAMILY, (uint16_t)r->family);
		nlb_put(b, r->family == AF_INET ? MPTCP_PM_ADDR_ATTR_ADDR4 : MPTCP_PM_ADDR_ATTR_ADDR6,
			r->addr, (size_t)r->alen);
	}
	nlb_nest_end(b, nest);
}

void genl_mptcp_limits_build(struct nlb *b, void *buf, size_t cap, uint16_t family, uint8_t cmd,
			     int ack, const uint32_t *rcv_add_addrs, const uint32_t *subflows)
{
	genl_start(b, buf, cap, family, cmd, MPTCP_PM_VER, ack ? NLM_F_ACK : 0);
	if (rcv_add_addrs)
		nlb_put_u32(b, MPTCP_PM_ATTR_RCV_ADD_ADDRS, *rcv_add_addrs);
	if (subflows)
		nlb_put_u32(b, MPTCP_PM_ATTR_SUBFLOWS, *subflows);
}

struct group_q {
	const char *name;
	int id;
};

static int group_cb(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1], *g[CTRL_ATTR_MCAST_GRP_MAX + 1], *a;
	struct group_q *q = arg;
	const char *s;
	uint32_t id;
	size_t len;

	q->id = -EINVAL;
	if (h->nlmsg_type != GENL_ID_CTRL || h->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return 1;
	nla_parse(tb, CTRL_ATTR_MAX, (const char *)nlmsg_data(h) + GENL_HDRLEN, nlmsg_payload(h) - GENL_HDRLEN);
	q->id = -EPROTO;
	if (!(a = tb[CTRL_ATTR_MCAST_GROUPS]))
		return 1;
	q->id = -ENOENT;
	len = nla_len(a);
	for (a = nla_data(a); nla_ok(a, len); a = nla_next(a, &len)) {
		nla_parse_nested(g, CTRL_ATTR_MCAST_GRP_MAX, a);
		if ((s = nla_get_str(g[CTRL_ATTR_MCAST_GRP_NAME])) && !strcmp(s, q->name) &&
		    !nla_get_u32(g[CTRL_ATTR_MCAST_GRP_ID], &id)) {
			q->id = (int)id;
			break;
		}
	}
	return 1;
}

int genl_mcast_group_parse(const struct nlmsghdr *h, const char *name)
{
	struct group_q q = { name, -EINVAL };

	group_cb(h, &q);
	return q.id;
}

int genl_mcast_group(struct nlsock *sk, uint16_t family, const char *name)
{
	struct group_q q = { name, -EINVAL };
	char buf[64];
	struct nlb b;
	int err;

	genl_start(&b, buf, sizeof(buf), GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0, 0);
	nlb_put_u16(&b, CTRL_ATTR_FAMILY_ID, family);
	if ((err = nl_talk(sk, &b, group_cb, &q)) < 0)
		return err;
	return q.id;
}
