#!/bin/sh
# make bench-size: issue 16's table, the size of nsbox per configuration and per architecture with
# W1's peak RSS (`ip link show lo`, VmHWM by bench/runner -m, the largest of 20 runs, inside a
# network namespace of its own), against BusyBox 1.36.1's figures for the same job
# (../shared/reference/busybox-size/README.md, quoted below). Builds into build/bench/size/.
# Writes bench/results/SIZES.md and puts it into README.md between the sizes markers.
# Environment: SIZE_ARCHES (default: every architecture of the Makefile).
set -u
cd "$(dirname "$0")/.." || exit 2
top=$PWD
out=build/bench/size
mkdir -p $out bench/results
fail() { echo "bench-size: $*" >&2; exit 2; }
[ "$(id -u)" = 0 ] || fail "needs root (unshare --net)"
[ -x build/bench/runner ] || fail "build/bench/runner missing (make bench builds it)"
host=$(readlink /proc/self/ns/net)

# The configurations: defconfig, tinyconfig, and ip alone with every feature (BusyBox's iponly).
{ echo "NSBOX_APPLET_IP=y"; sed -n 's/^\(NSBOX_FEATURE_[A-Z0-9_]*=y\)$/\1/p' configs/defconfig; } >$out/ip.config
cp configs/defconfig $out/defconfig.config
cp configs/tinyconfig $out/tinyconfig.config
# BusyBox's job (configs/busyboxconfig: the features of its full.config), that less ipconfig
# (noudhcpc.config), and its ip alone (iponly.config).
cp configs/busyboxconfig $out/busyboxconfig.config
sed 's/^NSBOX_APPLET_IPCONFIG=y$/# NSBOX_APPLET_IPCONFIG is not set/' configs/busyboxconfig >$out/bb-noipconfig.config
sed -n 's/^\(NSBOX_FEATURE_[A-Z0-9_]*=y\)$/\1/p' configs/busyboxconfig | sed '1i NSBOX_APPLET_IP=y' >$out/bb-ip.config

# rss BINARY: W1's peak RSS in KiB, in a network namespace of our own.
rss() {
	unshare --net sh -c '[ "$(readlink /proc/self/ns/net)" != "$1" ] || exit 99
		"$2" -n 20 -m "$3" ip link show lo' - "$host" "$top/build/bench/runner" "$1" |
		sed -n 's/.*rss_kib=\([0-9]*\).*/\1/p'
}
bytes() { stat -c %s "$1"; }
# Code and read-only data: the executable segment less the ELF header and program headers in it
# (program headers only: a file cut by NSBOX_BUILD_SSTRIP has no sections for size(1) to add up).
text() {
	readelf -lhW "$1" | awk '/Size of this header:/ { h = $5 } /Size of program headers:/ { ps = $5 }
		/Number of program headers:/ { pn = $5 } $1 == "LOAD" && / E / { print $5 "-" h "-" ps "*" pn; exit }' |
		{ read -r e; echo $(($e)); }
}

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain -- cmds kernel-if Makefile bench/hotpath.ld 2>/dev/null)" ] ||
	commit="$commit + uncommitted changes"
md=$out/SIZES.md
{
echo "Measured $(date -u +%Y-%m-%d) by \`make bench-size\`, nsbox at $commit: static musl, \`-Oz -fno-jump-tables\`, stripped."
echo "RSS: W1 (\`ip link show lo\`), peak (VmHWM), on $(uname -m) only. BusyBox 1.36.1 static musl \`-Oz\`,"
echo "no shell, no help texts (../shared/reference/busybox-size). Issue 16's targets are the rows defconfig,"
echo "tinyconfig and ip. busyboxconfig is configs/busyboxconfig, nsbox with the features of BusyBox's"
echo "full.config (no JSON, no -d, no usage texts, no ip netns, no ip monitor); bb-noipconfig is that less"
echo "ipconfig (BusyBox less udhcpc), bb-ip its ip alone: the same job on both sides."
echo
echo "| configuration (x86_64) | nsbox bytes | code+rodata | W1 peak RSS | BusyBox bytes for the same job | target |"
echo "|---|---:|---:|---:|---:|---|"
} >$md
for c in defconfig tinyconfig ip busyboxconfig bb-noipconfig bb-ip; do
	b=$out/$c
	make -s -j2 B=$b CONFIG=$out/$c.config all >$b.log 2>&1 || fail "$c: build failed ($b.log)"
	n=$(bytes $b/nsbox); t=$(text $b/nsbox); r=$(rss $top/$b/nsbox)
	case $c in
	defconfig) bb="194,336 (full.config)"; tg=194336 ;;
	tinyconfig) bb="-"; tg=65536 ;;
	ip) bb="116,496 (iponly.config)"; tg=116496 ;;
	busyboxconfig) bb="194,336 (full.config)"; tg=194336 ;;
	bb-noipconfig) bb="182,040 (noudhcpc.config)"; tg=182040 ;;
	bb-ip) bb="116,496 (iponly.config)"; tg=116496 ;;
	esac
	v=MISS; [ "$n" -le $tg ] && v=PASS
	rv=; [ $c = defconfig ] && { rv=", RSS <= 160 KiB: MISS"; [ "${r:-999}" -le 160 ] && rv=", RSS <= 160 KiB: PASS"; }
	printf '| %s | %s | %s | %s KiB | %s | <= %s bytes: %s%s |\n' "$c" "$n" "$t" "${r:-?}" "$bb" "$tg" "$v" "$rv" >>$md
done
{
echo
echo "| architecture (defconfig) | nsbox bytes | code+rodata |"
echo "|---|---:|---:|"
} >>$md
for a in ${SIZE_ARCHES:-x86_64 i386 aarch64 armhf riscv64 s390x}; do
	b=$out/arch-$a
	if [ $a = "$(uname -m)" ]; then
		printf '| %s | %s | %s |\n' "$a" "$(bytes $out/defconfig/nsbox)" "$(text $out/defconfig/nsbox)" >>$md
	elif make -s -j2 ARCH=$a B=$b CONFIG=$out/defconfig.config all >$b.log 2>&1; then
		printf '| %s | %s | %s |\n' "$a" "$(bytes $b/nsbox)" "$(text $b/nsbox)" >>$md
	else
		printf '| %s | build failed | |\n' "$a" >>$md
	fi
done
cat $md
cp $md bench/results/SIZES.md
if grep -q '^<!-- sizes begin -->' README.md; then
	awk -v f=$md '/^<!-- sizes begin -->/ { print; while ((getline l < f) > 0) print l; skip = 1; next }
		/^<!-- sizes end -->/ { skip = 0 } !skip' README.md >$out/README.md && cp $out/README.md README.md
fi
