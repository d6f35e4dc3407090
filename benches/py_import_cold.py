# Importing 30 standard modules with no bytecode cache: the runner runs it with -S -B and
# PYTHONPYCACHEPREFIX set to a new empty directory each run, so every module is compiled
# (on both sides). Checksum: how many imported.
import sys
from import_bench_modules import MODULES

for name in MODULES:
    __import__(name)
print(sum(name in sys.modules for name in MODULES))
