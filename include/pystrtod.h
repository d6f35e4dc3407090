/* CPython 3.11's pystrtod.h: the Py_DTSF_* and Py_DTST_* constants come from
 * ferropy_generated.h (src/runtime/strtod.rs). */
#ifndef Py_STRTOD_H
#define Py_STRTOD_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* !Py_STRTOD_H */
