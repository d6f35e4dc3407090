def f():
    values = [1, 4, 9, 16]
    found = [root for v in values if (root := int(v ** 0.5)) % 2 == 0]
    return found, root
print(f())
data = {"a": 1, "b": 2}
if (val := data.get("b")) is not None:
    print("got", val)
print([(y := y + 1 if "y" in dir() else 0) for _ in range(0)], "done")
total = 0
print([total := total + x for x in range(1, 5)], total)
