#!/bin/sh
# Unit tier: builds the cmocka tests (make unit), runs one binary per tests/unit/test_*.c and
# sums the cmocka summaries. Last line: "N passed, N failed". A binary that is missing, crashes,
# hangs (killed after $UNIT_TIMEOUT s) or prints no summary counts as one failure.
# tests/cross/run.sh runs it for a cross build: UNIT_MAKE (make's arguments, e.g. ARCH=aarch64)
# and UNIT_RUNNER (qemu-aarch64-static) then name the build and what runs its binaries.
cd "$(dirname "$0")/../.." || exit 2
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
trap 'exit 2' INT TERM

if ! make -s ${UNIT_MAKE:-} unit >"$log" 2>&1; then
	cat "$log"
	echo "unit: make unit failed"
	echo "0 passed, 1 failed"
	exit 1
fi

# cmocka's plain format, whatever the environment asks for.
CMOCKA_MESSAGE_OUTPUT=stdout
export CMOCKA_MESSAGE_OUTPUT
unset CMOCKA_XML_FILE
to=${UNIT_TIMEOUT:-300}
tmo=
command -v timeout >/dev/null 2>&1 && tmo="timeout $to"

# Sum of the numbers in lines matching $1 (not anchored: cmocka writes the summary to stderr
# and the rest to stdout, so a summary can land in the middle of a line).
count() {
	grep -o "$1" "$log" | sed 's/[^0-9]*\([0-9][0-9]*\).*/\1/' | awk '{ s += $1 } END { print s + 0 }'
}

tp=0; tf=0; ts=0; n=0
for src in tests/unit/test_*.c; do
	[ -e "$src" ] || continue
	n=$((n + 1))
	name=$(basename "$src" .c)
	bin=${NSBOX_B:-build}/unit/$name
	if [ ! -x "$bin" ]; then
		echo "$name: FAILED: $bin was not built"
		tf=$((tf + 1)); continue
	fi
	$tmo ${UNIT_RUNNER:-} "$bin" >"$log" 2>&1
	rc=$?
	sums=$(grep -c '\[  PASSED  \] [0-9]* test(s)\.' "$log")
	p=$(count '\[  PASSED  \] [0-9]* test(s)\.')
	f=$(count '\[  FAILED  \] [0-9]* test(s), listed below:')
	if [ "$sums" -eq 0 ] || { [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; }; then
		# Crashed, hung or ended without a summary: show what it printed.
		grep -v -e '^\[ RUN      \]' -e '^\[       OK \]' "$log" | tail -n 40
		case $rc in
		124) why="timed out after ${to}s" ;;
		0) why="no cmocka summary" ;;
		*) why="exit status $rc" ;;
		esac
		[ "$rc" -gt 128 ] && [ "$rc" -ne 124 ] && why="killed by signal $((rc - 128))"
		echo "$name: FAILED: $why (after $p passed)"
		tp=$((tp + p)); tf=$((tf + f + 1)); continue
	fi
	# Skipped tests: the reasons they printed ("...: skipped: why").
	grep ': skipped: ' "$log"
	ts=$((ts + $(count '\[  SKIPPED \] [0-9]* test(s), listed below:')))
	if [ "$f" -gt 0 ]; then
		# Assertion messages and the failing tests' names.
		grep -v -e '^\[ RUN      \]' -e '^\[       OK \]' -e '^\[==========\]' "$log"
	fi
	echo "$name: $p passed, $f failed"
	tp=$((tp + p)); tf=$((tf + f))
done
if [ "$n" -eq 0 ]; then
	echo "unit: no tests/unit/test_*.c"
	tf=$((tf + 1))
fi
[ "$ts" -gt 0 ] && echo "unit: $ts skipped (not counted as passed)"
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
