/* CPython 3.11's cpython/pyfpe.h: the floating-point exception guards of the removed
 * --with-fpectl build, kept as no-ops because old extensions still write them. */
#ifndef Py_LIMITED_API
#ifndef Py_PYFPE_H
#define Py_PYFPE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyFPE_START_PROTECT(err_string, leave_stmt)
#define PyFPE_END_PROTECT(v)

#endif /* !Py_PYFPE_H */
#endif /* !Py_LIMITED_API */
