# math: every function of 3.11 on ordinary values, edge values (infinities, NaN, zeros,
# huge ints) and CPython's errors ("math domain error", "math range error", ...).
import math

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
vals = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 10.0, 1e-300, 1e300, 3, -7, math.inf, -math.inf, math.nan]
for name in ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'erf', 'erfc',
             'exp', 'exp2', 'expm1', 'fabs', 'log', 'log10', 'log1p', 'log2',
             'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees', 'radians', 'isfinite', 'isinf', 'isnan',
             'frexp', 'modf', 'ulp']:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
# cbrt, gamma and lgamma where libm and CPython's own code agree (see docs/coremods.md)
for name, xs in [('cbrt', [0.0, -0.0, 1.0, -1.0, 8.0, 1e300, math.inf, -math.inf, math.nan]),
                 ('gamma', [1.0, 2.0, 3, 10.0, 0.0, -1.0, -2, 200.0, math.inf, -math.inf, math.nan]),
                 ('lgamma', [1.0, 2.0, 0.0, -1.0, -3, 1e308, math.inf, -math.inf, math.nan])]:
    out = []
    for v in xs:
        try:
            out.append(repr(getattr(math, name)(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
for name in ['ceil', 'floor', 'trunc']:
    f = getattr(math, name)
    print(name, [f(v) for v in [0.5, -0.5, 2.0, -2.7, 1e20, 7, True]])
    show(name + ' inf', lambda: f(math.inf))
    show(name + ' nan', lambda: f(math.nan))
pairs = [(1.0, 2.0), (-1.0, 0.5), (0.0, -0.0), (2.0, 0.0), (math.inf, 1.0), (1.0, math.inf), (math.nan, 1.0),
         (-8.0, 1 / 3), (0.0, -1.0), (10.0, 400.0), (-math.inf, 3.0), (1.0, math.nan), (5.0, 3.0)]
for name in ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'nextafter']:
    f = getattr(math, name)
    out = []
    for a, b in pairs:
        try:
            out.append(repr(f(a, b)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
print(math.ldexp(0.75, 3), math.ldexp(1.0, -1080), math.ldexp(1.0, -10 ** 20), math.ldexp(math.inf, 5), math.ldexp(0.0, 10 ** 30))
show('ldexp overflow', lambda: math.ldexp(1, 5000))
show('ldexp float', lambda: math.ldexp(1, 1.5))
print(math.log(8, 2), math.log(100, 10), math.log(10 ** 400), math.log2(2 ** 2000), math.log10(10 ** 400), math.log(2 ** 1000, 2))
show('log 0', lambda: math.log(0))
show('log neg int', lambda: math.log(-(10 ** 400)))
show('log base 1', lambda: math.log(8, 1))
show('log 3 args', lambda: math.log(1, 2, 3))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isclose(a=1, b=1.05, rel_tol=0.1), math.isclose(math.nan, math.nan))
show('isclose neg', lambda: math.isclose(1, 1, rel_tol=-1))

# sums and norms
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(iter([0.5, 0.25])), math.fsum([math.inf, 1.0]), math.fsum([math.nan, 1]))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -100]), math.fsum([-0.0, -0.0]))
show('fsum inf', lambda: math.fsum([math.inf, -math.inf]))
show('fsum overflow', lambda: math.fsum([1e308, 1e308]))
show('fsum str', lambda: math.fsum(['a']))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=10), math.prod([1.5, 2]), math.prod(['ab'], start=1))
print(math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(), math.hypot(-5), math.hypot(1e300, 1e300), math.hypot(1e-300, 1e-300))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0.1, 0.2, 0.3), math.hypot(1, 1, 1, 1, 1))
print(math.dist((1, 2), (4, 6)), math.dist([0, 0, 0], [1, 1, 1]), math.dist((), ()), math.dist(iter([1.5]), [0.5]))
show('dist dims', lambda: math.dist([1], [1, 2]))
for xs in [(1.1, 2.2), (0.3, 0.4, 0.5), (12345.678, 0.001, 999.9), (1e-5, 3e-5, 7.77)]:
    print(math.hypot(*xs), math.dist(xs, [0] * len(xs)))

# integers
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(12, 18, -30), math.gcd(2 ** 100, 6 ** 50), math.gcd(0, 0))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 0), math.lcm(-3), math.lcm(2 ** 70, 3 ** 40) == 2 ** 70 * 3 ** 40, math.gcd(True, 4))
show('gcd float', lambda: math.gcd(1.5))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10 ** 20, 2 ** 200, 10 ** 100 - 1]])
show('isqrt neg', lambda: math.isqrt(-1))
show('isqrt float', lambda: math.isqrt(4.0))
print([math.factorial(n) for n in range(8)], len(str(math.factorial(1000))), math.factorial(30))
show('factorial neg', lambda: math.factorial(-1))
show('factorial float', lambda: math.factorial(5.0))
show('factorial huge', lambda: math.factorial(10 ** 20))
print(math.comb(10, 3), math.comb(5, 0), math.comb(5, 6), math.comb(100, 50), math.comb(10 ** 20, 2), math.comb(40, 38))
print(math.perm(5), math.perm(5, 2), math.perm(5, 0), math.perm(3, 5), math.perm(10 ** 20, 2), math.perm(6, None))
show('comb neg n', lambda: math.comb(-1, 2))
show('comb neg k', lambda: math.comb(1, -2))
show('perm neg', lambda: math.perm(-1))
show('comb float', lambda: math.comb(1.0, 1))
show('comb args', lambda: math.comb(1))

# conversions and errors
class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 3
class R:
    def __ceil__(self):
        return 'ceil'
    def __floor__(self):
        return 'floor'
    def __trunc__(self):
        return 'trunc'
print(math.sqrt(F()), math.sqrt(I()), math.ceil(R()), math.floor(R()), math.trunc(R()), math.sqrt(True), math.gcd(I(), 6))
show('sqrt str', lambda: math.sqrt('a'))
show('trunc str', lambda: math.trunc('a'))
show('floor str', lambda: math.floor('a'))
show('sqrt big', lambda: math.sqrt(10 ** 400))
show('exp big', lambda: math.exp(1000))
show('sqrt none', lambda: math.sqrt(None))
show('pow args', lambda: math.pow(1))
show('atan2 args', lambda: math.atan2(1, 2, 3))
print(math.sqrt.__doc__.splitlines()[0], math.__doc__.splitlines()[0])
