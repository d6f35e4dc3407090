"""The standard modules the import benches (py_import_cold.py, py_import_warm.py) import:
issue 10's list of 30. Not a bench itself (no `py_` prefix)."""
MODULES = [
    "os", "re", "json", "collections", "functools", "itertools", "operator", "math",
    "random", "string", "textwrap", "enum", "typing", "abc", "contextlib", "copy", "heapq",
    "bisect", "datetime", "shutil", "glob", "fnmatch", "argparse", "warnings",
    "dataclasses", "struct", "pathlib", "tempfile", "logging", "traceback",
]
