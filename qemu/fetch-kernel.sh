#!/bin/sh
# Usage: [QEMU_TARGET=NAME] qemu/fetch-kernel.sh
# Unpacks the Debian kernel of QEMU_TARGET (qemu/target.sh; default x86_64, Debian 12's cloud
# kernel) into its T_KDIR, and for a foreign userland BusyBox into build/busybox-ARCH/; installs
# the qemu-system package that boots it. Nothing is installed on the host but QEMU:
#   T_KDIR/vmlinuz, T_KDIR/version, T_KDIR/config, T_KDIR/root/lib/modules/<version>/
# Packages of another release or architecture come through a private apt state in
# build/apt/SUITE-ARCH (its own sources, lists and cache): the host's sources, pins, upgrades
# and dpkg architectures stay as they are.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. qemu/target.sh
. qemu/apt.sh
K=$T_KDIR

# The QEMU that boots the target (Debian 12's qemu-system-misc has riscv64 and s390x).
if ! command -v "$T_QEMU" >/dev/null; then
	case $T_QEMU in
	qemu-system-x86_64) q=qemu-system-x86 ;;
	qemu-system-aarch64|qemu-system-arm) q=qemu-system-arm ;;
	qemu-system-riscv64) q="qemu-system-misc opensbi" ;;
	*) q=qemu-system-misc ;;
	esac
	echo "fetch-kernel: installing $q"
	. .ci/apt.sh
	apt_update
	# shellcheck disable=SC2086
	apt_install $q || exit 1
fi

# The metapackage's Depends names the versioned image (5.10 and 6.1: linux-image-V-cloud-amd64;
# 6.12: the same name with +deb13).
resolve() {
	papt "$1" "$2" apt-cache depends "$3" 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ :]*\).*$/\1/p' | head -n 1
}

# The host's own release and architecture go through the host's apt, as before.
suite=$T_SUITE
[ "$T_SUITE-$T_DEBARCH" != bookworm-amd64 ] || suite=host

if [ "$T_BBARCH" != amd64 ]; then
	bb=build/busybox-$T_BBARCH
	if [ ! -x "$bb/busybox" ]; then
		bsuite=bookworm
		[ "$T_BBARCH" != riscv64 ] || bsuite=trixie
		rm -rf "$bb"
		fetch "$bsuite" "$T_BBARCH" busybox-static "$bb/dl" || exit 1
		dpkg -x "$bb"/dl/*.deb "$bb/root"
		# Debian 13 ships it in /usr/bin (merged /usr).
		cp "$bb/root/bin/busybox" "$bb/busybox" 2>/dev/null || cp "$bb/root/usr/bin/busybox" "$bb/busybox"
		rm -rf "$bb/dl" "$bb/root"
		echo "fetch-kernel: busybox-static:$T_BBARCH in $bb"
	fi
fi

[ -f "$K/vmlinuz" ] && [ -f "$K/version" ] && [ -f "$K/config" ] && [ -d "$K/root/lib/modules/$(cat "$K/version")" ] && exit 0

pkg=$(resolve "$suite" "$T_DEBARCH" "$T_KPKG")
if [ -z "$pkg" ]; then
	papt_update "$suite" "$T_DEBARCH" || true
	pkg=$(resolve "$suite" "$T_DEBARCH" "$T_KPKG")
fi
[ -n "$pkg" ] || { echo "fetch-kernel: $T_KPKG ($T_SUITE, $T_DEBARCH) names no kernel image" >&2; exit 1; }
rm -rf "$K"
fetch "$suite" "$T_DEBARCH" "$pkg" "$K/dl" || exit 1
dpkg -x "$K"/dl/*.deb "$K/root"
rm -rf "$K/dl"
ver=${pkg#linux-image-}
ver=${ver%-unsigned}
# Debian 13 keeps the kernel's files under /usr (merged /usr): /lib is a link there, as on
# the installed system, so that depmod and the initramfs find them at /lib/modules.
[ -e "$K/root/lib" ] || ln -s usr/lib "$K/root/lib"
[ -e "$K/root/boot" ] || ln -s usr/boot "$K/root/boot"
[ -d "$K/root/lib/modules/$ver" ] || { echo "fetch-kernel: no modules for $ver in $pkg" >&2; exit 1; }
depmod -b "$K/root" "$ver"
img=
for f in "$K/root/boot/vmlinuz-$ver" "$K/root/boot/vmlinux-$ver"; do
	[ -f "$f" ] && { img=$f; break; }
done
[ -n "$img" ] || { echo "fetch-kernel: no kernel image for $ver in $pkg" >&2; exit 1; }
cp "$img" "$K/vmlinuz"
cp "$K/root/boot/config-$ver" "$K/config"
echo "$ver" > "$K/version"
echo "fetch-kernel: $pkg in $K"
