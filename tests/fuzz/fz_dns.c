/* DNS answers (cmds/proto/dns.c, the resolver's parser): dns_parse and dns_name on untrusted
 * bytes. Input: a mode byte, then the message. Mode bits 0-1 pick the question (A, AAAA, PTR,
 * A); bit 2 takes the id and the name from the message's own header and question, so that the
 * answer section is reached; otherwise the query is 0x1234 for "web.example" (or its PTR name).
 * Checks: a taken answer has 1 to DNS_ADDR_MAX addresses (or a PTR name), and every name is
 * NUL-terminated, of host-name characters, within DNS_NAME_MAX. The message is in a heap block
 * of its exact size, so ASan sees any read past its end. */
#include <stdlib.h>
#include <string.h>
#include "dns.h"
#include "fuzz.h"

static void check_name(const char *s)
{
	size_t n = strnlen(s, DNS_NAME_MAX);

	FZ_ASSERT(n < DNS_NAME_MAX);
	for (size_t i = 0; i < n; i++)
		FZ_ASSERT(s[i] == '.' || s[i] == '-' || s[i] == '_' || (s[i] >= '0' && s[i] <= '9') ||
			  (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const int qtypes[4] = { DNS_T_A, DNS_T_AAAA, DNS_T_PTR, DNS_T_A };
	struct dns_answer a;
	char name[DNS_NAME_MAX] = "web.example";
	uint16_t id = 0x1234;
	uint8_t *m;
	int mode, qtype, rc;

	if (len < 1)
		return 0;
	mode = data[0];
	qtype = qtypes[mode & 3];
	data++, len--;
	m = malloc(len ? len : 1);
	if (!m)
		return 0;
	memcpy(m, data, len);
	if (qtype == DNS_T_PTR)
		strcpy(name, "2.0.9.10.in-addr.arpa");
	if ((mode & 4) && len >= 12) {
		size_t off = 12;
		id = (uint16_t)(m[0] << 8 | m[1]);
		if (!dns_name(m, len, &off, name)) {
			check_name(name);
			FZ_ASSERT(off <= len);
		} else {
			strcpy(name, "x");
		}
	}
	rc = dns_parse(m, len, id, name, qtype, &a);
	FZ_ASSERT(rc <= 0 && rc >= DNS_ENODATA);
	check_name(a.name);
	if (rc == DNS_OK) {
		if (qtype == DNS_T_PTR)
			FZ_ASSERT(a.name[0]);
		else
			FZ_ASSERT(a.naddr >= 1 && a.naddr <= DNS_ADDR_MAX);
	}
	/* Every offset as the start of a name. */
	for (size_t at = 12; at < len && at < 64; at++) {
		size_t off = at;
		char out[DNS_NAME_MAX];
		if (!dns_name(m, len, &off, out)) {
			check_name(out);
			FZ_ASSERT(off > at && off <= len);
		}
	}
	free(m);
	return 0;
}
