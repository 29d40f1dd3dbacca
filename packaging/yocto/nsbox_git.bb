SUMMARY = "ip, bridge, brctl, route, ping, unshare, nsenter, modprobe, ipconfig and netboot in one static binary"
DESCRIPTION = "Drop-in replacements of iproute2 6.1, iputils, net-tools, util-linux and kmod's tools, \
built static, with the applets and features chosen by a configuration file."
LICENSE = "CLOSED"

# Set NSBOX_GIT to the repository (e.g. in local.conf); NSBOX_CONFIG to a configuration file
# of nsbox (make defconfig, tinyconfig, busyboxconfig, allnoconfig and edits), else NSBOX_DEFCONFIG is made.
NSBOX_GIT ??= ""
SRC_URI = "${NSBOX_GIT};branch=main"
SRCREV = "${AUTOREV}"
PV = "0+git${SRCPV}"
S = "${WORKDIR}/git"
B = "${S}"

NSBOX_CONFIG ??= ""
NSBOX_DEFCONFIG ??= "defconfig"

# ARCH_ASM: the sysroot's asm headers (the Makefile would look for Debian's multiarch ones).
EXTRA_OEMAKE = "CC='${CC}' CFLAGS='${CFLAGS}' LDFLAGS='${LDFLAGS}' CROSS_COMPILE='${TARGET_PREFIX}' ARCH_ASM='${STAGING_INCDIR}/asm'"

do_configure() {
	if [ -n "${NSBOX_CONFIG}" ]; then
		cp "${NSBOX_CONFIG}" ${B}/.config
	else
		oe_runmake -C ${S} ${NSBOX_DEFCONFIG}
	fi
}

do_compile() {
	oe_runmake -C ${S}
}

do_install() {
	oe_runmake -C ${S} install DESTDIR=${D} PREFIX= MANDIR=${mandir}
}

FILES:${PN} += "/bin /sbin /usr/bin /usr/sbin"
# The Makefile links static and stripped (-s); with NSBOX_BUILD_SSTRIP (tinyconfig) the file has
# no section headers left, on which strip and objcopy fail: none runs on it.
INSANE_SKIP:${PN} += "already-stripped"
INHIBIT_PACKAGE_STRIP = "1"
INHIBIT_PACKAGE_DEBUG_SPLIT = "1"
