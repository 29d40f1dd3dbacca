/* ip xfrm: what its state, policy and monitor parts share (iproute2 6.1's ip/ipxfrm.c). */
#ifndef NSBOX_IP_XFRM_H
#define NSBOX_IP_XFRM_H

#include "inet.h"
#include "xfrm.h"

/* linux/ipsec.h and linux/udp.h, which bring in more than these. */
#define IPSEC_PROTO_ANY 255
#ifndef UDP_ENCAP_ESPINUDP_NON_IKE
#define UDP_ENCAP_ESPINUDP_NON_IKE 1
#define UDP_ENCAP_ESPINUDP 2
#endif
#ifndef TCP_ENCAP_ESPINTCP
#define TCP_ENCAP_ESPINTCP 7
#endif

/* iproute2's preferred_family, which its xfrm parsers change as they go. */
extern int xf_family;
/* The one NETLINK_XFRM socket, opened on first use (exit 1 when it cannot be). */
struct nlsock *xf_sock(void);
/* A kernel error as iproute2's rtnl_talk reports it, then exit 2. */
_Noreturn void xf_talk_failed(struct nlsock *sk, int err);
/* Send b and read its replies with cb, or fail as above. */
void xf_ask(struct nlb *b, nl_cb cb, void *arg);
/* Send b and wait for its ack (NLM_F_ACK is set here), or fail as above. */
void xf_talk(struct nlb *b);
/* A dump to cb, then exit 0; "Dump terminated" and exit 1 when it fails or cb stops it. */
_Noreturn void xf_dump(struct nlb *b, nl_cb cb, void *arg);
/* count: the SAD or SPD info request of type, its reply to cb. */
void xf_count(uint16_t type, nl_cb cb);

/* iproute2's list filter (struct xfrm_filter); the masks first, within a byte's offset of the
 * start (the printers' match tables). */
struct xf_filter {
	int use;
	uint8_t id_src_mask, id_dst_mask, id_proto_mask, mode_mask, state_flags_mask;
	uint8_t dir_mask, sel_src_mask, sel_dst_mask, upspec_proto_mask, action_mask;
	uint8_t policy_flags_mask, filter_socket, ptype, ptype_mask;
	uint16_t upspec_sport_mask, upspec_dport_mask;
	uint32_t id_spi_mask, reqid_mask, sel_dev_mask, index_mask, priority_mask;
	struct xfrm_usersa_info xsinfo;
	struct xfrm_userpolicy_info xpinfo;
};
extern struct xf_filter xf_filter;

/* A word table as one string: per word its value (one byte), the word and a NUL; an empty word
 * ends it. XT("\\1", "noecn") XT(...) XT_END. */
#define XT(v, s) v s "\0"
#define XT_END "\0"
/* The value of word w in table t (the whole word, or any non-empty beginning of it when prefix),
 * or -1. */
int xf_tval(const char *t, const char *w, int prefix);
/* The name of value v in t, or NULL. */
const char *xf_tname(const char *t, unsigned v);
/* iproute2's invarg "what value is invalid", then exit 255. */
_Noreturn void xf_inval(const char *what, const char *arg);
/* The value of the whole word w in t, or exit with "what value is invalid". */
int xf_word(const char *t, const char *w, const char *what);
/* flush's arguments: at most one "word VALUE" (else "unknown" or "duplicate"), VALUE one of
 * t's words (else "what value is invalid"); its value, or -1 when there is none. */
int xf_flush_arg(const char *word, const char *t, const char *what, int argc, char **argv);
/* Flag words, in the order iproute2 prints them. */
extern const char xf_state_flags[], xf_extra_flags[], xf_policy_flags[];
/* DIR (in, out, fwd) and PTYPE (main, sub) of a policy, ENCAP-TYPE of a state, XFRM-PROTO. */
extern const char xf_dirs[], xf_ptypes[], xf_encaps[], xf_protos[];
/* A FLAG-LIST: "0x" and hex digits up to max (else "is wrong: err"), or words of tab while
 * they come, or-ed into *flags. */
void xf_flags_parse(uint32_t *flags, const char *tab, uint32_t max, const char *err,
		    int *argcp, char ***argvp);
void xf_u32_arg(uint32_t *v, const char *w, const char *what);
/* iproute2's invarg "value after \"word\" is invalid", then exit 255. */
_Noreturn void xf_badval(const char *word, const char *arg);
/* A prefix of xf_family's, or exit: "value after \"word\" has an unrecognized address family". */
void xf_prefix_arg(struct inet_prefix *p, const char *s, const char *word);

/* "what with XFRM-PROTO value" (xfrm) or "with PROTO value", the name of proto, then exit 1. */
_Noreturn void xf_bad_with(const char *what, int xfrm, unsigned proto);
_Noreturn void xf_missarg(const char *key);
const char *xf_proto_name(uint8_t proto);
const char *xf_algo_name(int type);
int xf_algo_byname(const char *name);

/* The parsers of ipxfrm.c: each reads words from argv[0] on and leaves the count and vector at
 * the last word it took. */
void xf_id_parse(xfrm_address_t *saddr, struct xfrm_id *id, uint16_t *family, int loose,
		 int *argcp, char ***argvp);
void xf_mode_parse(uint8_t *mode, const char *w);
void xf_reqid_parse(uint32_t *reqid, const char *w);
void xf_selector_parse(struct xfrm_selector *sel, int *argcp, char ***argvp);
void xf_lifetime_parse(struct xfrm_lifetime_cfg *lft, int *argcp, char ***argvp);
struct xf_sec_ctx {
	struct xfrm_user_sec_ctx sctx;
	char str[256];
};
void xf_ctx_parse(struct xf_sec_ctx *c, const char *s);
/* MARK [ mask MASK ], or with out OUTPUT-MARK [ mask MASK ] (no mask: 0, not all ones). */
void xf_mark_parse(struct xfrm_mark *mark, int out, int *argcp, char ***argvp);

/* Printers: what iproute2 prints for one message (XV_SA or XV_POLICY); 0, or -1 said. */
const char *xf_sl(void);
int xf_state_print(const struct nlmsghdr *h, int nokeys);
int xf_policy_print(const struct nlmsghdr *h);
/* Send a get, keep its reply and print it with the state (0) or policy (1) printer, or exit. */
void xf_get(struct nlb *b, int policy);
/* Every message ip xfrm monitor prints (and nothing for NLMSG_ERROR, NOOP, DONE). */
void xf_monitor_print(const struct nlmsghdr *h, int nokeys);

/* A command of state or policy; cmd is its word's index in the object's list of names. */
typedef int xf_cmd_fn(int cmd, int argc, char **argv);
/* ip_dispatch_names for xf_cmd_fn, where a NULL handler is a command nsbox does not have yet. */
int xf_dispatch(const char *names, xf_cmd_fn *const *fns, const char *object, const char *usage,
		int argc, char **argv);
int do_xfrm_state(int argc, char **argv);
int do_xfrm_policy(int argc, char **argv);

#endif
