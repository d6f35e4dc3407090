print(__name__, type(__builtins__).__name__ in ("module", "dict"), __doc__)
print(__spec__ is None or __spec__.name, __package__, __loader__ is not None or __loader__ is None)
import builtins
print(builtins.len is len, builtins.__name__, hasattr(builtins, "print"))
builtins.my_global_builtin = "visible everywhere"
print(my_global_builtin)
del builtins.my_global_builtin
