#!/bin/sh
# Fuzz tier: builds the libFuzzer targets (make fuzz-build) and runs each for $FUZZ_SECONDS
# (3 by default: the smoke of `make check`; `make fuzz` gives 60) on its corpus: the seeds in
# tests/fuzz/corpus/T and what earlier runs found, kept in build/fuzz/corpus/T. A target passes
# when it ends without a crash, a leak, a timeout (10 s on one input) or a failed check; a
# crash's input is kept as build/fuzz/crash/T-*. Arguments: the targets (default: all).
# Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
secs=${FUZZ_SECONDS:-3}
# FUZZ_RUNS=N: N executions each instead, however long they take.
limit="-max_total_time=$secs"
[ -n "$FUZZ_RUNS" ] && limit="-runs=$FUZZ_RUNS" secs=

log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
trap 'exit 2' INT TERM

if ! make -s fuzz-build >"$log" 2>&1; then
	tail -n 40 "$log"
	echo "fuzz: make fuzz-build failed (clang and libclang-rt-14-dev: make deps)"
	echo "0 passed, 1 failed"
	exit 1
fi
targets=$*
[ -n "$targets" ] || targets=$(ls tests/fuzz/fz_*.c | sed 's|.*/fz_||; s|\.c$||')
# Nothing a target does reaches the kernel (tests/fuzz/fakesys.c); as root it also runs in a
# network and mount namespace of its own.
ns=
[ "$(id -u)" = 0 ] && unshare --net true 2>/dev/null && ns="unshare --net --mount --propagation private --"
mkdir -p build/fuzz/crash
p=0; f=0
for t in $targets; do
	mkdir -p "build/fuzz/corpus/$t"
	seeds=tests/fuzz/corpus/$t
	[ -d "$seeds" ] || seeds=
	start=$(date +%s)
	$ns "build/fuzz/$t" $limit -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="build/fuzz/crash/$t-" "build/fuzz/corpus/$t" $seeds >"$log" 2>&1
	rc=$?
	execs=$(sed -n "s/^stat::number_of_executed_units: *//p" "$log" | tail -n 1)
	last=$(grep -E '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\).*corp: \([0-9]*\).*/cov \1 ft \2 corpus \3/p')
	if [ "$rc" -eq 0 ] && ! grep -q -e '^==[0-9]*==ERROR' -e 'runtime error:' "$log"; then
		echo "fuzz $t: ok, ${execs:-?} runs in ${secs:-$(($(date +%s) - start))}s, ${cov:-no coverage line}"
		p=$((p + 1))
	else
		grep -E -A 30 -e '^==[0-9]*==ERROR|runtime error:|deadly signal|ALARM|Timeout' "$log" | head -n 50
		grep -e '^artifact_prefix' -e 'Test unit written' "$log"
		echo "fuzz $t: FAILED (exit $rc), ${execs:-?} runs, ${cov:-no coverage line}"
		f=$((f + 1))
	fi
done
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
