#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "lines.h"
#include "sys.h"

int lines_open(struct lines *l, const char *path)
{
	l->fd = sys_open(path, O_RDONLY | O_CLOEXEC, 0);
	l->skip = 0;
	l->at = l->end = 0;
	return l->fd < 0 ? l->fd : 0;
}

void lines_close(struct lines *l)
{
	if (l->fd >= 0)
		sys_close(l->fd);
	l->fd = -1;
}

char *lines_next(struct lines *l)
{
	for (;;) {
		char *s = l->buf + l->at, *nl = memchr(s, '\n', l->end - l->at);
		ssize_t n;

		if (nl) {
			*nl = 0;
			l->at = nl + 1 - l->buf;
			if (!l->skip)
				return s;
			l->skip = 0;
			continue;
		}
		if (l->at == 0 && l->end == LINE_MAX_LEN) {
			l->end = 0;
			if (!l->skip) {
				l->skip = 1;
				l->buf[LINE_MAX_LEN] = 0;
				return l->buf;
			}
			continue;
		}
		memmove(l->buf, s, l->end - l->at);
		l->end -= l->at;
		l->at = 0;
		do
			n = read(l->fd, l->buf + l->end, LINE_MAX_LEN - l->end);
		while (n < 0 && errno == EINTR);
		if (n <= 0) {
			/* A last line without a newline. */
			if (!l->end || l->skip)
				return NULL;
			l->buf[l->end] = 0;
			l->at = l->end = 0;
			l->skip = 0;
			return l->buf;
		}
		l->end += n;
	}
}
