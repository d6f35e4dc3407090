/* CPython 3.11's fileutils.h: it has no macro; declarations
 * come from ferropy_generated.h. */
#ifndef Py_FILEUTILS_H
#define Py_FILEUTILS_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* Py_FILEUTILS_H */
