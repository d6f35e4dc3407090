people = [("ann", 30), ("bob", 25), ("cid", 30), ("dan", 25), ("eve", 35)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1]))
l = [3, 1, 2]
r = l.sort()
print(r, l)
print(sorted([], key=len), sorted("Hello World".split(), key=str.lower))
try:
    sorted([1], key=5)
except TypeError as e:
    print("TypeError:", e)
