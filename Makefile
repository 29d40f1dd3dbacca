# nsbox: one static musl binary. `make` builds build/nsbox; `make check` runs every tier.
# Cross builds: `make CROSS_COMPILE=aarch64-linux-gnu-` or `make ARCH=aarch64` builds
# build/aarch64/nsbox (README, "Cross builds"). CC, CFLAGS, CPPFLAGS and LDFLAGS from the
# command line or the environment are honoured; the project's own flags are NS_* below.
# BUILD_CC (CC_FOR_BUILD, else cc) compiles tools/usagez, which runs on the build machine.
B        := build
HOSTCC   := gcc
WARN     := -Wall -Wextra -Werror -pedantic
CSTD     := -std=c11 -D_GNU_SOURCE
ARCHES   := x86_64 i386 aarch64 armhf riscv64 s390x

# The target: ARCH (ours, or the kernel's name), else the first field of CROSS_COMPILE, else
# what a CC given by the user compiles for; none of them: native (build/nsbox).
arch_of   = $(strip $(patsubst amd64,x86_64,$(patsubst x86,x86_64,$(patsubst i%86,i386,$(patsubst \
            arm64,aarch64,$(patsubst arm,armhf,$(patsubst armv7%,armhf,$(patsubst riscv,riscv64,$(patsubst \
            s390,s390x,$(1))))))))))
ifneq ($(ARCH),)
NSARCH   := $(call arch_of,$(ARCH))
else ifneq ($(CROSS_COMPILE),)
NSARCH   := $(call arch_of,$(firstword $(subst -, ,$(notdir $(CROSS_COMPILE)))))
else ifneq ($(filter environment command,$(origin CC)),)
NSARCH   := $(call arch_of,$(firstword $(subst -, ,$(shell $(CC) -dumpmachine 2>/dev/null))))
NSARCH   := $(if $(filter x86_64,$(NSARCH)),,$(NSARCH))
endif
ifneq ($(NSARCH),)
ifeq ($(filter $(NSARCH),$(ARCHES)),)
$(error nsbox builds for $(ARCHES); ARCH=$(ARCH) CROSS_COMPILE=$(CROSS_COMPILE) names '$(NSARCH)')
endif
# Debian's name of each: cross compiler prefix, musl triplet, multiarch dir of the uapi asm.
xc_x86_64  := x86_64-linux-gnu-   x86_64-linux-musl    x86_64-linux-gnu     x86_64
xc_i386    := i686-linux-gnu-     i386-linux-musl      i386-linux-gnu       i386
xc_aarch64 := aarch64-linux-gnu-  aarch64-linux-musl   aarch64-linux-gnu    aarch64
xc_armhf   := arm-linux-gnueabihf- arm-linux-musleabihf arm-linux-gnueabihf arm
xc_riscv64 := riscv64-linux-gnu-  riscv64-linux-musl   riscv64-linux-gnu    riscv64
xc_s390x   := s390x-linux-gnu-    s390x-linux-musl     s390x-linux-gnu      s390x
B        := build/$(NSARCH)
CROSS_COMPILE ?= $(word 1,$(xc_$(NSARCH)))
MUSL_T   := $(word 2,$(xc_$(NSARCH)))
GNU_T    := $(word 3,$(xc_$(NSARCH)))
QEMU_USER := qemu-$(word 4,$(xc_$(NSARCH)))-static
# musl and the asm headers: installed on the host (musl-dev:ARCH, linux-libc-dev:ARCH), else
# unpacked by .ci/cross-deps into build/cross/ARCH (the specs file then points there).
XROOT    := $(CURDIR)/build/cross/$(NSARCH)
ifneq ($(wildcard /usr/lib/$(MUSL_T)/musl-gcc.specs),)
SPECS    := /usr/lib/$(MUSL_T)/musl-gcc.specs
else
SPECS    := $(abspath $(B)/musl-gcc.specs)
SPECS_IN := $(XROOT)/usr/lib/$(MUSL_T)/musl-gcc.specs
endif
ARCH_ASM ?= $(firstword $(wildcard /usr/include/$(GNU_T)/asm) $(XROOT)/usr/include/$(GNU_T)/asm)
ifeq ($(filter environment command,$(origin CC)),)
CC       := $(CROSS_COMPILE)gcc -specs=$(SPECS)
TC_HINT  := sh .ci/cross-deps $(NSARCH)
TC_NEED  := $(CROSS_COMPILE)gcc $(or $(SPECS_IN),$(SPECS)) $(ARCH_ASM)
endif
else
ifeq ($(filter environment command,$(origin CC)),)
CC       := musl-gcc
TC_HINT  := sh .ci/deps (or apt-get install musl-tools)
TC_NEED  := musl-gcc
endif
ARCH_ASM ?= /usr/include/$(shell gcc -dumpmachine)/asm
endif

# make UNSIGNED_CHAR=1 [all|unit|check-unsigned-char]: everything built with -funsigned-char
# (char is unsigned on ARM, RISC-V and s390x) in build/uchar.
ifeq ($(UNSIGNED_CHAR),1)
B        := $(B)/uchar
CSTD     += -funsigned-char
export NSBOX_B := $(B)
endif

# kernel-if/ is compiled with its own headers only, so the build keeps it from using cmds/;
# cmds/ sees kernel-if/, its folders (lib: the applets' helpers, ip: the ip objects, proto:
# protocol codecs) and the generated applet table.
KIF_INC   = -Ikernel-if
CMD_INC   = -Ikernel-if -Icmds/lib -Icmds/ip -Icmds/bridge -Icmds/proto -I$(B)
INC       = $(if $(filter kernel-if/%,$<),$(KIF_INC),$(CMD_INC))
NS_CPPFLAGS = -D_GNU_SOURCE $(INC) $(MUSLINC)
# No unwind tables (nothing unwinds: no exceptions, no backtraces): aarch64's gcc makes them by
# default, 49 KiB of .eh_frame in its defconfig (464,536 -> 413,432 bytes).
NS_CFLAGS = $(CSTD) $(WARN) -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables -fno-unwind-tables $(NS_PIE) $(NS_LTO)
# NSBOX_BUILD_LTO: the compiler sees the whole program at the link (-flto; tinyconfig: 1.2 KiB
# less). bench/hotpath.ld's layout then finds few of its sections: the short commands' RSS grows.
NS_LTO    = $(if $(filter 1,$(SANITIZE)),,$(if $(call on,BUILD_LTO),-flto=auto -flto-partition=one))
# The link is static and not position independent: code built for PIE (Debian's gcc default)
# only costs its GOT-relative addressing, 4 KiB on x86_64.
NS_PIE   := -fno-pie
MUSLINC  := -isystem $(B)/uapi
# No page-aligned padding between the segments in the file: noseparate-code, norelro (a static
# binary has no dynamic relocations for RELRO to protect) and a small common page size, so the
# data segment starts where the text ends (the kernel maps that page twice). Up to 8 KiB less.
NS_LDFLAGS := -static -Wl,--gc-sections -Wl,-z,noseparate-code -Wl,-z,norelro -Wl,-z,common-page-size=64 -s
# What a short command touches (`ip link show lo` ...) first in the file and its variables first
# in .bss, so that the kernel's fault-around maps few pages: W1's peak RSS 308 -> 160 KiB
# (bench/hotpath.py says how; `make hotpath` writes the script again after big changes).
HOT_LD   := -Wl,-T,bench/hotpath.ld
# make SANITIZE=1 [check|unit|all]: nsbox and the unit tests with ASan and UBSan, built with
# glibc and gcc (musl has no sanitizer runtime) in build/san; the unit and sandbox tiers then
# run those (NSBOX_B tells their scripts where).
ifeq ($(SANITIZE),1)
HOT_LD   :=
B        := build/san
CC       := gcc -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
TC_NEED  :=
HOSTCC   := $(CC)
CFLAGS   ?= -O1 -g
MUSLINC  :=
NS_PIE   :=
NS_LDFLAGS := -DSAN_LOG='"$(CURDIR)/$(B)/log"' tests/fuzz/san/defaults.c
export NSBOX_B := $(B)
export TIERS := unit sandbox fuzz/san
# Reports go to files that the last tier (tests/fuzz/san/run.sh) reads, not into the stderr
# the tests compare. No leak check: LeakSanitizer needs /proc and no PID namespace, which the
# sandbox tests take away (nsbox has no heap; the fuzz targets check leaks).
export ASAN_OPTIONS := detect_leaks=0:log_path=$(CURDIR)/$(B)/log/asan
export UBSAN_OPTIONS := print_stacktrace=1:log_path=$(CURDIR)/$(B)/log/ubsan
endif
# -fno-jump-tables: a switch as compares, not a table of addresses: 2.4 KiB less of defconfig,
# the same W1 instructions (11,642 against 11,643).
CFLAGS   ?= -Oz -fno-jump-tables

KIF_SRC  := $(sort $(wildcard kernel-if/*.c))
CMD_SRC  := $(sort $(wildcard cmds/*.c cmds/*/*.c))
HDRS     := $(wildcard kernel-if/*.h cmds/*/*.h)

# Build-time selection (README, "Configuration"): CONFIG names a file of NSBOX_X=y lines
# (.config by default, written by `make defconfig|tinyconfig|allnoconfig`; without it,
# configs/defconfig). $(B)/config.h defines each known symbol 1 or 0, so that code tests
# `if (NSBOX_FEATURE_X && ...)` and the compiler drops what is left out; the files of left-out
# applets and ip objects are not built at all (the linker's --gc-sections drops the rest).
CONFIG   ?= .config
NS_CONFIG := $(if $(wildcard $(CONFIG)),$(CONFIG),configs/defconfig)
NS_APPLETS  := IP BRIDGE BRCTL ROUTE PING UNSHARE NSENTER MODPROBE IPCONFIG NETBOOT
NS_FEATURES := JSON DETAIL USAGE IP_NETNS IP_LINK IP_ADDR IP_ROUTE IP_NEIGH IP_RULE IP_MONITOR \
               IP_BATCH LINK_KINDS PING6 IP_TUNTAP IP_NETCONF IP_ADDRLABEL \
               VRF LINK_BOND LINK_TUNNELS NETBOOT6 \
               IP_NEXTHOP IP_MADDR LOCALTIME IP_TUNNEL IP_FOU IP_MACSEC IP_XFRM DNS IP_LINK_STATS IP_ILA IP_MPTCP \
               IP_MROUTE IP_STATS PING_EXTRA IP_ROUTE_MORE IP_EXTRAS IP_NETNS_MORE IP_FLUSH_GET
# How the file is made rather than what it holds: NSBOX_BUILD_LTO (link-time optimisation) and
# NSBOX_BUILD_SSTRIP (no section headers), both for the smallest file (README, "Configuration").
NS_BUILDS := LTO SSTRIP
NS_SYMS  := $(NS_APPLETS:%=NSBOX_APPLET_%) $(NS_FEATURES:%=NSBOX_FEATURE_%) $(NS_BUILDS:%=NSBOX_BUILD_%)
NS_ON    := $(shell sed -n 's/^\(NSBOX_[A-Z0-9_]*\)=y[[:space:]]*$$/\1/p' $(NS_CONFIG))
ifneq ($(filter-out $(NS_SYMS),$(NS_ON)),)
$(error $(NS_CONFIG): unknown symbol(s) $(filter-out $(NS_SYMS),$(NS_ON)); known: $(NS_SYMS))
endif
on        = $(filter NSBOX_$(1),$(NS_ON))
any       = $(filter $(addprefix NSBOX_,$(1)),$(NS_ON))
# The files each applet and ip object needs alone; ip_core and ip_print serve ip, bridge,
# route and ping, ip_netns and ip_batch ip and bridge (-n, -batch).
IP_OWN   := $(filter-out cmds/ip/ip_core.c cmds/ip/ip_print.c cmds/ip/ip_netns.c cmds/ip/ip_batch.c,$(wildcard cmds/ip/*.c))
NS_DROP  := $(if $(call on,APPLET_IP),,$(IP_OWN)) \
            $(if $(call any,APPLET_IP APPLET_BRIDGE),,cmds/ip/ip_netns.c) \
            $(if $(and $(call any,APPLET_IP APPLET_BRIDGE),$(call on,FEATURE_IP_BATCH)),,cmds/ip/ip_batch.c) \
            $(if $(call any,APPLET_IP APPLET_BRIDGE APPLET_ROUTE APPLET_PING APPLET_NETBOOT),,cmds/ip/ip_core.c cmds/ip/ip_print.c) \
            $(if $(call on,FEATURE_IP_LINK),,cmds/ip/ip_link.c cmds/ip/ip_link_kinds.c) \
            $(if $(or $(and $(call on,FEATURE_IP_LINK),$(call on,FEATURE_IP_LINK_STATS)),$(call on,FEATURE_IP_STATS)),,cmds/ip/ip_link_stats.c) \
            $(if $(call any,FEATURE_IP_MROUTE FEATURE_IP_MONITOR),,cmds/ip/ip_mroute.c) \
            $(if $(call on,FEATURE_IP_STATS),,cmds/ip/ip_stats.c) \
            $(if $(call on,FEATURE_LINK_KINDS),,cmds/ip/ip_link_kinds.c) \
            $(if $(call any,FEATURE_VRF FEATURE_LINK_BOND),,cmds/ip/ip_link_bond_vrf.c) \
            $(if $(call on,FEATURE_VRF),,cmds/ip/ip_vrf.c) \
            $(if $(call on,FEATURE_LINK_TUNNELS),,cmds/ip/ip_link_tunnel.c) \
            $(if $(call on,FEATURE_IP_TUNNEL),,cmds/ip/ip_tunnel.c) \
            $(if $(call any,FEATURE_LINK_TUNNELS FEATURE_IP_TUNNEL),,cmds/ip/ip_tunnel_words.c) \
            $(if $(call on,FEATURE_IP_ADDR),,cmds/ip/ip_addr.c) \
            $(if $(call any,FEATURE_IP_ADDR FEATURE_IP_LINK FEATURE_IP_MONITOR),,cmds/ip/ip_show_addr.c) \
            $(if $(call on,FEATURE_IP_ROUTE),,cmds/ip/ip_route.c) \
            $(if $(call any,FEATURE_IP_ROUTE FEATURE_IP_MONITOR),,cmds/ip/ip_show_route.c) \
            $(if $(call any,FEATURE_IP_ROUTE FEATURE_IP_MONITOR FEATURE_IP_NEXTHOP FEATURE_IP_RULE FEATURE_IP_TUNNEL),,cmds/ip/ip_route_words.c) \
            $(if $(call on,FEATURE_IP_NEXTHOP),,cmds/ip/ip_nexthop.c) \
            $(if $(call on,FEATURE_IP_MADDR),,cmds/ip/ip_maddr.c) \
            $(if $(call any,FEATURE_IP_NEIGH FEATURE_IP_MONITOR),,cmds/ip/ip_neigh.c) \
            $(if $(call any,FEATURE_IP_RULE FEATURE_IP_MONITOR),,cmds/ip/ip_rule.c) \
            $(if $(call on,FEATURE_IP_MONITOR),,cmds/ip/ip_monitor.c) \
            $(if $(call on,FEATURE_IP_TUNTAP),,cmds/ip/ip_tuntap.c) \
            $(if $(call on,FEATURE_IP_NETCONF),,cmds/ip/ip_netconf.c) \
            $(if $(call on,FEATURE_IP_ADDRLABEL),,cmds/ip/ip_addrlabel.c) \
            $(if $(call on,FEATURE_IP_FOU),,cmds/ip/ip_fou.c) \
            $(if $(call on,FEATURE_IP_ILA),,cmds/ip/ip_ila.c) \
            $(if $(call on,FEATURE_IP_MPTCP),,cmds/ip/ip_mptcp.c) \
            $(if $(call on,FEATURE_IP_MACSEC),,cmds/ip/ip_macsec.c) \
            $(if $(call on,FEATURE_IP_XFRM),,cmds/ip/ip_xfrm.c cmds/ip/ip_xfrm_cmd.c cmds/ip/ip_xfrm_state.c cmds/ip/ip_xfrm_policy.c) \
            $(if $(call on,APPLET_BRIDGE),,cmds/bridge.c $(wildcard cmds/bridge/*.c)) \
            $(if $(call on,APPLET_BRCTL),,cmds/brctl.c) \
            $(if $(call on,APPLET_ROUTE),,cmds/route.c) \
            $(if $(call on,APPLET_PING),,cmds/ping.c) \
            $(if $(and $(call on,APPLET_PING),$(call on,FEATURE_DNS)),,cmds/lib/resolv.c cmds/proto/dns.c) \
            $(if $(call on,APPLET_UNSHARE),,cmds/unshare.c) \
            $(if $(call on,APPLET_NSENTER),,cmds/nsenter.c) \
            $(if $(call on,APPLET_MODPROBE),,cmds/modprobe.c) \
            $(if $(call any,APPLET_IPCONFIG APPLET_NETBOOT),,cmds/ipconfig.c cmds/proto/dhcp.c) \
            $(if $(call on,APPLET_NETBOOT),,cmds/netboot.c cmds/proto/dracut.c) \
            $(if $(call on,FEATURE_USAGE),,cmds/lib/usage.c) \
            $(if $(and $(call on,APPLET_NETBOOT),$(call on,FEATURE_NETBOOT6)),,cmds/netboot6.c cmds/proto/ra.c cmds/proto/dhcp6.c)
SEL_SRC  := $(filter-out $(NS_DROP),$(CMD_SRC))
OBJ      := $(patsubst %.c,$(B)/obj/%.o,$(KIF_SRC) $(SEL_SRC))
CMD_INC  += -include $(B)/config.h -include $(B)/usage_z.h
# Each file's name for its usage texts' macros (NSBOX_USAGE; tools/usagez).
FID       = -DNSBOX_FID=$(basename $(notdir $<))

all: $(B)/nsbox

# A missing compiler, musl or asm headers: one line saying what to run.
toolchain:
	@for t in $(TC_NEED); do \
		case $$t in /*) [ -e "$$t" ] ;; *) command -v "$$t" >/dev/null ;; esac || \
		{ echo "nsbox: $$t not found: run $(TC_HINT)" >&2; exit 1; }; done

ifneq ($(SPECS_IN),)
$(SPECS): $(SPECS_IN) | toolchain
	@mkdir -p $(dir $@)
	sed 's|/usr/|$(XROOT)/usr/|g' $< >$@.tmp && mv $@.tmp $@
endif

$(B)/uapi/.stamp: | toolchain
	@mkdir -p $(B)/uapi
	ln -sfn /usr/include/linux $(B)/uapi/linux
	ln -sfn /usr/include/asm-generic $(B)/uapi/asm-generic
	ln -sfn $(ARCH_ASM) $(B)/uapi/asm
	@touch $@

# The applet table: one `APPLET(name, function)` line at the head of each selected applet
# file, sorted (ping6 only with PING6). Both generated headers are rewritten only when their
# text changes, so that a new configuration rebuilds what it changes and nothing else.
NO_PING6 := grep -v '^APPLET(ping6,' |
# netboot runs ipconfig's DHCP client, so its file is built, but not its applet unless chosen.
NO_IPCONFIG := grep -v '^APPLET(ipconfig,' |
$(B)/applets.h: $(SEL_SRC) FORCE
	@mkdir -p $(B)
	@grep -h '^APPLET(' $(SEL_SRC) | sed 's/;$$//' | $(if $(call on,FEATURE_PING6),,$(NO_PING6)) $(if $(call on,APPLET_IPCONFIG),,$(NO_IPCONFIG)) \
		LC_ALL=C sort -t'(' -k2 > $@.tmp && { cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@; }

$(B)/config.h: FORCE
	@mkdir -p $(B)
	@{ echo '/* Generated by make from $(NS_CONFIG): 1 for each selected applet and feature. */'; \
	$(foreach s,$(NS_SYMS),echo '#define $(s) $(if $(filter $(s),$(NS_ON)),1,0)';) \
	echo '/* What a left-out feature says, in one line, before it exits 1. */'; \
	printf '%s\n' '#define NSBOX_LEFT_OUT(what, sym) nsbox_left_out(what, sym)'; \
	echo '/* A usage text is its first line(s) NSBOX_USAGE_MORE("the rest"): without USAGE the rest is not built in. */'; \
	printf '%s\n' '#define NSBOX_USAGE_MORE(rest) $(if $(call on,FEATURE_USAGE),rest,"")'; \
	echo '/* NSBOX_USAGE(name, "text"): a usage text, printed as USAGE_TEXT(name); with USAGE it is coded (tools/usagez). */'; \
	$(if $(call on,FEATURE_USAGE),printf '%s\n' '#define NSBOX_USAGE(name, text) static const char name[] = NSBOX_UZ_(NSBOX_FID, name)' \
		'#define NSBOX_UZ_(f, n) NSBOX_UZ__(f, n)' '#define NSBOX_UZ__(f, n) NSBOX_UZ_##f##_##n' '#define USAGE_TEXT(z) usage_decode(z)'; , \
		printf '%s\n' '#define NSBOX_USAGE(name, text) static const char name[] = text' '#define USAGE_TEXT(z) (z)';) \
	} > $@.tmp && { cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@; }

FORCE:

# .config from a configuration of configs/: defconfig (all), tinyconfig (the seed article's),
# busyboxconfig (the job of BusyBox's reference build), allnoconfig (nothing: edit it, one
# NSBOX_X=y line per applet or feature).
defconfig tinyconfig busyboxconfig:
	cp configs/$@ $(CONFIG)

allnoconfig:
	@{ echo '# nsbox configuration: nothing selected (README, "Configuration").'; \
	$(foreach s,$(NS_SYMS),echo '# $(s) is not set';) } > $(CONFIG)

# The compiler and its flags, rewritten only when they change: objects built with others (a
# new CFLAGS, CC or CROSS_COMPILE in the same build directory) are built again.
$(B)/flags: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(NS_CPPFLAGS) $(CPPFLAGS) $(NS_CFLAGS) $(CFLAGS)' >$@.tmp && { cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@; }

# The usage texts of the selected files, coded with one dictionary (tools/usagez, run on the
# build machine: BUILD_CC); rewritten only when it changes.
# Buildroot names it CC_FOR_BUILD (in TARGET_CONFIGURE_OPTS), Yocto BUILD_CC.
BUILD_CC ?= $(or $(CC_FOR_BUILD),cc)
$(B)/usagez: tools/usagez.c
	@mkdir -p $(B)
	$(BUILD_CC) -O2 -o $@ $<

$(B)/usage_z.h: $(B)/usagez $(CMD_SRC) $(HDRS) $(B)/config.h
	@$(B)/usagez $@.tmp $(if $(call on,FEATURE_USAGE),1,0) $(HDRS) $(SEL_SRC) -- $(filter $(NS_DROP),$(CMD_SRC)) && { cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@; }

$(B)/obj/%.o: %.c $(HDRS) $(B)/applets.h $(B)/config.h $(B)/usage_z.h $(B)/flags $(B)/uapi/.stamp $(SPECS_IN:%=$(SPECS)) | toolchain
	@mkdir -p $(dir $@)
	$(CC) $(NS_CPPFLAGS) $(CPPFLAGS) $(NS_CFLAGS) $(CFLAGS) $(if $(filter cmds/%,$<),$(FID)) -c -o $@ $<

# With NSBOX_BUILD_SSTRIP the linked file is cut to what the kernel loads by tools/sstrip (built
# with BUILD_CC): no section headers, section names or .comment, and no zero bytes at the end of
# the data segment (about 1.1 KiB; readelf -S, size, strip and gdb then have nothing to read).
# The sanitizer build is never cut.
SSTRIP = $(if $(filter 1,$(SANITIZE)),,$(if $(call on,BUILD_SSTRIP),$(B)/sstrip))
$(B)/sstrip: tools/sstrip.c
	@mkdir -p $(B)
	$(BUILD_CC) -O2 -o $@ $<

$(B)/nsbox: $(OBJ) bench/hotpath.ld $(SSTRIP)
	$(CC) $(NS_CFLAGS) $(CFLAGS) $(NS_LDFLAGS) $(HOT_LD) $(LDFLAGS) -o $@ $(OBJ)
	$(if $(SSTRIP),$(SSTRIP) $@)

# make bench-size: bench/results/SIZES.md, the sizes per configuration and architecture, W1's RSS.
bench-size: deps $(B)/uapi/.stamp
	@mkdir -p $(B)/bench
	$(CC) $(MUSLINC) $(CSTD) $(WARN) $(CFLAGS) -static -s -o $(B)/bench/runner bench/runner.c
	@sh bench/sizes.sh

# make hotpath: bench/hotpath.ld from a trace of the short commands under valgrind (python3):
# defconfig's sections, then those busyboxconfig adds (its functions compile differently without
# the JSON and -d branches). hotpath-one traces the build of CONFIG; with HOTPATH_BASE=FILE it
# keeps that script's sections first.
hotpath:
	$(MAKE) -s B=build/hotpath/def CONFIG=configs/defconfig hotpath-one
	cp bench/hotpath.ld build/hotpath/def.ld
	HOTPATH_BASE=build/hotpath/def.ld $(MAKE) -s B=build/hotpath/bb CONFIG=configs/busyboxconfig hotpath-one
hotpath-one: $(OBJ)
	python3 bench/hotpath.py $(CC) $(NS_CFLAGS) $(CFLAGS) $(filter-out -s,$(NS_LDFLAGS)) $(LDFLAGS) $(OBJ)

# A guard on the size of build/nsbox (all applets): `make size` fails past it, so growth is a
# decision, raised with the features that need it (README, "Size", has the history).
# 240 KiB until the bridge applet (issue 18: link, fdb, vlan, mdb, monitor, about 31 KiB with
# iproute2's usage texts) took it past: 252 KiB; ping's iputils options and its DNS stub resolver
# (issue 18) took it past that: 272 KiB; the netboot applet (dracut's command line, issue 19,
# about 21 KiB) and ip tuntap, netconf and addrlabel (issues 17 and 22, about 9 KiB) to 312 KiB;
# the vrf and bond kinds, the tunnel kinds, ip tunnel, ip nexthop, maddress, link property and netboot's
# IPv6 (issues 17, 19, 22, each a configuration symbol, about 56 KiB together), monitor's local time (6 KiB) to 376 KiB;
# ip fou, ip macsec and the link kind macsec over generic netlink (issue 22, 16.5 KiB), ip xfrm (issue 22: state,
# policy, monitor over NETLINK_XFRM, 36 KiB with iproute2's usage texts), ip -6 tunnel, bareudp and xfrm kinds
# (issue 17, 8 KiB) to 432 KiB; ip mroute, ip mrule, ip stats and ip ila (issue 17, 10 KiB), less 4.7 KiB of xfrm and tunnel code written once, to 440 KiB. Build-time selection (issue 16, `make tinyconfig` ...) is how builders shrink it.
# Issue 16's shrink of 2026-12-07 (usage texts coded by tools/usagez, word lists in place of pointer
# tables, -fno-jump-tables, code written once) took defconfig from 446,096 to about 406,000: 400 KiB.
# Its second pass (usage texts' repeats coded too, libc's localtime, strtol, strstr, stat, fork and
# sigaction replaced, the helpers' compaction) to about 372,400: 380 KiB.
SIZE_BUDGET := 389120

size: $(B)/nsbox
	@n=$$(stat -c %s $(B)/nsbox); echo $$n; \
	if [ $$n -gt $(SIZE_BUDGET) ]; then echo "build/nsbox is $$n bytes, over the budget of $(SIZE_BUDGET)" >&2; exit 1; fi

deps:
	@sh .ci/deps

# make install [DESTDIR=...] [PREFIX=...] [INSTALL_LINKS=hard]: $(PREFIX)/bin/nsbox and a link
# per selected applet where BusyBox puts it (include/applets.src.h: BB_DIR_SBIN, BB_DIR_BIN,
# BB_DIR_USR_BIN, BB_DIR_USR_SBIN), relative symlinks unless INSTALL_LINKS=hard. PREFIX is
# the root of that tree, empty by default as with BusyBox's CONFIG_PREFIX; a PREFIX ending in
# /usr (merged-/usr systems) keeps usr/bin and usr/sbin from doubling: PREFIX/bin, PREFIX/sbin.
# doc/nsbox.1, where it exists, goes to $(MANDIR)/man1.
PREFIX   ?=
MANDIR   ?= $(if $(PREFIX),$(PREFIX),/usr)/share/man
INSTALL  ?= install
INSTALL_LINKS ?= sym
# BusyBox's directory of each applet.
APPLET_DIRS := ip:sbin bridge:sbin route:sbin ipconfig:sbin modprobe:sbin insmod:sbin rmmod:sbin \
               lsmod:sbin netboot:sbin brctl:usr/sbin ping:bin ping6:bin unshare:usr/bin nsenter:usr/bin

install: $(B)/nsbox
	$(INSTALL) -d $(DESTDIR)$(PREFIX)/bin
	$(INSTALL) -m 755 $(B)/nsbox $(DESTDIR)$(PREFIX)/bin/nsbox
	@set -e; for a in $$(sed -n 's/^APPLET[(]\([^,]*\),.*/\1/p' $(B)/applets.h); do \
		d=; for e in $(APPLET_DIRS); do [ "$${e%%:*}" = "$$a" ] && d=$${e#*:}; done; \
		[ -n "$$d" ] || { echo "nsbox: applet $$a has no install directory in APPLET_DIRS" >&2; exit 1; }; \
		case "$(PREFIX)" in */usr) d=$${d#usr/};; esac; \
		case $$d in bin) t=nsbox;; sbin) t=../bin/nsbox;; *) t=../../bin/nsbox;; esac; \
		$(if $(filter hard,$(INSTALL_LINKS)),t=$(DESTDIR)$(PREFIX)/bin/nsbox; ln=ln,ln='ln -s'); \
		echo "$$ln $$t $(DESTDIR)$(PREFIX)/$$d/$$a"; \
		$(INSTALL) -d $(DESTDIR)$(PREFIX)/$$d; rm -f $(DESTDIR)$(PREFIX)/$$d/$$a; \
		$$ln $$t $(DESTDIR)$(PREFIX)/$$d/$$a; done
	$(if $(wildcard doc/nsbox.1),$(INSTALL) -d $(DESTDIR)$(MANDIR)/man1 && $(INSTALL) -m 644 doc/nsbox.1 $(DESTDIR)$(MANDIR)/man1/nsbox.1)

# The size of each configuration of configs/ and of each applet alone, built in build/cfg/NAME
# (tests/config/run.sh builds and tests the same matrix).
size-table:
	@sh tests/config/run.sh size

# Host (glibc) objects for unit tests: the same sources, not stripped, with cmocka. For a
# cross ARCH, the cross compiler with musl, static, and tests/cross/cmocka.c (the part of
# cmocka's API the tests use) in place of libcmocka; tests/cross/run.sh runs them in qemu-user.
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/unit/%,$(UNIT_SRC))
HOST_OBJ := $(patsubst %.c,$(B)/host/%.o,$(KIF_SRC) $(filter-out cmds/main.c,$(CMD_SRC)))
HOST_CFLAGS := $(CSTD) -Wall -Wextra -Werror -g -O1 -DNSBOX_UNIT_TEST
UNIT_LIBS := -lcmocka -lm
UNIT_DEPS :=
ifneq ($(NSARCH),)
HOSTCC   := $(CC)
HOST_CFLAGS += $(MUSLINC) -Itests/cross
# Without debug sections: bookworm's riscv64 ld (2.40) crashes on those of trixie's musl.
UNIT_LIBS := $(B)/host/cmocka.o -static -Wl,--strip-debug
UNIT_DEPS := $(B)/host/cmocka.o $(B)/uapi/.stamp $(SPECS_IN:%=$(SPECS))
endif

$(B)/host/cmocka.o: tests/cross/cmocka.c tests/cross/cmocka.h $(B)/config.h $(B)/usage_z.h | toolchain
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) $(CMD_INC) -c -o $@ $<

$(B)/host/%.o: %.c $(HDRS) $(B)/applets.h $(B)/config.h $(B)/usage_z.h $(UNIT_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) $(INC) $(if $(filter cmds/%,$<),$(FID)) -c -o $@ $<

$(B)/unit/%: tests/unit/%.c $(HOST_OBJ) $(wildcard tests/unit/*.h) $(UNIT_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) $(CMD_INC) -Itests/unit -o $@ $< $(HOST_OBJ) $(UNIT_LIBS) $(UNIT_LD_$*)

# A test's own link flags: test_nltalk puts a faulty sys_recvmsg of its own before nlsock.c's calls.
UNIT_LD_test_nltalk := -Wl,--wrap=sys_recvmsg

unit: $(UNIT_BIN)

check: deps all $(if $(filter 1,$(SANITIZE)),san-clean,size) unit
	@sh tests/run-all

# The whole matrix: every tier, the cross tier on all six architectures (make check runs it
# too; CROSS_ARCHES=... narrows it there) and the unsigned-char tier (tests/uchar/run.sh).
check-all: deps all size unit check-qemu-all
	@CROSS_ARCHES="$(ARCHES)" TIERS="$${TIERS:-unit setup sandbox config usedhost qemu fuzz cross uchar}" sh tests/run-all

# Every architecture's build/ARCH/nsbox, with -Werror.
cross:
	@for a in $(ARCHES); do $(MAKE) -s ARCH=$$a all || exit 1; done

check-cross:
	@sh tests/cross/run.sh $(ARCHES)

check-unsigned-char:
	@sh tests/uchar/run.sh

# The kselftest tier (tests/kselftest/): twelve of Linux's selftests/net scripts (Debian's
# linux-source-6.1) in a QEMU guest, with iproute2's ip and with nsbox's; a table and "N same,
# N worse, N better". Not in make check (README: how long it takes). KSELFTEST_SCRIPTS narrows
# it (rtnetlink fib_tests ...); QEMU_TARGET=x86_64-5.10 or x86_64-6.12 picks another kernel,
# KERNEL_DIR=DIR one unpacked elsewhere; KSELFTEST_REUSE=1 takes iproute2's logs of an identical
# guest again instead of booting it; kselftest-kernels runs the three kernels.
kselftest: deps all
	@sh tests/kselftest/run.sh $(KSELFTEST_SCRIPTS)

kselftest-kernels: deps all
	@rc=0; for t in x86_64 x86_64-5.10 x86_64-6.12; do echo "=== kselftest $$t"; \
		QEMU_TARGET=$$t sh tests/kselftest/run.sh $(KSELFTEST_SCRIPTS) || rc=1; done; exit $$rc

.PHONY: kselftest kselftest-kernels

demo: deps all
	@sh qemu/demo.sh

# The QEMU tier on every architecture's Debian kernel and x86_64 on 5.10, 6.1 and 6.12
# (qemu/target.sh); make check runs QEMU_CHECK's targets of it (tests/qemu/run.sh).
# check-qemu TARGETS="aarch64 s390x": those only.
check-qemu-all: deps all
	@sh tests/qemu/run.sh all

check-qemu: deps all
	@sh tests/qemu/run.sh $(TARGETS)

.PHONY: check-qemu-all check-qemu

# The benchmark (bench/): the floor and the runner are static musl like nsbox; see bench/run.sh.
bench: deps $(B)/nsbox $(B)/uapi/.stamp
	@mkdir -p $(B)/bench
	$(CC) $(MUSLINC) $(CSTD) $(WARN) $(CFLAGS) -static -s -o $(B)/bench/floor bench/floor.c
	$(CC) $(MUSLINC) $(CSTD) $(WARN) $(CFLAGS) -static -s -o $(B)/bench/runner bench/runner.c
	@sh bench/run.sh

clean:
	rm -rf $(B)/obj $(B)/host $(B)/unit $(B)/nsbox $(B)/applets.h $(B)/config.h $(B)/uapi $(B)/fuzz $(B)/vg $(B)/bench $(B)/musl-gcc.specs

.PHONY: all toolchain size deps install size-table FORCE defconfig tinyconfig busyboxconfig allnoconfig unit check check-all cross check-cross check-unsigned-char demo bench bench-size clean hotpath hotpath-one
# A failed recipe leaves no half-written target (a crashed ld leaves an empty file).
.DELETE_ON_ERROR:
# Keep objects that only pattern rules name; make would delete them as intermediates.
.SECONDARY:

# Fuzzing (tests/fuzz, README there): libFuzzer targets, clang with ASan and UBSan. nsbox's
# objects are built again with the calls that reach the kernel renamed to the fake kernel of
# tests/fuzz/fakesys.c, and exit() to a longjmp back to the harness. `make fuzz` runs each
# target FUZZ_SECONDS on its corpus (build/fuzz/corpus/T, seeded from tests/fuzz/corpus/T).
FUZZ_CC      := clang
FUZZ_CFLAGS  := -std=c11 -D_GNU_SOURCE -U_FORTIFY_SOURCE -g -O1 -Wall -Wextra \
                -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_RENAME  := $(foreach f,socket bind connect getsockname setsockopt sendto send recvmsg recv poll syscall \
                open close ioctl getpid exit execvp execv unlink mkdir chdir fchdir chroot kill fork waitpid,-D$(f)=fz_$(f))
FUZZ_TARGETS := $(patsubst tests/fuzz/fz_%.c,%,$(sort $(wildcard tests/fuzz/fz_*.c)))
FUZZ_OBJ     := $(patsubst %.c,$(B)/fuzz/obj/%.o,$(KIF_SRC) $(filter-out cmds/main.c,$(CMD_SRC)))
FUZZ_SECONDS ?= 60

$(B)/fuzz/obj/%.o: %.c $(HDRS) $(B)/applets.h $(B)/config.h $(B)/usage_z.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(INC) $(if $(filter cmds/%,$<),$(FID)) -fsanitize=fuzzer-no-link $(FUZZ_RENAME) -c -o $@ $<

$(B)/fuzz/%: tests/fuzz/fz_%.c tests/fuzz/harness.c tests/fuzz/fakesys.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(CMD_INC) -fsanitize=fuzzer -Itests/fuzz -o $@ $< tests/fuzz/harness.c tests/fuzz/fakesys.c $(FUZZ_OBJ)

fuzz-build: $(addprefix $(B)/fuzz/,$(FUZZ_TARGETS))

# make check SANITIZE=1: the reports of this run only.
san-clean:
	rm -rf $(B)/log
	@mkdir -p $(B)/log

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

.PHONY: fuzz fuzz-build san-clean

# Valgrind (tests/fuzz/valgrind.sh): the sandbox tier with nsbox under memcheck. The binary is
# build/nsbox's objects linked without -s, so that reports name functions.
$(B)/vg/bin/nsbox: $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(NS_CFLAGS) $(CFLAGS) $(filter-out -s,$(NS_LDFLAGS)) $(LDFLAGS) -o $@ $(OBJ)

valgrind: deps $(B)/nsbox $(B)/vg/bin/nsbox
	@sh tests/fuzz/valgrind.sh

.PHONY: valgrind

# The example boot image: nsbox's ipconfig takes ip=dhcp from the kernel command line.
boot-example: deps all
	@sh initramfs/boot-example.sh

.PHONY: boot-example
