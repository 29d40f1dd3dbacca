#!/bin/sh
# `make demo`: plays the article's scenarios 1-4 with nsbox in a QEMU guest and prints the
# transcript ("$ command", then nsbox's output) from the serial log, then a verdict.
set -u
cd "$(dirname "$0")/.." || exit 2
img=build/demo.cpio.gz log=build/demo.log

if ! sh qemu/fetch-kernel.sh ||
   ! sh initramfs/build.sh $img initramfs/init tests/qemu/lib.sh tests/qemu/guest-[0-4]-*.sh; then
	echo "demo: FAILED to build the image"
	exit 1
fi
boot=ok
sh qemu/boot.sh -n -a DEMO=1 $img $log || boot=failed
txt=$log.txt
tr -d '\r' < $log > $txt

sed -n '/^INIT START$/,/^INIT DONE$/p' $txt | grep -Ev '^(INIT (START|DONE)|RESULT .*|END .*)$' |
	grep -Ev '^\[ *[0-9]+\.[0-9]+\] '
echo
bad=$(sed -n 's/^RESULT \([^ ]*\) FAIL$/\1/p' $txt | tr '\n' ' ')
n=$(grep -Ec '^RESULT [^ ]+ PASS$' $txt)
for g in tests/qemu/guest-[0-4]-*.sh; do
	grep -qx "END ${g##*/}" $txt || bad="$bad${g##*/}(unfinished) "
done
grep -qx 'INIT DONE' $txt || bad="${bad}boot-incomplete "
[ $boot = ok ] || bad="${bad}boot-$boot "
if [ -z "$bad" ] && [ "$n" -gt 0 ]; then
	echo "demo: scenarios 1-4 passed ($n checks)"
else
	echo "demo: FAILED: ${bad:-no results} (serial log: $log)"
	exit 1
fi
