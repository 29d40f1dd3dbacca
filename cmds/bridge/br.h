/* The bridge applet's objects (link, fdb, vlan, mdb, monitor) and what they share: the global
 * options live in ip's struct ipopts (the JSON and text printer of ip_print.h reads them),
 * plus -compressvlans. */
#ifndef NSBOX_BR_H
#define NSBOX_BR_H

#include "ip.h"
#include "rtnl_bridge.h"

extern int br_compress;    /* -compressvlans */
extern int br_timestamp;   /* -timestamp (bridge monitor only) */
extern int br_banner;      /* bridge monitor all: "[LINK]" ... before each event */
extern int br_color;       /* -color: 0 none, 1 on a light background, 2 on a dark one */

/* A field in iproute2's colours (text only, with -color): names, MAC addresses, IPv4 and IPv6
 * addresses; BR_C_NONE prints it plain. Otherwise pr_str(PR_ANY, key, fmt, val). */
enum { BR_C_IFNAME, BR_C_MAC, BR_C_INET, BR_C_INET6, BR_C_NONE };
void br_cstr(int attr, const char *key, const char *fmt, const char *val);

/* Objects; argv[0] is the word after the object. Each returns the exit status. */
int br_do_link(int argc, char **argv);
int br_do_fdb(int argc, char **argv);
int br_do_vlan(int argc, char **argv);
int br_do_mdb(int argc, char **argv);
int br_do_monitor(int argc, char **argv);

/* The requests of the changing subcommands, built from their words (argv[0] is the word after
 * the subcommand) as iproute2 6.1 builds them; bad words end the command as iproute2 does. */
void br_link_set_req(struct br_req *r, int argc, char **argv);
void br_fdb_modify_req(struct br_req *r, uint16_t type, uint16_t nlflags, int argc, char **argv);
void br_fdb_flush_req(struct br_req *r, int argc, char **argv);
void br_vlan_modify_req(struct br_req *r, uint16_t cmd, int argc, char **argv);
void br_vlan_set_req(struct br_req *r, int argc, char **argv);
void br_vlan_global_req(struct br_req *r, int argc, char **argv);
void br_mdb_modify_req(struct br_req *r, uint16_t cmd, uint16_t nlflags, int argc, char **argv);

/* One event or dump record each, as iproute2's printers do; 0 or -1 (a message that does not
 * parse). */
int br_print_link(const struct nlmsghdr *h);
int br_print_fdb(const struct nlmsghdr *h);
int br_print_mdb_mon(const struct nlmsghdr *h);
int br_print_vlan_rtm(const struct nlmsghdr *h, int monitor, int global_only);
/* mdb.c: the timer and type of a router port (vlan global show -s uses it too). */
void br_print_router_port_stats(const struct nlattr *port);
/* iproute2's checks of a message: "what: len type flags" and 0 (skip it) unless type_ok; "BUG:
 * wrong nlmsg len" and -1 when it is shorter than hdr; else 1. */
int br_msg_check(const struct nlmsghdr *h, int type_ok, const char *what, size_t hdr);
/* An attribute's number in host order by its length: 1, 2, 4 (3 to 7: the first 4 bytes,
 * zero-padded) or 8 bytes; 0 for NULL. */
uint64_t br_attr_u(const struct nlattr *a);
/* Close the port an RTM_NEWVLAN listing left open (vlan show -d). */
void br_vlan_rtm_done(void);

/* iproute2's ways out: "Command line is not complete" (exit 255), usage texts (exit 255),
 * "Error: argument ... is wrong", duplicate arguments. */
#define BR_NEXT_ARG() do { if (--argc <= 0) ip_incomplete(); argv++; } while (0)
/* In the usage texts a byte 0x80 + N stands for a run of N spaces (N >= 2), and the bytes 1 to
 * 7 for " {on | off} ]\n" + 31 spaces + "[ ", " ] [ ", " ]\n" + 22 spaces + "[ mcast_",
 * "bridge ", " dev DEV", "vid VLAN_ID", " ]\n". */
_Noreturn void br_usage(const char *text);
/* iproute2's matches() over a list of words, each a digit (its minimum length) and the word,
 * ended by NUL (then an empty one): the index of the first that word is a prefix of, -1 none. */
int br_match(const char *list, const char *word);
/* The subcommand of an object that word names in such a list; "help" shows usage; another
 * word ends the command with 255. */
int br_cmd(const char *list, const char *object, const char *usage, const char *word);
/* The index of **argv in list (words each ended by NUL, then an empty one), -1 when it is not
 * there; the first nval words take a value: *argv moves on to it, or "Command line is not
 * complete". */
int br_arg(const char *list, int nval, int *argc, char ***argv);
_Noreturn void br_duparg(const char *key, const char *arg);
_Noreturn void br_duparg2(const char *key, const char *arg);
/* ifindex of a name, 0 when there is none (iproute2's ll_name_to_index): br_index_fn, an
 * RTM_GETLINK by name unless the unit tests put their own lookup there. */
extern int (*br_index_fn)(const char *name);
static inline int br_index(const char *name) { return br_index_fn(name); }
/* "Cannot find device" and the command's failure (255). */
_Noreturn void br_nodev(const char *name);
/* The words of link, vlan and mdb show: "dev NAME", and "vid N" where vid is not NULL (*vid
 * starts at 0); other words are passed over, as iproute2 does. The index of dev, 0 without one. */
int br_show_filter(int argc, char **argv, unsigned *vid);
/* Send a request that wants an ack; report a kernel error as iproute2 does and fail the
 * command with 255. */
void br_talk(struct br_req *r);
/* build's request from the words, then br_talk; 0. */
int br_build_talk(void (*build)(struct br_req *r, int argc, char **argv), int argc, char **argv);
/* A dump on the listing socket; on error "Error: ..."/"RTNETLINK answers" and "Dump
 * terminated", exit 1. */
void br_dump(struct br_req *r, nl_cb cb, void *arg);
/* parse_on_off: 0 or 1, or "Error: argument of ..." and the command fails with -EINVAL's 234. */
int br_on_off(const char *key, const char *val);
/* iproute2's STP port states: disabled ... blocking; -1 for another word. */
int br_stp_state(const char *s);
void br_print_stp_state(unsigned state);
/* atoi and get_u8/u32/u64 (strtoull base 0, whole word, in range; 64-bit unsigned long). */
int br_atoi(const char *s);
int br_get_u64(uint64_t *v, const char *s, uint64_t max);
/* "%-16s  " of iproute2's vlan and tunnel listings. */
void br_pad_ifname(const char *name);

#endif
