#!/bin/sh
# Copies this machine's own tools into a guest root: each at its own path (links followed), with
# the shared libraries ldd names for it, the versioned file behind each soname link kept as
# the host has it. The stage gets Debian's merged /usr first (/bin, /sbin, /lib, /lib64 are
# links into /usr), as on the host, so a library ldd names under /lib lands in /usr/lib.
# Usage: initramfs/hosttools.sh STAGE CMD|/PATH...
#   CMD is looked up in /usr/bin, /usr/sbin, /bin, /sbin; /PATH is copied as it is (a plugin
#   that is dlopen'd, a data file).
# Exits 1 with one line naming what is missing or cannot be copied.
set -u
[ $# -ge 1 ] || { echo "usage: $0 STAGE CMD|/PATH..." >&2; exit 2; }
stage=$1; shift
mkdir -p "$stage/usr/bin" "$stage/usr/sbin" "$stage/usr/lib" "$stage/usr/lib64" || exit 1
for d in bin sbin lib lib64; do
	[ -e "$stage/$d" ] || [ -L "$stage/$d" ] || ln -s usr/$d "$stage/$d" || exit 1
done
copy() { # PATH: the file (links followed) at the same path in the stage, with the libraries it needs
	mkdir -p "$stage${1%/*}" && cp -L "$1" "$stage$1" || return 1
	ldd "$1" 2>/dev/null | sed -n 's|.*=> \(/[^ ]*\) (.*|\1|p; s|^[[:space:]]*\(/[^ ]*\) (.*|\1|p' |
	while read -r l; do
		[ -e "$stage$l" ] && continue
		# the versioned file behind the soname link (ip -V reads libbpf's version from it)
		r=$(readlink -f "$l")
		mkdir -p "$stage${l%/*}"
		if [ "${r##*/}" = "${l##*/}" ]; then cp "$r" "$stage$l"; else cp "$r" "$stage${l%/*}/" && ln -s "${r##*/}" "$stage$l"; fi
	done
}
for c; do
	case $c in
	/*) p=$c; [ -e "$p" ] || p= ;;
	*)
		p=
		for d in /usr/bin /usr/sbin /bin /sbin; do [ -x "$d/$c" ] && { p=$d/$c; break; }; done
		;;
	esac
	[ -n "$p" ] || { echo "hosttools: no $c on this machine" >&2; exit 1; }
	copy "$p" || { echo "hosttools: cannot copy $p" >&2; exit 1; }
done
exit 0
