ns = {}
exec("x = 5\ny = x * 2", ns)
print(ns["x"], ns["y"], "__builtins__" in ns)
print(eval("x + y", ns), eval("a * 2", {"a": 21}), eval("  1 + 1"))
code = compile("z = 3", "<string>", "exec")
exec(code, ns)
print(ns["z"], type(code).__name__, code.co_filename)
e = compile("40 + 2", "<expr>", "eval")
print(eval(e))
loc = {}
exec("def f(): return 'from exec'", {}, loc)
print(loc["f"]())
try:
    eval("1 +")
except SyntaxError as err:
    print("SyntaxError:", err.msg)
try:
    exec("x = ")
except SyntaxError as err:
    print("SyntaxError:", err.msg, err.lineno)
try:
    compile("x", "f", "bogus")
except ValueError as err:
    print("ValueError:", err)
g = {"v": 1}
exec("global v\nv = 2", g)
print(g["v"], eval("[i for i in range(3)]"))
