################################################################################
#
# nsbox
#
################################################################################

NSBOX_VERSION = $(call qstrip,$(BR2_PACKAGE_NSBOX_VERSION))
NSBOX_SITE = $(call qstrip,$(BR2_PACKAGE_NSBOX_SITE))
NSBOX_SITE_METHOD = git
NSBOX_INSTALL_STAGING = NO

NSBOX_CONFIG_FILE = $(call qstrip,$(BR2_PACKAGE_NSBOX_CONFIG))
# The symbols of the applets switched off in menuconfig (insmod, rmmod and lsmod go with
# modprobe, ping6 with ping).
NSBOX_APPLETS_OFF = \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_IP),,IP) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_BRIDGE),,BRIDGE) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_BRCTL),,BRCTL) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_ROUTE),,ROUTE) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_PING),,PING) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_UNSHARE),,UNSHARE) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_NSENTER),,NSENTER) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_MODPROBE),,MODPROBE) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_IPCONFIG),,IPCONFIG) \
	$(if $(BR2_PACKAGE_NSBOX_APPLET_NETBOOT),,NETBOOT)

# The toolchain's own asm headers (the Makefile would look for Debian's multiarch ones).
NSBOX_MAKE_OPTS = $(TARGET_CONFIGURE_OPTS) CROSS_COMPILE="$(TARGET_CROSS)" \
	ARCH_ASM=$(STAGING_DIR)/usr/include/asm

ifneq ($(NSBOX_CONFIG_FILE),)
define NSBOX_CONFIGURE_CMDS
	cp $(NSBOX_CONFIG_FILE) $(@D)/.config
endef
else
define NSBOX_CONFIGURE_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) $(NSBOX_MAKE_OPTS) -C $(@D) defconfig
	$(foreach a,$(strip $(NSBOX_APPLETS_OFF)),
		$(SED) 's/^NSBOX_APPLET_$(a)=y$$/# NSBOX_APPLET_$(a) is not set/' $(@D)/.config)
endef
endif

define NSBOX_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) $(NSBOX_MAKE_OPTS) -C $(@D)
endef

define NSBOX_INSTALL_TARGET_CMDS
	$(TARGET_MAKE_ENV) $(MAKE) $(NSBOX_MAKE_OPTS) -C $(@D) install DESTDIR=$(TARGET_DIR) PREFIX=
endef

$(eval $(generic-package))
