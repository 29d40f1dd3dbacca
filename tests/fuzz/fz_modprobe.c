/* modprobe's readers of modules.dep, modules.alias and modules.builtin (cmds/modprobe.c and
 * the line reader, cmds/lib/lines.c), dry run (-n): nothing is loaded or removed. Input: an options
 * byte (bit 0 -r, bit 1 -a, bit 2 -q, bit 3 a parameter), then the name, modules.dep,
 * modules.alias and modules.builtin, separated by NUL bytes. The files go to a directory of
 * this process's own, on /dev/shm where there is one: three files written per run on a disk
 * /tmp held the target to about 900 runs/s, on tmpfs it makes some 20,000. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fuzz.h"

int modprobe_main(int, char **);

static char root[64], dir[128];

static void put(const char *file, const char *data, size_t len)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	FZ_ASSERT(fd >= 0);
	FZ_ASSERT(write(fd, data, len) == (ssize_t)len);
	close(fd);
}

static void cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	if (system(cmd))
		return;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char *argv[16], *words[5];
	const char *p, *end;
	static char *copy;
	int argc = 0, opt, n;

	if (len < 2)
		return 0;
	if (!root[0]) {
		static const char *const parts[] = { "", "/lib", "/lib/modules", "/lib/modules/v" };
		char path[256];

		struct stat st;

		snprintf(root, sizeof(root), "%s/nsbox-fuzz-modprobe.%d",
			 stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp", (int)getpid());
		snprintf(dir, sizeof(dir), "%s/lib/modules/v", root);
		for (int i = 0; i < 4; i++) {
			snprintf(path, sizeof(path), "%s%s", root, parts[i]);
			mkdir(path, 0755);
		}
		atexit(cleanup);
	}
	opt = data[0];
	free(copy);
	copy = malloc(len);
	FZ_ASSERT(copy);
	memcpy(copy, data + 1, len - 1);
	copy[len - 1] = 0;
	/* Four parts; missing ones are empty. */
	p = copy, end = copy + len - 1;
	for (n = 0; n < 4; n++) {
		words[n] = (char *)p;
		p += strlen(p);
		if (p < end)
			p++;
	}
	put("modules.dep", words[1], strlen(words[1]));
	put("modules.alias", words[2], strlen(words[2]));
	put("modules.builtin", words[3], strlen(words[3]));
	argv[argc++] = "modprobe";
	argv[argc++] = "-n";
	argv[argc++] = "-d";
	argv[argc++] = root;
	argv[argc++] = "-S";
	argv[argc++] = "v";
	if (opt & 1)
		argv[argc++] = "-r";
	if (opt & 2)
		argv[argc++] = "-a";
	if (opt & 4)
		argv[argc++] = "-q";
	argv[argc++] = "--";
	argv[argc++] = words[0];
	if (opt & 8)
		argv[argc++] = opt & 2 ? words[0] : "p=1";
	argv[argc] = NULL;
	fz_reset();
	fz_call(modprobe_main, argc, argv);
	return 0;
}
