/* Memoryview checks and accessors (CPython 3.11's memoryobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_MEMORYOBJECT_H
#define FERROPY_MEMORYOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyMemoryView_Check(op) Py_IS_TYPE(op, &PyMemoryView_Type)

#ifndef Py_LIMITED_API
#define PyMemoryView_GET_BUFFER(op) (&((PyMemoryViewObject *)(op))->view)
#define PyMemoryView_GET_BASE(op) (((PyMemoryViewObject *)(op))->view.obj)
#endif

#endif /* FERROPY_MEMORYOBJECT_H */
