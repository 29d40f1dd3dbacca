/* Local time, as glibc's localtime gives it to iproute2, without libc's time zone code. */
#ifndef NSBOX_TZ_H
#define NSBOX_TZ_H

#include <time.h>

/* t (seconds since the epoch) broken down in the local zone: TZ (a leading ':' dropped; a zone
 * file, absolute or under TZDIR or /usr/share/zoneinfo, else a POSIX rule such as
 * EST5EDT,M3.2.0,M11.1.0), else /etc/localtime; UTC when none of them reads. Without
 * NSBOX_FEATURE_LOCALTIME, always UTC. Sets every field but tm_zone. */
void tm_local(long long t, struct tm *tm);
#ifdef NSBOX_UNIT_TEST
void tz_reset(void);   /* read TZ again at the next call */
#endif

#endif
