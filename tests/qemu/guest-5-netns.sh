# ip netns beyond the article: a namespace kept alive by a process after its name is deleted,
# then found again by PID as a container's would be (symlink, then attach).
. /tests/lib.sh
reset
say "ip netns: a process outlives the name; the namespace found again by its PID"

/sbin/ip netns add keep >/dev/null 2>&1
/sbin/ip netns exec keep /bin/busybox sleep 60 &
pid=$!
i=0
while [ $i -lt 30 ] && [ "$(/sbin/ip netns identify $pid 2>/dev/null)" != keep ]; do
	/bin/busybox sleep 0.1; i=$((i + 1))
done
# Before 6.8 the kernel has no listmount: exec finds the mounts below /sys in mountinfo (the
# fallback, on 5.10 and 6.1); from 6.8 on (Debian 13's 6.12), with listmount and statmount.
v=$(uname -r); maj=${v%%.*}; min=${v#*.}; min=${min%%[!0-9]*}
how=mountinfo
[ $((maj * 100 + min)) -lt 608 ] || how=listmount
mount -t tmpfs sysfs-sub /sys/fs/cgroup 2>/dev/null
check n-exec-keeps-sys-submounts-$how eval 'x ip netns exec keep /bin/busybox grep -c " /sys/fs/cgroup " /proc/self/mountinfo &&
	has "^1$" && x ip netns exec keep /bin/busybox ls /sys/class/net && has "^lo$" && lacks "^eth0$"'
umount /sys/fs/cgroup 2>/dev/null
check n-pids eval 'x ip netns pids keep && has "^$pid$"'
check n-identify eval 'x ip netns identify $pid && has "^keep$"'
check n-delete-with-process eval 'x ip netns delete keep && x ip netns list && lacks "^keep" &&
	fact [ -e /proc/$pid/ns/net ] && x ip netns identify $pid && fact [ "$(cat $out)" = "" ]'
check n-symlink-by-pid eval 'ln -s /proc/$pid/ns/net /run/netns/$pid && x ip netns list &&
	has "^$pid( |$)" && x ip netns identify $pid && has "^$pid$"'
check n-veth-into-pid eval 'x ip link add veth-c type veth peer name veth-d &&
	x ip link set veth-d netns $pid && x ip netns exec $pid ip link set veth-d name eth0 &&
	x ip netns exec $pid ip link show eth0 && has "^[0-9]+: eth0@if[0-9]+: "'
check n-attach eval 'x ip netns attach c1 $pid && x ip netns list && has "^c1( |$)" &&
	x ip -n c1 link show eth0 && has "eth0@if"'
check n-release eval 'rm /run/netns/$pid && x ip netns delete c1 && kill $pid && wait $pid;
	i=0; while [ $i -lt 50 ] && [ -e /sys/class/net/veth-c ]; do /bin/busybox sleep 0.1; i=$((i + 1)); done;
	x ip link show && lacks "veth-c"'
reset
end
