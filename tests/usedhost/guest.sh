#!/bin/sh
# The used-host run in a QEMU guest: its root namespace gets what tests/usedhost/use.sh makes
# (named namespaces, a /run/netns bind, a docker-like bridge, veths, forwarding), then the
# sandbox tier runs there. The guest's root is an initramfs holding the host's own tools that
# the tests call (with their libraries, at their paths), build/nsbox and tests/.
# Usage: tests/usedhost/guest.sh [TEST-FILE...]   (default: the files that look at mounts and
# namespaces that run within the tier's 300 s a file under TCG; netns.test does not)
# Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
img=build/usedhost.cpio.gz log=build/usedhost.log
files=${*:-tests/sandbox/netns_race.test tests/sandbox/seed1.test tests/sandbox/seed2.test tests/sandbox/seed3.test tests/sandbox/netns_n.test tests/sandbox/netns_more.test tests/sandbox/unshare.test tests/sandbox/global.test}
no() { echo "FAIL usedhost-guest ($*)"; echo "0 passed, 1 failed"; exit 1; }
sh qemu/fetch-kernel.sh || no "no kernel"
ver=$(cat build/kernel/version)
kmods=build/kernel/root/lib/modules/$ver

stage=$(mktemp -d "$top/build/usedhost.XXXXXX")
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/proc" "$stage/sys" "$stage/dev" "$stage/run" "$stage/tmp" "$stage/etc" "$stage/root" "$stage/var" "$stage/mnt"
ln -s ../run "$stage/var/run"
sh initramfs/hosttools.sh "$stage" sh dash cat cut grep sed awk mawk sort uniq tr head tail wc ls mkdir rm mktemp \
	readlink stat sleep timeout unshare nsenter mount umount setpriv cmp diff seq printf env id kill ln cp mv \
	touch chmod find hostname taskset xargs sysctl tee dirname basename true false expr rmdir /usr/sbin/ip ||
	no "host tools"
cp -a /etc/iproute2 "$stage/etc/" 2>/dev/null
[ -d /usr/share/iproute2 ] && mkdir -p "$stage/usr/share" && cp -a /usr/share/iproute2 "$stage/usr/share/"
for f in passwd group hosts nsswitch.conf protocols; do cp /etc/$f "$stage/etc/" 2>/dev/null; done
mkdir -p "$stage/nsbox/build" "$stage/nsbox/tests"
cp build/nsbox "$stage/nsbox/build/" || no "no build/nsbox"
cp -a tests/sandbox tests/usedhost "$stage/nsbox/tests/"
cp -a cmds "$stage/nsbox/"   # global.test reads the APPLET lines
# Modules for the sandbox tier's link kinds, loaded by nsbox's modprobe.
mkdir -p "$stage/lib/modules/$ver"
want=
for m in veth bridge; do
	line=$(grep -m 1 -E "(^|/)$m\.ko(\.[a-z]+)?:" "$kmods/modules.dep") || no "module $m not in modules.dep"
	want="$want ${line%%:*} ${line#*:}"
done
for p in $(printf '%s\n' $want | sort -u); do
	mkdir -p "$stage/lib/modules/$ver/${p%/*}"
	cp "$kmods/$p" "$stage/lib/modules/$ver/$p"
done
depmod -b "$stage" "$ver"
printf '%s\n' "$files" | tr ' ' '\n' | sed 's|^|/nsbox/|' >"$stage/nsbox/files"
cat >"$stage/init" <<'EOI'
#!/bin/sh
export PATH=/usr/sbin:/usr/bin HOME=/root
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /run
/nsbox/build/nsbox modprobe veth && /nsbox/build/nsbox modprobe bridge || echo "USEDHOST modprobe failed"
/usr/sbin/ip link set lo up
echo "USEDHOST START"
if sh /nsbox/tests/usedhost/use.sh; then
	echo "USEDHOST host: $(ls /run/netns | tr '\n' ' ')/ $(grep -c nsfs /proc/self/mountinfo) nsfs mounts / $(/usr/sbin/ip -br link | cut -d' ' -f1 | tr '\n' ' ')"
	SANDBOX_TESTS=$(cat /nsbox/files | tr '\n' ' ') sh /nsbox/tests/sandbox/run.sh 2>&1
	kill "$(cat /run/usedhost.pid)"
else
	echo "USEDHOST use.sh failed"
fi
echo "USEDHOST DONE"
echo o >/proc/sysrq-trigger
# The power-off runs from a work queue: init must not exit before it ("Attempted to kill init").
sleep 60
EOI
chmod 755 "$stage/init"
(cd "$stage" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1n) >"$img.tmp" && mv "$img.tmp" "$img" ||
	no "cannot build $img"
start=$(date +%s)
sh qemu/boot.sh -t "${USEDHOST_SECS:-1500}" -q "-m 2048" "$img" "$log"; brc=$?
tr -d '\r' <"$log" >"$log.txt"
sed -n '/^USEDHOST START/,/^USEDHOST DONE/p' "$log.txt" | grep -v '^USEDHOST DONE'
echo "TIME usedhost guest: $(( $(date +%s) - start )) s"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log.txt" | tail -n 1)
if [ "$brc" -ne 0 ] || [ -z "$line" ] || ! grep -q '^USEDHOST DONE' "$log.txt"; then
	echo "FAIL usedhost-guest (boot exit $brc; last lines of $log:)"
	tail -n 20 "$log.txt" | sed 's/^/    /'
	p=${line%% passed*}; echo "${p:-0} passed, 1 failed"; exit 1
fi
echo "$line"
case $line in *" 0 failed") exit 0 ;; esac
exit 1
