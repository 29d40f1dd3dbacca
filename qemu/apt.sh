# shellcheck shell=sh disable=SC2154
# Sourced by qemu/fetch-*.sh (which set top): apt-get and apt-cache on a private state per
# release and architecture, build/apt/SUITE-ARCH (its own sources, lists and cache, the
# architecture as the native one), so that the host's sources, pins, upgrades and dpkg
# architectures stay as they are. Packages are downloaded, never installed.
mirror=http://deb.debian.org

# papt SUITE ARCH apt-get|apt-cache ARG...: apt on the private state of SUITE for ARCH (as the
# native architecture, so that package names carry no :ARCH). The host's apt: "host".
papt() {
	suite=$1 arch=$2 cmd=$3; shift 3
	if [ "$suite" = host ]; then "$cmd" "$@"; return; fi
	d=$top/build/apt/$suite-$arch
	mkdir -p "$d/none"
	set -- -o Dir::Etc::SourceList="$d/sources.list" -o Dir::Etc::SourceParts="$d/none" \
		-o Dir::Etc::Preferences="$d/none/preferences" -o Dir::Etc::PreferencesParts="$d/none" \
		-o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache" \
		-o APT::Architecture="$arch" -o APT::Architectures::="$arch" "$@"
	"$cmd" "$@"
}
papt_update() {
	suite=$1 arch=$2
	[ "$suite" != host ] || { apt-get -o DPkg::Lock::Timeout=600 update -qq; return; }
	d=$top/build/apt/$suite-$arch
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
	kr=/usr/share/keyrings/debian-archive-keyring.gpg
	# The release's own suite only: a security suite's lists of one architecture caught
	# mid-sync make a whole update fail.
	echo "deb [signed-by=$kr] $mirror/debian $suite main" > "$d/sources.list"
	papt "$suite" "$arch" apt-get -qq update
}

# fetch SUITE ARCH PKG DIR: PKG's .deb (the newest of the lists) into DIR. The lists may be
# missing or stale (naming a version the mirror no longer has): a failed download updates them
# and is tried once more, then a line names the package. A failed update (an index caught
# mid-sync) is a warning: the lists there are may do.
fetch() {
	suite=$1 arch=$2 pkg=$3 dir=$4
	mkdir -p "$dir"
	# apt-get download drops to the _apt user, which must be able to write here.
	chmod 777 "$dir"
	if [ "$suite" != host ] && [ ! -d "$top/build/apt/$suite-$arch/lists" ]; then
		papt_update "$suite" "$arch" ||
			echo "${0##*/}: warning: apt-get update failed for $suite/$arch" >&2
	fi
	(cd "$dir" && papt "$suite" "$arch" apt-get download -q "$pkg" >/dev/null 2>&1) && return 0
	papt_update "$suite" "$arch" ||
		echo "${0##*/}: warning: apt-get update failed for $suite/$arch" >&2
	(cd "$dir" && papt "$suite" "$arch" apt-get download -q "$pkg" >/dev/null) && return 0
	echo "${0##*/}: cannot download $pkg ($suite, $arch)" >&2
	return 1
}
