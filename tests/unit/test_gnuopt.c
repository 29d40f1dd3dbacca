/* What every applet parses its options with (unshare and nsenter with a leading '+'): gopt_next against glibc's getopt_long run in
 * this same process on the same words (options found, arguments, operands moved behind the
 * options, messages), and hdb_aton against glibc's inet_aton. */
#include <arpa/inet.h>
#include <getopt.h>
#include "gnuopt.h"
#include "hostsdb.h"
#include "out.h"
#include "unit.h"

struct opt_row {
	const char *name;
	const char *shorts;
	const char *argv[8];
};

static const struct opt_row opt_tab[] = {
	{ "operands between", "ne", { "p", "a", "-n", "b", "-e", "c" } },
	{ "cluster", "neA:", { "p", "-neAinet", "x" } },
	{ "argument next", "A:", { "p", "x", "-A", "inet6", "y" } },
	{ "argument behind operands", "nA:", { "p", "x", "y", "-nA", "z", "w" } },
	{ "missing argument", "A:", { "p", "x", "-A" } },
	{ "invalid letter", "ne", { "p", "-nex", "y" } },
	{ "double dash", "n", { "p", "x", "--", "-n", "y" } },
	{ "dash alone", "n", { "p", "-", "-n" } },
	{ "question mark", "h?", { "p", "-?", "-h" } },
	{ "colon", "n", { "p", "-:" } },
	{ "ping", "46c:hI:i:nqs:t:W:w:", { "p", "-c", "1", "host", "-W", "2", "-q" } },
	{ "long exact", "n", { "p", "--inet", "x" } },
	{ "long prefix", "n", { "p", "x", "--num" } },
	{ "long ambiguous", "n", { "p", "--in" } },
	{ "long ambiguous, same meaning", "n", { "p", "--ver", "x" } },
	{ "long unknown", "n", { "p", "--foo", "-n" } },
	{ "long argument attached", "n", { "p", "--protocol=inet6" } },
	{ "long argument next", "n", { "p", "a", "--prot", "inet", "b" } },
	{ "long argument missing", "n", { "p", "--protocol" } },
	{ "long argument refused", "n", { "p", "--numeric=3" } },
	{ "+: the first operand ends the options", "+nA:", { "p", "-n", "x", "-A", "y" } },
	{ "+: double dash", "+n", { "p", "-n", "--", "-n" } },
	{ "+: dash alone", "+n", { "p", "-", "-n" } },
	{ "+: invalid letter", "+n", { "p", "-x", "y" } },
	{ "optional argument attached", "nm::", { "p", "-m/x", "-nm", "y" } },
	{ "optional argument not taken from next word", "m::", { "p", "-m", "/x" } },
	{ "long optional argument", "n", { "p", "--mount=/x", "--mount", "/y", "--mou" } },
	{ "long optional argument empty", "n", { "p", "--mount=" } },
};

static const struct option glong[] = {
	{ "inet", 0, NULL, '4' }, { "inet6", 0, NULL, '6' }, { "numeric", 0, NULL, 'n' },
	{ "protocol", 1, NULL, 'A' }, { "verbose", 0, NULL, 'v' }, { "version", 0, NULL, 'v' },
	{ "mount", 2, NULL, 'm' }, { NULL, 0, NULL, 0 },
};
static const struct gopt nlong[] = {
	{ "inet", 0, '4' }, { "inet6", 0, '6' }, { "numeric", 0, 'n' }, { "protocol", 1, 'A' },
	{ "verbose", 0, 'v' }, { "version", 0, 'v' }, { "mount", 2, 'm' }, { NULL, 0, 0 },
};

/* Runs one parser on a copy of the row's words with stderr on a pipe: the trace of what it
 * returned, its messages, and the words in their final order from the first operand. */
static void trace(const struct opt_row *row, int glibc, char *out, size_t len)
{
	char *argv[9] = { NULL }, msg[512];
	int argc = 0, c, p[2], fd2 = dup(2);
	size_t n = 0;
	ssize_t m;

	while (argc < 8 && row->argv[argc])
		argv[argc] = (char *)row->argv[argc], argc++;
	assert_int_equal(pipe(p), 0);
	dup2(p[1], 2);
	optind = 0;
	gopt_ind = 0;
	for (;;) {
		c = glibc ? getopt_long(argc, argv, row->shorts, glong, NULL) : gopt_next(argc, argv, row->shorts, nlong);
		if (c == -1)
			break;
		n += snprintf(out + n, len - n, "%c[%s] ", c, glibc ? (optarg ? optarg : "") : (gopt_arg ? gopt_arg : ""));
		optarg = NULL;
	}
	fflush(stderr);
	dup2(fd2, 2);
	close(fd2);
	close(p[1]);
	m = read(p[0], msg, sizeof(msg) - 1);
	close(p[0]);
	msg[m > 0 ? m : 0] = 0;
	n += snprintf(out + n, len - n, "| %s|", msg);
	for (int i = glibc ? optind : gopt_ind; i < argc; i++)
		n += snprintf(out + n, len - n, " %s", argv[i]);
}

static void test_gopt(void **state)
{
	ROW(struct opt_row);
	char want[1024], got[1024];

#ifndef __GLIBC__
	static int said;

	if (!said++)
		print_message("test_gopt: skipped: the oracle is glibc's getopt_long, not this libc's\n");
	skip();
#endif
	unsetenv("POSIXLY_CORRECT");
	trace(row, 1, want, sizeof(want));
	trace(row, 0, got, sizeof(got));
	assert_string_equal(got, want);
}

/* ok: what glibc's inet_aton answers (iproute2's oracle). musl's, on 32-bit targets, takes
 * "4294967296" as 255.255.255.255 (strtoul saturates): there the table is the oracle. */
struct aton_row {
	const char *s;
	int ok;
};
static const struct aton_row aton_tab[] = {
	{ "10.9.0.1", 1 }, { "10", 1 }, { "10.1", 1 }, { "10.1.2", 1 }, { "0x0a.0.0.1", 1 }, { "012.1", 1 },
	{ "4294967295", 1 }, { "4294967296", 0 }, { "1.2.3.4.5", 0 }, { "256.1.1.1", 0 }, { "1.16777215", 1 },
	{ "1.16777216", 0 }, { "08.1", 0 }, { "", 0 }, { ".", 0 }, { "1..2", 0 }, { "1.2.", 0 }, { "x", 0 },
	{ "0x", 0 }, { "-1", 0 }, { "1.2.3.0x100", 0 },
};

static void test_aton(void **state)
{
	ROW(struct aton_row);
	struct in_addr g, w;
	int gr, wr;

	memset(&g, 0, sizeof(g));
	memset(&w, 0, sizeof(w));
	wr = inet_aton(row->s, &w);
	gr = hdb_aton(row->s, &g);
#ifdef __GLIBC__
	assert_int_equal(wr, row->ok);
#endif
	assert_int_equal(gr, row->ok);
	if (gr && wr)
		assert_int_equal(g.s_addr, w.s_addr);
}

int main(void)
{
	static struct suite s;

	ADD_ROWS(&s, test_gopt, opt_tab);
	ADD_ROWS(&s, test_aton, aton_tab);
	return suite_run(&s, "gnuopt");
}
