/* Iterator checks (CPython 3.11's iterobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_ITEROBJECT_H
#define FERROPY_ITEROBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PySeqIter_Check(op) Py_IS_TYPE(op, &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE(op, &PyCallIter_Type)

#endif /* FERROPY_ITEROBJECT_H */
