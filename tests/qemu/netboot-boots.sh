#!/bin/sh
# The netboot boots (issue 19): an image whose /init is a few lines of shell over nsbox
# (initramfs/init-netboot) booted under QEMU on Debian's kernel (QEMU_TARGET, default x86_64) with
# dracut's network command line, on restricted user networking (slirp: DHCP from 10.0.2.2; under
# restrict=on its offers carry no router and no DNS option, so a DHCP boot has no default route and
# the guest pings the DHCP server). One boot each: DHCPv4; ifname= renaming by MAC; rd.route= and
# nameserver=; a VLAN on top of the NIC; a bond of two NICs; IPv6 SLAAC; DHCPv6 from dnsmasq in a
# second namespace inside the guest (x86_64 guests: the host's dnsmasq goes into the image). Each checks the exit
# code, addresses, routes, resolv.conf and the state files, and prints the time from the driver's load to a configured network.
# Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
. qemu/target.sh
sfx=; [ "$T_NAME" = x86_64 ] || sfx=-$T_NAME
img=build/netboot-boot$sfx.cpio.gz
tp=0 tf=0
tools=; [ "$T_BBARCH" != amd64 ] || tools=/usr/sbin/dnsmasq
if ! sh qemu/fetch-kernel.sh >/dev/null ||
   ! HOSTTOOLS=$tools MODULES="$T_NETMODS 8021q bonding veth" sh initramfs/build.sh $img initramfs/init-netboot; then
	echo "FAIL netboot-boots (cannot build $img)"; echo "0 passed, 1 failed"; exit 1
fi
secs=300
case $T_NAME in x86_64*|i386) ;; *) secs=600 ;; esac
mac1=52:54:00:12:34:56 mac2=52:54:00:12:34:57
nic2="-netdev user,id=n1,restrict=on -device $T_NIC,netdev=n1,mac=$mac2"

# boot NAME CMDLINE [QEMUARGS] then expect PATTERN... : each PATTERN an extended regex that some
# "nb: " line of the console must match (without the "nb: ").
# NETBOOT_ONLY=NAME runs that boot only.
boot() {
	name=$1 log=build/netboot-boot$sfx-$1.log skip=
	[ -z "${NETBOOT_ONLY:-}" ] || [ "$NETBOOT_ONLY" = "$name" ] || { skip=1; return 0; }
	t0=$(date +%s)
	sh qemu/boot.sh -t "${QEMU_SECS:-$secs}" -a "$2" -q "-netdev user,id=n0,restrict=on${N0:-} -device $T_NIC,netdev=n0,mac=$mac1 ${3:-}" \
		$img $log 2>&1 | sed 's/^/    /'
	tr -d '\r' <$log | sed -n 's/^nb: //p' >$log.nb
	echo "TIME netboot $name: $(sed -n 's/^ms //p' $log.nb) ms from the driver's load to configured (guest clock, TCG), boot $(( $(date +%s) - t0 )) s"
}
expect() {
	[ -z "$skip" ] || return 0
	shown=1
	for pat in "$@"; do
		if grep -Eq "$pat" $log.nb; then tp=$((tp + 1))
		else tf=$((tf + 1)); echo "FAIL netboot $name: no line like '$pat'"; shown=; fi
	done
	[ -n "$shown" ] || { echo "  the lines of $name:"; sed 's/^/    /' $log.nb; }
	grep -qx done $log.nb && tp=$((tp + 1)) || { tf=$((tf + 1)); echo "FAIL netboot $name: /init did not end"; }
}

boot dhcp "ip=dhcp rd.neednet=1"
expect '^rc 0$' '^addr 2: eth0 +inet 10\.0\.2\.15/24 .* scope global .*eth0' \
	'^route 10\.0\.2\.0/24 dev eth0 .*src 10\.0\.2\.15' "^file net-eth0\\.conf ROOTSERVER='?10\\.0\\.2\\.2'?$" \
	"^file net-eth0\\.conf IPV4ADDR='?10\\.0\\.2\\.15'?$" '^state net\.eth0\.did-setup$' '^ping 10\.0\.2\.2 ok$'

boot ifname "ifname=lan0:$mac1 ip=lan0:dhcp"
expect '^rc 0$' '^link 2: lan0: ' '^addr 2: lan0 +inet 10\.0\.2\.15/24' '^route 10\.0\.2\.0/24 dev lan0 ' \
	'^state net-lan0\.conf$' '^ping 10\.0\.2\.2 ok$'

boot route "ip=dhcp rd.route=192.0.2.0/24:10.0.2.2 rd.route=198.51.100.0/24:10.0.2.2:eth0 nameserver=10.0.2.9 rd.peerdns=0"
expect '^rc 0$' '^route 192\.0\.2\.0/24 via 10\.0\.2\.2 dev eth0' '^route 198\.51\.100\.0/24 via 10\.0\.2\.2 dev eth0' \
	'^resolv nameserver 10\.0\.2\.9$' '^ping 10\.0\.2\.2 ok$'
if [ -z "$skip" ]; then
	grep -q '^resolv nameserver 10\.0\.2\.3$' $log.nb && { tf=$((tf + 1)); echo "FAIL netboot route: rd.peerdns=0, yet the DHCP server's DNS is in resolv.conf"; } || tp=$((tp + 1))
fi

# slirp knows no VLAN tags: the VLAN device gets a static address; the NIC below it is up.
boot vlan "vlan=eth0.5:eth0 ip=10.5.0.2::10.5.0.1:255.255.255.0:nbhost:eth0.5:none"
expect '^rc 0$' '^link [0-9]+: eth0\.5@eth0: <[^>]*UP' '^addr [0-9]+: eth0\.5 +inet 10\.5\.0\.2/24' \
	'^route default via 10\.5\.0\.1 dev eth0\.5' '^state net-eth0\.5\.conf$'

boot bond "bond=bond0:eth0,eth1:mode=active-backup,miimon=100 ip=bond0:dhcp" "$nic2"
expect '^rc 0$' '^link [0-9]+: eth0: .*master bond0' '^link [0-9]+: eth1: .*master bond0' \
	'^addr [0-9]+: bond0 +inet 10\.0\.2\.15/24' '^route 10\.0\.2\.0/24 dev bond0 ' '^ping 10\.0\.2\.2 ok$'

# IPv6 SLAAC from slirp (ipv6=on: router advertisements for fec0::/64 from the router fe80::2;
# slirp adds an RDNSS option only when the host has an IPv6 DNS server, so resolv.conf is not
# checked here: netboot6.test checks RDNSS and DNSSL against dnsmasq): netboot's auto6 waits for
# the address's DAD and the default route.
# fec0::/10 is site-local (the kernel gives the address scope site): the first run of this boot
# showed netboot waiting for a global one only, and failing after its 40 s.
N0=,ipv6=on boot slaac "ip=eth0:auto6 rd.neednet=1"
expect '^rc 0$' '^addr6 2: eth0 +inet6 fec0::[0-9a-f:]+/64 scope site' '^route6 default via fe80::2 dev eth0' \
	"^file net6-eth0\\.conf IPV6ADDR='fec0::" "^file net6-eth0\\.conf IPV6GATEWAY='fe80::2'$"

# DHCPv6 (stateful IA_NA) from dnsmasq in the guest's namespace srv, over the veth c0 that /init
# makes before netboot runs: the address is a /128 from the range, DAD done (/init lists
# addresses with -tentative); DNS and the domain
# from the reply; the four messages in dnsmasq's log, and its lease.
if [ -n "$tools" ]; then
	boot dhcp6 "ip=c0:dhcp6 rd.neednet=1 nb.dhcp6srv"
	expect '^rc 0$' '^addr6 [0-9]+: c0 +inet6 2001:db8:6::1[0-9a-f]{2}/128 scope global' \
		'^resolv search lab6\.example$' '^resolv nameserver 2001:db8:6::53$' \
		"^file net6-c0\\.conf IPV6PROTO='dhcp6'$" "^file net6-c0\\.conf IPV6ADDR='2001:db8:6::1[0-9a-f]{2}'$" \
		'^dnsmasq DHCPSOLICIT\(s0\)$' '^dnsmasq DHCPADVERTISE\(s0\)$' '^dnsmasq DHCPREQUEST\(s0\)$' '^dnsmasq DHCPREPLY\(s0\)$' '^lease .*2001:db8:6::1[0-9a-f]{2}'
else
	echo "NOTE netboot dhcp6: not on $T_NAME (the guest runs this machine's dnsmasq)"
fi

echo "$tp passed, $tf failed"
[ $tf -eq 0 ]
