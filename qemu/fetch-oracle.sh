#!/bin/sh
# Usage: [QEMU_TARGET=NAME] qemu/fetch-oracle.sh
# The QEMU tier's oracles for a guest of a foreign architecture: Debian's iproute2 and
# klibc-utils of that architecture with the libraries they run on, unpacked (never installed)
# into build/oracle-ARCH/ as they lie on a Debian system. x86 guests use the host's: nothing
# to do. The release is Debian 12's (iproute2 6.1, the reference); riscv64 has no Debian 12,
# so there it is Debian 13's, whose iproute2 is not 6.1 (the tier says so).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. qemu/target.sh
. qemu/apt.sh
case $T_NAME in x86_64*|i386) exit 0 ;; esac
arch=$T_DEBARCH suite=bookworm
[ "$arch" != riscv64 ] || suite=trixie
o=build/oracle-$arch
[ -f "$o/.done" ] && exit 0

# The packages' Depends, followed through libraries only (debconf and the like are for
# installing, not running); the runtime closure of the binaries is taken later from their
# ELF headers (initramfs/build.sh).
deps() {
	papt "$suite" "$arch" apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks \
		--no-replaces --no-enhances "$@" 2>/dev/null |
		sed -n 's/^ *\(Pre\)\{0,1\}Depends: \([a-z0-9][^ :<>]*\).*/\2/p' | grep -E '^(lib|zlib)' | sort -u
}
[ -d build/apt/$suite-$arch/lists ] || papt_update "$suite" "$arch" ||
	echo "fetch-oracle: warning: apt-get update failed for $suite/$arch" >&2
want="iproute2 klibc-utils" seen=
while [ -n "$want" ]; do
	seen="$seen $want"
	# shellcheck disable=SC2086
	next=$(deps $want)
	want=
	for p in $next; do
		case " $seen " in *" $p "*) ;; *) want="$want $p" ;; esac
	done
done
rm -rf "$o"
for p in $seen; do
	fetch "$suite" "$arch" "$p" "$o/dl" || exit 1
done
for f in "$o"/dl/*.deb; do dpkg -x "$f" "$o"; done
rm -rf "$o/dl"
# Merged /usr (Debian 12 packages may still put files in /lib, /bin and /sbin).
for d in lib bin sbin; do
	if [ -d "$o/$d" ] && [ ! -L "$o/$d" ]; then
		mkdir -p "$o/usr/$d"
		cp -a "$o/$d/." "$o/usr/$d/"
		rm -rf "${o:?}/$d"
	fi
	[ -e "$o/$d" ] || ln -s usr/$d "$o/$d"
done
[ -x "$o/usr/sbin/ip" ] || [ ! -x "$o/usr/bin/ip" ] || ln -s ../bin/ip "$o/usr/sbin/ip"
for f in usr/sbin/ip usr/lib/klibc/bin/ipconfig; do
	[ -f "$o/$f" ] || { echo "fetch-oracle: no /$f in iproute2 or klibc-utils ($suite, $arch)" >&2; exit 1; }
done
touch "$o/.done"
echo "fetch-oracle: iproute2 and klibc-utils ($suite, $arch) with$seen in $o"
