/* ip addr show, the listing loop ip link show shares with it, and ip addr flush. Nothing holds
 * more than one link and one address of each family: the link dump streams, and beside it an
 * IPv4 and an IPv6 address dump, which the kernel walks in the same device order as the link
 * dump. A link takes the addresses at the head of each address stream that are its own. When
 * the head belongs to a device the link stream has not shown yet (a later link, or one created
 * since), the link's own addresses are asked for alone, with a dump filtered on ifa_index. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "inet.h"
#include "glob.h"
#include "lib.h"
#include "ip_addr.h"
#include "ip_print.h"
#include "out.h"

#define INFINITY_LIFE_TIME 0xFFFFFFFFu

struct show {
	int do_link;
	const char *usage;       /* the object's, for "help" */
	int family;              /* selected by -4/-6/to; AF_PACKET for ip link */
	int dump_family;         /* of the link dump: -4/-6 only (the IPv6 one is reduced) */
	struct link_filter lf;
	int64_t group;           /* -1 = any */
	/* address selectors */
	struct inet_prefix pfx;      /* to PREFIX; family 0 = any */
	int ifindex;              /* flush: dev */
	int flush;                /* flush: lines name the device */
	int showdump;             /* -o does not name the device (iproute2's showdump) */
	unsigned scope, scopemask;
	unsigned flags, flagmask;
	const char *label;
	/* the link whose addresses are streaming */
	const struct link_info *li;
	int verdict;             /* link_verdict() of it */
	int shown;               /* its record is open */
	int any_addr;            /* it has an address of any family */
	int empties;             /* its addresses filtered out, not yet shown as {} */
	int err;
	struct addr_stream *streams; /* NULL: one filtered dump per link */
};

/* One family's address dump, read alongside the link dump. */
struct addr_stream {
	int family;
	int live;                 /* started and not failed */
	struct nl_stream st;
	const struct nlmsghdr *head; /* the next address, not yet taken */
};

/* Links the link stream has shown, by ifindex (never 0); an index past the map counts as not seen. */
#define SEEN_MAX 65536
static unsigned char seen[SEEN_MAX / 8];

static void mark_seen(int index)
{
	if ((unsigned)index < SEEN_MAX)
		seen[index / 8] |= 1 << (index % 8);
}

static int was_seen(int index)
{
	return (unsigned)index < SEEN_MAX && (seen[index / 8] & (1 << (index % 8)));
}

#define IFA_FLAGS(X) \
	X(secondary, "secondary", IFA_F_SECONDARY) X(temporary, "temporary", IFA_F_SECONDARY) \
	X(nodad, "nodad", IFA_F_NODAD) X(optimistic, "optimistic", IFA_F_OPTIMISTIC) \
	X(dadfailed, "dadfailed", IFA_F_DADFAILED) X(home, "home", IFA_F_HOMEADDRESS) \
	X(deprecated, "deprecated", IFA_F_DEPRECATED) X(tentative, "tentative", IFA_F_TENTATIVE) \
	X(permanent, "permanent", IFA_F_PERMANENT) X(mngtmpaddr, "mngtmpaddr", IFA_F_MANAGETEMPADDR) \
	X(noprefixroute, "noprefixroute", IFA_F_NOPREFIXROUTE) X(autojoin, "autojoin", IFA_F_MCAUTOJOIN) \
	X(stable_privacy, "stable-privacy", IFA_F_STABLE_PRIVACY)
/* The names back to back (a struct of char arrays has no padding), each found by its offset. */
#define FLAG_FIELD(id, name, mask) char id[sizeof(name)];
#define FLAG_NAME(id, name, mask) name,
#define FLAG_OFF(id, name, mask) offsetof(struct ifa_flag_names, id),
#define FLAG_MASK(id, name, mask) mask,
struct ifa_flag_names { IFA_FLAGS(FLAG_FIELD) };
static const struct ifa_flag_names flag_names = { IFA_FLAGS(FLAG_NAME) };
static const unsigned char flag_off[IFA_FLAGS_N] = { IFA_FLAGS(FLAG_OFF) };
const uint16_t ifa_flag_masks[IFA_FLAGS_N] = { IFA_FLAGS(FLAG_MASK) };

static const char *flag_name(int i)
{
	return (const char *)&flag_names + flag_off[i];
}

int ifa_flag_index(const char *name)
{
	for (int i = 0; i < IFA_FLAGS_N; i++)
		if (!strcmp(name, flag_name(i)))
			return i;
	return -1;
}

/* A flag selector: NAME, -NAME, dynamic (= -permanent), primary (= -secondary). */
static int flag_selector(struct show *s, const char *arg)
{
	int inv = 0, i;
	unsigned m;

	if (arg[0] == '-')
		inv = 1, arg++;
	if (!strcmp(arg, "dynamic"))
		inv = !inv, arg = "permanent";
	else if (!strcmp(arg, "primary"))
		inv = !inv, arg = "secondary";
	if ((i = ifa_flag_index(arg)) < 0)
		return -1;
	m = ifa_flag_masks[i];
	if (inv)
		s->flags &= ~m;
	else
		s->flags |= m;
	s->flagmask |= m;
	return 0;
}

static int is_vrf(const struct nlmsghdr *h, void *arg)
{
	struct link_info li;
	const struct nlattr *k;

	if (!rtnl_link_parse(h, &li) && (k = li.li[IFLA_INFO_KIND]) && nla_len(k) >= 3)
		*(int *)arg = !memcmp(nla_data(k), "vrf", 3) && (nla_len(k) == 3 || !((char *)nla_data(k))[3]);
	return 0;
}

enum { S_UP, S_NOMASTER, S_TO, S_SCOPE, S_LABEL, S_GROUP, S_MASTER, S_VRF, S_TYPE, S_DEV };
#define SWORDS(X) \
	X("to", S_TO) X("scope", S_SCOPE) X("up", S_UP) X("label", S_LABEL) X("group", S_GROUP) \
	X("master", S_MASTER) X("vrf", S_VRF) X("nomaster", S_NOMASTER) X("type", S_TYPE) X("dev", S_DEV)
static const char sword_names[] = SWORDS(KWL_NAME);
static const unsigned char sword_codes[] = { SWORDS(KWL_CODE) };

/* The selectors; a flag name (iproute2 checks them after "up") is none of the words. */
static void parse_args(struct show *s, int argc, char **argv, const char **dev)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = *argv;
		uint32_t g;
		size_t n;
		int c, vrf = 0;

		if (!kwl_find(sword_names, sword_codes, w, &c)) {
			if (!flag_selector(s, w))
				continue;
			if (kw_is(w, "help")) {
				sputs(ERR, USAGE_TEXT(s->usage));
				out_exit(255);
			}
			c = S_DEV;
		} else if (c > S_NOMASTER) {
			NEXT_ARG();
		}
		switch (c) {
		case S_TO:
			ip_get_prefix(&s->pfx, *argv, s->family);
			if (s->family == AF_UNSPEC)
				s->family = s->pfx.family;
			break;
		case S_SCOPE:
			s->scopemask = ~0u;
			if (parse_scope(*argv, &s->scope)) {
				if (strcmp(*argv, "all"))
					ip_invarg("invalid \"scope\"\n", *argv);
				s->scope = RT_SCOPE_NOWHERE;
				s->scopemask = 0;
			}
			break;
		case S_UP:
			s->lf.up = 1;
			break;
		case S_LABEL:
			if (!NSBOX_FEATURE_IP_EXTRAS)
				NSBOX_LEFT_OUT("address label", "NSBOX_FEATURE_IP_EXTRAS");
			s->label = *argv;
			break;
		case S_GROUP:
			g = 0;
			if (strcmp(*argv, "default") && parse_u32(*argv, &g, 0))
				ip_invarg("Invalid \"group\" value\n", *argv);
			s->group = g;
			break;
		case S_MASTER:
		case S_VRF:
			if (!NSBOX_FEATURE_VRF && c == S_VRF)
				NSBOX_LEFT_OUT(s->do_link ? "link vrf" : "address vrf", "NSBOX_FEATURE_VRF");
			if (!(s->lf.master = addr_dev_index(*argv))) {
				if (c == S_MASTER)
					ip_invarg("Device does not exist\n", *argv);
			} else if (c == S_MASTER || (NSBOX_FEATURE_VRF && !rtnl_link_get(ip_sock(), *argv, 0, 0, is_vrf, &vrf) && vrf)) {
				break;
			}
			ip_invarg("Not a valid VRF name\n", *argv);
		case S_NOMASTER:
			s->lf.master = -1;
			break;
		case S_TYPE:
			n = strlen(*argv);
			if (n >= 6 && !strcmp(*argv + n - 6, "_slave")) {
				(*argv)[n - 6] = 0;
				s->lf.slave_kind = *argv;
			} else {
				s->lf.kind = *argv;
			}
			break;
		default:   /* S_DEV */
			if (*dev)
				ip_duparg2("dev", *argv);
			*dev = *argv;
		}
	}
}

static uint32_t ifa_flags_of(const struct addr_info *ai)
{
	uint32_t f;
	return nla_get_u32(ai->tb[IFA_FLAGS], &f) ? ai->ifa->ifa_flags : f;
}

static const struct nlattr *addr_local(const struct addr_info *ai)
{
	return ai->tb[IFA_LOCAL] ? ai->tb[IFA_LOCAL] : ai->tb[IFA_ADDRESS];
}

static int addr_match(const struct show *s, const struct addr_info *ai)
{
	const struct ifaddrmsg *ifa = ai->ifa;
	const char *label;

	if (s->family && s->family != ifa->ifa_family)
		return 0;
	if ((s->scope ^ ifa->ifa_scope) & s->scopemask)
		return 0;
	if ((s->flags ^ ifa_flags_of(ai)) & s->flagmask)
		return 0;
	if (NSBOX_FEATURE_IP_EXTRAS && s->label) {
		label = ai->tb[IFA_LABEL] ? nla_get_str(ai->tb[IFA_LABEL]) : ifname_of(ifa->ifa_index);
		if (!label || !glob_match(s->label, label))
			return 0;
	}
	if (addr_local(ai) && !addr_pfx_match(&s->pfx, nla_data(addr_local(ai)), nla_len(addr_local(ai))))
		return 0;
	return 1;
}

static void pr_ifa_flags(const struct ifaddrmsg *ifa, uint32_t flags)
{
	char b[16];

	for (int i = 0; i < IFA_FLAGS_N; i++) {
		const char *name = flag_name(i);
		unsigned m = ifa_flag_masks[i];

		if (m == IFA_F_PERMANENT) {
			if (!(flags & m))
				pr_bool(PR_ANY, PK("dynamic"), "dynamic ", 1);
		} else if (flags & m) {
			if (m == IFA_F_SECONDARY && ifa->ifa_family == AF_INET6) {
				pr_bool(PR_ANY, PK("temporary"), "temporary ", 1);
			} else {
				pr_text("%s ", name);
				if (NSBOX_FEATURE_JSON)
					pr_bool(PR_JSON, name, NULL, 1);
			}
		}
		flags &= ~m;
	}
	if (flags) {
		if (NSBOX_FEATURE_JSON) {
			bfmt(b, sizeof(b), "%02x", flags);
			pr_str(PR_JSON, PK("ifa_flags"), NULL, b);
		}
		pr_text("flags %02x ", flags);
	}
}

static const char *addr_text(const struct ifaddrmsg *ifa, const struct nlattr *a, char *buf)
{
	return fmt_host(ifa->ifa_family, nla_data(a), nla_len(a), buf);
}

/* A lifetime: forever, or seconds (signed for a deprecated address's preferred one, as
 * iproute2 prints it). */
static __attribute__((noinline)) void pr_lft(const char *text, const char *key, uint32_t v, int sgn)
{
	pr_text("%s", text);
	if (v == INFINITY_LIFE_TIME) {
		if (NSBOX_FEATURE_JSON)
			pr_uint(PR_JSON, key, NULL, v);
		pr_text("forever");
	} else if (sgn) {
		pr_int(PR_ANY, key, "%dsec", (int)v);
	} else {
		pr_uint(PR_ANY, key, "%usec", v);
	}
}

static void pr_addr(const struct show *s, const struct addr_info *ai)
{
	const struct ifaddrmsg *ifa = ai->ifa;
	const struct nlattr *local = addr_local(ai);
	const struct nlattr *peer = ai->tb[IFA_ADDRESS] ? ai->tb[IFA_ADDRESS] : ai->tb[IFA_LOCAL];
	size_t alen = ifa->ifa_family == AF_INET ? 4 : 16;
	uint32_t metric;
	const char *fam = name_family(ifa->ifa_family);
	char b[PR_HOSTSZ];

	if (!ipo.brief) {
		if ((ipo.oneline && !s->showdump) || s->flush) {
			const char *dev = s->li ? nla_get_str(s->li->tb[IFLA_IFNAME]) : ifname_of(ifa->ifa_index);
			if (NSBOX_FEATURE_JSON) {
				pr_int(PR_JSON, PK("index"), NULL, ifa->ifa_index);
				pr_str(PR_JSON, PK("dev"), NULL, dev);
			}
			pr_text("%u: %s", ifa->ifa_index, dev);
		}
		if (*fam != '?')
			pr_str(PR_ANY, PK("family"), "    %s ", fam);
		else
			pr_int(PR_ANY, PK("family_index"), "    family %d ", ifa->ifa_family);
	}
	if (local) {
		pr_str(PR_ANY, PK("local"), "%s", addr_text(ifa, local, b));
		if (peer && nla_len(peer) >= alen && nla_len(local) >= alen &&
		    memcmp(nla_data(peer), nla_data(local), alen)) {
			pr_str(PR_ANY, PK("address"), " peer %s", addr_text(ifa, peer, b));
		}
		pr_int(PR_ANY, PK("prefixlen"), "/%d ", ifa->ifa_prefixlen);
		if (!nla_get_u32(ai->tb[IFA_RT_PRIORITY], &metric))
			pr_uint(PR_ANY, PK("metric"), "metric %u ", metric);
	}
	if (ipo.brief)
		return;
	if (ai->tb[IFA_BROADCAST])
		pr_str(PR_ANY, PK("broadcast"), "brd %s ", addr_text(ifa, ai->tb[IFA_BROADCAST], b));
	if (ai->tb[IFA_ANYCAST])
		pr_str(PR_ANY, PK("anycast"), "any %s ", addr_text(ifa, ai->tb[IFA_ANYCAST], b));
	pr_str(PR_ANY, PK("scope"), "scope %s ", name_scope(ifa->ifa_scope, b));
	pr_ifa_flags(ifa, ifa_flags_of(ai));
	if (ai->tb[IFA_LABEL] && nla_get_str(ai->tb[IFA_LABEL]))
		pr_str(PR_ANY, PK("label"), "%s", nla_get_str(ai->tb[IFA_LABEL]));
	if (ai->tb[IFA_CACHEINFO] && nla_len(ai->tb[IFA_CACHEINFO]) >= sizeof(struct ifa_cacheinfo)) {
		const struct ifa_cacheinfo *ci = nla_data(ai->tb[IFA_CACHEINFO]);

		pr_nl();
		pr_lft("       valid_lft ", PK("valid_life_time"), ci->ifa_valid, 0);
		pr_lft(" preferred_lft ", PK("preferred_life_time"), ci->ifa_prefered,
		       ifa_flags_of(ai) & IFA_F_DEPRECATED);
	}
	pr_text("\n");
}

void pr_addr_msg(const struct nlmsghdr *h, int index)
{
	struct show s = { .flush = 1 };  /* lines that name the device, as its monitor's */
	struct addr_info ai;

	if (rtnl_addr_parse(h, &ai) < 0 || (index && (int)ai.ifa->ifa_index != index))
		return;
	if (h->nlmsg_type == RTM_DELADDR)
		pr_text("Deleted ");
	pr_addr(&s, &ai);
}

/* iproute2's verdict on a link (its print_linkinfo): -1 filtered out, which under -j still
 * leaves an empty object; 0 no link lines (a label selector, or ip addr -o, which skips the link
 * selectors altogether); 1 printed. */
static int link_verdict(const struct show *s, const struct link_info *li)
{
	uint32_t group;

	if (!s->do_link && ipo.oneline && !ipo.brief && s->family != AF_PACKET)
		return 0;
	if (s->lf.up && !(li->ifi->ifi_flags & IFF_UP))
		return -1;
	if (s->label)
		return 0;
	if (s->group >= 0 && !nla_get_u32(li->tb[IFLA_GROUP], &group) && group != s->group)
		return -1;
	return link_filter_match(&s->lf, li) ? 1 : -1;
}

static void open_record(struct show *s)
{
	s->shown = 1;
	pr_begin();
	if (NSBOX_FEATURE_JSON)
		pr_obj_open(NULL);
	if (s->verdict > 0)
		pr_link(s->li, s->do_link, s->family);
	if (NSBOX_FEATURE_JSON && s->verdict >= 0 && s->family != AF_PACKET)
		pr_arr_open(PR_JSON, PK("addr_info"));
}

static void pr_empties(struct show *s)
{
	for (; s->empties; s->empties--)
		if (pr_json() && s->verdict >= 0 && !(s->lf.up && !(s->li->ifi->ifi_flags & IFF_UP))) {
			pr_obj_open(NULL);
			pr_obj_close();
		}
}

static void close_record(struct show *s)
{
	if (s->verdict >= 0 && s->family != AF_PACKET) {
		pr_empties(s);
		if (NSBOX_FEATURE_JSON)
			pr_arr_close(PR_JSON, NULL);
		if (ipo.brief)
			pr_text("\n");
	}
	if (NSBOX_FEATURE_IP_LINK_STATS && s->verdict > 0 && !s->do_link && ipo.stats && !ipo.brief) {
		pr_link_stats(s->li);
		pr_nl();
	}
	if (NSBOX_FEATURE_JSON)
		pr_obj_close();
	out_record_end();
}

static int one_addr(const struct nlmsghdr *h, void *arg)
{
	struct show *s = arg;
	struct addr_info ai;

	if (h->nlmsg_type != RTM_NEWADDR || rtnl_addr_parse(h, &ai) < 0 ||
	    (int)ai.ifa->ifa_index != s->li->ifi->ifi_index)
		return 0;
	s->any_addr = 1;
	if (s->family && s->family != ai.ifa->ifa_family)
		return 0;
	if (!addr_match(s, &ai)) {
		/* iproute2 opens an object for each address of a link it prints: {} under -j. */
		s->empties++;
		return 0;
	}
	if (!s->shown)
		open_record(s);
	if (s->verdict < 0 || (s->lf.up && !(s->li->ifi->ifi_flags & IFF_UP)))
		return 0;
	pr_empties(s);
	if (NSBOX_FEATURE_JSON)
		pr_obj_open(NULL);
	pr_addr(s, &ai);
	if (NSBOX_FEATURE_JSON)
		pr_obj_close();
	return 0;
}

/* The addresses of the current link alone, of one family or all. */
static int dump_addrs_of(struct show *s, int family)
{
	struct nlsock *sk = show_sock(3);
	struct rtnl_filter f = { .family = family, .ifindex = s->li->ifi->ifi_index };
	int err;

	err = rtnl_addr_dump(sk, &f, one_addr, s);
	if (sk->dump_intr)
		errf("Dump was interrupted and may be inconsistent.\n");
	/* The link may have gone since the link dump saw it. */
	return err == -ENODEV ? 0 : err;
}

/* Moves the stream to its next address; a stream that fails is left for filtered dumps. */
static void advance(struct addr_stream *a)
{
	const struct nlmsghdr *h;

	a->head = NULL;
	while (a->live) {
		int r = nl_next(&a->st, &h);
		if (r <= 0) {
			a->live = 0;
			return;
		}
		if (h->nlmsg_type == RTM_NEWADDR && h->nlmsg_len >= NLMSG_LENGTH(sizeof(struct ifaddrmsg))) {
			a->head = h;
			return;
		}
	}
}

static int take_from_stream(struct show *s, struct addr_stream *a)
{
	int index = s->li->ifi->ifi_index, took = 0;

	while (a->head) {
		const struct ifaddrmsg *ifa = nlmsg_data(a->head);
		int at = (int)ifa->ifa_index;

		if (at == index) {
			one_addr(a->head, s);
			took = 1;
		} else if (took) {
			/* A device's addresses come together: this link's are all taken. */
			return 0;
		} else if (!was_seen(at)) {
			/* A later link's, or a device the link dump never showed: ask alone. */
			return dump_addrs_of(s, a->family);
		}
		/* else: a link shown earlier (or left out by the kernel's link filter). */
		advance(a);
	}
	return 0;
}

static int dump_addrs(struct show *s)
{
	int err = 0;

	if (!s->streams)
		return dump_addrs_of(s, s->family);
	for (int i = 0; i < 2 && !err; i++)
		if (s->streams[i].family)
			err = take_from_stream(s, &s->streams[i]);
	return err;
}

/* Starts the address dumps that run beside the link dump; families -4/-6 leave one out. */
static void start_streams(struct show *s, struct addr_stream *a)
{
	static const int fams[2] = { AF_INET, AF_INET6 };

	memset(a, 0, 2 * sizeof(*a));
	memset(seen, 0, sizeof(seen));
	for (int i = 0; i < 2; i++) {
		char buf[64];
		struct nlb b;
		struct ifaddrmsg *ifa;

		if (s->family != AF_UNSPEC && s->family != fams[i])
			continue;
		a[i].family = fams[i];
		ifa = nlb_start(&b, buf, sizeof(buf), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, sizeof(*ifa));
		if (ifa)
			ifa->ifa_family = fams[i];
		a[i].live = nl_start(show_sock(1 + i), &b, &a[i].st) == 0;
		advance(&a[i]);
	}
	s->streams = a;
}

static int one_link(const struct nlmsghdr *h, void *arg)
{
	struct show *s = arg;
	struct link_info li;
	const char *name;

	if (h->nlmsg_type != RTM_NEWLINK || rtnl_link_parse(h, &li) < 0 ||
	    !(name = nla_get_str(li.tb[IFLA_IFNAME])))
		return 0;
	ifcache_note(li.ifi->ifi_index, name, li.ifi->ifi_flags);
	mark_seen(li.ifi->ifi_index);
	s->li = &li;
	s->shown = s->any_addr = s->empties = 0;
	s->verdict = link_verdict(s, &li);
	/* Text shows nothing of a link filtered out; JSON an empty object, when its addresses
	 * would have let it through. */
	if (s->verdict < 0 && !pr_json())
		return 0;
	if (s->family == AF_PACKET) {
		open_record(s);
		close_record(s);
		return 0;
	}
	s->err = dump_addrs(s);
	if (!s->shown && !s->any_addr && s->family == AF_UNSPEC)
		open_record(s);
	if (s->shown)
		close_record(s);
	return s->err < 0 ? s->err : 0;
}

/* The kernel filters master and the kinds it knows, as iproute2 asks it to; links it lets
 * through that fail here print as {} under -j. The IPv6 link dump, a reduced message that
 * iproute2 asks for under -6, takes no attributes. */
static int dump_links(struct show *s)
{
	struct rtnl_filter f = { .family = s->dump_family };

	if (s->dump_family != AF_INET6) {
		/* Statistics are a third of each message; only -s prints them. Not under -d either:
		 * Debian 11's 5.10 ends the IPv6 block where its statistics would be under
		 * SKIP_STATS, and -d's "addrgenmode" comes after them (the QEMU tier on 5.10). */
		if (!ipo.stats && !IPO_DETAILS)
			f.ext_mask = RTEXT_FILTER_SKIP_STATS;
		f.master = s->lf.master;
		f.kind = s->lf.kind;
	}
	return rtnl_link_dump(show_sock(0), &f, one_link, s);
}

/* sscanf("if%u"): N of "ifN..." names index N when no device has that name. */
static int ifn_index(const char *dev)
{
	uint64_t n = 0;
	const char *s = dev + 2;

	if (strncmp(dev, "if", 2) || *s < '0' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9' && n <= 0xffffffffu)
		n = n * 10 + (unsigned)(*s++ - '0');
	return (int)(unsigned)n;
}

int addr_dev_index(const char *dev)
{
	int idx = rtnl_link_index(ip_sock(), dev);

	return idx > 0 ? idx : ifn_index(dev);
}

static int show_one(struct show *s, const char *dev)
{
	struct nlsock *sk = show_sock(0);
	int err, index;

	err = rtnl_link_get(sk, dev, 0, RTEXT_FILTER_VF, one_link, s);
	if (err == -ENODEV && (index = ifn_index(dev)) > 0) {
		/* ip link asks by name, which fails; ip addr by the index. */
		if (s->do_link)
			die(1, "RTNETLINK answers: No such device\n"
			       "Cannot send link get request: No such device\n");
		err = rtnl_link_get(sk, NULL, index, RTEXT_FILTER_VF, one_link, s);
		if (err < 0) {
			ip_report_nlerr(sk, err);
			errf("Cannot send link request: %s\n", errtext(-err));
			return 0;
		}
	}
	if (err == -ENODEV)
		ip_fail(1, "Device \"%s\" does not exist.\n", dev);
	if (err < 0)
		return ip_report_nlerr(sk, err);
	return 0;
}

int show_links(int argc, char **argv, int link_mode, const char *usage)
{
	struct show s;
	const char *dev = NULL;
	int err;

	memset(&s, 0, sizeof(s));
	s.do_link = link_mode;
	s.usage = usage;
	s.family = s.dump_family = link_mode ? AF_PACKET : ipo.family;
	s.group = -1;
	if (!NSBOX_FEATURE_IP_LINK_STATS && ipo.stats && !ipo.brief)
		NSBOX_LEFT_OUT("-s statistics of links", "NSBOX_FEATURE_IP_LINK_STATS");
	parse_args(&s, argc, argv, &dev);
	if (dev)
		err = show_one(&s, dev);
	else {
		struct addr_stream streams[2];

		if (s.family == AF_UNSPEC || s.family == AF_INET || s.family == AF_INET6)
			start_streams(&s, streams);
		err = dump_links(&s);
		/* Read what is left, or the socket could not start another dump in a batch. */
		for (int i = 0; s.streams && i < 2; i++)
			while (streams[i].head)
				advance(&streams[i]);
		if (show_sock(0)->dump_intr || (s.streams && (show_sock(1)->dump_intr || show_sock(2)->dump_intr)))
			errf("Dump was interrupted and may be inconsistent.\n");
		if (err < 0)
			return ip_dump_failed(show_sock(0), err, "Dump");
	}
	if (err)
		return err;
	pr_begin();
	pr_end();
	return 0;
}

/* ip addr flush: rounds of a dump whose matching addresses go back as RTM_DELADDR, packed
 * into one buffer sent when full and at the end of the round (iproute2's flush buffer). */
struct flush {
	struct show *s;
	struct nl_batch b;
	int flushed;
	char buf[4096 - 512];
};

/* A batch's send, or the one an add made; an address gone with its primary is no failure. */
static int flush_failed(int err)
{
	if (err && err != -EADDRNOTAVAIL) {
		errf("Failed to send flush request: %s\n", errtext(-err));
		return -1;
	}
	return 0;
}

static int flush_one(const struct nlmsghdr *h, void *arg)
{
	struct flush *f = arg;
	struct addr_info ai;

	if (h->nlmsg_type != RTM_NEWADDR || rtnl_addr_parse(h, &ai) < 0 ||
	    (f->s->ifindex && (int)ai.ifa->ifa_index != f->s->ifindex) || !addr_match(f->s, &ai))
		return 0;
	if (flush_failed(nl_batch_add(&f->b, h)))
		return 1;
	f->flushed++;
	if (ipo.stats >= 2)
		pr_addr(f->s, &ai);
	return 0;
}

static int flush_rounds(struct show *s)
{
	struct flush f;
	struct rtnl_filter rf = { .family = s->family, .ifindex = s->ifindex };
	int round = 0, err;

	f.s = s;
	f.b = (struct nl_batch){ show_sock(0), RTM_DELADDR, f.buf, sizeof(f.buf), 0 };
	while (!ipo.loops || round < ipo.loops) {
		f.b.len = f.flushed = 0;
		err = rtnl_addr_dump(f.b.sk, &rf, flush_one, &f);
		if (err) {
			ip_dump_failed(f.b.sk, err, "Flush");
			out_exit(1);
		}
		if (!f.flushed)
			goto done;
		round++;
		if (flush_failed(nl_batch_send(&f.b)))
			return 255;
		if (ipo.stats)
			outf("\n*** Round %d, deleting %d addresses ***\n", round, f.flushed);
		/* Primaries only: one round, or the secondaries they promote go too. */
		if (!(s->flags & IFA_F_SECONDARY) && (s->flagmask & IFA_F_SECONDARY))
			goto done;
	}
	errf("*** Flush remains incomplete after %d rounds. ***\n", ipo.loops);
	return 255;
done:
	if (ipo.stats && !round)
		outs("Nothing to flush.\n");
	else if (ipo.stats)
		outf("*** Flush is complete after %d round%s ***\n", round, round > 1 ? "s" : "");
	return 0;
}

int ip_addr_flush(int argc, char **argv, const char *usage)
{
	struct show s;
	const char *dev = NULL;
	int json = IPO_JSON, ret;

	if (!NSBOX_FEATURE_IP_FLUSH_GET)
		NSBOX_LEFT_OUT("address flush", "NSBOX_FEATURE_IP_FLUSH_GET");
	if (argc <= 0)
		ip_fail(1, "Flush requires arguments.\n");
	if (ipo.family == AF_PACKET)
		ip_fail(1, "Cannot flush link addresses.\n");
	memset(&s, 0, sizeof(s));
	s.family = ipo.family;
	s.group = -1;
	s.flush = 1;
	s.usage = usage;
	parse_args(&s, argc, argv, &dev);
	if (dev && !(s.ifindex = addr_dev_index(dev)))
		ip_fail(1, "Device \"%s\" does not exist.\n", dev);
	/* iproute2 opens no JSON writer for a flush: -s -s lists the addresses as text. */
	ipo.json = 0;
	ret = flush_rounds(&s);
	ipo.json = json;
	return ret;
}

void ip_addr_save(int argc, char **argv, const char *usage)
{
	struct rtnl_filter f;
	struct show s;
	const char *dev = NULL;

	memset(&s, 0, sizeof(s));
	s.family = ipo.family;
	s.group = -1;
	s.usage = usage;
	parse_args(&s, argc, argv, &dev);
	if (dev && !(s.ifindex = addr_dev_index(dev)))
		ip_fail(1, "Device \"%s\" does not exist.\n", dev);
	ip_save_start(0x47361222);
	memset(&f, 0, sizeof(f));
	f.family = (uint8_t)ipo.family;
	f.ifindex = s.ifindex;
	if (rtnl_addr_dump(show_sock(0), &f, ip_save_msg, NULL))
		die(1, "Save terminated\n");
	out_exit(0);
}

/* ip addr showdump: each address of a save file, "ifN:" and its lines. */
static int showdump_one(struct nlmsghdr *h)
{
	struct show s;
	struct addr_info ai;

	memset(&s, 0, sizeof(s));
	s.showdump = 1;
	pr_obj_open(NULL);
	if (rtnl_addr_parse(h, &ai) == 0) {
		pr_int(PR_ANY, PK("index"), "if%d:", (int)ai.ifa->ifa_index);
		pr_nl();
		pr_addr(&s, &ai);
	}
	pr_obj_close();
	return 0;
}

void ip_addr_showdump(void)
{
	int err;

	if (ip_saved_magic(0x47361222, "address"))
		out_exit(255);
	pr_begin();
	pr_obj_open(NULL);
	pr_arr_open(PR_JSON, PK("addr_info"));
	err = ip_saved_each(showdump_one);
	pr_arr_close(PR_JSON, NULL);
	pr_obj_close();
	pr_end();
	out_exit(err);
}
