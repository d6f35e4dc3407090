# `from m import *` without `__all__` skips names starting with "_" (ASCII or not after
# it, non-ASCII names kept); with `__all__` it takes exactly those. Module attribute
# misses: AttributeError messages, hasattr and getattr's default.
import sys
import types

m = types.ModuleType("star_src")
for name in ["plain", "_single", "__dunder__", "é", "_é", "x_", "_", "__", "ünder_"]:
    setattr(m, name, name.upper())
sys.modules["star_src"] = m
ns = {}
exec("from star_src import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))

m.__all__ = ["_single", "é"]
ns = {}
exec("from star_src import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))

print(hasattr(m, "missing"), getattr(m, "missing", "default"), getattr(m, "é"))
for name in ["missing", "ünknown", "_x"]:
    try:
        getattr(m, name)
    except AttributeError as e:
        print(e)
try:
    getattr(types.ModuleType("anon_mod"), "q")
except AttributeError as e:
    print(e)
nameless = types.ModuleType("nameless")
del nameless.__name__
try:
    nameless.q
except AttributeError as e:
    print(e)
