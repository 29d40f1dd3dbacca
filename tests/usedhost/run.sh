#!/bin/sh
# Used-host tier: the whole sandbox tier inside an outer sandbox that plays a host with named
# namespaces, a /run/netns bind, a bridge and veths (nested.sh), then the tests that look at mounts
# and namespaces in a QEMU guest whose root namespace is used that way (guest.sh), and the
# files that need Debian's kernel modules (VLAN filtering, 8021q, bonding) in a guest of the
# host's tools (tests/sandbox/bridge_guest.sh: bridge_vlan.test, netboot.test).
# Last line: the sum, "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
tp=0 tf=0
for part in nested guest bridge; do
	echo "--- usedhost $part"
	out=$(mktemp)
	case $part in
	bridge) sh tests/usedhost/bridge2.sh ;;
	*) sh tests/usedhost/$part.sh ;;
	esac 2>&1 | tee "$out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n 1)
	rm -f "$out"
	[ -n "$line" ] || { echo "usedhost $part printed no result line"; tf=$((tf + 1)); continue; }
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	tp=$((tp + p)); tf=$((tf + f))
done
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
