#!/bin/sh
# Sandbox tier: each tests/sandbox/*.test runs in its own throwaway network and mount
# namespace (unshare --net --mount --propagation private) with a tmpfs on /run.
# Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
host_ns=$(readlink /proc/self/ns/net)
tp=0; tf=0
[ -x "${NSBOX_B:-build}/nsbox" ] || { echo "${NSBOX_B:-build}/nsbox missing"; echo "0 passed, 1 failed"; exit 1; }
for f in ${SANDBOX_TESTS:-tests/sandbox/*.test}; do
	out=$(mktemp)
	HOST_NS=$host_ns TOP=$top timeout 300 unshare --net --mount --propagation private -- \
		sh tests/sandbox/sandbox.sh "$f" >"$out" 2>&1
	rc=$?
	grep -v '^COUNT ' "$out" | grep -v '^PASS: ' 
	count=$(grep '^COUNT ' "$out" | tail -n 1)
	p=$(grep -c '^PASS: ' "$out")
	rm -f "$out"
	if [ -z "$count" ] || [ "$rc" -ne 0 ]; then
		echo "FAIL: $f: sandbox ended early (exit $rc)"
		tf=$((tf + 1))
	fi
	set -- $count
	tp=$((tp + ${2:-$p})); tf=$((tf + ${3:-0}))
	echo "$f: ${2:-$p} passed, ${3:-?} failed"
done
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
