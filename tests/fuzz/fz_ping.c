/* ping's reply parsing (cmds/ping.c): the packets its socket reads, raw IPv4 (IP header
 * first), datagram IPv4 and IPv6 (ICMP only), with the times they carry, and its statistics.
 * Input: a mode byte (bits 0-1: raw IPv4, datagram IPv4, IPv6, raw IPv4 with -q -n; bit 2
 * -s 8, no time in the packets; bit 3 -i 0.2; bit 4 -f; bit 5 -l 3 -O -A; bit 6 -p a5 -b: the
 * schedule, DUP and pattern checks), a count byte, then the replies as records
 * (fuzz.h), from the address pinged. The clock is fake: waits pass at once. */
#include "fuzz.h"

int ping_main(int, char **);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char count[8], *argv[24];
	int argc = 0, mode;

	if (len < 2)
		return 0;
	mode = data[0];
	count[0] = (char)('1' + data[1] % 8);
	count[1] = 0;
	argv[argc++] = "ping";
	argv[argc++] = "-c";
	argv[argc++] = count;
	argv[argc++] = "-w";
	argv[argc++] = "3";
	if (mode & 4)
		argv[argc++] = "-s", argv[argc++] = "8";
	if (mode & 8)
		argv[argc++] = "-i", argv[argc++] = "0.2";
	if ((mode & 3) == 3)
		argv[argc++] = "-q", argv[argc++] = "-n";
	if (mode & 16)
		argv[argc++] = "-f";
	if (mode & 32)
		argv[argc++] = "-l", argv[argc++] = "3", argv[argc++] = "-O", argv[argc++] = "-A";
	if (mode & 64)
		argv[argc++] = "-p", argv[argc++] = "a5", argv[argc++] = "-b";
	argv[argc++] = (mode & 3) == 2 ? "::1" : "127.0.0.1";
	argv[argc] = 0;
	fz_reset();
	fz_raw_eperm = (mode & 3) == 1;
	fz_replies(data + 2, len - 2);
	fz_call(ping_main, argc, argv);
	return 0;
}
