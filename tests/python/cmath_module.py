# The cmath module: every function on CPython's own test vectors (Lib/test/cmath_testcases.txt:
# C99 Annex G special values for infinite, NaN and signed-zero arguments, and which raise
# ValueError/OverflowError), the error messages, argument conversion, log with a base,
# polar/rect/phase, the is* predicates, isclose and the constants.
import cmath, math, os, test
from test.test_math import parse_testfile


def norm(x):
    # 12 digits: the C library's last-bit rounding may differ from CPython's own formulas.
    if isinstance(x, float):
        return f'{x:.12g}'
    if isinstance(x, complex):
        return f'({x.real:.12g}, {x.imag:.12g}j)'
    if isinstance(x, tuple):
        return '(' + ', '.join(map(norm, x)) + ')'
    return repr(x)


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(norm(r))


def close(a, b):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b) or (a == 0 and b == 0):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return abs(a - b) <= max(1e-15, 1e-12 * abs(a))


path = os.path.join(os.path.dirname(test.__file__), 'cmath_testcases.txt')
bad = count = 0
for id, fn, ar, ai, er, ei, flags in parse_testfile(path):
    count += 1
    try:
        if fn == 'rect':
            act = cmath.rect(ar, ai)
        elif fn == 'polar':
            act = complex(*cmath.polar(complex(ar, ai)))
        else:
            act = getattr(cmath, 'log10' if fn == 'logt' else fn)(complex(ar, ai))
    except (ValueError, OverflowError) as e:
        want = OverflowError if 'overflow' in flags else ValueError if ('invalid' in flags or 'divide-by-zero' in flags) else None
        if type(e) is not want or str(e) != ('math range error' if want is OverflowError else 'math domain error'):
            print(id, fn, ar, ai, 'unexpected', type(e).__name__, e)
            bad += 1
        continue
    if 'overflow' in flags or 'invalid' in flags or 'divide-by-zero' in flags:
        print(id, fn, ar, ai, 'no error for', flags)
        bad += 1
        continue
    rr, ri = act.real, act.imag
    if 'ignore-real-sign' in flags:
        er, rr = abs(er), abs(rr)
    if 'ignore-imag-sign' in flags:
        ei, ri = abs(ei), abs(ri)
    if not (close(er, rr) and close(ei, ri)):
        print(id, fn, ar, ai, 'expected', complex(er, ei), 'got', act)
        bad += 1
print('cases', count, 'bad', bad)

# Constants.
print(cmath.pi == math.pi, cmath.e == math.e, cmath.tau == math.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(sorted(n for n in dir(cmath) if not n.startswith('_')))

# Arguments: complex, float, int, __complex__, __float__, __index__; bad types.
class C:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 0.5
class I:
    def __index__(self):
        return 2
for a in [1j, 2.0, 3, True, C(), F(), I(), 'x', None, b'1', [1]]:
    show(lambda: cmath.sqrt(a))
show(lambda: cmath.sqrt())
show(lambda: cmath.sqrt(1, 2))
show(lambda: cmath.rect(1))
show(lambda: cmath.rect(1j, 0))
show(lambda: cmath.rect('a', 0))

# log with a base and its error rules.
for args in [(8, 2), (1j, 1j), (100,), (2, 1), (0,), (1, 0), (0, 2), (1j, 0j), (-1,), (10, 10), (1, 2, 3), ()]:
    show(lambda: cmath.log(*args))
show(lambda: cmath.log10(0))
show(lambda: cmath.log10(-100))

# Errors and values.
for f, z in [(cmath.exp, 710), (cmath.exp, -1000), (cmath.cosh, 1000), (cmath.sinh, -1000), (cmath.tanh, 1000),
             (cmath.atanh, 1), (cmath.atanh, -1), (cmath.atan, 1j), (cmath.atan, -1j), (cmath.acos, 2),
             (cmath.asin, 2), (cmath.acosh, 0), (cmath.asinh, 1e300), (cmath.sqrt, -4), (cmath.sqrt, -0.0),
             (cmath.cos, complex(math.inf, 0)), (cmath.exp, complex(math.inf, math.inf)), (cmath.sin, 1e300j)]:
    show(lambda: f(z))
for z in [1 + 1j, -1, -0.0 - 0j, complex(-1, -0.0), complex(math.inf, math.nan), 1e308 + 1e308j]:
    show(lambda: cmath.phase(z))
    show(lambda: cmath.polar(z))
for r, phi in [(1, 0), (-1, 0), (2, math.pi / 2), (0, math.inf), (1, math.inf), (math.inf, 0), (math.inf, math.inf),
               (math.nan, 0), (-math.inf, 1), (1, math.nan)]:
    show(lambda: cmath.rect(r, phi))

# Predicates and isclose.
for z in [1j, complex(math.inf, 0), complex(0, math.nan), complex(math.nan, math.inf), 3]:
    print(cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
for args, kw in [((1j, 1j + 1e-10), {}), ((1j, 1j + 1e-8), {}), ((1, 1.1), {'rel_tol': 0.2}), ((0, 1e-10), {'abs_tol': 1e-9}),
                 ((complex(math.inf, 0), complex(math.inf, 0)), {}), ((complex(math.nan, 0),) * 2, {}),
                 ((1, 1), {'rel_tol': -1}), ((1, 2), {'abs_tol': -1}), ((1,), {}), ((1, 2, 3), {}), ((1, 'a'), {})]:
    show(lambda: cmath.isclose(*args, **kw))
