def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

for i, v in enumerate(fib()):
    if i == 300:
        print(v)
        break
evens = [v for _, v in zip(range(30), fib()) if v % 2 == 0]
print(evens)
print(sum(v for _, v in zip(range(1000), fib())) % 10 ** 12)
