/* The pieces that usage texts share (ip_usage.h names them), and their expansion. */
#include <string.h>
#include "ip_usage.h"

static const char pieces[] =
	"       \0"
	" ]\n\0"
	"\t\t[ \0"
	" [ \0"
	" | inherit }\n\0"
	" := \0"
	" | \0"
	"Usage: ... \0"
	"ip macsec \0"
	"[no]\0"
	"ADDR\0"
	"dev PHYS_DEV\0"
	" { \0"
	"\t\t \0"
	"{ 0x0..\0"
	"   \0"
	" DEV rx SCI\0"
	"IP_ADDRESS\0"
	"Where:\0"
	"remote \0"
	"default\0"
	"fwmark MARK\0"
	"NUMBER\0"
	"off }\0"
	"[i|o]\0"
	"..255\0"
	"flowlabel \0"
	"allow-localremote\0"
	"-bit hex string\n\0"
	"DOTTED_QUAD\0"
	"inherit\0"
	"local \0"
	"0..3 }\0"
	"encaplimit ELIM\0"
	"0xffffffff\0"
	" }\n\0"
	"IPV6_ADDRESS\n\0"
	"dstport PORT\0"
	"gcm-aes-\0"
	"balance-\0"
	"mode\0"
	"encap-\0"
	" DEV tx sa\0"
	"macaddr\0"
	"QOS-MAP\0"
	"OPTS ] key ID KEY\n\0"
	"6rd-relay_prefix \0"
	" address <lladdr>\0"
	"hoplimit \0"
	"FLOWLABEL\0"
	"TTL\0"
	"STRING\0"
	"none\0"
	"pmtudisc\0"
	"external\0"
	"udp6zerocsumtx\0"
	"udp6zerocsumrx\0"
	"|active\0"
	"tclass \0"
	"Usage: \0"
	"0xfffff\0"
	"LABEL\0"
	"\tMARK\0"
	"ttl \0"
	"tos \0"
	"802.\0"
	"any\0"
	"BC_QUEUE_LEN\0"
	"QOS-MAPPING\0"
	"6rd-prefix \0"
	"1..2^16-1 }\0"
	"0-16777215\n\0"
	"bridge\0"
	"TCLASS\0"
	" <u64>\0"
	" ... ]\0"
	"off\0"
;

static int word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

const char *usage_text(const char *s)
{
	static char buf[2048];
	char *o = buf, *e;
	const char *p;
	unsigned char c;
	unsigned i;

	while ((c = (unsigned char)*s++)) {
		if (c == 0x7f) {
			for (e = o - 1, p = e; p > buf && word_char(p[-1]); p--)
				;
			for (; p < e; p++)
				*o++ = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
			continue;
		}
		if (c < 0x80) {
			*o++ = (char)c;
			continue;
		}
		for (p = pieces, i = c - 0x80; i; i--)
			while (*p++)
				;
		while (*p)
			*o++ = *p++;
	}
	*o = 0;
	return buf;
}

int kw_index(const char *list, const char *w)
{
	int i;

	for (i = 0; *list; i++, list += strlen(list) + 1)
		if (!strcmp(list, w))
			return i;
	return -1;
}

const char *kw_nth(const char *list, unsigned i)
{
	for (; i; i--)
		list += strlen(list) + 1;
	return list;
}
