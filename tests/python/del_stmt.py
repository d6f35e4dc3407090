x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)

lst = list(range(10))
del lst[0], lst[-1]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"]
print(d)
class O: pass
o = O(); o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del (a, b)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)

def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
t = [1, [2, 3]]
del t[1][0]
print(t)
