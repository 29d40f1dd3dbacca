/* modprobe and insmod: load modules with finit_module, dependencies from modules.dep and
 * aliases from modules.alias, as kmod does. */
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "lib.h"
#include "sys.h"

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

	snprintf(path, sizeof(path), "/sys/module/%s/initstate", name);
	if (stat(path, &st) == 0)
		return 1;
	/* Without sysfs, /proc/modules tells. */
	FILE *f = fopen("/proc/modules", "r");
	char line[512];
	size_t n = strlen(name);
	int found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f))
		found = !strncmp(line, name, n) && line[n] == ' ';
	fclose(f);
	return found;
}

/* "a=1 b=2": the module parameters given as separate words. */
static void join_params(char *buf, size_t len, int argc, char **argv)
{
	size_t n = 0;

	buf[0] = 0;
	for (int i = 0; i < argc && n < len; i++)
		n += snprintf(buf + n, len - n, "%s%s", i ? " " : "", argv[i]);
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
	char buf[4096];
	char *path;
	char *deps[MAX_DEPS];
	int ndeps;
};

static int find_dep(const char *name, struct depline *d)
{
	char path[PATH_MAX + 16], mod[256];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof(path), "%s/modules.dep", moddir);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	while (!found && fgets(d->buf, sizeof(d->buf), f)) {
		char *colon = strchr(d->buf, ':'), *tok, *save;

		if (!colon)
			continue;
		*colon = 0;
		modname_of(d->buf, mod, sizeof(mod));
		if (strcmp(mod, name))
			continue;
		found = 1;
		d->path = d->buf;
		d->ndeps = 0;
		for (tok = strtok_r(colon + 1, " \t\n", &save); tok && d->ndeps < MAX_DEPS; tok = strtok_r(NULL, " \t\n", &save))
			d->deps[d->ndeps++] = tok;
	}
	fclose(f);
	return found ? 0 : -ENOENT;
}

/* Resolve an alias (e.g. rtnl-link-veth) to a module name via modules.alias. */
static int find_alias(const char *alias, char *out, size_t len)
{
	char path[PATH_MAX + 16], line[1024];
	FILE *f;
	int found = 0;

	snprintf(path, sizeof(path), "%s/modules.alias", moddir);
	f = fopen(path, "r");
	if (!f)
		return -ENOENT;
	while (!found && fgets(line, sizeof(line), f)) {
		char *pat, *mod, *save;

		if (strncmp(line, "alias ", 6))
			continue;
		pat = strtok_r(line + 6, " \t\n", &save);
		mod = strtok_r(NULL, " \t\n", &save);
		if (pat && mod && fnmatch(pat, alias, 0) == 0) {
			snprintf(out, len, "%s", mod);
			normalize(out);
			found = 1;
		}
	}
	fclose(f);
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
		snprintf(path, sizeof(path), "%s", rel);
	else
		snprintf(path, sizeof(path), "%s/%s", moddir, rel);
	if (dry) {
		printf("insmod %s %s\n", path, params);
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

	while ((opt = getopt(argc, argv, "+qnd:hbsv")) != -1) {
		switch (opt) {
		case 'q': quiet = 1; break;
		case 'n': dry = 1; break;
		case 'd': root = optarg; break;
		case 'h':
			fputs(modprobe_usage, stdout);
			return 0;
		case 'b': case 's': case 'v': break;
		default:
			fputs(modprobe_usage, stderr);
			return 1;
		}
	}
	if (optind >= argc) {
		errf("modprobe: ERROR: missing parameters. See -h.\n");
		return 1;
	}
	uname(&u);
	snprintf(moddir, sizeof(moddir), "%s/lib/modules/%s", root, u.release);
	snprintf(name, sizeof(name), "%s", argv[optind]);
	normalize(name);
	join_params(params, sizeof(params), argc - optind - 1, argv + optind + 1);
	err = find_dep(name, &dep);
	if (err == -ENOENT && find_alias(argv[optind], name, sizeof(name)) == 0)
		err = find_dep(name, &dep);
	if (err) {
		if (!quiet)
			errf("modprobe: FATAL: Module %s not found in directory %s\n", argv[optind], moddir);
		return 1;
	}
	/* Dependencies are listed nearest first; the deepest must go in first. */
	for (i = dep.ndeps - 1; i >= 0; i--) {
		err = insert(dep.deps[i], "", dry);
		if (err) {
			if (!quiet) {
				char dn[256];
				modname_of(dep.deps[i], dn, sizeof(dn));
				errf("modprobe: ERROR: could not insert '%s': %s\n", dn, strerror(-err));
			}
			return 1;
		}
	}
	err = insert(dep.path, params, dry);
	if (err) {
		if (!quiet)
			errf("modprobe: ERROR: could not insert '%s': %s\n", name, strerror(-err));
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
		errf("insmod: ERROR: could not insert module %s: %s\n", argv[1], strerror(-err));
		return 1;
	}
	return 0;
}
