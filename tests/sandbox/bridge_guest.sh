#!/bin/sh
# The bridge_*.test files in a QEMU guest running Debian's 6.1 kernel, which has bridge VLAN
# filtering (the sandbox's kernel does not): the VLAN-aware cases of bridge_vlan.test and
# iproute2's testsuite bridge/vlan/show.t and tunnelshow.t run there for real. The guest's root is
# an initramfs of the host's own tools (iproute2's ip, bridge and rtmon among them, with their
# libraries, at their paths), build/nsbox, tests/sandbox, and the modules the tests need (veth,
# bridge, vxlan), loaded by nsbox's modprobe. Under TCG; one QEMU.
# Usage: tests/sandbox/bridge_guest.sh [TEST-FILE...]   (default: every tests/sandbox/*.test with
# a line "# guest-modules: MOD..." naming the modules it needs beyond veth, bridge and vxlan, such
# as bridge_vlan.test and netboot.test (8021q, bonding); in the usedhost tier of make check;
# bridge_show and bridge_monitor.test take some 10 minutes more, and bridge_set.test more than
# the tier's 300 s a file under TCG)
# Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
# BRIDGE_GUEST_TAG: a suffix of its own for the image and the log (two guests at once).
img=build/bridge-guest${BRIDGE_GUEST_TAG:-}.cpio.gz log=build/bridge-guest${BRIDGE_GUEST_TAG:-}.log
files=${*:-$(grep -l '^# guest-modules:' tests/sandbox/*.test)}
mods="veth bridge vxlan $(sed -n 's/^# guest-modules://p' $files 2>/dev/null | tr ' ' '\n' | sort -u | tr '\n' ' ')"
no() { echo "FAIL bridge-guest ($*)"; echo "0 passed, 1 failed"; exit 1; }
sh qemu/fetch-kernel.sh || no "no kernel"
ver=$(cat build/kernel/version)
kmods=build/kernel/root/lib/modules/$ver

stage=$(mktemp -d "$top/build/bridge-guest.XXXXXX")
trap 'rm -rf "$stage"' EXIT
# The host's tools with their libraries (initramfs/hosttools.sh), iproute2 at the paths the
# tests call it by.
sh initramfs/hosttools.sh "$stage" sh cat cut grep sed awk sort tr head tail wc ls mkdir rm mktemp \
	readlink sleep timeout unshare mount cmp diff printf env kill cp mv chmod sysctl tee stdbuf \
	dirname basename seq expr true false script hostname date ln chroot arping /usr/sbin/ip /usr/sbin/bridge \
	/usr/sbin/rtmon /usr/sbin/dnsmasq ||
	no "cannot copy the host's tools"
mkdir -p "$stage/proc" "$stage/sys" "$stage/dev" "$stage/run" "$stage/tmp" "$stage/etc" "$stage/root" "$stage/var"
lsb=$(find /usr/libexec/coreutils /usr/lib -name libstdbuf.so 2>/dev/null | head -n 1)
[ -n "$lsb" ] && { mkdir -p "$stage${lsb%/*}" && cp "$lsb" "$stage$lsb"; }
cp -a /etc/iproute2 "$stage/etc/" 2>/dev/null
[ -d /usr/share/iproute2 ] && mkdir -p "$stage/usr/share" && cp -a /usr/share/iproute2 "$stage/usr/share/"
for f in passwd group hosts nsswitch.conf protocols services; do cp /etc/$f "$stage/etc/" 2>/dev/null; done
: >"$stage/etc/resolv.conf"   # netboot.test binds a file of its own over it
mkdir -p "$stage/nsbox/build" "$stage/nsbox/tests"
cp build/nsbox "$stage/nsbox/build/" || no "no build/nsbox"
cp -a tests/sandbox "$stage/nsbox/tests/"
# dracut 059's network-legacy scripts, dhclient and dracut-util (tests/dracut/fetch.sh) for the
# files that compare netboot with them (dracut_lib.sh)
if grep -q dracut_lib.sh $files 2>/dev/null; then
	d=build/dracut/root
	[ -x $d/sbin/dhclient ] || no "no $d: run sh tests/dracut/fetch.sh"
	for p in sbin/dhclient usr/lib/dracut/dracut-util usr/lib/dracut/modules.d/99base usr/lib/dracut/modules.d/40network \
		usr/lib/dracut/modules.d/35network-legacy; do
		mkdir -p "$stage/nsbox/$d/${p%/*}" && cp -a $d/$p "$stage/nsbox/$d/$p" || no "cannot copy $d/$p"
	done
fi
# Helper programs of the tests (tests/sandbox/helpers/NAME.c -> /nsbox/build/NAME), static.
for c in tests/sandbox/helpers/*.c; do
	[ -f "$c" ] || continue
	n=${c##*/}
	musl-gcc -static -Os -isystem build/uapi -o "$stage/nsbox/build/${n%.c}" "$c" || no "cannot build $c"
done
mkdir -p "$stage/lib/modules/$ver"
want=
for m in $mods; do
	line=$(grep -m 1 -E "(^|/)$m\.ko(\.[a-z]+)?:" "$kmods/modules.dep") || no "module $m not in modules.dep"
	want="$want ${line%%:*} ${line#*:}"
done
for p in $(printf '%s\n' $want | sort -u); do
	mkdir -p "$stage/lib/modules/$ver/${p%/*}"
	cp "$kmods/$p" "$stage/lib/modules/$ver/$p"
done
depmod -b "$stage" "$ver" 2>/dev/null
printf '%s\n' $files | sed 's|^|/nsbox/|' >"$stage/nsbox/files"
echo "$mods" >"$stage/nsbox/modules"
cat >"$stage/init" <<'EOI'
#!/bin/sh
export PATH=/usr/sbin:/usr/bin HOME=/root NSBOX_GUEST=1   # tests: the kinds of /nsbox/modules must work here
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /run; mount -t tmpfs tmpfs /tmp
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts   # script(1) makes a terminal
for m in $(cat /nsbox/modules); do /nsbox/build/nsbox modprobe $m || echo "BRIDGE-GUEST modprobe $m failed"; done
echo "BRIDGE-GUEST START"
ip link add brprobe type bridge vlan_filtering 1 && ip link del brprobe || echo "BRIDGE-GUEST: no VLAN filtering here"
cd /nsbox && SANDBOX_TESTS=$(cat /nsbox/files | tr '\n' ' ') sh /nsbox/tests/sandbox/run.sh 2>&1
echo "BRIDGE-GUEST DONE"
echo o >/proc/sysrq-trigger
sleep 60   # init must not end before the power-off does
EOI
chmod 755 "$stage/init"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1n) >"$img.tmp" && mv "$img.tmp" "$img" ||
	no "cannot build $img"
start=$(date +%s)
sh qemu/boot.sh -t "${BRIDGE_GUEST_SECS:-1500}" -q "-m 1024" "$img" "$log"; brc=$?
tr -d '\r' <"$log" >"$log.txt"
sed -n '/^BRIDGE-GUEST START/,/^BRIDGE-GUEST DONE/p' "$log.txt" | grep -v '^BRIDGE-GUEST DONE'
echo "TIME bridge guest: $(( $(date +%s) - start )) s"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log.txt" | tail -n 1)
if [ "$brc" -ne 0 ] || [ -z "$line" ] || ! grep -q '^BRIDGE-GUEST DONE' "$log.txt"; then
	echo "FAIL bridge-guest (boot exit $brc; last lines of $log:)"
	tail -n 20 "$log.txt" | sed 's/^/    /'
	p=${line%% passed*}; echo "${p:-0} passed, 1 failed"; exit 1
fi
echo "$line"
case $line in *" 0 failed") exit 0 ;; esac
exit 1
