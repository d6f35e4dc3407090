/* Weak reference checks (CPython 3.11's weakrefobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_WEAKREFOBJECT_H
#define FERROPY_WEAKREFOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyWeakref_CheckRef(op) PyObject_TypeCheck(op, &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) \
        Py_IS_TYPE(op, &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
        (Py_IS_TYPE(op, &_PyWeakref_ProxyType) || \
         Py_IS_TYPE(op, &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) \
        (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

#ifndef Py_LIMITED_API
#  include "cpython/weakrefobject.h"
#endif

#endif /* FERROPY_WEAKREFOBJECT_H */
