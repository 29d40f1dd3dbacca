#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "lib.h"
#include "sys.h"
#include "rtnl_mon.h"
#include "mon_source.h"

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
int rtmon_file_read(const char *path, mon_accept_fn accept, int fail)
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
		if (accept(h, -1) < 0)
			break;
	}
	sys_close(fd);
	return rc;
short_read:
	errf(n < 0 ? "rtnl_from_file: fread: %s\n" : "rtnl-from_file: truncated message\n", errtext(-(int)n));
	sys_close(fd);
	return fail;
}

int mon_listen(struct nlsock *sk, mon_accept_fn accept)
{
	for (;;) {
		const struct nlmsghdr *h;
		int nsid, trunc;
		ssize_t n = rtnl_mon_recv(sk, &nsid, &trunc);
		size_t left;

		if (n == -EINTR || n == -EAGAIN)
			continue;
		if (n < 0) {
			errf("netlink receive error %s (%d)\n", errtext((int)-n), (int)-n);
			if (n == -ENOBUFS)
				continue;
			return 2;
		}
		if (n == 0) {
			errf("EOF on netlink\n");
			return 2;
		}
		for (h = (const void *)sk->rx, left = (size_t)n; left >= sizeof(*h); h = nlmsg_next(h, &left)) {
			if (!nlmsg_ok(h, left)) {
				if (trunc) {
					errf("Truncated message\n");
					return 2;
				}
				die(1, "!!!malformed message: len=%d\n", (int)h->nlmsg_len);
			}
			if (accept(h, nsid) < 0)
				return 2;
		}
		if (trunc)
			errf("Message truncated\n");
		else if (left)
			die(1, "!!!Remnant of size %d\n", (int)left);
	}
}
