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
typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;
typedef struct _PyWeakReference PyWeakReference;
typedef struct _line_offsets PyCodeAddressRange;

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;

#endif /* Py_PYTYPEDEFS_H */
