data = [1, 5, 12, 7, 20]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
stream = iter([3, 2, 1, 0, 9])
while (v := next(stream)) != 0:
    print("v", v)
print((total := 10) + total)
def f():
    if any((hit := x) > 10 for x in data):
        return hit
print(f())
print([last := i for i in range(3)], last)
