#!/bin/sh
# Set-up tier: .ci/apt.sh (used by .ci/deps and the fetch scripts) against a package archive made
# here, offline: a local repository with one package, next to a source whose index cannot be read
# (as an armhf security index in mid-sync). apt reads its lists from a directory of this run
# (APT_CONFIG); installs are simulated (APT_SIMULATE=1), so nothing changes on the machine.
# Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
W=$(mktemp -d /tmp/nsbox-setup.XXXXXX)
chmod 755 "$W"
trap 'rm -rf "$W"' EXIT
pass=0 fail=0
check() { # NAME WANT_RC WANT_ERR_PATTERN SHELL
	out=$(sh -c ". $top/.ci/apt.sh; $4" 2>&1); rc=$?
	if [ "$rc" = "$2" ] && printf '%s\n' "$out" | grep -qE -- "$3"; then
		pass=$((pass + 1)); echo "PASS: $1"
	else
		fail=$((fail + 1)); echo "FAIL: $1 (exit $rc, wanted $2 and /$3/)"; printf '%s\n' "$out" | sed 's/^/    /'
	fi
}

# A package nobody has, in a flat repository.
mkdir -p "$W/pkg/DEBIAN" "$W/repo"
printf 'Package: nsbox-setup-probe\nVersion: 1.0\nArchitecture: all\nMaintainer: nsbox <nsbox@localhost>\nDescription: probe\n' >"$W/pkg/DEBIAN/control"
dpkg-deb -Zgzip --build "$W/pkg" "$W/repo/nsbox-setup-probe_1.0_all.deb" >/dev/null
deb=$W/repo/nsbox-setup-probe_1.0_all.deb
{
	dpkg-deb -f "$deb"
	echo "Filename: ./nsbox-setup-probe_1.0_all.deb"
	echo "Size: $(stat -c %s "$deb")"
	echo "MD5sum: $(md5sum "$deb" | cut -d' ' -f1)"
	echo "SHA256: $(sha256sum "$deb" | cut -d' ' -f1)"
	echo
} >"$W/repo/Packages"
chmod -R a+rX "$W/repo"
mkdir -p "$W/lists/partial" "$W/parts" "$W/cache/archives/partial"
printf 'deb [trusted=yes] file:%s ./\ndeb [trusted=yes] file:%s/missing ./\n' "$W/repo" "$W" >"$W/sources.list"
cat >"$W/apt.conf" <<EOC
Dir::Etc::SourceList "$W/sources.list";
Dir::Etc::SourceParts "$W/parts";
Dir::State::Lists "$W/lists";
Dir::Cache "$W/cache";
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOC
chmod -R a+rwX "$W/lists" "$W/cache"
export APT_CONFIG="$W/apt.conf"

check 'apt_update: a broken index is a warning' 0 'deps: warning: apt-get update failed' 'apt_update'
check 'apt_install: what the archive has (simulated)' 0 '' 'APT_SIMULATE=1 apt_install nsbox-setup-probe'
check 'apt_install: the one that cannot be had is named' 1 '^deps: cannot install: nsbox-no-such-package$' \
	'APT_SIMULATE=1 apt_install nsbox-setup-probe nsbox-no-such-package'
check 'apt_fetch: a download' 0 '' "apt_fetch $W/dl nsbox-setup-probe && ls $W/dl/nsbox-setup-probe_1.0_all.deb"
check 'apt_fetch: a failed download is tried twice, then named' 1 '^deps: cannot download nsbox-no-such-package: E: ' \
	"apt_fetch $W/dl2 nsbox-no-such-package"
# .ci/deps itself on this archive: the index that fails does not stop it, the package is had.
check '.ci/deps survives a failing index' 0 'deps: installing nsbox-setup-probe' \
	"DEPS_PKGS=nsbox-setup-probe APT_SIMULATE=1 sh $top/.ci/deps"
check '.ci/deps names a package it cannot install' 1 'deps: cannot install: nsbox-no-such-package' \
	"DEPS_PKGS='make nsbox-no-such-package' APT_SIMULATE=1 sh $top/.ci/deps"

# The build the way embedded build systems call it (issue 14): flags of their own in CFLAGS,
# CPPFLAGS and LDFLAGS keep the project's include paths and warnings; a machine without the
# toolchain is told what to run. Each in a build directory of its own.
unset APT_CONFIG
check 'make CFLAGS=-O2 CPPFLAGS=... LDFLAGS=... builds' 0 'static' \
	"cd $top && make -s B=$W/b-o2 CFLAGS=-O2 CPPFLAGS=-DNSBOX_SETUP_PROBE LDFLAGS=-Wl,-O1 >/dev/null 2>&1 && $W/b-o2/nsbox --list | grep -qx ip && ! readelf -l $W/b-o2/nsbox | grep -q INTERP && echo static"
mkdir -p "$W/path"
for f in /usr/bin/* /usr/sbin/*; do
	case ${f##*/} in musl-gcc|*-linux-gnu-gcc*) ;; *) ln -sf "$f" "$W/path/" ;; esac
done
check 'make without musl-gcc says what to run' 2 '^nsbox: musl-gcc not found: run sh .ci/deps' \
	"cd $top && PATH=$W/path make -s B=$W/b-none"
check 'make ARCH=aarch64 without its compiler says what to run' 2 '^nsbox: aarch64-linux-gnu-gcc not found: run sh .ci/cross-deps aarch64' \
	"cd $top && PATH=$W/path make -s ARCH=aarch64 B=$W/b-none64"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
