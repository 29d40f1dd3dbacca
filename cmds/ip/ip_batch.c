/* ip -batch FILE|-: one command per line on the one netlink socket of this process. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib.h"
#include "ip.h"
#include "ip_print.h"

#define BATCH_MAXARGS 100
#define BATCH_LINE_MAX 65536

struct reader {
	int fd;
	char buf[4096];
	size_t pos, len;
	int eof;
};

/* One physical line without its newline into line; -1 at the end, -2 when it does not fit in
 * size - 1 bytes (iproute2's getline grows without bound: /dev/zero eats all memory). */
static int read_line(struct reader *r, char *line, size_t size, int *had_nl)
{
	size_t n = 0;

	*had_nl = 0;
	for (;;) {
		if (r->pos == r->len) {
			ssize_t got;
			if (r->eof)
				break;
			do
				got = read(r->fd, r->buf, sizeof(r->buf));
			while (got < 0 && errno == EINTR);
			if (got <= 0) {
				r->eof = 1;
				break;
			}
			r->pos = 0;
			r->len = (size_t)got;
		}
		char c = r->buf[r->pos++];
		if (c == '\n') {
			*had_nl = 1;
			break;
		}
		if (n + 1 >= size)
			return -2;
		line[n++] = c;
	}
	line[n] = 0;
	return (n || *had_nl) ? 0 : -1;
}

/* A command: '#' starts a comment, a trailing backslash joins the next line. */
static int read_cmd(struct reader *r, char *cmd, size_t size, int *lineno)
{
	size_t n = 0;
	int nl;

	int got = read_line(r, cmd, size, &nl);

	++*lineno;
	if (got < 0)
		return got;
	for (;;) {
		char *hash = strchr(cmd + n, '#');
		if (hash)
			*hash = 0;
		n = strlen(cmd);
		if (!nl || n == 0 || cmd[n - 1] != '\\')
			return 0;
		cmd[--n] = 0;
		got = read_line(r, cmd + n, size - n, &nl);
		++*lineno;
		if (got == -1) {
			errf("Missing continuation line\n");
			return -1;
		}
		if (got < 0)
			return got;
	}
}

/* Words split on blanks; a word that starts with a quote runs to the matching quote. */
static int split_words(char *cp, char **argv)
{
	static const char ws[] = " \t\r\n";
	int argc = 0;

	while (*cp) {
		cp += strspn(cp, ws);
		if (!*cp)
			break;
		if (argc >= BATCH_MAXARGS - 1)
			die(1, "Too many arguments to command\n");
		if (*cp == '\'' || *cp == '"') {
			char quote = *cp++;
			argv[argc++] = cp;
			cp = strchr(cp, quote);
			if (!cp)
				die(1, "Unterminated quoted string\n");
		} else {
			argv[argc++] = cp;
			cp += strcspn(cp, ws);
			if (!*cp)
				break;
		}
		*cp++ = 0;
	}
	argv[argc] = NULL;
	return argc;
}

/* One command; a failure that would have exited comes back here as its code. */
static int run_one(int (*run)(int argc, char **argv), int argc, char **argv)
{
	jmp_buf jb;

	/* A failing command whose iproute2 twin returns (not exits) comes back here. */
	if (setjmp(jb))
		return ip_batch_code;
	ip_batch_jmp = &jb;
	ifcache_forget();
	netns_forget();
	return run(argc, argv);
}

int ip_batch(const char *name, int (*run)(int argc, char **argv))
{
	static struct reader r;
	static char cmd[BATCH_LINE_MAX];
	char *argv[BATCH_MAXARGS];
	int lineno = 0, ret = 0, got, family = ipo.family;

	r.fd = 0;
	if (strcmp(name, "-")) {
		r.fd = open(name, O_RDONLY | O_CLOEXEC);
		if (r.fd < 0) {
			errf("Cannot open file \"%s\" for reading: %s\n", name, errtext(errno));
			return 1;
		}
	}
	ip_sock();
	while ((got = read_cmd(&r, cmd, sizeof(cmd), &lineno)) == 0) {
		int rc, argc = split_words(cmd, argv);

		if (!argc)
			continue;
		/* each line starts from the family of the options (ip mrule changes it) */
		ipo.family = family;
		rc = run_one(run, argc, argv);
		ip_batch_jmp = NULL;
		if (rc) {
			errf("Command failed %s:%d\n", name, lineno);
			ret = 1;
			if (!ipo.force)
				break;
		}
	}
	/* A line too long stops the batch whatever -force says: there is no telling where the
	 * next command starts. Nothing of it has run. */
	if (got == -2) {
		errf("Line longer than %d bytes at %s:%d: not run, batch stopped\n", BATCH_LINE_MAX - 1, name, lineno);
		ret = 1;
	}
	return ret;
}
