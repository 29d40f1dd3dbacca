/* Local time from zone files (RFC 8536) and POSIX TZ rules (see tz.h). musl's localtime costs
 * 6 KiB of a static binary (its zone code, malloc and locks); this is a fraction of that. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "out.h"
#include "tz.h"

struct rule {                   /* a POSIX TZ string: offsets in seconds west of UTC */
	long std, dst;
	int has_dst;
	struct {
		char kind;              /* 'J' (1-365, no Feb 29), 'D' (0-365), 'M' (month.week.day) */
		int m, w, d;
		long at;                /* local time of day of the change, seconds */
	} r[2];
};

static struct {
	int ready;
	const unsigned char *trans, *idx, *types;
	uint32_t ntrans, ntypes;
	int tsize;
	int has_rule;
	struct rule rule;
} z;
static unsigned char zbuf[16384];

static long long days_of(long long y, unsigned m, unsigned d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil(long long t, struct tm *tm)
{
	long long days = t / 86400, s = t % 86400;

	if (s < 0)
		s += 86400, days--;
	tm->tm_hour = (int)(s / 3600);
	tm->tm_min = (int)(s / 60 % 60);
	tm->tm_sec = (int)(s % 60);
	tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);
	long long e = days + 719468;
	long long era = (e >= 0 ? e : e - 146096) / 146097;
	unsigned doe = (unsigned)(e - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;
	long long y = yoe + era * 400 + (m <= 2);

	tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	tm->tm_mon = (int)m - 1;
	tm->tm_year = (int)(y - 1900);
	tm->tm_yday = (int)(days - days_of(y, 1, 1));
}

static const char *num(const char *s, long *v)
{
	long n = 0;

	if ((unsigned)(*s - '0') > 9)
		return NULL;
	while ((unsigned)(*s - '0') <= 9)
		n = n * 10 + (*s++ - '0');
	*v = n;
	return s;
}

/* [+-]hh[:mm[:ss]] into seconds. */
static const char *hms(const char *s, long *v)
{
	long sign = 1, h, part;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	if (!(s = num(s, &h)))
		return NULL;
	h *= 3600;
	for (long unit = 60; *s == ':' && unit; unit = unit == 60 ? 1 : 0) {
		if (!(s = num(s + 1, &part)))
			return NULL;
		h += part * unit;
	}
	*v = sign * h;
	return s;
}

/* A zone's name: three letters or more, or <anything but '>'>. */
static const char *name(const char *s)
{
	const char *b = s;

	if (*s == '<') {
		while (*s && *s != '>')
			s++;
		return *s ? s + 1 : NULL;
	}
	while (((unsigned)(*s | 0x20) - 'a') < 26u)
		s++;
	return s - b >= 3 ? s : NULL;
}

static const char *change(const char *s, int i, struct rule *r)
{
	long v;

	r->r[i].at = 7200;
	if (*s == 'M') {
		long m, w, d;

		if (!(s = num(s + 1, &m)) || *s != '.' || !(s = num(s + 1, &w)) || *s != '.' ||
		    !(s = num(s + 1, &d)) || m < 1 || m > 12 || w < 1 || w > 5 || d > 6)
			return NULL;
		r->r[i].kind = 'M', r->r[i].m = (int)m, r->r[i].w = (int)w, r->r[i].d = (int)d;
	} else {
		r->r[i].kind = *s == 'J' ? 'J' : 'D';
		if (!(s = num(s + (*s == 'J'), &v)) || v > 365)
			return NULL;
		r->r[i].d = (int)v;
	}
	if (*s == '/' && !(s = hms(s + 1, &r->r[i].at)))
		return NULL;
	return s;
}

static int posix_rule(const char *s, struct rule *r)
{
	memset(r, 0, sizeof(*r));
	if (!(s = name(s)) || !(s = hms(s, &r->std)))
		return -1;
	if (!*s)
		return 0;
	if (!(s = name(s)))
		return -1;
	r->has_dst = 1;
	r->dst = r->std - 3600;
	if (*s && *s != ',' && !(s = hms(s, &r->dst)))
		return -1;
	if (!*s)
		s = ",M3.2.0,M11.1.0";
	if (*s != ',' || !(s = change(s + 1, 0, r)) || *s != ',' || !(s = change(s + 1, 1, r)))
		return -1;
	return *s ? -1 : 0;
}

/* The change i of rule r in year y, in seconds since the epoch; west is the offset before it. */
static long long change_at(const struct rule *r, int i, long long y, long west)
{
	long long day = days_of(y, 1, 1);
	int leap = days_of(y + 1, 1, 1) - day == 366;

	if (r->r[i].kind == 'J')
		day += r->r[i].d - 1 + (leap && r->r[i].d >= 60);
	else if (r->r[i].kind == 'D')
		day += r->r[i].d;
	else {
		long long first = days_of(y, (unsigned)r->r[i].m, 1);
		long long end = r->r[i].m == 12 ? days_of(y + 1, 1, 1) : days_of(y, (unsigned)r->r[i].m + 1, 1);

		day = first + ((r->r[i].d - (first + 4) % 7) + 7) % 7 + 7 * (r->r[i].w - 1);
		while (day >= end)
			day -= 7;
	}
	return day * 86400 + r->r[i].at + west;
}

/* Seconds east of UTC at t under rule r, and whether that is summer time. */
static long rule_east(const struct rule *r, long long t, int *dst)
{
	struct tm tm;

	*dst = 0;
	if (!r->has_dst)
		return -r->std;
	civil(t - r->std, &tm);
	long long y = tm.tm_year + 1900LL;
	long long a = change_at(r, 0, y, r->std), b = change_at(r, 1, y, r->dst);

	*dst = a < b ? t >= a && t < b : !(t >= b && t < a);
	return -(*dst ? r->dst : r->std);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static long long trans_at(uint32_t i)
{
	const unsigned char *p = z.trans + (size_t)i * (size_t)z.tsize;

	uint64_t u;

	if (z.tsize == 4)
		return (int32_t)be32(p);
	u = (uint64_t)be32(p) << 32 | be32(p + 4);
	return u >> 63 ? -(long long)~u - 1 : (long long)u;
}

/* A zone file into z: 0, or -1 when it cannot be read or is not one. */
static int zone_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t n = 0, at = 0;
	ssize_t k;

	if (fd < 0)
		return -1;
	while (n < sizeof(zbuf) && (k = read(fd, zbuf + n, sizeof(zbuf) - n)) > 0)
		n += (size_t)k;
	close(fd);
	for (int pass = 0; pass < 2; pass++) {
		const unsigned char *h = zbuf + at;

		if (n < at + 44 || memcmp(h, "TZif", 4))
			return -1;
		uint32_t c[6];

		for (int i = 0; i < 6; i++)
			c[i] = be32(h + 20 + 4 * i);   /* isut, isstd, leap, time, type, char */
		size_t ts = pass ? 8 : 4;
		if (c[3] > 4096 || c[4] > 256 || c[5] > 4096 || c[2] > 1024)
			return -1;
		size_t body = c[3] * (ts + 1) + c[4] * 6 + c[5] + c[2] * (ts + 4) + c[1] + c[0];

		if (n < at + 44 + body || !c[4])
			return -1;
		z.trans = h + 44, z.idx = z.trans + c[3] * ts, z.types = z.idx + c[3];
		z.ntrans = c[3], z.ntypes = c[4], z.tsize = (int)ts;
		for (uint32_t i = 0; i < c[3]; i++)
			if (z.idx[i] >= c[4])
				return -1;
		at += 44 + body;
		if (pass || h[4] < '2')
			break;
	}
	/* Version 2 and on: a POSIX rule for the times after the last change, between newlines. */
	if (z.tsize == 8 && at < n && zbuf[at] == '\n') {
		char *e = memchr(zbuf + at + 1, '\n', n - at - 1);

		if (e) {
			*e = 0;
			z.has_rule = !posix_rule((char *)zbuf + at + 1, &z.rule);
		}
	}
	return 0;
}

static void zone(void)
{
	const char *tz = getenv("TZ"), *dir = getenv("TZDIR");
	char path[512];

	z.ready = 1;
	if (!tz)
		tz = "/etc/localtime";
	if (*tz == ':')
		tz++;
	if (!*tz)
		return;
	if (*tz != '/')
		bfmt(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", tz);
	if (!zone_file(*tz == '/' ? tz : path))
		return;
	z.ntrans = z.ntypes = 0;
	z.has_rule = !posix_rule(tz, &z.rule);
}

void tm_local(long long t, struct tm *tm)
{
	long east = 0;
	int dst = 0;

	memset(tm, 0, sizeof(*tm));
	if (NSBOX_FEATURE_LOCALTIME) {
		if (!z.ready)
			zone();
		if (z.ntypes && (!z.has_rule || (z.ntrans && t < trans_at(z.ntrans - 1)))) {
			uint32_t lo = 0, hi = z.ntrans;
			const unsigned char *ty = z.types;

			while (lo < hi) {               /* the last change at or before t */
				uint32_t mid = lo + (hi - lo) / 2;

				if (trans_at(mid) <= t)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo)
				ty += 6 * z.idx[lo - 1];
			east = (int32_t)be32(ty);
			dst = ty[4];
		} else if (z.has_rule)
			east = rule_east(&z.rule, t, &dst);
	}
	civil(t + east, tm);
	tm->tm_isdst = dst;
}

#ifdef NSBOX_UNIT_TEST
void tz_reset(void)
{
	memset(&z, 0, sizeof(z));
}
#endif
