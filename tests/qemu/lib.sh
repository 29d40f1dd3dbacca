# Sourced by the guest-*.sh scripts inside the QEMU guest (BusyBox sh, /init's mounts).
# nsbox's applets are run as /sbin/NAME: BusyBox's sh would run its own ip, ping or modprobe
# for a bare name. guest-0-setup.sh asserts that /sbin/NAME links to /bin/nsbox.
# Each check prints "RESULT name PASS|FAIL", and on FAIL the transcript of its commands.
# With DEMO=1 on the kernel command line, the transcript ("$ cmd", then its output) is
# printed as it goes, like the article.
set -u
out=/tmp/out buf=/tmp/buf
: > $buf

# x CMD ARG...: runs nsbox's CMD; its output is in $out and in the transcript. A command
# that hangs is killed after 15 s, so one hang costs one check, not the whole boot.
x() {
	c=$1; shift
	rc=0
	timeout 15 /sbin/"$c" "$@" > $out 2>&1 || rc=$?
	[ $rc -eq 0 ] || echo "[exit $rc$( [ $rc -ne 143 ] || echo ', killed after 15 s')]" >> $out
	{ echo "\$ $c $*"; cat $out; } >> $buf
	[ "${DEMO:-}" != 1 ] || { echo "\$ $c $*"; cat $out; }
	return $rc
}

# has ERE: the last command's output has a matching line; noted in the transcript if not.
has() {
	grep -Eq -- "$1" $out || { echo "(expected a line matching: $1)" >> $buf; return 1; }
}

# lacks ERE: the last command's output has no matching line.
lacks() {
	! grep -Eq -- "$1" $out || { echo "(expected no line matching: $1)" >> $buf; return 1; }
}

# ping_ok DST [TTL]: iputils' output for one answered echo request (TTL 64 unless given:
# QEMU's slirp gateway answers with 255).
ping_ok() {
	has "^PING $1 \($1\) 56\(84\) bytes of data\.$" &&
	has "^64 bytes from $1: icmp_seq=1 ttl=${2:-64} time=[0-9.]+ ms$" &&
	has "^1 packets transmitted, 1 received, 0% packet loss"
}

# fact TEST...: a condition on the system, noted in the transcript when it fails.
fact() {
	"$@" || { echo "(expected: $*)" >> $buf; return 1; }
}

check() {
	n=$1; shift
	if "$@"; then
		echo "RESULT $n PASS"
	else
		echo "RESULT $n FAIL"
		[ "${DEMO:-}" = 1 ] || sed 's/^/    /' $buf
	fi
	: > $buf
}

# skip NAME REASON: a check that cannot be made on this guest, with the reason (the host lists
# them; they count neither as passed nor as failed).
skip() { echo "RESULT $1 SKIP"; echo "    $2"; }

say() { [ "${DEMO:-}" != 1 ] || printf '\n# %s\n' "$*"; }

# wait_up [NS] DEV: up to 3 s for DEV's operstate to be UP, so one ping is a fair test.
wait_up() {
	i=0
	while [ $i -lt 30 ]; do
		if [ $# -eq 2 ]; then
			/sbin/ip netns exec "$1" ip link show dev "$2"
		else
			/sbin/ip link show dev "$1"
		fi 2>/dev/null | grep -q 'state UP' && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# reset: no namespaces or veth left from a scenario (quiet, not a check).
reset() {
	for n in ns1 ns2; do
		[ -e /run/netns/$n ] || continue
		/sbin/ip netns delete $n >/dev/null 2>&1 ||
			{ umount /run/netns/$n; rm -f /run/netns/$n; } >/dev/null 2>&1
	done
	[ ! -e /sys/class/net/veth-a ] || /sbin/ip link del veth-a >/dev/null 2>&1 || true
}

# end: the script ran to its end (the host counts a missing END as a failure).
end() { echo "END ${0##*/}"; }
