/* The multicall entry: the applet is argv[0]'s basename, or `nsbox APPLET ARGS`. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib.h"
#include "out.h"

#undef APPLET
#define APPLET(name, fn) int fn(int, char **);
#include "applets.h"
#undef APPLET

struct applet {
	const char *name;
	int (*main)(int, char **);
};

static const struct applet applets[] = {
#define APPLET(name, fn) { #name, fn },
#include "applets.h"
#undef APPLET
	{ NULL, NULL }   /* a configuration may select no applet at all */
};

NSBOX_USAGE(usage,
	"Usage: nsbox APPLET [ARGS...]\n"
	"       nsbox --list\n"
	"       nsbox --install [-s] DIR\n"
	"Or run through a link named after the applet.\n"
	"`nsbox APPLET --help` prints what `APPLET --help` prints.\n");

/* The usage, then the applets compiled in, wrapped as BusyBox wraps its list. */
static void help(struct sink *fd)
{
	size_t col = 80;

	sputs(fd, USAGE_TEXT(usage));
	sputs(fd, "\nApplets:");
	for (size_t i = 0; applets[i].name; i++) {
		size_t n = strlen(applets[i].name);
		if (col + n + 2 > 78) {
			sputs(fd, "\n\t");
			col = 8;
		} else {
			sputs(fd, " ");
			col++;
		}
		sputs(fd, applets[i].name);
		col += n;
		if (applets[i + 1].name) {
			sputs(fd, ",");
			col++;
		}
	}
	sputs(fd, "\n");
}

static const struct applet *find(const char *name)
{
	for (size_t i = 0; applets[i].name; i++)
		if (!strcmp(applets[i].name, name))
			return &applets[i];
	return NULL;
}

/* Messages as msg() words them (applet_name is "nsbox" here), through errf: a build whose
 * applets never call msg() leaves it out. */
static int install(int symlinks, const char *dir)
{
	char self[PATH_MAX], path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int rc = 0;

	if (n < 0) {
		errf("nsbox: cannot read /proc/self/exe: %s\n", errtext(errno));
		return 1;
	}
	self[n] = 0;
	for (size_t i = 0; applets[i].name; i++) {
		if ((size_t)bfmt(path, sizeof(path), "%s/%s", dir, applets[i].name) >= sizeof(path)) {
			errf("nsbox: %s/%s: name too long\n", dir, applets[i].name);
			rc = 1;
			continue;
		}
		unlink(path);
		if ((symlinks ? symlink(self, path) : link(self, path)) < 0) {
			errf("nsbox: cannot create %s: %s\n", path, errtext(errno));
			rc = 1;
		}
	}
	return rc;
}

static int run(int argc, char **argv)
{
	const char *base = argc > 0 ? argv[0] : "nsbox";
	const struct applet *a;

	/* The basename, without libc's strrchr and the memrchr it brings. */
	for (const char *p = base; *p; p++)
		if (*p == '/')
			base = p + 1;
	if (!strcmp(base, "nsbox")) {
		/* `nsbox APPLET ARGS`: as if run by the name APPLET. */
			if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
			help(argc < 2 ? ERR : OUT);
			return argc < 2 ? 1 : 0;
		}
		if (!strcmp(argv[1], "--list")) {
			for (size_t i = 0; applets[i].name; i++)
				outf("%s\n", applets[i].name);
			return 0;
		}
		if (!strcmp(argv[1], "--install")) {
			int s = argc > 2 && !strcmp(argv[2], "-s");
			if (argc != 3 + s) {
				sputs(ERR, USAGE_TEXT(usage));
				return 1;
			}
			return install(s, argv[2 + s]);
		}
		base = *++argv;
		argc--;
	}
	a = find(base);
	if (!a) {
		sfmt(ERR, "nsbox: applet not found: %s\n", base);
		return 1;
	}
	applet_name = a->name;
	return a->main(argc, argv);
}

int main(int argc, char **argv)
{
	out_exit(run(argc, argv));
}
