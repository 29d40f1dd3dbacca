#!/bin/sh
# Usage: initramfs/build.sh OUT [INIT [FILE...]]
# Builds a gzip'd newc cpio at OUT: nsbox as /bin/nsbox, BusyBox as /bin/sh only, the
# modules for veth, bridge and the NIC (with their dependencies; none for what the kernel has
# built in), INIT (default initramfs/init) as /init, and each FILE under /tests/.
# The kernel, BusyBox and nsbox are QEMU_TARGET's (qemu/target.sh): build/nsbox and the host's
# BusyBox for x86_64, build/ARCH/nsbox and Debian's busybox-static:ARCH for the others.
# Modules keep the compression of Debian's package when the kernel decompresses them itself
# (CONFIG_MODULE_DECOMPRESS, Debian 13), so that nsbox's modprobe loads them as they come;
# and their place: /usr/lib/modules behind a /lib link for Debian 13, /lib/modules before.
# Environment: NSBOX (default above), MODULES (names, default below), ORACLE (a
# dynamically linked iproute2 ip to add as /oracle/ip for differential tests; none by default),
# KLIBC (klibc-utils' ipconfig to add as /oracle/ipconfig, with the klibc .so it runs on),
# ORACLE_ROOT (where ORACLE and KLIBC lie, with their libraries, for another architecture's),
# HOSTTOOLS (this machine's programs to copy at their paths with their libraries, by
# initramfs/hosttools.sh; for an x86_64 guest only: dnsmasq for the netboot boots' DHCPv6 server).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 OUT [INIT [FILE...]]" >&2; exit 2; }
out=$1; shift
case $out in /*) ;; *) out=$PWD/$out ;; esac
init=${1:-$top/initramfs/init}
if [ $# -gt 0 ]; then shift; fi
. "$top/qemu/target.sh"
nsbox=$T_NSBOX
modules=${MODULES:-veth bridge $T_NETMODS}
oracle=${ORACLE:-}
klibc=${KLIBC:-}
kdir=$T_KDIR
ver=$(cat "$kdir/version")
kmods=$kdir/root/lib/modules/$ver
busybox=/bin/busybox
[ "$T_BBARCH" = amd64 ] || busybox=$top/build/busybox-$T_BBARCH/busybox
keepxz=
! grep -qx 'CONFIG_MODULE_DECOMPRESS=y' "$kdir/config" || keepxz=1
libdir=lib
[ ! -L "$kdir/root/lib" ] || libdir=usr/lib

for f in "$nsbox" "$busybox" "$init" "$kmods/modules.dep" ${oracle:+"${ORACLE_ROOT:-}$oracle"} ${klibc:+"${ORACLE_ROOT:-}$klibc"} "$@"; do
	[ -f "$f" ] || { echo "initramfs: missing $f" >&2; exit 1; }
done

mkdir -p "$top/build"
stage=$(mktemp -d "$top/build/initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp "$init" "$stage/init"
mkdir "$stage/tests"
for f in "$@"; do cp "$f" "$stage/tests/"; done
cd "$stage"
mkdir -p bin sbin proc sys dev run tmp etc root var "$libdir/modules/$ver"
[ $libdir = lib ] || ln -s usr/lib lib
ln -s ../run var/run
cp "$nsbox" bin/nsbox
cp "$busybox" bin/busybox
ln -s busybox bin/sh
chmod 755 init bin/nsbox

# The oracle with the libraries and loader ldd names, at the same paths: glibc's loader finds
# them in its default directories, so no ld.so.cache and no wrapper are needed. A library keeps
# its versioned file name behind the soname link (ip -V reads libbpf's version from it).
# A foreign oracle (ORACLE_ROOT: a Debian tree of the guest's architecture, qemu/fetch-oracle.sh)
# cannot run under ldd: the same closure comes from the ELF headers (interpreter, NEEDED)
# looked up in that tree. realpath_in PATH: PATH's file in the tree, links followed inside it.
realpath_in() {
	p=$1 n=0
	while [ -L "$oroot$p" ] && [ $n -lt 20 ]; do
		t=$(readlink "$oroot$p")
		case $t in /*) p=$t ;; *) p=${p%/*}/$t ;; esac
		n=$((n + 1))
	done
	printf '%s\n' "$oroot$p"
}
elf_libs() {
	todo=$1 seen=" $1 " out=
	while [ -n "$todo" ]; do
		f=${todo%% *}; todo=${todo#"$f"}; todo=${todo# }
		r=$(realpath_in "$f")
		i=$(readelf -l "$r" | sed -n 's/.*interpreter: \(\/[^]]*\)].*/\1/p')
		for so in $(readelf -d "$r" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'); do
			q=$(cd "$oroot" && find usr/lib -maxdepth 2 -name "$so" 2>/dev/null | LC_ALL=C sort | head -n 1)
			[ -n "$q" ] || { echo "initramfs: $f needs $so, not in $oroot" >&2; return 1; }
			case $seen in *" /$q "*) ;; *) seen="$seen/$q "; todo="$todo${todo:+ }/$q"; out="$out /$q" ;; esac
		done
		[ -z "$i" ] || case $seen in *" $i "*) ;; *) seen="$seen$i "; out="$out $i" ;; esac
	done
	printf '%s\n' $out
}
oroot=${ORACLE_ROOT:-}

if [ -n "$oracle" ]; then
	if [ -n "$oroot" ]; then
		libs=$(elf_libs "$oracle") || exit 1
	else
		libs=$(ldd "$oracle") || { echo "initramfs: ldd $oracle failed" >&2; exit 1; }
		case $libs in *"not found"*) echo "initramfs: $oracle: $libs" >&2; exit 1 ;; esac
		libs=$(printf '%s\n' "$libs" | sed -n 's|.*=> \(/[^ ]*\) (.*|\1|p; s|^[[:space:]]*\(/[^ ]*\) (.*|\1|p')
	fi
	mkdir oracle
	cp -L "$(realpath_in "$oracle")" oracle/ip
	for p in $libs; do
		mkdir -p ".${p%/*}"
		r=$(readlink -f "$(realpath_in "$p")")
		if [ "${r##*/}" = "${p##*/}" ]; then
			cp "$r" ".$p"
		else
			cp "$r" ".${p%/*}/"
			ln -s "${r##*/}" ".$p"
		fi
	done
fi

# klibc's programs name their shared klibc as the ELF interpreter: it goes to the same path.
if [ -n "$klibc" ]; then
	so=$(readelf -l "$(realpath_in "$klibc")" | sed -n 's/.*interpreter: \(\/[^]]*\)].*/\1/p')
	[ -f "$oroot$so" ] || { echo "initramfs: $klibc: no klibc interpreter found" >&2; exit 1; }
	mkdir -p oracle ".${so%/*}"
	cp -L "$(realpath_in "$klibc")" oracle/ipconfig
	cp -L "$oroot$so" ".$so"
fi

# The closure of the wanted modules over modules.dep (whose lines are "path: dep dep ...").
want=
for m in $modules; do
	! grep -Eq "(^|/)$m\.ko\$" "$kmods/modules.builtin" || continue
	line=$(grep -m 1 -E "(^|/)$m\.ko(\.[a-z]+)?:" "$kmods/modules.dep") ||
		{ echo "initramfs: module $m not in modules.dep" >&2; exit 1; }
	want="$want ${line%%:*} ${line#*:}"
done
for p in $(printf '%s\n' $want | sort -u); do
	mkdir -p "lib/modules/$ver/${p%/*}"
	case $keepxz$p in
	1*)       cp "$kmods/$p" "lib/modules/$ver/$p" ;;
	# The kernel lacks in-kernel decompression: store plain .ko, which depmod indexes.
	*.ko.xz)  xz -dc "$kmods/$p" > "lib/modules/$ver/${p%.xz}" ;;
	*.ko.zst) zstd -qdc "$kmods/$p" > "lib/modules/$ver/${p%.zst}" ;;
	*.ko.gz)  gzip -dc "$kmods/$p" > "lib/modules/$ver/${p%.gz}" ;;
	*)        cp "$kmods/$p" "lib/modules/$ver/$p" ;;
	esac
done
for f in modules.order modules.builtin modules.builtin.modinfo; do
	if [ -f "$kmods/$f" ]; then cp "$kmods/$f" "lib/modules/$ver/"; fi
done
depmod -b "$stage" "$ver"
if [ -n "${HOSTTOOLS:-}" ]; then
	[ "$T_BBARCH" = amd64 ] || { echo "initramfs: HOSTTOOLS only for an x86_64 guest" >&2; exit 1; }
	sh "$top/initramfs/hosttools.sh" "$stage" $HOSTTOOLS || exit 1
fi

find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -9n > "$out.tmp"
mv "$out.tmp" "$out"
