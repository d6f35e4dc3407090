/* Hand-written macros of CPython 3.11's cpython/pytime.h. _PyTime_t,
 * _PyTime_round_t and _Py_clock_info_t come from ferropy_generated.h (src/runtime/time.rs). */
#ifndef Py_LIMITED_API
#ifndef Py_PYTIME_H
#define Py_PYTIME_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* The range of _PyTime_t (int64_t nanoseconds, about +-292 years). */
#define _PyTime_MIN INT64_MIN
#define _PyTime_MAX INT64_MAX
#define _SIZEOF_PYTIME_T 8

/* Timeouts round away from zero, so that a wait is never shorter than asked. CPython
 * makes this an enumerator equal to _PyTime_ROUND_UP. */
#define _PyTime_ROUND_TIMEOUT _PyTime_ROUND_UP

/* Seconds to a timestamp, without an overflow check: only for small constants. */
#define _PYTIME_FROMSECONDS(seconds) \
            ((_PyTime_t)(seconds) * (1000 * 1000 * 1000))

#endif /* !Py_PYTIME_H */
#endif /* !Py_LIMITED_API */
