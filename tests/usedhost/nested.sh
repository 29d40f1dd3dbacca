#!/bin/sh
# The sandbox tier on a host that uses namespaces, without touching this machine: an outer
# sandbox (its own network and mount namespace, a tmpfs on /run) plays a host with containers,
# and tests/sandbox/run.sh runs inside it, so each test's sandbox is a copy of that host's mount
# table. guest.sh does it in a QEMU guest.
# Not every file: those whose commands can see what such a host adds to a sandbox (its mount
# table with the /run/netns bind and nsfs mounts, its processes and their namespaces, the PIDs
# that `netns identify`, `link set netns PID` and nsenter -t take, /proc). The others create and
# look at links, addresses and routes of their own sandbox's network namespace only, which the
# host's links do not reach; the sandbox tier runs them (the whole tier here took as long as
# the sandbox tier itself, 4 to 7 minutes, and is what took make check past 45 minutes).
# Last line: "N passed, N failed". SANDBOX_TESTS chooses files, as for the sandbox tier.
cd "$(dirname "$0")/../.." || exit 2
if [ "${1:-}" != inside ]; then
	HOST_NS=$(readlink /proc/self/ns/net) exec unshare --net --mount --propagation private -- sh "$0" inside
fi
if [ -z "$HOST_NS" ] || [ "$(readlink /proc/self/ns/net)" = "$HOST_NS" ]; then
	echo "usedhost: not in a private network namespace; refusing to run"
	echo "0 passed, 1 failed"; exit 1
fi
mount -t tmpfs none /run || { echo "0 passed, 1 failed"; exit 1; }
sh tests/usedhost/use.sh || { echo "usedhost: setting up the used host failed"; echo "0 passed, 1 failed"; exit 1; }
if [ -z "${SANDBOX_TESTS:-}" ]; then
	SANDBOX_TESTS=
	for f in netns netns_more netns_n netns_race netns_setns netns_stale seed1 seed2 seed3 \
		nsenter unshare global global_opts batch link_set tuntap concurrency monitor; do
		SANDBOX_TESTS="$SANDBOX_TESTS tests/sandbox/$f.test"
	done
	export SANDBOX_TESTS
fi
sh tests/sandbox/run.sh
rc=$?
kill "$(cat /run/usedhost.pid)" 2>/dev/null
exit $rc
