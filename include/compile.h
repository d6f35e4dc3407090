/* CPython 3.11's compile.h. The Py_*_input start symbols come from
 * ferropy_generated.h (src/compiler/flags.rs). */
#ifndef Py_COMPILE_H
#define Py_COMPILE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_COMPILE_H
#  include "cpython/compile.h"
#  undef Py_CPYTHON_COMPILE_H
#endif

#endif /* !Py_COMPILE_H */
