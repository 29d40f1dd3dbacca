/* Usage texts keep their shared pieces once: a byte 0x80 + i in a packed text stands for
 * piece i of ip_usage.c, U_UP for the word before it (and a blank) in capitals
 * ("[ ttl " U_UP " ]" is "[ ttl TTL ]"); usage_text() expands a packed text. */
#ifndef NSBOX_IP_USAGE_H
#define NSBOX_IP_USAGE_H
#define U_UP "\x7f"
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
#define U_NUMBER "\x96"	/* "NUMBER" */
#define U_OFFRB "\x97"	/* "off }" */
#define U_IO "\x98"	/* "[i|o]" */
#define U_255 "\x99"	/* "..255" */
#define U_FLOWL "\x9a"	/* "flowlabel " */
#define U_ALR "\x9b"	/* "allow-localremote" */
#define U_HEXSTR "\x9c"	/* "-bit hex string\n" */
#define U_DQ "\x9d"	/* "DOTTED_QUAD" */
#define U_INH "\x9e"	/* "inherit" */
#define U_LOCAL "\x9f"	/* "local " */
#define U_SA "\xa0"	/* "0..3 }" */
#define U_ELIM "\xa1"	/* "encaplimit ELIM" */
#define U_FFFF "\xa2"	/* "0xffffffff" */
#define U_RB "\xa3"	/* " }\n" */
#define U_IP6ADDR "\xa4"	/* "IPV6_ADDRESS\n" */
#define U_DSTPORT "\xa5"	/* "dstport PORT" */
#define U_gcm_aes_ "\xa6"	/* "gcm-aes-" */
#define U_balance_ "\xa7"	/* "balance-" */
#define U_mode "\xa8"	/* "mode" */
#define U_encap_ "\xa9"	/* "encap-" */
#define U_DEV_tx_sa "\xaa"	/* " DEV tx sa" */
#define U_macaddr "\xab"	/* "macaddr" */
#define U_QOS_MAP "\xac"	/* "QOS-MAP" */
#define U_OPTS_c_key_ID_KEY_n "\xad"	/* "OPTS ] key ID KEY\n" */
#define U_6rd_relay_prefix_ "\xae"	/* "6rd-relay_prefix " */
#define U_address_xlladdr_x "\xaf"	/* " address <lladdr>" */
#define U_hoplimit_ "\xb0"	/* "hoplimit " */
#define U_FLOWLABEL "\xb1"	/* "FLOWLABEL" */
#define U_TTL "\xb2"	/* "TTL" */
#define U_STRING "\xb3"	/* "STRING" */
#define U_none "\xb4"	/* "none" */
#define U_pmtudisc "\xb5"	/* "pmtudisc" */
#define U_external "\xb6"	/* "external" */
#define U_udp6zerocsumtx "\xb7"	/* "udp6zerocsumtx" */
#define U_udp6zerocsumrx "\xb8"	/* "udp6zerocsumrx" */
#define U_oractive "\xb9"	/* "|active" */
#define U_tclass_ "\xba"	/* "tclass " */
#define U_Usage_is_ "\xbb"	/* "Usage: " */
#define U_0xfffff "\xbc"	/* "0xfffff" */
#define U_LABEL "\xbd"	/* "LABEL" */
#define U_tMARK "\xbe"	/* "\tMARK" */
#define U_ttl_ "\xbf"	/* "ttl " */
#define U_tos_ "\xc0"	/* "tos " */
#define U_802_dot "\xc1"	/* "802." */
#define U_any "\xc2"	/* "any" */
#define U_BC_QUEUE_LEN "\xc3"	/* "BC_QUEUE_LEN" */
#define U_QOS_MAPPING "\xc4"	/* "QOS-MAPPING" */
#define U_6rd_prefix_ "\xc5"	/* "6rd-prefix " */
#define U_1_dot_dot2_x16_1_rb "\xc6"	/* "1..2^16-1 }" */
#define U_0_16777215_n "\xc7"	/* "0-16777215\n" */
#define U_bridge "\xc8"	/* "bridge" */
#define U_TCLASS "\xc9"	/* "TCLASS" */
#define U_xu64_x "\xca"	/* " <u64>" */
#define U_dot_dot_dot_c "\xcb"	/* " ... ]" */
#define U_off "\xcc"	/* "off" */

/* The text of packed usage s, in a buffer that the next call reuses (2,047 bytes at most:
 * bond_usage, the longest, is 1,810). */
const char *usage_text(const char *s);

/* Word lists: names one after another, each ended by a NUL, the list by an empty name
 * ("a\0b\0"), with a table of rows in lockstep. kw_nth: name i. */
const char *kw_nth(const char *list, unsigned i);
/* The index of name w in list, or -1. */
int kw_index(const char *list, const char *w);

#endif
