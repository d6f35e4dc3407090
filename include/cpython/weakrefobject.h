/* Unchecked weak reference access (CPython 3.11's cpython/weakrefobject.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_WEAKREFOBJECT_H
#define FERROPY_CPYTHON_WEAKREFOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Borrowed referent, or None once the referent is dead (refcount already zero). */
static inline PyObject* PyWeakref_GET_OBJECT(PyObject *ref_obj) {
    PyWeakReference *ref;
    PyObject *obj;
    assert(PyWeakref_Check(ref_obj));
    ref = _Py_CAST(PyWeakReference*, ref_obj);
    obj = ref->wr_object;
    if (Py_REFCNT(obj) > 0) {
        return obj;
    }
    return Py_None;
}
#define PyWeakref_GET_OBJECT(ref) PyWeakref_GET_OBJECT(_PyObject_CAST(ref))

#endif /* FERROPY_CPYTHON_WEAKREFOBJECT_H */
