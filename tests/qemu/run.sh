#!/bin/sh
# QEMU tier: one boot of Debian's cloud kernel running tests/qemu/guest-*.sh against
# build/nsbox. Counts each RESULT line; a failed or hung boot, or a guest script that did
# not reach its END line, is one failure more. Last line: "N passed, N failed".
# The image adds what `make demo` lacks: the host's iproute2 ip as /oracle/ip (with its glibc
# libraries) for differential checks, and the modules of the link kinds they create.
set -u
cd "$(dirname "$0")/../.." || exit 2
img=build/qemu-tests.cpio.gz log=build/qemu-tests.log
pass=0 fail=0

if ! sh qemu/fetch-kernel.sh ||
   ! ORACLE=/usr/sbin/ip KLIBC=/usr/lib/klibc/bin/ipconfig MODULES="veth bridge virtio_net virtio_pci dummy 8021q macvlan ipvlan" \
     sh initramfs/build.sh $img initramfs/init tests/qemu/lib.sh tests/qemu/guest-*.sh; then
	echo "FAIL qemu-image (cannot build the initramfs)"
	echo "0 passed, 1 failed"
	exit 1
fi
boot=ok
sh qemu/boot.sh -n $img $log || boot=failed
txt=$log.txt
tr -d '\r' < $log > $txt

# Results with the indented transcript that follows each FAIL.
awk '/^RESULT [^ ]+ (PASS|FAIL)$/ { print $3, $2; show = ($3 == "FAIL"); next }
     show && /^    / { print; next } { show = 0 }' $txt
pass=$(grep -Ec '^RESULT [^ ]+ PASS$' $txt)
fail=$(grep -Ec '^RESULT [^ ]+ FAIL$' $txt)

grep '^TIME ' $txt

# A second, short boot: the example image, ip=dhcp on the kernel command line.
if sh initramfs/boot-example.sh dhcp build/boot-example.log > build/boot-example.out 2>&1 &&
   grep -Eq '^IP-Config: eth0 complete \(dhcp from 10\.0\.2\.2\):$' build/boot-example.out &&
   grep -Eq '^    inet 10\.0\.2\.15/24 brd 10\.0\.2\.255 scope global eth0$' build/boot-example.out &&
   grep -Eq '^10\.0\.2\.0/24 dev eth0 proto kernel scope link src 10\.0\.2\.15 $' build/boot-example.out &&
   grep -q '^1 packets transmitted, 1 received' build/boot-example.out; then
	echo "PASS boot-example"
	pass=$((pass + 1))
else
	echo "FAIL boot-example (ip=dhcp; its console:)"
	sed 's/^/    /' build/boot-example.out
	fail=$((fail + 1))
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
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
