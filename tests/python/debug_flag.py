print(__debug__, type(__debug__).__name__)
def f():
    if __debug__:
        return "debug"
    return "optimized"
print(f())
try:
    exec("__debug__ = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("__debug__"))
