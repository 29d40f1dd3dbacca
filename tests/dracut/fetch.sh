#!/bin/sh
# What tests/sandbox/dracut_compare.test needs, a no-op when it is there: Debian 12's dracut 059
# (dracut-core: dracut-lib.sh and the rest the network module sources; dracut-network:
# network-legacy's ifup.sh, dhclient-script.sh, net-lib.sh) and isc-dhcp-client (dhclient, which
# ifup.sh calls), fetched with apt-get download and unpacked with dpkg -x into build/dracut/root.
# Nothing is installed on the host.
set -eu
cd "$(dirname "$0")/../.."
. .ci/apt.sh
D=build/dracut
# arping: ifup.sh's duplicate check of a static address and setup_net's wait for the gateway.
if ! command -v arping >/dev/null 2>&1; then
	echo "dracut: installing iputils-arping"
	apt_update
	apt_install iputils-arping || exit 1
fi
R=$D/root
if [ ! -f "$R/usr/lib/dracut/modules.d/35network-legacy/ifup.sh" ] || [ ! -x "$R/sbin/dhclient" ]; then
	rm -rf "$D/dl" "$R"
	apt_fetch "$PWD/$D/dl" dracut-core dracut-network isc-dhcp-client || {
		echo "dracut: cannot download dracut-core, dracut-network, isc-dhcp-client (apt-get download)" >&2; exit 1; }
	for deb in "$D"/dl/*.deb; do
		dpkg -x "$deb" "$R"
	done
	rm -rf "$D/dl"
	[ -f "$R/usr/lib/dracut/modules.d/35network-legacy/ifup.sh" ] ||
		{ echo "dracut: no 35network-legacy/ifup.sh in dracut-network" >&2; exit 1; }
	[ -x "$R/sbin/dhclient" ] || { echo "dracut: no sbin/dhclient in isc-dhcp-client" >&2; exit 1; }
	echo "dracut: $(cd "$D"/root && ls -d usr/lib/dracut/modules.d/35network-legacy) and sbin/dhclient in $R"
fi
