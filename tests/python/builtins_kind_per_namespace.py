# __builtins__ is the builtins module in __main__, the builtins dict in imported modules and
# in namespaces exec() fills; a function's __builtins__ is always the dict.
import importlib, os, sys, tempfile
print("main", type(__builtins__).__name__)
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "kind_probe_mod.py"), "w") as f:
        f.write("KIND = type(__builtins__).__name__\ndef f(): pass\nSAME = f.__builtins__ is __builtins__\n")
    sys.path.insert(0, d)
    m = importlib.import_module("kind_probe_mod")
    print("imported", m.KIND, m.SAME)
g = {}
exec("k = type(__builtins__).__name__", g)
print("exec", g["k"], g["__builtins__"] is vars(__builtins__))
def f(): pass
print("function", type(f.__builtins__).__name__)
