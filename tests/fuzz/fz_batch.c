/* ip -batch's reader (cmds/ip/ip_batch.c): lines, '#' comments, backslash continuations, quoted
 * words, the word limit, "Command failed FILE:LINE" and -force. Input: a flags byte (bit 0
 * -force; the rest picks which commands fail), then the file. Each command's words are checked:
 * NUL-terminated, none empty unless quoted, at most 99. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "fuzz.h"
#include "ip.h"

static int flags, ncmd;

static int run(int argc, char **argv)
{
	FZ_ASSERT(argc > 0 && argc < 100 && argv[argc] == NULL);
	for (int i = 0; i < argc; i++)
		FZ_ASSERT(argv[i] && strlen(argv[i]) < 65536);
	ncmd++;
	return (flags >> 1) & (1 << (ncmd % 7)) ? 1 : 0;
}

static const char *path;

static int batch(int argc, char **argv)
{
	(void)argc, (void)argv;
	ipo.force = flags & 1;
	return ip_batch(path, run);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static int fd = -1;
	static char name[64];
	char *argv[] = { "ip", NULL };
	int next;

	if (len < 1)
		return 0;
	if (fd < 0) {
		fd = memfd_create("batch", 0);
		FZ_ASSERT(fd >= 0);
		snprintf(name, sizeof(name), "/proc/self/fd/%d", fd);
		path = name;
	}
	flags = data[0];
	ncmd = 0;
	FZ_ASSERT(ftruncate(fd, 0) == 0);
	FZ_ASSERT(pwrite(fd, data + 1, len - 1, 0) == (ssize_t)(len - 1));
	fz_reset();
	/* ip_batch leaves its file open (ip exits after it): it gets the lowest free fd. */
	next = dup(0);
	close(next);
	fz_call(batch, 1, argv);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "batch: %d commands, exit %d\n", ncmd, fz_exit_code);
	if (!fz_is_sock(next))
		close(next);
	return 0;
}
