/* modprobe and insmod: load modules with finit_module, dependencies from modules.dep and
 * aliases from modules.alias, as kmod does. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "glob.h"
#include "lib.h"
#include "lines.h"
#include "opt.h"
#include "sys.h"
#include "out.h"

APPLET(modprobe, modprobe_main);
APPLET(insmod, insmod_main);

#define MODULE_INIT_COMPRESSED_FILE 4
#define MAX_DEPS 64

static const char modprobe_usage[] =
	"Usage:\n"
	"\tmodprobe [options] modulename [module parameters...]\n"
	"Options:\n"
	"\t-q, --quiet                 disable messages\n"
	"\t-n, --dry-run               do not execute operations, just print out\n"
	"\t-d, --dirname=DIR           use DIR as filesystem root for /lib/modules\n"
	"\t-h, --help                  show this help\n";

static char moddir[PATH_MAX];

/* "kernel/net/veth.ko.xz" -> "veth"; dashes become underscores, as the kernel names them. */
static void modname_of(const char *path, char *out, size_t len)
{
	const char *b = strrchr(path, '/');
	size_t i;

	b = b ? b + 1 : path;
	for (i = 0; b[i] && i + 1 < len && strncmp(b + i, ".ko", 3); i++)
		out[i] = b[i] == '-' ? '_' : b[i];
	out[i] = 0;
}

static void normalize(char *s)
{
	for (; *s; s++)
		if (*s == '-')
			*s = '_';
}

static int is_loaded(const char *name)
{
	char path[PATH_MAX];
	struct stat st;

	bfmt(path, sizeof(path), "/sys/module/%s/initstate", name);
	if (stat(path, &st) == 0)
		return 1;
	/* Without sysfs, /proc/modules tells. */
	struct lines f;
	char *line;
	size_t n = strlen(name);
	int found = 0;

	if (lines_open(&f, "/proc/modules"))
		return 0;
	while (!found && (line = lines_next(&f)))
		found = !strncmp(line, name, n) && line[n] == ' ';
	lines_close(&f);
	return found;
}

/* "a=1 b=2": the module parameters given as separate words. */
static void join_params(char *buf, size_t len, int argc, char **argv)
{
	size_t n = 0;

	buf[0] = 0;
	for (int i = 0; i < argc && n < len; i++)
		n += bfmt(buf + n, len - n, "%s%s", i ? " " : "", argv[i]);
}

static int load_file(const char *path, const char *params)
{
	size_t n = strlen(path);
	int fd, err, flags = 0;

	fd = sys_open(path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	if ((n > 3 && !strcmp(path + n - 3, ".xz")) || (n > 4 && !strcmp(path + n - 4, ".zst")) ||
	    (n > 3 && !strcmp(path + n - 3, ".gz")))
		flags = MODULE_INIT_COMPRESSED_FILE;
	err = sys_finit_module(fd, params, flags);
	sys_close(fd);
	return err;
}

/* The modules.dep line of a module: its path and its dependencies, in the file's order. */
struct depline {
	char buf[LINE_MAX_LEN + 1];
	char *path;
	char *deps[MAX_DEPS];
	int ndeps;
};

static int find_dep(const char *name, struct depline *d)
{
	char path[PATH_MAX + 16], mod[256], *line;
	struct lines f;
	int found = 0, err;

	bfmt(path, sizeof(path), "%s/modules.dep", moddir);
	err = lines_open(&f, path);
	if (err)
		return err;
	while (!found && (line = lines_next(&f))) {
		char *colon = strchr(line, ':'), *tok, *save;

		if (!colon)
			continue;
		*colon = 0;
		modname_of(line, mod, sizeof(mod));
		if (strcmp(mod, name))
			continue;
		found = 1;
		/* The line lives in the reader's buffer; keep it, both halves. */
		memcpy(d->buf, line, (colon - line) + 1 + strlen(colon + 1) + 1);
		colon = d->buf + (colon - line);
		d->path = d->buf;
		d->ndeps = 0;
		for (tok = strtok_r(colon + 1, " \t\n", &save); tok && d->ndeps < MAX_DEPS; tok = strtok_r(NULL, " \t\n", &save))
			d->deps[d->ndeps++] = tok;
	}
	lines_close(&f);
	return found ? 0 : -ENOENT;
}

/* Resolve an alias (e.g. rtnl-link-veth) to a module name via modules.alias. */
static int find_alias(const char *alias, char *out, size_t len)
{
	char path[PATH_MAX + 16], *line;
	struct lines f;
	int found = 0;

	bfmt(path, sizeof(path), "%s/modules.alias", moddir);
	if (lines_open(&f, path))
		return -ENOENT;
	while (!found && (line = lines_next(&f))) {
		char *pat, *mod, *save;

		if (strncmp(line, "alias ", 6))
			continue;
		pat = strtok_r(line + 6, " \t\n", &save);
		mod = strtok_r(NULL, " \t\n", &save);
		if (pat && mod && glob_match(pat, alias)) {
			bfmt(out, len, "%s", mod);
			normalize(out);
			found = 1;
		}
	}
	lines_close(&f);
	return found ? 0 : -ENOENT;
}

static int insert(const char *rel, const char *params, int dry)
{
	char path[PATH_MAX * 2], name[256];
	int err;

	modname_of(rel, name, sizeof(name));
	if (is_loaded(name))
		return 0;
	if (rel[0] == '/')
		bfmt(path, sizeof(path), "%s", rel);
	else
		bfmt(path, sizeof(path), "%s/%s", moddir, rel);
	if (dry) {
		outf("insmod %s %s\n", path, params);
		return 0;
	}
	err = load_file(path, params);
	return err == -EEXIST ? 0 : err;
}

int modprobe_main(int argc, char **argv)
{
	const char *root = "";
	int quiet = 0, dry = 0, opt, err, i;
	char name[256], params[4096];
	struct depline dep;
	struct utsname u;

	while ((opt = opt_next(argc, argv, "+qnd:hbsv")) != -1) {
		switch (opt) {
		case 'q': quiet = 1; break;
		case 'n': dry = 1; break;
		case 'd': root = opt_arg; break;
		case 'h':
			outs(modprobe_usage);
			return 0;
		case 'b': case 's': case 'v': break;
		default:
			sputs(ERR, modprobe_usage);
			return 1;
		}
	}
	if (opt_ind >= argc) {
		errf("modprobe: ERROR: missing parameters. See -h.\n");
		return 1;
	}
	uname(&u);
	bfmt(moddir, sizeof(moddir), "%s/lib/modules/%s", root, u.release);
	bfmt(name, sizeof(name), "%s", argv[opt_ind]);
	normalize(name);
	join_params(params, sizeof(params), argc - opt_ind - 1, argv + opt_ind + 1);
	err = find_dep(name, &dep);
	if (err == -ENOENT && find_alias(argv[opt_ind], name, sizeof(name)) == 0)
		err = find_dep(name, &dep);
	if (err) {
		if (!quiet)
			errf("modprobe: FATAL: Module %s not found in directory %s\n", argv[opt_ind], moddir);
		return 1;
	}
	/* Dependencies are listed nearest first; the deepest must go in first. */
	for (i = dep.ndeps - 1; i >= 0; i--) {
		err = insert(dep.deps[i], "", dry);
		if (err) {
			if (!quiet) {
				char dn[256];
				modname_of(dep.deps[i], dn, sizeof(dn));
				errf("modprobe: ERROR: could not insert '%s': %s\n", dn, errtext(-err));
			}
			return 1;
		}
	}
	err = insert(dep.path, params, dry);
	if (err) {
		if (!quiet)
			errf("modprobe: ERROR: could not insert '%s': %s\n", name, errtext(-err));
		return 1;
	}
	return 0;
}

int insmod_main(int argc, char **argv)
{
	char params[4096];
	int err;

	if (argc < 2) {
		errf("insmod: ERROR: missing filename.\n");
		return 1;
	}
	join_params(params, sizeof(params), argc - 2, argv + 2);
	err = load_file(argv[1], params);
	if (err) {
		errf("insmod: ERROR: could not insert module %s: %s\n", argv[1], errtext(-err));
		return 1;
	}
	return 0;
}
