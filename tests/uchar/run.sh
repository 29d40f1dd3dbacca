#!/bin/sh
# Unsigned-char tier: nsbox and the unit tests built with -funsigned-char (char is unsigned on
# ARM, RISC-V and s390x) in build/uchar (make UNSIGNED_CHAR=1), then the x86_64 unit and
# sandbox tiers run on that build. Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
trap 'exit 2' INT TERM
if ! make -s UNSIGNED_CHAR=1 all >"$log" 2>&1; then
	cat "$log"
	echo "uchar: make UNSIGNED_CHAR=1 failed"
	echo "0 passed, 1 failed"
	exit 1
fi
tp=0; tf=0
for tier in unit sandbox; do
	UNIT_MAKE=UNSIGNED_CHAR=1 NSBOX_B=build/uchar sh "tests/$tier/run.sh" >"$log" 2>&1
	grep -v -E '^test_[a-z_0-9]+: [0-9]+ passed, 0 failed$|^tests/sandbox/.*: [0-9]+ passed, 0 failed$|^PASS' "$log"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		echo "uchar: $tier printed no result line"
		tf=$((tf + 1)); continue
	fi
	echo "uchar $tier: $line"
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	tp=$((tp + p)); tf=$((tf + f))
done
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
