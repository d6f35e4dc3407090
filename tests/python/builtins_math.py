print(abs(-3), abs(2.5), round(2.567, 2), round(7), divmod(20, 6), pow(2, 8), pow(2, 8, 10))
print(sum([1, 2, 3]), sum([[1], [2]], []), sum(range(5), 10), sum([0.5, 0.25]))
print(min(3, 1, 2), max("abc"), min([], default="empty"), max([1, 5, 3], key=lambda v: -v))
print(min((2, "b"), (1, "c")), max({"a": 3, "b": 1}, key=lambda k: {"a": 3, "b": 1}[k]))
print(bin(10), oct(64), hex(255), hex(-1), bin(-5))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
