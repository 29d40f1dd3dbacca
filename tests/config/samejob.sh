#!/bin/sh
# tests/config/samejob.sh NSBOX: runs each line of tests/config/samejob.txt with NSBOX (`NSBOX ip
# ...`), in order, and prints one line per command: its exit code, a tab, and what it printed
# (stdout then stderr, newlines as ~, MAC addresses as M). The config tier runs it in a network
# and mount namespace of its own, once for defconfig and once for each smaller configuration.
b=$1
d=$(dirname "$0")
while IFS= read -r c; do
	# shellcheck disable=SC2086
	$b $c </dev/null >/tmp/samejob.$$ 2>&1
	rc=$?
	printf '%s\t%s\n' "$rc" "$(sed -E 's/([0-9a-f]{2}:){5}[0-9a-f]{2}/M/g' /tmp/samejob.$$ | tr '\n' '~')"
done <"$d/samejob.txt"
rm -f /tmp/samejob.$$
