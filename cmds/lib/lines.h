/* Reading a text file line by line over read(2). */
#ifndef NSBOX_LINES_H
#define NSBOX_LINES_H

#include <stddef.h>

#define LINE_MAX_LEN 4095

struct lines {
	int fd;
	int skip;           /* the rest of a line cut at LINE_MAX_LEN is being dropped */
	size_t at, end;
	char buf[LINE_MAX_LEN + 1];
};

/* 0, or -errno when the file cannot be opened. */
int lines_open(struct lines *l, const char *path);
/* The next line without its newline, NUL-terminated, valid until the next call; a longer line
 * is cut to LINE_MAX_LEN bytes. NULL at the end of the file or on a read error. */
char *lines_next(struct lines *l);
void lines_close(struct lines *l);

#endif
