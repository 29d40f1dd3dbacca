# Scenario 2 of the article: a veth pair between the root namespace and ns1 (as eth0).
. /tests/lib.sh
reset
say "2. a veth pair between the host and ns1"

check s2-netns-add x ip netns add ns1
check s2-veth-add eval 'x ip link add veth-a type veth peer name veth-b &&
	x ip link show veth-a && has "^[0-9]+: veth-a@veth-b: <BROADCAST,MULTICAST"'
check s2-veth-move eval 'x ip link set veth-b netns ns1 &&
	fact [ ! -e /sys/class/net/veth-b ]'
check s2-veth-rename eval 'x ip netns exec ns1 ip link set veth-b name eth0 &&
	x ip netns exec ns1 ip addr && has "^[0-9]+: eth0@if[0-9]+: <BROADCAST,MULTICAST"'
check s2-addr-host eval 'x ip addr add 10.0.0.1/24 dev veth-a &&
	x ip link set dev veth-a up && x ip addr show dev veth-a &&
	has "[<,]UP[,>]" && has "inet 10\.0\.0\.1/24 scope global veth-a"'
check s2-addr-ns1 eval 'x ip netns exec ns1 ip addr add 10.0.0.2/24 dev eth0 &&
	x ip netns exec ns1 ip link set dev eth0 up && x ip netns exec ns1 ip link set lo up &&
	x ip netns exec ns1 ip addr && has "^1: lo: <LOOPBACK,UP" &&
	has "inet 10\.0\.0\.2/24 scope global eth0"'
check s2-route-host eval 'x ip route &&
	has "^10\.0\.0\.0/24 +dev +veth-a +proto +kernel +scope +link +src +10\.0\.0\.1( |$)"'
check s2-route-ns1 eval 'x ip netns exec ns1 ip route &&
	has "^10\.0\.0\.0/24 +dev +eth0 +proto +kernel +scope +link +src +10\.0\.0\.2( |$)"'

wait_up veth-a || true
check s2-ping-host eval 'x ping -c 1 -W 2 10.0.0.2 && ping_ok 10.0.0.2'
check s2-ping-ns1 eval 'x ip netns exec ns1 ping -c 1 -W 2 10.0.0.1 && ping_ok 10.0.0.1'
check s2-netns-delete eval 'x ip netns delete ns1 && fact [ ! -e /run/netns/ns1 ]'
reset
end
