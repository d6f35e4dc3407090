# Dict lookups with int keys that are equal to a stored key but other objects (`d[i % 1000]`
# after `i % 1000` made a new int): compared by value without the rich comparison; ints of
# other types (bool, subclasses) and floats still compare through `__eq__`.
d = {}
for i in range(3000):
    k = i % 1000 + 10**6  # not a cached small int: a new object each time
    d[k] = d.get(k, 0) + 1
print(len(d), d[10**6], d[10**6 + 999], min(d), max(d))

big = {2**100 + i: i for i in range(5)}
print(big[2**100 + 3], (2**100 + 3) in big, (2**100 + 5) in big, big.get(2**101))

neg = {-(10**9) - i: i for i in range(5)}
print(neg[-(10**9) - 4], -(10**9) in neg, (10**9) in neg)

# 0, 1 and True/False, 1.0: equal keys of other types find the stored one.
mixed = {1: "one", 0: "zero", 2**40: "big"}
print(mixed[True], mixed[False], mixed[1.0], mixed[float(2**40)])
mixed[True] = "true"
print(mixed, len(mixed))


class MyInt(int):
    eq_calls = 0

    def __eq__(self, other):
        MyInt.eq_calls += 1
        return int(self) == other

    __hash__ = int.__hash__


sub = {MyInt(12345): "sub"}
print(sub[12345], 12345 in sub, MyInt.eq_calls > 0)
plain = {12345: "plain"}
print(plain[MyInt(12345)])

# Same hash, different value: -1 and -2 hash alike in CPython.
clash = {-1: "m1", -2: "m2"}
print(clash[-1], clash[-2], hash(-1) == hash(-2))
k1 = int("-1")
k2 = int("-2")
print(clash[k1], clash[k2])

# Multi-digit ints that differ in a high digit only.
a = 3 * 2**60 + 5
b = 2 * 2**60 + 5
hd = {a: "a", b: "b"}
print(hd[int(str(a))], hd[int(str(b))], hd.get(int(str(a + 2**30))))
