#!/bin/sh
# Usage: initramfs/boot-example.sh [IP] [LOG]
# Builds build/boot-example.cpio.gz (nsbox, BusyBox's sh, virtio_net; initramfs/init-example
# as /init) and boots it under QEMU with a NIC on restricted user networking and `ip=IP`
# (default dhcp) on the kernel command line; prints the guest's console from /init on.
# Exits 0 when the guest reached the network (its ping answered), 1 otherwise.
set -u
cd "$(dirname "$0")/.." || exit 2
ip=${1:-dhcp} log=${2:-build/boot-example.log}
img=build/boot-example.cpio.gz
if ! sh qemu/fetch-kernel.sh ||
   ! MODULES="virtio_net virtio_pci" sh initramfs/build.sh $img initramfs/init-example; then
	echo "boot-example: cannot build $img"
	exit 1
fi
sh qemu/boot.sh -n -t 90 -a "ip=$ip" $img $log
rc=$?
tr -d '\r' < $log | sed -n '/^example: /,$p' | grep -Ev '^\[ *[0-9]+\.[0-9]+\] '
[ $rc -eq 0 ] && tr -d '\r' < $log | grep -qx 'example: network up'
