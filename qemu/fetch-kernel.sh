#!/bin/sh
# Unpacks Debian's cloud kernel into build/kernel/ (never installed on the host):
#   build/kernel/vmlinuz, build/kernel/version, build/kernel/root/lib/modules/<version>/
set -eu
cd "$(dirname "$0")/.."
K=build/kernel
[ -f "$K/vmlinuz" ] && [ -f "$K/version" ] && [ -d "$K/root/lib/modules/$(cat "$K/version")" ] && exit 0

# linux-image-cloud-amd64 is a metapackage; its Depends names the versioned image.
resolve() {
	apt-cache depends linux-image-cloud-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9].*-cloud-amd64\)$/\1/p' | head -n 1
}
download() {
	pkg=$(resolve)
	[ -n "$pkg" ] || return 1
	rm -rf "$K"
	mkdir -p "$K/dl"
	# apt-get download drops to the _apt user, which must be able to write here.
	chmod 777 "$K/dl"
	(cd "$K/dl" && apt-get download -q "$pkg" >/dev/null)
}
# Stale package lists may name a version the mirror no longer has.
if ! download; then
	apt-get -o DPkg::Lock::Timeout=600 update -qq
	download || { echo "fetch-kernel: cannot download linux-image-cloud-amd64's image" >&2; exit 1; }
fi
dpkg -x "$K"/dl/*.deb "$K/root"
rm -rf "$K/dl"
ver=${pkg#linux-image-}
[ -d "$K/root/lib/modules/$ver" ] || { echo "fetch-kernel: no modules for $ver in $pkg" >&2; exit 1; }
depmod -b "$K/root" "$ver"
cp "$K/root/boot/vmlinuz-$ver" "$K/vmlinuz"
echo "$ver" > "$K/version"
echo "fetch-kernel: $pkg in $K"
