print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="")
print(" <- continued")
print()
print(1, 2.5, None, [1], {"k": "v"}, (1,), sep=" | ", end=" END\n")
print(*range(5))
print("x", sep=None, end=None)
print("flushed", flush=True)
try:
    print("bad", sep=5)
except TypeError as e:
    print("TypeError:", e)
class S:
    def __str__(self): return "custom __str__"
    def __repr__(self): return "custom __repr__"
print(S(), [S()], repr(S()), str(S()), f"{S()!r}")
