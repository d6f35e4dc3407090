class Default: pass
d = repr(Default())
print(d.startswith("<__main__.Default object at 0x"), d.endswith(">"))

class R:
    def __repr__(self): return "R()"
print(R(), str(R()), [R()], f"{R()}", "%s %r" % (R(), R()))

class S:
    def __str__(self): return "S-str"
print(str(S()), repr(S()).startswith("<__main__.S"), format(S()), f"{S()!s}")

class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)

class Recursive(list):
    pass
r = Recursive([1])
r.append(r)
print(r)
d = {"self": None}
d["self"] = d
print(d)
