/* What ip address's files share: prefix matching, its flag names, flush. */
#ifndef NSBOX_IP_ADDR_H
#define NSBOX_IP_ADDR_H

#include <stddef.h>
#include <stdint.h>

struct inet_prefix;
/* Whether the attribute (4 or 16 bytes) lies in p; anything does when p has no length. */
int addr_pfx_match(const struct inet_prefix *p, const void *data, size_t len);
/* ll_name_to_index: the device's index, else N for "ifN"; 0 when neither. */
int addr_dev_index(const char *dev);

/* Address flags in iproute2's table order (its print and lookup order): names, masks, and
 * bit i of IFA_FLAGS_RO (not settable) and IFA_FLAGS_V6 (IPv6 only) for flag i. */
#define IFA_FLAGS_N 13
#define IFA_FLAGS_RO 0x11d3
#define IFA_FLAGS_V6 0x13fc
extern const uint16_t ifa_flag_masks[IFA_FLAGS_N];
/* The index of the flag named name, or -1 (ip link show DEV asks too, on W1's path: names are
 * found by offset, not by walking a list). */
int ifa_flag_index(const char *name);

/* ip addr flush WORDS; usage: the object's, for "help". */
int ip_addr_flush(int argc, char **argv, const char *usage);
/* ip addr save [SELECTORS]: iproute2's magic, then the dump's messages as the kernel sent them
 * (of one device with dev; the other selectors are read and not applied, as in iproute2). */
_Noreturn void ip_addr_save(int argc, char **argv, const char *usage);
/* ip addr showdump: a save file from stdin, printed as iproute2's showdump prints it. */
_Noreturn void ip_addr_showdump(void);

#endif
