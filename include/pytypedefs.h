/* Forward typedefs of the core structs, so headers can name each other's types
 * (CPython's pytypedefs.h). Bodies come from ferropy_generated.h. */
#ifndef Py_PYTYPEDEFS_H
#define Py_PYTYPEDEFS_H

typedef struct PyModuleDef PyModuleDef;
typedef struct PyModuleDef_Slot PyModuleDef_Slot;
typedef struct PyMethodDef PyMethodDef;
typedef struct PyGetSetDef PyGetSetDef;
typedef struct PyMemberDef PyMemberDef;

typedef struct _object PyObject;
typedef struct _longobject PyLongObject;
typedef struct _typeobject PyTypeObject;
#if !defined(Py_LIMITED_API)
typedef struct _heaptypeobject PyHeapTypeObject;
#endif
#if !defined(Py_LIMITED_API)
typedef union _Py_HashSecret_t _Py_HashSecret_t;   /* body in pyhash.h */
typedef struct PyHash_FuncDef PyHash_FuncDef;      /* body in pyhash.h */
#endif
#if !defined(_Py_LIMITED_API_BEFORE_3_11)
typedef struct bufferinfo Py_buffer;   /* anonymous in CPython; tagged so slots can name it */
#endif
typedef struct PyCodeObject PyCodeObject;
typedef struct _frame PyFrameObject;

/* Concrete objects: tag aliases used inside generated struct bodies. */
typedef struct _PyWeakReference PyWeakReference;
#if !defined(Py_LIMITED_API)
typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;
typedef struct _line_offsets PyCodeAddressRange;
#endif

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;

/* Runtime: tag aliases of the thread state, frames, tracebacks and thread-specific storage.
 * <pthread.h> gives the key type of struct _Py_tss_t's body, as CPython's
 * cpython/pythread.h does (non-limited only). */
#if !defined(Py_LIMITED_API)
#  include <pthread.h>
#endif
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03070000
typedef struct _Py_tss_t Py_tss_t;
#endif
#if !defined(Py_LIMITED_API)
typedef struct _err_stackitem _PyErr_StackItem;
typedef struct _stack_chunk _PyStackChunk;
typedef struct _xid _PyCrossInterpreterData;
typedef struct _traceback PyTracebackObject;
typedef struct _pycontextobject PyContext;
typedef struct _pycontextvarobject PyContextVar;
typedef struct _pycontexttokenobject PyContextToken;
typedef struct _odictobject PyODictObject;
#endif

#endif /* Py_PYTYPEDEFS_H */
