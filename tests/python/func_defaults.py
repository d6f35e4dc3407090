def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)

print(f(1))
print(f(1, 3))
print(f(b=5, a=0))
print(f(7))  # the shared default list grows

def g(x=10, *, y=20):
    return x + y
print(g(), g(1), g(y=1), g(1, y=2))
print(f.__defaults__[:2], g.__kwdefaults__)

try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, a=2)
except TypeError as e:
    print("TypeError:", e)
