# The few functions of iproute2's testsuite (testsuite/lib/generic.sh) that its bridge/vlan tests
# call, written for nsbox's sandbox tier, with the testsuite's contract: a failure is a line in
# $ERRF (the test passed when that file was never made); $IP and $BRIDGE are the tools under
# test, $STD_OUT and $STD_ERR the last command's output. The tests themselves are iproute2's,
# unchanged (tests/sandbox/iproute2/bridge/vlan/).
ts_log() { echo "$@"; }
ts_err() { ts_log "$@" | tee -a "$ERRF"; }

__ts_cmd() {
	CMD=$1; shift
	SCRIPT=$1; shift
	DESC=$1; shift
	$CMD "$@" 2>"$STD_ERR" >"$STD_OUT"
	if [ -s "$STD_ERR" ]; then
		ts_err "${SCRIPT}: ${DESC} failed:"
		ts_err "command: $CMD $*"
		ts_err "stderr output:"
		tee -a "$ERRF" <"$STD_ERR"
		if [ -s "$STD_OUT" ]; then
			ts_err "stdout output:"
			tee -a "$ERRF" <"$STD_OUT"
		fi
	elif [ -s "$STD_OUT" ]; then
		echo "${SCRIPT}: ${DESC} succeeded with output:"
		cat "$STD_OUT"
	else
		echo "${SCRIPT}: ${DESC} succeeded"
	fi
}
ts_ip() { __ts_cmd "$IP" "$@"; }
ts_bridge() { __ts_cmd "$BRIDGE" "$@"; }

# Names that are the same in every run, so two runs can be compared line for line ($(rand_dev)
# runs in a subshell: the counter lives in a file).
rand_dev() {
	n=$(($(cat "$STD_OUT.n" 2>/dev/null || echo 0) + 1))
	echo "$n" >"$STD_OUT.n"
	echo "dev-tst$(printf '%03d' "$n")"
}

pr_failed() { echo " [FAILED]"; ts_err "matching failed"; }
pr_success() { echo " [SUCCESS]"; }

test_on() {
	printf 'test on: "%s"' "$1"
	if grep -qE "$1" "$STD_OUT"; then pr_success; else pr_failed; fi
}
test_on_not() {
	printf 'test on: "%s"' "$1"
	if grep -vqE "$1" "$STD_OUT"; then pr_success; else pr_failed; fi
}
test_lines_count() {
	printf 'test on lines count (%s): ' "$1"
	if [ "$(wc -l <"$STD_OUT")" -eq "$1" ]; then pr_success; else pr_failed; fi
}
