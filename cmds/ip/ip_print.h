/* Output shared by the ip show commands: one call per field prints it as text or as JSON, so
 * both layouts come from the same sequence of calls (the shape of iproute2's print_* API).
 * Also names of numbers (flags, states, scopes, tables ...) and address formatting. */
#ifndef NSBOX_IP_PRINT_H
#define NSBOX_IP_PRINT_H

#include <stddef.h>
#include <stdint.h>
#include <net/if.h>
#include "ip.h"
#include "out.h"

/* A JSON key, left out of a build without JSON (where a key is never printed). */
#define PK(key) (NSBOX_FEATURE_JSON ? (key) : NULL)

/* Where a field goes: both layouts, only text, only JSON. */
enum { PR_ANY, PR_TEXT, PR_JSON };

#if NSBOX_FEATURE_JSON
/* The whole output: "[" ... "]\n" under -j, nothing otherwise. */
void pr_begin(void);
void pr_end(void);
static inline int pr_json(void) { return IPO_JSON; }

void pr_obj_open(const char *key);  /* JSON only; key NULL inside an array */
void pr_obj_close(void);
/* An array: under JSON named key; in text, when where allows it, the text is printed. */
void pr_arr_open(int where, const char *key_or_text);
void pr_arr_close(int where, const char *text);

/* Text printf(fmt, value) / JSON "key":value (a bare value inside an array when key is NULL). */
void pr_str(int where, const char *key, const char *fmt, const char *val);
void pr_uint(int where, const char *key, const char *fmt, unsigned val);
void pr_int(int where, const char *key, const char *fmt, int val);
void pr_u64(int where, const char *key, const char *fmt, uint64_t val);
void pr_bool(int where, const char *key, const char *text, int val);
void pr_null(const char *key);
/* JSON only: a value written as given (a number in a fixed format). */
void pr_raw(const char *key, const char *text);
/* Plain text, nothing under JSON. */
void pr_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The line break inside one record: "\n", or "\\" under -o; nothing under JSON. */
void pr_nl(void);
const char *pr_sl(void);
#else
/* Without JSON every field is its text: the calls fold into outf and outs. */
static inline void pr_begin(void) {}
static inline void pr_end(void) {}
static inline int pr_json(void) { return 0; }
static inline void pr_obj_open(const char *key) { (void)key; }
static inline void pr_obj_close(void) {}
static inline void pr_arr_open(int where, const char *text)
{
	if (where != PR_JSON)
		outs(text);
}
static inline void pr_arr_close(int where, const char *text)
{
	if (where != PR_JSON && text)
		outs(text);
}
static inline void pr_str(int where, const char *key, const char *fmt, const char *val)
{
	(void)key;
	if (where != PR_JSON && fmt)
		outf(fmt, val);
}
static inline void pr_uint(int where, const char *key, const char *fmt, unsigned val)
{
	(void)key;
	if (where != PR_JSON && fmt)
		outf(fmt, val);
}
static inline void pr_int(int where, const char *key, const char *fmt, int val)
{
	(void)key;
	if (where != PR_JSON && fmt)
		outf(fmt, val);
}
static inline void pr_u64(int where, const char *key, const char *fmt, uint64_t val)
{
	(void)key;
	if (where != PR_JSON && fmt)
		outf(fmt, (unsigned long long)val);
}
static inline void pr_bool(int where, const char *key, const char *text, int val)
{
	(void)key, (void)val;
	if (where != PR_JSON && text)
		outs(text);
}
static inline void pr_null(const char *key) { (void)key; }
static inline void pr_raw(const char *key, const char *text) { (void)key, (void)text; }
#define pr_text outf
const char *pr_sl(void);
static inline void pr_nl(void) { outs(pr_sl()); }
#endif

/* Names. Each returns a static string or formats the number into buf. */
#define PR_NAMESZ 64
const char *name_operstate(unsigned state);  /* NULL when out of range */
const char *name_arphrd(unsigned type, char *buf);
const char *name_scope(unsigned scope, char *buf);
const char *name_proto(unsigned proto, char *buf);
const char *name_table(uint32_t table, char *buf);
const char *name_rtntype(unsigned type, char *buf);
const char *name_family(int family);         /* "???" when unknown */
const char *name_group(uint32_t group, char *buf);
/* Reverse lookups for the show selectors: 0, or -1 when the word is neither a name nor a number. */
int parse_scope(const char *s, unsigned *out);
int parse_proto(const char *s, unsigned *out);
int parse_table(const char *s, uint32_t *out);
/* /etc/protocols as getprotobyname/getprotobynumber read it ("name number aliases"): the number
 * of the name or alias want, or (want NULL) the name of num into b (PR_NAMESZ); -1 when none. */
int ip_ipproto_db(const char *want, unsigned num, char *b);

/* A route's or a nexthop's RTNH_F_ and RTM_F_ flags as words (JSON: the array "flags"). */
void pr_rt_flags(unsigned flags);

/* <FLAGS> of a link in iproute2's order, with ,M-DOWN when the lower device is down. */
void pr_link_flags(unsigned flags, int m_down);

/* Addresses. buf holds at least PR_ADDRSZ bytes. */
#define PR_ADDRSZ 64
const char *fmt_inet(int family, const void *data, size_t len, char *buf);
const char *fmt_lladdr(const unsigned char *a, size_t len, unsigned type, char *buf);
/* iproute2's format_host: with -r, the first /etc/hosts name of the address (no DNS), else as
 * fmt_inet. buf holds PR_HOSTSZ bytes. */
#define PR_HOSTSZ 256
const char *fmt_host(int family, const void *data, size_t len, char *buf);

/* Names and flags of links by index, remembered in a small fixed cache; "ifN" for a link that
 * cannot be found. The lookups use ip_sock(), which nothing here streams a dump on. */
const char *ifname_of(int index);
unsigned ifflags_of(int index);
/* Remember a link seen in a dump, so later lookups of its index need no request. */
void ifcache_note(int index, const char *name, unsigned flags);
/* What ip monitor learns from a link message, as iproute2's cache does: a link new to it is
 * noted with its name, a known one gets only its flags (iproute2 keeps the first name until the
 * link goes), a deleted one is dropped. */
void ifcache_learn(int index, const char *name, unsigned flags, int deleted);
/* Names may change between the commands of a batch. */
void ifcache_forget(void);

/* The listing's own sockets, opened on first use, so that dumps run side by side and lookups
 * (on ip_sock()) can be made from inside them: 0 links, 1 and 2 the address streams, 3 the
 * addresses of one link. */
struct nlsock *show_sock(int which);


/* The link record (ip_show_link.c), shared with ip addr. */
struct link_filter {
	int index;        /* 0 = any */
	int up;
	int master;       /* 0 = any, -1 = none */
	const char *kind;
	const char *slave_kind;
};
int link_filter_match(const struct link_filter *f, const struct link_info *li);
/* Print a link: the fields of the object under JSON (the caller opens and closes it), else its
 * lines; mode PR_LINK_LINK selects `ip link`'s variant (mode, stats, af_spec), PR_LINK_MONITOR
 * ip monitor's (ip addr's without qlen); family is the address family selected (the link-layer
 * line shows only for none or AF_PACKET, or under -d). */
enum { PR_LINK_ADDR, PR_LINK_LINK, PR_LINK_MONITOR };
void pr_link(const struct link_info *li, int mode, int family);
/* Where link lines find the namespace name of an nsid: set by ip monitor, whose names change
 * as its [NSID] lines go (NULL: the run dir's, as read once). */
extern const char *(*pr_nsid_name)(int nsid);
/* The statistics block of ip -s, and the -d block (kind, its data, queues, sizes). */
void pr_link_stats(const struct link_info *li);
/* iproute2's print_num: v in a column of width, then a blank; scaled under -h. */
void pr_num(unsigned width, uint64_t v);
void pr_link_details(const struct link_info *li, int do_link);

/* ip link show / ip addr show (ip_show_addr.c): link_mode selects the link variant. */
int show_links(int argc, char **argv, int link_mode, const char *usage);

/* One notification each, as ip monitor prints it (text: iproute2's monitor writes no JSON):
 * "Deleted " first for a delete, then the record of the show command, filtered as iproute2's
 * monitor filters (index: its dev, 0 = any; the family of -4/-6). Messages that do not parse
 * print nothing. */
void pr_addr_msg(const struct nlmsghdr *h, int index);   /* ip_show_addr.c, "N: DEV" first */
void pr_route_msg(const struct nlmsghdr *h, int index);  /* ip_show_route.c, no "dev" under dev */
void pr_neigh_msg(const struct nlmsghdr *h, int index);  /* ip_neigh.c, "miss " for RTM_GETNEIGH */
void pr_rule_msg(const struct nlmsghdr *h);              /* ip_rule.c */
void pr_nexthop_msg(const struct nlmsghdr *h);           /* ip_nexthop.c, "Deleted " first */
void pr_nh_bucket_msg(const struct nlmsghdr *h);         /* ip_nexthop.c, a resilient group's bucket */
void pr_stats_msg(const struct nlmsghdr *h);             /* ip_monitor.c, hw_stats_info */

/* ip link xstats, ip link afstats (ip_link_stats.c, NSBOX_FEATURE_IP_LINK_STATS); usage: ip
 * link's, for afstats help. */
int ip_link_xstats(int argc, char **argv);
int ip_link_afstats(int argc, char **argv, const char *usage);
/* One RTM_NEWSTATS through the xstats or afstats printer that sel picks (the fuzz target's). */
int ip_link_stats_print(const struct nlmsghdr *h, int sel);
/* Printers ip stats shares (ip_link_stats.c): a suite of xstats (0 bridge mcast, 1 bridge stp,
 * 2 bond 802.3ad) as ip link xstats prints it; RX and TX rows of five and four counters (the
 * fifth: key5 in JSON, head5 in text) under the indent ind; an AF_MPLS block of afstats under
 * ind ("": ip link afstats's, with its "mpls:" line), 0 when it has no MPLS_STATS_LINK. */
void ip_xstats_suite(int which, const struct nlattr *a);
void ip_rxtx_rows(const char *ind, const char *key5, const char *head5, const uint64_t v[2][5]);
int ip_mpls_stats(const struct nlattr *a, const char *ind);
/* ip stats's printer of one RTM_NEWSTATS (ip_stats.c): the leaves of the mask (1 << S_x). */
int ip_stats_print(const struct nlmsghdr *h, unsigned leaves);
/* One IFLA_OFFLOAD_XSTATS_HW_S_INFO_REQUEST or _USED flag: 0 or 1, -1 when absent, or when not
 * 0 or 1 (said, as iproute2: "Invalid value for WHAT: expected 0 or 1, got N."). */
int ip_hw_s_flag(const struct nlattr *a, const char *what);
/* A multicast route event, text only (ip_monitor.c); index: the dev filter on its iif. */
void pr_mroute_msg(const struct nlmsghdr *h, int index);

#endif
