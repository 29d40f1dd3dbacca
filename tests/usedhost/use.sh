#!/bin/sh
# What a host with containers, CNI or a VPN in a namespace has, made in the namespace this runs in
# (a sandbox, or a QEMU guest's root namespace; never this machine's): named namespaces (so
# /run/netns is a bind mount with nsfs mounts in it), one attached to a process, one added and
# deleted (the run dir stays a mount point), a docker-like bridge with veths into them, forwarding
# on, an address and routes on the bridge.
set -eu
ip=/usr/sbin/ip
$ip netns add hostuser1
$ip netns add hostuser2
$ip netns add gone && $ip netns del gone
unshare --net sleep 100000 </dev/null >/dev/null 2>&1 &
echo $! >/run/usedhost.pid
i=0
while [ "$(readlink /proc/$!/ns/net)" = "$(readlink /proc/self/ns/net)" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
$ip netns attach ctr $!
$ip link add docker0 type bridge
$ip addr add 172.17.0.1/16 dev docker0
$ip link set docker0 up
for n in 1 2; do
	$ip link add veth$n type veth peer name eth0 netns hostuser$n
	$ip link set veth$n master docker0 up
	$ip -n hostuser$n addr add 172.17.0.$((n + 1))/16 dev eth0
	$ip -n hostuser$n link set eth0 up
done
$ip link add vpn0 type veth peer name eth0 netns ctr
$ip route add 10.99.0.0/16 dev docker0
echo 1 >/proc/sys/net/ipv4/ip_forward
