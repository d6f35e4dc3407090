class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"

print(Box[int])
print(Box["x", 1])

class Sub(Box): pass
print(Sub[float])

print(list[int], dict[str, list[int]])
print(type(list[int]).__name__)
try:
    object[int]
except TypeError as e:
    print("TypeError:", e)
