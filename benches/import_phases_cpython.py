"""CPython side of the warm-import phase split in docs/import.md: CPU time spent in
importlib's own steps while importing the bench modules. Not a bench (no `py_` prefix).

    /usr/bin/python3.11 -S benches/import_phases_cpython.py benches
"""
import sys, time
import _frozen_importlib_external as ext
import _frozen_importlib as boot
clock = time.process_time
acc = {"find": 0.0, "read": 0.0, "unmarshal": 0.0, "stat": 0.0}
def wrap(owner, attr, key):
    orig = getattr(owner, attr)
    def f(*a, **k):
        t = clock()
        try:
            return orig(*a, **k)
        finally:
            acc[key] += clock() - t
    setattr(owner, attr, f)
wrap(ext.FileLoader, "get_data", "read")
wrap(ext.SourceFileLoader, "path_stats", "stat")
wrap(ext, "_compile_bytecode", "unmarshal")
# find_spec of every meta path finder (exclusive of nothing: finders don't import)
wrap(ext.PathFinder, "find_spec", "find")
wrap(boot.BuiltinImporter, "find_spec", "find")
wrap(boot.FrozenImporter, "find_spec", "find")
sys.path.insert(0, sys.argv[1])
from import_bench_modules import MODULES
t0 = clock()
for name in MODULES:
    __import__(name)
total = clock() - t0
rest = total - sum(acc.values())
print(f"total {total*1e3:.1f} ms: " + ", ".join(f"{k} {v*1e3:.1f}" for k, v in acc.items()) + f", exec+other {rest*1e3:.1f}")
