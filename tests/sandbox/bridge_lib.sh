# Helpers of the bridge_*.test files (sourced after lib.sh): the same case run under iproute2's
# bridge and nsbox's.
#   brcase 'ARGS'            same stdout, stderr and exit code
#   brmut 'ARGS' 'UNDO'      the same, and the same state after (links with -d, bridge ports,
#                            fdb, mdb); UNDO (shell) runs after each
BR="$NSBOX bridge"
ORACLE_BRIDGE=/usr/sbin/bridge

br_run() { # o|n ARGS -> $T/o|n.out .err .rc
	if [ "$1" = o ]; then
		eval "$ORACLE_BRIDGE $2" >"$T/$1.out" 2>"$T/$1.err"
	else
		eval "$BR $2" >"$T/$1.out" 2>"$T/$1.err"
	fi
	echo $? >"$T/$1.rc"
}

brcase() {
	br_run o "$1"
	br_run n "$1"
	same "bridge $1"
}

# brcase_m 'ARGS': the same with timers masked (-s).
brcase_m() {
	for t in o n; do
		br_run $t "$1"
		br_mask <"$T/$t.out" >"$T/$t.m" && mv "$T/$t.m" "$T/$t.out"
	done
	same "bridge $1"
}

# No traffic of its own (IPv6 DAD, MLD): the bridges learn nothing between two runs.
br_quiet() {
	sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
}

# Links just set up: their carrier shows (LOWER_UP, not NO-CARRIER) when the kernel's link
# watch runs, up to a second later; wait for it, so that the state compared does not change
# between two runs.
br_settle() {
	i=0
	while [ $i -lt 50 ] && $ORACLE link show | grep -q NO-CARRIER; do sleep 0.1; i=$((i + 1)); done
}

# Timers and MACs the kernel picks differ between the two runs.
br_mask() { sed -E 's/[0-9a-f]{2}(:[0-9a-f]{2}){5}/MAC/g; s/used [0-9]+\/[0-9]+/used T/g; s/ +[0-9]+\.[0-9]{2}/ T/g'; }

br_state() {
	{
		$ORACLE -d -o link show | sed -E 's/^[0-9]+: //; s/@if[0-9]+/@ifN/'
		$ORACLE_BRIDGE -d link show
		# Entries the bridge learned from traffic (no permanent/static flag) come and go with
		# the timing of router solicitations: not part of what a command did.
		$ORACLE_BRIDGE fdb show | grep -Ev ' master [^ ]+ *$'
		$ORACLE_BRIDGE -d mdb show
		$ORACLE_BRIDGE -d vlan show 2>&1
		$ORACLE_BRIDGE vlan show
	} 2>&1 | br_mask >"$1"
}

brmut() {
	br_run o "$1"; br_state "$T/o.state"; eval "$2" >/dev/null 2>&1
	br_run n "$1"; br_state "$T/n.state"; eval "$2" >/dev/null 2>&1
	if cmp -s "$T/o.state" "$T/n.state"; then
		same "bridge $1"
	else
		bad "bridge $1 (state)" "$(diff -u "$T/o.state" "$T/n.state")"
	fi
}
