# nsbox: one static musl binary. `make` builds build/nsbox; `make check` runs every tier.
B        := build
CC       := musl-gcc
HOSTCC   := gcc
ARCH_ASM := /usr/include/$(shell gcc -dumpmachine)/asm
WARN     := -Wall -Wextra -Werror -pedantic
CSTD     := -std=c11 -D_GNU_SOURCE
CFLAGS   ?= -Os
CFLAGS   += $(CSTD) $(WARN) -ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables
# kernel-if/ is compiled with its own headers only, so the build keeps it from using cmds/;
# cmds/ sees kernel-if/, its folders (lib: the applets' helpers, ip: the ip objects, proto:
# protocol codecs) and the generated applet table.
KIF_INC   = -Ikernel-if
CMD_INC   = -Ikernel-if -Icmds/lib -Icmds/ip -Icmds/proto -I$(B)
INC       = $(if $(filter kernel-if/%,$<),$(KIF_INC),$(CMD_INC))
MUSLINC  := -isystem $(B)/uapi
# No page-aligned padding between the segments in the file: noseparate-code, norelro (a static
# binary has no dynamic relocations for RELRO to protect) and a small common page size, so the
# data segment starts where the text ends (the kernel maps that page twice). Up to 8 KiB less.
LDFLAGS  += -static -Wl,--gc-sections -Wl,-z,noseparate-code -Wl,-z,norelro -Wl,-z,common-page-size=64 -s
# make SANITIZE=1 [check|unit|all]: nsbox and the unit tests with ASan and UBSan, built with
# glibc and gcc (musl has no sanitizer runtime) in build/san; the unit and sandbox tiers then
# run those (NSBOX_B tells their scripts where).
ifeq ($(SANITIZE),1)
B        := build/san
CC       := gcc -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
HOSTCC   := $(CC)
CFLAGS   += -O1 -g
MUSLINC  :=
LDFLAGS  := -DSAN_LOG='"$(CURDIR)/$(B)/log"' tests/fuzz/san/defaults.c
export NSBOX_B := $(B)
export TIERS := unit sandbox fuzz/san
# Reports go to files that the last tier (tests/fuzz/san/run.sh) reads, not into the stderr
# the tests compare. No leak check: LeakSanitizer needs /proc and no PID namespace, which the
# sandbox tests take away (nsbox has no heap; the fuzz targets check leaks).
export ASAN_OPTIONS := detect_leaks=0:log_path=$(CURDIR)/$(B)/log/asan
export UBSAN_OPTIONS := print_stacktrace=1:log_path=$(CURDIR)/$(B)/log/ubsan
endif

KIF_SRC  := $(sort $(wildcard kernel-if/*.c))
CMD_SRC  := $(sort $(wildcard cmds/*.c cmds/*/*.c))
OBJ      := $(patsubst %.c,$(B)/obj/%.o,$(KIF_SRC) $(CMD_SRC))
HDRS     := $(wildcard kernel-if/*.h cmds/*/*.h)

all: $(B)/nsbox

$(B)/uapi/.stamp:
	@mkdir -p $(B)/uapi
	ln -sfn /usr/include/linux $(B)/uapi/linux
	ln -sfn /usr/include/asm-generic $(B)/uapi/asm-generic
	ln -sfn $(ARCH_ASM) $(B)/uapi/asm
	@touch $@

# The applet table: one `APPLET(name, function)` line at the head of each applet file, sorted.
$(B)/applets.h: $(CMD_SRC)
	@mkdir -p $(B)
	grep -h '^APPLET(' $(CMD_SRC) | sed 's/;$$//' | LC_ALL=C sort -t'(' -k2 > $@.tmp && mv $@.tmp $@

$(B)/obj/%.o: %.c $(HDRS) $(B)/applets.h $(B)/uapi/.stamp
	@mkdir -p $(dir $@)
	$(CC) $(MUSLINC) $(CFLAGS) $(INC) -c -o $@ $<

$(B)/nsbox: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ)

# A guard on the size of build/nsbox (all applets): `make size` fails past it, so growth is a
# decision, raised with the features that need it (README, "Size", has the history).
SIZE_BUDGET := 245760

size: $(B)/nsbox
	@n=$$(stat -c %s $(B)/nsbox); echo $$n; \
	if [ $$n -gt $(SIZE_BUDGET) ]; then echo "build/nsbox is $$n bytes, over the budget of $(SIZE_BUDGET)" >&2; exit 1; fi

deps:
	@sh .ci/deps

# Host (glibc) objects for unit tests: the same sources, not stripped, with cmocka.
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(patsubst tests/unit/%.c,$(B)/unit/%,$(UNIT_SRC))
HOST_OBJ := $(patsubst %.c,$(B)/host/%.o,$(KIF_SRC) $(filter-out cmds/main.c,$(CMD_SRC)))
HOST_CFLAGS := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -g -O1 -DNSBOX_UNIT_TEST

$(B)/host/%.o: %.c $(HDRS) $(B)/applets.h
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) $(INC) -c -o $@ $<

$(B)/unit/%: tests/unit/%.c $(HOST_OBJ) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) $(CMD_INC) -Itests/unit -o $@ $< $(HOST_OBJ) -lcmocka -lm

unit: $(UNIT_BIN)

check: deps all $(if $(filter 1,$(SANITIZE)),san-clean,size) unit
	@sh tests/run-all

demo: deps all
	@sh qemu/demo.sh

# The benchmark (bench/): the floor and the runner are static musl like nsbox; see bench/run.sh.
bench: deps $(B)/nsbox $(B)/uapi/.stamp
	@mkdir -p $(B)/bench
	$(CC) $(MUSLINC) $(CSTD) $(WARN) -Os -static -s -o $(B)/bench/floor bench/floor.c
	$(CC) $(MUSLINC) $(CSTD) $(WARN) -Os -static -s -o $(B)/bench/runner bench/runner.c
	@sh bench/run.sh

clean:
	rm -rf $(B)/obj $(B)/host $(B)/unit $(B)/nsbox $(B)/applets.h $(B)/uapi $(B)/fuzz $(B)/vg $(B)/bench

.PHONY: all size deps unit check demo bench clean
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

$(B)/fuzz/obj/%.o: %.c $(HDRS) $(B)/applets.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(INC) -fsanitize=fuzzer-no-link $(FUZZ_RENAME) -c -o $@ $<

$(B)/fuzz/%: tests/fuzz/fz_%.c tests/fuzz/harness.c tests/fuzz/fakesys.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(CMD_INC) -fsanitize=fuzzer -Itests/fuzz -o $@ $< tests/fuzz/harness.c tests/fuzz/fakesys.c $(FUZZ_OBJ)

fuzz-build: $(addprefix $(B)/fuzz/,$(FUZZ_TARGETS))

# make check SANITIZE=1: the reports of this run only.
san-clean:
	rm -rf $(B)/log
	@mkdir -p $(B)/log

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

.PHONY: fuzz fuzz-build san-clean

# Valgrind (tests/fuzz/valgrind.sh): the sandbox tier with nsbox under memcheck. The binary is
# build/nsbox's objects linked without -s, so that reports name functions.
$(B)/vg/bin/nsbox: $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(filter-out -s,$(LDFLAGS)) -o $@ $(OBJ)

valgrind: deps $(B)/nsbox $(B)/vg/bin/nsbox
	@sh tests/fuzz/valgrind.sh

.PHONY: valgrind

# The example boot image: nsbox's ipconfig takes ip=dhcp from the kernel command line.
boot-example: deps all
	@sh initramfs/boot-example.sh

.PHONY: boot-example
