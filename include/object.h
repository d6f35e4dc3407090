/* Hand-written macros and static inline functions of CPython 3.11's object.h: the object
 * header initializers, reference counting, type tests and the singletons' spellings.
 * Structs, typedefs, constants and functions come from ferropy_generated.h (src/object/).
 * Inline functions keep CPython's names and bodies' effect, since extension binaries
 * compiled against CPython inline the same code. Where CPython's inline body calls a
 * function or reads a data symbol the Rust side does not declare yet, the same
 * operation is written as a macro so that merely including Python.h never needs it. */
#ifndef FERROPY_OBJECT_H
#define FERROPY_OBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Cast helpers of CPython's pyport.h / pymacro.h, used below; those headers own them and
 * these definitions only apply while they do not provide them. */
#ifndef _Py_STATIC_CAST
#  ifdef __cplusplus
#    define _Py_STATIC_CAST(type, expr) static_cast<type>(expr)
#  else
#    define _Py_STATIC_CAST(type, expr) ((type)(expr))
#  endif
#endif
#ifndef _Py_CAST
#  define _Py_CAST(type, expr) ((type)(expr))
#endif
#ifndef _Py_NULL
#  if defined(__cplusplus) && __cplusplus >= 201103
#    define _Py_NULL nullptr
#  else
#    define _Py_NULL NULL
#  endif
#endif
#ifndef Py_UNREACHABLE
#  define Py_UNREACHABLE() __builtin_unreachable()
#endif

/* ---- The object header -------------------------------------------------------------- */

/* Release builds have no trace-refs links before ob_refcnt. */
#define _PyObject_HEAD_EXTRA
#define _PyObject_EXTRA_INIT

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
/* Static objects start with one reference that is never released. */
#define PyObject_HEAD_INIT(type) { _PyObject_EXTRA_INIT 1, type },
#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) size },

#define Py_INVALID_SIZE (Py_ssize_t)-1

#define _PyObject_CAST(op) _Py_CAST(PyObject*, (op))
#define _PyVarObject_CAST(op) _Py_CAST(PyVarObject*, (op))

/* "x is y". CPython also exports Py_Is as a function for the stable ABI. */
#define Py_Is(x, y) ((x) == (y))

/* ---- Header accessors ----------------------------------------------------------------
 * Up to limited API 3.10 a macro casts the argument to PyObject*, as CPython does; from
 * limited API 3.11 callers must pass a PyObject*. */

static inline Py_ssize_t Py_REFCNT(PyObject *ob) {
    return ob->ob_refcnt;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_REFCNT(ob) Py_REFCNT(_PyObject_CAST(ob))
#endif

static inline PyTypeObject* Py_TYPE(PyObject *ob) {
    return ob->ob_type;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_TYPE(ob) Py_TYPE(_PyObject_CAST(ob))
#endif

static inline Py_ssize_t Py_SIZE(PyObject *ob) {
    return _PyVarObject_CAST(ob)->ob_size;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_SIZE(ob) Py_SIZE(_PyObject_CAST(ob))
#endif

static inline int Py_IS_TYPE(PyObject *ob, PyTypeObject *type) {
    return Py_TYPE(ob) == type;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_IS_TYPE(ob, type) Py_IS_TYPE(_PyObject_CAST(ob), type)
#endif

static inline void Py_SET_REFCNT(PyObject *ob, Py_ssize_t refcnt) {
    ob->ob_refcnt = refcnt;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_SET_REFCNT(ob, refcnt) Py_SET_REFCNT(_PyObject_CAST(ob), refcnt)
#endif

static inline void Py_SET_TYPE(PyObject *ob, PyTypeObject *type) {
    ob->ob_type = type;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_SET_TYPE(ob, type) Py_SET_TYPE(_PyObject_CAST(ob), type)
#endif

static inline void Py_SET_SIZE(PyVarObject *ob, Py_ssize_t size) {
    ob->ob_size = size;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_SET_SIZE(ob, size) Py_SET_SIZE(_PyVarObject_CAST(ob), size)
#endif

/* "isinstance(ob, type)": exact match first, then the subtype walk (PyType_IsSubtype).
 * A single-evaluation macro until PyType_IsSubtype is declared by the object core. */
#define PyObject_TypeCheck(ob, type) __extension__ ({                       \
        PyObject *_py_tc_ob = _PyObject_CAST(ob);                          \
        PyTypeObject *_py_tc_tp = (type);                                  \
        (Py_IS_TYPE(_py_tc_ob, _py_tc_tp)                                  \
         || PyType_IsSubtype(Py_TYPE(_py_tc_ob), _py_tc_tp));              \
    })

/* ---- Reference counting ----------------------------------------------------------------
 * Plain counts, guarded by the GIL. Py_DECREF hands an object whose count reaches zero
 * to _Py_Dealloc (its type's tp_dealloc). */

static inline void Py_INCREF(PyObject *op)
{
    op->ob_refcnt++;
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#endif

static inline void Py_DECREF(PyObject *op)
{
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
}
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))

/* Clear the variable before the decref, so a destructor that looks at it again sees
 * NULL rather than a dying object. */
#define Py_CLEAR(op)                            \
    do {                                        \
        PyObject *_py_tmp = _PyObject_CAST(op); \
        if (_py_tmp != NULL) {                  \
            (op) = NULL;                        \
            Py_DECREF(_py_tmp);                 \
        }                                       \
    } while (0)

static inline void Py_XINCREF(PyObject *op)
{
    if (op != _Py_NULL) {
        Py_INCREF(op);
    }
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))
#endif

static inline void Py_XDECREF(PyObject *op)
{
    if (op != _Py_NULL) {
        Py_DECREF(op);
    }
}
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))
#endif

/* New strong reference: incref and return the object (Py_XNewRef accepts NULL).
 * CPython also exports Py_NewRef/Py_XNewRef as functions for the stable ABI. */
static inline PyObject* _Py_NewRef(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}

static inline PyObject* _Py_XNewRef(PyObject *obj)
{
    Py_XINCREF(obj);
    return obj;
}

#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#  define Py_NewRef(obj) _Py_NewRef(_PyObject_CAST(obj))
#  define Py_XNewRef(obj) _Py_XNewRef(_PyObject_CAST(obj))
#else
#  define Py_NewRef(obj) _Py_NewRef(obj)
#  define Py_XNewRef(obj) _Py_XNewRef(obj)
#endif

/* ---- Singletons (data symbols exported by the library) ------------------------------- */

#define Py_None (&_Py_NoneStruct)
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_RETURN_NONE return Py_NewRef(Py_None)

#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_RETURN_NOTIMPLEMENTED return Py_NewRef(Py_NotImplemented)

/* Return True or False from a rich comparison of two C values under opcode `op`. */
#define Py_RETURN_RICHCOMPARE(val1, val2, op)                               \
    do {                                                                    \
        switch (op) {                                                       \
        case Py_EQ: if ((val1) == (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        case Py_NE: if ((val1) != (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        case Py_LT: if ((val1) < (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;   \
        case Py_GT: if ((val1) > (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;   \
        case Py_LE: if ((val1) <= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        case Py_GE: if ((val1) >= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;  \
        default:                                                            \
            Py_UNREACHABLE();                                               \
        }                                                                   \
    } while (0)

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_OBJECT_H
#  include "cpython/object.h"
#  undef Py_CPYTHON_OBJECT_H
#endif

/* ---- Type flags and type tests ---------------------------------------------------------
 * The type struct is opaque in the limited API, where the flags are read through
 * PyType_GetFlags(). */
#ifndef Py_LIMITED_API
static inline int
PyType_HasFeature(PyTypeObject *type, unsigned long feature)
{
    return ((type->tp_flags & feature) != 0);
}
#else
#  define PyType_HasFeature(type, feature) \
    ((PyType_GetFlags(type) & (unsigned long)(feature)) != 0)
#endif

#define PyType_FastSubclass(type, flag) PyType_HasFeature(type, flag)

#ifndef Py_LIMITED_API
static inline int PyType_Check(PyObject *op) {
    return PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS);
}
#  define PyType_Check(op) PyType_Check(_PyObject_CAST(op))
#else
#  define PyType_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS)
#endif

#define _PyType_CAST(op) \
    (assert(PyType_Check(op)), _Py_CAST(PyTypeObject*, (op)))

/* Exactly `type` (not a metaclass instance). */
#define PyType_CheckExact(op) Py_IS_TYPE((op), &PyType_Type)
#ifndef _Py_RVALUE
#  define _Py_RVALUE(EXPR) ((void)0, (EXPR))
#endif

#endif /* FERROPY_OBJECT_H */
