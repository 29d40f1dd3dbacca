# Setup: nsbox's applet links, its modprobe for the modules the scenarios need, lo up.
. /tests/lib.sh
say "setup: modules and loopback"

links() {
	for a in ip ping modprobe brctl route unshare nsenter; do
		fact [ "$(readlink /sbin/$a)" = /bin/nsbox ] || return 1
	done
}
check applet-links links

mods=/lib/modules/$(uname -r)

# mod NAME LOADED...: nsbox's modprobe NAME loads it and its dependencies; for a module the
# kernel has built in (virtio_pci on Debian 13), it succeeds and loads nothing, as kmod's does.
mod() {
	if grep -Eq "(^|/)$1\.ko\$" $mods/modules.builtin; then
		x modprobe "$1" && fact [ -z "$(cat $out)" ] && fact [ -d /sys/module/$1 ] &&
			! grep -q "^$1 " /proc/modules
		return
	fi
	x modprobe "$1" || return 1
	for m in "$@"; do
		fact grep -q "^$m " /proc/modules || return 1
	done
}
check modprobe-veth mod veth
check modprobe-bridge mod bridge stp llc
check modprobe-virtio_pci mod virtio_pci
check modprobe-virtio_net mod virtio_net net_failover failover

# Debian 13's modules are xz-compressed, loaded by finit_module with
# MODULE_INIT_COMPRESSED_FILE (the kernel decompresses: CONFIG_MODULE_DECOMPRESS); Debian 11's
# and 12's are plain. Either way the file modules.dep names is the one loaded.
if grep -q '^kernel/drivers/net/veth\.ko\.xz:' $mods/modules.dep; then
	check modprobe-xz-file fact grep -q '^veth ' /proc/modules
else
	check modprobe-plain-file fact grep -q '^veth ' /proc/modules
fi

lo_up() {
	x ip link set lo up && fact [ $(($(cat /sys/class/net/lo/flags) & 1)) -eq 1 ]
}
check lo-up lo_up
end
