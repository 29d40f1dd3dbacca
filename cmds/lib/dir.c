#include <fcntl.h>
#include <stdint.h>
#include "dir.h"
#include "sys.h"

/* The kernel's record (struct linux_dirent64). */
struct dent {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

int dir_open(struct dir *d, const char *path)
{
	d->fd = sys_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	d->at = d->len = 0;
	return d->fd < 0 ? d->fd : 0;
}

const char *dir_next(struct dir *d)
{
	for (;;) {
		struct dent *e;

		if (d->at >= d->len) {
			long n = sys_getdents64(d->fd, d->buf, sizeof(d->buf));
			if (n <= 0)
				return NULL;
			d->at = 0;
			d->len = n;
		}
		e = (struct dent *)(d->buf + d->at);
		d->at += e->reclen;
		/* Not "." or "..". */
		if (e->name[0] != '.' || (e->name[1] && (e->name[1] != '.' || e->name[2])))
			return e->name;
	}
}

void dir_close(struct dir *d)
{
	if (d->fd >= 0)
		sys_close(d->fd);
	d->fd = -1;
}
