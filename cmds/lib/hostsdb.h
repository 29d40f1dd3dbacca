/* Names from files only, as glibc's "files" service answers them: /etc/hosts and /etc/networks.
 * route and ip -r stop here; ping goes on to DNS (resolv.h). */
#ifndef NSBOX_HOSTSDB_H
#define NSBOX_HOSTSDB_H

#include <stdint.h>

#define HDB_NAMESZ 256

/* inet_aton: a, a.b, a.b.c or a.b.c.d, each part decimal, octal or hex, the last one filling
 * the bytes left. 1, or 0 when s is not such a number. */
int hdb_aton(const char *s, void *out4);
/* The first /etc/hosts line of family (AF_UNSPEC: either) that names the host (case does not
 * matter): its family, with the address in out (4 or 16 bytes) and, when canon is not NULL, the
 * line's first name (HDB_NAMESZ); 0 when there is none. */
int hdb_host_addr(const char *name, int family, void *out, char *canon);
/* The first name of the first /etc/hosts line with this address, into buf (HDB_NAMESZ); NULL
 * when there is none. */
const char *hdb_host_name(int family, const void *addr, char *buf);
/* /etc/networks: the number (host order, missing parts as .0) of a network name, 0 or -1; and
 * the name of a number, into buf (HDB_NAMESZ), or NULL. */
int hdb_net_addr(const char *name, uint32_t *net);
const char *hdb_net_name(uint32_t net, char *buf);

#endif
