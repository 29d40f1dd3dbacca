# apt-get as the project's set-up scripts use it (sourced by .ci/deps and the fetch scripts):
# a failed `apt-get update` (one index of many in mid-sync) is a warning, a package that cannot be
# had is an error that names it, a download is tried twice. APT_SIMULATE=1 passes -s to installs.

apt_update() {
	apt-get -o DPkg::Lock::Timeout=600 update -qq ||
		echo "deps: warning: apt-get update failed for some index; going on with the package lists there are" >&2
	return 0
}

# apt_install PKG...: all of them, or a line naming those that cannot be installed, and 1.
apt_install() {
	apt_install_run "$@" >/dev/null && return 0
	_bad=
	for _p; do
		apt_install_run "$_p" >/dev/null 2>&1 || _bad="$_bad $_p"
	done
	echo "deps: cannot install:${_bad:- $* (together)}" >&2
	return 1
}
apt_install_run() {
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
		--no-install-recommends ${APT_SIMULATE:+-s} "$@"
}

# apt_fetch DIR PKG[=VERSION]...: the .deb files into DIR (made writable for apt's _apt user);
# a failed download is tried once more, then a line says what failed, and 1.
apt_fetch() {
	_dir=$1; shift
	mkdir -p "$_dir" && chmod 777 "$_dir" || return 1
	for _try in 1 2; do
		(cd "$_dir" && apt-get download -q "$@" >/dev/null 2>"$_dir/.err") && { rm -f "$_dir/.err"; return 0; }
		[ "$_try" = 1 ] && sleep 2
	done
	echo "deps: cannot download $*: $(grep -m 1 '^E:' "$_dir/.err" || tail -n 1 "$_dir/.err")" >&2
	rm -f "$_dir/.err"
	return 1
}
