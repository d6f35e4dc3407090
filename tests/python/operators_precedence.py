print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, not 1 == 2, 1 + 2 < 4)
print(1 | 2 ^ 3 & 4, 1 << 2 + 1, 10 - 2 - 3, 100 / 10 / 5, 2 * 3 % 4, -7 // 2 * 2)
print(not True or True, not (True or True), True or False and False, (True or False) and False)
print(1 if 0 else 2 if 0 else 3, [1, 2][0] + 1, "a" "b" * 2, -(-(-1)))
x = [1, 2, 3]
print(x[1:] + x[:1], x * 2 == x + x, 3 in x and 4 not in x)
print((lambda: 0 if False else 1).__name__, (lambda: 0 if False else 1)())
