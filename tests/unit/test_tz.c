/* cmds/lib/tz.c: tm_local against glibc's localtime_r (iproute2's), zone by zone (files of
 * /usr/share/zoneinfo with their POSIX footers, zones bound over nothing, POSIX rule strings),
 * over times from 1970 to 2100 (glibc applies no POSIX rule before 1970), and at each side of
 * every change of a zone's offset; and values written out, for POSIX rules, wherever it runs. */
#include <time.h>
#include "tz.h"
#include "unit.h"

static const char *const zones[] = {
	"UTC", "Asia/Kolkata", "Africa/Casablanca", "America/Nuuk", "Antarctica/Troll", "America/St_Johns", "Asia/Kathmandu", "Europe/Paris", "Australia/Sydney",
	"America/New_York", "Pacific/Chatham", "Europe/Dublin", "Australia/Lord_Howe", "America/Santiago",
	"Pacific/Auckland", ":Europe/Berlin", "EST5EDT", "EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30",
	"NZST-12NZDT,M9.5.0,M4.1.0/3", "AAA3BBB,J60/2,300/3", "CCC-2DDD-3,M3.5.0/-1,M10.5.0/25",
	"EEE+05:30", "", "Nowhere/Nothing", NULL
};

static int same(const struct tm *a, const struct tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon && a->tm_mday == b->tm_mday &&
	       a->tm_hour == b->tm_hour && a->tm_min == b->tm_min && a->tm_sec == b->tm_sec &&
	       a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday && a->tm_isdst == b->tm_isdst;
}

static int check(const char *zone, long long t)
{
	struct tm want, got;
	time_t tt = (time_t)t;

	if (!localtime_r(&tt, &want))
		return 0;
	tm_local(t, &got);
	if (same(&want, &got))
		return 0;
	print_message("TZ=%s t=%lld: %04d-%02d-%02d %02d:%02d:%02d dst %d, libc %04d-%02d-%02d %02d:%02d:%02d dst %d\n",
		      zone, t, got.tm_year + 1900, got.tm_mon + 1, got.tm_mday, got.tm_hour, got.tm_min,
		      got.tm_sec, got.tm_isdst, want.tm_year + 1900, want.tm_mon + 1, want.tm_mday,
		      want.tm_hour, want.tm_min, want.tm_sec, want.tm_isdst);
	return 1;
}

static void tz_like_libc(void **state)
{
	int bad = 0;

	(void)state;
#ifndef __GLIBC__
	/* Another C library reads TZ its own way (musl takes EST5EDT as a rule, not as the file of
	 * that name): what nsbox follows is glibc's, which iproute2 uses. */
	skip();
#endif
	for (int i = 0; zones[i]; i++) {
		setenv("TZ", zones[i], 1);
		tzset();
		tz_reset();
		long long prev = 0;
		struct tm a;
		for (long long t = 0LL; t < 4102444800LL && bad < 20; t += 86400LL * 3 + 3607) {
			bad += check(zones[i], t);
			/* each side of a change of the offset */
			time_t tt = (time_t)t;
			localtime_r(&tt, &a);
			long off = a.tm_gmtoff;
			if (t != 0LL && off != prev)
				for (long long u = t - 86400LL * 3 - 3607; u <= t; u += 900)
					bad += check(zones[i], u);
			prev = off;
		}
	}
	unsetenv("TZ");
	tzset();
	tz_reset();
	for (long long t = 0; t < 4102444800LL && bad < 20; t += 86400LL * 37 + 11)
		bad += check("unset", t);
	assert_int_equal(bad, 0);
}

static void expect(const char *zone, long long t, const char *want)
{
	struct tm tm;
	char got[128];

	setenv("TZ", zone, 1);
	tz_reset();
	tm_local(t, &tm);
	snprintf(got, sizeof(got), "%04d-%02d-%02d %02d:%02d:%02d %d %d %d", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday,
		 tm.tm_isdst);
	if (strcmp(got, want))
		fail_msg("TZ=%s t=%lld: %s, want %s", zone, t, got, want);
}

/* POSIX rules (no file has these names), UTC and the calendar's corners. */
static void tz_values(void **state)
{
	(void)state;
	expect("EST5EDT,M3.2.0,M11.1.0", 1782000000LL, "2026-06-20 20:00:00 6 170 1");
	expect("EST5EDT,M3.2.0,M11.1.0", 1767225600LL, "2025-12-31 19:00:00 3 364 0");
	expect("EST5EDT,M3.2.0,M11.1.0", 1773558000LL, "2026-03-15 03:00:00 0 73 1");
	expect("NZST-12NZDT,M9.5.0,M4.1.0/3", 1767225600LL, "2026-01-01 13:00:00 4 0 1");
	expect("NZST-12NZDT,M9.5.0,M4.1.0/3", 1782000000LL, "2026-06-21 12:00:00 0 171 0");
	expect("<+0330>-3:30", 0, "1970-01-01 03:30:00 4 0 0");
	expect("", 951782400LL, "2000-02-29 00:00:00 2 59 0");
	expect("", 4107542399LL, "2100-02-28 23:59:59 0 58 0");
	expect("", 4107542400LL, "2100-03-01 00:00:00 1 59 0");
	expect(":UTC0", -1, "1969-12-31 23:59:59 3 364 0");
	unsetenv("TZ");
	tz_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tz_values),
		cmocka_unit_test(tz_like_libc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
