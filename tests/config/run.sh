#!/bin/sh
# The config tier (issue 16; README, "Configuration"): the configuration matrix, defconfig,
# tinyconfig, allnoconfig and each applet alone (with every feature), each built with -Werror
# into build/cfg/NAME; the sandbox tests that apply to each; left-out features that say so in
# one line and exit 1; `make install` into a DESTDIR, where every link must run its applet;
# a table of sizes. `sh tests/config/run.sh size` (make size-table): the builds and the table;
# `sh tests/config/run.sh minus`: defconfig less each feature, each built.
# Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
mode=${1:-test}
C=build/cfg
mkdir -p $C
tp=0; tf=0
ok() { tp=$((tp + 1)); }
bad() { tf=$((tf + 1)); echo "FAIL: $*"; }

APPLETS="IP BRIDGE BRCTL ROUTE PING UNSHARE NSENTER MODPROBE IPCONFIG NETBOOT"
FEATURES=$(sed -n 's/^\(NSBOX_FEATURE_[A-Z0-9_]*\)=y$/\1/p' configs/defconfig)
lower() { echo "$1" | tr 'A-Z' 'a-z'; }

# `sh tests/config/run.sh minus`: defconfig without one feature, for each feature; each builds
# with -Werror (a build only, in build/cfg/minus). A builder's "defconfig, less what I do not
# need" must compile. 6 s a build on an idle machine, 8 min for all under load: not in make
# check, whose "lean" build below leaves out the three features that touch the most code.
# It also writes bench/results/FEATURES.md: what each applet and feature costs, the bytes
# defconfig (x86_64, stripped) loses without it, largest first.
if [ "$mode" = minus ]; then
	nice -n 5 make -s -j2 B=$C/minus-base CONFIG=configs/defconfig all >$C/minus.log 2>&1 ||
		{ bad "defconfig: the build failed"; tail -n 20 $C/minus.log; }
	base=$(stat -c %s $C/minus-base/nsbox 2>/dev/null || echo 0)
	: >$C/minus.rows
	for f in $(for a in $APPLETS; do echo NSBOX_APPLET_$a; done) $FEATURES; do
		sed "s/^$f=y\$/# $f is not set/" configs/defconfig >$C/minus.config
		if nice -n 5 make -s -j2 B=$C/minus CONFIG=$C/minus.config all >$C/minus.log 2>&1; then ok
			echo "$((base - $(stat -c %s $C/minus/nsbox))) $f" >>$C/minus.rows
		else bad "defconfig without $f: the build failed (-Werror):"; tail -n 20 $C/minus.log; fi
	done
	{ echo "Measured $(date -u +%Y-%m-%d) by \`sh tests/config/run.sh minus\`, nsbox at $(git rev-parse --short HEAD 2>/dev/null):"
	  echo "the bytes defconfig ($base bytes, $(uname -m), static musl, stripped) loses without each"
	  echo "applet or feature, alone. Parts shared by several features stay while one of them is in,"
	  echo "so the rows do not add up to defconfig."
	  echo
	  echo "| symbol | bytes |"
	  echo "|---|---:|"
	  sort -rn $C/minus.rows | while read -r n f; do echo "| \`$f\` | $n |"; done; } >$C/FEATURES.md
	cat $C/FEATURES.md
	mkdir -p bench/results && cp $C/FEATURES.md bench/results/FEATURES.md
	if grep -q '^<!-- features begin -->' README.md; then
		awk -v f=$C/FEATURES.md '/^<!-- features begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
			/^<!-- features end -->/ { skip = 0 } !skip' README.md >$C/README.md && cp $C/README.md README.md
	fi
	echo "defconfig less one applet or feature: $(wc -l <$C/minus.rows) builds"
	echo "$tp passed, $tf failed"
	[ "$tf" -eq 0 ]; exit
fi

# The configuration files: those of configs/, and one per applet with every feature.
CONFIGS="defconfig tinyconfig busyboxconfig allnoconfig"
for n in defconfig tinyconfig busyboxconfig; do cp configs/$n $C/$n.config; done
make -s CONFIG=$C/allnoconfig.config allnoconfig >/dev/null
for a in $APPLETS; do
	n=$(lower $a)
	{ echo "# nsbox configuration: $n alone, with every feature (tests/config/run.sh)."
	  echo "NSBOX_APPLET_$a=y"
	  for f in $FEATURES; do echo "$f=y"; done; } >$C/$n.config
	CONFIGS="$CONFIGS $n"
done
# netboot without its IPv6 methods (NSBOX_FEATURE_NETBOOT6).
{ echo "# nsbox configuration: netboot alone without NETBOOT6 (tests/config/run.sh)."
  echo "NSBOX_APPLET_NETBOOT=y"
  for f in $FEATURES; do [ $f = NSBOX_FEATURE_NETBOOT6 ] || echo "$f=y"; done; } >$C/netboot4.config
CONFIGS="$CONFIGS netboot4"
# defconfig without the three features that most change how the code around them compiles
# (JSON, DETAIL, USAGE: the printers and usage texts); with -Werror a format that keeps an
# argument its text has lost fails here.
sed 's/^NSBOX_FEATURE_\(JSON\|DETAIL\|USAGE\)=y$/# NSBOX_FEATURE_\1 is not set/' configs/defconfig >$C/lean.config
CONFIGS="$CONFIGS lean"

# The sandbox tests of each configuration: what it has, nothing that needs more. Two long
# files (monitor.test 30 s, ping_more.test 40 s) are left to the sandbox tier, which runs them
# on defconfig, to keep this tier near 4 minutes on 2 CPUs.
tests_of() {
	case $1 in
	tinyconfig) echo seed1 seed2 seed3 ;;
	# without JSON, -d and usage texts: the files that use none of them
	busyboxconfig) echo link brctl ping_dns ;;
	# ip alone has defconfig's ip (every feature): one file per object here, enough to show the
	# build; the sandbox tier runs the others (link_set, link_kinds, netns_n, global_opts, vrf,
	# bond, tunnel, loops) on defconfig. All of them took this tier to 7 minutes under load.
	ip) echo seed1 addr link route rule neigh netns show batch tuntap netconf addrlabel nexthop property maddr tunnel_cmd save fou_macsec xfrm ;;
	bridge) echo bridge_show bridge_set bridge_vlan ;;
	brctl) echo brctl ;;
	route) echo nettools_route ;;
	ping) echo ping ping_dns ;;
	netboot) echo netboot netboot6 ;;
	netboot4) echo netboot ;;
	unshare|nsenter|modprobe|ipconfig) echo "$1" ;;
	esac
}

sizes=
for n in $CONFIGS; do
	b=$C/$n
	log=$b.log
	if ! nice -n 5 make -s -j2 B=$b CONFIG=$C/$n.config all >$log 2>&1; then
		bad "$n: the build failed (-Werror); $log:"; tail -n 20 $log
		sizes="$sizes$n - "
		continue
	fi
	ok
	sizes="$sizes$n $(stat -c %s $b/nsbox) "
	[ "$mode" = size ] && continue

	# The applet table holds what the configuration selects, and only that.
	want=$(for a in $APPLETS; do grep -qx "NSBOX_APPLET_$a=y" $C/$n.config && case $a in
		PING) echo ping; grep -qx NSBOX_FEATURE_PING6=y $C/$n.config && echo ping6 ;;
		MODPROBE) printf 'insmod\nlsmod\nmodprobe\nrmmod\n' ;;
		*) lower $a ;; esac; done | LC_ALL=C sort | tr '\n' ' ')
	got=$($b/nsbox --list | tr '\n' ' ')
	[ "$got" = "$want" ] && ok || bad "$n: nsbox --list is '$got', not '$want'"

	# Sandbox tests that apply.
	t=$(for s in $(tests_of $n); do printf 'tests/sandbox/%s.test ' $s; done)
	if [ -n "$t" ]; then
		out=$(NSBOX_B=$b SANDBOX_TESTS="$t" nice -n 5 sh tests/sandbox/run.sh 2>&1)
		line=$(printf '%s\n' "$out" | tail -n 1)
		p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
		case "$p$f" in *[!0-9]*|'') p=0; f=1 ;; esac
		tp=$((tp + p)); tf=$((tf + f))
		[ "$f" -eq 0 ] || printf '%s\n' "$out" | grep -v ': [0-9]* passed, 0 failed$' | sed "s|^|$n: |"
		echo "$n: sandbox $p passed, $f failed ($(echo $t | wc -w) files)"
	fi

	# make install: every link runs its applet as `nsbox APPLET` does.
	root=$b.root
	rm -rf $root
	links=hard; [ $n = tinyconfig ] || links=sym
	if ! make -s B=$b CONFIG=$C/$n.config DESTDIR=$PWD/$root INSTALL_LINKS=$links install >$root.log 2>&1; then
		bad "$n: make install failed:"; cat $root.log; continue
	fi
	[ -x $root/bin/nsbox ] && cmp -s $root/bin/nsbox $b/nsbox && ok || bad "$n: $root/bin/nsbox is not $b/nsbox"
	nl=0
	# The man page (doc/nsbox.1) goes with every configuration; the rest are the applets' links.
	[ -f $root/usr/share/man/man1/nsbox.1 ] && cmp -s $root/usr/share/man/man1/nsbox.1 doc/nsbox.1 && ok ||
		bad "$n: usr/share/man/man1/nsbox.1 not installed"
	for l in $(cd $root && find . \( -name nsbox -o -path ./usr/share/man \) -prune -o \( -type l -o -type f \) -print | sort); do
		a=${l##*/}; nl=$((nl + 1))
		[ $links = sym ] && { [ -L $root/$l ] || bad "$n: $l is not a symlink"; }
		case $links:$(readlink $root/$l) in
		sym:/*) bad "$n: $l points to an absolute path" ;;
		esac
		x=$(PATH=$PWD/$root/${l%/*}:$PATH; $a --help 2>&1; echo "rc=$?")
		y=$($b/nsbox $a --help 2>&1; echo "rc=$?")
		[ "$x" = "$y" ] && ok || bad "$n: $l --help differs from nsbox $a --help"
	done
	[ $nl -eq $($b/nsbox --list | wc -l) ] && ok || bad "$n: $nl links installed for $($b/nsbox --list | wc -l) applets"
done

# Left-out features: one line on stderr that says so, nothing on stdout, exit 1.
# Each case runs in a network and mount namespace of its own with a tmpfs on /run (the sandbox
# tier's), so that a build that did have the feature (`ip link set lo dynamic on`) changes
# nothing on this machine; exit 99 if that namespace were the machine's.
host_ns=$(readlink /proc/self/ns/net)
leftout() {
	b=$C/$1; shift
	[ -x $b/nsbox ] || return
	unshare --net --mount --propagation private sh -c 'mount -t tmpfs none /run &&
		[ "$(readlink /proc/self/ns/net)" != "$0" ] && exec "$@"; exit 99' "$host_ns" \
		$b/nsbox "$@" >$C/lo.out 2>$C/lo.err; rc=$?
	o=$(cat $C/lo.out); e=$(cat $C/lo.err)
	if [ $rc -eq 1 ] && [ -z "$o" ] && [ "$(printf '%s\n' "$e" | wc -l)" -eq 1 ] &&
	   printf '%s' "$e" | grep -q 'not in this build of nsbox'; then ok
	else bad "$*: left out, but exit $rc, stdout '$o', stderr '$e'"; fi
}
if [ "$mode" != size ]; then
	leftout tinyconfig ip -j link show
	leftout tinyconfig ip -d link show
	leftout tinyconfig ip -batch /dev/null
	leftout tinyconfig ip rule show
	leftout tinyconfig ip -s route show
	leftout tinyconfig ip mrule show
	leftout tinyconfig ip mroute show
	leftout tinyconfig ip stats show
	leftout tinyconfig ip nexthop show
	leftout tinyconfig ip maddr show
	leftout tinyconfig ip link xstats type bridge
	leftout tinyconfig ip link afstats
	leftout tinyconfig ip -s link show
	leftout tinyconfig ip -s address show
	leftout tinyconfig ip link property add dev lo altname x
	leftout tinyconfig ip address save
	leftout tinyconfig ip address showdump
	leftout tinyconfig ip address restore
	leftout tinyconfig ip address show label lo
	leftout tinyconfig ip link set lo numtxqueues 2
	leftout tinyconfig ip link set lo addrgenmode none
	leftout tinyconfig ip link set lo dynamic on
	leftout tinyconfig ip address flush label lo
	leftout tinyconfig ip monitor
	leftout tinyconfig ip neigh show
	leftout tinyconfig ip tunnel show
	leftout tinyconfig ip -j rule show
	leftout tinyconfig ip tuntap show
	leftout tinyconfig ip tap list
	leftout tinyconfig ip netconf show
	leftout tinyconfig ip addrlabel list
	leftout tinyconfig ip fou show
	leftout tinyconfig ip ila list
	leftout tinyconfig ip mptcp limits show
	leftout tinyconfig ip macsec show
	leftout tinyconfig ip xfrm state list
	leftout tinyconfig ip route show vrf red
	leftout tinyconfig ip vrf show
	leftout tinyconfig ip link show vrf red
	leftout tinyconfig ip address show vrf red
	leftout tinyconfig ip route get vrf red 192.0.2.1
	leftout tinyconfig ip route save
	leftout tinyconfig ip route add tos 0
	leftout tinyconfig ip route get 192.0.2.1 tos 0
	leftout tinyconfig ip route add mtu 1400
	leftout tinyconfig ip route show mark 1
	leftout tinyconfig ip route show cached
	leftout tinyconfig ip route show table cache
	leftout tinyconfig ip route get 192.0.2.1 fibmatch
	# IP_FLUSH_GET: words that would fail before any change, should a build have them.
	leftout tinyconfig ip route get 192.0.2.1
	leftout tinyconfig ip route flush dev nsbox-none0
	leftout tinyconfig ip address flush dev nsbox-none0
	leftout tinyconfig ip -4 route flush table 250 dev nsbox-none0
	# Only words that change nothing, should a build have them.
	leftout tinyconfig ip netns identify
	leftout tinyconfig ip netns p nosuch
	leftout tinyconfig ip netns list-id
	leftout tinyconfig ping -6 -c 1 ::1
	leftout tinyconfig ping -c 1 ::1
	leftout tinyconfig ping -c 1 no-such-name.invalid
	leftout tinyconfig ping -f -c 1 127.0.0.1
	leftout tinyconfig ping -c 1 -p aa 127.0.0.1
	leftout tinyconfig ping -c 1 -t 5 127.0.0.1
	leftout busyboxconfig ip -j link show
	leftout busyboxconfig ip -d address show
	leftout busyboxconfig ip netns list
	leftout busyboxconfig ip monitor
	leftout busyboxconfig ip link add b0 type bond mode 1
	leftout busyboxconfig ip link add b0 type bond_slave queue_id 1
	leftout busyboxconfig ip link add m0 link lo type macsec port 1
	leftout busyboxconfig ip link add g0 type gre remote 192.0.2.1
	leftout busyboxconfig ip link set lo numtxqueues 2
	leftout lean ip -j link show
	# The same commands (tests/config/samejob.txt, one sandbox per build, in order) in smaller
	# configurations: each prints what defconfig prints (without USAGE, a help text's first
	# line), or says in one line that the part is not in this build and exits 1. A left-out
	# word is never read as something else.
	for n in tinyconfig busyboxconfig lean; do
		[ -x $C/$n/nsbox ] && [ -x $C/defconfig/nsbox ] || continue
		for w in defconfig $n; do
			unshare --net --mount --propagation private sh -c 'mount -t tmpfs none /run &&
				[ "$(readlink /proc/self/ns/net)" != "$0" ] && exec sh tests/config/samejob.sh "$1"
				exit 99' "$host_ns" $C/$w/nsbox >$C/samejob.$w 2>&1
		done
		i=0
		while IFS= read -r c; do
			i=$((i + 1))
			d=$(sed -n "${i}p" $C/samejob.defconfig); g=$(sed -n "${i}p" $C/samejob.$n)
			case $g in
			"$d") ok ;;
			1"	"*"not in this build of nsbox"*) [ "${g#*~}" = "" ] && ok || bad "$n: $c: $g" ;;
			*) case $c:$g in
			   *help:*) [ "${d#"${g%%~*}"}" != "$d" ] && ok || bad "$n: $c: '$g', defconfig '$d'" ;;
			   *) bad "$n: $c: '$g', defconfig '$d'" ;;
			   esac ;;
			esac
		done <tests/config/samejob.txt
	done
	leftout lean ip -d link show
	leftout lean bridge -j link show
	leftout netboot4 netboot "ip=c0:dhcp6"
	leftout netboot4 netboot "ip=c0:either6"
	# A name with only an IPv6 address (an /etc/hosts of its own, in a mount namespace).
	if [ -x $C/tinyconfig/nsbox ]; then
		printf '::1 v6only\n' >$C/hosts
		r=$(unshare --mount --propagation private sh -c 'mount --bind "$1" /etc/hosts &&
			"$2" ping -c 1 v6only 2>&1 >/dev/null; echo "rc=$?"' - $PWD/$C/hosts $C/tinyconfig/nsbox)
		case $r in
		*"IPv6 is not in this build of nsbox"*rc=1) ok ;;
		*) bad "tinyconfig: ping -c 1 v6only (::1 in /etc/hosts): $r" ;;
		esac
	fi
	# Words of a link kind are refused while parsing, before any request; still, in a
	# network namespace of its own.
	if [ -x $C/tinyconfig/nsbox ]; then
		host=$(readlink /proc/self/ns/net)
		r=$(unshare --net sh -c '[ "$(readlink /proc/self/ns/net)" != "$1" ] || exit 99
			"$2" ip link add v1 type vlan id 5 2>&1 >/dev/null; echo "rc=$?"' - "$host" $C/tinyconfig/nsbox)
		case $r in
		*"not in this build of nsbox"*rc=1) ok ;;
		*) bad "tinyconfig: ip link add v1 type vlan id 5: $r" ;;
		esac
	fi
	# Without USAGE, help prints one line and keeps its exit code.
	for c in "ip help" "ip link help" "ip addr help" "ip route help"; do
		[ -x $C/tinyconfig/nsbox ] || break
		e=$($C/tinyconfig/nsbox $c 2>&1); rc=$?
		$C/defconfig/nsbox $c >/dev/null 2>&1; drc=$?
		if [ $rc -eq $drc ] && [ "$(printf '%s\n' "$e" | wc -l)" -eq 1 ]; then ok
		else bad "tinyconfig: $c: exit $rc (defconfig $drc), $(printf '%s\n' "$e" | wc -l) lines"; fi
	done
	# make -n install needs no root (as nobody, where nobody can read the tree).
	if command -v setpriv >/dev/null && [ -x $C/defconfig/nsbox ] &&
	   setpriv --reuid=65534 --regid=65534 --clear-groups test -r Makefile; then
		setpriv --reuid=65534 --regid=65534 --clear-groups make -s -n B=$C/defconfig \
			CONFIG=$C/defconfig.config DESTDIR=/nonexistent/nsbox install >/dev/null 2>&1 &&
			[ ! -e /nonexistent ] && ok || bad "make -n install failed without root"
	fi
	# NSBOX_BUILD_SSTRIP: tinyconfig's file has no section headers and ends with its last
	# segment; defconfig's has them (readelf reads both).
	if [ -x $C/tinyconfig/nsbox ] && [ -x $C/defconfig/nsbox ]; then
		h=$(readelf -h $C/tinyconfig/nsbox 2>&1)
		end=0
		for e in $(readelf -lW $C/tinyconfig/nsbox | awk '$1 == "LOAD" { print $2 "+" $5 }'); do
			[ $(($e)) -gt $end ] && end=$(($e))
		done
		case $h in
		*"Number of section headers:         0"*) [ "$end" = "$(stat -c %s $C/tinyconfig/nsbox)" ] && ok ||
			bad "tinyconfig: the file ($(stat -c %s $C/tinyconfig/nsbox) bytes) goes past its last segment ($end)" ;;
		*) bad "tinyconfig: section headers left (NSBOX_BUILD_SSTRIP)" ;;
		esac
		readelf -S $C/defconfig/nsbox 2>&1 | grep -q '\.text' && ok || bad "defconfig: no section headers"
	fi
	# Without PING6 there is no ping6 applet.
	[ -x $C/tinyconfig/nsbox ] && { $C/tinyconfig/nsbox ping6 -c 1 ::1 >/dev/null 2>&1; [ $? -eq 1 ]; } && ok ||
		bad "tinyconfig: nsbox ping6 is there"
fi

echo "configuration      bytes (x86_64: $(uname -m))"
set -- $sizes
while [ $# -ge 2 ]; do printf '%-16s %8s\n' "$1" "$2"; shift 2; done
echo "$tp passed, $tf failed"
[ "$tf" -eq 0 ]
