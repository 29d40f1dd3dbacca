# Setup: nsbox's applet links, its modprobe for the modules the scenarios need, lo up.
. /tests/lib.sh
say "setup: modules and loopback"

links() {
	for a in ip ping modprobe brctl route unshare nsenter; do
		fact [ "$(readlink /sbin/$a)" = /bin/nsbox ] || return 1
	done
}
check applet-links links

# mod NAME LOADED...: nsbox's modprobe NAME loads it and its dependencies.
mod() {
	x modprobe "$1" || return 1
	for m in "$@"; do
		fact grep -q "^$m " /proc/modules || return 1
	done
}
check modprobe-veth mod veth
check modprobe-bridge mod bridge stp llc
check modprobe-virtio_pci mod virtio_pci
check modprobe-virtio_net mod virtio_net net_failover failover

lo_up() {
	x ip link set lo up && fact [ $(($(cat /sys/class/net/lo/flags) & 1)) -eq 1 ]
}
check lo-up lo_up
end
