/* Link kinds vrf and bond (ip_link_bond_vrf.c): their words, their -d printers, VRF lookups. */
#ifndef NSBOX_IP_BOND_VRF_H
#define NSBOX_IP_BOND_VRF_H

#include <stdint.h>
#include "ip.h"

/* The words after "type vrf|vrf_slave|bond|bond_slave" into b (IFLA_INFO_DATA's or
 * IFLA_INFO_SLAVE_DATA's attributes), as iproute2 6.1 parses them; -1 when r->kind is none of
 * those that this build keeps (NSBOX_FEATURE_VRF, NSBOX_FEATURE_LINK_BOND). */
int ip_link_bv_opts(struct link_req *r, struct nlb *b, int argc, char **argv);
/* -d: the data of a vrf, vrf_slave, bond or bond_slave link in the JSON object key; 0 when the
 * kind is another (nothing printed). */
int pr_kind_bv(const char *kind, const char *key, const struct nlattr *data);
/* iproute2's ipvrf_get_table: the table of the VRF device name (the main table for "default"
 * when there is no such device), 0 when name is no VRF. */
uint32_t ip_vrf_table(const char *name);
/* iproute2's name_is_vrf: the index of the VRF device name, 0 when it is no VRF. */
int ip_vrf_index(const char *name);

#endif
