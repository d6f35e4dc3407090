# Importing 30 standard modules with the bytecode cache filled (the runner runs it with -S;
# the first round fills the cache). Checksum: how many imported.
import sys
from import_bench_modules import MODULES

for name in MODULES:
    __import__(name)
print(sum(name in sys.modules for name in MODULES))
