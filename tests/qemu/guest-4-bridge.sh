# Scenario 4 of the article: Docker's default network by hand. The guest plays the host: eth0
# (virtio-net on QEMU's restricted user network) carries the slirp address 10.0.2.15/24 and a
# default route via the slirp gateway 10.0.2.2. A "container" started by nsbox's unshare in new
# net, mount, PID and UTS namespaces gets no network (--net=none); its PID is read from the
# process, as `docker inspect` gives it. Then exactly the article's steps, with nsbox.
. /tests/lib.sh
say "4. a bridge carrying the NIC and a container found by its PID"
GW=10.0.2.2 HOST=10.0.2.15 C1=10.0.2.16 C2=10.0.2.17

# container: starts one, prints its PID (the forked child's, in our PID namespace).
container() {
	/sbin/unshare --net --mount --pid --uts --fork /bin/busybox sleep 600 </dev/null >/dev/null 2>&1 &
	u=$!
	i=0
	while [ $i -lt 50 ]; do
		c=$(cat /proc/$u/task/$u/children 2>/dev/null)
		[ -n "$c" ] && { echo "${c%% *}"; return 0; }
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# The host's network, as a real host would have it.
nic_up() {
	x ip link set eth0 up && x ip addr add $HOST/24 dev eth0 &&
	x ip route add default via $GW dev eth0 && x ip route show && has "^default via $GW dev eth0"
}
# The driver probes the NIC in the background once virtio_pci and virtio_net are in (setup).
i=0
while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check s4-nic eval 'fact [ -e /sys/class/net/eth0 ] && nic_up'
wait_up eth0 || true
check s4-nic-ping eval 'x ping -c 1 -W 3 $GW && ping_ok $GW 255'

c1pid=$(container)
check s4-container eval 'fact [ -n "$c1pid" ] &&
	fact [ "$(readlink /proc/$c1pid/ns/net)" != "$(readlink /proc/self/ns/net)" ] &&
	x nsenter -t $c1pid -n ip link && has "^1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN" &&
	lacks "^2: "'

check s4-br0 eval 'x brctl addbr br0 && x ip link set br0 up'
# The article moves the address and the default route in one line, so the host stays reachable.
# Deleting eth0's address already took the default route through it with it, so the article's
# `ip route del default` finds none here: the kernel's answer is checked, then the route is gone.
route_del_default() {
	x ip route del default && return 0
	has "^RTNETLINK answers: No such process$" && x ip route show && lacks "^default"
}
check s4-move-eth0 eval 'x ip addr add $HOST/24 dev br0 && x ip addr del $HOST/24 dev eth0 &&
	x brctl addif br0 eth0 && route_del_default && x ip route add default via $GW dev br0 &&
	x ip route show && has "^default via $GW dev br0"'
check s4-symlink eval 'mkdir -p /var/run/netns && ln -s /proc/$c1pid/ns/net /var/run/netns/$c1pid &&
	x ip netns list && has "^$c1pid( |$)"'
check s4-veth eval 'x ip link add veth-a type veth peer name veth-b && x brctl addif br0 veth-a &&
	x ip link set veth-a up'
check s4-veth-b eval 'x ip link set veth-b netns $c1pid &&
	x ip netns exec $c1pid ip link set dev veth-b name eth0 &&
	x ip netns exec $c1pid ip link set eth0 up &&
	x ip netns exec $c1pid ip addr add $C1/24 dev eth0 &&
	x ip netns exec $c1pid route add default via $GW &&
	x ip netns exec $c1pid route -n && has "^0\.0\.0\.0 +$GW +0\.0\.0\.0 +UG "'
check s4-brctl-show eval 'x brctl show && has "^br0[[:space:]]+8000\.[0-9a-f]{12}[[:space:]]+no[[:space:]]+eth0$" &&
	has "^[[:space:]]+veth-a$"'
wait_up br0 || true
wait_up $c1pid eth0 || true
check s4-c1-gw eval 'x ip netns exec $c1pid ping -c 1 -W 3 $GW && ping_ok $GW 255'
check s4-c1-host eval 'x ip netns exec $c1pid ping -c 1 -W 3 $HOST && ping_ok $HOST'
check s4-host-c1 eval 'x ping -c 1 -W 3 $C1 && ping_ok $C1'
check s4-identify eval 'x ip netns identify $c1pid && has "^$c1pid$"'
check s4-pids eval 'x ip netns pids $c1pid && has "^$c1pid$"'

# The same a second time, with ip netns attach instead of the symlink.
c2pid=$(container)
check s4-attach eval 'fact [ -n "$c2pid" ] && x ip netns attach c1 $c2pid && x ip netns list &&
	has "^c1( |$)" && x ip netns identify $c2pid && has "^c1$"'
check s4-attach-veth eval 'x ip link add veth-c type veth peer name veth-d &&
	x brctl addif br0 veth-c && x ip link set veth-c up && x ip link set veth-d netns c1 &&
	x ip netns exec c1 ip link set dev veth-d name eth0 && x ip netns exec c1 ip link set eth0 up &&
	x ip netns exec c1 ip addr add $C2/24 dev eth0 && x ip netns exec c1 route add default via $GW'
wait_up c1 eth0 || true
check s4-c2-gw eval 'x ip netns exec c1 ping -c 1 -W 3 $GW && ping_ok $GW 255'
check s4-c2-c1 eval 'x ip netns exec c1 ping -c 1 -W 3 $C1 && ping_ok $C1'
check s4-brctl-ports eval 'x brctl show br0 && has "^[[:space:]]+veth-c$"'

# The article's claims about namespaces.
# A veth moved into a namespace dies with it, and its peer with it.
gone() { # gone DEV: DEV leaves this namespace within 3 s
	i=0
	while [ -e /sys/class/net/$1 ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	fact [ ! -e /sys/class/net/$1 ]
}
# (SIGKILL: a PID namespace's init ignores signals it has no handler for.)
check claim-veth-dies eval 'x ip netns delete c1 && kill -9 $c2pid && gone veth-c'
# A new namespace has only lo, and it is down.
check claim-new-ns eval 'x ip netns add fresh && x ip -n fresh link &&
	has "^1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN " && lacks "^2: " && x ip netns delete fresh'
# Every process belongs to one network namespace, and identify finds it for any PID.
identify_all() {
	cnt=0
	for p in /proc/[0-9]*; do
		p=${p#/proc/}
		# Kernel threads (empty cmdline) and processes already gone are skipped.
		[ -n "$(head -c 1 /proc/$p/cmdline 2>/dev/null)" ] || continue
		/sbin/ip netns identify $p >/dev/null 2>&1 || [ ! -e /proc/$p ] ||
			{ echo "(identify $p failed)" >> $buf; return 1; }
		cnt=$((cnt + 1))
	done
	fact [ $cnt -gt 3 ] &&
	x ip netns identify $c1pid && has "^$c1pid$"
}
check claim-identify identify_all
# A physical NIC moved into a namespace returns to the initial namespace when that namespace is
# released, not to the namespace of its creator (inner is made from inside mid).
nic_home() {
	x ip link set eth0 nomaster && x ip netns add mid &&
	x ip -n mid netns add inner && x ip link set eth0 netns inner &&
	fact [ ! -e /sys/class/net/eth0 ] && x ip -n inner link show eth0 &&
	x ip netns delete inner || return 1
	i=0
	while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	fact [ -e /sys/class/net/eth0 ] && x ip -n mid link && lacks "eth0"
}
check claim-nic-returns nic_home
# brctl works through netlink: in a fresh namespace, with /sys still the initial namespace's
# sysfs, it shows that namespace's bridge and not br0.
fresh_brctl() {
	x unshare -n /bin/sh -c '/sbin/brctl addbr b9 && /sbin/brctl show' &&
	has "^b9[[:space:]]+8000\.[0-9a-f]{12}[[:space:]]+no" && lacks "^br0"
}
check brctl-fresh-ns fresh_brctl
/sbin/ip netns delete mid >/dev/null 2>&1
rm -f /var/run/netns/$c1pid
kill -9 $c1pid 2>/dev/null
/sbin/ip link del br0 >/dev/null 2>&1
end
