/* CPython 3.11 enumobject.h declares only PyEnum_Type and PyReversed_Type (generated).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_ENUMOBJECT_H
#define FERROPY_ENUMOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#endif /* FERROPY_ENUMOBJECT_H */
