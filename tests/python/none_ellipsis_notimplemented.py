print(None is None, None == None, None != 0, type(None)(), repr(None), str(None), bool(None))
print(..., Ellipsis is ..., type(...)(), repr(...))
print(NotImplemented, type(NotImplemented)(), bool(NotImplemented) if False else "skip")
def f(): pass
print(f() is None, [None] * 2, {None: None})
try:
    None + 1
except TypeError as e:
    print("TypeError:", e)
try:
    None.x = 1
except AttributeError as e:
    print("AttributeError:", e)
