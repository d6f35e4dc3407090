# Python source modules and packages found on sys.path (the script's directory is sys.path[0]).
import sys

import import_helpers.plain_mod as pm
print(pm.__name__, pm.NUMBER, pm.__doc__)
print(pm.bump(), pm.bump())
import import_helpers.plain_mod
print(import_helpers.plain_mod is pm, pm.calls)
print(sorted(k for k in sys.modules if k.startswith("import_helpers")))

from import_helpers import pkg
print(pkg.describe(), pkg.loaded)
from import_helpers.pkg import sub
print(sub.loaded_by, sub.total)
print(sub.__package__, pkg.__path__[0].endswith("pkg"), pm.__file__.endswith("plain_mod.py"))

try:
    import import_helpers.broken_mod
except ValueError as e:
    print("ValueError:", e)
print("import_helpers.broken_mod" in sys.modules)

try:
    import import_helpers.missing_mod
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)

try:
    from import_helpers.plain_mod import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
