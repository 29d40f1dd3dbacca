#!/bin/sh
# Usage: initramfs/build.sh OUT [INIT [FILE...]]
# Builds a gzip'd newc cpio at OUT: build/nsbox as /bin/nsbox, BusyBox as /bin/sh only, the
# modules for veth, bridge and virtio_net (with their dependencies), INIT (default
# initramfs/init) as /init, and each FILE under /tests/.
# Environment: NSBOX (default build/nsbox), MODULES (names, default below), ORACLE (a
# dynamically linked iproute2 ip to add as /oracle/ip for differential tests; none by default),
# KLIBC (klibc-utils' ipconfig to add as /oracle/ipconfig, with the klibc .so it runs on).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 OUT [INIT [FILE...]]" >&2; exit 2; }
out=$1; shift
case $out in /*) ;; *) out=$PWD/$out ;; esac
init=${1:-$top/initramfs/init}
if [ $# -gt 0 ]; then shift; fi
nsbox=${NSBOX:-$top/build/nsbox}
modules=${MODULES:-veth bridge virtio_net virtio_pci}
oracle=${ORACLE:-}
klibc=${KLIBC:-}
kdir=$top/build/kernel
ver=$(cat "$kdir/version")
kmods=$kdir/root/lib/modules/$ver

for f in "$nsbox" /bin/busybox "$init" "$kmods/modules.dep" ${oracle:+"$oracle"} ${klibc:+"$klibc"} "$@"; do
	[ -f "$f" ] || { echo "initramfs: missing $f" >&2; exit 1; }
done

mkdir -p "$top/build"
stage=$(mktemp -d "$top/build/initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp "$init" "$stage/init"
mkdir "$stage/tests"
for f in "$@"; do cp "$f" "$stage/tests/"; done
cd "$stage"
mkdir -p bin sbin proc sys dev run tmp etc root var "lib/modules/$ver"
ln -s ../run var/run
cp "$nsbox" bin/nsbox
cp /bin/busybox bin/busybox
ln -s busybox bin/sh
chmod 755 init bin/nsbox

# The oracle with the libraries and loader ldd names, at the same paths: glibc's loader finds
# them in its default directories, so no ld.so.cache and no wrapper are needed. A library keeps
# its versioned file name behind the soname link (ip -V reads libbpf's version from it).
if [ -n "$oracle" ]; then
	libs=$(ldd "$oracle") || { echo "initramfs: ldd $oracle failed" >&2; exit 1; }
	case $libs in *"not found"*) echo "initramfs: $oracle: $libs" >&2; exit 1 ;; esac
	mkdir oracle
	cp -L "$oracle" oracle/ip
	for p in $(printf '%s\n' "$libs" | sed -n 's|.*=> \(/[^ ]*\) (.*|\1|p; s|^[[:space:]]*\(/[^ ]*\) (.*|\1|p'); do
		mkdir -p ".${p%/*}"
		r=$(readlink -f "$p")
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
	so=$(readelf -l "$klibc" | sed -n 's/.*interpreter: \(\/[^]]*\)].*/\1/p')
	[ -f "$so" ] || { echo "initramfs: $klibc: no klibc interpreter found" >&2; exit 1; }
	mkdir -p oracle ".${so%/*}"
	cp -L "$klibc" oracle/ipconfig
	cp -L "$so" ".$so"
fi

# The closure of the wanted modules over modules.dep (whose lines are "path: dep dep ...").
want=
for m in $modules; do
	line=$(grep -m 1 -E "(^|/)$m\.ko(\.[a-z]+)?:" "$kmods/modules.dep") ||
		{ echo "initramfs: module $m not in modules.dep" >&2; exit 1; }
	want="$want ${line%%:*} ${line#*:}"
done
for p in $(printf '%s\n' $want | sort -u); do
	mkdir -p "lib/modules/$ver/${p%/*}"
	case $p in
	# The kernel may lack in-kernel decompression: store plain .ko, which depmod indexes.
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

find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -9n > "$out.tmp"
mv "$out.tmp" "$out"
