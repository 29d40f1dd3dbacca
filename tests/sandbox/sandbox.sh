#!/bin/sh
# Runs one .test file inside the sandbox that run.sh made. Refuses to run anything when this
# is still the host's network namespace.
if [ -z "$HOST_NS" ] || [ "$(readlink /proc/self/ns/net)" = "$HOST_NS" ]; then
	echo "sandbox.sh: not in a private network namespace; refusing to run"
	exit 99
fi
mount -t tmpfs none /run || exit 98
cd "$TOP" || exit 97
T=$(mktemp -d)
# The mounts that were there before the test: the host's own (/run/netns binds and nsfs mounts of
# a host that uses namespaces are still listed under our tmpfs) and ours. newmounts (lib.sh) leaves
# them out.
cut -d" " -f1 /proc/self/mountinfo >"$T/mounts0"
. tests/sandbox/lib.sh
. "$1"
echo "COUNT $pass $fail"
rm -rf "$T"
