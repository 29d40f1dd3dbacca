/* A stub resolver, as glibc's is configured by /etc/resolv.conf: A, AAAA and PTR queries over
 * UDP to its nameservers (127.0.0.1 when it names none), each server tried in turn for
 * `attempts` rounds with a timeout, the search list for names with fewer than `ndots` dots.
 * No TCP (an answer with TC set counts as a failed server), no EDNS, no caching. Callers look
 * in /etc/hosts first (hostsdb.h), as glibc's "hosts: files dns" does. This file and
 * cmds/proto/dns.c are the whole resolver: a build can leave both out. */
#ifndef NSBOX_RESOLV_H
#define NSBOX_RESOLV_H

#include <stdint.h>
#include "dns.h"

#define RES_MAXNS 3          /* glibc's MAXNS */
#define RES_MAXSEARCH 6      /* glibc's MAXDNSRCH */

struct res_conf {
	int nns;
	int nsfamily[RES_MAXNS];
	uint8_t ns[RES_MAXNS][16];
	uint32_t ns_scope[RES_MAXNS];
	int timeout, attempts, ndots;    /* glibc's defaults: 5 s, 2, 1 */
	int nsearch;
	char search[RES_MAXSEARCH][DNS_NAME_MAX];
};
/* resolv.conf as glibc reads it: `nameserver ADDR` (up to 3, IPv4 or IPv6 with %scope), `search
 * D...` and `domain D` (the last of them wins), `options timeout:N attempts:N ndots:N` (capped at
 * 30, 5, 15; also from $RES_OPTIONS); a missing file or no nameserver: 127.0.0.1. Without a
 * search line, the domain part of the host name is the search list. */
void res_conf_read(struct res_conf *c, const char *path);

/* Errors, worded by res_strerror as glibc's gai_strerror words them. */
enum {
	RES_NONAME = -2,     /* Name or service not known (NXDOMAIN) */
	RES_AGAIN = -3,      /* Temporary failure in name resolution (no server answered) */
	RES_NODATA = -5,     /* No address associated with hostname */
	RES_ADDRFAMILY = -9, /* Address family for hostname not supported */
};
const char *res_strerror(int err);

struct res_addr {
	int family;
	uint8_t addr[16];
};
/* The addresses of name: family AF_INET asks for A, AF_INET6 for AAAA, AF_UNSPEC for both (A's
 * first). Their count (up to max), with the final name of the answer (after CNAMEs and the
 * search list) in canon (DNS_NAME_MAX) when it is not NULL; or an error above. */
int res_lookup(const struct res_conf *c, const char *name, int family, struct res_addr *out, int max, char *canon);
/* The name of an address by PTR, into name (DNS_NAME_MAX): 0, or an error above. */
int res_reverse(const struct res_conf *c, int family, const void *addr, char *name);

#endif
