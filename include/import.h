/* Hand-written macros of CPython 3.11's import.h. */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* The old five-argument import, always absolute (level 0). */
#define PyImport_ImportModuleEx(n, g, l, f) \
    PyImport_ImportModuleLevel(n, g, l, f, 0)

#endif /* !Py_IMPORT_H */
