/* FIB rules (ip rule): RTM_NEWRULE / RTM_DELRULE requests, rule dumps and their parser. */
#ifndef NSBOX_RTNL_RULE_H
#define NSBOX_RTNL_RULE_H

#include <stdint.h>
#include <linux/fib_rules.h>
#include "nl.h"

/* A rule to add or delete is built by the caller: nlb_start with a struct fib_rule_hdr, then
 * one attribute per word in the order the words came (iproute2's order; repeats stay). */
/* RTM_DELRULE that carries a dumped rule as it came (ip rule flush). */
void rtnl_rule_del_dumped(struct nlb *b, void *buf, size_t cap, const struct nlmsghdr *rule);

/* Dump the rules of a family (the kernel wants one: AF_INET, AF_INET6 ...). */
int rtnl_rule_dump(struct nlsock *sk, int family, nl_cb cb, void *arg);
/* Parsed view of one RTM_NEWRULE; pointers into the message. Attributes are checked for size
 * (addresses as long as the family's, names NUL-terminated): -EPROTO when one is not. */
struct rule_info {
	const struct fib_rule_hdr *frh;
	struct nlattr *tb[FRA_MAX + 1];
};
int rtnl_rule_parse(const struct nlmsghdr *h, struct rule_info *ri);
/* Table of a parsed rule: FRA_TABLE when present, else frh->table. */
uint32_t rtnl_rule_table(const struct rule_info *ri);
/* A checked attribute's value (0 when absent). */
uint32_t rule_u32(const struct rule_info *ri, int type);

#endif
