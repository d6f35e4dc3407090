# _imp: the low-level functions importlib._bootstrap calls (issue 10).
import sys
import _imp

names = ["acquire_lock", "create_builtin", "create_dynamic", "exec_builtin", "exec_dynamic",
         "extension_suffixes", "find_frozen", "get_frozen_object", "init_frozen", "is_builtin",
         "is_frozen", "is_frozen_package", "lock_held", "release_lock", "source_hash",
         "_fix_co_filename", "_frozen_module_names"]
print([n for n in names if not hasattr(_imp, n)], _imp.check_hash_based_pycs, _imp.__doc__)
print(_imp.is_builtin("sys"), _imp.is_builtin("builtins"), _imp.is_builtin("_thread"),
      _imp.is_builtin("posix"), _imp.is_builtin("os"), _imp.is_builtin("no_such"))
print(_imp.extension_suffixes())

def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

# the import lock
print(_imp.lock_held())
attempt(_imp.release_lock)
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
attempt(_imp.release_lock)

# frozen modules: none by these names
print(_imp.is_frozen("no_such"), _imp.find_frozen("no_such"))
attempt(lambda: _imp.get_frozen_object("no_such"))
attempt(lambda: _imp.init_frozen("no_such"))
attempt(lambda: _imp.is_frozen_package("no_such"))
attempt(lambda: _imp.is_frozen(5))
attempt(lambda: _imp.is_builtin(5))

# builtin modules
class Spec:
    def __init__(self, name):
        self.name = name
m = _imp.create_builtin(Spec("sys"))
print(m is sys)
print(_imp.create_builtin(Spec("no_such")))
t = _imp.create_builtin(Spec("_thread"))
print(type(t).__name__, t.__name__, hasattr(t, "allocate_lock"))
print(_imp.exec_builtin(t), _imp.exec_dynamic(sys))
attempt(lambda: _imp.create_builtin(5))
attempt(lambda: _imp.create_builtin(Spec(5)))

# source_hash
print(_imp.source_hash(3495, b"abc"), _imp.source_hash(key=-1, source=bytearray(b"")))
print(_imp.source_hash(2**63 - 1, memoryview(b"x" * 100)))
attempt(lambda: _imp.source_hash(1, "text"))
attempt(lambda: _imp.source_hash("1", b""))
attempt(lambda: _imp.source_hash(1))

# _fix_co_filename renames the code and the code objects nested in it
co = compile("def f():\n    def g(): pass\n    return g\n", "old.py", "exec")
_imp._fix_co_filename(co, "new.py")
inner = [c for c in co.co_consts if hasattr(c, "co_code")][0]
nested = [c for c in inner.co_consts if hasattr(c, "co_code")][0]
print(co.co_filename, inner.co_filename, nested.co_filename)
attempt(lambda: _imp._fix_co_filename(5, "x"))
attempt(lambda: _imp._fix_co_filename(co, 5))
