/* The pieces that usage texts share (ip_usage.h names them), and their expansion. */
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
	"FLOWLABEL\0"
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
	"TTL\0"
	" }\n\0"
	"TCLASS\0"
	"IPV6_ADDRESS\n\0"
	"tos TOS\0"
	"dstport PORT\0"
;

const char *usage_text(const char *s)
{
	static char buf[2048];
	char *o = buf;
	const char *p;
	unsigned char c;
	unsigned i;

	while ((c = (unsigned char)*s++)) {
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
