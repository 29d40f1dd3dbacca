#!/bin/sh
# Usage: [QEMU_TARGET=NAME] initramfs/boot-example.sh [IP] [LOG]
# Builds build/boot-example.cpio.gz (-NAME.cpio.gz for another target: qemu/target.sh) with
# nsbox, BusyBox's sh, virtio_net and initramfs/init-example as /init, and boots it under QEMU with a NIC on restricted user networking and `ip=IP`
# (default dhcp) on the kernel command line; prints the guest's console from /init on.
# Exits 0 when the guest reached the network (its ping answered), 1 otherwise.
set -u
cd "$(dirname "$0")/.." || exit 2
top=$PWD
. qemu/target.sh
sfx=
[ "$T_NAME" = x86_64 ] || sfx=-$T_NAME
ip=${1:-dhcp} log=${2:-build/boot-example$sfx.log}
img=build/boot-example$sfx.cpio.gz
if ! sh qemu/fetch-kernel.sh ||
   ! MODULES="virtio_pci virtio_net" sh initramfs/build.sh $img initramfs/init-example; then
	echo "boot-example: cannot build $img"
	exit 1
fi
sh qemu/boot.sh -n -t "${QEMU_SECS:-120}" -a "ip=$ip" $img $log
rc=$?
tr -d '\r' < $log | sed -n '/^example: /,$p' | grep -Ev '^\[ *[0-9]+\.[0-9]+\] '
[ $rc -eq 0 ] && tr -d '\r' < $log | grep -qx 'example: network up'
