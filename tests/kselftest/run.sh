#!/bin/sh
# The kselftest tier: twelve of Linux's tools/testing/selftests/net scripts (Debian's
# linux-source-6.1) in a QEMU guest, once with iproute2's ip first in PATH and once with nsbox's
# (a directory holding ip -> nsbox first; every other tool is the host's own in both). One boot
# per script and per ip; in it each group of tests/kselftest/groups runs as its own process under
# its own timeout. Prints a table (group, subtest, verdict with iproute2, with nsbox, same/worse/
# better), a summary per script and the closing line "N same, N worse, N better"; exits 1 if a
# subtest is worse or the iproute2 run did not get through a group.
# A subtest is better or worse only by passing: OK ranks above XFAIL, XFAIL above everything
# else (FAIL, SKIP, no verdict at all), which rank the same.
# Usage: tests/kselftest/run.sh [SCRIPT...]   (SCRIPT: rtnetlink, fib_tests ...; default all)
# Environment: QEMU_TARGET (x86_64, x86_64-5.10, x86_64-6.12; qemu/target.sh) or KERNEL_DIR
#   (a kernel unpacked elsewhere: vmlinuz, version, root/{usr/,}lib/modules/VERSION),
#   KSELFTEST_SECS (per group, default 900), KSELFTEST_OUT (default build/kselftest/out/KERNEL-VERSION),
#   KSELFTEST_REUSE=1 (iproute2's logs of the same guest and kernel, if there are, instead of
#   its boots: half the time; build/kselftest/iproute2/HASH).
set -u
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
no() { echo "FAIL kselftest ($*)"; echo "0 same, 1 worse, 0 better"; exit 1; }
sh tests/kselftest/fetch.sh || no "set-up"
# The kernel: QEMU_TARGET's (qemu/target.sh: x86_64 is Debian 12's 6.1, x86_64-5.10 and
# x86_64-6.12 Debian 11's and 13's; x86_64 only, since the guest runs this machine's amd64
# tools), fetched by qemu/fetch-kernel.sh; or KERNEL_DIR, a kernel unpacked elsewhere the same
# way, given to QEMU after boot.sh's own -kernel (QEMU takes the last).
case ${QEMU_TARGET:-x86_64} in
x86_64|x86_64-*) ;;
*) no "QEMU_TARGET=$QEMU_TARGET: the guest runs this machine's amd64 tools; x86_64 targets only" ;;
esac
. qemu/target.sh
sh qemu/fetch-kernel.sh || no "no kernel for $T_NAME"
kdir=${T_KDIR#"$top"/} kq=
if [ -n "${KERNEL_DIR:-}" ]; then
	kdir=${KERNEL_DIR%/}
	kq="-kernel $(cd "$kdir" 2>/dev/null && pwd)/vmlinuz"
fi
[ -f "$kdir/vmlinuz" ] && [ -f "$kdir/version" ] || no "no $kdir/vmlinuz or $kdir/version"
ver=$(cat "$kdir/version")
kmods=
for d in "$kdir/root/lib/modules/$ver" "$kdir/root/usr/lib/modules/$ver"; do [ -f "$d/modules.dep" ] && { kmods=$d; break; }; done
[ -n "$kmods" ] || no "no modules.dep for $ver under $kdir/root"
[ -x build/nsbox ] || no "no build/nsbox (run make)"
net=build/kselftest/linux-source-6.1/tools/testing/selftests/net
secs=${KSELFTEST_SECS:-900}
out=${KSELFTEST_OUT:-build/kselftest/out/$ver}
mkdir -p "$out" || no "cannot make $out"
img=$out/guest.cpio.gz

scripts=$(sed -n 's/^\([^#[:space:]][^[:space:]]*\)[[:space:]].*/\1/p' tests/kselftest/groups | sed 's/:.*//' | uniq)
if [ $# -gt 0 ]; then
	for s; do printf '%s\n' "$scripts" | grep -qx "${s%.sh}" || no "no script $s in tests/kselftest/groups"; done
	scripts=$(printf '%s\n' "$@" | sed 's/\.sh$//')
fi

stage=$(mktemp -d "$top/build/kselftest.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/proc" "$stage/sys" "$stage/dev" "$stage/run" "$stage/tmp" "$stage/etc" "$stage/root" "$stage/var" "$stage/mnt"
ln -s ../run "$stage/var/run"
# What the scripts call (read from them: fib_tests' socat and iptables, rtnetlink's uuidgen,
# diff, ifconfig and modprobe, the ndisc/arp scripts' tcpdump and arping, altnames' jq ...).
xt=$(ls /usr/lib/x86_64-linux-gnu/xtables/*.so 2>/dev/null)
[ -n "$xt" ] || no "no iptables extensions in /usr/lib/x86_64-linux-gnu/xtables"
# shellcheck disable=SC2086
sh initramfs/hosttools.sh "$stage" bash sh dash cat cut grep sed awk mawk sort uniq tr head tail wc ls mkdir rm \
	mktemp readlink stat sleep timeout mount umount seq printf env id kill ln cp mv touch chmod find xargs \
	sysctl tee dirname basename true false expr rmdir date which diff bc hostname uname \
	/usr/sbin/ip /usr/sbin/tc /usr/sbin/bridge ping ping6 arping socat tcpdump iptables ip6tables uuidgen jq \
	ifconfig modprobe lsmod rmmod insmod mausezahn $xt || no "host tools"
cp -a /etc/iproute2 "$stage/etc/" 2>/dev/null
[ -d /usr/share/iproute2 ] && mkdir -p "$stage/usr/share" && cp -a /usr/share/iproute2 "$stage/usr/share/"
for f in passwd group hosts nsswitch.conf protocols services ethertypes; do cp /etc/$f "$stage/etc/" 2>/dev/null; done
mkdir -p "$stage/kst/nsbox-bin" "$stage/kst/bin"
cp build/nsbox "$stage/kst/nsbox" && ln -s ../nsbox "$stage/kst/nsbox-bin/ip" || no "cannot copy build/nsbox"
cp build/kselftest/bin/nettest "$stage/kst/bin/" || no "no nettest"
cp -a "$net" "$stage/kst/net" || no "no $net"
grep -v '^#' tests/kselftest/groups >"$stage/kst/groups"
# The kernel's networking modules (net/, drivers/net/, crypto/, lib/, arch/) and what they
# depend on; kmod's modprobe (the scripts' and the kernel's request_module) loads them.
mdst=$stage/usr/lib/modules/$ver
mkdir -p "$mdst"
(cd "$kmods" && sed -n 's#^\(kernel/\(net\|drivers/net\|crypto\|lib\|arch\)/[^:]*\):\(.*\)#\1\3#p' modules.dep | tr ' ' '\n' | sed '/^$/d' | sort -u) >"$stage/mods" ||
	no "cannot read $kmods/modules.dep"
while read -r m; do
	mkdir -p "$mdst/${m%/*}" && cp "$kmods/$m" "$mdst/$m" || no "cannot copy module $m"
done <"$stage/mods"
rm -f "$stage/mods"
for f in modules.builtin modules.builtin.modinfo modules.order; do [ -f "$kmods/$f" ] && cp "$kmods/$f" "$mdst/"; done
depmod -b "$stage" "$ver" 2>/dev/null || no "depmod for the guest"
cat >"$stage/init" <<'EOI'
#!/bin/sh
export PATH=/kst/bin:/usr/sbin:/usr/bin HOME=/root
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /run; mount -t tmpfs tmpfs /tmp
# Kernel messages stay off the console the verdicts are read from.
echo 1 >/proc/sys/kernel/printk
echo /usr/sbin/modprobe >/proc/sys/kernel/modprobe
/usr/sbin/ip link set lo up
[ "$KST_IP" = nsbox ] && export PATH=/kst/nsbox-bin:$PATH
echo "KST IP $KST_IP: $(command -v ip): $(ip -V 2>&1 | head -n 1); kernel $(uname -r)"
cd /kst/net
while read -r group script args; do
	case $group in "$KST_SCRIPT"|"$KST_SCRIPT":*) ;; *) continue ;; esac
	echo "KST BEGIN $group"
	t0=$(date +%s)
	# shellcheck disable=SC2086
	timeout -k 10 "$KST_SECS" "./$script" $args </dev/null 2>&1
	rc=$?
	echo "KST END $group rc=$rc secs=$(( $(date +%s) - t0 ))"
done </kst/groups
echo "KST DONE"
echo o >/proc/sysrq-trigger
# The power-off runs from a work queue: init must not exit before it ("Attempted to kill init").
sleep 60
EOI
chmod 755 "$stage/init"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1n) >"$img.tmp" && mv "$img.tmp" "$img" ||
	no "cannot build $img"
# What iproute2's runs depend on: the guest without nsbox, and the kernel. With
# KSELFTEST_REUSE=1, iproute2's logs of a guest with the same hash are taken again instead of
# booting (they do not depend on nsbox); the table says so.
base=$( (cd "$stage" && find . -type f ! -path ./kst/nsbox | LC_ALL=C sort | xargs -d '\n' sha256sum &&
	find . -type l | LC_ALL=C sort | xargs -d '\n' ls -l | awk '{print $(NF-2), $NF}' && echo "$secs") |
	cat - "$kdir/vmlinuz" | sha256sum | cut -c1-16)
rm -rf "$stage"
keep=build/kselftest/iproute2/$base
mkdir -p "$keep" || no "cannot make $keep"

start=$(date +%s)
res=$out/verdicts
: >"$res"
for s in $scripts; do
	n=$(grep -c -E "^$s(:[^[:space:]]*)?[[:space:]]" tests/kselftest/groups)
	for v in iproute2 nsbox; do
		log=$out/$s.$v.log
		t0=$(date +%s)
		if [ "$v" = iproute2 ] && [ "${KSELFTEST_REUSE:-0}" = 1 ] && grep -q '^KST DONE' "$keep/$s.log" 2>/dev/null; then
			cp "$keep/$s.log" "$log"
			echo "kselftest: $s with iproute2: the log of $(date -u -r "$keep/$s.log" '+%F %H:%M') UTC, same guest ($keep)"
			awk -F'\t' -f tests/kselftest/verdicts.awk tests/kselftest/rtnetlink.map "$log" | sed "s/^/$v\t/" >>"$res"
			continue
		fi
		# shellcheck disable=SC2086
		nice sh qemu/boot.sh -t $((n * (secs + 15) + 180)) -q "-m 1536 $kq" \
			-a "KST_SCRIPT=$s KST_IP=$v KST_SECS=$secs" "$img" "$log.raw"; brc=$?
		tr -d '\r' <"$log.raw" >"$log" && rm -f "$log.raw"
		grep -q '^KST DONE' "$log" || echo "kselftest: $s with $v: the guest did not finish (boot exit $brc); see $log"
		echo "TIME kselftest $s $v: $(( $(date +%s) - t0 )) s"
		[ "$v" = iproute2 ] && grep -q '^KST DONE' "$log" && cp "$log" "$keep/$s.log"
		awk -F'\t' -f tests/kselftest/verdicts.awk tests/kselftest/rtnetlink.map "$log" | sed "s/^/$v\t/" >>"$res"
	done
done
echo "TIME kselftest: $(( $(date +%s) - start )) s ($kdir, $ver)"
awk -F'\t' -v scripts="$scripts" -v groups=tests/kselftest/groups -f tests/kselftest/table.awk "$res" | tee "$out/table.txt"
tail -n 1 "$out/table.txt" | grep -q '^[0-9]* same, 0 worse, ' && ! grep -q '^FAIL' "$out/table.txt"
