/* What ip address's files share: address words as iproute2 reads them, its flag names, flush. */
#ifndef NSBOX_IP_ADDR_H
#define NSBOX_IP_ADDR_H

#include <stddef.h>
#include <stdint.h>

/* An address or prefix as iproute2's inet_prefix: bytelen 0 for "any"/"all" (and "default"
 * without a family); plen_given as its PREFIXLEN_SPECIFIED. */
struct addr_pfx {
	int family, bytelen, bitlen, plen_given;
	unsigned char data[16];
};
/* iproute2's get_prefix (ADDR[/PLEN|/NETMASK], default, any, all) and get_addr: the address
 * of family (AF_UNSPEC: either), or exit 1 with its message. */
void addr_get_prefix(struct addr_pfx *p, const char *s, int family);
void addr_get_addr(struct addr_pfx *p, const char *s, int family);
/* Whether the attribute (4 or 16 bytes) lies in p; anything does when p has no length. */
int addr_pfx_match(const struct addr_pfx *p, const void *data, size_t len);
/* ll_name_to_index: the device's index, else N for "ifN"; 0 when neither. */
int addr_dev_index(const char *dev);

/* Address flags in iproute2's table order (its print and lookup order). */
struct ifa_flag {
	const char *name;
	uint32_t mask;
	uint8_t readonly, v6only;
};
extern const struct ifa_flag ifa_flags_tab[];
#define IFA_FLAGS_N 13
const struct ifa_flag *ifa_flag_find(const char *name);

/* ip addr flush WORDS; usage: the object's, for "help". */
int ip_addr_flush(int argc, char **argv, const char *usage);

#endif
