# lsl2 — non-recursive build. `make` builds ./lsl2; `make check` runs every test.
# BUILD may point elsewhere so that several builds can share one tree.
BUILD    ?= build
BIN      ?= ./lsl2
PREFIX   ?= /usr/local
DESTDIR  ?=
VERSION  := 0.1.0

PKGS     := libelf capstone libseccomp libarchive
CC       ?= cc
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 -Wall -Wextra -Werror -I. -DLSL2_VERSION='"$(VERSION)"' \
            $(shell pkg-config --cflags $(PKGS))
LDLIBS   += $(shell pkg-config --libs $(PKGS))

ifeq ($(SANITIZE),1)
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
override BUILD := $(BUILD)-san
# A sanitized lsl2 lives in its build directory, so that ./lsl2 stays the normal one.
ifeq ($(origin BIN),file)
BIN      := $(BUILD)/lsl2
endif
endif

# Every C file of the program but the entry point goes into one archive that the
# unit tests link against.
LIB_SRCS := $(sort $(wildcard cli/*.c tracer/*.c loader/*.c abi/*.c abi/*/*.c \
                              personalities/*.c personalities/*/*.c))
LIB_SRCS := $(filter-out cli/main.c,$(LIB_SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
LIB      := $(BUILD)/liblsl2.a

UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all check static install demo bench clean fixtures guests
all: $(BIN)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/obj/cli/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) $(shell pkg-config --libs cmocka)

# A fully static lsl2 for the container image (STATIC: where it goes).  libarchive's
# pkg-config --static list drags in libxml2 and ICU for formats lsl2 never uses:
# name its libraries here and let --gc-sections drop those formats.
STATIC      ?= lsl2-static
STATIC_LIBS := $(shell pkg-config --static --libs libelf capstone libseccomp) \
               -larchive -lacl -llzma -lzstd -llz4 -lbz2 -lz -lnettle
static: $(BUILD)/obj/cli/main.o $(LIB)
	$(CC) -static -Wl,--gc-sections $(LDFLAGS) -o $(STATIC) $^ $(STATIC_LIBS)

check: $(BIN) $(UNIT_BINS)
	BUILD=$(BUILD) LSL2=$(BIN) bash tests/run.sh

bench: $(BIN)
	BUILD=$(BUILD) LSL2=$(BIN) bash bench/run.sh

demo: $(BIN)
	bash tests/mkrootfs.sh busybox $(BUILD)/rootfs/busybox
	$(BIN) $(BUILD)/rootfs/busybox

install: $(BIN)
	install -D -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/lsl2
	install -D -m 0644 man/lsl2.1 $(DESTDIR)$(PREFIX)/share/man/man1/lsl2.1

clean:
	rm -rf build build-san lsl2 lsl2-static

-include $(LIB_OBJS:.o=.d) $(BUILD)/obj/cli/main.d
