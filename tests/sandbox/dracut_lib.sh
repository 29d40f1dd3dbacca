# dracut_lib.sh: what dracut_compare.test and dracut_compare_guest.test share (sourced by them):
# dc_setup checks the tools and the namespace, makes srv (br0 10.6.0.1/24) and cl (c0, MAC
# $MAC, its peer on br0) and the chroot dracut runs in; server starts dnsmasq (DC_DNSMASQ: more
# of its options); compare NAME CMDLINE runs dracut's network-legacy, then netboot, on the same
# devices and compares what they leave (see dracut_compare.test's head).
MAC=02:00:00:00:00:11
NB=/run/dc-bin/nsbox
DR=$TOP/build/dracut/root
DM=$DR/usr/lib/dracut/modules.d
R=$T/droot
dc_setup() {
	if [ -z "$HOST_NS" ] || [ "$(readlink /proc/self/ns/net)" = "$HOST_NS" ]; then
		bad "dracut_compare: not in a network namespace of our own; nothing run"
		return 1
	fi
	if [ ! -f "$DM/35network-legacy/ifup.sh" ] || [ ! -x "$DR/sbin/dhclient" ]; then
		bad "dracut_compare: dracut 059 is not in build/dracut/root: run sh tests/dracut/fetch.sh (outside the sandbox)"
		return 1
	fi
	if ! command -v dnsmasq >/dev/null 2>&1 || ! command -v arping >/dev/null 2>&1 || ! command -v chroot >/dev/null 2>&1; then
		bad "dracut_compare: needs dnsmasq-base, arping and chroot on the host"
		return 1
	fi
	mkdir -p /run/dc-bin && cp "$NSBOX" $NB
	$ORACLE link set lo up
	$ORACLE netns add srv
	$ORACLE netns add cl
	[ "$(readlink /proc/self/ns/net)" != "$($ORACLE netns exec cl readlink /proc/self/ns/net)" ] &&
		[ "$HOST_NS" != "$($ORACLE netns exec cl readlink /proc/self/ns/net)" ] ||
		{ bad "dracut_compare: cl is not a namespace of its own"; return 1; }
	$ORACLE -n srv link add br0 type bridge mcast_snooping 0 forward_delay 0
	$ORACLE -n srv addr add 10.6.0.1/24 dev br0
	$ORACLE -n srv link set br0 up
	$ORACLE -n srv link add pcl type veth peer name c0 netns cl address $MAC
	$ORACLE -n srv link set pcl master br0 up
	$ORACLE -n cl link set lo up

	dc_chroot
}
cl() { $ORACLE -n cl "$@"; }

SRV=
stop() {
	[ -z "$SRV" ] || { kill $SRV; wait $SRV 2>/dev/null; SRV=; }
}
DC_DNSMASQ=
# server: a fresh dnsmasq with no leases, so both clients are offered the same first address.
server() {
	stop
	: >$T/dnsmasq.log
	rm -f $T/leases
	$ORACLE netns exec srv dnsmasq --no-daemon --conf-file=/dev/null --port=0 --user=root --no-ping \
		--interface=br0 --bind-interfaces --dhcp-leasefile=$T/leases --pid-file= --log-dhcp \
		--dhcp-option=option:dns-server,10.6.0.53 --dhcp-option=option:domain-name,lab.example \
		--dhcp-range=10.6.0.100,10.6.0.110,255.255.255.0,1h $DC_DNSMASQ >$T/dnsmasq.log 2>&1 &
	SRV=$!
	i=0
	while [ $i -lt 50 ] && ! grep -q 'IP range' $T/dnsmasq.log; do sleep 0.1; i=$((i + 1)); done
}
# DEVS: the devices compared (the first is the one ip= configures; c0 unless a case says).
# PHYS: cl's veths as NAME=MAC; reset deletes every other device of cl but lo.
DEVS=c0
PHYS=c0=$MAC
# PHYSDEVS: the devices ifup runs on, in turn (net-genrules.sh's udev rule for each)
PHYSDEVS=c0
reset() {
	for v in $(cl -o link show | sed -n 's/^[0-9]*: \([^:@]*\)[:@].*/\1/p'); do
		case " lo= $PHYS" in *" $v="*) ;; *) cl link del $v ;; esac
	done
	for p in $PHYS; do
		cl link set ${p%%=*} down mtu 1500 address ${p#*=}
		cl addr flush dev ${p%%=*}
	done
	cl -6 route flush table main 2>/dev/null
	cl route flush table main
}

dc_chroot() {
	# ---- the chroot dracut runs in ----
	mkdir -p $R/usr $R/proc $R/sys $R/dev $R/tmp $R/run $R/etc $R/sbin $R/var/lib/dhcp $R/lib/net-hooks
	ln -s usr/bin $R/bin
	for e in /usr/lib/* /usr/lib64 /usr/lib32; do
		[ -e "$e" ] || continue
		case $e in /usr/lib64|/usr/lib32) ln -s "usr/${e#/usr/}" "$R/${e#/usr/}" ;; *) [ -e "$R/lib/${e##*/}" ] || ln -s "$e" "$R/lib/${e##*/}" ;; esac
	done
	cp $DM/99base/dracut-lib.sh $DM/99base/dracut-dev-lib.sh $DM/40network/net-lib.sh $R/lib/
	cp $DM/35network-legacy/parse-vlan.sh $DM/35network-legacy/parse-bond.sh $DM/35network-legacy/parse-bridge.sh $DM/35network-legacy/parse-ip-opts.sh \
		$DM/35network-legacy/parse-ifname.sh $R/lib/net-hooks/
	cp $DM/35network-legacy/ifup.sh $R/sbin/ifup
	cp $DM/35network-legacy/dhclient-script.sh $R/sbin/dhclient-script
	cp $DM/35network-legacy/dhcp-multi.sh $R/sbin/dhcp-multi.sh
	cp $DM/40network/netroot.sh $R/sbin/netroot
	cp $DR/sbin/dhclient $R/sbin/dhclient
	# getarg's helper (99base/module-setup.sh installs it so): it reads $CMDLINE, which getarg exports
	cp $DR/usr/lib/dracut/dracut-util $R/sbin/dracut-util
	ln -s dracut-util $R/sbin/dracut-getarg
	ln -s dracut-util $R/sbin/dracut-getargs
	cp $DM/35network-legacy/dhclient.conf $R/etc/dhclient.conf
	# awk, which setup_net runs to write /etc/resolv.conf, is an alternatives link
	[ ! -d /etc/alternatives ] || cp -a /etc/alternatives $R/etc/
	chmod +x $R/sbin/*
	# The boot's order after the cmdline: the hooks, ifup for the device, then the initqueue.
	cat >$R/lib/dc-boot.sh <<'EOF'
#!/bin/sh
PATH=/usr/sbin:/usr/bin:/sbin:/bin
. /lib/dracut-lib.sh
. /lib/net-lib.sh
mkdir -p /etc/cmdline.d "$hookdir/initqueue/finished" "$hookdir/initqueue/online"
for h in parse-vlan parse-bond parse-bridge parse-ip-opts parse-ifname; do
	. /lib/net-hooks/$h.sh
done
for d; do
	/sbin/ifup "$d"
	echo "ifup exit $?" >&2
done
for f in "$hookdir"/initqueue/setup_net_*.sh; do
	[ -e "$f" ] || continue
	( . "$f" )
done
EOF
}

# dracut CMDLINE: dracut's network-legacy on c0. Its /tmp is $T/d/tmp, /etc/resolv.conf
# $T/d/resolv, its log (stderr and /dev/kmsg) $T/d/log, its time in ms $T/d/ms, hostname $T/d/host.
dracut() {
	rm -rf $T/d
	mkdir -p $T/d/tmp $T/d/run
	: >$T/d/resolv; : >$T/d/kmsg
	printf '%s\n' "$1" >$T/d/cmdline
	rm -rf $R/lib/dracut $R/etc/cmdline.d
	$ORACLE netns exec cl unshare -m -u sh -c '
		R=$1; D=$2
		mount --bind -o ro /usr $R/usr && mount -t proc proc $R/proc && mount --bind $D/cmdline $R/proc/cmdline &&
		mount -t sysfs sysfs $R/sys && mount -t tmpfs none $R/dev && : >$R/dev/null && mount --bind /dev/null $R/dev/null &&
		: >$R/dev/urandom && mount --bind /dev/urandom $R/dev/urandom && : >$R/dev/random && mount --bind /dev/random $R/dev/random &&
		: >$R/dev/zero && mount --bind /dev/zero $R/dev/zero && : >$R/dev/kmsg && mount --bind $D/kmsg $R/dev/kmsg &&
		mount --bind $D/tmp $R/tmp && mount --bind $D/run $R/run && : >$R/etc/resolv.conf && mount --bind $D/resolv $R/etc/resolv.conf || exit 99
		hostname none
		t0=$(date +%s%N)
		chroot $R /bin/sh /lib/dc-boot.sh $3
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000000)) >&3
		hostname >&4' sh $R $T/d "$PHYSDEVS" >$T/d/log 2>&1 3>$T/d/ms 4>$T/d/host
	echo $? >$T/d/rc
	# dhclient -1 stays in the background after its lease, as in a boot until kill-dhclient.sh
	for f in $T/d/tmp/dhclient*.pid; do
		[ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null
	done
	snap $T/d
}
# nsbox CMDLINE: netboot on c0, its /tmp $T/n/tmp and /etc/resolv.conf $T/n/resolv (as netboot.test).
nsbox() {
	rm -rf $T/n /run/net-c0.conf
	mkdir -p $T/n/tmp
	: >$T/n/resolv
	$ORACLE netns exec cl unshare -m -u sh -c '
		D=$1
		mount --bind $D/resolv /etc/resolv.conf && mount --bind $D/tmp /tmp || exit 99
		hostname none
		t0=$(date +%s%N)
		"$2" netboot "$3"; echo "netboot exit $?" >&2
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000000)) >&3
		hostname >&4' sh $T/n $NB "$1" >$T/n/log 2>&1 3>$T/n/ms 4>$T/n/host
	echo $? >$T/n/rc
	snap $T/n
}
# snap DIR: what is compared, normalised: a lease's address is LEASE, a lifetime Nsec.
norm() { sed -e 's/10\.6\.[05]\.1[01][0-9]\b/LEASE/g' -e 's/2001:db8:6::1[0-9a-f][0-9a-f]\b/LEASE6/g' -e 's/expires [0-9]*sec/expires Nsec/g' -e 's/_lft [0-9]*sec/_lft Nsec/g'; }
snap() {
	d=$1
	for v in $DEVS; do
		cl -o addr show dev $v | sed 's/^[0-9]*: //; s/\\ */ /g' | grep -v ' inet6 fe80::' | norm
	done >$d/addr
	for v in $DEVS; do
		echo "$v: $(cl -o -d link show $v | grep -o 'mtu [0-9]*\|link/ether [0-9a-f:]*\|master [^ ]*\|forward_delay [0-9]*\|vlan protocol [^ ]* id [0-9]*\|bond mode [^ ]*\|miimon [0-9]*\|primary [^ ]*' | tr '\n' ' ')"
	done >$d/link
	{ cl route show; cl -6 route show | grep -v '^fe80::/64 \|^multicast '; } | norm >$d/route
	(cd $d/tmp && for f in net.*; do [ -e "$f" ] && echo "$f"; done) >$d/names
	: >$d/files
	for f in $(cat $d/names); do
		printf '== %s\n' "$f"; norm <$d/tmp/$f
	done >$d/files
	norm <$d/resolv >$d/resolv.n
}
# known DIR: dracut's snapshot with the differences README documents taken out (section "netboot
# and dracut's network-legacy"), each named on a line "KNOWN: ..." when it was there:
# - net.route.DEV, the last rd.route= on DEV (setup_net overwrites it for each; 45ifcfg copies it);
# - net.ifaces with a leading blank or several between words (parse-ip-opts.sh's "$IFACES $dev"
#   and its moving bootdev first): the same words;
# - "search  DOMAIN" (dhclient-script's "search $search $domain" with no domain-search): one blank;
# - BOOTIF='s device as its MAC in net.bootdev and net.ifaces (fix_bootif's); netboot writes its name;
# - a DHCP address with the lease's lifetimes (dhclient stays to renew it); netboot's is forever;
# - a DHCPv6 search domain with the root's dot (dhclient's `lab6.example.`) and a blank after;
# - a DHCPv6 address still tentative (ifup.sh does not wait for its DAD) and forever (dhclient-script
#   gives it no lifetimes); netboot's has left DAD and has the lease's lifetimes.
known() {
	d=$1
	mkdir -p $d/k
	sed -e '/^net\.route6\?\.c0$/d' $d/names >$d/k/names
	awk '/^== /{skip = ($2 ~ /^net\.route6?\.c0$/)} !skip' $d/files |
		sed -e '/^== net\.\(ifaces\|bootdev\)$/{n;s/^ *//;s/ *$//;s/  */ /g;s/^'$MAC'$/c0/}' -e 's/^search  /search /' \
		-e '/^search /{s/\.\( \|$\)/\1/g;s/ *$//}' >$d/k/files
	sed -e 's/^search  /search /' -e '/^search /{s/\.\( \|$\)/\1/g;s/ *$//}' $d/resolv.n >$d/k/resolv.n
	sed -e '/ inet /s/ dynamic \(.*\)valid_lft Nsec preferred_lft Nsec/ \1valid_lft forever preferred_lft forever/' \
		-e '/ inet6 LEASE6\/128 /{s/ tentative//;s/scope global  valid_lft forever preferred_lft forever/scope global dynamic  valid_lft Nsec preferred_lft Nsec/}' \
		$d/addr >$d/k/addr
	cp $d/route $d/host $d/link $d/k/
	grep -q '^net\.route6\?\.c0$' $d/names && echo "KNOWN: $2: dracut writes net.route.c0 ($(cat $d/tmp/net.route*.c0)), netboot does not"
	grep -q '^ \|  ' $d/tmp/net.ifaces 2>/dev/null && echo "KNOWN: $2: dracut's net.ifaces is '$(cat $d/tmp/net.ifaces)'"
	grep -q "^$MAC" $d/tmp/net.bootdev 2>/dev/null && echo "KNOWN: $2: dracut's net.bootdev is '$(cat $d/tmp/net.bootdev)'"
	grep -q '^search  ' $d/resolv && echo "KNOWN: $2: dracut's resolv.conf has '$(grep '^search' $d/resolv)'"
	grep -q ' inet .* dynamic ' $d/addr && echo "KNOWN: $2: dracut's address has the lease's lifetimes, netboot's is forever"
	grep -q '^search .*\.\( \|$\)' $d/resolv && echo "KNOWN: $2: dracut's resolv.conf has '$(grep '^search' $d/resolv)'"
	grep -q ' inet6 LEASE6/128 .*tentative' $d/addr && echo "KNOWN: $2: dracut's DHCPv6 address is still tentative"
	grep -q ' inet6 LEASE6/128 .*valid_lft forever' $d/addr && echo "KNOWN: $2: dracut's DHCPv6 address is forever, netboot's has the lease's lifetimes"
	return 0
}
# known_nb DIR NAME: netboot's snapshot with what it does where dracut is silent taken out, when
# NB_KNOWN says: "dns6", the DNS servers and domains auto6 takes from the RA (RDNSS, DNSSL) and
# DHCPv6 Information-request, which network-legacy's auto6 never reads (no net.DEV.resolv.conf).
NB_KNOWN=
known_nb() {
	d=$1
	mkdir -p $d/k
	cp $d/names $d/files $d/resolv.n $d/addr $d/route $d/host $d/link $d/k/
	case $NB_KNOWN in
	dns6)
		grep -q '^net\.c0\.resolv\.conf$' $d/names &&
			echo "KNOWN: $2: netboot's auto6 writes the RA's and DHCPv6's DNS ($(grep -c . $d/resolv.n) lines), dracut's nothing"
		sed '/^net\.c0\.resolv\.conf$/d' $d/names >$d/k/names
		awk '/^== /{skip = ($2 == "net.c0.resolv.conf")} !skip' $d/files >$d/k/files
		: >$d/k/resolv.n
		;;
	esac
}
# compare NAME CMDLINE: runs both, then compares each aspect, after known and known_nb.
compare() {
	name=$1; line=$2
	up=${DEVS%% *}
	reset; dracut "$line"
	reset; nsbox "$line"
	reset
	if [ "$(cat $T/d/rc)" != 0 ] || ! grep -q '^ifup exit 0' $T/d/log || [ ! -e $T/d/tmp/net.$up.up ]; then
		bad "$name: dracut's ifup did not configure $up (rc $(cat $T/d/rc))" "$(cat $T/d/log)"
		return
	fi
	if ! grep -q '^netboot exit 0' $T/n/log; then
		bad "$name: netboot failed" "$(cat $T/n/log)"
		return
	fi
	echo "TIME: $name: dracut network-legacy $(cat $T/d/ms) ms, nsbox netboot $(cat $T/n/ms) ms"
	known $T/d "$name"
	known_nb $T/n "$name"
	grep -q 'not found' $T/d/log && echo "NOTE: $name: dracut's log: $(grep 'not found' $T/d/log | sort -u | tr '\n' ' ')"
	for a in names files resolv addr route link host; do
		f=$a; [ $a = resolv ] && f=resolv.n
		if cmp -s $T/d/k/$f $T/n/k/$f; then
			ok "$name: $a the same"
		else
			bad "$name: $a differs (< dracut, > nsbox)" "$(diff $T/d/k/$f $T/n/k/$f)"
		fi
	done
}

