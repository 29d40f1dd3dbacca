/* ip route: what the requests (ip_route.c) and the listings (ip_show_route.c) share
 * (ip_route_words.c), and what each offers the other files. */
#ifndef NSBOX_IP_ROUTE_H
#define NSBOX_IP_ROUTE_H

#include <stdint.h>
#include "ip.h"

/* via [FAMILY] ADDR at **argv: the family of "inet", "inet6", "link", "mpls", "bridge" (argv moves
 * past it), else dflt. */
int rt_via_family(int dflt, int *argc, char ***argv);

/* A route request of ip route (add, del ..., get) as the words build it: attributes go to b as
 * they come, in iproute2's order; the rtmsg, which later words still change, is kept in rtm
 * and copied into the message by rt_req_end. */
struct rt_req {
	struct nlb b;
	struct rtmsg rtm;
	struct rtmsg *hdr;
	uint16_t type;
};
void rt_req_start(struct rt_req *q, void *buf, size_t cap, uint16_t type, uint16_t nlflags);
void rt_req_end(struct rt_req *q);

/* The words add and get share. The prefix (RTA_DST, RTA_SRC; none for default/any/all) or
 * address (RTA_NEWDST, RTA_PREFSRC) s into q, which takes its family when it has none yet;
 * exit 1 on a word that is not one. */
struct inet_prefix;
void rt_put_prefix(struct rt_req *q, int type, const char *s, struct inet_prefix *a);
void rt_put_addr(struct rt_req *q, int type, const char *s);
/* A table: in the header's byte below 256, else RTA_TABLE (FRA_TABLE, the same number) into b. */
void rt_put_table(struct nlb *b, uint8_t *table, uint32_t v);
/* from PREFIX: RTA_SRC and rtm_src_len. */
void rt_word_from(struct rt_req *q, const char *s);
/* as [to] ADDR: argv at "as"; RTA_NEWDST. */
void rt_word_as(struct rt_req *q, int *argc, char ***argv);
/* tos|dsfield VALUE: rtm_tos, or exit with msg. */
void rt_word_tos(struct rt_req *q, const char *s, const char *msg);

/* The next word (argv moves to it), or exit as iproute2's NEXT_ARG. */
char *rt_next_word(int *argc, char ***argv);
/* An answer (of a get), copied by rt_take_answer, an nl_cb: printing it looks names up on
 * ip_sock(). len 0: none, or too long. */
struct rt_answer {
	char buf[8192];
	int len;
};
int rt_take_answer(const struct nlmsghdr *h, void *arg);

/* The selector protocol P (proto 1) or scope S of ip route list and ip rule list: one value, or
 * "all" (no mask). */
void rt_sel_proto_scope(int proto, const char *w, unsigned *val, unsigned *mask);
/* protocol RTPROTO of route, rule and nexthop add: a name of rt_protos or a number, or exit. */
uint8_t rt_xproto(const char *s);
/* ipproto PROTOCOL (route get, rule): a number, else a name of /etc/protocols (iproute2's
 * inet_proto_a2n), or exit. */
uint8_t rt_xipproto(const char *s);

/* The code of s in a kwl_find list, or none. */
int rt_word_code(const char *names, const unsigned char *codes, const char *s, int none);
/* Exit 1: what is left out without NSBOX_FEATURE_IP_ROUTE_MORE, or (NULL) vrf without
 * NSBOX_FEATURE_VRF. */
_Noreturn void rt_left_out(const char *what);

/* iproute2's name tables: 0, or -1 when s is neither a name nor a number in range. */
int rt_parse_type(const char *s, unsigned *out);
int rt_parse_dsfield(const char *s, uint32_t *out);
int rt_parse_realms(const char *s, uint32_t *out);
const char *rt_dsfield_name(unsigned tos, char *buf);
/* A realm's name (cosmos, or -N's number), in buf of PR_NAMESZ. */
const char *rt_realm_name(unsigned id, char *buf);

/* pref's names: medium, high, low (ICMPV6_ROUTER_PREF_MEDIUM, _HIGH, _LOW). */
extern const char rt_prefs[];

/* The usage text; on stderr with exit 255. */
extern const char *const ip_route_help;   /* its usage text, coded with NSBOX_FEATURE_USAGE */
_Noreturn void ip_route_usage(void);

/* The words of ip route add|del|... (q started as RTM_NEWROUTE or RTM_DELROUTE) and of ip route
 * get into q, ended (rt_req_end), as iproute2 fills its request; devices are looked up, bad words exit as in
 * iproute2. get sets *connected when the lookup is to be made twice (connected, no from). */
void ip_route_parse(struct rt_req *q, int argc, char **argv);
void ip_route_get_parse(struct rt_req *q, int *connected, int argc, char **argv);

int ip_route_flush(int argc, char **argv);
/* ip route save [SELECTORS] (the routes ip route show would list, in iproute2's file), restore
 * and showdump (ip_show_route.c). */
int ip_route_save(int argc, char **argv);
int ip_route_restore(int argc, char **argv);
int ip_route_showdump(int argc, char **argv);
int ip_route_get(int argc, char **argv);

#endif
