# Scenario 3 of the article: ns1 and ns2 joined by a veth pair.
. /tests/lib.sh
reset
say "3. two namespaces joined by a veth pair"

check s3-netns-add eval 'x ip netns add ns1 && x ip netns add ns2 && x ip netns list &&
	has "^ns1( |$)" && has "^ns2( |$)"'
check s3-veth-add x ip link add veth-a type veth peer name veth-b
check s3-veth-move eval 'x ip link set veth-a netns ns1 && x ip link set veth-b netns ns2 &&
	fact [ ! -e /sys/class/net/veth-a ] && fact [ ! -e /sys/class/net/veth-b ]'
check s3-addr eval 'x ip netns exec ns1 ip addr add 10.0.0.1/24 dev veth-a &&
	x ip netns exec ns2 ip addr add 10.0.0.2/24 dev veth-b'
check s3-up eval 'x ip netns exec ns1 ip link set dev veth-a up &&
	x ip netns exec ns2 ip link set dev veth-b up &&
	x ip netns exec ns2 ip addr show dev veth-b && has "[<,]UP[,>]" &&
	has "inet 10\.0\.0\.2/24 scope global veth-b"'
wait_up ns1 veth-a || true
check s3-ping eval 'x ip netns exec ns1 ping -c 1 -W 2 10.0.0.2 && ping_ok 10.0.0.2'
check s3-netns-delete eval 'x ip netns delete ns1 && x ip netns delete ns2 &&
	x ip netns list && fact [ ! -s $out ]'
reset
end
