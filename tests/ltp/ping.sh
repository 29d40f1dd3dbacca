#!/bin/sh
# The Linux Test Project's ping01.sh and ping02.sh (testcases/network/tcp_cmds/ping), IPv4 and
# IPv6, with nsbox's ping (and ping6) first in PATH, in a throwaway network and mount namespace
# (LTP's tst_net.sh then makes its own namespace and veth pair there: TST_USE_NETNS).
#   LTP_DIR=/path/to/ltp sh tests/ltp/ping.sh [ORACLE]
# LTP_DIR is a source tree of LTP with lib/ and testcases/lib/ built (make autotools;
# ./configure; make -C lib; make -C testcases/lib: needs autoconf and automake). With ORACLE
# (a path such as /usr/bin/ping) that ping runs instead, for comparison. Not part of make check:
# LTP is no Debian package. LTP checks that the veth driver is there by reading
# /lib/modules/$(uname -r); a kernel with veth built in and no modules tree fails that check,
# so a tst_check_drivers that says yes comes first in PATH (only when veth can be created).
# Last line: "N passed, N failed" (LTP's TPASS and TFAIL/TBROK counts).
cd "$(dirname "$0")/../.." || exit 2
[ -n "$LTP_DIR" ] && [ -x "$LTP_DIR/testcases/lib/tst_net_vars" ] ||
	{ echo "ltp: LTP_DIR must name a built LTP tree"; echo "0 passed, 1 failed"; exit 1; }
ping=${1:-$PWD/${NSBOX_B:-build}/nsbox}
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/shim" "$work/tmp"
ln -s "$ping" "$work/bin/ping"
ln -s "$ping" "$work/bin/ping6"
printf '#!/bin/sh\nexit 0\n' >"$work/shim/tst_check_drivers"
chmod +x "$work/shim/tst_check_drivers"
host_ns=$(readlink /proc/self/ns/net)
unshare --net --mount --propagation private -- sh -c '
	[ "$(readlink /proc/self/ns/net)" != "$1" ] || { echo "ltp: not in a private namespace"; exit 99; }
	mount -t tmpfs none /run
	ip link set lo up
	ip link add ltp_probe0 type veth peer name ltp_probe1 || exit 98
	ip link del ltp_probe0
	export LTPROOT="$2" TMPDIR="$3/tmp"
	PATH="$3/bin:$3/shim:$2/testcases/lib:$PATH"
	cd "$2/testcases/network/tcp_cmds/ping" || exit 97
	echo "ping is $(readlink "$(command -v ping)")"
	for t in ping01.sh ping02.sh; do sh $t; sh $t -6; done
' sh "$host_ns" "$LTP_DIR" "$work" >"$work/log" 2>&1
grep -E 'TPASS|TFAIL|TBROK|TCONF|^ping is' "$work/log"
p=$(grep -c 'TPASS' "$work/log"); f=$(grep -c -E 'TFAIL|TBROK' "$work/log")
[ "$p" -gt 0 ] || f=$((f + 1))
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
