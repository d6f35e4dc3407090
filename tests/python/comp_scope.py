class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * k for v in vals for k in vals]
        ok = "nested iter uses class name: fine at first level only"
    except NameError as e:
        ok = "NameError"
print(C.doubled, C.ok)

def f():
    n = 10
    return [n + i for i in range(3)]
print(f())

def g():
    return [lambda: i for i in range(3)]
print([h() for h in g()])

total = 0
[total := total + v for v in range(5)]
print(total)
