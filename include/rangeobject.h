/* Range check (CPython 3.11's rangeobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_RANGEOBJECT_H
#define FERROPY_RANGEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyRange_Check(op) Py_IS_TYPE(op, &PyRange_Type)

#endif /* FERROPY_RANGEOBJECT_H */
