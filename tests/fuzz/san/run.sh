#!/bin/sh
# The last tier of `make check SANITIZE=1`: what ASan and UBSan reported while the unit and
# sandbox tiers ran (their reports go to $NSBOX_B/log, not into the output the tests compare).
# A process whose report holds an error is a failure; warnings are listed, not counted.
# Last line: "N passed, N failed" (processes with no error, with one).
cd "$(dirname "$0")/../../.." || exit 2
log=${NSBOX_B:-build/san}/log
p=0; f=0
for r in "$log"/*; do
	[ -e "$r" ] || continue
	if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' -e 'ERROR: LeakSanitizer' "$r"; then
		f=$((f + 1))
		[ $f -le 10 ] && { echo "== $r"; head -n 40 "$r"; }
	else
		p=$((p + 1))
		echo "warning only: $r: $(head -n 1 "$r")"
	fi
done
echo "sanitizers: $f processes with an error, $p with warnings only"
echo "0 passed, $f failed"
[ "$f" -eq 0 ]
