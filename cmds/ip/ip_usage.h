/* Usage texts keep their shared pieces once: a byte 0x80 + i in a packed text stands for
 * piece i of ip_usage.c; usage_text() expands a packed text. */
#ifndef NSBOX_IP_USAGE_H
#define NSBOX_IP_USAGE_H
#define U_SP7 "\x80"	/* "       " */
#define U_END "\x81"	/* " ]\n" */
#define U_TT "\x82"	/* "\t\t[ " */
#define U_OPEN "\x83"	/* " [ " */
#define U_ORINH "\x84"	/* " | inherit }\n" */
#define U_IS "\x85"	/* " := " */
#define U_OR "\x86"	/* " | " */
#define U_USAGE "\x87"	/* "Usage: ... " */
#define U_MACSEC "\x88"	/* "ip macsec " */
#define U_NO "\x89"	/* "[no]" */
#define U_ADDR "\x8a"	/* "ADDR" */
#define U_PHYSDEV "\x8b"	/* "dev PHYS_DEV" */
#define U_LB "\x8c"	/* " { " */
#define U_TTS "\x8d"	/* "\t\t " */
#define U_HEX "\x8e"	/* "{ 0x0.." */
#define U_SP3 "\x8f"	/* "   " */
#define U_RXSCI "\x90"	/* " DEV rx SCI" */
#define U_IPADDR "\x91"	/* "IP_ADDRESS" */
#define U_WHERE "\x92"	/* "Where:" */
#define U_REMOTE "\x93"	/* "remote " */
#define U_DEFAULT "\x94"	/* "default" */
#define U_FWMARK "\x95"	/* "fwmark MARK" */
#define U_FLOWLABEL "\x96"	/* "FLOWLABEL" */
#define U_NUMBER "\x97"	/* "NUMBER" */
#define U_OFFRB "\x98"	/* "off }" */
#define U_IO "\x99"	/* "[i|o]" */
#define U_255 "\x9a"	/* "..255" */
#define U_FLOWL "\x9b"	/* "flowlabel " */
#define U_ALR "\x9c"	/* "allow-localremote" */
#define U_HEXSTR "\x9d"	/* "-bit hex string\n" */
#define U_DQ "\x9e"	/* "DOTTED_QUAD" */
#define U_INH "\x9f"	/* "inherit" */
#define U_LOCAL "\xa0"	/* "local " */
#define U_SA "\xa1"	/* "0..3 }" */
#define U_ELIM "\xa2"	/* "encaplimit ELIM" */
#define U_FFFF "\xa3"	/* "0xffffffff" */
#define U_TTL "\xa4"	/* "TTL" */
#define U_RB "\xa5"	/* " }\n" */
#define U_TCLASS "\xa6"	/* "TCLASS" */
#define U_IP6ADDR "\xa7"	/* "IPV6_ADDRESS\n" */
#define U_TOS "\xa8"	/* "tos TOS" */
#define U_DSTPORT "\xa9"	/* "dstport PORT" */

/* The text of packed usage s, in a buffer that the next call reuses. */
const char *usage_text(const char *s);

#endif
