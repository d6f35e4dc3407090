/* Hand-written macros of CPython 3.11's cpython/context.h (PEP 567). The context
 * types are opaque; their typedefs are in pytypedefs.h. */
#ifndef Py_LIMITED_API
#ifndef Py_CONTEXT_H
#define Py_CONTEXT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyContext_CheckExact(o) Py_IS_TYPE(o, &PyContext_Type)
#define PyContextVar_CheckExact(o) Py_IS_TYPE(o, &PyContextVar_Type)
#define PyContextToken_CheckExact(o) Py_IS_TYPE(o, &PyContextToken_Type)

#endif /* !Py_CONTEXT_H */
#endif /* !Py_LIMITED_API */
