#!/bin/sh
# Cross tier: for each architecture (arguments, else $CROSS_ARCHES, else all six), builds
# build/ARCH/nsbox with -Werror (make ARCH=...) and runs the unit tier built for it (musl,
# static, tests/cross/cmocka.c) under qemu-user; x86_64 runs natively. qemu-user does not
# translate every netlink request: NSBOX_QEMU_USER tells the tests that talk to the real
# kernel, which then skip with a printed reason. Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
archs=${*:-${CROSS_ARCHES:-x86_64 i386 aarch64 armhf riscv64 s390x}}
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
trap 'exit 2' INT TERM
tp=0; tf=0
for a in $archs; do
	case $a in
	x86_64) q= ;;
	i386) q=qemu-i386-static ;;
	aarch64) q=qemu-aarch64-static ;;
	armhf) q=qemu-arm-static ;;
	riscv64) q=qemu-riscv64-static ;;
	s390x) q=qemu-s390x-static ;;
	*) echo "$a: FAILED: unknown architecture"; tf=$((tf + 1)); continue ;;
	esac
	if ! make -s ARCH="$a" all >"$log" 2>&1; then
		cat "$log"
		echo "$a: FAILED: make ARCH=$a did not build build/$a/nsbox"
		tf=$((tf + 1)); continue
	fi
	if [ -n "$q" ] && ! command -v "$q" >/dev/null 2>&1; then
		echo "$a: FAILED: $q not found: run sh .ci/cross-deps $a"
		tf=$((tf + 1)); continue
	fi
	UNIT_MAKE="ARCH=$a" UNIT_RUNNER=$q NSBOX_B=build/$a env ${q:+NSBOX_QEMU_USER=1} \
		sh tests/unit/run.sh >"$log" 2>&1
	grep -v -E '^test_[a-z_0-9]+: [0-9]+ passed, 0 failed$|^[0-9]+ passed, [0-9]+ failed$' "$log"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	skipped=$(sed -n 's/^unit: \([0-9]*\) skipped.*/\1/p' "$log")
	if [ -z "$line" ]; then
		echo "$a: FAILED: the unit tier printed no result line"
		tf=$((tf + 1)); continue
	fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	echo "$a: $(stat -c %s "build/$a/nsbox") bytes; unit ${q:-native}: $p passed, $f failed, ${skipped:-0} skipped"
	tp=$((tp + p)); tf=$((tf + f))
done
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
