def f(n):
    return f(n + 1) + 1

print("before")
f(0)
