/* modprobe, insmod, rmmod and lsmod as kmod 30's: load modules with finit_module, dependencies
 * from modules.dep, aliases from modules.alias and built-in modules from modules.builtin (the
 * text files: nsbox reads no .bin index); remove them with delete_module, looking at
 * /sys/module first as kmod does; list them from /proc/modules. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "dir.h"
#include "glob.h"
#include "gnuopt.h"
#include "lib.h"
#include "lines.h"
#include "sys.h"
#include "out.h"
#include "ulopt.h"

APPLET(modprobe, modprobe_main);
APPLET(insmod, insmod_main);
APPLET(rmmod, rmmod_main);
APPLET(lsmod, lsmod_main);

#define MODULE_INIT_COMPRESSED_FILE 4
#define MAX_DEPS 64

/* ul_usage's: a tab after a line's first pads to column 29 (rmmod's 19) */
NSBOX_USAGE(modprobe_usage,
	"Usage:\n"
	"\tmodprobe [options] [-i] [-b] modulename\n"
	"\tmodprobe [options] -a [-i] [-b] modulename [modulename...]\n"
	"\tmodprobe [options] -r [-i] modulename\n"
	"\tmodprobe [options] -r -a [-i] modulename [modulename...]\n"
	"Management Options:\n"
	"\t-a, --all\tConsider every non-argument to\n"
	"\t\tbe a module name to be inserted\n"
	"\t\tor removed (-r)\n"
	"\t-r, --remove\tRemove modules instead of inserting\n"
	"\t-f, --force\tForce module insertion or removal.\n"
	"\t\timplies --force-modversions and\n"
	"\t\t--force-vermagic\n"
	"\n"
	"General Options:\n"
	"\t-n, --dry-run\tDo not execute operations, just print out\n"
	"\t-n, --show\tSame as --dry-run\n"
	"\t-d, --dirname=DIR\tUse DIR as filesystem root for /lib/modules\n"
	"\t-S, --set-version=VERSION\tUse VERSION instead of `uname -r`\n"
	"\t-q, --quiet\tdisable messages\n"
	"\t-v, --verbose\tenables more messages\n"
	"\t-h, --help\tshow this help\n");
NSBOX_USAGE(rmmod_usage,
	"Usage:\n"
	"\trmmod [options] modulename ...\n"
	"Options:\n"
	"\t-f, --force\tforces a module unload and may crash your\n"
	"\t\tmachine. This requires Forced Module Removal\n"
	"\t\toption in your kernel. DANGEROUS\n"
	"\t-s, --syslog\tprint to syslog, not stderr\n"
	"\t-v, --verbose\tenables more messages\n"
	"\t-V, --version\tshow version\n"
	"\t-h, --help\tshow this help\n");
NSBOX_USAGE(insmod_usage,
	"Usage:\n"
	"\tinsmod [options] filename [args]\n"
	"Options:\n"
	"\t-V, --version     show version\n"
	"\t-h, --help        show this help\n");

static char moddir[PATH_MAX];

/* "kernel/net/veth.ko.xz" -> "veth"; dashes become underscores, as the kernel names them. */
static void modname_of(const char *path, char *out, size_t len)
{
	const char *b = strrchr(path, '/');
	size_t i;

	b = b ? b + 1 : path;
	for (i = 0; b[i] && i + 1 < len && b[i] != '.'; i++)
		out[i] = b[i] == '-' ? '_' : b[i];
	out[i] = 0;
}

/* kmod's alias_normalize: dashes become underscores, but not inside [ ]. */
static void normalize(char *s)
{
	int in = 0;

	for (; *s; s++) {
		in = *s == '[' ? 1 : *s == ']' ? 0 : in;
		if (*s == '-' && !in)
			*s = '_';
	}
}

/* /sys/module/NAME/FILE as a number: -ENOENT when it is not there. */
static int sysfs_num(const char *name, const char *file)
{
	char path[PATH_MAX], buf[32];
	int fd, n;
	int32_t v = 0;

	bfmt(path, sizeof(path), "/sys/module/%s%s%s", name, *file ? "/" : "", file);
	if ((fd = sys_open(path, O_RDONLY | O_CLOEXEC, 0)) < 0)
		return fd;
	n = (int)read(fd, buf, sizeof(buf) - 1);
	sys_close(fd);
	buf[n > 0 ? n : 0] = 0;
	buf[strcspn(buf, "\n")] = 0;
	parse_s32(buf, &v, 10);
	return v;
}

/* kmod's initstate: /sys/module/NAME/initstate, or a directory there without it. */
static int is_live(const char *name)
{
	char path[PATH_MAX];
	int fd;

	bfmt(path, sizeof(path), "/sys/module/%s", name);
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return 0;
	close(fd);
	return 1;
}

static int is_loaded(const char *name)
{
	struct lines f;
	char *line;
	size_t n = strlen(name);
	int found = 0;

	if (is_live(name))
		return 1;
	/* Without sysfs, /proc/modules tells. */
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

/* The line of moddir/FILE whose module (the path up to ':' or the whole line) is name. */
static int find_line(const char *file, const char *name, char *out)
{
	char path[PATH_MAX + 16], mod[256], *line;
	struct lines f;
	int found = 0, err;

	bfmt(path, sizeof(path), "%s/%s", moddir, file);
	if ((err = lines_open(&f, path)))
		return err;
	while (!found && (line = lines_next(&f))) {
		char *colon = strchr(line, ':');
		if (colon)
			*colon = 0;
		modname_of(line, mod, sizeof(mod));
		if ((found = !strcmp(mod, name)) && out) {
			if (colon)
				*colon = ':';
			bfmt(out, LINE_MAX_LEN + 1, "%s", line);
		}
	}
	lines_close(&f);
	return found ? 0 : -ENOENT;
}

static int find_dep(const char *name, struct depline *d)
{
	char *colon, *tok, *save;
	int err = find_line("modules.dep", name, d->buf);

	if (err)
		return err;
	if (!(colon = strchr(d->buf, ':')))
		return -ENOENT;
	*colon = 0;
	d->path = d->buf;
	d->ndeps = 0;
	for (save = colon + 1; (tok = str_word(&save, " \t")) && d->ndeps < MAX_DEPS; )
		d->deps[d->ndeps++] = tok;
	return 0;
}

/* Resolve an alias (e.g. rtnl-link-veth) to a module name via modules.alias. */
static int find_alias(const char *alias, char *out, size_t len)
{
	char path[PATH_MAX + 16], *line, want[256];
	struct lines f;
	int found = 0;

	bfmt(want, sizeof(want), "%s", alias);
	normalize(want);
	bfmt(path, sizeof(path), "%s/modules.alias", moddir);
	if (lines_open(&f, path))
		return -ENOENT;
	while (!found && (line = lines_next(&f))) {
		char *pat, *mod, *save;

		if (strncmp(line, "alias ", 6))
			continue;
		save = line + 6;
		pat = str_word(&save, " \t");
		mod = str_word(&save, " \t");
		if (pat && mod && (normalize(pat), glob_match(pat, want))) {
			bfmt(out, len, "%s", mod);
			normalize(out);
			found = 1;
		}
	}
	lines_close(&f);
	return found ? 0 : -ENOENT;
}

static int insert(const char *rel, const char *params, int dry, int show)
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
	if (show)
		outf("insmod %s %s\n", path, params);
	if (dry)
		return 0;
	err = load_file(path, params);
	return err == -EEXIST ? 0 : err;
}

struct mp {
	int quiet, dry, show, force;
};

/* The module a name or alias stands for: its modules.dep line, or 1 when it is built in. */
static int lookup(const char *arg, char *name, size_t len, struct depline *dep)
{
	int err;

	bfmt(name, len, "%s", arg);
	normalize(name);
	err = find_dep(name, dep);
	if (err == -ENOENT && find_alias(arg, name, len) == 0)
		err = find_dep(name, dep);
	if (err && !find_line("modules.builtin", name, NULL))
		return 1;
	return err;
}

static int probe(const char *arg, const char *params, const struct mp *o)
{
	char name[256];
	struct depline dep;
	int err, i;

	if ((err = lookup(arg, name, sizeof(name), &dep)) == 1) {
		if (o->show)
			outf("builtin %s\n", name);
		return 0;
	}
	if (err) {
		if (!o->quiet)
			errf("modprobe: FATAL: Module %s not found in directory %s\n", arg, moddir);
		return 1;
	}
	/* Dependencies are listed nearest first; the deepest must go in first. */
	for (i = dep.ndeps; i >= 0; i--) {
		err = insert(i ? dep.deps[i - 1] : dep.path, i ? "" : params, o->dry, o->show);
		if (err) {
			if (!o->quiet) {
				if (i)
					modname_of(dep.deps[i - 1], name, sizeof(name));
				errf("modprobe: ERROR: could not insert '%s': %s\n", name, errtext(-err));
			}
			return 1;
		}
	}
	return 0;
}

static int rm_module(const char *name, const struct mp *o)
{
	int err;

	if (o->show)
		outf("rmmod %s\n", name);
	if (o->dry)
		return 0;
	err = sys_delete_module(name, O_NONBLOCK | (o->force ? O_TRUNC : 0));
	if (err && !o->quiet)
		errf("modprobe: ERROR: could not remove '%s': %s\n", name, errtext(-err));
	return err;
}

/* kmod's modprobe -r: the module if it is loaded and unused, then those of its dependencies
 * that nothing uses any more (kmod goes through them deepest first, reading each refcnt once). */
static int unprobe(const char *arg, const struct mp *o)
{
	char name[256], dn[256];
	struct depline dep;
	int err = lookup(arg, name, sizeof(name), &dep);

	if (err) {
		if (!o->quiet)
			errf(err == 1 ? "modprobe: FATAL: Module %s is builtin.\n" : "modprobe: FATAL: Module %s not found.\n",
			     err == 1 ? name : arg);
		return 1;
	}
	modname_of(dep.path, name, sizeof(name));
	if (!is_live(name))
		return 0;
	if (sysfs_num(name, "refcnt") > 0) {
		if (!o->quiet)
			errf("modprobe: FATAL: Module %s is in use.\n", name);
		return 1;
	}
	if (rm_module(name, o))
		return 1;
	for (int i = dep.ndeps - 1; i >= 0; i--) {
		modname_of(dep.deps[i], dn, sizeof(dn));
		if (sysfs_num(dn, "refcnt") == 0)
			rm_module(dn, o);
	}
	return 0;
}

static void set_moddir(const char *root, const char *version)
{
	struct utsname u;

	uname(&u);
	bfmt(moddir, sizeof(moddir), "%s/lib/modules/%s", root, version ? version : u.release);
}

int modprobe_main(int argc, char **argv)
{
	static const struct gopt longs[] = {
		{ "all", 0, 'a' }, { "remove", 0, 'r' }, { "wait", 1, 'w' }, { "ignore-install", 0, 'i' },
		{ "ignore-remove", 0, 'i' }, { "use-blacklist", 0, 'b' }, { "force", 0, 'f' },
		{ "dry-run", 0, 'n' }, { "show", 0, 'n' }, { "config", 1, 'C' }, { "dirname", 1, 'd' },
		{ "set-version", 1, 'S' }, { "syslog", 0, 's' }, { "quiet", 0, 'q' }, { "verbose", 0, 'v' },
		{ "version", 0, 'V' }, { "help", 0, 'h' }, { NULL, 0, 0 },
	};
	const char *root = "", *version = NULL;
	struct mp o = { 0, 0, 0, 0 };
	int all = 0, remove = 0, opt, rc = 0;
	char params[4096];

	while ((opt = gopt_next(argc, argv, "arw:ibfnC:d:S:sqvVh", longs)) != -1) {
		switch (opt) {
		case 'a': all = 1; break;
		case 'r': remove = 1; break;
		case 'f': o.force = 1; break;
		case 'n': o.dry = o.show = 1; break;
		case 'd': root = gopt_arg; break;
		case 'S': version = gopt_arg; break;
		case 'q': o.quiet = 1; break;
		case 'v': o.show = 1; break;
		case 'V':
			outs("kmod version 30 (nsbox)\n");
			return 0;
		case 'h':
			ul_usage(USAGE_TEXT(modprobe_usage), 29);
			return 0;
		case 'w': case 'i': case 'b': case 'C': case 's': break;
		default:
			return 1;
		}
	}
	if (gopt_ind >= argc) {
		errf("modprobe: ERROR: missing parameters. See -h.\n");
		return 1;
	}
	set_moddir(root, version);
	argv += gopt_ind;
	argc -= gopt_ind;
	if (remove || all) {
		for (int i = 0; i < (all ? argc : 1); i++)
			rc |= remove ? unprobe(argv[i], &o) : probe(argv[i], "", &o);
		return rc;
	}
	join_params(params, sizeof(params), argc - 1, argv + 1);
	return probe(argv[0], params, &o);
}

int insmod_main(int argc, char **argv)
{
	static const struct gopt longs[] = { { "version", 0, 'V' }, { "help", 0, 'h' }, { NULL, 0, 0 } };
	char params[4096];
	int err, opt;

	while ((opt = gopt_next(argc, argv, "psfVh", longs)) != -1) {
		if (opt == 'h' || opt == 'V') {
			outs(opt == 'h' ? USAGE_TEXT(insmod_usage) : "kmod version 30 (nsbox)\n");
			return 0;
		}
		if (opt == '?')
			return 1;
	}
	if (gopt_ind >= argc) {
		errf("insmod: ERROR: missing filename.\n");
		return 1;
	}
	join_params(params, sizeof(params), argc - gopt_ind - 1, argv + gopt_ind + 1);
	err = load_file(argv[gopt_ind], params);
	if (err) {
		/* kmod cannot make a module of a path it cannot stat: "load", not "insert". */
		errf("insmod: ERROR: could not %s module %s: %s\n", access(argv[gopt_ind], F_OK) ? "load" : "insert",
		     argv[gopt_ind], errtext(-err));
		return 1;
	}
	return 0;
}

/* kmod's check_module_inuse: 0 when rmmod may go on. */
static int in_use(const char *name)
{
	struct dir d;
	const char *h;
	char path[PATH_MAX];
	int n = 0;

	set_moddir("", NULL);
	if (!find_line("modules.builtin", name, NULL)) {
		errf("rmmod: ERROR: Module %s is builtin.\n", name);
		return 1;
	}
	if (!is_live(name)) {
		errf("rmmod: ERROR: Module %s is not currently loaded\n", name);
		return 1;
	}
	bfmt(path, sizeof(path), "/sys/module/%s/holders", name);
	if (!dir_open(&d, path)) {
		while ((h = dir_next(&d))) {
			if (!n++)
				sfmt(ERR, "rmmod: ERROR: Module %s is in use by:", name);
			sfmt(ERR, " %s", h);
		}
		dir_close(&d);
		if (n) {
			sputs(ERR, "\n");
			return 1;
		}
	}
	n = sysfs_num(name, "refcnt");
	if (n == -ENOENT)
		errf("rmmod: ERROR: Module unloading is not supported\n");
	else if (n > 0)
		errf("rmmod: ERROR: Module %s is in use\n", name);
	return n != 0;
}

int rmmod_main(int argc, char **argv)
{
	static const struct gopt longs[] = {
		{ "force", 0, 'f' }, { "syslog", 0, 's' }, { "verbose", 0, 'v' }, { "version", 0, 'V' },
		{ "wait", 0, 'w' }, { "help", 0, 'h' }, { NULL, 0, 0 },
	};
	int force = 0, opt, rc = 0, err;
	char name[256];

	while ((opt = gopt_next(argc, argv, "fsvVwh", longs)) != -1) {
		switch (opt) {
		case 'f': force = 1; break;
		case 's': case 'v': case 'w': break;
		case 'h':
			ul_usage(USAGE_TEXT(rmmod_usage), 19);
			return 0;
		case 'V':
			outs("kmod version 30 (nsbox)\n");
			return 0;
		default:
			return 1;
		}
	}
	if (gopt_ind >= argc) {
		errf("rmmod: ERROR: missing module name.\n");
		return 1;
	}
	for (int i = gopt_ind; i < argc; i++) {
		/* A path names the module by its file; a name has its dashes read as underscores. */
		if (!access(argv[i], F_OK))
			modname_of(argv[i], name, sizeof(name));
		else
			bfmt(name, sizeof(name), "%.*s", (int)strcspn(argv[i], "."), argv[i]), normalize(name);
		if (!force && in_use(name)) {
			rc = 1;
			continue;
		}
		err = sys_delete_module(name, O_NONBLOCK | (force ? O_TRUNC : 0));
		if (err) {
			errf("rmmod: ERROR: could not remove module %s: %s\n", argv[i], errtext(-err));
			rc = 1;
		}
	}
	return rc;
}

/* kmod's lsmod, from /proc/modules: name, size, use count and the modules using it. */
int lsmod_main(int argc, char **argv)
{
	struct lines f;
	char *line, *w[4], *save;
	int err, n;

	(void)argv;
	if (argc != 1) {
		errf("Usage: lsmod\n");
		return 1;
	}
	if ((err = lines_open(&f, "/proc/modules"))) {
		errf("Error: could not get list of modules: %s\n", errtext(-err));
		return 1;
	}
	outs("Module                  Size  Used by\n");
	while ((line = lines_next(&f))) {
		int32_t size = 0, use = 0;
		for (n = 0, save = line; n < 4 && (w[n] = str_word(&save, " ")); n++)
			;
		if (n < 4)
			continue;
		parse_s32(w[1], &size, 10);
		parse_s32(w[2], &use, 10);
		outf("%-19s %8d  %d", w[0], size, use);
		/* "a,b," lists the users; "-" none; [permanent] and the like are no module. */
		for (n = 0, save = w[3]; (w[3] = str_word(&save, ",")); )
			if (*w[3] != '-' && *w[3] != '[')
				outf("%c%s", n++ ? ',' : ' ', w[3]);
		outc('\n');
	}
	lines_close(&f);
	return 0;
}
