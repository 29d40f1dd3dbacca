#!/bin/sh
# The workloads, run inside the throwaway sandbox that bench/run.sh makes. Appends one raw record
# per measurement to $RAW:  TOOL WORKLOAD FIGURE SAMPLE VALUE UNIT  or  ... SAMPLE n/a UNIT WHY
# (SAMPLE: which round, and run within it, the value is from; the tools' values of one sample were
# measured side by side). bench/report.awk turns them into medians, ratios and target verdicts.
# Progress goes to stderr.
if [ -z "${HOST_NS:-}" ] || [ "$(readlink /proc/self/ns/net)" = "$HOST_NS" ]; then
	echo "bench: not in a private network namespace; refusing to run" >&2
	exit 99
fi
mount -t tmpfs none /run || exit 98
# Both must be ours alone: a fresh netns and a fresh /run.
[ "$(readlink /proc/self/ns/net)" != "$HOST_NS" ] && [ -z "$(ls -A /run)" ] || exit 97

set -u
export LC_ALL=C
cd "$TOP" || exit 96
F=$TOP/build/bench/floor
R=$TOP/build/bench/runner
ROUNDS=${BENCH_ROUNDS:-5}
T=$(mktemp -d /tmp/nsbox-bench.XXXXXX) || exit 95
trap 'rm -rf "$T"' EXIT
mkdir "$T/nsbox" "$T/busybox"
# A copy, not a link: others may rebuild build/nsbox while this runs; every figure is of one binary.
cp "$TOP/build/nsbox" "$T/nsbox/ip" || exit 94
ln -s /bin/busybox "$T/busybox/ip"
TOOLS="iproute2 busybox nsbox floor"

T0=$(date +%s)
say() { echo "bench: $(($(date +%s) - T0)) s: $*" >&2; }
SAMPLE=1
rec() { echo "$1 $2 $3 $SAMPLE $4 $5" >>"$RAW"; }
na() { t=$1 w=$2 f=$3 u=$4; shift 4; echo "$t $w $f $SAMPLE n/a $u $*" >>"$RAW"; }
info() { echo "info $*" >>"$RAW"; }

ipcmd() {
	case $1 in
	iproute2) echo /usr/sbin/ip ;;
	busybox) echo "$T/busybox/ip" ;;
	nsbox) echo "$T/nsbox/ip" ;;
	esac
}

# The tools in round $1's order, a Williams square: over four rounds each tool comes first once
# and follows each other tool once, so no tool always inherits the same predecessor's aftermath.
order() {
	case $(($1 % 4)) in
	1) echo iproute2 busybox floor nsbox ;;
	2) echo busybox nsbox iproute2 floor ;;
	3) echo nsbox floor busybox iproute2 ;;
	0) echo floor iproute2 nsbox busybox ;;
	esac
}

# measure "RUNNER-OPTS" CMDFN TOOL...: one runner call whose commands, `CMDFN TOOL` for each
# TOOL, run interleaved. Sets, per tool: TOOL_ok (1 when every run exited 0), TOOL_median,
# TOOL_first, TOOL_last, TOOL_total, TOOL_rss, TOOL_why (what the tool said when it failed).
measure() {
	opts=$1 fn=$2; shift 2
	tools=$*
	set --
	for t in $tools; do
		[ $# -eq 0 ] || set -- "$@" ::
		set -- "$@" $($fn $t)
	done
	rm -f "$T"/err.*
	out=$(timeout 200 "$R" $opts -e "$T/err" "$@" 2>"$T/err.runner")
	k=0
	for t in $tools; do
		k=$((k + 1))
		r_fail=1 r_median_us=0 r_total_us=0 r_first_us=0 r_last_us=0 r_rss_kib=0
		for kv in $(echo "$out" | sed -n "${k}p"); do
			case $kv in
			*=*[!0-9.]*) ;;
			*=*) eval "r_${kv%%=*}=${kv#*=}" ;;
			esac
		done
		why=$(head -n 1 "$T/err.$((k - 1))" 2>/dev/null)
		[ -n "$why" ] || why=$(head -n 1 "$T/err.runner")
		[ -n "$why" ] || why="no result"
		ok=0; [ "$r_fail" = 0 ] && ok=1
		eval "${t}_ok=$ok ${t}_median=$r_median_us ${t}_first=$r_first_us ${t}_last=$r_last_us"
		eval "${t}_total=$r_total_us ${t}_rss=$r_rss_kib"
		eval "${t}_why=\$why"
	done
}
ok() { eval "[ \"\$${1}_ok\" = 1 ]"; }
val() { eval "echo \"\$${1}_$2\""; }
why() { eval "echo \"\$${1}_why\""; }

nlinks() { "$F" links | wc -l; } # in this namespace
nlinks_in() { "$F" nsexec "$1" "$F" links | wc -l; }
flush() { "$F" flush || say "flush failed"; }
flush_in() { "$F" nsexec "$1" "$F" flush || say "flush in $1 failed"; }

# ---- detection ----
KIND=
for k in dummy ifb bridge; do
	if "$F" add benchprobe0 "$k" 2>/dev/null; then KIND=$k; break; fi
done
flush
HAVE_VETH=0
if "$F" add benchprobe0 veth 2>/dev/null; then HAVE_VETH=1; fi
flush
HAVE_BATCH=0
"$T/nsbox/ip" -batch /dev/null 2>/dev/null && HAVE_BATCH=1
info kind "${KIND:-none}"
info veth "$HAVE_VETH"
info nsbox_batch "$HAVE_BATCH"
info rounds "$ROUNDS"
say "link kind ${KIND:-none}, veth $HAVE_VETH, nsbox -batch $HAVE_BATCH, $ROUNDS rounds"

# Does TOOL's output of CMD match iproute2's (in $T/out.iproute2)? nsbox and the floor aim at
# iproute2's bytes.
check_output() { # W TOOL CMD...
	w=$1 t=$2; shift 2
	"$@" >"$T/out.$t" 2>&1
	if cmp -s "$T/out.$t" "$T/out.iproute2"; then
		info "check.$w.$t same-as-iproute2"
	else
		diff "$T/out.iproute2" "$T/out.$t" >"$TOP/build/bench/diff.$w.$t"
		info "check.$w.$t DIFFERS-from-iproute2 ($(grep -c '^[<>]' "$TOP/build/bench/diff.$w.$t")" \
			"lines: build/bench/diff.$w.$t)"
	fi
}

# ---- W1: one `ip link show lo` process (200 a round, the tools interleaved) ----
w1cmd() { case $1 in floor) echo "$F show lo" ;; *) echo "$(ipcmd "$1") link show lo" ;; esac; }
w_W1() {
	say "W1 ip link show lo"
	r=1
	while [ $r -le "$ROUNDS" ]; do
		SAMPLE=$r
		measure "-n 200" w1cmd $(order $r)
		for t in $TOOLS; do
			if ok $t; then rec $t W1 wall "$(val $t median)" us; else na $t W1 wall us "$(why $t)"; fi
		done
		r=$((r + 1))
	done
	SAMPLE=m
	measure "-m -n 5" w1cmd $TOOLS
	for t in $TOOLS; do
		if ok $t; then rec $t W1 rss "$(val $t rss)" KiB; else na $t W1 rss KiB "$(why $t)"; fi
	done
	/usr/sbin/ip link show lo >"$T/out.iproute2" 2>&1
	for t in $TOOLS; do
		[ $t = busybox ] || [ $t = iproute2 ] || check_output W1 $t $(w1cmd $t)
		if ! command -v valgrind >/dev/null; then
			na $t W1 instr instr "valgrind is not installed"
			continue
		fi
		n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $(w1cmd $t) 2>&1 >/dev/null |
			sed -n 's/.*Collected : *\([0-9]*\).*/\1/p')
		if [ -n "$n" ]; then rec $t W1 instr "$n" instr; else na $t W1 instr instr "callgrind failed"; fi
	done
}

# ---- W2a: 1000 `ip link add` processes (interleaved, each tool in a namespace of its own) ----
w2acmd() {
	case $1 in
	floor) echo "@/run/netns/w2a$1 $F add v%d $KIND" ;;
	*) echo "@/run/netns/w2a$1 $(ipcmd "$1") link add v%d type $KIND" ;;
	esac
}
w_W2a() {
	say "W2a 1000 x ip link add"
	if [ -z "$KIND" ]; then
		for t in $TOOLS; do na $t W2a wall us/op "no single-device link kind in this kernel"; done
		return
	fi
	for t in $TOOLS; do "$F" nsadd w2a$t; done
	r=1
	while [ $r -le "$ROUNDS" ]; do
		SAMPLE=$r
		for t in $TOOLS; do flush_in w2a$t; done
		measure "-n 1000" w2acmd $(order $r)
		for t in $TOOLS; do
			if ok $t && [ "$(nlinks_in w2a$t)" -eq 1001 ]; then
				rec $t W2a wall "$(val $t median)" us/op
				rec $t W2a first100 "$(val $t first)" us/op
				rec $t W2a last100 "$(val $t last)" us/op
				rec $t W2a growth "$(echo "$(val $t last) $(val $t first)" | awk '{ printf "%.3f", $1 / $2 }')" x
			else
				for f in wall first100 last100; do na $t W2a $f us/op "$(why $t)"; done
				na $t W2a growth x "$(why $t)"
			fi
		done
		r=$((r + 1))
	done
	for t in $TOOLS; do flush_in w2a$t; "$F" nsdel w2a$t; done
}

# batch_rounds ID CMDFN OPS CHECK: one-process (-batch) runs, the tools taking turns, six runs
# a round; a run counts when CHECK (shell) holds afterwards. Figures are per op.
batch_rounds() {
	r=1
	while [ $r -le "$ROUNDS" ]; do
		for rep in 1 2 3 4 5 6; do
			SAMPLE=$r.$rep
			for t in $(order $((r + rep))); do
				[ $t = busybox ] && continue
				[ $t = nsbox ] && [ "$HAVE_BATCH" = 0 ] && continue
				flush
				measure "-n 1" "$2" $t
				if ok $t && eval "$4"; then
					rec $t "$1" wall "$(echo "$(val $t total)" | awk -v n="$3" '{ printf "%.2f", $1 / n }')" us/op
				else
					na $t "$1" wall us/op "$(why $t)"
				fi
			done
		done
		r=$((r + 1))
	done
}

# ---- W2b: the same 1000 adds in one `ip -batch`: one process, so the tools take turns, six
# runs each a round ----
w2bcmd() {
	case $1 in
	floor) echo "$F addn v $KIND 1000" ;;
	*) echo "$(ipcmd "$1") -batch $T/w2b.batch" ;;
	esac
}
w_W2b() {
	say "W2b ip -batch with 1000 link adds"
	na busybox W2b wall us/op "busybox ip has no -batch"
	[ "$HAVE_BATCH" = 1 ] || na nsbox W2b wall us/op "nsbox ip has no -batch yet"
	if [ -z "$KIND" ]; then
		for t in iproute2 nsbox floor; do na $t W2b wall us/op "no single-device link kind in this kernel"; done
		return
	fi
	i=0
	while [ $i -lt 1000 ]; do echo "link add v$i type $KIND"; i=$((i + 1)); done >"$T/w2b.batch"
	batch_rounds W2b w2bcmd 1000 'test "$(nlinks)" -eq 1001'
	flush
}

# ---- W3: 500 veth pairs, the peers created into 10 namespaces (-batch; as W2b) ----
w3cmd() {
	case $1 in
	floor) echo "$F veth 500 10" ;;
	*) echo "$(ipcmd "$1") -batch $T/w3.batch" ;;
	esac
}
w_W3() {
	say "W3 ip -batch with 500 veth pairs into 10 namespaces"
	na busybox W3 wall us/op "busybox ip has no netns and no -batch"
	if [ "$HAVE_VETH" = 0 ]; then
		for t in iproute2 nsbox floor; do na $t W3 wall us/op "no veth in this kernel"; done
		return
	fi
	[ "$HAVE_BATCH" = 1 ] || na nsbox W3 wall us/op "nsbox ip has no -batch yet"
	k=0
	while [ $k -lt 10 ]; do "$F" nsadd ns$k || say "nsadd ns$k failed"; k=$((k + 1)); done
	i=0
	while [ $i -lt 500 ]; do
		echo "link add v$i type veth peer name p$i netns ns$((i % 10))"
		i=$((i + 1))
	done >"$T/w3.batch"
	batch_rounds W3 w3cmd 500 'test "$(nlinks)" -eq 501 && test "$(nlinks_in ns3)" -eq 51'
	flush
	k=0
	while [ $k -lt 10 ]; do "$F" nsdel ns$k; k=$((k + 1)); done
}

# ---- W4: ip -o link show / ip -o addr show with 1000 and 4000 links (interleaved) ----
w4link() { case $1 in floor) echo "$F links" ;; *) echo "$(ipcmd "$1") -o link show" ;; esac; }
w4addr() { case $1 in floor) echo "$F addrs" ;; *) echo "$(ipcmd "$1") -o addr show" ;; esac; }
w_W4() {
	for N in 1000 4000; do
		say "W4 ip -o link/addr show with $N links"
		flush
		if [ -z "$KIND" ] || ! "$F" addn v "$KIND" $N || ! "$F" addrn v $N; then
			for t in $TOOLS; do for c in link addr; do na $t W4 $c$N.wall us "setup failed"; done; done
			continue
		fi
		reps=$((8000 / N))
		r=1
		while [ $r -le "$ROUNDS" ]; do
			SAMPLE=$r
			for c in link addr; do
				measure "-n $reps" w4$c $(order $r)
				for t in $TOOLS; do
					if ok $t; then rec $t W4 $c$N.wall "$(val $t median)" us
					else na $t W4 $c$N.wall us "$(why $t)"; fi
				done
			done
			r=$((r + 1))
		done
		for c in link addr; do
			$(w4$c iproute2) >"$T/out.iproute2" 2>&1
			for t in nsbox floor; do check_output W4.$c$N $t $(w4$c $t); done
			SAMPLE=m
			measure "-m -n 2" w4$c $TOOLS
			for t in $TOOLS; do
				if ok $t; then rec $t W4 $c$N.rss "$(val $t rss)" KiB
				else na $t W4 $c$N.rss KiB "$(why $t)"; fi
			done
		done
	done
	flush
}

# ---- W5: ip netns add, del, exec X true; 200 each ----
# At most 200 namespaces exist at any time, as in a run of one tool alone: `netns exec` copies the
# mount table (unshare(CLONE_NEWNS)), so its cost grows with the namespaces mounted under /run.
# add and del: each tool in turn, its own 200 names, twice as many rounds as the others (they are
# short); exec: the tools interleaved, all into the same 200 namespaces.
pfx() { case $1 in iproute2) echo i ;; nsbox) echo n ;; floor) echo f ;; esac; }
w5add() { case $1 in floor) echo "$F nsadd f%d" ;; *) echo "$(ipcmd "$1") netns add $(pfx $1)%d" ;; esac; }
w5del() { case $1 in floor) echo "$F nsdel f%d" ;; *) echo "$(ipcmd "$1") netns del $(pfx $1)%d" ;; esac; }
w5exec() {
	case $1 in
	floor) echo "$F nsexec x%d /bin/true" ;;
	*) echo "$(ipcmd "$1") netns exec x%d /bin/true" ;;
	esac
}
nsleft() { ls /run/netns 2>/dev/null | grep -c "^$1[0-9]"; }
w_W5() {
	say "W5 200 x ip netns add / del / exec"
	for op in add exec del; do na busybox W5 $op.wall us/op "busybox ip has no netns"; done
	r=1
	while [ $r -le $((2 * ROUNDS)) ]; do
		SAMPLE=$r
		for t in $(order $r); do
			[ $t = busybox ] && continue
			p=$(pfx $t)
			measure "-n 200" w5add $t
			if ok $t && [ "$(nsleft $p)" -eq 200 ]; then rec $t W5 add.wall "$(val $t median)" us/op
			else na $t W5 add.wall us/op "$(why $t)"; fi
			# The namespaces stay open while their files go: their teardown is the
			# kernel's work, after `ip netns del` has returned.
			hold=$("$F" hold $p "$(nsleft $p)" 2>/dev/null)
			measure "-n 200" w5del $t
			if ok $t && [ "$(nsleft $p)" -eq 0 ]; then rec $t W5 del.wall "$(val $t median)" us/op
			else na $t W5 del.wall us/op "$(why $t)"; fi
			[ -z "$hold" ] || kill "$hold"
			for f in /run/netns/$p*; do [ -e "$f" ] && "$F" nsdel "${f##*/}"; done
			# A kernel worker tears the namespaces down: let it finish.
			sleep 0.3
		done
		r=$((r + 1))
	done
	"$R" -n 200 "$F" nsadd x%d >/dev/null || say "W5 exec setup failed"
	r=1
	while [ $r -le "$ROUNDS" ]; do
		SAMPLE=$r
		tools=$(order $r | sed 's/busybox//')
		measure "-n 200" w5exec $tools
		for t in $tools; do
			if ok $t; then rec $t W5 exec.wall "$(val $t median)" us/op
			else na $t W5 exec.wall us/op "$(why $t)"; fi
		done
		r=$((r + 1))
	done
	for f in /run/netns/*; do [ -e "$f" ] && "$F" nsdel "${f##*/}"; done
}

# ---- S: size ----
w_S() {
	SAMPLE=1
	s=$(stat -c %s "$T/nsbox/ip")
	rec nsbox S size "$(echo "$s" | awk '{ printf "%.1f", $1 / 1024 }')" KiB
	rec iproute2 S size "$(stat -L -c %s /usr/sbin/ip | awk '{ printf "%.1f", $1 / 1024 }')" KiB
	na busybox S size KiB "one binary of all its applets; no ip-only build to weigh"
	info nsbox_bytes "$s"
	info nsbox_cksum "$(cksum <"$T/nsbox/ip" | cut -d' ' -f1)"
}

for w in ${BENCH_ONLY:-W1 W2a W2b W3 W4 W5 S}; do
	case $w in
	W1 | W2a | W2b | W3 | W4 | W5 | S) "w_$w" ;;
	*) say "unknown workload $w" ;;
	esac
done
say "done"
