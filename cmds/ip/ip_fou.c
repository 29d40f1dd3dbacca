/* ip fou add|del|show (iproute2 6.1's ip/ipfou.c): the UDP ports that receive foo-over-UDP
 * and GUE, over the generic netlink family "fou". */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "genl.h"
#include "inet.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"

NSBOX_USAGE(fou_usage,
	"Usage: ip fou add port PORT { ipproto PROTO  | gue }\n"
	NSBOX_USAGE_MORE("\t\t   [ local IFADDR ] [ peer IFADDR ]\n"
	"\t\t   [ peer_port PORT ] [ dev IFNAME ]\n"
	"       ip fou del port PORT [ local IFADDR ]\n"
	"\t\t   [ peer IFADDR ] [ peer_port PORT ]\n"
	"\t\t   [ dev IFNAME ]\n"
	"       ip fou show\n"
	"\n"
	"Where: PROTO { ipproto-name | 1..255 }\n"
	"       PORT { 1..65535 }\n"
	"       IFADDR { addr }\n"));

static _Noreturn void usage(void)
{
	ip_usage_exit(fou_usage);
}

static struct nlsock *sk;
static uint16_t fam;

/* A port: 1..65535 in network order, or iproute2's invarg. */
static uint16_t xport(const char *s, const char *what)
{
	uint32_t v;

	if (parse_u32(s, &v, 0) || v > 0xffff || !v)
		ip_invarg(what, s);
	return htons((uint16_t)v);
}

enum { W_PORT, W_IPPROTO, W_GUE, W_V6, W_LOCAL, W_PEER, W_PEER_PORT, W_DEV };
static const struct kword fou_words[] = {
	{ "port", 1, W_PORT }, { "ipproto", 1, W_IPPROTO }, { "gue", 1, W_GUE }, { "-6", 1, W_V6 },
	{ "local", 1, W_LOCAL }, { "peer", 1, W_PEER }, { "peer_port", 1, W_PEER_PORT },
	{ "dev", 1, W_DEV }, { NULL, 0, 0 }
};

/* The words into r. iproute2 goes on after its messages here ("missing port" ...): its
 * request goes out without attributes then, and the kernel answers it. */
static void parse(struct fou_req *r, int argc, char **argv, int adding)
{
	const char *local = NULL, *peer = NULL;
	int port_set = 0, ipproto_set = 0, gue = 0, w;
	struct inet_prefix a;

	r->bare = 1;
	r->family = ipo.family == AF_UNSPEC ? AF_INET : (uint8_t)ipo.family;
	r->local_len = r->peer_len = -1;
	for (; argc > 0; argc--, argv++) {
		switch ((w = kword_find(fou_words, *argv, -1))) {
		case W_PORT:
			NEXT_ARG();
			r->port = xport(*argv, "invalid port");
			port_set = 1;
			break;
		case W_IPPROTO: {
			uint32_t v;
			int p;

			NEXT_ARG();
			if ((p = ip_ipproto_db(*argv, 0, NULL)) < 0) {
				if (parse_u32(*argv, &v, 0) || v > 255 || !v)
					ip_invarg("invalid ipproto", *argv);
				p = (int)v;
			}
			r->ipproto = (uint8_t)p;
			ipproto_set = 1;
			break;
		}
		case W_GUE:
			gue = 1;
			break;
		case W_V6:
			r->family = AF_INET6;
			break;
		case W_LOCAL:
			NEXT_ARG();
			local = *argv;
			break;
		case W_PEER:
			NEXT_ARG();
			peer = *argv;
			break;
		case W_PEER_PORT:
			NEXT_ARG();
			r->peer_port = xport(*argv, "invalid peer port");
			break;
		case W_DEV:
			NEXT_ARG();
			if (ip_check_ifname(*argv, IFNAMSIZ))
				die(1, "fou: invalid device name\n");
			if (!(r->ifindex = ip_ll_index(*argv)))
				die(1, "fou: unknown device name\n");
			break;
		default:
			errf("fou: unknown command \"%s\"?\n", *argv);
			usage();
		}
	}
	if (!port_set || (!ipproto_set && !gue && adding) || (ipproto_set && gue) || !r->peer_port != !peer) {
		errf("fou: %s\n", !port_set ? "missing port" : ipproto_set && gue ? "cannot set ipproto and gue" :
		     !ipproto_set && !gue && adding ? "must set ipproto or gue" : "both peer and peer port must be set");
		return;
	}
	r->bare = 0;
	r->type = gue ? FOU_ENCAP_GUE : FOU_ENCAP_DIRECT;
	if (!ipproto_set)
		r->ipproto = 0;
	if (local) {
		ip_get_addr(&a, local, r->family);
		r->local_len = a.bytelen;
		memcpy(r->local, a.data, sizeof(r->local));
	}
	if (peer) {
		ip_get_addr(&a, peer, r->family);
		r->peer_len = a.bytelen;
		memcpy(r->peer, a.data, sizeof(r->peer));
	}
}

static int modify(uint8_t cmd, int argc, char **argv)
{
	struct fou_req r;
	char buf[GENL_BUF];
	struct nlb b;
	int err;

	memset(&r, 0, sizeof(r));
	parse(&r, argc, argv, cmd == FOU_CMD_ADD);
	genl_fou_build(&b, buf, sizeof(buf), fam, cmd, &r);
	if ((err = nl_talk(sk, &b, NULL, NULL)) < 0)
		return ip_report_nlerr(sk, err);
	return 0;
}

static int do_add(int argc, char **argv) { return modify(FOU_CMD_ADD, argc, argv); }
static int do_del(int argc, char **argv) { return modify(FOU_CMD_DEL, argc, argv); }

static int zero(const struct nlattr *a, size_t n)
{
	static const unsigned char z[16];

	return nla_len(a) < n || !memcmp(nla_data(a), z, n);
}

int ip_fou_print(const struct nlmsghdr *h, void *arg)
{
	struct nlattr *tb[FOU_ATTR_MAX + 1];
	uint8_t family = AF_INET, u8;
	uint16_t u16;
	int32_t index;
	char host[PR_HOSTSZ];
	size_t alen;
	int v6;

	if (h->nlmsg_type != *(const uint16_t *)arg)
		return 0;
	if (h->nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN)
		return 1;
	/* As iproute2's parse_rtattr: the attributes that fit. */
	nla_parse(tb, FOU_ATTR_MAX, (const char *)nlmsg_data(h) + GENL_HDRLEN, nlmsg_payload(h) - GENL_HDRLEN);
	pr_obj_open(NULL);
	if (tb[FOU_ATTR_PORT] && nla_len(tb[FOU_ATTR_PORT]) >= 2) {
		memcpy(&u16, nla_data(tb[FOU_ATTR_PORT]), 2);
		pr_uint(PR_ANY, "port", "port %u", ntohs(u16));
	}
	if (!nla_get_u8(tb[FOU_ATTR_TYPE], &u8) && u8 == FOU_ENCAP_GUE) {
		pr_text(" gue");
		pr_null("gue");
	} else if (!nla_get_u8(tb[FOU_ATTR_IPPROTO], &u8)) {
		pr_uint(PR_ANY, "ipproto", " ipproto %u", u8);
	}
	if (!nla_get_u8(tb[FOU_ATTR_AF], &family)) {
		pr_str(PR_JSON, "family", NULL, name_family(family));
		if (family == AF_INET6)
			pr_text(" -6");
	}
	v6 = family != AF_INET;
	alen = family == AF_INET6 ? 16 : family == AF_INET ? 4 : 0;
	if (tb[v6 ? FOU_ATTR_LOCAL_V6 : FOU_ATTR_LOCAL_V4] && !zero(tb[v6 ? FOU_ATTR_LOCAL_V6 : FOU_ATTR_LOCAL_V4], alen)) {
		const struct nlattr *a = tb[v6 ? FOU_ATTR_LOCAL_V6 : FOU_ATTR_LOCAL_V4];
		pr_str(PR_ANY, "local", " local %s", fmt_host(family, nla_data(a), nla_len(a), host));
	}
	if (tb[v6 ? FOU_ATTR_PEER_V6 : FOU_ATTR_PEER_V4] && !zero(tb[v6 ? FOU_ATTR_PEER_V6 : FOU_ATTR_PEER_V4], alen)) {
		const struct nlattr *a = tb[v6 ? FOU_ATTR_PEER_V6 : FOU_ATTR_PEER_V4];
		pr_str(PR_ANY, "peer", " peer %s", fmt_host(family, nla_data(a), nla_len(a), host));
	}
	if (tb[FOU_ATTR_PEER_PORT] && nla_len(tb[FOU_ATTR_PEER_PORT]) >= 2) {
		memcpy(&u16, nla_data(tb[FOU_ATTR_PEER_PORT]), 2);
		if (u16)
			pr_uint(PR_ANY, "peer_port", " peer_port %u", ntohs(u16));
	}
	if (!nla_get_s32(tb[FOU_ATTR_IFINDEX], &index) && index)
		pr_str(PR_ANY, "dev", " dev %s", ifname_of(index));
	pr_text("\n");
	pr_obj_close();
	out_record_end();
	return 0;
}

static int do_show(int argc, char **argv)
{
	(void)argv;
	if (argc > 0)
		ip_fail(1, "\"ip fou show\" does not take any arguments.\n");
	return ip_genl_show(sk, &fam, FOU_CMD_GET, FOU_GENL_VERSION, ip_fou_print, 255);
}

static const struct kw fou_cmds[] = {
	{ "add", 1, do_add }, { "delete", 1, do_del }, { "show", 1, do_show }, { NULL, 0, NULL }
};

int do_fou(int argc, char **argv)
{
	const struct kw *c;

	if (argc < 1 || kw_is(*argv, "help"))
		usage();
	sk = ip_genl(FOU_GENL_NAME, &fam);
	if (!(c = kw_find(fou_cmds, *argv)))
		die(255, "Command \"%s\" is unknown, try \"ip fou help\".\n", *argv);
	return c->fn(argc - 1, argv + 1);
}
