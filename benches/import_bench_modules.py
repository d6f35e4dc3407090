"""The standard modules the import benches (py_import_cold.py, py_import_warm.py) import:
issue 10's list less those that do not import on ferropy yet (dataclasses, struct,
pathlib, tempfile, logging, traceback: they need `_io.open`/`_struct`), made up to 30 with
other common ones. Not a bench itself (no `py_` prefix)."""
MODULES = [
    "os", "re", "json", "collections", "functools", "itertools", "operator", "math",
    "random", "string", "textwrap", "enum", "typing", "abc", "contextlib", "copy", "heapq",
    "bisect", "datetime", "shutil", "glob", "fnmatch", "argparse", "warnings",
    "types", "weakref", "calendar", "threading", "difflib", "optparse",
]
