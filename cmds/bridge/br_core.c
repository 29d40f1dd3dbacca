/* What the bridge objects share: its global options, usage and argument errors, the request
 * and dump exchanges, and iproute2's number and word parsers. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "lib.h"
#include "out.h"
#include "br.h"
#include "ip_print.h"

int br_compress, br_timestamp, br_banner, br_color;

void br_cstr(int attr, const char *key, const char *fmt, const char *val)
{
	/* iproute2's palettes: cyan, yellow, magenta, blue (bold on a dark background) */
	static const char codes[] = "6354";

	if (!br_color || attr == BR_C_NONE || IPO_JSON) {
		pr_str(PR_ANY, key, fmt, val);
		return;
	}
	outf(br_color == 2 ? "\033[1;3%cm" : "\033[3%cm", codes[attr]);
	outf(fmt, val);
	outs("\033[0m");
}

void br_usage(const char *text)
{
	sputs(ERR, USAGE_TEXT(text));
	out_exit(255);
}

void br_duparg(const char *key, const char *arg)
{
	die(255, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
}

void br_duparg2(const char *key, const char *arg)
{
	die(255, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n", key, arg);
}

int br_arg(const char *list, int nval, int *argc, char ***argv)
{
	for (int i = 0; *list; i++, list += kw_skip(list))
		if (!strcmp(list, **argv)) {
			if (i < nval) {
				if (--*argc <= 0)
					ip_incomplete();
				++*argv;
			}
			return i;
		}
	return -1;
}

int br_msg_check(const struct nlmsghdr *h, int type_ok, const char *what, size_t hdr)
{
	if (!type_ok) {
		errf("%s: %08x %08x %08x\n", what, h->nlmsg_len, h->nlmsg_type, h->nlmsg_flags);
		return 0;
	}
	if (h->nlmsg_len < NLMSG_LENGTH(hdr)) {
		errf("BUG: wrong nlmsg len %d\n", (int)(h->nlmsg_len - NLMSG_LENGTH(hdr)));
		return -1;
	}
	return 1;
}

uint64_t br_attr_u(const struct nlattr *a)
{
	unsigned char b[8] = { 0 };
	size_t n;
	uint16_t v16;
	uint32_t v32;
	uint64_t v64;

	if (!a)
		return 0;
	n = nla_len(a) < 8 ? nla_len(a) : 8;
	memcpy(b, nla_data(a), n);
	if (n == 1)
		return b[0];
	if (n == 2)
		return memcpy(&v16, b, 2), v16;
	if (n < 8)
		return memcpy(&v32, b, 4), v32;
	return memcpy(&v64, b, 8), v64;
}

static int index_by_name(const char *name)
{
	int idx = rtnl_link_index(ip_sock(), name);

	return idx > 0 ? idx : 0;
}

int (*br_index_fn)(const char *name) = index_by_name;

void br_nodev(const char *name)
{
	ip_fail(255, "Cannot find device \"%s\"\n", name);
}

int br_match(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (int i = 0; *list; i++, list += kw_skip(list))
		if (n && n >= (size_t)(*list - '0') && !strncmp(word, list + 1, n))
			return i;
	return -1;
}

int br_cmd(const char *list, const char *object, const char *usage, const char *word)
{
	int i = br_match(list, word);

	if (i >= 0)
		return i;
	if (kw_is(word, "help"))
		br_usage(usage);
	die(255, "Command \"%s\" is unknown, try \"bridge %s help\".\n", word, object);
}

int br_build_talk(void (*build)(struct br_req *r, int argc, char **argv), int argc, char **argv)
{
	struct br_req r;

	build(&r, argc, argv);
	br_talk(&r);
	return 0;
}

int br_show_filter(int argc, char **argv, unsigned *vid)
{
	const char *dev = NULL;
	int idx;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "dev")) {
			BR_NEXT_ARG();
			if (dev)
				br_duparg("dev", *argv);
			dev = *argv;
		} else if (vid && !strcmp(*argv, "vid")) {
			BR_NEXT_ARG();
			if (*vid)
				br_duparg("vid", *argv);
			*vid = (unsigned)br_atoi(*argv);
		}
	}
	if (dev && !(idx = br_index(dev)))
		br_nodev(dev);
	return dev ? idx : 0;
}

void br_talk(struct br_req *r)
{
	struct nlsock *sk = ip_sock();
	int err;

	r->nlflags |= NLM_F_ACK;
	err = rtnl_br_talk(sk, r, NULL, NULL);
	if (err < 0) {
		ip_report_nlerr(sk, err);
		ip_fail(255, "%s", "");
	}
	ip_report_warning(sk);
}

void br_dump(struct br_req *r, nl_cb cb, void *arg)
{
	struct nlsock *sk = show_sock(0);
	int err;

	r->nlflags |= NLM_F_DUMP;
	err = rtnl_br_talk(sk, r, cb, arg);
	/* A dump's error is perror's text even when the kernel gave its own (libnetlink). */
	if (err < 0)
		ip_fail(1, "RTNETLINK answers: %s\nDump terminated\n", errtext(-err));
}

int br_on_off(const char *key, const char *val)
{
	if (*val && kw_is(val, "off"))
		return 0;
	if (*val && kw_is(val, "on"))
		return 1;
	ip_fail(234, "Error: argument of \"%s\" must be one of \"off\", \"on\", not \"%s\"\n", key, val);
}

static const char *const stp_states[] = { "disabled", "listening", "learning", "forwarding", "blocking" };

int br_stp_state(const char *s)
{
	for (int i = 0; i < 5; i++)
		if (!strcmp(s, stp_states[i]))
			return i;
	return -1;
}

void br_print_stp_state(unsigned state)
{
	if (state <= 4)
		pr_str(PR_ANY, "state", "state %s ", stp_states[state]);
	else
		pr_uint(PR_ANY, "state", "state (%d) ", state);
}

/* glibc's atoi, which iproute2 calls: strtol's value, saturated at LONG_MIN/LONG_MAX, cut to
 * int (musl's strtol would bring in its stdio scanner). */
int br_atoi(const char *s)
{
	unsigned long lim, v = 0;
	int neg = 0;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	lim = neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	for (; *s >= '0' && *s <= '9'; s++)
		v = v > (lim - (unsigned long)(*s - '0')) / 10 ? lim : v * 10 + (unsigned long)(*s - '0');
	return (int)(neg ? (long)(0 - v) : (long)v);
}

int br_get_u64(uint64_t *v, const char *s, uint64_t max)
{
	uint64_t n;

	/* strtoull's value: a sign negates it, so that "-1" is 2^64 - 1 (past an 8- or 32-bit max,
	 * but a u64 of iproute2's), "-0" is 0. */
	if (!*s || parse_ull(s, &n, 0) || n > max)
		return -1;
	*v = n;
	return 0;
}

void br_pad_ifname(const char *name)
{
	pr_str(PR_TEXT, NULL, "%-16s  ", name);
}
