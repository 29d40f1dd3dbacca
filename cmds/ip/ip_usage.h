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
#define U_gcm_aes_ "\xaa"	/* "gcm-aes-" */
#define U_balance_ "\xab"	/* "balance-" */
#define U_mode "\xac"	/* "mode" */
#define U_encap_ "\xad"	/* "encap-" */
#define U_KEY "\xae"	/* "KEY" */
#define U_DEV_tx_sa "\xaf"	/* " DEV tx sa" */
#define U_macaddr "\xb0"	/* "macaddr" */
#define U_QOS_MAP "\xb1"	/* "QOS-MAP" */
#define U_6rd_relay_prefix_ "\xb2"	/* "6rd-relay_prefix " */
#define U_address_xlladdr_x "\xb3"	/* " address <lladdr>" */
#define U_hoplimit_ "\xb4"	/* "hoplimit " */
#define U_XMIT_HASH_POLICY "\xb5"	/* "XMIT_HASH_POLICY" */
#define U_PRIMARY_RESELECT "\xb6"	/* "PRIMARY_RESELECT" */
#define U_STRING "\xb7"	/* "STRING" */
#define U_none "\xb8"	/* "none" */
#define U_key_ "\xb9"	/* "key " */
#define U_ARP_ALL_TARGETS "\xba"	/* "ARP_ALL_TARGETS" */
#define U_pmtudisc "\xbb"	/* "pmtudisc" */
#define U_external "\xbc"	/* "external" */
#define U_udp6zerocsumtx "\xbd"	/* "udp6zerocsumtx" */
#define U_udp6zerocsumrx "\xbe"	/* "udp6zerocsumrx" */
#define U_VLAN_PROTOCOL "\xbf"	/* " VLAN_PROTOCOL" */
#define U_FAIL_OVER_MAC "\xc0"	/* "FAIL_OVER_MAC" */
#define U_oractive "\xc1"	/* "|active" */
#define U_tclass_ "\xc2"	/* "tclass " */
#define U_Usage_is_ "\xc3"	/* "Usage: " */
#define U_0xfffff "\xc4"	/* "0xfffff" */
#define U_LABEL "\xc5"	/* "LABEL" */
#define U_tMARK "\xc6"	/* "\tMARK" */
#define U_ttl_ "\xc7"	/* "ttl " */
#define U_OPTS "\xc8"	/* "OPTS" */
#define U_802_dot "\xc9"	/* "802." */
#define U_any "\xca"	/* "any" */
#define U_BC_QUEUE_LEN "\xcb"	/* "BC_QUEUE_LEN" */
#define U_ARP_VALIDATE "\xcc"	/* "ARP_VALIDATE" */
#define U_QOS_MAPPING "\xcd"	/* "QOS-MAPPING" */
#define U_LACP_ACTIVE "\xce"	/* "LACP_ACTIVE" */
#define U_6rd_prefix_ "\xcf"	/* "6rd-prefix " */
#define U_1_dot_dot2_x16_1_rb "\xd0"	/* "1..2^16-1 }" */
#define U_0_16777215_n "\xd1"	/* "0-16777215\n" */
#define U_bridge "\xd2"	/* "bridge" */
#define U_xu64_x "\xd3"	/* " <u64>" */
#define U_dot_dot_dot_c "\xd4"	/* " ... ]" */
#define U_set "\xd5"	/* "set" */
#define U_off "\xd6"	/* "off" */
#define U_del "\xd7"	/* "del" */
#define U_add "\xd8"	/* "add" */

/* The text of packed usage s, in a buffer that the next call reuses. */
const char *usage_text(const char *s);

/* Word lists: names one after another, each ended by a NUL, the list by an empty name
 * ("a\0b\0"), with a table of rows in lockstep. kw_nth: name i. */
const char *kw_nth(const char *list, unsigned i);

#endif
