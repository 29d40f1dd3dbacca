#!/bin/sh
# Packaging tier: each recipe of packaging/ runs its own build and install commands, taken from
# the recipe file, in a clean clone of the tree (the committed HEAD, or PKG_SRC=repo), with the
# variables its build system sets (CC=musl-gcc, CFLAGS, LDFLAGS, CROSS_COMPILE, DESTDIR and a
# configuration file); the installed tree is then checked: bin/nsbox, the man page, one link per
# applet compiled in (in BusyBox's directory where BusyBox has the applet), and every link runs its
# applet (LINK --help gives what `nsbox APPLET --help` gives). Changes nothing on the machine.
# PKG_KEEP=1 keeps the work directory. Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
SRC=${PKG_SRC:-$top}
W=$(mktemp -d /tmp/nsbox-pkg.XXXXXX)
[ -n "$PKG_KEEP" ] && echo "keeping $W" || trap 'rm -rf "$W"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; [ -z "$2" ] || printf '%s\n' "$2" | tail -n 20 | sed 's/^/    /'; }
export CC=musl-gcc CFLAGS='-Os -pipe' LDFLAGS='-Wl,-O1' CROSS_COMPILE=
unset CONFIG DESTDIR PREFIX MANDIR MAKEFLAGS MFLAGS

clone() { # DIR: a clean tree
	git clone -q "$SRC" "$1" && [ -z "$(git -C "$1" status --porcelain)" ]
}

# BusyBox's directory of each applet (bridge and ipconfig, which BusyBox lacks: sbin, as ip).
bbdir() {
	case $1 in
	ip|bridge|route|ipconfig|netboot|modprobe|insmod|rmmod|lsmod) echo sbin ;;
	ping|ping6) echo bin ;;
	brctl) echo usr/sbin ;;
	unshare|nsenter) echo usr/bin ;;
	*) echo none ;;
	esac
}

# The applets a configuration file selects, sorted: NSBOX_APPLET_X=y is x; insmod, rmmod and
# lsmod come with modprobe, ping6 with ping when NSBOX_FEATURE_PING6 (IPv6 in ping) is on.
applets_of() {
	sed -n 's/^NSBOX_APPLET_\([A-Z0-9_]*\)=y$/\1/p' "$1" | tr 'A-Z' 'a-z' | while read -r a; do
		echo "$a"
		case $a in
		ping) grep -qx 'NSBOX_FEATURE_PING6=y' "$1" && echo ping6 ;;
		modprobe) echo insmod; echo rmmod; echo lsmod ;;
		esac
	done | sort | tr '\n' ' '
}

# check_tree NAME DESTDIR MANPATH CONFIG: the installed tree, built with the configuration file CONFIG
check_tree() {
	n=$1 d=$2 man=$3 want=$(applets_of "$4")
	bin=$d/bin/nsbox
	if [ -x "$bin" ] && [ -f "$bin" ] && [ ! -L "$bin" ]; then ok "$n: bin/nsbox"; else ko "$n: bin/nsbox" "$(cd "$d" && find . | sort)"; return; fi
	if [ -f "$d$man" ] && cmp -s "$d$man" "$W/ref/doc/nsbox.1"; then ok "$n: the man page in $man"; else ko "$n: the man page in $man" "$(cd "$d" && find . | sort)"; fi
	list=$("$bin" --list | sort | tr '\n' ' ')
	[ -n "$want" ] && [ "$list" = "$want" ] && ok "$n: the applets of the configuration ($list)" ||
		ko "$n: the applets of the configuration" "wanted: $want; got: $list"
	links=$(cd "$d" && find . -type l | sed 's|^\./||' | sort)
	names=$(for l in $links; do echo "${l##*/}"; done | sort | tr '\n' ' ')
	[ "$names" = "$list" ] && ok "$n: one link per applet" || ko "$n: one link per applet" "links: $links; applets: $list"
	mkdir -p "$W/run"
	for l in $links; do
		a=${l##*/}
		case $l in $(bbdir "$a")/"$a") ;; *) ko "$n: $l in BusyBox's directory ($(bbdir "$a"))"; continue ;; esac
		t=$(readlink "$d/$l")
		case $t in
		/*) rm -rf "$W/run/$a"; mkdir -p "$W/run/$a"; ln -s "$d$t" "$W/run/$a/$a"; dir=$W/run/$a ;;
		*) dir=$(dirname "$d/$l") ;;
		esac
		(cd "$W" && PATH=$dir:$PATH exec "$a" --help) >"$W/a.out" 2>"$W/a.err" </dev/null; rca=$?
		(cd "$W" && exec "$bin" "$a" --help) >"$W/b.out" 2>"$W/b.err" </dev/null; rcb=$?
		if [ "$(readlink -f "$dir/$a")" = "$(readlink -f "$bin")" ] && [ $rca = $rcb ] &&
			cmp -s "$W/a.out" "$W/b.out" && cmp -s "$W/a.err" "$W/b.err" && [ -s "$W/a.out" -o -s "$W/a.err" ]; then
			ok "$n: $l -> $t runs $a"
		else
			ko "$n: $l -> $t runs $a" "exit $rca/$rcb; $(head -3 "$W/a.err")"
		fi
	done
}

# The sysroot (Buildroot's STAGING_DIR, Yocto's STAGING_INCDIR, abuild's CBUILDROOT) with the target's asm headers,
# which the recipes pass as ARCH_ASM: this machine's, under a name of their own.
mkdir -p "$W/sysroot/usr/include"
ln -s "/usr/include/$(gcc -dumpmachine)/asm" "$W/sysroot/usr/include/asm"

# The configuration file the recipes are given: the tree's tinyconfig, as a file of its own.
clone "$W/ref" || { ko 'a clean clone'; echo "$pass passed, $fail failed"; exit 1; }
if [ -f "$W/ref/configs/tinyconfig" ]; then
	cp "$W/ref/configs/tinyconfig" "$W/nsbox.config"
	ok 'configs/tinyconfig is there'
else
	ko 'configs/tinyconfig is there'
	echo "$pass passed, $fail failed"; exit 1
fi

# Alpine: source the APKBUILD in sh, as abuild does, and run prepare, build and package.
alpine() { # NAME CONFIG
	r=$W/$1; clone "$r/src" || { ko "$1: clean clone"; return; }
	mkdir -p "$r/pkg" "$r/srcdir"
	if out=$( (
		set -e
		startdir=$r/src/packaging/alpine srcdir=$r/srcdir pkgdir=$r/pkg
		CBUILDROOT=$W/sysroot # as abuild sets it for a cross build
		default_prepare() { :; }
		NSBOX_CONFIG=$2
		. "$startdir/APKBUILD"
		cd "$builddir"; prepare
		cd "$builddir"; build
		cd "$builddir"; package
	) 2>&1); then ok "$1: APKBUILD prepare, build, package"; else ko "$1: APKBUILD prepare, build, package" "$out"; return; fi
	check_config "$1" "$r/src/.config" "$2"
	check_asm "$1" "$r/src"
	check_tree "$1" "$r/pkg" /usr/share/man/man1/nsbox.1 "$r/src/.config"
}

# Yocto: do_configure, do_compile and do_install's bodies from the .bb, in sh -e, with oe_runmake
# being make and the recipe's EXTRA_OEMAKE, and bitbake's variables.
yocto() { # NAME CONFIG DEFCONFIG
	r=$W/$1; clone "$r/src" || { ko "$1: clean clone"; return; }
	bb=$r/src/packaging/yocto/nsbox_git.bb
	# Yocto's CC is the target's prefixed compiler with flags of its own, TARGET_PREFIX the
	# prefix: here the Debian one with musl's specs, which makes the Makefile build for
	# CROSS_COMPILE's architecture (into build/x86_64).
	mkdir -p "$r/image"
	{
		echo 'set -e'
		echo "CC='x86_64-linux-gnu-gcc -specs=/usr/lib/x86_64-linux-musl/musl-gcc.specs -m64' CROSS_COMPILE=x86_64-linux-gnu-"
		printf 'S=%s B=%s D=%s WORKDIR=%s\n' "$r/src" "$r/src" "$r/image" "$r"
		echo "TARGET_PREFIX=\$CROSS_COMPILE mandir=/usr/share/man STAGING_INCDIR=$W/sysroot/usr/include"
		printf 'NSBOX_CONFIG=%s NSBOX_DEFCONFIG=%s\n' "$2" "${3:-$(sed -n 's/^NSBOX_DEFCONFIG ??= "\(.*\)"$/\1/p' "$bb")}"
		sed -n 's/^EXTRA_OEMAKE = "\(.*\)"$/EXTRA_OEMAKE="\1"/p' "$bb"
		echo 'oe_runmake() { eval "make $EXTRA_OEMAKE \"\$@\""; }'
		for t in do_configure do_compile do_install; do
			echo "$t() {"; awk -v t="$t" '$0 == t "() {" {f=1; next} f && /^}/ {f=0} f' "$bb"; echo '}'
			echo "cd \"\$B\"; $t"
		done
	} >"$r/run.sh"
	if [ "$(grep -c '^do_.*() {$' "$r/run.sh")" = 3 ] && out=$(sh "$r/run.sh" 2>&1); then
		ok "$1: do_configure, do_compile, do_install"
	else
		ko "$1: do_configure, do_compile, do_install" "$out"; return
	fi
	check_config "$1" "$r/src/.config" "$2"
	check_asm "$1" "$r/src"
	check_tree "$1" "$r/image" /usr/share/man/man1/nsbox.1 "$r/src/.config"
}

# Buildroot: a makefile that defines what Buildroot gives a package and includes nsbox.mk; the
# configure, build and install commands are its NSBOX_*_CMDS, run for a target in the build
# directory (so that $(@D), Buildroot's name for it, is that directory). $2: the configuration file
# (BR2_PACKAGE_NSBOX_CONFIG), $3: the applet options switched off.
buildroot() { # NAME CONFIG OFF
	r=$W/$1; clone "$r/src" || { ko "$1: clean clone"; return; }
	mkdir -p "$r/target"
	{
		printf 'BR2_PACKAGE_NSBOX = y\nBR2_PACKAGE_NSBOX_CONFIG = "%s"\n' "$2"
		for o in $(sed -n 's/^config BR2_PACKAGE_NSBOX_APPLET_//p' "$r/src/packaging/buildroot/Config.in"); do
			case " $3 " in *" $o "*) ;; *) echo "BR2_PACKAGE_NSBOX_APPLET_$o = y" ;; esac
		done
		cat <<MK
qstrip = \$(strip \$(subst ",,\$(1)))
SED := sed -i -e
TARGET_CROSS = $CROSS_COMPILE
TARGET_CC = $CC
TARGET_CFLAGS = -D_LARGEFILE_SOURCE -D_LARGEFILE64_SOURCE -D_FILE_OFFSET_BITS=64 $CFLAGS
TARGET_LDFLAGS = $LDFLAGS
TARGET_CONFIGURE_OPTS = PATH="\$(PATH)" AR="\$(TARGET_CROSS)ar" AS="\$(TARGET_CROSS)as" \
	LD="\$(TARGET_CROSS)ld" NM="\$(TARGET_CROSS)nm" CC="\$(TARGET_CC)" GCC="\$(TARGET_CC)" \
	CPP="\$(TARGET_CC) -E" RANLIB="\$(TARGET_CROSS)ranlib" STRIP="\$(TARGET_CROSS)strip" \
	CC_FOR_BUILD="\$(HOSTCC)" \
	CPPFLAGS="-D_LARGEFILE_SOURCE -D_LARGEFILE64_SOURCE -D_FILE_OFFSET_BITS=64" \
	CFLAGS="\$(TARGET_CFLAGS)" LDFLAGS="\$(TARGET_LDFLAGS)"
TARGET_MAKE_ENV = PATH="\$(PATH)"
HOSTCC = gcc
TARGET_DIR = $r/target
STAGING_DIR = $W/sysroot
generic-package =
include $r/src/packaging/buildroot/nsbox.mk
# As in Buildroot, the commands run for a stamp file in the build directory: \$(@D) is that.
$r/src/.stamp_installed:
	\$(NSBOX_CONFIGURE_CMDS)
	\$(NSBOX_BUILD_CMDS)
	\$(NSBOX_INSTALL_TARGET_CMDS)
MK
	} >"$r/br.mk"
	if out=$(make -f "$r/br.mk" -C "$r" "$r/src/.stamp_installed" 2>&1); then
		ok "$1: NSBOX_CONFIGURE_CMDS, NSBOX_BUILD_CMDS, NSBOX_INSTALL_TARGET_CMDS"
	else
		ko "$1: NSBOX_CONFIGURE_CMDS, NSBOX_BUILD_CMDS, NSBOX_INSTALL_TARGET_CMDS" "$out"; return
	fi
	check_config "$1" "$r/src/.config" "$2" "$3"
	check_asm "$1" "$r/src"
	check_tree "$1" "$r/target" /usr/share/man/man1/nsbox.1 "$r/src/.config"
}

# check_asm NAME SRC: the build took the asm headers from the sysroot the recipe names.
check_asm() {
	l=$(find "$2/build" -path '*/uapi/asm' -type l)
	[ -n "$l" ] && [ "$(readlink $l)" = "$W/sysroot/usr/include/asm" ] && ok "$1: the sysroot's asm headers" ||
		ko "$1: the sysroot's asm headers" "$l -> $(readlink $l)"
}

# check_config NAME CONFIG GIVEN [OFF]: the build's configuration is the file given, else the
# tree's defconfig with the applets OFF (symbols) switched off.
check_config() {
	if [ -n "$3" ]; then exp=$3; else
		exp=$W/exp.config; cp "$W/ref/configs/defconfig" "$exp"
		for o in $4; do sed -i "s/^NSBOX_APPLET_$o=y\$/# NSBOX_APPLET_$o is not set/" "$exp"; done
	fi
	cmp -s "$2" "$exp" && ok "$1: the configuration (${3:-defconfig${4:+ without $4}})" ||
		ko "$1: the configuration (${3:-defconfig${4:+ without $4}})" "$(diff "$exp" "$2")"
}

alpine alpine-config "$W/nsbox.config"
alpine alpine-defconfig ""
yocto yocto-config "$W/nsbox.config"
yocto yocto-defconfig ""
buildroot buildroot-config "$W/nsbox.config"
buildroot buildroot-options "" "BRCTL ROUTE"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
