#!/bin/sh
# Usage: tests/qemu/run.sh [TARGET...]   (TARGET: see qemu/target.sh)
# QEMU tier. For one TARGET (or $QEMU_TARGET): one boot of the target's Debian kernel running
# tests/qemu/guest-*.sh against its nsbox (build/nsbox for x86_64 kernels, else
# build/ARCH/nsbox, built here with `make ARCH=ARCH`; NSBOX overrides). Counts each RESULT
# line (SKIP lines are listed, not counted); a failed or hung boot, or a guest script that did
# not reach its END line, is one failure more. Then a second boot: the example image with
# ip=dhcp. Last line: "N passed, N failed"; a BOOT line before it gives the seconds of both.
# For several TARGETs, or none (make check's: $QEMU_CHECK, default below), each in turn (one
# QEMU at a time), then a table of them (build/qemu-matrix.txt) and the sum.
# The image adds what `make demo` lacks: iproute2's ip as /oracle/ip (with its glibc
# libraries) for differential checks, klibc's ipconfig as /oracle/ipconfig, and the modules of
# the link kinds they create. The oracles are the host's on x86 (i386's guest runs 64-bit
# programs too), Debian 12's packages of the guest's architecture elsewhere (qemu/fetch-oracle.sh).
set -u
cd "$(dirname "$0")/../.." || exit 2
if [ $# -eq 0 ] && [ -z "${QEMU_TARGET:-}" ]; then
	# shellcheck disable=SC2086
	set -- ${QEMU_CHECK:-x86_64 x86_64-5.10 x86_64-6.12 aarch64}
fi
if [ $# -gt 1 ] || { [ $# -eq 1 ] && [ "$1" = all ]; }; then
	[ "$1" != all ] || set -- x86_64 x86_64-5.10 x86_64-6.12 i386 aarch64 armhf riscv64 s390x
	tp=0 tf=0
	mkdir -p build
	tab=build/qemu-matrix.txt
	printf '%-12s %-28s %8s %8s %6s %6s %5s %6s %8s\n' target kernel nsbox image passed failed skip "boot" example > $tab
	for t in "$@"; do
		echo "=== qemu $t"
		out=build/qemu-run-$t.out
		sh "$0" "$t" > $out 2>&1
		cat $out
		line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' $out | tail -n 1)
		p=${line%% passed*} f=${line#*passed, }; f=${f%% failed*}
		[ -n "$line" ] || { p=0 f=1; }
		tp=$((tp + p)) tf=$((tf + f))
		set -- $(sed -n 's/^kernel \([^,]*\), image \([0-9]*\) bytes, nsbox \([0-9]*\) bytes$/\1 \2 \3/p' $out) - - -
		k=$1 img=$2 nsb=$3
		set -- $(sed -n 's/^BOOT [^ ]* tests \([0-9]*\)s, example \([0-9]*\)s, \([0-9]*\) checks skipped$/\1 \2 \3/p' $out) - - -
		printf '%-12s %-28s %8s %8s %6s %6s %5s %5ss %7ss\n' "$t" "$k" "$nsb" "$img" "$p" "$f" "$3" "$1" "$2" >> $tab
	done
	echo "=== qemu matrix"
	cat $tab
	echo "$tp passed, $tf failed"
	[ $tf -eq 0 ]
	exit
fi
QEMU_TARGET=${1:-$QEMU_TARGET}
export QEMU_TARGET
top=$PWD
. qemu/target.sh
sfx=
[ "$T_NAME" = x86_64 ] || sfx=-$T_NAME
img=build/qemu-tests$sfx.cpio.gz log=build/qemu-tests$sfx.log
pass=0 fail=0
echo "qemu: $T_NAME ($T_QEMU $T_QARGS)"

ORACLE_ROOT=
case $T_NAME in x86_64*|i386) ;; *) ORACLE_ROOT=$top/build/oracle-$T_DEBARCH ;; esac
export ORACLE_ROOT
# Another architecture's nsbox: its toolchain (.ci/cross-deps) and `make ARCH=`, quick when
# up to date. x86_64's is make check's build/nsbox.
case $T_NAME in
x86_64*) ;;
*)	if [ -z "${NSBOX:-}" ] && { ! sh .ci/cross-deps "$T_NAME" > build/qemu-nsbox-$T_NAME.log 2>&1 ||
	      ! nice make -s ARCH="$T_NAME" all >> build/qemu-nsbox-$T_NAME.log 2>&1; }; then
		echo "FAIL qemu-nsbox (cannot build $T_NSBOX:)"
		sed 's/^/    /' build/qemu-nsbox-$T_NAME.log
		echo "0 passed, 1 failed"
		exit 1
	fi ;;
esac
if ! sh qemu/fetch-kernel.sh || ! sh qemu/fetch-oracle.sh ||
   ! ORACLE=/usr/sbin/ip KLIBC=/usr/lib/klibc/bin/ipconfig MODULES="veth bridge $T_NETMODS dummy 8021q macvlan ipvlan" \
     sh initramfs/build.sh $img initramfs/init tests/qemu/lib.sh tests/qemu/guest-*.sh; then
	echo "FAIL qemu-image (cannot build the initramfs)"
	echo "0 passed, 1 failed"
	exit 1
fi
boot=ok
t0=$(date +%s)
# Seconds before the boot counts as hung: 300, 600 for another architecture (aarch64 took 106
# to 167 s on a loaded 2-CPU machine, s390x 80 to 157 s).
secs=300
case $T_NAME in x86_64*|i386) ;; *) secs=600 ;; esac
sh qemu/boot.sh -n -t "${QEMU_SECS:-$secs}" $img $log || boot=failed
t1=$(date +%s)
echo "kernel $(cat "$T_KDIR/version"), image $(stat -c %s $img) bytes, nsbox $(stat -c %s "$T_NSBOX") bytes"
txt=$log.txt
tr -d '\r' < $log > $txt

# Results with the indented transcript that follows each FAIL.
awk '/^RESULT [^ ]+ (PASS|FAIL|SKIP)$/ { print $3, $2; show = ($3 != "PASS"); next }
     show && /^    / { print; next } { show = 0 }' $txt
pass=$(grep -Ec '^RESULT [^ ]+ PASS$' $txt)
fail=$(grep -Ec '^RESULT [^ ]+ FAIL$' $txt)
skipped=$(grep -Ec '^RESULT [^ ]+ SKIP$' $txt)

grep '^TIME ' $txt

# A second, short boot: the example image, ip=dhcp on the kernel command line.
ex=build/boot-example$sfx
t2=$(date +%s)
if sh initramfs/boot-example.sh dhcp $ex.log > $ex.out 2>&1 &&
   grep -Eq '^IP-Config: eth0 complete \(dhcp from 10\.0\.2\.2\):$' $ex.out &&
   grep -Eq '^    inet 10\.0\.2\.15/24 brd 10\.0\.2\.255 scope global eth0$' $ex.out &&
   grep -Eq '^10\.0\.2\.0/24 dev eth0 proto kernel scope link src 10\.0\.2\.15 $' $ex.out &&
   grep -q '^1 packets transmitted, 1 received' $ex.out; then
	echo "PASS boot-example"
	pass=$((pass + 1))
else
	echo "FAIL boot-example (ip=dhcp; its console:)"
	sed 's/^/    /' $ex.out
	fail=$((fail + 1))
fi
t3=$(date +%s)

# The netboot boots (issue 19; tests/qemu/netboot-boots.sh): /init over nsbox's netboot with
# dracut's command line, five boots of x86_64's 6.1 kernel, about 90 s.
if [ "$T_NAME" = x86_64 ]; then
	nbo=$(sh tests/qemu/netboot-boots.sh 2>&1)
	printf '%s\n' "$nbo" | grep -v '^[0-9]* passed, [0-9]* failed$'
	line=$(printf '%s\n' "$nbo" | tail -n 1)
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	case "$p$f" in *[!0-9]*|'') p=0; f=1 ;; esac
	pass=$((pass + p)); fail=$((fail + f))
fi

for g in tests/qemu/guest-*.sh; do
	grep -qx "END ${g##*/}" $txt && continue
	echo "FAIL ${g##*/} (did not run to its end)"
	fail=$((fail + 1))
done
if [ $boot != ok ] || ! grep -qx 'INIT DONE' $txt || [ $((pass + fail)) -eq 0 ]; then
	echo "FAIL qemu-boot (boot $boot; serial log $log, last lines:)"
	tail -n 20 $txt | sed 's/^/    /'
	fail=$((fail + 1))
fi
echo "BOOT $T_NAME tests $((t1 - t0))s, example $((t3 - t2))s, $skipped checks skipped"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
