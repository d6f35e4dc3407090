#!/usr/bin/env python3
"""Runs a selection of CPython's own test modules (the installed `Lib/test`) under ferropy
and under CPython 3.11 (`python3`), through tools/cpython_test_driver.py (unittest), and
prints passed/failed/errored/skipped per module and in total.

It fails when ferropy crashes (dies by a signal) or passes fewer tests in a module than
tests/cpython/baseline.txt records, so a regression shows. A module listed there as
`NAME crash REASON` is known to crash (the run fails if it stops crashing, so the line gets
removed); `--update-baseline` rewrites the pass counts from this run (only raising figures
unless `--allow-lower`).

Modules run two at a time (`--jobs`; each is one process, mostly on one core), the longest
first; results print in the listed order. `--no-reference` skips the CPython column (what
`make test` does: the verdict depends only on ferropy's counts and the baseline).

    python3 tools/run_cpython_tests.py [--ferropy build/bin/ferropy] [-v] [-j N] [MODULE ...]
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ROOT / "tools" / "cpython_test_driver.py"
BASELINE = ROOT / "tests" / "cpython" / "baseline.txt"
MODULES = [
    "test_int", "test_long", "test_bool", "test_float", "test_complex", "test_list",
    "test_tuple", "test_dict", "test_set", "test_string", "test_unicode", "test_bytes",
    "test_grammar", "test_class", "test_exceptions", "test_generators", "test_scope",
    "test_types", "test_with", "test_contextlib", "test_opcodes", "test_augassign",
    "test_keywordonlyarg", "test_unpack", "test_raise", "test_baseexception",
    "test_dictviews", "test_enumerate", "test_range", "test_slice", "test_sort",
    "test_format", "test_fstring", "test_string_literals", "test_iter", "test_math",
    "test_operator", "test_functools", "test_itertools", "test_collections",
    "test_json", "test_re", "test_struct", "test_binascii", "test_base64", "test_heapq",
    "test_bisect", "test_textwrap", "test_abc", "test_enum", "test_dataclasses",
    "test_typing", "test_copy", "test_weakref", "test_random", "test_statistics",
    "test_array",
    "test_memoryview",
    "test_cmath",
    "test_unicodedata",
    "test_ucn",
    "test_stringprep",
    "test_buffer",
    "test_asyncio.test_locks",
    "test_asyncio.test_queues",
    "test_asyncio.test_futures",
    "test_asyncio.test_tasks",
    "test_asyncio.test_timeouts",
    "test_asyncio.test_waitfor",
    "test_asyncio.test_taskgroups",
    "test_asyncio.test_pep492",
    "test_asyncio.test_context",
    "test_asyncio.test_threads",
    "test_asyncio.test_streams",
    "test_asyncio.test_sock_lowlevel",
    "test_asyncio.test_subprocess",
    "test_asyncio.test_events",
    "test_asyncio.test_base_events",
    "test_asyncio.test_unix_events",
    "test_asyncio.test_selector_events",
    "test_asyncio.test_protocols",
    "test_asyncio.test_transports",
    "test_asyncio.test_runners",
    "test_importlib.test_files",
    "test_importlib.test_read",
    "test_importlib.test_open",
    "test_importlib.test_path",
    "test_importlib.test_reader",
    "test_importlib.test_resource",
    "test_funcattrs",
    "test_bdb",
    "test_hashlib",
    "test_hmac",
    "test_xml_etree",
    "test_xml_etree_c",
    "test_minidom",
    "test_mmap",
    "test_plistlib",
    "test_pyexpat",
    "test_grp",
    "test_isinstance",
    "test_sax",
    "test_pulldom",
    "test_queue",
    "test_ssl",
    "test_xml_dom_minicompat",
    "test_zoneinfo",
    "test_picklebuffer",
    "test_pickletools",
    "test_ctypes",
    "test_capi",
    "test_call",
    "test_context",
    "test_ordered_dict",
    "test_memoryio",
    "test_posix",
    "test_os",
    "test_pickle",
    "test_descr",
    "test_sys_settrace",
]
TIMEOUT = 300
# The modules that take longest under ferropy (10-60 s, much of it asleep: asyncio, ssl),
# started first so that the workers finish together.
SLOW_FIRST = ["test_pickle", "test_asyncio.test_tasks", "test_asyncio.test_events", "test_weakref", "test_ssl",
              "test_unicodedata", "test_asyncio.test_subprocess", "test_statistics",
              "test_asyncio.test_futures", "test_set", "test_buffer", "test_queue", "test_json"]


def run_one(exe, module, verbose):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    start = time.monotonic()
    args = [exe, str(DRIVER), "test." + module] + (["-v"] if verbose else [])
    try:
        r = subprocess.run(args, capture_output=True, timeout=TIMEOUT, env=env, cwd="/tmp")
    except subprocess.TimeoutExpired:
        return {"status": f"timeout after {TIMEOUT}s"}, time.monotonic() - start, ""
    took = time.monotonic() - start
    err = r.stderr.decode("utf-8", "backslashreplace")
    for line in reversed(r.stdout.decode("utf-8", "backslashreplace").splitlines()):
        if line.startswith("{"):
            counts = json.loads(line)
            counts["status"] = "ok" if r.returncode == 0 else f"exit {r.returncode}"
            return counts, took, err
    status = f"signal {-r.returncode}" if r.returncode < 0 else f"exit {r.returncode}"
    last = err.strip().splitlines()[-1] if err.strip() else ""
    return {"status": status, "message": last}, took, err


def load_baseline():
    """(minimum passes by module, {module: reason} of modules known to crash)."""
    passes, crashes = {}, {}
    if BASELINE.exists():
        for line in BASELINE.read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                name, value, *reason = line.split()
                if value == "crash":
                    crashes[name] = " ".join(reason)
                else:
                    passes[name] = int(value)
    return passes, crashes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferropy", default=str(ROOT / "build" / "bin" / "ferropy"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--no-reference", action="store_true", help="don't run CPython")
    ap.add_argument("--update-baseline", action="store_true")
    ap.add_argument("--allow-lower", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="modules run at once (default 2)")
    ap.add_argument("modules", nargs="*")
    opts = ap.parse_args()
    # The tests run from /tmp (they write files in the working directory).
    opts.ferropy = str(Path(opts.ferropy).resolve())
    modules = opts.modules or MODULES
    baseline, known_crashes = load_baseline()
    totals = {"ferropy": [0, 0, 0, 0], "cpython": [0, 0, 0, 0]}
    problems = []
    new_baseline = dict(baseline)
    print(f"{'module':24} {'ferropy pass/fail/err/skip':>28} {'cpython pass/fail/err/skip':>28}  time")

    def run_both(module):
        ours, took, err = run_one(opts.ferropy, module, opts.verbose)
        ref = None if opts.no_reference else run_one(opts.python, module, False)[0]
        return ours, took, err, ref

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs))
    order = sorted(modules, key=lambda m: SLOW_FIRST.index(m) if m in SLOW_FIRST else len(SLOW_FIRST))
    futures = {m: pool.submit(run_both, m) for m in order}
    for module in modules:
        ours, took, err, ref = futures[module].result()
        if opts.verbose and err:
            print(err[-6000:], file=sys.stderr)

        def cell(c, key):
            if "passed" not in c:
                return c["status"] + (": " + c.get("message", "")[:60] if c.get("message") else "")
            totals[key][0] += c["passed"]
            totals[key][1] += c["failures"]
            totals[key][2] += c["errors"]
            totals[key][3] += c["skipped"]
            return f"{c['passed']}/{c['failures']}/{c['errors']}/{c['skipped']}"

        print(f"{module:24} {cell(ours, 'ferropy'):>28} {cell(ref, 'cpython') if ref else '-':>28}  {took:5.1f}s",
              flush=True)
        passed = ours.get("passed", 0)
        crashed = ours["status"].startswith(("signal", "timeout"))
        if crashed and module not in known_crashes:
            problems.append(f"{module}: ferropy {ours['status']}")
        if not crashed and module in known_crashes:
            problems.append(f"{module}: listed as crashing in {BASELINE.name} but did not (remove the line)")
        if passed < baseline.get(module, 0):
            problems.append(f"{module}: {passed} passed, baseline {baseline[module]}")
            # Which tests did not pass (a flaky one is otherwise invisible in a CI log).
            for line in err.splitlines():
                if line.startswith(("failure: ", "error: ")):
                    print(f"  {module} {line}", file=sys.stderr)
        if opts.update_baseline and (opts.allow_lower or passed > baseline.get(module, 0)):
            new_baseline[module] = passed
    pool.shutdown()
    f, c = totals["ferropy"], totals["cpython"]
    print(f"{'total':24} {'/'.join(map(str, f)):>28} {'/'.join(map(str, c)) if not opts.no_reference else '-':>28}")
    if opts.update_baseline:
        lines = ["# Tests of CPython's Lib/test that ferropy passes at least (tools/run_cpython_tests.py);",
                 "# `NAME crash REASON`: the module is known to crash ferropy."]
        lines += [f"{name} {n}" for name, n in sorted(new_baseline.items())]
        lines += [f"{name} crash {why}" for name, why in sorted(known_crashes.items())]
        BASELINE.write_text("\n".join(lines) + "\n")
    for p in problems:
        print("FAIL", p)
    return 1 if problems else 0


sys.exit(main())
