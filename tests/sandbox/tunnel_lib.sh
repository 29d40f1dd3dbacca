# Helpers of tunnel.test and tunnel_ip.test.
$ORACLE link add d0 type veth peer name d1
# tstate: every link's detailed listing, one line each and JSON (ifindexes, random MACs masked).
tmask() { sed -E 's/^[0-9]+: /N: /; s/"(ifindex|link_index)":[0-9]+/"\1":N/g; s/(link\/ether |"address":")[0-9a-f:]{17}/\1MAC/g; s/(permaddr |"permaddr":")[0-9a-f:]+/\1X/g'; }
# One line per link, sorted: a set case's undo makes its link again, last in the listing.
tstate() { { $ORACLE -d -o link show; $ORACLE -d -j link show | sed 's/^\[//; s/\]$//; s/},{"ifindex"/}\n{"ifindex"/g'; } 2>&1 | tmask | sort; }
tcase() { # ARGS UNDO: ip link ARGS by each tool, the same output, exit code and links
	run_as o "link $1"; tstate >"$T/o.state"; eval "$2" >/dev/null 2>&1
	run_as n "link $1"; tstate >"$T/n.state"; eval "$2" >/dev/null 2>&1
	if cmp -s "$T/o.state" "$T/n.state"; then
		same "ip link $1"
	else
		bad "ip link $1 (state)" "$(diff -u "$T/o.state" "$T/n.state")"
	fi
}
# Whether this kernel makes links of a kind (KIND WORDS: words that no fallback device gre0,
# ip6tnl0 ... has, which would make the probe a duplicate): in the guest it must.
have() {
	if $ORACLE link add tprobe type "$@" >/dev/null 2>&1; then
		$ORACLE link del tprobe
		return 0
	fi
	if [ "${NSBOX_GUEST:-}" = 1 ]; then
		bad "kind $1 missing in the guest"
	else
		echo "NOTE: no $1 in this kernel: its links, -d and set are not tested here"
	fi
	return 1
}
