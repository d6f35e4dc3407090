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

/* The sequence and mapping protocols' macros (CPython 3.11's abstract.h and
 * cpython/abstract.h). The *_Length names are also functions, for the ABI. */
#define PyObject_Length PyObject_Size
#define PySequence_Length PySequence_Size
#define PyMapping_Length PyMapping_Size
#define PyMapping_DelItemString(O, K) PyObject_DelItemString((O), (K))
#define PyMapping_DelItem(O, K) PyObject_DelItem((O), (K))

#ifndef Py_LIMITED_API
/* On the result of PySequence_Fast (a list or a tuple), without checks. */
#define PySequence_Fast_GET_SIZE(o) \
    (PyList_Check(o) ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o))
#define PySequence_Fast_GET_ITEM(o, i) \
    (PyList_Check(o) ? PyList_GET_ITEM((o), (i)) : PyTuple_GET_ITEM((o), (i)))
#define PySequence_Fast_ITEMS(sf) \
    (PyList_Check(sf) ? ((PyListObject *)(sf))->ob_item \
                      : ((PyTupleObject *)(sf))->ob_item)
/* Item i of a sequence, without checks: sq_item must exist and i must be non-negative. */
#define PySequence_ITEM(o, i) ( Py_TYPE(o)->tp_as_sequence->sq_item((o), (i)) )
#endif

#endif /* FERROPY_ABSTRACT_H */
