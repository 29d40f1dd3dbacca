#!/bin/sh
# The files that need Debian's kernel modules (a line "# guest-modules: MOD..."), in two QEMU
# guests at once (tests/sandbox/bridge_guest.sh): TCG runs a guest's one vCPU on one host CPU,
# so on two CPUs two guests take about half the time of one (744 s for all of them in one guest
# on 2026-12-06). The files go to the two in turn, largest first. Each guest's lines are
# printed after it ends, then the sum: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
sh qemu/fetch-kernel.sh >/dev/null || { echo "FAIL bridge2: no kernel"; echo "0 passed, 1 failed"; exit 1; }
a= b= i=0
for f in $(ls -S $(grep -l '^# guest-modules:' tests/sandbox/*.test)); do
	if [ $((i % 2)) -eq 0 ]; then a="$a $f"; else b="$b $f"; fi
	i=$((i + 1))
done
BRIDGE_GUEST_TAG=-a sh tests/sandbox/bridge_guest.sh $a >build/bridge-guest-a.out 2>&1 &
pa=$!
BRIDGE_GUEST_TAG=-b sh tests/sandbox/bridge_guest.sh $b >build/bridge-guest-b.out 2>&1
wait $pa
tp=0 tf=0
for g in a b; do
	echo "--- guest $g:$(eval echo \$$g | sed 's|tests/sandbox/||g')"
	grep -v -E '^[0-9]+ passed, [0-9]+ failed$' build/bridge-guest-$g.out
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' build/bridge-guest-$g.out | tail -n 1)
	[ -n "$line" ] || { echo "guest $g printed no result line"; tf=$((tf + 1)); continue; }
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	tp=$((tp + p)); tf=$((tf + f))
done
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
