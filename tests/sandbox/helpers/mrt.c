/* mrt: a multicast routing daemon for the tests, that does nothing but hold routes. It opens
 * the multicast routing socket of a family (MRT_INIT, MRT6_INIT), in table TABLE unless 0,
 * makes a VIF of each DEV in order, adds each (S,G) with its parent VIF and the TTL of each
 * VIF (0: not forwarded), writes "ready" on stdout and waits: the kernel drops the routes when
 * the socket closes. Exit 1 with a message when a call fails.
 *   mrt 4|6 TABLE DEV... -- S G PARENT TTL,TTL,... [S G PARENT TTLS...]
 * Built statically by bridge_guest.sh for the QEMU guest. */
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/icmp6.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>

static void fail(const char *what)
{
	perror(what);
	exit(1);
}

int main(int argc, char **argv)
{
	int v6, fd, i, nvif = 0;
	unsigned table;

	if (argc < 3)
		return fprintf(stderr, "usage: mrt 4|6 TABLE DEV... -- S G PARENT TTLS...\n"), 2;
	v6 = argv[1][0] == '6';
	table = strtoul(argv[2], NULL, 0);
	fd = v6 ? socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) : socket(AF_INET, SOCK_RAW, IPPROTO_IGMP);
	if (fd < 0)
		fail("socket");
	if (table && setsockopt(fd, v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? MRT6_TABLE : MRT_TABLE, &table, sizeof(table)))
		fail("MRT_TABLE");
	i = 1;
	if (setsockopt(fd, v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? MRT6_INIT : MRT_INIT, &i, sizeof(i)))
		fail("MRT_INIT");
	for (i = 3; i < argc && strcmp(argv[i], "--"); i++, nvif++) {
		unsigned idx = if_nametoindex(argv[i]);

		if (!idx)
			fail(argv[i]);
		if (v6) {
			struct mif6ctl m;

			memset(&m, 0, sizeof(m));
			m.mif6c_mifi = nvif;
			m.mif6c_pifi = idx;
			m.vifc_threshold = 1;
			if (setsockopt(fd, IPPROTO_IPV6, MRT6_ADD_MIF, &m, sizeof(m)))
				fail("MRT6_ADD_MIF");
		} else {
			struct vifctl v;

			memset(&v, 0, sizeof(v));
			v.vifc_vifi = nvif;
			v.vifc_flags = VIFF_USE_IFINDEX;
			v.vifc_threshold = 1;
			v.vifc_lcl_ifindex = idx;
			if (setsockopt(fd, IPPROTO_IP, MRT_ADD_VIF, &v, sizeof(v)))
				fail("MRT_ADD_VIF");
		}
	}
	for (i++; i + 3 < argc; i += 4) {
		char *t = argv[i + 3];
		int k = 0;

		if (v6) {
			struct mf6cctl m;

			memset(&m, 0, sizeof(m));
			m.mf6cc_origin.sin6_family = m.mf6cc_mcastgrp.sin6_family = AF_INET6;
			if (inet_pton(AF_INET6, argv[i], &m.mf6cc_origin.sin6_addr) != 1 ||
			    inet_pton(AF_INET6, argv[i + 1], &m.mf6cc_mcastgrp.sin6_addr) != 1)
				return fprintf(stderr, "mrt: bad address\n"), 1;
			m.mf6cc_parent = atoi(argv[i + 2]);
			for (; *t; k++) {
				if (strtoul(t, &t, 0))
					IF_SET(k, &m.mf6cc_ifset);
				if (*t == ',')
					t++;
			}
			if (setsockopt(fd, IPPROTO_IPV6, MRT6_ADD_MFC, &m, sizeof(m)))
				fail("MRT6_ADD_MFC");
		} else {
			struct mfcctl m;

			memset(&m, 0, sizeof(m));
			if (inet_pton(AF_INET, argv[i], &m.mfcc_origin) != 1 ||
			    inet_pton(AF_INET, argv[i + 1], &m.mfcc_mcastgrp) != 1)
				return fprintf(stderr, "mrt: bad address\n"), 1;
			m.mfcc_parent = atoi(argv[i + 2]);
			for (; *t && k < MAXVIFS; k++) {
				m.mfcc_ttls[k] = strtoul(t, &t, 0);
				if (*t == ',')
					t++;
			}
			if (setsockopt(fd, IPPROTO_IP, MRT_ADD_MFC, &m, sizeof(m)))
				fail("MRT_ADD_MFC");
		}
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
