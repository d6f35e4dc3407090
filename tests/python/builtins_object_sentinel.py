MISSING = object()
def get(d, k, default=MISSING):
    if k in d:
        return d[k]
    if default is MISSING:
        raise KeyError(k)
    return default
print(get({"a": 1}, "a"), get({}, "b", None))
try:
    get({}, "c")
except KeyError as e:
    print("KeyError:", e)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(type(o).__name__, o == o, o != object(), isinstance(o, object), object.__name__)
print(NotImplemented, Ellipsis, ... is Ellipsis, type(None).__name__, None.__class__.__name__)
