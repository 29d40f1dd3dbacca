/* The names in a directory, in readdir order, without opendir's malloc. */
#ifndef NSBOX_DIR_H
#define NSBOX_DIR_H

#include <stddef.h>

struct dir {
	int fd;
	size_t at, len;
	char buf[2048];
};

/* 0, or -errno. */
int dir_open(struct dir *d, const char *path);
/* The next name other than "." and "..", valid until the next call; NULL at the end. */
const char *dir_next(struct dir *d);
void dir_close(struct dir *d);

#endif
