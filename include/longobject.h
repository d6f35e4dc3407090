/* Int checks and helper macros (CPython 3.11's longobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_LONGOBJECT_H
#define FERROPY_LONGOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyLong_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE(op, &PyLong_Type)

#define PyLong_AS_LONG(op) PyLong_AsLong(op)

/* pid_t is an int on x86_64 Linux (SIZEOF_PID_T == SIZEOF_INT). */
#define _Py_PARSE_PID "i"
#define PyLong_FromPid PyLong_FromLong
#define PyLong_AsPid PyLong_AsLong

/* Pointers are longs on LP64. */
#define _Py_PARSE_INTPTR "l"
#define _Py_PARSE_UINTPTR "k"

#ifndef Py_LIMITED_API
#  include "cpython/longobject.h"
#endif

#endif /* FERROPY_LONGOBJECT_H */
