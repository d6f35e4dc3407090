# exec(code, globals, closure=cells): the code runs bound to the given cells; the checks and messages.
from types import CellType
def function_without_closures():
    return 3 * 5
def make():
    result = 0
    a = 2
    b = 3
    def three():
        nonlocal result, a, b
        result = a*b
    return three
three = make()
print(three.__code__.co_freevars, len(three.__closure__))
exec(three.__code__, three.__globals__, closure=three.__closure__)
print("smoke", three.__closure__[2].cell_contents if len(three.__closure__)>2 else three.__closure__)
my_closure = (CellType(35), CellType(72), three.__closure__[2])
exec(three.__code__, three.__globals__, closure=my_closure)
print("manual", my_closure[2].cell_contents)
try:
    exec(function_without_closures.__code__, function_without_closures.__globals__, closure=my_closure)
except TypeError as e: print("TE", e)
for bad in [None, (1,2,3), [1], (CellType(1),)]:
    try:
        exec(three.__code__, three.__globals__, closure=bad); print("ok?", bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try:
    exec("a = b + 1", {}, closure=my_closure)
except TypeError as e: print("TE", e)
