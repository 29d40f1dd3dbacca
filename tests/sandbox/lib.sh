# Helpers for .test files (sourced inside the sandbox). One case per line:
#   diffcase 'ip ARGS'            iproute2 and nsbox give the same stdout, stderr and exit code
#   mutcase 'ip ARGS' 'UNDO'      the same output, exit code and resulting state (links, addresses,
#                                 routes, netns list); UNDO (shell) runs after each
#   testing NAME 'SHELL' 'OUT'    SHELL's stdout+stderr equals OUT (printf %b escapes)
#   testrc NAME RC 'SHELL'        SHELL exits with RC
# $IP is nsbox's ip, $ORACLE iproute2's; $NSBOX the nsbox binary.
NSBOX=$TOP/${NSBOX_B:-build}/nsbox   # make SANITIZE=1, tests/fuzz/valgrind.sh: another build
IP="$NSBOX ip"
ORACLE=/usr/sbin/ip
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "PASS: $1"; }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $1"
	shift
	printf '%s\n' "$@" | sed 's/^/    /'
}

run_as() { # TOOL ARGS -> $T/TOOL.out .err .rc
	tool=$1; shift
	if [ "$tool" = o ]; then
		eval "$ORACLE $*" >"$T/$tool.out" 2>"$T/$tool.err"
	else
		eval "$IP $*" >"$T/$tool.out" 2>"$T/$tool.err"
	fi
	echo $? >"$T/$tool.rc"
}

same() { # NAME: compare o.* with n.*
	if cmp -s "$T/o.out" "$T/n.out" && cmp -s "$T/o.err" "$T/n.err" && cmp -s "$T/o.rc" "$T/n.rc"; then
		ok "$1"
	else
		bad "$1" "$(for k in out err rc; do diff -u "$T/o.$k" "$T/n.$k" | sed "1,2s|$T/||"; done)"
	fi
}

diffcase() {
	args=${1#ip }
	run_as o "$args"
	run_as n "$args"
	same "$1"
}

# State that does not depend on ifindex numbering or random MACs.
state() {
	{
		$ORACLE -o link show | sed -E 's/^[0-9]+: //; s/@if[0-9]+/@ifN/; s|link/ether [0-9a-f:]+|link/ether MAC|'
		$ORACLE -o addr show | sed -E 's/^[0-9]+: //; s/fe80::[0-9a-f:]+/fe80::X/'
		$ORACLE route show table all
		ls /run/netns 2>/dev/null
	} | state_filter >"$1"
}
# A test file may redefine it to make what the kernel orders by timing comparable.
state_filter() { cat; }

mutcase() {
	args=${1#ip }
	run_as o "$args"; state "$T/o.state"; eval "$2" >/dev/null 2>&1
	run_as n "$args"; state "$T/n.state"; eval "$2" >/dev/null 2>&1
	if cmp -s "$T/o.state" "$T/n.state"; then
		same "$1"
	else
		bad "$1 (state)" "$(diff -u "$T/o.state" "$T/n.state")"
	fi
}

testing() {
	got=$(eval "$2" 2>&1; echo x)
	want=$(printf '%b' "$3"; echo x)
	if [ "$got" = "$want" ]; then
		ok "$1"
	else
		bad "$1" "expected:" "${want%x}" "got:" "${got%x}"
	fi
}

testrc() {
	eval "$3" >"$T/rc.out" 2>&1
	rc=$?
	if [ "$rc" = "$2" ]; then
		ok "$1"
	else
		bad "$1" "expected exit $2, got $rc" "$(cat "$T/rc.out")"
	fi
}

# wait_netns PID: until the process has left this network namespace (at most 5 s).
wait_netns() {
	i=0
	while [ $i -lt 50 ] && [ "$(readlink /proc/$1/ns/net 2>/dev/null)" = "$(readlink /proc/self/ns/net)" ]; do
		sleep 0.1; i=$((i + 1))
	done
}

# newmounts: the lines of /proc/self/mountinfo made since the sandbox started. Tests count mounts
# with it, never over the whole table, which is a copy of the host's (a host with named
# namespaces has a /run/netns bind and nsfs mounts there, hidden under the sandbox's /run).
# A test that goes on in a mount namespace of its own takes a new list there (MOUNTS0).
newmounts() {
	awk 'NR == FNR { old[$1]; next } !($1 in old)' "${MOUNTS0:-$T/mounts0}" /proc/self/mountinfo
}
