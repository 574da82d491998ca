# rasid — build, test, demo, eval, bench, fuzz.
#   make demo     install what is missing, build, run the main job on the bundled samples
#   make test     install what is missing, build, run every test (spec + unit)
#   make test SANITIZE=1   the same under ASan+UBSan (separate build directory)
#   make threads           the multi-threaded paths (rasid --jobs) under ThreadSanitizer
#   make eval     score `rasid extract` on ../shared/corpus (skipped when ../shared is absent)
#   make bench    throughput figures against baselines measured in the same run
#   make release  the fastest binary (-O3, profile-guided) in build-release/
#   make web      build the web page of `rasid serve` (npm ci + vite build into web/dist)
#   make fuzz FUZZ_SECONDS=60   libFuzzer targets (clang)
CC      ?= cc
SANITIZE ?= 0
BUILD   ?= build
ifeq ($(SANITIZE),1)
BUILD   := build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
ifeq ($(SANITIZE),thread)
BUILD   := build-tsan
SANFLAGS := -fsanitize=thread -fno-omit-frame-pointer
endif
OPT     ?= -O2
WARN    := -Wall -Wextra -Werror -Wstrict-prototypes -Wshadow -Wno-unused-parameter
PKGS    := libutf8proc jansson sqlite3 libxml-2.0 libcurl zlib libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS  ?= $(OPT) -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) -fvisibility=hidden -Iinclude -Isrc $(PKG_CFLAGS)
LDLIBS  := $(PKG_LIBS) -lstemmer -lpthread -lm
LDFLAGS += $(SANFLAGS)

LIB_SRC := $(sort $(wildcard src/util/*.c src/text/*.c src/lex/*.c src/time/*.c src/num/*.c src/event/*.c src/io/*.c src/ingest/*.c src/store/*.c src/serve/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB     := $(BUILD)/librasid.a
RASID   := $(BUILD)/rasid
SPEC    := $(BUILD)/spec-runner

.PHONY: all deps demo test check eval bench release fuzz clean data web threads
all: $(RASID)

deps:
	@sh scripts/deps.sh

$(BUILD)/%.o: %.c include/rasid.h src/internal.h $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(RASID): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(SPEC): tests/spec_runner.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

# make check: build and run every test without installing anything.
check: $(RASID) $(UNIT_BIN) $(SPEC)
	@sh tests/run.sh $(BUILD)

test: deps
	@$(MAKE) --no-print-directory web
	@$(MAKE) --no-print-directory check

# make threads: the tests of the multi-threaded paths, built with ThreadSanitizer
threads: deps
	@$(MAKE) --no-print-directory SANITIZE=thread build-tsan/rasid
	@TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" sh tests/jobs.sh build-tsan

demo: deps
	@$(MAKE) --no-print-directory $(RASID)
	@$(MAKE) --no-print-directory web || echo "demo: the web page could not be built (node/npm?); rasid serve will answer the API only"
	@sh scripts/demo.sh $(BUILD)

eval: $(RASID)
	@sh scripts/eval.sh $(BUILD)

# make release: the fastest binary, -O3 and profile-guided (scripts/pgo.sh: built, trained
# on the spec inputs and generated articles, built again), in its own build directory
RELEASE_BUILD ?= build-release
release: deps
	@MAKEFLAGS= sh scripts/pgo.sh $(RELEASE_BUILD)

# make bench measures the release binary (BENCH_PGO=0: a plain -O3 build in build-bench)
BENCH_PGO ?= 1
ifeq ($(BENCH_PGO),0)
BENCH_BUILD ?= build-bench
else
BENCH_BUILD ?= $(RELEASE_BUILD)
endif
bench: deps
ifeq ($(BENCH_PGO),0)
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) OPT=-O3 $(BENCH_BUILD)/rasid
else
	@MAKEFLAGS= sh scripts/pgo.sh $(BENCH_BUILD)
endif
	@sh bench/run.sh $(BENCH_BUILD)
	@sh bench/serve.sh $(BENCH_BUILD)

# make web: the analysts' page served by `rasid serve` (web/dist), from the npm packages
# pinned in web/package-lock.json (npm ci), rebuilt when its sources change.
web: web/dist/index.html
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
web/dist/index.html: web/node_modules/.package-lock.json web/vite.config.js web/index.html $(wildcard web/src/*)
	cd web && npm run build
	@touch $@

FUZZ_SECONDS ?= 60
fuzz: deps
	@sh fuzz/run.sh $(FUZZ_SECONDS)

# Regenerate the generated dictionaries from Debian's packages (see data/SOURCES.md).
data:
	@RASID_EXTRA_PKGS="libgeonames0 libgeonames-common iso-codes unicode-cldr-core" sh scripts/deps.sh
	python3 scripts/gen_data.py

clean:
	rm -rf build build-san build-tsan build-fuzz build-bench build-release
