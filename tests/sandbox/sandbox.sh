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
. tests/sandbox/lib.sh
. "$1"
echo "COUNT $pass $fail"
rm -rf "$T"
