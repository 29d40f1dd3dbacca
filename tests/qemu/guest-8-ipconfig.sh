# ipconfig on eth0 (virtio-net on QEMU's restricted user network: slirp's DHCP gives 10.0.2.15/24
# from 10.0.2.2, and with restrict=on no router and no DNS server): DHCP, static ip= specs, a
# timeout with no server, and each /run/net-eth0.conf and stdout next to those of klibc-utils'
# ipconfig (/oracle/ipconfig, only in the test image) run the same way, one after the other,
# eth0 flushed between. Last, the time to a lease when ipconfig starts as virtio_net loads
# (modprobe in the background): nsbox's must be under 3 s; klibc's is reported (TIME lines).
. /tests/lib.sh
say "8. ipconfig: DHCP from slirp, static specs, no server, against klibc's ipconfig"
K=/oracle/ipconfig

# eth0 in a known state: guest-4 gives it back down and without addresses; the driver may
# still be probing it after a module load.
i=0
while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
flush() {
	/sbin/ip addr flush dev eth0
	/sbin/ip route flush table main
	/sbin/ip link set eth0 down mtu 1500
	rm -f /run/net-eth0.conf
}
flush

# k ARGS: klibc's ipconfig, as x runs nsbox's (output in $out and the transcript).
k() {
	rc=0
	timeout 30 $K "$@" > $out 2>&1 || rc=$?
	[ $rc -eq 0 ] || echo "[exit $rc]" >> $out
	{ echo "\$ $K $*"; cat $out; } >> $buf
	return $rc
}
# up: eth0 up with its carrier. klibc binds its packet socket before it brings the link up,
# its first send then fails (ENETDOWN) and it waits 10 s: klibc's runs start from here.
up() {
	/sbin/ip link set eth0 up
	wait_up eth0
}
# keep NAME: the last run's output and file, UPTIME masked, as /tmp/NAME.out and .conf.
keep() {
	sed 's/^\[exit .*//' $out > /tmp/$1.out
	{ sed "s/^UPTIME='[0-9]*'$/UPTIME=T/" /run/net-eth0.conf 2>/dev/null || echo "(no file)"; } > /tmp/$1.conf
}
# same A B: the runs kept as A and B printed and wrote the same.
same() {
	for f in out conf; do
		cmp -s /tmp/$1.$f /tmp/$2.$f && continue
		{ echo "($1.$f and $2.$f differ:)"; cat /tmp/$1.$f; echo "(--)"; cat /tmp/$2.$f; } >> $buf
		return 1
	done
}

dhcp_n() {
	x ipconfig -t 10 eth0 && keep n &&
	has "^IP-Config: eth0 complete \(dhcp from 10\.0\.2\.2\):$" &&
	has "^ address: 10\.0\.2\.15 +broadcast: 10\.0\.2\.255 +netmask: 255\.255\.255\.0 +$" &&
	x ip addr show dev eth0 && has "inet 10\.0\.2\.15/24 brd 10\.0\.2\.255 scope global eth0" &&
	fact grep -qx "PROTO='dhcp'" /run/net-eth0.conf && fact grep -qx "IPV4GATEWAY='0.0.0.0'" /run/net-eth0.conf
}
check ipc-dhcp dhcp_n
check ipc-dhcp-ping eval 'x ping -c 1 -W 3 10.0.2.2 && ping_ok 10.0.2.2 255'
flush
up
check ipc-dhcp-klibc eval 'k -t 10 eth0 && keep k && same k n'
flush

static_n() {
	x ipconfig 10.0.2.15::10.0.2.2:255.255.255.0:guest8:eth0:off:10.0.2.3 && keep n &&
	has "^ gateway: 10\.0\.2\.2 +dns0 +: 10\.0\.2\.3 " && has "^ host   : guest8 " &&
	x ip route show && has "^default via 10\.0\.2\.2 dev eth0" && fact [ "$(cat /proc/sys/kernel/hostname)" = guest8 ]
}
check ipc-static static_n
wait_up eth0 || true
check ipc-static-ping eval 'x ping -c 1 -W 3 10.0.2.2 && ping_ok 10.0.2.2 255'
flush
check ipc-static-klibc eval 'k 10.0.2.15::10.0.2.2:255.255.255.0:guest8:eth0:off:10.0.2.3 && keep k && same k n'
flush
check ipc-static-guess eval 'x ipconfig ip=10.0.2.16:::::eth0:none && keep n &&
	has "^IP-Config: eth0 guessed netmask 255\.0\.0\.0$" && flush &&
	k ip=10.0.2.16:::::eth0:none && keep k && same k n'
flush

# No server: a veth whose peer hears nothing.
/sbin/ip link add vq0 type veth peer name vq1 && /sbin/ip link set vq1 up
nosrv() {
	rc=0
	x ipconfig -t 2 vq0 || rc=$?
	fact [ $rc -eq 255 ] && has "^IP-Config: no response after 2 secs - giving up$" && keep n &&
	{ k -t 2 vq0; fact [ $? -eq 255 ]; } && keep k && cmp -s /tmp/n.out /tmp/k.out
}
check ipc-no-server nosrv
/sbin/ip link del vq0

# The time from `modprobe virtio_net &` to a lease (ms from /proc/uptime), PROGRAM ARGS.
ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
lease_ms() {
	/sbin/rmmod virtio_net > /dev/null 2>&1
	i=0
	while [ -e /sys/class/net/eth0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	rm -f /run/net-eth0.conf
	t0=$(ms)
	/sbin/modprobe virtio_net &
	m=$!
	rc=0
	"$@" > $out 2>&1 || rc=$?
	t1=$(ms)
	wait $m
	{ echo "\$ $* [exit $rc, $((t1 - t0)) ms]"; cat $out; } >> $buf
	echo "$((t1 - t0)) $rc"
}
set -- $(lease_ms /sbin/ipconfig -t 10 eth0)
nms=$1 nrc=$2
check ipc-lease-3s eval 'fact [ $nrc -eq 0 ] && fact [ $nms -lt 3000 ] &&
	fact grep -qx "IPV4ADDR='"'"'10.0.2.15'"'"'" /run/net-eth0.conf'
set -- $(lease_ms $K -t 10 eth0)
kms=$1 krc=$2
: > $buf
# klibc cannot wait for eth0: the same way, it fails at once. Started once eth0 exists, the
# link is still down and its first send fails: a lease some 10 s later.
set -- $(lease_ms sh -c "while [ ! -e /sys/class/net/eth0 ]; do sleep 0.01; done; exec $K -t 20 eth0")
k2ms=$1 k2rc=$2
: > $buf
echo "TIME ipconfig lease from modprobe virtio_net: nsbox $nms ms (exit $nrc); klibc $kms ms (exit $krc);" \
	"klibc started when eth0 exists $k2ms ms (exit $k2rc)"
end
