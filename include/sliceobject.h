/* Slice and Ellipsis macros (CPython 3.11's sliceobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_SLICEOBJECT_H
#define FERROPY_SLICEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define Py_Ellipsis (&_Py_EllipsisObject)

#define PySlice_Check(op) Py_IS_TYPE(op, &PySlice_Type)

/* The macro form (3.5.4+/3.6.1+) avoids the ABI of the function of the same name: it
 * unpacks, then clamps to the sequence length. */
#if !defined(Py_LIMITED_API) || (Py_LIMITED_API+0 >= 0x03050400 && Py_LIMITED_API+0 < 0x03060000) || Py_LIMITED_API+0 >= 0x03060100
#define PySlice_GetIndicesEx(slice, length, start, stop, step, slicelen) (  \
    PySlice_Unpack((slice), (start), (stop), (step)) < 0 ?                  \
    ((*(slicelen) = 0), -1) :                                               \
    ((*(slicelen) = PySlice_AdjustIndices((length), (start), (stop), *(step))), \
     0))
#endif

#endif /* FERROPY_SLICEOBJECT_H */
