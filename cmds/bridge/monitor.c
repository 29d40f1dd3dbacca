/* bridge monitor: link, fdb, mdb and vlan notifications (or a file of them, as rtmon writes),
 * printed as iproute2 6.1's bridge monitor does: text only, one flushed record per event. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <linux/rtnetlink.h>
#include "lib.h"
#include "mon_source.h"
#include "out.h"
#include "sys.h"
#include "tz.h"
#include "rtnl_mon.h"
#include "br.h"
#include "ip_print.h"

/* iproute2's record type for the time stamps rtmon writes into its files. */
#define NLMSG_TSTAMP 15

NSBOX_USAGE(monitor_usage, "Usage: bridge monitor [file | link | fdb | mdb | vlan | vni | all]\n");

/* "Timestamp: " and asctime's words in local time (UTC without NSBOX_FEATURE_LOCALTIME, as
 * ip monitor), then usec: "usec" for -t, "us" for rtmon's NLMSG_TSTAMP records. */
static void timestamp(time_t t, unsigned long usec, const char *unit)
{
	static const char wdays[] = "SunMonTueWedThuFriSat", months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	struct tm tm;

	tm_local(t, &tm);
	outf("Timestamp: %.3s %.3s%3d %02d:%02d:%02d %d %lu %s\n", wdays + 3 * (tm.tm_wday % 7),
	     months + 3 * (tm.tm_mon % 12), tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900,
	     usec, unit);
}

static int accept_msg(const struct nlmsghdr *h, int nsid)
{
	int ret = 0;

	(void)nsid;

	switch (h->nlmsg_type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
	case RTM_NEWMDB:
	case RTM_DELMDB:
	case RTM_NEWVLAN:
	case RTM_DELVLAN:
		break;
	case NLMSG_TSTAMP: {
		uint32_t t[2] = { 0, 0 };

		memcpy(t, nlmsg_data(h), nlmsg_payload(h) < sizeof(t) ? nlmsg_payload(h) : sizeof(t));
		timestamp((time_t)t[0], t[1], "us");
		return 0;
	}
	default:
		return 0;
	}
	if (br_timestamp) {
		struct timeval tv;

		gettimeofday(&tv, NULL);
		timestamp(tv.tv_sec, (unsigned long)tv.tv_usec, "usec");
	}
	if (h->nlmsg_type == RTM_NEWLINK || h->nlmsg_type == RTM_DELLINK)
		ret = br_print_link(h);
	else if (h->nlmsg_type == RTM_NEWNEIGH || h->nlmsg_type == RTM_DELNEIGH)
		ret = br_print_fdb(h);
	else if (h->nlmsg_type == RTM_NEWMDB || h->nlmsg_type == RTM_DELMDB)
		ret = br_print_mdb_mon(h);
	else
		ret = br_print_vlan_rtm(h, 1, 0);
	out_flush();
	return ret;
}

int br_do_monitor(int argc, char **argv)
{
	static struct nlsock sk;
	const char *file = NULL;
	int all = 1, link = 0, neigh = 0, mdb = 0, vlan = 0, err;

	for (; argc > 0; argc--, argv++) {
		/* vni and all are whole words */
		int w = br_match("1file\0" "1link\0" "1fdb\0" "1mdb\0" "1vlan\0" "3vni\0" "3all\0" "1help\0", *argv);

		if (w == 0) {
			BR_NEXT_ARG();
			file = *argv;
		} else if (w == 1) {
			link = 1, all = 0;
		} else if (w == 2) {
			neigh = 1, all = 0;
		} else if (w == 3) {
			mdb = 1, all = 0;
		} else if (w == 4) {
			vlan = 1, all = 0;
		} else if (w == 5) {
			ip_fail(1, "bridge monitor vni: not implemented in nsbox (no bridge vni)\n");
		} else if (w == 6) {
			all = 1, vlan = 1, br_banner = 1;
		} else if (w == 7) {
			br_usage(monitor_usage);
		} else {
			die(255, "Argument \"%s\" is unknown, try \"bridge monitor help\".\n", *argv);
		}
	}
	/* iproute2's monitor prints text whatever -j says (it opens no JSON writer). */
	ipo.json = 0;
	if (file)
		return rtmon_file_read(file, accept_msg, 255);
	if ((err = rtnl_mon_open(&sk)))
		die(1, "Cannot open netlink socket: %s\n", errtext(err));
	/* Without a selection: every legacy group but RTMGRP_TC, as iproute2 binds them. */
	for (unsigned g = 1; all && g <= 32; g++)
		if (g != RTNLGRP_TC && (err = rtnl_mon_join(&sk, g)) && err != -EINVAL)
			die(1, "Cannot join multicast group %u: %s\n", g, errtext(err));
	if ((link && (err = rtnl_mon_join(&sk, RTNLGRP_LINK))) || (neigh && (err = rtnl_mon_join(&sk, RTNLGRP_NEIGH))) ||
	    (mdb && (err = rtnl_mon_join(&sk, RTNLGRP_MDB))))
		die(1, "Cannot join multicast group: %s\n", errtext(err));
	if (vlan && rtnl_mon_join(&sk, RTNLGRP_BRVLAN) < 0)
		die(1, "Failed to add bridge vlan group to list\n");
	return mon_listen(&sk, accept_msg);
}
