/* Running an applet once per input: nsbox's global state reset, output to /dev/null, exit()
 * caught (fuzz.h). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz.h"
#include "gnuopt.h"
#include "ip.h"
#include "ip_print.h"
#include "lib.h"
#include "out.h"
#include "ulopt.h"

extern struct nlsock *brctl_sock;

void fz_init(void)
{
	static int done;
	int null;

	if (done)
		return;
	done = 1;
	if (getenv("FUZZ_VERBOSE"))
		return;
	null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		out_stderr.fd = null;
	}
}

static void reset(void)
{
	sflush(OUT);
	sflush(ERR);
	/* Close a JSON listing left open by a command that exited in the middle of it, quietly. */
	int fd = OUT->fd;
	OUT->fd = -1;
	ipo.json = 1;
	pr_end();
	OUT->len = 0;
	OUT->fd = fd;
	memset(&ipo, 0, sizeof(ipo));
	gopt_ind = 0;
	brctl_sock = NULL;
	ip_batch_jmp = NULL;
	ifcache_forget();
	netns_forget();
	applet_name = "nsbox";
}

int fz_call(int (*fn)(int, char **), int argc, char **argv)
{
	jmp_buf jb;
	int rc;

	fz_init();
	reset();
	applet_name = argc > 0 && argv[0] ? argv[0] : "nsbox";
	fz_jmp = &jb;
	if (setjmp(jb))
		rc = fz_exit_code;
	else
		rc = fn(argc, argv);
	fz_jmp = NULL;
	sflush(OUT);
	sflush(ERR);
	return rc;
}

int fz_words(const uint8_t *data, size_t len, char **argv, int max, const uint8_t **rest, size_t *restlen)
{
	static char *copy;
	size_t i = 0, start = 0;
	int argc = 0;

	free(copy);
	copy = malloc(len + 1);
	if (!copy)
		abort();
	memcpy(copy, data, len);
	copy[len] = 0;
	*rest = NULL;
	*restlen = 0;
	for (; i <= len && argc < max - 1; i++) {
		if (i < len && copy[i])
			continue;
		if (i == start && i < len) {
			/* An empty word: the end of the words. */
			*rest = data + i + 1;
			*restlen = len - i - 1;
			break;
		}
		if (i > start || i < len)
			argv[argc++] = copy + start;
		start = i + 1;
	}
	argv[argc] = NULL;
	return argc;
}
