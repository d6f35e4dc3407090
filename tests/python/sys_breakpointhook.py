# sys.breakpointhook: $PYTHONBREAKPOINT chooses the hook ("0" disables it, an unimportable
# name warns and returns None); breakpoint() calls sys.breakpointhook; sys.stdlib_module_names.
import os
import sys
import warnings

print(sys.breakpointhook is sys.__breakpointhook__)
for value in ["0", "builtins.print", "print", "nosuch.module.fn", "os.nosuch", "nodots_here"]:
    os.environ["PYTHONBREAKPOINT"] = value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = sys.breakpointhook(1, 2, sep="-")
    print(repr(value), repr(result), [(w.category.__name__, str(w.message)) for w in caught])

os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint("via", "breakpoint()")


def my_hook(*args, **kws):
    print("my hook", args, sorted(kws.items()))
    return "hooked"


sys.breakpointhook = my_hook
print(breakpoint(1, x=2))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError", e)
sys.breakpointhook = sys.__breakpointhook__

names = sys.stdlib_module_names
print(type(names).__name__, len(names) > 250)
print(sorted(n for n in ["os", "sys", "re", "json", "asyncio", "numpy", "_io", "ferropy", "this"] if n in names))

# ("..": importing "." is ValueError here, ModuleNotFoundError in CPython: a known gap.)
for value in [".", ".foo", "foo.", ".int", "int.", ".foo.bar", "/./", "nosuchbuiltin"]:
    os.environ["PYTHONBREAKPOINT"] = value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = sys.breakpointhook()
    print(repr(value), repr(result), [str(w.message) for w in caught])
