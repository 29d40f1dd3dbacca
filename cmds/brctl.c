/* brctl: bridge-utils 1.7's brctl over rtnetlink. bridge-utils reads /sys/class/net, which shows
 * the namespace sysfs was mounted in; netlink answers for the namespace brctl runs in. Names,
 * errors and their order follow what bridge-utils' sysfs-then-ioctl fallbacks produce. */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <net/if.h>
#include <linux/neighbour.h>
#include "gnuopt.h"
#include "lib.h"
#include "out.h"
#include "rtnl.h"
#include "rtnl_fdb.h"

APPLET(brctl, brctl_main);

/* brctl_main opens its own unless one is set (the unit tests' fake kernel). */
struct nlsock *brctl_sock;
#define TB_MAX 64

/* A device as brctl looks at it, with its bridge data (IFLA_INFO_DATA) when it is a bridge,
 * else its port data (IFLA_INFO_SLAVE_DATA). */
struct dev {
	int index, master;
	unsigned flags;
	char bridge, port;
	size_t dlen;
	union {
		struct nlattr a;
		char b[4096];
	} data;
};

static int is_bridge(const struct nlattr *kind)
{
	const char *s = nla_get_str(kind);
	return s && !strcmp(s, "bridge");
}

static int take_dev(const struct nlmsghdr *h, void *arg)
{
	struct dev *d = arg;
	struct link_info li;
	const struct nlattr *data;
	struct nlattr *tb[TB_MAX];
	uint32_t m = 0;

	if (rtnl_link_parse(h, &li) < 0)
		return -EPROTO;
	d->index = li.ifi->ifi_index;
	d->flags = li.ifi->ifi_flags;
	nla_get_u32(li.tb[IFLA_MASTER], &m);
	d->master = (int)m;
	d->bridge = (char)is_bridge(li.li[IFLA_INFO_KIND]);
	d->port = (char)is_bridge(li.li[IFLA_INFO_SLAVE_KIND]);
	data = li.li[d->bridge ? IFLA_INFO_DATA : IFLA_INFO_SLAVE_DATA];
	d->dlen = 0;
	if (data && nla_len(data) <= sizeof(d->data))
		memcpy(d->data.b, nla_data(data), d->dlen = nla_len(data));
	/* Data whose attributes do not fit is no device's. */
	return nla_parse(tb, TB_MAX - 1, d->data.b, d->dlen) ? -EPROTO : 0;
}

/* 0, or -ENODEV (a name of IFNAMSIZ or more, as if_nametoindex says) or another -errno. */
static int getdev(const char *name, struct dev *d)
{
	memset(d, 0, offsetof(struct dev, data));
	return rtnl_link_get(brctl_sock, name, 0, RTEXT_FILTER_SKIP_STATS, take_dev, d);
}

/* A bridge name as the ioctls take it: cut to IFNAMSIZ - 1. */
static const char *brname(const char *s)
{
	static char b[IFNAMSIZ];
	size_t n = strnlen(s, IFNAMSIZ - 1);

	memcpy(b, s, n);
	b[n] = 0;
	return b;
}

/* The bridge named s: 0, -ENODEV, or -EOPNOTSUPP when it is not a bridge. */
static int getbr(const char *s, struct dev *d)
{
	int err = getdev(brname(s), d);
	return err ? err : d->bridge ? 0 : -EOPNOTSUPP;
}

static uint64_t val(struct nlattr **tb, int type)
{
	const struct nlattr *a = tb[type];
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64 = 0;

	switch (a ? nla_len(a) : 0) {
	case 1: memcpy(&u8, nla_data(a), 1); return u8;
	case 2: memcpy(&u16, nla_data(a), 2); return u16;
	case 4: memcpy(&u32, nla_data(a), 4); return u32;
	case 8: memcpy(&u64, nla_data(a), 8);
	}
	return u64;
}

static void parse_data(struct dev *d, struct nlattr **tb)
{
	nla_parse(tb, TB_MAX - 1, d->data.b, d->dlen);
}

static void print_id(struct nlattr **tb, int type)
{
	unsigned char x[8] = { 0 };

	if (tb[type] && nla_len(tb[type]) == sizeof(x))
		memcpy(x, nla_data(tb[type]), sizeof(x));
	outf("%.2x%.2x.%.2x%.2x%.2x%.2x%.2x%.2x", x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
}

/* A time in clock ticks (1/100 s), as bridge-utils' br_show_timer prints it. */
static __attribute__((noinline)) void print_timer(uint64_t t)
{
	outf("%4d.%.2d", (int)(uint32_t)(t / 100), (int)(t % 100));
}

/* The bridges (master 0), or the ports of master, in strcmp order of their names (bridge-utils
 * sorts its scandir of /sys/class/net). Nothing holds the whole list: each dump keeps the PICK
 * smallest names after the last one handed out. */
#define PICK 64
struct walk {
	int master, n, i;
	char after[IFNAMSIZ];
	char names[PICK][IFNAMSIZ];
};

static int pick_cb(const struct nlmsghdr *h, void *arg)
{
	struct walk *w = arg;
	struct link_info li;
	const char *n;
	uint32_t m = 0;
	int i;

	if (rtnl_link_parse(h, &li) < 0 || !(n = nla_get_str(li.tb[IFLA_IFNAME])) || strlen(n) >= IFNAMSIZ)
		return 0;
	nla_get_u32(li.tb[IFLA_MASTER], &m);
	if (!(w->master ? (int)m == w->master : is_bridge(li.li[IFLA_INFO_KIND])) || strcmp(n, w->after) <= 0)
		return 0;
	for (i = w->n; i > 0 && strcmp(n, w->names[i - 1]) < 0; i--)
		;
	if (i == PICK)
		return 0;
	w->n += w->n < PICK;
	memmove(w->names[i + 1], w->names[i], (size_t)(w->n - 1 - i) * IFNAMSIZ);
	memcpy(w->names[i], n, strlen(n) + 1);
	return 0;
}

/* The next name, NULL at the end (or, with a message, when a dump fails). */
static const char *walk_next(struct walk *w)
{
	struct rtnl_filter f = { .ext_mask = RTEXT_FILTER_SKIP_STATS, .master = w->master,
				 .kind = w->master ? NULL : "bridge" };
	int err;

	if (w->i == w->n) {
		if (w->i && w->n < PICK)
			return NULL;
		if (w->i)
			memcpy(w->after, w->names[w->i - 1], strlen(w->names[w->i - 1]) + 1);
		w->n = w->i = 0;
		err = rtnl_link_dump(brctl_sock, &f, pick_cb, w);
		if (err)
			msg_err(err, "netlink");
		if (err || !w->n)
			return NULL;
	}
	return w->names[w->i++];
}

/* What bridge-utils prints when it finds no bridge by that name. */
static void not_bridge(int err, const char *name)
{
	if (err == -ENODEV || err == -EOPNOTSUPP)
		errf(err == -ENODEV ? "bridge %s does not exist!\n" : "device %s is not a bridge!\n", name);
	else
		errf("%s: can't get info %s\n", name, errtext(-err));
}

static int show_bridge(const char *name)
{
	static int header = 1;
	struct nlattr *tb[TB_MAX];
	struct dev d;
	struct walk w = { .master = 0 };
	const char *port;
	int err = getbr(name, &d), first = 1;

	if (err) {
		not_bridge(err, name);
		return 1;
	}
	if (header)
		outs("bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
	header = 0;
	parse_data(&d, tb);
	outf("%s\t\t", name);
	print_id(tb, IFLA_BR_BRIDGE_ID);
	outf("\t%s\t\t", val(tb, IFLA_BR_STP_STATE) ? "yes" : "no");
	w.master = d.index;
	while ((port = walk_next(&w))) {
		outf("%s%s", first ? "" : "\n\t\t\t\t\t\t\t", port);
		first = 0;
	}
	outc('\n');
	return 0;
}

static int cmd_show(int argc, char **argv)
{
	struct walk w = { .master = 0 };
	const char *name;
	int i, errs = 0;

	if (argc == 1)
		while ((name = walk_next(&w)))
			show_bridge(name);
	for (i = 1; i < argc; i++)
		errs += show_bridge(argv[i]);
	return errs > 0;
}

/* showstp's layout: text with '@' where a field goes, each field one byte of a list: its
 * attribute (IFLA_BR_* or IFLA_BRPORT_*) and, in the top two bits, how bridge-utils prints it. */
enum { F_ID = 0, F_INT = 1 << 6, F_TIMER = 2 << 6, F_HEX = 3 << 6 };
_Static_assert(IFLA_BR_MAX < 64 && IFLA_BRPORT_MAX < 64, "a field holds an attribute below 64");

static void emit(const char *t, const uint8_t *f, struct nlattr **tb)
{
	const char *at;
	uint64_t v;

	for (; (at = strchr(t, '@')); t = at + 1, f++) {
		outf("%.*s", (int)(at - t), t);
		v = val(tb, *f & 63);
		if (*f >> 6 == 0)
			print_id(tb, *f & 63);
		else if (*f >> 6 == 1)
			outf("%4d", (int)v);
		else if (*f >> 6 == 2)
			print_timer(v);
		else
			outf("%.4x", (unsigned)v);
	}
	outs(t);
}

static const char br_text[] =
	"\n bridge id\t\t@\n designated root\t@\n root port\t\t@\t\t\tpath cost\t\t@\n"
	" max age\t\t@\t\t\tbridge max age\t\t@\n hello time\t\t@\t\t\tbridge hello time\t@\n"
	" forward delay\t\t@\t\t\tbridge forward delay\t@\n ageing time\t\t@\n"
	" hello timer\t\t@\t\t\ttcn timer\t\t@\n topology change timer\t@\t\t\tgc timer\t\t@\n"
	" flags\t\t\t";
static const uint8_t br_fields[] = {
	F_ID | IFLA_BR_BRIDGE_ID, F_ID | IFLA_BR_ROOT_ID, F_INT | IFLA_BR_ROOT_PORT,
	F_INT | IFLA_BR_ROOT_PATH_COST, F_TIMER | IFLA_BR_MAX_AGE, F_TIMER | IFLA_BR_MAX_AGE,
	F_TIMER | IFLA_BR_HELLO_TIME, F_TIMER | IFLA_BR_HELLO_TIME, F_TIMER | IFLA_BR_FORWARD_DELAY,
	F_TIMER | IFLA_BR_FORWARD_DELAY, F_TIMER | IFLA_BR_AGEING_TIME, F_TIMER | IFLA_BR_HELLO_TIMER,
	F_TIMER | IFLA_BR_TCN_TIMER, F_TIMER | IFLA_BR_TOPOLOGY_CHANGE_TIMER, F_TIMER | IFLA_BR_GC_TIMER,
};
static const char port_text[] =
	"\n designated root\t@\tpath cost\t\t@\n designated bridge\t@\tmessage age timer\t@\n"
	" designated port\t@\t\t\tforward delay timer\t@\n designated cost\t@\t\t\thold timer\t\t@\n"
	" flags\t\t\t";
static const uint8_t port_fields[] = {
	F_ID | IFLA_BRPORT_ROOT_ID, F_INT | IFLA_BRPORT_COST, F_ID | IFLA_BRPORT_BRIDGE_ID,
	F_TIMER | IFLA_BRPORT_MESSAGE_AGE_TIMER, F_HEX | IFLA_BRPORT_DESIGNATED_PORT,
	F_TIMER | IFLA_BRPORT_FORWARD_DELAY_TIMER, F_INT | IFLA_BRPORT_DESIGNATED_COST,
	F_TIMER | IFLA_BRPORT_HOLD_TIMER,
};
static const char *const states[] = { "disabled", "listening", "learning", "forwarding", "blocking" };

static void show_port(const char *name)
{
	struct nlattr *tb[TB_MAX];
	struct dev d;
	uint64_t st, hp;

	if (getdev(name, &d)) {
		outf("Can't get info for %s", name);
		return;
	}
	parse_data(&d, tb);
	st = val(tb, IFLA_BRPORT_STATE);
	hp = val(tb, IFLA_BRPORT_MODE);
	outf("%s (%d)\n port id\t\t%.4x\t\t\tstate\t\t%15s", name, (int)val(tb, IFLA_BRPORT_NO),
	     (unsigned)val(tb, IFLA_BRPORT_ID), st < 5 ? states[st] : "<INVALID STATE>");
	emit(port_text, port_fields, tb);
	if (val(tb, IFLA_BRPORT_CONFIG_PENDING))
		outs("CONFIG_PENDING ");
	if (val(tb, IFLA_BRPORT_TOPOLOGY_CHANGE_ACK))
		outs("TOPOLOGY_CHANGE_ACK ");
	if (hp)
		outf("\n hairpin mode\t\t%4d", (int)hp);
	outs("\n\n");
}

static int cmd_showstp(int argc, char **argv)
{
	struct nlattr *tb[TB_MAX];
	struct dev d;
	struct walk w = { .master = 0 };
	const char *port;
	int err = getbr(argv[1], &d);

	(void)argc;
	if (err) {
		not_bridge(err, argv[1]);
		return 1;
	}
	parse_data(&d, tb);
	outs(argv[1]);
	emit(br_text, br_fields, tb);
	if (val(tb, IFLA_BR_TOPOLOGY_CHANGE))
		outs("TOPOLOGY_CHANGE ");
	if (val(tb, IFLA_BR_TOPOLOGY_CHANGE_DETECTED))
		outs("TOPOLOGY_CHANGE_DETECTED ");
	outs("\n\n\n");
	w.master = d.index;
	while ((port = walk_next(&w)))
		show_port(port);
	return 0;
}

/* showmacs: the entries sorted by address, as bridge-utils' stable qsort leaves them (ties in
 * the kernel's order). Without a whole copy of the table: each dump keeps the MAC_CHUNK
 * smallest entries after the last one printed, in a max-heap. */
#define MAC_CHUNK 4096
struct mac {
	unsigned char a[6];
	uint8_t local, port;
	uint32_t seq, age;
};
static struct mac heap[MAC_CHUNK];
static struct {
	int index, no;
} ports[1024];
static int nports;

static int cmp_mac(const struct mac *x, const struct mac *y)
{
	int c = memcmp(x->a, y->a, sizeof(x->a));
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static void sift(int i, int n)
{
	struct mac t;
	int c;

	for (; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && cmp_mac(&heap[c + 1], &heap[c]) > 0)
			c++;
		if (cmp_mac(&heap[c], &heap[i]) <= 0)
			break;
		t = heap[i], heap[i] = heap[c], heap[c] = t;
	}
}

static __attribute__((noinline)) void heapify(int n)
{
	for (int i = n / 2 - 1; i >= 0; i--)
		sift(i, n);
}

struct macs {
	int br, n, more;
	uint32_t seq;
	struct mac last;
};

static int port_cb(const struct nlmsghdr *h, void *arg)
{
	struct dev d;
	struct nlattr *tb[TB_MAX];

	if (take_dev(h, &d) || d.master != *(int *)arg || nports == (int)(sizeof(ports) / sizeof(ports[0])))
		return 0;
	parse_data(&d, tb);
	ports[nports].index = d.index;
	ports[nports++].no = (int)val(tb, IFLA_BRPORT_NO);
	return 0;
}

static int fdb_cb(const struct nlmsghdr *h, void *arg)
{
	struct macs *c = arg;
	struct fdb_entry e;
	struct mac m = { .local = 0 };
	int i;

	/* brforward skips aged-out entries and the bridge's own addresses (no port). */
	if (rtnl_fdb_parse(h, &e) || e.master != c->br || e.ifindex == c->br || (e.state & NUD_STALE))
		return 0;
	memcpy(m.a, e.mac, sizeof(m.a));
	m.seq = c->seq++;
	if (c->more && cmp_mac(&m, &c->last) <= 0)
		return 0;
	m.local = !!(e.state & NUD_PERMANENT);
	m.age = e.state & (NUD_PERMANENT | NUD_NOARP) ? 0 : e.updated;
	for (i = 0; i < nports; i++)
		if (ports[i].index == e.ifindex)
			m.port = (uint8_t)ports[i].no;
	if (c->n < MAC_CHUNK) {
		heap[c->n++] = m;
		if (c->n == MAC_CHUNK)
			heapify(MAC_CHUNK);
	} else if (cmp_mac(&m, heap) < 0) {
		heap[0] = m;
		sift(0, MAC_CHUNK);
	}
	return 0;
}

static int cmd_showmacs(int argc, char **argv)
{
	struct dev d;
	struct rtnl_filter f = { .ext_mask = RTEXT_FILTER_SKIP_STATS };
	struct macs c = { .more = 0 };
	int err = getbr(argv[1], &d), i;

	(void)argc;
	f.master = c.br = d.index;
	if (!err)
		err = rtnl_link_dump(brctl_sock, &f, port_cb, &c.br);
	while (!err) {
		c.n = 0;
		c.seq = 0;
		err = rtnl_fdb_dump(brctl_sock, c.br, fdb_cb, &c);
		if (err)
			break;
		if (!c.more)
			outs("port no\tmac addr\t\tis local?\tageing timer\n");
		heapify(c.n);
		for (i = c.n - 1; i > 0; i--) {
			struct mac t = heap[0];
			heap[0] = heap[i], heap[i] = t;
			sift(0, i);
		}
		for (i = 0; i < c.n; i++) {
			struct mac *m = &heap[i];
			outf("%3d\t%.2x:%.2x:%.2x:%.2x:%.2x:%.2x\t%s\t\t", m->port, m->a[0], m->a[1], m->a[2],
			     m->a[3], m->a[4], m->a[5], m->local ? "yes" : "no");
			print_timer(m->age);
			outc('\n');
		}
		if (c.n < MAC_CHUNK)
			break;
		c.more = 1;
		c.last = heap[MAC_CHUNK - 1];
	}
	if (err)
		errf("read of forward table failed: %s\n", errtext(err));
	return !!err;
}

static int talk(struct nlb *b)
{
	return nl_talk(brctl_sock, b, NULL, NULL);
}

static int cmd_addbr(int argc, char **argv)
{
	char buf[RTNL_BUF];
	struct nlb b;
	struct link_req r;
	int err = -EINVAL;

	(void)argc;
	link_req_init(&r);
	r.name = brname(argv[1]);
	r.kind = "bridge";
	rtnl_link_build(&b, buf, sizeof(buf), NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK, &r);
	/* An empty IFLA_IFNAME would make the kernel pick "bridge%d". */
	if (*r.name && !(err = talk(&b)))
		return 0;
	if (err == -EEXIST)
		errf("device %s already exists; can't create bridge with the same name\n", argv[1]);
	else
		errf("add bridge failed: %s\n", errtext(err));
	return 1;
}

static int cmd_delbr(int argc, char **argv)
{
	char buf[RTNL_BUF];
	struct nlb b;
	struct dev d;
	int err = getdev(brname(argv[1]), &d);

	(void)argc;
	/* SIOCBRDELBR's checks: netlink would delete a bridge that is up, or any device. */
	if (err == -ENODEV)
		err = -ENXIO;
	else if (!err && !d.bridge)
		err = -EPERM;
	else if (!err && (d.flags & IFF_UP))
		err = -EBUSY;
	if (!err) {
		rtnl_link_del_build(&b, buf, sizeof(buf), d.index, NULL);
		err = talk(&b);
	}
	if (err == -ENXIO)
		errf("bridge %s doesn't exist; can't delete it\n", argv[1]);
	else if (err == -EBUSY)
		errf("bridge %s is still up; can't delete it\n", argv[1]);
	else if (err)
		errf("can't delete bridge %s: %s\n", argv[1], errtext(err));
	return !!err;
}

/* addif and delif: each device in turn, up to the first that fails. */
static int enslave(int argc, char **argv, int add)
{
	char buf[RTNL_BUF];
	struct nlb b;
	struct link_req r;
	struct dev br, d;
	const char *ifn;
	int i, err;

	for (i = 2; i < argc; i++) {
		ifn = argv[i];
		err = getdev(ifn, &d);
		if (err) {
			errf("interface %s does not exist!\n", ifn);
			return 1;
		}
		err = getbr(argv[1], &br);
		/* netlink would move a port from another master, or take a bridge's own port
		 * again without a word: SIOCBRADDIF refuses, with br_add_if's checks in order. */
		if (!err && add)
			err = !d.master ? 0 : d.bridge ? -ELOOP : -EBUSY;
		else if (!err && d.master != br.index)
			err = -EINVAL;
		if (!err) {
			link_req_init(&r);
			r.index = d.index;
			rtnl_link_build(&b, buf, sizeof(buf), NLM_F_ACK, &r);
			nlb_put_u32(&b, IFLA_MASTER, add ? (uint32_t)br.index : 0);
			err = talk(&b);
		}
		if (!err)
			continue;
		if (err == -ENODEV)
			errf("bridge %s does not exist!\n", argv[1]);
		else if (add && err == -EBUSY)
			errf("device %s is already a member of a bridge; can't add it to bridge %s.\n",
			     ifn, argv[1]);
		else if (add && err == -ELOOP)
			errf("device %s is a bridge device itself; can't add a bridge device to a bridge device.\n",
			     ifn);
		else if (!add && err == -EINVAL)
			errf("device %s is not a port of %s\n", ifn, argv[1]);
		else
			errf(add ? "can't add %s to bridge %s: %s\n" : "can't delete %s from %s: %s\n",
			     ifn, argv[1], errtext(err));
		return 1;
	}
	return 0;
}

static int cmd_addif(int argc, char **argv) { return enslave(argc, argv, 1); }
static int cmd_delif(int argc, char **argv) { return enslave(argc, argv, 0); }

static int space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit(int c, int base)
{
	int d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : 99;
	return d < base ? d : -1;
}

/* The number parsers are not static for tests/unit/test_brctl.c. */
int brctl_scan_int(const char *s, int *out);
int brctl_scan_ticks(const char *s, uint32_t *out);

/* sscanf(s, "%i", &int) as glibc does it: strtol's syntax and range on a prefix, then the
 * low 32 bits. */
int brctl_scan_int(const char *s, int *out)
{
	uint64_t v = 0, lim;
	int neg, base = 10, any = 0, d;

	while (space(*s))
		s++;
	neg = *s == '-';
	s += *s == '-' || *s == '+';
	if (*s == '0') {
		base = 8, any = 1;
		if ((s[1] | 32) == 'x')
			base = 16, s += 2;
	}
	for (; (d = digit(*s, base)) >= 0; s++, any = 1)
		v = v > (UINT64_MAX >> 4) ? UINT64_MAX : v * base + d;
	lim = (uint64_t)INT64_MAX + neg;
	if (v > lim)
		v = lim;
	*out = (int)(uint32_t)(neg ? 0 - v : v);
	return any ? 0 : -1;
}

/* sscanf(s, "%lf") (decimal and hex forms, inf and nan) and bridge-utils' strtotimeval and
 * __tv_to_jiffies: the clock ticks it writes, cut to 32 bits (UINT32_MAX past them) as the
 * netlink attributes are. The double is exact for up to 2^53 and powers of ten up to 22. */
int brctl_scan_ticks(const char *s, uint32_t *out)
{
	uint64_t m = 0, j;
	int64_t sec, usec;
	int neg, base = 10, any = 0, e = 0, x = 0, xneg = 0, d, dot = 0;
	double v, p;

	while (space(*s))
		s++;
	neg = *s == '-';
	s += *s == '-' || *s == '+';
	if (!strncasecmp(s, "inf", 3) || !strncasecmp(s, "nan", 3)) {
		*out = UINT32_MAX;
		return 0;
	}
	if (*s == '0' && (s[1] | 32) == 'x')
		base = 16, s += 2;
	for (;; s++) {
		if (*s == '.' && !dot) {
			dot = 1;
			continue;
		}
		if ((d = digit(*s, base)) < 0)
			break;
		any = 1;
		if (m < (base == 16 ? 1ULL << 56 : 100000000000000000ULL))
			m = m * base + d, e -= dot;
		else
			e += !dot;
	}
	if (!any)
		return -1;
	if ((*s | 32) == (base == 16 ? 'p' : 'e')) {
		s++;
		xneg = *s == '-';
		s += *s == '-' || *s == '+';
		for (; (d = digit(*s, 10)) >= 0 && x < 100000; s++)
			x = x * 10 + d;
	}
	if (base == 16)
		e *= 4;
	e += xneg ? -x : x;
	for (p = 1, d = e < 0 ? -e : e; d-- > 0 && p < 1e300;)
		p *= base == 16 ? 2 : 10;
	v = e > 0 ? (double)m * p : (double)m / p;
	if (neg)
		v = -v;
	if (!(v < 9.2e18 && v > -9.2e18)) {
		*out = UINT32_MAX;
		return 0;
	}
	sec = (int64_t)v;
	usec = (int64_t)(1000000 * (v - (double)sec));
	j = (1000000ULL * (uint64_t)sec + (uint64_t)usec) / 10000;
	*out = j > UINT32_MAX ? UINT32_MAX : (uint32_t)j;
	return 0;
}

/* A bridge option: RTM_NEWLINK kind bridge with one IFLA_BR_* attribute of len 2 or 4 bytes.
 * 0 or -errno. */
static int br_set(const char *br, uint16_t type, uint32_t v, size_t len)
{
	char buf[RTNL_BUF];
	struct nlb b;
	char dbuf[NLMSG_HDRLEN + 8];
	struct nlb d;
	struct link_req r;
	uint16_t v16 = (uint16_t)v;

	link_req_init(&r);
	r.name = brname(br);
	r.kind = "bridge";
	nlb_init(&d, dbuf, sizeof(dbuf), 0, 0);
	nlb_put(&d, type, len == 2 ? (void *)&v16 : &v, len);
	r.data = nlb_attrs(&d);
	r.data_len = nlb_attrs_len(&d);
	rtnl_link_build(&b, buf, sizeof(buf), NLM_F_ACK, &r);
	return talk(&b);
}

/* A port option (IFLA_BRPORT_*, u8 u16 or u32 by len), on whatever bridge the port is in, as
 * bridge-utils' write to /sys/class/net/PORT/brport does; when it is in none, the errors of
 * bridge-utils' ioctl fallback. 0 or -errno. */
static int port_set(const char *br, const char *port, uint16_t type, uint32_t v, size_t len)
{
	char buf[128];
	struct nlb b;
	struct dev d;
	uint16_t v16 = (uint16_t)v;
	uint8_t v8 = (uint8_t)v;
	int err = getdev(port, &d);

	if (err)
		return err;
	if (!d.port)
		return (err = getbr(br, &d)) ? err : -ENOENT;
	rtnl_brport_build(&b, buf, sizeof(buf), d.index, type,
			  len == 1 ? (void *)&v8 : len == 2 ? (void *)&v16 : &v, len);
	return talk(&b);
}

/* on|yes|1, off|no|0: 1, 0, or -1 with bridge-utils' message. */
static int on_off(const char *s)
{
	static const char words[][4] = { "on", "yes", "1", "off", "no", "0" };

	for (int i = 0; i < 6; i++)
		if (!strcmp(s, words[i]))
			return i < 3;
	errf("expect on/off for argument\n");
	return -1;
}

/* The set commands but hairpin: the attribute, how its word reads (seconds as "%lf", "%i",
 * on/off), and bridge-utils' messages. A port's value goes out as bridge-utils writes it, an
 * unsigned long of the int, here saturated to the attribute so that the kernel's range check
 * still refuses it; the bridge priority is cut to 16 bits as sysfs does. */
enum { V_TIME, V_INT, V_ONOFF };
static const struct setter {
	char cmd[14];
	uint8_t attr, how, len, port;
	const char *what;    /* for "set %s failed", then (after its NUL) for "bad %s" */
} setters[] = {
	{ "setageing", IFLA_BR_AGEING_TIME, V_TIME, 4, 0, "ageing time\0" "ageing time value" },
	{ "setfd", IFLA_BR_FORWARD_DELAY, V_TIME, 4, 0, "forward delay\0" "forward delay value" },
	{ "sethello", IFLA_BR_HELLO_TIME, V_TIME, 4, 0, "hello timer\0" "hello timer value" },
	{ "setmaxage", IFLA_BR_MAX_AGE, V_TIME, 4, 0, "max age\0" "max age value" },
	{ "setbridgeprio", IFLA_BR_PRIORITY, V_INT, 2, 0, "bridge priority\0" "priority" },
	{ "stp", IFLA_BR_STP_STATE, V_ONOFF, 4, 0, "stp status" },
	{ "setpathcost", IFLA_BRPORT_COST, V_INT, 4, 1, "path cost\0" "path cost value" },
	{ "setportprio", IFLA_BRPORT_PRIORITY, V_INT, 2, 1, "port priority\0" "path priority value" },
};

static int cmd_set(int argc, char **argv)
{
	const struct setter *s = setters;
	const char *w;
	uint32_t v = 0, max;
	int i = 0, err;

	(void)argc;
	while (strcmp(s->cmd, argv[0]))
		s++;
	w = argv[2 + s->port];
	max = s->len == 2 ? UINT16_MAX : UINT32_MAX;
	if (s->how == V_ONOFF) {
		if ((i = on_off(w)) < 0)
			return 1;
	} else if (s->how == V_TIME ? brctl_scan_ticks(w, &v) : brctl_scan_int(w, &i)) {
		errf("bad %s\n", s->what + strlen(s->what) + 1);
		return 1;
	}
	if (s->how != V_TIME)
		v = s->port && (i < 0 || (uint32_t)i > max) ? max : (uint32_t)i;
	err = s->port ? port_set(argv[1], argv[2], s->attr, v, s->len) : br_set(argv[1], s->attr, v, s->len);
	if (err)
		errf("set %s failed: %s\n", s->what, errtext(err));
	return !!err;
}

static int cmd_hairpin(int argc, char **argv)
{
	struct dev d;
	int on = on_off(argv[3]), err;

	(void)argc;
	if (on < 0)
		return 1;
	if (getdev(argv[2], &d)) {
		errf("interface %s does not exist!\n", argv[2]);
		return 1;
	}
	if (getdev(argv[1], &d)) {
		errf("bridge %s does not exist!\n", argv[1]);
		return 1;
	}
	err = port_set(argv[1], argv[2], IFLA_BRPORT_MODE, (uint32_t)on, 1);
	if (err)
		errf("can't set %s to hairpin on bridge %s: %s\n", argv[2], argv[1], errtext(err));
	return !!err;
}

/* name: the command's name, then (after its NUL) its help */
static const struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	int nargs;
} cmds[] = {
	{ "addbr\0" "<bridge>\t\tadd bridge", cmd_addbr, 1 },
	{ "delbr\0" "<bridge>\t\tdelete bridge", cmd_delbr, 1 },
	{ "addif\0" "<bridge> <device>\tadd interface to bridge", cmd_addif, 2 },
	{ "delif\0" "<bridge> <device>\tdelete interface from bridge", cmd_delif, 2 },
	{ "hairpin\0" "<bridge> <port> {on|off}\tturn hairpin on/off", cmd_hairpin, 3 },
	{ "setageing\0" "<bridge> <time>\t\tset ageing time", cmd_set, 2 },
	{ "setbridgeprio\0" "<bridge> <prio>\t\tset bridge priority", cmd_set, 2 },
	{ "setfd\0" "<bridge> <time>\t\tset bridge forward delay", cmd_set, 2 },
	{ "sethello\0" "<bridge> <time>\t\tset hello time", cmd_set, 2 },
	{ "setmaxage\0" "<bridge> <time>\t\tset max message age", cmd_set, 2 },
	{ "setpathcost\0" "<bridge> <port> <cost>\tset path cost", cmd_set, 3 },
	{ "setportprio\0" "<bridge> <port> <prio>\tset port priority", cmd_set, 3 },
	{ "show\0" "[ <bridge> ]\t\tshow a list of bridges", cmd_show, 0 },
	{ "showmacs\0" "<bridge>\t\tshow a list of mac addrs", cmd_showmacs, 1 },
	{ "showstp\0" "<bridge>\t\tshow bridge stp info", cmd_showstp, 1 },
	{ "stp\0" "<bridge> {on|off}\tturn stp on/off", cmd_set, 2 },
	{ NULL, NULL, 0 },
};

static const char *help_of(const struct cmd *c)
{
	return c->name + strlen(c->name) + 1;
}

/* The usage, on stdout as bridge-utils prints it; code is the exit status. */
static int help(int code)
{
	outs("Usage: brctl [commands]\ncommands:\n");
	for (const struct cmd *c = cmds; c->name; c++)
		outf("\t%-10s\t%s\n", c->name, help_of(c));
	return code;
}

int brctl_main(int argc, char **argv)
{
	static const struct gopt longs[] = { { "help", 0, 'h' }, { "version", 0, 'V' }, { NULL, 0, 0 } };
	const struct cmd *c;
	int n, err = 0;

	while ((n = gopt_next(argc, argv, "Vh", longs)) != -1) {
		if (n == 'h')
			return help(0);
		if (n == 'V') {
			outs("bridge-utils, 1.7\n");
			return 0;
		}
		errf("Unknown option '%c'\n", n);
		return help(1);
	}
	argv += gopt_ind;
	n = argc - gopt_ind;
	if (!n)
		return help(1);
	if (!brctl_sock) {
		static struct nlsock sk;
		err = nl_open(&sk, NETLINK_ROUTE);
		brctl_sock = &sk;
	}
	if (err) {
		errf("can't setup bridge control: %s\n", errtext(err));
		return 1;
	}
	for (c = cmds; c->name && strcmp(c->name, argv[0]); c++)
		;
	if (!c->name) {
		errf("never heard of command [%s]\n", argv[0]);
		return help(1);
	}
	if (n < c->nargs + 1) {
		outf("Incorrect number of arguments for command\nUsage: brctl %s %s\n", c->name, help_of(c));
		return 1;
	}
	return c->fn(n, argv);
}
