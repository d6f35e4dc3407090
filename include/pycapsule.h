/* Hand-written macros of CPython 3.11's pycapsule.h. PyCapsule_Destructor comes from
 * ferropy_generated.h (src/runtime/capsule.rs). */
#ifndef Py_CAPSULE_H
#define Py_CAPSULE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyCapsule_CheckExact(op) Py_IS_TYPE(op, &PyCapsule_Type)

#endif /* !Py_CAPSULE_H */
