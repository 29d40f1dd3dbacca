/* Whole command lines of the applets against the fake kernel: argument parsing (the keyword
 * tables, number and address words, usage and error paths, which exit: caught by fz_call), the
 * requests they build, and the listings they print from the replies. Input: the words (the
 * applet first) separated by NUL bytes, an empty word, then the fake kernel's reply records
 * (fuzz.h). Nothing reaches the kernel: fakesys.c answers every call that would. */
#include <string.h>
#include "fuzz.h"
#include "lib.h"

int ip_main(int, char **);
int brctl_main(int, char **);
int route_main(int, char **);
int unshare_main(int, char **);
int nsenter_main(int, char **);
int modprobe_main(int, char **);
int insmod_main(int, char **);
int rmmod_main(int, char **);
int lsmod_main(int, char **);

/* ping has a target of its own: its loop needs a count and a deadline to end. */
static const struct { const char *name; int (*fn)(int, char **); } applets[] = {
	{ "ip", ip_main }, { "brctl", brctl_main }, { "route", route_main },
	{ "unshare", unshare_main }, { "nsenter", nsenter_main }, { "modprobe", modprobe_main },
	{ "insmod", insmod_main }, { "rmmod", rmmod_main }, { "lsmod", lsmod_main },
};

/* ip -batch reads a file named on the command line: a fuzzed name could be a device that
 * never ends. Every other file nsbox opens is read-only and known. */
static int refused(int argc, char **argv)
{
	for (int i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *o = argv[i] + (argv[i][1] == '-');
		if (o[1] && kw_is(o, "-batch"))
			return 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *argv[128];
	const uint8_t *rest;
	size_t restlen;
	int argc = fz_words(data, len, argv, 128, &rest, &restlen);

	if (argc < 1)
		return 0;
	for (size_t i = 0; i < sizeof(applets) / sizeof(applets[0]); i++) {
		if (strcmp(argv[0], applets[i].name))
			continue;
		if (applets[i].fn == ip_main && refused(argc, argv))
			return 0;
		fz_reset();
		fz_replies(rest, restlen);
		fz_call(applets[i].fn, argc, argv);
		break;
	}
	return 0;
}
