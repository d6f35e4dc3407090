/* Hand-written macros of CPython 3.11's cpython/picklebufobject.h. */
#ifndef Py_LIMITED_API
#ifndef Py_PICKLEBUFOBJECT_H
#define Py_PICKLEBUFOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyPickleBuffer_Check(op) Py_IS_TYPE(op, &PyPickleBuffer_Type)

#endif /* !Py_PICKLEBUFOBJECT_H */
#endif /* !Py_LIMITED_API */
