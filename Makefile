# ferropy — see README.md.  `make` builds everything under build/; `make test` is what CI runs.
SHELL       := /bin/bash
CARGO       ?= cargo
CC          ?= gcc
PYTHON      ?= python3
PREFIX      ?= /usr/local
BUILD       := build
RUST_LIB    := target/release/libferropy.so
CFLAGS_PROG := -O2 -g -Wall -Wextra -Werror -I$(BUILD)/include
# The command finds its library beside it in build/ and in an installed tree alike.
RPATH       := -Wl,-rpath,'$$ORIGIN/../lib:$$ORIGIN/../lib/ferropy'

.PHONY: all lib headers headers-check test test-rust test-c test-python test-cmdline test-full \
        test-cpython test-cpython-quick test-headers test-install test-memcheck bench install clean deps test-parser \
        test-parser-full fuzz bench-parser test-compiler test-compiler-full

all: lib $(BUILD)/bin/ferropy $(BUILD)/bin/ferropy-config

# Tools the build and tests need, installed on a fresh machine (CI runs as root).
deps:
	@command -v $(CARGO) >/dev/null || { echo "cargo is required (rustup)"; exit 1; }
	@missing=""; \
	for t in gcc:gcc valgrind:valgrind pkg-config:pkg-config; do \
	  command -v $${t%%:*} >/dev/null || missing="$$missing $${t#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

lib:
	$(CARGO) build --release
	@mkdir -p $(BUILD)/lib $(BUILD)/include
	@cp -f $(RUST_LIB) $(BUILD)/lib/libferropy.so.tmp && mv -f $(BUILD)/lib/libferropy.so.tmp $(BUILD)/lib/libferropy.so
	@ln -sf libferropy.so $(BUILD)/lib/libpython3.11.so.1.0
	@ln -sf libpython3.11.so.1.0 $(BUILD)/lib/libpython3.11.so
	@rm -rf $(BUILD)/include && mkdir -p $(BUILD)/include && cp -R include/. $(BUILD)/include/

$(BUILD)/bin/ferropy: programs/ferropy.c lib
	@mkdir -p $(BUILD)/bin
	$(CC) $(CFLAGS_PROG) $< -L$(BUILD)/lib -lpython3.11 $(RPATH) -o $@

$(BUILD)/bin/ferropy-config: programs/ferropy-config.sh
	@mkdir -p $(BUILD)/bin
	cp -f $< $@ && chmod +x $@

# Regenerate the cbindgen part of the headers from the Rust declarations.
headers:
	$(CARGO) run --release -q -p genheaders

headers-check:
	$(CARGO) run --release -q -p genheaders -- --check

# After the build, the suites run two at a time (TEST_JOBS): most of them keep one core busy
# (one process at a time), and the Rust tests' compilation overlaps them. Each suite's output
# is printed whole when it ends (--output-sync).
TEST_JOBS ?= 2
TEST_SUITES := test-rust test-cpython-quick test-c test-python test-cmdline test-parser \
               test-compiler test-headers test-install

test: deps all headers-check
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target $(TEST_SUITES)
	@echo "make test: all suites passed"

# Py_LIMITED_API honoured: our headers expose no name CPython's hide in the same mode; and
# the short C-API functions start on 64-byte lines as src/link/align_c_api.ld asks.
test-headers: all
	$(PYTHON) tools/check_limited_api.py
	$(PYTHON) tools/check_pending_decls.py
	$(PYTHON) tools/gen_align_c_api.py --check $(BUILD)/lib/libferropy.so

# The build products a user sees: soname, ferropy-config, make install, pkg-config files;
# the library linked for few resident pages (build.rs: start-up functions together, DT_RELR).
test-install: all
	bash tools/test_install.sh
	$(PYTHON) tools/check_startup_order.py --build $(BUILD)

# Parser (issue 8): CPython 3.11 is the oracle; see tools/parser_tests.py.
test-parser: all
	$(PYTHON) tools/parser_tests.py -q --binary $(BUILD)/bin/ferropy --sample 300 --positions 200 --errors --render 8 --snippets 3000

test-parser-full: all
	$(PYTHON) tools/parser_tests.py -q --binary $(BUILD)/bin/ferropy --all --positions 2000 --errors --render 1 --snippets 0 --mutations 5000

# Compiler (issue 9): symbol tables and code generation vs CPython; tools/compiler_tests.py.
test-compiler:
	$(CARGO) build --release -p ferropy-compiler
	$(PYTHON) tools/compiler_tests.py -q --symtable --compile --annotations --warnings --sample 300

test-compiler-full:
	$(CARGO) build --release -p ferropy-compiler
	$(PYTHON) tools/compiler_tests.py -q --symtable --compile --annotations --warnings

# Mutation fuzzing of the parser (not part of `make test`); FUZZ_SECONDS=600 by default.
fuzz:
	$(CARGO) run --release --manifest-path fuzz/Cargo.toml -- $${FUZZ_SECONDS:-600}

bench-parser: all
	$(PYTHON) benches/parse_stdlib.py --binary $(BUILD)/bin/ferropy

test-rust:
	$(CARGO) test --release --workspace

test-c: all
	$(PYTHON) tools/run_c_tests.py --build $(BUILD)

test-python: all
	$(PYTHON) tools/run_py_tests.py --ferropy $(BUILD)/bin/ferropy

# CPython's own Lib/test modules under ferropy (unittest), against tests/cpython/baseline.txt.
test-cpython: all
	$(PYTHON) tools/run_cpython_tests.py --ferropy $(BUILD)/bin/ferropy

# The same modules without CPython's column (the verdict compares ferropy with the baseline
# only), three at a time: most of their time is spent asleep (asyncio, ssl, threads).
test-cpython-quick: all
	$(PYTHON) tools/run_cpython_tests.py --ferropy $(BUILD)/bin/ferropy --no-reference --jobs 3

test-cmdline: all
	$(PYTHON) tools/run_cmdline_tests.py --ferropy $(BUILD)/bin/ferropy
	$(PYTHON) tools/run_repl_tests.py --ferropy $(BUILD)/bin/ferropy
	$(PYTHON) tools/run_cache_tests.py --ferropy $(BUILD)/bin/ferropy
	$(PYTHON) tools/run_startup_tests.py --ferropy $(BUILD)/bin/ferropy

test-full: test test-parser-full test-compiler-full

test-memcheck: all
	$(PYTHON) tools/run_c_tests.py --build $(BUILD) --memcheck

bench: all bench-parser
	$(PYTHON) tools/run_bench.py --build $(BUILD)

install: all
	install -d $(PREFIX)/bin $(PREFIX)/lib/ferropy/pkgconfig $(PREFIX)/lib/pkgconfig $(PREFIX)/include/ferropy
	install -m 755 $(BUILD)/lib/libferropy.so $(PREFIX)/lib/libferropy.so
	ln -sf ../libferropy.so $(PREFIX)/lib/ferropy/libpython3.11.so.1.0
	ln -sf libpython3.11.so.1.0 $(PREFIX)/lib/ferropy/libpython3.11.so
	cp -R include/. $(PREFIX)/include/ferropy/
	install -m 755 $(BUILD)/bin/ferropy $(PREFIX)/bin/ferropy
	install -m 755 $(BUILD)/bin/ferropy-config $(PREFIX)/bin/ferropy-config
	$(PYTHON) tools/write_pkgconfig.py --prefix $(PREFIX)

clean:
	$(CARGO) clean
	rm -rf $(BUILD)
