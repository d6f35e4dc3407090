/* Hand-written macros and static inline functions of CPython 3.11's abstract.h (the
 * parts of the object layer: the vectorcall argument-count decoding;
 * PY_VECTORCALL_ARGUMENTS_OFFSET itself is generated from src/object/slots.rs). */
#ifndef FERROPY_ABSTRACT_H
#define FERROPY_ABSTRACT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Deleting an attribute is setting it to NULL (functions only from 3.13 on). */
#define PyObject_DelAttrString(O, A) PyObject_SetAttrString((O), (A), NULL)
#define PyObject_DelAttr(O, A) PyObject_SetAttr((O), (A), NULL)

#ifndef Py_LIMITED_API
/* The positional argument count of a vectorcall's `nargsf`. */
static inline Py_ssize_t
PyVectorcall_NARGS(size_t n)
{
    return n & ~PY_VECTORCALL_ARGUMENTS_OFFSET;
}
#endif

#endif /* FERROPY_ABSTRACT_H */
