/* Hand-written macros of CPython 3.11's pymath.h: mathematical constants and
 * floating-point classification. */
#ifndef Py_PYMATH_H
#define Py_PYMATH_H

/* Constants with more digits than a double holds, so that long double users get them
 * right too; each can be overridden by defining it before Python.h. */
#ifndef Py_MATH_PIl
#define Py_MATH_PIl 3.1415926535897932384626433832795029L
#endif
#ifndef Py_MATH_PI
#define Py_MATH_PI 3.14159265358979323846
#endif
#ifndef Py_MATH_El
#define Py_MATH_El 2.7182818284590452353602874713526625L
#endif
#ifndef Py_MATH_E
#define Py_MATH_E 2.7182818284590452354
#endif
#ifndef Py_MATH_TAU
#define Py_MATH_TAU 6.2831853071795864769252867665590057683943L
#endif

/* C99 classification (pyport.h includes <math.h>). */
#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)

#ifndef Py_HUGE_VAL
#  define Py_HUGE_VAL HUGE_VAL
#endif

/* A quiet NaN as a constant expression. */
#if !defined(Py_NAN)
#  if defined(__GNUC__) || defined(__clang__)
#    define Py_NAN (__builtin_nan(""))
#  else
#    define Py_NAN ((double)NAN)
#  endif
#endif

#endif /* Py_PYMATH_H */
