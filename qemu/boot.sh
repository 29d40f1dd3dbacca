#!/bin/sh
# Usage: qemu/boot.sh [-n] [-t SECS] [-a CMDLINE] [-q QEMUARGS] [-v] INITRD LOG
# Boots QEMU_TARGET's kernel (qemu/target.sh; default x86_64, build/kernel/vmlinuz) with INITRD
# under TCG, the console going to LOG.
#   -n  add a virtio-net NIC on restricted user networking (no way out of the guest)
#   -t  seconds before the boot counts as hung (default 120)
#   -a  appended to the kernel command line (NAME=VALUE words reach /init's environment)
#   -q  more QEMU arguments (split on blanks), e.g. a read-only virtfs share
#   -v  print LOG when QEMU ends
# Exits 0 if QEMU ended by itself within the time and the kernel did not panic; 1 otherwise.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
nic="" secs=120 extra="" qargs="" verbose=""
while getopts nt:a:q:v o; do
	case $o in
	n) nic=1 ;;
	t) secs=$OPTARG ;;
	a) extra=$OPTARG ;;
	q) qargs=$OPTARG ;;
	v) verbose=1 ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: $0 [-n] [-t SECS] [-a CMDLINE] [-q QEMUARGS] [-v] INITRD LOG" >&2; exit 2; }
initrd=$1 log=$2
. "$top/qemu/target.sh"
kernel=$T_KDIR/vmlinuz
[ -f "$kernel" ] || { echo "boot: no $kernel (run QEMU_TARGET=$T_NAME qemu/fetch-kernel.sh)" >&2; exit 1; }
[ -f "$initrd" ] || { echo "boot: no $initrd" >&2; exit 1; }

# shellcheck disable=SC2086
set -- -accel tcg $T_QARGS -m 512 -smp 1 \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=$T_CONSOLE panic=-1 quiet $extra" \
	-display none -monitor none -serial "file:$log" -no-reboot
if [ -n "$nic" ]; then
	# A netdev and its device: -nic's model is not honoured by every machine (riscv64's virt
	# creates no NIC from it) and s390x's virtio-net-ccw is no model of it.
	set -- "$@" -netdev user,id=n0,restrict=on -device "$T_NIC,netdev=n0"
else
	set -- "$@" -nic none
fi
# shellcheck disable=SC2086
[ -n "$qargs" ] && set -- "$@" $qargs
: > "$log"
rc=0
timeout -k 5 "$secs" "$T_QEMU" "$@" </dev/null || rc=$?
[ -n "$verbose" ] && tr -d '\r' < "$log"
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
	echo "boot: no power-off within ${secs}s: hung" >&2; exit 1
elif [ "$rc" -ne 0 ]; then
	echo "boot: $T_QEMU exited $rc" >&2; exit 1
elif grep -q 'Kernel panic' "$log"; then
	echo "boot: kernel panic" >&2; exit 1
fi
exit 0
