/* Shared state of the ip applet and its objects (link, addr, route, netns). */
#ifndef NSBOX_IP_H
#define NSBOX_IP_H

#include <setjmp.h>
#include "lib.h"
#include "nl.h"
#include "rtnl.h"

#define NETNS_RUN_DIR "/run/netns"
#define NETNS_ETC_DIR "/etc/netns"

/* Global options, as iproute2's (-4 -6 -o -br -j -p -d -s -h -iec -r -N -n -all -force -batch). */
struct ipopts {
	int family;       /* AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET (-0) */
	int oneline;      /* -o */
	int brief;        /* -br */
	int json;         /* -j */
	int pretty;       /* -p */
	int details;      /* -d */
	int stats;        /* -s */
	int human;        /* -h: -s numbers scaled (k, M, G ...) */
	int iec;          /* -iec: by 1024 (Ki, Mi ...) */
	int resolve;      /* -r: host addresses as names from /etc/hosts */
	int numeric;      /* -N: protocols, scopes, tables, types, groups as numbers */
	int all;          /* -all */
	int force;        /* -force */
	int timestamp;    /* -t, -ts (ip monitor): 1 long, 2 short */
	int loops;        /* -l N: ip addr flush's most rounds, 0 no limit (iproute2's max_flush_loops, 10) */
	const char *batch;/* -batch FILE */
};
extern struct ipopts ipo;
/* -j and -d as the printers read them: a constant 0 when the build leaves JSON or the detail
 * printers out (the option parsers refuse the words then), so the compiler drops their code. */
#define IPO_JSON    (NSBOX_FEATURE_JSON && ipo.json)
#define IPO_DETAILS (NSBOX_FEATURE_DETAIL && ipo.details)
/* After the global options of ip and bridge: a left-out -json, -details or -batch says so, exit 1. */
void ip_check_features(void);

/* The one rtnetlink socket of this process, opened on first use; exits 1 on failure. */
struct nlsock *ip_sock(void);

/* The generic netlink socket, opened on first use, and the id of the family name there; exits
 * 1 as iproute2's genl_init_handle does ("Error talking to the kernel" ...). */
struct nlsock *ip_genl(const char *name, uint16_t *family);
/* A genl family's dump (ip fou show, ip ila list, ip macsec show): each message through
 * print(h, family), in -j's array. A failed dump is said as iproute2 does (the kernel's text or
 * "RTNETLINK answers: ..."), then "Dump terminated": ip_fail(code) with code 255, or exit 1
 * (even in -batch) with code 1, as ip macsec. */
int ip_genl_show(struct nlsock *sk, uint16_t *family, uint8_t cmd, uint8_t version, nl_cb print,
		 int code);
/* A usage text (NSBOX_USAGE) on stderr, exit 255: iproute2's usage() of an ip object. */
_Noreturn void ip_usage_exit(const char *usage);

/* -t, -ts: iproute2's print_timestamp, as ip monitor prints it before an event. */
void ip_mon_timestamp(void);

/* Report a kernel error as iproute2 does: "Error: <extack>." or "RTNETLINK answers: ...".
 * Returns 2 (iproute2's exit code for kernel errors). */
int ip_report_nlerr(struct nlsock *sk, int err);
/* A dump that failed (err < 0; err > 0, a callback's stop, was reported by it) as iproute2
 * reports it: the extack, else "RTNETLINK answers" unless ENOENT or EOPNOTSUPP; then "WHAT
 * terminated". stdout is not flushed first (iproute2 leaves a partial "[" in its buffer until
 * exit). Returns 2. */
int ip_dump_failed(struct nlsock *sk, int err, const char *what);
/* Print "Warning: <extack>." if the last ack carried one. */
void ip_report_warning(struct nlsock *sk);

/* The link types that the usage texts of ip link and ip address list. */
#define IP_LINK_TYPES_HELP \
	"TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n" \
	"          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n" \
	"          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n" \
	"          ipip | ipoib | ipvlan | ipvtap |\n" \
	"          macsec | macvlan | macvtap |\n" \
	"          netdevsim | nlmon | rmnet | sit | team | team_slave |\n" \
	"          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n" \
	"          xfrm | virt_wifi }\n"

/* iproute2's argument errors: exit 255. */
_Noreturn void ip_invarg(const char *what, const char *arg);
_Noreturn void ip_incomplete(void);
/* "duplicate KEY: ARG is the second value" (duparg), "either KEY is duplicate, or ARG is a
 * garbage" (duparg2). */
_Noreturn void ip_duparg(const char *key, const char *arg);
_Noreturn void ip_duparg2(const char *key, const char *arg);
#define NEXT_ARG() do { if (--argc <= 0) ip_incomplete(); argv++; } while (0)

/* -batch: run each command of FILE (or - for stdin) through run; 1 if any failed. */
int ip_batch(const char *name, int (*run)(int argc, char **argv));
/* End the current command with code: exit, or in a batch, on to the next line (iproute2's
 * "return -1" sites; its exit() sites use die()). Prints fmt first. */
_Noreturn void ip_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Set while a batch runs: ip_fail() goes back to it with ip_batch_code. */
extern jmp_buf *ip_batch_jmp;
extern int ip_batch_code;

/* iproute2's get_addr and get_prefix (ADDR[/PLEN|/NETMASK], default, any, all): the address
 * or prefix of family (AF_UNSPEC: either), or exit 1 with iproute2's message. */
struct inet_prefix;
void ip_get_addr(struct inet_prefix *p, const char *s, int family);
void ip_get_prefix(struct inet_prefix *p, const char *s, int family);

/* iproute2's check_ifname (max IFNAMSIZ: a new name) and check_altifname (no limit): 0 when
 * name is not empty and has no '/' or blank, and is shorter than max. */
int ip_check_ifname(const char *name, size_t max);
/* iproute2's save files (ip addr|rule save): its magic in host order, then each message as
 * the kernel sent it. ip_save_start: the magic, or exit 1 (stdout a terminal, a failed write);
 * ip_save_msg: a dump callback writing one message. ip_restore: such a file from stdin, each
 * message sent back with REQUEST, CREATE and ACK added; a kernel error is reported, and stops
 * the restore unless EEXIST; exit 0, or 255 (terminal, magic, truncated file, an error). what
 * names the dump ("address", "rule") in the terminal's message. */
void ip_save_start(uint32_t magic);
/* The reading under ip_restore: the magic (0, or -1 said: stdin a terminal, another magic),
 * then each(message) until the end (0), one that returns non-zero or a bad file (255, said).
 * ip_restore_send: one message sent back as ip_restore does (non-zero: it failed, said). */
int ip_saved_magic(uint32_t magic, const char *what);
int ip_saved_each(int (*each)(struct nlmsghdr *h));
int ip_restore_send(struct nlmsghdr *h);
int ip_save_msg(const struct nlmsghdr *h, void *arg);
_Noreturn void ip_restore(uint32_t magic, const char *what);
/* ifindex of DEV or exit: `Cannot find device "DEV"` (exit 1). */
/* iproute2's ll_name_to_index: a device's index, else N for a name "ifN"; 0 when neither. */
int ip_ll_index(const char *dev);
int ip_xindex(const char *dev);
/* iproute2's name_is_vrf as ip neigh and ip nexthop ask it (ext: their RTEXT_FILTER mask): the
 * index of name when its kind is vrf, else 0. */
int ip_vrf_of(const char *name, uint32_t ext);

/* Run the subcommand of an object that argv[0] names (tab: keyword table, NULL handler =
 * not implemented in nsbox); "help" prints usage; an unknown word exits 255. */
int ip_dispatch(const struct kw *tab, const char *object, const char *usage, int argc, char **argv);
/* The same over NUL-separated names (kw_index) and their handlers, none NULL. */
typedef int ip_cmd_fn(int argc, char **argv);
int ip_dispatch_names(const char *names, ip_cmd_fn *const *fns, const char *object, const char *usage,
		      int argc, char **argv);

/* The words after "type KIND" of ip link add, for the kinds with data (bridge, vlan,
 * macvlan, macvtap, ipvlan, ipvtap, vxlan) into r->data; exits as iproute2 on bad words.
 * -1 when nsbox has no parser for r->kind. */
int ip_link_kind_opts(struct link_req *r, int argc, char **argv);

/* Objects. Each returns the exit status. argv[0] is the first word after the object. */
int do_netns(int argc, char **argv);
int do_link(int argc, char **argv);
int do_addr(int argc, char **argv);
int do_route(int argc, char **argv);
int do_neigh(int argc, char **argv);
int do_rule(int argc, char **argv);
int do_mrule(int argc, char **argv);   /* ip_rule.c */
int do_mroute(int argc, char **argv);  /* ip_mroute.c */
int do_stats(int argc, char **argv);   /* ip_stats.c */
int do_monitor(int argc, char **argv);
int do_tuntap(int argc, char **argv);   /* ip_tuntap.c */
int do_netconf(int argc, char **argv);  /* ip_netconf.c */
int do_addrlabel(int argc, char **argv);  /* ip_addrlabel.c */
int do_ila(int argc, char **argv);  /* ip_ila.c */
int do_mptcp(int argc, char **argv);  /* ip_mptcp.c */
int do_nexthop(int argc, char **argv);  /* ip_nexthop.c */
int do_maddr(int argc, char **argv);    /* ip_maddr.c */
int do_fou(int argc, char **argv);      /* ip_fou.c */
int do_macsec(int argc, char **argv);   /* ip_macsec.c */
/* The link kind macsec (ip_macsec.c): its words into kdata as iproute2 6.1 parses them (exits
 * as it does), and its -d data. */
void macsec_kind_parse(struct nlb *kdata, int argc, char **argv);
void macsec_kind_print(struct nlattr **tb);
/* ip route -d: "nh_info" and the nexthop of this id (nothing when the kernel has none). */
void ip_nexthop_pr_id(uint32_t id);
int do_tunnel(int argc, char **argv);  /* ip_tunnel.c */
int do_xfrm(int argc, char **argv);    /* ip_xfrm_cmd.c (ip_xfrm*.c) */
/* One netconf / address label message as the show commands print it (arg NULL: no filter);
 * non-zero for a message that stops a dump. */
int ip_netconf_print(const struct nlmsghdr *h, void *arg);
int ip_addrlabel_print(const struct nlmsghdr *h, void *arg);
/* One fou port / MACsec SecY of a dump as ip fou|macsec show print it; arg points to the
 * family's id (uint16_t): other messages are passed over (fou) or stop the dump (macsec). */
int ip_fou_print(const struct nlmsghdr *h, void *arg);
int ip_ila_print(const struct nlmsghdr *h, void *arg);
int ip_mptcp_print(const struct nlmsghdr *h, int which);  /* ip_mptcp.c: 0 endpoint, 1 limits, 2 event */
int ip_macsec_print(const struct nlmsghdr *h, void *arg);

/* Show commands (ip_show_*.c). */
int ip_route_show(int argc, char **argv);

/* Switch this process into the named namespace as `ip -n` and `netns exec` do (setns, new
 * rslave mount namespace, fresh /sys, /etc/netns binds). Prints iproute2's message and
 * returns -1 on failure. stay: the process goes on (ip -n), so it keeps a way back to the
 * caller's mount namespace for later changes to /run/netns; exec does not need one. */
int netns_switch(const char *name, int stay);
/* Name in NETNS_RUN_DIR of the namespace this socket's namespace calls nsid, or NULL. */
const char *netns_name_of_nsid(int nsid, char *buf, size_t len);
/* The name in NETNS_RUN_DIR of the network namespace nspath is (/proc/PID/ns/net; "" when
 * none, the last one when several): 0, or -errno when nspath cannot be read. */
int netns_name_of(const char *nspath, char *name, size_t len);
/* ip vrf (ip_vrf.c): the object, and what `ip netns exec` does after its switch (a process in
 * a VRF's cgroup moves to the default VRF's). */
int do_vrf(int argc, char **argv);
void ip_vrf_reset(void);
/* Forget what the run dir held (between the commands of a batch). */
void netns_forget(void);

#endif
