#!/usr/bin/env python3
"""Generates src/runtime/pyruntime_compat_layout.rs: where CPython 3.11's `_PyRuntime`
keeps what lib-dynload modules built with Py_BUILD_CORE_MODULE read (sizes, field offsets,
the global strings with their text).

Development-time only. The names of the global strings come from CPython's installed
internal header pycore_global_strings.h (read as data); every offset and size comes from a
small C program compiled against those headers with -DPy_BUILD_CORE, so the compiler, not
this script, decides the layout.

    python3 tools/gen_pyruntime_layout.py           # rewrite the Rust table
    python3 tools/gen_pyruntime_layout.py --check   # exit 1 when the table is stale
"""
import os
import re
import subprocess
import sys
import sysconfig
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "runtime", "pyruntime_compat_layout.rs")

# Fields whose offsets the Rust side uses (name in the Rust table, C member designator).
FIELDS = [
    ("INITIALIZED_FLAG", "_initialized"),
    ("CORE_INITIALIZED", "core_initialized"),
    ("INITIALIZED", "initialized"),
    ("FINALIZING", "_finalizing"),
    ("INTERPRETERS_HEAD", "interpreters.head"),
    ("INTERPRETERS_MAIN", "interpreters.main"),
    ("MAIN_THREAD", "main_thread"),
    ("GILSTATE_CHECK_ENABLED", "gilstate.check_enabled"),
    ("TSTATE_CURRENT", "gilstate.tstate_current"),
    ("AUTO_INTERPRETER_STATE", "gilstate.autoInterpreterState"),
    ("SMALL_INTS", "global_objects.singletons.small_ints"),
    ("BYTES_EMPTY", "global_objects.singletons.bytes_empty"),
    ("BYTES_CHARACTERS", "global_objects.singletons.bytes_characters"),
    ("STRINGS", "global_objects.singletons.strings"),
    ("STRINGS_LITERALS", "global_objects.singletons.strings.literals"),
    ("STRINGS_IDENTIFIERS", "global_objects.singletons.strings.identifiers"),
    ("STRINGS_ASCII", "global_objects.singletons.strings.ascii"),
    ("STRINGS_LATIN1", "global_objects.singletons.strings.latin1"),
    ("TUPLE_EMPTY", "global_objects.singletons.tuple_empty"),
    ("MAIN_INTERPRETER", "_main_interpreter"),
]


def include_dir():
    return sysconfig.get_paths()["include"]


def global_strings(inc):
    text = open(os.path.join(inc, "internal", "pycore_global_strings.h")).read()
    # Only the struct body: the header also defines the STRUCT_FOR_* macros themselves.
    text = text[text.index("struct _Py_global_strings {"):]
    lits = re.findall(r'STRUCT_FOR_STR\((\w+),\s*"((?:[^"\\]|\\.)*)"\)', text)
    ids = re.findall(r"STRUCT_FOR_ID\((\w+)\)", text)
    return lits, ids


def c_program(lits, ids):
    lines = [
        "#define Py_BUILD_CORE 1",
        "#include <Python.h>",
        "#include <stddef.h>",
        "#include <stdio.h>",
        '#include "internal/pycore_runtime.h"',
        "#define OFF(f) ((unsigned long)offsetof(_PyRuntimeState, f))",
        "int main(void) {",
        '  printf("SIZE %lu\\n", (unsigned long)sizeof(_PyRuntimeState));',
        '  printf("ALIGN %lu\\n", (unsigned long)_Alignof(_PyRuntimeState));',
        '  printf("SMALL_INT_SIZE %lu\\n", (unsigned long)sizeof(PyLongObject));',
        '  printf("BYTES_CHAR_STRIDE %lu\\n", (unsigned long)sizeof(_PyRuntime.global_objects.singletons.bytes_characters[0]));',
        '  printf("ASCII_STRIDE %lu\\n", (unsigned long)sizeof(_PyRuntime.global_objects.singletons.strings.ascii[0]));',
        '  printf("LATIN1_STRIDE %lu\\n", (unsigned long)sizeof(_PyRuntime.global_objects.singletons.strings.latin1[0]));',
        '  printf("INTERP_SIZE %lu\\n", (unsigned long)sizeof(PyInterpreterState));',
    ]
    for name, member in FIELDS:
        lines.append(f'  printf("{name} %lu\\n", OFF({member}));')
    for name, _ in lits:
        lines.append(f'  printf("L {name} %lu\\n", OFF(global_objects.singletons.strings.literals._{name}));')
    for name in ids:
        lines.append(f'  printf("I {name} %lu\\n", OFF(global_objects.singletons.strings.identifiers._{name}));')
    lines += ["  return 0;", "}"]
    return "\n".join(lines) + "\n"


def measure(lits, ids):
    inc = include_dir()
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "layout.c")
        exe = os.path.join(tmp, "layout")
        with open(src, "w") as f:
            f.write(c_program(lits, ids))
        subprocess.run(["cc", "-std=c11", "-w", "-I", inc, "-I", os.path.join(inc, "internal"),
                        src, "-o", exe], check=True)
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    scalars, offsets = {}, {}
    for line in out.splitlines():
        parts = line.split()
        if parts[0] in ("L", "I"):
            offsets[(parts[0], parts[1])] = int(parts[2])
        else:
            scalars[parts[0]] = int(parts[1])
    return scalars, offsets


def rust_literal(c_text):
    # The header's C escapes that occur in it are \\ and \" (and \n would be kept verbatim).
    value = c_text.encode().decode("unicode_escape")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(scalars, offsets, lits, ids):
    out = [
        "//! CPython 3.11's `_PyRuntimeState` layout as seen by lib-dynload modules: generated by",
        "//! tools/gen_pyruntime_layout.py from a C program compiled against CPython's internal",
        "//! headers (-DPy_BUILD_CORE). Do not edit; rerun the script (`--check` verifies it).",
        "// Every field of interest is listed, also those only the docs and tests refer to.",
        "#![allow(dead_code)]",
        "",
    ]
    for key in ["SIZE", "ALIGN", "SMALL_INT_SIZE", "BYTES_CHAR_STRIDE", "ASCII_STRIDE",
                "LATIN1_STRIDE", "INTERP_SIZE"]:
        out.append(f"pub(crate) const {key}: usize = {scalars[key]};")
    out.append("")
    out.append("/// Offsets of `_PyRuntimeState` fields.")
    for name, member in FIELDS:
        out.append(f"/// `{member}`")
        out.append(f"pub(crate) const OFF_{name}: usize = {scalars[name]};")
    out.append("")
    out.append("/// The global strings (`_Py_STR(name)`, `_Py_ID(name)`): offset in `_PyRuntime`, text.")
    out.append("pub(crate) static GLOBAL_STRINGS: [(usize, &str); %d] = [" % (len(lits) + len(ids)))
    for name, text in lits:
        out.append(f"    ({offsets[('L', name)]}, {rust_literal(text)}),")
    for name in ids:
        out.append(f"    ({offsets[('I', name)]}, \"{name}\"),")
    out.append("];")
    return "\n".join(out) + "\n"


def main():
    inc = include_dir()
    lits, ids = global_strings(inc)
    scalars, offsets = measure(lits, ids)
    text = render(scalars, offsets, lits, ids)
    if "--check" in sys.argv:
        current = open(OUT).read() if os.path.exists(OUT) else ""
        if current != text:
            print(f"{OUT} is stale: run python3 tools/gen_pyruntime_layout.py", file=sys.stderr)
            return 1
        print("pyruntime layout table up to date")
        return 0
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {OUT} ({len(lits)} literals, {len(ids)} identifiers, size {scalars['SIZE']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
