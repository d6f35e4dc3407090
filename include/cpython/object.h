/* The non-limited part of object.h (CPython's cpython/object.h): identifier macros,
 * Py_SETREF/Py_XSETREF, object assertions and the trashcan. The type structs and slot
 * suites themselves are generated (src/object/typeobject.rs, src/object/slots.rs). */
#ifndef Py_CPYTHON_OBJECT_H
#  error "this header file must not be included directly"
#endif
#ifndef FERROPY_CPYTHON_OBJECT_H
#define FERROPY_CPYTHON_OBJECT_H

/* _Py_IDENTIFIER(foo) declares `static _Py_Identifier PyId_foo` for the string "foo";
 * the index -1 marks it not yet interned. */
#define _Py_static_string_init(value) { .string = value, .index = -1 }
#define _Py_static_string(varname, value)  static _Py_Identifier varname = _Py_static_string_init(value)
#define _Py_IDENTIFIER(varname) _Py_static_string(PyId_##varname, #varname)

/* Old name kept for third-party extensions. */
#define _PyObject_LookupSpecial _PyObject_LookupSpecialId

/* Replace a reference held in `op` by `op2`, releasing the old one only after the
 * variable holds the new value (its destructor may look at the variable). */
#define Py_SETREF(op, op2)                      \
    do {                                        \
        PyObject *_py_tmp = _PyObject_CAST(op); \
        (op) = (op2);                           \
        Py_DECREF(_py_tmp);                     \
    } while (0)

#define Py_XSETREF(op, op2)                     \
    do {                                        \
        PyObject *_py_tmp = _PyObject_CAST(op); \
        (op) = (op2);                           \
        Py_XDECREF(_py_tmp);                    \
    } while (0)

/* Object-aware assertions: on failure they dump the object before aborting; compiled
 * out under NDEBUG like assert(). */
#ifdef NDEBUG
#  define _PyObject_ASSERT_FROM(obj, expr, msg, filename, lineno, func) \
    ((void)0)
#else
#  define _PyObject_ASSERT_FROM(obj, expr, msg, filename, lineno, func) \
    ((expr) \
      ? (void)(0) \
      : _PyObject_AssertFailed((obj), Py_STRINGIFY(expr), \
                               (msg), (filename), (lineno), (func)))
#endif
#define _PyObject_ASSERT_WITH_MSG(obj, expr, msg) \
    _PyObject_ASSERT_FROM(obj, expr, msg, __FILE__, __LINE__, __func__)
#define _PyObject_ASSERT(obj, expr) \
    _PyObject_ASSERT_WITH_MSG(obj, expr, NULL)
#define _PyObject_ASSERT_FAILED_MSG(obj, msg) \
    _PyObject_AssertFailed((obj), NULL, (msg), __FILE__, __LINE__, __func__)

/* The trashcan bounds the C stack depth of chains of deallocations: a tp_dealloc body
 * bracketed by Py_TRASHCAN_BEGIN(op, dealloc) / Py_TRASHCAN_END is deferred when the
 * nesting is too deep, and run later when the stack has unwound. */
#define Py_TRASHCAN_BEGIN_CONDITION(op, cond) \
    do { \
        PyThreadState *_tstate = NULL; \
        if (cond) { \
            _tstate = PyThreadState_Get(); \
            if (_PyTrash_begin(_tstate, _PyObject_CAST(op))) { \
                break; \
            } \
        }

#define Py_TRASHCAN_END \
        if (_tstate) { \
            _PyTrash_end(_tstate); \
        } \
    } while (0);

#define Py_TRASHCAN_BEGIN(op, dealloc) \
    Py_TRASHCAN_BEGIN_CONDITION(op, \
        _PyTrash_cond(_PyObject_CAST(op), (destructor)dealloc))

/* The 3.8 spelling, deprecated in 3.11: using it triggers a deprecation warning. */
Py_DEPRECATED(3.11) typedef int UsingDeprecatedTrashcanMacro;
#define Py_TRASHCAN_SAFE_BEGIN(op) \
    do { \
        UsingDeprecatedTrashcanMacro cond=1; \
        Py_TRASHCAN_BEGIN_CONDITION(op, cond);
#define Py_TRASHCAN_SAFE_END(op) \
        Py_TRASHCAN_END; \
    } while(0);

#endif /* FERROPY_CPYTHON_OBJECT_H */
