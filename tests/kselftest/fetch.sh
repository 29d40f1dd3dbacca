#!/bin/sh
# What the kselftest tier needs on the host, a no-op when it is all there:
# - the host tools the twelve scripts call, from Debian packages (the guest gets the host's own
#   binaries: tests/kselftest/run.sh copies them with their libraries);
# - Debian's linux-source-6.1, fetched with apt-get download and unpacked into build/kselftest/
#   (never installed): only tools/testing/selftests/net and the kselftest headers;
# - nettest, the one C helper of those scripts (unicast_extensions.sh), built static with the
#   host's gcc into build/kselftest/bin.
set -eu
cd "$(dirname "$0")/../.."
. .ci/apt.sh
K=build/kselftest
SRC=$K/linux-source-6.1
NET=$SRC/tools/testing/selftests/net

# bash, iproute2 (the oracle's ip, tc, bridge), iputils' ping and arping, socat, tcpdump,
# iptables (fib_tests' mangle tests), uuidgen (rtnetlink's ifalias), jq (altnames), ifconfig,
# kmod (modprobe, lsmod, rmmod in the guest), mausezahn (netsniff-ng: forwarding/lib.sh, which
# altnames.sh sources, requires it).
pkgs="bash iproute2 iputils-ping iputils-arping socat tcpdump iptables uuid-runtime jq net-tools kmod
netsniff-ng procps coreutils grep sed mawk findutils util-linux gcc libc6-dev xz-utils cpio gzip qemu-system-x86"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "kselftest: installing$missing"
	apt_update
	# shellcheck disable=SC2086
	apt_install $missing || exit 1
fi

if [ ! -f "$NET/fib_tests.sh" ]; then
	rm -rf "$K/dl" "$K/root" "$SRC"
	apt_fetch "$PWD/$K/dl" linux-source-6.1 || {
		echo "kselftest: cannot download Debian's linux-source-6.1 (apt-get download linux-source-6.1)" >&2; exit 1; }
	dpkg -x "$K"/dl/linux-source-6.1_*.deb "$K/root"
	tarball=$K/root/usr/src/linux-source-6.1.tar.xz
	[ -f "$tarball" ] || { echo "kselftest: no $tarball in linux-source-6.1" >&2; exit 1; }
	tar -xJf "$tarball" -C "$K" \
		linux-source-6.1/tools/testing/selftests/net \
		linux-source-6.1/tools/testing/selftests/kselftest.h \
		linux-source-6.1/tools/testing/selftests/lib.mk
	rm -rf "$K/dl" "$K/root"
	[ -f "$NET/fib_tests.sh" ] || { echo "kselftest: no selftests/net in linux-source-6.1" >&2; exit 1; }
	echo "kselftest: linux-source-6.1's selftests/net in $SRC"
fi

mkdir -p "$K/bin"
if [ ! -x "$K/bin/nettest" ] || [ -n "$(find "$NET/nettest.c" -newer "$K/bin/nettest")" ]; then
	# glibc, static: the guest needs no library for it. getprotobyname is not on nettest's
	# path the scripts take (-B -N -O -r), so static glibc's warning about NSS is silenced.
	gcc -static -O2 -w -I"$SRC/tools/testing/selftests" -o "$K/bin/nettest.tmp" "$NET/nettest.c" 2>"$K/bin/cc.err" ||
		{ cat "$K/bin/cc.err" >&2; echo "kselftest: cannot build nettest" >&2; exit 1; }
	mv "$K/bin/nettest.tmp" "$K/bin/nettest"
	rm -f "$K/bin/cc.err"
fi
