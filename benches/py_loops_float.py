# Float loops: a numeric integration and a polynomial evaluation, all floats.
def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    x = a
    for _ in range(1, n):
        x += h
        s += f(x)
    return s * h

def poly(x):
    return ((3.5 * x - 2.25) * x + 0.75) * x - 1.0

def horner_sum(n):
    acc = 0.0
    x = 0.0
    while x < n:
        acc += poly(x * 0.001) * 0.5
        x += 1.0
    return acc

r = integrate(poly, 0.0, 2.0, 700_000) + horner_sum(700_000)
print(f"{r:.6e}")
