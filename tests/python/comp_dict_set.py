words = ["apple", "bob", "cat", "apple", "dog"]
d = {w: len(w) for w in words}
print(sorted(d.items()))
print(sorted({len(w) for w in words}))
print({k: v for k, v in zip(range(3), "xyz")})
print({i: {j: i * j for j in range(3)} for i in range(2)})
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
print(sorted({c.upper() for c in "hello"}))
