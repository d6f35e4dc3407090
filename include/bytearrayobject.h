/* Bytearray checks (CPython 3.11's bytearrayobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_BYTEARRAYOBJECT_H
#define FERROPY_BYTEARRAYOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyByteArray_Check(self) PyObject_TypeCheck(self, &PyByteArray_Type)
#define PyByteArray_CheckExact(self) Py_IS_TYPE(self, &PyByteArray_Type)

#ifndef Py_LIMITED_API
#  include "cpython/bytearrayobject.h"
#endif

#endif /* FERROPY_BYTEARRAYOBJECT_H */
