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
typedef struct PyCodeObject PyCodeObject;
typedef struct _frame PyFrameObject;

/* Concrete objects: tag aliases used inside generated struct bodies. */
typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;
typedef struct _PyWeakReference PyWeakReference;
typedef struct _line_offsets PyCodeAddressRange;
/* FIXME(merge): the object layer declares this one too (pybuffer); keep one copy. */
typedef struct bufferinfo Py_buffer;

typedef struct _ts PyThreadState;
typedef struct _is PyInterpreterState;

#endif /* Py_PYTYPEDEFS_H */
