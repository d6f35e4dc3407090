/* Hand-written macros of CPython 3.11's descrobject.h (and of its cpython/ part). The
 * descriptor structs and PyGetSetDef are generated (src/object/descr.rs). */
#ifndef FERROPY_DESCROBJECT_H
#define FERROPY_DESCROBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
/* The head every descriptor struct starts with, and its fields through any of them. */
#define PyDescr_COMMON PyDescrObject d_common
#define PyDescr_TYPE(x) (((PyDescrObject *)(x))->d_type)
#define PyDescr_NAME(x) (((PyDescrObject *)(x))->d_name)
#endif

#endif /* FERROPY_DESCROBJECT_H */
