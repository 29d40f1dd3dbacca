/* ip route: what the requests (ip_route.c) and the listings (ip_show_route.c) share
 * (ip_route_words.c), and what each offers the other files. */
#ifndef NSBOX_IP_ROUTE_H
#define NSBOX_IP_ROUTE_H

#include <stdint.h>
#include "ip.h"

/* "inet", "inet6", "link", "mpls", "bridge"; AF_UNSPEC for any other word. */
int rt_read_family(const char *s);

/* The address words of add and get: the prefix (RTA_DST, RTA_SRC; none for default/any/all)
 * or address (RTA_NEWDST, RTA_PREFSRC) s into r, which takes its family when it has none yet;
 * exit 1 on a word that is not one. 0 or route_req_attr's -errno. */
struct inet_prefix;
int rt_put_prefix(struct route_req *r, int type, const char *s, struct inet_prefix *a);
int rt_put_addr(struct route_req *r, int type, const char *s);

/* iproute2's name tables: 0, or -1 when s is neither a name nor a number in range. */
int rt_parse_type(const char *s, unsigned *out);
int rt_parse_dsfield(const char *s, uint32_t *out);
int rt_parse_realms(const char *s, uint32_t *out);
const char *rt_dsfield_name(unsigned tos, char *buf);

/* The usage text; on stderr with exit 255. */
extern const char ip_route_help[];
_Noreturn void ip_route_usage(void);

/* The words of ip route add|del|... (cmd RTM_NEWROUTE or RTM_DELROUTE) and of ip route get
 * into r, as iproute2 fills its request; devices are looked up, bad words exit as in
 * iproute2. get sets *connected when the lookup is to be made twice (connected, no from). */
void ip_route_parse(int cmd, struct route_req *r, int argc, char **argv);
void ip_route_get_parse(struct route_req *r, int *connected, int argc, char **argv);

int ip_route_flush(int argc, char **argv);
int ip_route_get(int argc, char **argv);

#endif
