/* kernel-if/tun.c's sysfs reader (the ioctls are exercised in tests/sandbox/tuntap.test, in a
 * namespace of its own: they would make devices here). Reads this host's /sys/class/net/lo,
 * which only the absence of sysfs takes away (then the reads that need it are skipped). */
#include <sys/stat.h>
#include "tun.h"
#include "unit.h"

static int have_lo(void)
{
	struct stat st;

	return stat("/sys/class/net/lo/ifindex", &st) == 0;
}

static void test_read(void **state)
{
	char text[80];
	int n;

	(void)state;
	if (!have_lo())
		skip();
	n = tun_sysfs_read("lo", "ifindex", text, sizeof(text));
	assert_true(n >= 1);
	assert_int_equal((int)strlen(text), n);
	assert_null(strchr(text, '\n'));
	/* The type of a loopback device: 772 (ARPHRD_LOOPBACK), as sysfs writes it. */
	assert_int_equal(tun_sysfs_read("lo", "type", text, sizeof(text)), 3);
	assert_string_equal(text, "772");
	/* A buffer too small: cut, still terminated. */
	assert_int_equal(tun_sysfs_read("lo", "type", text, 3), 2);
	assert_string_equal(text, "77");
	assert_int_equal(tun_sysfs_read("lo", "type", text, 1), 0);
	assert_string_equal(text, "");
}

static void test_errors(void **state)
{
	char text[16], longname[200];

	(void)state;
	assert_int_equal(tun_sysfs_read("nsbox-no-such-dev", "tun_flags", text, sizeof(text)), -ENOENT);
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_int_equal(tun_sysfs_read(longname, "tun_flags", text, sizeof(text)), -ENAMETOOLONG);
	assert_int_equal(tun_sysfs_read("lo", longname, text, sizeof(text)), -ENAMETOOLONG);
	assert_int_equal(tun_sysfs_read("lo", "type", text, 0), -EINVAL);
}

int main(void)
{
	static struct suite s;

	ADD(&s, test_read);
	ADD(&s, test_errors);
	return suite_run(&s, "tun");
}
