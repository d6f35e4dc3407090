class MyList(list):
    def sum(self): return sum(self)
    def __repr__(self): return "MyList" + super().__repr__()

class MyDict(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())

class MyStr(str):
    def shout(self): return self.upper() + "!"

class MyInt(int):
    def __add__(self, o): return MyInt(int(self) + int(o) + 1)

ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), type(ml[1:]).__name__, isinstance(ml, list))
md = MyDict(key=1)
print(md["KEY"], md.get("KEY"), type(md).__name__)
ms = MyStr("hey")
print(ms.shout(), ms + "x", type(ms + "x").__name__, ms == "hey")
mi = MyInt(1)
print(mi + 1, type(mi + 1).__name__, type(mi * 2).__name__)
class E(Exception):
    pass
print(E("x").args, isinstance(E(), BaseException))
