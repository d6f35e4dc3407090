# At exit, objects held by module globals are finalized in CPython's order and see what
# they see there: sys.modules entries become None, the main module's cycles are collected
# while its globals (and sys) still work, and the modules still alive afterwards have their
# globals set to None (one-underscore names first).
import sys
import types
import logging

GLOBAL = "main global"


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, GLOBAL, sys.is_finalizing(), logging.INFO, flush=True)


a = Noisy("a")
_b = Noisy("_b")
z = Noisy("z")


class Cycle:
    def __del__(self):
        print("del cycle", GLOBAL, flush=True)


c = Cycle()
c.self = c
del c

# A module that outlives the teardown of sys.modules (sys keeps it, and sys is wiped last):
# its globals become None, one-underscore names first.
keeper = types.ModuleType("shutdown_keeper")
exec(
    "import sys\n"
    "VALUE = 'keeper value'\n"
    "_hidden = 'keeper hidden'\n"
    "class Watch:\n"
    "    def __del__(self):\n"
    "        print('del watch', repr(VALUE), repr(_hidden), flush=True)\n"
    "watch = Watch()\n",
    keeper.__dict__,
)
sys.modules["shutdown_keeper"] = keeper
sys.kept_module = keeper
del keeper
print("end of script", sys.is_finalizing())
