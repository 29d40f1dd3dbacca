# shellcheck shell=sh disable=SC2034
# Sourced by the qemu/ and initramfs/ scripts: what QEMU_TARGET (default x86_64) boots.
#   x86_64        Debian 12's cloud kernel (6.1), build/nsbox
#   x86_64-5.10   Debian 11's cloud kernel, build/nsbox
#   x86_64-6.12   Debian 13's cloud kernel, build/nsbox
#   i386          Debian 12's amd64 cloud kernel running a 32-bit userland: build/i386/nsbox
#                 and i386 BusyBox (the kernel's IA32 emulation)
#   aarch64       Debian 12's cloud-arm64 kernel on -M virt
#   armhf         Debian 12's armmp-lpae kernel on -M virt, Cortex-A15
#   riscv64       Debian 13's riscv64 kernel on -M virt with OpenSBI (Debian 12 has no riscv64)
#   s390x         Debian 12's s390x kernel on s390-ccw-virtio, virtio-net-ccw
# Sets: T_NAME, T_SUITE and T_DEBARCH (where the kernel comes from), T_KPKG (the metapackage
# naming the kernel), T_KDIR (where it is unpacked), T_BBARCH (BusyBox's architecture), T_NSBOX,
# T_QEMU and T_QARGS (the machine), T_CONSOLE, T_NIC (QEMU's NIC device), T_NETMODS (the
# modules the images carry for it: virtio_pci too on s390x, whose NIC is on the built-in
# virtio_ccw, so that one /init serves every target; it loads there and finds no device).
QEMU_TARGETS="x86_64 x86_64-5.10 x86_64-6.12 i386 aarch64 armhf riscv64 s390x"
T_NAME=${QEMU_TARGET:-x86_64}
T_TOP=${top:?the sourcing script sets top, the work tree}
T_NSBOX=$T_TOP/build/nsbox
T_QEMU=qemu-system-x86_64 T_QARGS="-cpu max" T_CONSOLE=ttyS0
T_NIC=virtio-net-pci T_NETMODS="virtio_pci virtio_net"
T_SUITE=bookworm T_DEBARCH=amd64 T_BBARCH=amd64 T_KPKG=linux-image-cloud-amd64
case $T_NAME in
x86_64)      T_KDIR=$T_TOP/build/kernel ;;
x86_64-5.10) T_KDIR=$T_TOP/build/kernel-5.10 T_SUITE=bullseye ;;
x86_64-6.12) T_KDIR=$T_TOP/build/kernel-6.12 T_SUITE=trixie ;;
i386)        T_KDIR=$T_TOP/build/kernel T_BBARCH=i386 T_NSBOX=$T_TOP/build/i386/nsbox ;;
aarch64)     T_KDIR=$T_TOP/build/kernel-arm64 T_DEBARCH=arm64 T_BBARCH=arm64 T_KPKG=linux-image-cloud-arm64
             T_NSBOX=$T_TOP/build/aarch64/nsbox
             T_QEMU=qemu-system-aarch64 T_QARGS="-M virt -cpu max" T_CONSOLE=ttyAMA0 ;;
armhf)       T_KDIR=$T_TOP/build/kernel-armhf T_DEBARCH=armhf T_BBARCH=armhf T_KPKG=linux-image-armmp-lpae
             T_NSBOX=$T_TOP/build/armhf/nsbox
             T_QEMU=qemu-system-arm T_QARGS="-M virt,highmem=off -cpu cortex-a15" T_CONSOLE=ttyAMA0 ;;
riscv64)     T_KDIR=$T_TOP/build/kernel-riscv64 T_SUITE=trixie T_DEBARCH=riscv64 T_BBARCH=riscv64
             T_KPKG=linux-image-riscv64 T_NSBOX=$T_TOP/build/riscv64/nsbox
             T_QEMU=qemu-system-riscv64 T_QARGS="-M virt -bios /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"
             T_CONSOLE=ttyS0 ;;
s390x)       T_KDIR=$T_TOP/build/kernel-s390x T_DEBARCH=s390x T_BBARCH=s390x T_KPKG=linux-image-s390x
             T_NSBOX=$T_TOP/build/s390x/nsbox
             T_QEMU=qemu-system-s390x T_QARGS="-M s390-ccw-virtio" T_CONSOLE=ttysclp0
             T_NIC=virtio-net-ccw ;;
*) echo "unknown QEMU_TARGET $T_NAME (one of: $QEMU_TARGETS)" >&2; exit 2 ;;
esac
[ -z "${NSBOX:-}" ] || T_NSBOX=$NSBOX
