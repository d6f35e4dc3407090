# dict(d) / d.update(e) / {**e} of a dict subclass that iterates its own way go through its
# keys() (bpo-34320), so the order is the subclass's.
class CustomReversedDict(dict):
    def keys(self):
        return reversed(list(dict.keys(self)))

    __iter__ = keys

    def items(self):
        return reversed(dict.items(self))


d = CustomReversedDict([("a", 1), ("b", 2), ("c", 3)])
print(list(dict(d).items()))
e = {}
e.update(d)
print(list(e.items()))
print(list({**d}.items()))


class Plain(dict):
    pass


print(list(dict(Plain([("x", 1), ("y", 2)])).items()))
