#!/bin/sh
# The sandbox tier on a host that uses namespaces, without touching this machine: an outer
# sandbox (its own network and mount namespace, a tmpfs on /run) plays a host with containers,
# and tests/sandbox/run.sh runs inside it, so each test's sandbox is a copy of that host's mount
# table. guest.sh does it in a QEMU guest.
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
sh tests/sandbox/run.sh
rc=$?
kill "$(cat /run/usedhost.pid)" 2>/dev/null
exit $rc
