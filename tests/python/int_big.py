def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f100 = fact(100)
print(f100)
print(len(str(f100)), f100 % (10 ** 9 + 7), f100 // fact(98))
print(sum(int(c) for c in str(2 ** 1000)))
a = 3 ** 200
b = 7 ** 150
print(a // b, a % b, divmod(-a, b)[1] > 0)
print(pow(2, 10 ** 5, 10 ** 9 + 7))
print(hex(2 ** 130), oct(2 ** 70), bin(2 ** 20 - 1))
print(int("9" * 50) + 1 == 10 ** 50, -(10 ** 40) // 3)
g = 1
for x in (2 ** 64, 3 * 2 ** 40, 6 ** 30):
    a, b = g, x
    while b:
        a, b = b, a % b
    g = a if g == 1 else g
print(g)
