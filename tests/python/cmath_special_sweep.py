# Every cmath function over finite, signed-zero, infinite and NaN parts: the error each
# raises, or the class of each part of the result (finite, infinite, NaN): the
# floating-point flags are read only for non-finite arguments, and finite arguments still
# report overflow and poles. (Last-digit values and the signs next to NaN differ: glibc's
# functions are not CPython's.)
import cmath, math

parts = [0.0, -0.0, 1.5, -2.0, 710.0, -710.0, 1e308, math.inf, -math.inf, math.nan]
names = ["sqrt", "exp", "log", "log10", "acos", "asin", "atan", "cos", "sin", "tan",
         "acosh", "asinh", "atanh", "cosh", "sinh", "tanh"]

def show(x):
    return "n" if math.isnan(x) else "i" if math.isinf(x) else "f"

for name in names:
    fn = getattr(cmath, name)
    out = []
    for re in parts:
        for im in parts:
            try:
                r = fn(complex(re, im))
                out.append(show(r.real) + show(r.imag))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__[0])
    print(name, " ".join(out))
print(round(cmath.log(10, 100).real, 12), cmath.log(0j + 8, 2), cmath.phase(complex(-1, -0.0)), cmath.polar(complex(3, 4)))
for bad in (lambda: cmath.log(0), lambda: cmath.exp(complex(1000, 1)), lambda: cmath.atanh(1)):
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
