/* Py_complex and PyComplexObject (CPython 3.11's cpython/complexobject.h): all generated, nothing hand-written.
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_COMPLEXOBJECT_H
#define FERROPY_CPYTHON_COMPLEXOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_CPYTHON_COMPLEXOBJECT_H */
