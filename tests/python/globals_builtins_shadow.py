print(len("abc"))
len = lambda x: "shadowed"
print(len("abc"))
del len
print(len("abc"))

def uses_builtin():
    return max([1, 5, 2])
max = min
print(uses_builtin())
del max
print(uses_builtin())
print(type(__builtins__).__name__ in ("module", "dict"))
print(__name__)
