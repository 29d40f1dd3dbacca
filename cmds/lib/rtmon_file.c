#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "lib.h"
#include "sys.h"
#include "rtmon_file.h"

static ssize_t read_full(int fd, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, (char *)buf + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/* Headers and bodies read back to back, as iproute2 does; a bad length stops the reading with fail. */
int rtmon_file_read(const char *path, int (*accept)(const struct nlmsghdr *h), int fail)
{
	static char buf[16384] __attribute__((aligned(4)));
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	long pos = 0;
	ssize_t n;
	int fd = sys_open(path, O_RDONLY | O_CLOEXEC, 0), rc = fail;

	if (fd < 0)
		die(255, "Cannot fopen: %s\n", errtext(-fd));
	for (;;) {
		size_t body;

		if ((n = read_full(fd, buf, sizeof(*h))) == 0) {
			rc = 0;
			break;
		}
		if (n != sizeof(*h))
			goto short_read;
		pos += n;
		if (h->nlmsg_len < sizeof(*h) || h->nlmsg_len > sizeof(buf)) {
			errf("!!!malformed message: len=%d @%ld\n", (int)h->nlmsg_len, pos);
			break;
		}
		body = NLMSG_ALIGN(h->nlmsg_len - sizeof(*h));
		if ((n = read_full(fd, buf + sizeof(*h), body)) != (ssize_t)body)
			goto short_read;
		pos += n;
		if (accept(h) < 0)
			break;
	}
	sys_close(fd);
	return rc;
short_read:
	errf(n < 0 ? "rtnl_from_file: fread: %s\n" : "rtnl-from_file: truncated message\n", errtext(-(int)n));
	sys_close(fd);
	return fail;
}
